// Finish: what was done, and honestly whether it went into the history. When it could not be
// saved (storage full, history at its limit, data deleted elsewhere), the session can still be
// downloaded as a file that History's Import accepts.
#include "ui/screens.h"

#include "core/save_format.h"
#include "platform/platform.h"
#include "ui/automation.h"
#include "ui/persistence.h"

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
        char spoken[128];
        snprintf(spoken, sizeof(spoken), steps ? "%s: %d forward, %d back." : "%s: %d left, %d right.", exercise.Name, a, b);
        ui::DescribeLastText(ui::NodeKind_Text, spoken);
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
    const RecordSave save = RecordSaveFor(app, record.Id);
    PageHeader(save == RecordSave_NoWork ? "No reps done" : record.Finished ? "Circuit complete" : "Session ended early", nullptr);
    char line[160], clock[32];
    FormatClock(clock, sizeof(clock), record.DurationMs, false);
    snprintf(line, sizeof(line), "%s of work over %d of %d round%s.", clock, record.RoundsDone, record.RoundsPlanned, record.RoundsPlanned == 1 ? "" : "s");
    ImGui::TextWrapped("%s", line);
    DescribeLastText(NodeKind_Text, line);
    bool offer_download = true;
    switch (save)
    {
    case RecordSave_Saved:
        TextMuted(record.Finished ? "Well done. Saved to your history." : "What you did is saved to your history.");
        offer_download = false;
        break;
    case RecordSave_Pending: TextMuted("Saving to your history..."); offer_download = false; RequestAnimation(); break;
    case RecordSave_NoWork:
        TextMuted("Every set was skipped, so this is not counted as a workout and is not kept in your history.");
        offer_download = false;
        break;
    case RecordSave_NoSpace: Banner("Not saved: this browser's storage for the app is full. Download the session to keep it.", true); break;
    case RecordSave_HistoryFull:
        Banner("Not saved: your history holds the most sessions it can keep. Export it, then download this session to keep it.", true);
        break;
    case RecordSave_Unavailable: Banner("Not saved: this browser is not letting the app save. Download the session to keep it.", true); break;
    case RecordSave_Held: Banner("Not saved: your stored history could not be read, and is left untouched. Download the session to keep it.", true); break;
    case RecordSave_Reset: Banner("Not saved: all data was deleted in another window while this session ran. Download it to keep it.", true); break;
    }
    if (offer_download && Button("Download this session", ButtonKind_Primary, width))
    {
        const bc::LocalDateTime t = bc::ToLocalDateTime(record.StartedWallMs, bc::RecordTzOffset(record, platform::TimezoneOffsetMinutes()));
        char name[80];
        snprintf(name, sizeof(name), "band-circuit-session-%04d-%02d-%02d-%02d%02d.json", t.Year, t.Month, t.Day, t.Hour, t.Minute);
        platform::DownloadFile(name, bc::ExportHistory({ record }, (int64_t)platform::WallMs()));
    }
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
