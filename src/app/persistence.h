// Reading and writing the app's data in localStorage through src/core/save_format, safely when
// several pages of the app (an installed window and a browser tab, say) are open at once. Keys and
// schema: README "Saved data"; the scenarios this guards against: README "Reliability".
//
// - Nothing is written from memory over newer stored data: settings are merged field by field
//   with what is stored, history entries are added by session id to what is stored (under the Web
//   Locks API where the browser has it), and every page follows the others' writes (storage events).
// - A session in progress has one owner page. Other pages show it and can take it over; once it
//   ends anywhere it never comes back.
// - "Delete everything" removes every key the app wrote and leaves a reset mark that pages opened
//   before it respect.
// - Data that cannot be read is copied aside before anything else is written; if even the copy
//   cannot be written, that key is left alone and never written over.
#pragma once

#include "app/app_state.h"

namespace app {

constexpr const char* KeyPrefix = "bandCircuit.";  // every key the app writes starts so
constexpr const char* SettingsKey = "bandCircuit.settings";
constexpr const char* SessionKey = "bandCircuit.session";
constexpr const char* HistoryKey = "bandCircuit.history";
constexpr const char* ResetKey = "bandCircuit.reset";                    // when "Delete everything" last ran
constexpr const char* UnreadablePrefix = "bandCircuit.unreadable.";      // + name + "." + wall ms
constexpr const char* SyncKey = "bandCircuit.sync";                      // this device's sync account and progress (app/sync.h)
constexpr const char* HomeScreenNoteKey = "bandCircuit.homeScreenNote";  // when the note on keeping the history in Safari was dismissed
constexpr const char* WaitingPrefix = "bandCircuit.waiting.";            // + page id: history a hidden page had not written yet (KeepWaitingHistory)

core::Settings DefaultSettingsHere();                              // the defaults, with the screen flash on where there is no vibration
void LoadSavedData(AppState& app, double now_ms);                  // settings, history, then the session (restored paused)
void SaveSettings(AppState& app);                                  // merged with what another page may have stored meanwhile
void SaveSession(AppState& app, double now_ms);                    // the session in progress, if this page owns it
void TakeOverSession(AppState& app, double now_ms);                // this page becomes the session's owner (Resume here)
void ForgetSession(AppState& app, const std::string& session_id);  // it ended or was discarded: remove it from storage
bool RecordEndedSession(AppState& app, double now_ms);             // its history entry (when a rep was done: true), and it is over here

// Adds sessions to the history: kept in memory at once, written under the storage lock (at once
// where the browser has no Web Locks). Each record's fate is in RecordSaveFor().
void AddToHistory(AppState& app, const std::vector<core::SessionRecord>& records);
void CommitHistory(AppState& app);  // the write itself: read, merge by id (what hidden pages left waiting too), drop the deleted, check limits, write
// The page is being hidden and may not run again: what still waits for the storage lock is written
// under a key of this page's own (bandCircuit.waiting.<page id>), which needs no lock since no other
// page writes it. The next history write in any page, this one included, takes it in and removes it.
void KeepWaitingHistory(AppState& app);

// Deletes one session: gone from the history at once and remembered by id, so that no import or
// sync brings it back; written like AddToHistory.
void DeleteSession(AppState& app, const std::string& session_id);
void DeleteSessions(AppState& app, const std::vector<core::Deletion>& deletions);  // several at once (deleted on other devices)
void NoteBackup(AppState& app, int64_t wall_ms);                                   // a backup file was made then (or restored from one made then): History says when

// The note that a Safari tab deletes the history after seven days without a visit (and how to
// keep it: the home screen): shown once there is a history, until dismissed in any page.
bool ShowHomeScreenNote(const AppState& app);
void DismissHomeScreenNote(AppState& app);

void WriteSyncRecord(AppState& app);                                    // app.Sync.Record, as it is now ("" account: the key is removed)
void StorageChanged(AppState& app, StoredKey key, double now_ms);       // another page wrote or removed `key`
void DeleteEverything(AppState& app);                                   // settings' "Delete everything": ForgetAllData, the wake lock let go, what went said
std::string ForgetAllData(AppState& app);                               // reset: removes every key the app wrote; says what went
std::string RecoverKeptHistory(AppState& app, const std::string& key);  // adds what a kept-aside history still holds
void ListKeptAside(AppState& app);                                      // refreshes app.KeptAside (and the home screen note's state) from storage

}  // namespace app
