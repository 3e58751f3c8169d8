// The app without its drawing: start-up, what each frame does before the screens draw, and what
// the browser's page events do. ui/shell.cpp owns the AppState and calls these; src/platform delivers
// the page events. Core and platform.h only, so tests/app drives it natively with a fake browser.
#pragma once

#include "app/app_state.h"

namespace app {

void Init(AppState& app, const platform::Clock& clock);        // preferences, saved data, a session reopened paused
void BeginFrame(AppState& app, const platform::Clock& clock);  // this frame's clocks, preferences, the session's cues and saves
void InstallPageEvents(AppState& app);                         // the browser's page events now reach this app

// The page events (installed above; tests call them directly).
void OnPageHidden(AppState& app, const platform::Clock& clock);                       // save now; tones ahead go to the audio clock
void OnPageShown(AppState& app, const platform::Clock& clock);                        // tones already scheduled are not replayed
void OnStorageChanged(AppState& app, const char* key, const platform::Clock& clock);  // another page wrote key ("": all)
void OnHistoryCommit(AppState& app, const platform::Clock& clock);                    // the storage lock is held: write the history

}  // namespace app
