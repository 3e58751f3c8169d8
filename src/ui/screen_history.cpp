// History: every saved session, newest first, with the streaks and a 12-week bar chart above
// the list, and the way to keep it beyond this browser (a backup file, shared or downloaded, and
// restoring one: app/transfer). The whole list scrolls by finger; a tap on a session shows its reps per exercise.
//
// Widget labels: "Back"; one per session, its local start time, e.g. "Tue 4 Jun 2024, 18:20"
// (tap to show or hide its reps; "##<session id>" keeps twins apart); under an opened row "Delete
// this session", then "Delete" and "Cancel"; "Back up" and "Restore".
#include "ui/screens.h"

#include "app/dates.h"
#include "app/persistence.h"
#include "app/sync.h"
#include "app/transfer.h"
#include "core/progress.h"
#include "core/wording.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

// --- [SECTION] Summary and chart

// This week against the weekly goal, the streak of weeks that met it, and the total: a post-run
// routine is 2-3 times a week, so weeks are the measure, not days.
static void DrawStreaks(const core::HistoryStats& stats, const core::WeekProgress& week)
{
    const ui::Palette& c = ui::Colors();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float box_w = (width - 2 * spacing) / 3.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImFont* heading = ui::GetFont(ui::FontRole_Heading);
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    char this_week[16];
    snprintf(this_week, sizeof(this_week), "%d/%d", week.ThisWeekSessions, week.Goal);
    const int values[3] = { 0, week.CurrentStreakWeeks, stats.TotalSessions };
    // TRANSLATORS: captions under three numbers: the sessions this week ("2/3"), the weeks in a row
    // at the goal, and all sessions ever. Keep them short: three share the screen's width.
    const char* captions[3] = { core::Tr("this week"), core::TrN("week streak", "weeks streak", week.CurrentStreakWeeks),
                                core::TrN("sessions", "sessions", stats.TotalSessions) };
    // Each caption shrinks to its box (a narrow phone, a large text size), down to 11 px, then
    // wraps; the boxes grow to the tallest.
    const float room = box_w - 8.0f;
    float caption_px[3], box_h = 76.0f;
    for (int i = 0; i < 3; i++)
    {
        caption_px[i] = ui::FittedTextSize(body, 15.0f, 11.0f, room, captions[i]);
        box_h = ImMax(box_h, 8.0f + 38.0f + body->CalcTextSizeA(caption_px[i], FLT_MAX, room, captions[i]).y + 10.0f);
    }
    for (int i = 0; i < 3; i++)
    {
        const ImVec2 min(origin.x + i * (box_w + spacing), origin.y);
        draw_list->AddRectFilled(min, ImVec2(min.x + box_w, min.y + box_h), c.Surface, 12.0f);
        char value[16];
        if (i == 0)
            snprintf(value, sizeof(value), "%s", this_week);
        else
            snprintf(value, sizeof(value), "%d", values[i]);
        const float value_size = ui::FittedTextSize(heading, 32.0f, 0.0f, room, value);
        const ImVec2 vs = heading->CalcTextSizeA(value_size, FLT_MAX, 0.0f, value);
        draw_list->AddText(heading, value_size, ImVec2(min.x + (box_w - vs.x) * 0.5f, min.y + 8.0f), i == 0 ? c.Work : c.Text, value);
        const ImVec2 cs = body->CalcTextSizeA(caption_px[i], FLT_MAX, room, captions[i]);
        draw_list->AddText(body, caption_px[i], ImVec2(min.x + (box_w - cs.x) * 0.5f, min.y + box_h - cs.y - 10.0f), c.TextMuted, captions[i], nullptr, room);
    }
    ImGui::Dummy(ImVec2(width, box_h));
    // TRANSLATORS: the three numbers above, for screen readers; the plural follows the last number.
    const std::string spoken = core::Format(core::TrN("This week: %d of %d. Weeks in a row at your goal: %d. %d session in all.",
                                                      "This week: %d of %d. Weeks in a row at your goal: %d. %d sessions in all.", values[2]),
                                            week.ThisWeekSessions, week.Goal, values[1], values[2]);
    ui::DescribeLastText(ui::NodeKind_Text, spoken.c_str());
}

static void DrawWeeklyChart(const core::HistoryStats& stats, int64_t today_day, int first_weekday)
{
    const ui::Palette& c = ui::Colors();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_h = 22.0f, top_h = 20.0f, bars_h = 90.0f;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float base_y = min.y + top_h + bars_h;
    int most = 1;
    for (int w = 0; w < core::HistoryWeeks; w++)
        most = ImMax(most, stats.WeeklySessions[w]);
    const float slot = width / core::HistoryWeeks;
    const float bar_w = ImClamp(slot * 0.62f, 6.0f, 56.0f);
    for (int w = 0; w < core::HistoryWeeks; w++)
    {
        const int count = stats.WeeklySessions[w];
        const float x = min.x + slot * w + (slot - bar_w) * 0.5f;
        const bool this_week = w == core::HistoryWeeks - 1;
        const ImU32 color = this_week ? c.Work : c.Accent;
        if (count > 0)
        {
            const float h = ImMax(4.0f, bars_h * (float)count / (float)most);
            draw_list->AddRectFilled(ImVec2(x, base_y - h), ImVec2(x + bar_w, base_y), color, 4.0f, ImDrawFlags_RoundCornersTop);
            char value[16];
            snprintf(value, sizeof(value), "%d", count);
            const ImVec2 vs = body->CalcTextSizeA(15.0f, FLT_MAX, 0.0f, value);
            draw_list->AddText(body, 15.0f, ImVec2(x + (bar_w - vs.x) * 0.5f, base_y - h - vs.y - 2.0f), c.Text, value);
        }
        else
        {
            draw_list->AddRectFilled(ImVec2(x, base_y - 3.0f), ImVec2(x + bar_w, base_y), ImGui::GetColorU32(ImGuiCol_FrameBg), 1.5f);
        }
    }
    draw_list->AddLine(ImVec2(min.x, base_y + 0.5f), ImVec2(min.x + width, base_y + 0.5f), ImGui::GetColorU32(ImGuiCol_Separator));

    // Under the bars: the first week's first day on the left, this week on the right.
    const std::string first = app::ChartStartDay(today_day, first_weekday);
    // TRANSLATORS: under the chart's first bar: %s is a date, the first day of that week ("13 Mar").
    const std::string left = core::Format(core::Tr("Week of %s"), first.c_str());
    draw_list->AddText(body, 15.0f, ImVec2(min.x, base_y + 4.0f), c.TextMuted, left.c_str());
    // TRANSLATORS: under the chart's last bar.
    const char* right = core::Tr("This week");
    const float rw = body->CalcTextSizeA(15.0f, FLT_MAX, 0.0f, right).x;
    draw_list->AddText(body, 15.0f, ImVec2(min.x + width - rw, base_y + 4.0f), c.TextMuted, right);
    ImGui::Dummy(ImVec2(width, top_h + bars_h + label_h));
    std::string counts;  // the weeks before this one, oldest first: "0, 2, 3"
    for (int w = 0; w < core::HistoryWeeks - 1; w++)
        counts += core::Format(w > 0 ? ", %d" : "%d", stats.WeeklySessions[w]);
    // TRANSLATORS: the chart, for screen readers: the number of weeks (12), the date of the first
    // week's Monday ("13 Mar"), the sessions of each earlier week separated by commas ("0, 2, 3"),
    // then this week's sessions.
    const std::string spoken = core::Format(core::TrN("Sessions per week for the last %d week, from the week of %s: %s, this week %d.",
                                                      "Sessions per week for the last %d weeks, from the week of %s: %s, this week %d.", core::HistoryWeeks),
                                            core::HistoryWeeks, first.c_str(), counts.c_str(), stats.WeeklySessions[core::HistoryWeeks - 1]);
    ui::DescribeLastText(ui::NodeKind_Text, spoken.c_str());
}

// --- [SECTION] Session list

// One exercise of an opened row: "Banded monster walks: 20 forward, 20 back, Light band".
static void ExerciseLine(char* out, int size, const core::SessionRecord& record, int e)
{
    const core::Exercise& exercise = core::GetExercise((core::ExerciseId)e);
    const core::Side a = core::ExerciseSide(exercise, 0), b = core::ExerciseSide(exercise, 1);
    const char* name = core::Tr(exercise.Name);
    const int first = record.RepsDone[e][(int)a], second = record.RepsDone[e][(int)b];
    const bool banded = record.Bands[e] != core::BandStrength::None;
    const char* band = core::BandStrengthName(record.Bands[e]);  // "Light", already in the active language
    // TRANSLATORS: one exercise of a session in the history: its name, then the reps (steps) done
    // on each side (direction), then the band's strength when noted ("Light", "Heavy", ...).
    if (exercise.Style == core::SetStyle::Directions)
        snprintf(out, (size_t)size, banded ? core::Tr("%s: %d forward, %d back, %s band") : core::Tr("%s: %d forward, %d back"), name, first, second, band);
    else if (core::HasSwitch(exercise))
        snprintf(out, (size_t)size, banded ? core::Tr("%s: %d left, %d right, %s band") : core::Tr("%s: %d left, %d right"), name, first, second, band);
    else
        // TRANSLATORS: the exercise's name, the reps done, the unit ("reps"), then the band's
        // strength when noted ("Light", "Heavy", ...).
        snprintf(out, (size_t)size, banded ? core::Tr("%s: %d %s, %s band") : core::Tr("%s: %d %s"), name, ImMax(first, second), core::Tr(exercise.CountUnit), band);
}

// A session's totals: "40 reps, 20 steps" (spoken: with a full stop). The English says "reps" and
// "steps" for every count.
static std::string TotalsText(int reps, int steps, bool spoken)
{
    // TRANSLATORS: a session's total reps, in "40 reps, 20 steps".
    const std::string reps_text = core::Format(core::TrN("%d reps", "%d reps", reps), reps);
    // TRANSLATORS: a session's total steps (monster walks), in "40 reps, 20 steps".
    const std::string steps_text = core::Format(core::TrN("%d steps", "%d steps", steps), steps);
    // TRANSLATORS: a session's totals: the reps ("40 reps"), then the steps ("20 steps").
    return core::Format(spoken ? core::TrC("totals", "%s, %s.") : core::TrC("totals", "%s, %s"), reps_text.c_str(), steps_text.c_str());
}

// What a session's row shows, and how tall it is at a width: every text wraps to the row (a large
// text size, a long translation), and the row grows to hold it.
struct RowTexts
{
    std::string Label;   // its date and time, "##" and its id
    const char* More;    // "Reps" or "Hide", at the right of the first line
    std::string Detail;  // finished or ended early, rounds, length
    std::string Totals;  // "156 reps, 120 steps"
    char Clock[32];      // its length, "14:00"
    int Reps, Steps;     // its totals
    float LabelH, DetailH, TotalsH, ExercisesH;
};
constexpr float RowPad = 14.0f, RowGap = 4.0f, RowSmall = 16.0f, RowMore = 15.0f;

static RowTexts MeasureRow(const core::SessionRecord& record, bool expanded, float width)
{
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    RowTexts t;
    t.Label = app::SessionLabel(record) + "##" + record.Id;
    // TRANSLATORS: at the right of a session's row in the history: tap to hide or to show its reps
    // per exercise. Keep them short.
    t.More = expanded ? core::TrC("history row", "Hide") : core::TrC("history row", "Reps");
    ui::FormatClock(t.Clock, sizeof(t.Clock), record.DurationMs, false);
    // TRANSLATORS: a session's line in the history: the rounds done of those planned (the plural's
    // count), then its length ("12:30"); keep the " · " separators.
    t.Detail = record.Finished
                   ? core::Format(core::TrN("Finished  ·  %d of %d round  ·  %s", "Finished  ·  %d of %d rounds  ·  %s", record.RoundsPlanned),
                                  record.RoundsDone, record.RoundsPlanned, t.Clock)
                   : core::Format(core::TrN("Ended early  ·  %d of %d round  ·  %s", "Ended early  ·  %d of %d rounds  ·  %s", record.RoundsPlanned),
                                  record.RoundsDone, record.RoundsPlanned, t.Clock);
    t.Reps = t.Steps = 0;
    const core::DoneTotals done = core::SessionDoneTotals(record);
    t.Reps = done.Reps;
    t.Steps = done.Steps;
    t.Totals = TotalsText(t.Reps, t.Steps, false);
    const float text_w = width - 2 * RowPad;
    const float more_w = body->CalcTextSizeA(RowMore, FLT_MAX, 0.0f, t.More).x;
    const char* label_end = ImGui::FindRenderedTextEnd(t.Label.c_str());
    t.LabelH = body->CalcTextSizeA(ui::BodyFontSize, FLT_MAX, text_w - more_w - 10.0f, t.Label.c_str(), label_end).y;
    t.DetailH = body->CalcTextSizeA(RowSmall, FLT_MAX, text_w, t.Detail.c_str()).y;
    t.TotalsH = body->CalcTextSizeA(RowSmall, FLT_MAX, text_w, t.Totals.c_str()).y;
    t.ExercisesH = 0.0f;
    for (int e = 0; e < core::ExerciseCount && expanded; e++)
    {
        char text[320];
        ExerciseLine(text, sizeof(text), record, e);
        t.ExercisesH += body->CalcTextSizeA(RowSmall, FLT_MAX, text_w, text).y + RowGap;
    }
    return t;
}

// For screen readers the row is a button that shows or hides its reps; what it shows is its
// description. Only rows near the visible ones are in the layer (a long history is not described
// row by row).
static void DescribeRow(const core::SessionRecord& record, const RowTexts& t, bool expanded)
{
    // TRANSLATORS: a session in the history, for screen readers: the rounds done of those
    // planned (the plural's count), then its length ("12:30"). Followed by its totals.
    std::string description = record.Finished
                                  ? core::Format(core::TrN("Finished, %d of %d round, %s.", "Finished, %d of %d rounds, %s.", record.RoundsPlanned),
                                                 record.RoundsDone, record.RoundsPlanned, t.Clock)
                                  : core::Format(core::TrN("Ended early, %d of %d round, %s.", "Ended early, %d of %d rounds, %s.", record.RoundsPlanned),
                                                 record.RoundsDone, record.RoundsPlanned, t.Clock);
    description += ' ';
    description += TotalsText(t.Reps, t.Steps, true);
    for (int e = 0; e < core::ExerciseCount && expanded; e++)
    {
        char text[320];
        ExerciseLine(text, sizeof(text), record, e);
        description += ' ';
        description += text;
        description += '.';
    }
    ui::DescribeLastItem(t.Label.c_str(), ui::ItemRole_Button, -1, expanded ? 1 : 0, description.c_str());
}

static void DrawSessionRow(app::AppState& app, const core::SessionRecord& record)
{
    const ui::Palette& c = ui::Colors();
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    const float width = ImGui::GetContentRegionAvail().x;
    const bool expanded = app.Screens.ExpandedSession == record.Id;
    const RowTexts t = MeasureRow(record, expanded, width);
    const float height = 2 * RowPad + t.LabelH + t.DetailH + t.TotalsH + 2 * RowGap + (expanded ? t.ExercisesH + 8.0f : 0.0f) + 6.0f;

    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    if (ImGui::InvisibleButton(t.Label.c_str(), ImVec2(width, height)) && !ui::TouchScrollMoving())
    {
        app.Screens.ExpandedSession = expanded ? std::string() : record.Id;
        app.Screens.ConfirmingDelete.clear();
    }
    if (ui::LastItemRecorded())
        DescribeRow(record, t, expanded);
    if (!ImGui::IsItemVisible())
        return;  // off screen: submitted for keyboard navigation only, nothing to draw
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->AddRectFilled(min, max, ImGui::IsItemActive() ? ImGui::GetColorU32(ImGuiCol_ButtonActive) : c.Surface, 12.0f);
    ui::FocusOutline(draw_list, min, max, 12.0f);
    if (!record.Finished)
        draw_list->AddRectFilled(min, ImVec2(min.x + 6.0f, max.y), c.Warning, 12.0f, ImDrawFlags_RoundCornersLeft);

    const float x = min.x + RowPad, text_w = width - 2 * RowPad;
    float y = min.y + RowPad;
    const float more_w = body->CalcTextSizeA(RowMore, FLT_MAX, 0.0f, t.More).x;
    draw_list->AddText(body, ui::BodyFontSize, ImVec2(x, y), c.Text, t.Label.c_str(), ImGui::FindRenderedTextEnd(t.Label.c_str()), text_w - more_w - 10.0f);
    draw_list->AddText(body, RowMore, ImVec2(max.x - RowPad - more_w, y + 2.0f), c.Accent, t.More);
    y += t.LabelH + RowGap;
    draw_list->AddText(body, RowSmall, ImVec2(x, y), record.Finished ? c.Accent : c.TextMuted, t.Detail.c_str(), nullptr, text_w);
    y += t.DetailH + RowGap;
    draw_list->AddText(body, RowSmall, ImVec2(x, y), c.TextMuted, t.Totals.c_str(), nullptr, text_w);
    y += t.TotalsH + 8.0f;
    for (int e = 0; e < core::ExerciseCount && expanded; e++)
    {
        char text[320];
        ExerciseLine(text, sizeof(text), record, e);
        draw_list->AddText(body, RowSmall, ImVec2(x, y), c.Text, text, nullptr, text_w);
        y += body->CalcTextSizeA(RowSmall, FLT_MAX, text_w, text).y + RowGap;
    }
}

// Under an opened row: "Delete this session", which asks first. A deleted session is remembered,
// so no backup or sync brings it back (app/persistence.h).
static void DrawDeleteSession(app::AppState& app, const core::SessionRecord& record)
{
    const float width = ImGui::GetContentRegionAvail().x;
    char label[160];
    if (app.Screens.ConfirmingDelete != record.Id)
    {
        // The button translates the text before "##" itself.
        snprintf(label, sizeof(label), "%s##delete-%s", core::N_("Delete this session"), record.Id.c_str());
        if (ui::Button(label, ui::ButtonKind_Normal, width))
            app.Screens.ConfirmingDelete = record.Id;
        return;
    }
    ui::Banner("Delete this session? It leaves your history for good: no backup or sync brings it back.", true);
    const bool side_by_side = ui::TwoButtonsFit("Delete", "Cancel", width);
    const float half = side_by_side ? (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f : width;
    const ui::Palette& c = ui::Colors();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(c.Warning));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(c.Warning));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(c.Warning));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.WarningText));
    snprintf(label, sizeof(label), "%s##confirm-%s", core::N_("Delete"), record.Id.c_str());
    const bool confirmed = ui::Button(label, ui::ButtonKind_Normal, half);
    ImGui::PopStyleColor(4);
    if (side_by_side)
        ImGui::SameLine();
    if (ui::Button("Cancel", ui::ButtonKind_Normal, half))
        app.Screens.ConfirmingDelete.clear();
    if (confirmed)
    {
        app.Screens.ConfirmingDelete.clear();
        app::DeleteSession(app, record.Id);
        app::ShowNotice(app, core::Tr("Session deleted."), false);
    }
}

// When the history was last backed up (or synced), and after a few sessions in neither, a reminder.
static void DrawBackupStatus(const app::AppState& app)
{
    if (app.History.empty())
        return;
    const int64_t synced = app::SyncOn(app) ? app.Sync.Record.LastSyncWallMs : 0;
    const int since = core::SessionsEndedAfter(app.History, std::max(app.BackedUpWallMs, synced));
    if (since >= app::BackupReminderSessions)
    {
        // TRANSLATORS: a reminder in History; %d is how many sessions are in no backup yet
        const std::string text = core::Format(core::TrN("%d session is in no backup yet. Back up to keep your history if this browser loses its data.",
                                                        "%d sessions are in no backup yet. Back up to keep your history if this browser loses its data.", since),
                                              since);
        ui::TextMuted(text.c_str());  // a quiet reminder, not a banner
        return;
    }
    if (app.BackedUpWallMs > 0)
    {
        // TRANSLATORS: %s is a date and time ("4 Jun 2024, 18:20")
        const std::string text = core::Format(core::Tr("Last backup: %s."), app::DateTimeText(app.BackedUpWallMs).c_str());
        ui::TextMuted(text.c_str());
    }
    if (synced > 0)
    {
        // TRANSLATORS: %s is a date and time ("4 Jun 2024, 18:20")
        const std::string text = core::Format(core::Tr("Last sync: %s."), app::DateTimeText(synced).c_str());
        ui::TextMuted(text.c_str());
    }
}

// --- [SECTION] Kept-aside copies

// Histories that could not be read were copied aside (persistence.cpp): each can be brought back,
// every session in it that reads on its own joining the history.
static void DrawKeptCopies(app::AppState& app)
{
    const std::string prefix = std::string(app::UnreadablePrefix) + "history.";
    for (const std::string& key : app.Stored.KeptAside)
    {
        if (key.rfind(prefix, 0) != 0)
            continue;
        const int64_t stamp = std::atoll(key.c_str() + prefix.size());
        char text[320], label[160];
        // TRANSLATORS: %s is a date and time ("4 Jun 2024, 18:20").
        snprintf(text, sizeof(text), core::Tr("A history that could not be read was kept aside on %s."), app::DateTimeText(stamp).c_str());
        ui::Banner(text, false);
        // The button translates the text before "##" itself; the storage key after it tells the copies apart.
        snprintf(label, sizeof(label), "%s##%s", core::N_("Recover sessions"), key.c_str());
        if (ui::Button(label, ui::ButtonKind_Normal, ImGui::GetContentRegionAvail().x))
        {
            app::ShowNotice(app, app::RecoverKeptHistory(app, key), false);
        }
    }
}

// --- [SECTION] The screen

void ui::DrawHistoryScreen(app::AppState& app)
{
    ReceiveImport(app);  // a file chosen in the picker (web/app.js wakes the loop for it)
    const float width = BeginPage("History", ReadingWidth);
    if (PageHeader("History", "Back") || ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    {
        EndPage();
        Navigate(app, app.Screens.Previous == app::Screen_History ? app::Screen_Home : app.Screens.Previous);
        return;
    }
    if (!app.Screens.Notice.empty())
        Banner(app.Screens.Notice.c_str(), app.Screens.NoticeIsError);
    else if (app.Storage == app::StorageStatus_Full)
        Banner("Storage is full: new sessions are not being saved. Back up your history to keep it safe.", true);

    const int tz = app.Frame.TzOffsetMinutes;
    const int64_t wall = app.Frame.WallMs;
    const core::HistoryStats stats = core::ComputeHistoryStats(app.History, wall, tz, app.Language.FirstWeekday);

    // Back up and Restore side by side, or one under the other when their words need more room (a
    // large text size, a language with long words).
    const bool side_by_side = TwoButtonsFit("Back up", "Restore", width);
    const float bottom_h = (side_by_side ? 1.0f : 2.0f) * (TouchHeight + ImGui::GetStyle().ItemSpacing.y);
    BeginTouchScroll("Sessions", -bottom_h);
    DrawStreaks(stats, core::ComputeWeekProgress(app.History, wall, tz, app.Settings.WeeklyGoal, app.Language.FirstWeekday));
    ImGui::Spacing();
    const char* chart_title = core::Tr("Sessions per week");
    ImGui::TextUnformatted(chart_title);
    DescribeLastText(NodeKind_Subheading, chart_title);
    DrawWeeklyChart(stats, core::LocalDayNumber(wall, tz), app.Language.FirstWeekday);
    DrawKeptCopies(app);
    DrawBackupStatus(app);
    if (app.History.empty())
    {
        TextMuted("No sessions yet. Each session you finish or end early is kept here, with its date, time, rounds and reps.");
    }
    else
    {
        for (int index : core::OrderByStart(app.History, true))
        {
            const core::SessionRecord& record = app.History[(size_t)index];
            DrawSessionRow(app, record);
            if (app.Screens.ExpandedSession != record.Id)
                continue;
            const size_t count = app.History.size();
            DrawDeleteSession(app, record);
            if (app.History.size() != count)
                break;  // deleted: the order no longer matches the list (the next frame draws the rest)
        }
    }
    EndTouchScroll();

    const float half = side_by_side ? (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f : width;
    if (Button("Back up", ButtonKind_Normal, half))
        BackUpHistory(app);
    if (side_by_side)
        ImGui::SameLine();
    if (Button("Restore", ButtonKind_Normal, half))
        OpenImport(app);
    EndPage();
    if (TouchScrollMoving())
        RequestAnimation(app);
}
