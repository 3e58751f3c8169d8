// The stick-figure demonstrations: a small 3D skeleton posed by joint angles (forward kinematics,
// so a bone never changes length), keyframed per exercise at the tempo's part boundaries, eased,
// looped and mirrored per side. The timer hands in a rep phase, so the figure moves in step with the
// cues; the band's attachment points and stretch come out of the same pose, so the drawing can show
// tension. Pure C++: the ImDrawList drawing lives in ui/figure_view.cpp.
//
// World space: metres, y up, the floor is y = 0. At rest the figure faces +z and its left hand
// side is +x, so mirroring a pose (other side) is x -> -x with left and right joints swapped.
#pragma once

#include "core/catalogue.h"

namespace core {

struct Vec3
{
    float x, y, z;
};

// --- Skeleton ------------------------------------------------------------------------------------

enum Joint
{
    Joint_Pelvis,  // root: middle of the hips
    Joint_Chest,   // top of the spine, between the shoulders
    Joint_Neck,    // base of the skull
    Joint_Head,    // centre of the head (drawn as a circle of HeadRadius)
    Joint_ShoulderL,
    Joint_ElbowL,
    Joint_HandL,
    Joint_ShoulderR,
    Joint_ElbowR,
    Joint_HandR,
    Joint_HipL,
    Joint_KneeL,
    Joint_AnkleL,
    Joint_ToeL,
    Joint_HipR,
    Joint_KneeR,
    Joint_AnkleR,
    Joint_ToeR,
    Joint_COUNT
};

enum BodySide
{
    BodySide_Centre,
    BodySide_Left,
    BodySide_Right
};

struct Bone
{
    Joint From, To;  // parent joint, child joint
    BodySide Side;   // which side of the body (far-side limbs are drawn first and dimmer)
    float Length;    // metres; forward kinematics keeps it exact
};

constexpr float HeadRadius = 0.11f;  // metres
constexpr int BoneCount = 17;
extern const Bone Bones[BoneCount];

Joint MirrorJoint(Joint joint);  // Joint_HandL <-> Joint_HandR; centre joints map to themselves

// --- The band ------------------------------------------------------------------------------------

enum BandKind
{
    BandKind_Loop,      // a loop around two limbs (thighs for deadbugs, ankles for monster walks)
    BandKind_Strap,     // held flat between the hands (trap pull, russian twist)
    BandKind_Anchored,  // from an anchor post around the top of one foot (dorsiflexion)
};

struct Band
{
    BandKind Kind;
    Vec3 A, B;      // attachment points (Anchored: A is the top of the post, B the foot)
    Vec3 PostBase;  // Anchored only: the anchor post stands from PostBase up to A
    float Stretch;  // 0 = slack .. 1 = most stretched, from the distance between A and B
};

// At or above this stretch the band is under working tension (drawn in the taut colour). Every
// exercise keeps it there for the whole rep, as the coach asks ("keep tension on the band").
constexpr float TautStretch = 0.3f;

// --- Sampling ------------------------------------------------------------------------------------

struct PoseSample
{
    ExerciseId Exercise;
    Side PoseSide;             // the side that was asked for, after defaults (see SamplePose)
    Vec3 Joints[Joint_COUNT];  // world positions
    Band Strap;                // the band, derived from the joints
    Vec3 ViewCentre;           // what the view centres on (follows the walker in monster walks)
    float ViewRadius;          // the whole movement fits in this sphere around ViewCentre ...
    Vec3 ViewHalfExtent;       // ... and in this box around it (half sizes along x, y, z), so a
                               // drawing can frame a lying or sitting figure closer than the sphere
    float FloorTickSpacing;    // > 0: draw floor marks this far apart along z (shows travel)
};

// Pose of one exercise at a rep phase in [0,1) (fraction of one rep's tempo time, as the timer
// counts it; other values wrap). rep_index counts reps (steps) from 0 within the set: monster
// walks alternate the stepping foot with it and travel. side: Left/Right for per-side exercises
// (Right is the exact mirror of Left), Forward/Back for monster walks (Back walks backward);
// alternating exercises show both sides within one rep and ignore it. Side::None picks the first.
PoseSample SamplePose(ExerciseId exercise, Side side, float rep_phase, int rep_index = 0);

PoseSample MirrorPose(const PoseSample& pose);  // reflect x -> -x and swap left and right

// --- Camera and projection ------------------------------------------------------------------------

struct Camera
{
    float YawDeg;    // 0 = looking at the figure's front; +90 = from the figure's left side
    float PitchDeg;  // 0 = eye level; positive looks down from above
};

constexpr float MinPitchDeg = -10.0f;
constexpr float MaxPitchDeg = 80.0f;

// The view that shows an exercise best; for Right sets the mirror of the Left view, so the worked
// limb stays nearest to the viewer.
Camera DefaultCamera(ExerciseId exercise, Side side);
void OrbitCamera(Camera* camera, float delta_yaw_deg, float delta_pitch_deg);  // wraps yaw, clamps pitch

struct ViewPoint
{
    float X, Y;   // metres from the view centre: X to the right of the screen, Y up
    float Depth;  // metres towards the viewer: larger is nearer
};

// Orthographic projection of a world point, relative to the pose's view centre.
ViewPoint ProjectPoint(const Vec3& point, const Vec3& view_centre, const Camera& camera);

struct ProjectedPose
{
    ViewPoint Joints[Joint_COUNT];
    ViewPoint BandA, BandB, PostBase;
    ViewPoint FloorCentre;  // the floor point under the view centre
};
ProjectedPose ProjectPose(const PoseSample& pose, const Camera& camera);

// --- Labels --------------------------------------------------------------------------------------

// What a side's part of the rep moves, in words for the screen: "Left leg + right arm" (deadbug,
// whose sides pair opposite limbs), "Left foot" (dorsiflexion), in the active language (valid until
// it changes). nullptr when "left" or "right" alone says it (the keyframes above decide which limbs
// move; tests hold the words to them).
const char* MovingLimbs(ExerciseId exercise, Side side);

// --- Helpers (shared with the tests) -------------------------------------------------------------

float Distance(const Vec3& a, const Vec3& b);
float AngleDeg(const Vec3& a, const Vec3& b);                           // angle between two directions, 0..180
float JointAngleDeg(const Vec3& a, const Vec3& vertex, const Vec3& b);  // angle a-vertex-b

}  // namespace core
