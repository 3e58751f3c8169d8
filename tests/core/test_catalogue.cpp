// The catalogue is a contract with the figure animation and the storage format: these tests pin
// the keys, the tempo numbers and the look-ups so a careless edit shows up here first.
#include <catch2/catch_test_macros.hpp>

#include <cstring>
#include <string>

#include "core/catalogue.h"

using namespace core;

TEST_CASE("Every exercise has its id, a unique key and complete texts", "[catalogue]")
{
    for (int i = 0; i < ExerciseCount; i++)
    {
        const Exercise& exercise = GetExercise((ExerciseId)i);
        CAPTURE(exercise.Key);
        REQUIRE((int)exercise.Id == i);
        REQUIRE(FindExercise(exercise.Key) == &exercise);
        REQUIRE(std::string(ExerciseKey(exercise.Id)) == exercise.Key);
        REQUIRE(std::strlen(exercise.Name) > 0);
        REQUIRE(std::strlen(exercise.DoseText) > 0);
        REQUIRE(std::strlen(exercise.Targets) > 0);
        REQUIRE(std::strlen(exercise.BandSetup) > 0);
        REQUIRE(exercise.SetupStepCount >= 2);
        REQUIRE(exercise.MoveStepCount >= 3);
        REQUIRE(exercise.FaultCount >= 2);
        for (int s = 0; s < exercise.SetupStepCount; s++)
            REQUIRE(std::strlen(exercise.SetupSteps[s]) > 0);
        for (int s = 0; s < exercise.MoveStepCount; s++)
            REQUIRE(std::strlen(exercise.MoveSteps[s]) > 0);
        for (int s = 0; s < exercise.FaultCount; s++)
            REQUIRE(std::strlen(exercise.Faults[s]) > 0);
        REQUIRE(exercise.CountMin >= 1);
        REQUIRE(exercise.CountMin <= exercise.CountMax);
        REQUIRE(exercise.TempoPartCount >= 1);
        REQUIRE(exercise.TempoPartCount <= MaxTempoParts);
        for (int p = 0; p < exercise.TempoPartCount; p++)
            REQUIRE(exercise.Tempo[p].DurationMs > 0);
    }
    REQUIRE(FindExercise("plank") == nullptr);
    REQUIRE(FindExercise("") == nullptr);
    REQUIRE(FindExercise("Deadbug") == nullptr);
}

TEST_CASE("The tempo matches the figure animation's contract", "[catalogue]")
{
    SECTION("deadbug: alternating, extend and return on each side")
    {
        const Exercise& e = GetExercise(ExerciseId::Deadbug);
        REQUIRE(std::string(e.Key) == "deadbug");
        REQUIRE(std::string(e.Name) == "Banded deadbug");
        REQUIRE(e.Style == SetStyle::Alternating);
        REQUIRE(e.CountMin == 10);
        REQUIRE(e.CountMax == 12);
        REQUIRE(e.TempoPartCount == 4);
        REQUIRE(std::string(e.Tempo[0].Name) == "Extend");
        REQUIRE(e.Tempo[0].DurationMs == 1500);
        REQUIRE(e.Tempo[0].PartSide == Side::Left);
        REQUIRE(std::string(e.Tempo[1].Name) == "Return");
        REQUIRE(e.Tempo[1].DurationMs == 1000);
        REQUIRE(e.Tempo[1].PartSide == Side::Left);
        REQUIRE(e.Tempo[2].PartSide == Side::Right);
        REQUIRE(e.Tempo[3].PartSide == Side::Right);
        REQUIRE(RepDurationMs(e) == 5000);
    }
    SECTION("dorsiflexion: per side, with a 2 s hold")
    {
        const Exercise& e = GetExercise(ExerciseId::Dorsiflexion);
        REQUIRE(std::string(e.Key) == "dorsiflexion");
        REQUIRE(e.Style == SetStyle::PerSide);
        REQUIRE(e.TempoPartCount == 3);
        REQUIRE(std::string(e.Tempo[1].Name) == "Hold");
        REQUIRE(e.Tempo[1].DurationMs == 2000);
        REQUIRE(e.Tempo[1].IsHold);
        REQUIRE_FALSE(e.Tempo[0].IsHold);
        REQUIRE_FALSE(e.Tempo[2].IsHold);
        REQUIRE(RepDurationMs(e) == 4500);
    }
    SECTION("trap pull: one two-arm set, no switch")
    {
        const Exercise& e = GetExercise(ExerciseId::TrapPull);
        REQUIRE(std::string(e.Key) == "trap-pull");
        REQUIRE(e.Style == SetStyle::OneSet);
        REQUIRE_FALSE(HasSwitch(e));
        REQUIRE(std::string(e.DoseText).find("per side") == std::string::npos);
        REQUIRE(std::string(e.DoseText).find("both arms") != std::string::npos);
        REQUIRE(RepDurationMs(e) == 3000);
    }
    SECTION("monster walk counts steps, forward then back")
    {
        const Exercise& e = GetExercise(ExerciseId::MonsterWalk);
        REQUIRE(std::string(e.Key) == "monster-walk");
        REQUIRE(std::string(e.CountUnit) == "steps");
        REQUIRE(e.Style == SetStyle::Directions);
        REQUIRE(e.CountMin == 20);
        REQUIRE(e.CountMax == 20);
        REQUIRE(RepDurationMs(e) == 1500);
        REQUIRE(ExerciseSide(e, 0) == Side::Forward);
        REQUIRE(ExerciseSide(e, 1) == Side::Back);
    }
    SECTION("russian twist: right first, then left")
    {
        const Exercise& e = GetExercise(ExerciseId::RussianTwist);
        REQUIRE(std::string(e.Key) == "russian-twist");
        REQUIRE(e.Style == SetStyle::Alternating);
        REQUIRE(e.CountMin == 12);
        REQUIRE(e.CountMax == 15);
        REQUIRE(e.Tempo[0].PartSide == Side::Right);
        REQUIRE(e.Tempo[2].PartSide == Side::Left);
        REQUIRE(RepDurationMs(e) == 3500);
    }
}

TEST_CASE("Side keys round-trip", "[catalogue]")
{
    const Side sides[] = { Side::Left, Side::Right, Side::Forward, Side::Back };
    for (Side side : sides)
        REQUIRE(FindSide(SideKey(side)) == side);
    REQUIRE(SideKey(Side::None) == nullptr);
    REQUIRE(FindSide("up") == Side::None);
}

TEST_CASE("Every tempo part has words or a count to carry it, and a tone", "[catalogue]")
{
    for (int i = 0; i < ExerciseCount; i++)
    {
        const Exercise& e = GetExercise((ExerciseId)i);
        CAPTURE(e.Key);
        for (int p = 0; p < e.TempoPartCount; p++)
        {
            REQUIRE(e.Tempo[p].Spoken != nullptr);
            // A part's words must fit in it: about 3 words a second at the coach's rate.
            int words = e.Tempo[p].Spoken[0] ? 1 : 0;
            for (const char* c = e.Tempo[p].Spoken; *c; c++)
                words += *c == ' ';
            REQUIRE(words <= 3 * e.Tempo[p].DurationMs / 1000 + 1);
            if (e.Tempo[p].IsHold)
                REQUIRE(e.Tempo[p].Sound == PartTone::Hold);
        }
        REQUIRE(e.SpokenName != nullptr);
        REQUIRE(e.SetupSpoken != nullptr);
        REQUIRE(std::string(e.SetupSpoken).back() == '.');
    }
    SECTION("the deadbug names its limbs, the dorsiflexion its hold")
    {
        const Exercise& deadbug = GetExercise(ExerciseId::Deadbug);
        REQUIRE(std::string(deadbug.Tempo[0].Spoken) == "Left leg, right arm");
        REQUIRE(std::string(deadbug.Tempo[1].Spoken) == "and back");
        REQUIRE(std::string(deadbug.Tempo[2].Spoken) == "Right leg, left arm");
        const Exercise& dorsiflexion = GetExercise(ExerciseId::Dorsiflexion);
        REQUIRE(std::string(dorsiflexion.Tempo[0].Spoken) == "Toes up");
        REQUIRE(std::string(dorsiflexion.Tempo[1].Spoken) == "hold");
        REQUIRE(std::string(dorsiflexion.Tempo[2].Spoken) == "and down");
    }
}

TEST_CASE("Band set-ups: loops and flat bands", "[catalogue]")
{
    REQUIRE(GetExercise(ExerciseId::Deadbug).Form == BandForm::Loop);
    REQUIRE(GetExercise(ExerciseId::Dorsiflexion).Form == BandForm::Flat);
    REQUIRE(GetExercise(ExerciseId::TrapPull).Form == BandForm::Flat);
    REQUIRE(GetExercise(ExerciseId::MonsterWalk).Form == BandForm::Loop);
    REQUIRE(GetExercise(ExerciseId::RussianTwist).Form == BandForm::Flat);
    REQUIRE(BandFormChanges(ExerciseId::Deadbug, ExerciseId::Dorsiflexion));
    REQUIRE_FALSE(BandFormChanges(ExerciseId::Dorsiflexion, ExerciseId::TrapPull));
    REQUIRE(std::string(BandChangeText(ExerciseId::Deadbug, ExerciseId::Dorsiflexion)) == "Untie the loop.");
    REQUIRE(std::string(BandChangeText(ExerciseId::TrapPull, ExerciseId::MonsterWalk)) == "Tie the band into a loop.");
    REQUIRE(std::string(BandChangeText(ExerciseId::Dorsiflexion, ExerciseId::TrapPull)).empty());
    REQUIRE(std::string(GetExercise(ExerciseId::MonsterWalk).SetupSpoken) == "Loop the band around your ankles.");
    for (int i = 0; i < BandStrengthCount; i++)
    {
        BandStrength back = BandStrength::None;
        REQUIRE(FindBandStrength(BandStrengthKey((BandStrength)i), &back));
        REQUIRE((int)back == i);
    }
    BandStrength unused = BandStrength::Light;
    REQUIRE_FALSE(FindBandStrength("purple", &unused));
}

TEST_CASE("The tempo part under way: parts in order, each from where the one before ends", "[catalogue]")
{
    for (int e = 0; e < core::ExerciseCount; e++)
    {
        const core::Exercise& exercise = core::GetExercise((core::ExerciseId)e);
        INFO(exercise.Key);
        const int rep = core::RepDurationMs(exercise);
        REQUIRE(core::TempoPartEndMs(exercise, exercise.TempoPartCount - 1) == rep);
        for (int ms = 0; ms < rep; ms += 10)
        {
            const int part = core::TempoPartAt(exercise, ms);
            REQUIRE(part >= 0);
            CHECK(ms < core::TempoPartEndMs(exercise, part));
            CHECK((part == 0 || ms >= core::TempoPartEndMs(exercise, part - 1)));
        }
        CHECK(core::TempoPartAt(exercise, rep) == exercise.TempoPartCount - 1);
        CHECK(core::TempoPartAt(exercise, rep + 5000) == exercise.TempoPartCount - 1);
    }
}

TEST_CASE("The key pose is where the first tempo part ends; a one-part step shows its middle", "[catalogue]")
{
    for (int e = 0; e < ExerciseCount; e++)
    {
        const Exercise& exercise = GetExercise((ExerciseId)e);
        INFO(exercise.Key);
        const float phase = KeyPosePhase(exercise.Id);
        REQUIRE(phase > 0.0f);
        REQUIRE(phase < 1.0f);
        if (exercise.TempoPartCount >= 2)
            REQUIRE(phase == (float)TempoPartEndMs(exercise, 0) / (float)RepDurationMs(exercise));
        else
            REQUIRE(phase == 0.5f);
        REQUIRE(exercise.ShortName != nullptr);
        REQUIRE(std::string(exercise.ShortName).size() < std::string(exercise.Name).size());
    }
}
