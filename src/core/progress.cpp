// Weekly goal, weekly streaks, the last-time comparison and the next-time suggestion.
#include "core/progress.h"

#include <algorithm>

namespace core {

static int64_t FloorDiv7(int64_t day)
{
    return day >= 0 ? day / 7 : -((-day + 6) / 7);
}

// Weeks counted from the Monday 1969-12-29 (day -3): week n holds days [7n - 3, 7n + 3]; weeks
// that start on another day are shifted by it (Sunday: days [7n - 4, 7n + 2]).
static int64_t WeekNumber(int64_t local_day, int first_weekday)
{
    return FloorDiv7(local_day + 3 - first_weekday);
}

WeekProgress ComputeWeekProgress(const std::vector<SessionRecord>& history, int64_t now_wall_ms, int tz_offset_minutes, int goal, int first_weekday)
{
    WeekProgress progress = {};
    progress.Goal = std::max(1, goal);
    const int64_t this_week = WeekNumber(LocalDayNumber(now_wall_ms, tz_offset_minutes), first_weekday);
    std::vector<int64_t> weeks;
    weeks.reserve(history.size());
    for (const SessionRecord& record : history)
    {
        // A session belongs to the local week where it happened (its own offset when recorded).
        const int64_t week = WeekNumber(LocalDayNumber(record.StartedWallMs, RecordTzOffset(record, tz_offset_minutes)), first_weekday);
        if (week > this_week)
            continue;  // a clock set wrong once: a session "in the future" counts for no week
        weeks.push_back(week);
        if (week == this_week)
            progress.ThisWeekSessions++;
    }
    std::sort(weeks.begin(), weeks.end());

    // The weeks that met the goal, in order.
    std::vector<int64_t> met;
    for (size_t i = 0; i < weeks.size();)
    {
        size_t j = i;
        while (j < weeks.size() && weeks[j] == weeks[i])
            j++;
        if ((int)(j - i) >= progress.Goal)
            met.push_back(weeks[i]);
        i = j;
    }
    int run = 0;
    for (size_t i = 0; i < met.size(); i++)
    {
        run = (i > 0 && met[i] == met[i - 1] + 1) ? run + 1 : 1;
        progress.BestStreakWeeks = std::max(progress.BestStreakWeeks, run);
    }
    int64_t expected = std::binary_search(met.begin(), met.end(), this_week) ? this_week : this_week - 1;
    while (std::binary_search(met.begin(), met.end(), expected))
    {
        progress.CurrentStreakWeeks++;
        expected--;
    }
    return progress;
}

const SessionRecord* PreviousSession(const std::vector<SessionRecord>& history, const SessionRecord& record)
{
    const SessionRecord* best = nullptr;
    for (const SessionRecord& other : history)
    {
        if (other.Id == record.Id || other.StartedWallMs > record.StartedWallMs)
            continue;
        if (best == nullptr || other.StartedWallMs >= best->StartedWallMs)
            best = &other;
    }
    return best;
}

int RepsDoneTotal(const SessionRecord& record, ExerciseId exercise)
{
    const Exercise& e = GetExercise(exercise);
    const int a = record.RepsDone[(int)exercise][(int)ExerciseSide(e, 0)];
    const int b = record.RepsDone[(int)exercise][(int)ExerciseSide(e, 1)];
    return HasSwitch(e) ? a + b : std::max(a, b);
}

DoneTotals SessionDoneTotals(const SessionRecord& record)
{
    DoneTotals totals = { 0, 0 };
    for (int e = 0; e < ExerciseCount; e++)
    {
        const int done = RepsDoneTotal(record, (ExerciseId)e);
        (GetExercise((ExerciseId)e).Style == SetStyle::Directions ? totals.Steps : totals.Reps) += done;
    }
    return totals;
}

int RepsPerRound(const SessionRecord& record, ExerciseId exercise)
{
    const Exercise& e = GetExercise(exercise);
    const int a = record.RepsDone[(int)exercise][(int)ExerciseSide(e, 0)];
    const int b = record.RepsDone[(int)exercise][(int)ExerciseSide(e, 1)];
    return record.RoundsPlanned > 0 ? std::min(a, b) / record.RoundsPlanned : 0;
}

Suggestion SuggestNext(const SessionRecord& latest, const SessionRecord* previous, ExerciseId exercise, const Settings& settings)
{
    Suggestion suggestion = { SuggestionKind::None, 0, BandStrength::None };
    if (previous == nullptr || !latest.Finished || !previous->Finished)
        return suggestion;
    const Exercise& e = GetExercise(exercise);
    const int reps = settings.Reps[(int)exercise];  // the runner may have raised them already
    const int latest_reps = RepsPerRound(latest, exercise);
    const int previous_reps = RepsPerRound(*previous, exercise);
    const BandStrength band = latest.Bands[(int)exercise];
    if (latest_reps >= e.CountMax && previous_reps >= e.CountMax)
    {
        if (previous->Bands[(int)exercise] != band)
            return suggestion;  // a new band: the top reached once with it so far
        if (band != BandStrength::None && band != BandStrength::ExtraHeavy)
            return { SuggestionKind::NextBand, 0, (BandStrength)((int)band + 1) };
        if (reps < MaxReps)
            return { SuggestionKind::MoreReps, std::max(reps, latest_reps) + 1, BandStrength::None };
        return suggestion;
    }
    return suggestion;
}

}  // namespace core
