// What keeps saved data whole when several pages share it and when limits are reached: settings
// changed in two pages at once, sessions that read back whatever the app writes, what can be saved
// from a kept-aside copy, the reset mark, and local dates that stay where they happened.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "core/save_format.h"
#include "core/timer.h"

#include "session_records.h"

using namespace core;

TEST_CASE("Settings changed in two pages at once keep both changes", "[saved]")
{
    const Settings base = DefaultSettings();
    Settings mine = base, theirs = base;
    mine.Rounds = 3;                   // this page changed the rounds
    mine.Reps[2] = 12;                 // ... and one exercise's reps
    theirs.ColorTheme = Theme::Dark;   // the other page changed the theme
    theirs.CueVoice = !base.CueVoice;  // ... and a cue
    theirs.Reps[0] = 11;               // ... and another exercise's reps

    const Settings merged = MergeSettings(base, mine, theirs);
    CHECK(merged.Rounds == 3);
    CHECK(merged.Reps[2] == 12);
    CHECK(merged.ColorTheme == Theme::Dark);
    CHECK(merged.CueVoice == theirs.CueVoice);
    CHECK(merged.Reps[0] == 11);

    SECTION("the same setting changed in both: this page's change is the later one and wins")
    {
        theirs.Rounds = 5;
        CHECK(MergeSettings(base, mine, theirs).Rounds == 3);
    }
    SECTION("nothing changed here: what is stored stands")
    {
        CHECK(MergeSettings(base, base, theirs) == theirs);
    }
}

TEST_CASE("A session left running for weeks ends by itself and its record reads back", "[saved]")
{
    Settings settings = DefaultSettings();
    settings.Mode = RunMode::SelfPaced;
    settings.GetReadySec = 0;
    Timer timer = MakeTimer(settings);
    REQUIRE(Start(timer, 0, 1'750'000'000'000, "1750000000000-1"));
    const int64_t later = MaxActiveMs + 24LL * 3600 * 1000;  // 31 days on, the first self-paced set still open
    const TimerView view = Update(timer, later, nullptr);
    CHECK(view.EndedEarly);
    CHECK(view.ActiveMs == MaxActiveMs);

    const SessionRecord record = MakeSessionRecord(timer, later, 1'750'000'000'000 + later);
    CHECK(record.DurationMs <= MaxActiveMs);
    const LoadResult<SavedHistory> loaded = LoadHistory(SaveHistory({ record }));
    REQUIRE(loaded.Ok());
    CHECK(loaded.Value.Sessions[0] == record);

    // The session in progress, saved at that moment, reads back too.
    const LoadResult<SessionInProgress> session = LoadSessionInProgress(SaveSessionInProgress(SnapshotSession(timer, later)));
    CHECK(session.Ok());
}

TEST_CASE("A full history is known before writing, never after", "[saved]")
{
    std::vector<SessionRecord> history;
    for (int i = 0; i < MaxHistorySessions; i++)
        history.push_back(Record("1700000000000-" + std::to_string(i + 1), 1'700'000'000'000 + i * 86'400'000LL));
    CHECK(CheckHistoryFits(history) == nullptr);
    CHECK(LoadHistory(SaveHistory(history)).Ok());

    // One more is refused by the merge the app writes through, so storage never holds what cannot load.
    const MergeResult merged = MergeHistory(history, { Record("1800000000000-1", 1'800'000'000'000) });
    CHECK(merged.Added == 0);
    CHECK(merged.Dropped == 1);
    CHECK(CheckHistoryFits(merged.Sessions) == nullptr);

    history.push_back(Record("1800000000000-1", 1'800'000'000'000));
    CHECK(CheckHistoryFits(history) != nullptr);
    CHECK_FALSE(LoadHistory(SaveHistory(history)).Ok());
}

TEST_CASE("A kept-aside history gives back every session that reads on its own", "[saved]")
{
    const std::string good1 = SaveHistory({ Record("1700000000000-1", 1'700'000'000'000) });
    const std::string good2 = SaveHistory({ Record("1700000100000-1", 1'700'000'100'000) });
    auto session_of = [](const std::string& history) {
        const size_t from = history.find('[') + 1, to = history.rfind(']');
        return history.substr(from, to - from);
    };
    SECTION("one broken entry among good ones")
    {
        const std::string json = "{\"version\":1,\"sessions\":[" + session_of(good1) + ",{\"id\":\"x\",\"started\":-5}," +
                                 session_of(good2) + "," + session_of(good1) + "]}";
        REQUIRE_FALSE(LoadHistory(json).Ok());
        const SalvageResult salvage = SalvageHistory(json);
        CHECK(salvage.Error.empty());
        REQUIRE(salvage.Sessions.size() == 2);
        CHECK(salvage.Sessions[0].Id == "1700000000000-1");
        CHECK(salvage.Sessions[1].Id == "1700000100000-1");
        CHECK(salvage.Unreadable == 2);  // the broken entry and the repeated id
    }
    SECTION("a newer version's history with extra fields still gives back nothing wrong")
    {
        const std::string json = "{\"version\":7,\"sessions\":[" + session_of(good1) + "],\"future\":true}";
        const SalvageResult salvage = SalvageHistory(json);
        CHECK(salvage.Sessions.size() == 1);
    }
    SECTION("text that is not a history at all")
    {
        CHECK_FALSE(SalvageHistory("not json").Error.empty());
        CHECK_FALSE(SalvageHistory("{\"sessions\":5}").Error.empty());
        CHECK(SalvageHistory("{\"sessions\":5}").Sessions.empty());
    }
}

TEST_CASE("The reset mark reads back and refuses anything else", "[saved]")
{
    const LoadResult<int64_t> mark = LoadResetMark(SaveResetMark(1'765'000'000'000));
    REQUIRE(mark.Ok());
    CHECK(mark.Value == 1'765'000'000'000);
    CHECK_FALSE(LoadResetMark("{\"version\":1}").Ok());
    CHECK_FALSE(LoadResetMark("{\"version\":1,\"atWall\":1,\"more\":2}").Ok());
    CHECK_FALSE(LoadResetMark("").Ok());
}

TEST_CASE("A session keeps the local day and hour where it happened", "[saved][history]")
{
    // 2026-07-15 06:30 UTC = 08:30 in Berlin (UTC+2, summer time).
    SessionRecord summer = Record("1784097000000-1", 1'784'097'000'000);
    summer.HasTzOffset = true;
    summer.TzOffsetMinutes = 120;
    // Shown in winter (UTC+1 now), it still reads 08:30.
    const LocalDateTime t = ToLocalDateTime(summer.StartedWallMs, RecordTzOffset(summer, 60));
    CHECK(t.Year == 2026);
    CHECK(t.Month == 7);
    CHECK(t.Day == 15);
    CHECK(t.Hour == 8);
    CHECK(t.Minute == 30);

    // 2026-03-29 00:30 in Berlin before the change to summer time is 23:30 UTC the day before.
    SessionRecord late = Record("1774740600000-1", 1'774'740'600'000);
    late.HasTzOffset = true;
    late.TzOffsetMinutes = 60;
    const LocalDateTime l = ToLocalDateTime(late.StartedWallMs, RecordTzOffset(late, 120));
    CHECK(l.Day == 29);
    CHECK(l.Hour == 0);
    CHECK(l.Minute == 30);
    // Its day in the stats is the 29th too, though the page now runs at UTC+2.
    const HistoryStats stats = ComputeHistoryStats({ late }, late.StartedWallMs + 3'600'000, 120);
    CHECK(stats.CurrentStreakDays == 1);
    CHECK(LocalDayNumber(late.StartedWallMs, RecordTzOffset(late, 120)) == LocalDayNumber(1'774'742'400'000, 0));

    // A record of an older version (no offset) uses the offset it is given.
    SessionRecord old = Record("1784097000000-2", 1'784'097'000'000);
    CHECK(ToLocalDateTime(old.StartedWallMs, RecordTzOffset(old, 60)).Hour == 7);
}

TEST_CASE("Dates before 1970 and on day edges", "[saved][history]")
{
    const LocalDateTime a = ToLocalDateTime(-1, 0);
    CHECK(a.Year == 1969);
    CHECK(a.Month == 12);
    CHECK(a.Day == 31);
    CHECK(a.Hour == 23);
    CHECK(a.Minute == 59);
    const LocalDateTime b = ToLocalDateTime(0, -MaxTzOffsetMinutes);
    CHECK(b.Day == 31);
    CHECK(b.Hour == 6);
}
