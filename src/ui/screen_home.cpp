// Home: the circuit at a glance and the way into a session. Nothing here moves unless touched, so
// an idle home screen draws no frames at all.
#include "ui/screens.h"

#include "app/persistence.h"
#include "app/session_runner.h"
#include "core/progress.h"
#include "core/save_format.h"
#include "core/wording.h"
#include "platform/platform.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <cstdio>
#include <string>

static void DrawStorageBanner(app::AppState& app)
{
    switch (app.Storage)
    {
    case app::StorageStatus_Unavailable:
        ui::Banner("This browser is not letting Band Circuit save (private mode or blocked storage). "
                   "Everything works, but settings and history are lost when the page closes.",
                   true);
        break;
    case app::StorageStatus_Full:
        ui::Banner("Storage is full: your latest changes are not saved. Back up your history from the History screen, "
                   "or free some space for this site.",
                   true);
        break;
    case app::StorageStatus_Recovered:
        ui::Banner(app.StorageDetail.c_str(), true);
        break;
    default:
        break;
    }
}

// Three lines of text beside a thumbnail, each wrapped to the card: the card grows to hold them.
// Where the list has less room than such a card (a short phone, longer words in another language),
// the cards keep only their first lines (Count), so one whole card always fits.
struct CardText
{
    char Title[192];
    const char* Lines[3];
    float Sizes[3];
    float Heights[3];
    int Count;     // lines shown
    float Thumb;   // the thumbnail's size: smaller than CardThumb only where the list is shorter than a card
    float Height;  // the card's height
};

constexpr float CardThumb = 88.0f;

static CardText MeasureCard(const core::Exercise& exercise, int number, float width, int lines, float thumb)
{
    ImFont* font = ui::GetFont(ui::FontRole_Body);
    CardText t;
    // TRANSLATORS: an exercise card's title: its number in the circuit, then the exercise's name.
    snprintf(t.Title, sizeof(t.Title), core::Tr("%d. %s"), number, core::Tr(exercise.Name));
    t.Lines[0] = t.Title;
    t.Lines[1] = core::Tr(exercise.DoseText);
    t.Lines[2] = core::Tr(exercise.Targets);
    t.Sizes[0] = ui::BodyFontSize;
    t.Sizes[1] = t.Sizes[2] = 15.0f;
    const float wrap = width - (thumb + 16.0f) - 12.0f;
    float text_h = 0.0f;
    t.Count = lines;
    t.Thumb = thumb;
    for (int i = 0; i < t.Count; i++)
    {
        t.Heights[i] = font->CalcTextSizeA(t.Sizes[i], FLT_MAX, wrap, t.Lines[i]).y;
        text_h += t.Heights[i] + 4.0f;
    }
    t.Height = ImMax(thumb + 8.0f, text_h + 16.0f);
    return t;
}

// One card at the cursor, width x height (height 0: its own).
static void DrawExerciseCard(app::AppState& app, const core::Exercise& exercise, int number, float width, float height, int lines, float thumb)
{
    const ui::Palette& c = ui::Colors();
    ImFont* font = ui::GetFont(ui::FontRole_Body);
    const CardText t = MeasureCard(exercise, number, width, lines, thumb);
    height = ImMax(height, t.Height);
    const float text_x = thumb + 16.0f;
    const float wrap = width - text_x - 12.0f;
    const ImU32 colors[3] = { c.Text, c.Accent, c.TextMuted };

    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    // "Shown###English": the card's id (and widgets()' id) is the English name in every language.
    const char* label = ui::Label(exercise.Name);
    if (ImGui::InvisibleButton(label, ImVec2(width, height)) && !ui::TouchScrollMoving())
        ui::OpenExercise(app, exercise.Id);
    // TRANSLATORS: an exercise card's description for screen readers: its dose ("10-12 reps per
    // side"), then the muscles it works.
    const std::string description = core::Format(core::Tr("%s. %s."), core::Tr(exercise.DoseText), core::Tr(exercise.Targets));
    ui::DescribeLastItem(label, ui::ItemRole_Button, -1, -1, description.c_str());
    const bool active = ImGui::IsItemActive();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->AddRectFilled(min, max, active ? ImGui::GetColorU32(ImGuiCol_ButtonActive) : c.Surface, 12.0f);
    ui::FocusOutline(draw_list, min, max, 12.0f);

    const float thumb_y = min.y + (height - thumb) * 0.5f;
    ui::DemoParams demo = { exercise.Id, core::Side::Left, core::KeyPosePhase(exercise.Id), 0,
                            core::DefaultCamera(exercise.Id, core::Side::Left), true };
    ui::DrawDemo(draw_list, ImVec2(min.x + 4, thumb_y), ImVec2(min.x + 4 + thumb, thumb_y + thumb), demo);

    float y = min.y + 8.0f;
    for (int i = 0; i < t.Count; i++)
    {
        draw_list->AddText(font, t.Sizes[i], ImVec2(min.x + text_x, y), colors[i], t.Lines[i], nullptr, wrap);
        y += t.Heights[i] + 4.0f;
    }
}

// The five cards in a finger-scrolled region filling the rest of the column (minus keep_below),
// in two columns when each would still be a comfortable card width. own_region false: the cards
// go at the cursor, in a region the caller scrolls (the compact home), room the height they get.
static void DrawExerciseCards(app::AppState& app, float width, float keep_below, bool own_region = true, float room = 0.0f)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (own_region)
    {
        ui::BeginTouchScroll("Exercises", -keep_below, width);
        width = ImGui::GetContentRegionAvail().x;  // less the scroll bar, when there is one
        // As many lines on every card as let the tallest card fit the region whole, with a margin
        // of 8 px above and below it once scrolled to.
        room = ImGui::GetContentRegionAvail().y - 18.0f;
    }
    const int columns = width >= 2 * 330.0f + spacing ? 2 : 1;
    const float card_w = columns == 2 ? ImFloor((width - spacing) * 0.5f) : width;
    const float thumb = ImClamp(room - 8.0f, 48.0f, CardThumb);
    int lines = 3;
    for (; lines > 1; lines--)
    {
        float tallest = 0.0f;
        for (int i = 0; i < core::ExerciseCount; i++)
            tallest = ImMax(tallest, MeasureCard(core::GetExercise((core::ExerciseId)i), i + 1, card_w, lines, thumb).Height);
        if (tallest <= room)
            break;
    }
    for (int i = 0; i < core::ExerciseCount; i += columns)
    {
        float row_h = 0.0f;
        for (int k = 0; k < columns && i + k < core::ExerciseCount; k++)
            row_h = ImMax(row_h, MeasureCard(core::GetExercise((core::ExerciseId)(i + k)), i + k + 1, card_w, lines, thumb).Height);
        for (int k = 0; k < columns && i + k < core::ExerciseCount; k++)
        {
            if (k > 0)
                ImGui::SameLine();
            DrawExerciseCard(app, core::GetExercise((core::ExerciseId)(i + k)), i + k + 1, card_w, row_h, lines, thumb);
        }
    }
    if (own_region)
        ui::EndTouchScroll();
}

// Title, the one-line summary, banners, and the way into a session: Resume or Discard, or the
// round and pace choices and (with_start) Start. width: the column's width.
// The summary under the title: the session's length (the plan's own total for these settings, so it
// changes with rounds and rests), the week against the goal, and the streak.
static void DrawSummary(const app::AppState& app, float width)
{
    const core::WeekProgress week = core::ComputeWeekProgress(app.History, app.Frame.WallMs, app.Frame.TzOffsetMinutes, app.Settings.WeeklyGoal, app.Language.FirstWeekday);
    const long long minutes = core::PlanMinutes(app.Settings);
    std::string line;
    if (week.CurrentStreakWeeks > 0)
        // TRANSLATORS: the home screen's summary: the session's length in minutes, the sessions done
        // this week of the weekly goal, and the weeks in a row that met the goal (the plural's count).
        line = core::Format(core::TrN("Post-run band circuit, about %lld min. This week: %d of %d, %d-week streak.",
                                      "Post-run band circuit, about %lld min. This week: %d of %d, %d-week streak.", week.CurrentStreakWeeks),
                            minutes, week.ThisWeekSessions, week.Goal, week.CurrentStreakWeeks);
    else
        // TRANSLATORS: the home screen's summary: the session's length in minutes, then the sessions
        // done this week of the weekly goal.
        line = core::Format(core::Tr("Post-run band circuit, about %lld min. This week: %d of %d."), minutes, week.ThisWeekSessions, week.Goal);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ui::TextMuted(line.c_str());
    ImGui::PopTextWrapPos();
}

// Rounds (2 or 3 here; any other count comes from Settings and shows as a third choice) and pace.
static void DrawRoundsAndPace(app::AppState& app, float width)
{
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    std::string line;
    const int rounds = app.Settings.Rounds;
    const bool other = rounds != 2 && rounds != 3;
    const float choice = other ? (width - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f : half;
    ui::BeginChoiceGroup(core::Tr("Rounds"));  // the group's name, read by screen readers
    if (ui::ToggleButton("2 rounds", rounds == 2, choice))
    {
        app.Settings.Rounds = 2;
        app::SaveSettings(app);
    }
    ImGui::SameLine();
    if (ui::ToggleButton("3 rounds", rounds == 3, choice))
    {
        app.Settings.Rounds = 3;
        app::SaveSettings(app);
    }
    if (other)
    {
        ImGui::SameLine();
        // Shown in the language; its id is the English label it has always had ("5 rounds"), never shown.
        const std::string id = core::Format(rounds == 1 ? "%d round" : "%d rounds", rounds);
        line = core::Format("%s###%s", core::Format(core::TrN("%d round", "%d rounds", rounds), rounds).c_str(), id.c_str());
        ui::ToggleButton(line.c_str(), true, choice);
    }
    ui::EndChoiceGroup();
    ui::BeginChoiceGroup(core::Tr("Pace"));
    const bool guided = app.Settings.Mode == core::RunMode::Guided;
    if (ui::ToggleButton("Guided", guided, half))
    {
        app.Settings.Mode = core::RunMode::Guided;
        app::SaveSettings(app);
    }
    ImGui::SameLine();
    if (ui::ToggleButton("Self-paced", !guided, half))
    {
        app.Settings.Mode = core::RunMode::SelfPaced;
        app::SaveSettings(app);
    }
    ui::EndChoiceGroup();
}

static void DrawPlanChoices(app::AppState& app, float width, bool with_start)
{
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::PushFont(ui::GetFont(ui::FontRole_Heading));
    // TRANSLATORS: the app's name, as the home screen's title: usually kept as it is.
    const char* title = core::Tr("Band Circuit");
    ImGui::TextUnformatted(title);
    ui::DescribeLastText(ui::NodeKind_Heading, title);
    ImGui::PopFont();
    DrawSummary(app, width);
    DrawStorageBanner(app);
    if (!app.Screens.Notice.empty())
        ui::Banner(app.Screens.Notice.c_str(), app.Screens.NoticeIsError);

    if (app.UpdateReady)
        ui::Banner("A new version of Band Circuit is ready. It starts the next time you open the app.", false);
    if (app::ShowHomeScreenNote(app))
    {
        ui::Banner("Safari deletes what this site saved after seven days without a visit. To keep your history, add Band Circuit to your "
                   "Home Screen: tap Share, then Add to Home Screen, and open it from there.",
                   false);
        // TRANSLATORS: dismisses the note on keeping the history in Safari
        if (ui::Button("Got it", ui::ButtonKind_Normal, width))
            app::DismissHomeScreenNote(app);
    }

    if (app.HasSession)
    {
        const core::TimerView& v = app.View;
        const char* name = core::Tr(core::GetExercise(v.Exercise).Name);
        std::string line;
        if (app.Stored.SessionElsewhere)
            // TRANSLATORS: %s is the exercise the workout is at.
            line = core::Format(core::Tr("A workout is running in another window: round %d of %d, %s."), v.Round, v.Rounds, name);
        else
            // TRANSLATORS: %s is the exercise the session is at.
            line = core::Format(core::Tr("Session in progress, paused: round %d of %d, %s."), v.Round, v.Rounds, name);
        ui::Banner(line.c_str(), false);
        if (ui::Button(app.Stored.SessionElsewhere ? core::N_("Take over") : core::N_("Resume"), ui::ButtonKind_Primary, half))
            app::ResumeSession(app, app.Frame.NowMs);
        ImGui::SameLine();
        if (ui::Button("Discard", ui::ButtonKind_Normal, half))
            app::DiscardSession(app);
        return;
    }
    DrawRoundsAndPace(app, width);
    if (with_start && ui::Button("Start", ui::ButtonKind_Primary, width, 60.0f))
        app::StartSession(app, app.Frame.NowMs);
}

// History, Settings, About in a row at the cursor; with_start puts Start first, twice as wide.
// stacked: one under the other, each the whole width (the compact home).
static void DrawNavigation(app::AppState& app, float width, bool with_start, bool stacked = false)
{
    if (stacked)
    {
        if (ui::Button("History", ui::ButtonKind_Normal, width))
            app::Navigate(app, app::Screen_History);
        if (ui::Button("Settings", ui::ButtonKind_Normal, width))
            app::Navigate(app, app::Screen_Settings);
        if (ui::Button("About", ui::ButtonKind_Normal, width))
            app::Navigate(app, app::Screen_About);
        return;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float units = with_start ? 5.0f : 3.0f;
    const float unit = ImFloor((width - (with_start ? 3.0f : 2.0f) * spacing) / units);
    if (with_start)
    {
        if (ui::Button("Start", ui::ButtonKind_Primary, 2 * unit))
            app::StartSession(app, app.Frame.NowMs);
        ImGui::SameLine();
    }
    if (ui::Button("History", ui::ButtonKind_Normal, unit))
        app::Navigate(app, app::Screen_History);
    ImGui::SameLine();
    if (ui::Button("Settings", ui::ButtonKind_Normal, unit))
        app::Navigate(app, app::Screen_Settings);
    ImGui::SameLine();
    const float used = (with_start ? 2 * unit + spacing : 0.0f) + 2 * (unit + spacing);
    if (ui::Button("About", ui::ButtonKind_Normal, width - used))
        app::Navigate(app, app::Screen_About);
}

void ui::DrawHomeScreen(app::AppState& app)
{
    // Portrait: one column, the cards scrolling between the choices and the navigation row.
    // Landscape phones: the choices on the left, the cards on the right, Start and the navigation
    // in a bar across the foot. Tablets and desktops: the choices, Start and navigation in a left
    // column, the cards in a grid on the right, the whole page at most WideContentWidth wide.
    const Shape shape = CurrentShape();
    const float width = BeginPage("Home", WideContentWidth);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float nav_height = TouchHeight + style.ItemSpacing.y;
    // A small page (a large text size, the browser zoomed in): everything in one column that
    // scrolls as a whole, the navigation stacked at its foot, so nothing is squeezed or cut.
    const ImVec2 room = ImGui::GetContentRegionAvail();
    const bool small = shape == Shape_Portrait ? room.y < 440.0f || width < 280.0f : room.y < 250.0f || width < 520.0f;
    if (small)
    {
        BeginTouchScroll("Home", 0.0f, width);
        const float inner = ImGui::GetContentRegionAvail().x;
        DrawPlanChoices(app, inner, true);
        DrawExerciseCards(app, inner, 0.0f, false, ImMax(room.y - 18.0f, 120.0f));
        DrawNavigation(app, inner, false, true);
        EndTouchScroll();
        EndPage();
        if (TouchScrollMoving())
            RequestAnimation(app);
        return;
    }
    if (shape == Shape_Portrait)
    {
        DrawPlanChoices(app, width, true);
        DrawExerciseCards(app, width, nav_height);
        DrawNavigation(app, width, false);
        EndPage();
        if (TouchScrollMoving())
            RequestAnimation(app);
        return;
    }
    const float column_gap = 20.0f;
    const float left_w = ImFloor(ImClamp(width * 0.36f, 250.0f, 400.0f));
    const float right_w = width - left_w - column_gap;
    const bool bar = shape == Shape_Landscape;
    const bool start_in_bar = bar && !app.HasSession;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    BeginTouchScroll("Plan", -nav_height, left_w);
    DrawPlanChoices(app, ImGui::GetContentRegionAvail().x, !start_in_bar);
    EndTouchScroll();
    if (!bar)
        DrawNavigation(app, left_w, false);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + left_w + column_gap, origin.y));
    ImGui::BeginGroup();
    DrawExerciseCards(app, right_w, bar ? nav_height : 0.0f);
    ImGui::EndGroup();
    if (bar)
    {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - style.WindowPadding.y - TouchHeight));
        DrawNavigation(app, width, start_in_bar);
    }
    EndPage();
    if (TouchScrollMoving())
        RequestAnimation(app);
}
