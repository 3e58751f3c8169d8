// Home: the circuit at a glance and the way into a session. Nothing here moves unless touched, so
// an idle home screen draws no frames at all.
#include "ui/screens.h"

#include "core/save_format.h"
#include "platform/platform.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/persistence.h"
#include "ui/session_runner.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <cstdio>

static void DrawStorageBanner(ui::AppState& app)
{
    switch (app.Storage)
    {
    case ui::StorageStatus_Unavailable:
        ui::Banner("This browser is not letting Band Circuit save (private mode or blocked storage). "
                   "Everything works, but settings and history are lost when the page closes.", true);
        break;
    case ui::StorageStatus_Full:
        ui::Banner("Storage is full: your latest changes are not saved. Export your history from the History screen, "
                   "or free some space for this site.", true);
        break;
    case ui::StorageStatus_Recovered:
        ui::Banner(app.StorageDetail.c_str(), true);
        break;
    default:
        break;
    }
}

static void DrawExerciseCard(ui::AppState& app, const bc::Exercise& exercise, int number)
{
    const ui::Palette& c = ui::Colors();
    ImFont* font = ui::GetFont(ui::FontRole_Body);
    const float width = ImGui::GetContentRegionAvail().x;
    const float thumb = 88.0f;
    const float text_x = thumb + 16.0f;
    const float wrap = width - text_x - 12.0f;

    // Three lines of text, each wrapped to the card: the card grows to hold them.
    char title[96];
    snprintf(title, sizeof(title), "%d. %s", number, exercise.Name);
    struct Line { const char* Text; float Size; ImU32 Color; float Height; };
    Line lines[3] = { { title, ui::BodyFontSize, c.Text, 0 }, { exercise.DoseText, 15.0f, c.Accent, 0 }, { exercise.Targets, 15.0f, c.TextMuted, 0 } };
    float text_h = 0.0f;
    for (Line& line : lines)
    {
        line.Height = font->CalcTextSizeA(line.Size, FLT_MAX, wrap, line.Text).y;
        text_h += line.Height + 4.0f;
    }
    const float height = ImMax(thumb + 8.0f, text_h + 16.0f);

    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    if (ImGui::InvisibleButton(exercise.Name, ImVec2(width, height)) && !ui::TouchScrollMoving())
        ui::OpenExercise(app, exercise.Id);
    char description[256];
    snprintf(description, sizeof(description), "%s. %s.", exercise.DoseText, exercise.Targets);
    ui::DescribeLastItem(exercise.Name, ui::ItemRole_Button, -1, -1, description);
    const bool active = ImGui::IsItemActive();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->AddRectFilled(min, max, active ? ImGui::GetColorU32(ImGuiCol_ButtonActive) : c.Surface, 12.0f);
    if (ImGui::IsItemFocused())
        draw_list->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_NavHighlight), 12.0f, 0, 2.0f);

    const float thumb_y = min.y + (height - thumb) * 0.5f;
    ui::DemoParams demo = { exercise.Id, bc::Side::Left, ui::KeyPosePhase(exercise.Id), 0,
                            bc::DefaultCamera(exercise.Id, bc::Side::Left) };
    ui::DrawDemo(draw_list, ImVec2(min.x + 4, thumb_y), ImVec2(min.x + 4 + thumb, thumb_y + thumb), demo);

    float y = min.y + 8.0f;
    for (const Line& line : lines)
    {
        draw_list->AddText(font, line.Size, ImVec2(min.x + text_x, y), line.Color, line.Text, nullptr, wrap);
        y += line.Height + 4.0f;
    }
}

void ui::DrawHomeScreen(AppState& app)
{
    const Palette& c = Colors();
    const float width = BeginPage("Home");
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;

    ImGui::PushFont(GetFont(FontRole_Heading));
    ImGui::TextUnformatted("Band Circuit");
    DescribeLastText(NodeKind_Heading, "Band Circuit");
    ImGui::PopFont();
    const bc::HistoryStats stats = bc::ComputeHistoryStats(app.History, (int64_t)platform::WallMs(), platform::TimezoneOffsetMinutes());
    char line[160];
    if (stats.CurrentStreakDays > 0)
        snprintf(line, sizeof(line), "Post-run band circuit, about 15 min. Streak: %d day%s.", stats.CurrentStreakDays, stats.CurrentStreakDays == 1 ? "" : "s");
    else
        snprintf(line, sizeof(line), "Post-run band circuit, about 15 min. %d session%s so far.", stats.TotalSessions, stats.TotalSessions == 1 ? "" : "s");
    TextMuted(line);
    DrawStorageBanner(app);
    if (!app.Notice.empty())
        Banner(app.Notice.c_str(), app.NoticeIsError);

    if (app.UpdateReady)
        Banner("A new version of Band Circuit is ready. It starts the next time you open the app.", false);

    if (app.HasSession)
    {
        const bc::TimerView& v = app.View;
        if (app.Stored.SessionElsewhere)
            snprintf(line, sizeof(line), "A workout is running in another window: round %d of %d, %s.", v.Round, v.Rounds, bc::GetExercise(v.Exercise).Name);
        else
            snprintf(line, sizeof(line), "Session in progress, paused: round %d of %d, %s.", v.Round, v.Rounds, bc::GetExercise(v.Exercise).Name);
        Banner(line, false);
        if (Button(app.Stored.SessionElsewhere ? "Take over" : "Resume", ButtonKind_Primary, half))
            ResumeSession(app, app.NowMs);
        ImGui::SameLine();
        if (Button("Discard", ButtonKind_Normal, half))
            DiscardSession(app);
    }
    else
    {
        // Rounds: 2 or 3 here; any other count comes from Settings and shows as a third choice.
        const int rounds = app.Settings.Rounds;
        const bool other = rounds != 2 && rounds != 3;
        const float choice = other ? (width - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f : half;
        BeginChoiceGroup("Rounds");
        if (ToggleButton("2 rounds", rounds == 2, choice)) { app.Settings.Rounds = 2; SaveSettings(app); }
        ImGui::SameLine();
        if (ToggleButton("3 rounds", rounds == 3, choice)) { app.Settings.Rounds = 3; SaveSettings(app); }
        if (other)
        {
            ImGui::SameLine();
            snprintf(line, sizeof(line), "%d round%s", rounds, rounds == 1 ? "" : "s");
            ToggleButton(line, true, choice);
        }
        EndChoiceGroup();
        BeginChoiceGroup("Pace");
        const bool guided = app.Settings.Mode == bc::RunMode::Guided;
        if (ToggleButton("Guided", guided, half)) { app.Settings.Mode = bc::RunMode::Guided; SaveSettings(app); }
        ImGui::SameLine();
        if (ToggleButton("Self-paced", !guided, half)) { app.Settings.Mode = bc::RunMode::SelfPaced; SaveSettings(app); }
        EndChoiceGroup();
        if (Button("Start", ButtonKind_Primary, -1.0f, 60.0f))
            StartSession(app, app.NowMs);
    }

    const float nav_height = TouchHeight + ImGui::GetStyle().ItemSpacing.y;
    BeginTouchScroll("Exercises", -nav_height);
    for (int i = 0; i < bc::ExerciseCount; i++)
        DrawExerciseCard(app, bc::GetExercise((bc::ExerciseId)i), i + 1);
    EndTouchScroll();

    const float third = (width - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    if (Button("History", ButtonKind_Normal, third)) Navigate(Screen_History);
    ImGui::SameLine();
    if (Button("Settings", ButtonKind_Normal, third)) Navigate(Screen_Settings);
    ImGui::SameLine();
    if (Button("About", ButtonKind_Normal, third)) Navigate(Screen_About);
    (void)c;
    EndPage();
}
