// Every write reports back: a full quota or a vanished storage switches the banner on, and the
// app carries on in memory. Reads happen once, at start.
#include "ui/persistence.h"

#include "core/save_format.h"
#include "platform/platform.h"

#include <cstdio>

static void NoteWrite(ui::AppState& app, platform::StorageResult result)
{
    if (result == platform::StorageResult_Full)
        app.Storage = ui::StorageStatus_Full;
    else if (result == platform::StorageResult_Unavailable)
        app.Storage = ui::StorageStatus_Unavailable;
    else if (app.Storage == ui::StorageStatus_Full)
        app.Storage = ui::StorageStatus_Ok;   // space came back
}

static void Write(ui::AppState& app, const char* key, const std::string& value)
{
    if (app.Storage == ui::StorageStatus_Unavailable)
        return;
    NoteWrite(app, platform::StorageWrite(key, value));
}

// Keeps unreadable data under its own key, never overwriting an earlier copy, then reports it.
static void KeepAside(ui::AppState& app, const char* name, const char* key, const std::string& raw, const std::string& why)
{
    char aside[96];
    long long stamp = (long long)platform::WallMs();
    std::string ignored;
    do
    {
        snprintf(aside, sizeof(aside), "%s%s.%lld", ui::UnreadablePrefix, name, stamp++);
    } while (platform::StorageRead(aside, &ignored) == platform::StorageResult_Ok);
    const platform::StorageResult result = platform::StorageWrite(aside, raw);
    if (result == platform::StorageResult_Ok)
        platform::StorageRemove(key);   // the copy is safe: the app may now write a fresh value
    app.Storage = ui::StorageStatus_Recovered;
    if (!app.StorageDetail.empty())
        app.StorageDetail += " ";
    app.StorageDetail += "Your saved " + std::string(name) + " could not be read (" + why + "). A copy is kept under \"" + aside + "\".";
}

void ui::LoadSavedData(AppState& app, double now_ms)
{
    if (!platform::StorageAvailable())
    {
        app.Storage = StorageStatus_Unavailable;
        return;
    }
    std::string raw;
    if (platform::StorageRead(SettingsKey, &raw) == platform::StorageResult_Ok)
    {
        bc::LoadResult<bc::Settings> loaded = bc::LoadSettings(raw);
        if (loaded.Ok())
            app.Settings = loaded.Value;
        else
            KeepAside(app, "settings", SettingsKey, raw, loaded.Error.Message);
    }
    if (platform::StorageRead(HistoryKey, &raw) == platform::StorageResult_Ok)
    {
        bc::LoadResult<std::vector<bc::SessionRecord>> loaded = bc::LoadHistory(raw);
        if (loaded.Ok())
            app.History = loaded.Value;
        else
            KeepAside(app, "history", HistoryKey, raw, loaded.Error.Message);
    }
    if (platform::StorageRead(SessionKey, &raw) == platform::StorageResult_Ok)
    {
        bc::LoadResult<bc::SessionInProgress> loaded = bc::LoadSessionInProgress(raw);
        if (loaded.Ok())
        {
            app.Session = bc::RestoreSession(loaded.Value, (int64_t)now_ms);
            app.HasSession = true;
            app.Restored = true;
            app.LastSavedActiveMs = loaded.Value.ActiveMs;
        }
        else
        {
            KeepAside(app, "session", SessionKey, raw, loaded.Error.Message);
        }
    }
}

void ui::SaveSettings(AppState& app) { Write(app, SettingsKey, bc::SaveSettings(app.Settings)); }
void ui::SaveHistory(AppState& app) { Write(app, HistoryKey, bc::SaveHistory(app.History)); }

void ui::SaveSession(AppState& app, double now_ms)
{
    if (app.Storage == StorageStatus_Unavailable)
        return;
    if (!app.HasSession)
    {
        platform::StorageRemove(SessionKey);
        return;
    }
    const bc::SessionInProgress snapshot = bc::SnapshotSession(app.Session, (int64_t)now_ms);
    app.LastSavedActiveMs = snapshot.ActiveMs;
    Write(app, SessionKey, bc::SaveSessionInProgress(snapshot));
}

void ui::ForgetAllData(AppState& app)
{
    if (app.Storage != StorageStatus_Unavailable)
    {
        platform::StorageRemove(SettingsKey);
        platform::StorageRemove(SessionKey);
        platform::StorageRemove(HistoryKey);
    }
    app.Settings = bc::DefaultSettings();
    app.History.clear();
    app.HasSession = false;
    app.HasLastRecord = false;
    if (app.Storage != StorageStatus_Unavailable)
        app.Storage = StorageStatus_Ok;
    app.StorageDetail.clear();
}
