// The stick-figure demonstration drawn with ImDrawList: one sampled pose (core/pose.h) into one
// rectangle, from a camera the user can turn. Everything is drawn in the rectangle's own units
// (CSS pixels) with thicknesses scaled to its size, so the same call makes a 96x96 thumbnail or a
// full-screen figure, crisp at any device pixel ratio.
#pragma once

#include "core/pose.h"

#include <imgui.h>

namespace ui {

struct FigureStyle
{
    ImU32 BodyColor;       // trunk, head and the limbs nearer the viewer
    ImU32 BodyFarColor;    // limbs on the far side of the body: drawn first, dimmer
    ImU32 EyeColor;        // the eye on the head's disc, when the face is turned to the viewer
    ImU32 BandSlackColor;  // the band at rest ...
    ImU32 BandTautColor;   // ... under working tension (core::TautStretch) ...
    ImU32 BandFullColor;   // ... and fully stretched (it also gets thinner, as real rubber does)
    ImU32 FloorColor;      // floor line, floor shadow, travel marks, the close-up's border
    ImU32 PostColor;       // the anchor post of the dorsiflexion band
    ImU32 InsetColor;      // the close-up's background
    core::Camera Camera;   // view direction; start from core::DefaultCamera(), turn with core::OrbitCamera()
    float Zoom;            // 1 = the whole movement (or the pose, FitPose) just fits the rectangle
    bool FitPose;          // fit this pose alone (a still picture) instead of the whole rep's movement
    bool ShowInset;        // draw the exercise's close-up (the dorsiflexion ankle) when the rectangle has room
};

FigureStyle FigureStyleLight(const core::Camera& camera);  // colours for a light background
FigureStyle FigureStyleDark(const core::Camera& camera);   // colours for a dark background

// Draws the pose in [min, max], fitted by the core's layout (core/figure_layout.h), with the
// close-up inset where the exercise has one. Clips to the rectangle; draws nothing when it is empty.
void DrawFigure(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const core::PoseSample& pose, const FigureStyle& style);

// DrawFigure at the cursor, plus dragging on it to turn the camera (style->Camera changes).
// Returns true while a drag is turning the view.
bool FigureView(const char* str_id, ImVec2 size, const core::PoseSample& pose, FigureStyle* style);

}  // namespace ui
