// The circuit plan: order of exercises and sides, counts, and where the rests go.
#include <catch2/catch_test_macros.hpp>

#include "core/plan.h"

using namespace core;

static int CountPhase(const std::vector<Step>& plan, Phase phase)
{
    int n = 0;
    for (const Step& step : plan)
        n += step.StepPhase == phase;
    return n;
}

TEST_CASE("Default settings follow the product", "[plan]")
{
    const Settings s = DefaultSettings();
    REQUIRE(s.Rounds == 2);
    REQUIRE(s.Reps[(int)ExerciseId::Deadbug] == 10);
    REQUIRE(s.Reps[(int)ExerciseId::MonsterWalk] == 20);
    REQUIRE(s.Reps[(int)ExerciseId::RussianTwist] == 12);
    REQUIRE(s.Mode == RunMode::Guided);
    REQUIRE(s.GetReadySec == 10);
    REQUIRE(s.BandChangeRestSec == 30);
    REQUIRE(s.CountReps == RepCount::EveryRep);
    REQUIRE(s.WeeklyGoal == 2);
    REQUIRE(s.CueVolume == 80);
    for (int i = 0; i < ExerciseCount; i++)
        REQUIRE(s.Band[i] == BandStrength::None);
    REQUIRE(s.SwitchSidesSec == 5);
    REQUIRE(s.RestSec == 15);
    REQUIRE(s.RoundRestSec == 60);
    REQUIRE(s.CueSound);
    REQUIRE(s.CueVoice);
    REQUIRE(s.CueVibration);
    REQUIRE_FALSE(s.CueFlash);
    REQUIRE(s.ColorTheme == Theme::System);
    REQUIRE(SettingsAreValid(s));
}

TEST_CASE("ClampSettings pulls every field into its bounds", "[plan]")
{
    Settings s = DefaultSettings();
    s.Rounds = 0;
    s.Reps[0] = -5;
    s.Reps[1] = 1000;
    s.GetReadySec = -1;
    s.SwitchSidesSec = 9999;
    s.RestSec = -20;
    s.RoundRestSec = 100000;
    s.Mode = (RunMode)7;
    s.ColorTheme = (Theme)9;
    s.BandChangeRestSec = -3;
    s.CountReps = (RepCount)5;
    s.CueVolume = 400;
    s.WeeklyGoal = 0;
    s.Band[2] = (BandStrength)42;
    REQUIRE_FALSE(SettingsAreValid(s));
    const Settings c = ClampSettings(s);
    REQUIRE(c.Rounds == MinRounds);
    REQUIRE(c.Reps[0] == MinReps);
    REQUIRE(c.Reps[1] == MaxReps);
    REQUIRE(c.GetReadySec == 0);
    REQUIRE(c.SwitchSidesSec == MaxSwitchSidesSec);
    REQUIRE(c.RestSec == 0);
    REQUIRE(c.RoundRestSec == MaxRoundRestSec);
    REQUIRE(c.Mode == RunMode::Guided);
    REQUIRE(c.ColorTheme == Theme::System);
    REQUIRE(c.BandChangeRestSec == 0);
    REQUIRE(c.CountReps == RepCount::EveryRep);
    REQUIRE(c.CueVolume == MaxCueVolume);
    REQUIRE(c.WeeklyGoal == MinWeeklyGoal);
    REQUIRE(c.Band[2] == BandStrength::None);
    REQUIRE(SettingsAreValid(c));

    SECTION("reps past the coach's range are allowed")
    {
        Settings t = DefaultSettings();
        t.Reps[(int)ExerciseId::Deadbug] = 40;
        REQUIRE(SettingsAreValid(t));
    }
}

// The exact order of one round's steps, as (phase, exercise, side).
struct Expected
{
    Phase StepPhase;      // expected phase
    ExerciseId Exercise;  // expected exercise
    Side StepSide;        // expected side
};

static const Expected RoundSteps[] = {
    { Phase::Work, ExerciseId::Deadbug, Side::None },
    { Phase::Rest, ExerciseId::Dorsiflexion, Side::None },
    { Phase::Work, ExerciseId::Dorsiflexion, Side::Left },
    { Phase::Switch, ExerciseId::Dorsiflexion, Side::Right },
    { Phase::Work, ExerciseId::Dorsiflexion, Side::Right },
    { Phase::Rest, ExerciseId::TrapPull, Side::None },
    { Phase::Work, ExerciseId::TrapPull, Side::None },  // one two-arm set: no switch
    { Phase::Rest, ExerciseId::MonsterWalk, Side::None },
    { Phase::Work, ExerciseId::MonsterWalk, Side::Forward },
    { Phase::Switch, ExerciseId::MonsterWalk, Side::Back },
    { Phase::Work, ExerciseId::MonsterWalk, Side::Back },
    { Phase::Rest, ExerciseId::RussianTwist, Side::None },
    { Phase::Work, ExerciseId::RussianTwist, Side::None },
};
constexpr int StepsPerRound = (int)(sizeof(RoundSteps) / sizeof(RoundSteps[0]));

TEST_CASE("Plans for 1, 2 and 3 rounds", "[plan]")
{
    for (int rounds = 1; rounds <= 3; rounds++)
    {
        CAPTURE(rounds);
        Settings settings = DefaultSettings();
        settings.Rounds = rounds;
        const std::vector<Step> plan = BuildPlan(settings);

        // get-ready + rounds x 13 steps + (rounds - 1) round rests + done
        REQUIRE((int)plan.size() == 1 + rounds * StepsPerRound + (rounds - 1) + 1);
        REQUIRE(plan.front().StepPhase == Phase::GetReady);
        REQUIRE(plan.front().DurationMs == 10000);
        REQUIRE(plan.front().Exercise == ExerciseId::Deadbug);
        REQUIRE(plan.back().StepPhase == Phase::Done);
        REQUIRE(CountPhase(plan, Phase::GetReady) == 1);
        REQUIRE(CountPhase(plan, Phase::Done) == 1);
        REQUIRE(CountPhase(plan, Phase::RoundRest) == rounds - 1);
        REQUIRE(CountPhase(plan, Phase::Rest) == 4 * rounds);
        REQUIRE(CountPhase(plan, Phase::Switch) == 2 * rounds);
        REQUIRE(CountPhase(plan, Phase::Work) == 7 * rounds);

        // No rest right before Done; round rests only between rounds.
        REQUIRE(plan[plan.size() - 2].StepPhase == Phase::Work);
        REQUIRE(plan[plan.size() - 2].Exercise == ExerciseId::RussianTwist);

        size_t index = 1;
        for (int round = 1; round <= rounds; round++)
        {
            for (int i = 0; i < StepsPerRound; i++, index++)
            {
                CAPTURE(round, i);
                const Step& step = plan[index];
                REQUIRE(step.StepPhase == RoundSteps[i].StepPhase);
                REQUIRE(step.Exercise == RoundSteps[i].Exercise);
                REQUIRE(step.StepSide == RoundSteps[i].StepSide);
                REQUIRE(step.Round == round);
                if (step.StepPhase == Phase::Work)
                {
                    const Exercise& exercise = GetExercise(step.Exercise);
                    REQUIRE(step.TargetReps == exercise.CountMin);
                    REQUIRE(step.DurationMs == (int64_t)exercise.CountMin * RepDurationMs(exercise));
                    REQUIRE_FALSE(step.CountsUp);
                }
                else
                {
                    REQUIRE(step.TargetReps == 0);
                }
                // Tying or untying the loop gets the band-change rest; moving a flat band, the plain one.
                if (step.StepPhase == Phase::Rest)
                {
                    const bool change = step.Exercise != ExerciseId::TrapPull;
                    REQUIRE(step.BandChange == change);
                    REQUIRE(step.DurationMs == (change ? 30000 : 15000));
                    REQUIRE(PreviousExercise(step) == (ExerciseId)((int)step.Exercise - 1));
                }
                if (step.StepPhase == Phase::Switch)
                    REQUIRE(step.DurationMs == 5000);
            }
            if (round < rounds)
            {
                REQUIRE(plan[index].StepPhase == Phase::RoundRest);
                REQUIRE(plan[index].Round == round);
                REQUIRE(plan[index].DurationMs == 60000);
                REQUIRE(plan[index].BandChange);  // twist (flat) to deadbug (loop)
                REQUIRE(PreviousExercise(plan[index]) == ExerciseId::RussianTwist);
                REQUIRE(plan[index].Exercise == ExerciseId::Deadbug);
                index++;
            }
        }
        REQUIRE(index == plan.size() - 1);
    }
}

TEST_CASE("Self-paced plans count up, with the chosen reps", "[plan]")
{
    Settings settings = DefaultSettings();
    settings.Mode = RunMode::SelfPaced;
    settings.Rounds = 1;
    settings.Reps[(int)ExerciseId::TrapPull] = 15;
    const std::vector<Step> plan = BuildPlan(settings);
    for (const Step& step : plan)
    {
        if (step.StepPhase == Phase::Work)
        {
            REQUIRE(step.CountsUp);
            REQUIRE(step.DurationMs == 0);
            REQUIRE(StepNominalMs(step) == (int64_t)step.TargetReps * RepDurationMs(GetExercise(step.Exercise)));
            if (step.Exercise == ExerciseId::TrapPull)
                REQUIRE(step.TargetReps == 15);
        }
        else
        {
            REQUIRE_FALSE(step.CountsUp);
        }
    }
}

TEST_CASE("BuildPlan clamps what it is given", "[plan]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 50;
    const std::vector<Step> plan = BuildPlan(settings);
    REQUIRE(plan.back().Round == MaxRounds);
    REQUIRE(CountPhase(plan, Phase::RoundRest) == MaxRounds - 1);
}

TEST_CASE("The band-change rest is never shorter than the plain rest", "[plan]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 2;
    SECTION("a band-change rest shorter than the rest: both take the rest")
    {
        settings.RestSec = 40;
        settings.BandChangeRestSec = 20;
        for (const Step& step : BuildPlan(settings))
            if (step.StepPhase == Phase::Rest)
                REQUIRE(step.DurationMs == 40000);
    }
    SECTION("a long band change also stretches a short round rest")
    {
        settings.RoundRestSec = 10;
        settings.BandChangeRestSec = 45;
        for (const Step& step : BuildPlan(settings))
            if (step.StepPhase == Phase::RoundRest)
                REQUIRE(step.DurationMs == 45000);
    }
}

TEST_CASE("The plan's total is the sum of its steps, and grows with rounds", "[plan]")
{
    Settings settings = DefaultSettings();
    // Written out: 10 s get ready; per round deadbug 50 s, rest 30, dorsiflexion 45 + 5 + 45,
    // rest 15, trap pull 30, rest 30, monster walks 30 + 5 + 30 (1.5 s a step), rest 30, twist 42; 60 s between rounds.
    const int64_t round_ms = 50000 + 30000 + 45000 + 5000 + 45000 + 15000 + 30000 + 30000 + 30000 + 5000 + 30000 + 30000 + 42000;
    settings.Rounds = 1;
    REQUIRE(PlanTotalMs(BuildPlan(settings)) == 10000 + round_ms);
    settings.Rounds = 2;
    REQUIRE(PlanTotalMs(BuildPlan(settings)) == 10000 + 2 * round_ms + 60000);
    settings.Rounds = 3;
    REQUIRE(PlanTotalMs(BuildPlan(settings)) == 10000 + 3 * round_ms + 2 * 60000);
    // The home screen's "about N min": 397 s, 844 s and 1291 s to the nearest minute.
    settings.Rounds = 1;
    REQUIRE(PlanMinutes(settings) == 7);
    settings.Rounds = 2;
    REQUIRE(PlanMinutes(settings) == 14);
    settings.Rounds = 3;
    REQUIRE(PlanMinutes(settings) == 22);
    SECTION("self-paced sets count at their guided length")
    {
        settings.Mode = RunMode::SelfPaced;
        REQUIRE(PlanTotalMs(BuildPlan(settings)) == 10000 + 3 * round_ms + 2 * 60000);
    }
}
