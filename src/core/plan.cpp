// Settings bounds and the plan builder: turns "2 rounds, these reps, these rests" into the flat
// list of steps the timer walks through.
#include "core/plan.h"

#include "core/wording.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>

namespace core {

// --- [SECTION] Settings -------------------------------------------------------------------------

static int ClampInt(int value, int min_value, int max_value)
{
    return value < min_value ? min_value : value > max_value ? max_value
                                                             : value;
}

Settings DefaultSettings()
{
    Settings settings = {};
    settings.Rounds = DefaultRounds;
    for (int i = 0; i < ExerciseCount; i++)
        settings.Reps[i] = GetExercise((ExerciseId)i).CountMin;
    settings.Mode = RunMode::Guided;
    settings.GetReadySec = 10;
    settings.SwitchSidesSec = 5;
    settings.RestSec = 15;
    settings.RoundRestSec = 60;
    settings.CueSound = true;
    settings.CueVoice = true;
    settings.CueVibration = true;
    settings.CueFlash = false;
    settings.ColorTheme = Theme::System;
    settings.BandChangeRestSec = 30;
    settings.CountReps = RepCount::EveryRep;
    settings.CueVolume = 80;
    settings.WeeklyGoal = DefaultWeeklyGoal;
    for (int i = 0; i < ExerciseCount; i++)
        settings.Band[i] = BandStrength::None;
    return settings;
}

Settings ClampSettings(const Settings& settings)
{
    Settings out = settings;
    out.Rounds = ClampInt(settings.Rounds, MinRounds, MaxRounds);
    for (int i = 0; i < ExerciseCount; i++)
        out.Reps[i] = ClampInt(settings.Reps[i], MinReps, MaxReps);
    if (out.Mode != RunMode::Guided && out.Mode != RunMode::SelfPaced)
        out.Mode = RunMode::Guided;
    out.GetReadySec = ClampInt(settings.GetReadySec, 0, MaxGetReadySec);
    out.SwitchSidesSec = ClampInt(settings.SwitchSidesSec, 0, MaxSwitchSidesSec);
    out.RestSec = ClampInt(settings.RestSec, 0, MaxRestSec);
    out.RoundRestSec = ClampInt(settings.RoundRestSec, 0, MaxRoundRestSec);
    if (out.ColorTheme != Theme::System && out.ColorTheme != Theme::Light && out.ColorTheme != Theme::Dark)
        out.ColorTheme = Theme::System;
    out.BandChangeRestSec = ClampInt(settings.BandChangeRestSec, 0, MaxRestSec);
    if (out.CountReps != RepCount::EveryRep && out.CountReps != RepCount::EveryFive && out.CountReps != RepCount::Off)
        out.CountReps = RepCount::EveryRep;
    out.CueVolume = ClampInt(settings.CueVolume, 0, MaxCueVolume);
    out.WeeklyGoal = ClampInt(settings.WeeklyGoal, MinWeeklyGoal, MaxWeeklyGoal);
    out.TextSize = settings.TextSize == 0 ? 0 : TextSizeFor(settings.TextSize / 100.0);
    for (int i = 0; i < ExerciseCount; i++)
        if ((int)out.Band[i] < 0 || (int)out.Band[i] >= BandStrengthCount)
            out.Band[i] = BandStrength::None;
    // A language this version does not speak (or garbage) follows the browser; a known one is kept
    // in its own spelling of the tag, and nothing follows it (so equal settings compare equal).
    out.Language[sizeof(out.Language) - 1] = '\0';
    const Language* lang = FindLanguage(out.Language);
    memset(out.Language, 0, sizeof(out.Language));
    if (lang)
        memcpy(out.Language, lang->Tag, strlen(lang->Tag));
    return out;
}

bool SettingsAreValid(const Settings& settings)
{
    return ClampSettings(settings) == settings;
}

int TextSizeFor(double scale)
{
    if (!(scale > 0.0))  // NaN, zero or below
        return MinTextSize;
    const double steps = std::round((scale * 100.0 - MinTextSize) / TextSizeStep);
    return ClampInt(MinTextSize + (int)std::clamp(steps, 0.0, 100.0) * TextSizeStep, MinTextSize, MaxTextSize);
}

const char* RunModeKey(RunMode mode)
{
    return mode == RunMode::SelfPaced ? "self-paced" : "guided";
}

const char* ThemeKey(Theme theme)
{
    return theme == Theme::Light ? "light" : theme == Theme::Dark ? "dark"
                                                                  : "system";
}

const char* RepCountKey(RepCount count)
{
    return count == RepCount::EveryFive ? "five" : count == RepCount::Off ? "off"
                                                                          : "every";
}

// --- [SECTION] Plan -----------------------------------------------------------------------------

const char* PhaseKey(Phase phase)
{
    switch (phase)
    {
    case Phase::GetReady: return "get-ready";
    case Phase::Work: return "work";
    case Phase::Switch: return "switch";
    case Phase::Rest: return "rest";
    case Phase::RoundRest: return "round-rest";
    case Phase::Done: return "done";
    }
    return "done";
}

static Step MakeStep(Phase phase, int round, ExerciseId exercise, Side side, int target_reps, int64_t duration_ms)
{
    Step step = {};
    step.StepPhase = phase;
    step.Round = round;
    step.Exercise = exercise;
    step.StepSide = side;
    step.TargetReps = target_reps;
    step.DurationMs = duration_ms;
    step.CountsUp = false;
    step.BandChange = false;
    return step;
}

std::vector<Step> BuildPlan(const Settings& raw_settings)
{
    const Settings settings = ClampSettings(raw_settings);
    const ExerciseId first = (ExerciseId)0;
    const ExerciseId last = (ExerciseId)(ExerciseCount - 1);
    std::vector<Step> plan;
    plan.push_back(MakeStep(Phase::GetReady, 1, first, Side::None, 0, settings.GetReadySec * 1000LL));

    for (int round = 1; round <= settings.Rounds; round++)
    {
        for (int i = 0; i < ExerciseCount; i++)
        {
            const Exercise& exercise = GetExercise((ExerciseId)i);
            const int reps = settings.Reps[i];
            Step work = MakeStep(Phase::Work, round, exercise.Id, Side::None, reps, (int64_t)reps * RepDurationMs(exercise));
            if (settings.Mode == RunMode::SelfPaced)
            {
                work.DurationMs = 0;
                work.CountsUp = true;
            }
            if (!HasSwitch(exercise))
            {
                plan.push_back(work);
            }
            else
            {
                work.StepSide = ExerciseSide(exercise, 0);
                plan.push_back(work);
                plan.push_back(MakeStep(Phase::Switch, round, exercise.Id, ExerciseSide(exercise, 1), 0, settings.SwitchSidesSec * 1000LL));
                work.StepSide = ExerciseSide(exercise, 1);
                plan.push_back(work);
            }

            // A rest between exercises, a round rest between rounds, nothing after the last set.
            // A band change (tying or untying the loop) gets at least the band-change rest.
            const bool last_exercise = (i == ExerciseCount - 1);
            const ExerciseId next = last_exercise ? first : (ExerciseId)(i + 1);
            const bool band_change = BandFormChanges(exercise.Id, next);
            const int change_sec = band_change ? settings.BandChangeRestSec : 0;
            Step rest = {};
            if (!last_exercise)
                rest = MakeStep(Phase::Rest, round, next, Side::None, 0, std::max(settings.RestSec, change_sec) * 1000LL);
            else if (round < settings.Rounds)
                rest = MakeStep(Phase::RoundRest, round, next, Side::None, 0, std::max(settings.RoundRestSec, change_sec) * 1000LL);
            else
                continue;
            rest.BandChange = band_change;
            plan.push_back(rest);
        }
    }
    plan.push_back(MakeStep(Phase::Done, settings.Rounds, last, Side::None, 0, 0));
    return plan;
}

int64_t StepNominalMs(const Step& step)
{
    if (step.CountsUp)
        return (int64_t)step.TargetReps * RepDurationMs(GetExercise(step.Exercise));
    return step.DurationMs;
}

int PlanMinutes(const Settings& settings) { return (int)((PlanTotalMs(BuildPlan(settings)) + 30000) / 60000); }

int64_t PlanTotalMs(const std::vector<Step>& plan)
{
    int64_t total = 0;
    for (const Step& step : plan)
        total += StepNominalMs(step);
    return total;
}

ExerciseId PreviousExercise(const Step& rest)
{
    if (rest.StepPhase == Phase::RoundRest || (int)rest.Exercise == 0)
        return (ExerciseId)(ExerciseCount - 1);
    return (ExerciseId)((int)rest.Exercise - 1);
}

}  // namespace core
