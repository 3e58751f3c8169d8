// The UI shell around the app (src/app): draws the screen the app is on and tells the frame loop
// what it needs to know about the next frame. main.cpp calls ShellInit once and ShellFrame between NewFrame and
// Render; the page asks for AppStateJson through platform::PageQueries (set up by ShellInit).
#pragma once

#include "platform/platform.h"

#include <string>

namespace ui {

struct FrameRequest
{
    bool Animating;       // something moves: draw the next frame too
    double WakeAtMs;      // else: monotonic time the screen next changes by itself (INFINITY: never)
    float ClearColor[3];  // background behind the windows
    bool ScreenChanged;   // a press switched screens mid-frame: the frame is run again before it is shown
};

void ShellInit(const platform::Clock& clock);
FrameRequest ShellFrame(const platform::Clock& clock);   // the clocks as read once for this frame
std::string AppStateJson(const platform::Clock& clock);  // window.bandCircuit.state() as of clock: app::AutomationStateJson
void RequestFrame();                                     // from ImGui hooks, which have no AppState: draw the next frame too
void PreferencesChanged();                               // the page saw a preference change: the app asks again at its next frame
float TextScale();                                       // the text size the runner reads at (1 to 2), for the display scale
bool LanguagePending();                                  // the language the runner reads is still on its way (the page keeps its loading message)

}  // namespace ui
