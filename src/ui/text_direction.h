// Right-to-left screens and right-to-left words, done on the frame's draw data (Dear ImGui lays
// everything out left to right and has no bidi).
//
// An Arabic screen is laid out as usual and then mirrored, just before it is drawn, around its
// vertical centre line: Back and the primary actions go to the right, bars fill from the right,
// text is right-aligned, and Arabic (kept in reading order, already shaped) reads right to left.
// Glyph images are not mirrored, numbers and Latin words keep their own order (core::PlaceLine), and
// the exercise figures are moved, not mirrored: they show a body, not reading order. Pointer input
// is mirrored the other way (ui/layout.cpp), and the automation interface and the accessible layer
// report rectangles where they are on screen (ScreenRect).
//
// On a left-to-right screen only runs of right-to-left glyphs turn around (an Arabic name in the
// list of languages). The draw data is put back after drawing, so the automation interface reads
// the frame as it was laid out.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <vector>

namespace ui {

bool MirroredScreen();                    // the active language is written right to left
ImRect ScreenRect(const ImRect& layout);  // where a rectangle laid out by the UI is on screen (layout px)
float ScreenX(float layout_x);            // the same for one x
void IndexGlyphs();                       // after the font atlas is built: which glyph each atlas place holds
// The vertices [first, end) of list (a figure in its panel, min_x to max_x) move with the panel and
// are never mirrored.
void KeepUpright(ImDrawList* list, int first_vertex, int end_vertex, float min_x, float max_x);
void ApplyTextDirection(ImDrawData* draw_data);    // before drawing
void RestoreTextDirection(ImDrawData* draw_data);  // after drawing: the draw data as laid out
// Where each vertex of the draw data is drawn (x, in list order), for the automation interface's
// texts(); empty when nothing moves (a left-to-right screen without right-to-left glyphs).
void PlacedVertexX(ImDrawData* draw_data, std::vector<float>* out);

}  // namespace ui
