// Where things go on each shape of screen. The app lays out in "layout pixels": one CSS pixel on
// phones, more on large windows, where every size (text, buttons, spacing) grows together by the
// display scale, so a desktop window gets the same proportions as a phone rather than a small
// phone layout stretched across it. The page rectangle is the viewport minus the safe-area insets
// (notch, rounded corners, home indicator: read from CSS by web/app.js), so nothing is drawn, and
// nothing can be pressed, under them. Screens ask for their rectangles here (pages, columns, the
// session's blocks per shape) and keep what they draw inside them.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

namespace ui {

// The shape of the safe area, in layout pixels.
enum Shape
{
    Shape_Portrait,   // taller than wide (phones, portrait tablets): one column
    Shape_Landscape,  // wider than tall and short (phones on their side): side by side, controls in a bar
    Shape_Wide,       // wider than tall with room (landscape tablets, laptops, desktops)
};

// Called by main.cpp each frame before Dear ImGui's new frame, with the canvas size in CSS pixels
// and the text size (1 to 2: Settings, else the browser's). Returns the display scale (CSS pixels
// per layout pixel), stepped so fonts are not rebuilt on every resize. A larger text size draws
// everything larger, text and the controls around it together, as the browser's zoom does: every
// layout then works with fewer layout pixels.
float UpdateDisplayScale(float css_width, float css_height, float text_scale);
float DisplayScale();
void ApplyDisplayScale();              // after ImGui_ImplSDL2_NewFrame: display size in layout px
void ScaleInputEventsFrom(int first);  // mouse positions queued from this index: CSS px to layout px

void SetSafeAreaInsets(float top, float right, float bottom, float left);  // CSS px, from web/app.js
ImVec4 SafeAreaInsetsCss();                                                // x top, y right, z bottom, w left (CSS px)
ImRect SafeRect();                                                         // the viewport minus the insets, layout px
Shape CurrentShape();
const char* ShapeKey(Shape shape);  // "portrait", "landscape", "wide"

// The page of a screen: the safe rectangle, at most max_width wide (0: no limit), centred.
ImRect PageRect(float max_width);

// Readable widths for pages of text and lists (layout px).
constexpr float ReadingWidth = 720.0f;       // history, settings, about, finish
constexpr float WideContentWidth = 1280.0f;  // home and exercise pages

// --- The session screen's blocks

struct SessionLayout
{
    Shape PageShape;
    ImRect Status;       // where we are, End, progress, phase and detail: top, its height is what it draws
    ImRect Figure;       // the demonstration
    ImRect Numbers;      // the big rep and time (or the end question)
    ImRect Controls;     // Back, Pause, Skip (and Done), or the end confirmation buttons
    bool ControlsInRow;  // Done shares the row with Back, Pause and Skip (short screens)
};

// The blocks for a page, once the status block is drawn (status_bottom: its lower edge). controls_h
// is the height the controls need in the shape's arrangement (SessionControlsHeight).
SessionLayout LayOutSession(const ImRect& page, Shape shape, float status_bottom, float controls_h);
ImRect SessionStatusArea(const ImRect& page, Shape shape);  // where the status block starts, and its width
bool SessionControlsInRow(Shape shape);                     // Done goes in the controls row
bool SessionFigureShown(const ImRect& page, Shape shape);   // false: a page on its side too short for the figure (it goes)

}  // namespace ui
