// The user's settings and the circuit plan built from them. A session is a flat list of steps
// (get ready, each set, switch sides, rests, done), so the timer only has to be a position in
// that list plus a clock: no state machine of flags, and every screen can look ahead in the list.
#pragma once

#include <cstdint>
#include <vector>

#include "core/catalogue.h"

namespace core {

// --- [SECTION] Settings -------------------------------------------------------------------------

enum class RunMode
{
    Guided,
    SelfPaced
};
enum class Theme
{
    System,
    Light,
    Dark
};
// Which rep numbers the coach says.
enum class RepCount
{
    EveryRep,
    EveryFive,
    Off
};

// Bounds of every setting; ClampSettings() keeps values inside them.
constexpr int MinRounds = 1, MaxRounds = 10, DefaultRounds = 2;
constexpr int MinReps = 1, MaxReps = 99;
constexpr int MaxGetReadySec = 60;
constexpr int MaxSwitchSidesSec = 60;
constexpr int MaxRestSec = 600;
constexpr int MaxRoundRestSec = 900;
constexpr int MaxCueVolume = 100;
constexpr int MinWeeklyGoal = 1, MaxWeeklyGoal = 14, DefaultWeeklyGoal = 2;
constexpr int ExtendStepSec = 15;                                       // "+15 s" on a rest or get-ready
constexpr int MinTextSize = 100, MaxTextSize = 200, TextSizeStep = 25;  // percent

struct Settings
{
    int Rounds;                        // times through the whole circuit, MinRounds..MaxRounds
    int Reps[ExerciseCount];           // reps per side (steps per direction) per exercise, MinReps..MaxReps
    RunMode Mode;                      // guided tempo, or self-paced with a Done button
    int GetReadySec;                   // countdown before the first set, 0..MaxGetReadySec
    int SwitchSidesSec;                // pause between the two sets of a per-side exercise, 0..MaxSwitchSidesSec
    int RestSec;                       // rest between exercises (time to move the band), 0..MaxRestSec
    int RoundRestSec;                  // rest between rounds, 0..MaxRoundRestSec
    bool CueSound;                     // beeps
    bool CueVoice;                     // spoken cues (speech synthesis)
    bool CueVibration;                 // vibration where supported
    bool CueFlash;                     // screen flash
    Theme ColorTheme;                  // follow the system, or force light or dark
    int BandChangeRestSec;             // rest before an exercise whose band form differs (tie or untie the loop), 0..MaxRestSec; the longer of this and RestSec
    RepCount CountReps;                // rep numbers spoken: every rep, every fifth, none
    int CueVolume;                     // loudness of tones and speech, 0..MaxCueVolume (percent)
    int WeeklyGoal;                    // sessions a week the runner aims for, MinWeeklyGoal..MaxWeeklyGoal
    BandStrength Band[ExerciseCount];  // the band used for each exercise, as the runner noted it
    char Language[12];                 // the language chosen in Settings ("pt-BR"); "" follows the browser
    int TextSize;                      // percent the whole app is drawn at, MinTextSize..MaxTextSize by TextSizeStep; 0 follows the browser's text size

    bool operator==(const Settings&) const = default;
};

Settings DefaultSettings();                        // reps at the low end of each range, get ready 10 s, switch 5 s, rest 15 s (30 s for a band change), round rest 60 s
Settings ClampSettings(const Settings& settings);  // every field pulled into its bounds, enums made valid
int TextSizeFor(double scale);                     // a text scale (1.0 = 100 %) as the nearest text size step within bounds
bool SettingsAreValid(const Settings& settings);   // true when ClampSettings() would change nothing

const char* RunModeKey(RunMode mode);     // "guided", "self-paced"
const char* ThemeKey(Theme theme);        // "system", "light", "dark"
const char* RepCountKey(RepCount count);  // "every", "five", "off"

// --- [SECTION] Plan -----------------------------------------------------------------------------

enum class Phase
{
    GetReady,
    Work,
    Switch,
    Rest,
    RoundRest,
    Done
};

const char* PhaseKey(Phase phase);  // "get-ready", "work", "switch", "rest", "round-rest", "done"

struct Step
{
    Phase StepPhase;      // what happens during this step
    int Round;            // 1-based; for RoundRest the round just finished
    ExerciseId Exercise;  // Work/Switch: the exercise in progress; GetReady/Rest/RoundRest: the one coming next; Done: the last
    Side StepSide;        // Work: the side or direction of the set (None for alternating sets); Switch: the side coming next
    int TargetReps;       // Work: reps (or steps) to do; 0 otherwise
    int64_t DurationMs;   // length of a timed step; 0 for a counting-up step (and for Done)
    bool CountsUp;        // self-paced work: no end time, it runs until Done(), Skip() or EndEarly()
    bool BandChange;      // Rest/RoundRest: the band's form changes before the next exercise (tie or untie the loop)

    bool operator==(const Step&) const = default;
};

// The whole session, first step GetReady, last step Done. Settings are clamped first.
std::vector<Step> BuildPlan(const Settings& settings);

// The length a step is given in progress bars: its duration, or for a counting-up set the
// duration the same set would have in guided tempo.
int64_t StepNominalMs(const Step& step);

// The whole plan's length: the sum of StepNominalMs(), what home shows as the session's duration.
int64_t PlanTotalMs(const std::vector<Step>& plan);
int PlanMinutes(const Settings& settings);  // the session's length for these settings, to the nearest minute ("about 14 min")

// The exercise done just before a Rest or RoundRest step (the last one of the round for a RoundRest).
ExerciseId PreviousExercise(const Step& rest);

}  // namespace core
