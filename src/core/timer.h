// The circuit timer: a position in the plan plus an "active time" clock. Active time is
// now - origin - time spent paused; each step starts at an active-time offset, and everything the
// screen shows (rep, tempo part, time left) is derived from it. Nothing counts frames or ticks, so
// a tab hidden for ten minutes shows the true state on its next poll, and the cues that fell in
// the gap are each delivered exactly once. Time always comes in as a parameter (monotonic ms).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/history.h"
#include "core/plan.h"

namespace core {

// --- [SECTION] Cues -----------------------------------------------------------------------------

// At one instant, cues come in this order (the order of the enum).
enum class CueKind
{
    HoldEnd,      // the static hold of a rep ends (dorsiflexion)
    Rep,          // a new rep (or step) begins in a guided set; Value = its number, 2..reps (rep 1 is the StepStart)
    TempoPart,    // a tempo part begins in a guided set; Value = the part's index in the exercise's tempo
    HoldStart,    // the static hold of a rep begins
    Halfway,      // half of a guided set's time has passed
    Countdown,    // Value = 3, 2, 1 seconds before the end of a timed step
    RestOver,     // a get-ready, switch-sides or rest step ran out (not when skipped)
    StepStart,    // a GetReady, Work, Rest or RoundRest step begins (StepIndex is the new step)
    SwitchSides,  // a switch-sides step begins
    Finished,     // the Done step was reached
};

struct CueEvent
{
    CueKind Kind;        // what happened
    int StepIndex;       // the step it belongs to
    int Value;           // rep number for Rep, part index for TempoPart, seconds for Countdown, 0 otherwise
    int64_t AtActiveMs;  // active time at which it happened

    bool operator==(const CueEvent&) const = default;
};

// --- [SECTION] Timer state ----------------------------------------------------------------------

struct Timer
{
    Settings PlanSettings;           // the (clamped) settings the plan was built from
    std::vector<Step> Plan;          // BuildPlan(PlanSettings)
    std::string SessionId;           // given to Start(); becomes SessionRecord::Id
    int64_t StartedWallMs;           // wall clock at Start()
    bool Started;                    // Start() was called
    int64_t OriginMs;                // monotonic ms at which active time was 0 (moved on restore)
    int64_t PausedTotalMs;           // monotonic ms spent paused since OriginMs, finished pauses only
    bool Paused;                     // active time is frozen
    int64_t PausedAtMs;              // monotonic ms when the current pause began
    int StepIndex;                   // current step in Plan
    int64_t StepStartActiveMs;       // active time at which the current step began
    int64_t StepExtraMs;             // time added to the current step by Extend() ("+15 s"); 0 on entering a step
    int64_t WorkMs;                  // active time spent in work sets that were left (the current one not yet counted)
    int64_t DeliveredUntilActiveMs;  // cues up to this active time have been generated
    int HighestStepReached;          // the furthest step index ever entered
    std::vector<int> StepRepsDone;   // per plan step: most reps completed in any visit of it
    bool Over;                       // finished or ended early: active time stops at OverAtActiveMs
    bool EndedEarly;                 // EndEarly() was called
    int64_t OverAtActiveMs;          // active time when the session finished or was ended
    std::vector<CueEvent> Pending;   // generated but not yet handed to Update()'s caller
};

Timer MakeTimer(const Settings& settings);

// Actions. Each first brings the timer up to now (so cues before the action are not lost) and
// returns false when it does not apply (not started, already over, ...).
bool Start(Timer& timer, int64_t now_ms, int64_t wall_ms, const std::string& session_id);
bool Pause(Timer& timer, int64_t now_ms);
bool Resume(Timer& timer, int64_t now_ms);
bool Skip(Timer& timer, int64_t now_ms);                      // leave the current step now, keeping the reps completed so far
bool Back(Timer& timer, int64_t now_ms);                      // go to the start of the previous step (the first step restarts)
bool Done(Timer& timer, int64_t now_ms);                      // a work set is complete with all its target reps; next step
bool EndEarly(Timer& timer, int64_t now_ms);                  // stop the session here
bool Extend(Timer& timer, int64_t now_ms, int64_t extra_ms);  // a longer get-ready, switch or rest (not a set), up to MaxStepExtraMs in all

constexpr int64_t MaxStepExtraMs = 10LL * 60 * 1000;  // the most one step can be extended

// --- [SECTION] Query ----------------------------------------------------------------------------

struct TimerView
{
    bool Started = false;            // Start() was called
    bool Paused = false;             // paused (a restored session starts paused)
    bool Finished = false;           // reached the Done step
    bool EndedEarly = false;         // EndEarly() was called
    int StepIndex = 0;               // current step
    int StepCount = 0;               // steps in the plan
    Phase StepPhase = {};            // phase of the current step
    int Round = 0;                   // 1-based round of the current step
    int Rounds = 0;                  // rounds planned
    ExerciseId Exercise = {};        // see Step::Exercise (the next one during rests)
    Side CurrentSide = {};           // the set's side; for an alternating set, the side of the current tempo part
    int Rep = 0;                     // 1-based rep (or step) in progress in a guided set; 0 when not counted (self-paced, not work)
    int Reps = 0;                    // target reps of the set, 0 when not work
    int TempoPart = -1;              // index of the current tempo part in a work set (also self-paced, looping); -1 otherwise
    const char* TempoPartName = "";  // its name, "" when none
    float RepPhase = 0.0f;           // fraction of the current rep, [0,1), for the figure; 0 when not work
    bool CountingUp = false;         // self-paced work: no time left, PhaseElapsedMs counts up
    int64_t PhaseElapsedMs = 0;      // active ms spent in the current step
    int64_t PhaseLeftMs = 0;         // active ms until a timed step ends; 0 when counting up or done
    int64_t PhaseLengthMs = 0;       // the current timed step's length, with any "+15 s"; 0 when counting up or done
    bool CanExtend = false;          // Extend() applies to the current step (a get-ready, switch or rest)
    int64_t ActiveMs = 0;            // active ms since Start(), paused time excluded
    float Progress = 0.0f;           // share of the whole circuit behind us, [0,1]
};

// Brings the timer up to now (through as many steps as the time covers) and returns what to show.
// Cues since the last call are handed over: appended to events (dropped when events is nullptr).
TimerView Update(Timer& timer, int64_t now_ms, std::vector<CueEvent>* events);
// What Update() would show at now_ms, without changing the timer or taking its cues (for a read
// between frames, or a look ahead).
TimerView ViewAt(const Timer& timer, int64_t now_ms);

int64_t ActiveMsAt(const Timer& timer, int64_t now_ms);

// --- [SECTION] Records and saved sessions -------------------------------------------------------

// The history entry for the session as it stands at now (normally after it finished or ended).
SessionRecord MakeSessionRecord(const Timer& timer, int64_t now_ms, int64_t wall_now_ms);

// Enough to restore a timer exactly, in active time so that a new monotonic clock can take over.
struct SessionInProgress
{
    std::string Id;                  // Timer::SessionId
    int64_t StartedWallMs;           // Timer::StartedWallMs
    Settings PlanSettings;           // the plan is rebuilt from these
    int StepIndex;                   // Timer::StepIndex
    int64_t StepStartActiveMs;       // Timer::StepStartActiveMs
    int64_t StepExtraMs;             // Timer::StepExtraMs
    int64_t WorkMs;                  // Timer::WorkMs
    int64_t ActiveMs;                // active time when the snapshot was taken
    int64_t DeliveredUntilActiveMs;  // no cue at or before this is delivered again
    int HighestStepReached;          // Timer::HighestStepReached
    std::vector<int> StepRepsDone;   // Timer::StepRepsDone
    bool EndedEarly;                 // Timer::EndedEarly
    std::string Owner;               // the page that runs it (see app persistence); "" when not recorded

    bool operator==(const SessionInProgress&) const = default;
};

constexpr int64_t MaxActiveMs = 30LL * 24 * 60 * 60 * 1000;  // 30 days: far beyond any real session

// Cues generated but not yet taken by Update() are not part of the snapshot: poll, then save.
SessionInProgress SnapshotSession(const Timer& timer, int64_t now_ms);
// nullptr when the snapshot is consistent, else why not (RestoreSession() needs a consistent one):
// English, marked for translation (Tr() it where it is shown).
const char* CheckSessionInProgress(const SessionInProgress& session);
// A started timer, PAUSED at the snapshot's active time, on the monotonic clock now_ms.
Timer RestoreSession(const SessionInProgress& session, int64_t now_ms);

// A session in progress saved by the version whose trap pull was two sets a round (one arm, a
// switch, the other arm), read into today's plan, where it is one set with both arms: true when
// `session` was such a one and now fits today's plan. The set's reps are the larger of its two
// sets'. Stopped at the first arm, the set starts again; at the switch or the second arm, the set
// counts as done and the session stands at the step after it.
bool MigrateTwoSetTrapPull(SessionInProgress& session);

}  // namespace core
