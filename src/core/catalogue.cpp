// The exercise catalogue: the five exercises of the circuit as constant data. The instructions are
// written for a tired runner glancing at a phone (short lines, one idea each); the tempo numbers are
// a fixed contract with the stick-figure keyframes, so change them only together with those.
#include "core/catalogue.h"

#include "core/wording.h"

namespace core {

// --- [SECTION] Texts ----------------------------------------------------------------------------

static const char* const DeadbugSetup[] = {
    N_("Lie on your back."),
    N_("Lift hips and knees to 90 degrees, knees and feet hip-width apart."),
    N_("Reach both arms straight up toward the ceiling."),
    N_("Press the knees gently out so the band stays tight."),
};
static const char* const DeadbugMove[] = {
    N_("Brace your core."),
    N_("Lower one leg toward the floor as the opposite arm reaches back overhead."),
    N_("Come back to the start with control, band still tight."),
    N_("Swap: other leg, other arm."),
};
static const char* const DeadbugFaults[] = {
    N_("Knees drifting in and the band going slack."),
    N_("Lower back arching off the floor."),
    N_("Rushing the way back."),
};

static const char* const DorsiflexionSetup[] = {
    N_("Sit with both legs straight out in front."),
    N_("Put the band across the top of one foot."),
    N_("Slide back until the band is taut, toes pointed away."),
};
static const char* const DorsiflexionMove[] = {
    N_("Pull the toes up toward you."),
    N_("Hold for 2 seconds."),
    N_("Point the foot away again, slowly."),
    N_("Do every rep on this foot, then switch."),
};
static const char* const DorsiflexionFaults[] = {
    N_("Band going slack when the toes point away."),
    N_("Skipping the 2-second hold."),
    N_("Moving the whole leg instead of the ankle."),
};

static const char* const TrapPullSetup[] = {
    N_("Stand tall with the arms straight up."),
    N_("Hold the band with hands wider than the shoulders, a little tension on it."),
};
static const char* const TrapPullMove[] = {
    N_("Draw the shoulder blades down and together."),
    N_("Bring the band down behind the head to about ear height."),
    N_("Press back up overhead with control."),
    N_("Both arms pull at once: one set a round, no switching sides."),
};
static const char* const TrapPullFaults[] = {
    N_("Going below the ears: the squeeze between the shoulder blades fades."),
    N_("Shrugging the shoulders up."),
    N_("Pushing the head forward."),
};

static const char* const MonsterWalkSetup[] = {
    N_("Step into the band and slide it down to the ankles."),
    N_("Feet wide, band tight."),
    N_("Sink into a half squat: a slight bend at hips and knees."),
    N_("Keep your weight back on the heels."),
};
static const char* const MonsterWalkMove[] = {
    N_("Take wide, controlled steps forward."),
    N_("Feel the band pull on the outside of the hips with every step."),
    N_("Then walk the same number of steps backward."),
};
static const char* const MonsterWalkFaults[] = {
    N_("Standing up out of the half squat."),
    N_("Feet coming together so the band goes slack."),
    N_("Knees caving in."),
};

static const char* const RussianTwistSetup[] = {
    N_("Sit with knees bent and feet flat."),
    N_("Lean back to about 45 degrees, spine long, shoulders back."),
    N_("Hold the band straight out in front of the chest, tight."),
};
static const char* const RussianTwistMove[] = {
    N_("Turn to the right from the core; the arms stay in front of the chest."),
    N_("Come back through the centre."),
    N_("Turn to the left the same way."),
    N_("Slow and controlled, band tight the whole time."),
};
static const char* const RussianTwistFaults[] = {
    N_("Rounding the back."),
    N_("Swinging the arms instead of turning the trunk."),
    N_("Letting the band go slack."),
};

#define BC_TEXTS(array) array, (int)(sizeof(array) / sizeof(array[0]))

// --- [SECTION] The catalogue --------------------------------------------------------------------

// The tempo parts: Name is shown while the part lasts, Spoken is said as it begins and must be
// said within the part (1-2 s), so the translators' notes below give each one's time.
static const Exercise Exercises[ExerciseCount] = {
    {
        ExerciseId::Deadbug,
        "deadbug",
        N_("Banded deadbug"),
        // TRANSLATORS: an exercise's short name, on the buttons that change its reps ("+ Deadbug")
        N_("Deadbug"),
        N_("10-12 reps per side"),
        10,
        12,
        // TRANSLATORS: the unit of an exercise's count
        N_("reps"),
        SetStyle::Alternating,
        {
            // TRANSLATORS: a tempo part's name (a word or two), shown while it lasts
            { N_("Extend"), 1500, Side::Left, false,
              // TRANSLATORS: said by the coach as a deadbug rep begins: it must fit in 1.5 seconds
              N_("Left leg, right arm"), PartTone::Effort },
            // TRANSLATORS: a tempo part's name (a word or two), shown while it lasts
            { N_("Return"), 1000, Side::Left, false,
              // TRANSLATORS: said by the coach as the way back of a rep begins: it must fit in 1 second
              N_("and back"), PartTone::Return },
            { N_("Extend"), 1500, Side::Right, false,
              // TRANSLATORS: said by the coach as the second half of a deadbug rep begins: it must fit in 1.5 seconds
              N_("Right leg, left arm"), PartTone::Effort },
            { N_("Return"), 1000, Side::Right, false, N_("and back"), PartTone::Return },
        },
        4,
        N_("Deep core and glute medius (side of the hip)"),
        N_("Loop around the thighs, just above the knees"),
        BandForm::Loop,
        // TRANSLATORS: the exercise's name as the coach says it, after "Next:" ("Next: deadbug.")
        N_("deadbug"),
        N_("Loop the band around your thighs, just above the knees, and lie on your back."),
        nullptr,
        BC_TEXTS(DeadbugSetup),
        BC_TEXTS(DeadbugMove),
        BC_TEXTS(DeadbugFaults),
    },
    {
        ExerciseId::Dorsiflexion,
        "dorsiflexion",
        N_("Dorsiflexion with band"),
        // TRANSLATORS: an exercise's short name, on the buttons that change its reps ("+ Deadbug")
        N_("Dorsiflexion"),
        N_("10-12 reps per side"),
        10,
        12,
        N_("reps"),
        SetStyle::PerSide,
        {
            // TRANSLATORS: a tempo part's name (a few words), shown while it lasts
            { N_("Pull toes up"), 1000, Side::None, false,
              // TRANSLATORS: said by the coach as a dorsiflexion rep begins: it must fit in 1 second
              N_("Toes up"), PartTone::Effort },
            // TRANSLATORS: a tempo part's name (a word), shown while it lasts: a static hold
            { N_("Hold"), 2000, Side::None, true,
              // TRANSLATORS: said by the coach as the 2-second static hold begins: one short word
              N_("hold"), PartTone::Hold },
            // TRANSLATORS: a tempo part's name (a word or two), shown while it lasts: the toes point away again
            { N_("Point away"), 1500, Side::None, false,
              // TRANSLATORS: said by the coach as the toes point away again: it must fit in 1.5 seconds
              N_("and down"), PartTone::Return },
            {},
        },
        3,
        N_("Tibialis anterior (front of the shin)"),
        N_("Flat, across the top of one foot; a partner holds the ends, or tie them to something solid"),
        BandForm::Flat,
        // TRANSLATORS: the exercise's name as the coach says it, after "Next:" ("Next: dorsiflexion.")
        N_("dorsiflexion"),
        N_("Sit down and put the band flat across the top of your left foot, ends held or tied to something solid."),
        // TRANSLATORS: what changes side in dorsiflexion: one foot, then the other
        N_("foot"),
        BC_TEXTS(DorsiflexionSetup),
        BC_TEXTS(DorsiflexionMove),
        BC_TEXTS(DorsiflexionFaults),
    },
    {
        ExerciseId::TrapPull,
        "trap-pull",
        N_("Overhead trap pull"),
        // TRANSLATORS: an exercise's short name, on the buttons that change its reps ("+ Deadbug")
        N_("Trap pull"),
        N_("10-12 reps a round, both arms together"),
        10,
        12,
        N_("reps"),
        SetStyle::OneSet,
        {
            // TRANSLATORS: a tempo part's name (a word or two), shown while it lasts: the band comes down behind the head
            { N_("Pull down"), 1500, Side::None, false,
              // TRANSLATORS: said by the coach as a trap pull rep begins: it must fit in 1.5 seconds
              N_("Pull"), PartTone::Effort },
            { N_("Return"), 1500, Side::None, false,
              // TRANSLATORS: said by the coach as the arms go back up: it must fit in 1.5 seconds
              N_("and up"), PartTone::Return },
            {},
            {},
        },
        2,
        N_("Middle and lower traps, rhomboids, levator scapulae; lats help"),
        N_("Flat, held overhead with the hands wider than the shoulders"),
        BandForm::Flat,
        // TRANSLATORS: the exercise's name as the coach says it, after "Next:" ("Next: trap pull.")
        N_("trap pull"),
        N_("Stand up and hold the band flat overhead, hands wider than your shoulders."),
        nullptr,
        BC_TEXTS(TrapPullSetup),
        BC_TEXTS(TrapPullMove),
        BC_TEXTS(TrapPullFaults),
    },
    {
        ExerciseId::MonsterWalk,
        "monster-walk",
        N_("Banded monster walks"),
        // TRANSLATORS: an exercise's short name, on the buttons that change its reps ("+ Deadbug")
        N_("Monster walk"),
        N_("About 20 steps forward, then 20 back"),
        20,
        20,
        // TRANSLATORS: the unit of an exercise's count (monster walks count steps)
        N_("steps"),
        SetStyle::Directions,
        {
            // TRANSLATORS: a tempo part's name (a word), shown while it lasts: one step of a monster walk
            { N_("Step"), 1500, Side::None, false, "", PartTone::Effort },
            {},
            {},
            {},
        },
        1,
        N_("Glute medius, hip abductors, hamstrings"),
        N_("Loop around the ankles"),
        BandForm::Loop,
        // TRANSLATORS: the exercise's name as the coach says it, after "Next:" ("Next: monster walks.")
        N_("monster walks"),
        N_("Loop the band around your ankles."),
        nullptr,
        BC_TEXTS(MonsterWalkSetup),
        BC_TEXTS(MonsterWalkMove),
        BC_TEXTS(MonsterWalkFaults),
    },
    {
        ExerciseId::RussianTwist,
        "russian-twist",
        N_("Russian twist with band hold"),
        // TRANSLATORS: an exercise's short name, on the buttons that change its reps ("+ Deadbug")
        N_("Russian twist"),
        N_("12-15 reps per side"),
        12,
        15,
        N_("reps"),
        SetStyle::Alternating,
        {
            // TRANSLATORS: a tempo part's name (a word or two), shown while it lasts
            { N_("Twist right"), 1000, Side::Right, false,
              // TRANSLATORS: said by the coach as a Russian twist rep begins: it must fit in 1 second
              N_("Twist right"), PartTone::Effort },
            // TRANSLATORS: a tempo part's name (a word), shown while it lasts: back to the middle
            { N_("Centre"), 750, Side::Right, false,
              // TRANSLATORS: said by the coach as the trunk turns back to the middle: it must fit in 0.75 seconds
              N_("centre"), PartTone::Return },
            // TRANSLATORS: a tempo part's name (a word or two), shown while it lasts
            { N_("Twist left"), 1000, Side::Left, false,
              // TRANSLATORS: said by the coach as the twist to the left begins (after "Twist right"): it must fit in 1 second
              N_("left"), PartTone::Effort },
            { N_("Centre"), 750, Side::Left, false, N_("centre"), PartTone::Return },
        },
        4,
        N_("Obliques, transverse abdominis, shoulder stabilisers"),
        N_("Flat, held straight out in front of the chest, tight the whole time"),
        BandForm::Flat,
        // TRANSLATORS: the exercise's name as the coach says it, after "Next:" ("Next: Russian twist.")
        N_("Russian twist"),
        N_("Sit down, lean back, and hold the band flat out in front of your chest."),
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

float KeyPosePhase(ExerciseId id)
{
    // The end of the first tempo part is the working position (limbs extended, toes up, band at
    // ear level, a step under way, twisted right).
    const Exercise& exercise = GetExercise(id);
    if (exercise.TempoPartCount < 2)
        return 0.5f;  // a single-part rep (a monster-walk step): halfway through it
    const int total = RepDurationMs(exercise);
    return total > 0 ? (float)TempoPartEndMs(exercise, 0) / (float)total : 0.0f;
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

const char* SideName(Side side)
{
    switch (side)
    {
    case Side::Left: return "Left";
    case Side::Right: return "Right";
    case Side::Forward: return "Forward";
    case Side::Back: return "Backward";
    case Side::None: break;
    }
    return nullptr;
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
    return GetExercise(to).Form == BandForm::Loop ? N_("Tie the band into a loop.") : N_("Untie the loop.");
}

// --- [SECTION] Sides in words ------------------------------------------------------------------
// Whole sentences per side and per noun: other languages inflect "left" with what it qualifies.
// SideNoun "foot" is the only noun besides "side"; another one needs its own sentences here.

const char* SetSideText(const Exercise& exercise, Side side)
{
    const bool foot = exercise.SideNoun != nullptr;
    switch (side)
    {
    // TRANSLATORS: said (and shown) as a set on that side begins
    case Side::Left: return foot ? Tr("Left foot") : Tr("Left side");
    case Side::Right: return foot ? Tr("Right foot") : Tr("Right side");
    // TRANSLATORS: said as the monster walks' set forward begins
    case Side::Forward: return Tr("Walk forward");
    // TRANSLATORS: said as the monster walks' set backward begins
    case Side::Back: return Tr("Walk backward");
    case Side::None: break;
    }
    return nullptr;
}

const char* SwitchSidesText(const Exercise& exercise, Side side)
{
    if (exercise.Style == SetStyle::Directions)
        return side == Side::Back ? Tr("Change direction. Now walk backward.") : Tr("Change direction. Now walk forward.");
    const bool foot = exercise.SideNoun != nullptr;
    if (side == Side::Left)
        return foot ? Tr("Switch sides. Now the left foot.") : Tr("Switch sides. Now the left side.");
    return foot ? Tr("Switch sides. Now the right foot.") : Tr("Switch sides. Now the right side.");
}

const char* SideNowText(const Exercise& exercise, Side side)
{
    if (exercise.Style == SetStyle::Directions)
        return side == Side::Back ? Tr("Now: walk backward") : Tr("Now: walk forward");
    const bool foot = exercise.SideNoun != nullptr;
    if (side == Side::Right)
        return foot ? Tr("Now: right foot") : Tr("Now: right side");
    return foot ? Tr("Now: left foot") : Tr("Now: left side");
}

const char* SidePhrase(Side side)
{
    switch (side)
    {
    // TRANSLATORS: within a sentence, after the exercise's name: "Round 1 of 2, Banded deadbug, left side"
    case Side::Left: return Tr("left side");
    case Side::Right: return Tr("right side");
    case Side::Forward: return Tr("walking forward");
    case Side::Back: return Tr("walking back");
    case Side::None: break;
    }
    return nullptr;
}

// --- [SECTION] Bands ----------------------------------------------------------------------------

static const char* const BandKeys[BandStrengthCount] = { "none", "light", "medium", "heavy", "extra-heavy" };

const char* BandStrengthKey(BandStrength band)
{
    const int i = (int)band;
    return i >= 0 && i < BandStrengthCount ? BandKeys[i] : BandKeys[0];
}

// With a context: "Light" is also a colour theme.
const char* BandStrengthName(BandStrength band)
{
    switch (band)
    {
    case BandStrength::Light: return TrC("band", "Light");
    case BandStrength::Medium: return TrC("band", "Medium");
    case BandStrength::Heavy: return TrC("band", "Heavy");
    case BandStrength::ExtraHeavy: return TrC("band", "Extra heavy");
    case BandStrength::None: break;
    }
    // TRANSLATORS: a band strength the runner has not written down
    return TrC("band", "Not noted");
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

}  // namespace core
