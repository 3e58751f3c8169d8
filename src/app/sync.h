// Sync with the runner's own CouchDB database (Settings, off by default): every session is one
// document, a deleted session a deleted document, the settings one document. A run pulls what other
// devices wrote (_changes from the stored checkpoint), sends what the server lacks (_bulk_docs), then
// the settings (PUT with their revision; a conflict fetches, merges field by field and tries again).
// The decisions are core/sync.h's; only the HTTP goes through the platform (fetch). Nothing waits
// for it: a run starts at page open, after a session is finished or deleted, after a settings
// change, when the network comes back and on Sync now; a failed one is tried again a minute later.
// A bad answer changes nothing stored: each answer is read whole before anything is taken from it.
#pragma once

#include "app/app_state.h"

namespace app {

constexpr double SyncRetryMs = 60000.0;  // after a failed run

bool SyncOn(const AppState& app);  // an account is set
void SyncFrame(AppState& app);     // each frame: starts a run asked for (app::RequestSync) or due

// The account, from the form: the address is checked (https:, or http: to this computer), and a
// new account starts from nothing (its checkpoint and known documents), then runs at once.
void OpenSyncAccountForm(AppState& app);
void SetSyncAccount(AppState& app, const std::string& url, const std::string& user, const std::string& password);
void ForgetSyncAccount(AppState& app);  // sync off: the account, password and progress leave this device

// The page events of sync (installed by app::InstallPageEvents; tests call them directly).
void OnHttpAnswered(AppState& app, int request_id, int status, const std::string& body, const platform::Clock& clock);
void OnNetworkOnline(AppState& app, const platform::Clock& clock);
void OnSyncFormSaved(AppState& app, const std::string& url, const std::string& user, const std::string& password, const platform::Clock& clock);

}  // namespace app
