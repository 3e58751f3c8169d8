// Settings: the plan (rounds, reps, guided or self-paced, the pauses), the cues and the theme,
// and a way to start over. Numbers change with large - and + buttons rather than sliders, which a
// wet thumb overshoots; each shows the coach's range, and going past it is allowed within the
// app's bounds. Every change goes through bc::ClampSettings and is saved at once, so there is no
// Save button to forget. Resetting asks first and offers to export the history before it goes.
//
// Widget labels: "Back"; "− Rounds" / "+ Rounds"; "− Deadbug", "+ Deadbug", "− Dorsiflexion",
// "+ Dorsiflexion", "− Trap pull", "+ Trap pull", "− Monster walk", "+ Monster walk",
// "− Russian twist", "+ Russian twist" (the minus is U+2212); "Guided", "Self-paced";
// "− Get ready" / "+ Get ready", "− Switch sides" / "+ Switch sides", "− Rest" / "+ Rest",
// "− Round rest" / "+ Round rest", "− Band change" / "+ Band change"; "− Weekly goal" /
// "+ Weekly goal"; "− Deadbug band" / "+ Deadbug band" (and the other short names); switches
// "Beeps", "Spoken cues", "Vibration", "Screen flash"; "Every rep", "Every 5", "No count";
// "− Volume" / "+ Volume"; "System", "Light", "Dark"; "Reset all data", then "Export history
// first", "Delete everything", "Cancel".
#include "ui/screens.h"

#include "app/persistence.h"
#include "app/session_runner.h"
#include "app/transfer.h"
#include "core/save_format.h"
#include "platform/platform.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <cstdio>

static const char* const ShortNames[bc::ExerciseCount] = { "Deadbug", "Dorsiflexion", "Trap pull", "Monster walk", "Russian twist" };

static void Changed(ui::AppState& app)
{
    app.Settings = bc::ClampSettings(app.Settings);
    ui::SaveSettings(app);
}

// --- [SECTION] Rows

// "Title            value", a muted note under it, then [− name] [+ name]. Returns the change.
// To a screen reader it is one spin button named title (or spoken_name), at `number` within [min, max].
static int Stepper(const char* title, const char* value, const char* note, const char* name, int number, int min, int max,
                   const char* spoken_name = nullptr)
{
    const ui::Palette& c = ui::Colors();
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ImFont* heading = ui::GetFont(ui::FontRole_Heading);
    const float value_size = 24.0f;
    const float value_w = heading->CalcTextSizeA(value_size, FLT_MAX, 0.0f, value).x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool can_lower = number > min, can_raise = number < max;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - value_w - 12.0f);
    ImGui::TextUnformatted(title);
    ImGui::PopTextWrapPos();
    ImGui::GetWindowDrawList()->AddText(heading, value_size, ImVec2(pos.x + width - value_w, pos.y - 3.0f), c.Work, value);
    if (note != nullptr && note[0] != '\0')
    {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.TextMuted));
        ImGui::TextWrapped("%s", note);  // read as the spin button's description
        ImGui::PopStyleColor();
    }

    int change = 0;
    const float half = (width - spacing) * 0.5f;
    char label[48];
    snprintf(label, sizeof(label), "\xE2\x88\x92 %s", name);  // U+2212 minus
    ImGui::BeginDisabled(!can_lower);
    if (ui::Button(label, ui::ButtonKind_Normal, half))
        change = -1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    snprintf(label, sizeof(label), "+ %s", name);
    ImGui::BeginDisabled(!can_raise);
    if (ui::Button(label, ui::ButtonKind_Normal, half))
        change = +1;
    ImGui::EndDisabled();
    ui::DescribeStepper(spoken_name ? spoken_name : title, value, number, min, max, note);
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    return change;
}

static void FormatSeconds(char* out, int size, int seconds)
{
    if (seconds < 60)
        snprintf(out, size, "%d s", seconds);
    else
        snprintf(out, size, "%d:%02d min", seconds / 60, seconds % 60);
}

// A duration in seconds, changed by step within [0, max].
static bool DurationStepper(const char* title, const char* note, const char* name, int* seconds, int step, int max)
{
    char value[32];
    FormatSeconds(value, sizeof(value), *seconds);
    const int change = Stepper(title, value, note, name, *seconds, 0, max);
    if (change == 0)
        return false;
    // Snap to the step so a value typed by hand elsewhere comes back onto the grid.
    int next = change > 0 ? (*seconds / step + 1) * step : ((*seconds + step - 1) / step - 1) * step;
    *seconds = ImClamp(next, 0, max);
    return true;
}

// A full-width row that switches something on or off: the label on the left, a switch on the right.
static bool Switch(const char* label, const char* note, bool* value)
{
    const ui::Palette& c = ui::Colors();
    const float width = ImGui::GetContentRegionAvail().x;
    const float pill_w = 52.0f, pill_h = 30.0f;
    // The note wraps beside the switch on narrow screens: the row grows to hold it.
    ImFont* body = ui::GetFont(ui::FontRole_Body);
    const float note_wrap = width - 14.0f - pill_w - 24.0f;
    const float note_h = note ? body->CalcTextSizeA(15.0f, FLT_MAX, note_wrap, note).y : 0.0f;
    const float height = ImMax(56.0f, 31.0f + note_h + 8.0f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(width, height)) && !ui::TouchScrollMoving();
    if (pressed)
        *value = !*value;
    ui::DescribeLastItem(label, ui::ItemRole_Switch, *value ? 1 : 0, -1, note);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->AddRectFilled(min, max, ImGui::IsItemActive() ? ImGui::GetColorU32(ImGuiCol_ButtonActive) : c.Surface, 12.0f);
    ui::FocusOutline(draw_list, min, max, 12.0f);
    const ImVec2 pill_min(max.x - 14.0f - pill_w, min.y + (height - pill_h) * 0.5f);
    // Colours pass through GetColorU32, which applies the style's alpha: a disabled switch is dimmed.
    draw_list->AddText(body, ui::BodyFontSize, ImVec2(min.x + 14.0f, min.y + (note ? 7.0f : (height - ui::BodyFontSize) * 0.5f - 2.0f)), ImGui::GetColorU32(c.Text), label);
    if (note)
        draw_list->AddText(body, 15.0f, ImVec2(min.x + 14.0f, min.y + 31.0f), ImGui::GetColorU32(c.TextMuted), note, nullptr, note_wrap);
    draw_list->AddRectFilled(pill_min, ImVec2(pill_min.x + pill_w, pill_min.y + pill_h), *value ? ImGui::GetColorU32(c.Accent) : ImGui::GetColorU32(ImGuiCol_FrameBgActive), pill_h * 0.5f);
    const float knob_r = pill_h * 0.5f - 4.0f;
    const float knob_x = *value ? pill_min.x + pill_w - 4.0f - knob_r : pill_min.x + 4.0f + knob_r;
    draw_list->AddCircleFilled(ImVec2(knob_x, pill_min.y + pill_h * 0.5f), knob_r, ImGui::GetColorU32(*value ? c.AccentText : c.Surface));
    return pressed;
}

// --- [SECTION] Sections

static void DrawPlanSettings(ui::AppState& app)
{
    bc::Settings& s = app.Settings;
    char value[32], note[128];
    ui::Subheading("Circuit", 6.0f);
    snprintf(value, sizeof(value), "%d", s.Rounds);
    if (const int change = Stepper("Rounds", value, "Coach: 2-3 times through", "Rounds", s.Rounds, bc::MinRounds, bc::MaxRounds))
    {
        s.Rounds += change;
        Changed(app);
    }

    ui::Subheading("Reps per set", 6.0f);
    for (int e = 0; e < bc::ExerciseCount; e++)
    {
        const bc::Exercise& exercise = bc::GetExercise((bc::ExerciseId)e);
        const bool steps = exercise.Style == bc::SetStyle::Directions;
        int& reps = s.Reps[e];
        snprintf(value, sizeof(value), "%d %s", reps, steps ? "steps" : "reps");
        const char* where = reps < exercise.CountMin ? "  ·  below that" : reps > exercise.CountMax ? "  ·  above that"
                                                                                                    : "";
        const char* per = steps ? "each way" : exercise.Style == bc::SetStyle::OneSet ? "a round, both arms"
                                                                                      : "per side";
        if (exercise.CountMin == exercise.CountMax)
            snprintf(note, sizeof(note), "Coach: about %d %s%s", exercise.CountMin, per, where);
        else
            snprintf(note, sizeof(note), "Coach: %d-%d %s%s", exercise.CountMin, exercise.CountMax, per, where);
        if (const int change = Stepper(exercise.Name, value, note, ShortNames[e], reps, bc::MinReps, bc::MaxReps))
        {
            reps += change;
            Changed(app);
        }
    }

    ui::Subheading("Pace", 6.0f);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const bool guided = s.Mode == bc::RunMode::Guided;
    ui::BeginChoiceGroup("Pace");
    if (ui::ToggleButton("Guided", guided, half))
    {
        s.Mode = bc::RunMode::Guided;
        Changed(app);
    }
    ImGui::SameLine();
    if (ui::ToggleButton("Self-paced", !guided, half))
    {
        s.Mode = bc::RunMode::SelfPaced;
        Changed(app);
    }
    ui::EndChoiceGroup();
    ui::TextMuted(guided ? "The app sets the tempo of every rep with cues, and counts for you."
                         : "Go at your own speed and tap Done at the end of each set.");

    ui::Subheading("Pauses", 6.0f);
    bool changed = false;
    changed |= DurationStepper("Get ready", "Before the first exercise: time to put the band on and lie down", "Get ready", &s.GetReadySec, 1, bc::MaxGetReadySec);
    changed |= DurationStepper("Switch sides", "Between the two sides of an exercise", "Switch sides", &s.SwitchSidesSec, 1, bc::MaxSwitchSidesSec);
    changed |= DurationStepper("Rest", "Between exercises: time to move the band", "Rest", &s.RestSec, 5, bc::MaxRestSec);
    changed |= DurationStepper("Round rest", "Between rounds", "Round rest", &s.RoundRestSec, 15, bc::MaxRoundRestSec);
    changed |= DurationStepper("Band change rest", "At least this long before an exercise where the loop is tied or untied",
                               "Band change", &s.BandChangeRestSec, 5, bc::MaxRestSec);
    if (changed)
        Changed(app);

    ui::Subheading("Weekly goal", 6.0f);
    snprintf(value, sizeof(value), "%d a week", s.WeeklyGoal);
    if (const int change = Stepper("Sessions", value, "Coach: 2-3 a week, after runs", "Weekly goal", s.WeeklyGoal, bc::MinWeeklyGoal, bc::MaxWeeklyGoal,
                                   "Sessions a week"))
    {
        s.WeeklyGoal += change;
        Changed(app);
    }

    ui::Subheading("Bands", 6.0f);
    ui::TextMuted("Note the band you use for each exercise: your history keeps it, so you can see your progress.");
    for (int e = 0; e < bc::ExerciseCount; e++)
    {
        char name[48], spoken[96];
        snprintf(name, sizeof(name), "%s band", ShortNames[e]);
        snprintf(spoken, sizeof(spoken), "%s band", bc::GetExercise((bc::ExerciseId)e).Name);  // the reps above have the plain name
        const int band = (int)s.Band[e];
        if (const int change = Stepper(bc::GetExercise((bc::ExerciseId)e).Name, bc::BandStrengthName(s.Band[e]), nullptr, name,
                                       band, 0, bc::BandStrengthCount - 1, spoken))
        {
            s.Band[e] = (bc::BandStrength)(band + change);
            Changed(app);
        }
    }
}

static void DrawCueSettings(ui::AppState& app)
{
    bc::Settings& s = app.Settings;
    ui::Subheading("Cues", 6.0f);
    bool changed = false;
    changed |= Switch("Beeps", "A tone for reps, sides and rests", &s.CueSound);
    // Where the browser has no voice or cannot vibrate, the switch says so: a tone stands in for
    // the words, and the vibration switch is off and disabled (the flash is on by default there).
    changed |= Switch("Spoken cues", platform::SpeechAvailable() ? "Tempo, count, sides and the next band set-up" : "No voice here: tones instead", &s.CueVoice);
    const bool can_vibrate = platform::VibrationAvailable();
    bool vibration_shown = can_vibrate && s.CueVibration;
    ImGui::BeginDisabled(!can_vibrate);
    if (Switch("Vibration", can_vibrate ? "On phones that support it" : "Not supported here", &vibration_shown))
    {
        s.CueVibration = vibration_shown;
        changed = true;
    }
    ImGui::EndDisabled();
    changed |= Switch("Screen flash", "For noisy places", &s.CueFlash);
    if (changed)
        Changed(app);

    ui::TextMuted("Rep count, spoken");
    const float third_w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    static const char* const count_names[] = { "Every rep", "Every 5", "No count" };
    static const bc::RepCount counts[] = { bc::RepCount::EveryRep, bc::RepCount::EveryFive, bc::RepCount::Off };
    ui::BeginChoiceGroup("Rep count, spoken");
    for (int i = 0; i < 3; i++)
    {
        if (i > 0)
            ImGui::SameLine();
        if (ui::ToggleButton(count_names[i], s.CountReps == counts[i], third_w) && s.CountReps != counts[i])
        {
            s.CountReps = counts[i];
            Changed(app);
        }
    }
    ui::EndChoiceGroup();
    char value[32];
    snprintf(value, sizeof(value), "%d%%", s.CueVolume);
    if (const int change = Stepper("Cue volume", value, "Tones and voice; they mix with your music", "Volume", s.CueVolume, 0, bc::MaxCueVolume))
    {
        s.CueVolume = ImClamp((s.CueVolume + 10 * change) / 10 * 10, 0, bc::MaxCueVolume);
        Changed(app);
        ui::PreviewCueVolume(app);  // hear the new level
    }

    ui::Subheading("Theme", 6.0f);
    const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    static const char* const names[] = { "System", "Light", "Dark" };
    static const bc::Theme themes[] = { bc::Theme::System, bc::Theme::Light, bc::Theme::Dark };
    ui::BeginChoiceGroup("Theme");
    for (int i = 0; i < 3; i++)
    {
        if (i > 0)
            ImGui::SameLine();
        if (ui::ToggleButton(names[i], s.ColorTheme == themes[i], third) && s.ColorTheme != themes[i])
        {
            s.ColorTheme = themes[i];
            Changed(app);
        }
    }
    ui::EndChoiceGroup();
}

static void DrawReset(ui::AppState& app)
{
    ui::Subheading("Your data", 6.0f);
    static bool scroll_to_confirmation = false;  // the confirmation just opened below the fold
    if (!app.ConfirmingReset)
    {
        ui::TextMuted("Settings and history stay in this browser only.");
        switch (platform::StoragePersistence())
        {
        case platform::Persistence_Persistent:
            ui::TextMuted("Storage: persistent. The browser keeps it until you delete it.");
            break;
        case platform::Persistence_BestEffort:
            ui::TextMuted("Storage: not persistent. Some browsers clear a site's data after weeks without a visit: "
                          "install the app to your home screen, or export your history now and then.");
            break;
        default:
            ui::TextMuted("Storage: this browser does not say whether it keeps the app's data. Export your history now and then.");
            break;
        }
        if (ui::Button("Reset all data"))
            app.ConfirmingReset = scroll_to_confirmation = true;
        return;
    }
    char text[256];
    snprintf(text, sizeof(text), "Delete everything? Your settings go back to the defaults and your history of %d session%s%s is deleted. "
                                 "This cannot be undone.",
             (int)app.History.size(), app.History.size() == 1 ? "" : "s",
             app.HasSession ? ", and the session in progress," : "");
    ui::Banner(text, true);
    ImGui::BeginDisabled(app.History.empty());
    if (ui::Button("Export history first"))
        ui::ExportHistoryFile(app);
    ImGui::EndDisabled();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    // Not the accent: this is the one button that destroys something.
    const ui::Palette& c = ui::Colors();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(c.Warning));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(c.Warning));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(c.Warning));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.WarningText));
    const bool delete_all = ui::Button("Delete everything", ui::ButtonKind_Normal, half);
    ImGui::PopStyleColor(4);
    if (delete_all)
    {
        ui::DeleteEverything(app);
    }
    ImGui::SameLine();
    if (ui::Button("Cancel", ui::ButtonKind_Normal, half))
        app.ConfirmingReset = false;
    if (scroll_to_confirmation)
    {
        ImGui::SetScrollHereY(1.0f);
        scroll_to_confirmation = false;
    }
}

// --- [SECTION] The screen

void ui::DrawSettingsScreen(AppState& app)
{
    BeginPage("Settings", ReadingWidth);
    if (PageHeader("Settings", "Back") || (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !app.ConfirmingReset))
    {
        app.ConfirmingReset = false;
        EndPage();
        Navigate(app, app.Previous == Screen_Settings ? Screen_Home : app.Previous);
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        app.ConfirmingReset = false;
    if (!app.Notice.empty())
        Banner(app.Notice.c_str(), app.NoticeIsError);
    if (app.HasSession)
        TextMuted("A session is in progress: changes to the plan apply from the next one.");

    BeginTouchScroll("Options", 0.0f);
    DrawPlanSettings(app);
    DrawCueSettings(app);
    DrawReset(app);
    ImGui::Dummy(ImVec2(0.0f, 8.0f));
    EndTouchScroll();
    EndPage();
    if (TouchScrollMoving())
        RequestAnimation(app);
}
