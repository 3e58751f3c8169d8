// Drawing the stick figure: project the pose, sort limbs and band pieces far to near, and stroke
// them as round-capped anti-aliased lines. Far-side limbs are dimmer so the left and right can be
// told apart in a flat drawing; the band's colour and width follow its stretch.
#include "ui/figure_view.h"

#include <cmath>

namespace ui {

// --- [SECTION] Styles ----------------------------------------------------------------------------

FigureStyle FigureStyleLight(const bc::Camera& camera)
{
    FigureStyle style;
    style.BodyColor = IM_COL32(38, 50, 72, 255);
    style.BodyFarColor = IM_COL32(132, 142, 160, 255);
    // Band: orange easing to raspberry, vivid all the way (a green-to-orange blend passes through
    // brown), both far from the navy body and clear on white.
    style.BandSlackColor = IM_COL32(240, 112, 20, 255);
    style.BandTautColor = IM_COL32(214, 24, 86, 255);
    style.FloorColor = IM_COL32(38, 50, 72, 60);
    style.PostColor = IM_COL32(112, 120, 132, 255);
    style.Camera = camera;
    style.Zoom = 1.0f;
    return style;
}

FigureStyle FigureStyleDark(const bc::Camera& camera)
{
    FigureStyle style;
    style.BodyColor = IM_COL32(232, 236, 244, 255);
    style.BodyFarColor = IM_COL32(128, 136, 152, 255);
    style.BandSlackColor = IM_COL32(255, 158, 48, 255);
    style.BandTautColor = IM_COL32(255, 72, 128, 255);
    style.FloorColor = IM_COL32(232, 236, 244, 56);
    style.PostColor = IM_COL32(150, 158, 170, 255);
    style.Camera = camera;
    style.Zoom = 1.0f;
    return style;
}

// --- [SECTION] Helpers -----------------------------------------------------------------------------

static ImU32 LerpColor(ImU32 a, ImU32 b, float t)
{
    ImU32 result = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        float ca = (float)((a >> shift) & 0xFF), cb = (float)((b >> shift) & 0xFF);
        result |= (ImU32)(ca + (cb - ca) * t + 0.5f) << shift;
    }
    return result;
}

static float Length(ImVec2 v) { return std::sqrt(v.x * v.x + v.y * v.y); }

static bc::Vec3 Add(const bc::Vec3& a, const bc::Vec3& b, float s) { return { a.x + b.x * s, a.y + b.y * s, a.z + b.z * s }; }

static bc::Vec3 Direction(const bc::Vec3& from, const bc::Vec3& to)
{
    bc::Vec3 d = { to.x - from.x, to.y - from.y, to.z - from.z };
    float length = std::sqrt(d.x * d.x + d.y * d.y + d.z * d.z);
    return length > 1e-6f ? bc::Vec3{ d.x / length, d.y / length, d.z / length } : bc::Vec3{ 0.0f, -1.0f, 0.0f };
}

// Half the screen size, in metres, of the box the movement stays in, as this camera sees it; an
// axis-aligned box seen from any direction spans the sum of its projected edges.
static ImVec2 ViewHalfSize(const bc::PoseSample& pose, const bc::Camera& camera)
{
    const bc::Vec3& e = pose.ViewHalfExtent;
    const float sphere = pose.ViewRadius;
    if (!(e.x > 0.0f && e.y > 0.0f && e.z > 0.0f))
        return { sphere, sphere };
    const bc::Vec3 origin = { 0.0f, 0.0f, 0.0f };
    bc::ViewPoint ax = bc::ProjectPoint({ e.x, 0.0f, 0.0f }, origin, camera);
    bc::ViewPoint ay = bc::ProjectPoint({ 0.0f, e.y, 0.0f }, origin, camera);
    bc::ViewPoint az = bc::ProjectPoint({ 0.0f, 0.0f, e.z }, origin, camera);
    const float margin = bc::HeadRadius + 0.03f;   // the head's disc and half a limb's width stick out of the joints
    float half_w = std::fabs(ax.X) + std::fabs(ay.X) + std::fabs(az.X) + margin;
    float half_h = std::fabs(ax.Y) + std::fabs(ay.Y) + std::fabs(az.Y) + margin;
    return { std::fmin(half_w, sphere), std::fmin(half_h, sphere) };
}

// The heel, for drawing only: behind the ankle and down towards the sole, fixed to the foot so it
// turns with it. With it the foot reads as a foot, and its angle to the shin shows.
static bc::Vec3 HeelPoint(const bc::Vec3& knee, const bc::Vec3& ankle, const bc::Vec3& toe)
{
    bc::Vec3 forward = Direction(ankle, toe);
    bc::Vec3 down = Direction(knee, ankle);
    float along = down.x * forward.x + down.y * forward.y + down.z * forward.z;
    bc::Vec3 sole = Direction({ 0.0f, 0.0f, 0.0f }, Add(down, forward, -along));   // towards the sole, square to the foot
    return Add(Add(ankle, sole, 0.045f), forward, -0.05f);
}

// A piece to draw, kept for the far-to-near sort.
struct DrawItem {
    ImVec2 A, B;        // ends (a disc when IsDisc: centre A, radius Thickness / 2)
    float Depth;        // larger is nearer the viewer
    float Thickness;    // pixels
    ImU32 Color;
    bool IsDisc;
};

constexpr int MaxDrawItems = 96;
constexpr float FootWidth = 1.2f;   // feet a little bolder than the limbs: their angle is the point of some exercises

struct DrawList {
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

void DrawFigure(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const bc::PoseSample& pose, const FigureStyle& style)
{
    float width = max.x - min.x, height = max.y - min.y;
    if (width < 4.0f || height < 4.0f || pose.ViewRadius <= 0.0f)
        return;
    float zoom = style.Zoom > 0.0f ? style.Zoom : 1.0f;
    ImVec2 half_size = ViewHalfSize(pose, style.Camera);
    float scale = std::fmin(width / half_size.x, height / half_size.y) * 0.5f * zoom;   // pixels per metre
    ImVec2 centre = { (min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f };
    auto to_screen = [&](const bc::ViewPoint& v) { return ImVec2(centre.x + v.X * scale, centre.y - v.Y * scale); };

    bc::ProjectedPose projected = bc::ProjectPose(pose, style.Camera);
    ImVec2 joints[bc::Joint_COUNT];
    for (int i = 0; i < bc::Joint_COUNT; i++)
        joints[i] = to_screen(projected.Joints[i]);

    float limb = std::fmax(1.5f, 0.06f * scale);   // limb thickness in pixels
    draw_list->PushClipRect(min, max, true);

    // Floor: a soft shadow disc seen at the camera's pitch, the floor line through it, and for
    // walks, marks fixed to the floor that slide by as the figure travels.
    {
        // The shadow is an ellipse on the floor around the movement's footprint, seen in projection.
        ImVec2 floor = to_screen(projected.FloorCentre);
        const bc::Vec3& extent = pose.ViewHalfExtent;
        bool boxed = extent.x > 0.0f && extent.z > 0.0f;
        float reach_x = boxed ? extent.x + 0.12f : 0.85f * pose.ViewRadius;
        float reach_z = boxed ? extent.z + 0.12f : 0.85f * pose.ViewRadius;
        const bc::Vec3 origin = { 0.0f, 0.0f, 0.0f };
        bc::ViewPoint ax = bc::ProjectPoint({ reach_x, 0.0f, 0.0f }, origin, style.Camera);
        bc::ViewPoint az = bc::ProjectPoint({ 0.0f, 0.0f, reach_z }, origin, style.Camera);
        float radius = std::sqrt(ax.X * ax.X + az.X * az.X) * scale;   // half the shadow's screen width
        float squash = std::sqrt(ax.Y * ax.Y + az.Y * az.Y) * scale;
        if (squash > 1.0f) {
            const int segments = 40;
            for (int i = 0; i < segments; i++) {
                float angle = 6.2831853f * (float)i / (float)segments, c = std::cos(angle), s = std::sin(angle);
                draw_list->PathLineTo({ floor.x + (ax.X * c + az.X * s) * scale, floor.y - (ax.Y * c + az.Y * s) * scale });
            }
            draw_list->PathFillConvex(LerpColor(style.FloorColor & ~IM_COL32_A_MASK, style.FloorColor, 0.5f));
        }
        draw_list->PathLineTo({ floor.x - radius, floor.y });
        draw_list->PathLineTo({ floor.x + radius, floor.y });
        draw_list->PathStroke(style.FloorColor, 0, std::fmax(1.0f, 0.25f * limb));
        if (pose.FloorTickSpacing > 0.0f) {
            float spacing = pose.FloorTickSpacing;
            float first = std::floor(pose.ViewCentre.z / spacing) * spacing;
            for (int k = -5; k <= 5; k++) {
                float z = first + (float)k * spacing;
                if (std::fabs(z - pose.ViewCentre.z) > (boxed ? reach_z : 0.8f * pose.ViewRadius))
                    continue;
                ImVec2 a = to_screen(bc::ProjectPoint({ pose.ViewCentre.x - 0.45f, 0.0f, z }, pose.ViewCentre, style.Camera));
                ImVec2 b = to_screen(bc::ProjectPoint({ pose.ViewCentre.x + 0.45f, 0.0f, z }, pose.ViewCentre, style.Camera));
                draw_list->PathLineTo(a);
                draw_list->PathLineTo(b);
                draw_list->PathStroke(style.FloorColor, 0, std::fmax(1.0f, 0.25f * limb));
            }
        }
    }

    DrawList items;

    // Which side of the body is further away (dim it), judged separately for arms and legs.
    auto far_side = [&](bc::Joint left, bc::Joint right) {
        float difference = projected.Joints[left].Depth - projected.Joints[right].Depth;
        if (std::fabs(difference) < 0.03f)
            return bc::BodySide_Centre;   // square on to the viewer: both sides look the same
        return difference < 0.0f ? bc::BodySide_Left : bc::BodySide_Right;
    };
    bc::BodySide far_arms = far_side(bc::Joint_ShoulderL, bc::Joint_ShoulderR);
    bc::BodySide far_legs = far_side(bc::Joint_HipL, bc::Joint_HipR);

    for (const bc::Bone& bone : bc::Bones) {
        if (bone.To == bc::Joint_Head)
            continue;   // the head is a disc, drawn below
        bool is_leg = bone.From >= bc::Joint_HipL || bone.From == bc::Joint_Pelvis;
        bool is_far = bone.Side != bc::BodySide_Centre && bone.Side == (is_leg ? far_legs : far_arms);
        float depth = 0.5f * (projected.Joints[bone.From].Depth + projected.Joints[bone.To].Depth);
        bool is_foot = bone.To == bc::Joint_ToeL || bone.To == bc::Joint_ToeR;
        float thickness = bone.From == bc::Joint_Pelvis && bone.To == bc::Joint_Chest ? limb * 1.5f : (is_foot ? limb * FootWidth : limb);
        // Far limbs always go first: a small bias keeps them behind the trunk where they touch it.
        items.Add({ joints[bone.From], joints[bone.To], depth - (is_far ? 0.15f : 0.0f), thickness,
                    is_far ? style.BodyFarColor : style.BodyColor, false });
    }
    for (int side = 0; side < 2; side++) {
        bc::Joint knee = side == 0 ? bc::Joint_KneeL : bc::Joint_KneeR;
        bc::Joint ankle = side == 0 ? bc::Joint_AnkleL : bc::Joint_AnkleR;
        bc::Joint toe = side == 0 ? bc::Joint_ToeL : bc::Joint_ToeR;
        bc::ViewPoint heel = bc::ProjectPoint(HeelPoint(pose.Joints[knee], pose.Joints[ankle], pose.Joints[toe]), pose.ViewCentre, style.Camera);
        bool is_far = far_legs == (side == 0 ? bc::BodySide_Left : bc::BodySide_Right);
        float depth = 0.5f * (projected.Joints[ankle].Depth + projected.Joints[toe].Depth) - (is_far ? 0.15f : 0.0f);
        ImU32 color = is_far ? style.BodyFarColor : style.BodyColor;
        items.Add({ joints[ankle], to_screen(heel), depth, limb * FootWidth, color, false });
        items.Add({ to_screen(heel), joints[toe], depth, limb * FootWidth, color, false });
    }
    items.Add({ joints[bc::Joint_Head], joints[bc::Joint_Head], projected.Joints[bc::Joint_Head].Depth,
                std::fmax(5.0f, 2.0f * bc::HeadRadius * scale), style.BodyColor, true });

    // The band: stretched bands turn from the slack to the taut colour and get thinner.
    const bc::Band& band = pose.Strap;
    float stretch = band.Stretch < 0.0f ? 0.0f : (band.Stretch > 1.0f ? 1.0f : band.Stretch);
    ImU32 band_color = LerpColor(style.BandSlackColor, style.BandTautColor, stretch);
    float band_thickness = std::fmax(1.5f, limb * (0.85f - 0.3f * stretch));
    ImVec2 band_a = to_screen(projected.BandA), band_b = to_screen(projected.BandB);
    float depth_a = projected.BandA.Depth, depth_b = projected.BandB.Depth;
    if (band.Kind == bc::BandKind_Anchored) {
        ImVec2 base = to_screen(projected.PostBase);
        items.Add({ base, band_a, 0.5f * (projected.PostBase.Depth + depth_a), limb * 1.3f, style.PostColor, false });
    }
    if (band.Kind == bc::BandKind_Strap) {
        const int pieces = 8;
        for (int i = 0; i < pieces; i++) {
            float t0 = (float)i / pieces, t1 = (float)(i + 1) / pieces;
            ImVec2 a = { band_a.x + (band_b.x - band_a.x) * t0, band_a.y + (band_b.y - band_a.y) * t0 };
            ImVec2 b = { band_a.x + (band_b.x - band_a.x) * t1, band_a.y + (band_b.y - band_a.y) * t1 };
            items.Add({ a, b, depth_a + (depth_b - depth_a) * 0.5f * (t0 + t1), band_thickness, band_color, false });
        }
    } else {
        // A loop around two limbs (or the post and the foot): two strands and a round end at
        // each attachment, wide enough to wrap the limb.
        float radius_a = band.Kind == bc::BandKind_Anchored ? band_thickness * 0.5f : limb * 0.9f;
        // The anchored band narrows onto the top of the foot and passes under it in the drawing,
        // so the foot's angle is never hidden by the band.
        float radius_b = band.Kind == bc::BandKind_Anchored ? limb * 0.4f : limb * 0.9f;
        float depth_bias = band.Kind == bc::BandKind_Anchored ? -0.04f : 0.01f;
        ImVec2 along = { band_b.x - band_a.x, band_b.y - band_a.y };
        float length = Length(along);
        along = length > 1e-3f ? ImVec2(along.x / length, along.y / length) : ImVec2(1.0f, 0.0f);
        float base_angle = std::atan2(along.y, along.x);
        const int arc_points = 7;
        ImVec2 outline[2 * arc_points];
        float outline_t[2 * arc_points];   // 0 at A .. 1 at B, for the depth
        for (int i = 0; i < arc_points; i++) {
            float angle = base_angle + 1.5707963f + 3.14159265f * (float)i / (arc_points - 1);   // around the far side of A
            outline[i] = { band_a.x + radius_a * std::cos(angle), band_a.y + radius_a * std::sin(angle) };
            outline_t[i] = 0.0f;
            angle += 3.14159265f;   // and around the far side of B
            outline[arc_points + i] = { band_b.x + radius_b * std::cos(angle), band_b.y + radius_b * std::sin(angle) };
            outline_t[arc_points + i] = 1.0f;
        }
        for (int i = 0; i < 2 * arc_points; i++) {
            int next = (i + 1) % (2 * arc_points);
            float t = 0.5f * (outline_t[i] + outline_t[next]);
            items.Add({ outline[i], outline[next], depth_a + (depth_b - depth_a) * t + depth_bias, band_thickness, band_color, false });
        }
    }

    // Far to near (insertion sort: a few dozen items, already nearly ordered frame to frame).
    for (int i = 1; i < items.Count; i++) {
        DrawItem item = items.Items[i];
        int j = i - 1;
        while (j >= 0 && items.Items[j].Depth > item.Depth) {
            items.Items[j + 1] = items.Items[j];
            j--;
        }
        items.Items[j + 1] = item;
    }
    for (int i = 0; i < items.Count; i++) {
        const DrawItem& item = items.Items[i];
        if (item.IsDisc)
            draw_list->AddCircleFilled(item.A, item.Thickness * 0.5f, item.Color);
        else
            StrokeSegment(draw_list, item.A, item.B, item.Color, item.Thickness);
    }
    draw_list->PopClipRect();
}

bool FigureView(const char* str_id, ImVec2 size, const bc::PoseSample& pose, FigureStyle* style)
{
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(str_id, size);
    bool dragging = ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f);
    if (dragging) {
        // Half a turn across the figure's width, whatever its size.
        ImVec2 delta = ImGui::GetIO().MouseDelta;
        float degrees_per_pixel = 180.0f / (size.x > 1.0f ? size.x : 1.0f);
        bc::OrbitCamera(&style->Camera, -delta.x * degrees_per_pixel, delta.y * degrees_per_pixel);
    }
    DrawFigure(ImGui::GetWindowDrawList(), min, { min.x + size.x, min.y + size.y }, pose, *style);
    return dragging;
}

}  // namespace ui
