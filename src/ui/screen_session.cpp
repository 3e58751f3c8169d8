// The session: the demonstration large and in step with the timer, the numbers a runner reads at
// arm's length (rep, side, time), "next up" during rests, and the controls. Portrait phones stack
// everything; landscape and desktop put the figure on the left and the numbers on the right.
// Keys: Space pauses or resumes, Right skips, Left goes back, Enter is Done, Escape ends.
#include "ui/screens.h"

#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/session_runner.h"
#include "ui/theme.h"
#include "ui/widgets.h"

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

static const char* SideLabel(bc::Side side)
{
    switch (side)
    {
    case bc::Side::Left: return "LEFT SIDE";
    case bc::Side::Right: return "RIGHT SIDE";
    case bc::Side::Forward: return "FORWARD";
    case bc::Side::Back: return "BACKWARD";
    default: return nullptr;
    }
}

// Big text centred in a box, shrunk to fit its width.
static void BigNumber(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const char* value, const char* caption, ImU32 color)
{
    const ui::Palette& c = ui::Colors();
    ImFont* big = ui::GetFont(ui::FontRole_Big);
    const float box_w = max.x - min.x, box_h = max.y - min.y;
    float size = ImMin(ui::BigFontSize, box_h - 24.0f);
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

static void DrawDemoArea(ui::AppState& app, const bc::TimerView& v, ImVec2 min, ImVec2 max)
{
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ui::Palette& c = ui::Colors();
    draw_list->AddRectFilled(min, max, c.Surface, 14.0f);
    ui::DemoParams demo;
    demo.Exercise = v.Exercise;
    demo.DemoSide = v.CurrentSide == bc::Side::None ? bc::Side::Left : v.CurrentSide;
    const bc::Exercise& exercise = bc::GetExercise(v.Exercise);
    if (v.StepPhase == bc::Phase::Work)
    {
        demo.RepPhase = v.RepPhase;
        const int rep_ms = bc::RepDurationMs(exercise);
        demo.RepIndex = v.Rep > 0 ? v.Rep - 1 : (int)(v.PhaseElapsedMs / (rep_ms > 0 ? rep_ms : 1000));
        if (exercise.Style == bc::SetStyle::Alternating)
            demo.DemoSide = bc::Side::Left;   // one rep shows both sides
        if (app.ReducedMotion && v.TempoPart >= 0)
        {
            // Still key poses: the pose at the end of the current tempo part.
            int end_ms = 0;
            for (int i = 0; i <= v.TempoPart && i < exercise.TempoPartCount; i++)
                end_ms += exercise.Tempo[i].DurationMs;
            demo.RepPhase = fmodf((float)end_ms / (float)(rep_ms > 0 ? rep_ms : 1), 1.0f);
        }
    }
    else
    {
        demo.RepPhase = ui::KeyPosePhase(v.Exercise);
        demo.RepIndex = 0;
    }
    demo.View = bc::DefaultCamera(v.Exercise, demo.DemoSide);
    ui::DrawDemo(draw_list, ImVec2(min.x + 6, min.y + 6), ImVec2(max.x - 6, max.y - 6), demo);
    if (v.StepPhase != bc::Phase::Work && v.StepPhase != bc::Phase::Done)
    {
        const char* tag = "NEXT UP";
        draw_list->AddText(ui::GetFont(ui::FontRole_Body), 15.0f, ImVec2(min.x + 12, min.y + 10), c.TextMuted, tag);
    }
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
        const float half = width * 0.5f;
        BigNumber(draw_list, min, ImVec2(min.x + half, min.y + height), rep_text, caption, color);
        BigNumber(draw_list, ImVec2(min.x + half, min.y), ImVec2(min.x + width, min.y + height), time_text,
                  v.CountingUp ? "TIME" : "TIME LEFT", color);
    }
    else
    {
        BigNumber(draw_list, min, ImVec2(min.x + width, min.y + height), time_text, v.StepPhase == bc::Phase::GetReady ? "STARTS IN" : "TIME LEFT", color);
    }
    ImGui::Dummy(ImVec2(width, height));

    // For screen readers: the same numbers in words (not announced: the status is read on demand).
    char status[128];
    const char* unit = exercise.CountUnit[0] == 's' ? "step" : "rep";
    if (work && v.CountingUp)
        snprintf(status, sizeof(status), "%d %ss to do. Time %s.", v.Reps, unit, time_text);
    else if (work)
        snprintf(status, sizeof(status), "%c%s %d of %d. Time left %s.", unit[0] - 32, unit + 1, v.Rep, v.Reps, time_text);
    else
        snprintf(status, sizeof(status), "%s %s.", v.StepPhase == bc::Phase::GetReady ? "Starts in" : "Time left", time_text);
    ui::DescribeText(ui::NodeKind_Status, status, min, ImVec2(min.x + width, min.y + height));
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
    const float third = (width - 2 * spacing) / 3.0f;
    if (ui::Button("Back", ui::ButtonKind_Normal, third, 60.0f))
        ui::BackStep(app, app.NowMs);
    ImGui::SameLine();
    if (v.Paused)
    {
        if (ui::Button("Resume", ui::ButtonKind_Primary, third, 60.0f))
            ui::ResumeSession(app, app.NowMs);
    }
    else if (ui::Button("Pause", ui::ButtonKind_Normal, third, 60.0f))
        ui::PauseSession(app, app.NowMs);
    ImGui::SameLine();
    if (ui::Button("Skip", ui::ButtonKind_Normal, third, 60.0f))
        ui::SkipStep(app, app.NowMs);
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
    const ImVec2 where_min = ImGui::GetItemRectMin(), where_max = ImGui::GetItemRectMax();
    ImGui::SameLine(width - 72.0f + ImGui::GetStyle().WindowPadding.x);
    if (ui::Button("End", ui::ButtonKind_Quiet, 72.0f, 44.0f))
        app.ConfirmingEnd = true;
    ui::ProgressBar(v.Progress, 8.0f, c.Accent);

    // The phase, the side and the tempo cue.
    ui::Heading(PhaseTitle(v));
    // Read after the title (a screen reader's list goes title, then status), though drawn above it.
    snprintf(where, sizeof(where), "Round %d of %d, exercise %d of %d.", v.Round, v.Rounds, exercise_number, bc::ExerciseCount);
    ui::DescribeText(ui::NodeKind_Status, where, where_min, where_max);
    const char* side = SideLabel(v.CurrentSide);
    const bc::Exercise& exercise = bc::GetExercise(v.Exercise);
    char detail[160] = "";
    if (v.Paused)
        snprintf(detail, sizeof(detail), "%s", app.Restored ? "Paused where you left off. Tap Resume to carry on." : "Paused");
    else if (v.StepPhase == bc::Phase::Work)
        snprintf(detail, sizeof(detail), "%s%s%s", side ? side : "", side && v.TempoPartName[0] ? "  ·  " : "",
                 v.CountingUp ? "Your pace: tap Done when the set is complete" : v.TempoPartName);
    else if (v.StepPhase == bc::Phase::Switch)
        snprintf(detail, sizeof(detail), "Next: %s", side ? side : "other side");
    else
        snprintf(detail, sizeof(detail), "Next up: %s%s%s", exercise.Name, side ? ", " : "", side ? side : "");
    ImGui::PushFont(ui::GetFont(ui::FontRole_Heading));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(v.Paused ? c.TextMuted : c.Accent));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::SetWindowFontScale(0.78f);
    ImGui::TextUnformatted(detail);
    {
        // Read as words, not shouted: "Left side  ·  Extend" rather than "LEFT SIDE".
        char spoken[160];
        snprintf(spoken, sizeof(spoken), "%s", detail);
        for (int i = 1; spoken[i] != '\0'; i++)
            if (spoken[i] >= 'A' && spoken[i] <= 'Z' && detail[i - 1] >= 'A' && detail[i - 1] <= 'Z')
                spoken[i] = (char)(spoken[i] + 32);
        ui::DescribeLastText(ui::NodeKind_Status, spoken);
    }
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (v.StepPhase != bc::Phase::Work && v.StepPhase != bc::Phase::Switch)
        ui::TextMuted(exercise.BandSetup);
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
    const float width = BeginPage("Workout");
    // Storage that fails mid-session is said at once, not at the end (the finish screen offers a download).
    if (app.Storage == StorageStatus_Full)
        Banner("Storage is full: this workout is not being saved. You can download it when it ends.", true);
    else if (app.Storage == StorageStatus_Unavailable)
        Banner("This browser is not saving: you can download this workout when it ends.", true);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const bool landscape = viewport->Size.x > viewport->Size.y * 1.15f;
    const float controls_h = (v.CountingUp && !v.Paused ? 64.0f + 10.0f : 0.0f) + 60.0f + ImGui::GetStyle().WindowPadding.y;

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
