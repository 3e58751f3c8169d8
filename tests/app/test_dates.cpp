// Dates as shown: each session in its own time zone, older records by this zone's rules at their
// date (summer time), today's date for export file names, the chart's first week.
#include "app_fixture.h"

#include "app/dates.h"

#include <catch2/catch_test_macros.hpp>

using namespace apptest;

// Paris-like rules for the test: +60, and +120 from the last Sunday of March 2024 to the last of October.
static int ParisLike(int64_t wall_ms)
{
    const int64_t summer_from = 1711846800000;  // 2024-03-31 01:00 UTC
    const int64_t summer_to = 1729990800000;    // 2024-10-27 01:00 UTC
    return wall_ms >= summer_from && wall_ms < summer_to ? 120 : 60;
}

static core::SessionRecord RecordAt(int64_t wall_ms)
{
    core::SessionRecord record = {};
    record.Id = "s1";
    record.StartedWallMs = wall_ms;
    return record;
}

TEST_CASE("A session is labelled in the zone it happened in")
{
    platform::native::Reset();
    core::SessionRecord record = RecordAt(1717430400000);  // Mon 3 Jun 2024, 16:00 UTC
    record.HasTzOffset = true;
    record.TzOffsetMinutes = -420;      // in California
    Browser().FixedOffsetMinutes = 60;  // shown later somewhere else
    CHECK(app::SessionLabel(record) == "Mon 3 Jun 2024, 09:00");
    record.TzOffsetMinutes = 600;  // in Sydney: already Tuesday
    CHECK(app::SessionLabel(record) == "Tue 4 Jun 2024, 02:00");
}

TEST_CASE("A record without an offset uses this zone's rules at its own date, not today's")
{
    platform::native::Reset();
    Browser().ZoneAt = ParisLike;
    Browser().WallMs = 1733011200000;                            // 1 Dec 2024: winter now
    const core::SessionRecord summer = RecordAt(1717430400000);  // June: summer time then
    CHECK(app::RecordOffsetMinutes(summer) == 120);
    CHECK(app::SessionLabel(summer) == "Mon 3 Jun 2024, 18:00");
    const core::SessionRecord winter = RecordAt(1705320000000);  // 15 Jan 2024, 12:00 UTC
    CHECK(app::SessionLabel(winter) == "Mon 15 Jan 2024, 13:00");
    CHECK(app::DateTimeText(1717430400000) == "3 Jun 2024, 18:00");
}

TEST_CASE("The export file is named for today's local date, also just after midnight")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = page.Act();
    Browser().WallMs = 1717451400000;    // 3 Jun 2024, 21:50 UTC
    Browser().FixedOffsetMinutes = 180;  // 00:50 on 4 Jun locally
    page.Frame();
    CHECK(app::HistoryFileName(a) == "band-circuit-history-2024-06-04.json");
    Browser().FixedOffsetMinutes = -300;
    page.Frame();
    CHECK(app::HistoryFileName(a) == "band-circuit-history-2024-06-03.json");
}

TEST_CASE("A session's file name is its local start time")
{
    platform::native::Reset();
    core::SessionRecord record = RecordAt(1717430400000);
    record.HasTzOffset = true;
    record.TzOffsetMinutes = 120;
    CHECK(app::SessionFileName(record) == "band-circuit-session-2024-06-03-1800.json");
}

TEST_CASE("The chart starts on the first day of the oldest of its weeks")
{
    // Day numbers: 19877 is Mon 3 Jun 2024; every day of that week gives the same start.
    const std::string expected = app::ChartStartDay(19877, 0);
    for (int d = 0; d < 7; d++)
        CHECK(app::ChartStartDay(19877 + d, 0) == expected);
    CHECK(app::ChartStartDay(19877 + 7, 0) != expected);
    CHECK(app::ChartStartDay(19877 + 7 * (core::HistoryWeeks - 1), 0) == "3 Jun");
    CHECK(app::ChartStartDay(-3 + 7 * (core::HistoryWeeks - 1), 0) == "29 Dec");  // Monday 29 Dec 1969, before day 0
    // Where weeks start on Sunday, the Monday 3 Jun is in the week of Sunday 2 Jun.
    CHECK(app::ChartStartDay(19877 + 7 * (core::HistoryWeeks - 1), 6) == "2 Jun");
}
