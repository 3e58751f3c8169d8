// The app shell: start-up (saved data, theme), one frame (session update, the current screen,
// the flash cue), navigation, and the state snapshot for the automation interface.
#include "ui/app.h"

#include "core/progress.h"
#include "platform/platform.h"
#include "ui/automation.h"
#include "ui/layout.h"
#include "ui/persistence.h"
#include "ui/screens.h"
#include "ui/session_runner.h"
#include "ui/theme.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstdio>

static ui::AppState g_App;

ui::AppState& ui::App() { return g_App; }

const char* ui::ScreenKey(Screen screen)
{
    static const char* keys[Screen_COUNT] = { "home", "session", "finish", "exercise", "history", "settings", "about" };
    return keys[screen];
}

const char* ui::ScreenTitle(Screen screen)
{
    static const char* titles[Screen_COUNT] = { "Home", "Workout", "Finished", "Exercise", "History", "Settings", "About" };
    return titles[screen];
}

const char* ui::StorageStatusKey(StorageStatus status)
{
    static const char* keys[] = { "ok", "unavailable", "full", "recovered" };
    return keys[status];
}

void ui::Navigate(Screen screen)
{
    if (screen == g_App.Current)
        return;
    if (screen != Screen_Home)
        g_App.Previous = g_App.Current == Screen_Session || g_App.Current == Screen_Finish ? Screen_Home : g_App.Current;
    g_App.Current = screen;
    g_App.Notice.clear();
    g_App.Animating = true;   // the frame that navigated drew the old screen: draw the new one
    ImGui::SetWindowFocus(nullptr);
    std::string announcement = ScreenTitle(screen);
    if (screen == Screen_Exercise)
        announcement = bc::GetExercise(g_App.ShownExercise).Name;
    else if (screen == Screen_Session && g_App.HasSession)
        announcement = DescribeStep(g_App.View);
    else if (screen == Screen_Finish && g_App.HasLastRecord)
        announcement = RecordSaveFor(g_App, g_App.LastRecord.Id) == RecordSave_NoWork ? "No reps done."
                     : g_App.LastRecord.Finished ? "Circuit complete. Well done." : "Session ended early.";
    platform::Announce(announcement.c_str());
}

void ui::RequestWake(double at_ms) { g_App.WakeAtMs = ImMin(g_App.WakeAtMs, at_ms); }
void ui::RequestAnimation() { g_App.Animating = true; }

static void ApplyThemeSetting(bool force)
{
    const bc::Theme theme = g_App.Settings.ColorTheme;
    const bool dark = theme == bc::Theme::Dark || (theme == bc::Theme::System && g_App.SystemDark);
    if (force || dark != ui::IsDarkTheme() || g_App.MoreContrast != ui::IsHighContrast())
        ui::ApplyTheme(dark, g_App.MoreContrast);
}

void ui::AppInit(double now_ms)
{
    g_App.NowMs = now_ms;
    g_App.ReducedMotion = platform::PrefersReducedMotion();
    g_App.SystemDark = platform::PrefersDarkScheme();
    g_App.MoreContrast = platform::PrefersMoreContrast();
    LoadSavedData(g_App, now_ms);
    ApplyThemeSetting(true);
    if (g_App.HasSession)
    {
        // A reload or a closed tab: reopen the session where it stood, paused.
        UpdateSession(g_App, now_ms);
        if (g_App.HasSession)
            g_App.Current = Screen_Session;
    }
    platform::Announce(g_App.Current == Screen_Session ? "Workout paused where you left off" : "Band Circuit home");
}

ui::FrameRequest ui::AppFrame(double now_ms)
{
    const Screen screen_at_start = g_App.Current;
    g_App.NowMs = now_ms;
    g_App.Animating = false;
    g_App.WakeAtMs = INFINITY;
    // The system theme and motion preference can change while the app is open: asked again at
    // most once a second (each question is a media query in the browser, too slow for every frame).
    static double s_PreferencesReadMs = now_ms;
    if (now_ms - s_PreferencesReadMs >= 1000.0)
    {
        g_App.SystemDark = platform::PrefersDarkScheme();
        g_App.ReducedMotion = platform::PrefersReducedMotion();
        g_App.MoreContrast = platform::PrefersMoreContrast();
        s_PreferencesReadMs = now_ms;
    }
    ApplyThemeSetting(false);
    UpdateSession(g_App, now_ms);

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
    const double now = platform::NowMs();
    std::string json = "{";
    Append(json, "screen", ScreenKey(g_App.Current));
    Append(json, "storage", StorageStatusKey(g_App.Storage));
    if (g_App.HasSession)
    {
        // Computed at the moment of asking, from the clock, on a copy: no cue is consumed.
        bc::Timer timer = g_App.Session;
        const bc::TimerView v = bc::Query(timer, (int64_t)now, nullptr);
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
    const bc::HistoryStats stats = bc::ComputeHistoryStats(g_App.History, (int64_t)platform::WallMs(), platform::TimezoneOffsetMinutes());
    std::string h = "{";
    AppendNumber(h, "sessions", (long long)g_App.History.size());
    AppendNumber(h, "streakDays", stats.CurrentStreakDays);
    const bc::WeekProgress week = bc::ComputeWeekProgress(g_App.History, (int64_t)platform::WallMs(), platform::TimezoneOffsetMinutes(), g_App.Settings.WeeklyGoal);
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

// web/app.js calls this on visibilitychange (hidden) and pagehide: save the session now.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_page_hidden()
{
    const double now = platform::NowMs();
    ui::SaveSessionNow(g_App, now);
    ui::CommitHistory(g_App);   // a history write still waiting for the lock is done now: the page may not run again
    ui::ScheduleHiddenCues(g_App, now);
}

// ... and this when the page is visible again.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_page_shown()
{
    ui::PageShown(g_App, platform::NowMs());
}

// Another page of the app changed storage (the storage event): which key, as ui::StoredKey.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_storage_changed(int key)
{
    if (key >= 0 && key < ui::StoredKey_COUNT)
        ui::StorageChanged(g_App, (ui::StoredKey)key, platform::NowMs());
}

// The history write, called by web/app.js while it holds the storage lock.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_history_commit()
{
    ui::CommitHistory(g_App);
    ui::RequestAnimation();
}

// A new version is downloaded and runs from the next visit: said in the page, over nothing.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_update_ready()
{
    g_App.UpdateReady = true;
}
