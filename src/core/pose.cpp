// The pose animation: joint angles -> joint positions (forward kinematics), keyframes at the tempo's
// part boundaries with smooth easing between them, contacts pinned to the floor, and the band taken
// from the posed body. The keyframes are a few named poses per exercise, plain data below; the rest
// is the machinery that turns them into a PoseSample.
//
// Index of this file:
// [SECTION] Vector math
// [SECTION] Skeleton and forward kinematics
// [SECTION] Keyframe data
// [SECTION] Keyframed exercises
// [SECTION] Monster walks (stepping: stance foot pinned, legs by two-bone IK)
// [SECTION] Sampling, mirroring, band
// [SECTION] Labels
// [SECTION] Camera and projection

#include "core/pose.h"

#include "core/wording.h"

#include <cmath>

namespace core {

// --- [SECTION] Vector math -----------------------------------------------------------------------

static Vec3 operator+(const Vec3& a, const Vec3& b) { return { a.x + b.x, a.y + b.y, a.z + b.z }; }
static Vec3 operator-(const Vec3& a, const Vec3& b) { return { a.x - b.x, a.y - b.y, a.z - b.z }; }
static Vec3 operator*(const Vec3& a, float s) { return { a.x * s, a.y * s, a.z * s }; }
static float Dot(const Vec3& a, const Vec3& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static Vec3 Cross(const Vec3& a, const Vec3& b) { return { a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x }; }
static float Length(const Vec3& a) { return std::sqrt(Dot(a, a)); }
static Vec3 Normalize(const Vec3& a)
{
    float len = Length(a);
    return len > 1e-9f ? a * (1.0f / len) : Vec3{ 0, 1, 0 };
}
static Vec3 Lerp(const Vec3& a, const Vec3& b, float t) { return a + (b - a) * t; }
static float Lerp(float a, float b, float t) { return a + (b - a) * t; }
static float Clamp(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }
static float Radians(float deg) { return deg * 0.017453292519943295f; }
static float Smoothstep(float t) { return t * t * (3.0f - 2.0f * t); }

struct Mat3
{
    Vec3 X, Y, Z;  // columns: where the unit axes go
};

static Vec3 Apply(const Mat3& m, const Vec3& v) { return m.X * v.x + m.Y * v.y + m.Z * v.z; }
static Mat3 Mul(const Mat3& a, const Mat3& b) { return { Apply(a, b.X), Apply(a, b.Y), Apply(a, b.Z) }; }

static Mat3 RotX(float deg)  // positive turns +y towards +z (leans forward)
{
    float c = std::cos(Radians(deg)), s = std::sin(Radians(deg));
    return { { 1, 0, 0 }, { 0, c, s }, { 0, -s, c } };
}
static Mat3 RotY(float deg)  // positive turns +z towards +x (turns to the figure's left)
{
    float c = std::cos(Radians(deg)), s = std::sin(Radians(deg));
    return { { c, 0, -s }, { 0, 1, 0 }, { s, 0, c } };
}
static Mat3 RotZ(float deg)  // positive turns +x towards +y
{
    float c = std::cos(Radians(deg)), s = std::sin(Radians(deg));
    return { { c, s, 0 }, { -s, c, 0 }, { 0, 0, 1 } };
}

float Distance(const Vec3& a, const Vec3& b) { return Length(a - b); }

float AngleDeg(const Vec3& a, const Vec3& b)
{
    float cosine = Dot(a, b) / (Length(a) * Length(b) + 1e-12f);
    return std::acos(Clamp(cosine, -1.0f, 1.0f)) * 57.29577951308232f;
}

float JointAngleDeg(const Vec3& a, const Vec3& vertex, const Vec3& b) { return AngleDeg(a - vertex, b - vertex); }

// --- [SECTION] Skeleton and forward kinematics ---------------------------------------------------

// Proportions of a 1.75 m adult, in metres.
constexpr float SpineLength = 0.50f;                      // pelvis to chest
constexpr float NeckLength = 0.10f;                       // chest to neck
constexpr float HeadOffset = 0.13f;                       // neck to the head's centre
constexpr Vec3 ShoulderOffset = { 0.19f, -0.04f, 0.0f };  // from the chest, left side, chest frame
constexpr Vec3 HipOffset = { 0.10f, -0.06f, 0.0f };       // from the pelvis, left side, pelvis frame
constexpr float UpperArmLength = 0.30f;
constexpr float LowerArmLength = 0.33f;  // elbow to the middle of the hand
constexpr float ThighLength = 0.45f;
constexpr float ShinLength = 0.43f;
constexpr float FootLength = 0.18f;  // ankle to toes

const Bone Bones[BoneCount] = {
    { Joint_Pelvis, Joint_Chest, BodySide_Centre, SpineLength },
    { Joint_Chest, Joint_Neck, BodySide_Centre, NeckLength },
    { Joint_Neck, Joint_Head, BodySide_Centre, HeadOffset },
    { Joint_Chest, Joint_ShoulderL, BodySide_Left, 0.194165f },  // |ShoulderOffset|
    { Joint_ShoulderL, Joint_ElbowL, BodySide_Left, UpperArmLength },
    { Joint_ElbowL, Joint_HandL, BodySide_Left, LowerArmLength },
    { Joint_Chest, Joint_ShoulderR, BodySide_Right, 0.194165f },
    { Joint_ShoulderR, Joint_ElbowR, BodySide_Right, UpperArmLength },
    { Joint_ElbowR, Joint_HandR, BodySide_Right, LowerArmLength },
    { Joint_Pelvis, Joint_HipL, BodySide_Left, 0.116619f },  // |HipOffset|
    { Joint_HipL, Joint_KneeL, BodySide_Left, ThighLength },
    { Joint_KneeL, Joint_AnkleL, BodySide_Left, ShinLength },
    { Joint_AnkleL, Joint_ToeL, BodySide_Left, FootLength },
    { Joint_Pelvis, Joint_HipR, BodySide_Right, 0.116619f },
    { Joint_HipR, Joint_KneeR, BodySide_Right, ThighLength },
    { Joint_KneeR, Joint_AnkleR, BodySide_Right, ShinLength },
    { Joint_AnkleR, Joint_ToeR, BodySide_Right, FootLength },
};

Joint MirrorJoint(Joint joint)
{
    if (joint >= Joint_ShoulderL && joint <= Joint_HandL)
        return (Joint)(joint + 3);
    if (joint >= Joint_ShoulderR && joint <= Joint_HandR)
        return (Joint)(joint - 3);
    if (joint >= Joint_HipL && joint <= Joint_ToeL)
        return (Joint)(joint + 4);
    if (joint >= Joint_HipR && joint <= Joint_ToeR)
        return (Joint)(joint - 4);
    return joint;
}

// --- [SECTION] Keyframe data -----------------------------------------------------------------------

// Angles in degrees. Each limb's angles mean the same on both sides: the right limb is built as
// the mirror of the left, so swapping the [0] and [1] entries mirrors a pose.
struct ArmAngles
{
    float Flex;    // shoulder: 0 = hanging, 90 = straight forward of the chest, 180 = overhead
    float Abduct;  // shoulder: raised out to the side (negative: across towards the middle)
    float Rotate;  // upper arm turned outward about its own axis (90: forearm up in a "W")
    float Elbow;   // 0 = straight
};

struct LegAngles
{
    float Flex;    // hip: 0 = in line with the trunk, 90 = thigh at right angles to it
    float Abduct;  // hip: thigh out to the side
    float Knee;    // 0 = straight
    float Ankle;   // 0 = foot at right angles to the shin; + toes up (dorsiflexed), - pointed
};

struct PoseAngles
{
    float Lean;        // pelvis tipped forward (+) or back (-) from upright; -90 lies on the back
    float SpineBend;   // chest bent forward relative to the pelvis
    float SpineTwist;  // chest turned to the figure's left (+) or right (-) relative to the pelvis
    float HeadBend;    // chin towards the chest
    ArmAngles Arm[2];  // [0] left, [1] right
    LegAngles Leg[2];  // [0] left, [1] right
};

static constexpr PoseAngles MirrorAngles(const PoseAngles& a)
{
    return { a.Lean, a.SpineBend, -a.SpineTwist, a.HeadBend, { a.Arm[1], a.Arm[0] }, { a.Leg[1], a.Leg[0] } };
}

constexpr float StandAnkleHeight = 0.07f;  // ankle above the floor when the foot is flat
constexpr float ToeHeight = 0.02f;         // toes above the floor when the foot is flat
constexpr float FootTurnOutDeg = 8.0f;     // feet flat on the floor point slightly outward

constexpr int MaxKeyframes = MaxTempoParts + 1;

struct ExerciseMotion
{
    const PoseAngles* Keys;  // the pose at each tempo part boundary: start, end of part 1, ...; last = first
    int KeyCount;            // tempo parts + 1
    Joint PinJoint;          // the body contact that must not slide ...
    Vec3 PinTarget;          // ... and where it stays (world)
    bool PlantFeet;          // legs reach fixed ankle targets by IK instead of using the leg angles
    Vec3 AnkleTarget;        // PlantFeet: the left ankle's floor point (x, z; y is StandAnkleHeight)
    Vec3 KneePole;           // PlantFeet: the direction the knees point
    Vec3 ViewCentre;         // the view centres here ...
    float ViewRadius;        // ... and shows this far around it ...
    Vec3 ViewHalfExtent;     // ... or, framed closer, this box around it (see PoseSample)
};

// Deadbug: on the back, hips and knees at 90 deg, arms straight up; then the left leg lowers
// straight towards the floor while the right arm reaches overhead; back; the other pair.
static constexpr PoseAngles DeadbugStart = {
    -90,
    0,
    0,
    0,
    { { 90, 0, 0, 0 }, { 90, 0, 0, 0 } },
    { { 90, 0, 90, 0 }, { 90, 0, 90, 0 } },
};
static constexpr PoseAngles DeadbugLeftLegOut = {
    -90,
    0,
    0,
    0,
    { { 90, 0, 0, 0 }, { 170, 0, 0, 0 } },
    { { 15, 0, 0, -15 }, { 90, 0, 90, 0 } },
};
static const PoseAngles DeadbugKeys[] = { DeadbugStart, DeadbugLeftLegOut, DeadbugStart, MirrorAngles(DeadbugLeftLegOut), DeadbugStart };

// Dorsiflexion (left foot; the right is the mirror): sitting, legs straight, hands on the floor
// behind; toes pointed away, pulled up, held, pointed away again. The other foot rests, relaxed
// and pointed, so the working foot's pull shows against it.
static constexpr PoseAngles DorsiflexionPointed = {
    -10,
    5,
    0,
    15,
    { { -30, 12, 0, 5 }, { -30, 12, 0, 5 } },
    { { 80, 3, 0, -40 }, { 80, 3, 0, -35 } },
};
static constexpr PoseAngles DorsiflexionToesUp = {
    -10,
    5,
    0,
    15,
    { { -30, 12, 0, 5 }, { -30, 12, 0, 5 } },
    { { 80, 3, 0, 20 }, { 80, 3, 0, -35 } },
};
static const PoseAngles DorsiflexionKeys[] = { DorsiflexionPointed, DorsiflexionToesUp, DorsiflexionToesUp, DorsiflexionPointed };

// Overhead trap pull: standing, band overhead with the hands wide; elbows bend down and back so
// the band comes behind the head to ear level; back up.
static constexpr PoseAngles TrapPullOverhead = {
    0,
    0,
    0,
    0,
    { { 8, 155, 90, 10 }, { 8, 155, 90, 10 } },
    { { 0, 4, 0, -16 }, { 0, 4, 0, -16 } },
};
static constexpr PoseAngles TrapPullEarLevel = {
    0,
    0,
    0,
    0,
    { { 35, 92, 90, 75 }, { 35, 92, 90, 75 } },
    { { 0, 4, 0, -16 }, { 0, 4, 0, -16 } },
};
static const PoseAngles TrapPullKeys[] = { TrapPullOverhead, TrapPullEarLevel, TrapPullOverhead };

// Russian twist: seated, trunk leaning back 45 deg with a straight spine, arms straight out in
// front of the chest (70 deg from the trunk, so the hands hover over the knees); turn right, centre,
// left, centre. The feet stay planted (legs by IK).
static constexpr PoseAngles RussianTwistCentre = {
    -45,
    0,
    0,
    5,
    { { 70, -8, 0, 0 }, { 70, -8, 0, 0 } },
    { { 0, 0, 0, 0 }, { 0, 0, 0, 0 } },
};
static constexpr PoseAngles RussianTwistRight = {
    -45,
    0,
    -40,
    5,
    { { 70, -3, 0, 0 }, { 70, -3, 0, 0 } },
    { { 0, 0, 0, 0 }, { 0, 0, 0, 0 } },
};
static const PoseAngles RussianTwistKeys[] = { RussianTwistCentre, RussianTwistRight, RussianTwistCentre, MirrorAngles(RussianTwistRight), RussianTwistCentre };

static const ExerciseMotion Motions[ExerciseCount] = {
    { DeadbugKeys, 5, Joint_Pelvis, { 0, 0.11f, 0 }, false, {}, {}, { 0, 0.43f, -0.085f }, 1.09f, { 0.21f, 0.34f, 1.02f } },
    { DorsiflexionKeys, 4, Joint_Pelvis, { 0, 0.14f, 0 }, false, {}, {}, { 0, 0.435f, 0.483f }, 1.0f, { 0.34f, 0.455f, 0.78f } },
    { TrapPullKeys, 3, Joint_AnkleL, { 0.1614f, StandAnkleHeight, 0 }, false, {}, {}, { 0, 1.037f, 0.03f }, 1.17f, { 0.61f, 1.04f, 0.25f } },
    { nullptr, 0, Joint_Pelvis, {}, false, {}, {}, {}, 1.0f, {} },  // monster walks: see MonsterWalk
    { RussianTwistKeys, 5, Joint_Pelvis, { 0, 0.12f, 0 }, true, { 0.14f, 0, 0.64f }, { 0, 1, 0.2f }, { 0, 0.458f, 0.15f }, 0.87f, { 0.55f, 0.46f, 0.68f } },
};

// Monster walk: a half squat held while stepping; one rep is one step (see PoseWalkStep).
struct MonsterWalkMotion
{
    PoseAngles Body;     // trunk, head and arms (the legs come from the feet by IK)
    float PelvisHeight;  // half squat: knees bent about 45 deg, about 55 under the stepping foot
    float HalfWidth;     // ankle distance from the middle line: a wide stance
    float StepTravel;    // the body moves this far per step; each foot moves twice as far
    float SwingLift;     // how high the stepping foot clears the floor
    float SwingOutward;  // how much wider the stepping foot goes mid-step (keeps the band taut)
    float ArmSwingDeg;   // the hands, held in front of the chest, swing a little opposite to the legs
    float KneeOut;       // knees point over the toes, a little outward
    float ViewHeight, ViewRadius;
    float ViewAhead;      // the view centre is this far ahead of the pelvis (the toes lead)
    Vec3 ViewHalfExtent;  // the box around the view centre that holds the walker (see PoseSample)
};

static constexpr MonsterWalkMotion MonsterWalk = {
    { 16, 0, 0, -12, { { 35, 14, 0, 95 }, { 35, 14, 0, 95 } }, { { 0, 0, 0, 0 }, { 0, 0, 0, 0 } } },
    0.925f,
    0.24f,
    0.20f,
    0.05f,
    0.08f,
    4.0f,
    0.35f,
    0.85f,
    1.05f,
    0.20f,
    { 0.36f, 0.85f, 0.36f },
};

struct AnchorPost
{
    float Distance;  // from the ankle, straight ahead of the foot
    float Height;    // where the band is tied
};
static constexpr AnchorPost DorsiflexionPost = { 0.35f, 0.22f };

struct BandRange
{
    float SlackLength;  // distance between the attachment points where the band goes slack
    float FullLength;   // ... and where it is at its most stretched
};
static constexpr BandRange BandRanges[ExerciseCount] = {
    { 0.04f, 0.48f },  // deadbug: knee to knee (hip-width knees already stretch it)
    { 0.22f, 0.40f },  // dorsiflexion: post to foot
    { 0.60f, 1.20f },  // trap pull: hand to hand
    { 0.38f, 0.58f },  // monster walk: ankle to ankle
    { 0.10f, 0.34f },  // russian twist: hand to hand
};

// Chosen so every bone that carries the movement is drawn at least 40% of its length at every key
// pose, and the pose facts a beginner must see (lean, knee bend, stance, band) read in the flat
// drawing; tests/core/test_figure_layout.cpp holds them to it.
static constexpr Camera DefaultCameras[ExerciseCount] = {
    { -60.0f, 25.0f },   // deadbug: front quarter from the figure's right, above: the 90/90 and each long limb in near profile, the band between the knees in view
    { 80.0f, 6.0f },     // dorsiflexion: from the working foot's side, low: the ankle angle reads in profile, the resting foot behind it
    { 35.0f, 12.0f },    // trap pull: front three-quarter with the face in view, so the head hides the band behind it; arms wide and whole
    { 45.0f, 15.0f },    // monster walk: half from the side (the squat's knee bend), half from the front (the wide stance and the band)
    { -135.0f, 20.0f },  // russian twist: from behind the right shoulder, above: left is left as the runner sees it, the lean reads at 45 deg, the bent knees and the arms swinging right and left all show
};

static ArmAngles Lerp(const ArmAngles& a, const ArmAngles& b, float t)
{
    return { Lerp(a.Flex, b.Flex, t), Lerp(a.Abduct, b.Abduct, t), Lerp(a.Rotate, b.Rotate, t), Lerp(a.Elbow, b.Elbow, t) };
}

static LegAngles Lerp(const LegAngles& a, const LegAngles& b, float t)
{
    return { Lerp(a.Flex, b.Flex, t), Lerp(a.Abduct, b.Abduct, t), Lerp(a.Knee, b.Knee, t), Lerp(a.Ankle, b.Ankle, t) };
}

static PoseAngles Lerp(const PoseAngles& a, const PoseAngles& b, float t)
{
    PoseAngles r;
    r.Lean = Lerp(a.Lean, b.Lean, t);
    r.SpineBend = Lerp(a.SpineBend, b.SpineBend, t);
    r.SpineTwist = Lerp(a.SpineTwist, b.SpineTwist, t);
    r.HeadBend = Lerp(a.HeadBend, b.HeadBend, t);
    for (int i = 0; i < 2; i++)
    {
        r.Arm[i] = Lerp(a.Arm[i], b.Arm[i], t);
        r.Leg[i] = Lerp(a.Leg[i], b.Leg[i], t);
    }
    return r;
}

// Side index 0 is the left (+x), 1 the right; the right limb uses the same angles mirrored.
static float SideSign(int side) { return side == 0 ? 1.0f : -1.0f; }
static Vec3 SideOffset(const Vec3& left_offset, int side) { return { left_offset.x * SideSign(side), left_offset.y, left_offset.z }; }

static Mat3 PelvisFrame(const PoseAngles& angles) { return RotX(angles.Lean); }

// Trunk, head and arms from the pelvis position; legs are posed separately (by angles or IK).
static void PoseUpperBody(const PoseAngles& angles, const Vec3& pelvis, Vec3* joints)
{
    Mat3 pelvis_frame = PelvisFrame(angles);
    Mat3 chest_frame = Mul(pelvis_frame, Mul(RotX(angles.SpineBend), RotY(angles.SpineTwist)));
    Mat3 head_frame = Mul(chest_frame, RotX(angles.HeadBend));
    Vec3 chest = pelvis + Apply(chest_frame, { 0, SpineLength, 0 });
    Vec3 neck = chest + Apply(chest_frame, { 0, NeckLength, 0 });
    joints[Joint_Pelvis] = pelvis;
    joints[Joint_Chest] = chest;
    joints[Joint_Neck] = neck;
    joints[Joint_Head] = neck + Apply(head_frame, { 0, HeadOffset, 0 });
    for (int side = 0; side < 2; side++)
    {
        const ArmAngles& arm = angles.Arm[side];
        float s = SideSign(side);
        Mat3 arm_frame = Mul(chest_frame, Mul(RotX(-arm.Flex), Mul(RotZ(s * arm.Abduct), RotY(s * arm.Rotate))));
        Vec3 shoulder = chest + Apply(chest_frame, SideOffset(ShoulderOffset, side));
        Vec3 elbow = shoulder + Apply(arm_frame, { 0, -UpperArmLength, 0 });
        float elbow_rad = Radians(arm.Elbow);
        Vec3 forearm = Apply(arm_frame, { 0, -std::cos(elbow_rad), std::sin(elbow_rad) });
        joints[Joint_ShoulderL + 3 * side] = shoulder;
        joints[Joint_ElbowL + 3 * side] = elbow;
        joints[Joint_HandL + 3 * side] = elbow + forearm * LowerArmLength;
    }
}

static Vec3 HipPosition(const PoseAngles& angles, const Vec3& pelvis, int side)
{
    return pelvis + Apply(PelvisFrame(angles), SideOffset(HipOffset, side));
}

static void PoseLegByAngles(const PoseAngles& angles, const Vec3& pelvis, int side, Vec3* joints)
{
    const LegAngles& leg = angles.Leg[side];
    Mat3 thigh_frame = Mul(PelvisFrame(angles), Mul(RotX(-leg.Flex), RotZ(SideSign(side) * leg.Abduct)));
    Mat3 shin_frame = Mul(thigh_frame, RotX(leg.Knee));
    Vec3 hip = HipPosition(angles, pelvis, side);
    Vec3 knee = hip + Apply(thigh_frame, { 0, -ThighLength, 0 });
    Vec3 ankle = knee + Apply(shin_frame, { 0, -ShinLength, 0 });
    Vec3 toe = ankle + Apply(Mul(shin_frame, RotX(-leg.Ankle)), { 0, 0, FootLength });
    joints[Joint_HipL + 4 * side] = hip;
    joints[Joint_KneeL + 4 * side] = knee;
    joints[Joint_AnkleL + 4 * side] = ankle;
    joints[Joint_ToeL + 4 * side] = toe;
}

// Two-bone IK: the ankle goes to target (or as far as the leg reaches), the knee bends towards
// pole, the foot points along foot_direction. Bone lengths stay exact.
static void PoseLegByTarget(const Vec3& hip, const Vec3& target, const Vec3& pole, const Vec3& foot_direction, int side, Vec3* joints)
{
    Vec3 to_target = target - hip;
    Vec3 dir = Normalize(to_target);
    float reach = Clamp(Length(to_target), ThighLength - ShinLength + 1e-3f, ThighLength + ShinLength - 1e-4f);
    float cos_hip = (ThighLength * ThighLength + reach * reach - ShinLength * ShinLength) / (2.0f * ThighLength * reach);
    float sin_hip = std::sqrt(Clamp(1.0f - cos_hip * cos_hip, 0.0f, 1.0f));
    Vec3 bend = Normalize(pole - dir * Dot(pole, dir));
    Vec3 knee = hip + (dir * cos_hip + bend * sin_hip) * ThighLength;
    Vec3 ankle = hip + dir * reach;
    joints[Joint_HipL + 4 * side] = hip;
    joints[Joint_KneeL + 4 * side] = knee;
    joints[Joint_AnkleL + 4 * side] = ankle;
    joints[Joint_ToeL + 4 * side] = ankle + Normalize(foot_direction) * FootLength;
}

// A foot flat on the floor: toes forward (turned out a little), down to the floor from the ankle.
static Vec3 FlatFootDirection(int side)
{
    float drop = (StandAnkleHeight - ToeHeight) / FootLength;
    float forward = std::sqrt(1.0f - drop * drop);
    float turn_out = Radians(FootTurnOutDeg);
    return { SideSign(side) * forward * std::sin(turn_out), -drop, forward * std::cos(turn_out) };
}

// --- [SECTION] Keyframed exercises -----------------------------------------------------------------

// Pose angles at time_ms into the rep: eased between the keyframes at the tempo's part boundaries.
static PoseAngles KeyframedAngles(const ExerciseMotion& motion, const Exercise& exercise, float phase)
{
    int parts = motion.KeyCount - 1;
    float boundaries[MaxKeyframes];
    boundaries[0] = 0.0f;
    if (exercise.TempoPartCount == parts && RepDurationMs(exercise) > 0)
    {
        float total = (float)RepDurationMs(exercise), sum = 0.0f;
        for (int i = 0; i < parts; i++)
        {
            sum += (float)exercise.Tempo[i].DurationMs;
            boundaries[i + 1] = sum / total;
        }
    }
    else
    {
        for (int i = 1; i <= parts; i++)
            boundaries[i] = (float)i / (float)parts;
    }
    int part = 0;
    while (part < parts - 1 && phase >= boundaries[part + 1])
        part++;
    float span = boundaries[part + 1] - boundaries[part];
    float t = span > 0.0f ? Clamp((phase - boundaries[part]) / span, 0.0f, 1.0f) : 1.0f;
    return Lerp(motion.Keys[part], motion.Keys[part + 1], Smoothstep(t));
}

static void PoseKeyframed(const ExerciseMotion& motion, const PoseAngles& angles, Vec3* joints)
{
    if (motion.PlantFeet)
    {
        // The seat is pinned (PinJoint is the pelvis) and the feet reach their floor points.
        PoseUpperBody(angles, motion.PinTarget, joints);
        for (int side = 0; side < 2; side++)
        {
            Vec3 target = SideOffset(motion.AnkleTarget, side) + Vec3{ 0, StandAnkleHeight, 0 };
            PoseLegByTarget(HipPosition(angles, motion.PinTarget, side), target, motion.KneePole, FlatFootDirection(side), side, joints);
        }
        return;
    }
    // Pose with the pelvis at the origin, then move the whole body so the contact joint sits on
    // its fixed floor point: contacts never slide, bones keep their length.
    Vec3 origin = { 0, 0, 0 };
    PoseUpperBody(angles, origin, joints);
    for (int side = 0; side < 2; side++)
        PoseLegByAngles(angles, origin, side, joints);
    Vec3 shift = motion.PinTarget - joints[motion.PinJoint];
    for (int i = 0; i < Joint_COUNT; i++)
        joints[i] = joints[i] + shift;
}

// --- [SECTION] Monster walks (stepping: stance foot pinned, legs by two-bone IK) -------------------

// One step of the walk forward, the left foot stepping: pelvis moves StepTravel at a steady pace
// while the right foot stays planted; the left foot swings from behind to in front, wide.
static void PoseWalkStep(float phase, Vec3* joints)
{
    const MonsterWalkMotion& walk = MonsterWalk;
    float s = Smoothstep(phase);
    float arc = std::sin(3.14159265f * s);

    PoseAngles angles = walk.Body;
    angles.Arm[0].Flex = walk.Body.Arm[0].Flex + walk.ArmSwingDeg * (1.0f - 2.0f * s);  // left arm back as the left foot comes forward
    angles.Arm[1].Flex = walk.Body.Arm[1].Flex - walk.ArmSwingDeg * (1.0f - 2.0f * s);

    Vec3 pelvis = { 0, walk.PelvisHeight, phase * walk.StepTravel };
    PoseUpperBody(angles, pelvis, joints);

    Vec3 swing_target = {
        walk.HalfWidth + walk.SwingOutward * arc,
        StandAnkleHeight + walk.SwingLift * arc,
        Lerp(-0.5f, 1.5f, s) * walk.StepTravel,
    };
    Vec3 stance_target = { -walk.HalfWidth, StandAnkleHeight, 0.5f * walk.StepTravel };
    Vec3 targets[2] = { swing_target, stance_target };
    for (int side = 0; side < 2; side++)
    {
        Vec3 pole = { SideSign(side) * walk.KneeOut, 0.0f, 1.0f };
        PoseLegByTarget(HipPosition(angles, pelvis, side), targets[side], pole, FlatFootDirection(side), side, joints);
    }
}

static void MirrorJoints(Vec3* joints)
{
    Vec3 mirrored[Joint_COUNT];
    for (int i = 0; i < Joint_COUNT; i++)
    {
        Vec3 p = joints[MirrorJoint((Joint)i)];
        mirrored[i] = { -p.x, p.y, p.z };
    }
    for (int i = 0; i < Joint_COUNT; i++)
        joints[i] = mirrored[i];
}

// Walk time in steps, continuous across reps: forward it runs with the reps, backward against
// them. Travel wraps every two steps (one full stride) so numbers stay small; the view follows
// the walker and the floor marks repeat every step, so the wrap cannot be seen.
static float PoseMonsterWalk(Side side, float phase, int rep_index, Vec3* joints)
{
    int step = rep_index;
    float step_phase = phase;
    if (side == Side::Back)
    {
        step = -rep_index - 1;
        step_phase = 1.0f - phase;
    }
    int parity = ((step % 2) + 2) % 2;
    PoseWalkStep(step_phase, joints);
    if (parity == 1)
        MirrorJoints(joints);
    float travel = (float)parity * MonsterWalk.StepTravel;
    for (int i = 0; i < Joint_COUNT; i++)
        joints[i].z += travel;
    return travel + step_phase * MonsterWalk.StepTravel;  // where the pelvis is along z
}

// --- [SECTION] Sampling, mirroring, band -----------------------------------------------------------

static Band MakeBand(ExerciseId exercise, const Vec3* joints)
{
    Band band = {};
    switch (exercise)
    {
    case ExerciseId::Deadbug:  // loop just above the knees
        band.Kind = BandKind_Loop;
        band.A = Lerp(joints[Joint_HipL], joints[Joint_KneeL], 0.75f);
        band.B = Lerp(joints[Joint_HipR], joints[Joint_KneeR], 0.75f);
        break;
    case ExerciseId::MonsterWalk:  // loop just above the ankles
        band.Kind = BandKind_Loop;
        band.A = joints[Joint_AnkleL] + Normalize(joints[Joint_KneeL] - joints[Joint_AnkleL]) * 0.06f;
        band.B = joints[Joint_AnkleR] + Normalize(joints[Joint_KneeR] - joints[Joint_AnkleR]) * 0.06f;
        break;
    case ExerciseId::Dorsiflexion:
    {  // the left foot's band, from a post in front of it
        band.Kind = BandKind_Anchored;
        Vec3 ankle = joints[Joint_AnkleL];
        band.PostBase = { ankle.x, 0.0f, ankle.z + DorsiflexionPost.Distance };
        band.A = { band.PostBase.x, DorsiflexionPost.Height, band.PostBase.z };
        band.B = Lerp(ankle, joints[Joint_ToeL], 0.6f);
        break;
    }
    case ExerciseId::TrapPull:
    case ExerciseId::RussianTwist:
    case ExerciseId::COUNT:
        band.Kind = BandKind_Strap;
        band.A = joints[Joint_HandL];
        band.B = joints[Joint_HandR];
        break;
    }
    const BandRange& range = BandRanges[(int)exercise];
    band.Stretch = Clamp((Distance(band.A, band.B) - range.SlackLength) / (range.FullLength - range.SlackLength), 0.0f, 1.0f);
    return band;
}

PoseSample MirrorPose(const PoseSample& pose)
{
    PoseSample mirrored = pose;
    MirrorJoints(mirrored.Joints);
    auto reflect = [](const Vec3& p) { return Vec3{ -p.x, p.y, p.z }; };
    mirrored.Strap.A = reflect(pose.Strap.Kind == BandKind_Anchored ? pose.Strap.A : pose.Strap.B);
    mirrored.Strap.B = reflect(pose.Strap.Kind == BandKind_Anchored ? pose.Strap.B : pose.Strap.A);
    mirrored.Strap.PostBase = reflect(pose.Strap.PostBase);
    mirrored.ViewCentre = reflect(pose.ViewCentre);
    if (pose.PoseSide == Side::Left)
        mirrored.PoseSide = Side::Right;
    else if (pose.PoseSide == Side::Right)
        mirrored.PoseSide = Side::Left;
    return mirrored;
}

PoseSample SamplePose(ExerciseId exercise, Side side, float rep_phase, int rep_index)
{
    if ((int)exercise < 0 || (int)exercise >= ExerciseCount)
        exercise = ExerciseId::Deadbug;
    float phase = std::isfinite(rep_phase) ? rep_phase - std::floor(rep_phase) : 0.0f;
    if (phase >= 1.0f)
        phase = 0.0f;
    const Exercise& info = GetExercise(exercise);

    PoseSample pose = {};
    pose.Exercise = exercise;
    pose.FloorTickSpacing = 0.0f;
    if (info.Style == SetStyle::Directions)
    {
        pose.PoseSide = side == Side::Back ? Side::Back : Side::Forward;
        float pelvis_z = PoseMonsterWalk(pose.PoseSide, phase, rep_index, pose.Joints);
        pose.ViewCentre = { 0.0f, MonsterWalk.ViewHeight, pelvis_z + MonsterWalk.ViewAhead };
        pose.ViewRadius = MonsterWalk.ViewRadius;
        pose.ViewHalfExtent = MonsterWalk.ViewHalfExtent;
        pose.FloorTickSpacing = MonsterWalk.StepTravel;
        pose.Strap = MakeBand(exercise, pose.Joints);
        return pose;
    }

    const ExerciseMotion& motion = Motions[(int)exercise];
    PoseKeyframed(motion, KeyframedAngles(motion, info, phase), pose.Joints);
    pose.Strap = MakeBand(exercise, pose.Joints);
    pose.ViewCentre = motion.ViewCentre;
    pose.ViewRadius = motion.ViewRadius;
    pose.ViewHalfExtent = motion.ViewHalfExtent;
    if (info.Style == SetStyle::PerSide)
    {
        pose.PoseSide = Side::Left;
        if (side == Side::Right)
            pose = MirrorPose(pose);
    }
    else
    {
        pose.PoseSide = Side::None;
    }
    return pose;
}

// --- [SECTION] Labels ---------------------------------------------------------------------------------

const char* MovingLimbs(ExerciseId exercise, Side side)
{
    if (side != Side::Left && side != Side::Right)
        return nullptr;
    const bool left = side == Side::Left;
    switch (exercise)
    {
    // TRANSLATORS: what a deadbug's half-rep moves, shown beside the tempo part: a leg and the opposite arm
    case ExerciseId::Deadbug: return left ? Tr("Left leg + right arm") : Tr("Right leg + left arm");  // what moves in DeadbugLeftLegOut and its mirror
    case ExerciseId::Dorsiflexion: return left ? Tr("Left foot") : Tr("Right foot");
    default: return nullptr;
    }
}

// --- [SECTION] Camera and projection ----------------------------------------------------------------

Camera DefaultCamera(ExerciseId exercise, Side side)
{
    if ((int)exercise < 0 || (int)exercise >= ExerciseCount)
        exercise = ExerciseId::Deadbug;
    Camera camera = DefaultCameras[(int)exercise];
    if (side == Side::Right && GetExercise(exercise).Style == SetStyle::PerSide)
        camera.YawDeg = -camera.YawDeg;
    return camera;
}

void OrbitCamera(Camera* camera, float delta_yaw_deg, float delta_pitch_deg)
{
    float yaw = std::fmod(camera->YawDeg + delta_yaw_deg, 360.0f);
    if (yaw > 180.0f)
        yaw -= 360.0f;
    if (yaw < -180.0f)
        yaw += 360.0f;
    camera->YawDeg = yaw;
    camera->PitchDeg = Clamp(camera->PitchDeg + delta_pitch_deg, MinPitchDeg, MaxPitchDeg);
}

ViewPoint ProjectPoint(const Vec3& point, const Vec3& view_centre, const Camera& camera)
{
    float yaw = Radians(camera.YawDeg), pitch = Radians(camera.PitchDeg);
    float cy = std::cos(yaw), sy = std::sin(yaw), cp = std::cos(pitch), sp = std::sin(pitch);
    Vec3 towards_viewer = { sy * cp, sp, cy * cp };
    Vec3 right = { cy, 0.0f, -sy };
    Vec3 up = Cross(towards_viewer, right);
    Vec3 p = point - view_centre;
    return { Dot(p, right), Dot(p, up), Dot(p, towards_viewer) };
}

ProjectedPose ProjectPose(const PoseSample& pose, const Camera& camera)
{
    ProjectedPose projected;
    for (int i = 0; i < Joint_COUNT; i++)
        projected.Joints[i] = ProjectPoint(pose.Joints[i], pose.ViewCentre, camera);
    projected.BandA = ProjectPoint(pose.Strap.A, pose.ViewCentre, camera);
    projected.BandB = ProjectPoint(pose.Strap.B, pose.ViewCentre, camera);
    projected.PostBase = ProjectPoint(pose.Strap.PostBase, pose.ViewCentre, camera);
    projected.FloorCentre = ProjectPoint({ pose.ViewCentre.x, 0.0f, pose.ViewCentre.z }, pose.ViewCentre, camera);
    return projected;
}

}  // namespace core
