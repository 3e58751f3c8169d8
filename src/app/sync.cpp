// One run of sync as a chain of requests, each sent when the answer to the one before arrived:
// pull (as many pages as the server has), push (as many batches as needed), settings.
#include "app/sync.h"

#include "app/persistence.h"
#include "core/sync.h"
#include "core/wording.h"
#include "platform/platform.h"

#include <algorithm>

namespace {

int g_NextRequestId = 1;

// A checkpoint in a query string: CouchDB's sequences are letters, digits, "-" and "_", but the
// server chooses them.
std::string UrlEncode(const std::string& text)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text)
    {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
            out += (char)c;
        else
        {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void Send(app::AppState& app, app::SyncPhase phase, const char* method, const std::string& path, const std::string& body)
{
    const core::SyncAccount& account = app.Sync.Record.Account;
    app.Sync.Phase = phase;
    app.Sync.RequestId = g_NextRequestId++;
    platform::SendHttp(app.Sync.RequestId, { method, account.Url + path, account.User, account.Password, body });
}

void Finish(app::AppState& app, const std::string& status, bool is_error)
{
    app.Sync.Phase = app::SyncPhase_Idle;
    // A run that moved nothing keeps the word of the last one that did (the runs a change here
    // starts after a pull would otherwise hide it); the time of the last sync says it went.
    const bool moved = app.Sync.Received + app.Sync.Sent + app.Sync.Foreign > 0;
    if (is_error || moved || app.Sync.StatusIsError || app.Sync.Status.empty())
        app.Sync.Status = status;
    app.Sync.StatusIsError = is_error;
    app.Sync.RetryAtMs = is_error ? app.Frame.NowMs + app::SyncRetryMs : 0.0;
    if (!is_error)
        app.Sync.Record.LastSyncWallMs = app.Frame.WallMs;
    app::WriteSyncRecord(app);
    app::RequestAnimation(app);
}

// Why a request failed, for a person: the HTTP status, or what the page said when there was none.
std::string FailureText(int status, const std::string& body)
{
    if (status == 401 || status == 403)
        // TRANSLATORS: %d is the HTTP status (401 or 403)
        return core::Format(core::Tr("The server refused the user name or password (%d). Check them in Settings."), status);
    if (status == 404)
        return core::Tr("There is no database at that address (404). Check the address in Settings.");
    if (status == 0 && body == "offline")
        return core::Tr("Offline: sync goes on when the network is back.");
    if (status == 0 && body == "timeout")
        return core::Tr("The server did not answer in time. Sync tries again in a minute.");
    if (status == 0 && body == "redirect")
        return core::Tr("The server answered with a redirect. Use the database's own address (https://host/database).");
    if (status == 0 && body == "large")
        return core::Tr("The server's answer was too large to be a Band Circuit database. Nothing was changed.");
    if (status == 0)
        return core::Tr("The server could not be reached. Check the address, the connection, and that the server allows this site (CORS).");
    // TRANSLATORS: %d is the HTTP status (500, say)
    return core::Format(core::Tr("The server answered with an error (%d). Sync tries again in a minute."), status);
}

void Fail(app::AppState& app, const std::string& why) { Finish(app, why, true); }

// A reply that could not be read: nothing of it was taken.
void FailUnreadable(app::AppState& app, const std::string& why)
{
    // TRANSLATORS: %s is why (a message of the reader: "server's changes: not valid JSON (...)")
    Fail(app, core::Format(core::Tr("The server's answer could not be read, so nothing was changed: %s."), why.c_str()));
}

void Pull(app::AppState& app)
{
    std::string path = "/_changes?include_docs=true&limit=" + std::to_string(core::SyncPageSize);
    if (!app.Sync.Record.Since.empty())
        path += "&since=" + UrlEncode(app.Sync.Record.Since);
    Send(app, app::SyncPhase_Pulling, "GET", path, "");
}

void PutSettings(app::AppState& app)
{
    app.Sync.SettingsTries++;
    Send(app, app::SyncPhase_PuttingSettings, "PUT", std::string("/") + core::SettingsDocId,
         core::SettingsDocJson(app.Settings, app.Sync.Record.SettingsRev));
}

std::string DoneText(const app::AppState& app)
{
    if (app.Sync.Foreign > 0)
        // TRANSLATORS: sync went through; %1$d sessions came in, %2$d went out, %3$d documents in the database were not Band Circuit's
        return core::Format(core::Tr("Synced: %d in, %d out. %d documents in the database are not Band Circuit's and were left alone."), app.Sync.Received,
                            app.Sync.Sent, app.Sync.Foreign);
    // TRANSLATORS: sync went through; %1$d sessions (and deletions) came in, %2$d went out
    return core::Format(core::Tr("Synced: %d in, %d out."), app.Sync.Received, app.Sync.Sent);
}

// The last step: the settings go up when they changed here since they were last agreed.
void SyncSettings(app::AppState& app)
{
    const core::SyncRecord& record = app.Sync.Record;
    const bool changed = !record.HasSettingsBase || core::SaveSettings(record.SettingsBase) != core::SaveSettings(app.Settings);
    if (changed && app.Sync.SettingsTries < 3)
        PutSettings(app);
    else
        Finish(app, DoneText(app), false);
}

void Push(app::AppState& app)
{
    const core::PushPlan plan = core::PlanPush(app.History, app.Deleted, app.Sync.Record.Known);
    if (plan.Empty())
    {
        SyncSettings(app);
        return;
    }
    Send(app, app::SyncPhase_Pushing, "POST", "/_bulk_docs", core::BulkDocsJson(plan.Sessions, plan.Deletions));
}

// The settings another device wrote: agreed with this device's, shown and stored here.
void TakeSettings(app::AppState& app, const core::Settings& theirs, const std::string& rev)
{
    core::SyncRecord& record = app.Sync.Record;
    const core::SettingsAgreement agreement = core::AgreeSettings(record.HasSettingsBase, record.SettingsBase, app.Settings, true, theirs);
    record.SettingsRev = rev;
    if (core::SaveSettings(agreement.Agreed) != core::SaveSettings(app.Settings))
    {
        app.Settings = agreement.Agreed;
        app::SaveSettings(app);
    }
    if (!agreement.Push)
    {
        record.HasSettingsBase = true;
        record.SettingsBase = agreement.Agreed;
    }
}

}  // namespace

namespace {

void AnsweredPull(app::AppState& app, const std::string& body)
{
    const core::LoadResult<core::ChangesPage> page = core::ParseChanges(body);
    if (!page.Ok())
    {
        FailUnreadable(app, page.Error.Message);
        return;
    }
    core::SyncRecord& record = app.Sync.Record;
    const core::PulledChanges pulled = core::TakeChanges(page.Value, record.Known, app.Deleted, app.Frame.WallMs);
    std::vector<std::string> here;  // the history's ids, sorted: a page of 500 against 3000 sessions
    here.reserve(app.History.size());
    for (const core::SessionRecord& session : app.History)
        here.push_back(session.Id);
    std::sort(here.begin(), here.end());
    std::vector<core::SessionRecord> news;
    for (const core::SessionRecord& session : pulled.Add)
        if (!std::binary_search(here.begin(), here.end(), session.Id))
            news.push_back(session);
    int gone = 0;
    for (const core::Deletion& deletion : pulled.Delete)
        gone += std::binary_search(here.begin(), here.end(), deletion.Id);
    app::DeleteSessions(app, pulled.Delete);  // remembered even when not here: a later file or sync cannot add them
    if (!news.empty())
        app::AddToHistory(app, news);
    if (pulled.HasSettings)
        TakeSettings(app, pulled.Theirs, pulled.SettingsRev);
    app.Sync.Received += (int)news.size() + gone;
    app.Sync.Foreign += pulled.Foreign + pulled.Unreadable;
    record.Since = page.Value.LastSeq;
    app::WriteSyncRecord(app);  // the checkpoint: what was taken is taken
    if (page.Value.Entries >= core::SyncPageSize)
        Pull(app);
    else
        Push(app);
}

void AnsweredPush(app::AppState& app, const std::string& body)
{
    const core::LoadResult<std::vector<core::BulkResult>> results = core::ParseBulkResults(body);
    if (!results.Ok())
    {
        FailUnreadable(app, results.Error.Message);
        return;
    }
    core::TakeBulkResults(results.Value, app.Deleted, app.Sync.Record.Known);
    int written = 0;
    for (const core::BulkResult& result : results.Value)
        written += result.Error.empty();
    app.Sync.Sent += written;
    app::WriteSyncRecord(app);
    // Another batch while this one moved something; what conflicted is learnt by the next pull.
    if (written > 0 && (int)results.Value.size() >= core::SyncPageSize)
        Push(app);
    else
        SyncSettings(app);
}

void AnsweredSettingsPut(app::AppState& app, int status, const std::string& body)
{
    if (status == 409)
    {
        Send(app, app::SyncPhase_GettingSettings, "GET", std::string("/") + core::SettingsDocId, "");
        return;
    }
    const core::LoadResult<std::string> rev = core::ParseWriteAnswer(body);
    if (!rev.Ok())
    {
        FailUnreadable(app, rev.Error.Message);
        return;
    }
    core::SyncRecord& record = app.Sync.Record;
    record.SettingsRev = rev.Value;
    record.HasSettingsBase = true;
    record.SettingsBase = app.Settings;
    Finish(app, DoneText(app), false);
}

void AnsweredSettingsGet(app::AppState& app, int status, const std::string& body)
{
    if (status == 404)
    {
        app.Sync.Record.SettingsRev.clear();  // deleted there: written anew
        SyncSettings(app);
        return;
    }
    const core::LoadResult<std::pair<core::Settings, std::string>> theirs = core::ParseSettingsDoc(body);
    if (!theirs.Ok())
    {
        FailUnreadable(app, theirs.Error.Message);
        return;
    }
    TakeSettings(app, theirs.Value.first, theirs.Value.second);
    SyncSettings(app);
}

void StartRun(app::AppState& app)
{
    app.Sync.Wanted = false;
    app.Sync.RetryAtMs = 0.0;
    app.Sync.Received = app.Sync.Sent = app.Sync.Foreign = 0;
    app.Sync.SettingsTries = 0;
    if (!platform::NetworkOnline())
    {
        Fail(app, FailureText(0, "offline"));
        app.Sync.RetryAtMs = 0.0;  // the "online" event starts the next run
        return;
    }
    Pull(app);
}

}  // namespace

bool app::SyncOn(const AppState& app) { return !app.Sync.Record.Account.Url.empty(); }

void app::SyncFrame(AppState& app)
{
    if (!SyncOn(app) || app.Sync.Phase != SyncPhase_Idle)
        return;
    if (app.Sync.RetryAtMs > 0.0 && app.Frame.NowMs >= app.Sync.RetryAtMs)
        app.Sync.Wanted = true;
    if (app.Sync.Wanted)
        StartRun(app);
    else if (app.Sync.RetryAtMs > 0.0)
        RequestWake(app, app.Sync.RetryAtMs);
}

void app::OnHttpAnswered(AppState& app, int request_id, int status, const std::string& body, const platform::Clock& clock)
{
    SetClock(app, clock);
    if (app.Sync.Phase == SyncPhase_Idle || request_id != app.Sync.RequestId)
        return;  // an answer to a run that was given up (the account forgotten or changed)
    const bool ok = status == 200 || status == 201 || status == 202;
    const SyncPhase phase = app.Sync.Phase;
    if (phase == SyncPhase_PuttingSettings && (ok || status == 409))
        AnsweredSettingsPut(app, status, body);
    else if (phase == SyncPhase_GettingSettings && (ok || status == 404))
        AnsweredSettingsGet(app, status, body);
    else if (!ok)
        Fail(app, FailureText(status, body));
    else if (phase == SyncPhase_Pulling)
        AnsweredPull(app, body);
    else if (phase == SyncPhase_Pushing)
        AnsweredPush(app, body);
    RequestAnimation(app);
}

void app::OnNetworkOnline(AppState& app, const platform::Clock& clock)
{
    SetClock(app, clock);
    RequestSync(app);
}

void app::OpenSyncAccountForm(AppState& app)
{
    // TRANSLATORS: the title of the form that sets up sync with the runner's own CouchDB database
    const platform::SyncFormTexts texts = { core::Tr("Sync with your CouchDB"), core::Tr("Database address"), core::Tr("User name"),
                                            core::Tr("Password"), core::Tr("Save and sync"), core::Tr("Cancel") };
    platform::OpenSyncForm(texts, app.Sync.Record.Account.Url, app.Sync.Record.Account.User);
}

void app::SetSyncAccount(AppState& app, const std::string& url, const std::string& user, const std::string& password)
{
    const std::string address = core::NormalizeSyncAddress(url);
    if (const char* why = core::CheckSyncAddress(address))
    {
        app.Sync.Status = core::Tr(why);
        app.Sync.StatusIsError = true;
        ShowNotice(app, app.Sync.Status, true);
        return;
    }
    const core::SyncAccount account = { address, user.substr(0, 200), password.substr(0, 500) };
    if (!(account.Url == app.Sync.Record.Account.Url))
        app.Sync.Record = core::SyncRecord{};  // another database: nothing is known of it
    app.Sync.Record.Account = account;
    app.Sync.Phase = SyncPhase_Idle;  // an answer for the old account is ignored
    app.Sync.Status.clear();
    app.Sync.StatusIsError = false;
    WriteSyncRecord(app);
    RequestSync(app);
}

void app::ForgetSyncAccount(AppState& app)
{
    app.Sync = SyncState{};
    WriteSyncRecord(app);
    ShowNotice(app, core::Tr("Sync is off. The account and password are no longer on this device; the history here is kept."), false);
}

void app::OnSyncFormSaved(AppState& app, const std::string& url, const std::string& user, const std::string& password, const platform::Clock& clock)
{
    SetClock(app, clock);
    SetSyncAccount(app, url, user, password);
    RequestAnimation(app);
}
