// The session: the demonstration large and in step with the timer, the numbers a runner reads at
// arm's length (rep, side, time), "next up" during rests, and the controls. Read from the floor at
// 2 m: the whole screen takes its phase's colour (work, rest, switch), the tempo word is large,
// and rep and time sit in separate blocks. Rests say what the band change is, in words, and offer
// "+15 s". Portrait phones stack everything; landscape and desktop put the figure on the left and the numbers on the right (the
// rectangles come from ui::LayOutSession, so what is drawn and where it goes change apart).
// Keys: Space pauses or resumes, Right skips, Left goes back, Enter is Done, Escape ends.
#include "ui/screens.h"

#include "app/session_runner.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include "core/figure_layout.h"
#include "core/wording.h"

#include <imgui_internal.h>

#include <cmath>
#include <cstdio>
#include <string>

static const char* PhaseTitle(const core::TimerView& v)
{
    switch (v.StepPhase)
    {
    case core::Phase::GetReady: return core::Tr("Get ready");
    case core::Phase::Work: return core::Tr(core::GetExercise(v.Exercise).Name);
    case core::Phase::Switch: return core::Tr("Switch sides");
    case core::Phase::Rest: return core::Tr("Rest");
    case core::Phase::RoundRest: return core::Tr("Round rest");
    // TRANSLATORS: the session screen's title once the whole workout is over (not the button "Done").
    case core::Phase::Done: return core::TrC("phase", "Done");
    }
    return "";
}

// The side of a set, in capitals on the screen and in words for a screen reader, naming the limbs
// where "left" alone would not say which move (a deadbug side is a leg and the opposite arm):
// "LEFT LEG + RIGHT ARM", read "Left leg + right arm". Each is a whole text in both cases, since
// capitals cannot be made at run time in every language. Shown and Spoken are nullptr when the
// set has no side.
struct SideWords
{
    const char* Shown;
    const char* Spoken;
};

static SideWords SideLabel(core::ExerciseId exercise, core::Side side)
{
    const bool left = side == core::Side::Left;
    if (const char* limbs = core::MovingLimbs(exercise, side))  // already in the language: the spoken words
    {
        const char* shown = limbs;  // words without capitals of their own
        if (exercise == core::ExerciseId::Deadbug)
            shown = left ? core::Tr("LEFT LEG + RIGHT ARM") : core::Tr("RIGHT LEG + LEFT ARM");
        else if (exercise == core::ExerciseId::Dorsiflexion)
            shown = left ? core::Tr("LEFT FOOT") : core::Tr("RIGHT FOOT");
        return { shown, limbs };
    }
    switch (side)
    {
    case core::Side::Left: return { core::Tr("LEFT SIDE"), core::Tr("Left side") };
    case core::Side::Right: return { core::Tr("RIGHT SIDE"), core::Tr("Right side") };
    case core::Side::Forward: return { core::Tr("FORWARD"), core::Tr("Forward") };
    case core::Side::Back: return { core::Tr("BACKWARD"), core::Tr("Backward") };
    default: return { nullptr, nullptr };
    }
}

// Big text centred in its own block (a Surface card), shrunk to fit, with its caption under it. A
// block too short for both (a phone on its side) keeps the number and drops the caption: "1/10"
// and "0:48" read for themselves, and the number is what the runner looks for from the floor.
static void BigNumber(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const char* value, const char* caption, ImU32 color)
{
    const ui::Palette& c = ui::Colors();
    draw_list->AddRectFilled(min, max, c.Surface, 14.0f);
    ImFont* big = ui::GetFont(ui::FontRole_Big);
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    const float box_w = max.x - min.x, box_h = max.y - min.y;
    // The caption shrinks to the box's width (a narrow box, a long word), down to 11 px, then wraps.
    const float caption_gap = 2.0f, caption_room = box_w - 8.0f;
    const float caption_size = ui::FittedTextSize(body, 15.0f, 11.0f, caption_room, caption);
    const ImVec2 cap = body->CalcTextSizeA(caption_size, FLT_MAX, caption_room, caption);
    const bool with_caption = box_h - cap.y - caption_gap >= 48.0f;
    float size = ImMin(ui::BigFontSize, with_caption ? box_h - cap.y - caption_gap : box_h - 6.0f);
    if (size < 16.0f)
        return;  // no room to read a number: nothing rather than a smudge
    const float natural = big->CalcTextSizeA(size, FLT_MAX, 0.0f, value).x;
    if (natural > box_w - 8.0f)
        size *= (box_w - 8.0f) / natural;
    const ImVec2 text = big->CalcTextSizeA(size, FLT_MAX, 0.0f, value);
    const float under = with_caption ? caption_gap + cap.y : 0.0f;
    const float top = min.y + ImMax(0.0f, (box_h - text.y - under) * 0.5f);
    draw_list->AddText(big, size, ImVec2(min.x + (box_w - text.x) * 0.5f, top), color, value);
    if (with_caption)
        draw_list->AddText(body, caption_size, ImVec2(min.x + (box_w - cap.x) * 0.5f, top + text.y + caption_gap), c.TextMuted, caption, nullptr,
                           caption_room);
}

static void ScheduleNextFrame(app::AppState& app, const core::TimerView& v)
{
    if (v.Paused)
        return;
    if (v.StepPhase == core::Phase::Work)
    {
        if (app.Env.ReducedMotion)
            app::RequestWake(app, app.Frame.NowMs + 100.0);  // key poses only: the tempo part still changes
        else
            app::RequestAnimation(app);
        return;
    }
    // The displayed seconds change on the next whole second of the countdown.
    const long long left = v.PhaseLeftMs;
    const double until = left > 0 ? (double)((left - 1) % 1000 + 1) : 1000.0;
    app::RequestWake(app, app.Frame.NowMs + until);
}

static void HandleKeys(app::AppState& app, const core::TimerView& v)
{
    if (app.Screens.ConfirmingEnd)
    {
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
            app.Screens.ConfirmingEnd = false;
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Space, false))
        v.Paused ? app::ResumeSession(app, app.Frame.NowMs) : app::PauseSession(app, app.Frame.NowMs);
    else if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false))
        app::SkipStep(app, app.Frame.NowMs);
    else if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false))
        app::BackStep(app, app.Frame.NowMs);
    else if ((ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)) && v.CountingUp)
        app::FinishSet(app, app.Frame.NowMs);
    else if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        app.Screens.ConfirmingEnd = true;
}

// Between sets the coming exercise stands still in its start position; during rests its working
// position stands beside it (or under it, whichever draws them larger), each with a caption.
static void DrawComingExercise(ImDrawList* draw_list, const core::TimerView& v, ui::DemoParams demo, ImVec2 min, ImVec2 max)
{
    const ui::Palette& c = ui::Colors();
    ImFont* font = ui::GetFont(ui::FontRole_Body);
    demo.RepIndex = 0;
    demo.RepPhase = 0.0f;
    const bool pair = v.StepPhase == core::Phase::Rest || v.StepPhase == core::Phase::RoundRest;
    if (!pair)
    {
        ui::DrawDemo(draw_list, min, max, demo);
        return;
    }
    const float caption_h = 22.0f, gap = 8.0f;
    const float w = max.x - min.x, h = max.y - min.y;
    const core::ViewBox box = core::MovementViewBox(demo.Exercise, demo.DemoSide, demo.View);
    const core::PanelRect beside = { 0.0f, 0.0f, (w - gap) * 0.5f, h - caption_h };
    const core::PanelRect under = { 0.0f, 0.0f, w, (h - gap) * 0.5f - caption_h };
    const bool side_by_side = core::FitViewBox(box, beside).Scale >= core::FitViewBox(box, under).Scale;
    const core::Exercise& exercise = core::GetExercise(demo.Exercise);
    char working[128];
    snprintf(working, sizeof(working), "\xE2\x86\x92 %s", exercise.TempoPartCount > 0 ? core::Tr(exercise.Tempo[0].Name) : "");  // "-> Extend"
    // TRANSLATORS: caption under the figure standing in the exercise's start position (not the button "Start").
    const char* captions[2] = { core::TrC("position", "Start"), working };
    for (int i = 0; i < 2; i++)
    {
        ImVec2 cell_min = side_by_side ? ImVec2(min.x + i * (beside.MaxX + gap), min.y) : ImVec2(min.x, min.y + i * (under.MaxY + caption_h + gap));
        ImVec2 cell_max = side_by_side ? ImVec2(cell_min.x + beside.MaxX, max.y) : ImVec2(max.x, cell_min.y + under.MaxY + caption_h);
        demo.RepPhase = i == 0 ? 0.0f : core::KeyPosePhase(demo.Exercise);
        ui::DrawDemo(draw_list, cell_min, ImVec2(cell_max.x, cell_max.y - caption_h), demo);
        const ImVec2 text = font->CalcTextSizeA(15.0f, FLT_MAX, 0.0f, captions[i]);
        draw_list->AddText(font, 15.0f, ImVec2(cell_min.x + (cell_max.x - cell_min.x - text.x) * 0.5f, cell_max.y - caption_h + 2.0f), c.TextMuted, captions[i]);
    }
}

// The demonstration card. band_caption: the band set-up is written along the card's foot (side
// by side layouts, where the column beside it has no room for it).
static void DrawDemoArea(app::AppState& app, const core::TimerView& v, ImVec2 min, ImVec2 max, bool band_caption, bool compact)
{
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ui::Palette& c = ui::Colors();
    draw_list->AddRectFilled(min, max, c.Surface, 14.0f);
    if (band_caption && v.StepPhase != core::Phase::Work && v.StepPhase != core::Phase::Switch && v.StepPhase != core::Phase::Done)
    {
        ImFont* body = ui::GetFont(ui::FontRole_Body);
        const char* setup = core::Tr(core::GetExercise(v.Exercise).BandSetup);
        const float wrap = max.x - min.x - 24.0f;
        const ImVec2 size = body->CalcTextSizeA(16.0f, FLT_MAX, wrap, setup);
        if (size.y < (max.y - min.y) * 0.45f)
        {
            const ImVec2 at(min.x + 12.0f, max.y - 10.0f - size.y);
            draw_list->AddText(body, 16.0f, at, c.TextMuted, setup, nullptr, wrap);
            ui::DescribeText(ui::NodeKind_Status, setup, at, ImVec2(at.x + size.x, at.y + size.y));
            max.y -= size.y + 14.0f;
        }
    }
    ui::DemoParams demo;
    demo.Exercise = v.Exercise;
    demo.DemoSide = v.CurrentSide == core::Side::None ? core::Side::Left : v.CurrentSide;
    demo.View = core::DefaultCamera(v.Exercise, demo.DemoSide);
    const core::Exercise& exercise = core::GetExercise(v.Exercise);
    if (v.StepPhase == core::Phase::Work)
    {
        demo.RepPhase = v.RepPhase;
        const int rep_ms = core::RepDurationMs(exercise);
        demo.RepIndex = v.Rep > 0 ? v.Rep - 1 : (int)(v.PhaseElapsedMs / (rep_ms > 0 ? rep_ms : 1000));
        if (exercise.Style == core::SetStyle::Alternating)
        {
            demo.DemoSide = core::Side::Left;  // one rep shows both sides
            demo.View = core::DefaultCamera(v.Exercise, demo.DemoSide);
        }
        if (app.Env.ReducedMotion && v.TempoPart >= 0)
        {
            // Still key poses: the pose at the end of the current tempo part.
            const int end_ms = core::TempoPartEndMs(exercise, v.TempoPart);
            demo.RepPhase = fmodf((float)end_ms / (float)(rep_ms > 0 ? rep_ms : 1), 1.0f);
        }
        ui::DrawDemo(draw_list, ImVec2(min.x + 6, min.y + 6), ImVec2(max.x - 6, max.y - 6), demo);
        return;
    }
    if (v.StepPhase == core::Phase::Done)
    {
        DrawComingExercise(draw_list, v, demo, ImVec2(min.x + 6, min.y + 6), ImVec2(max.x - 6, max.y - 6));
        return;
    }
    // "Next up" heads the panel; the figures keep clear of it. Compact layouts name the exercise
    // here, which saves the status column a line.
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    float header_h = 32.0f;
    if (compact)
    {
        char next[192];
        // TRANSLATORS: %s is the name of the exercise that comes after this pause.
        snprintf(next, sizeof(next), core::Tr("Next: %s"), core::Tr(exercise.Name));
        const float wrap = max.x - min.x - 24.0f;
        header_h = 14.0f + body->CalcTextSizeA(16.0f, FLT_MAX, wrap, next).y;
        draw_list->AddText(body, 16.0f, ImVec2(min.x + 12, min.y + 10), c.Text, next, nullptr, wrap);
        ui::DescribeText(ui::NodeKind_Status, next, ImVec2(min.x + 12, min.y + 10), ImVec2(max.x - 12, min.y + header_h));
    }
    else
        draw_list->AddText(body, 15.0f, ImVec2(min.x + 12, min.y + 10), c.TextMuted, core::Tr("NEXT UP"));
    DrawComingExercise(draw_list, v, demo, ImVec2(min.x + 6, min.y + header_h), ImVec2(max.x - 6, max.y - 6));
}

static void DrawNumbers(const core::TimerView& v, const ImRect& box)
{
    const ui::Palette& c = ui::Colors();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ImVec2 min = box.Min;
    const float width = box.GetWidth(), height = box.GetHeight();
    const bool work = v.StepPhase == core::Phase::Work;
    const core::Exercise& exercise = core::GetExercise(v.Exercise);
    char time_text[32];
    ui::FormatClock(time_text, sizeof(time_text), v.CountingUp ? v.PhaseElapsedMs : v.PhaseLeftMs, !v.CountingUp);
    const ImU32 color = work ? c.Work : c.Rest;
    if (work)
    {
        char rep_text[32];
        const bool steps = exercise.CountUnit[0] == 's';
        // TRANSLATORS: caption under the big "3/10" of the session screen, in capitals.
        const char* caption = steps ? core::Tr("STEP") : core::Tr("REP");
        if (v.CountingUp)
        {
            snprintf(rep_text, sizeof(rep_text), "%d", v.Reps);
            // TRANSLATORS: caption under the big number of reps (or steps) of a set the runner counts, in capitals.
            caption = steps ? core::Tr("STEPS TO DO") : core::Tr("REPS TO DO");
        }
        else
            snprintf(rep_text, sizeof(rep_text), "%d/%d", v.Rep, v.Reps);
        const float gap = 10.0f;
        const float half = (width - gap) * 0.5f;
        BigNumber(draw_list, min, ImVec2(min.x + half, min.y + height), rep_text, caption, color);
        BigNumber(draw_list, ImVec2(min.x + half + gap, min.y), ImVec2(min.x + width, min.y + height), time_text,
                  v.CountingUp ? core::Tr("TIME") : core::Tr("TIME LEFT"), color);
    }
    else
    {
        BigNumber(draw_list, min, ImVec2(min.x + width, min.y + height), time_text,
                  v.StepPhase == core::Phase::GetReady ? core::Tr("STARTS IN") : core::Tr("TIME LEFT"), color);
    }

    // For screen readers: the same numbers in words (not announced: the status is read on demand).
    char status[256];
    const bool steps = exercise.CountUnit[0] == 's';
    if (work && v.CountingUp)
    {
        // TRANSLATORS: read by a screen reader; %d is the count, %s the time ("0:48"). English says "steps" for
        // every count: give each of your language's plural forms.
        const char* format = core::TrN("%d steps to do. Time %s.", "%d steps to do. Time %s.", v.Reps);
        if (!steps)
            // TRANSLATORS: read by a screen reader; %d is the count, %s the time ("0:48"). English says "reps" for
            // every count: give each of your language's plural forms.
            format = core::TrN("%d reps to do. Time %s.", "%d reps to do. Time %s.", v.Reps);
        snprintf(status, sizeof(status), format, v.Reps, time_text);
    }
    else if (work)
        snprintf(status, sizeof(status), steps ? core::Tr("Step %d of %d. Time left %s.") : core::Tr("Rep %d of %d. Time left %s."), v.Rep, v.Reps,
                 time_text);
    else
        snprintf(status, sizeof(status), v.StepPhase == core::Phase::GetReady ? core::Tr("Starts in %s.") : core::Tr("Time left %s."), time_text);
    ui::DescribeText(ui::NodeKind_Status, status, box.Min, box.Max);
}

// Side by side layouts with room under the numbers show the how-to there, as much as fits.
static void DrawMovementSteps(const core::TimerView& v, const ImRect& box)
{
    if (v.StepPhase == core::Phase::Done)
        return;
    const core::Exercise& exercise = core::GetExercise(v.Exercise);
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    const ui::Palette& c = ui::Colors();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float indent = 18.0f, wrap = box.GetWidth() - indent;
    float y = box.Min.y;
    for (int i = 0; i < exercise.MoveStepCount; i++)
    {
        const char* move_step = core::Tr(exercise.MoveSteps[i]);
        const float height = body->CalcTextSizeA(ui::BodyFontSize, FLT_MAX, wrap, move_step).y;
        if (y + height > box.Max.y)
            break;
        draw_list->AddCircleFilled(ImVec2(box.Min.x + 5.0f, y + ui::BodyFontSize * 0.55f), 3.0f, c.TextMuted);
        draw_list->AddText(body, ui::BodyFontSize, ImVec2(box.Min.x + indent, y), c.TextMuted, move_step, nullptr, wrap);
        ui::DescribeText(ui::NodeKind_Text, move_step, ImVec2(box.Min.x + indent, y), ImVec2(box.Max.x, y + height));
        y += height + 6.0f;
    }
}

// The end question, where the numbers were (short screens put the buttons in the bar below).
// English here: translated where it is drawn (ui::TextMuted translates it itself).
static const char* const EndQuestion = core::N_("End this session now? What you did so far is saved to your history.");

static void DrawEndQuestion(const ImRect& box)
{
    const char* question = core::Tr(EndQuestion);
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    const float wrap = box.GetWidth();
    const ImVec2 size = body->CalcTextSizeA(ui::BodyFontSize, FLT_MAX, wrap, question);
    const float y = box.Min.y + ImMax(0.0f, (box.GetHeight() - size.y) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(body, ui::BodyFontSize, ImVec2(box.Min.x, y), ui::Colors().Text, question, nullptr, wrap);
    ui::DescribeText(ui::NodeKind_Text, question, ImVec2(box.Min.x, y), ImVec2(box.Min.x + size.x, y + size.y));
}

// Heights of the controls block, per arrangement (ui::LayOutSession places it).
constexpr float DoneHeight = 64.0f, ControlHeight = 60.0f, ConfirmHeight = 56.0f, BarHeight = 56.0f;

static float ControlsHeight(const app::AppState& app, const core::TimerView& v, bool in_row, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    if (in_row)
        return BarHeight;
    if (app.Screens.ConfirmingEnd)
        return ImGui::CalcTextSize(core::Tr(EndQuestion), nullptr, false, width).y + spacing + ConfirmHeight;
    return (v.CountingUp && !v.Paused ? DoneHeight + spacing : 0.0f) + ControlHeight;
}

// At the cursor, width wide. in_row: one bar (Done, when shown, joins Back, Pause and Skip; the end
// question is drawn elsewhere, the bar holds its two buttons).
static void DrawControls(app::AppState& app, const core::TimerView& v, float width, bool in_row)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (app.Screens.ConfirmingEnd)
    {
        if (!in_row)
        {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            ui::TextMuted(EndQuestion);
            ImGui::PopTextWrapPos();
        }
        const float half = (width - spacing) * 0.5f;
        const float height = in_row ? BarHeight : ConfirmHeight;
        if (ui::Button("End session", ui::ButtonKind_Primary, half, height))
            app::EndSession(app, app.Frame.NowMs);
        ImGui::SameLine();
        if (ui::Button("Keep going", ui::ButtonKind_Normal, half, height))
            app.Screens.ConfirmingEnd = false;
        return;
    }
    const bool done = v.CountingUp && !v.Paused;
    if (done && !in_row)
    {
        if (ui::Button("Done", ui::ButtonKind_Primary, width, DoneHeight))
            app::FinishSet(app, app.Frame.NowMs);
    }
    const float height = in_row ? BarHeight : ControlHeight;
    // In a bar, Done is the widest: it is the one pressed after every set. Rests and get-ready
    // have a fourth button, "+15 s" (never with Done: Done is for sets).
    const bool extend = v.CanExtend;
    const float units = 3.0f + (extend ? 1.0f : 0.0f) + (done && in_row ? 1.5f : 0.0f);
    const float gaps = 2.0f + (extend ? 1.0f : 0.0f) + (done && in_row ? 1.0f : 0.0f);
    const float unit = ImFloor((width - gaps * spacing) / units);
    const float skip_w = done && in_row ? unit : width - (extend ? 3 : 2) * (unit + spacing);
    if (ui::Button("Back", ui::ButtonKind_Normal, unit, height))
        app::BackStep(app, app.Frame.NowMs);
    ImGui::SameLine();
    if (v.Paused)
    {
        if (ui::Button("Resume", ui::ButtonKind_Primary, unit, height))
            app::ResumeSession(app, app.Frame.NowMs);
    }
    else if (ui::Button("Pause", ui::ButtonKind_Normal, unit, height))
        app::PauseSession(app, app.Frame.NowMs);
    if (extend)
    {
        ImGui::SameLine();
        static_assert(core::ExtendStepSec == 15, "the \"+15 s\" buttons and their description say 15 seconds");
        if (ui::Button("+15 s", ui::ButtonKind_Normal, unit, height))
            app::ExtendStep(app, app.Frame.NowMs);
        ui::DescribeLastItem(ui::Label("+15 s"), ui::ItemRole_Button, -1, -1, core::Tr("Adds 15 seconds to this pause."));
    }
    ImGui::SameLine();
    if (ui::Button("Skip", ui::ButtonKind_Normal, skip_w, height))
        app::SkipStep(app, app.Frame.NowMs);
    if (done && in_row)
    {
        ImGui::SameLine();
        if (ui::Button("Done", ui::ButtonKind_Primary, width - 3 * (unit + spacing), height))
            app::FinishSet(app, app.Frame.NowMs);
    }
}

static void DrawStatus(app::AppState& app, const core::TimerView& v, float width, bool side_by_side, bool compact, bool next_on_card);

// The controls two to a row, for a page too small for a row of four (the scrolled session page).
static void DrawControlsInPairs(app::AppState& app, const core::TimerView& v, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float half = ImFloor((width - spacing) * 0.5f);
    if (app.Screens.ConfirmingEnd)
    {
        DrawControls(app, v, width, false);
        return;
    }
    if (v.CountingUp && !v.Paused && ui::Button("Done", ui::ButtonKind_Primary, width, DoneHeight))
        app::FinishSet(app, app.Frame.NowMs);
    if (ui::Button("Back", ui::ButtonKind_Normal, half, ControlHeight))
        app::BackStep(app, app.Frame.NowMs);
    ImGui::SameLine();
    if (v.Paused)
    {
        if (ui::Button("Resume", ui::ButtonKind_Primary, width - half - spacing, ControlHeight))
            app::ResumeSession(app, app.Frame.NowMs);
    }
    else if (ui::Button("Pause", ui::ButtonKind_Normal, width - half - spacing, ControlHeight))
        app::PauseSession(app, app.Frame.NowMs);
    if (v.CanExtend)
    {
        if (ui::Button("+15 s", ui::ButtonKind_Normal, half, ControlHeight))
            app::ExtendStep(app, app.Frame.NowMs);
        ui::DescribeLastItem(ui::Label("+15 s"), ui::ItemRole_Button, -1, -1, core::Tr("Adds 15 seconds to this pause."));
        ImGui::SameLine();
    }
    if (ui::Button("Skip", ui::ButtonKind_Normal, v.CanExtend ? width - half - spacing : width, ControlHeight))
        app::SkipStep(app, app.Frame.NowMs);
}

// A page too small for the blocks side by side or stacked whole (the largest text size, a browser
// zoomed in): one column that scrolls as a whole, the numbers first and large, then the status,
// then the controls two to a row.
static bool SessionScrolls(const ImRect& page, ui::Shape shape)
{
    const float w = page.GetWidth(), h = page.GetHeight();
    return shape == ui::Shape_Portrait ? w < 220.0f || h < 300.0f : h < 270.0f && w < 480.0f;
}

static void DrawScrolledSession(app::AppState& app, const core::TimerView& v)
{
    ui::BeginTouchScroll("Session", 0.0f);
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float numbers_h = 120.0f;
    DrawNumbers(v, ImRect(at, ImVec2(at.x + width, at.y + numbers_h)));
    ImGui::Dummy(ImVec2(width, numbers_h));
    DrawStatus(app, v, width, false, true, false);
    ImGui::Dummy(ImVec2(0.0f, 6.0f));
    DrawControlsInPairs(app, v, width);
    ui::EndTouchScroll();
}

// A line in the muted colour, wrapped (ui::TextMuted without its own entry in the accessible layer).
static void MutedText(const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::Colors().TextMuted));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

// The tempo word, large enough to read from the floor; shrunk to fit the width.
static void CueWord(const char* text, ImU32 color, float width, float max_size)
{
    ImFont* font = ui::GetFont(ui::FontRole_Cue);
    float size = max_size;
    const float natural = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text).x;
    if (natural > width)
        size *= width / natural;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(font, size, pos, color, text);
    ImGui::Dummy(ImVec2(width, size + 2.0f));
}

// The whole screen's colour: one per kind of phase, so work and rest tell apart at a glance.
static ImU32 PhaseFill(const core::TimerView& v)
{
    const ui::Palette& c = ui::Colors();
    switch (v.StepPhase)
    {
    case core::Phase::Work: return c.WorkFill;
    case core::Phase::Switch: return c.SwitchFill;
    case core::Phase::GetReady:
    case core::Phase::Rest:
    case core::Phase::RoundRest: return c.RestFill;
    case core::Phase::Done: break;
    }
    return c.Background;
}

// The status block at the cursor, width wide: where we are and End, the progress, the phase, the
// side and tempo cue; in portrait also the band set-up before a set (side by side layouts write it
// on the figure's card, and fit the phase title on one line).
// Top line: where we are, and End (the words shorten on narrow columns), then the progress bar.
// Returns where the words are, for the screen reader's status.
static ImRect DrawWhere(app::AppState& app, const core::TimerView& v, float width)
{
    const ui::Palette& c = ui::Colors();
    const float end_w = 72.0f, line_h = 44.0f;
    const int exercise_number = (int)v.Exercise + 1;
    char where[192];
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float room = width - end_w - 10.0f;
    snprintf(where, sizeof(where), core::Tr("Round %d of %d  ·  Exercise %d of %d"), v.Round, v.Rounds, exercise_number, core::ExerciseCount);
    if (ImGui::CalcTextSize(where).x > room)
        // TRANSLATORS: the short form of "Round %d of %d  ·  Exercise %d of %d" for narrow screens ("Ex." is Exercise).
        snprintf(where, sizeof(where), core::Tr("Round %d/%d  ·  Ex. %d/%d"), v.Round, v.Rounds, exercise_number, core::ExerciseCount);
    if (ImGui::CalcTextSize(where).x > room)
        snprintf(where, sizeof(where), "%d/%d  ·  %d/%d", v.Round, v.Rounds, exercise_number, core::ExerciseCount);
    const ImVec2 where_min(start.x, start.y + (line_h - ImGui::GetFontSize()) * 0.5f);
    const ImVec2 where_max(where_min.x + ImGui::CalcTextSize(where).x, where_min.y + ImGui::GetFontSize());
    ImGui::GetWindowDrawList()->AddText(where_min, c.TextMuted, where);
    ImGui::SetCursorScreenPos(ImVec2(start.x + width - end_w, start.y));
    if (ui::Button("End", ui::ButtonKind_Quiet, end_w, line_h))
        app.Screens.ConfirmingEnd = true;
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + line_h + ImGui::GetStyle().ItemSpacing.y));
    ui::ProgressBar(v.Progress, 8.0f, c.Accent);
    return ImRect(where_min, where_max);
}

// A set's detail: the side and the tempo word, large.
static void DrawWorkDetail(const core::TimerView& v, float width, float cue_size, bool compact)
{
    const ui::Palette& c = ui::Colors();
    const SideWords side = SideLabel(v.Exercise, v.CurrentSide);
    const ImVec2 detail_min = ImGui::GetCursorScreenPos();
    if (side.Shown)
        MutedText(side.Shown);
    const char* cue = v.TempoPartName[0] ? core::Tr(v.TempoPartName) : "";
    if (v.CountingUp)
        // TRANSLATORS: the tempo word of a set the runner paces alone; shown large, keep it short.
        cue = core::Tr("Your pace");
    CueWord(cue, c.Accent, width, cue_size);
    // Read as words, not shouted: "Left leg + right arm. Extend." rather than the capitals.
    char spoken[320];
    snprintf(spoken, sizeof(spoken), "%s%s%s%s", side.Spoken ? side.Spoken : "", side.Spoken && cue[0] ? ". " : "", cue,
             side.Spoken || cue[0] ? "." : "");
    ui::DescribeText(ui::NodeKind_Status, spoken, detail_min, ImGui::GetItemRectMax());
    if (v.CountingUp && !compact)  // compact: Done is in the bar right under it
    {
        MutedText(core::Tr("Tap Done when the set is complete"));
        ui::DescribeLastText(ui::NodeKind_Status, core::Tr("Tap Done when the set is complete."));
    }
}

// A pause's detail: the next exercise (unless the figure's card names it), a band change, the set-up.
static void DrawPauseDetail(const core::TimerView& v, const core::Step& step, float width, bool side_by_side, bool next_on_card)
{
    const ui::Palette& c = ui::Colors();
    const core::Exercise& exercise = core::GetExercise(v.Exercise);
    if (!next_on_card)  // else the figure's card names it
    {
        char next[192];
        snprintf(next, sizeof(next), core::Tr("Next: %s"), core::Tr(exercise.Name));
        ImGui::PushFont(ui::GetFont(ui::FontRole_Heading));
        ImGui::SetWindowFontScale(0.78f);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(next);
        ImGui::PopTextWrapPos();
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopFont();
        ui::DescribeLastText(ui::NodeKind_Status, next);
    }
    if (step.BandChange)
    {
        char change[320];
        snprintf(change, sizeof(change), core::Tr("Band change: %s"), core::Tr(core::BandChangeText(core::PreviousExercise(step), step.Exercise)));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.Accent));
        ImGui::TextUnformatted(change);
        ImGui::PopStyleColor();
        ui::DescribeLastText(ui::NodeKind_Status, change);
    }
    if (!side_by_side)
    {
        const char* setup = core::Tr(exercise.SetupSpoken);
        ImGui::TextUnformatted(setup);
        ui::DescribeLastText(ui::NodeKind_Status, setup);
    }
}

static void DrawStatus(app::AppState& app, const core::TimerView& v, float width, bool side_by_side, bool compact, bool next_on_card)
{
    const float cue_size = compact ? 32.0f : ui::CueFontSize;
    const ui::Palette& c = ui::Colors();
    const int exercise_number = (int)v.Exercise + 1;
    const ImRect where_rect = DrawWhere(app, v, width);

    // The phase, the side and the tempo cue.
    const char* title = PhaseTitle(v);
    ImGui::PushFont(ui::GetFont(ui::FontRole_Heading));
    if (side_by_side)
    {
        const float natural = ImGui::CalcTextSize(title).x;
        ImGui::SetWindowFontScale(natural > width ? ImMax(0.72f, width / natural) : 1.0f);
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(title);
    ui::DescribeLastText(ui::NodeKind_Heading, title);
    // Read after the title (a screen reader's list goes title, then status), though drawn above it.
    char where[192];
    snprintf(where, sizeof(where), core::Tr("Round %d of %d, exercise %d of %d."), v.Round, v.Rounds, exercise_number, core::ExerciseCount);
    ui::DescribeText(ui::NodeKind_Status, where, where_rect.Min, where_rect.Max);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    // Then the tempo word large (sets) or the next exercise and its band set-up (pauses). Each line
    // is also part of the session's status for screen readers, read on demand.
    if (v.Paused)
    {
        const char* paused = app.Restored ? core::Tr("Paused where you left off. Tap Resume to carry on.") : core::Tr("Paused");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.TextMuted));
        ImGui::TextUnformatted(paused);
        ImGui::PopStyleColor();
        ui::DescribeLastText(ui::NodeKind_Status, paused);
    }
    else if (v.StepPhase == core::Phase::Work)
        DrawWorkDetail(v, width, cue_size, compact);
    else if (v.StepPhase == core::Phase::Switch)
    {
        // Names what changes: "Now: right foot", "Now: walk backward".
        const char* next = core::SideNowText(core::GetExercise(v.Exercise), v.CurrentSide);
        CueWord(next, c.Accent, width, cue_size);
        ui::DescribeLastText(ui::NodeKind_Status, next);
    }
    else if (v.StepPhase != core::Phase::Done)
        DrawPauseDetail(v, app.Session.Plan[v.StepIndex], width, side_by_side, next_on_card);
    ImGui::PopTextWrapPos();
}

ImU32 ui::SessionFill(const app::AppState& app) { return PhaseFill(app.View); }

void ui::DrawSessionScreen(app::AppState& app)
{
    if (!app.HasSession)
    {
        Navigate(app, app.HasLastRecord ? app::Screen_Finish : app::Screen_Home);
        return;
    }
    const core::TimerView& v = app.View;
    HandleKeys(app, v);
    // The blocks' places come from ui::LayOutSession (ui/layout.h), one arrangement per shape:
    // portrait stacks them; landscape phones put the figure beside the numbers with the controls in
    // a bar across the foot; tablets and desktops keep the controls under the numbers.
    const Shape shape = CurrentShape();
    ImRect page = PageRect(0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(PhaseFill(v)));
    BeginPage("Workout");
    ImGui::PopStyleColor();
    if (v.StepPhase != core::Phase::Work)
        GetFont(FontRole_Cue);  // asked for early, so the first set shows it at once
    // Storage that fails mid-session is said at once, not at the end (the finish screen offers a download).
    if (app.Storage == app::StorageStatus_Full)
        Banner("Storage is full: this workout is not being saved. You can download it when it ends.", true);
    else if (app.Storage == app::StorageStatus_Unavailable)
        Banner("This browser is not saving: you can download this workout when it ends.", true);
    page.Min.y = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().WindowPadding.y;  // the blocks go under any banner
    if (SessionScrolls(page, shape))
    {
        DrawScrolledSession(app, v);
        EndPage();
        if (TouchScrollMoving())
            RequestAnimation(app);
        ScheduleNextFrame(app, app.View);
        return;
    }
    const bool side_by_side = shape != Shape_Portrait;
    const bool in_row = SessionControlsInRow(shape);
    const ImRect status_area = SessionStatusArea(page, shape);
    ImGui::SetCursorScreenPos(status_area.Min);
    ImGui::BeginGroup();
    // A phone on its side, or a short page (a large text size), has little height: the status is
    // compact (a smaller tempo word, no hint above the Done button; on its side the next exercise
    // is named on the figure's card), so the numbers keep their room.
    const bool compact = shape == Shape_Landscape || page.GetHeight() < 480.0f;
    const bool next_on_card = shape == Shape_Landscape && SessionFigureShown(page, shape);
    DrawStatus(app, v, status_area.GetWidth(), side_by_side, compact, next_on_card);
    ImGui::EndGroup();
    const float status_bottom = ImGui::GetItemRectMax().y;
    const float controls_w = in_row || shape == Shape_Portrait ? page.GetWidth() - 2 * ImGui::GetStyle().WindowPadding.x : status_area.GetWidth();
    const SessionLayout layout = LayOutSession(page, shape, status_bottom, ControlsHeight(app, v, in_row, controls_w));

    if (layout.Figure.GetWidth() > 0.0f && layout.Figure.GetHeight() > 0.0f)
        DrawDemoArea(app, v, layout.Figure.Min, layout.Figure.Max, side_by_side, next_on_card);
    if (app.Screens.ConfirmingEnd && in_row)
        DrawEndQuestion(layout.Numbers);
    else if (shape == Shape_Wide && layout.Numbers.GetHeight() > 260.0f)
    {
        // Room to spare under the numbers: the how-to, for a glance between reps.
        const float numbers_h = ImMax(150.0f, ImMin(220.0f, layout.Numbers.GetHeight() * 0.5f));
        DrawNumbers(v, ImRect(layout.Numbers.Min, ImVec2(layout.Numbers.Max.x, layout.Numbers.Min.y + numbers_h)));
        DrawMovementSteps(v, ImRect(ImVec2(layout.Numbers.Min.x, layout.Numbers.Min.y + numbers_h + 12.0f), layout.Numbers.Max));
    }
    else
        DrawNumbers(v, layout.Numbers);
    ImGui::SetCursorScreenPos(layout.Controls.Min);
    ImGui::BeginGroup();
    DrawControls(app, v, layout.Controls.GetWidth(), in_row);
    ImGui::EndGroup();
    EndPage();
    ScheduleNextFrame(app, app.View);
}
