// Start-up, the per-frame update and the page events. The clocks come in once per frame or event
// (SetClock) and everything below reads them from the AppState, never from the platform.
#include "app/app.h"

#include "app/language.h"
#include "app/persistence.h"
#include "app/session_runner.h"
#include "app/sync.h"
#include "app/transfer.h"
#include "core/catalogue.h"
#include "core/wording.h"

#include <algorithm>
#include <cmath>
#include <cstring>

void app::Init(AppState& app, const platform::Clock& clock)
{
    SetClock(app, clock);
    app.Env.PreferencesReadMs = clock.NowMs;
    app.Env.ReducedMotion = platform::PrefersReducedMotion();
    app.Env.SystemDark = platform::PrefersDarkScheme();
    app.Env.MoreContrast = platform::PrefersMoreContrast();
    app.Env.BrowserTextScale = platform::BrowserTextScale();
    LoadSavedData(app, clock.NowMs);
    StartLanguage(app);
    if (app.HasSession)
    {
        // A reload or a closed tab: reopen the session where it stood, paused.
        UpdateSession(app, clock.NowMs);
        if (app.HasSession)
            app.Screens.Current = Screen_Session;
    }
    RequestSync(app);  // what other devices wrote meanwhile
    platform::Announce(app.Screens.Current == Screen_Session ? core::Tr("Workout paused where you left off") : core::Tr("Band Circuit home"));
}

void app::BeginFrame(AppState& app, const platform::Clock& clock)
{
    SetClock(app, clock);
    app.Frame.Animating = false;
    app.Frame.WakeAtMs = INFINITY;
    // The system theme and motion preference can change while the app is open: asked again at
    // most once a second (each question is a media query in the browser, too slow for every frame).
    if (clock.NowMs - app.Env.PreferencesReadMs >= 1000.0)
    {
        app.Env.SystemDark = platform::PrefersDarkScheme();
        app.Env.ReducedMotion = platform::PrefersReducedMotion();
        app.Env.MoreContrast = platform::PrefersMoreContrast();
        app.Env.BrowserTextScale = platform::BrowserTextScale();
        app.Env.PreferencesReadMs = clock.NowMs;
    }
    FollowLanguage(app);
    UpdateSession(app, clock.NowMs);
    SyncFrame(app);
}

// --- [SECTION] Page events

void app::OnPageHidden(AppState& app, const platform::Clock& clock)
{
    SetClock(app, clock);
    SaveSessionNow(app, clock.NowMs);
    KeepWaitingHistory(app);  // a history write still waiting for the lock is kept where the next write finds it
    ScheduleHiddenCues(app, clock.NowMs);
}

void app::OnPageShown(AppState& app, const platform::Clock& clock)
{
    SetClock(app, clock);
    PageShown(app, clock.NowMs);
    RequestSync(app);  // back to the app: what other devices wrote meanwhile
}

void app::OnStorageChanged(AppState& app, const char* key, const platform::Clock& clock)
{
    SetClock(app, clock);
    StoredKey which = StoredKey_COUNT;
    if (key == nullptr || key[0] == 0)
        which = StoredKey_All;  // storage was cleared
    else if (strcmp(key, SettingsKey) == 0)
        which = StoredKey_Settings;
    else if (strcmp(key, SessionKey) == 0)
        which = StoredKey_Session;
    else if (strcmp(key, HistoryKey) == 0)
        which = StoredKey_History;
    else if (strcmp(key, SyncKey) == 0)
        which = StoredKey_Sync;
    else if (strncmp(key, KeyPrefix, strlen(KeyPrefix)) == 0)
        which = StoredKey_Reset;  // the reset mark, or a kept-aside copy: the list of copies changed
    if (which != StoredKey_COUNT)
        StorageChanged(app, which, clock.NowMs);
}

void app::OnHistoryCommit(AppState& app, const platform::Clock& clock)
{
    SetClock(app, clock);
    CommitHistory(app);
    RequestAnimation(app);
}

void app::InstallPageEvents(AppState& app)
{
    platform::PageEvents events = {};
    events.User = &app;
    events.Hidden = [](void* user, const platform::Clock& clock) { OnPageHidden(*(AppState*)user, clock); };
    events.Shown = [](void* user, const platform::Clock& clock) { OnPageShown(*(AppState*)user, clock); };
    events.StorageChanged = [](void* user, const char* key, const platform::Clock& clock) { OnStorageChanged(*(AppState*)user, key, clock); };
    events.HistoryCommit = [](void* user, const platform::Clock& clock) { OnHistoryCommit(*(AppState*)user, clock); };
    events.UpdateReady = [](void* user) { ((AppState*)user)->UpdateReady = true; };
    events.LanguageArrived = [](void* user, const char* tag, std::string bytes) { OnLanguageArrived(*(AppState*)user, tag, std::move(bytes)); };
    events.LanguageFailed = [](void* user, const char* tag) { OnLanguageFailed(*(AppState*)user, tag); };
    events.FileKept = [](void* user, platform::FileKept how, const platform::Clock& clock) { OnFileKept(*(AppState*)user, how, clock); };
    events.HttpAnswered = [](void* user, int id, int status, const std::string& body, const platform::Clock& clock) {
        OnHttpAnswered(*(AppState*)user, id, status, body, clock);
    };
    events.Online = [](void* user, const platform::Clock& clock) { OnNetworkOnline(*(AppState*)user, clock); };
    events.SyncFormSaved = [](void* user, const std::string& url, const std::string& name, const std::string& password, const platform::Clock& clock) {
        OnSyncFormSaved(*(AppState*)user, url, name, password, clock);
    };
    platform::SetPageEvents(events);
}
