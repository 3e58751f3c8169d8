// The five exercises of the post-run band circuit: what each is, how it is dosed, and the tempo
// of one rep. The tempo is what keeps the timer, the cues and the stick figure in step: the timer
// counts reps from it, and the figure's keyframes are placed at its part boundaries.
#pragma once

#include <cstdint>
#include <string_view>

namespace core {

enum class ExerciseId
{
    Deadbug,
    Dorsiflexion,
    TrapPull,
    MonsterWalk,
    RussianTwist,
    COUNT
};
constexpr int ExerciseCount = (int)ExerciseId::COUNT;

// Which side (or direction) a set or a part of a rep belongs to.
enum class Side
{
    None,
    Left,
    Right,
    Forward,
    Back
};

// How one exercise's work is split into sets.
enum class SetStyle
{
    PerSide,      // all reps on the left, a switch-sides pause, all reps on the right
    Alternating,  // one set; each rep works the left and then the right side
    Directions,   // steps forward, a pause, steps back (monster walks)
    OneSet,       // one set worked by both sides at once (the two-arm trap pull): no switch
};

// What the band is while an exercise is done. Going from one form to the other means tying or
// untying the loop, which is what takes time between exercises; a flat band only moves.
enum class BandForm
{
    Loop,
    Flat
};

// How strong the runner's band is for an exercise, as they noted it (None: not noted).
enum class BandStrength
{
    None,
    Light,
    Medium,
    Heavy,
    ExtraHeavy
};
constexpr int BandStrengthCount = 5;

// How a tempo part sounds when there is no voice: the effort, a static hold, the way back.
enum class PartTone
{
    Effort,
    Hold,
    Return
};

// One timed part of a rep, e.g. "pull", "hold", "return". Name and Spoken are English (Tr() them
// where shown or spoken).
struct TempoPart
{
    const char* Name;    // short verb shown and spoken: "Extend", "Hold", ...
    int DurationMs;      // length of this part in guided tempo
    Side PartSide;       // for Alternating exercises: the side this part works; otherwise None
    bool IsHold;         // a static hold (dorsiflexion's 2 s): cues mark its start and end
    const char* Spoken;  // what the coach says as the part begins, short enough to fit it ("Toes up"); "" for nothing
    PartTone Sound;      // the tone for this part when there is no voice
};

constexpr int MaxTempoParts = 4;

// The texts of an exercise are English, marked with N_() for extraction: translate them where they
// are shown or spoken, with Tr() (core::Tr(exercise.Name)). Keys are never translated.
struct Exercise
{
    ExerciseId Id;
    const char* Key;         // stable id used in storage and automation: "deadbug", ...
    const char* Name;        // "Banded deadbug"
    const char* ShortName;   // "Deadbug": where the full name is too long (Settings' buttons, whose English id it is)
    const char* DoseText;    // "10-12 reps per side"
    int CountMin, CountMax;  // reps per side (or steps per direction) the coach gives
    const char* CountUnit;   // "reps" or "steps"
    SetStyle Style;
    TempoPart Tempo[MaxTempoParts];
    int TempoPartCount;
    const char* Targets;      // target muscles, one line
    const char* BandSetup;    // how the band is placed
    BandForm Form;            // a loop, or the band flat
    const char* SpokenName;   // the name as the coach says it: "monster walks"
    const char* SetupSpoken;  // the set-up as one spoken sentence: "Loop the band around your ankles."
    const char* SideNoun;     // PerSide: what changes side ("foot"); nullptr for "side"
    const char* const* SetupSteps;
    int SetupStepCount;
    const char* const* MoveSteps;
    int MoveStepCount;
    const char* const* Faults;
    int FaultCount;
};

const Exercise& GetExercise(ExerciseId id);
const Exercise* FindExercise(std::string_view key);              // nullptr when the key is unknown
float KeyPosePhase(ExerciseId id);                               // a rep phase in [0,1) that shows the working position (the start is 0)
int RepDurationMs(const Exercise& exercise);                     // sum of the tempo parts
int TempoPartAt(const Exercise& exercise, int64_t ms_into_rep);  // the part under way that far into a rep (the last from its end on); -1 with no parts
int TempoPartEndMs(const Exercise& exercise, int part);          // ms into a rep at which that part ends
const char* SideKey(Side side);                                  // "left", "right", "forward", "back", or nullptr
Side FindSide(std::string_view key);                             // inverse of SideKey(); Side::None when unknown
const char* SideName(Side side);                                 // "Left", "Right", "Forward", "Backward" (English: the side buttons' ids), or nullptr
const char* ExerciseKey(ExerciseId id);                          // GetExercise(id).Key
// The two sides an exercise's reps are recorded under: Left/Right, or Forward/Back for Directions.
// index is 0 or 1; for PerSide and Directions they are also the order of the two sets.
Side ExerciseSide(const Exercise& exercise, int index);
// True when a set of this exercise has two sides done one after the other (PerSide, Directions).
bool HasSwitch(const Exercise& exercise);
// Going from one exercise to the next means tying or untying the loop.
bool BandFormChanges(ExerciseId from, ExerciseId to);
// The band change in words, for the screen and the voice: "Untie the loop." / "Tie the band into a
// loop." / "" when the band keeps its form. English, marked: translate it where it is shown (Tr()).
const char* BandChangeText(ExerciseId from, ExerciseId to);

// A set's side in words, in the active language (valid until the language changes; nullptr for
// Side::None). Whole sentences per side and noun, since other languages inflect "left" with it.
const char* SetSideText(const Exercise& exercise, Side side);      // as a set begins: "Left foot", "Left side", "Walk forward", "Walk backward"
const char* SwitchSidesText(const Exercise& exercise, Side side);  // switching to that side: "Switch sides. Now the right foot." / "Change direction. Now walk backward."
const char* SideNowText(const Exercise& exercise, Side side);      // the side a switch leads to: "Now: left foot", "Now: right side", "Now: walk backward"
const char* SidePhrase(Side side);                                 // within a sentence: "left side", "right side", "walking forward", "walking back"

const char* BandStrengthKey(BandStrength band);                  // "none", "light", "medium", "heavy", "extra-heavy"
const char* BandStrengthName(BandStrength band);                 // in the active language: "Not noted", "Light", "Medium", "Heavy", "Extra heavy"
bool FindBandStrength(std::string_view key, BandStrength* out);  // inverse of BandStrengthKey()

}  // namespace core
