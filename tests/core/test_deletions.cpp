// Deleted sessions: remembered by id in the history (format version 2), so that no import or merge
// brings one back; version 1 histories and files read as ones with nothing deleted.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "core/save_format.h"

#include "session_records.h"

using namespace core;

TEST_CASE("Deletions merge by id, keep the earliest time, and stay sorted", "[deleted]")
{
    const std::vector<Deletion> a = { { "c", 30 }, { "a", 10 } };
    const std::vector<Deletion> b = { { "a", 5 }, { "b", 20 } };
    const std::vector<Deletion> merged = MergeDeletions(a, b);
    REQUIRE(merged == std::vector<Deletion>{ { "a", 5 }, { "b", 20 }, { "c", 30 } });
    CHECK(IsDeleted(merged, "b"));
    CHECK_FALSE(IsDeleted(merged, "d"));
    CHECK_FALSE(IsDeleted({}, "a"));

    std::vector<SessionRecord> sessions = { Record("a", 1), Record("x", 2), Record("c", 3) };
    CHECK(RemoveDeleted(sessions, merged) == 2);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].Id == "x");
}

TEST_CASE("Past the limit, the oldest deletions are forgotten", "[deleted]")
{
    std::vector<Deletion> many;
    for (int i = 0; i < MaxDeletions + 5; i++)
        many.push_back({ "id-" + std::to_string(i), 1000 + i });
    const std::vector<Deletion> kept = MergeDeletions(many, {});
    REQUIRE((int)kept.size() == MaxDeletions);
    CHECK_FALSE(IsDeleted(kept, "id-0"));  // the five oldest
    CHECK_FALSE(IsDeleted(kept, "id-4"));
    CHECK(IsDeleted(kept, "id-5"));
    CHECK(IsDeleted(kept, "id-" + std::to_string(MaxDeletions + 4)));
    CHECK(LoadHistory(SaveHistory({}, kept)).Ok());
}

TEST_CASE("A version 1 history reads as one with nothing deleted and is written as version 2", "[deleted]")
{
    const std::string v1 = R"({"version":1,"sessions":[{"id":"1718000000000-1","started":1718000000000,"ended":1718000900000,)"
                           R"("durationMs":800000,"roundsPlanned":2,"roundsDone":2,"finished":true,"reps":{}}]})";
    const LoadResult<SavedHistory> loaded = LoadHistory(v1);
    REQUIRE(loaded.Ok());
    REQUIRE(loaded.Value.Sessions.size() == 1);
    CHECK(loaded.Value.Deleted.empty());
    CHECK(loaded.Value.BackedUpWallMs == 0);
    const std::string v2 = SaveHistory(loaded.Value.Sessions);
    CHECK(v2.rfind(R"({"version":2,"sessions":[{"id":"1718000000000-1")", 0) == 0);
    CHECK(LoadHistory(v2).Value.Sessions == loaded.Value.Sessions);

    // Version 1 knew neither field: one in a version 1 history is an error, as any unknown field.
    CHECK_FALSE(LoadHistory(R"({"version":1,"sessions":[],"deleted":[]})").Ok());
    CHECK_FALSE(ImportHistory(R"({"app":"band-circuit","kind":"history","version":1,"exported":1,"sessions":[],"deleted":[]})").Ok());
}

TEST_CASE("A history and its file carry their deletions, and a deleted session is left out on reading", "[deleted]")
{
    const std::vector<SessionRecord> sessions = { Record("1-1", 1'700'000'000'000), Record("2-1", 1'700'100'000'000) };
    const std::vector<Deletion> deleted = { { "0-1", 1'700'050'000'000 } };
    const LoadResult<SavedHistory> stored = LoadHistory(SaveHistory(sessions, deleted, 1'700'200'000'000));
    REQUIRE(stored.Ok());
    CHECK(stored.Value.Sessions == sessions);
    CHECK(stored.Value.Deleted == deleted);
    CHECK(stored.Value.BackedUpWallMs == 1'700'200'000'000);

    const LoadResult<SavedHistory> file = ImportHistory(ExportHistory(sessions, 5, deleted));
    REQUIRE(file.Ok());
    CHECK(file.Value.Sessions == sessions);
    CHECK(file.Value.Deleted == deleted);

    // A session both listed and deleted (written by hand, say) reads as deleted.
    const LoadResult<SavedHistory> both = LoadHistory(SaveHistory(sessions, { { "2-1", 9 } }));
    REQUIRE(both.Ok());
    REQUIRE(both.Value.Sessions.size() == 1);
    CHECK(both.Value.Sessions[0].Id == "1-1");
}

TEST_CASE("A broken list of deletions is refused with a reason", "[deleted]")
{
    auto with = [](const std::string& deleted) { return R"({"version":2,"sessions":[],"deleted":)" + deleted + "}"; };
    auto error = [](const std::string& json) { return LoadHistory(json).Error.Message; };
    CHECK(error(with("{}")).find("\"deleted\" must be a list") != std::string::npos);
    CHECK(error(with("[1]")).find("expected an object") != std::string::npos);
    CHECK(error(with(R"([{"id":"a b","at":1}])")).find("\"id\"") != std::string::npos);
    CHECK(error(with(R"([{"id":"a","at":-1}])")).find("\"at\"") != std::string::npos);
    CHECK(error(with(R"([{"id":"a"}])")).find("\"at\" is missing") != std::string::npos);
    CHECK(error(with(R"([{"id":"a","at":1,"why":"x"}])")).find("unknown field") != std::string::npos);
    CHECK(error(R"({"version":2,"sessions":[],"backedUp":"yesterday"})").find("\"backedUp\"") != std::string::npos);
    std::string many = "[";
    for (int i = 0; i <= MaxDeletions; i++)
        many += std::string(i ? "," : "") + R"({"id":"a)" + std::to_string(i) + R"(","at":1})";
    CHECK(error(with(many + "]")).find("more than") != std::string::npos);
    // Repeats are read as one.
    const LoadResult<SavedHistory> twice = LoadHistory(with(R"([{"id":"a","at":5},{"id":"a","at":3}])"));
    REQUIRE(twice.Ok());
    CHECK(twice.Value.Deleted == std::vector<Deletion>{ { "a", 3 } });
}

TEST_CASE("A merge never adds a deleted session back", "[deleted]")
{
    const std::vector<SessionRecord> existing = { Record("1-1", 1'700'000'000'000) };
    const std::vector<SessionRecord> imported = { Record("1-1", 1'700'000'000'000), Record("2-1", 1'700'100'000'000),
                                                  Record("3-1", 1'700'200'000'000) };
    const MergeResult merged = MergeHistory(existing, imported, { { "2-1", 1'700'150'000'000 } });
    CHECK(merged.Added == 1);
    CHECK(merged.AlreadyPresent == 1);
    CHECK(merged.Deleted == 1);
    REQUIRE(merged.Sessions.size() == 2);
    CHECK(merged.Sessions[1].Id == "3-1");
}
