// How the runner is doing, for the finish and home screens: the week's sessions against a weekly
// goal, streaks of weeks that met it (a post-run routine is done 2-3 times a week, so a daily
// streak would break every other day), this session against the last one, and a suggestion for
// next time once a set has become easy. Pure arithmetic on session records and wall-clock ms.
#pragma once

#include <cstdint>
#include <vector>

#include "core/history.h"
#include "core/plan.h"

namespace core {

struct WeekProgress
{
    int ThisWeekSessions;    // sessions started this local week (Monday to Sunday)
    int Goal;                // the weekly goal they are measured against
    int CurrentStreakWeeks;  // weeks in a row that met the goal, ending this week (or last week: this one is not over)
    int BestStreakWeeks;     // the longest such run
};

// tz_offset_minutes and first_weekday as for ComputeHistoryStats(). Every session in the list counts.
WeekProgress ComputeWeekProgress(const std::vector<SessionRecord>& history, int64_t now_wall_ms, int tz_offset_minutes, int goal, int first_weekday = 0);

// The latest session in history that started before `record` did (and is not it), or nullptr.
const SessionRecord* PreviousSession(const std::vector<SessionRecord>& history, const SessionRecord& record);

// Reps (or steps) done in one session for one exercise, as a runner counts them: both sides added
// for exercises done one side at a time, the reps of the one set for the others.
int RepsDoneTotal(const SessionRecord& record, ExerciseId exercise);

// A session's reps and steps done, every exercise added (steps: the walks, counted apart).
struct DoneTotals
{
    int Reps;
    int Steps;
};
DoneTotals SessionDoneTotals(const SessionRecord& record);

// The reps of each round that every side reached: the smaller side, divided by the rounds planned.
int RepsPerRound(const SessionRecord& record, ExerciseId exercise);

enum class SuggestionKind
{
    None,
    MoreReps,
    NextBand
};

struct Suggestion
{
    SuggestionKind Kind;  // what to change next time
    int Reps;             // MoreReps: the reps per set to try
    BandStrength Band;    // NextBand: the band to try
};

// Twice in a row every round reached the top of the coach's range: the next band strength (when
// the same band was noted both times and a stronger one exists), else one more rep than done.
// Otherwise nothing: below the top, the range itself is the plan.
Suggestion SuggestNext(const SessionRecord& latest, const SessionRecord* previous, ExerciseId exercise, const Settings& settings);

}  // namespace core
