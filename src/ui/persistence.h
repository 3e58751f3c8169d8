// Reading and writing the app's data in localStorage through src/core/save_format. Data that
// cannot be read is never overwritten: it is copied under a separate key first, the user is told,
// and the app starts clean. Keys and schema: README "Saved data".
#pragma once

#include "ui/app_state.h"

namespace ui {

constexpr const char* SettingsKey = "bandCircuit.settings";
constexpr const char* SessionKey = "bandCircuit.session";
constexpr const char* HistoryKey = "bandCircuit.history";
constexpr const char* UnreadablePrefix = "bandCircuit.unreadable.";   // + name + "." + wall ms

void LoadSavedData(AppState& app, double now_ms);   // settings, history, then the session (restored paused)
void SaveSettings(AppState& app);
void SaveHistory(AppState& app);
void SaveSession(AppState& app, double now_ms);     // the session in progress, or removes the key when none
void ForgetAllData(AppState& app);                  // reset: removes settings, session and history (copies kept aside stay)

}  // namespace ui
