// Settings: the plan (rounds, reps, guided or self-paced, the pauses), the cues and the theme,
// and a way to start over. Numbers change with large - and + buttons rather than sliders, which a
// wet thumb overshoots; each shows the coach's range, and going past it is allowed within the
// app's bounds. Every change goes through core::ClampSettings and is saved at once, so there is no
// Save button to forget. Resetting asks first and offers to back up the history before it goes.
//
// Widget labels: "Back"; "− Rounds" / "+ Rounds"; "− Deadbug", "+ Deadbug", "− Dorsiflexion",
// "+ Dorsiflexion", "− Trap pull", "+ Trap pull", "− Monster walk", "+ Monster walk",
// "− Russian twist", "+ Russian twist" (the minus is U+2212); "Guided", "Self-paced";
// "− Get ready" / "+ Get ready", "− Switch sides" / "+ Switch sides", "− Rest" / "+ Rest",
// "− Round rest" / "+ Round rest", "− Band change" / "+ Band change"; "− Weekly goal" /
// "+ Weekly goal"; "− Deadbug band" / "+ Deadbug band" (and the other short names); switches
// "Beeps", "Spoken cues", "Vibration", "Screen flash"; "Every rep", "Every 5", "No count";
// "− Volume" / "+ Volume"; "System", "Light", "Dark"; "Set up sync", or "Sync now", "Change
// account", "Forget account"; "Back up history", "Reset all data", then "Back up first", "Delete
// everything", "Cancel".
#include "ui/screens.h"

#include "app/language.h"

#include "app/dates.h"
#include "app/persistence.h"
#include "app/session_runner.h"
#include "app/sync.h"
#include "app/transfer.h"
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
#include <cstring>
#include <string>

static void Changed(app::AppState& app)
{
    app.Settings = core::ClampSettings(app.Settings);
    app::SaveSettings(app);
}

// --- [SECTION] Rows

// "Title            value", a muted note under it, then [− name] [+ name]. Returns the change.
// To a screen reader it is one spin button named title (or spoken_name), at `number` within [min, max].
// title, value, note and spoken_name are shown as given (translated); name is the English of the
// buttons' id, shown as shown_name (or translated with core::Tr).
static int Stepper(const char* title, const char* value, const char* note, const char* name, int number, int min, int max,
                   const char* spoken_name = nullptr, const char* shown_name = nullptr)
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
    // "Shown###English": the buttons keep their English id ("− Rounds") in every language.
    if (shown_name == nullptr)
        shown_name = core::Tr(name);
    // A name too long for the button even at the smallest label size (a long word in another
    // language) leaves just the sign: the title above names the setting, and the accessible name too.
    char shown_minus[192];
    snprintf(shown_minus, sizeof(shown_minus), "\xE2\x88\x92 %s", shown_name);
    if (ImGui::CalcTextSize(shown_minus).x * ui::MinLabelScale > half - 8.0f)
        shown_name = "";
    char label[256];
    snprintf(label, sizeof(label), "\xE2\x88\x92 %s###\xE2\x88\x92 %s", shown_name, name);  // U+2212 minus
    ImGui::BeginDisabled(!can_lower);
    if (ui::Button(label, ui::ButtonKind_Normal, half))
        change = -1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    snprintf(label, sizeof(label), "+ %s###+ %s", shown_name, name);
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
        // TRANSLATORS: a pause's length in seconds, with the unit's symbol.
        snprintf(out, size, core::Tr("%d s"), seconds);
    else
        // TRANSLATORS: a pause's length in minutes and seconds ("1:30 min").
        snprintf(out, size, core::Tr("%d:%02d min"), seconds / 60, seconds % 60);
}

// A duration in seconds, changed by step within [0, max]. title and note translated, name English.
static bool DurationStepper(const char* title, const char* note, const char* name, int* seconds, int step, int max)
{
    char value[64];
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
// english: the label's English (its id in every language); note: translated.
static bool Switch(const char* english, const char* note, bool* value)
{
    const char* label = ui::Label(english);  // "Shown###English"
    const char* shown = core::Tr(english);
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
    draw_list->AddText(body, ui::BodyFontSize, ImVec2(min.x + 14.0f, min.y + (note ? 7.0f : (height - ui::BodyFontSize) * 0.5f - 2.0f)), ImGui::GetColorU32(c.Text), shown);
    if (note)
        draw_list->AddText(body, 15.0f, ImVec2(min.x + 14.0f, min.y + 31.0f), ImGui::GetColorU32(c.TextMuted), note, nullptr, note_wrap);
    draw_list->AddRectFilled(pill_min, ImVec2(pill_min.x + pill_w, pill_min.y + pill_h), *value ? ImGui::GetColorU32(c.Accent) : ImGui::GetColorU32(ImGuiCol_FrameBgActive), pill_h * 0.5f);
    const float knob_r = pill_h * 0.5f - 4.0f;
    const float knob_x = *value ? pill_min.x + pill_w - 4.0f - knob_r : pill_min.x + 4.0f + knob_r;
    draw_list->AddCircleFilled(ImVec2(knob_x, pill_min.y + pill_h * 0.5f), knob_r, ImGui::GetColorU32(*value ? c.AccentText : c.Surface));
    return pressed;
}

// --- [SECTION] Sections

static void DrawPlanSettings(app::AppState& app)
{
    core::Settings& s = app.Settings;
    char value[64], note[256];
    ui::Subheading("Circuit", 6.0f);
    snprintf(value, sizeof(value), "%d", s.Rounds);
    if (const int change = Stepper(core::Tr("Rounds"), value, core::Tr("Coach: 2-3 times through"), core::N_("Rounds"), s.Rounds, core::MinRounds, core::MaxRounds))
    {
        s.Rounds += change;
        Changed(app);
    }

    ui::Subheading("Reps per set", 6.0f);
    for (int e = 0; e < core::ExerciseCount; e++)
    {
        const core::Exercise& exercise = core::GetExercise((core::ExerciseId)e);
        const bool steps = exercise.Style == core::SetStyle::Directions;
        int& reps = s.Reps[e];
        // TRANSLATORS: the reps (steps) set for an exercise; the English says "reps" ("steps") for every count.
        snprintf(value, sizeof(value), steps ? core::TrN("%d steps", "%d steps", reps) : core::TrN("%d reps", "%d reps", reps), reps);
        // The coach's count for the exercise: "Coach: 10-12 per side".
        const int lo = exercise.CountMin, hi = exercise.CountMax;
        char coach[160];
        if (steps)
            // TRANSLATORS: the coach's count of steps, in each direction (monster walks).
            snprintf(coach, sizeof(coach), lo == hi ? core::Tr("Coach: about %d each way") : core::Tr("Coach: %d-%d each way"), lo, hi);
        else if (exercise.Style == core::SetStyle::OneSet)
            // TRANSLATORS: the coach's count of reps: one set a round, worked by both arms at once.
            snprintf(coach, sizeof(coach), lo == hi ? core::Tr("Coach: about %d a round, both arms") : core::Tr("Coach: %d-%d a round, both arms"), lo, hi);
        else
            // TRANSLATORS: the coach's count of reps on each side.
            snprintf(coach, sizeof(coach), lo == hi ? core::Tr("Coach: about %d per side") : core::Tr("Coach: %d-%d per side"), lo, hi);
        if (reps < lo)
            // TRANSLATORS: %s is the coach's count ("Coach: 10-12 per side"): the reps set are fewer.
            snprintf(note, sizeof(note), core::Tr("%s  ·  below that"), coach);
        else if (reps > hi)
            // TRANSLATORS: %s is the coach's count ("Coach: 10-12 per side"): the reps set are more.
            snprintf(note, sizeof(note), core::Tr("%s  ·  above that"), coach);
        else
            snprintf(note, sizeof(note), "%s", coach);
        if (const int change = Stepper(core::Tr(exercise.Name), value, note, exercise.ShortName, reps, core::MinReps, core::MaxReps))
        {
            reps += change;
            Changed(app);
        }
    }
}

// Guided or self-paced, the pauses, and the weekly goal.
static void DrawPaceSettings(app::AppState& app)
{
    core::Settings& s = app.Settings;
    char value[64];
    ui::Subheading("Pace", 6.0f);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const bool guided = s.Mode == core::RunMode::Guided;
    ui::BeginChoiceGroup(core::Tr("Pace"));  // the group's name, read by screen readers
    if (ui::ToggleButton("Guided", guided, half))
    {
        s.Mode = core::RunMode::Guided;
        Changed(app);
    }
    ImGui::SameLine();
    if (ui::ToggleButton("Self-paced", !guided, half))
    {
        s.Mode = core::RunMode::SelfPaced;
        Changed(app);
    }
    ui::EndChoiceGroup();
    ui::TextMuted(guided ? core::N_("The app sets the tempo of every rep with cues, and counts for you.")
                         // TRANSLATORS: "Done" is the session's button of that name.
                         : core::N_("Go at your own speed and tap Done at the end of each set."));

    ui::Subheading("Pauses", 6.0f);
    bool changed = false;
    changed |= DurationStepper(core::Tr("Get ready"), core::Tr("Before the first exercise: time to put the band on and lie down"), core::N_("Get ready"), &s.GetReadySec, 1, core::MaxGetReadySec);
    changed |= DurationStepper(core::Tr("Switch sides"), core::Tr("Between the two sides of an exercise"), core::N_("Switch sides"), &s.SwitchSidesSec, 1, core::MaxSwitchSidesSec);
    changed |= DurationStepper(core::Tr("Rest"), core::Tr("Between exercises: time to move the band"), core::N_("Rest"), &s.RestSec, 5, core::MaxRestSec);
    changed |= DurationStepper(core::Tr("Round rest"), core::Tr("Between rounds"), core::N_("Round rest"), &s.RoundRestSec, 15, core::MaxRoundRestSec);
    changed |= DurationStepper(core::Tr("Band change rest"), core::Tr("At least this long before an exercise where the loop is tied or untied"),
                               core::N_("Band change"), &s.BandChangeRestSec, 5, core::MaxRestSec);
    if (changed)
        Changed(app);

    ui::Subheading("Weekly goal", 6.0f);
    // TRANSLATORS: the weekly goal: sessions a week.
    snprintf(value, sizeof(value), core::TrN("%d a week", "%d a week", s.WeeklyGoal), s.WeeklyGoal);
    if (const int change = Stepper(core::Tr("Sessions"), value, core::Tr("Coach: 2-3 a week, after runs"), core::N_("Weekly goal"), s.WeeklyGoal, core::MinWeeklyGoal,
                                   core::MaxWeeklyGoal, core::Tr("Sessions a week")))
    {
        s.WeeklyGoal += change;
        Changed(app);
    }
}

static void DrawBandSettings(app::AppState& app)
{
    core::Settings& s = app.Settings;
    ui::Subheading("Bands", 6.0f);
    ui::TextMuted("Note the band you use for each exercise: your history keeps it, so you can see your progress.");
    for (int e = 0; e < core::ExerciseCount; e++)
    {
        const core::Exercise& exercise = core::GetExercise((core::ExerciseId)e);
        const char* exercise_name = core::Tr(exercise.Name);
        char name[48], shown_name[160], spoken[192];
        snprintf(name, sizeof(name), "%s band", exercise.ShortName);  // the buttons' English id: "− Deadbug band"
        // TRANSLATORS: the band used for an exercise: %s is the exercise's name ("Deadbug band").
        snprintf(shown_name, sizeof(shown_name), core::TrC("exercise", "%s band"), core::Tr(exercise.ShortName));
        snprintf(spoken, sizeof(spoken), core::TrC("exercise", "%s band"), exercise_name);  // the reps above have the plain name
        const int band = (int)s.Band[e];
        if (const int change = Stepper(exercise_name, core::BandStrengthName(s.Band[e]), nullptr, name, band, 0, core::BandStrengthCount - 1,
                                       spoken, shown_name))
        {
            s.Band[e] = (core::BandStrength)(band + change);
            Changed(app);
        }
    }
}

static void DrawCueSettings(app::AppState& app)
{
    core::Settings& s = app.Settings;
    ui::Subheading("Cues", 6.0f);
    bool changed = false;
    changed |= Switch(core::N_("Beeps"), core::Tr("A tone for reps, sides and rests"), &s.CueSound);
    // Where the browser has no voice or cannot vibrate, the switch says so: a tone stands in for
    // the words, and the vibration switch is off and disabled (the flash is on by default there).
    changed |= Switch(core::N_("Spoken cues"), platform::SpeechAvailable() ? core::Tr("Tempo, count, sides and the next band set-up") : core::Tr("No voice here: tones instead"), &s.CueVoice);
    const bool can_vibrate = platform::VibrationAvailable();
    bool vibration_shown = can_vibrate && s.CueVibration;
    ImGui::BeginDisabled(!can_vibrate);
    if (Switch(core::N_("Vibration"), can_vibrate ? core::Tr("On phones that support it") : core::Tr("Not supported here"), &vibration_shown))
    {
        s.CueVibration = vibration_shown;
        changed = true;
    }
    ImGui::EndDisabled();
    changed |= Switch(core::N_("Screen flash"), core::Tr("For noisy places"), &s.CueFlash);
    if (changed)
        Changed(app);

    ui::TextMuted("Rep count, spoken");
    const float third_w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    // TRANSLATORS: how often the voice counts the reps: every rep, every fifth rep, never.
    static const char* const count_names[] = { core::N_("Every rep"), core::N_("Every 5"), core::N_("No count") };
    static const core::RepCount counts[] = { core::RepCount::EveryRep, core::RepCount::EveryFive, core::RepCount::Off };
    ui::BeginChoiceGroup(core::Tr("Rep count, spoken"));
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
    // TRANSLATORS: the cues' volume in percent ("80%").
    snprintf(value, sizeof(value), core::Tr("%d%%"), s.CueVolume);
    if (const int change = Stepper(core::Tr("Cue volume"), value, core::Tr("Tones and voice; they mix with your music"), core::N_("Volume"), s.CueVolume, 0, core::MaxCueVolume))
    {
        s.CueVolume = ImClamp((s.CueVolume + 10 * change) / 10 * 10, 0, core::MaxCueVolume);
        Changed(app);
        app::PreviewCueVolume(app);  // hear the new level
    }
}

// The theme and the text size.
static void DrawLookSettings(app::AppState& app)
{
    core::Settings& s = app.Settings;
    ui::Subheading("Theme", 6.0f);
    const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    static const char* const names[] = { "System", "Light", "Dark" };  // the English: the choices' ids
    // TRANSLATORS: the colour theme: as the device's, light colours, dark colours.
    const char* const shown[] = { core::TrC("theme", "System"), core::TrC("theme", "Light"), core::TrC("theme", "Dark") };
    static const core::Theme themes[] = { core::Theme::System, core::Theme::Light, core::Theme::Dark };
    ui::BeginChoiceGroup(core::Tr("Theme"));
    for (int i = 0; i < 3; i++)
    {
        if (i > 0)
            ImGui::SameLine();
        // "Light" is also a band's strength: the theme's words have their own context, so the label
        // comes translated ("Shown###English").
        char label[128];
        snprintf(label, sizeof(label), "%s###%s", shown[i], names[i]);
        if (ui::ToggleButton(label, s.ColorTheme == themes[i], third) && s.ColorTheme != themes[i])
        {
            s.ColorTheme = themes[i];
            Changed(app);
        }
    }
    ui::EndChoiceGroup();

    // The text size: everything grows with it, the controls around the words too. Until it is
    // changed here it follows the browser's (or phone's) own text size.
    ImGui::Dummy(ImVec2(0.0f, 6.0f));
    const int percent = (int)std::lround(app::TextScale(app) * 100.0f);
    char size_value[32];
    snprintf(size_value, sizeof(size_value), core::Tr("%d%%"), percent);
    // TRANSLATORS: under "Text size" while the app follows the text size set in the browser or phone.
    const char* note = s.TextSize == 0 ? core::Tr("As your browser's text size") : nullptr;
    if (const int change = Stepper(core::Tr("Text size"), size_value, note, core::N_("Text size"), percent, core::MinTextSize, core::MaxTextSize))
    {
        s.TextSize = ImClamp(percent + change * core::TextSizeStep, core::MinTextSize, core::MaxTextSize);
        Changed(app);
    }
}

// A language's own name as drawn, with its id: its name in English while the glyphs of its own
// name are not here (Arabic and Japanese come in lang/names.bin, asked for when Settings opens).
static const char* LanguageLabel(const core::Language& lang)
{
    static char label[128];
    const char* shown = lang.ShownName;
    for (const char* s = shown; *s;)
    {
        unsigned c = 0;
        s += ImTextCharFromUtf8(&c, s, nullptr);
        if (c != ' ' && ui::GetFont(ui::FontRole_Body)->FindGlyphNoFallback((ImWchar)c) == nullptr)
        {
            shown = lang.EnglishName;
            break;
        }
    }
    snprintf(label, sizeof(label), "%s###%s", shown, lang.OwnName);
    return label;
}

// The languages, each in its own words, two to a row; the first choice follows the browser. A
// choice applies at once once its file is here (app/language.h), without a reload.
static void DrawLanguageSettings(app::AppState& app)
{
    ui::Subheading("Language", 6.0f);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const char* chosen = app.Settings.Language;
    ui::BeginChoiceGroup(core::Tr("Language"));
    for (int i = -1; i < core::LanguageCount(); i++)
    {
        if (i % 2 == 0)
            ImGui::SameLine();
        const char* tag = i < 0 ? "" : core::LanguageAt(i).Tag;
        // TRANSLATORS: the language choice that follows the browser's (or phone's) language.
        const char* label = i < 0 ? core::N_("Browser's language") : LanguageLabel(core::LanguageAt(i));
        if (ui::ToggleButton(label, strcmp(chosen, tag) == 0, half) && strcmp(chosen, tag) != 0)
            ChooseLanguage(app, tag);
    }
    ui::EndChoiceGroup();
    if (!app.Language.Requested.empty())
        ui::TextMuted("Loading the language…");
    else if (!app.Language.Failed.empty())
        ui::Banner("The language could not be loaded. Check the connection and choose it again.", true);
    // Where the device has no voice for the language, the Spoken cues switch above says so (tones
    // carry the tempo). Android lists voices it cannot speak: the runner hears the coach here.
    if (ui::Button("Test voice", ui::ButtonKind_Normal, half))
        platform::Speak(core::Tr("This is your coach. Ready when you are."));
}

// Sync with the runner's own CouchDB database (app/sync.h): off until set up; the account is typed
// into a form of the page (real text fields), and what each run did shows here.
static void DrawSyncSettings(app::AppState& app)
{
    ui::Subheading("Sync", 6.0f);
    const float width = ImGui::GetContentRegionAvail().x;
    const app::SyncState& sync = app.Sync;
    if (!app::SyncOn(app))
    {
        ui::TextMuted("Keep your history on all your devices through your own CouchDB database (your server, or a service such as IBM "
                      "Cloudant). Off until you set it up.");
        if (!sync.Status.empty())
            ui::Banner(sync.Status.c_str(), sync.StatusIsError);
        if (ui::Button("Set up sync", ui::ButtonKind_Normal, width))
            app::OpenSyncAccountForm(app);
        return;
    }
    const std::string& url = sync.Record.Account.Url;
    const std::string place = url.substr(url.find("://") + 3);
    // TRANSLATORS: %1$s is the database's address (host/database), %2$s the user name
    const std::string with = core::Format(core::Tr("Syncing with %s as %s."), place.c_str(), sync.Record.Account.User.c_str());
    ui::TextMuted(with.c_str());
    if (sync.Phase != app::SyncPhase_Idle)
        ui::TextMuted("Syncing…");
    else if (!sync.Status.empty())
        ui::Banner(sync.Status.c_str(), sync.StatusIsError);
    if (sync.Record.LastSyncWallMs > 0)
    {
        // TRANSLATORS: %s is a date and time ("4 Jun 2024, 18:20")
        const std::string last = core::Format(core::Tr("Last sync: %s."), app::DateTimeText(sync.Record.LastSyncWallMs).c_str());
        ui::TextMuted(last.c_str());
    }
    ImGui::BeginDisabled(sync.Phase != app::SyncPhase_Idle);
    if (ui::Button("Sync now", ui::ButtonKind_Normal, width))
        app::RequestSync(app);
    ImGui::EndDisabled();
    const bool side_by_side = ui::TwoButtonsFit("Change account", "Forget account", width);
    const float half = side_by_side ? (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f : width;
    if (ui::Button("Change account", ui::ButtonKind_Normal, half))
        app::OpenSyncAccountForm(app);
    if (side_by_side)
        ImGui::SameLine();
    if (ui::Button("Forget account", ui::ButtonKind_Normal, half))
        app::ForgetSyncAccount(app);
}

static void DrawReset(app::AppState& app)
{
    ui::Subheading("Your data", 6.0f);
    static bool scroll_to_confirmation = false;  // the confirmation just opened below the fold
    if (!app.Screens.ConfirmingReset)
    {
        ui::TextMuted("Settings and history are kept in this browser. A backup or sync keeps your history elsewhere too.");
        switch (platform::StoragePersistence())
        {
        case platform::Persistence_Persistent:
            ui::TextMuted("Storage: persistent. The browser keeps it until you delete it.");
            break;
        case platform::Persistence_BestEffort:
            ui::TextMuted("Storage: not persistent. Some browsers clear a site's data after weeks without a visit: "
                          "install the app to your home screen, or back up your history now and then.");
            break;
        default:
            ui::TextMuted("Storage: this browser does not say whether it keeps the app's data. Back up your history now and then.");
            break;
        }
        ImGui::BeginDisabled(app.History.empty());
        // The same backup as History's (app/transfer.h); its result shows under the title.
        if (ui::Button("Back up history"))
            app::BackUpHistory(app);
        ImGui::EndDisabled();
        if (ui::Button("Reset all data"))
            app.Screens.ConfirmingReset = scroll_to_confirmation = true;
        return;
    }
    char text[512];
    const int sessions = (int)app.History.size();
    if (app.HasSession)
        snprintf(text, sizeof(text),
                 core::TrN("Delete everything? Your settings go back to the defaults and your history of %d session, and the session in progress, is deleted. "
                           "This cannot be undone.",
                           "Delete everything? Your settings go back to the defaults and your history of %d sessions, and the session in progress, is deleted. "
                           "This cannot be undone.",
                           sessions),
                 sessions);
    else
        snprintf(text, sizeof(text),
                 core::TrN("Delete everything? Your settings go back to the defaults and your history of %d session is deleted. "
                           "This cannot be undone.",
                           "Delete everything? Your settings go back to the defaults and your history of %d sessions is deleted. "
                           "This cannot be undone.",
                           sessions),
                 sessions);
    ui::Banner(text, true);
    ImGui::BeginDisabled(app.History.empty());
    if (ui::Button("Back up first"))
        app::BackUpHistory(app);
    ImGui::EndDisabled();
    const float full = ImGui::GetContentRegionAvail().x;
    // Side by side when "Delete everything" fits half the row at its smallest label size, else one
    // under the other (a narrow page, a large text size).
    const bool stacked = !ui::TwoButtonsFit("Delete everything", "Cancel", full);
    const float half = stacked ? full : (full - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
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
        app::DeleteEverything(app);
    }
    if (!stacked)
        ImGui::SameLine();
    if (ui::Button("Cancel", ui::ButtonKind_Normal, half))
        app.Screens.ConfirmingReset = false;
    if (scroll_to_confirmation)
    {
        ImGui::SetScrollHereY(1.0f);
        scroll_to_confirmation = false;
    }
}

// --- [SECTION] The screen

void ui::DrawSettingsScreen(app::AppState& app)
{
    BeginPage("Settings", ReadingWidth);
    if (PageHeader("Settings", "Back") || (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !app.Screens.ConfirmingReset))
    {
        app.Screens.ConfirmingReset = false;
        EndPage();
        Navigate(app, app.Screens.Previous == app::Screen_Settings ? app::Screen_Home : app.Screens.Previous);
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        app.Screens.ConfirmingReset = false;
    if (!app.Screens.Notice.empty())
        Banner(app.Screens.Notice.c_str(), app.Screens.NoticeIsError);
    if (app.HasSession)
        TextMuted("A session is in progress: changes to the plan apply from the next one.");

    BeginTouchScroll("Options", 0.0f);
    // On its side with room for two (a landscape phone, a tablet): the plan in one column, the
    // bands, cues, theme, language and data in the other, so the page is half as long.
    const bool two_columns = CurrentShape() != Shape_Portrait && ImGui::GetContentRegionAvail().x >= 600.0f;
    if (two_columns)
    {
        BeginTwoColumns();
        DrawPlanSettings(app);
        DrawPaceSettings(app);
        DrawSyncSettings(app);
        NextColumnOfTwo();
        DrawBandSettings(app);
        DrawCueSettings(app);
        DrawLookSettings(app);
        DrawLanguageSettings(app);
        DrawReset(app);
        EndTwoColumns();
    }
    else
    {
        DrawPlanSettings(app);
        DrawPaceSettings(app);
        DrawBandSettings(app);
        DrawCueSettings(app);
        DrawLookSettings(app);
        DrawLanguageSettings(app);
        DrawSyncSettings(app);
        DrawReset(app);
    }
    ImGui::Dummy(ImVec2(0.0f, 8.0f));
    EndTouchScroll();
    EndPage();
    if (TouchScrollMoving())
        RequestAnimation(app);
}
