// Cues are played only when they are fresh: after the page was hidden for minutes, the timer
// still hands over every event that fell in the gap (the session's state depends on them), but
// a burst of stale beeps would only confuse, so those are consumed silently.
#include "app/session_runner.h"

#include "app/announce.h"
#include "app/persistence.h"
#include "core/coach.h"
#include "core/wording.h"
#include "platform/platform.h"

#include <cstdio>

constexpr int64_t FreshCueMs = 1500;                 // older cues are not played
constexpr int64_t PeriodicSaveMs = 5000;             // a running session is saved at least this often
constexpr double FlashMs = 280.0;                    // length of the screen flash cue
constexpr int64_t ScheduleAheadMs = 15 * 60 * 1000;  // tones scheduled when the page is hidden
constexpr int MaxScheduledTones = 400;

// --- [SECTION] Cues

static void Flash(app::AppState& app, double now_ms)
{
    if (app.Settings.CueFlash)
    {
        app.Screens.FlashUntilMs = now_ms + FlashMs;
        app.Screens.Flashes++;
        app::RequestAnimation(app);
    }
}

void app::PreviewCueVolume(AppState& app)
{
    platform::SetCueVolume(app.Settings.CueVolume);
    platform::PlayTone(core::CueToneKey(core::CueTone_Rep));
}

// Plays what the coach (src/core/coach.cpp, the one cue table) says for one instant.
static void PlayCueOutput(app::AppState& app, const core::CueOutput& cue, double now_ms)
{
    platform::SetCueVolume(app.Settings.CueVolume);
    if (const char* tone = core::CueToneKey(cue.Tone))
        platform::PlayTone(tone);
    if (!cue.Speech.empty())
        platform::Speak(cue.Speech.c_str());
    if (cue.VibrateMs > 0)
        platform::Vibrate(cue.VibrateMs);
    if (cue.Flash)
        Flash(app, now_ms);
}

void app::ScheduleHiddenCues(AppState& app, double now_ms)
{
    if (!app.HasSession || app.View.Paused || !app.Settings.CueSound)
        return;
    // Run a copy of the timer ahead: the cues it meets are the ones a locked screen would miss.
    core::Timer ahead = app.Session;
    std::vector<core::CueEvent> events;
    const int64_t active_now = core::ActiveMsAt(app.Session, (int64_t)now_ms);
    core::Update(ahead, (int64_t)now_ms + ScheduleAheadMs, &events);
    std::vector<double> delays;
    std::vector<const char*> tones;
    // A hidden page cannot start speech on time: every tempo part gets its tone instead.
    const core::CoachOptions options = core::MakeCoachOptions(app.Settings, false);
    core::ForEachCueInstant(app.Session.Plan, events, options, [&](const core::CueOutput& cue, const core::CueEvent& first) {
        const char* tone = core::CueToneKey(cue.Tone);
        if (tone == nullptr || first.AtActiveMs <= active_now || (int)tones.size() >= MaxScheduledTones)
            return;
        delays.push_back((double)(first.AtActiveMs - active_now) / 1000.0);
        tones.push_back(tone);
    });
    platform::SetCueVolume(app.Settings.CueVolume);
    platform::ScheduleTones(delays.data(), tones.data(), (int)tones.size());
    app.SilentUntilActiveMs = active_now + ScheduleAheadMs;  // the audio clock plays these, not the frames
}

void app::PageShown(AppState& app, double now_ms)
{
    if (!app.HasSession)
        return;
    platform::CancelScheduledTones();
    app.SilentUntilActiveMs = core::ActiveMsAt(app.Session, (int64_t)now_ms);
}

// --- [SECTION] Ending

static void FinishAndRecord(app::AppState& app, double now_ms)
{
    app::RecordEndedSession(app, now_ms);
    app::Navigate(app, app::Screen_Finish);
}

// --- [SECTION] Actions

static bool TakeTimerEvents(app::AppState& app, double now_ms);

// After every action: take the cues it caused, then save (unless the action ended the session, or
// a step change it caused was saved already).
static void UpdateAndSave(app::AppState& app, double now_ms)
{
    if (!TakeTimerEvents(app, now_ms) && app.HasSession)
        app::SaveSession(app, now_ms);
}

void app::StartSession(AppState& app, double now_ms)
{
    app.Session = core::MakeTimer(app.Settings);
    const int64_t wall = app.Frame.WallMs;
    core::Start(app.Session, (int64_t)now_ms, wall, core::MakeSessionId(wall, app.History));
    app.HasSession = true;
    app.Restored = false;
    app.Screens.ConfirmingEnd = false;
    platform::KeepScreenAwake(true);
    Navigate(app, Screen_Session);
    UpdateAndSave(app, now_ms);
}

void app::PauseSession(AppState& app, double now_ms)
{
    if (app.HasSession && core::Pause(app.Session, (int64_t)now_ms))
    {
        platform::KeepScreenAwake(false);
        UpdateAndSave(app, now_ms);
        platform::Announce(core::Tr("Paused"));
    }
}

void app::ResumeSession(AppState& app, double now_ms)
{
    if (!app.HasSession)
        return;
    if (app.Restored || app.Stored.SessionElsewhere)
        TakeOverSession(app, now_ms);  // this page runs it from now on; another page showing it stops
    if (app.HasSession && core::Resume(app.Session, (int64_t)now_ms))
    {
        app.Restored = false;
        platform::KeepScreenAwake(true);
        Navigate(app, Screen_Session);
        UpdateAndSave(app, now_ms);
    }
}

void app::SkipStep(AppState& app, double now_ms)
{
    if (app.HasSession && core::Skip(app.Session, (int64_t)now_ms))
        UpdateAndSave(app, now_ms);
}

void app::BackStep(AppState& app, double now_ms)
{
    if (app.HasSession && core::Back(app.Session, (int64_t)now_ms))
        UpdateAndSave(app, now_ms);
}

void app::ExtendStep(AppState& app, double now_ms)
{
    if (app.HasSession && core::Extend(app.Session, (int64_t)now_ms, core::ExtendStepSec * 1000LL))
    {
        UpdateAndSave(app, now_ms);
        platform::Announce(core::Tr("15 seconds added"));
    }
}

void app::FinishSet(AppState& app, double now_ms)
{
    if (app.HasSession && core::Done(app.Session, (int64_t)now_ms))
        UpdateAndSave(app, now_ms);
}

void app::EndSession(AppState& app, double now_ms)
{
    if (!app.HasSession)
        return;
    UpdateSession(app, now_ms);
    if (app.HasSession && core::EndEarly(app.Session, (int64_t)now_ms))
    {
        app.View = core::Update(app.Session, (int64_t)now_ms, nullptr);
        platform::Announce(core::Tr("Session ended"));
        FinishAndRecord(app, now_ms);
    }
}

void app::DiscardSession(AppState& app)
{
    if (!app.HasSession)
        return;
    app.HasSession = false;
    app.Restored = false;
    ForgetSession(app, app.Session.SessionId);
    platform::KeepScreenAwake(false);
}

// --- [SECTION] Per frame

void app::UpdateSession(AppState& app, double now_ms) { TakeTimerEvents(app, now_ms); }

// The session as of now_ms: its cues, the announcements and the finish; saved at a step change
// and every PeriodicSaveMs. True when it saved the session or ended it.
static bool TakeTimerEvents(app::AppState& app, double now_ms)
{
    if (!app.HasSession)
        return false;
    std::vector<core::CueEvent> events;
    app.View = core::Update(app.Session, (int64_t)now_ms, &events);
    const core::CoachOptions options = core::MakeCoachOptions(app.Settings, platform::SpeechAvailable());
    core::ForEachCueInstant(app.Session.Plan, events, options, [&](const core::CueOutput& cue, const core::CueEvent& first) {
        if (app.View.ActiveMs - first.AtActiveMs <= FreshCueMs && first.AtActiveMs > app.SilentUntilActiveMs)
            PlayCueOutput(app, cue, now_ms);
    });
    bool step_changed = false;
    for (const core::CueEvent& event : events)
    {
        if (event.Kind == core::CueKind::StepStart || event.Kind == core::CueKind::SwitchSides)
            step_changed = true;
        // Screen readers hear the moments, politely, never every second: a new step, a switch,
        // the last three seconds of a timed step, the finish (below).
        if (event.Kind == core::CueKind::StepStart || event.Kind == core::CueKind::SwitchSides)
            platform::Announce(app::DescribeStep(app.View).c_str());
        else if (event.Kind == core::CueKind::Countdown && event.Value == 3 && app.View.ActiveMs - event.AtActiveMs <= FreshCueMs)
            platform::Announce(core::Tr("3 seconds left"));
    }
    if (app.View.Finished || app.View.EndedEarly)
    {
        platform::Announce(app::DescribeStep(app.View).c_str());
        FinishAndRecord(app, now_ms);
        return true;
    }
    if (!step_changed && (app.View.Paused || app.View.ActiveMs - app.LastSavedActiveMs < PeriodicSaveMs))
        return false;
    app::SaveSession(app, now_ms);
    return true;
}

void app::SaveSessionNow(AppState& app, double now_ms)
{
    if (app.HasSession)
        UpdateAndSave(app, now_ms);
}
