// bandCircuit.state() as the browser tests read it (README "Automation interface"): the JSON of
// app::AutomationStateJson parsed back, for states reached through the app's own actions over the
// fake browser.
#include "app_fixture.h"

#include "app/automation_state.h"
#include "core/coach.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <string>

using namespace apptest;
using Catch::Matchers::WithinAbs;

// The state of a page as of the fake browser's clocks, parsed; fails the test on invalid JSON.
static rapidjson::Document StateOf(const app::AppState& a, const app::DrawnFacts& drawn = {})
{
    const std::string json = app::AutomationStateJson(a, platform::ReadClock(), drawn);
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    INFO(json);
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    return doc;
}

static std::string Str(const rapidjson::Value& v) { return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : "<not a string>"; }

TEST_CASE("State on the home screen: no session, an empty history, the drawn facts passed through")
{
    platform::native::Reset();
    Browser().StoragePersistence = platform::Persistence_Persistent;
    Browser().Speech = true;
    Page page(0);
    app::DrawnFacts drawn;
    drawn.DarkTheme = true;
    drawn.Focused = "Start";
    drawn.Shape = "landscape";
    drawn.Scale = 1.23456f;
    drawn.WidthCss = 843.6f;
    drawn.HeightCss = 390.0f;
    drawn.SafeArea[0] = 12.34f;
    drawn.SafeArea[3] = 47.0f;
    const rapidjson::Document s = StateOf(page.State, drawn);

    CHECK(Str(s["screen"]) == "home");
    CHECK(Str(s["storage"]) == "ok");
    CHECK(s["session"].IsNull());
    CHECK(s["estimateMs"].GetInt64() == core::PlanTotalMs(core::BuildPlan(page.State.Settings)));
    CHECK_FALSE(s.HasMember("finish"));
    CHECK(s["history"]["sessions"].GetInt() == 0);
    CHECK(s["history"]["streakDays"].GetInt() == 0);
    CHECK(s["history"]["weeklyGoal"].GetInt() == page.State.Settings.WeeklyGoal);
    CHECK(s["lastRecord"].IsNull());
    CHECK(s["keptAside"].IsArray());
    CHECK(s["keptAside"].Size() == 0);
    CHECK(Str(s["persistence"]) == "persistent");
    CHECK(s["updateReady"].IsFalse());
    CHECK(Str(s["theme"]) == "dark");
    CHECK(s["highContrast"].IsFalse());
    CHECK(Str(s["focused"]) == "Start");
    CHECK(s["reducedMotion"].IsFalse());
    CHECK(s["cues"]["vibration"].IsTrue());
    CHECK(s["cues"]["voice"].IsTrue());
    CHECK(s["cues"]["flashes"].GetInt() == 0);
    const rapidjson::Value& layout = s["layout"];
    CHECK(Str(layout["shape"]) == "landscape");
    CHECK_THAT(layout["scale"].GetDouble(), WithinAbs(1.235, 1e-9));  // three decimals, rounded
    CHECK_THAT(layout["width"].GetDouble(), WithinAbs(844.0, 1e-9));  // whole CSS px
    CHECK_THAT(layout["height"].GetDouble(), WithinAbs(390.0, 1e-9));
    CHECK_THAT(layout["safeArea"]["top"].GetDouble(), WithinAbs(12.3, 1e-9));  // one decimal
    CHECK_THAT(layout["safeArea"]["right"].GetDouble(), WithinAbs(0.0, 1e-9));
    CHECK_THAT(layout["safeArea"]["left"].GetDouble(), WithinAbs(47.0, 1e-9));
    CHECK(s["shownExercise"].IsNull());
    CHECK_FALSE(s.HasMember("demo"));
    CHECK(s["notice"].IsNull());

    // The circuit as the browser tests read it: the catalogue's exercises, in order.
    const rapidjson::Value& exercises = s["exercises"];
    REQUIRE(exercises.Size() == (rapidjson::SizeType)core::ExerciseCount);
    for (int i = 0; i < core::ExerciseCount; i++)
    {
        const core::Exercise& exercise = core::GetExercise((core::ExerciseId)i);
        const rapidjson::Value& e = exercises[i];
        INFO(exercise.Key);
        CHECK(Str(e["key"]) == exercise.Key);
        CHECK(Str(e["name"]) == exercise.Name);
        CHECK(Str(e["shortName"]) == exercise.ShortName);
        CHECK(Str(e["band"]) == (exercise.Form == core::BandForm::Loop ? "loop" : "flat"));
        CHECK(Str(e["sides"][0]) == core::SideKey(core::ExerciseSide(exercise, 0)));
        CHECK(Str(e["sides"][1]) == core::SideKey(core::ExerciseSide(exercise, 1)));
        CHECK(e["countMin"].GetInt() == exercise.CountMin);
        CHECK(e["countMax"].GetInt() == exercise.CountMax);
        CHECK(e["repMs"].GetInt() == core::RepDurationMs(exercise));
    }
    CHECK(Str(exercises[0]["style"]) == "alternating");
    CHECK(Str(exercises[1]["style"]) == "per-side");
    CHECK(Str(exercises[2]["style"]) == "one-set");
    CHECK(Str(exercises[3]["style"]) == "directions");
    CHECK(Str(exercises[3]["sides"][1]) == "back");

    app::DrawnFacts unfocused;
    CHECK(StateOf(page.State, unfocused)["focused"].IsNull());
    CHECK(Str(StateOf(page.State, unfocused)["theme"]) == "light");
}

TEST_CASE("State during a session: the step as of the moment of asking, without taking its cues")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = page.Act();
    a.Settings.GetReadySec = 10;
    a.Settings.Mode = core::RunMode::Guided;
    app::StartSession(a, a.Frame.NowMs);
    page.Frame();

    SECTION("the get-ready, counting down between frames")
    {
        Browser().NowMs += 2500.0;  // no frame: state() is asked between frames
        const rapidjson::Document s = StateOf(a);
        const rapidjson::Value& session = s["session"];
        REQUIRE(session.IsObject());
        CHECK(Str(s["screen"]) == "session");
        CHECK(Str(session["mode"]) == "guided");
        CHECK(Str(session["phase"]) == "get-ready");
        CHECK(Str(session["exercise"]) == "deadbug");
        CHECK(session["phaseLeftMs"].GetInt64() == 7500);
        CHECK(session["phaseLengthMs"].GetInt64() == 10000);
        CHECK(session["phaseElapsedMs"].GetInt64() == 2500);
        CHECK(session["elapsedMs"].GetInt64() == 2500);
        CHECK(session["paused"].IsFalse());
        CHECK(session["elsewhere"].IsFalse());
        CHECK(session["canExtend"].IsTrue());
        CHECK(Str(session["tempoPart"]).empty());
        CHECK(session["setup"].IsString());  // the set-up is said before the set
        CHECK(session["step"].GetInt() == 0);
        CHECK(session["steps"].GetInt() == (int)a.Session.Plan.size());
        CHECK(session["rounds"].GetInt() == a.Settings.Rounds);
        CHECK(session["round"].GetInt() == 1);
        CHECK(session["progress"].GetDouble() > 0.0);  // a share of the whole circuit's time
        CHECK(session["progress"].GetDouble() < 0.1);
        // Asking consumed nothing: the countdown tones still play in the frames that reach them.
        CHECK(a.View.PhaseElapsedMs < 100);
        Advance(page, 8000.0);
        CHECK(std::count(Browser().Tones.begin(), Browser().Tones.end(), std::string(core::CueToneKey(core::CueTone_Countdown))) == 3);
    }
    SECTION("a guided set: rep, side and tempo part")
    {
        Advance(page, 12000.0);
        const rapidjson::Document s = StateOf(a);
        const rapidjson::Value& session = s["session"];
        CHECK(Str(session["phase"]) == "work");
        CHECK(session["rep"].GetInt() >= 1);
        CHECK(session["reps"].GetInt() == a.View.Reps);
        CHECK(Str(session["side"]) == core::SideKey(a.View.CurrentSide));
        CHECK(Str(session["tempoPart"]) == a.View.TempoPartName);
        CHECK(session["setup"].IsNull());
        CHECK(session["canExtend"].IsFalse());
        const double progress = session["progress"].GetDouble();
        CHECK(progress > 0.0);
        CHECK_THAT(progress * 1e4, WithinAbs(std::nearbyint(progress * 1e4), 1e-6));  // four decimals
    }
    SECTION("paused: time stands still")
    {
        Advance(page, 4000.0);
        app::PauseSession(a, a.Frame.NowMs);
        const int64_t elapsed = StateOf(a)["session"]["elapsedMs"].GetInt64();
        Browser().NowMs += 60000.0;
        const rapidjson::Document s = StateOf(a);
        CHECK(s["session"]["paused"].IsTrue());
        CHECK(s["session"]["elapsedMs"].GetInt64() == elapsed);
    }
}

TEST_CASE("State of a self-paced set counts up: no time left")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = page.Act();
    a.Settings = ShortSettings();
    app::StartSession(a, a.Frame.NowMs);
    Advance(page, 5000.0);
    const rapidjson::Value& session = StateOf(a)["session"];
    CHECK(Str(session["mode"]) == "self-paced");
    CHECK(Str(session["phase"]) == "work");
    CHECK(session["phaseLeftMs"].IsNull());
    CHECK(session["phaseLengthMs"].GetInt64() == 0);
}

TEST_CASE("State on the finish screen: the record, its save, the week; then a full storage")
{
    platform::native::Reset();
    Page page(0);
    app::AppState& a = DoOneSetAndEnd(page);
    {
        const rapidjson::Document s = StateOf(a);
        CHECK(Str(s["screen"]) == "finish");
        CHECK(s["session"].IsNull());
        REQUIRE(s["finish"].IsObject());
        CHECK(s["finish"]["totalMs"].GetInt64() == a.LastRecord.DurationMs);
        CHECK(s["finish"]["workMs"].GetInt64() == a.LastRecord.WorkMs);
        CHECK(s["finish"]["weekSessions"].GetInt() == 1);
        CHECK(s["finish"]["hasPrevious"].IsFalse());
        CHECK(s["finish"]["suggestions"].IsInt());
        CHECK(Str(s["lastRecord"]["id"]) == a.LastRecord.Id);
        CHECK(Str(s["lastRecord"]["save"]) == "pending");
        CHECK(s["history"]["sessions"].GetInt() == 1);
        CHECK(s["history"]["streakDays"].GetInt() == 1);
    }
    Browser().QuotaBytes = 10;
    page.GrantHistoryLock();
    {
        const rapidjson::Document s = StateOf(a);
        CHECK(Str(s["storage"]) == "full");
        CHECK(Str(s["lastRecord"]["save"]) == "no-space");
    }
    app::Navigate(a, app::Screen_Home);
    const rapidjson::Document s = StateOf(a);
    CHECK_FALSE(s.HasMember("finish"));
    CHECK(s["lastRecord"].IsObject());  // still known after leaving the screen
}

TEST_CASE("State of the exercise page, kept-aside copies and a notice with characters JSON escapes")
{
    platform::native::Reset();
    Browser().Storage[app::SettingsKey] = "{not json";
    Page page(0);
    app::AppState& a = page.Act();
    REQUIRE(a.Storage == app::StorageStatus_Recovered);
    a.Screens.ShownExercise = core::ExerciseId::MonsterWalk;
    a.Screens.ShownSide = core::Side::Forward;
    a.Screens.ShownPhaseOriginMs = a.Frame.NowMs - 1234.5;
    app::Navigate(a, app::Screen_Exercise);
    a.Screens.Notice = "Line \"one\"\n\tback\\slash \x01 — done";
    a.Screens.NoticeIsError = true;

    const rapidjson::Document s = StateOf(a);
    CHECK(Str(s["storage"]) == "recovered");
    REQUIRE(s["keptAside"].Size() == 1);
    CHECK(Str(s["keptAside"][0]).rfind(app::UnreadablePrefix, 0) == 0);
    CHECK(Str(s["shownExercise"]) == "monster-walk");
    CHECK(Str(s["demo"]["side"]) == "forward");
    CHECK(s["demo"]["playing"].IsTrue());
    CHECK(s["demo"]["ms"].GetInt64() == 1234);
    CHECK(s["demo"]["repMs"].GetInt() == 2 * core::RepDurationMs(core::GetExercise(core::ExerciseId::MonsterWalk)));
    CHECK(Str(s["notice"]["text"]) == a.Screens.Notice);
    CHECK(s["notice"]["error"].IsTrue());

    app::SetDemoPlaying(a, false);
    Browser().NowMs += 5000.0;
    CHECK(StateOf(a)["demo"]["ms"].GetInt64() == 1234);  // held while paused
}
