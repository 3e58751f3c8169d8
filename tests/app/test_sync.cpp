// Sync between devices through a CouchDB database (tests/app/fake_couch.h): each device is its
// own browser (its own storage), each run a chain of requests the fake server answers.
#include "app_fixture.h"
#include "fake_couch.h"

#include "app/transfer.h"
#include "core/save_format.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <tuple>

using namespace apptest;

namespace {

const char* const Address = "http://127.0.0.1:5984/db";

// A device: a page of the app over a storage of its own.
struct Device
{
    std::map<std::string, std::string> Storage;
    std::unique_ptr<Page> Tab;
    explicit Device(int index)
    {
        Browser().Storage.clear();
        Tab = std::make_unique<Page>(index);
        Storage = Browser().Storage;
    }
    app::AppState& Use()
    {
        Browser().Storage = Storage;
        return Tab->Act();
    }
    void Done() { Storage = Browser().Storage; }
    // Sync now: a run, every request answered, every history write done (and the runs those start).
    void Sync(FakeCouch& couch)
    {
        app::RequestSync(Use());
        for (int i = 0; i < 10; i++)
        {
            Tab->Frame();
            const int served = couch.Serve(Tab->State);
            Tab->GrantHistoryLock();
            if (served == 0 && !Tab->State.Sync.Wanted)
                break;
        }
        Done();
    }
    void Finish()
    {
        Use();
        DoOneSetAndEnd(*Tab);
        Tab->GrantHistoryLock();
        Browser().WallMs += 60'000;
        Browser().NowMs += 60'000;
        Done();
    }
};

std::vector<std::string> Ids(const app::AppState& app)
{
    std::vector<std::string> ids;
    for (const core::SessionRecord& record : app.History)
        ids.push_back(record.Id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

TEST_CASE("Two devices end with the same history and settings, whoever was offline")
{
    platform::native::Reset();
    FakeCouch couch;
    Device a(0), b(1);
    a.Finish();
    app::SetSyncAccount(a.Use(), Address, "runner", "secret");
    a.Sync(couch);
    CHECK(a.Tab->State.Sync.Status == "Synced: 0 in, 1 out.");
    CHECK(couch.Docs.count("settings") == 1);
    app::SetSyncAccount(b.Use(), Address, "runner", "secret");
    b.Sync(couch);
    CHECK(Ids(b.Tab->State) == Ids(a.Tab->State));
    CHECK(b.Tab->State.Sync.Status == "Synced: 1 in, 0 out.");

    // A finishes two sessions offline; B changes a setting.
    couch.Down = true;
    a.Finish();
    a.Finish();
    a.Sync(couch);
    CHECK(a.Tab->State.Sync.StatusIsError);
    app::AppState& on_b = b.Use();
    on_b.Settings.RestSec = 40;
    app::SaveSettings(on_b);
    b.Done();
    couch.Down = false;

    app::OnNetworkOnline(a.Use(), platform::ReadClock());  // the network came back
    a.Done();
    a.Sync(couch);
    b.Sync(couch);
    a.Sync(couch);
    CHECK(a.Tab->State.History.size() == 3);
    CHECK(Ids(b.Tab->State) == Ids(a.Tab->State));
    CHECK(a.Tab->State.Settings.RestSec == 40);
    CHECK(core::SaveSettings(a.Tab->State.Settings) == core::SaveSettings(b.Tab->State.Settings));
    // What each device stored is what it shows.
    a.Use();
    CHECK(core::LoadHistory(Browser().Storage[app::HistoryKey]).Value.Sessions.size() == 3);
    CHECK(core::LoadStampedSettings(Browser().Storage[app::SettingsKey]).Value.Values.RestSec == 40);
}

TEST_CASE("A deletion on one device reaches the other, and an old backup does not bring it back")
{
    platform::native::Reset();
    FakeCouch couch;
    Device a(0), b(1);
    a.Finish();
    a.Finish();
    app::SetSyncAccount(a.Use(), Address, "runner", "secret");
    a.Sync(couch);
    app::SetSyncAccount(b.Use(), Address, "runner", "secret");
    b.Sync(couch);
    REQUIRE(b.Tab->State.History.size() == 2);
    app::AppState& on_b = b.Use();
    app::BackUpHistory(on_b);  // B's backup holds both
    const std::string backup = Browser().Downloads.back().second;
    b.Done();

    const std::string gone = a.Tab->State.History[0].Id;
    app::DeleteSession(a.Use(), gone);
    a.Done();
    a.Sync(couch);
    CHECK(couch.Docs.at(gone).Deleted);
    b.Sync(couch);
    CHECK(b.Tab->State.History.size() == 1);
    CHECK(core::IsDeleted(b.Tab->State.Deleted, gone));

    app::AppState& restore = b.Use();
    Browser().HasImport = true;
    Browser().ImportText = backup;
    REQUIRE(app::ReceiveImport(restore));
    b.Tab->GrantHistoryLock();
    b.Done();
    b.Sync(couch);
    a.Sync(couch);
    CHECK(b.Tab->State.History.size() == 1);
    CHECK(a.Tab->State.History.size() == 1);
    CHECK(couch.Docs.at(gone).Deleted);
}

TEST_CASE("A settings conflict is fetched, merged and written again, the same on both devices")
{
    platform::native::Reset();
    FakeCouch couch;
    Device a(0), b(1);
    app::SetSyncAccount(a.Use(), Address, "runner", "secret");
    a.Sync(couch);
    app::SetSyncAccount(b.Use(), Address, "runner", "secret");
    b.Sync(couch);

    app::AppState& on_a = a.Use();
    on_a.Settings.Rounds = 3;
    app::SaveSettings(on_a);
    a.Done();
    app::AppState& on_b = b.Use();
    on_b.Settings.WeeklyGoal = 4;
    app::SaveSettings(on_b);
    b.Done();
    // B's run pulls, then A writes its change before B's settings go up: B's write is refused
    // (409), so B fetches the settings, merges them with its own change, and writes again.
    app::RequestSync(b.Use());
    b.Tab->Frame();
    REQUIRE(couch.Serve(b.Tab->State, 1) == 1);  // the pull; B's settings write waits
    std::vector<platform::native::FakeBrowser::Request> waiting = Browser().Requests;
    REQUIRE(waiting.size() == 1);
    CHECK(std::string(waiting[0].What.Method) == "PUT");
    Browser().Requests.clear();
    b.Done();
    a.Sync(couch);
    b.Use();
    Browser().Requests = waiting;
    CHECK(couch.Serve(b.Tab->State) == 3);  // the refused write, the fetch, the write again
    b.Done();
    a.Sync(couch);
    CHECK(a.Tab->State.Settings.Rounds == 3);
    CHECK(b.Tab->State.Settings.Rounds == 3);
    CHECK(a.Tab->State.Settings.WeeklyGoal == 4);
    CHECK(b.Tab->State.Settings.WeeklyGoal == 4);
}

TEST_CASE("A wrong password, a server down and an answer that is not CouchDB's each say so and change nothing stored")
{
    platform::native::Reset();
    FakeCouch couch;
    Device a(0);
    a.Finish();
    app::AppState& app = a.Use();
    const std::string history_before = Browser().Storage[app::HistoryKey];
    app::SetSyncAccount(app, Address, "runner", "wrong");
    a.Done();
    a.Sync(couch);
    CHECK(a.Tab->State.Sync.Status == "The server refused the user name or password (401). Check them in Settings.");
    CHECK(a.Tab->State.Sync.StatusIsError);
    CHECK(a.Tab->State.Sync.RetryAtMs == a.Tab->State.Frame.NowMs + app::SyncRetryMs);

    for (const char* garbage : { "<html>Bad gateway</html>", R"({"results":"no","last_seq":1})", R"({"results":[{"id":"x","changes":[{"rev":"1-a"}]}],"last_seq":9})" })
    {
        app::AppState& page = a.Use();
        app::RequestSync(page);
        a.Tab->Frame();
        REQUIRE(Browser().Requests.size() == 1);
        const int id = Browser().Requests[0].Id;
        Browser().Requests.clear();
        app::OnHttpAnswered(page, id, 200, garbage, platform::ReadClock());
        CHECK(page.Sync.StatusIsError);
        CHECK(page.Sync.Status.rfind("The server's answer could not be read, so nothing was changed", 0) == 0);
        CHECK(page.Sync.Record.Since.empty());
        CHECK(Browser().Storage[app::HistoryKey] == history_before);
        CHECK(page.History.size() == 1);
        a.Done();
    }
    app::AppState& page = a.Use();
    app::RequestSync(page);
    a.Tab->Frame();
    const int id = Browser().Requests[0].Id;
    Browser().Requests.clear();
    app::OnHttpAnswered(page, id, 0, "redirect", platform::ReadClock());
    CHECK(page.Sync.Status.rfind("The server answered with a redirect", 0) == 0);
    app::OnHttpAnswered(page, id, 200, R"({"results":[],"last_seq":1})", platform::ReadClock());  // late: the run was given up
    CHECK(page.Sync.Record.Since.empty());

    for (const auto& [status, body, message] : { std::tuple<int, const char*, const char*>{ 0, "timeout", "The server did not answer in time." },
                                                 { 0, "large", "The server's answer was too large" },
                                                 { 403, "{}", "The server refused the user name or password (403)." },
                                                 { 404, "{}", "There is no database at that address (404)." },
                                                 { 503, "", "The server answered with an error (503)." } })
    {
        app::RequestSync(page);
        a.Tab->Frame();
        REQUIRE(Browser().Requests.size() == 1);
        const int request = Browser().Requests[0].Id;
        Browser().Requests.clear();
        app::OnHttpAnswered(page, request, status, body, platform::ReadClock());
        CHECK(page.Sync.Status.rfind(message, 0) == 0);
        CHECK(page.Sync.StatusIsError);
        CHECK(page.Sync.Record.Since.empty());
    }
}

TEST_CASE("A failed run is tried again a minute later, and offline waits for the network")
{
    platform::native::Reset();
    FakeCouch couch;
    couch.Down = true;
    Device a(0);
    app::SetSyncAccount(a.Use(), Address, "runner", "secret");
    a.Sync(couch);
    REQUIRE(a.Tab->State.Sync.StatusIsError);
    couch.Down = false;
    a.Use();
    Advance(*a.Tab, app::SyncRetryMs - 1000.0, 0.0);
    CHECK(Browser().Requests.empty());
    Advance(*a.Tab, 2000.0, 0.0);
    CHECK(Browser().Requests.size() == 1);
    couch.Serve(a.Tab->State);
    CHECK_FALSE(a.Tab->State.Sync.StatusIsError);

    Browser().Online = false;
    app::RequestSync(a.Tab->State);
    a.Tab->Frame();
    CHECK(a.Tab->State.Sync.Status == "Offline: sync goes on when the network is back.");
    CHECK(Browser().Requests.empty());
    Browser().Online = true;
    app::OnNetworkOnline(a.Tab->State, platform::ReadClock());
    a.Tab->Frame();
    CHECK(Browser().Requests.size() == 1);
}

TEST_CASE("The account stays on the device: never in a backup, gone with Forget, refused when not https")
{
    platform::native::Reset();
    FakeCouch couch;
    Device a(0);
    a.Finish();
    app::AppState& app = a.Use();
    app::SetSyncAccount(app, "http://couch.example.org/db", "runner", "secret");
    CHECK_FALSE(app::SyncOn(app));
    CHECK(app.Sync.StatusIsError);
    app::SetSyncAccount(app, Address, "runner", "secret");
    CHECK(app::SyncOn(app));
    CHECK(Browser().Storage[app::SyncKey].find("secret") != std::string::npos);
    app::BackUpHistory(app);
    CHECK(Browser().Downloads.back().second.find("secret") == std::string::npos);
    CHECK(Browser().Downloads.back().second.find("runner") == std::string::npos);
    app::ForgetSyncAccount(app);
    CHECK_FALSE(app::SyncOn(app));
    CHECK(Browser().Storage.count(app::SyncKey) == 0);
    CHECK(app.History.size() == 1);
}

TEST_CASE("Documents that are not ours are left alone and counted")
{
    platform::native::Reset();
    FakeCouch couch;
    std::string rev;
    couch.Write("_design/views", "", false, R"({"views":{}})", &rev);
    couch.Write("grocery-list", "", false, R"({"type":"list","items":["milk"]})", &rev);
    Device a(0);
    app::SetSyncAccount(a.Use(), Address, "runner", "secret");
    a.Sync(couch);
    CHECK(a.Tab->State.Sync.Status == "Synced: 0 in, 0 out. 2 documents in the database are not Band Circuit's and were left alone.");
    CHECK(a.Tab->State.History.empty());
    CHECK(couch.Docs.at("grocery-list").Json == R"({"type":"list","items":["milk"]})");
}
