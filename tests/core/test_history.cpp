// History numbers are about the runner's local days: a late-evening session belongs to that
// evening's date, months and years end without breaking a streak, and weeks start on Monday.
#include <catch2/catch_test_macros.hpp>

#include "core/history.h"

using namespace core;

// Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm).
static int64_t DaysFromCivil(int64_t y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// Wall-clock ms of a local date and time in a zone tz_minutes ahead of UTC.
static int64_t LocalMs(int y, int m, int d, int hour, int minute, int tz_minutes)
{
    return ((DaysFromCivil(y, m, d) * 24 + hour) * 60 + minute - tz_minutes) * 60'000LL;
}

static SessionRecord At(int64_t wall_ms)
{
    SessionRecord r = {};
    r.StartedWallMs = wall_ms;
    r.EndedWallMs = wall_ms + 900'000;
    r.Id = std::to_string(wall_ms) + "-1";
    r.RoundsPlanned = 2;
    return r;
}

TEST_CASE("Streaks run across the end of a year and of months", "[history]")
{
    const int tz = 60;  // UTC+1
    std::vector<SessionRecord> history = {
        At(LocalMs(2023, 12, 30, 7, 0, tz)),
        At(LocalMs(2023, 12, 31, 23, 50, tz)),
        At(LocalMs(2024, 1, 1, 0, 10, tz)),
        At(LocalMs(2024, 1, 1, 18, 0, tz)),  // a second session the same day
    };

    SECTION("today counts")
    {
        const HistoryStats stats = ComputeHistoryStats(history, LocalMs(2024, 1, 1, 20, 0, tz), tz);
        REQUIRE(stats.CurrentStreakDays == 3);
        REQUIRE(stats.BestStreakDays == 3);
        REQUIRE(stats.TotalSessions == 4);
    }
    SECTION("a streak holds until a whole day is missed")
    {
        REQUIRE(ComputeHistoryStats(history, LocalMs(2024, 1, 2, 23, 59, tz), tz).CurrentStreakDays == 3);
        const HistoryStats broken = ComputeHistoryStats(history, LocalMs(2024, 1, 3, 0, 0, tz), tz);
        REQUIRE(broken.CurrentStreakDays == 0);
        REQUIRE(broken.BestStreakDays == 3);
    }
    SECTION("February in a leap year and in a common year")
    {
        std::vector<SessionRecord> leap = { At(LocalMs(2024, 2, 28, 12, 0, tz)), At(LocalMs(2024, 2, 29, 12, 0, tz)),
                                            At(LocalMs(2024, 3, 1, 12, 0, tz)) };
        REQUIRE(ComputeHistoryStats(leap, LocalMs(2024, 3, 1, 13, 0, tz), tz).CurrentStreakDays == 3);
        std::vector<SessionRecord> common = { At(LocalMs(2023, 2, 28, 12, 0, tz)), At(LocalMs(2023, 3, 1, 12, 0, tz)) };
        REQUIRE(ComputeHistoryStats(common, LocalMs(2023, 3, 1, 13, 0, tz), tz).CurrentStreakDays == 2);
        std::vector<SessionRecord> april = { At(LocalMs(2024, 4, 30, 12, 0, tz)), At(LocalMs(2024, 5, 1, 12, 0, tz)) };
        REQUIRE(ComputeHistoryStats(april, LocalMs(2024, 5, 1, 13, 0, tz), tz).BestStreakDays == 2);
    }
    SECTION("the best streak can be an old one")
    {
        history.push_back(At(LocalMs(2024, 1, 5, 9, 0, tz)));
        history.push_back(At(LocalMs(2024, 1, 6, 9, 0, tz)));
        const HistoryStats stats = ComputeHistoryStats(history, LocalMs(2024, 1, 6, 10, 0, tz), tz);
        REQUIRE(stats.CurrentStreakDays == 2);
        REQUIRE(stats.BestStreakDays == 3);
    }
    SECTION("an empty history")
    {
        const HistoryStats stats = ComputeHistoryStats({}, LocalMs(2024, 1, 6, 10, 0, tz), tz);
        REQUIRE(stats.CurrentStreakDays == 0);
        REQUIRE(stats.BestStreakDays == 0);
        for (int count : stats.WeeklySessions)
            REQUIRE(count == 0);
    }
}

TEST_CASE("Days are local: the time-zone offset decides the date", "[history]")
{
    // 23:30 UTC on 31 January, then 00:30 UTC on 2 February.
    const int64_t late_jan31 = LocalMs(2024, 1, 31, 23, 30, 0);
    const int64_t early_feb2 = LocalMs(2024, 2, 2, 0, 30, 0);
    const std::vector<SessionRecord> history = { At(late_jan31), At(early_feb2) };
    const int64_t now = LocalMs(2024, 2, 2, 12, 0, 0);

    // In UTC they are two days apart: no streak of 2.
    REQUIRE(ComputeHistoryStats(history, now, 0).BestStreakDays == 1);
    // At UTC+1 the first is on 1 February local: consecutive.
    REQUIRE(ComputeHistoryStats(history, now, 60).BestStreakDays == 2);
    REQUIRE(ComputeHistoryStats(history, now, 60).CurrentStreakDays == 2);
    // At UTC-5 the second is on 1 February local (19:30): consecutive too.
    REQUIRE(ComputeHistoryStats(history, now, -300).BestStreakDays == 2);
    // At UTC+14 and UTC-12, extreme offsets still work.
    REQUIRE(LocalDayNumber(late_jan31, 14 * 60) == DaysFromCivil(2024, 2, 1));
    REQUIRE(LocalDayNumber(early_feb2, -12 * 60) == DaysFromCivil(2024, 2, 1));
    // Before 1970 the day still floors down.
    REQUIRE(LocalDayNumber(-1, 0) == -1);
    REQUIRE(LocalDayNumber(0, -1) == -1);
}

TEST_CASE("Sessions per week for the last 12 weeks", "[history]")
{
    const int tz = -300;  // UTC-5
    // Now: Wednesday 3 January 2024, local. This week began on Monday 1 January.
    const int64_t now = LocalMs(2024, 1, 3, 12, 0, tz);
    const std::vector<SessionRecord> history = {
        At(LocalMs(2024, 1, 1, 0, 5, tz)),      // this week (Monday, just after midnight)
        At(LocalMs(2024, 1, 3, 8, 0, tz)),      // this week
        At(LocalMs(2023, 12, 31, 23, 55, tz)),  // last week (Sunday)
        At(LocalMs(2023, 12, 25, 9, 0, tz)),    // last week (Monday)
        At(LocalMs(2023, 12, 24, 9, 0, tz)),    // 2 weeks ago
        At(LocalMs(2023, 10, 16, 9, 0, tz)),    // Monday 11 weeks before this week: the oldest slot
        At(LocalMs(2023, 10, 15, 9, 0, tz)),    // 12 weeks ago: outside
        At(LocalMs(2024, 1, 4, 9, 0, tz)),      // tomorrow (a wrong clock): not counted
    };
    const HistoryStats stats = ComputeHistoryStats(history, now, tz);
    REQUIRE(stats.WeeklySessions[HistoryWeeks - 1] == 2);
    REQUIRE(stats.WeeklySessions[HistoryWeeks - 2] == 2);
    REQUIRE(stats.WeeklySessions[HistoryWeeks - 3] == 1);
    REQUIRE(stats.WeeklySessions[0] == 1);
    int sum = 0;
    for (int count : stats.WeeklySessions)
        sum += count;
    REQUIRE(sum == 6);
    REQUIRE(stats.TotalSessions == 8);

    SECTION("in UTC the Monday-midnight session falls in the week before")
    {
        // 00:05 local UTC-5 is 05:05 UTC, still Monday; but 23:55 Sunday local is 04:55 Monday UTC.
        const HistoryStats utc = ComputeHistoryStats(history, now, 0);
        REQUIRE(utc.WeeklySessions[HistoryWeeks - 1] == 3);
        REQUIRE(utc.WeeklySessions[HistoryWeeks - 2] == 1);
    }
}

TEST_CASE("Session ids are unique", "[history]")
{
    std::vector<SessionRecord> history;
    REQUIRE(MakeSessionId(1718000000000LL, history) == "1718000000000-1");
    history.push_back(At(1718000000000LL));
    REQUIRE(MakeSessionId(1718000000000LL, history) == "1718000000000-2");
    REQUIRE(MakeSessionId(1718000000001LL, history) == "1718000000001-1");
}

TEST_CASE("Sessions are ordered by start, ties in list order", "[history]")
{
    std::vector<SessionRecord> history = { At(300), At(100), At(200), At(100) };
    REQUIRE(OrderByStart(history, false) == std::vector<int>{ 1, 3, 2, 0 });
    REQUIRE(OrderByStart(history, true) == std::vector<int>{ 0, 2, 1, 3 });
    REQUIRE(OrderByStart({}, true).empty());
}
