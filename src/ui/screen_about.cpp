// About: why the circuit is worth ten minutes after a run, how to rig the band, how the app
// paces a session, and where the idea comes from. Plain reading, short paragraphs under headings,
// all of it in one finger-scrolled column.
//
// Widget labels: "Back" only; the rest is text.
#include "ui/screens.h"

#include "core/wording.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <string>

// text: shown as given (translated by the caller).
static void Paragraph(const char* text)
{
    ImGui::TextWrapped("%s", text);
    ui::DescribeLastText(ui::NodeKind_Text, text);
}

// A key and what it does, the key in the accent colour (both translated by the caller).
static void KeyLine(const char* key, const char* action)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::Colors().Accent));
    ImGui::TextUnformatted(key);
    ImGui::PopStyleColor();
    ImGui::SameLine(96.0f);
    ImGui::TextWrapped("%s", action);
    // TRANSLATORS: for screen readers: a key's name ("Space"), then what it does.
    const std::string spoken = core::Format(core::TrC("key", "%s: %s"), key, action);
    ui::DescribeLastText(ui::NodeKind_Text, spoken.c_str());
}

static void DrawAboutText()
{
    ui::Subheading("What it is for", 6.0f);
    Paragraph(core::Tr("Running works the same few muscles over and over. Five short band exercises reach the ones it "
                       "leaves out: the side of the hip, the deep core, the front of the shin and the muscles between "
                       "the shoulder blades."));
    Paragraph(core::Tr("Stronger support muscles help your form hold together when you tire late in a long run, which "
                       "is when overuse injuries tend to start. They may also make each stride cheaper: more muscle fibres "
                       "working together, and stiffer tendons that spring back more of the energy you put in."));
    Paragraph(core::Tr("Go through all five, two or three times. It takes about a quarter of an hour."));

    ui::Subheading("The band", 6.0f);
    Paragraph(core::Tr("One long, flat resistance band does everything."));
    Paragraph(core::Tr("Tied into a loop (a firm knot): deadbugs, with the loop around the thighs, and monster walks, with "
                       "it around the ankles."));
    Paragraph(core::Tr("Used flat: dorsiflexion, across the top of one foot with the ends held by a friend or tied to "
                       "something heavy; trap pulls, held overhead with the hands wide; russian twists, held out in front "
                       "of the chest."));
    ui::TextMuted("Each exercise page shows where the band goes. The rest between exercises is long enough to "
                  "retie it.");

    ui::Subheading("How the app works", 6.0f);
    // TRANSLATORS: "Start" is the home screen's button of that name.
    Paragraph(core::Tr("Choose the rounds, press Start, and follow the figure. A short countdown gets you in place, then "
                       "each exercise runs one side after the other, with a pause to swap sides, a rest before the next exercise and a "
                       "longer one between rounds."));
    Paragraph(core::Tr("Guided: the app sets the pace of every rep with beeps and the figure moves in time, including the "
                       "two-second hold in dorsiflexion."));
    // TRANSLATORS: "Done" is the session's button of that name.
    Paragraph(core::Tr("Self-paced: the figure keeps looping as a reminder, you count, and you tap Done when the set is "
                       "finished."));
    Paragraph(core::Tr("Cues, pauses and rep counts can be changed in Settings. The session is saved as you go: if the "
                       "page closes, it comes back paused where you were."));
    ImGui::Spacing();
    ui::TextMuted("With a keyboard, during a session:");
    // TRANSLATORS: the names of keys on a keyboard, as printed on them or usually called.
    KeyLine(core::TrC("key", "Space"), core::Tr("pause or carry on"));
    // TRANSLATORS: the right arrow key.
    KeyLine(core::TrC("key", "Right"), core::Tr("skip to the next step"));
    // TRANSLATORS: the left arrow key.
    KeyLine(core::TrC("key", "Left"), core::Tr("go back a step"));
    KeyLine(core::TrC("key", "Enter"), core::Tr("done (self-paced sets)"));
    KeyLine(core::TrC("key", "Escape"), core::Tr("end the session (it asks first)"));
    ui::TextMuted("On every screen, Tab and the arrow keys move between controls; Space or Enter presses one.");

    ui::Subheading("Credit", 6.0f);
    Paragraph(core::Tr("The circuit follows a coach's post-run band routine. The reasoning behind it is drawn from:"));
    ImGui::Spacing();
    ImGui::Indent(12.0f);
    // The reference as published: its authors, title and journal are not translated.
    Paragraph("Midgley AW, McNaughton LR, Jones AM (2007). Training to enhance the physiological "
              "determinants of long-distance running performance. Sports Medicine 37(10):857-880.");
    ImGui::Unindent(12.0f);
    ImGui::Spacing();
    ui::TextMuted("Band Circuit gives general exercise guidance, not medical advice. Stop if something hurts.");
    ImGui::Dummy(ImVec2(0.0f, 8.0f));
}

void ui::DrawAboutScreen(app::AppState& app)
{
    BeginPage("About", ReadingWidth);
    if (PageHeader("About Band Circuit", "Back") || ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    {
        EndPage();
        Navigate(app, app.Screens.Previous == app::Screen_About ? app::Screen_Home : app.Screens.Previous);
        return;
    }
    BeginTouchScroll("About", 0.0f);
    DrawAboutText();
    EndTouchScroll();
    EndPage();
    if (TouchScrollMoving())
        RequestAnimation(app);
}
