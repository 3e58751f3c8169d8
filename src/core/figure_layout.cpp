// Fitting the stick figure into a panel and laying out its strokes in pixels (see figure_layout.h).
#include "core/figure_layout.h"

#include <cmath>

namespace core {

// --- [SECTION] Small helpers -----------------------------------------------------------------------

static Vec3 Sub(const Vec3& a, const Vec3& b) { return { a.x - b.x, a.y - b.y, a.z - b.z }; }
static Vec3 AddScaled(const Vec3& a, const Vec3& b, float s) { return { a.x + b.x * s, a.y + b.y * s, a.z + b.z * s }; }
static float Dot(const Vec3& a, const Vec3& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static Vec3 Cross(const Vec3& a, const Vec3& b) { return { a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x }; }

static Vec3 Normalized(const Vec3& v, const Vec3& fallback)
{
    float length = std::sqrt(Dot(v, v));
    return length > 1e-6f ? Vec3{ v.x / length, v.y / length, v.z / length } : fallback;
}

constexpr int RepSamples = 24;        // poses sampled per rep to find the movement's extent
constexpr float NoseLength = 0.05f;   // metres the nose sticks out of the head
constexpr float FocusMargin = 0.05f;  // metres around the close-up's subject

static void Grow(ViewBox* box, float x, float y, float radius)
{
    box->MinX = std::fmin(box->MinX, x - radius);
    box->MaxX = std::fmax(box->MaxX, x + radius);
    box->MinY = std::fmin(box->MinY, y - radius);
    box->MaxY = std::fmax(box->MaxY, y + radius);
}

static ViewBox EmptyBox() { return { 1e9f, 1e9f, -1e9f, -1e9f }; }

static bool IsEmpty(const ViewBox& box) { return !(box.MaxX >= box.MinX && box.MaxY >= box.MinY); }

static void Unite(ViewBox* box, const ViewBox& other)
{
    box->MinX = std::fmin(box->MinX, other.MinX);
    box->MinY = std::fmin(box->MinY, other.MinY);
    box->MaxX = std::fmax(box->MaxX, other.MaxX);
    box->MaxY = std::fmax(box->MaxY, other.MaxY);
}

// --- [SECTION] Facing and heels ----------------------------------------------------------------------

Vec3 FaceDirection(const PoseSample& pose)
{
    // The head turns with the chest (left to right is the shoulder line) and bends about that
    // line; the face looks square to both.
    Vec3 across = Sub(pose.Joints[Joint_ShoulderL], pose.Joints[Joint_ShoulderR]);
    Vec3 up = Sub(pose.Joints[Joint_Head], pose.Joints[Joint_Neck]);
    return Normalized(Cross(across, up), { 0.0f, 0.0f, 1.0f });
}

Vec3 HeelPoint(const PoseSample& pose, int side)
{
    const Vec3& knee = pose.Joints[side == 0 ? Joint_KneeL : Joint_KneeR];
    const Vec3& ankle = pose.Joints[side == 0 ? Joint_AnkleL : Joint_AnkleR];
    const Vec3& toe = pose.Joints[side == 0 ? Joint_ToeL : Joint_ToeR];
    Vec3 forward = Normalized(Sub(toe, ankle), { 0.0f, 0.0f, 1.0f });
    Vec3 down = Normalized(Sub(ankle, knee), { 0.0f, -1.0f, 0.0f });
    Vec3 sole = Normalized(AddScaled(down, forward, -Dot(down, forward)), { 0.0f, -1.0f, 0.0f });  // towards the sole, square to the foot
    return AddScaled(AddScaled(ankle, sole, 0.045f), forward, -0.05f);
}

// --- [SECTION] Boxes ---------------------------------------------------------------------------------

ViewBox PoseViewBox(const PoseSample& pose, const Camera& camera)
{
    ViewBox box = EmptyBox();
    auto add = [&](const Vec3& point, float radius) {
        ViewPoint p = ProjectPoint(point, pose.ViewCentre, camera);
        Grow(&box, p.X, p.Y, radius);
    };
    for (int i = 0; i < Joint_COUNT; i++)
        add(pose.Joints[i], i == Joint_Head ? HeadRadius : 0.0f);
    add(AddScaled(pose.Joints[Joint_Head], FaceDirection(pose), HeadRadius + NoseLength), 0.0f);
    for (int side = 0; side < 2; side++)
        add(HeelPoint(pose, side), 0.0f);
    add(pose.Strap.A, 0.0f);
    add(pose.Strap.B, 0.0f);
    if (pose.Strap.Kind == BandKind_Anchored)
        add(pose.Strap.PostBase, 0.0f);
    return box;
}

// The rep's samples: RepSamples phases, and two steps for a walk (each foot leads once).
template <typename Visit>
static void ForEachRepPose(ExerciseId exercise, Side side, Visit visit)
{
    bool walk = GetExercise(exercise).Style == SetStyle::Directions;
    for (int rep = 0; rep < (walk ? 2 : 1); rep++)
        for (int i = 0; i < RepSamples; i++)
            visit(SamplePose(exercise, side, (float)i / (float)RepSamples, rep));
}

ViewBox MovementViewBox(ExerciseId exercise, Side side, const Camera& camera)
{
    ViewBox box = EmptyBox();
    ForEachRepPose(exercise, side, [&](const PoseSample& pose) { Unite(&box, PoseViewBox(pose, camera)); });
    return box;
}

bool FocusViewBox(ExerciseId exercise, Side side, const Camera& camera, ViewBox* box)
{
    if (exercise != ExerciseId::Dorsiflexion)
        return false;
    ViewBox focus = EmptyBox();
    ForEachRepPose(exercise, side, [&](const PoseSample& pose) {
        // The worked foot carries the band (its end B); the close-up shows that foot, the lower
        // shin above it and the band leaving it towards the post.
        int worked = Distance(pose.Strap.B, pose.Joints[Joint_ToeL]) < Distance(pose.Strap.B, pose.Joints[Joint_ToeR]) ? 0 : 1;
        const Vec3& knee = pose.Joints[worked == 0 ? Joint_KneeL : Joint_KneeR];
        const Vec3& ankle = pose.Joints[worked == 0 ? Joint_AnkleL : Joint_AnkleR];
        const Vec3 points[] = {
            ankle,
            pose.Joints[worked == 0 ? Joint_ToeL : Joint_ToeR],
            HeelPoint(pose, worked),
            AddScaled(ankle, Sub(knee, ankle), 0.25f),
            pose.Strap.B,
            AddScaled(pose.Strap.B, Sub(pose.Strap.A, pose.Strap.B), 0.3f),
        };
        for (const Vec3& point : points)
        {
            ViewPoint p = ProjectPoint(point, pose.ViewCentre, camera);
            Grow(&focus, p.X, p.Y, FocusMargin);
        }
    });
    *box = focus;
    return true;
}

FigureFit FitViewBox(const ViewBox& box, const PanelRect& panel, float zoom, float margin)
{
    FigureFit fit = { 1.0f, { 0.5f * (panel.MinX + panel.MaxX), 0.5f * (panel.MinY + panel.MaxY) } };
    if (IsEmpty(box))
        return fit;
    float width = std::fmax(1.0f, panel.MaxX - panel.MinX - 2.0f * margin);
    float height = std::fmax(1.0f, panel.MaxY - panel.MinY - 2.0f * margin);
    float box_w = std::fmax(0.05f, box.MaxX - box.MinX), box_h = std::fmax(0.05f, box.MaxY - box.MinY);
    fit.Scale = std::fmin(width / box_w, height / box_h) * (zoom > 0.0f ? zoom : 1.0f);
    // The box's centre goes to the panel's centre; the view centre sits where that puts it.
    float centre_x = 0.5f * (box.MinX + box.MaxX), centre_y = 0.5f * (box.MinY + box.MaxY);
    fit.Origin.X -= centre_x * fit.Scale;
    fit.Origin.Y += centre_y * fit.Scale;
    return fit;
}

bool InsetRect(const PanelRect& panel, const FigureFit& fit, const ViewBox& focus, PanelRect* inset)
{
    const float width = panel.MaxX - panel.MinX, height = panel.MaxY - panel.MinY;
    if (IsEmpty(focus) || width < 200.0f || height < 150.0f)
        return false;
    const float pad = 6.0f;
    const float w = std::floor(0.5f * width), h = std::floor(0.56f * height);
    const float subject_x = fit.Origin.X + 0.5f * (focus.MinX + focus.MaxX) * fit.Scale;
    const bool right = subject_x > 0.5f * (panel.MinX + panel.MaxX);
    inset->MinX = right ? panel.MaxX - pad - w : panel.MinX + pad;
    inset->MaxX = inset->MinX + w;
    inset->MinY = panel.MinY + pad;
    inset->MaxY = inset->MinY + h;
    return true;
}

float LimbWidth(float scale) { return std::fmax(2.5f, 0.06f * scale); }

// --- [SECTION] Layout --------------------------------------------------------------------------------

FigureDrawing LayoutFigure(const PoseSample& pose, const Camera& camera, const FigureFit& fit)
{
    FigureDrawing d = {};
    d.Scale = fit.Scale;
    d.Origin = fit.Origin;
    d.Limb = LimbWidth(fit.Scale);
    auto place = [&](const Vec3& point, Point2* at, float* depth) {
        ViewPoint p = ProjectPoint(point, pose.ViewCentre, camera);
        *at = { fit.Origin.X + p.X * fit.Scale, fit.Origin.Y - p.Y * fit.Scale };
        if (depth != nullptr)
            *depth = p.Depth;
    };
    for (int i = 0; i < Joint_COUNT; i++)
        place(pose.Joints[i], &d.Joints[i], &d.JointDepth[i]);
    for (int side = 0; side < 2; side++)
        place(HeelPoint(pose, side), &d.Heels[side], &d.HeelDepth[side]);

    // The head: a disc; the nose sticks out of it where the face looks; an eye when the face is
    // turned towards the viewer (from behind only the nose's tip shows past the disc, if at all).
    d.HeadRadius = HeadRadius * fit.Scale;
    const Vec3& head = pose.Joints[Joint_Head];
    Vec3 face = FaceDirection(pose);
    place(AddScaled(head, face, HeadRadius + NoseLength), &d.NoseTip, &d.NoseDepth);
    place(AddScaled(head, face, 0.5f * HeadRadius), &d.NoseBase, nullptr);
    ViewPoint towards = ProjectPoint(AddScaled(pose.ViewCentre, face, 1.0f), pose.ViewCentre, camera);
    d.FaceTowardViewer = towards.Depth > 0.2f;
    Vec3 head_up = Normalized(Sub(head, pose.Joints[Joint_Neck]), { 0.0f, 1.0f, 0.0f });
    place(AddScaled(AddScaled(head, face, 0.5f * HeadRadius), head_up, 0.3f * HeadRadius), &d.Eye, nullptr);

    place(pose.Strap.A, &d.BandA, &d.BandADepth);
    place(pose.Strap.B, &d.BandB, &d.BandBDepth);
    place(pose.Strap.PostBase, &d.PostBase, &d.PostBaseDepth);
    place({ pose.ViewCentre.x, 0.0f, pose.ViewCentre.z }, &d.FloorCentre, nullptr);
    return d;
}

PanelRect DrawingBounds(const FigureDrawing& d, BandKind band_kind)
{
    PanelRect r = { 1e9f, 1e9f, -1e9f, -1e9f };
    auto add = [&](const Point2& p, float radius) {
        r.MinX = std::fmin(r.MinX, p.X - radius);
        r.MaxX = std::fmax(r.MaxX, p.X + radius);
        r.MinY = std::fmin(r.MinY, p.Y - radius);
        r.MaxY = std::fmax(r.MaxY, p.Y + radius);
    };
    for (int i = 0; i < Joint_COUNT; i++)
        add(d.Joints[i], i == Joint_Head ? d.HeadRadius : 0.0f);
    add(d.Heels[0], 0.0f);
    add(d.Heels[1], 0.0f);
    add(d.NoseTip, 0.0f);
    add(d.BandA, 0.0f);
    add(d.BandB, 0.0f);
    if (band_kind == BandKind_Anchored)
        add(d.PostBase, 0.0f);
    return r;
}

}  // namespace core
