// Every write reports back: a full quota or a vanished storage switches the banner on, and the
// app carries on in memory. Every write of shared data first reads what is stored now, because
// another page of the app may have written since this one last looked.
#include "app/persistence.h"

#include "core/save_format.h"
#include "core/wording.h"
#include "platform/platform.h"

#include <algorithm>
#include <cstdio>

static const char* KeyOf(app::StoredKey key)
{
    switch (key)
    {
    case app::StoredKey_Settings: return app::SettingsKey;
    case app::StoredKey_Session: return app::SessionKey;
    case app::StoredKey_History: return app::HistoryKey;
    case app::StoredKey_Reset: return app::ResetKey;
    case app::StoredKey_Sync: return app::SyncKey;
    default: return "";
    }
}

static void NoteWrite(app::AppState& app, platform::StorageResult result)
{
    if (result == platform::StorageResult_Full)
        app.Storage = app::StorageStatus_Full;
    else if (result == platform::StorageResult_Unavailable)
        app.Storage = app::StorageStatus_Unavailable;
    else if (app.Storage == app::StorageStatus_Full)
        app.Storage = app::StorageStatus_Ok;  // space came back
}

// Writes unless storage is gone or the key holds unreadable data that could not be kept aside.
static platform::StorageResult Write(app::AppState& app, app::StoredKey key, const std::string& value)
{
    if (app.Storage == app::StorageStatus_Unavailable)
        return platform::StorageResult_Unavailable;
    if (app.Stored.Held[key])
        return platform::StorageResult_Full;
    const platform::StorageResult result = platform::StorageWrite(KeyOf(key), value);
    NoteWrite(app, result);
    return result;
}

static void AddDetail(app::AppState& app, const std::string& text)
{
    app.Storage = app::StorageStatus_Recovered;
    if (!app.StorageDetail.empty())
        app.StorageDetail += " ";
    app.StorageDetail += text;
}

// What the runner reads when stored data could not be read: kept aside under `aside`, or (aside
// nullptr) left in place for want of room. One sentence per kind of data, since languages inflect
// with it; `why` is the reader's message.
static std::string UnreadableText(app::StoredKey key, const std::string& why, const char* aside)
{
    if (aside)
    {
        // TRANSLATORS: %1$s is why (a message of the reader), %2$s the name the copy is kept under in the browser's storage
        const char* format = core::Tr("Your saved settings could not be read (%s). A copy is kept under \"%s\".");
        if (key == app::StoredKey_History)
            // TRANSLATORS: %1$s is why (a message of the reader), %2$s the name the copy is kept under in the browser's storage. "History" is the screen
            format = core::Tr("Your saved history could not be read (%s). A copy is kept under \"%s\": History can recover its sessions.");
        else if (key == app::StoredKey_Session)
            // TRANSLATORS: the session in progress; %1$s is why (a message of the reader), %2$s the name the copy is kept under in the browser's storage
            format = core::Tr("Your saved session could not be read (%s). A copy is kept under \"%s\".");
        else if (key == app::StoredKey_Sync)
            // TRANSLATORS: %1$s is why (a message of the reader), %2$s the name the copy is kept under in the browser's storage
            format = core::Tr("Your sync account could not be read (%s). A copy is kept under \"%s\". Set up sync again in Settings.");
        return core::Format(format, why.c_str(), aside);
    }
    // TRANSLATORS: %s is why (a message of the reader)
    const char* format = core::Tr("Your saved settings could not be read (%s), and there is no room to keep a copy, so it is left as it is and Band Circuit will not write over it: changes to your settings are not saved until space is freed.");
    if (key == app::StoredKey_History)
        // TRANSLATORS: %s is why (a message of the reader)
        format = core::Tr("Your saved history could not be read (%s), and there is no room to keep a copy, so it is left as it is and Band Circuit will not write over it: changes to your history are not saved until space is freed.");
    else if (key == app::StoredKey_Session)
        // TRANSLATORS: the session in progress; %s is why (a message of the reader)
        format = core::Tr("Your saved session could not be read (%s), and there is no room to keep a copy, so it is left as it is and Band Circuit will not write over it: changes to your session are not saved until space is freed.");
    else if (key == app::StoredKey_Sync)
        // TRANSLATORS: %s is why (a message of the reader)
        format = core::Tr("Your sync account could not be read (%s), and there is no room to keep a copy, so it is left as it is and sync stays off until space is freed.");
    return core::Format(format, why.c_str());
}

// Keeps unreadable data under its own key, never overwriting an earlier copy, then reports it. If
// the copy cannot be written (no space), the original stays where it is and is never written over.
// `name` is part of the copy's key: "settings", "history", "session".
static void KeepAside(app::AppState& app, app::StoredKey key, const char* name, const std::string& raw, const std::string& why)
{
    char aside[96];
    long long stamp = (long long)app.Frame.WallMs;
    std::string ignored;
    do
    {
        snprintf(aside, sizeof(aside), "%s%s.%lld", app::UnreadablePrefix, name, stamp++);
    } while (platform::StorageRead(aside, &ignored) == platform::StorageResult_Ok);
    const platform::StorageResult result = platform::StorageWrite(aside, raw);
    if (result == platform::StorageResult_Ok)
    {
        platform::StorageRemove(KeyOf(key));  // the copy is safe: the app may now write a fresh value
        app.Stored.KeptAside.push_back(aside);
        AddDetail(app, UnreadableText(key, why, aside));
        return;
    }
    app.Stored.Held[key] = true;
    AddDetail(app, UnreadableText(key, why, nullptr));
}

// --- [SECTION] Loading

static int64_t ReadResetMark()
{
    std::string raw;
    if (platform::StorageRead(app::ResetKey, &raw) != platform::StorageResult_Ok)
        return 0;
    const core::LoadResult<int64_t> mark = core::LoadResetMark(raw);
    return mark.Ok() ? mark.Value : 0;
}

void app::ListKeptAside(AppState& app)
{
    app.Stored.KeptAside = platform::StorageKeys(UnreadablePrefix);
    std::sort(app.Stored.KeptAside.begin(), app.Stored.KeptAside.end());
    std::string ignored;
    app.Stored.HomeScreenNoteDismissed = platform::StorageRead(HomeScreenNoteKey, &ignored) == platform::StorageResult_Ok;
}

bool app::ShowHomeScreenNote(const AppState& app)
{
    return !app.Stored.HomeScreenNoteDismissed && !app.History.empty() && platform::StorageExpiresUnvisited();
}

void app::DismissHomeScreenNote(AppState& app)
{
    app.Stored.HomeScreenNoteDismissed = true;
    if (app.Storage != StorageStatus_Unavailable)
        NoteWrite(app, platform::StorageWrite(HomeScreenNoteKey, core::SaveResetMark(app.Frame.WallMs)));  // the moment, in the reset mark's shape
}

// The defaults, fitted to this browser: where it cannot vibrate (WebKit, Firefox), the screen
// flash stands in for the vibration cue, so a noisy place still gets a visible cue.
core::Settings app::DefaultSettingsHere()
{
    core::Settings settings = core::DefaultSettings();
    if (!platform::VibrationAvailable())
        settings.CueFlash = true;
    return settings;
}

// The sync account and progress: kept aside when unreadable at start-up; another page's unreadable
// write is left to that page.
static void ReadSyncRecord(app::AppState& app, bool at_start)
{
    std::string raw;
    const platform::StorageResult found = platform::StorageRead(app::SyncKey, &raw);
    if (found == platform::StorageResult_Missing)
        app.Sync.Record = core::SyncRecord{};
    if (found != platform::StorageResult_Ok)
        return;
    core::LoadResult<core::SyncRecord> loaded = core::LoadSyncRecord(raw);
    if (loaded.Ok())
        app.Sync.Record = std::move(loaded.Value);
    else if (at_start)
        KeepAside(app, app::StoredKey_Sync, "sync", raw, loaded.Error.Message);
}

void app::WriteSyncRecord(AppState& app)
{
    if (app.Sync.Record.Account.Url.empty())
    {
        if (app.Storage != StorageStatus_Unavailable && !app.Stored.Held[StoredKey_Sync])
            platform::StorageRemove(SyncKey);
        return;
    }
    Write(app, StoredKey_Sync, core::SaveSyncRecord(app.Sync.Record));
}

void app::LoadSavedData(AppState& app, double now_ms)
{
    app.Stored.PageId = platform::PageId();
    app.Settings = DefaultSettingsHere();
    app.Stored.Settings = { app.Settings, {} };
    if (!platform::StorageAvailable())
    {
        app.Storage = StorageStatus_Unavailable;
        return;
    }
    app.Stored.ResetAtWallMs = ReadResetMark();
    std::string raw;
    if (platform::StorageRead(SettingsKey, &raw) == platform::StorageResult_Ok)
    {
        core::LoadResult<core::StampedSettings> loaded = core::LoadStampedSettings(raw);
        if (loaded.Ok())
        {
            app.Stored.Settings = loaded.Value;
            app.Settings = loaded.Value.Values;
        }
        else
        {
            KeepAside(app, StoredKey_Settings, "settings", raw, loaded.Error.Message);
        }
    }
    if (platform::StorageRead(HistoryKey, &raw) == platform::StorageResult_Ok)
    {
        core::LoadResult<core::SavedHistory> loaded = core::LoadHistory(raw);
        if (loaded.Ok())
        {
            app.History = std::move(loaded.Value.Sessions);
            app.Deleted = std::move(loaded.Value.Deleted);
            app.BackedUpWallMs = loaded.Value.BackedUpWallMs;
        }
        else
        {
            KeepAside(app, StoredKey_History, "history", raw, loaded.Error.Message);
        }
    }
    ReadSyncRecord(app, true);
    if (platform::StorageRead(SessionKey, &raw) == platform::StorageResult_Ok)
    {
        core::LoadResult<core::SessionInProgress> loaded = core::LoadSessionInProgress(raw);
        if (loaded.Ok())
        {
            app.Session = core::RestoreSession(loaded.Value, (int64_t)now_ms);
            app.HasSession = true;
            app.Restored = true;
            app.LastSavedActiveMs = loaded.Value.ActiveMs;
            app.Stored.SessionWritten = true;
        }
        else
        {
            KeepAside(app, StoredKey_Session, "session", raw, loaded.Error.Message);
        }
    }
    ListKeptAside(app);
    if (!platform::StorageKeys(WaitingPrefix).empty())
        platform::RequestHistoryCommit();  // a page hidden before its history write left it waiting
}

// --- [SECTION] Settings

// This page's settings with when it changed each (a change not yet written: now), less what it
// changed before a "Delete everything" in any page.
static core::StampedSettings SettingsHere(app::AppState& app)
{
    app.Stored.ResetAtWallMs = std::max(app.Stored.ResetAtWallMs, ReadResetMark());
    core::StampedSettings here = core::StampChanges(app.Stored.Settings, app.Settings, app.Frame.WallMs);
    std::erase_if(here.ChangedAt, [&](const auto& stamp) { return stamp.second < app.Stored.ResetAtWallMs; });
    return here;
}

// Each setting as changed last by this page or by what is stored: another page may have written
// from a copy that had not yet received this page's change (core::StampedSettings).
static core::StampedSettings MergeWithStored(app::AppState& app, platform::StorageResult found, const std::string& raw)
{
    if (found == platform::StorageResult_Missing)
    {
        // Never saved, or deleted by a reset in another page: what this page did not change is the default.
        core::StampedSettings fresh = core::StampChanges({ app.Stored.Settings.Values, {} }, app.Settings, app.Frame.WallMs);
        fresh.Values = core::MergeSettings(app.Stored.Settings.Values, app.Settings, app::DefaultSettingsHere());
        return fresh;
    }
    core::StampedSettings here = SettingsHere(app);
    if (found != platform::StorageResult_Ok)
        return here;
    const core::LoadResult<core::StampedSettings> stored = core::LoadStampedSettings(raw);
    if (stored.Ok())
        return core::LaterOfEach(here, stored.Value);
    KeepAside(app, app::StoredKey_Settings, "settings", raw, stored.Error.Message);
    return here;
}

void app::SaveSettings(AppState& app)
{
    RequestSync(app);  // other devices hear of the change (a run that is under way runs again after)
    if (app.Storage == StorageStatus_Unavailable || app.Stored.Held[StoredKey_Settings])
        return;
    std::string raw;
    const platform::StorageResult found = platform::StorageRead(SettingsKey, &raw);
    const core::StampedSettings merged = MergeWithStored(app, found, raw);
    app.Settings = merged.Values;
    if (Write(app, StoredKey_Settings, core::SaveStampedSettings(merged)) == platform::StorageResult_Ok)
        app.Stored.Settings = merged;
}

// --- [SECTION] The session in progress

static void ForgetWrittenSession(app::AppState& app)
{
    app.Stored.SessionWritten = false;
    app.Stored.SessionJson.clear();
}

// This page no longer runs a session: the screen may sleep, no tone is left to play, the session
// screen gives way to home, and `notice` says why.
static void StopRunningHere(app::AppState& app, const char* notice)
{
    platform::KeepScreenAwake(false);
    platform::CancelScheduledTones();
    if (app.Screens.Current == app::Screen_Session)
        app::Navigate(app, app::Screen_Home);
    app.Screens.Notice = notice;
    app.Screens.NoticeIsError = false;
    platform::Announce(notice);
}

static void DropSession(app::AppState& app, const char* notice)
{
    app.HasSession = false;
    app.Restored = false;
    app.Screens.ConfirmingEnd = false;
    ForgetWrittenSession(app);
    app.Stored.SessionElsewhere = false;
    StopRunningHere(app, notice);
}

// Why the session in storage is gone: a reset since it started, or it ended in another page.
static const char* EndedElsewhere(app::AppState& app)
{
    app.Stored.ResetAtWallMs = std::max(app.Stored.ResetAtWallMs, ReadResetMark());
    if (app.Stored.ResetAtWallMs >= app.Session.StartedWallMs)
        return core::Tr("All data was deleted in another window, this workout with it.");
    return core::Tr("This workout was ended in another window.");
}

// A read of the session key, parsed when it was found: Missing, Unavailable (unreadable), or Ok
// with *out filled.
static platform::StorageResult ParseStoredSession(platform::StorageResult read, const std::string& raw, core::SessionInProgress* out)
{
    if (read != platform::StorageResult_Ok)
        return read;
    core::LoadResult<core::SessionInProgress> loaded = core::LoadSessionInProgress(raw);
    if (!loaded.Ok())
        return platform::StorageResult_Unavailable;
    *out = loaded.Value;
    return platform::StorageResult_Ok;
}

static platform::StorageResult ReadStoredSession(core::SessionInProgress* out)
{
    std::string raw;
    const platform::StorageResult read = platform::StorageRead(app::SessionKey, &raw);
    return ParseStoredSession(read, raw, out);
}

static void WriteSession(app::AppState& app, double now_ms)
{
    core::SessionInProgress snapshot = core::SnapshotSession(app.Session, (int64_t)now_ms);
    snapshot.Owner = app.Stored.PageId;
    app.LastSavedActiveMs = snapshot.ActiveMs;
    std::string json = core::SaveSessionInProgress(snapshot);
    if (Write(app, app::StoredKey_Session, json) == platform::StorageResult_Ok)
    {
        app.Stored.SessionWritten = true;
        app.Stored.SessionJson = std::move(json);
    }
}

// It was in storage and is gone: it ended, was discarded, or everything was deleted in another
// page. It never comes back from here: true when it was dropped.
// Gone from storage: ended or discarded elsewhere if this page had written it, and in any case
// when "Delete everything" ran since it started (a session never written yet is not written back).
static bool DroppedAsGone(app::AppState& app, platform::StorageResult found)
{
    if (found != platform::StorageResult_Missing)
        return false;
    app.Stored.ResetAtWallMs = std::max(app.Stored.ResetAtWallMs, ReadResetMark());
    if (!app.Stored.SessionWritten && app.Stored.ResetAtWallMs < app.Session.StartedWallMs)
        return false;
    DropSession(app, EndedElsewhere(app));
    return true;
}

bool app::RecordEndedSession(AppState& app, double now_ms)
{
    core::SessionRecord record = core::MakeSessionRecord(app.Session, (int64_t)now_ms, app.Frame.WallMs);
    record.HasTzOffset = true;
    record.TzOffsetMinutes = platform::TimezoneOffsetMinutesAt((double)record.StartedWallMs);
    // A session is a workout when a rep was done: one skipped from end to end is not kept.
    bool any_work = false;
    for (int e = 0; e < core::ExerciseCount; e++)
        for (int s = 0; s < core::SideCount; s++)
            any_work |= record.RepsDone[e][s] > 0;
    app.LastRecord = record;
    app.HasLastRecord = true;
    if (any_work)
    {
        app::AddToHistory(app, { record });
        app.Stored.FinishedHere.push_back(record);
    }
    else
        app::SetRecordSave(app, record.Id, app::RecordSave_NoWork);
    app.HasSession = false;
    app.Restored = false;
    app.Screens.ConfirmingEnd = false;
    app::ForgetSession(app, record.Id);
    platform::KeepScreenAwake(false);
    return any_work;
}

// This page's session, ended where it stands without the finish screen: kept in history when a rep
// was done (true then).
static bool SetAsideSession(app::AppState& app, double now_ms)
{
    if (!app.HasSession)
        return false;
    core::EndEarly(app.Session, (int64_t)now_ms);
    app.View = core::Update(app.Session, (int64_t)now_ms, nullptr);
    return app::RecordEndedSession(app, now_ms);
}

// Another page runs `stored`: it is shown here, paused, as it stands there. A page that was running
// a session, or is on the session screen, goes home and says why (`notice`).
static void ShowSessionElsewhere(app::AppState& app, const core::SessionInProgress& stored, double now_ms, bool was_here, const char* notice)
{
    app.Session = core::RestoreSession(stored, (int64_t)now_ms);
    app.HasSession = true;
    app.Restored = true;
    app.Stored.SessionElsewhere = true;
    app.Stored.SessionWritten = true;
    app.LastSavedActiveMs = stored.ActiveMs;
    if (was_here || app.Screens.Current == app::Screen_Session)
        StopRunningHere(app, notice);
}

// Two pages that each started a session before hearing of the other's: the one that started first
// goes on (at the same millisecond, the smaller id), so every page chooses alike.
static bool StartedFirst(const core::SessionInProgress& stored, const core::Timer& mine)
{
    return stored.StartedWallMs != mine.StartedWallMs ? stored.StartedWallMs < mine.StartedWallMs : stored.Id < mine.SessionId;
}

// This page's session gives way to one another page started at the same moment: what was done here
// is kept in history (when a rep was done), and the other session is shown, running there.
static void GiveWay(app::AppState& app, const core::SessionInProgress& theirs, double now_ms)
{
    const bool kept = SetAsideSession(app, now_ms);
    ShowSessionElsewhere(app, theirs, now_ms, true,
                         kept ? core::Tr("A workout was started in another window at the same moment and goes on there. What you did here is in History.")
                              : core::Tr("A workout was started in another window at the same moment and goes on there."));
}

void app::SaveSession(AppState& app, double now_ms)
{
    if (app.Storage == StorageStatus_Unavailable || !app.HasSession || app.Stored.SessionElsewhere)
        return;
    std::string raw;
    const platform::StorageResult read = platform::StorageRead(SessionKey, &raw);
    if (read == platform::StorageResult_Ok && raw == app.Stored.SessionJson)
    {
        // Exactly what this page wrote last: no other page has touched it, nothing to read back.
        WriteSession(app, now_ms);
        return;
    }
    core::SessionInProgress stored;
    const platform::StorageResult found = ParseStoredSession(read, raw, &stored);
    if (DroppedAsGone(app, found))
        return;
    const bool other_page = found == platform::StorageResult_Ok && stored.Owner != app.Stored.PageId && !stored.Owner.empty() && !app.Restored;
    if (other_page && stored.Id == app.Session.SessionId)
    {
        // Another page took it over: it is shown here, not written from here.
        app.Stored.SessionElsewhere = true;
        app.Session = core::RestoreSession(stored, (int64_t)now_ms);
        return;
    }
    if (other_page && StartedFirst(stored, app.Session))
    {
        GiveWay(app, stored, now_ms);  // another page started one at the same moment, and first
        return;
    }
    WriteSession(app, now_ms);
}

void app::TakeOverSession(AppState& app, double now_ms)
{
    if (!app.HasSession || app.Storage == StorageStatus_Unavailable)
        return;
    core::SessionInProgress stored;
    const platform::StorageResult found = ReadStoredSession(&stored);
    if (DroppedAsGone(app, found))
        return;
    if (found == platform::StorageResult_Ok && stored.Id == app.Session.SessionId)
        app.Session = core::RestoreSession(stored, (int64_t)now_ms);  // carry on from where the other page left it
    app.Stored.SessionElsewhere = false;
    WriteSession(app, now_ms);
}

void app::ForgetSession(AppState& app, const std::string& session_id)
{
    ForgetWrittenSession(app);
    app.Stored.SessionElsewhere = false;
    if (app.Storage == StorageStatus_Unavailable || app.Stored.Held[StoredKey_Session])
        return;
    core::SessionInProgress stored;
    const platform::StorageResult found = ReadStoredSession(&stored);
    // Another page may have started a new session since: only this one is removed.
    if (found == platform::StorageResult_Ok && stored.Id != session_id)
        return;
    if (found != platform::StorageResult_Missing)
        platform::StorageRemove(SessionKey);
}

// --- [SECTION] History

// The ids of records, sorted, for std::binary_search.
static std::vector<std::string> SortedIds(const std::vector<core::SessionRecord>& records)
{
    std::vector<std::string> ids;
    ids.reserve(records.size());
    for (const core::SessionRecord& r : records)
        ids.push_back(r.Id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void app::AddToHistory(AppState& app, const std::vector<core::SessionRecord>& records)
{
    const core::MergeResult merged = core::MergeHistory(app.History, records, app.Deleted);
    app.History = merged.Sessions;  // shown at once, whatever storage does
    for (const core::SessionRecord& record : records)
    {
        if (core::IsDeleted(app.Deleted, record.Id))
            continue;
        if (app.Storage == StorageStatus_Unavailable)
        {
            app::SetRecordSave(app, record.Id, RecordSave_Unavailable);
            continue;
        }
        app::SetRecordSave(app, record.Id, RecordSave_Pending);
        app.Stored.Pending.push_back(record);
    }
    if (!app.Stored.Pending.empty())
        platform::RequestHistoryCommit();
}

// What the history key holds now: nothing when it is missing, and unreadable data kept aside.
static core::SavedHistory ReadStoredHistory(app::AppState& app)
{
    core::SavedHistory stored;
    std::string raw;
    if (platform::StorageRead(app::HistoryKey, &raw) == platform::StorageResult_Ok)
    {
        core::LoadResult<core::SavedHistory> loaded = core::LoadHistory(raw);
        if (loaded.Ok())
            stored = std::move(loaded.Value);
        else
            KeepAside(app, app::StoredKey_History, "history", raw, loaded.Error.Message);
    }
    return stored;
}

// The entries and deletions waiting for the write, less what started (or was deleted) before a
// "Delete everything" in any page: that is not written back.
static std::vector<core::SessionRecord> TakePending(app::AppState& app, std::vector<core::Deletion>* deletions)
{
    app::StoredState& stored_state = app.Stored;
    stored_state.ResetAtWallMs = std::max(stored_state.ResetAtWallMs, ReadResetMark());
    std::vector<core::SessionRecord> pending;
    for (const core::SessionRecord& record : stored_state.Pending)
    {
        if (record.StartedWallMs < stored_state.ResetAtWallMs)
            app::SetRecordSave(app, record.Id, app::RecordSave_Reset);
        else
            pending.push_back(record);
    }
    std::vector<core::SessionRecord>().swap(stored_state.Pending);  // its room too: an import's 3000 records are not kept
    for (const core::Deletion& deletion : stored_state.PendingDeletions)
        if (deletion.AtWallMs >= stored_state.ResetAtWallMs)
            deletions->push_back(deletion);
    return pending;
}

// What became of each entry that was to be written.
static void NoteSaves(app::AppState& app, const std::vector<core::SessionRecord>& kept, platform::StorageResult result)
{
    for (const core::SessionRecord& record : kept)
    {
        app::RecordSave save = app::RecordSave_Saved;
        if (result == platform::StorageResult_Missing)
            save = app::RecordSave_HistoryFull;
        else if (result == platform::StorageResult_Unavailable)
            save = app::RecordSave_Unavailable;
        else if (result == platform::StorageResult_Full)
            save = app.Stored.Held[app::StoredKey_History] ? app::RecordSave_Held : app::RecordSave_NoSpace;
        app::SetRecordSave(app, record.Id, save);
        if (save == app::RecordSave_NoSpace)
            app.Stored.Pending.push_back(record);  // tried again with the next write
    }
}

// No history entry, deletion or backup time waits to be written.
static bool NothingWaiting(const app::StoredState& stored_state)
{
    return stored_state.Pending.empty() && stored_state.PendingDeletions.empty() && stored_state.PendingBackedUpWallMs == 0;
}

static std::string WaitingKey(const app::AppState& app) { return std::string(app::WaitingPrefix) + app.Stored.PageId; }

void app::KeepWaitingHistory(AppState& app)
{
    const StoredState& stored_state = app.Stored;
    if (app.Storage == StorageStatus_Unavailable || stored_state.Held[StoredKey_History])
        return;
    if (NothingWaiting(stored_state))
        return;
    platform::StorageWrite(WaitingKey(app).c_str(),
                           core::SaveHistory(stored_state.Pending, stored_state.PendingDeletions, stored_state.PendingBackedUpWallMs));
}

// What pages being hidden left waiting (KeepWaitingHistory), added to this page's waiting entries;
// the keys taken are returned, to be removed once the history is written. One that cannot be read
// is left where it is.
static std::vector<std::string> TakeWaitingHistories(app::AppState& app)
{
    std::vector<std::string> taken;
    app::StoredState& stored_state = app.Stored;
    std::vector<std::string> ids = SortedIds(stored_state.Pending);
    for (const std::string& key : platform::StorageKeys(app::WaitingPrefix))
    {
        std::string raw;
        if (platform::StorageRead(key.c_str(), &raw) != platform::StorageResult_Ok)
            continue;
        const core::LoadResult<core::SavedHistory> waiting = core::LoadHistory(raw);
        if (!waiting.Ok())
            continue;
        for (const core::SessionRecord& record : waiting.Value.Sessions)
            if (!std::binary_search(ids.begin(), ids.end(), record.Id))
                stored_state.Pending.push_back(record);
        ids = SortedIds(stored_state.Pending);
        stored_state.PendingDeletions.insert(stored_state.PendingDeletions.end(), waiting.Value.Deleted.begin(), waiting.Value.Deleted.end());
        stored_state.PendingBackedUpWallMs = std::max(stored_state.PendingBackedUpWallMs, waiting.Value.BackedUpWallMs);
        taken.push_back(key);
    }
    return taken;
}

// CommitHistory's write, with the keys of what hidden pages left waiting, removed once it is written.
static void WriteHistory(app::AppState& app, const std::vector<std::string>& waiting)
{
    app::StoredState& stored_state = app.Stored;
    core::SavedHistory stored = ReadStoredHistory(app);
    std::vector<core::Deletion> deletions;
    const std::vector<core::SessionRecord> pending = TakePending(app, &deletions);
    const std::vector<core::Deletion> deleted = core::MergeDeletions(stored.Deleted, deletions);
    const int removed = core::RemoveDeleted(stored.Sessions, deleted);
    const int64_t backed_up = std::max(stored.BackedUpWallMs, stored_state.PendingBackedUpWallMs);
    const core::MergeResult merged = core::MergeHistory(stored.Sessions, pending, deleted);
    // What the merge left out for the limit is told, never written and then found unreadable.
    const std::vector<std::string> merged_ids = SortedIds(merged.Sessions);
    std::vector<core::SessionRecord> kept;
    for (const core::SessionRecord& record : pending)
    {
        if (std::binary_search(merged_ids.begin(), merged_ids.end(), record.Id))
            kept.push_back(record);
        else
            app::SetRecordSave(app, record.Id, core::IsDeleted(deleted, record.Id) ? app::RecordSave_Saved : app::RecordSave_HistoryFull);
    }
    platform::StorageResult result = platform::StorageResult_Ok;
    if (!kept.empty() || removed > 0 || deleted != stored.Deleted || backed_up != stored.BackedUpWallMs)
    {
        if (core::CheckHistoryFits(merged.Sessions, deleted) != nullptr)
            result = platform::StorageResult_Missing;  // stands for "over the limit" in NoteSaves
        else
            result = Write(app, app::StoredKey_History, core::SaveHistory(merged.Sessions, deleted, backed_up));
    }
    NoteSaves(app, kept, result);
    if (result != platform::StorageResult_Ok)
        return;  // deletions and the backup time wait for the next write
    for (const std::string& key : waiting)
        platform::StorageRemove(key.c_str());  // written now
    if (!kept.empty() || deleted != stored.Deleted)
        app::RequestSync(app);      // a session finished, restored or deleted here: other devices hear of it
    app.History = merged.Sessions;  // what is stored now, this page's additions included
    app.Deleted = deleted;
    app.BackedUpWallMs = backed_up;
    stored_state.PendingDeletions.clear();
    stored_state.PendingBackedUpWallMs = 0;
    if (!kept.empty() && !stored_state.AskedPersistence)
    {
        platform::RequestPersistentStorage();  // there is now something worth keeping
        stored_state.AskedPersistence = true;
    }
}

void app::CommitHistory(AppState& app)
{
    StoredState& stored_state = app.Stored;
    if (stored_state.Held[StoredKey_History])
    {
        for (const core::SessionRecord& record : stored_state.Pending)
            app::SetRecordSave(app, record.Id, RecordSave_Held);
        stored_state.Pending.clear();
        stored_state.PendingDeletions.clear();  // shown in this page only
        stored_state.PendingBackedUpWallMs = 0;
        return;
    }
    const std::vector<std::string> waiting = TakeWaitingHistories(app);
    if (NothingWaiting(stored_state))
    {
        for (const std::string& key : waiting)
            platform::StorageRemove(key.c_str());  // it held nothing
        return;
    }
    WriteHistory(app, waiting);
}

void app::DeleteSessions(AppState& app, const std::vector<core::Deletion>& deletions)
{
    if (deletions.empty())
        return;
    const std::vector<core::Deletion> these = core::MergeDeletions(deletions, {});
    app.Deleted = core::MergeDeletions(app.Deleted, these);
    core::RemoveDeleted(app.History, these);
    core::RemoveDeleted(app.Stored.Pending, these);
    core::RemoveDeleted(app.Stored.FinishedHere, these);
    if (core::IsDeleted(these, app.Screens.ExpandedSession))
        app.Screens.ExpandedSession.clear();
    if (app.Storage == StorageStatus_Unavailable)
        return;  // this page only
    app.Stored.PendingDeletions.insert(app.Stored.PendingDeletions.end(), these.begin(), these.end());
    platform::RequestHistoryCommit();
}

void app::DeleteSession(AppState& app, const std::string& session_id) { DeleteSessions(app, { { session_id, app.Frame.WallMs } }); }

void app::NoteBackup(AppState& app, int64_t wall_ms)
{
    if (wall_ms <= app.BackedUpWallMs)
        return;
    app.BackedUpWallMs = wall_ms;
    if (app.Storage == StorageStatus_Unavailable)
        return;
    app.Stored.PendingBackedUpWallMs = std::max(app.Stored.PendingBackedUpWallMs, wall_ms);
    platform::RequestHistoryCommit();
}

// --- [SECTION] Following the other pages

// Each page reads localStorage from a copy of its own, which another page's write reaches a
// moment later. Two pages that write the history within that moment (both finishing a session,
// say) can each write it without the other's session, even under the lock. A page that sees a
// stored history lacking a session it finished and wrote puts that session back: the history only
// ever grows, except by "Delete everything" (which removes the key, and leaves a reset mark that
// keeps what started before it out).
static void RestoreDroppedSessions(app::AppState& app, const core::SavedHistory& stored)
{
    app.Stored.ResetAtWallMs = std::max(app.Stored.ResetAtWallMs, ReadResetMark());
    const std::vector<std::string> stored_ids = SortedIds(stored.Sessions);
    bool restored = false;
    for (const core::SessionRecord& record : app.Stored.FinishedHere)
    {
        if (app::RecordSaveFor(app, record.Id) != app::RecordSave_Saved || std::binary_search(stored_ids.begin(), stored_ids.end(), record.Id) ||
            record.StartedWallMs < app.Stored.ResetAtWallMs || core::IsDeleted(stored.Deleted, record.Id))
            continue;
        app::SetRecordSave(app, record.Id, app::RecordSave_Pending);
        app.Stored.Pending.push_back(record);
        restored = true;
    }
    if (restored)
        platform::RequestHistoryCommit();
}

// The history another page wrote: what is stored, plus what this page still has waiting to be written.
static void FollowStoredHistory(app::AppState& app)
{
    std::string raw;
    core::SavedHistory stored;
    const platform::StorageResult found = platform::StorageRead(app::HistoryKey, &raw);
    bool readable = found == platform::StorageResult_Missing;
    if (found == platform::StorageResult_Ok)
    {
        core::LoadResult<core::SavedHistory> loaded = core::LoadHistory(raw);
        readable = loaded.Ok();
        if (readable)
            stored = std::move(loaded.Value);
    }
    if (found == platform::StorageResult_Ok && readable && !app.Stored.Held[app::StoredKey_History])
        RestoreDroppedSessions(app, stored);
    if (readable && !app.Stored.Held[app::StoredKey_History])
    {
        std::vector<core::SessionRecord> pending;
        for (const core::SessionRecord& record : app.Stored.Pending)
            if (record.StartedWallMs >= app.Stored.ResetAtWallMs)
                pending.push_back(record);
        app.Deleted = core::MergeDeletions(stored.Deleted, app.Stored.PendingDeletions);
        app.BackedUpWallMs = std::max(stored.BackedUpWallMs, app.Stored.PendingBackedUpWallMs);
        core::RemoveDeleted(stored.Sessions, app.Deleted);
        app.History = core::MergeHistory(stored.Sessions, pending, app.Deleted).Sessions;
        if (app.Screens.ExpandedSession.size() && std::none_of(app.History.begin(), app.History.end(),
                                                               [&](const core::SessionRecord& r) { return r.Id == app.Screens.ExpandedSession; }))
            app.Screens.ExpandedSession.clear();
    }
}

// The settings another page wrote. Where it wrote from a copy that lacked a change made here (each
// page's copy of localStorage hears of the others' writes a moment late), the change is put back.
static void FollowStoredSettings(app::AppState& app, const std::string& raw)
{
    const core::LoadResult<core::StampedSettings> stored = core::LoadStampedSettings(raw);
    if (!stored.Ok())
        return;
    const core::StampedSettings merged = core::LaterOfEach(SettingsHere(app), stored.Value);
    app.Settings = merged.Values;
    app.Stored.Settings = stored.Value;
    if (merged != stored.Value && !app.Stored.Held[app::StoredKey_Settings] &&
        Write(app, app::StoredKey_Settings, core::SaveStampedSettings(merged)) == platform::StorageResult_Ok)
        app.Stored.Settings = merged;
}

// The session in progress another page wrote, ended or took over.
static void FollowStoredSession(app::AppState& app, double now_ms)
{
    core::SessionInProgress stored;
    const platform::StorageResult found = ReadStoredSession(&stored);
    if (found == platform::StorageResult_Missing)
    {
        // Ended, discarded or deleted elsewhere: a session that was in storage does not come back.
        if (app.HasSession && (app.Stored.SessionWritten || app.Stored.SessionElsewhere))
            DropSession(app, EndedElsewhere(app));
        return;
    }
    if (found != platform::StorageResult_Ok || stored.Owner == app.Stored.PageId)
        return;
    const bool same = app.HasSession && stored.Id == app.Session.SessionId;
    const bool mine_running = app.HasSession && !same && !app.Stored.SessionElsewhere && !app.Restored;
    if (mine_running && StartedFirst(stored, app.Session))
        GiveWay(app, stored, now_ms);
    else if (mine_running)
        WriteSession(app, now_ms);  // this page's session started first: the other page gives way when it reads it
    else
        ShowSessionElsewhere(app, stored, now_ms, same && !app.Stored.SessionElsewhere && !app.Restored,
                             core::Tr("This workout was taken over in another window."));
}

void app::StorageChanged(AppState& app, StoredKey key, double now_ms)
{
    if (app.Storage == StorageStatus_Unavailable)
        return;
    std::string raw;
    if (key == StoredKey_All || key == StoredKey_Reset)
    {
        app.Stored.ResetAtWallMs = std::max(app.Stored.ResetAtWallMs, ReadResetMark());
        ListKeptAside(app);
    }
    if (key == StoredKey_All || key == StoredKey_Settings)
    {
        const platform::StorageResult found = platform::StorageRead(SettingsKey, &raw);
        if (found == platform::StorageResult_Missing)
        {
            app.Settings = DefaultSettingsHere();
            app.Stored.Settings = { app.Settings, {} };
        }
        else if (found == platform::StorageResult_Ok)
        {
            FollowStoredSettings(app, raw);
        }
    }
    if ((key == StoredKey_All || key == StoredKey_Sync) && app.Sync.Phase == SyncPhase_Idle)
        ReadSyncRecord(app, false);  // the account set or forgotten in another page (a run under way writes its own progress)
    if (key == StoredKey_All || key == StoredKey_History || key == StoredKey_Reset)
        FollowStoredHistory(app);
    if (key == StoredKey_All || key == StoredKey_Session || key == StoredKey_Reset)
        FollowStoredSession(app, now_ms);
    RequestAnimation(app);
}

// --- [SECTION] Reset and recovery

void app::DeleteEverything(AppState& app)
{
    const std::string removed = ForgetAllData(app);
    platform::KeepScreenAwake(false);
    app.Screens.ConfirmingReset = false;
    ShowNotice(app, removed + " " + core::Tr("Settings are back to the defaults."), false);
}

std::string app::ForgetAllData(AppState& app)
{
    std::string said;
    if (app.Storage != StorageStatus_Unavailable)
    {
        const std::vector<std::string> keys = platform::StorageKeys(KeyPrefix);
        int copies = 0;
        bool settings = false, history = false, session = false;
        for (const std::string& key : keys)
        {
            platform::StorageRemove(key.c_str());
            settings |= key == SettingsKey;
            history |= key == HistoryKey;
            session |= key == SessionKey;
            copies += key.rfind(UnreadablePrefix, 0) == 0;
        }
        const int64_t now_wall = app.Frame.WallMs;
        app.Stored.ResetAtWallMs = now_wall;
        platform::StorageWrite(ResetKey, core::SaveResetMark(now_wall));
        // What was deleted, as the items of a list after "Deleted" (below).
        std::vector<std::string> parts;
        if (settings)
            // TRANSLATORS: an item of the list in "Deleted %s."
            parts.push_back(core::Tr("your settings"));
        if (history)
            // TRANSLATORS: an item of the list in "Deleted %s."
            parts.push_back(core::Format(core::TrN("your history of %d session", "your history of %d sessions", (long long)app.History.size()), (int)app.History.size()));
        if (session)
            // TRANSLATORS: an item of the list in "Deleted %s."
            parts.push_back(core::Tr("the session in progress"));
        if (copies > 0)
            // TRANSLATORS: an item of the list in "Deleted %s."; copies of stored data the app could not read, kept aside
            parts.push_back(core::Format(core::TrN("%d kept-aside copy of unreadable data", "%d kept-aside copies of unreadable data", copies), copies));
        if (parts.empty())
            said = core::Tr("There was nothing saved to delete.");
        else
        {
            std::string list = parts[0];
            for (size_t i = 1; i < parts.size(); i++)
            {
                if (i + 1 < parts.size())
                    // TRANSLATORS: joins the items of a list ("a, b"), the last two excepted ("%s and %s")
                    list = core::Format(core::Tr("%s, %s"), list.c_str(), parts[i].c_str());
                else
                    // TRANSLATORS: joins the last two items of a list ("a, b and c")
                    list = core::Format(core::Tr("%s and %s"), list.c_str(), parts[i].c_str());
            }
            // TRANSLATORS: %s is the list of what was deleted: "your settings, your history of 12 sessions and the session in progress"
            said = core::Format(core::Tr("Deleted %s."), list.c_str());
        }
    }
    else
    {
        said = core::Tr("Everything held in this page was cleared (this browser was not saving anything).");
    }
    app.Settings = DefaultSettingsHere();
    app.Stored.Settings = { app.Settings, {} };
    app.History.clear();
    app.Deleted.clear();
    app.BackedUpWallMs = 0;
    app.Stored.Pending.clear();
    app.Stored.PendingDeletions.clear();
    app.Stored.PendingBackedUpWallMs = 0;
    app.Stored.FinishedHere.clear();
    app.Stored.KeptAside.clear();
    app.Stored.HomeScreenNoteDismissed = false;
    app.Sync = SyncState{};
    for (bool& held : app.Stored.Held)
        held = false;
    app.HasSession = false;
    app.Restored = false;
    ForgetWrittenSession(app);
    app.Stored.SessionElsewhere = false;
    app.HasLastRecord = false;
    if (app.Storage != StorageStatus_Unavailable)
        app.Storage = StorageStatus_Ok;
    app.StorageDetail.clear();
    return said;
}

std::string app::RecoverKeptHistory(AppState& app, const std::string& key)
{
    std::string raw;
    if (platform::StorageRead(key.c_str(), &raw) != platform::StorageResult_Ok)
    {
        ListKeptAside(app);
        return core::Tr("That kept copy is no longer in storage.");
    }
    const core::SalvageResult salvage = core::SalvageHistory(raw);
    if (!salvage.Error.empty())
        // TRANSLATORS: %s is why (a message of the reader)
        return core::Format(core::Tr("Nothing could be recovered from that copy: %s. It is kept as it was."), salvage.Error.c_str());
    const std::vector<core::SessionRecord>& sessions = salvage.Sessions;
    const size_t before = app.History.size();
    AddToHistory(app, sessions);
    const int added = (int)(app.History.size() - before);
    // TRANSLATORS: sessions recovered, sessions of the copy already in the history, entries that could not be read
    return core::Format(core::TrN("Recovered %d session from the kept copy (%d already here, %d unreadable). The copy is kept as it was.",
                                  "Recovered %d sessions from the kept copy (%d already here, %d unreadable). The copy is kept as it was.", added),
                        added, (int)sessions.size() - added, salvage.Unreadable);
}
