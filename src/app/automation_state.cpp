// The JSON of bandCircuit.state(), written with rapidjson's Writer. Numbers the page once printed
// with a fixed precision (progress, scale, sizes, insets) are rounded to it first, so the values
// read back are what they always were.
#include "app/automation_state.h"

#include "core/catalogue.h"
#include "core/progress.h"
#include "core/wording.h"

#include "core/json_writer.h"
#include <rapidjson/stringbuffer.h>

#include <cmath>

using core::JsonWriter;

static double Rounded(double value, double scale) { return std::nearbyint(value * scale) / scale; }

static void Text(JsonWriter& w, const char* key, const char* value)  // null for nullptr
{
    w.Key(key);
    if (value == nullptr)
        w.Null();
    else
        w.String(value);
}
static void Flag(JsonWriter& w, const char* key, bool value)
{
    w.Key(key);
    w.Bool(value);
}
static void Number(JsonWriter& w, const char* key, int64_t value)
{
    w.Key(key);
    w.Int64(value);
}
static void Real(JsonWriter& w, const char* key, double value)
{
    w.Key(key);
    w.Double(value);
}

static void WriteSession(JsonWriter& w, const app::AppState& app, double now_ms)
{
    // Computed at the moment of asking, from the clock, on a copy: no cue is consumed.
    const core::TimerView v = core::ViewAt(app.Session, (int64_t)now_ms);
    const core::Exercise& exercise = core::GetExercise(v.Exercise);
    w.StartObject();
    Text(w, "mode", core::RunModeKey(app.Session.PlanSettings.Mode));
    Number(w, "rounds", v.Rounds);
    Number(w, "round", v.Round);
    Text(w, "exercise", exercise.Key);
    Text(w, "side", core::SideKey(v.CurrentSide));
    Text(w, "phase", core::PhaseKey(v.StepPhase));
    Number(w, "rep", v.Rep);
    Number(w, "reps", v.Reps);
    w.Key("phaseLeftMs");
    if (v.CountingUp)
        w.Null();
    else
        w.Int64(v.PhaseLeftMs);
    Number(w, "phaseElapsedMs", v.PhaseElapsedMs);
    Number(w, "elapsedMs", v.ActiveMs);
    Flag(w, "paused", v.Paused);
    Flag(w, "elsewhere", app.Stored.SessionElsewhere);
    Text(w, "tempoPart", v.TempoPartName);
    Number(w, "phaseLengthMs", v.PhaseLengthMs);
    Flag(w, "canExtend", v.CanExtend);
    Flag(w, "bandChange", app.Session.Plan[v.StepIndex].BandChange);
    Text(w, "setup", v.StepPhase == core::Phase::Work || v.StepPhase == core::Phase::Done ? nullptr : exercise.SetupSpoken);
    Number(w, "step", v.StepIndex);
    Number(w, "steps", v.StepCount);
    Real(w, "progress", Rounded(v.Progress, 1e4));
    w.EndObject();
}

// What the finish screen tells: times, the week against the goal, and last time.
static void WriteFinish(JsonWriter& w, const app::AppState& app, const core::WeekProgress& week)
{
    const core::SessionRecord& record = app.LastRecord;
    const core::SessionRecord* previous = core::PreviousSession(app.History, record);
    int suggestions = 0;
    for (int e = 0; e < core::ExerciseCount; e++)
        suggestions += core::SuggestNext(record, previous, (core::ExerciseId)e, app.Settings).Kind != core::SuggestionKind::None;
    w.StartObject();
    Number(w, "totalMs", record.DurationMs);
    Number(w, "workMs", record.WorkMs);
    Number(w, "weekSessions", week.ThisWeekSessions);
    Number(w, "weeklyGoal", week.Goal);
    Number(w, "weekStreak", week.CurrentStreakWeeks);
    Flag(w, "hasPrevious", previous != nullptr);
    Number(w, "suggestions", suggestions);
    w.EndObject();
}

// The history's numbers, and what became of the last session's entry.
static void WriteHistory(JsonWriter& w, const app::AppState& app, const platform::Clock& clock, const core::WeekProgress& week)
{
    const core::HistoryStats stats = core::ComputeHistoryStats(app.History, clock.WallMs, clock.TzOffsetMinutes, app.Language.FirstWeekday);
    w.Key("history");
    w.StartObject();
    Number(w, "sessions", (int64_t)app.History.size());
    Number(w, "streakDays", stats.CurrentStreakDays);
    Number(w, "weekSessions", week.ThisWeekSessions);
    Number(w, "weeklyGoal", week.Goal);
    Number(w, "weekStreak", week.CurrentStreakWeeks);
    Number(w, "deleted", (int64_t)app.Deleted.size());
    Number(w, "backedUp", app.BackedUpWallMs);
    w.EndObject();

    // Sync with the runner's CouchDB: off (null), or the run under way and how the last one went.
    w.Key("sync");
    if (app.Sync.Record.Account.Url.empty() && app.Sync.Status.empty())
        w.Null();
    else
    {
        static const char* phases[] = { "idle", "pulling", "pushing", "putting-settings", "getting-settings" };
        w.StartObject();
        w.Key("on");
        w.Bool(!app.Sync.Record.Account.Url.empty());
        Text(w, "phase", phases[app.Sync.Phase]);
        Text(w, "status", app.Sync.Status.c_str());
        w.Key("error");
        w.Bool(app.Sync.StatusIsError);
        Number(w, "lastSync", app.Sync.Record.LastSyncWallMs);
        w.EndObject();
    }

    w.Key("lastRecord");
    if (app.HasLastRecord)
    {
        w.StartObject();
        Text(w, "id", app.LastRecord.Id.c_str());
        Text(w, "save", app::RecordSaveKey(app::RecordSaveFor(app, app.LastRecord.Id)));
        w.EndObject();
    }
    else
        w.Null();

    w.Key("keptAside");
    w.StartArray();
    for (const std::string& key : app.Stored.KeptAside)
        w.String(key.c_str(), (rapidjson::SizeType)key.size());
    w.EndArray();
    static const char* persistence[] = { "unknown", "persistent", "best-effort", "unsupported" };
    Text(w, "persistence", persistence[platform::StoragePersistence()]);
}

// The language, theme, text size and cues the page has, and how the last frame was laid out.
static void WriteEnvironment(JsonWriter& w, const app::AppState& app, const app::DrawnFacts& drawn)
{
    // The language drawn, the one whose file is on its way, the last that could not be loaded.
    w.Key("language");
    w.StartObject();
    Text(w, "active", core::ActiveLanguage().Tag);
    Text(w, "loading", app.Language.Requested.empty() ? nullptr : app.Language.Requested.c_str());
    Text(w, "failed", app.Language.Failed.empty() ? nullptr : app.Language.Failed.c_str());
    Text(w, "chosen", app.Settings.Language);
    Number(w, "missingGlyphs", drawn.MissingGlyphs);
    w.EndObject();
    Text(w, "theme", drawn.DarkTheme ? "dark" : "light");
    Flag(w, "highContrast", drawn.HighContrast);
    Number(w, "textSize", (int64_t)std::lround(app::TextScale(app) * 100.0f));
    Text(w, "focused", drawn.Focused.empty() ? nullptr : drawn.Focused.c_str());
    Flag(w, "reducedMotion", app.Env.ReducedMotion);
    Flag(w, "animating", app.Frame.Animating);

    // What this browser can do for the cues, and how many screen flashes were shown.
    w.Key("cues");
    w.StartObject();
    Flag(w, "vibration", platform::VibrationAvailable());
    Flag(w, "voice", platform::SpeechAvailable());
    Number(w, "flashes", app.Screens.Flashes);
    w.EndObject();

    // How the last frame was laid out: its shape, the display scale and the safe-area insets.
    w.Key("layout");
    w.StartObject();
    Text(w, "shape", drawn.Shape);
    Real(w, "scale", Rounded(drawn.Scale, 1e3));
    Real(w, "width", Rounded(drawn.WidthCss, 1.0));
    Real(w, "height", Rounded(drawn.HeightCss, 1.0));
    w.Key("safeArea");
    w.StartObject();
    static const char* sides[4] = { "top", "right", "bottom", "left" };
    for (int i = 0; i < 4; i++)
        Real(w, sides[i], Rounded(drawn.SafeArea[i], 10.0));
    w.EndObject();
    w.EndObject();
}

static const char* StyleKey(core::SetStyle style)
{
    switch (style)
    {
    case core::SetStyle::PerSide: return "per-side";
    case core::SetStyle::Alternating: return "alternating";
    case core::SetStyle::Directions: return "directions";
    case core::SetStyle::OneSet: return "one-set";
    }
    return nullptr;
}

// The circuit's exercises, in order, as the catalogue has them: keys, names (the home cards' ids),
// how a set is done, the band's form, the sides reps are recorded under, the dose and one rep's length.
static void WriteExercises(JsonWriter& w)
{
    w.Key("exercises");
    w.StartArray();
    for (int i = 0; i < core::ExerciseCount; i++)
    {
        const core::Exercise& exercise = core::GetExercise((core::ExerciseId)i);
        w.StartObject();
        Text(w, "key", exercise.Key);
        Text(w, "name", exercise.Name);
        Text(w, "shortName", exercise.ShortName);
        Text(w, "style", StyleKey(exercise.Style));
        Text(w, "band", exercise.Form == core::BandForm::Loop ? "loop" : "flat");
        w.Key("sides");
        w.StartArray();
        for (int side = 0; side < 2; side++)
            w.String(core::SideKey(core::ExerciseSide(exercise, side)));
        w.EndArray();
        Number(w, "countMin", exercise.CountMin);
        Number(w, "countMax", exercise.CountMax);
        Number(w, "repMs", core::RepDurationMs(exercise));
        w.EndObject();
    }
    w.EndArray();
}

// The demonstration on the exercise page: where it is in its cycle (monster walks cycle over two
// steps, one per foot), the tempo parts of one rep (ms), and the sides the page offers with their
// buttons' ids.
static void WriteDemo(JsonWriter& w, const app::AppState& app, double now_ms)
{
    const core::Exercise& exercise = core::GetExercise(app.Screens.ShownExercise);
    const int rep_ms = core::RepDurationMs(exercise);
    w.Key("demo");
    w.StartObject();
    Text(w, "side", core::SideKey(app.Screens.ShownSide));
    Flag(w, "playing", app.Screens.ShownPlaying);
    Number(w, "ms", (int64_t)app::ExerciseDemoMs(app, now_ms));
    Number(w, "repMs", exercise.Style == core::SetStyle::Directions ? 2 * rep_ms : rep_ms);
    w.Key("parts");
    w.StartArray();
    for (int i = 0; i < exercise.TempoPartCount; i++)
        w.Int(exercise.Tempo[i].DurationMs);
    w.EndArray();
    w.Key("sides");
    w.StartArray();
    if (core::HasSwitch(exercise))
        for (int i = 0; i < 2; i++)
        {
            const core::Side side = core::ExerciseSide(exercise, i);
            w.StartObject();
            Text(w, "key", core::SideKey(side));
            Text(w, "button", core::SideName(side));
            w.EndObject();
        }
    w.EndArray();
    w.EndObject();
}

std::string app::AutomationStateJson(const AppState& app, const platform::Clock& clock, const DrawnFacts& drawn)
{
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    Text(w, "screen", ScreenKey(app.Screens.Current));
    Text(w, "storage", StorageStatusKey(app.Storage));
    w.Key("session");
    if (app.HasSession)
        WriteSession(w, app, clock.NowMs);
    else
        w.Null();
    Number(w, "estimateMs", core::PlanTotalMs(core::BuildPlan(app.Settings)));

    const core::WeekProgress week = core::ComputeWeekProgress(app.History, clock.WallMs, clock.TzOffsetMinutes, app.Settings.WeeklyGoal, app.Language.FirstWeekday);
    if (app.Screens.Current == Screen_Finish && app.HasLastRecord)
    {
        w.Key("finish");
        WriteFinish(w, app, week);
    }
    WriteHistory(w, app, clock, week);
    Flag(w, "updateReady", app.UpdateReady);
    WriteEnvironment(w, app, drawn);
    WriteExercises(w);
    const bool exercise_page = app.Screens.Current == Screen_Exercise;
    Text(w, "shownExercise", exercise_page ? core::GetExercise(app.Screens.ShownExercise).Key : nullptr);
    if (exercise_page)
        WriteDemo(w, app, clock.NowMs);

    w.Key("notice");
    if (app.Screens.Notice.empty())
        w.Null();
    else
    {
        w.StartObject();
        Text(w, "text", app.Screens.Notice.c_str());
        Flag(w, "error", app.Screens.NoticeIsError);
        w.EndObject();
    }
    Number(w, "tapGuardMs", (int64_t)std::ceil(drawn.TapGuardMs));
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}
