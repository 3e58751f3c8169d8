// The session runner over the fake browser: what a runner hears, what is saved and when, and what
// becomes of a finished session.
#include "app_fixture.h"

#include "core/coach.h"
#include "core/save_format.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>

using namespace apptest;

static int Count(const std::vector<std::string>& tones, int tone) { return (int)std::count(tones.begin(), tones.end(), core::CueToneKey(tone)); }

TEST_CASE("A started session is on screen, keeps the screen awake and is in storage")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = page.Act();
    REQUIRE(a.Screens.Current == app::Screen_Home);
    app::StartSession(a, a.Frame.NowMs);
    CHECK(a.HasSession);
    CHECK(a.Screens.Current == app::Screen_Session);
    CHECK(Browser().Awake);
    REQUIRE(Browser().Storage.count(app::SessionKey) == 1);
    const core::LoadResult<core::SessionInProgress> stored = core::LoadSessionInProgress(Browser().Storage[app::SessionKey]);
    REQUIRE(stored.Ok());
    CHECK(stored.Value.Id == a.Session.SessionId);
    CHECK(stored.Value.Owner == "page-0");
    CHECK(Browser().Announced.back().rfind("Get ready", 0) == 0);
}

TEST_CASE("The get-ready counts down 3-2-1 and ends with one rest-over tone, each played once")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = StartWithGetReady(page, 10);
    Advance(page, 10500.0);
    CHECK(Count(Browser().Tones, core::CueTone_Countdown) == 3);
    CHECK(Count(Browser().Tones, core::CueTone_RestOver) == 1);
    CHECK(a.View.StepPhase == core::Phase::Work);
}

TEST_CASE("Cues that fell in a long gap are consumed silently, not played in a burst")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = StartWithGetReady(page, 10);
    Advance(page, 60000.0, 0.0);  // one frame a minute later: a throttled tab
    CHECK(Count(Browser().Tones, core::CueTone_Countdown) == 0);
    CHECK(a.View.ActiveMs >= 60000);
}

TEST_CASE("A hidden page hands the coming tones to the audio clock, and does not replay them when shown")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = StartWithGetReady(page, 10);
    app::OnPageHidden(a, platform::ReadClock());
    REQUIRE(Browser().Scheduled.size() >= 4);  // 3-2-1 and the end of the get-ready, at least
    CHECK(Browser().Scheduled[0].first > 0.0);
    CHECK(std::is_sorted(Browser().Scheduled.begin(), Browser().Scheduled.end()));
    CHECK(Browser().Storage.count(app::SessionKey) == 1);

    // Back 20 s later: the tones of the gap played from the audio clock, so the frames stay quiet.
    Browser().Tones.clear();
    Browser().NowMs += 20000.0;
    app::OnPageShown(a, platform::ReadClock());
    CHECK(Browser().Scheduled.empty());
    page.Frame();
    CHECK(Browser().Tones.empty());
}

TEST_CASE("Without a voice, spoken cues fall back to tones; with one, words are spoken")
{
    platform::native::Reset();
    SECTION("voice")
    {
        Browser().Speech = true;
        Page page(0);
        app::StartSession(page.Act(), page.State.Frame.NowMs);
        Advance(page, 11000.0);
        CHECK_FALSE(Browser().Spoken.empty());
    }
    SECTION("no voice")
    {
        Browser().Speech = false;
        Page page(0);
        app::StartSession(page.Act(), page.State.Frame.NowMs);
        Advance(page, 11000.0);
        CHECK(Browser().Spoken.empty());
        CHECK_FALSE(Browser().Tones.empty());
    }
}

TEST_CASE("A running session is saved at least every 5 s of active time")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = page.Act();
    a.Settings = ShortSettings();
    app::StartSession(a, a.Frame.NowMs);
    Advance(page, 12000.0);
    const core::LoadResult<core::SessionInProgress> stored = core::LoadSessionInProgress(Browser().Storage[app::SessionKey]);
    REQUIRE(stored.Ok());
    CHECK(a.View.ActiveMs - stored.Value.ActiveMs <= 5100);
}

TEST_CASE("A finished session goes to history under the storage lock")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = DoOneSetAndEnd(page);
    REQUIRE(a.HasLastRecord);
    CHECK(a.Screens.Current == app::Screen_Finish);
    CHECK_FALSE(a.HasSession);
    CHECK_FALSE(Browser().Awake);
    CHECK(Browser().Storage.count(app::SessionKey) == 0);
    CHECK(app::RecordSaveFor(a, a.LastRecord.Id) == app::RecordSave_Pending);
    REQUIRE(Browser().CommitRequests == 1);

    page.GrantHistoryLock();
    CHECK(app::RecordSaveFor(a, a.LastRecord.Id) == app::RecordSave_Saved);
    const core::LoadResult<core::SavedHistory> stored = core::LoadHistory(Browser().Storage[app::HistoryKey]);
    REQUIRE(stored.Ok());
    REQUIRE(stored.Value.Sessions.size() == 1);
    CHECK(stored.Value.Sessions[0].Id == a.LastRecord.Id);
    CHECK_FALSE(stored.Value.Sessions[0].Finished);
    CHECK(Browser().PersistRequests == 1);
}

TEST_CASE("A session skipped from end to end is not a workout and is not kept")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = page.Act();
    app::StartSession(a, a.Frame.NowMs);
    app::EndSession(a, a.Frame.NowMs);
    REQUIRE(a.HasLastRecord);
    CHECK(app::RecordSaveFor(a, a.LastRecord.Id) == app::RecordSave_NoWork);
    CHECK(a.History.empty());
    CHECK(Browser().CommitRequests == 0);
}

TEST_CASE("A full storage keeps the session shown, says no space, and writes it with the next commit")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = DoOneSet(page);  // "Done" on the first set of a short session
    Browser().QuotaBytes = 10;          // nothing more fits
    app::EndSession(a, a.Frame.NowMs);
    page.GrantHistoryLock();
    CHECK(app::RecordSaveFor(a, a.LastRecord.Id) == app::RecordSave_NoSpace);
    CHECK(a.Storage == app::StorageStatus_Full);
    CHECK(a.History.size() == 1);  // shown all the same

    Browser().QuotaBytes = 5 * 1024 * 1024;  // space came back
    page.GrantHistoryLock();
    CHECK(app::RecordSaveFor(a, a.LastRecord.Id) == app::RecordSave_Saved);
    CHECK(a.Storage == app::StorageStatus_Ok);
}

TEST_CASE("Without storage (private mode) the app runs in memory and says so")
{
    platform::native::Reset();
    Browser().StorageOn = false;
    Page page(0);
    app::AppState& a = page.Act();
    CHECK(a.Storage == app::StorageStatus_Unavailable);
    DoOneSetAndEnd(page);
    CHECK(app::RecordSaveFor(a, a.LastRecord.Id) == app::RecordSave_Unavailable);
    CHECK(a.History.size() == 1);
}

TEST_CASE("A reload reopens the session paused where it stood")
{
    platform::native::Reset();
    std::string id;
    int64_t active = 0;
    {
        Page page(0);
        app::AppState& a = page.Act();
        app::StartSession(a, a.Frame.NowMs);
        Advance(page, 7000.0);
        app::OnPageHidden(a, platform::ReadClock());  // pagehide
        id = a.Session.SessionId;
        active = a.View.ActiveMs;
    }
    Browser().NowMs = 50.0;  // a new page: its monotonic clock starts again
    Browser().WallMs += 60000;
    Page reloaded(0);
    const app::AppState& b = reloaded.State;
    REQUIRE(b.HasSession);
    CHECK(b.Session.SessionId == id);
    CHECK(b.Screens.Current == app::Screen_Session);
    CHECK(b.View.Paused);
    CHECK(b.View.ActiveMs == active);
    CHECK(Browser().Announced.back() == "Workout paused where you left off");
}

TEST_CASE("Unreadable saved data is kept aside and the app starts clean")
{
    platform::native::Reset();
    Browser().Storage[app::HistoryKey] = "{not json";
    Browser().Storage[app::SettingsKey] = "[]";
    Page page(0);
    const app::AppState& a = page.State;
    CHECK(a.Storage == app::StorageStatus_Recovered);
    CHECK(a.History.empty());
    CHECK(a.Stored.KeptAside.size() == 2);
    CHECK(Browser().Storage.count(app::HistoryKey) == 0);
    for (const std::string& key : a.Stored.KeptAside)
        CHECK(key.rfind(app::UnreadablePrefix, 0) == 0);
}

TEST_CASE("Unreadable data with no room for a copy is held: never written over")
{
    platform::native::Reset();
    Browser().Storage[app::HistoryKey] = "{not json";
    Browser().QuotaBytes = 20;
    Page page(0);
    app::AppState& a = page.Act();
    CHECK(a.Stored.Held[app::StoredKey_History]);
    Browser().QuotaBytes = 5 * 1024 * 1024;
    DoOneSetAndEnd(page);
    page.GrantHistoryLock();
    CHECK(app::RecordSaveFor(a, a.LastRecord.Id) == app::RecordSave_Held);
    CHECK(Browser().Storage[app::HistoryKey] == "{not json");
}

TEST_CASE("Delete everything during a session lets the screen sleep and says what went")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = DoOneSet(page);
    REQUIRE(Browser().Awake);
    a.Screens.ConfirmingReset = true;
    app::DeleteEverything(a);
    CHECK_FALSE(Browser().Awake);
    CHECK_FALSE(a.Screens.ConfirmingReset);
    CHECK_FALSE(a.Screens.NoticeIsError);
    CHECK(a.Screens.Notice.find("the session in progress") != std::string::npos);
    CHECK(a.Screens.Notice.find("Settings are back to the defaults.") != std::string::npos);
    CHECK(Browser().Announced.back() == a.Screens.Notice);
    CHECK(Browser().Storage.count(app::SessionKey) == 0);
}

TEST_CASE("A new cue volume is applied at once and heard as one rep tone")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = page.Act();
    a.Settings.CueVolume = 30;
    Browser().Tones.clear();
    app::PreviewCueVolume(a);
    CHECK(Browser().Volume == 30);
    REQUIRE(Browser().Tones.size() == 1);
    CHECK(Browser().Tones[0] == core::CueToneKey(core::CueTone_Rep));
}

TEST_CASE("What became of each history entry is kept by id; saved ones leave the list")
{
    app::AppState a;
    app::SetRecordSave(a, "b", app::RecordSave_NoSpace);
    app::SetRecordSave(a, "a", app::RecordSave_Pending);
    app::SetRecordSave(a, "c", app::RecordSave_Held);
    app::SetRecordSave(a, "a", app::RecordSave_NoWork);
    CHECK(app::RecordSaveFor(a, "a") == app::RecordSave_NoWork);
    CHECK(app::RecordSaveFor(a, "b") == app::RecordSave_NoSpace);
    CHECK(app::RecordSaveFor(a, "c") == app::RecordSave_Held);
    CHECK(app::RecordSaveFor(a, "d") == app::RecordSave_Saved);
    app::SetRecordSave(a, "b", app::RecordSave_Saved);
    CHECK(app::RecordSaveFor(a, "b") == app::RecordSave_Saved);
    CHECK(a.Stored.Saves.size() == 2);
}
