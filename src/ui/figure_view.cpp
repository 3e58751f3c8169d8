// Drawing the stick figure: the core lays it out in pixels (core/figure_layout.h: the fit, every
// joint, the heels, the head's nose and eye, the band); here the pieces are sorted far to near and
// stroked as round-capped anti-aliased lines. Far-side limbs are dimmer so the left and right can be
// told apart in a flat drawing; the band's colour and width follow its stretch.
#include "ui/figure_view.h"

#include "core/figure_layout.h"
#include "ui/text_direction.h"

#include <cmath>

namespace ui {

// --- [SECTION] Styles ----------------------------------------------------------------------------

// What both themes share: the view, unzoomed, with the inset.
static FigureStyle BaseStyle(const core::Camera& camera)
{
    FigureStyle style;
    style.Camera = camera;
    style.Zoom = 1.0f;
    style.FitPose = false;
    style.ShowInset = true;
    return style;
}

FigureStyle FigureStyleLight(const core::Camera& camera)
{
    FigureStyle style = BaseStyle(camera);
    style.BodyColor = IM_COL32(38, 50, 72, 255);
    style.BodyFarColor = IM_COL32(132, 142, 160, 255);
    style.EyeColor = IM_COL32(255, 255, 255, 255);
    // Band: orange easing to raspberry, vivid all the way (a green-to-orange blend passes through
    // brown), both far from the navy body and clear on white; deeper still when fully stretched.
    style.BandSlackColor = IM_COL32(240, 112, 20, 255);
    style.BandTautColor = IM_COL32(214, 24, 86, 255);
    style.BandFullColor = IM_COL32(168, 8, 72, 255);
    style.FloorColor = IM_COL32(38, 50, 72, 60);
    style.PostColor = IM_COL32(112, 120, 132, 255);
    style.InsetColor = IM_COL32(0xF4, 0xF4, 0xF1, 255);
    return style;
}

FigureStyle FigureStyleDark(const core::Camera& camera)
{
    FigureStyle style = BaseStyle(camera);
    style.BodyColor = IM_COL32(232, 236, 244, 255);
    style.BodyFarColor = IM_COL32(128, 136, 152, 255);
    style.EyeColor = IM_COL32(0x1E, 0x22, 0x21, 255);
    style.BandSlackColor = IM_COL32(255, 158, 48, 255);
    style.BandTautColor = IM_COL32(255, 72, 128, 255);
    style.BandFullColor = IM_COL32(255, 28, 96, 255);
    style.FloorColor = IM_COL32(232, 236, 244, 56);
    style.PostColor = IM_COL32(150, 158, 170, 255);
    style.InsetColor = IM_COL32(0x12, 0x14, 0x13, 255);
    return style;
}

// --- [SECTION] Helpers -----------------------------------------------------------------------------

static ImU32 LerpColor(ImU32 a, ImU32 b, float t)
{
    ImU32 result = 0;
    for (int shift = 0; shift < 32; shift += 8)
    {
        float ca = (float)((a >> shift) & 0xFF), cb = (float)((b >> shift) & 0xFF);
        result |= (ImU32)(ca + (cb - ca) * t + 0.5f) << shift;
    }
    return result;
}

static float Length(ImVec2 v) { return std::sqrt(v.x * v.x + v.y * v.y); }

static ImVec2 ToImVec2(const core::Point2& p) { return { p.X, p.Y }; }

// A piece to draw, kept for the far-to-near sort.
struct DrawItem
{
    ImVec2 A, B;      // ends (a disc when IsDisc: centre A, radius Thickness / 2)
    float Depth;      // larger is nearer the viewer
    float Thickness;  // pixels
    ImU32 Color;
    bool IsDisc;
};

constexpr int MaxDrawItems = 96;

// Pixels kept clear around the figure: room for half a limb's width and the round caps.
static float FigureMargin(const core::PanelRect& panel)
{
    return std::fmax(3.0f, 0.03f * std::fmin(panel.MaxX - panel.MinX, panel.MaxY - panel.MinY));
}
constexpr float FootWidth = 1.2f;  // feet a little bolder than the limbs: their angle is the point of some exercises

struct DrawList
{
    DrawItem Items[MaxDrawItems];
    int Count = 0;

    void Add(const DrawItem& item)
    {
        if (Count < MaxDrawItems)
            Items[Count++] = item;
    }
};

static void StrokeSegment(ImDrawList* draw_list, ImVec2 a, ImVec2 b, ImU32 color, float thickness)
{
    // PathStroke draws exactly between the points (AddLine shifts by half a pixel), so the round
    // caps sit right on the ends.
    draw_list->PathLineTo(a);
    draw_list->PathLineTo(b);
    draw_list->PathStroke(color, 0, thickness);
    draw_list->AddCircleFilled(a, thickness * 0.5f, color);
    draw_list->AddCircleFilled(b, thickness * 0.5f, color);
}

// --- [SECTION] Drawing -----------------------------------------------------------------------------

// The band's colour: slack orange warming to the taut colour as tension builds, then deepening as
// the band stretches further. Under working tension (core::TautStretch) it is always the taut family.
static ImU32 BandColor(const FigureStyle& style, float stretch)
{
    if (stretch < core::TautStretch)
        return LerpColor(style.BandSlackColor, style.BandTautColor, stretch / core::TautStretch);
    return LerpColor(style.BandTautColor, style.BandFullColor, (stretch - core::TautStretch) / (1.0f - core::TautStretch));
}

// The floor: a soft shadow under the body (its footprint on the floor, seen at the camera's pitch),
// the floor line through it, and for walks, marks fixed to the floor that slide by as the figure
// travels.
static void DrawFloor(ImDrawList* draw_list, const core::PoseSample& pose, const FigureStyle& style, const core::FigureDrawing& d)
{
    const float scale = d.Scale;
    auto to_screen = [&](const core::Vec3& p) {
        core::ViewPoint v = core::ProjectPoint(p, pose.ViewCentre, style.Camera);
        return ImVec2(d.Origin.X + v.X * scale, d.Origin.Y - v.Y * scale);
    };
    float min_x = pose.Joints[0].x, max_x = min_x, min_z = pose.Joints[0].z, max_z = min_z;
    for (const core::Vec3& joint : pose.Joints)
    {
        min_x = std::fmin(min_x, joint.x), max_x = std::fmax(max_x, joint.x);
        min_z = std::fmin(min_z, joint.z), max_z = std::fmax(max_z, joint.z);
    }
    const float reach_x = 0.5f * (max_x - min_x) + 0.1f, reach_z = 0.5f * (max_z - min_z) + 0.1f;
    const ImVec2 floor = to_screen({ 0.5f * (min_x + max_x), 0.0f, 0.5f * (min_z + max_z) });
    const core::Vec3 origin = { 0.0f, 0.0f, 0.0f };
    const core::ViewPoint ax = core::ProjectPoint({ reach_x, 0.0f, 0.0f }, origin, style.Camera);
    const core::ViewPoint az = core::ProjectPoint({ 0.0f, 0.0f, reach_z }, origin, style.Camera);
    const float radius = std::sqrt(ax.X * ax.X + az.X * az.X) * scale;  // half the shadow's screen width
    const float squash = std::sqrt(ax.Y * ax.Y + az.Y * az.Y) * scale;
    const float line = std::fmax(1.0f, 0.25f * d.Limb);
    if (squash > 1.0f)
    {
        const int segments = 40;
        for (int i = 0; i < segments; i++)
        {
            float angle = 6.2831853f * (float)i / (float)segments, c = std::cos(angle), s = std::sin(angle);
            draw_list->PathLineTo({ floor.x + (ax.X * c + az.X * s) * scale, floor.y - (ax.Y * c + az.Y * s) * scale });
        }
        draw_list->PathFillConvex(LerpColor(style.FloorColor & ~IM_COL32_A_MASK, style.FloorColor, 0.5f));
    }
    draw_list->PathLineTo({ floor.x - radius, floor.y });
    draw_list->PathLineTo({ floor.x + radius, floor.y });
    draw_list->PathStroke(style.FloorColor, 0, line);
    const core::Vec3& extent = pose.ViewHalfExtent;
    const bool boxed = extent.x > 0.0f && extent.z > 0.0f;
    if (pose.FloorTickSpacing > 0.0f)
    {
        const float spacing = pose.FloorTickSpacing;
        const float first = std::floor(pose.ViewCentre.z / spacing) * spacing;
        for (int k = -5; k <= 5; k++)
        {
            float z = first + (float)k * spacing;
            if (std::fabs(z - pose.ViewCentre.z) > (boxed ? extent.z + 0.12f : 0.8f * pose.ViewRadius))
                continue;
            draw_list->PathLineTo(to_screen({ pose.ViewCentre.x - 0.45f, 0.0f, z }));
            draw_list->PathLineTo(to_screen({ pose.ViewCentre.x + 0.45f, 0.0f, z }));
            draw_list->PathStroke(style.FloorColor, 0, line);
        }
    }
}

// The figure and its band, laid out by the core, sorted far to near and stroked.
// The bones and feet, the far side of the body dimmed (judged separately for arms and legs).
static void AddLimbs(DrawList& items, const FigureStyle& style, const core::FigureDrawing& d)
{
    const float limb = d.Limb;
    auto far_side = [&](core::Joint left, core::Joint right) {
        float difference = d.JointDepth[left] - d.JointDepth[right];
        if (std::fabs(difference) < 0.03f)
            return core::BodySide_Centre;  // square on to the viewer: both sides look the same
        return difference < 0.0f ? core::BodySide_Left : core::BodySide_Right;
    };
    const core::BodySide far_arms = far_side(core::Joint_ShoulderL, core::Joint_ShoulderR);
    const core::BodySide far_legs = far_side(core::Joint_HipL, core::Joint_HipR);

    for (const core::Bone& bone : core::Bones)
    {
        if (bone.To == core::Joint_Head)
            continue;  // the head is a disc, drawn below
        bool is_leg = bone.From >= core::Joint_HipL || bone.From == core::Joint_Pelvis;
        bool is_far = bone.Side != core::BodySide_Centre && bone.Side == (is_leg ? far_legs : far_arms);
        float depth = 0.5f * (d.JointDepth[bone.From] + d.JointDepth[bone.To]);
        bool is_foot = bone.To == core::Joint_ToeL || bone.To == core::Joint_ToeR;
        float thickness = bone.From == core::Joint_Pelvis && bone.To == core::Joint_Chest ? limb * 1.5f : (is_foot ? limb * FootWidth : limb);
        // Far limbs always go first: a small bias keeps them behind the trunk where they touch it.
        items.Add({ ToImVec2(d.Joints[bone.From]), ToImVec2(d.Joints[bone.To]), depth - (is_far ? 0.15f : 0.0f), thickness,
                    is_far ? style.BodyFarColor : style.BodyColor, false });
    }
    for (int side = 0; side < 2; side++)
    {
        core::Joint ankle = side == 0 ? core::Joint_AnkleL : core::Joint_AnkleR;
        core::Joint toe = side == 0 ? core::Joint_ToeL : core::Joint_ToeR;
        bool is_far = far_legs == (side == 0 ? core::BodySide_Left : core::BodySide_Right);
        float depth = 0.5f * (d.JointDepth[ankle] + d.JointDepth[toe]) - (is_far ? 0.15f : 0.0f);
        ImU32 color = is_far ? style.BodyFarColor : style.BodyColor;
        items.Add({ ToImVec2(d.Joints[ankle]), ToImVec2(d.Heels[side]), depth, limb * FootWidth, color, false });
        items.Add({ ToImVec2(d.Heels[side]), ToImVec2(d.Joints[toe]), depth, limb * FootWidth, color, false });
    }
}

// The head: a disc, the nose out of it where the face looks (behind the disc when the face is
// turned away, so only its tip can show), and an eye when the face is turned to the viewer.
static void AddHead(DrawList& items, const FigureStyle& style, const core::FigureDrawing& d)
{
    const float limb = d.Limb;
    const float head_depth = d.JointDepth[core::Joint_Head];
    const float head_diameter = std::fmax(5.0f, 2.0f * d.HeadRadius);
    items.Add({ ToImVec2(d.Joints[core::Joint_Head]), ToImVec2(d.Joints[core::Joint_Head]), head_depth, head_diameter, style.BodyColor, true });
    items.Add({ ToImVec2(d.NoseBase), ToImVec2(d.NoseTip), d.NoseDepth > head_depth ? head_depth + 0.001f : head_depth - 0.001f,
                std::fmax(2.0f, 0.8f * limb), style.BodyColor, false });
    if (d.FaceTowardViewer)
        items.Add({ ToImVec2(d.Eye), ToImVec2(d.Eye), head_depth + 0.002f, std::fmax(2.0f, 0.22f * head_diameter), style.EyeColor, true });
}

// The band: its colour says how taut it is, and it gets thinner as it stretches.
static void AddBand(DrawList& items, const core::PoseSample& pose, const FigureStyle& style, const core::FigureDrawing& d)
{
    const float limb = d.Limb;
    const core::Band& band = pose.Strap;
    const float stretch = band.Stretch < 0.0f ? 0.0f : (band.Stretch > 1.0f ? 1.0f : band.Stretch);
    const ImU32 band_color = BandColor(style, stretch);
    const float band_thickness = std::fmax(2.0f, limb * (0.85f - 0.3f * stretch));
    const ImVec2 band_a = ToImVec2(d.BandA), band_b = ToImVec2(d.BandB);
    const float depth_a = d.BandADepth, depth_b = d.BandBDepth;
    if (band.Kind == core::BandKind_Anchored)
        items.Add({ ToImVec2(d.PostBase), band_a, 0.5f * (d.PostBaseDepth + depth_a), limb * 1.3f, style.PostColor, false });
    if (band.Kind == core::BandKind_Strap)
    {
        const int pieces = 8;
        for (int i = 0; i < pieces; i++)
        {
            float t0 = (float)i / pieces, t1 = (float)(i + 1) / pieces;
            ImVec2 a = { band_a.x + (band_b.x - band_a.x) * t0, band_a.y + (band_b.y - band_a.y) * t0 };
            ImVec2 b = { band_a.x + (band_b.x - band_a.x) * t1, band_a.y + (band_b.y - band_a.y) * t1 };
            items.Add({ a, b, depth_a + (depth_b - depth_a) * 0.5f * (t0 + t1), band_thickness, band_color, false });
        }
    }
    else
    {
        // A loop around two limbs (or the post and the foot): two strands and a round end at
        // each attachment, wide enough to wrap the limb.
        float radius_a = band.Kind == core::BandKind_Anchored ? band_thickness * 0.5f : limb * 0.9f;
        // The anchored band narrows onto the top of the foot and passes under it in the drawing,
        // so the foot's angle is never hidden by the band.
        float radius_b = band.Kind == core::BandKind_Anchored ? limb * 0.4f : limb * 0.9f;
        float depth_bias = band.Kind == core::BandKind_Anchored ? -0.04f : 0.01f;
        ImVec2 along = { band_b.x - band_a.x, band_b.y - band_a.y };
        float length = Length(along);
        along = length > 1e-3f ? ImVec2(along.x / length, along.y / length) : ImVec2(1.0f, 0.0f);
        float base_angle = std::atan2(along.y, along.x);
        const int arc_points = 7;
        ImVec2 outline[2 * arc_points];
        float outline_t[2 * arc_points];  // 0 at A .. 1 at B, for the depth
        for (int i = 0; i < arc_points; i++)
        {
            float angle = base_angle + 1.5707963f + 3.14159265f * (float)i / (arc_points - 1);  // around the far side of A
            outline[i] = { band_a.x + radius_a * std::cos(angle), band_a.y + radius_a * std::sin(angle) };
            outline_t[i] = 0.0f;
            angle += 3.14159265f;  // and around the far side of B
            outline[arc_points + i] = { band_b.x + radius_b * std::cos(angle), band_b.y + radius_b * std::sin(angle) };
            outline_t[arc_points + i] = 1.0f;
        }
        for (int i = 0; i < 2 * arc_points; i++)
        {
            int next = (i + 1) % (2 * arc_points);
            float t = 0.5f * (outline_t[i] + outline_t[next]);
            items.Add({ outline[i], outline[next], depth_a + (depth_b - depth_a) * t + depth_bias, band_thickness, band_color, false });
        }
    }
}

// Far to near (insertion sort: a few dozen items, already nearly ordered frame to frame).
static void DrawFarToNear(ImDrawList* draw_list, DrawList& items)
{
    for (int i = 1; i < items.Count; i++)
    {
        DrawItem item = items.Items[i];
        int j = i - 1;
        while (j >= 0 && items.Items[j].Depth > item.Depth)
        {
            items.Items[j + 1] = items.Items[j];
            j--;
        }
        items.Items[j + 1] = item;
    }
    for (int i = 0; i < items.Count; i++)
    {
        const DrawItem& item = items.Items[i];
        if (item.IsDisc)
            draw_list->AddCircleFilled(item.A, item.Thickness * 0.5f, item.Color);
        else
            StrokeSegment(draw_list, item.A, item.B, item.Color, item.Thickness);
    }
}

static void DrawBody(ImDrawList* draw_list, const core::PoseSample& pose, const FigureStyle& style, const core::FigureDrawing& d)
{
    DrawList items;
    AddLimbs(items, style, d);
    AddHead(items, style, d);
    AddBand(items, pose, style, d);
    DrawFarToNear(draw_list, items);
}

// The movement's box and the close-up's box cost a rep's worth of poses each, and change only with
// the exercise, the side and the camera: a few are kept, so a frame during a set costs one pose.
struct FrameBoxes
{
    core::ExerciseId Exercise;
    core::Side PoseSide;
    core::Camera Camera;
    core::ViewBox Movement;  // core::MovementViewBox
    bool HasFocus;           // core::FocusViewBox returned true ...
    core::ViewBox Focus;     // ... with this box
};

static const FrameBoxes& CachedBoxes(const core::PoseSample& pose, const core::Camera& camera)
{
    static FrameBoxes cache[6];
    static int count = 0, next = 0;
    for (int i = 0; i < count; i++)
    {
        const FrameBoxes& c = cache[i];
        if (c.Exercise == pose.Exercise && c.PoseSide == pose.PoseSide && c.Camera.YawDeg == camera.YawDeg && c.Camera.PitchDeg == camera.PitchDeg)
            return c;
    }
    FrameBoxes& entry = cache[next];
    next = (next + 1) % IM_ARRAYSIZE(cache);
    count = count < IM_ARRAYSIZE(cache) ? count + 1 : count;
    entry.Exercise = pose.Exercise;
    entry.PoseSide = pose.PoseSide;
    entry.Camera = camera;
    entry.Movement = core::MovementViewBox(pose.Exercise, pose.PoseSide, camera);
    entry.HasFocus = core::FocusViewBox(pose.Exercise, pose.PoseSide, camera, &entry.Focus);
    return entry;
}

void DrawFigure(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const core::PoseSample& pose, const FigureStyle& style)
{
    if (max.x - min.x < 4.0f || max.y - min.y < 4.0f)
        return;
    const core::PanelRect panel = { min.x, min.y, max.x, max.y };
    const FrameBoxes& boxes = CachedBoxes(pose, style.Camera);
    const core::ViewBox box = style.FitPose ? core::PoseViewBox(pose, style.Camera) : boxes.Movement;
    const core::FigureFit fit = core::FitViewBox(box, panel, style.Zoom, FigureMargin(panel));
    const core::FigureDrawing drawing = core::LayoutFigure(pose, style.Camera, fit);

    const int first_vertex = draw_list->VtxBuffer.Size;
    draw_list->PushClipRect(min, max, true);
    DrawFloor(draw_list, pose, style, drawing);
    DrawBody(draw_list, pose, style, drawing);

    // The close-up (dorsiflexion's ankle): the same pose, framed on its subject, in a corner.
    const core::ViewBox& focus = boxes.Focus;
    core::PanelRect inset;
    if (style.ShowInset && boxes.HasFocus && core::InsetRect(panel, fit, focus, &inset))
    {
        const ImVec2 inset_min(inset.MinX, inset.MinY), inset_max(inset.MaxX, inset.MaxY);
        const float rounding = 10.0f;
        draw_list->AddRectFilled(inset_min, inset_max, style.InsetColor, rounding);
        draw_list->AddRect(inset_min, inset_max, style.FloorColor, rounding, 0, 1.5f);
        core::FigureDrawing close_up = core::LayoutFigure(pose, style.Camera, core::FitViewBox(focus, inset, 1.0f, 4.0f));
        close_up.Limb = std::fmax(drawing.Limb, 0.045f * close_up.Scale);  // a little finer than full scale: the foot's angle stays sharp
        draw_list->PushClipRect(inset_min, inset_max, true);
        DrawBody(draw_list, pose, style, close_up);
        draw_list->PopClipRect();
    }
    draw_list->PopClipRect();
    KeepUpright(draw_list, first_vertex, draw_list->VtxBuffer.Size, min.x, max.x);  // a body, not reading order
}

bool FigureView(const char* str_id, ImVec2 size, const core::PoseSample& pose, FigureStyle* style)
{
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(str_id, size);
    bool dragging = ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f);
    if (dragging)
    {
        // Half a turn across the figure's width, whatever its size.
        ImVec2 delta = ImGui::GetIO().MouseDelta;
        if (MirroredScreen())
            delta.x = -delta.x;  // the pointer is mirrored, the figure is not
        float degrees_per_pixel = 180.0f / (size.x > 1.0f ? size.x : 1.0f);
        core::OrbitCamera(&style->Camera, -delta.x * degrees_per_pixel, delta.y * degrees_per_pixel);
    }
    DrawFigure(ImGui::GetWindowDrawList(), min, { min.x + size.x, min.y + size.y }, pose, *style);
    return dragging;
}

}  // namespace ui
