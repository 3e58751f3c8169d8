// The app: which screen is showing, the workout state behind it, and what the frame loop needs
// to know about the next frame. main.cpp calls AppInit once and AppFrame between NewFrame and
// Render; automation.cpp asks for AppStateJson.
#pragma once

#include <string>

namespace ui {

struct FrameRequest
{
    bool   Animating;       // something moves: draw the next frame too
    double WakeAtMs;        // else: monotonic time the screen next changes by itself (INFINITY: never)
    float  ClearColor[3];   // background behind the windows
    bool   ScreenChanged;   // a press switched screens mid-frame: the frame is run again before it is shown
};

void         AppInit(double now_ms);
FrameRequest AppFrame(double now_ms);
std::string  AppStateJson();   // window.bandCircuit.state(): see README "Automation interface"

}  // namespace ui
