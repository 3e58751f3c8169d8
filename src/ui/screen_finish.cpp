// Finish: what was done, as saved to the history.
#include "ui/screens.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <cstdio>

static void DrawRepsTable(const bc::SessionRecord& record)
{
    if (!ImGui::BeginTable("Reps", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg))
        return;
    ImGui::TableSetupColumn("Exercise", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Done", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    for (int e = 0; e < bc::ExerciseCount; e++)
    {
        const bc::Exercise& exercise = bc::GetExercise((bc::ExerciseId)e);
        ImGui::TableNextRow(ImGuiTableRowFlags_None, 40.0f);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", exercise.Name);
        ImGui::TableNextColumn();
        const int* reps = record.RepsDone[e];
        const bool steps = exercise.Style == bc::SetStyle::Directions;
        const int a = reps[(int)(steps ? bc::Side::Forward : bc::Side::Left)];
        const int b = reps[(int)(steps ? bc::Side::Back : bc::Side::Right)];
        ImGui::TextWrapped(steps ? "%d forward, %d back" : "%d left, %d right", a, b);
    }
    ImGui::EndTable();
}

void ui::DrawFinishScreen(AppState& app)
{
    const float width = BeginPage("Finish");
    if (!app.HasLastRecord)
    {
        EndPage();
        Navigate(Screen_Home);
        return;
    }
    const bc::SessionRecord& record = app.LastRecord;
    PageHeader(record.Finished ? "Circuit complete" : "Session ended early", nullptr);
    char line[160], clock[32];
    FormatClock(clock, sizeof(clock), record.DurationMs, false);
    snprintf(line, sizeof(line), "%s of work over %d of %d round%s.", clock, record.RoundsDone, record.RoundsPlanned, record.RoundsPlanned == 1 ? "" : "s");
    ImGui::TextWrapped("%s", line);
    if (!app.LastRecordSaved)
        TextMuted("No rep was done, so this session is not kept in your history.");
    else
        TextMuted(record.Finished ? "Well done. Saved to your history." : "What you did is saved to your history.");
    ImGui::Spacing();
    const float nav_height = TouchHeight + ImGui::GetStyle().ItemSpacing.y;
    BeginTouchScroll("Summary", -nav_height);
    DrawRepsTable(record);
    EndTouchScroll();
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (Button("Home", ButtonKind_Primary, half))
        Navigate(Screen_Home);
    ImGui::SameLine();
    if (Button("History", ButtonKind_Normal, half))
        Navigate(Screen_History);
    EndPage();
}
