// The stick figure as it lands on the screen: which part of the view a panel shows, how large,
// and where every stroke of the drawing goes, in panel pixels. ui/figure_view.cpp only strokes
// what this computes, so the native tests can measure the very drawing the app shows (no bone
// shrunk to a stub, the figure filling its panel, the band behind the head) without a browser.
//
// Two fits: the whole movement (the scale holds still through the rep, as the figure moves), or
// one pose (a still thumbnail, drawn as large as it fits). Exercises whose point is small next to
// the body (the ankle in dorsiflexion) also have a focus box for a close-up inset.
#pragma once

#include "core/pose.h"

namespace core {

struct Point2
{
    float X, Y;  // panel pixels, y down
};

struct ViewBox
{
    float MinX, MinY, MaxX, MaxY;  // view metres around the view centre (ViewPoint: y up)
};

struct PanelRect
{
    float MinX, MinY, MaxX, MaxY;  // pixels, y down
};

// Everything the drawing of this pose covers (joints, heels, the head with its nose, the band,
// the anchor post), seen by the camera.
ViewBox PoseViewBox(const PoseSample& pose, const Camera& camera);

// The union of PoseViewBox over one rep (two steps of a walk), relative to the view centre: a
// frame fitted to it holds the whole movement without changing scale.
ViewBox MovementViewBox(ExerciseId exercise, Side side, const Camera& camera);

// The close-up worth an inset, if the exercise has one (dorsiflexion: the worked ankle and foot
// and the band on it, over the whole rep). False when the whole figure already shows the movement.
bool FocusViewBox(ExerciseId exercise, Side side, const Camera& camera, ViewBox* box);

struct FigureFit
{
    float Scale;    // pixels per metre
    Point2 Origin;  // where the view centre lands in the panel
};

// The largest scale that keeps box inside panel (less margin pixels on each side), times zoom,
// the box centred in the panel.
FigureFit FitViewBox(const ViewBox& box, const PanelRect& panel, float zoom = 1.0f, float margin = 4.0f);

// Where the close-up goes: the panel's top corner on the side of its subject (in dorsiflexion the
// feet, low at one end, leave that corner empty), about half the panel each way. False when the
// panel is too small for a close-up to add anything (a thumbnail).
bool InsetRect(const PanelRect& panel, const FigureFit& fit, const ViewBox& focus, PanelRect* inset);

// Limb thickness in pixels at a scale: bold enough to read on a thumbnail.
float LimbWidth(float scale);

// The drawing of one pose, in panel pixels. Depth: larger is nearer the viewer (metres).
struct FigureDrawing
{
    Point2 Joints[Joint_COUNT];
    float JointDepth[Joint_COUNT];
    Point2 Heels[2];  // [0] left, [1] right: behind the ankle, under it (drawn, not a joint)
    float HeelDepth[2];
    float HeadRadius;  // pixels
    Point2 NoseTip;    // the nose sticks out of the head towards where the face looks ...
    Point2 NoseBase;   // ... from here (inside the head's disc)
    float NoseDepth;
    bool FaceTowardViewer;  // the face is turned to the viewer: an eye is drawn ...
    Point2 Eye;             // ... here, on the head's disc
    Point2 BandA, BandB, PostBase;
    float BandADepth, BandBDepth, PostBaseDepth;
    Point2 FloorCentre;  // the floor under the view centre
    Point2 Origin;       // the view centre (see FigureFit)
    float Scale;         // pixels per metre
    float Limb;          // limb thickness, pixels
};

FigureDrawing LayoutFigure(const PoseSample& pose, const Camera& camera, const FigureFit& fit);

// The bounding box of everything in a drawing (joints, heels, head disc and nose, band, post),
// pixels, before clipping: what the tests hold against the panel.
PanelRect DrawingBounds(const FigureDrawing& drawing, BandKind band_kind);

// Where the face looks: unit vector out of the front of the head.
Vec3 FaceDirection(const PoseSample& pose);

// The heel point of one foot (side 0 left, 1 right): behind the ankle and towards the sole, fixed
// to the foot so it turns with it.
Vec3 HeelPoint(const PoseSample& pose, int side);

}  // namespace core
