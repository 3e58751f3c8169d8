// Taking the history to another browser: export it to a file, import a file exported elsewhere.
// Import goes through core's validation and merge, so a file that is not ours, is cut short or is
// too big changes nothing, and an import can only add sessions, never remove or alter one. Each
// action says how it went in app.Notice.
#pragma once

#include "app/app_state.h"

namespace app {

// The whole history (and what was deleted) as a backup file: the share sheet where the browser
// can share files, else a download. How it went arrives in OnFileKept.
void BackUpHistory(AppState& app);
void OnFileKept(AppState& app, platform::FileKept how, const platform::Clock& clock);  // says how the backup went; a kept one is noted
constexpr int BackupReminderSessions = 3;                                              // History reminds after this many sessions without a backup
void ExportSessionFile(AppState& app, const core::SessionRecord& record);              // one session (finish screen, when it was not saved)
void OpenImport(AppState& app);                                                        // the file picker, with a notice saying what to pick
bool ReceiveImport(AppState& app);                                                     // takes a chosen file if one arrived: true when it told something

}  // namespace app
