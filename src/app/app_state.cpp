// The AppState's own small verbs: its keys as the automation interface spells them, the clocks of
// a frame, and moving between screens.
#include "app/app_state.h"

#include "app/announce.h"
#include "core/catalogue.h"
#include "core/coach.h"
#include "core/wording.h"

#include <algorithm>

const char* app::ScreenKey(Screen screen)
{
    static const char* keys[Screen_COUNT] = { "home", "session", "finish", "exercise", "history", "settings", "about" };
    return keys[screen];
}

const char* app::ScreenTitle(Screen screen)
{
    // TRANSLATORS: the screens' names, which screen readers hear when one opens
    static const char* titles[Screen_COUNT] = { core::N_("Home"), core::N_("Workout"), core::N_("Finished"), core::N_("Exercise"), core::N_("History"), core::N_("Settings"), core::N_("About") };
    return titles[screen];
}

const char* app::StorageStatusKey(StorageStatus status)
{
    static const char* keys[] = { "ok", "unavailable", "full", "recovered" };
    return keys[status];
}

void app::SetClock(AppState& app, const platform::Clock& clock)
{
    app.Frame.NowMs = clock.NowMs;
    app.Frame.WallMs = clock.WallMs;
    app.Frame.TzOffsetMinutes = clock.TzOffsetMinutes;
}

void app::Navigate(AppState& app, Screen screen)
{
    if (screen == app.Screens.Current)
        return;
    if (screen != Screen_Home)
        app.Screens.Previous = app.Screens.Current == Screen_Session || app.Screens.Current == Screen_Finish ? Screen_Home : app.Screens.Current;
    app.Screens.Current = screen;
    app.Screens.Notice.clear();
    app.Frame.Animating = true;  // the frame that navigated drew the old screen: draw the new one
    std::string announcement = core::Tr(ScreenTitle(screen));
    if (screen == Screen_Exercise)
        announcement = core::Tr(core::GetExercise(app.Screens.ShownExercise).Name);
    else if (screen == Screen_Session && app.HasSession)
        announcement = DescribeStep(app.View);
    else if (screen == Screen_Finish && app.HasLastRecord)
        announcement = RecordSaveFor(app, app.LastRecord.Id) == RecordSave_NoWork ? core::Tr("No reps done.")
                       : app.LastRecord.Finished                                  ? core::FinishSentence()
                                                                                  : core::Tr("Session ended early.");
    platform::Announce(announcement.c_str());
}

void app::RequestWake(AppState& app, double at_ms) { app.Frame.WakeAtMs = std::min(app.Frame.WakeAtMs, at_ms); }
void app::RequestAnimation(AppState& app) { app.Frame.Animating = true; }

void app::RequestSync(AppState& app)
{
    if (app.Sync.Record.Account.Url.empty())
        return;
    app.Sync.Wanted = true;
    RequestAnimation(app);
}

void app::ShowNotice(AppState& app, const std::string& text, bool is_error)
{
    app.Screens.Notice = text;
    app.Screens.NoticeIsError = is_error;
    platform::Announce(app.Screens.Notice.c_str());
}

// Milliseconds into the exercise page's demonstration: runs while playing, held while paused.
double app::ExerciseDemoMs(const AppState& app, double now_ms)
{
    const double elapsed = app.Screens.ShownPlaying ? now_ms - app.Screens.ShownPhaseOriginMs : app.Screens.ShownPausedMs;
    return elapsed > 0.0 ? elapsed : 0.0;
}

void app::SetDemoPlaying(AppState& app, bool playing)
{
    if (playing == app.Screens.ShownPlaying)
        return;
    if (playing)
        app.Screens.ShownPhaseOriginMs = app.Frame.NowMs - app.Screens.ShownPausedMs;
    else
        app.Screens.ShownPausedMs = ExerciseDemoMs(app, app.Frame.NowMs);
    app.Screens.ShownPlaying = playing;
}

const char* app::RecordSaveKey(RecordSave save)
{
    static const char* keys[] = { "pending", "saved", "no-work", "no-space", "history-full", "unavailable", "held", "reset" };
    return keys[save];
}

// Where session_id is, or would go, in the list of saves (sorted by id).
template <typename Saves>
static auto FindSave(Saves& saves, const std::string& session_id)
{
    return std::lower_bound(saves.begin(), saves.end(), session_id, [](const auto& entry, const std::string& id) { return entry.first < id; });
}

app::RecordSave app::RecordSaveFor(const AppState& app, const std::string& session_id)
{
    const auto& saves = app.Stored.Saves;
    const auto found = FindSave(saves, session_id);
    return found != saves.end() && found->first == session_id ? found->second : RecordSave_Saved;
}

// Saved is what RecordSaveFor answers for an id it does not hold, so saved entries leave the list:
// after a 3000-session import it is empty again, not 3000 strings kept for nothing.
void app::SetRecordSave(AppState& app, const std::string& session_id, RecordSave save)
{
    auto& saves = app.Stored.Saves;
    auto found = FindSave(saves, session_id);
    const bool held = found != saves.end() && found->first == session_id;
    if (save == RecordSave_Saved)
    {
        if (held)
            saves.erase(found);
    }
    else if (held)
        found->second = save;
    else
        saves.insert(found, { session_id, save });
}

uint64_t app::ViewKey(const AppState& app)
{
    uint64_t key = (uint64_t)app.Screens.Current;
    key |= (uint64_t)app.Screens.ConfirmingEnd << 8;
    key |= (uint64_t)app.Screens.ConfirmingReset << 9;
    if (app.Screens.Current == Screen_Session && app.HasSession)
    {
        key |= (uint64_t)(app.View.Finished ? 1 : 0) << 10;
        key |= (uint64_t)(uint32_t)(app.View.StepIndex + 1) << 16;
    }
    return key;
}

float app::TextScale(const AppState& app)
{
    const int percent = app.Settings.TextSize != 0 ? app.Settings.TextSize : core::TextSizeFor(app.Env.BrowserTextScale);
    return (float)percent / 100.0f;
}
