// The drawing the app shows, measured in pixels: ui/figure_view.cpp strokes exactly what
// core/figure_layout lays out, so these tests look at the real picture. In each exercise's default
// camera and in the panels the app draws it in (phone session and exercise page, landscape,
// desktop, a home thumbnail): no bone that carries the movement shrinks to a stub, the figure fills
// its panel without leaving it, and the pose facts a beginner must see read in the flat drawing.
#include "core/figure_layout.h"
#include "tempo_boundary.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>
#include <cstring>
#include <vector>

using namespace core;
using Catch::Matchers::WithinAbs;

namespace {

const ExerciseId AllExercises[] = { ExerciseId::Deadbug, ExerciseId::Dorsiflexion, ExerciseId::TrapPull, ExerciseId::MonsterWalk, ExerciseId::RussianTwist };

// Panels the figure is drawn in, in CSS pixels (the figure area inside each card).
struct Panel
{
    const char* Name;
    PanelRect Rect;
};
const Panel Panels[] = {
    { "phone session", { 18, 200, 354, 430 } },
    { "phone exercise page", { 18, 90, 354, 390 } },
    { "phone rest, one of two", { 18, 230, 182, 420 } },
    { "landscape", { 14, 14, 420, 340 } },
    { "desktop", { 40, 40, 700, 620 } },
};
const PanelRect Thumbnail = { 10, 10, 98, 98 };

struct KeyPose
{
    float Phase;
    int RepIndex;
};

// The key poses: every tempo part boundary; for a walk (one part a step), the quarters of two
// steps, so each foot leads once.
std::vector<KeyPose> KeyPoses(ExerciseId id)
{
    const Exercise& exercise = GetExercise(id);
    std::vector<KeyPose> keys;
    if (exercise.Style == SetStyle::Directions)
    {
        for (int rep = 0; rep < 2; rep++)
            for (int quarter = 0; quarter < 4; quarter++)
                keys.push_back({ 0.25f * (float)quarter, rep });
        return keys;
    }
    int sum = 0;
    for (int i = 0; i < exercise.TempoPartCount; i++)
    {
        keys.push_back({ (float)sum / (float)RepDurationMs(exercise), 0 });
        sum += exercise.Tempo[i].DurationMs;
    }
    return keys;
}

std::vector<Side> SidesOf(ExerciseId id)
{
    const Exercise& exercise = GetExercise(id);
    if (exercise.Style == SetStyle::Alternating)
        return { Side::None };
    return { ExerciseSide(exercise, 0), ExerciseSide(exercise, 1) };
}

struct Bone2
{
    Joint From, To;
};

// The bones that carry each exercise's movement.
std::vector<Bone2> MovingBones(ExerciseId id, Side side)
{
    switch (id)
    {
    case ExerciseId::Deadbug:
    case ExerciseId::MonsterWalk:
        return { { Joint_HipL, Joint_KneeL }, { Joint_KneeL, Joint_AnkleL }, { Joint_HipR, Joint_KneeR }, { Joint_KneeR, Joint_AnkleR } };
    case ExerciseId::Dorsiflexion:
        return { side == Side::Right ? Bone2{ Joint_AnkleR, Joint_ToeR } : Bone2{ Joint_AnkleL, Joint_ToeL } };
    default:
        return { { Joint_ShoulderL, Joint_ElbowL }, { Joint_ElbowL, Joint_HandL }, { Joint_ShoulderR, Joint_ElbowR }, { Joint_ElbowR, Joint_HandR } };
    }
}

float Length2(const Point2& a, const Point2& b) { return std::hypot(a.X - b.X, a.Y - b.Y); }

// Share of a bone's true length that the drawing shows.
float DrawnShare(const PoseSample& pose, const FigureDrawing& d, Joint from, Joint to)
{
    return Length2(d.Joints[from], d.Joints[to]) / (Distance(pose.Joints[from], pose.Joints[to]) * d.Scale);
}

struct Drawn
{
    PoseSample Pose;
    FigureDrawing Drawing;
};

// The drawing as DrawFigure makes it: the whole movement fitted to the panel (or the pose alone).
Drawn Draw(ExerciseId id, Side side, const KeyPose& key, const PanelRect& panel, bool fit_pose = false)
{
    Camera camera = DefaultCamera(id, side);
    PoseSample pose = SamplePose(id, side, key.Phase, key.RepIndex);
    ViewBox box = fit_pose ? PoseViewBox(pose, camera) : MovementViewBox(id, side, camera);
    float margin = std::fmax(3.0f, 0.03f * std::fmin(panel.MaxX - panel.MinX, panel.MaxY - panel.MinY));
    return { pose, LayoutFigure(pose, camera, FitViewBox(box, panel, 1.0f, margin)) };
}

// Drawn angle at a joint, 180 = straight, in the flat picture.
float DrawnAngle(const FigureDrawing& d, Joint a, Joint vertex, Joint b)
{
    float ax = d.Joints[a].X - d.Joints[vertex].X, ay = d.Joints[a].Y - d.Joints[vertex].Y;
    float bx = d.Joints[b].X - d.Joints[vertex].X, by = d.Joints[b].Y - d.Joints[vertex].Y;
    float cosine = (ax * bx + ay * by) / (std::hypot(ax, ay) * std::hypot(bx, by));
    return std::acos(std::fmax(-1.0f, std::fmin(1.0f, cosine))) * 57.29578f;
}

// The trunk's drawn angle from the screen's vertical.
float DrawnLean(const FigureDrawing& d)
{
    float x = d.Joints[Joint_Chest].X - d.Joints[Joint_Pelvis].X, up = d.Joints[Joint_Pelvis].Y - d.Joints[Joint_Chest].Y;
    return std::atan2(std::fabs(x), up) * 57.29578f;
}

Vec3 Sub(const Vec3& a, const Vec3& b) { return { a.x - b.x, a.y - b.y, a.z - b.z }; }

}  // namespace

TEST_CASE("No bone that carries the movement is drawn as a stub", "[figure]")
{
    for (ExerciseId id : AllExercises)
        for (Side side : SidesOf(id))
            for (const KeyPose& key : KeyPoses(id))
                for (const Panel& panel : Panels)
                {
                    Drawn drawn = Draw(id, side, key, panel.Rect);
                    for (const Bone2& bone : MovingBones(id, side))
                    {
                        INFO(GetExercise(id).Name << ", " << panel.Name << ", phase " << key.Phase << ", bone " << bone.From << "-" << bone.To);
                        REQUIRE(DrawnShare(drawn.Pose, drawn.Drawing, bone.From, bone.To) >= 0.4f);
                    }
                }
}

TEST_CASE("The figure fills its panel and stays inside it", "[figure]")
{
    SECTION("the moving figure, fitted to its whole movement, at every key pose and in between")
    {
        for (ExerciseId id : AllExercises)
            for (Side side : SidesOf(id))
                for (const Panel& panel : Panels)
                {
                    const PanelRect& p = panel.Rect;
                    for (const KeyPose& key : KeyPoses(id))
                    {
                        Drawn drawn = Draw(id, side, key, p);
                        PanelRect r = DrawingBounds(drawn.Drawing, drawn.Pose.Strap.Kind);
                        INFO(GetExercise(id).Name << ", " << panel.Name << ", phase " << key.Phase);
                        bool fills = r.MaxX - r.MinX >= 0.6f * (p.MaxX - p.MinX) || r.MaxY - r.MinY >= 0.6f * (p.MaxY - p.MinY);
                        REQUIRE(fills);
                    }
                    for (int i = 0; i < 48; i++)
                    {
                        Drawn drawn = Draw(id, side, { (float)i / 48.0f, i % 2 }, p);
                        PanelRect r = DrawingBounds(drawn.Drawing, drawn.Pose.Strap.Kind);
                        INFO(GetExercise(id).Name << ", " << panel.Name << ", phase " << (float)i / 48.0f);
                        REQUIRE(r.MinX >= p.MinX - 0.5f);
                        REQUIRE(r.MaxX <= p.MaxX + 0.5f);
                        REQUIRE(r.MinY >= p.MinY - 0.5f);
                        REQUIRE(r.MaxY <= p.MaxY + 0.5f);
                    }
                }
    }
    SECTION("home thumbnails: the working position fitted to itself, bold enough to read")
    {
        for (ExerciseId id : AllExercises)
        {
            const Exercise& exercise = GetExercise(id);
            float working = exercise.TempoPartCount < 2 ? 0.5f : PartBoundary(id, 1);
            Side side = ExerciseSide(exercise, 0);
            Drawn drawn = Draw(id, side, { working, 0 }, Thumbnail, true);
            PanelRect r = DrawingBounds(drawn.Drawing, drawn.Pose.Strap.Kind);
            INFO(exercise.Name);
            REQUIRE(std::fmax(r.MaxX - r.MinX, r.MaxY - r.MinY) >= 0.85f * 88.0f);
            REQUIRE(r.MinX >= Thumbnail.MinX - 0.5f);
            REQUIRE(r.MaxY <= Thumbnail.MaxY + 0.5f);
            REQUIRE(drawn.Drawing.Limb >= 2.5f);
            for (const Bone2& bone : MovingBones(id, side))
                REQUIRE(DrawnShare(drawn.Pose, drawn.Drawing, bone.From, bone.To) >= 0.4f);
        }
    }
    SECTION("a different camera refits: the figure never leaves its panel when the user turns it")
    {
        for (ExerciseId id : AllExercises)
            for (float yaw = -180.0f; yaw < 180.0f; yaw += 45.0f)
                for (float pitch : { MinPitchDeg, 30.0f, MaxPitchDeg })
                {
                    Camera camera = { yaw, pitch };
                    Side side = SidesOf(id)[0];
                    const PanelRect& p = Panels[0].Rect;
                    FigureFit fit = FitViewBox(MovementViewBox(id, side, camera), p);
                    for (int i = 0; i < 12; i++)
                    {
                        PoseSample pose = SamplePose(id, side, (float)i / 12.0f, i % 2);
                        PanelRect r = DrawingBounds(LayoutFigure(pose, camera, fit), pose.Strap.Kind);
                        REQUIRE(r.MinX >= p.MinX - 0.5f);
                        REQUIRE(r.MaxX <= p.MaxX + 0.5f);
                        REQUIRE(r.MinY >= p.MinY - 0.5f);
                        REQUIRE(r.MaxY <= p.MaxY + 0.5f);
                    }
                }
    }
}

TEST_CASE("The head shows which way the figure faces", "[figure]")
{
    SECTION("the nose points where the face looks: forward standing, up lying on the back")
    {
        PoseSample standing = SamplePose(ExerciseId::TrapPull, Side::Left, 0.0f);
        REQUIRE(FaceDirection(standing).z > 0.95f);
        PoseSample lying = SamplePose(ExerciseId::Deadbug, Side::None, 0.0f);
        REQUIRE(FaceDirection(lying).y > 0.95f);
    }
    SECTION("seen from the front the eye shows and the nose sticks out of the head; from behind, no eye")
    {
        PoseSample pose = SamplePose(ExerciseId::TrapPull, Side::Left, 0.0f);
        PanelRect panel = Panels[0].Rect;
        for (float yaw : { -60.0f, 0.0f, 60.0f, 120.0f, 180.0f })
        {
            Camera camera = { yaw, 10.0f };
            FigureDrawing d = LayoutFigure(pose, camera, FitViewBox(MovementViewBox(ExerciseId::TrapPull, Side::Left, camera), panel));
            bool front = std::fabs(yaw) < 90.0f;
            REQUIRE(d.FaceTowardViewer == front);
            REQUIRE((d.NoseDepth > d.JointDepth[Joint_Head]) == front);
            if (std::fabs(yaw) == 60.0f)  // side-on enough: the nose reaches past the head's outline
                REQUIRE(Length2(d.NoseTip, d.Joints[Joint_Head]) > d.HeadRadius * 1.2f);
        }
    }
}

TEST_CASE("The pose facts read in the default camera", "[figure]")
{
    const PanelRect panel = Panels[0].Rect;

    SECTION("russian twist: leaning back 45 deg, knees bent, arms straight, band taut, turning clearly both ways")
    {
        const ExerciseId id = ExerciseId::RussianTwist;
        float hands_right = 0.0f, hands_left = 0.0f, hands_centre = 0.0f;
        for (int part = 0; part < 4; part++)
        {
            Drawn drawn = Draw(id, Side::None, { PartBoundary(id, part), 0 }, panel);
            const PoseSample& p = drawn.Pose;
            const FigureDrawing& d = drawn.Drawing;
            REQUIRE_THAT(AngleDeg(Sub(p.Joints[Joint_Chest], p.Joints[Joint_Pelvis]), { 0, 1, 0 }), WithinAbs(45.0, 5.0));
            REQUIRE_THAT(DrawnLean(d), WithinAbs(45.0, 8.0));  // and it reads as 45 in the picture
            for (int side = 0; side < 2; side++)
            {
                int o = 4 * side, a = 3 * side;
                float knee = 180.0f - JointAngleDeg(p.Joints[Joint_HipL + o], p.Joints[Joint_KneeL + o], p.Joints[Joint_AnkleL + o]);
                REQUIRE(knee > 60.0f);
                REQUIRE(180.0f - DrawnAngle(d, (Joint)(Joint_HipL + o), (Joint)(Joint_KneeL + o), (Joint)(Joint_AnkleL + o)) > 60.0f);  // the bend shows
                REQUIRE(JointAngleDeg(p.Joints[Joint_ShoulderL + a], p.Joints[Joint_ElbowL + a], p.Joints[Joint_HandL + a]) >= 160.0f);
            }
            REQUIRE(p.Strap.Stretch >= TautStretch);
            REQUIRE(Length2(d.BandA, d.BandB) >= 0.4f * Distance(p.Strap.A, p.Strap.B) * d.Scale);  // the band, not a dash
            float hands = 0.5f * (d.Joints[Joint_HandL].X + d.Joints[Joint_HandR].X) - d.Joints[Joint_Chest].X;
            if (part == 0)
                hands_centre = hands;
            if (part == 1)
                hands_right = hands;
            if (part == 3)
                hands_left = hands;
        }
        // Twisting right and left carries the hands to opposite sides of where they were in the
        // centre, each by a good share of an arm's drawn length.
        Drawn centre = Draw(id, Side::None, { 0.0f, 0 }, panel);
        float arm = (Distance(centre.Pose.Joints[Joint_ShoulderL], centre.Pose.Joints[Joint_ElbowL]) +
                     Distance(centre.Pose.Joints[Joint_ElbowL], centre.Pose.Joints[Joint_HandL])) *
                    centre.Drawing.Scale;
        REQUIRE((hands_right - hands_centre) * (hands_left - hands_centre) < 0.0f);
        REQUIRE(std::fabs(hands_right - hands_centre) > 0.25f * arm);
        REQUIRE(std::fabs(hands_left - hands_centre) > 0.25f * arm);
    }
    SECTION("monster walk: the half squat's knee bend and the wide stance both show")
    {
        const ExerciseId id = ExerciseId::MonsterWalk;
        for (Side side : SidesOf(id))
            for (const KeyPose& key : KeyPoses(id))
            {
                Drawn drawn = Draw(id, side, key, panel);
                const FigureDrawing& d = drawn.Drawing;
                float bends[2];
                for (int leg = 0; leg < 2; leg++)
                {
                    int o = 4 * leg;
                    bends[leg] = 180.0f - DrawnAngle(d, (Joint)(Joint_HipL + o), (Joint)(Joint_KneeL + o), (Joint)(Joint_AnkleL + o));
                    REQUIRE(bends[leg] > 18.0f);  // no leg looks straight ...
                }
                REQUIRE(std::fmax(bends[0], bends[1]) > 35.0f);  // ... and one shows the squat's full bend
                float ankles = std::fabs(d.Joints[Joint_AnkleL].X - d.Joints[Joint_AnkleR].X);
                float hips = std::fabs(d.Joints[Joint_HipL].X - d.Joints[Joint_HipR].X);
                REQUIRE(ankles > 1.3f * hips);
                REQUIRE(drawn.Pose.Strap.Stretch >= TautStretch);
            }
    }
    SECTION("trap pull: at ear level the band is behind the head, which hides it, and the face is in view")
    {
        const ExerciseId id = ExerciseId::TrapPull;
        for (Side side : SidesOf(id))
        {
            Drawn drawn = Draw(id, side, { PartBoundary(id, 1), 0 }, panel);
            const FigureDrawing& d = drawn.Drawing;
            const PoseSample& p = drawn.Pose;
            REQUIRE(d.FaceTowardViewer);
            float band_depth = 0.5f * (d.BandADepth + d.BandBDepth);
            REQUIRE(band_depth < d.JointDepth[Joint_Head] - HeadRadius);  // drawn first: the head covers it
            float band_y = 0.5f * (d.BandA.Y + d.BandB.Y);
            REQUIRE(std::fabs(band_y - d.Joints[Joint_Head].Y) < d.HeadRadius);  // on screen, across the head: ear height
            REQUIRE_THAT(0.5f * (p.Strap.A.y + p.Strap.B.y), WithinAbs(p.Joints[Joint_Head].y, 0.04));
        }
    }
    SECTION("deadbug: the band between the knees is in view from the start")
    {
        for (const KeyPose& key : KeyPoses(ExerciseId::Deadbug))
        {
            Drawn drawn = Draw(ExerciseId::Deadbug, Side::None, key, panel);
            REQUIRE(drawn.Pose.Strap.Stretch >= TautStretch);
            REQUIRE(Length2(drawn.Drawing.BandA, drawn.Drawing.BandB) >= 0.4f * Distance(drawn.Pose.Strap.A, drawn.Pose.Strap.B) * drawn.Drawing.Scale);
        }
    }
    SECTION("dorsiflexion: a close-up shows the ankle larger, in a corner the figure leaves empty")
    {
        const ExerciseId id = ExerciseId::Dorsiflexion;
        for (Side side : SidesOf(id))
            for (const Panel& each : Panels)
            {
                if (each.Rect.MaxY - each.Rect.MinY < 150.0f || each.Rect.MaxX - each.Rect.MinX < 200.0f)
                    continue;
                Camera camera = DefaultCamera(id, side);
                FigureFit fit = FitViewBox(MovementViewBox(id, side, camera), each.Rect);
                ViewBox focus;
                PanelRect inset;
                REQUIRE(FocusViewBox(id, side, camera, &focus));
                REQUIRE(InsetRect(each.Rect, fit, focus, &inset));
                FigureFit close_fit = FitViewBox(focus, inset, 1.0f, 4.0f);
                Joint ankle = side == Side::Right ? Joint_AnkleR : Joint_AnkleL, toe = side == Side::Right ? Joint_ToeR : Joint_ToeL;
                for (const KeyPose& key : KeyPoses(id))
                {
                    PoseSample pose = SamplePose(id, side, key.Phase);
                    FigureDrawing whole = LayoutFigure(pose, camera, fit);
                    FigureDrawing close = LayoutFigure(pose, camera, close_fit);
                    INFO(each.Name << ", phase " << key.Phase);
                    float foot = Length2(close.Joints[ankle], close.Joints[toe]);
                    REQUIRE(foot >= 1.5f * Length2(whole.Joints[ankle], whole.Joints[toe]));
                    REQUIRE(foot >= 0.2f * (each.Rect.MaxY - each.Rect.MinY));
                    for (Joint j : { ankle, toe })
                    {  // the close-up holds the foot ...
                        REQUIRE(close.Joints[j].X >= inset.MinX);
                        REQUIRE(close.Joints[j].X <= inset.MaxX);
                        REQUIRE(close.Joints[j].Y >= inset.MinY);
                        REQUIRE(close.Joints[j].Y <= inset.MaxY);
                    }
                    for (int j = 0; j < Joint_COUNT; j++)
                    {  // ... and covers none of the whole figure
                        const Point2& q = whole.Joints[j];
                        float reach = j == Joint_Head ? whole.HeadRadius : 0.0f;
                        bool inside = q.X + reach > inset.MinX && q.X - reach < inset.MaxX && q.Y + reach > inset.MinY && q.Y - reach < inset.MaxY;
                        REQUIRE_FALSE(inside);
                    }
                    REQUIRE(pose.Strap.Stretch >= TautStretch);  // taut when pointing away too
                }
            }
        PanelRect small = Thumbnail;
        Camera camera = DefaultCamera(id, Side::Left);
        ViewBox focus;
        REQUIRE(FocusViewBox(id, Side::Left, camera, &focus));
        PanelRect inset;
        REQUIRE_FALSE(InsetRect(small, FitViewBox(focus, small), focus, &inset));  // no close-up on a thumbnail
        REQUIRE_FALSE(FocusViewBox(ExerciseId::TrapPull, Side::Left, camera, &focus));
    }
}

TEST_CASE("Labels name the limbs the figure moves", "[figure]")
{
    // Deadbug: the first half of the rep (Side::Left) stretches the left leg and the right arm.
    PoseSample p = SamplePose(ExerciseId::Deadbug, Side::None, PartBoundary(ExerciseId::Deadbug, 1));
    REQUIRE(GetExercise(ExerciseId::Deadbug).Tempo[0].PartSide == Side::Left);
    float left_knee = JointAngleDeg(p.Joints[Joint_HipL], p.Joints[Joint_KneeL], p.Joints[Joint_AnkleL]);
    float right_knee = JointAngleDeg(p.Joints[Joint_HipR], p.Joints[Joint_KneeR], p.Joints[Joint_AnkleR]);
    REQUIRE(left_knee > 170.0f);
    REQUIRE(right_knee < 100.0f);
    REQUIRE(p.Joints[Joint_HandR].z < p.Joints[Joint_HandL].z - 0.3f);  // the right arm reaches overhead (towards -z, past the head)
    REQUIRE(std::strcmp(MovingLimbs(ExerciseId::Deadbug, Side::Left), "Left leg + right arm") == 0);
    REQUIRE(std::strcmp(MovingLimbs(ExerciseId::Deadbug, Side::Right), "Right leg + left arm") == 0);
    REQUIRE(std::strcmp(MovingLimbs(ExerciseId::Dorsiflexion, Side::Right), "Right foot") == 0);
    REQUIRE(MovingLimbs(ExerciseId::MonsterWalk, Side::Forward) == nullptr);
    REQUIRE(MovingLimbs(ExerciseId::Deadbug, Side::None) == nullptr);
}
