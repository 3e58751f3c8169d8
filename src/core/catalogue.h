// The five exercises of the post-run band circuit: what each is, how it is dosed, and the tempo
// of one rep. The tempo is what keeps the timer, the cues and the stick figure in step: the timer
// counts reps from it, and the figure's keyframes are placed at its part boundaries.
#pragma once

#include <string_view>

namespace bc {

enum class ExerciseId { Deadbug, Dorsiflexion, TrapPull, MonsterWalk, RussianTwist, COUNT };
constexpr int ExerciseCount = (int)ExerciseId::COUNT;

// Which side (or direction) a set or a part of a rep belongs to.
enum class Side { None, Left, Right, Forward, Back };

// How one exercise's work is split into sets.
enum class SetStyle {
    PerSide,      // all reps on the left, a switch-sides pause, all reps on the right
    Alternating,  // one set; each rep works the left and then the right side
    Directions,   // steps forward, a pause, steps back (monster walks)
};

// One timed part of a rep, e.g. "pull", "hold", "return".
struct TempoPart {
    const char* Name;   // short verb shown and spoken: "Extend", "Hold", ...
    int DurationMs;     // length of this part in guided tempo
    Side PartSide;      // for Alternating exercises: the side this part works; otherwise None
    bool IsHold;        // a static hold (dorsiflexion's 2 s): cues mark its start and end
};

constexpr int MaxTempoParts = 4;

struct Exercise {
    ExerciseId Id;
    const char* Key;            // stable id used in storage and automation: "deadbug", ...
    const char* Name;           // "Banded deadbug"
    const char* DoseText;       // "10-12 reps per side"
    int CountMin, CountMax;     // reps per side (or steps per direction) the coach gives
    const char* CountUnit;      // "reps" or "steps"
    SetStyle Style;
    TempoPart Tempo[MaxTempoParts];
    int TempoPartCount;
    const char* Targets;        // target muscles, one line
    const char* BandSetup;      // how the band is placed
    const char* const* SetupSteps;   int SetupStepCount;
    const char* const* MoveSteps;    int MoveStepCount;
    const char* const* Faults;       int FaultCount;
};

const Exercise& GetExercise(ExerciseId id);
const Exercise* FindExercise(std::string_view key);   // nullptr when the key is unknown
int RepDurationMs(const Exercise& exercise);           // sum of the tempo parts
const char* SideKey(Side side);                        // "left", "right", "forward", "back", or nullptr
Side FindSide(std::string_view key);                   // inverse of SideKey(); Side::None when unknown
const char* ExerciseKey(ExerciseId id);                // GetExercise(id).Key
// The two sides an exercise's reps are recorded under: Left/Right, or Forward/Back for Directions.
// index is 0 or 1; for PerSide and Directions they are also the order of the two sets.
Side ExerciseSide(const Exercise& exercise, int index);

}  // namespace bc
