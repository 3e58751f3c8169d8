// The circuit timer: time comes only from the clock passed in, so polling every millisecond and
// polling once after a long gap must agree exactly, pauses must remove exactly the paused time,
// and a saved and restored session must continue without a repeated or a missed cue.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <random>
#include <string>

#include "core/save_format.h"
#include "core/timer.h"

using namespace core;
using Catch::Matchers::WithinAbs;

static void RequireSameView(const TimerView& a, const TimerView& b)
{
    REQUIRE(a.Started == b.Started);
    REQUIRE(a.Paused == b.Paused);
    REQUIRE(a.Finished == b.Finished);
    REQUIRE(a.EndedEarly == b.EndedEarly);
    REQUIRE(a.StepIndex == b.StepIndex);
    REQUIRE(a.StepCount == b.StepCount);
    REQUIRE(a.StepPhase == b.StepPhase);
    REQUIRE(a.Round == b.Round);
    REQUIRE(a.Rounds == b.Rounds);
    REQUIRE(a.Exercise == b.Exercise);
    REQUIRE(a.CurrentSide == b.CurrentSide);
    REQUIRE(a.Rep == b.Rep);
    REQUIRE(a.Reps == b.Reps);
    REQUIRE(a.TempoPart == b.TempoPart);
    REQUIRE(std::string(a.TempoPartName) == b.TempoPartName);
    REQUIRE(a.RepPhase == b.RepPhase);
    REQUIRE(a.CountingUp == b.CountingUp);
    REQUIRE(a.PhaseElapsedMs == b.PhaseElapsedMs);
    REQUIRE(a.PhaseLeftMs == b.PhaseLeftMs);
    REQUIRE(a.ActiveMs == b.ActiveMs);
    REQUIRE(a.Progress == b.Progress);
}

static int64_t PlanDurationMs(const std::vector<Step>& plan)
{
    int64_t total = 0;
    for (const Step& step : plan)
        total += step.DurationMs;
    return total;
}

static int CountCues(const std::vector<CueEvent>& events, CueKind kind)
{
    int n = 0;
    for (const CueEvent& e : events)
        n += e.Kind == kind;
    return n;
}

constexpr int64_t T0 = 1'000'000;  // an arbitrary monotonic clock reading at Start()
constexpr int64_t Wall0 = 1'718'000'000'000LL;

TEST_CASE("Polling every millisecond and once after a 10-minute gap agree exactly", "[timer]")
{
    const Settings settings = DefaultSettings();
    Timer fine = MakeTimer(settings);
    Timer coarse = MakeTimer(settings);
    const int64_t total = PlanDurationMs(fine.Plan);
    REQUIRE(total > 12 * 60 * 1000);
    REQUIRE(Start(fine, T0, Wall0, "a"));
    REQUIRE(Start(coarse, T0, Wall0, "a"));

    std::vector<CueEvent> fine_events, coarse_events;
    const int64_t gap = 10 * 60 * 1000;
    TimerView fine_view = {};
    for (int64_t t = 0; t <= gap; t++)
        fine_view = Update(fine, T0 + t, &fine_events);
    TimerView coarse_view = Update(coarse, T0 + gap, &coarse_events);
    RequireSameView(fine_view, coarse_view);
    REQUIRE(fine_events == coarse_events);
    REQUIRE(fine_view.StepIndex > 10);

    // Continue to the end: the fine one every millisecond, the coarse one in one jump.
    for (int64_t t = gap + 1; t <= total + 1000; t++)
        fine_view = Update(fine, T0 + t, &fine_events);
    coarse_view = Update(coarse, T0 + total + 1000, &coarse_events);
    RequireSameView(fine_view, coarse_view);
    REQUIRE(fine_events == coarse_events);
    REQUIRE(fine_view.Finished);
    REQUIRE(fine_view.ActiveMs == total);
    REQUIRE_THAT(fine_view.Progress, WithinAbs(1.0, 1e-6));

    SECTION("random polling intervals give the same cues too")
    {
        Timer jumpy = MakeTimer(settings);
        Start(jumpy, T0, Wall0, "a");
        std::vector<CueEvent> jumpy_events;
        std::mt19937 rng(1234);
        std::uniform_int_distribution<int64_t> step_ms(1, 20000);
        for (int64_t t = 0; t <= total + 1000; t += step_ms(rng))
            Update(jumpy, T0 + t, &jumpy_events);
        Update(jumpy, T0 + total + 1000, &jumpy_events);
        REQUIRE(jumpy_events == fine_events);
    }

    SECTION("each cue kind comes the expected number of times")
    {
        const std::vector<Step>& plan = fine.Plan;
        int work = 0, rests = 0, switches = 0, reps_after_first = 0, holds = 0, countdowns = 0, halfway = 0;
        for (const Step& step : plan)
        {
            if (step.StepPhase == Phase::Work)
            {
                work++;
                reps_after_first += step.TargetReps - 1;
                halfway++;
                if (step.Exercise == ExerciseId::Dorsiflexion)
                    holds += step.TargetReps;
            }
            if (step.StepPhase == Phase::GetReady || step.StepPhase == Phase::Rest || step.StepPhase == Phase::RoundRest)
                rests++;
            if (step.StepPhase == Phase::Switch)
                switches++;
            if (step.StepPhase != Phase::Done)
                for (int s = 1; s <= 3; s++)
                    countdowns += step.DurationMs - s * 1000 > 0;
        }
        REQUIRE(CountCues(fine_events, CueKind::StepStart) == work + rests);
        REQUIRE(CountCues(fine_events, CueKind::SwitchSides) == switches);
        REQUIRE(CountCues(fine_events, CueKind::RestOver) == rests + switches);
        REQUIRE(CountCues(fine_events, CueKind::Rep) == reps_after_first);
        REQUIRE(CountCues(fine_events, CueKind::HoldStart) == holds);
        REQUIRE(CountCues(fine_events, CueKind::HoldEnd) == holds);
        REQUIRE(CountCues(fine_events, CueKind::Halfway) == halfway);
        REQUIRE(CountCues(fine_events, CueKind::Countdown) == countdowns);
        REQUIRE(CountCues(fine_events, CueKind::Finished) == 1);
        REQUIRE(fine_events.back().Kind == CueKind::Finished);
        for (size_t i = 1; i < fine_events.size(); i++)
            REQUIRE(fine_events[i - 1].AtActiveMs <= fine_events[i].AtActiveMs);
    }
}

TEST_CASE("The view follows the tempo", "[timer]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 1;
    settings.GetReadySec = 5;
    Timer timer = MakeTimer(settings);
    TimerView view = Update(timer, T0, nullptr);
    REQUIRE_FALSE(view.Started);

    std::vector<CueEvent> events;
    Start(timer, T0, Wall0, "a");
    view = Update(timer, T0, &events);
    REQUIRE(view.StepPhase == Phase::GetReady);
    REQUIRE(view.PhaseLeftMs == 5000);
    REQUIRE(view.Exercise == ExerciseId::Deadbug);
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].Kind == CueKind::StepStart);
    REQUIRE(events[0].StepIndex == 0);
    REQUIRE_THAT(view.Progress, WithinAbs(0.0, 1e-9));

    SECTION("deadbug: the side follows the tempo part")
    {
        view = Update(timer, T0 + 5000, nullptr);  // work starts
        REQUIRE(view.StepPhase == Phase::Work);
        REQUIRE(view.Rep == 1);
        REQUIRE(view.Reps == 10);
        REQUIRE(view.TempoPart == 0);
        REQUIRE(std::string(view.TempoPartName) == "Extend");
        REQUIRE(view.CurrentSide == Side::Left);
        REQUIRE_THAT(view.RepPhase, WithinAbs(0.0, 1e-6));

        view = Update(timer, T0 + 5000 + 2600, nullptr);
        REQUIRE(view.TempoPart == 2);
        REQUIRE(view.CurrentSide == Side::Right);
        REQUIRE_THAT(view.RepPhase, WithinAbs(2600.0 / 5000.0, 1e-6));

        view = Update(timer, T0 + 5000 + 5000 * 3 + 1600, nullptr);
        REQUIRE(view.Rep == 4);
        REQUIRE(std::string(view.TempoPartName) == "Return");
        REQUIRE(view.CurrentSide == Side::Left);
        REQUIRE(view.PhaseLeftMs == 50000 - 16600);
        REQUIRE(view.Progress > 0.0f);
    }
    SECTION("dorsiflexion: the hold is part of the rep, with cues at its start and end")
    {
        // get-ready 5 s, deadbug 50 s, rest 30 s (the loop comes off): dorsiflexion left starts at 85 s.
        const int64_t start = 85000;
        view = Update(timer, T0 + start + 4500 + 1200, nullptr);
        REQUIRE(view.Exercise == ExerciseId::Dorsiflexion);
        REQUIRE(view.CurrentSide == Side::Left);
        REQUIRE(view.Rep == 2);
        REQUIRE(std::string(view.TempoPartName) == "Hold");
        events.clear();
        Update(timer, T0 + start + 4500 + 3000, &events);
        REQUIRE(events.size() == 2);
        REQUIRE(events[0].Kind == CueKind::HoldEnd);
        REQUIRE(events[0].AtActiveMs == start + 4500 + 3000);
        REQUIRE(events[1].Kind == CueKind::TempoPart);
        REQUIRE(events[1].Value == 2);  // "and down"
        events.clear();
        Update(timer, T0 + start + 9000, &events);
        REQUIRE(events.size() == 2);
        REQUIRE(events[0].Kind == CueKind::Rep);
        REQUIRE(events[0].Value == 3);
        REQUIRE(events[1].Kind == CueKind::TempoPart);
        REQUIRE(events[1].Value == 0);  // "Toes up"
        events.clear();
        Update(timer, T0 + start + 9000 + 1000, &events);
        REQUIRE(events.size() == 2);
        REQUIRE(events[0].Kind == CueKind::TempoPart);
        REQUIRE(events[0].Value == 1);  // "hold"
        REQUIRE(events[1].Kind == CueKind::HoldStart);
    }
    SECTION("the end of a timed step: countdown, rest over, next step")
    {
        events.clear();
        Update(timer, T0 + 2000, &events);
        REQUIRE(events.size() == 1);
        REQUIRE(events[0].Kind == CueKind::Countdown);
        REQUIRE(events[0].Value == 3);
        events.clear();
        view = Update(timer, T0 + 4999, &events);
        REQUIRE(view.StepPhase == Phase::GetReady);
        REQUIRE(view.PhaseLeftMs == 1);
        REQUIRE(events.size() == 2);
        events.clear();
        view = Update(timer, T0 + 5000, &events);
        REQUIRE(view.StepPhase == Phase::Work);
        REQUIRE(events.size() == 2);
        REQUIRE(events[0].Kind == CueKind::RestOver);
        REQUIRE(events[0].StepIndex == 0);
        REQUIRE(events[1].Kind == CueKind::StepStart);
        REQUIRE(events[1].StepIndex == 1);
    }
}

TEST_CASE("Pause and resume remove exactly the paused time", "[timer]")
{
    const Settings settings = DefaultSettings();
    Timer paused = MakeTimer(settings);
    Timer straight = MakeTimer(settings);
    Start(paused, T0, Wall0, "a");
    Start(straight, T0, Wall0, "a");
    std::vector<CueEvent> paused_events, straight_events;

    Update(paused, T0 + 20000, &paused_events);
    REQUIRE(Pause(paused, T0 + 20000));
    REQUIRE_FALSE(Pause(paused, T0 + 21000));
    TimerView view = Update(paused, T0 + 80000, &paused_events);
    REQUIRE(view.Paused);
    REQUIRE(view.ActiveMs == 20000);
    REQUIRE(Resume(paused, T0 + 80000));
    REQUIRE_FALSE(Resume(paused, T0 + 80001));

    // Paused twice, once across a step boundary that has not happened yet.
    REQUIRE(Pause(paused, T0 + 100000));
    REQUIRE(Resume(paused, T0 + 100000 + 3 * 60 * 1000));
    const int64_t paused_total = 60000 + 3 * 60 * 1000;

    for (int64_t t = 0; t <= 400000; t += 777)
    {
        const TimerView a = Update(paused, T0 + paused_total + t, &paused_events);
        const TimerView b = Update(straight, T0 + t, &straight_events);
        if (t >= 100000)
        {
            RequireSameView(a, b);
            REQUIRE(paused_events == straight_events);
        }
    }
}

TEST_CASE("Skip and back at every step boundary", "[timer]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 2;
    settings.GetReadySec = 5;
    const Timer fresh = MakeTimer(settings);
    const std::vector<Step>& plan = fresh.Plan;

    SECTION("at the exact end of a step, the next step is current")
    {
        Timer timer = fresh;
        Start(timer, T0, Wall0, "a");
        int64_t end = 0;
        for (size_t i = 0; i + 1 < plan.size(); i++)
        {
            end += plan[i].DurationMs;
            if (plan[i].DurationMs > 0)
                REQUIRE(Update(timer, T0 + end - 1, nullptr).StepIndex == (int)i);
            REQUIRE(Update(timer, T0 + end, nullptr).StepIndex == (int)i + 1);
        }
        REQUIRE(Update(timer, T0 + end, nullptr).Finished);
    }
    SECTION("skip and back at each boundary")
    {
        int64_t end = 0;
        for (size_t i = 0; i + 3 < plan.size(); i++)  // the last two boundaries lead into Done
        {
            CAPTURE(i);
            end += plan[i].DurationMs;
            // Skip exactly at the end of step i: the timer first enters i + 1, then skips it.
            Timer timer = fresh;
            Start(timer, T0, Wall0, "a");
            std::vector<CueEvent> events;
            REQUIRE(Skip(timer, T0 + end));
            TimerView view = Update(timer, T0 + end, &events);
            REQUIRE(view.StepIndex == (int)i + 2);
            REQUIRE(view.PhaseElapsedMs == 0);
            REQUIRE(events.back().StepIndex == (int)i + 2);
            REQUIRE(events.back().AtActiveMs == end);

            // Back at the same instant returns to the start of i + 1, then i.
            REQUIRE(Back(timer, T0 + end));
            REQUIRE(Update(timer, T0 + end, nullptr).StepIndex == (int)i + 1);
            REQUIRE(Back(timer, T0 + end));
            view = Update(timer, T0 + end + 10, nullptr);
            REQUIRE(view.StepIndex == (int)i);
            REQUIRE(view.PhaseElapsedMs == 10);
        }
    }
    SECTION("skipping through everything finishes; back at the first step restarts it")
    {
        Timer timer = fresh;
        Start(timer, T0, Wall0, "a");
        REQUIRE(Back(timer, T0 + 3000));
        TimerView view = Update(timer, T0 + 3000, nullptr);
        REQUIRE(view.StepIndex == 0);
        REQUIRE(view.PhaseLeftMs == 5000);
        std::vector<CueEvent> events;
        for (size_t i = 0; i + 1 < plan.size(); i++)
            REQUIRE(Skip(timer, T0 + 3000));
        view = Update(timer, T0 + 3000, &events);
        REQUIRE(view.Finished);
        REQUIRE(events.back().Kind == CueKind::Finished);
        REQUIRE_FALSE(Skip(timer, T0 + 4000));
        REQUIRE_FALSE(Back(timer, T0 + 4000));
        REQUIRE_FALSE(EndEarly(timer, T0 + 4000));
        REQUIRE(CountCues(events, CueKind::RestOver) == 0);

        const SessionRecord record = MakeSessionRecord(timer, T0 + 3000, Wall0 + 3000);
        REQUIRE(record.Finished);
        REQUIRE(record.RoundsDone == 2);
        REQUIRE(record.RepsDone[(int)ExerciseId::Deadbug][(int)Side::Left] == 0);
    }
    SECTION("actions before Start do nothing")
    {
        Timer timer = fresh;
        REQUIRE_FALSE(Skip(timer, T0));
        REQUIRE_FALSE(Back(timer, T0));
        REQUIRE_FALSE(Pause(timer, T0));
        REQUIRE_FALSE(Done(timer, T0));
        REQUIRE_FALSE(EndEarly(timer, T0));
        REQUIRE(Start(timer, T0, Wall0, "a"));
        REQUIRE_FALSE(Start(timer, T0, Wall0, "a"));
    }
}

TEST_CASE("Reps done are tracked per exercise and side", "[timer]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 1;
    settings.GetReadySec = 5;

    SECTION("a guided set skipped midway keeps the completed reps")
    {
        Timer timer = MakeTimer(settings);
        Start(timer, T0, Wall0, "a");
        REQUIRE(Skip(timer, T0 + 5000 + 12500));  // 2.5 deadbug reps
        SessionRecord record = MakeSessionRecord(timer, T0 + 5000 + 12500, Wall0);
        REQUIRE(record.RepsDone[(int)ExerciseId::Deadbug][(int)Side::Left] == 2);
        REQUIRE(record.RepsDone[(int)ExerciseId::Deadbug][(int)Side::Right] == 2);
        REQUIRE(record.RoundsDone == 0);
        REQUIRE_FALSE(record.Finished);

        // Back into the set and let it run fully: the better visit counts.
        REQUIRE(Back(timer, T0 + 20000));
        Update(timer, T0 + 20000 + 50000, nullptr);
        record = MakeSessionRecord(timer, T0 + 70000, Wall0);
        REQUIRE(record.RepsDone[(int)ExerciseId::Deadbug][(int)Side::Left] == 10);

        // Running the whole circuit gives every target.
        Update(timer, T0 + 3600 * 1000, nullptr);
        record = MakeSessionRecord(timer, T0 + 3600 * 1000, Wall0 + 1000);
        REQUIRE(record.Finished);
        REQUIRE(record.RoundsDone == 1);
        REQUIRE(record.RoundsPlanned == 1);
        REQUIRE(record.RepsDone[(int)ExerciseId::Dorsiflexion][(int)Side::Left] == 10);
        REQUIRE(record.RepsDone[(int)ExerciseId::Dorsiflexion][(int)Side::Right] == 10);
        REQUIRE(record.RepsDone[(int)ExerciseId::MonsterWalk][(int)Side::Forward] == 20);
        REQUIRE(record.RepsDone[(int)ExerciseId::MonsterWalk][(int)Side::Back] == 20);
        REQUIRE(record.RepsDone[(int)ExerciseId::RussianTwist][(int)Side::Right] == 12);
        // The trap pull's one two-arm set counts for both arms.
        REQUIRE(record.RepsDone[(int)ExerciseId::TrapPull][(int)Side::Left] == 10);
        REQUIRE(record.RepsDone[(int)ExerciseId::TrapPull][(int)Side::Right] == 10);
        // 20 s before going back to the set's start (active 5 s), then the rest of the plan.
        REQUIRE(record.DurationMs == 20000 + PlanDurationMs(timer.Plan) - 5000);
    }
    SECTION("self-paced: Done counts the target, Skip counts nothing, time counts up")
    {
        settings.Mode = RunMode::SelfPaced;
        Timer timer = MakeTimer(settings);
        Start(timer, T0, Wall0, "a");
        REQUIRE_FALSE(Done(timer, T0 + 1000));  // not a work step
        TimerView view = Update(timer, T0 + 5000 + 123456, nullptr);
        REQUIRE(view.StepPhase == Phase::Work);
        REQUIRE(view.CountingUp);
        REQUIRE(view.Rep == 0);
        REQUIRE(view.PhaseElapsedMs == 123456);
        REQUIRE(view.PhaseLeftMs == 0);
        REQUIRE(view.TempoPart == 2);  // 3456 ms into a 1500/1000/1500/1000 rep
        REQUIRE(Done(timer, T0 + 5000 + 123456));
        view = Update(timer, T0 + 5000 + 123456, nullptr);
        REQUIRE(view.StepPhase == Phase::Rest);
        view = Update(timer, T0 + 5000 + 123456 + 15000 + 60000, nullptr);
        REQUIRE(view.Exercise == ExerciseId::Dorsiflexion);
        REQUIRE(Skip(timer, T0 + 5000 + 123456 + 15000 + 60000));
        const SessionRecord record = MakeSessionRecord(timer, T0 + 300000, Wall0);
        REQUIRE(record.RepsDone[(int)ExerciseId::Deadbug][(int)Side::Left] == 10);
        REQUIRE(record.RepsDone[(int)ExerciseId::Deadbug][(int)Side::Right] == 10);
        REQUIRE(record.RepsDone[(int)ExerciseId::Dorsiflexion][(int)Side::Left] == 0);
    }
    SECTION("ending early stops the clock and records the set in progress")
    {
        Timer timer = MakeTimer(settings);
        Start(timer, T0, Wall0, "a");
        REQUIRE(EndEarly(timer, T0 + 5000 + 7000));
        const TimerView view = Update(timer, T0 + 999999, nullptr);
        REQUIRE(view.EndedEarly);
        REQUIRE_FALSE(view.Finished);
        REQUIRE(view.ActiveMs == 12000);
        const SessionRecord record = MakeSessionRecord(timer, T0 + 999999, Wall0 + 999999);
        REQUIRE_FALSE(record.Finished);
        REQUIRE(record.DurationMs == 12000);
        REQUIRE(record.EndedWallMs == Wall0 + 999999);
        REQUIRE(record.RepsDone[(int)ExerciseId::Deadbug][(int)Side::Left] == 1);
        REQUIRE(record.Id == "a");
    }
}

TEST_CASE("A clock that goes backwards never rewinds the session", "[timer]")
{
    Timer timer = MakeTimer(DefaultSettings());
    Start(timer, T0, Wall0, "a");
    std::vector<CueEvent> events;
    const TimerView later = Update(timer, T0 + 30000, &events);
    const size_t count = events.size();
    const TimerView earlier = Update(timer, T0 + 1000, &events);
    REQUIRE(earlier.ActiveMs == later.ActiveMs);
    REQUIRE(earlier.StepIndex == later.StepIndex);
    REQUIRE(events.size() == count);
}

TEST_CASE("A saved and restored session continues with no repeated or missed cue", "[timer]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 2;
    Timer reference = MakeTimer(settings);
    Start(reference, T0, Wall0, "s-1");
    std::vector<CueEvent> reference_events;
    const int64_t total = PlanDurationMs(reference.Plan);
    for (int64_t t = 0; t <= total + 100; t += 100)
        Update(reference, T0 + t, &reference_events);

    // Save at several moments, including exact step boundaries; restore on a new clock.
    const int64_t save_points[] = { 0, 4900, 5000, 17300, 200000, 333333, total - 1 };
    for (int64_t save_at : save_points)
    {
        CAPTURE(save_at);
        Timer timer = MakeTimer(settings);
        Start(timer, T0, Wall0, "s-1");
        std::vector<CueEvent> events;
        int64_t t = 0;
        for (; t <= save_at; t += 100)
            Update(timer, T0 + t, &events);
        const int64_t saved_at = T0 + t - 100;

        const std::string json = SaveSessionInProgress(SnapshotSession(timer, saved_at));
        const LoadResult<SessionInProgress> loaded = LoadSessionInProgress(json);
        REQUIRE(loaded.Ok());

        // The page reloads on a fresh monotonic clock: the session comes back paused.
        const int64_t new_clock = 42;
        Timer restored = RestoreSession(loaded.Value, new_clock);
        TimerView view = Update(restored, new_clock + 60000, &events);
        REQUIRE(view.Paused);
        REQUIRE(view.ActiveMs == SnapshotSession(timer, saved_at).ActiveMs);
        REQUIRE(Resume(restored, new_clock + 60000));
        const int64_t shift = new_clock + 60000 - saved_at;
        for (; t <= total + 100; t += 100)
            Update(restored, T0 + t + shift, &events);
        REQUIRE(events == reference_events);
        REQUIRE(restored.SessionId == "s-1");
        REQUIRE(MakeSessionRecord(restored, T0 + t + shift, Wall0) == MakeSessionRecord(reference, T0 + total + 100, Wall0));
    }

    SECTION("restoring twice from the same snapshot after a gap repeats nothing")
    {
        Timer timer = MakeTimer(settings);
        Start(timer, T0, Wall0, "s-1");
        std::vector<CueEvent> events;
        Update(timer, T0 + 100000, &events);
        const SessionInProgress snapshot = SnapshotSession(timer, T0 + 100000);
        Timer restored = RestoreSession(snapshot, 0);
        std::vector<CueEvent> after;
        Update(restored, 5000, &after);
        REQUIRE(after.empty());
        Resume(restored, 5000);
        Update(restored, 5000 + 1, &after);
        for (const CueEvent& e : after)
            REQUIRE(e.AtActiveMs > 100000);
    }
    SECTION("an inconsistent snapshot is reported")
    {
        Timer timer = MakeTimer(settings);
        Start(timer, T0, Wall0, "s-1");
        SessionInProgress snapshot = SnapshotSession(timer, T0 + 1000);
        REQUIRE(CheckSessionInProgress(snapshot) == nullptr);
        snapshot.StepIndex = 999;
        REQUIRE(CheckSessionInProgress(snapshot) != nullptr);
        REQUIRE_FALSE(RestoreSession(snapshot, 0).Started);
    }
}

TEST_CASE("Zero-second rests pass at once", "[timer]")
{
    Settings settings = DefaultSettings();
    settings.GetReadySec = 0;
    settings.SwitchSidesSec = 0;
    settings.RestSec = 0;
    settings.RoundRestSec = 0;
    settings.BandChangeRestSec = 0;
    Timer timer = MakeTimer(settings);
    std::vector<CueEvent> events;
    REQUIRE(Start(timer, T0, Wall0, "z"));
    TimerView view = Update(timer, T0, &events);
    REQUIRE(view.StepPhase == Phase::Work);
    REQUIRE(view.StepIndex == 1);
    REQUIRE(events.size() == 3);  // get-ready starts, runs out, work starts
    REQUIRE(events[1].Kind == CueKind::RestOver);
    REQUIRE(CheckSessionInProgress(SnapshotSession(timer, T0)) == nullptr);

    // Skipping the deadbug lands on a 0 s rest, which passes straight into dorsiflexion.
    REQUIRE(Skip(timer, T0 + 100));
    REQUIRE(timer.Plan[timer.StepIndex].Exercise == ExerciseId::Dorsiflexion);
    REQUIRE(timer.Plan[timer.StepIndex].StepPhase == Phase::Work);
    REQUIRE(CheckSessionInProgress(SnapshotSession(timer, T0 + 100)) == nullptr);

    // Back steps over the 0 s rest to the deadbug set.
    REQUIRE(Back(timer, T0 + 200));
    REQUIRE(timer.Plan[timer.StepIndex].Exercise == ExerciseId::Deadbug);
    REQUIRE(timer.Plan[timer.StepIndex].StepPhase == Phase::Work);

    // Per-millisecond and one-jump polling agree here too.
    Timer fine = MakeTimer(settings), coarse = MakeTimer(settings);
    Start(fine, T0, Wall0, "z");
    Start(coarse, T0, Wall0, "z");
    std::vector<CueEvent> fine_events, coarse_events;
    const int64_t total = PlanDurationMs(fine.Plan);
    for (int64_t t = 0; t <= total; t++)
        Update(fine, T0 + t, &fine_events);
    Update(coarse, T0 + total, &coarse_events);
    REQUIRE(fine_events == coarse_events);
    REQUIRE(Update(fine, T0 + total, nullptr).Finished);
}

TEST_CASE("+15 s lengthens a rest or get-ready, never a set, and survives a save", "[timer]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 1;
    Timer timer = MakeTimer(settings);
    Start(timer, T0, Wall0, "x");
    TimerView view = Update(timer, T0 + 4000, nullptr);
    REQUIRE(view.CanExtend);
    REQUIRE(view.PhaseLeftMs == 6000);
    REQUIRE(Extend(timer, T0 + 4000, 15000));
    view = Update(timer, T0 + 4000, nullptr);
    REQUIRE(view.PhaseLeftMs == 21000);
    REQUIRE(view.PhaseLengthMs == 25000);
    // The countdown moves with the end.
    std::vector<CueEvent> events;
    Update(timer, T0 + 25000, &events);
    int countdowns = 0;
    for (const CueEvent& e : events)
        if (e.Kind == CueKind::Countdown)
        {
            countdowns++;
            REQUIRE(e.AtActiveMs >= 22000);
        }
    REQUIRE(countdowns == 3);
    view = Update(timer, T0 + 25000, nullptr);
    REQUIRE(view.StepPhase == Phase::Work);
    REQUIRE_FALSE(view.CanExtend);
    REQUIRE_FALSE(Extend(timer, T0 + 25000, 15000));
    // The next rest starts at its own length again.
    view = Update(timer, T0 + 25000 + 50000 + 1000, nullptr);
    REQUIRE(view.StepPhase == Phase::Rest);
    REQUIRE(view.PhaseLeftMs == 29000);
    REQUIRE(Extend(timer, T0 + 76000, 15000));
    const SessionInProgress snapshot = SnapshotSession(timer, T0 + 76000);
    REQUIRE(snapshot.StepExtraMs == 15000);
    const LoadResult<SessionInProgress> loaded = LoadSessionInProgress(SaveSessionInProgress(snapshot));
    CAPTURE(loaded.Error.Message);
    REQUIRE(loaded.Ok());
    Timer restored = RestoreSession(loaded.Value, 5);
    Resume(restored, 5);
    REQUIRE(Update(restored, 5, nullptr).PhaseLeftMs == 44000);
    SECTION("extending is capped")
    {
        for (int i = 0; i < 100; i++)
            Extend(timer, T0 + 76000, 15000);
        REQUIRE(timer.StepExtraMs == MaxStepExtraMs);
        REQUIRE_FALSE(Extend(timer, T0 + 76000, 15000));
    }
    SECTION("a snapshot that extends a set is refused")
    {
        SessionInProgress bad = snapshot;
        bad.StepIndex = 1;
        bad.HighestStepReached = 2;
        REQUIRE(CheckSessionInProgress(bad) != nullptr);
    }
}

TEST_CASE("Work time counts only the sets", "[timer]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 1;
    Timer timer = MakeTimer(settings);
    Start(timer, T0, Wall0, "w");
    Update(timer, T0 + 3600 * 1000, nullptr);
    const SessionRecord record = MakeSessionRecord(timer, T0 + 3600 * 1000, Wall0);
    REQUIRE(record.Finished);
    int64_t sets = 0;
    for (const Step& step : timer.Plan)
        if (step.StepPhase == Phase::Work)
            sets += step.DurationMs;
    REQUIRE(record.WorkMs == sets);
    REQUIRE(record.DurationMs == PlanTotalMs(timer.Plan));
    SECTION("ended in a set: its time so far counts")
    {
        Timer early = MakeTimer(settings);
        Start(early, T0, Wall0, "e");
        EndEarly(early, T0 + 10000 + 7000);
        REQUIRE(MakeSessionRecord(early, T0 + 20000, Wall0).WorkMs == 7000);
    }
}

TEST_CASE("ViewAt shows what Update would, and changes nothing", "[timer]")
{
    Settings settings = DefaultSettings();
    Timer timer = MakeTimer(settings);
    Start(timer, 1000, 1'700'000'000'000LL, "s");
    std::vector<CueEvent> events;
    Update(timer, 1000, &events);
    for (int64_t t = 1000; t < 400'000; t += 7'919)
    {
        const Timer before = timer;
        const TimerView seen = ViewAt(timer, t);
        CHECK(timer.StepIndex == before.StepIndex);
        CHECK(timer.Pending.size() == before.Pending.size());
        CHECK(timer.DeliveredUntilActiveMs == before.DeliveredUntilActiveMs);
        if (t % 3 == 0)
            continue;  // sometimes let the timer fall behind: the view must walk the steps itself
        const TimerView updated = Update(timer, t, &events);
        CHECK(seen.StepIndex == updated.StepIndex);
        CHECK(seen.ActiveMs == updated.ActiveMs);
        CHECK(seen.Rep == updated.Rep);
        CHECK(seen.TempoPart == updated.TempoPart);
        CHECK(seen.PhaseLeftMs == updated.PhaseLeftMs);
    }
}
