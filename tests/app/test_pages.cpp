// Two pages of the app at once (an installed window and a tab, say) over one storage: the
// storage events between them, the session's one owner, history merged by id, settings merged by
// field, and "Delete everything" reaching the other page.
#include "app_fixture.h"

#include "core/save_format.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>

using namespace apptest;

TEST_CASE("Two pages finishing sessions both end up with both, whichever writes first")
{
    platform::native::Reset();
    Page one(0), two(1);
    DoOneSetAndEnd(one);
    Browser().WallMs += 1000;  // a different start time: a different session id
    DoOneSetAndEnd(two);
    const std::string id_one = one.State.LastRecord.Id, id_two = two.State.LastRecord.Id;
    REQUIRE(id_one != id_two);

    two.GrantHistoryLock();
    one.GrantHistoryLock();  // reads what two wrote, adds its own
    two.Hear();
    one.Hear();
    const core::LoadResult<core::SavedHistory> stored = core::LoadHistory(Browser().Storage[app::HistoryKey]);
    REQUIRE(stored.Ok());
    CHECK(stored.Value.Sessions.size() == 2);
    CHECK(one.State.History.size() == 2);
    CHECK(two.State.History.size() == 2);
    CHECK(app::RecordSaveFor(one.State, id_one) == app::RecordSave_Saved);
    CHECK(app::RecordSaveFor(two.State, id_two) == app::RecordSave_Saved);
}

TEST_CASE("A history still waiting for the lock stays shown when another page's write arrives")
{
    platform::native::Reset();
    Page one(0), two(1);
    DoOneSetAndEnd(one);  // waiting for the lock
    Browser().WallMs += 1000;
    DoOneSetAndEnd(two);
    two.GrantHistoryLock();
    REQUIRE(one.Hear() > 0);
    CHECK(one.State.History.size() == 2);  // two's stored session plus one's pending one
}

TEST_CASE("A session dropped by another page's write from an outdated copy is written again")
{
    // Each page reads localStorage from its own copy, which the other page's write reaches a
    // moment later: two writes within that moment each miss the other's session.
    platform::native::Reset();
    Page one(0), two(1);
    DoOneSetAndEnd(one);
    Browser().WallMs += 1000;
    DoOneSetAndEnd(two);
    one.GrantHistoryLock();
    const std::string id_one = one.State.LastRecord.Id;
    Browser().Storage.erase(app::HistoryKey);  // two's copy has not received one's write yet
    two.GrantHistoryLock();
    const core::LoadResult<core::SavedHistory> overwritten = core::LoadHistory(Browser().Storage[app::HistoryKey]);
    REQUIRE(overwritten.Ok());
    REQUIRE(overwritten.Value.Sessions.size() == 1);  // one's session is gone from storage

    REQUIRE(one.Hear() > 0);  // two's write reaches one, which puts its session back
    CHECK(app::RecordSaveFor(one.State, id_one) == app::RecordSave_Pending);
    CHECK(one.State.History.size() == 2);
    one.GrantHistoryLock();
    const core::LoadResult<core::SavedHistory> stored = core::LoadHistory(Browser().Storage[app::HistoryKey]);
    REQUIRE(stored.Ok());
    CHECK(stored.Value.Sessions.size() == 2);
    CHECK(app::RecordSaveFor(one.State, id_one) == app::RecordSave_Saved);
    two.Hear();
    CHECK(two.State.History.size() == 2);
    CHECK(one.Hear() == 0);                // settled: one's own write is no event for it, and two writes nothing more
    CHECK(Browser().CommitRequests == 3);  // the two sessions, and one putting its session back
}

// The keys pages left their waiting history under (app::KeepWaitingHistory).
static int WaitingKeys()
{
    int n = 0;
    for (const auto& [key, value] : Browser().Storage)
        n += key.rfind(app::WaitingPrefix, 0) == 0;
    return n;
}

TEST_CASE("A page hidden before its history write leaves it waiting under a key of its own, which the next write takes in")
{
    platform::native::Reset();
    Page one(0), two(1);
    DoOneSetAndEnd(one);  // waiting for the lock
    const std::string id_one = one.State.LastRecord.Id;
    app::OnPageHidden(one.Act(), platform::ReadClock());
    CHECK(Browser().Storage.count(app::HistoryKey) == 0);  // no write without the lock
    REQUIRE(WaitingKeys() == 1);

    // one never runs again. two finishes a session and writes the history: one's comes with it.
    Browser().WallMs += 1000;
    DoOneSetAndEnd(two);
    two.GrantHistoryLock();
    const core::LoadResult<core::SavedHistory> stored = core::LoadHistory(Browser().Storage[app::HistoryKey]);
    REQUIRE(stored.Ok());
    CHECK(stored.Value.Sessions.size() == 2);
    CHECK(WaitingKeys() == 0);
    CHECK(two.State.History.size() == 2);
    CHECK(std::any_of(two.State.History.begin(), two.State.History.end(), [&](const core::SessionRecord& r) { return r.Id == id_one; }));

    // one was only in the background: its lock comes after all, and nothing is written twice.
    one.GrantHistoryLock();
    const core::LoadResult<core::SavedHistory> again = core::LoadHistory(Browser().Storage[app::HistoryKey]);
    REQUIRE(again.Ok());
    CHECK(again.Value.Sessions.size() == 2);
    CHECK(app::RecordSaveFor(one.State, id_one) == app::RecordSave_Saved);
}

TEST_CASE("A page opened after another was hidden before its history write writes what it left waiting")
{
    platform::native::Reset();
    {
        Page one(0);
        DoOneSetAndEnd(one);
        app::OnPageHidden(one.Act(), platform::ReadClock());  // closed before the lock came
    }
    REQUIRE(WaitingKeys() == 1);
    const int requests = Browser().CommitRequests;
    Page reopened(1);
    CHECK(Browser().CommitRequests == requests + 1);
    reopened.GrantHistoryLock();
    CHECK(reopened.State.History.size() == 1);
    CHECK(WaitingKeys() == 0);
}

TEST_CASE("A session deleted by Delete everything in another page is not written again")
{
    platform::native::Reset();
    Page one(0), two(1);
    DoOneSetAndEnd(one);
    one.GrantHistoryLock();
    two.Hear();
    Advance(two, 1000.0);
    app::ForgetAllData(two.Act());
    one.Hear();
    CHECK(one.State.History.empty());
    CHECK(Browser().Storage.count(app::HistoryKey) == 0);
    // A third page finishes a session after the reset and writes the history: one's session, which
    // started before the reset, stays out.
    Page three(2);
    Advance(three, 1000.0);
    DoOneSetAndEnd(three);
    three.GrantHistoryLock();
    const int requests = Browser().CommitRequests;
    one.Hear();
    CHECK(Browser().CommitRequests == requests);
    CHECK(one.State.History.size() == 1);
}

TEST_CASE("Settings changed in two pages keep both changes")
{
    platform::native::Reset();
    Page one(0), two(1);
    one.Act().Settings.CueVolume = 40;
    app::SaveSettings(one.State);
    two.Act().Settings.WeeklyGoal = 4;  // two has not heard of one's change yet
    app::SaveSettings(two.State);
    CHECK(two.State.Settings.CueVolume == 40);
    one.Hear();
    CHECK(one.State.Settings.CueVolume == 40);
    CHECK(one.State.Settings.WeeklyGoal == 4);
}

static core::Settings StoredSettings()
{
    const core::LoadResult<core::StampedSettings> stored = core::LoadStampedSettings(Browser().Storage[app::SettingsKey]);
    REQUIRE(stored.Ok());
    return stored.Value.Values;
}

TEST_CASE("A settings change left out by another page's write from an outdated copy is put back")
{
    // Each page reads localStorage from its own copy, which the other page's write reaches a moment
    // later: two writes settings from a copy that has not received one's change yet.
    platform::native::Reset();
    Page one(0), two(1);
    const std::string before = Browser().Storage[app::SettingsKey];
    Advance(one, 1000.0, 0.0);
    one.Act().Settings.Rounds = 3;
    app::SaveSettings(one.State);
    Advance(two, 200.0, 0.0);
    Browser().Storage[app::SettingsKey] = before;  // two's copy, without one's write
    two.Act().Settings.Mode = core::RunMode::SelfPaced;
    app::SaveSettings(two.State);
    REQUIRE(StoredSettings().Rounds == 2);  // one's change is gone from storage

    REQUIRE(one.Hear() > 0);  // two's write reaches one, which puts its change back
    CHECK(StoredSettings().Rounds == 3);
    CHECK(StoredSettings().Mode == core::RunMode::SelfPaced);
    CHECK(one.State.Settings.Mode == core::RunMode::SelfPaced);
    two.Hear();  // one's first write (late) and its second
    CHECK(two.State.Settings.Rounds == 3);
    CHECK(two.State.Settings.Mode == core::RunMode::SelfPaced);
    CHECK(one.Hear() == 0);  // settled: two had nothing to put back
    CHECK(StoredSettings().Rounds == 3);
}

TEST_CASE("A setting changed again later in another page is not put back")
{
    platform::native::Reset();
    Page one(0), two(1);
    Advance(one, 1000.0, 0.0);
    one.Act().Settings.Rounds = 3;
    app::SaveSettings(one.State);
    two.Hear();
    Advance(two, 1000.0, 0.0);
    two.Act().Settings.Rounds = 2;  // a later change of the same setting, knowing of one's
    app::SaveSettings(two.State);
    one.Hear();
    CHECK(one.State.Settings.Rounds == 2);
    CHECK(StoredSettings().Rounds == 2);
    CHECK(two.Hear() == 0);
}

TEST_CASE("After Delete everything in another page, a page's earlier settings changes do not come back")
{
    platform::native::Reset();
    Page one(0), two(1), three(2);
    Advance(one, 1000.0, 0.0);
    one.Act().Settings.Rounds = 3;
    app::SaveSettings(one.State);
    Advance(two, 1000.0, 0.0);
    app::ForgetAllData(two.Act());
    Advance(three, 1000.0, 0.0);
    three.Act().Settings.CueVolume = 20;
    app::SaveSettings(three.State);
    // one hears the reset and three's write only now: each event reads what is stored by then,
    // three's settings, and the reset mark says one's change came before it.
    one.Hear();
    CHECK(one.State.Settings.Rounds == app::DefaultSettingsHere().Rounds);
    CHECK(StoredSettings().Rounds == app::DefaultSettingsHere().Rounds);
    CHECK(StoredSettings().CueVolume == 20);
}

static std::string StoredSessionId()
{
    const core::LoadResult<core::SessionInProgress> stored = core::LoadSessionInProgress(Browser().Storage[app::SessionKey]);
    REQUIRE(stored.Ok());
    return stored.Value.Id;
}

TEST_CASE("Two pages that start a session at the same moment: the first started goes on, the other's work is kept in history")
{
    platform::native::Reset();
    Page one(0), two(1);
    one.Frame();
    StartWithGetReady(one, 10);
    const std::string first = one.State.Session.SessionId;
    Browser().Storage.erase(app::SessionKey);  // two's copy has not received one's write yet
    Browser().WallMs += 1;
    two.Frame();
    DoOneSet(two);  // started a moment later, a set done
    const std::string second = two.State.Session.SessionId;
    REQUIRE(StoredSessionId() == second);

    REQUIRE(one.Hear() > 0);  // one's session started first: one writes it back
    CHECK(StoredSessionId() == first);
    CHECK_FALSE(one.State.Stored.SessionElsewhere);
    REQUIRE(two.Hear() > 0);  // two gives way
    CHECK(two.State.Stored.SessionElsewhere);
    CHECK(two.State.Session.SessionId == first);
    CHECK(two.State.Screens.Current == app::Screen_Home);
    CHECK(two.State.Screens.Notice.find("What you did here is in History") != std::string::npos);
    CHECK(app::RecordSaveFor(two.State, second) == app::RecordSave_Pending);
    two.GrantHistoryLock();
    CHECK(app::RecordSaveFor(two.State, second) == app::RecordSave_Saved);
    CHECK(StoredSessionId() == first);  // two writes no session of its own any more
    one.Hear();
    CHECK(one.State.History.size() == 1);
    CHECK_FALSE(one.State.Stored.SessionElsewhere);
    Advance(one, 1000.0);
    CHECK(StoredSessionId() == first);
}

TEST_CASE("A page that starts a session when another page's is already stored gives way at its first save")
{
    platform::native::Reset();
    Page one(0), two(1);
    one.Frame();
    StartWithGetReady(one, 10);
    Browser().WallMs += 1;
    two.Frame();
    StartWithGetReady(two, 10);  // two never heard of one's session, but its copy has it by the first save
    CHECK(two.State.Stored.SessionElsewhere);
    CHECK(two.State.Session.SessionId == one.State.Session.SessionId);
    CHECK(two.State.Screens.Notice == "A workout was started in another window at the same moment and goes on there.");
    CHECK(two.State.History.empty());  // nothing was done in it: nothing kept
}

TEST_CASE("A session has one owner: another page shows it, takes it over, and the first stops")
{
    platform::native::Reset();
    Page one(0), two(1);
    app::StartSession(one.Act(), one.State.Frame.NowMs);
    Advance(one, 4000.0);
    two.Hear();
    REQUIRE(two.State.HasSession);
    CHECK(two.State.Stored.SessionElsewhere);
    CHECK(two.State.Restored);
    CHECK(two.State.Session.SessionId == one.State.Session.SessionId);
    CHECK(two.State.Screens.Current == app::Screen_Home);  // shown on Home, not pulled into the session

    app::ResumeSession(two.Act(), two.State.Frame.NowMs);  // "Resume here"
    CHECK(two.State.Screens.Current == app::Screen_Session);
    CHECK_FALSE(two.State.Stored.SessionElsewhere);
    one.Hear();
    CHECK(one.State.Stored.SessionElsewhere);
    CHECK(one.State.Screens.Current == app::Screen_Home);
    CHECK(one.State.Screens.Notice == "This workout was taken over in another window.");

    // One's frames no longer write the session: two owns it.
    Advance(one, 6000.0);
    const core::LoadResult<core::SessionInProgress> stored = core::LoadSessionInProgress(Browser().Storage[app::SessionKey]);
    REQUIRE(stored.Ok());
    CHECK(stored.Value.Owner == "page-1");
}

TEST_CASE("A page's next save still sees another page's takeover when the storage event never came")
{
    platform::native::Reset();
    Page one(0), two(1);
    app::StartSession(one.Act(), one.State.Frame.NowMs);
    Advance(one, 1000.0);
    const std::string mine = Browser().Storage[app::SessionKey];
    CHECK(one.State.Stored.SessionJson == mine);  // what it wrote, kept to tell its own writes from others'
    two.Hear();
    app::ResumeSession(two.Act(), two.State.Frame.NowMs);
    REQUIRE(Browser().Storage[app::SessionKey] != mine);

    // One never hears two's write (the event is dropped): its next save reads it and stops.
    platform::native::TakeStorageEvents(0);
    app::SkipStep(one.Act(), one.State.Frame.NowMs);
    CHECK(one.State.Stored.SessionElsewhere);
    const core::LoadResult<core::SessionInProgress> stored = core::LoadSessionInProgress(Browser().Storage[app::SessionKey]);
    REQUIRE(stored.Ok());
    CHECK(stored.Value.Owner == "page-1");
}

TEST_CASE("A session ended in another page does not come back")
{
    platform::native::Reset();
    Page one(0), two(1);
    app::StartSession(one.Act(), one.State.Frame.NowMs);
    two.Hear();
    REQUIRE(two.State.HasSession);
    app::EndSession(one.Act(), one.State.Frame.NowMs);
    two.Hear();
    CHECK_FALSE(two.State.HasSession);
    CHECK(two.State.Screens.Notice == "This workout was ended in another window.");
}

TEST_CASE("Delete everything in one page ends the other page's session and empties its history")
{
    platform::native::Reset();
    Page one(0), two(1);
    DoOneSetAndEnd(one);
    one.GrantHistoryLock();
    two.Hear();
    REQUIRE(two.State.History.size() == 1);
    app::StartSession(two.Act(), two.State.Frame.NowMs);
    one.Hear();

    Advance(one, 1000.0);
    const std::string said = app::ForgetAllData(one.Act());
    CHECK(said.find("your history of 1 session") != std::string::npos);
    CHECK(said.find("the session in progress") != std::string::npos);
    two.Hear();
    CHECK_FALSE(two.State.HasSession);
    CHECK(two.State.History.empty());
    CHECK(two.State.Screens.Notice == "All data was deleted in another window, this workout with it.");
}

TEST_CASE("A session that started before a reset elsewhere is not written back to history")
{
    platform::native::Reset();
    Page one(0), two(1);
    two.Frame();
    DoOneSet(two);  // "Done" on the first set of a short session
    Advance(one, 1000.0);
    app::ForgetAllData(one.Act());
    app::EndSession(two.Act(), two.State.Frame.NowMs);  // two has not heard of the reset yet
    two.GrantHistoryLock();
    CHECK(app::RecordSaveFor(two.State, two.State.LastRecord.Id) == app::RecordSave_Reset);
    CHECK(Browser().Storage.count(app::HistoryKey) == 0);
}

TEST_CASE("Storage events name keys: other bandCircuit keys refresh the kept-aside list, others are ignored")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = page.Act();
    Browser().Storage["bandCircuit.unreadable.history.5"] = "x";
    app::OnStorageChanged(a, "bandCircuit.unreadable.history.5", platform::ReadClock());
    CHECK(a.Stored.KeptAside.size() == 1);
    Browser().Storage["bandCircuit.unreadable.history.6"] = "x";
    app::OnStorageChanged(a, "someOtherApp", platform::ReadClock());
    CHECK(a.Stored.KeptAside.size() == 1);
    app::OnStorageChanged(a, "", platform::ReadClock());  // storage cleared (or all changed)
    CHECK(a.Stored.KeptAside.size() == 2);
}
