// Export and import over the fake browser's downloads and file picker.
#include "app_fixture.h"

#include "app/transfer.h"
#include "core/save_format.h"

#include <catch2/catch_test_macros.hpp>

using namespace apptest;

static core::SessionRecord Record(const std::string& id, int64_t wall_ms)
{
    core::SessionRecord record = {};
    record.Id = id;
    record.StartedWallMs = wall_ms;
    record.DurationMs = 600000;
    record.EndedWallMs = wall_ms + 660000;
    record.RoundsPlanned = 2;
    record.RoundsDone = 2;
    record.Finished = true;
    record.RepsDone[0][0] = 10;
    record.HasTzOffset = true;
    return record;
}

TEST_CASE("A backup with nothing to back up says so and makes no file")
{
    platform::native::Reset();
    Page page(0);
    app::BackUpHistory(page.Act());
    CHECK(Browser().Downloads.empty());
    CHECK(page.State.Screens.Notice.rfind("There is nothing to back up yet", 0) == 0);
}

TEST_CASE("An exported history imports into another browser, once")
{
    platform::native::Reset();
    Page page(0);
    Browser().WallMs = 1717420000000;  // 3 Jun 2024, 13:06 UTC
    page.Frame();
    app::AppState& a = page.Act();
    a.History = { Record("s-a", 1717400000000), Record("s-b", 1717410000000) };
    app::BackUpHistory(a);
    app::OnFileKept(a, platform::FileKept_Downloaded, platform::ReadClock());
    REQUIRE(Browser().Downloads.size() == 1);
    CHECK(Browser().Downloads[0].first == "band-circuit-history-2024-06-03.json");
    CHECK(a.Screens.Notice == "Backed up 2 sessions to band-circuit-history-2024-06-03.json in your downloads.");
    const std::string file = Browser().Downloads[0].second;

    platform::native::Reset();  // another browser
    Page other(0);
    app::AppState& b = other.Act();
    app::OpenImport(b);
    CHECK(Browser().PickerOpens == 1);
    CHECK_FALSE(app::ReceiveImport(b));  // nothing chosen yet
    Browser().HasImport = true;
    Browser().ImportText = file;
    REQUIRE(app::ReceiveImport(b));
    CHECK(b.Screens.Notice == "Imported 2 sessions.");
    CHECK(b.BackedUpWallMs == 1717420000000);  // they are in a backup made then: History's reminder counts from there
    CHECK_FALSE(b.Screens.NoticeIsError);
    CHECK(b.History.size() == 2);
    CHECK(Browser().Announced.back() == b.Screens.Notice);
    other.GrantHistoryLock();
    CHECK(core::LoadHistory(Browser().Storage[app::HistoryKey]).Value.Sessions.size() == 2);

    Browser().HasImport = true;  // the same file again
    REQUIRE(app::ReceiveImport(b));
    CHECK(b.Screens.Notice == "Every session in that file (2) is already here. Nothing was changed.");
    CHECK(b.History.size() == 2);
}

TEST_CASE("A file that is not a history changes nothing and says why")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = page.Act();
    a.History = { Record("s-a", 1717430400000) };
    Browser().HasImport = true;
    Browser().ImportText = "{\"hello\": 1}";
    REQUIRE(app::ReceiveImport(a));
    CHECK(a.Screens.NoticeIsError);
    CHECK(a.Screens.Notice.rfind("Import failed, nothing was changed: ", 0) == 0);
    CHECK(a.History.size() == 1);
    CHECK(Browser().CommitRequests == 0);

    // The page names what went wrong in a word; the app words it, in the language.
    Browser().ImportError = "large:20480";
    REQUIRE(app::ReceiveImport(a));
    CHECK(a.Screens.Notice == "Import failed: That file is too large (20480 KB) to be a Band Circuit history export. Nothing was changed.");
    Browser().ImportError = "unreadable";
    REQUIRE(app::ReceiveImport(a));
    CHECK(a.Screens.Notice == "Import failed: The file could not be read. Nothing was changed.");
}

TEST_CASE("One session downloads under its own start time")
{
    platform::native::Reset();
    Page page(0);
    core::SessionRecord record = Record("s-a", 1717430400000);
    record.TzOffsetMinutes = 120;
    app::ExportSessionFile(page.Act(), record);
    REQUIRE(Browser().Downloads.size() == 1);
    CHECK(Browser().Downloads[0].first == "band-circuit-session-2024-06-03-1800.json");
    const core::LoadResult<core::SavedHistory> back = core::ImportHistory(Browser().Downloads[0].second);
    REQUIRE(back.Ok());
    CHECK(back.Value.Sessions[0].Id == "s-a");
}

TEST_CASE("A backup goes to the share sheet where the browser has one, and is noted only when kept")
{
    platform::native::Reset();
    Browser().ShareSheet = true;
    Page page(0);
    page.Frame();
    app::AppState& a = page.Act();
    a.History = { Record("s-a", 1717400000000) };
    app::BackUpHistory(a);
    REQUIRE(Browser().Shared.size() == 1);
    CHECK(Browser().Downloads.empty());
    CHECK(core::ImportHistory(Browser().Shared[0].second).Value.Sessions.size() == 1);

    app::OnFileKept(a, platform::FileKept_Cancelled, platform::ReadClock());  // the sheet closed without a choice
    CHECK(a.Screens.Notice == "The backup was not shared: nothing was saved.");
    CHECK(a.BackedUpWallMs == 0);
    CHECK(Browser().CommitRequests == 0);

    app::BackUpHistory(a);
    app::OnFileKept(a, platform::FileKept_Shared, platform::ReadClock());
    CHECK(a.Screens.Notice == "Backed up 1 session as band-circuit-history-2024-06-03.json.");
    CHECK(a.BackedUpWallMs == Browser().WallMs);
    CHECK(Browser().Announced.back() == a.Screens.Notice);
    page.GrantHistoryLock();
    CHECK(core::LoadHistory(Browser().Storage[app::HistoryKey]).Value.BackedUpWallMs == Browser().WallMs);
}

TEST_CASE("History reminds after a few sessions in no backup")
{
    std::vector<core::SessionRecord> history = { Record("s-a", 1000), Record("s-b", 2000000), Record("s-c", 3000000) };
    CHECK(core::SessionsEndedAfter(history, 0) == 3);
    CHECK(core::SessionsEndedAfter(history, 1000 + 660000) == 2);  // s-a ended then: it is in that backup
    CHECK(core::SessionsEndedAfter(history, 4000000) == 0);
    CHECK(app::BackupReminderSessions == 3);
}

TEST_CASE("The note on Safari's seven days shows in a WebKit tab once there is a history, until dismissed in any page")
{
    platform::native::Reset();
    Browser().ExpiresUnvisited = true;
    Page one(0), two(1);
    CHECK_FALSE(app::ShowHomeScreenNote(one.State));  // nothing to lose yet
    one.Act().History = { Record("s-a", 1717400000000) };
    two.Act().History = one.State.History;
    CHECK(app::ShowHomeScreenNote(one.State));
    app::DismissHomeScreenNote(one.Act());
    CHECK_FALSE(app::ShowHomeScreenNote(one.State));
    two.Hear();
    CHECK_FALSE(app::ShowHomeScreenNote(two.State));
    Page reloaded(2);
    reloaded.Act().History = one.State.History;
    CHECK_FALSE(app::ShowHomeScreenNote(reloaded.State));

    Browser().ExpiresUnvisited = false;  // Chromium, Firefox, or the installed app
    platform::native::Reset();
    Page other(0);
    other.Act().History = { Record("s-a", 1717400000000) };
    CHECK_FALSE(app::ShowHomeScreenNote(other.State));
}
