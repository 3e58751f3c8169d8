// The exercise page: everything needed to learn one exercise on one screen. The demonstration
// stays large and fixed at the top (drag it to turn the view) while the instructions scroll under
// it by finger, so a runner can read the faults with the figure still moving. The figure runs on
// the exercise's own tempo, the same one the session uses, so what is learnt here is what the
// timer will ask for. With reduced motion the page opens paused on the working position.
//
// Widget labels: "Back"; "Pause" or "Play"; "Left" and "Right" (per-side exercises) or "Forward"
// and "Backward" (monster walks): pressing the side shown again resets the view; "Reset view"
// (alternating exercises, whose every rep shows both sides). The figure itself is "##demo".
// Keys: Space plays or pauses when no control has keyboard focus.
#include "ui/screens.h"

#include "core/wording.h"
#include "ui/automation.h"
#include "ui/figure_view.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

// The tempo part under way at a rep phase: "Extend", "Hold", ...
static const core::TempoPart* TempoPartAt(const core::Exercise& exercise, float phase)
{
    const int part = core::TempoPartAt(exercise, (int64_t)(phase * (float)core::RepDurationMs(exercise)));
    return part >= 0 ? &exercise.Tempo[part] : nullptr;
}

// --- [SECTION] Page parts

// The title may be long ("Russian twist with band hold"): it shrinks a little, then wraps. It is
// drawn beside the Back button, centred on it.
static bool DrawHeader(const core::Exercise& exercise, float width)
{
    const bool back = ui::Button("Back", ui::ButtonKind_Quiet, 0.0f, 44.0f);
    const ImVec2 back_max = ImGui::GetItemRectMax();
    const ImVec2 pos(back_max.x + ImGui::GetStyle().ItemSpacing.x, ImGui::GetItemRectMin().y);
    const float avail = ImGui::GetWindowPos().x + ImGui::GetStyle().WindowPadding.x + width - pos.x;
    ImFont* font = ui::GetFont(ui::FontRole_Heading);
    const char* name = core::Tr(exercise.Name);
    float size = ui::HeadingFontSize;
    const float natural = font->CalcTextSizeA(size, FLT_MAX, 0.0f, name).x;
    if (natural > avail)
        size = ImMax(20.0f, size * avail / natural);  // never below 20 px, wrap beyond that
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, avail, name);
    const float y = pos.y + ImMax(0.0f, (44.0f - text.y) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(pos.x, y), ui::Colors().Text, name, nullptr, avail);
    ui::DescribeText(ui::NodeKind_Heading, name, ImVec2(pos.x, y), ImVec2(pos.x + text.x, y + text.y));
    const float bottom = ImMax(back_max.y, y + text.y);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + ImGui::GetStyle().WindowPadding.x, bottom));
    ImGui::Dummy(ImVec2(0.0f, 0.0f));
    ImGui::Spacing();
    return back;
}

static void DrawFigureArea(app::AppState& app, const core::Exercise& exercise, ImVec2 size)
{
    const ui::Palette& c = ui::Colors();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    draw_list->AddRectFilled(min, max, c.Surface, 14.0f);

    const int rep_ms = ImMax(1, core::RepDurationMs(exercise));
    const double elapsed = ExerciseDemoMs(app, app.Frame.NowMs);
    const float phase = (float)(std::fmod(elapsed, (double)rep_ms) / rep_ms);
    int rep_index = (int)(elapsed / rep_ms);
    if (exercise.Style == core::SetStyle::Directions)
        rep_index %= ImMax(1, exercise.CountMax);  // walk a set's worth of steps, then start over
    const core::PoseSample pose = core::SamplePose(exercise.Id, app.Screens.ShownSide, phase, rep_index);

    // Drawn a little inside the card, with room for the captions above the figure.
    const float caption_h = 26.0f;
    ImGui::SetCursorScreenPos(ImVec2(min.x + 6.0f, min.y + caption_h));
    ui::FigureStyle style = ui::IsDarkTheme() ? ui::FigureStyleDark(app.Screens.ShownCamera) : ui::FigureStyleLight(app.Screens.ShownCamera);
    if (ui::FigureView("##demo", ImVec2(size.x - 12.0f, size.y - caption_h - 6.0f), pose, &style))
        app::RequestAnimation(app);
    app.Screens.ShownCamera = style.Camera;
    ui::FocusOutline(draw_list, min, max, 14.0f);

    // Captions: what the figure is doing now (left), how to turn it (right).
    ImFont* font = ui::GetFont(ui::FontRole_Body);
    // The part's English name decides what is added to it; what is shown is translated.
    char now_text[192];
    const core::TempoPart* part = TempoPartAt(exercise, phase);
    if (exercise.Style == core::SetStyle::Directions)
        // TRANSLATORS: over the figure of monster walks: the step it is taking.
        snprintf(now_text, sizeof(now_text), core::Tr("Step %d"), rep_index + 1);
    else if (part != nullptr && core::MovingLimbs(exercise.Id, part->PartSide) != nullptr)
        // TRANSLATORS: over the figure: the part of the rep ("Extend"), then what moves ("Left leg + right arm").
        snprintf(now_text, sizeof(now_text), core::Tr("%s \xC2\xB7 %s"), core::Tr(part->Name), core::MovingLimbs(exercise.Id, part->PartSide));  // "Extend · Left leg + right arm"
    else if (part != nullptr && part->PartSide != core::Side::None && strstr(part->Name, "left") == nullptr &&
             strstr(part->Name, "right") == nullptr && strcmp(part->Name, "Centre") != 0)
        // TRANSLATORS: over the figure: the part of the rep ("Twist") and the side it works.
        snprintf(now_text, sizeof(now_text), part->PartSide == core::Side::Left ? core::Tr("%s left") : core::Tr("%s right"), core::Tr(part->Name));
    else
        snprintf(now_text, sizeof(now_text), "%s", part != nullptr ? core::Tr(part->Name) : "");
    if (!app.Screens.ShownPlaying)
        snprintf(now_text, sizeof(now_text), "%s", core::Tr("Paused"));
    draw_list->AddText(font, 16.0f, ImVec2(min.x + 12.0f, min.y + 8.0f), app.Screens.ShownPlaying ? c.Accent : c.TextMuted, now_text);
    // TRANSLATORS: over the figure: dragging it turns the view.
    const char* hint = core::Tr("Drag to turn");
    const float hint_w = font->CalcTextSizeA(15.0f, FLT_MAX, 0.0f, hint).x;
    // Both on one line when they fit (longer words in other languages may not): else the hint goes below.
    const float now_w = font->CalcTextSizeA(16.0f, FLT_MAX, 0.0f, now_text).x;
    const float hint_y = 12.0f + now_w + 16.0f + hint_w + 12.0f <= size.x ? min.y + 9.0f : min.y + 8.0f + 22.0f;
    draw_list->AddText(font, 15.0f, ImVec2(max.x - hint_w - 12.0f, hint_y), c.TextMuted, hint);

    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(size);
}

// Play (or Pause), then the two sides or Reset view, in a row; stacked: each on its own line, the
// whole width (a small page).
static void DrawControls(app::AppState& app, const core::Exercise& exercise, float width, bool stacked = false)
{
    const float spacing = stacked ? 0.0f : ImGui::GetStyle().ItemSpacing.x;
    const bool sided = core::HasSwitch(exercise);
    const float play_w = stacked ? width : sided ? ImFloor((width - 2 * spacing) * 0.36f)
                                                 : ImFloor((width - spacing) * 0.5f);
    if (app.Screens.ShownPlaying)
    {
        if (ui::Button("Pause", ui::ButtonKind_Normal, play_w))
            SetDemoPlaying(app, false);
    }
    else if (ui::Button("Play", ui::ButtonKind_Primary, play_w))
        SetDemoPlaying(app, true);
    if (!stacked)
        ImGui::SameLine();
    if (!sided)
    {
        if (ui::Button("Reset view", ui::ButtonKind_Normal, stacked ? width : width - play_w - spacing))
            app.Screens.ShownCamera = core::DefaultCamera(exercise.Id, app.Screens.ShownSide);
        return;
    }
    const float side_w = stacked ? width : ImFloor((width - play_w - 2 * spacing) * 0.5f);
    ui::BeginChoiceGroup(core::Tr("Side shown"));  // the group's name, read by screen readers
    for (int i = 0; i < 2; i++)
    {
        const core::Side side = core::ExerciseSide(exercise, i);
        const char* english = core::SideName(side);
        // TRANSLATORS: which side (or walking direction) the figure shows.
        const char* shown = side == core::Side::Left ? core::TrC("side", "Left") : side == core::Side::Right ? core::TrC("side", "Right")
                                                                               : side == core::Side::Forward ? core::TrC("direction", "Forward")
                                                                                                             : core::TrC("direction", "Backward");
        // Words with more than one meaning come translated with their context: "Shown###English".
        char label[128];
        snprintf(label, sizeof(label), "%s###%s", shown, english);
        if (i > 0 && !stacked)
            ImGui::SameLine();
        if (ui::ToggleButton(label, app.Screens.ShownSide == side, i == 0 || stacked ? side_w : width - play_w - side_w - 2 * spacing))
        {
            // A new side, or the same side again: its best view either way.
            app.Screens.ShownSide = side;
            app.Screens.ShownCamera = core::DefaultCamera(exercise.Id, side);
        }
    }
    ui::EndChoiceGroup();
}

// A list with a hanging indent: "1." or a bullet, then wrapped text.
static void StepList(const char* const* items, int count, bool numbered)
{
    const ui::Palette& c = ui::Colors();
    for (int i = 0; i < count; i++)
    {
        char mark[8];
        snprintf(mark, sizeof(mark), numbered ? "%d." : "\xE2\x80\xA2", i + 1);  // "1." or a bullet (U+2022)
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(numbered ? c.Accent : c.TextMuted));
        ImGui::TextUnformatted(mark);
        ImGui::PopStyleColor();
        ImGui::SameLine(28.0f);
        const char* item = core::Tr(items[i]);
        ImGui::TextWrapped("%s", item);
        char spoken[1024];
        snprintf(spoken, sizeof(spoken), numbered ? "%s %s" : "%.0s%s", mark, item);
        ui::DescribeLastText(ui::NodeKind_Text, spoken);
    }
}

static void DrawInstructions(const app::AppState& app, const core::Exercise& exercise)
{
    const ui::Palette& c = ui::Colors();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.Accent));
    ImGui::TextWrapped("%s", core::Tr(exercise.DoseText));
    ui::DescribeLastText(ui::NodeKind_Text, core::Tr(exercise.DoseText));
    ImGui::PopStyleColor();
    const int planned = app.Settings.Reps[(int)exercise.Id];
    // TRANSLATORS: the reps (steps) set for the runner's sessions, in "Your sessions: 12 reps per
    // side, 2 rounds (change in Settings)."; the English says "reps" ("steps") for every count.
    const char* count_format = exercise.Style == core::SetStyle::Directions ? core::TrN("%d steps each way", "%d steps each way", planned)
                               : exercise.Style == core::SetStyle::OneSet   ? core::TrN("%d reps a round", "%d reps a round", planned)
                                                                            : core::TrN("%d reps per side", "%d reps per side", planned);
    const std::string count = core::Format(count_format, planned);
    const std::string rounds = core::Format(core::TrN("%d round", "%d rounds", app.Settings.Rounds), app.Settings.Rounds);
    // TRANSLATORS: the runner's own plan for this exercise: the reps ("12 reps per side"), then the
    // rounds ("2 rounds").
    const std::string line = core::Format(core::Tr("Your sessions: %s, %s (change in Settings)."), count.c_str(), rounds.c_str());
    ui::TextMuted(line.c_str());
    if (exercise.Style == core::SetStyle::Alternating)
        ui::TextMuted("Each rep works the left side, then the right.");
    else if (exercise.Style == core::SetStyle::PerSide)
        ui::TextMuted("All reps on one side, then switch.");
    else if (exercise.Style == core::SetStyle::OneSet)
        ui::TextMuted("Both arms pull together: one set a round, no sides to switch. (The coach's \"per side\" is the count of this one set.)");

    ui::Subheading("Works");
    ImGui::TextWrapped("%s", core::Tr(exercise.Targets));
    ui::DescribeLastText(ui::NodeKind_Text, core::Tr(exercise.Targets));
    ui::Subheading("Band");
    ImGui::TextWrapped("%s", core::Tr(exercise.BandSetup));
    ui::DescribeLastText(ui::NodeKind_Text, core::Tr(exercise.BandSetup));
    ui::Subheading("Set up");
    StepList(exercise.SetupSteps, exercise.SetupStepCount, true);
    ui::Subheading("Move");
    StepList(exercise.MoveSteps, exercise.MoveStepCount, true);
    ui::Subheading("Avoid");
    StepList(exercise.Faults, exercise.FaultCount, false);
    ImGui::Dummy(ImVec2(0.0f, 8.0f));
}

// --- [SECTION] The screen

void ui::DrawExerciseScreen(app::AppState& app)
{
    const core::Exercise& exercise = core::GetExercise(app.Screens.ShownExercise);
    const float width = BeginPage("Exercise", WideContentWidth);
    const ImGuiStyle& style = ImGui::GetStyle();
    if (DrawHeader(exercise, width) || ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    {
        EndPage();
        Navigate(app, app.Screens.Previous == app::Screen_Exercise ? app::Screen_Home : app.Screens.Previous);
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Space, false) && !ImGui::GetIO().NavVisible)
        SetDemoPlaying(app, !app.Screens.ShownPlaying);

    const Shape shape = CurrentShape();
    const float controls_h = TouchHeight + style.ItemSpacing.y;
    // A small page (the largest text size, a browser zoomed in): one column that scrolls as a
    // whole, the figure, the controls one under the other, then the instructions.
    const float room = ImGui::GetContentRegionAvail().y;
    if (shape == Shape_Portrait ? width < 220.0f || room < 300.0f : room < 160.0f)
    {
        BeginTouchScroll("Exercise", 0.0f, width);
        const float inner = ImGui::GetContentRegionAvail().x;
        DrawFigureArea(app, exercise, ImVec2(inner, ImClamp(inner * 0.9f, 140.0f, 260.0f)));
        DrawControls(app, exercise, inner, true);
        ImGui::PushTextWrapPos(0.0f);
        DrawInstructions(app, exercise);
        ImGui::PopTextWrapPos();
        EndTouchScroll();
    }
    else if (shape != Shape_Portrait)
    {
        // Figure on the left, the instructions on the right. Short screens put the controls in a
        // bar across the foot (the column under the figure is too narrow for three buttons);
        // taller ones keep them under the figure.
        const bool bar = shape == Shape_Landscape;
        const float left_w = ImFloor(width * (bar ? 0.5f : 0.55f));
        const float avail_h = ImGui::GetContentRegionAvail().y;
        const float column_h = bar ? avail_h - controls_h : avail_h;
        const ImVec2 origin = ImGui::GetCursorPos();
        ImGui::BeginGroup();
        DrawFigureArea(app, exercise, ImVec2(left_w, bar ? column_h - style.ItemSpacing.y : column_h - controls_h));
        if (!bar)
            DrawControls(app, exercise, left_w);
        ImGui::EndGroup();
        ImGui::SetCursorPos(ImVec2(origin.x + left_w + 20.0f, origin.y));
        BeginTouchScroll("Instructions", column_h - (bar ? style.ItemSpacing.y : 0.0f), width - left_w - 20.0f);
        ImGui::PushTextWrapPos(0.0f);
        DrawInstructions(app, exercise);
        ImGui::PopTextWrapPos();
        EndTouchScroll();
        if (bar)
        {
            ImGui::SetCursorPos(ImVec2(origin.x, origin.y + column_h));
            DrawControls(app, exercise, width);
        }
    }
    else
    {
        // Portrait: the figure takes a good half of what is left, the instructions the rest.
        const float avail_h = ImGui::GetContentRegionAvail().y;
        const float figure_h = ImClamp(ImFloor((avail_h - controls_h) * 0.55f), 160.0f, width * 1.1f);
        DrawFigureArea(app, exercise, ImVec2(width, figure_h));
        DrawControls(app, exercise, width);
        BeginTouchScroll("Instructions", 0.0f);
        DrawInstructions(app, exercise);
        EndTouchScroll();
    }
    EndPage();

    if (app.Screens.ShownPlaying)
        RequestAnimation(app);
    if (TouchScrollMoving())
        RequestAnimation(app);
}

void ui::OpenExercise(app::AppState& app, core::ExerciseId exercise)
{
    const core::Exercise& shown = core::GetExercise(exercise);
    app.Screens.ShownExercise = exercise;
    app.Screens.ShownSide = shown.Style == core::SetStyle::Directions ? core::Side::Forward : core::Side::Left;
    app.Screens.ShownCamera = core::DefaultCamera(exercise, app.Screens.ShownSide);
    app.Screens.ShownPlaying = !app.Env.ReducedMotion;  // reduced motion: open paused, on the working position
    app.Screens.ShownPhaseOriginMs = app.Frame.NowMs;
    app.Screens.ShownPausedMs = (double)core::KeyPosePhase(exercise) * core::RepDurationMs(shown);
    Navigate(app, app::Screen_Exercise);
}
