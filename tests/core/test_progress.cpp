// Weekly goal and streaks, last time, and the next-time suggestion.
#include <catch2/catch_test_macros.hpp>

#include "core/catalogue.h"
#include "core/progress.h"

using namespace core;

constexpr int64_t Day = 24LL * 60 * 60 * 1000;
// Monday 2026-11-16 08:00 UTC.
constexpr int64_t Monday = 1794787200000LL + 8 * 60 * 60 * 1000;

static SessionRecord At(int64_t wall, const char* id, int reps_per_round = 10, int rounds = 2)
{
    SessionRecord r = {};
    r.Id = id;
    r.StartedWallMs = wall;
    r.EndedWallMs = wall + 900000;
    r.DurationMs = 800000;
    r.RoundsPlanned = rounds;
    r.RoundsDone = rounds;
    r.Finished = true;
    for (int e = 0; e < ExerciseCount; e++)
    {
        const Exercise& ex = GetExercise((ExerciseId)e);
        r.RepsDone[e][(int)ExerciseSide(ex, 0)] = reps_per_round * rounds;
        r.RepsDone[e][(int)ExerciseSide(ex, 1)] = reps_per_round * rounds;
    }
    return r;
}

TEST_CASE("The fixed Monday is a Monday", "[progress]")
{
    // 1970-01-01 was a Thursday: Mondays are 4 days after a multiple of 7 days.
    REQUIRE(((Monday / Day) - 4) % 7 == 0);
}

TEST_CASE("Weekly goal and weekly streaks", "[progress]")
{
    std::vector<SessionRecord> history;
    // Three weeks back: 2 sessions; two weeks back: 1; last week: 2; this week: 1 so far.
    history.push_back(At(Monday - 21 * Day, "a"));
    history.push_back(At(Monday - 19 * Day, "b"));
    history.push_back(At(Monday - 12 * Day, "c"));
    history.push_back(At(Monday - 7 * Day, "d"));
    history.push_back(At(Monday - 3 * Day, "e"));
    history.push_back(At(Monday + 1 * Day, "f"));
    const int64_t now = Monday + 2 * Day;
    WeekProgress week = ComputeWeekProgress(history, now, 0, 2);
    REQUIRE(week.ThisWeekSessions == 1);
    REQUIRE(week.Goal == 2);
    REQUIRE(week.CurrentStreakWeeks == 1);  // last week met it; this week is not over
    REQUIRE(week.BestStreakWeeks == 1);
    SECTION("meeting the goal this week extends the streak")
    {
        history.push_back(At(Monday + 2 * Day, "g"));
        week = ComputeWeekProgress(history, now, 0, 2);
        REQUIRE(week.ThisWeekSessions == 2);
        REQUIRE(week.CurrentStreakWeeks == 2);
        REQUIRE(week.BestStreakWeeks == 2);
    }
    SECTION("a goal of one a week: four weeks in a row")
    {
        week = ComputeWeekProgress(history, now, 0, 1);
        REQUIRE(week.CurrentStreakWeeks == 4);
    }
    SECTION("a missed week ends it")
    {
        week = ComputeWeekProgress(history, now + 14 * Day, 0, 1);
        REQUIRE(week.CurrentStreakWeeks == 0);
        REQUIRE(week.BestStreakWeeks == 4);
    }
    SECTION("the local week: Sunday night in UTC is Monday in Tokyo")
    {
        const std::vector<SessionRecord> one = { At(Monday - 8 * 60 * 60 * 1000 - 60000, "late") };  // Sunday 23:59 UTC
        REQUIRE(ComputeWeekProgress(one, Monday, 0, 1).ThisWeekSessions == 0);
        REQUIRE(ComputeWeekProgress(one, Monday, 9 * 60, 1).ThisWeekSessions == 1);
        // Recorded in Tokyo: it stays on that Monday, wherever the runner is now.
        std::vector<SessionRecord> tokyo = one;
        tokyo[0].HasTzOffset = true;
        tokyo[0].TzOffsetMinutes = 9 * 60;
        REQUIRE(ComputeWeekProgress(tokyo, Monday, 0, 1).ThisWeekSessions == 1);
    }
}

TEST_CASE("Last time, and what to try next time", "[progress]")
{
    Settings settings = DefaultSettings();
    const SessionRecord older = At(Monday, "old", 10);
    const SessionRecord newer = At(Monday + Day, "new", 10);
    const std::vector<SessionRecord> history = { newer, older };
    REQUIRE(PreviousSession(history, newer) == &history[1]);
    REQUIRE(PreviousSession(history, older) == nullptr);
    // Deadbug alternates: 10 reps a round is 10 reps, not 20; dorsiflexion adds both feet.
    REQUIRE(RepsDoneTotal(newer, ExerciseId::Deadbug) == 20);
    REQUIRE(RepsDoneTotal(newer, ExerciseId::Dorsiflexion) == 40);
    REQUIRE(RepsPerRound(newer, ExerciseId::Deadbug) == 10);
    // The history row's totals: reps of the four rep exercises, the walks' steps apart.
    int reps = 0, steps = 0;
    for (int e = 0; e < ExerciseCount; e++)
        (GetExercise((ExerciseId)e).Style == SetStyle::Directions ? steps : reps) += RepsDoneTotal(newer, (ExerciseId)e);
    REQUIRE(steps > 0);
    REQUIRE(SessionDoneTotals(newer).Reps == reps);
    REQUIRE(SessionDoneTotals(newer).Steps == steps);
    REQUIRE(SessionDoneTotals(newer).Reps == RepsDoneTotal(newer, ExerciseId::Deadbug) + RepsDoneTotal(newer, ExerciseId::Dorsiflexion) +
                                                 RepsDoneTotal(newer, ExerciseId::TrapPull) + RepsDoneTotal(newer, ExerciseId::RussianTwist));

    SECTION("below the top of the range: nothing, the range is the plan")
    {
        REQUIRE(SuggestNext(newer, &history[1], ExerciseId::Deadbug, settings).Kind == SuggestionKind::None);
    }
    SECTION("the top only once, or not in every round: nothing yet")
    {
        const SessionRecord top = At(Monday + Day, "top", 12);
        REQUIRE(SuggestNext(top, nullptr, ExerciseId::Deadbug, settings).Kind == SuggestionKind::None);
        REQUIRE(SuggestNext(top, &history[1], ExerciseId::Deadbug, settings).Kind == SuggestionKind::None);
        SessionRecord uneven = At(Monday, "uneven", 12);
        uneven.RepsDone[0][(int)Side::Left] = 12 + 10;  // one round short on the left
        REQUIRE(SuggestNext(top, &uneven, ExerciseId::Deadbug, settings).Kind == SuggestionKind::None);
        REQUIRE(SuggestNext(top, &top, ExerciseId::Deadbug, settings).Kind == SuggestionKind::MoreReps);
    }
    SECTION("the top of the range twice, with a band noted: the next band")
    {
        settings.Reps[(int)ExerciseId::Deadbug] = 12;
        SessionRecord a = At(Monday, "a", 12), b = At(Monday + Day, "b", 12);
        a.Bands[0] = b.Bands[0] = BandStrength::Medium;
        const Suggestion s = SuggestNext(b, &a, ExerciseId::Deadbug, settings);
        REQUIRE(s.Kind == SuggestionKind::NextBand);
        REQUIRE(s.Band == BandStrength::Heavy);
        a.Bands[0] = b.Bands[0] = BandStrength::None;
        const Suggestion more = SuggestNext(b, &a, ExerciseId::Deadbug, settings);
        REQUIRE(more.Kind == SuggestionKind::MoreReps);
        REQUIRE(more.Reps == 13);
        a.Bands[0] = BandStrength::Light;  // a heavier band this time: not yet
        b.Bands[0] = BandStrength::Medium;
        REQUIRE(SuggestNext(b, &a, ExerciseId::Deadbug, settings).Kind == SuggestionKind::None);
    }
    SECTION("an unfinished session suggests nothing")
    {
        SessionRecord ended = newer;
        ended.Finished = false;
        REQUIRE(SuggestNext(ended, &history[1], ExerciseId::Deadbug, settings).Kind == SuggestionKind::None);
    }
}

TEST_CASE("Weeks follow the locale's first day: a Sunday session opens the week where weeks start on Sunday", "[progress]")
{
    const int64_t sunday = Monday - Day;  // 2026-11-15
    // Monday-first: Sunday belongs to the week before Monday's; Sunday-first: to Monday's week.
    REQUIRE(WeekStart(sunday / Day, 0) == (Monday / Day) - 7);
    REQUIRE(WeekStart(sunday / Day, 6) == sunday / Day);
    REQUIRE(WeekStart(Monday / Day, 6) == sunday / Day);
    REQUIRE(WeekStart(Monday / Day, 0) == Monday / Day);
    REQUIRE(WeekStart(Monday / Day, 0) == MondayOfWeek(Monday / Day));
    for (int64_t day = -20; day < 20; day++)  // before and after 1970
        for (int first = 0; first < 7; first++)
        {
            const int64_t start = WeekStart(day, first);
            REQUIRE(start <= day);
            REQUIRE(day - start < 7);
            REQUIRE(WeekStart(start, first) == start);
        }

    const std::vector<SessionRecord> history = { At(sunday + 2 * 60 * 60 * 1000, "sunday"), At(Monday + Day, "tuesday") };
    const int64_t now = Monday + 2 * Day;                                       // Wednesday
    REQUIRE(ComputeWeekProgress(history, now, 0, 2, 0).ThisWeekSessions == 1);  // Monday-first: Sunday was last week
    REQUIRE(ComputeWeekProgress(history, now, 0, 2, 6).ThisWeekSessions == 2);  // Sunday-first: both this week
    REQUIRE(ComputeHistoryStats(history, now, 0, 0).WeeklySessions[HistoryWeeks - 1] == 1);
    REQUIRE(ComputeHistoryStats(history, now, 0, 6).WeeklySessions[HistoryWeeks - 1] == 2);
}
