// The exercise catalogue: the five exercises of the circuit as constant data. The instructions are
// written for a tired runner glancing at a phone (short lines, one idea each); the tempo numbers are
// a fixed contract with the stick-figure keyframes, so change them only together with those.
#include "core/catalogue.h"

namespace bc {

// --- [SECTION] Texts ----------------------------------------------------------------------------

static const char* const DeadbugSetup[] = {
    "Lie on your back.",
    "Lift hips and knees to 90 degrees, knees and feet hip-width apart.",
    "Reach both arms straight up toward the ceiling.",
    "Press the knees gently out so the band stays tight.",
};
static const char* const DeadbugMove[] = {
    "Brace your core.",
    "Lower one leg toward the floor as the opposite arm reaches back overhead.",
    "Come back to the start with control, band still tight.",
    "Swap: other leg, other arm.",
};
static const char* const DeadbugFaults[] = {
    "Knees drifting in and the band going slack.",
    "Lower back arching off the floor.",
    "Rushing the way back.",
};

static const char* const DorsiflexionSetup[] = {
    "Sit with both legs straight out in front.",
    "Put the band across the top of one foot.",
    "Slide back until the band is taut, toes pointed away.",
};
static const char* const DorsiflexionMove[] = {
    "Pull the toes up toward you.",
    "Hold for 2 seconds.",
    "Point the foot away again, slowly.",
    "Do every rep on this foot, then switch.",
};
static const char* const DorsiflexionFaults[] = {
    "Band going slack when the toes point away.",
    "Skipping the 2-second hold.",
    "Moving the whole leg instead of the ankle.",
};

static const char* const TrapPullSetup[] = {
    "Stand tall with the arms straight up.",
    "Hold the band with hands wider than the shoulders, a little tension on it.",
};
static const char* const TrapPullMove[] = {
    "Draw the shoulder blades down and together.",
    "Bring the band down behind the head to about ear height.",
    "Press back up overhead with control.",
    "Both arms pull at once: one set a round, no switching sides.",
};
static const char* const TrapPullFaults[] = {
    "Going below the ears: the squeeze between the shoulder blades fades.",
    "Shrugging the shoulders up.",
    "Pushing the head forward.",
};

static const char* const MonsterWalkSetup[] = {
    "Step into the band and slide it down to the ankles.",
    "Feet wide, band tight.",
    "Sink into a half squat: a slight bend at hips and knees.",
    "Keep your weight back on the heels.",
};
static const char* const MonsterWalkMove[] = {
    "Take wide, controlled steps forward.",
    "Feel the band pull on the outside of the hips with every step.",
    "Then walk the same number of steps backward.",
};
static const char* const MonsterWalkFaults[] = {
    "Standing up out of the half squat.",
    "Feet coming together so the band goes slack.",
    "Knees caving in.",
};

static const char* const RussianTwistSetup[] = {
    "Sit with knees bent and feet flat.",
    "Lean back to about 45 degrees, spine long, shoulders back.",
    "Hold the band straight out in front of the chest, tight.",
};
static const char* const RussianTwistMove[] = {
    "Turn to the right from the core; the arms stay in front of the chest.",
    "Come back through the centre.",
    "Turn to the left the same way.",
    "Slow and controlled, band tight the whole time.",
};
static const char* const RussianTwistFaults[] = {
    "Rounding the back.",
    "Swinging the arms instead of turning the trunk.",
    "Letting the band go slack.",
};

#define BC_TEXTS(array) array, (int)(sizeof(array) / sizeof(array[0]))

// --- [SECTION] The catalogue --------------------------------------------------------------------

static const Exercise Exercises[ExerciseCount] = {
    {
        ExerciseId::Deadbug,
        "deadbug",
        "Banded deadbug",
        "10-12 reps per side",
        10,
        12,
        "reps",
        SetStyle::Alternating,
        { { "Extend", 1500, Side::Left, false, "Left leg, right arm", PartTone::Effort },
          { "Return", 1000, Side::Left, false, "and back", PartTone::Return },
          { "Extend", 1500, Side::Right, false, "Right leg, left arm", PartTone::Effort },
          { "Return", 1000, Side::Right, false, "and back", PartTone::Return } },
        4,
        "Deep core and glute medius (side of the hip)",
        "Loop around the thighs, just above the knees",
        BandForm::Loop,
        "deadbug",
        "Loop the band around your thighs, just above the knees, and lie on your back.",
        nullptr,
        BC_TEXTS(DeadbugSetup),
        BC_TEXTS(DeadbugMove),
        BC_TEXTS(DeadbugFaults),
    },
    {
        ExerciseId::Dorsiflexion,
        "dorsiflexion",
        "Dorsiflexion with band",
        "10-12 reps per side",
        10,
        12,
        "reps",
        SetStyle::PerSide,
        { { "Pull toes up", 1000, Side::None, false, "Toes up", PartTone::Effort },
          { "Hold", 2000, Side::None, true, "hold", PartTone::Hold },
          { "Point away", 1500, Side::None, false, "and down", PartTone::Return },
          {} },
        3,
        "Tibialis anterior (front of the shin)",
        "Flat, across the top of one foot; a partner holds the ends, or tie them to something solid",
        BandForm::Flat,
        "dorsiflexion",
        "Sit down and put the band flat across the top of your left foot, ends held or tied to something solid.",
        "foot",
        BC_TEXTS(DorsiflexionSetup),
        BC_TEXTS(DorsiflexionMove),
        BC_TEXTS(DorsiflexionFaults),
    },
    {
        ExerciseId::TrapPull,
        "trap-pull",
        "Overhead trap pull",
        "10-12 reps a round, both arms together",
        10,
        12,
        "reps",
        SetStyle::OneSet,
        { { "Pull down", 1500, Side::None, false, "Pull", PartTone::Effort },
          { "Return", 1500, Side::None, false, "and up", PartTone::Return },
          {},
          {} },
        2,
        "Middle and lower traps, rhomboids, levator scapulae; lats help",
        "Flat, held overhead with the hands wider than the shoulders",
        BandForm::Flat,
        "trap pull",
        "Stand up and hold the band flat overhead, hands wider than your shoulders.",
        nullptr,
        BC_TEXTS(TrapPullSetup),
        BC_TEXTS(TrapPullMove),
        BC_TEXTS(TrapPullFaults),
    },
    {
        ExerciseId::MonsterWalk,
        "monster-walk",
        "Banded monster walks",
        "About 20 steps forward, then 20 back",
        20,
        20,
        "steps",
        SetStyle::Directions,
        { { "Step", 1500, Side::None, false, "", PartTone::Effort }, {}, {}, {} },
        1,
        "Glute medius, hip abductors, hamstrings",
        "Loop around the ankles",
        BandForm::Loop,
        "monster walks",
        "Loop the band around your ankles.",
        nullptr,
        BC_TEXTS(MonsterWalkSetup),
        BC_TEXTS(MonsterWalkMove),
        BC_TEXTS(MonsterWalkFaults),
    },
    {
        ExerciseId::RussianTwist,
        "russian-twist",
        "Russian twist with band hold",
        "12-15 reps per side",
        12,
        15,
        "reps",
        SetStyle::Alternating,
        { { "Twist right", 1000, Side::Right, false, "Twist right", PartTone::Effort },
          { "Centre", 750, Side::Right, false, "centre", PartTone::Return },
          { "Twist left", 1000, Side::Left, false, "left", PartTone::Effort },
          { "Centre", 750, Side::Left, false, "centre", PartTone::Return } },
        4,
        "Obliques, transverse abdominis, shoulder stabilisers",
        "Flat, held straight out in front of the chest, tight the whole time",
        BandForm::Flat,
        "Russian twist",
        "Sit down, lean back, and hold the band flat out in front of your chest.",
        nullptr,
        BC_TEXTS(RussianTwistSetup),
        BC_TEXTS(RussianTwistMove),
        BC_TEXTS(RussianTwistFaults),
    },
};

#undef BC_TEXTS

// --- [SECTION] Look-ups -------------------------------------------------------------------------

const Exercise& GetExercise(ExerciseId id)
{
    int index = (int)id;
    if (index < 0 || index >= ExerciseCount)
        index = 0;
    return Exercises[index];
}

const Exercise* FindExercise(std::string_view key)
{
    for (const Exercise& exercise : Exercises)
        if (key == exercise.Key)
            return &exercise;
    return nullptr;
}

int RepDurationMs(const Exercise& exercise)
{
    int total = 0;
    for (int i = 0; i < exercise.TempoPartCount; i++)
        total += exercise.Tempo[i].DurationMs;
    return total;
}

int TempoPartAt(const Exercise& exercise, int64_t ms_into_rep)
{
    int end = 0;
    for (int i = 0; i < exercise.TempoPartCount; i++)
    {
        end += exercise.Tempo[i].DurationMs;
        if (ms_into_rep < end)
            return i;
    }
    return exercise.TempoPartCount - 1;
}

int TempoPartEndMs(const Exercise& exercise, int part)
{
    int end = 0;
    for (int i = 0; i <= part && i < exercise.TempoPartCount; i++)
        end += exercise.Tempo[i].DurationMs;
    return end;
}

const char* SideKey(Side side)
{
    switch (side)
    {
    case Side::Left: return "left";
    case Side::Right: return "right";
    case Side::Forward: return "forward";
    case Side::Back: return "back";
    case Side::None: break;
    }
    return nullptr;
}

Side FindSide(std::string_view key)
{
    const Side sides[] = { Side::Left, Side::Right, Side::Forward, Side::Back };
    for (Side side : sides)
        if (key == SideKey(side))
            return side;
    return Side::None;
}

const char* ExerciseKey(ExerciseId id)
{
    return GetExercise(id).Key;
}

Side ExerciseSide(const Exercise& exercise, int index)
{
    if (exercise.Style == SetStyle::Directions)
        return index == 0 ? Side::Forward : Side::Back;
    return index == 0 ? Side::Left : Side::Right;
}

bool HasSwitch(const Exercise& exercise)
{
    return exercise.Style == SetStyle::PerSide || exercise.Style == SetStyle::Directions;
}

bool BandFormChanges(ExerciseId from, ExerciseId to)
{
    return GetExercise(from).Form != GetExercise(to).Form;
}

const char* BandChangeText(ExerciseId from, ExerciseId to)
{
    if (!BandFormChanges(from, to))
        return "";
    return GetExercise(to).Form == BandForm::Loop ? "Tie the band into a loop." : "Untie the loop.";
}

static const char* const BandKeys[BandStrengthCount] = { "none", "light", "medium", "heavy", "extra-heavy" };
static const char* const BandNames[BandStrengthCount] = { "Not noted", "Light", "Medium", "Heavy", "Extra heavy" };

const char* BandStrengthKey(BandStrength band)
{
    const int i = (int)band;
    return i >= 0 && i < BandStrengthCount ? BandKeys[i] : BandKeys[0];
}

const char* BandStrengthName(BandStrength band)
{
    const int i = (int)band;
    return i >= 0 && i < BandStrengthCount ? BandNames[i] : BandNames[0];
}

bool FindBandStrength(std::string_view key, BandStrength* out)
{
    for (int i = 0; i < BandStrengthCount; i++)
        if (key == BandKeys[i])
        {
            *out = (BandStrength)i;
            return true;
        }
    return false;
}

}  // namespace bc
