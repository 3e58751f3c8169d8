// The UI shell: start-up (the app's start-up, then the theme), one frame (the app's update, the
// current screen, the flash cue), and the state snapshot for the automation interface.
#include "ui/app.h"

#include "app/app.h"
#include "app/persistence.h"
#include "app/session_runner.h"
#include "core/progress.h"
#include "platform/platform.h"
#include "ui/automation.h"
#include "ui/layout.h"
#include "ui/screens.h"
#include "ui/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstdio>

// The one AppState: the screens get it by reference; the page events reach it through
// app::InstallPageEvents.
static app::AppState g_App;

void ui::RequestFrame() { g_App.Animating = true; }

static void ApplyThemeSetting(bool force)
{
    const bc::Theme theme = g_App.Settings.ColorTheme;
    const bool dark = theme == bc::Theme::Dark || (theme == bc::Theme::System && g_App.SystemDark);
    if (force || dark != ui::IsDarkTheme() || g_App.MoreContrast != ui::IsHighContrast())
        ui::ApplyTheme(dark, g_App.MoreContrast);
}

void ui::AppInit(const platform::Clock& clock)
{
    app::Init(g_App, clock);
    app::InstallPageEvents(g_App);
    ApplyThemeSetting(true);
}

ui::FrameRequest ui::AppFrame(const platform::Clock& clock)
{
    const double now_ms = clock.NowMs;
    const Screen screen_at_start = g_App.Current;
    app::BeginFrame(g_App, clock);
    ApplyThemeSetting(false);

    // A new screen starts with nothing focused (the old screen's focused item is gone).
    static Screen s_DrawnScreen = g_App.Current;
    if (s_DrawnScreen != g_App.Current)
        ImGui::SetWindowFocus(nullptr);
    s_DrawnScreen = g_App.Current;

    switch (g_App.Current)
    {
    case Screen_Home: DrawHomeScreen(g_App); break;
    case Screen_Session: DrawSessionScreen(g_App); break;
    case Screen_Finish: DrawFinishScreen(g_App); break;
    case Screen_Exercise: DrawExerciseScreen(g_App); break;
    case Screen_History: DrawHistoryScreen(g_App); break;
    case Screen_Settings: DrawSettingsScreen(g_App); break;
    case Screen_About: DrawAboutScreen(g_App); break;
    case Screen_COUNT: break;
    }
    if (s_DrawnScreen != g_App.Current)
        ImGui::SetWindowFocus(nullptr);  // navigated during this frame
    s_DrawnScreen = g_App.Current;

    // The flash cue: the whole screen lights up and fades.
    if (now_ms < g_App.FlashUntilMs)
    {
        const float t = (float)((g_App.FlashUntilMs - now_ms) / 280.0);
        ImU32 color = Colors().Accent;
        color = (color & ~IM_COL32_A_MASK) | ((ImU32)(ImClamp(t, 0.0f, 1.0f) * 200.0f) << IM_COL32_A_SHIFT);
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::GetForegroundDrawList()->AddRectFilled(viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y), color);
        g_App.Animating = true;
    }

    // Behind the page, and in the safe-area margins around it: the page's own colour.
    const bool in_session = g_App.Current == Screen_Session && g_App.HasSession;
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(in_session ? SessionFill(g_App) : Colors().Background);
    return { g_App.Animating, g_App.WakeAtMs, { bg.x, bg.y, bg.z }, g_App.Current != screen_at_start };
}

// --- [SECTION] Automation interface

static void Append(std::string& out, const char* key, const char* value, bool quote = true)
{
    if (out.size() > 1)
        out += ',';
    out += '"';
    out += key;
    out += "\":";
    if (value == nullptr)
        out += "null";
    else if (quote)
        ui::AppendJsonString(out, value);
    else
        out += value;
}

static void AppendNumber(std::string& out, const char* key, long long value)
{
    char text[32];
    snprintf(text, sizeof(text), "%lld", value);
    Append(out, key, text, false);
}

std::string ui::AppStateJson()
{
    const platform::Clock clock = platform::ReadClock();  // asked between frames: the state as of now
    const double now = clock.NowMs;
    std::string json = "{";
    Append(json, "screen", ScreenKey(g_App.Current));
    Append(json, "storage", StorageStatusKey(g_App.Storage));
    if (g_App.HasSession)
    {
        // Computed at the moment of asking, from the clock, on a copy: no cue is consumed.
        const bc::TimerView v = bc::ViewAt(g_App.Session, (int64_t)now);
        std::string s = "{";
        Append(s, "mode", bc::RunModeKey(g_App.Session.PlanSettings.Mode));
        AppendNumber(s, "rounds", v.Rounds);
        AppendNumber(s, "round", v.Round);
        Append(s, "exercise", bc::GetExercise(v.Exercise).Key);
        Append(s, "side", bc::SideKey(v.CurrentSide));
        Append(s, "phase", bc::PhaseKey(v.StepPhase));
        AppendNumber(s, "rep", v.Rep);
        AppendNumber(s, "reps", v.Reps);
        if (v.CountingUp)
            Append(s, "phaseLeftMs", nullptr);
        else
            AppendNumber(s, "phaseLeftMs", v.PhaseLeftMs);
        AppendNumber(s, "phaseElapsedMs", v.PhaseElapsedMs);
        AppendNumber(s, "elapsedMs", v.ActiveMs);
        Append(s, "paused", v.Paused ? "true" : "false", false);
        Append(s, "elsewhere", g_App.Stored.SessionElsewhere ? "true" : "false", false);
        Append(s, "tempoPart", v.TempoPartName, true);
        const bc::Step& step = g_App.Session.Plan[v.StepIndex];
        AppendNumber(s, "phaseLengthMs", v.PhaseLengthMs);
        Append(s, "canExtend", v.CanExtend ? "true" : "false", false);
        Append(s, "bandChange", step.BandChange ? "true" : "false", false);
        Append(s, "setup", v.StepPhase == bc::Phase::Work || v.StepPhase == bc::Phase::Done ? nullptr : bc::GetExercise(v.Exercise).SetupSpoken);
        AppendNumber(s, "step", v.StepIndex);
        AppendNumber(s, "steps", v.StepCount);
        char progress[32];
        snprintf(progress, sizeof(progress), "%.4f", v.Progress);
        Append(s, "progress", progress, false);
        s += "}";
        Append(json, "session", s.c_str(), false);
    }
    else
    {
        Append(json, "session", nullptr);
    }
    const bc::HistoryStats stats = bc::ComputeHistoryStats(g_App.History, clock.WallMs, clock.TzOffsetMinutes);
    std::string h = "{";
    AppendNumber(h, "sessions", (long long)g_App.History.size());
    AppendNumber(h, "streakDays", stats.CurrentStreakDays);
    const bc::WeekProgress week = bc::ComputeWeekProgress(g_App.History, clock.WallMs, clock.TzOffsetMinutes, g_App.Settings.WeeklyGoal);
    AppendNumber(h, "weekSessions", week.ThisWeekSessions);
    AppendNumber(h, "weeklyGoal", week.Goal);
    AppendNumber(h, "weekStreak", week.CurrentStreakWeeks);
    h += "}";
    AppendNumber(json, "estimateMs", bc::PlanTotalMs(bc::BuildPlan(g_App.Settings)));
    if (g_App.Current == Screen_Finish && g_App.HasLastRecord)
    {
        // What the finish screen tells: times, the week against the goal, and last time.
        const bc::SessionRecord& record = g_App.LastRecord;
        std::string f = "{";
        AppendNumber(f, "totalMs", record.DurationMs);
        AppendNumber(f, "workMs", record.WorkMs);
        AppendNumber(f, "weekSessions", week.ThisWeekSessions);
        AppendNumber(f, "weeklyGoal", week.Goal);
        AppendNumber(f, "weekStreak", week.CurrentStreakWeeks);
        Append(f, "hasPrevious", bc::PreviousSession(g_App.History, record) ? "true" : "false", false);
        int suggestions = 0;
        for (int e = 0; e < bc::ExerciseCount; e++)
            suggestions += bc::SuggestNext(record, bc::PreviousSession(g_App.History, record), (bc::ExerciseId)e, g_App.Settings).Kind != bc::SuggestionKind::None;
        AppendNumber(f, "suggestions", suggestions);
        f += "}";
        Append(json, "finish", f.c_str(), false);
    }
    Append(json, "history", h.c_str(), false);
    if (g_App.HasLastRecord)
    {
        std::string r = "{";
        Append(r, "id", g_App.LastRecord.Id.c_str());
        Append(r, "save", RecordSaveKey(RecordSaveFor(g_App, g_App.LastRecord.Id)));
        r += "}";
        Append(json, "lastRecord", r.c_str(), false);
    }
    else
    {
        Append(json, "lastRecord", nullptr);
    }
    std::string kept = "[";
    for (const std::string& key : g_App.Stored.KeptAside)
    {
        if (kept.size() > 1)
            kept += ',';
        AppendJsonString(kept, key);
    }
    kept += "]";
    Append(json, "keptAside", kept.c_str(), false);
    static const char* persistence[] = { "unknown", "persistent", "best-effort", "unsupported" };
    Append(json, "persistence", persistence[platform::StoragePersistence()]);
    Append(json, "updateReady", g_App.UpdateReady ? "true" : "false", false);
    Append(json, "theme", IsDarkTheme() ? "dark" : "light");
    Append(json, "highContrast", IsHighContrast() ? "true" : "false", false);
    const std::string focused = KeyboardFocusName();
    Append(json, "focused", focused.empty() ? nullptr : focused.c_str());
    Append(json, "reducedMotion", g_App.ReducedMotion ? "true" : "false", false);
    Append(json, "animating", g_App.Animating ? "true" : "false", false);
    {
        // What this browser can do for the cues, and how many screen flashes were shown.
        std::string c = "{";
        Append(c, "vibration", platform::VibrationAvailable() ? "true" : "false", false);
        Append(c, "voice", platform::SpeechAvailable() ? "true" : "false", false);
        AppendNumber(c, "flashes", g_App.Flashes);
        c += "}";
        Append(json, "cues", c.c_str(), false);
        // How the last frame was laid out: its shape, the display scale and the safe-area insets.
        const ImVec4 insets = SafeAreaInsetsCss();
        const ImVec2 size = ImGui::GetMainViewport()->Size;
        char layout[256];
        snprintf(layout, sizeof(layout), "{\"shape\":\"%s\",\"scale\":%.3f,\"width\":%.0f,\"height\":%.0f,"
                                         "\"safeArea\":{\"top\":%.1f,\"right\":%.1f,\"bottom\":%.1f,\"left\":%.1f}}",
                 ShapeKey(CurrentShape()), DisplayScale(), size.x * DisplayScale(), size.y * DisplayScale(), insets.x, insets.y, insets.z, insets.w);
        Append(json, "layout", layout, false);
    }
    Append(json, "shownExercise", g_App.Current == Screen_Exercise ? bc::GetExercise(g_App.ShownExercise).Key : nullptr);
    if (g_App.Current == Screen_Exercise)
    {
        // The demonstration on the exercise page: where it is in its cycle (monster walks cycle
        // over two steps, one per foot).
        const bc::Exercise& exercise = bc::GetExercise(g_App.ShownExercise);
        const int rep_ms = bc::RepDurationMs(exercise);
        std::string d = "{";
        Append(d, "side", bc::SideKey(g_App.ShownSide));
        Append(d, "playing", g_App.ShownPlaying ? "true" : "false", false);
        AppendNumber(d, "ms", (long long)ExerciseDemoMs(g_App, now));
        AppendNumber(d, "repMs", exercise.Style == bc::SetStyle::Directions ? 2 * rep_ms : rep_ms);
        d += "}";
        Append(json, "demo", d.c_str(), false);
    }
    if (g_App.Notice.empty())
        Append(json, "notice", nullptr);
    else
    {
        std::string notice = "{\"text\":";
        AppendJsonString(notice, g_App.Notice);
        notice += g_App.NoticeIsError ? ",\"error\":true}" : ",\"error\":false}";
        Append(json, "notice", notice.c_str(), false);
    }
    json += "}";
    return json;
}
