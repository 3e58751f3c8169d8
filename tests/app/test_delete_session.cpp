// Deleting one session from History: gone at once and from storage, remembered by id in every
// page, and never brought back by another page's write, an import of an old backup, or a page
// that finished it; "Delete everything" forgets the deletions too.
#include "app_fixture.h"

#include "app/transfer.h"
#include "core/save_format.h"

#include <catch2/catch_test_macros.hpp>

using namespace apptest;

static core::SavedHistory Stored()
{
    const core::LoadResult<core::SavedHistory> stored = core::LoadHistory(Browser().Storage[app::HistoryKey]);
    REQUIRE(stored.Ok());
    return stored.Value;
}

// Two sessions finished in `page`, written; returns their ids, oldest first.
static std::vector<std::string> TwoSessions(Page& page)
{
    std::vector<std::string> ids;
    for (int i = 0; i < 2; i++)
    {
        DoOneSetAndEnd(page);
        page.GrantHistoryLock();
        ids.push_back(page.State.LastRecord.Id);
        Browser().WallMs += 60'000;
        Browser().NowMs += 60'000;
    }
    REQUIRE(Stored().Sessions.size() == 2);
    return ids;
}

TEST_CASE("A deleted session leaves the history and storage, and is remembered by id")
{
    platform::native::Reset();
    Page page(0);
    const std::vector<std::string> ids = TwoSessions(page);
    app::AppState& a = page.Act();
    a.Screens.ExpandedSession = ids[0];
    const int64_t deleted_at = a.Frame.WallMs;
    app::DeleteSession(a, ids[0]);
    CHECK(a.History.size() == 1);  // at once, before the write
    CHECK(a.Screens.ExpandedSession.empty());
    page.GrantHistoryLock();
    const core::SavedHistory stored = Stored();
    REQUIRE(stored.Sessions.size() == 1);
    CHECK(stored.Sessions[0].Id == ids[1]);
    REQUIRE(stored.Deleted.size() == 1);
    CHECK(stored.Deleted[0].Id == ids[0]);
    CHECK(stored.Deleted[0].AtWallMs == deleted_at);

    Page reloaded(1);  // the next visit
    CHECK(reloaded.State.History.size() == 1);
    CHECK(core::IsDeleted(reloaded.State.Deleted, ids[0]));
}

TEST_CASE("A deletion in one page reaches the other, and the page that finished it does not write it back")
{
    platform::native::Reset();
    Page one(0), two(1);
    const std::vector<std::string> ids = TwoSessions(one);  // one finished both: they are in its FinishedHere
    two.Hear();
    REQUIRE(two.State.History.size() == 2);
    app::DeleteSession(two.Act(), ids[1]);
    two.GrantHistoryLock();
    REQUIRE(one.Hear() > 0);
    CHECK(one.State.History.size() == 1);
    CHECK(core::IsDeleted(one.State.Deleted, ids[1]));
    CHECK(Stored().Sessions.size() == 1);  // one did not put "its" session back
    CHECK(one.Hear() == 0);

    // A write of one's from a copy of storage that never saw the deletion is merged, not obeyed.
    const std::string with_deletion = Browser().Storage[app::HistoryKey];
    Browser().Storage[app::HistoryKey] = core::SaveHistory(Stored().Sessions);  // as if the deletion were lost
    app::DeleteSession(two.Act(), ids[0]);
    two.GrantHistoryLock();
    const core::SavedHistory stored = Stored();
    CHECK(stored.Sessions.empty());
    CHECK(core::IsDeleted(stored.Deleted, ids[0]));
    (void)with_deletion;
}

TEST_CASE("Importing an old backup does not bring a deleted session back")
{
    platform::native::Reset();
    Page page(0);
    const std::vector<std::string> ids = TwoSessions(page);
    app::AppState& a = page.Act();
    const int64_t backed_up_at = Browser().WallMs;  // when the file is kept
    app::BackUpHistory(a);
    app::OnFileKept(a, platform::FileKept_Downloaded, platform::ReadClock());  // the backup holds both
    REQUIRE(Browser().Downloads.size() == 1);
    page.GrantHistoryLock();
    CHECK(Stored().BackedUpWallMs == backed_up_at);
    app::DeleteSession(a, ids[0]);
    page.GrantHistoryLock();

    Browser().HasImport = true;
    Browser().ImportText = Browser().Downloads[0].second;
    REQUIRE(app::ReceiveImport(a));
    CHECK(a.Screens.Notice == "Imported 0 sessions; 1 was already here; 1 you deleted stays deleted.");
    page.GrantHistoryLock();
    CHECK(a.History.size() == 1);
    CHECK(Stored().Sessions.size() == 1);
}

TEST_CASE("A backup carries its deletions into another browser, and they never remove a session on show")
{
    platform::native::Reset();
    Page page(0);
    const std::vector<std::string> ids = TwoSessions(page);
    app::DeleteSession(page.Act(), ids[0]);
    page.GrantHistoryLock();
    app::BackUpHistory(page.Act());
    const std::string backup = Browser().Downloads.back().second;

    platform::native::Reset();  // a new browser that holds the deleted session (from an older file)
    Page other(0);
    app::AppState& b = other.Act();
    b.History = {};
    Browser().HasImport = true;
    Browser().ImportText = core::ExportHistory({ page.State.LastRecord }, 1);  // ids[1], kept
    REQUIRE(app::ReceiveImport(b));
    other.GrantHistoryLock();
    Browser().HasImport = true;
    Browser().ImportText = backup;
    REQUIRE(app::ReceiveImport(b));
    other.GrantHistoryLock();
    CHECK(b.History.size() == 1);
    CHECK(core::IsDeleted(Stored().Deleted, ids[0]));  // known here now: a later file or sync cannot add it
}

TEST_CASE("Delete everything forgets the deletions too")
{
    platform::native::Reset();
    Page page(0);
    const std::vector<std::string> ids = TwoSessions(page);
    app::DeleteSession(page.Act(), ids[0]);
    page.GrantHistoryLock();
    app::DeleteEverything(page.Act());
    CHECK(page.State.Deleted.empty());
    CHECK(Browser().Storage.count(app::HistoryKey) == 0);
}

TEST_CASE("Without storage a deletion holds for the page")
{
    platform::native::Reset();
    Browser().StorageOn = false;
    Page page(0);
    DoOneSetAndEnd(page);
    const std::string id = page.State.LastRecord.Id;
    REQUIRE(page.State.History.size() == 1);
    app::DeleteSession(page.Act(), id);
    CHECK(page.State.History.empty());
    CHECK(page.State.Stored.PendingDeletions.empty());
}
