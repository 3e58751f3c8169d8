// The session: the demonstration large and in step with the timer, the numbers a runner reads at
// arm's length (rep, side, time), "next up" during rests, and the controls. Read from the floor at
// 2 m: the whole screen takes its phase's colour (work, rest, switch), the tempo word is large,
// and rep and time sit in separate blocks. Rests say what the band change is, in words, and offer
// "+15 s". Portrait phones stack everything; landscape and desktop put the figure on the left and
// the numbers on the right.
// Keys: Space pauses or resumes, Right skips, Left goes back, Enter is Done, Escape ends.
#include "ui/screens.h"

#include "ui/fonts.h"
#include "ui/session_runner.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include "core/figure_layout.h"

#include <imgui_internal.h>

#include <cmath>
#include <cstdio>

static const char* PhaseTitle(const bc::TimerView& v)
{
    switch (v.StepPhase)
    {
    case bc::Phase::GetReady: return "Get ready";
    case bc::Phase::Work: return bc::GetExercise(v.Exercise).Name;
    case bc::Phase::Switch: return "Switch sides";
    case bc::Phase::Rest: return "Rest";
    case bc::Phase::RoundRest: return "Round rest";
    case bc::Phase::Done: return "Done";
    }
    return "";
}

// The side in capitals, naming the limbs where "left" alone would not say which move (a deadbug
// side is a leg and the opposite arm): "LEFT LEG + RIGHT ARM".
static const char* SideLabel(bc::ExerciseId exercise, bc::Side side)
{
    if (const char* limbs = bc::MovingLimbs(exercise, side))
    {
        static char upper[64];
        int i = 0;
        for (; limbs[i] != 0 && i < (int)sizeof(upper) - 1; i++)
            upper[i] = (limbs[i] >= 'a' && limbs[i] <= 'z') ? (char)(limbs[i] - 'a' + 'A') : limbs[i];
        upper[i] = 0;
        return upper;
    }
    switch (side)
    {
    case bc::Side::Left: return "LEFT SIDE";
    case bc::Side::Right: return "RIGHT SIDE";
    case bc::Side::Forward: return "FORWARD";
    case bc::Side::Back: return "BACKWARD";
    default: return nullptr;
    }
}

// Big text centred in its own block (a Surface card), shrunk to fit, with its caption under it.
static void BigNumber(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const char* value, const char* caption, ImU32 color)
{
    const ui::Palette& c = ui::Colors();
    draw_list->AddRectFilled(min, max, c.Surface, 14.0f);
    ImFont* big = ui::GetFont(ui::FontRole_Big);
    min.y += 4.0f;
    const float box_w = max.x - min.x, box_h = max.y - min.y;
    float size = ImMin(ui::BigFontSize, box_h - 26.0f);
    const float natural = big->CalcTextSizeA(size, FLT_MAX, 0.0f, value).x;
    if (natural > box_w - 8.0f)
        size *= (box_w - 8.0f) / natural;
    const ImVec2 text = big->CalcTextSizeA(size, FLT_MAX, 0.0f, value);
    draw_list->AddText(big, size, ImVec2(min.x + (box_w - text.x) * 0.5f, min.y), color, value);
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    const ImVec2 cap = body->CalcTextSizeA(15.0f, FLT_MAX, 0.0f, caption);
    draw_list->AddText(body, 15.0f, ImVec2(min.x + (box_w - cap.x) * 0.5f, min.y + size + 2.0f), c.TextMuted, caption);
}

static void ScheduleNextFrame(ui::AppState& app, const bc::TimerView& v)
{
    if (v.Paused)
        return;
    if (v.StepPhase == bc::Phase::Work)
    {
        if (app.ReducedMotion)
            ui::RequestWake(app.NowMs + 100.0);   // key poses only: the tempo part still changes
        else
            ui::RequestAnimation();
        return;
    }
    // The displayed seconds change on the next whole second of the countdown.
    const long long left = v.PhaseLeftMs;
    const double until = left > 0 ? (double)((left - 1) % 1000 + 1) : 1000.0;
    ui::RequestWake(app.NowMs + until);
}

static void HandleKeys(ui::AppState& app, const bc::TimerView& v)
{
    if (app.ConfirmingEnd)
    {
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
            app.ConfirmingEnd = false;
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Space, false))
        v.Paused ? ui::ResumeSession(app, app.NowMs) : ui::PauseSession(app, app.NowMs);
    else if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false))
        ui::SkipStep(app, app.NowMs);
    else if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false))
        ui::BackStep(app, app.NowMs);
    else if ((ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)) && v.CountingUp)
        ui::FinishSet(app, app.NowMs);
    else if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        app.ConfirmingEnd = true;
}

// Between sets the coming exercise stands still in its start position; during rests its working
// position stands beside it (or under it, whichever draws them larger), each with a caption.
static void DrawComingExercise(ImDrawList* draw_list, const bc::TimerView& v, ui::DemoParams demo, ImVec2 min, ImVec2 max)
{
    const ui::Palette& c = ui::Colors();
    ImFont* font = ui::GetFont(ui::FontRole_Body);
    demo.RepIndex = 0;
    demo.RepPhase = 0.0f;
    const bool pair = v.StepPhase == bc::Phase::Rest || v.StepPhase == bc::Phase::RoundRest;
    if (!pair)
    {
        ui::DrawDemo(draw_list, min, max, demo);
        return;
    }
    const float caption_h = 22.0f, gap = 8.0f;
    const float w = max.x - min.x, h = max.y - min.y;
    const bc::ViewBox box = bc::MovementViewBox(demo.Exercise, demo.DemoSide, demo.View);
    const bc::PanelRect beside = { 0.0f, 0.0f, (w - gap) * 0.5f, h - caption_h };
    const bc::PanelRect under = { 0.0f, 0.0f, w, (h - gap) * 0.5f - caption_h };
    const bool side_by_side = bc::FitViewBox(box, beside).Scale >= bc::FitViewBox(box, under).Scale;
    const bc::Exercise& exercise = bc::GetExercise(demo.Exercise);
    char working[64];
    snprintf(working, sizeof(working), "\xE2\x86\x92 %s", exercise.TempoPartCount > 0 ? exercise.Tempo[0].Name : "");   // "-> Extend"
    const char* captions[2] = { "Start", working };
    for (int i = 0; i < 2; i++)
    {
        ImVec2 cell_min = side_by_side ? ImVec2(min.x + i * (beside.MaxX + gap), min.y) : ImVec2(min.x, min.y + i * (under.MaxY + caption_h + gap));
        ImVec2 cell_max = side_by_side ? ImVec2(cell_min.x + beside.MaxX, max.y) : ImVec2(max.x, cell_min.y + under.MaxY + caption_h);
        demo.RepPhase = i == 0 ? 0.0f : ui::KeyPosePhase(demo.Exercise);
        ui::DrawDemo(draw_list, cell_min, ImVec2(cell_max.x, cell_max.y - caption_h), demo);
        const ImVec2 text = font->CalcTextSizeA(15.0f, FLT_MAX, 0.0f, captions[i]);
        draw_list->AddText(font, 15.0f, ImVec2(cell_min.x + (cell_max.x - cell_min.x - text.x) * 0.5f, cell_max.y - caption_h + 2.0f), c.TextMuted, captions[i]);
    }
}

static void DrawDemoArea(ui::AppState& app, const bc::TimerView& v, ImVec2 min, ImVec2 max)
{
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ui::Palette& c = ui::Colors();
    draw_list->AddRectFilled(min, max, c.Surface, 14.0f);
    ui::DemoParams demo;
    demo.Exercise = v.Exercise;
    demo.DemoSide = v.CurrentSide == bc::Side::None ? bc::Side::Left : v.CurrentSide;
    demo.View = bc::DefaultCamera(v.Exercise, demo.DemoSide);
    const bc::Exercise& exercise = bc::GetExercise(v.Exercise);
    if (v.StepPhase == bc::Phase::Work)
    {
        demo.RepPhase = v.RepPhase;
        const int rep_ms = bc::RepDurationMs(exercise);
        demo.RepIndex = v.Rep > 0 ? v.Rep - 1 : (int)(v.PhaseElapsedMs / (rep_ms > 0 ? rep_ms : 1000));
        if (exercise.Style == bc::SetStyle::Alternating)
        {
            demo.DemoSide = bc::Side::Left;   // one rep shows both sides
            demo.View = bc::DefaultCamera(v.Exercise, demo.DemoSide);
        }
        if (app.ReducedMotion && v.TempoPart >= 0)
        {
            // Still key poses: the pose at the end of the current tempo part.
            int end_ms = 0;
            for (int i = 0; i <= v.TempoPart && i < exercise.TempoPartCount; i++)
                end_ms += exercise.Tempo[i].DurationMs;
            demo.RepPhase = fmodf((float)end_ms / (float)(rep_ms > 0 ? rep_ms : 1), 1.0f);
        }
        ui::DrawDemo(draw_list, ImVec2(min.x + 6, min.y + 6), ImVec2(max.x - 6, max.y - 6), demo);
        return;
    }
    if (v.StepPhase == bc::Phase::Done)
    {
        DrawComingExercise(draw_list, v, demo, ImVec2(min.x + 6, min.y + 6), ImVec2(max.x - 6, max.y - 6));
        return;
    }
    // "Next up" heads the panel; the figures keep clear of it.
    draw_list->AddText(ui::GetFont(ui::FontRole_Body), 15.0f, ImVec2(min.x + 12, min.y + 10), c.TextMuted, "NEXT UP");
    DrawComingExercise(draw_list, v, demo, ImVec2(min.x + 6, min.y + 32), ImVec2(max.x - 6, max.y - 6));
}

static void DrawNumbers(ui::AppState& app, const bc::TimerView& v, float width, float height)
{
    const ui::Palette& c = ui::Colors();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool work = v.StepPhase == bc::Phase::Work;
    const bc::Exercise& exercise = bc::GetExercise(v.Exercise);
    char time_text[32];
    ui::FormatClock(time_text, sizeof(time_text), v.CountingUp ? v.PhaseElapsedMs : v.PhaseLeftMs, !v.CountingUp);
    const ImU32 color = work ? c.Work : c.Rest;
    if (work)
    {
        char rep_text[32];
        const char* caption = exercise.CountUnit[0] == 's' ? "STEP" : "REP";
        if (v.CountingUp)
        {
            snprintf(rep_text, sizeof(rep_text), "%d", v.Reps);
            caption = exercise.CountUnit[0] == 's' ? "STEPS TO DO" : "REPS TO DO";
        }
        else
            snprintf(rep_text, sizeof(rep_text), "%d/%d", v.Rep, v.Reps);
        const float gap = 10.0f;
        const float half = (width - gap) * 0.5f;
        BigNumber(draw_list, min, ImVec2(min.x + half, min.y + height), rep_text, caption, color);
        BigNumber(draw_list, ImVec2(min.x + half + gap, min.y), ImVec2(min.x + width, min.y + height), time_text,
                  v.CountingUp ? "TIME" : "TIME LEFT", color);
    }
    else
    {
        BigNumber(draw_list, min, ImVec2(min.x + width, min.y + height), time_text, v.StepPhase == bc::Phase::GetReady ? "STARTS IN" : "TIME LEFT", color);
    }
    ImGui::Dummy(ImVec2(width, height));
    (void)app;
}

// Landscape and desktop have room for the how-to under the numbers: shown while it fits.
static void DrawMovementSteps(const bc::TimerView& v, float bottom_y)
{
    if (v.StepPhase == bc::Phase::Done)
        return;
    const bc::Exercise& exercise = bc::GetExercise(v.Exercise);
    ImGui::Spacing();
    for (int i = 0; i < exercise.MoveStepCount; i++)
    {
        const float wrap = ImGui::GetContentRegionAvail().x;
        const float height = ImGui::CalcTextSize(exercise.MoveSteps[i], nullptr, false, wrap - 24.0f).y;
        if (ImGui::GetCursorPosY() + height > bottom_y)
            break;
        ImGui::Bullet();
        ui::TextMuted(exercise.MoveSteps[i]);
    }
}

static void DrawControls(ui::AppState& app, const bc::TimerView& v, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (app.ConfirmingEnd)
    {
        ui::TextMuted("End this session now? What you did so far is saved to your history.");
        const float half = (width - spacing) * 0.5f;
        if (ui::Button("End session", ui::ButtonKind_Primary, half, 56.0f))
            ui::EndSession(app, app.NowMs);
        ImGui::SameLine();
        if (ui::Button("Keep going", ui::ButtonKind_Normal, half, 56.0f))
            app.ConfirmingEnd = false;
        return;
    }
    if (v.CountingUp && !v.Paused)
    {
        if (ui::Button("Done", ui::ButtonKind_Primary, width, 64.0f))
            ui::FinishSet(app, app.NowMs);
    }
    // Rests and get-ready have a fourth button: "+15 s".
    const int count = v.CanExtend ? 4 : 3;
    const float each = (width - (count - 1) * spacing) / (float)count;
    if (ui::Button("Back", ui::ButtonKind_Normal, each, 60.0f))
        ui::BackStep(app, app.NowMs);
    ImGui::SameLine();
    if (v.Paused)
    {
        if (ui::Button("Resume", ui::ButtonKind_Primary, each, 60.0f))
            ui::ResumeSession(app, app.NowMs);
    }
    else if (ui::Button("Pause", ui::ButtonKind_Normal, each, 60.0f))
        ui::PauseSession(app, app.NowMs);
    if (v.CanExtend)
    {
        ImGui::SameLine();
        if (ui::Button("+15 s", ui::ButtonKind_Normal, each, 60.0f))
            ui::ExtendStep(app, app.NowMs);
    }
    ImGui::SameLine();
    if (ui::Button("Skip", ui::ButtonKind_Normal, each, 60.0f))
        ui::SkipStep(app, app.NowMs);
}

// The tempo word, large enough to read from the floor; shrunk to fit the width.
static void CueWord(const char* text, ImU32 color)
{
    ImFont* font = ui::GetFont(ui::FontRole_Cue);
    const float width = ImGui::GetContentRegionAvail().x;
    float size = ui::CueFontSize;
    const float natural = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text).x;
    if (natural > width)
        size *= width / natural;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(font, size, pos, color, text);
    ImGui::Dummy(ImVec2(width, ui::CueFontSize + 2.0f));
}

// The whole screen's colour: one per kind of phase, so work and rest tell apart at a glance.
static ImU32 PhaseFill(const bc::TimerView& v)
{
    const ui::Palette& c = ui::Colors();
    switch (v.StepPhase)
    {
    case bc::Phase::Work: return c.WorkFill;
    case bc::Phase::Switch: return c.SwitchFill;
    case bc::Phase::GetReady:
    case bc::Phase::Rest:
    case bc::Phase::RoundRest: return c.RestFill;
    case bc::Phase::Done: break;
    }
    return c.Background;
}

static void DrawStatus(ui::AppState& app, const bc::TimerView& v, float width)
{
    const ui::Palette& c = ui::Colors();
    // Top line: where we are, and End.
    char where[96];
    const int exercise_number = (int)v.Exercise + 1;
    snprintf(where, sizeof(where), "Round %d of %d  ·  Exercise %d of %d", v.Round, v.Rounds, exercise_number, bc::ExerciseCount);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.TextMuted));
    ImGui::TextUnformatted(where);
    ImGui::PopStyleColor();
    ImGui::SameLine(width - 72.0f + ImGui::GetStyle().WindowPadding.x);
    if (ui::Button("End", ui::ButtonKind_Quiet, 72.0f, 44.0f))
        app.ConfirmingEnd = true;
    ui::ProgressBar(v.Progress, 8.0f, c.Accent);

    // The phase, then the tempo word large (sets) or the next exercise and its band set-up (pauses).
    ui::Heading(PhaseTitle(v));
    const char* side = SideLabel(v.Exercise, v.CurrentSide);
    const bc::Exercise& exercise = bc::GetExercise(v.Exercise);
    const bc::Step& step = app.Session.Plan[v.StepIndex];
    ImGui::PushTextWrapPos(0.0f);
    if (v.Paused)
    {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.TextMuted));
        ImGui::TextUnformatted(app.Restored ? "Paused where you left off. Tap Resume to carry on." : "Paused");
        ImGui::PopStyleColor();
    }
    else if (v.StepPhase == bc::Phase::Work)
    {
        if (side)
            ui::TextMuted(side);
        CueWord(v.CountingUp ? "Your pace" : v.TempoPartName, c.Accent);
        if (v.CountingUp)
            ui::TextMuted("Tap Done when the set is complete");
    }
    else if (v.StepPhase == bc::Phase::Switch)
    {
        // Names what changes: "Now: right foot", "Now: walk backward".
        char next[64];
        if (exercise.Style == bc::SetStyle::Directions)
            snprintf(next, sizeof(next), "Now: walk %s", v.CurrentSide == bc::Side::Back ? "backward" : "forward");
        else
            snprintf(next, sizeof(next), "Now: %s %s", v.CurrentSide == bc::Side::Right ? "right" : "left", exercise.SideNoun ? exercise.SideNoun : "side");
        CueWord(next, c.Accent);
    }
    else if (v.StepPhase != bc::Phase::Done)
    {
        char next[96];
        snprintf(next, sizeof(next), "Next: %s", exercise.Name);
        ImGui::PushFont(ui::GetFont(ui::FontRole_Heading));
        ImGui::SetWindowFontScale(0.78f);
        ImGui::TextUnformatted(next);
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopFont();
        if (step.BandChange)
        {
            char change[160];
            snprintf(change, sizeof(change), "Band change: %s", bc::BandChangeText(bc::PreviousExercise(step), step.Exercise));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.Accent));
            ImGui::TextUnformatted(change);
            ImGui::PopStyleColor();
        }
        ImGui::TextUnformatted(exercise.SetupSpoken);
    }
    ImGui::PopTextWrapPos();
}

void ui::DrawSessionScreen(AppState& app)
{
    if (!app.HasSession)
    {
        Navigate(app.HasLastRecord ? Screen_Finish : Screen_Home);
        return;
    }
    const bc::TimerView& v = app.View;
    HandleKeys(app, v);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(PhaseFill(v)));
    const float width = BeginPage("Workout");
    ImGui::PopStyleColor();
    // Storage that fails mid-session is said at once, not at the end (the finish screen offers a download).
    if (app.Storage == StorageStatus_Full)
        Banner("Storage is full: this workout is not being saved. You can download it when it ends.", true);
    else if (app.Storage == StorageStatus_Unavailable)
        Banner("This browser is not saving: you can download this workout when it ends.", true);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const bool landscape = viewport->Size.x > viewport->Size.y * 1.15f;
    const float controls_h = (v.CountingUp && !v.Paused ? 64.0f + 10.0f : 0.0f) + 60.0f + ImGui::GetStyle().WindowPadding.y;
    if (v.StepPhase != bc::Phase::Work)
        ui::GetFont(ui::FontRole_Cue);   // asked for early, so the first set shows it at once

    if (landscape)
    {
        const float left_w = ImFloor(width * 0.52f);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float full_h = viewport->Pos.y + viewport->Size.y - origin.y - ImGui::GetStyle().WindowPadding.y;
        DrawDemoArea(app, v, origin, ImVec2(origin.x + left_w, origin.y + full_h));
        ImGui::SetCursorScreenPos(ImVec2(origin.x + left_w + 16.0f, origin.y));
        ImGui::BeginGroup();
        const float right_w = width - left_w - 16.0f;
        ImGui::PushItemWidth(right_w);
        ImGui::BeginChild("Panel", ImVec2(right_w, full_h), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
        DrawStatus(app, v, right_w);
        const float numbers_h = ImMax(90.0f, ImGui::GetContentRegionAvail().y - controls_h - 8.0f);
        DrawNumbers(app, v, right_w, ImMin(numbers_h, 140.0f));
        DrawMovementSteps(v, full_h - controls_h - 8.0f);
        ImGui::SetCursorPosY(ImMax(ImGui::GetCursorPosY(), full_h - controls_h));
        DrawControls(app, v, right_w);
        ImGui::EndChild();
        ImGui::PopItemWidth();
        ImGui::EndGroup();
    }
    else
    {
        DrawStatus(app, v, width);
        const float numbers_h = 118.0f;
        const float avail = ImGui::GetContentRegionAvail().y;
        const float demo_h = ImMax(120.0f, avail - numbers_h - controls_h - 2 * ImGui::GetStyle().ItemSpacing.y);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        DrawDemoArea(app, v, min, ImVec2(min.x + width, min.y + demo_h));
        ImGui::Dummy(ImVec2(width, demo_h));
        DrawNumbers(app, v, width, numbers_h);
        ImGui::SetCursorPosY(ImMax(ImGui::GetCursorPosY(), viewport->Size.y - controls_h));
        DrawControls(app, v, width);
    }
    EndPage();
    ScheduleNextFrame(app, app.View);
}
