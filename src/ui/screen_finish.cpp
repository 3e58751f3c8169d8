// Finish: a moment of celebration, then what the runner wants to know: how long it took (and how
// much of it was work), how this session compares with the last one, the week against the weekly
// goal with the streak of weeks that met it, and what to change next time once a set got easy.
// It says honestly whether the session went into the history; when it could not be saved (storage
// full, history at its limit, data deleted elsewhere), it can still be downloaded as a file that
// History's Import accepts.
#include "ui/screens.h"

#include "app/persistence.h"
#include "app/transfer.h"
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

#include <cmath>
#include <cstdio>
#include <cstdlib>

// A ring with a tick: drawn, not an image.
static void DrawBadge(ImDrawList* draw_list, ImVec2 centre, float radius, bool finished)
{
    const ui::Palette& c = ui::Colors();
    draw_list->AddCircleFilled(centre, radius, c.Accent, 48);
    if (finished)
    {
        const ImVec2 points[3] = { ImVec2(centre.x - radius * 0.45f, centre.y + radius * 0.02f),
                                   ImVec2(centre.x - radius * 0.12f, centre.y + radius * 0.35f),
                                   ImVec2(centre.x + radius * 0.48f, centre.y - radius * 0.32f) };
        draw_list->AddPolyline(points, 3, c.AccentText, ImDrawFlags_None, radius * 0.16f);
    }
    else
    {
        draw_list->AddRectFilled(ImVec2(centre.x - radius * 0.4f, centre.y - radius * 0.08f),
                                 ImVec2(centre.x + radius * 0.4f, centre.y + radius * 0.08f), c.AccentText, 2.0f);
    }
}

// This week's sessions as dots against the goal: filled for each one done.
static void DrawWeekDots(const core::WeekProgress& week)
{
    const ui::Palette& c = ui::Colors();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const int dots = ImMax(week.Goal, week.ThisWeekSessions);
    const float r = 9.0f, step = 26.0f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    for (int i = 0; i < dots; i++)
    {
        const ImVec2 centre(pos.x + r + 2.0f + i * step, pos.y + r + 2.0f);
        if (i < week.ThisWeekSessions)
            draw_list->AddCircleFilled(centre, r, c.Accent, 24);
        else
            draw_list->AddCircle(centre, r - 1.0f, c.TextMuted, 24, 2.0f);
    }
    ImGui::Dummy(ImVec2(dots * step, 2 * r + 4.0f));
}

// Secondary text in a table cell; the row is read as one sentence instead.
static void MutedCell(const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::Colors().TextMuted));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

// The reps table's rows and cells, laid out as Dear ImGui's tables lay out a table without borders
// (columns 2 * CellPadding.x apart, cells CellPadding.y inside their row, every other row shaded),
// with plain groups: the app has no other table, and Dear ImGui's table code is several KB of wasm.
struct RepsGrid
{
    static constexpr int Columns = 3;
    static constexpr float MinRowHeight = 40.0f;
    ImDrawList* DrawList;       // the window's
    ImDrawListSplitter Layers;  // row shading (0) under the cells' text (1)
    ImVec2 Origin;              // the table's top left corner, screen space
    float Width;                // the table's width
    float CellX[Columns];       // each column's left edge, from Origin.x
    float CellWidth[Columns];   // each column's content width
    float RowTop = 0.0f;        // the current row's top, screen space
    float RowBottom = 0.0f;     // the lowest cell content of the current row so far
    int Row = -1;               // the current row, from 0

    RepsGrid(const float (&weights)[Columns])
    {
        const ImGuiStyle& style = ImGui::GetStyle();
        DrawList = ImGui::GetWindowDrawList();
        Origin = ImGui::GetCursorScreenPos();
        Width = ImGui::GetContentRegionAvail().x;
        const float spacing = 2.0f * style.CellPadding.x;
        const float total = weights[0] + weights[1] + weights[2];
        const float avail = ImMax(1.0f, Width - spacing * (Columns - 1));
        float x = 0.0f;
        for (int c = 0; c < Columns; c++)
        {
            CellX[c] = x;
            CellWidth[c] = ImFloor(avail * weights[c] / total);
            x += CellWidth[c] + spacing;
        }
        RowBottom = Origin.y;
        Layers.Split(DrawList, 2);
        Layers.SetCurrentChannel(DrawList, 1);
    }

    void NextRow()
    {
        EndRow();
        Row++;
        RowTop = RowBottom;
        RowBottom = RowTop;
    }

    void BeginCell(int column)
    {
        ImGui::SetCursorScreenPos(ImVec2(Origin.x + CellX[column], RowTop + ImGui::GetStyle().CellPadding.y));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + CellWidth[column]);
        ImGui::BeginGroup();
    }

    void EndCell()
    {
        ImGui::EndGroup();
        ImGui::PopTextWrapPos();
        RowBottom = ImMax(RowBottom, ImGui::GetItemRectMax().y);
    }

    // Closes the current row: its height and its shading, under what was drawn in it.
    void EndRow()
    {
        if (Row < 0)
            return;
        RowBottom = ImMax(RowTop + MinRowHeight, RowBottom + ImGui::GetStyle().CellPadding.y);
        Layers.SetCurrentChannel(DrawList, 0);
        DrawList->AddRectFilled(ImVec2(Origin.x, RowTop), ImVec2(Origin.x + Width, RowBottom),
                                ImGui::GetColorU32((Row & 1) ? ImGuiCol_TableRowBgAlt : ImGuiCol_TableRowBg));
        Layers.SetCurrentChannel(DrawList, 1);
    }

    // Closes the table and moves the cursor below it, as one item.
    void End()
    {
        EndRow();
        Layers.Merge(DrawList);
        ImGui::SetCursorScreenPos(Origin);
        ImGui::Dummy(ImVec2(Width, RowBottom - Origin.y));
    }
};

// What was done of one exercise: "10 left, 10 right", "20 forward, 20 back", "12 reps".
static void DoneText(char* done, int size, const core::SessionRecord& record, int e)
{
    const core::Exercise& exercise = core::GetExercise((core::ExerciseId)e);
    const int* reps = record.RepsDone[e];
    const int a = reps[(int)core::ExerciseSide(exercise, 0)];
    const int b = reps[(int)core::ExerciseSide(exercise, 1)];
    if (exercise.Style == core::SetStyle::Directions)
        // TRANSLATORS: steps done walking forward, then walking backward.
        snprintf(done, (size_t)size, core::Tr("%d forward, %d back"), a, b);
    else if (exercise.Style == core::SetStyle::PerSide)
        // TRANSLATORS: reps done on the left side, then on the right side.
        snprintf(done, (size_t)size, core::Tr("%d left, %d right"), a, b);
    else if (exercise.CountUnit[0] == 's')
        // TRANSLATORS: steps done. English says "steps" for every count: give each of your language's plural forms.
        snprintf(done, (size_t)size, core::TrN("%d steps", "%d steps", ImMax(a, b)), ImMax(a, b));
    else
        // TRANSLATORS: reps done. English says "reps" for every count: give each of your language's plural forms.
        snprintf(done, (size_t)size, core::TrN("%d reps", "%d reps", ImMax(a, b)), ImMax(a, b));
}

// Against last time: "first", last time's count (ended early: a part against a whole says little),
// "same" or the difference; shown short (text), and said as a sentence. Returns the difference.
static int AgainstLastTime(char* text, int text_size, char* said, int said_size, const core::SessionRecord& record, const core::SessionRecord* previous,
                           core::ExerciseId id)
{
    const int delta = previous != nullptr ? core::RepsDoneTotal(record, id) - core::RepsDoneTotal(*previous, id) : 0;
    if (previous == nullptr)
    {
        // TRANSLATORS: a short table cell: the first time this exercise is in the history (nothing to compare with).
        snprintf(text, (size_t)text_size, "%s", core::Tr("first"));
        snprintf(said, (size_t)said_size, "%s", core::Tr("First time."));
    }
    else if (!record.Finished)
    {
        // TRANSLATORS: a short table cell: %d is how many reps were done last time.
        snprintf(text, (size_t)text_size, core::Tr("last %d"), core::RepsDoneTotal(*previous, id));
        snprintf(said, (size_t)said_size, core::Tr("Last time %d."), core::RepsDoneTotal(*previous, id));
    }
    else if (delta == 0)
    {
        // TRANSLATORS: a short table cell: as many reps as last time.
        snprintf(text, (size_t)text_size, "%s", core::Tr("same"));
        snprintf(said, (size_t)said_size, "%s", core::Tr("Same as last time."));
    }
    else
    {
        snprintf(text, (size_t)text_size, "%+d", delta);
        snprintf(said, (size_t)said_size, delta > 0 ? core::Tr("%d more than last time.") : core::Tr("%d fewer than last time."), std::abs(delta));
    }
    return delta;
}

static void DrawRepsTable(const core::SessionRecord& record, const core::SessionRecord* previous)
{
    RepsGrid grid({ 1.5f, 1.1f, 0.8f });  // exercise, done, last time
    for (int e = 0; e < core::ExerciseCount; e++)
    {
        const core::ExerciseId id = (core::ExerciseId)e;
        const core::Exercise& exercise = core::GetExercise(id);
        grid.NextRow();
        grid.BeginCell(0);
        const char* name = core::Tr(exercise.Name);
        const char* band = core::BandStrengthName(record.Bands[e]);
        ImGui::TextWrapped("%s", name);
        if (record.Bands[e] != core::BandStrength::None)
            MutedCell(band);
        grid.EndCell();
        grid.BeginCell(1);
        char done[128];
        DoneText(done, sizeof(done), record, e);
        ImGui::TextWrapped("%s", done);

        char text[64], said[128];
        const int delta = AgainstLastTime(text, sizeof(text), said, sizeof(said), record, previous, id);
        // A screen reader hears the row as one sentence, where the count is drawn.
        char spoken[512];
        if (record.Bands[e] != core::BandStrength::None)
            // TRANSLATORS: one row of the results read by a screen reader: the exercise, what was done ("10 left, 10 right"),
            // the band's strength ("Light", "Extra heavy"), then the comparison with last time.
            snprintf(spoken, sizeof(spoken), core::Tr("%s: %s. %s band. %s"), name, done, band, said);
        else
            // TRANSLATORS: one row of the results read by a screen reader: the exercise, what was done ("10 left, 10 right"),
            // then the comparison with last time.
            snprintf(spoken, sizeof(spoken), core::Tr("%s: %s. %s"), name, done, said);
        ui::DescribeLastText(ui::NodeKind_Text, spoken);
        grid.EndCell();

        grid.BeginCell(2);
        if (previous == nullptr || !record.Finished)
        {
            MutedCell(text);
        }
        else
        {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(delta > 0 ? ui::Colors().Accent : ui::Colors().TextMuted));
            ImGui::TextUnformatted(text);
            ImGui::PopStyleColor();
        }
        grid.EndCell();
    }
    grid.End();
}

static void DrawSuggestions(const app::AppState& app, const core::SessionRecord& record, const core::SessionRecord* previous)
{
    bool any = false;
    for (int e = 0; e < core::ExerciseCount; e++)
    {
        const core::ExerciseId id = (core::ExerciseId)e;
        const core::Suggestion next = core::SuggestNext(record, previous, id, app.Settings);
        if (next.Kind == core::SuggestionKind::None)
            continue;
        if (!any)
        {
            ImGui::Spacing();
            ui::Heading("Next time", ui::NodeKind_Subheading);
            any = true;
        }
        char text[384];
        const core::Exercise& exercise = core::GetExercise(id);
        if (next.Kind == core::SuggestionKind::NextBand)
            // TRANSLATORS: the first %s is the exercise, the second the strength of the next band ("Medium", "Extra heavy").
            snprintf(text, sizeof(text), core::Tr("%s: the top of the range twice in a row. Try a %s band."), core::Tr(exercise.Name),
                     core::BandStrengthName(next.Band));
        else if (exercise.CountUnit[0] == 's')
            // TRANSLATORS: %s is the exercise, %d the steps to try next time (Settings is the settings screen).
            snprintf(text, sizeof(text),
                     core::TrN("%s: every rep done twice in a row. Try %d step (Settings).", "%s: every rep done twice in a row. Try %d steps (Settings).",
                               next.Reps),
                     core::Tr(exercise.Name), next.Reps);
        else
            // TRANSLATORS: %s is the exercise, %d the reps to try next time (Settings is the settings screen).
            snprintf(text, sizeof(text),
                     core::TrN("%s: every rep done twice in a row. Try %d rep (Settings).", "%s: every rep done twice in a row. Try %d reps (Settings).",
                               next.Reps),
                     core::Tr(exercise.Name), next.Reps);
        ImGui::TextWrapped("%s", text);
        ui::DescribeLastText(ui::NodeKind_Text, text);
    }
}

// The celebration: a badge and the words, large.
static void DrawCelebration(const core::SessionRecord& record, app::RecordSave save)
{
    const ui::Palette& c = ui::Colors();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float badge = 30.0f;
    DrawBadge(ImGui::GetWindowDrawList(), ImVec2(top.x + badge, top.y + badge), badge, record.Finished);
    ImGui::SetCursorScreenPos(ImVec2(top.x + 2 * badge + 14.0f, top.y + 2.0f));
    ImGui::BeginGroup();
    ImFont* cue = GetFont(ui::FontRole_Cue);
    const char* title = core::Tr("Session ended");
    if (save == app::RecordSave_NoWork)
        title = core::Tr("No reps done");
    else if (record.Finished)
        title = core::Tr("Well done!");
    const ImVec2 title_pos = ImGui::GetCursorScreenPos();
    // A longer title (another language, a large text size) shrinks to its line, down to 24 px, and
    // then wraps.
    const float room = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - title_pos.x;
    const float title_px = ui::FittedTextSize(cue, 36.0f, 24.0f, room, title);
    ImGui::GetWindowDrawList()->AddText(cue, title_px, title_pos, c.Text, title, nullptr, room);
    const ImVec2 title_size = cue->CalcTextSizeA(title_px, FLT_MAX, room, title);
    DescribeText(ui::NodeKind_Heading, title, title_pos, ImVec2(title_pos.x + title_size.x, title_pos.y + title_size.y));
    ImGui::Dummy(ImVec2(0.0f, ImMax(38.0f, title_size.y - 4.0f)));
    if (record.Finished)
        ui::TextMuted("Circuit complete.");
    else
        ui::TextMuted("Ended early.");
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(top.x, ImMax(ImGui::GetCursorScreenPos().y, top.y + 2 * badge + 8.0f)));
}

// The times and rounds, and the week against the goal.
static void DrawTimesAndWeek(const core::SessionRecord& record, const core::WeekProgress& week)
{
    char line[400], total[32], work[32];
    ui::FormatClock(total, sizeof(total), record.DurationMs, false);
    ui::FormatClock(work, sizeof(work), record.WorkMs, false);
    // TRANSLATORS: "12:30 in all, 8:10 of it working, 2 of 3 rounds.": the times, then the rounds done of those planned.
    snprintf(line, sizeof(line),
             core::TrN("%s in all, %s of it working, %d of %d round.", "%s in all, %s of it working, %d of %d rounds.", record.RoundsPlanned), total,
             work, record.RoundsDone, record.RoundsPlanned);
    ImGui::TextWrapped("%s", line);
    DescribeLastText(ui::NodeKind_Text, line);

    // The week against the goal.
    if (week.ThisWeekSessions >= week.Goal)
        // TRANSLATORS: sessions done this week of the weekly goal.
        snprintf(line, sizeof(line), core::Tr("This week: %d of %d. Weekly goal met!"), week.ThisWeekSessions, week.Goal);
    else
        // TRANSLATORS: sessions done this week of the weekly goal, then how many sessions are still missing.
        snprintf(line, sizeof(line), core::Tr("This week: %d of %d. %d more to reach your goal."), week.ThisWeekSessions, week.Goal, week.Goal - week.ThisWeekSessions);
    ImGui::TextWrapped("%s", line);
    DescribeLastText(ui::NodeKind_Text, line);
    DrawWeekDots(week);
    if (week.CurrentStreakWeeks > 1)
    {
        // TRANSLATORS: the streak of weeks that met the weekly goal, then the longest such streak.
        snprintf(line, sizeof(line), core::TrN("%d week in a row at your goal (best: %d).", "%d weeks in a row at your goal (best: %d).", week.CurrentStreakWeeks),
                 week.CurrentStreakWeeks, week.BestStreakWeeks);
        ui::TextMuted(line);
    }
}

// Where the session was kept, or why not (with a download in its place).
static void DrawSaveStatus(app::AppState& app, const core::SessionRecord& record, app::RecordSave save)
{
    bool offer_download = true;
    switch (save)
    {
    case app::RecordSave_Saved:
        if (record.Finished)
            ui::TextMuted("Saved to your history.");
        else
            ui::TextMuted("What you did is saved to your history.");
        offer_download = false;
        break;
    case app::RecordSave_Pending:
        ui::TextMuted("Saving to your history...");
        offer_download = false;
        RequestAnimation(app);
        break;
    case app::RecordSave_NoWork:
        ui::TextMuted("Every set was skipped, so this is not counted as a workout and is not kept in your history.");
        offer_download = false;
        break;
    case app::RecordSave_NoSpace: ui::Banner("Not saved: this browser's storage for the app is full. Download the session to keep it.", true); break;
    case app::RecordSave_HistoryFull:
        ui::Banner("Not saved: your history holds the most sessions it can keep. Back it up, then download this session to keep it.", true);
        break;
    case app::RecordSave_Unavailable: ui::Banner("Not saved: this browser is not letting the app save. Download the session to keep it.", true); break;
    case app::RecordSave_Held: ui::Banner("Not saved: your stored history could not be read, and is left untouched. Download the session to keep it.", true); break;
    case app::RecordSave_Reset: ui::Banner("Not saved: all data was deleted in another window while this session ran. Download it to keep it.", true); break;
    }
    if (offer_download && Button("Download this session", ui::ButtonKind_Primary, ImGui::GetContentRegionAvail().x))
    {
        ExportSessionFile(app, record);
    }
}

void ui::DrawFinishScreen(app::AppState& app)
{
    const float width = BeginPage("Finish", ReadingWidth);
    if (!app.HasLastRecord)
    {
        EndPage();
        Navigate(app, app::Screen_Home);
        return;
    }
    const core::SessionRecord& record = app.LastRecord;
    const app::RecordSave save = RecordSaveFor(app, record.Id);
    const core::SessionRecord* previous = core::PreviousSession(app.History, record);
    const core::WeekProgress week = core::ComputeWeekProgress(app.History, app.Frame.WallMs, app.Frame.TzOffsetMinutes, app.Settings.WeeklyGoal, app.Language.FirstWeekday);

    // Everything but the way out scrolls: on a short landscape phone the celebration, the week and
    // the table together are taller than the screen, and Home and History must stay on it.
    const float nav_height = TouchHeight + ImGui::GetStyle().ItemSpacing.y;
    BeginTouchScroll("Summary", -nav_height);
    DrawCelebration(record, save);
    DrawTimesAndWeek(record, week);
    DrawSaveStatus(app, record, save);
    DrawRepsTable(record, previous);
    DrawSuggestions(app, record, previous);
    EndTouchScroll();
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (Button("Home", ButtonKind_Primary, half))
        Navigate(app, app::Screen_Home);
    ImGui::SameLine();
    if (Button("History", ButtonKind_Normal, half))
        Navigate(app, app::Screen_History);
    EndPage();
    if (TouchScrollMoving())
        RequestAnimation(app);
}
