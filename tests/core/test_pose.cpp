// Properties of the stick-figure animation: the skeleton stays rigid, loops close, the other side
// is the exact mirror, nothing goes through the floor, contacts do not slide, the coach's key
// positions hold at the tempo's part boundaries, and the band stretches while the rep works.
#include "core/pose.h"
#include "tempo_boundary.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>
#include <vector>

using namespace core;
using Catch::Matchers::WithinAbs;

namespace {

struct SetSides
{
    Side First, Second;
};

SetSides SidesOf(ExerciseId id)
{
    const Exercise& exercise = GetExercise(id);
    return { ExerciseSide(exercise, 0), ExerciseSide(exercise, 1) };
}

Vec3 Sub(const Vec3& a, const Vec3& b) { return { a.x - b.x, a.y - b.y, a.z - b.z }; }
float Dot(const Vec3& a, const Vec3& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
Vec3 Cross(const Vec3& a, const Vec3& b) { return { a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x }; }
Vec3 Reflect(const Vec3& p) { return { -p.x, p.y, p.z }; }
const Vec3 Up = { 0, 1, 0 };

void RequireNear(const Vec3& a, const Vec3& b, float tolerance)
{
    REQUIRE_THAT(a.x, WithinAbs(b.x, tolerance));
    REQUIRE_THAT(a.y, WithinAbs(b.y, tolerance));
    REQUIRE_THAT(a.z, WithinAbs(b.z, tolerance));
}

// Joints relative to the view centre (monster walks travel; the view follows them).
void RequireSameView(const PoseSample& a, const PoseSample& b, float tolerance)
{
    for (int j = 0; j < Joint_COUNT; j++)
        RequireNear(Sub(a.Joints[j], a.ViewCentre), Sub(b.Joints[j], b.ViewCentre), tolerance);
}

const ExerciseId AllExercises[] = { ExerciseId::Deadbug, ExerciseId::Dorsiflexion, ExerciseId::TrapPull, ExerciseId::MonsterWalk, ExerciseId::RussianTwist };

float KneeFlexion(const PoseSample& p, int side)  // 0 = straight
{
    int o = 4 * side;
    return 180.0f - JointAngleDeg(p.Joints[Joint_HipL + o], p.Joints[Joint_KneeL + o], p.Joints[Joint_AnkleL + o]);
}

float HipAngle(const PoseSample& p, int side)  // between the trunk and the thigh: 180 = in line
{
    int o = 4 * side;
    return AngleDeg(Sub(p.Joints[Joint_Chest], p.Joints[Joint_Pelvis]), Sub(p.Joints[Joint_KneeL + o], p.Joints[Joint_HipL + o]));
}

float ElbowAngle(const PoseSample& p, int side)  // 180 = straight
{
    int o = 3 * side;
    return JointAngleDeg(p.Joints[Joint_ShoulderL + o], p.Joints[Joint_ElbowL + o], p.Joints[Joint_HandL + o]);
}

Vec3 ArmDirection(const PoseSample& p, int side)
{
    int o = 3 * side;
    return Sub(p.Joints[Joint_HandL + o], p.Joints[Joint_ShoulderL + o]);
}

Vec3 Trunk(const PoseSample& p) { return Sub(p.Joints[Joint_Chest], p.Joints[Joint_Pelvis]); }

}  // namespace

TEST_CASE("Bones keep their length at every sampled time", "[pose]")
{
    for (ExerciseId id : AllExercises)
    {
        SetSides sides = SidesOf(id);
        for (Side side : { sides.First, sides.Second })
        {
            for (int i = 0; i < 1000; i++)
            {
                PoseSample p = SamplePose(id, side, (float)i / 1000.0f, i % 7);
                for (const Bone& bone : Bones)
                    REQUIRE_THAT(Distance(p.Joints[bone.From], p.Joints[bone.To]), WithinAbs(bone.Length, 1e-4));
            }
        }
    }
}

TEST_CASE("Loops end where they start", "[pose]")
{
    SECTION("keyframed exercises close within one rep")
    {
        for (ExerciseId id : { ExerciseId::Deadbug, ExerciseId::Dorsiflexion, ExerciseId::TrapPull, ExerciseId::RussianTwist })
        {
            SetSides sides = SidesOf(id);
            for (Side side : { sides.First, sides.Second })
                RequireSameView(SamplePose(id, side, 0.0f, 3), SamplePose(id, side, 0.99999f, 3), 1e-3f);
        }
    }
    SECTION("monster walk steps join up and a two-step stride closes")
    {
        for (Side side : { Side::Forward, Side::Back })
        {
            for (int rep = 0; rep < 5; rep++)
                RequireSameView(SamplePose(ExerciseId::MonsterWalk, side, 0.99999f, rep), SamplePose(ExerciseId::MonsterWalk, side, 0.0f, rep + 1), 1e-3f);
            RequireSameView(SamplePose(ExerciseId::MonsterWalk, side, 0.3f, 0), SamplePose(ExerciseId::MonsterWalk, side, 0.3f, 2), 1e-5f);
        }
    }
    SECTION("phases outside [0,1) wrap")
    {
        RequireSameView(SamplePose(ExerciseId::TrapPull, Side::Left, 1.25f), SamplePose(ExerciseId::TrapPull, Side::Left, 0.25f), 1e-4f);
        RequireSameView(SamplePose(ExerciseId::TrapPull, Side::Left, -0.75f), SamplePose(ExerciseId::TrapPull, Side::Left, 0.25f), 1e-4f);
        RequireSameView(SamplePose(ExerciseId::TrapPull, Side::Left, NAN), SamplePose(ExerciseId::TrapPull, Side::Left, 0.0f), 1e-6f);
    }
}

TEST_CASE("The other side is the exact mirror", "[pose]")
{
    SECTION("per-side exercises: Right reflects Left")
    {
        // (The trap pull is one two-arm set: it has no right-side set to mirror.)
        for (ExerciseId id : { ExerciseId::Dorsiflexion })
        {
            for (int i = 0; i < 100; i++)
            {
                float phase = (float)i / 100.0f;
                PoseSample left = SamplePose(id, Side::Left, phase);
                PoseSample right = SamplePose(id, Side::Right, phase);
                CHECK(right.PoseSide == Side::Right);
                for (int j = 0; j < Joint_COUNT; j++)
                    RequireNear(right.Joints[j], Reflect(left.Joints[MirrorJoint((Joint)j)]), 1e-6f);
                RequireNear(right.ViewCentre, Reflect(left.ViewCentre), 1e-6f);
                REQUIRE_THAT(right.Strap.Stretch, WithinAbs(left.Strap.Stretch, 1e-6));
            }
            Camera left_camera = DefaultCamera(id, Side::Left), right_camera = DefaultCamera(id, Side::Right);
            REQUIRE_THAT(right_camera.YawDeg, WithinAbs(-left_camera.YawDeg, 1e-6));
            REQUIRE_THAT(right_camera.PitchDeg, WithinAbs(left_camera.PitchDeg, 1e-6));
        }
    }
    SECTION("dorsiflexion bands the worked foot")
    {
        PoseSample left = SamplePose(ExerciseId::Dorsiflexion, Side::Left, 0.0f);
        PoseSample right = SamplePose(ExerciseId::Dorsiflexion, Side::Right, 0.0f);
        REQUIRE(Distance(left.Strap.B, left.Joints[Joint_ToeL]) < Distance(left.Strap.B, left.Joints[Joint_ToeR]));
        REQUIRE(Distance(right.Strap.B, right.Joints[Joint_ToeR]) < Distance(right.Strap.B, right.Joints[Joint_ToeL]));
    }
    SECTION("alternating exercises: the second half of the rep mirrors the first")
    {
        for (ExerciseId id : { ExerciseId::Deadbug, ExerciseId::RussianTwist })
        {
            REQUIRE_THAT(PartBoundary(id, 2), WithinAbs(0.5, 1e-6));
            for (int i = 0; i < 50; i++)
            {
                float phase = (float)i / 100.0f;
                PoseSample first = SamplePose(id, Side::None, phase);
                PoseSample second = SamplePose(id, Side::None, phase + 0.5f);
                for (int j = 0; j < Joint_COUNT; j++)
                    RequireNear(second.Joints[j], Reflect(first.Joints[MirrorJoint((Joint)j)]), 1e-4f);
            }
        }
    }
    SECTION("monster walks: each step mirrors the one before, one step further on")
    {
        for (int i = 0; i < 50; i++)
        {
            float phase = (float)i / 50.0f;
            PoseSample even = SamplePose(ExerciseId::MonsterWalk, Side::Forward, phase, 0);
            PoseSample odd = SamplePose(ExerciseId::MonsterWalk, Side::Forward, phase, 1);
            float step = odd.ViewCentre.z - even.ViewCentre.z;
            REQUIRE(step > 0.1f);
            for (int j = 0; j < Joint_COUNT; j++)
            {
                Vec3 m = Reflect(even.Joints[MirrorJoint((Joint)j)]);
                RequireNear(odd.Joints[j], { m.x, m.y, m.z + step }, 1e-5f);
            }
        }
    }
}

TEST_CASE("Nothing goes below the floor and the view holds the whole movement", "[pose]")
{
    for (ExerciseId id : AllExercises)
    {
        SetSides sides = SidesOf(id);
        for (Side side : { sides.First, sides.Second })
        {
            for (int i = 0; i < 400; i++)
            {
                PoseSample p = SamplePose(id, side, (float)i / 400.0f, i % 3);
                auto require_in_box = [&](const Vec3& point) {
                    Vec3 d = Sub(point, p.ViewCentre);
                    REQUIRE(std::fabs(d.x) <= p.ViewHalfExtent.x);
                    REQUIRE(std::fabs(d.y) <= p.ViewHalfExtent.y);
                    REQUIRE(std::fabs(d.z) <= p.ViewHalfExtent.z);
                };
                for (int j = 0; j < Joint_COUNT; j++)
                {
                    REQUIRE(p.Joints[j].y >= -1e-5f);
                    REQUIRE(Distance(p.Joints[j], p.ViewCentre) <= p.ViewRadius);
                    require_in_box(p.Joints[j]);
                }
                require_in_box(p.Strap.A);
                require_in_box(p.Strap.B);
                if (p.Strap.Kind == BandKind_Anchored)
                    require_in_box(p.Strap.PostBase);
                REQUIRE(p.Joints[Joint_Head].y >= HeadRadius - 1e-3f);
                REQUIRE(p.Strap.A.y >= 0.0f);
                REQUIRE(p.Strap.B.y >= 0.0f);
            }
        }
    }
}

TEST_CASE("Contacts with the floor do not slide", "[pose]")
{
    auto require_still = [](ExerciseId id, Side side, std::vector<Joint> joints) {
        PoseSample first = SamplePose(id, side, 0.0f);
        for (int i = 1; i < 200; i++)
        {
            PoseSample p = SamplePose(id, side, (float)i / 200.0f);
            for (Joint j : joints)
                RequireNear(p.Joints[j], first.Joints[j], 1e-4f);
        }
    };
    SECTION("deadbug: the back stays flat on the floor")
    {
        require_still(ExerciseId::Deadbug, Side::None, { Joint_Pelvis, Joint_Chest, Joint_Neck, Joint_Head, Joint_HipL, Joint_HipR });
        PoseSample p = SamplePose(ExerciseId::Deadbug, Side::None, 0.0f);
        REQUIRE_THAT(p.Joints[Joint_Chest].y, WithinAbs(p.Joints[Joint_Pelvis].y, 1e-4));
    }
    SECTION("dorsiflexion: seat and the worked leg stay put, only the foot moves")
    {
        require_still(ExerciseId::Dorsiflexion, Side::Left, { Joint_Pelvis, Joint_HipL, Joint_KneeL, Joint_AnkleL, Joint_HandL, Joint_HandR });
        require_still(ExerciseId::Dorsiflexion, Side::Right, { Joint_Pelvis, Joint_HipR, Joint_KneeR, Joint_AnkleR });
    }
    SECTION("trap pull: feet planted")
    {
        require_still(ExerciseId::TrapPull, Side::Left, { Joint_AnkleL, Joint_ToeL, Joint_AnkleR, Joint_ToeR, Joint_Pelvis });
    }
    SECTION("russian twist: seat and feet planted")
    {
        require_still(ExerciseId::RussianTwist, Side::None, { Joint_Pelvis, Joint_AnkleL, Joint_ToeL, Joint_AnkleR, Joint_ToeR });
    }
    SECTION("monster walk: the stance foot stays put through each step")
    {
        for (Side side : { Side::Forward, Side::Back })
        {
            for (int rep = 0; rep < 4; rep++)
            {
                PoseSample first = SamplePose(ExerciseId::MonsterWalk, side, 0.0f, rep);
                PoseSample last = SamplePose(ExerciseId::MonsterWalk, side, 0.99999f, rep);
                // The foot that does not move over the step is the stance foot; the other swings.
                bool left_stance = Distance(first.Joints[Joint_AnkleL], last.Joints[Joint_AnkleL]) < 1e-3f;
                Joint ankle = left_stance ? Joint_AnkleL : Joint_AnkleR;
                Joint toe = left_stance ? Joint_ToeL : Joint_ToeR;
                Joint swing = left_stance ? Joint_AnkleR : Joint_AnkleL;
                REQUIRE(Distance(first.Joints[swing], last.Joints[swing]) > 0.3f);
                for (int i = 1; i < 100; i++)
                {
                    PoseSample p = SamplePose(ExerciseId::MonsterWalk, side, (float)i / 100.0f, rep);
                    RequireNear(p.Joints[ankle], first.Joints[ankle], 1e-4f);
                    RequireNear(p.Joints[toe], first.Joints[toe], 1e-4f);
                    REQUIRE_THAT(p.Joints[ankle].y, WithinAbs(0.07, 1e-3));
                }
                float travel = last.ViewCentre.z - first.ViewCentre.z;
                if (side == Side::Forward)
                    REQUIRE(travel > 0.1f);
                else
                    REQUIRE(travel < -0.1f);
            }
            // Consecutive steps alternate the stepping foot.
            PoseSample a0 = SamplePose(ExerciseId::MonsterWalk, side, 0.0f, 0), a1 = SamplePose(ExerciseId::MonsterWalk, side, 0.5f, 0);
            PoseSample b0 = SamplePose(ExerciseId::MonsterWalk, side, 0.0f, 1), b1 = SamplePose(ExerciseId::MonsterWalk, side, 0.5f, 1);
            bool left_swings_first = Distance(a0.Joints[Joint_AnkleL], a1.Joints[Joint_AnkleL]) > 0.05f;
            bool left_swings_second = Distance(b0.Joints[Joint_AnkleL], b1.Joints[Joint_AnkleL]) > 0.05f;
            REQUIRE(left_swings_first != left_swings_second);
        }
    }
}

TEST_CASE("Key positions hold at the tempo's part boundaries", "[pose]")
{
    const float tolerance = 5.0f;  // degrees

    SECTION("deadbug: 90/90 with arms up, then the opposite arm and leg extend")
    {
        PoseSample start = SamplePose(ExerciseId::Deadbug, Side::None, 0.0f);
        for (int side = 0; side < 2; side++)
        {
            REQUIRE_THAT(HipAngle(start, side), WithinAbs(90.0, tolerance));
            REQUIRE_THAT(KneeFlexion(start, side), WithinAbs(90.0, tolerance));
            REQUIRE_THAT(AngleDeg(ArmDirection(start, side), Up), WithinAbs(0.0, tolerance));
            REQUIRE_THAT(ElbowAngle(start, side), WithinAbs(180.0, tolerance));
        }
        REQUIRE_THAT(Distance(start.Joints[Joint_KneeL], start.Joints[Joint_KneeR]),
                     WithinAbs(Distance(start.Joints[Joint_HipL], start.Joints[Joint_HipR]), 0.02));  // knees hip-width
        // End of part 1 works the left leg and the right arm; end of part 3 the other pair.
        struct
        {
            int Part, Leg, Arm;
        } extensions[] = { { 1, 0, 1 }, { 3, 1, 0 } };
        for (auto e : extensions)
        {
            PoseSample p = SamplePose(ExerciseId::Deadbug, Side::None, PartBoundary(ExerciseId::Deadbug, e.Part));
            REQUIRE_THAT(KneeFlexion(p, e.Leg), WithinAbs(0.0, tolerance));
            REQUIRE_THAT(HipAngle(p, e.Leg), WithinAbs(165.0, tolerance));                         // leg long, just off the floor
            REQUIRE_THAT(AngleDeg(ArmDirection(p, e.Arm), Trunk(p)), WithinAbs(10.0, tolerance));  // reaching overhead
            REQUIRE_THAT(ElbowAngle(p, e.Arm), WithinAbs(180.0, tolerance));
            REQUIRE_THAT(HipAngle(p, 1 - e.Leg), WithinAbs(90.0, tolerance));  // the others stay at the start
            REQUIRE_THAT(KneeFlexion(p, 1 - e.Leg), WithinAbs(90.0, tolerance));
            REQUIRE_THAT(AngleDeg(ArmDirection(p, 1 - e.Arm), Up), WithinAbs(0.0, tolerance));
        }
        RequireSameView(SamplePose(ExerciseId::Deadbug, Side::None, PartBoundary(ExerciseId::Deadbug, 2)), start, 1e-4f);
    }
    SECTION("dorsiflexion: pointed, toes pulled up and held 2 s, pointed")
    {
        auto ankle_angle = [](const PoseSample& p) { return JointAngleDeg(p.Joints[Joint_KneeL], p.Joints[Joint_AnkleL], p.Joints[Joint_ToeL]); };
        PoseSample pointed = SamplePose(ExerciseId::Dorsiflexion, Side::Left, 0.0f);
        REQUIRE_THAT(ankle_angle(pointed), WithinAbs(130.0, tolerance));
        float hold_start = PartBoundary(ExerciseId::Dorsiflexion, 1), hold_end = PartBoundary(ExerciseId::Dorsiflexion, 2);
        REQUIRE_THAT((hold_end - hold_start) * (float)RepDurationMs(GetExercise(ExerciseId::Dorsiflexion)), WithinAbs(2000.0, 1.0));
        PoseSample held = SamplePose(ExerciseId::Dorsiflexion, Side::Left, hold_start);
        REQUIRE_THAT(ankle_angle(held), WithinAbs(70.0, tolerance));
        REQUIRE(held.Joints[Joint_ToeL].z < pointed.Joints[Joint_ToeL].z);  // toes come towards the body
        for (int i = 0; i <= 20; i++)
        {
            PoseSample p = SamplePose(ExerciseId::Dorsiflexion, Side::Left, hold_start + (hold_end - hold_start) * (float)i / 20.0f - 1e-6f * (i == 20));
            RequireSameView(p, held, 1e-4f);
        }
        for (int side = 0; side < 2; side++)
            REQUIRE_THAT(KneeFlexion(pointed, side), WithinAbs(0.0, tolerance));  // legs straight in front
    }
    SECTION("trap pull: overhead and wide, down behind the head to ear level and no lower")
    {
        PoseSample top = SamplePose(ExerciseId::TrapPull, Side::Left, 0.0f);
        float shoulder_width = Distance(top.Joints[Joint_ShoulderL], top.Joints[Joint_ShoulderR]);
        REQUIRE(Distance(top.Joints[Joint_HandL], top.Joints[Joint_HandR]) > 1.5f * shoulder_width);
        for (int side = 0; side < 2; side++)
        {
            REQUIRE(top.Joints[Joint_HandL + 3 * side].y > top.Joints[Joint_Head].y + HeadRadius + 0.15f);
            REQUIRE_THAT(ElbowAngle(top, side), WithinAbs(170.0, tolerance));
        }
        PoseSample bottom = SamplePose(ExerciseId::TrapPull, Side::Left, PartBoundary(ExerciseId::TrapPull, 1));
        const Vec3& head = bottom.Joints[Joint_Head];
        for (int side = 0; side < 2; side++)
        {
            const Vec3& hand = bottom.Joints[Joint_HandL + 3 * side];
            REQUIRE_THAT(hand.y, WithinAbs(head.y, 0.04));  // ear level
            REQUIRE(hand.z < head.z - HeadRadius - 0.05f);  // behind the back of the head, not through it
            REQUIRE_THAT(ElbowAngle(bottom, side), WithinAbs(105.0, tolerance));
        }
        for (int i = 0; i < 200; i++)
        {
            PoseSample p = SamplePose(ExerciseId::TrapPull, Side::Left, (float)i / 200.0f);
            REQUIRE(p.Joints[Joint_HandL].y >= p.Joints[Joint_Head].y - 0.005f);  // no lower than the ears
            REQUIRE(p.Joints[Joint_HandR].y >= p.Joints[Joint_Head].y - 0.005f);
            // The band (straight between the hands) never passes through the head on the way.
            Vec3 middle = { 0.5f * (p.Strap.A.x + p.Strap.B.x), 0.5f * (p.Strap.A.y + p.Strap.B.y), 0.5f * (p.Strap.A.z + p.Strap.B.z) };
            REQUIRE(Distance(middle, p.Joints[Joint_Head]) > HeadRadius + 0.03f);
        }
    }
    SECTION("monster walk: half squat (knees 40-60 deg), feet wider than the hips, wide steps")
    {
        for (Side side : { Side::Forward, Side::Back })
        {
            PoseSample p = SamplePose(ExerciseId::MonsterWalk, side, 0.0f, 0);
            for (int leg = 0; leg < 2; leg++)
            {
                REQUIRE_THAT(KneeFlexion(p, leg), WithinAbs(45.0, tolerance));
                float hip_flexion = 180.0f - HipAngle(p, leg);
                REQUIRE(hip_flexion > 25.0f);
                REQUIRE(hip_flexion < 60.0f);
            }
            REQUIRE_THAT(AngleDeg(Trunk(p), Up), WithinAbs(16.0, tolerance));
            for (int i = 0; i < 100; i++)
            {
                PoseSample q = SamplePose(ExerciseId::MonsterWalk, side, (float)i / 100.0f, i % 2);
                float hip_width = std::fabs(q.Joints[Joint_HipL].x - q.Joints[Joint_HipR].x);
                float ankle_width = std::fabs(q.Joints[Joint_AnkleL].x - q.Joints[Joint_AnkleR].x);
                REQUIRE(ankle_width > 1.8f * hip_width);
                for (int leg = 0; leg < 2; leg++)
                {  // never stands up out of the squat, never sinks below it
                    REQUIRE(KneeFlexion(q, leg) >= 40.0f);
                    REQUIRE(KneeFlexion(q, leg) <= 60.0f);
                }
            }
        }
    }
    SECTION("russian twist: 45 deg lean, arms straight in front, turning both ways")
    {
        auto twist = [](const PoseSample& p) {  // chest turned from the hips, about the trunk; + = to the left
            Vec3 axis = Trunk(p);
            float len = std::sqrt(Dot(axis, axis));
            axis = { axis.x / len, axis.y / len, axis.z / len };
            auto flatten = [&](Vec3 v) { float d = Dot(v, axis); return Vec3{ v.x - axis.x * d, v.y - axis.y * d, v.z - axis.z * d }; };
            Vec3 hips = flatten(Sub(p.Joints[Joint_HipL], p.Joints[Joint_HipR]));
            Vec3 shoulders = flatten(Sub(p.Joints[Joint_ShoulderL], p.Joints[Joint_ShoulderR]));
            return std::atan2(Dot(Cross(hips, shoulders), axis), Dot(hips, shoulders)) * 57.29578f;
        };
        const float expected_twist[] = { 0.0f, -40.0f, 0.0f, 40.0f, 0.0f };  // right first
        for (int part = 0; part <= 4; part++)
        {
            PoseSample p = SamplePose(ExerciseId::RussianTwist, Side::None, part == 4 ? 0.99999f : PartBoundary(ExerciseId::RussianTwist, part));
            REQUIRE_THAT(AngleDeg(Trunk(p), Up), WithinAbs(45.0, tolerance));
            REQUIRE(Trunk(p).z < 0.0f);  // leaning back, not forward
            REQUIRE_THAT(twist(p), WithinAbs(expected_twist[part], tolerance));
            for (int side = 0; side < 2; side++)
            {
                REQUIRE_THAT(AngleDeg(ArmDirection(p, side), Trunk(p)), WithinAbs(110.0, tolerance));  // out in front of the chest, 20 deg below square to it: hands over the knees
                REQUIRE_THAT(ElbowAngle(p, side), WithinAbs(180.0, tolerance));
            }
        }
    }
}

TEST_CASE("The band stretches while the rep works", "[pose]")
{
    struct Work
    {
        ExerciseId Id;
        Side PoseSide;
        float From, To;
    };
    auto boundary = PartBoundary;
    const Work work[] = {
        { ExerciseId::Deadbug, Side::None, boundary(ExerciseId::Deadbug, 0), boundary(ExerciseId::Deadbug, 1) },
        { ExerciseId::Deadbug, Side::None, boundary(ExerciseId::Deadbug, 2), boundary(ExerciseId::Deadbug, 3) },
        { ExerciseId::Dorsiflexion, Side::Left, 0.0f, boundary(ExerciseId::Dorsiflexion, 1) },
        { ExerciseId::Dorsiflexion, Side::Right, 0.0f, boundary(ExerciseId::Dorsiflexion, 1) },
        { ExerciseId::TrapPull, Side::Left, 0.0f, boundary(ExerciseId::TrapPull, 1) },
        { ExerciseId::MonsterWalk, Side::Forward, 0.0f, 0.5f },
        { ExerciseId::MonsterWalk, Side::Back, 0.0f, 0.5f },
        { ExerciseId::RussianTwist, Side::None, boundary(ExerciseId::RussianTwist, 0), boundary(ExerciseId::RussianTwist, 1) },
        { ExerciseId::RussianTwist, Side::None, boundary(ExerciseId::RussianTwist, 2), boundary(ExerciseId::RussianTwist, 3) },
    };
    for (const Work& w : work)
    {
        float previous = SamplePose(w.Id, w.PoseSide, w.From).Strap.Stretch;
        float first = previous;
        for (int i = 1; i <= 20; i++)
        {
            float stretch = SamplePose(w.Id, w.PoseSide, w.From + (w.To - w.From) * (float)i / 20.0f).Strap.Stretch;
            REQUIRE(stretch >= previous - 1e-4f);
            previous = stretch;
        }
        REQUIRE(previous - first > 0.2f);
    }
    SECTION("stretch stays in range, and the band stays taut through the whole rep, as the coach says")
    {
        for (ExerciseId id : AllExercises)
        {
            for (Side side : { SidesOf(id).First, SidesOf(id).Second })
            {
                for (int i = 0; i < 200; i++)
                {
                    float stretch = SamplePose(id, side, (float)i / 200.0f, i % 2).Strap.Stretch;
                    REQUIRE(stretch <= 1.0f);
                    REQUIRE(stretch >= TautStretch);  // taut from the start of the rep to its end
                }
            }
        }
    }
    SECTION("the dorsiflexion post stands in front of the worked foot")
    {
        PoseSample p = SamplePose(ExerciseId::Dorsiflexion, Side::Left, 0.0f);
        REQUIRE(p.Strap.Kind == BandKind_Anchored);
        REQUIRE_THAT(p.Strap.PostBase.y, WithinAbs(0.0, 1e-6));
        REQUIRE(p.Strap.PostBase.z > p.Joints[Joint_ToeL].z);
        REQUIRE_THAT(p.Strap.A.x, WithinAbs(p.Strap.PostBase.x, 1e-6));
    }
}

TEST_CASE("Camera and projection", "[pose]")
{
    Vec3 centre = { 1, 2, 3 };
    SECTION("front view at eye level")
    {
        Camera front = { 0, 0 };
        ViewPoint c = ProjectPoint(centre, centre, front);
        REQUIRE_THAT(c.X, WithinAbs(0.0, 1e-6));
        REQUIRE_THAT(c.Y, WithinAbs(0.0, 1e-6));
        ViewPoint left = ProjectPoint({ 2, 2, 3 }, centre, front);  // the figure's left is the viewer's right
        REQUIRE_THAT(left.X, WithinAbs(1.0, 1e-6));
        ViewPoint up = ProjectPoint({ 1, 3, 3 }, centre, front);
        REQUIRE_THAT(up.Y, WithinAbs(1.0, 1e-6));
        ViewPoint ahead = ProjectPoint({ 1, 2, 4 }, centre, front);  // in front of the figure is nearer
        REQUIRE_THAT(ahead.Depth, WithinAbs(1.0, 1e-6));
    }
    SECTION("from the left side, from above")
    {
        ViewPoint left = ProjectPoint({ 2, 2, 3 }, centre, { 90, 0 });
        REQUIRE_THAT(left.Depth, WithinAbs(1.0, 1e-6));
        ViewPoint above = ProjectPoint({ 1, 3, 3 }, centre, { 0, 90 });
        REQUIRE_THAT(above.Depth, WithinAbs(1.0, 1e-6));
    }
    SECTION("a mirrored pose seen from the mirrored camera is the mirrored picture")
    {
        PoseSample left = SamplePose(ExerciseId::Dorsiflexion, Side::Left, 0.3f);
        PoseSample right = SamplePose(ExerciseId::Dorsiflexion, Side::Right, 0.3f);
        ProjectedPose a = ProjectPose(left, DefaultCamera(ExerciseId::Dorsiflexion, Side::Left));
        ProjectedPose b = ProjectPose(right, DefaultCamera(ExerciseId::Dorsiflexion, Side::Right));
        for (int j = 0; j < Joint_COUNT; j++)
        {
            const ViewPoint& pa = a.Joints[MirrorJoint((Joint)j)];
            REQUIRE_THAT(b.Joints[j].X, WithinAbs(-pa.X, 1e-5));
            REQUIRE_THAT(b.Joints[j].Y, WithinAbs(pa.Y, 1e-5));
            REQUIRE_THAT(b.Joints[j].Depth, WithinAbs(pa.Depth, 1e-5));
        }
    }
    SECTION("orbiting wraps the yaw and clamps the pitch")
    {
        Camera camera = { 170, 10 };
        OrbitCamera(&camera, 20, 200);
        REQUIRE_THAT(camera.YawDeg, WithinAbs(-170.0, 1e-4));
        REQUIRE_THAT(camera.PitchDeg, WithinAbs(MaxPitchDeg, 1e-6));
        OrbitCamera(&camera, -20, -500);
        REQUIRE_THAT(camera.YawDeg, WithinAbs(170.0, 1e-4));
        REQUIRE_THAT(camera.PitchDeg, WithinAbs(MinPitchDeg, 1e-6));
    }
}
