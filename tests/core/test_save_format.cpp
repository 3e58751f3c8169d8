// The save format: saving then loading returns the same value (checked on randomised inputs), and
// every kind of broken input gives a readable error instead of a crash.
#include <catch2/catch_test_macros.hpp>

#include <random>
#include <string>

#include "core/save_format.h"

using namespace core;

// --- Random valid values ------------------------------------------------------------------------

static int RandomInt(std::mt19937& rng, int lo, int hi)
{
    return std::uniform_int_distribution<int>(lo, hi)(rng);
}

static int64_t RandomInt64(std::mt19937& rng, int64_t lo, int64_t hi)
{
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
}

static Settings RandomSettings(std::mt19937& rng)
{
    Settings s = DefaultSettings();
    s.Rounds = RandomInt(rng, MinRounds, MaxRounds);
    for (int& reps : s.Reps)
        reps = RandomInt(rng, MinReps, MaxReps);
    s.Mode = RandomInt(rng, 0, 1) ? RunMode::SelfPaced : RunMode::Guided;
    s.GetReadySec = RandomInt(rng, 0, MaxGetReadySec);
    s.SwitchSidesSec = RandomInt(rng, 0, MaxSwitchSidesSec);
    s.RestSec = RandomInt(rng, 0, MaxRestSec);
    s.RoundRestSec = RandomInt(rng, 0, MaxRoundRestSec);
    s.CueSound = RandomInt(rng, 0, 1);
    s.CueVoice = RandomInt(rng, 0, 1);
    s.CueVibration = RandomInt(rng, 0, 1);
    s.CueFlash = RandomInt(rng, 0, 1);
    s.ColorTheme = (Theme)RandomInt(rng, 0, 2);
    return s;
}

static SessionRecord RandomRecord(std::mt19937& rng, int index)
{
    SessionRecord r = {};
    r.StartedWallMs = RandomInt64(rng, 0, MaxWallMs / 2);
    r.EndedWallMs = r.StartedWallMs + RandomInt64(rng, 0, 3'600'000);
    r.Id = std::to_string(r.StartedWallMs) + "-" + std::to_string(index);
    r.DurationMs = RandomInt64(rng, 0, MaxActiveMs);
    r.RoundsPlanned = RandomInt(rng, MinRounds, MaxRounds);
    r.RoundsDone = RandomInt(rng, 0, r.RoundsPlanned);
    r.Finished = RandomInt(rng, 0, 1);
    r.HasTzOffset = RandomInt(rng, 0, 1);
    r.TzOffsetMinutes = r.HasTzOffset ? RandomInt(rng, -MaxTzOffsetMinutes, MaxTzOffsetMinutes) : 0;
    for (int i = 0; i < ExerciseCount; i++)
        for (int s = 0; s < 2; s++)
            r.RepsDone[i][(int)ExerciseSide(GetExercise((ExerciseId)i), s)] = RandomInt(rng, 0, MaxRepsRecorded);
    return r;
}

// A session in progress as the timer makes it: random settings, random actions at random times.
static SessionInProgress RandomSession(std::mt19937& rng)
{
    Timer timer = MakeTimer(RandomSettings(rng));
    int64_t now = RandomInt64(rng, 0, 1'000'000);
    Start(timer, now, RandomInt64(rng, 0, MaxWallMs), "s-" + std::to_string(RandomInt(rng, 0, 1000)));
    const int actions = RandomInt(rng, 0, 30);
    for (int i = 0; i < actions; i++)
    {
        now += RandomInt64(rng, 0, 120'000);
        switch (RandomInt(rng, 0, 7))
        {
        case 0: Pause(timer, now); break;
        case 1: Resume(timer, now); break;
        case 2: Skip(timer, now); break;
        case 3: Back(timer, now); break;
        case 4: Done(timer, now); break;
        case 5:
            if (RandomInt(rng, 0, 5) == 0)
                EndEarly(timer, now);
            break;
        default: Update(timer, now, nullptr); break;
        }
    }
    SessionInProgress session = SnapshotSession(timer, now + RandomInt64(rng, 0, 60'000));
    if (RandomInt(rng, 0, 1))
        session.Owner = "tab-" + std::to_string(RandomInt(rng, 0, 1'000'000));
    return session;
}

TEST_CASE("Save then load returns the same value (randomised)", "[save]")
{
    std::mt19937 rng(20240611);
    SECTION("settings")
    {
        for (int n = 0; n < 300; n++)
        {
            const Settings settings = RandomSettings(rng);
            const LoadResult<Settings> loaded = LoadSettings(SaveSettings(settings));
            REQUIRE(loaded.Ok());
            REQUIRE(loaded.Value == settings);
        }
    }
    SECTION("sessions in progress")
    {
        for (int n = 0; n < 300; n++)
        {
            const SessionInProgress session = RandomSession(rng);
            REQUIRE(CheckSessionInProgress(session) == nullptr);
            const std::string json = SaveSessionInProgress(session);
            const LoadResult<SessionInProgress> loaded = LoadSessionInProgress(json);
            CAPTURE(json, loaded.Error.Message);
            REQUIRE(loaded.Ok());
            REQUIRE(loaded.Value == session);
        }
    }
    SECTION("history and its export file")
    {
        for (int n = 0; n < 300; n++)
        {
            std::vector<SessionRecord> history;
            const int count = RandomInt(rng, 0, 12);
            for (int i = 0; i < count; i++)
                history.push_back(RandomRecord(rng, i));
            const LoadResult<SavedHistory> loaded = LoadHistory(SaveHistory(history));
            REQUIRE(loaded.Ok());
            REQUIRE(loaded.Value.Sessions == history);
            const LoadResult<SavedHistory> imported = ImportHistory(ExportHistory(history, 1'718'000'000'000LL));
            REQUIRE(imported.Ok());
            REQUIRE(imported.Value.Sessions == history);
        }
    }
}

TEST_CASE("The stored shapes are the documented ones", "[save]")
{
    const std::string settings = SaveSettings(DefaultSettings());
    REQUIRE(settings ==
            R"({"version":1,"rounds":2,"mode":"guided","reps":{"deadbug":10,"dorsiflexion":10,"trap-pull":10,"monster-walk":20,"russian-twist":12},)"
            R"("getReadySec":10,"switchSidesSec":5,"restSec":15,"roundRestSec":60,"cues":{"sound":true,"voice":true,"vibration":true,"flash":false,)"
            R"("volume":80,"repCount":"every"},"theme":"system","bandChangeRestSec":30,"weeklyGoal":2,)"
            R"("bands":{"deadbug":"none","dorsiflexion":"none","trap-pull":"none","monster-walk":"none","russian-twist":"none"},"language":"","textSize":0})");
    const std::string exported = ExportHistory({}, 5);
    REQUIRE(exported == R"({"app":"band-circuit","kind":"history","version":2,"exported":5,"sessions":[]})");
    REQUIRE(SaveHistory({}) == R"({"version":2,"sessions":[]})");
    REQUIRE(SaveHistory({}, { { "1718000000000-1", 1718000900000 } }, 1718001000000) ==
            R"({"version":2,"sessions":[],"deleted":[{"id":"1718000000000-1","at":1718000900000}],"backedUp":1718001000000})");
}

TEST_CASE("Version 0 settings are migrated", "[save]")
{
    const char* v0 = R"({"rounds":3,"mode":"self-paced","reps":{"deadbug":11,"dorsiflexion":10,"trap-pull":12,"monster-walk":20,"russian-twist":15},)"
                     R"("getReadySec":10,"switchSidesSec":5,"restSec":20,"roundRestSec":90})";
    for (std::string json : { std::string(v0), "{\"version\":0," + std::string(v0 + 1) })
    {
        const LoadResult<Settings> loaded = LoadSettings(json);
        CAPTURE(json, loaded.Error.Message);
        REQUIRE(loaded.Ok());
        REQUIRE(loaded.Value.Rounds == 3);
        REQUIRE(loaded.Value.Mode == RunMode::SelfPaced);
        REQUIRE(loaded.Value.Reps[(int)ExerciseId::RussianTwist] == 15);
        REQUIRE(loaded.Value.RoundRestSec == 90);
        REQUIRE(loaded.Value.CueSound);
        REQUIRE(loaded.Value.CueVoice);
        REQUIRE(loaded.Value.CueVibration);
        REQUIRE_FALSE(loaded.Value.CueFlash);
        REQUIRE(loaded.Value.ColorTheme == Theme::System);
        // Saved again, it is version 1 and loads the same.
        REQUIRE(LoadSettings(SaveSettings(loaded.Value)).Value == loaded.Value);
    }
    SECTION("version 0 never had cues: a v0 object with them is wrong")
    {
        const std::string json = std::string(v0).substr(0, std::string(v0).size() - 1) + R"(,"theme":"dark"})";
        REQUIRE_FALSE(LoadSettings(json).Ok());
    }
}

// Replaces the first occurrence of `from` in `text` by `to`.
static std::string Replace(std::string text, const std::string& from, const std::string& to)
{
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

template <typename T>
static void RequireError(const LoadResult<T>& result, const char* expected_part)
{
    CAPTURE(result.Error.Message);
    REQUIRE_FALSE(result.Ok());
    REQUIRE(result.Error.Message.find(expected_part) != std::string::npos);
}

// Data saved before the voice coach, band changes and weekly goals: still loads, new fields at defaults.
TEST_CASE("Version 1 data without the newer fields loads with their defaults", "[save]")
{
    const char* settings = R"({"version":1,"rounds":3,"mode":"guided","reps":{"deadbug":11,"dorsiflexion":10,"trap-pull":12,"monster-walk":20,"russian-twist":15},)"
                           R"("getReadySec":5,"switchSidesSec":5,"restSec":15,"roundRestSec":60,"cues":{"sound":true,"voice":false,"vibration":true,"flash":false},"theme":"dark"})";
    const LoadResult<Settings> loaded = LoadSettings(settings);
    CAPTURE(loaded.Error.Message);
    REQUIRE(loaded.Ok());
    REQUIRE(loaded.Value.Rounds == 3);
    REQUIRE(loaded.Value.GetReadySec == 5);  // what the runner had stays
    REQUIRE_FALSE(loaded.Value.CueVoice);
    REQUIRE(loaded.Value.BandChangeRestSec == 30);
    REQUIRE(loaded.Value.CountReps == RepCount::EveryRep);
    REQUIRE(loaded.Value.CueVolume == 80);
    REQUIRE(loaded.Value.WeeklyGoal == 2);
    REQUIRE(loaded.Value.Band[0] == BandStrength::None);
    REQUIRE(LoadSettings(SaveSettings(loaded.Value)).Value == loaded.Value);

    const char* history = R"({"version":1,"sessions":[{"id":"1718000000000-1","started":1718000000000,"ended":1718000900000,"durationMs":800000,)"
                          R"("roundsPlanned":2,"roundsDone":2,"finished":true,"reps":{"deadbug":{"left":20,"right":20},"trap-pull":{"left":20,"right":20}}}]})";
    const LoadResult<SavedHistory> old = LoadHistory(history);
    CAPTURE(old.Error.Message);
    REQUIRE(old.Ok());
    REQUIRE(old.Value.Sessions[0].WorkMs == 0);
    REQUIRE(old.Value.Sessions[0].Bands[2] == BandStrength::None);
    REQUIRE(old.Value.Sessions[0].RepsDone[(int)ExerciseId::TrapPull][(int)Side::Left] == 20);
}

TEST_CASE("The new settings and record fields round-trip and are checked", "[save]")
{
    Settings settings = DefaultSettings();
    settings.BandChangeRestSec = 45;
    settings.CountReps = RepCount::EveryFive;
    settings.CueVolume = 30;
    settings.WeeklyGoal = 3;
    settings.Band[(int)ExerciseId::MonsterWalk] = BandStrength::Heavy;
    const std::string json = SaveSettings(settings);
    REQUIRE(LoadSettings(json).Value == settings);
    RequireError(LoadSettings(Replace(json, "\"repCount\":\"five\"", "\"repCount\":\"ten\"")), "\"repCount\"");
    RequireError(LoadSettings(Replace(json, "\"volume\":30", "\"volume\":101")), "\"volume\"");
    RequireError(LoadSettings(Replace(json, "\"weeklyGoal\":3", "\"weeklyGoal\":0")), "\"weeklyGoal\"");
    RequireError(LoadSettings(Replace(json, "\"bandChangeRestSec\":45", "\"bandChangeRestSec\":-1")), "\"bandChangeRestSec\"");
    RequireError(LoadSettings(Replace(json, "\"monster-walk\":\"heavy\"", "\"monster-walk\":\"purple\"")), "\"bands\"");
    RequireError(LoadSettings(Replace(json, "\"bands\":{", "\"bands\":{\"plank\":\"light\",")), "unknown field \"plank\"");

    SessionRecord record = {};
    record.Id = "5-1";
    record.StartedWallMs = 5;
    record.EndedWallMs = 900000;
    record.DurationMs = 800000;
    record.WorkMs = 500000;
    record.RoundsPlanned = 2;
    record.RoundsDone = 2;
    record.Finished = true;
    record.Bands[(int)ExerciseId::Deadbug] = BandStrength::Light;
    const std::string history = SaveHistory({ record });
    const LoadResult<SavedHistory> loaded = LoadHistory(history);
    REQUIRE(loaded.Ok());
    REQUIRE(loaded.Value.Sessions[0] == record);
    RequireError(LoadHistory(Replace(history, "\"workMs\":500000", "\"workMs\":900000")), "more work time");
}

TEST_CASE("Bad input gives a clear error, never a crash", "[save]")
{
    const std::string settings = SaveSettings(DefaultSettings());
    SessionRecord record = {};
    record.Id = "1718000000000-1";
    record.StartedWallMs = 1'718'000'000'000LL;
    record.EndedWallMs = record.StartedWallMs + 900'000;
    record.DurationMs = 840'000;
    record.RoundsPlanned = 2;
    record.RoundsDone = 2;
    record.Finished = true;
    const std::string history = SaveHistory({ record });
    Timer timer = MakeTimer(DefaultSettings());
    Start(timer, 0, record.StartedWallMs, record.Id);
    Update(timer, 100'000, nullptr);
    const std::string session = SaveSessionInProgress(SnapshotSession(timer, 100'000));
    REQUIRE(LoadSessionInProgress(session).Ok());

    SECTION("empty input")
    {
        RequireError(LoadSettings(""), "empty");
        RequireError(LoadHistory(""), "empty");
        RequireError(LoadSessionInProgress(""), "empty");
        RequireError(ImportHistory(""), "empty");
    }
    SECTION("every truncation of a valid save")
    {
        for (size_t n = 0; n < settings.size(); n++)
            REQUIRE_FALSE(LoadSettings(settings.substr(0, n)).Ok());
        for (size_t n = 0; n < history.size(); n++)
            REQUIRE_FALSE(LoadHistory(history.substr(0, n)).Ok());
        for (size_t n = 0; n < session.size(); n++)
            REQUIRE_FALSE(LoadSessionInProgress(session.substr(0, n)).Ok());
        RequireError(LoadSettings(settings.substr(0, 20)), "not valid JSON");
    }
    SECTION("not an object, trailing garbage")
    {
        RequireError(LoadSettings("[]"), "expected a JSON object");
        RequireError(LoadSettings("42"), "expected a JSON object");
        RequireError(LoadSettings(settings + "x"), "not valid JSON");
        RequireError(LoadSettings(settings + settings), "not valid JSON");
    }
    SECTION("wrong types")
    {
        RequireError(LoadSettings(Replace(settings, "\"rounds\":2", "\"rounds\":\"2\"")), "\"rounds\" must be a whole number");
        RequireError(LoadSettings(Replace(settings, "\"rounds\":2", "\"rounds\":2.5")), "\"rounds\"");
        RequireError(LoadSettings(Replace(settings, "\"sound\":true", "\"sound\":1")), "\"sound\" must be true or false");
        RequireError(LoadSettings(Replace(settings, "\"theme\":\"system\"", "\"theme\":null")), "\"theme\"");
        RequireError(LoadSettings(Replace(settings, "\"theme\":\"system\"", "\"theme\":\"purple\"")), "\"theme\"");
        RequireError(LoadSettings(Replace(settings, "\"mode\":\"guided\"", "\"mode\":\"fast\"")), "\"mode\"");
        RequireError(LoadSettings(Replace(settings, R"("reps":{"deadbug":10,"dorsiflexion":10,"trap-pull":10,"monster-walk":20,"russian-twist":12})", R"("reps":[])")),
                     "\"reps\" must be an object");
        RequireError(LoadHistory(Replace(history, "\"sessions\":[", "\"sessions\":{\"a\":[")), "not valid JSON");
        RequireError(LoadHistory(R"({"version":1,"sessions":{}})"), "\"sessions\" must be a list");
        RequireError(LoadHistory(R"({"version":1,"sessions":[1]})"), "session 1: expected an object");
        RequireError(LoadHistory(Replace(history, "\"finished\":true", "\"finished\":\"yes\"")), "\"finished\"");
        RequireError(LoadSessionInProgress(Replace(session, "\"stepReps\":[", "\"stepReps\":[\"a\",")), "\"stepReps\"");
    }
    SECTION("missing, unknown and repeated fields")
    {
        RequireError(LoadSettings(Replace(settings, "\"rounds\":2,", "")), "\"rounds\" is missing");
        RequireError(LoadSettings(Replace(settings, "\"rounds\":2,", "\"rounds\":2,\"colour\":1,")), "unknown field \"colour\"");
        RequireError(LoadSettings(Replace(settings, "\"rounds\":2,", "\"rounds\":2,\"rounds\":3,")), "appears twice");
        RequireError(LoadHistory(Replace(history, "\"id\":", "\"extra\":0,\"id\":")), "unknown field");
        RequireError(LoadHistory(SaveHistory({ record, record })), "appears twice");
    }
    SECTION("negative or huge numbers")
    {
        RequireError(LoadSettings(Replace(settings, "\"restSec\":15", "\"restSec\":-1")), "\"restSec\" must be a whole number from 0 to 600");
        RequireError(LoadSettings(Replace(settings, "\"restSec\":15", "\"restSec\":99999999999999999999999")), "\"restSec\"");
        RequireError(LoadSettings(Replace(settings, "\"rounds\":2", "\"rounds\":11")), "\"rounds\"");
        RequireError(LoadSettings(Replace(settings, "\"deadbug\":10", "\"deadbug\":0")), "\"deadbug\"");
        RequireError(LoadHistory(Replace(history, "\"durationMs\":840000", "\"durationMs\":-5")), "\"durationMs\"");
        RequireError(LoadHistory(Replace(history, "\"durationMs\":840000", "\"durationMs\":9223372036854775807")), "\"durationMs\"");
        RequireError(LoadHistory(Replace(history, "\"started\":1718000000000", "\"started\":1718000900001")), "ends before it starts");
        RequireError(LoadHistory(Replace(history, "\"roundsDone\":2", "\"roundsDone\":3")), "more rounds done than planned");
        RequireError(LoadHistory(Replace(history, "\"left\":0", "\"left\":100000")), "\"left\"");
        RequireError(LoadSessionInProgress(Replace(session, "\"activeMs\":100000", "\"activeMs\":-100000")), "\"activeMs\"");
        RequireError(LoadSessionInProgress(Replace(session, "\"activeMs\":100000", "\"activeMs\":1")), "out of order");
        RequireError(LoadSessionInProgress(Replace(session, "\"stepIndex\":", "\"stepIndex\":9")), "session in progress");
        RequireError(LoadSessionInProgress(Replace(session, "\"rounds\":2", "\"rounds\":3")), "reps done do not match");
    }
    SECTION("unknown versions")
    {
        RequireError(LoadSettings(Replace(settings, "\"version\":1", "\"version\":2")), "newer Band Circuit");
        RequireError(LoadSettings(Replace(settings, "\"version\":1", "\"version\":-1")), "unknown format version");
        RequireError(LoadSettings(Replace(settings, "\"version\":1", "\"version\":\"1\"")), "\"version\"");
        RequireError(LoadHistory(Replace(history, "\"version\":2", "\"version\":7")), "newer Band Circuit");
        RequireError(LoadHistory(Replace(history, "\"version\":2,", "")), "\"version\" must be 1 or 2");
        RequireError(LoadSessionInProgress(Replace(session, "\"version\":1", "\"version\":3")), "newer");
    }
    SECTION("unknown exercise or side")
    {
        RequireError(LoadSettings(Replace(settings, "\"deadbug\"", "\"plank\"")), "unknown field \"plank\"");
        RequireError(LoadHistory(Replace(history, "\"deadbug\"", "\"plank\"")), "unknown exercise \"plank\"");
        RequireError(LoadHistory(Replace(history, "\"forward\"", "\"left\"")), "\"left\"");
        RequireError(LoadHistory(Replace(history, "\"deadbug\":{", "\"deadbug\":{},\"dorsiflexion\":{},\"x\":{")), "");
    }
    SECTION("long strings and bad ids")
    {
        const std::string huge(10 * 1024 * 1024, 'a');
        RequireError(LoadSettings("{\"mode\":\"" + huge + "\"}"), "too large");
        RequireError(LoadHistory(Replace(history, "\"id\":\"1718000000000-1\"", "\"id\":\"" + std::string(65, 'x') + "\"")), "\"id\"");
        RequireError(LoadHistory(Replace(history, "\"id\":\"1718000000000-1\"", "\"id\":\"\"")), "\"id\"");
        RequireError(LoadHistory(Replace(history, "\"id\":\"1718000000000-1\"", "\"id\":\"a b\"")), "\"id\"");
        RequireError(LoadHistory(Replace(history, "\"id\":\"1718000000000-1\"", "\"id\":\"a\\u0000b\"")), "\"id\"");
        RequireError(LoadSettings(Replace(settings, "\"mode\":\"guided\"", "\"mode\":\"" + std::string(100000, 'g') + "\"")), "\"mode\"");
        REQUIRE(MaxSaveInputBytes == 2 * 1024 * 1024);
        RequireError(LoadHistory(std::string(MaxSaveInputBytes + 1, ' ')), "too large");
    }
    SECTION("deep nesting and huge lists are refused before a tree is built")
    {
        RequireError(LoadSettings(std::string(100000, '[')), "nested deeper");
        RequireError(LoadSettings(std::string(100000, '[') + std::string(100000, ']')), "nested deeper");
        std::string objects;
        for (int i = 0; i < 100000; i++)
            objects += "{\"a\":";
        RequireError(LoadHistory(objects), "nested deeper");
        RequireError(LoadHistory(R"({"version":1,"sessions":[[[[[[[[[[[]]]]]]]]]]]})"), "nested deeper");
        RequireError(LoadHistory(R"({"version":1,"sessions":[[[]]]})"), "expected an object");
        std::string zeros = "{\"version\":1,\"sessions\":[0";
        for (int i = 0; i < 500000; i++)
            zeros += ",0";
        RequireError(LoadHistory(zeros + "]}"), "more than");
        RequireError(ImportHistory(zeros + "]}"), "more than");
    }
    SECTION("bytes that are not UTF-8")
    {
        RequireError(LoadSettings(Replace(settings, "\"guided\"", "\"gu\xff\xfe"
                                                                  "ded\"")),
                     "not valid JSON");
        RequireError(LoadHistory(Replace(history, "\"1718000000000-1\"", "\"\xc3\x28\"")), "not valid JSON");
        RequireError(LoadSettings(std::string("\0\0\0\0", 4)), "not valid JSON");
        RequireError(LoadSettings(std::string("{\"a\":1}\0", 8)), "NUL byte");
        RequireError(LoadSettings(settings + std::string("\0garbage", 8)), "NUL byte");
    }
    SECTION("an export file of something else")
    {
        RequireError(ImportHistory(settings), "not a Band Circuit history export");
        RequireError(ImportHistory(R"({"app":"band-circuit","kind":"settings","version":1,"exported":1,"sessions":[]})"), "not a Band Circuit history export");
        RequireError(ImportHistory(R"({"app":"band-circuit","kind":"history","version":1,"sessions":[]})"), "\"exported\" is missing");
        REQUIRE(ImportHistory(R"({"app":"band-circuit","kind":"history","version":1,"exported":1,"sessions":[]})").Ok());
    }
}

TEST_CASE("Merging imported history keeps every existing session", "[save]")
{
    std::mt19937 rng(7);
    std::vector<SessionRecord> existing, imported;
    for (int i = 0; i < 5; i++)
        existing.push_back(RandomRecord(rng, i));
    SessionRecord changed = existing[2];
    changed.Finished = !changed.Finished;
    changed.DurationMs += 1;
    imported.push_back(changed);  // same id, different content: the existing one stays
    imported.push_back(RandomRecord(rng, 100));
    imported.push_back(RandomRecord(rng, 101));
    imported.push_back(imported.back());  // twice in the import: added once

    const MergeResult merged = MergeHistory(existing, imported);
    REQUIRE(merged.Added == 2);
    REQUIRE(merged.AlreadyPresent == 2);
    REQUIRE(merged.Dropped == 0);
    REQUIRE(merged.Sessions.size() == 7);
    for (size_t i = 0; i < existing.size(); i++)
        REQUIRE(merged.Sessions[i] == existing[i]);
    REQUIRE(merged.Sessions[5].StartedWallMs <= merged.Sessions[6].StartedWallMs);
    REQUIRE(LoadHistory(SaveHistory(merged.Sessions)).Ok());

    SECTION("merging the same import again changes nothing")
    {
        const MergeResult again = MergeHistory(merged.Sessions, imported);
        REQUIRE(again.Added == 0);
        REQUIRE(again.Sessions == merged.Sessions);
    }
    SECTION("the history never grows past its limit")
    {
        std::vector<SessionRecord> full(MaxHistorySessions, existing[0]);
        for (int i = 0; i < MaxHistorySessions; i++)
            full[i].Id = "full-" + std::to_string(i);
        const MergeResult capped = MergeHistory(full, imported);
        REQUIRE(capped.Sessions.size() == (size_t)MaxHistorySessions);
        REQUIRE(capped.Dropped == 3);
        const std::string json = SaveHistory(capped.Sessions);
        REQUIRE(json.size() <= MaxSaveInputBytes);
        REQUIRE(LoadHistory(json).Ok());
    }
}

// --- Settings with the time of each change (two pages writing from outdated copies)

TEST_CASE("Stamped settings: saved and read back; settings without stamps read as never changed here")
{
    StampedSettings stamped;
    stamped.Values.Rounds = 3;
    stamped.ChangedAt = { { "rounds", 1700000000000 }, { "cues.sound", 1700000000500 } };
    const std::string json = SaveStampedSettings(stamped);
    const LoadResult<StampedSettings> loaded = LoadStampedSettings(json);
    REQUIRE(loaded.Ok());
    CHECK(loaded.Value == stamped);

    const LoadResult<StampedSettings> plain = LoadStampedSettings(SaveSettings(stamped.Values));
    REQUIRE(plain.Ok());
    CHECK(plain.Value.Values == stamped.Values);
    CHECK(plain.Value.ChangedAt.empty());
    CHECK(SaveStampedSettings({ stamped.Values, {} }) == SaveSettings(stamped.Values));

    RequireError(LoadStampedSettings(Replace(json, "\"rounds\":1700000000000", "\"rounds\":-1")), "\"rounds\"");
    RequireError(LoadStampedSettings(Replace(json, "\"rounds\":1700000000000", "\"rounds\":\"soon\"")), "\"rounds\"");
    RequireError(LoadStampedSettings(Replace(json, "\"changedAt\":{", "\"changedAt\":[],\"x\":{")), "\"changedAt\"");
    std::string many = "{";
    for (int i = 0; i < 65; i++)
        many += (i ? ",\"f" : "\"f") + std::to_string(i) + "\":1";
    RequireError(LoadStampedSettings(Replace(SaveSettings(stamped.Values), "{\"version\"", "{\"changedAt\":" + many + "},\"version\"")), "\"changedAt\"");
}

TEST_CASE("Stamped settings: a change is stamped with its path; the later change of each setting wins, in either page")
{
    StampedSettings base;
    Settings changed = base.Values;
    changed.Rounds = 3;
    changed.CueSound = !changed.CueSound;
    const StampedSettings one = StampChanges(base, changed, 1000);
    CHECK(one.ChangedAt == std::map<std::string, int64_t>{ { "rounds", 1000 }, { "cues.sound", 1000 } });

    Settings other = base.Values;  // the other page, from a copy without one's change
    other.Mode = RunMode::SelfPaced;
    other.Rounds = 1;
    StampedSettings two = StampChanges(base, other, 2000);
    two.ChangedAt["rounds"] = 500;  // its rounds changed before one's

    const StampedSettings a = LaterOfEach(one, two), b = LaterOfEach(two, one);
    CHECK(a == b);
    CHECK(a.Values.Rounds == 3);
    CHECK(a.Values.Mode == RunMode::SelfPaced);
    CHECK(a.Values.CueSound == changed.CueSound);
    CHECK(a.ChangedAt.at("rounds") == 1000);
    CHECK(a.ChangedAt.at("mode") == 2000);

    // The same moment in both: the same choice in both.
    StampedSettings x = StampChanges(base, changed, 3000), y = StampChanges(base, other, 3000);
    CHECK(LaterOfEach(x, y).Values.Rounds == LaterOfEach(y, x).Values.Rounds);
    // A setting neither changed: what is stored stands.
    StampedSettings stored = base;
    stored.Values.WeeklyGoal = 5;
    CHECK(LaterOfEach(base, stored).Values.WeeklyGoal == 5);
}

// --- A session in progress from the version whose trap pull was two sets a round

// A snapshot as that version saved it: today's plan with each trap pull set taken three times
// (first arm, switch, second arm), standing at old step `at` with every set before it done in full.
static SessionInProgress TwoSetTrapPullSession(const Settings& settings, int at, int first_arm_reps, int64_t* trap_pull_step)
{
    const std::vector<Step> plan = BuildPlan(settings);
    SessionInProgress s = {};
    s.Id = "1733500000000-1";
    s.StartedWallMs = 1733500000000;
    s.PlanSettings = settings;
    int old_index = 0;
    for (int i = 0; i < (int)plan.size(); i++)
    {
        const bool trap = plan[i].StepPhase == Phase::Work && plan[i].Exercise == ExerciseId::TrapPull;
        if (trap && *trap_pull_step < 0)
            *trap_pull_step = i;
        for (int part = 0; part < (trap ? 3 : 1); part++, old_index++)
        {
            int reps = old_index < at ? plan[i].TargetReps : 0;
            if (trap && part == 1)
                reps = 0;  // the switch
            if (trap && part == 0 && old_index <= at)
                reps = first_arm_reps;
            s.StepRepsDone.push_back(reps);
        }
    }
    s.StepIndex = s.HighestStepReached = at;
    s.ActiveMs = s.DeliveredUntilActiveMs = 300000;
    s.StepStartActiveMs = 299000;
    s.WorkMs = 100000;
    return s;
}

TEST_CASE("A session in progress saved while the trap pull was two sets a round is read into today's plan", "[save]")
{
    Settings settings = DefaultSettings();
    settings.Mode = RunMode::SelfPaced;  // sets count up: no set has run past its end
    const std::vector<Step> plan = BuildPlan(settings);
    int64_t trap = -1;
    TwoSetTrapPullSession(settings, 0, 0, &trap);
    REQUIRE(trap > 0);
    const int first_arm = (int)trap, at_switch = first_arm + 1, second_arm = first_arm + 2;

    // At the switch, the first arm done: the set counts as done, the session stands after it.
    {
        int64_t ignored = -1;
        const SessionInProgress old = TwoSetTrapPullSession(settings, at_switch, 7, &ignored);
        REQUIRE(old.StepRepsDone.size() == plan.size() + 2 * (size_t)settings.Rounds);
        const LoadResult<SessionInProgress> loaded = LoadSessionInProgress(SaveSessionInProgress(old));
        REQUIRE(loaded.Ok());
        CHECK(loaded.Value.StepRepsDone.size() == plan.size());
        CHECK(loaded.Value.StepIndex == trap + 1);
        CHECK(loaded.Value.StepRepsDone[(size_t)trap] == 7);
        CHECK(loaded.Value.StepRepsDone[(size_t)trap - 1] == 0);  // no rep is invented elsewhere
        CHECK(loaded.Value.StepStartActiveMs == old.DeliveredUntilActiveMs);
        CHECK(loaded.Value.ActiveMs == old.ActiveMs);
        CHECK(loaded.Value.WorkMs == old.WorkMs);
        CHECK(RestoreSession(loaded.Value, 0).Started);
    }
    // At the second arm: the same.
    {
        int64_t ignored = -1;
        const LoadResult<SessionInProgress> loaded = LoadSessionInProgress(SaveSessionInProgress(TwoSetTrapPullSession(settings, second_arm, 7, &ignored)));
        REQUIRE(loaded.Ok());
        CHECK(loaded.Value.StepIndex == trap + 1);
    }
    // At the first arm: the set starts again.
    {
        int64_t ignored = -1;
        const LoadResult<SessionInProgress> loaded = LoadSessionInProgress(SaveSessionInProgress(TwoSetTrapPullSession(settings, first_arm, 3, &ignored)));
        REQUIRE(loaded.Ok());
        CHECK(loaded.Value.StepIndex == trap);
        CHECK(loaded.Value.StepRepsDone[(size_t)trap] == 0);
    }
    // Before the trap pull: every step keeps its place.
    {
        int64_t ignored = -1;
        const LoadResult<SessionInProgress> loaded = LoadSessionInProgress(SaveSessionInProgress(TwoSetTrapPullSession(settings, 2, 0, &ignored)));
        REQUIRE(loaded.Ok());
        CHECK(loaded.Value.StepIndex == 2);
    }
    // A list of reps that fits neither plan is still refused.
    {
        int64_t ignored = -1;
        SessionInProgress odd = TwoSetTrapPullSession(settings, 2, 0, &ignored);
        odd.StepRepsDone.push_back(0);
        CHECK_FALSE(LoadSessionInProgress(SaveSessionInProgress(odd)).Ok());
    }
}
