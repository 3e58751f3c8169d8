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

TEST_CASE("Export with nothing to export says so and downloads nothing")
{
    platform::native::Reset();
    Page page(0);
    app::ExportHistoryFile(page.Act());
    CHECK(Browser().Downloads.empty());
    CHECK(page.State.Screens.Notice.rfind("There is nothing to export yet", 0) == 0);
}

TEST_CASE("An exported history imports into another browser, once")
{
    platform::native::Reset();
    Page page(0);
    Browser().WallMs = 1717420000000;  // 3 Jun 2024, 13:06 UTC
    page.Frame();
    app::AppState& a = page.Act();
    a.History = { Record("s-a", 1717400000000), Record("s-b", 1717410000000) };
    app::ExportHistoryFile(a);
    REQUIRE(Browser().Downloads.size() == 1);
    CHECK(Browser().Downloads[0].first == "band-circuit-history-2024-06-03.json");
    CHECK(a.Screens.Notice == "Exported 2 sessions to band-circuit-history-2024-06-03.json.");
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
    CHECK_FALSE(b.Screens.NoticeIsError);
    CHECK(b.History.size() == 2);
    CHECK(Browser().Announced.back() == b.Screens.Notice);
    other.GrantHistoryLock();
    CHECK(core::LoadHistory(Browser().Storage[app::HistoryKey]).Value.size() == 2);

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
    const core::LoadResult<std::vector<core::SessionRecord>> back = core::ImportHistory(Browser().Downloads[0].second);
    REQUIRE(back.Ok());
    CHECK(back.Value[0].Id == "s-a");
}
