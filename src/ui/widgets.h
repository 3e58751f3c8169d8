// The app's own widgets on top of Dear ImGui: full-screen pages, large touch buttons, scroll
// areas that follow a dragging finger, banners and the exercise demonstration.
#pragma once

#include "core/pose.h"
#include "ui/automation.h"
#include "ui/fonts.h"

#include <imgui.h>

namespace ui {

constexpr float TouchHeight = 52.0f;  // CSS px: every target is at least 44 px

enum ButtonKind
{
    ButtonKind_Normal,
    ButtonKind_Primary,
    ButtonKind_Quiet
};

// One page filling the safe area of the viewport, at most max_width layout px wide (0: no limit),
// centred. Returns the content width.
float BeginPage(const char* id, float max_width = 0.0f);
void EndPage();
bool PageHeader(const char* title, const char* back_label);  // title, plus a back button when back_label: true when pressed

// A scrolling region that scrolls by dragging a finger (or the mouse) anywhere inside it; a drag
// never presses the button it started on. Keyboard navigation (Tab, arrows) moves straight into
// its items. height <= 0: the rest of the page minus -height; width 0: the rest of the line.
void BeginTouchScroll(const char* id, float height, float width = 0.0f);
void EndTouchScroll();
bool TouchScrollMoving();  // a finger scroll or its glide is under way: keep drawing

// Two columns of equal width side by side in the rest of the current window. Each column is a
// group whose content region is the column, so wrapped text and full-width items stay in it.
// (Dear ImGui's tables would do it too, at about 11 KB gzip of wasm for this one use.)
void BeginTwoColumns();
void NextColumnOfTwo();
void EndTwoColumns();  // the cursor goes below the taller column

// The widgets below take the English text and show it in the active language (core::Tr). A button's
// id is its English label, so it stays the same in every language (widgets() lists it as `id`).
const char* Label(const char* english);  // "Shown###English" for a Dear ImGui item: valid for a few calls
// A label wider than its button first gives up padding, then shrinks down to this share of its size
// (14 px of 18) before it is clipped.
constexpr float MinLabelScale = 14.0f / BodyFontSize;

// The size, at most `size` and at least `min_size`, at which one line of text fits `room` px wide
// (a narrow box, a long word, a large text size). At min_size it may still not fit: wrap it then.
float FittedTextSize(ImFont* font, float size, float min_size, float room, const char* text);
bool Button(const char* label, ButtonKind kind = ButtonKind_Normal, float width = -1.0f, float height = TouchHeight);
// Whether two buttons (English labels, shown in the language) fit side by side in width with their
// labels shrunk at most to MinLabelScale; else they go one under the other.
bool TwoButtonsFit(const char* first, const char* second, float width);
bool ToggleButton(const char* label, bool selected, float width, float height = TouchHeight);  // one of a choice (ui::BeginChoiceGroup names the group)
void TextMuted(const char* text);                                                              // wrapped, secondary colour
void Heading(const char* text, NodeKind kind = NodeKind_Heading);                              // heading font: the screen's title (or a section's)
void Subheading(const char* text, float space_above = 0.0f);                                   // a section's title: heading font at about 21 px, wrapped, space_above px below what precedes it
void Banner(const char* text, bool is_error);
void FocusOutline(ImDrawList* draw_list, ImVec2 min, ImVec2 max, float rounding);  // around the last item, while the keyboard has it
void ProgressBar(float fraction, float height, ImU32 color);

// An exercise demonstration in a rectangle: the figure, its band and the floor.
struct DemoParams
{
    core::ExerciseId Exercise;  // which exercise
    core::Side DemoSide;        // side or direction of the set (mirrors the figure)
    float RepPhase;             // [0,1) within one rep
    int RepIndex;               // rep (step) number from 0, for monster walks' feet
    core::Camera View;          // camera
    bool FitPose = false;       // a still picture fitted to this pose alone (thumbnails); else the whole rep's movement
};
void DrawDemo(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const DemoParams& params);

void FormatClock(char* out, int size, long long ms, bool round_up);  // "1:05" (round_up: a countdown)

}  // namespace ui
