// Sync's documents and decisions (core/save_format.h, core/sync.h), on the JSON CouchDB sends.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "core/sync.h"

#include "session_records.h"

using namespace core;

// A _changes entry for a session document, as CouchDB sends it with include_docs=true.
static std::string SessionChange(const SessionRecord& record, const std::string& rev, int seq)
{
    std::string body = BulkDocsJson({ record }, {});  // {"docs":[{...}]}
    const std::string doc = body.substr(9, body.size() - 11);
    const std::string with_rev = "{\"_rev\":\"" + rev + "\"," + doc.substr(1);
    return "{\"seq\":" + std::to_string(seq) + ",\"id\":\"" + record.Id + "\",\"changes\":[{\"rev\":\"" + rev + "\"}],\"doc\":" + with_rev + "}";
}

TEST_CASE("Only https addresses, or http to this computer, can be a sync database", "[sync]")
{
    CHECK(CheckSyncAddress("https://couch.example.org/bands") == nullptr);
    CHECK(CheckSyncAddress("https://example.cloudant.com/band-circuit") == nullptr);
    CHECK(CheckSyncAddress("http://127.0.0.1:5984/bands") == nullptr);
    CHECK(CheckSyncAddress("http://localhost:5984/bands") == nullptr);
    CHECK(CheckSyncAddress("http://couch.example.org/bands") != nullptr);  // plain http elsewhere
    CHECK(CheckSyncAddress("http://localhost.evil.example/bands") != nullptr);
    CHECK(CheckSyncAddress("ftp://example.org/bands") != nullptr);
    CHECK(CheckSyncAddress("https://user:secret@example.org/bands") != nullptr);  // credentials belong in their fields
    CHECK(CheckSyncAddress("https://example.org") != nullptr);                    // no database named
    CHECK(CheckSyncAddress("https://example.org/bands?x=1") != nullptr);
    CHECK(CheckSyncAddress("https://exa mple.org/bands") != nullptr);
    CHECK(NormalizeSyncAddress("  https://example.org/bands/ ") == "https://example.org/bands");
}

TEST_CASE("A page of changes reads sessions, deletions, the settings and what is not ours", "[sync]")
{
    const SessionRecord a = Record("1700000000000-1", 1'700'000'000'000);
    Settings settings = DefaultSettings();
    settings.Rounds = 3;
    const std::string settings_doc = SettingsDocJson(settings, "2-bb");
    const std::string json = "{\"results\":[" + SessionChange(a, "1-aa", 1) +
                             R"(,{"seq":2,"id":"1690000000000-1","changes":[{"rev":"2-cc"}],"deleted":true})"
                             R"(,{"seq":3,"id":"settings","changes":[{"rev":"2-bb"}],"doc":)" +
                             settings_doc + R"(})"
                                            R"(,{"seq":4,"id":"_design/x","changes":[{"rev":"1-dd"}],"doc":{"_id":"_design/x","views":{}}})"
                                            R"(,{"seq":5,"id":"1700000000000-2","changes":[{"rev":"1-ee"}],"doc":{"type":"band-circuit/session","session":{"id":"1700000000000-2"}}})"
                                            R"(],"last_seq":5})";
    const LoadResult<ChangesPage> page = ParseChanges(json);
    REQUIRE(page.Ok());
    CHECK(page.Value.LastSeq == "5");
    CHECK(page.Value.Entries == 5);
    REQUIRE(page.Value.Docs.size() == 5);
    CHECK(page.Value.Docs[0].What == ChangedDoc::Kind_Session);
    CHECK(page.Value.Docs[0].Session == a);
    CHECK(page.Value.Docs[1].What == ChangedDoc::Kind_Deleted);
    CHECK(page.Value.Docs[2].What == ChangedDoc::Kind_Settings);
    CHECK(page.Value.Docs[2].Values.Rounds == 3);
    CHECK(page.Value.Docs[3].What == ChangedDoc::Kind_Foreign);
    CHECK(page.Value.Docs[4].What == ChangedDoc::Kind_Unreadable);

    std::vector<ServerDoc> known;
    const PulledChanges pulled = TakeChanges(page.Value, known, { { "1700000000000-9", 1 } }, 42);
    REQUIRE(pulled.Add.size() == 1);
    CHECK(pulled.Add[0].Id == a.Id);
    REQUIRE(pulled.Delete.size() == 1);
    CHECK(pulled.Delete[0] == Deletion{ "1690000000000-1", 42 });
    CHECK(pulled.HasSettings);
    CHECK(pulled.SettingsRev == "2-bb");
    CHECK(pulled.Foreign == 1);
    CHECK(pulled.Unreadable == 1);
    REQUIRE(known.size() == 2);
    CHECK(known[0] == ServerDoc{ "1690000000000-1", "2-cc", true });
    CHECK(known[1] == ServerDoc{ a.Id, "1-aa", false });

    // CouchDB 3's checkpoints are text.
    const LoadResult<ChangesPage> text_seq = ParseChanges(R"({"results":[],"last_seq":"12-g1AAAABXeJzLYWBgYMpgTmHgz8tPSTV0MDQy1zMAQsMcoEQiQ1L9____szKYE5lzgQLsZqkmKUlmltjUoOowFa"})");
    REQUIRE(text_seq.Ok());
    CHECK(text_seq.Value.LastSeq.rfind("12-g1AAAA", 0) == 0);
}

TEST_CASE("A broken or hostile page of changes is refused whole", "[sync]")
{
    CHECK_FALSE(ParseChanges("").Ok());
    CHECK_FALSE(ParseChanges("<html>502 Bad Gateway</html>").Ok());
    CHECK_FALSE(ParseChanges("[]").Ok());
    CHECK_FALSE(ParseChanges(R"({"results":{},"last_seq":1})").Ok());
    CHECK_FALSE(ParseChanges(R"({"results":[]})").Ok());                                                   // no checkpoint
    CHECK_FALSE(ParseChanges(R"({"results":[],"last_seq":{"a":1}})").Ok());                                // a checkpoint of the wrong type
    CHECK_FALSE(ParseChanges(R"({"results":[{"id":"x"}],"last_seq":1})").Ok());                            // no revision
    CHECK_FALSE(ParseChanges(R"({"results":[{"id":5,"changes":[{"rev":"1-a"}]}],"last_seq":1})").Ok());    // an id of the wrong type
    CHECK_FALSE(ParseChanges(R"({"results":[{"id":"x","changes":[{"rev":"1-a"}]}],"last_seq":1})").Ok());  // no document
    CHECK_FALSE(ParseChanges(std::string(MaxSaveInputBytes + 1, ' ')).Ok());
    std::string deep = R"({"results":[{"id":"x","changes":[{"rev":"1-a"}],"doc":)";
    for (int i = 0; i < 20; i++)
        deep += "[";
    CHECK_FALSE(ParseChanges(deep).Ok());
}

TEST_CASE("The push sends what the server lacks, deletions first, once", "[sync]")
{
    const std::vector<SessionRecord> history = { Record("b", 2), Record("a", 1), Record("c", 3) };
    const std::vector<Deletion> deleted = { { "d", 10 }, { "e", 11 }, { "f", 12 } };
    const std::vector<ServerDoc> known = { { "a", "1-a", false }, { "d", "1-d", false }, { "e", "2-e", true } };
    const PushPlan plan = PlanPush(history, deleted, known);
    REQUIRE(plan.Deletions.size() == 2);
    CHECK(plan.Deletions[0] == ServerDoc{ "d", "1-d", true });  // alive there: deleted with its revision
    CHECK(plan.Deletions[1] == ServerDoc{ "f", "", true });     // never there: a deleted document, so devices holding it learn
    REQUIRE(plan.Sessions.size() == 2);
    CHECK(plan.Sessions[0].Id == "b");  // oldest first
    CHECK(plan.Sessions[1].Id == "c");
    CHECK(PlanPush(history, deleted, known, 3).Sessions.size() == 1);

    const std::string body = BulkDocsJson(plan.Sessions, plan.Deletions);
    CHECK(body.find(R"({"_id":"d","_rev":"1-d","_deleted":true})") != std::string::npos);
    CHECK(body.find(R"({"_id":"f","_deleted":true})") != std::string::npos);
    CHECK(body.find(R"({"_id":"b","type":"band-circuit/session","session":{"id":"b",)") != std::string::npos);

    const LoadResult<std::vector<BulkResult>> results =
        ParseBulkResults(R"([{"ok":true,"id":"d","rev":"2-d"},{"ok":true,"id":"f","rev":"1-f"},{"ok":true,"id":"b","rev":"1-b"},)"
                         R"({"id":"c","error":"conflict","reason":"Document update conflict."}])");
    REQUIRE(results.Ok());
    std::vector<ServerDoc> after = known;
    TakeBulkResults(results.Value, deleted, after);
    const PushPlan again = PlanPush(history, deleted, after);
    CHECK(again.Deletions.empty());
    REQUIRE(again.Sessions.size() == 1);  // the conflict: the server has it; the next pull tells its revision
    CHECK(again.Sessions[0].Id == "c");
    CHECK(FindKnown(after, "d")->Deleted);
    CHECK(FindKnown(after, "b")->Rev == "1-b");

    CHECK_FALSE(ParseBulkResults(R"({"error":"unauthorized"})").Ok());
    CHECK_FALSE(ParseBulkResults(R"([{"ok":true,"id":"b"}])").Ok());
}

TEST_CASE("Settings agree the same way on both devices", "[sync]")
{
    const Settings base = DefaultSettings();
    Settings mine = base, theirs = base;
    mine.Rounds = 3;      // changed here
    theirs.RestSec = 30;  // changed there
    const SettingsAgreement here = AgreeSettings(true, base, mine, true, theirs);
    CHECK(here.Agreed.Rounds == 3);
    CHECK(here.Agreed.RestSec == 30);
    CHECK(here.Push);  // the server lacks this device's change

    // The other device, which wrote theirs, pulls the agreed settings: nothing to send back.
    const SettingsAgreement there = AgreeSettings(true, theirs, theirs, true, here.Agreed);
    CHECK(SaveSettings(there.Agreed) == SaveSettings(here.Agreed));
    CHECK_FALSE(there.Push);

    // First sync of a new device: the account's settings stand. No settings on the server: this device's go up.
    CHECK(AgreeSettings(false, base, mine, true, theirs).Agreed.RestSec == 30);
    CHECK_FALSE(AgreeSettings(false, base, mine, true, theirs).Push);
    CHECK(AgreeSettings(false, base, mine, false, base).Push);

    const LoadResult<std::pair<Settings, std::string>> doc = ParseSettingsDoc(SettingsDocJson(mine, "3-x"));
    REQUIRE(doc.Ok());
    CHECK(doc.Value.second == "3-x");
    CHECK(doc.Value.first.Rounds == 3);
    CHECK_FALSE(ParseSettingsDoc(R"({"_id":"settings","_rev":"1-a","type":"band-circuit/settings","settings":{"rounds":"many"}})").Ok());
    CHECK_FALSE(ParseSettingsDoc(R"({"_id":"settings","_rev":"1-a"})").Ok());
    CHECK(ParseWriteAnswer(R"({"ok":true,"id":"settings","rev":"4-y"})").Value == "4-y");
    CHECK_FALSE(ParseWriteAnswer(R"({"ok":true})").Ok());
}

TEST_CASE("The sync record reads back, and a broken one is refused", "[sync]")
{
    SyncRecord record;
    record.Account = { "https://example.org/bands", "runner", "p\"ss" };
    record.Since = "12-abc";
    record.Known = { { "a", "1-a", false }, { "b", "2-b", true } };
    record.SettingsRev = "3-s";
    record.HasSettingsBase = true;
    record.SettingsBase.Rounds = 4;
    record.LastSyncWallMs = 1'700'000'000'000;
    const LoadResult<SyncRecord> back = LoadSyncRecord(SaveSyncRecord(record));
    REQUIRE(back.Ok());
    CHECK(back.Value.Account == record.Account);
    CHECK(back.Value.Since == record.Since);
    CHECK(back.Value.Known == record.Known);
    CHECK(back.Value.SettingsRev == "3-s");
    CHECK(back.Value.SettingsBase.Rounds == 4);
    CHECK(back.Value.LastSyncWallMs == record.LastSyncWallMs);
    CHECK_FALSE(LoadSyncRecord(R"({"version":1})").Ok());
    CHECK_FALSE(LoadSyncRecord("not json").Ok());
}
