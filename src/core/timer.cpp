// The circuit timer: advancing through the plan on the active-time clock, generating each cue once
// from the interval of active time it falls in, and the small verbs the screens call. Index:
// [SECTION] Helpers
// [SECTION] Cue generation
// [SECTION] Advancing and actions
// [SECTION] Query
// [SECTION] Records and saved sessions
#include "core/timer.h"

#include "core/wording.h"

#include <algorithm>

namespace core {

// --- [SECTION] Helpers --------------------------------------------------------------------------

static bool IsTimed(const Step& step)
{
    return step.StepPhase != Phase::Done && !step.CountsUp;
}

static bool IsGuidedWork(const Step& step)
{
    return step.StepPhase == Phase::Work && !step.CountsUp;
}

// The current step's length: its planned duration plus what "+15 s" added.
static int64_t CurrentStepMs(const Timer& timer)
{
    return timer.Plan[timer.StepIndex].DurationMs + timer.StepExtraMs;
}

static bool IsExtendable(const Step& step)
{
    return IsTimed(step) && step.StepPhase != Phase::Work;
}

Timer MakeTimer(const Settings& settings)
{
    Timer timer = {};
    timer.PlanSettings = ClampSettings(settings);
    timer.Plan = BuildPlan(timer.PlanSettings);
    timer.StepRepsDone.assign(timer.Plan.size(), 0);
    return timer;
}

int64_t ActiveMsAt(const Timer& timer, int64_t now_ms)
{
    if (!timer.Started)
        return 0;
    const int64_t until = timer.Paused ? timer.PausedAtMs : now_ms;
    int64_t active = until - timer.OriginMs - timer.PausedTotalMs;
    if (active < timer.DeliveredUntilActiveMs)  // a clock that went backwards never rewinds the session
        active = timer.DeliveredUntilActiveMs;
    if (timer.Over && active > timer.OverAtActiveMs)
        active = timer.OverAtActiveMs;
    return active;
}

// Reps completed in the current visit of a work step after elapsed_ms of it.
static int CompletedReps(const Step& step, int64_t elapsed_ms)
{
    if (!IsGuidedWork(step))
        return 0;
    const int64_t rep_ms = RepDurationMs(GetExercise(step.Exercise));
    return (int)std::min<int64_t>(elapsed_ms / rep_ms, step.TargetReps);
}

static void RecordReps(Timer& timer, int step_index, int reps)
{
    int& done = timer.StepRepsDone[step_index];
    done = std::max(done, reps);
}

// --- [SECTION] Cue generation -------------------------------------------------------------------

// Appends the cues of one step that fall in (from_ms, to_ms], offsets relative to the step start.
// The result only depends on the step and the interval, so polling every millisecond and polling
// once after a long gap produce the same cues in the same order.
static void StepCues(const Step& step, int64_t step_ms, int step_index, int64_t step_start, int64_t from_ms, int64_t to_ms, std::vector<CueEvent>& out)
{
    if (to_ms <= from_ms || !IsTimed(step))
        return;
    std::vector<CueEvent> cues;
    auto add = [&](CueKind kind, int value, int64_t offset) {
        if (offset > from_ms && offset <= to_ms)
            cues.push_back(CueEvent{ kind, step_index, value, step_start + offset });
    };

    if (step.StepPhase == Phase::Work)
    {
        const Exercise& exercise = GetExercise(step.Exercise);
        const int64_t rep_ms = RepDurationMs(exercise);
        const int64_t first_rep = std::max<int64_t>(0, from_ms / rep_ms);
        const int64_t last_rep = std::min<int64_t>(step.TargetReps - 1, to_ms / rep_ms);
        for (int64_t k = first_rep; k <= last_rep; k++)
        {
            const int64_t rep_start = k * rep_ms;
            if (k >= 1)
                add(CueKind::Rep, (int)k + 1, rep_start);
            int64_t part_start = rep_start;
            for (int p = 0; p < exercise.TempoPartCount; p++)
            {
                const TempoPart& part = exercise.Tempo[p];
                add(CueKind::TempoPart, p, part_start);
                if (part.IsHold)
                {
                    add(CueKind::HoldStart, 0, part_start);
                    add(CueKind::HoldEnd, 0, part_start + part.DurationMs);
                }
                part_start += part.DurationMs;
            }
        }
        add(CueKind::Halfway, 0, step.DurationMs / 2);
    }
    for (int seconds = 3; seconds >= 1; seconds--)
        if (step_ms - seconds * 1000 > 0)
            add(CueKind::Countdown, seconds, step_ms - seconds * 1000);

    std::sort(cues.begin(), cues.end(), [](const CueEvent& a, const CueEvent& b) {
        if (a.AtActiveMs != b.AtActiveMs)
            return a.AtActiveMs < b.AtActiveMs;
        if (a.Kind != b.Kind)
            return (int)a.Kind < (int)b.Kind;
        return a.Value > b.Value;
    });
    out.insert(out.end(), cues.begin(), cues.end());
}

// --- [SECTION] Advancing and actions ------------------------------------------------------------

static void EnterStep(Timer& timer, int step_index, int64_t at_active_ms)
{
    if (timer.Plan[timer.StepIndex].StepPhase == Phase::Work && at_active_ms > timer.StepStartActiveMs)
        timer.WorkMs += at_active_ms - timer.StepStartActiveMs;
    timer.StepExtraMs = 0;
    timer.StepIndex = step_index;
    timer.StepStartActiveMs = at_active_ms;
    timer.DeliveredUntilActiveMs = at_active_ms;
    timer.HighestStepReached = std::max(timer.HighestStepReached, step_index);
    const Step& step = timer.Plan[step_index];
    CueKind kind = CueKind::StepStart;
    if (step.StepPhase == Phase::Switch)
        kind = CueKind::SwitchSides;
    if (step.StepPhase == Phase::Done)
    {
        kind = CueKind::Finished;
        timer.Over = true;
        timer.OverAtActiveMs = at_active_ms;
    }
    timer.Pending.push_back(CueEvent{ kind, step_index, 0, at_active_ms });
}

static void RecordPartialReps(Timer& timer, int64_t active_ms);

// Generates the cues up to now and walks through every timed step that ended on the way. A session
// still open after MaxActiveMs of active time (a self-paced set left running for weeks) ends early
// there by itself, so what it saves always stays within what the save format reads back.
static void Advance(Timer& timer, int64_t now_ms)
{
    if (!timer.Started)
        return;
    const int64_t active = std::min(ActiveMsAt(timer, now_ms), MaxActiveMs);
    for (;;)
    {
        const Step& step = timer.Plan[timer.StepIndex];
        if (step.StepPhase == Phase::Done)
            break;
        const int64_t start = timer.StepStartActiveMs;
        const int64_t end = start + CurrentStepMs(timer);
        const int64_t until = IsTimed(step) ? std::min(active, end) : active;
        StepCues(step, CurrentStepMs(timer), timer.StepIndex, start, timer.DeliveredUntilActiveMs - start, until - start, timer.Pending);
        timer.DeliveredUntilActiveMs = until;
        if (!IsTimed(step) || active < end)
            break;

        // The step ran its full time.
        if (step.StepPhase == Phase::Work)
            RecordReps(timer, timer.StepIndex, step.TargetReps);
        else
            timer.Pending.push_back(CueEvent{ CueKind::RestOver, timer.StepIndex, 0, end });
        EnterStep(timer, timer.StepIndex + 1, end);
    }
    if (!timer.Over && active >= MaxActiveMs)
    {
        RecordPartialReps(timer, active);
        timer.Over = true;
        timer.EndedEarly = true;
        timer.OverAtActiveMs = active;
    }
}

// Keeps the reps completed so far in the current step (when leaving it early).
static void RecordPartialReps(Timer& timer, int64_t active_ms)
{
    const Step& step = timer.Plan[timer.StepIndex];
    RecordReps(timer, timer.StepIndex, CompletedReps(step, active_ms - timer.StepStartActiveMs));
}

bool Start(Timer& timer, int64_t now_ms, int64_t wall_ms, const std::string& session_id)
{
    if (timer.Started || timer.Plan.empty())
        return false;
    timer.Started = true;
    timer.SessionId = session_id;
    timer.StartedWallMs = wall_ms;
    timer.OriginMs = now_ms;
    timer.PausedTotalMs = 0;
    timer.Paused = false;
    EnterStep(timer, 0, 0);
    Advance(timer, now_ms);  // passes a 0 s get-ready at once
    return true;
}

bool Pause(Timer& timer, int64_t now_ms)
{
    if (!timer.Started || timer.Paused || timer.Over)
        return false;
    Advance(timer, now_ms);
    timer.Paused = true;
    timer.PausedAtMs = now_ms;
    return true;
}

bool Resume(Timer& timer, int64_t now_ms)
{
    if (!timer.Started || !timer.Paused)
        return false;
    if (now_ms > timer.PausedAtMs)
        timer.PausedTotalMs += now_ms - timer.PausedAtMs;
    timer.Paused = false;
    return true;
}

bool Skip(Timer& timer, int64_t now_ms)
{
    Advance(timer, now_ms);
    if (!timer.Started || timer.Over)
        return false;
    const int64_t active = ActiveMsAt(timer, now_ms);
    RecordPartialReps(timer, active);
    EnterStep(timer, timer.StepIndex + 1, active);
    Advance(timer, now_ms);  // passes 0 s steps at once
    return true;
}

bool Back(Timer& timer, int64_t now_ms)
{
    Advance(timer, now_ms);
    if (!timer.Started || timer.Over)
        return false;
    const int64_t active = ActiveMsAt(timer, now_ms);
    RecordPartialReps(timer, active);
    // Step over 0 s steps, which would otherwise pass straight back to where we came from.
    int target = std::max(0, timer.StepIndex - 1);
    while (target > 0 && IsTimed(timer.Plan[target]) && timer.Plan[target].DurationMs == 0)
        target--;
    EnterStep(timer, target, active);
    Advance(timer, now_ms);
    return true;
}

bool Done(Timer& timer, int64_t now_ms)
{
    Advance(timer, now_ms);
    if (!timer.Started || timer.Over || timer.Plan[timer.StepIndex].StepPhase != Phase::Work)
        return false;
    const int64_t active = ActiveMsAt(timer, now_ms);
    RecordReps(timer, timer.StepIndex, timer.Plan[timer.StepIndex].TargetReps);
    EnterStep(timer, timer.StepIndex + 1, active);
    Advance(timer, now_ms);
    return true;
}

bool EndEarly(Timer& timer, int64_t now_ms)
{
    Advance(timer, now_ms);
    if (!timer.Started || timer.Over)
        return false;
    const int64_t active = ActiveMsAt(timer, now_ms);
    RecordPartialReps(timer, active);
    if (timer.Plan[timer.StepIndex].StepPhase == Phase::Work)
        timer.WorkMs += active - timer.StepStartActiveMs;
    timer.Over = true;
    timer.EndedEarly = true;
    timer.OverAtActiveMs = active;
    return true;
}

bool Extend(Timer& timer, int64_t now_ms, int64_t extra_ms)
{
    Advance(timer, now_ms);
    if (!timer.Started || timer.Over || extra_ms <= 0 || !IsExtendable(timer.Plan[timer.StepIndex]))
        return false;
    const int64_t room = MaxStepExtraMs - timer.StepExtraMs;
    if (room <= 0)
        return false;
    timer.StepExtraMs += std::min(extra_ms, room);
    return true;
}

// --- [SECTION] Views ----------------------------------------------------------------------------

static TimerView MakeView(const Timer& timer, int64_t now_ms);

TimerView Update(Timer& timer, int64_t now_ms, std::vector<CueEvent>* events)
{
    Advance(timer, now_ms);
    if (events)
        events->insert(events->end(), timer.Pending.begin(), timer.Pending.end());
    timer.Pending.clear();
    return MakeView(timer, now_ms);
}

TimerView ViewAt(const Timer& timer, int64_t now_ms)
{
    Timer ahead = timer;  // the steps the time covers are walked on a copy (a few hundred bytes)
    Advance(ahead, now_ms);
    return MakeView(ahead, now_ms);
}

// The view of a timer already brought up to now_ms.
static TimerView MakeView(const Timer& timer, int64_t now_ms)
{
    TimerView view = {};
    view.Started = timer.Started;
    view.Paused = timer.Paused;
    view.Finished = timer.Over && !timer.EndedEarly;
    view.EndedEarly = timer.EndedEarly;
    view.StepCount = (int)timer.Plan.size();
    view.Rounds = timer.PlanSettings.Rounds;
    view.TempoPart = -1;
    view.TempoPartName = "";
    if (timer.Plan.empty())
        return view;

    const Step& step = timer.Plan[timer.StepIndex];
    const int64_t active = ActiveMsAt(timer, now_ms);
    const int64_t elapsed = active - timer.StepStartActiveMs;
    view.StepIndex = timer.StepIndex;
    view.StepPhase = step.StepPhase;
    view.Round = step.Round;
    view.Exercise = step.Exercise;
    view.CurrentSide = step.StepSide;
    view.ActiveMs = active;
    view.PhaseElapsedMs = elapsed;
    view.CountingUp = step.CountsUp;
    view.PhaseLengthMs = IsTimed(step) ? CurrentStepMs(timer) : 0;
    view.PhaseLeftMs = IsTimed(step) ? std::max<int64_t>(0, view.PhaseLengthMs - elapsed) : 0;
    view.CanExtend = timer.Started && !timer.Over && IsExtendable(step) && timer.StepExtraMs < MaxStepExtraMs;

    if (step.StepPhase == Phase::Work)
    {
        const Exercise& exercise = GetExercise(step.Exercise);
        const int64_t rep_ms = RepDurationMs(exercise);
        int64_t rep_index = elapsed / rep_ms;
        if (!step.CountsUp)
        {
            rep_index = std::min<int64_t>(rep_index, step.TargetReps - 1);
            view.Rep = (int)rep_index + 1;
        }
        const int64_t in_rep = std::min<int64_t>(elapsed - rep_index * rep_ms, rep_ms - 1);
        view.Reps = step.TargetReps;
        view.RepPhase = (float)((double)in_rep / (double)rep_ms);
        const int p = TempoPartAt(exercise, in_rep);
        if (p >= 0)
        {
            view.TempoPart = p;
            view.TempoPartName = exercise.Tempo[p].Name;
            if (exercise.Style == SetStyle::Alternating)
                view.CurrentSide = exercise.Tempo[p].PartSide;
        }
    }

    // Progress: nominal time of the steps behind us plus the part of the current one.
    int64_t total = 0, behind = 0;
    for (size_t i = 0; i < timer.Plan.size(); i++)
    {
        const int64_t nominal = StepNominalMs(timer.Plan[i]);
        total += nominal;
        if ((int)i < timer.StepIndex)
            behind += nominal;
        else if ((int)i == timer.StepIndex)
            behind += std::min(nominal, elapsed);
    }
    view.Progress = view.Finished ? 1.0f : total > 0 ? (float)((double)behind / (double)total)
                                                     : 0.0f;
    return view;
}

// --- [SECTION] Records and saved sessions -------------------------------------------------------

SessionRecord MakeSessionRecord(const Timer& timer, int64_t now_ms, int64_t wall_now_ms)
{
    SessionRecord record = {};
    record.Id = timer.SessionId;
    record.StartedWallMs = timer.StartedWallMs;
    record.EndedWallMs = std::max(wall_now_ms, timer.StartedWallMs);
    record.DurationMs = ActiveMsAt(timer, now_ms);
    record.RoundsPlanned = timer.PlanSettings.Rounds;
    record.Finished = timer.Over && !timer.EndedEarly;
    record.WorkMs = timer.WorkMs;
    if (timer.Started && !timer.Over && !timer.Plan.empty() && timer.Plan[timer.StepIndex].StepPhase == Phase::Work)
        record.WorkMs += std::max<int64_t>(0, record.DurationMs - timer.StepStartActiveMs);
    for (int e = 0; e < ExerciseCount; e++)
        record.Bands[e] = timer.PlanSettings.Band[e];

    std::vector<int> reps = timer.StepRepsDone;
    if (timer.Started && !timer.Over && !timer.Plan.empty())
    {
        const Step& step = timer.Plan[timer.StepIndex];
        reps[timer.StepIndex] = std::max(reps[timer.StepIndex], CompletedReps(step, record.DurationMs - timer.StepStartActiveMs));
    }

    for (size_t i = 0; i < timer.Plan.size(); i++)
    {
        const Step& step = timer.Plan[i];
        if (step.StepPhase != Phase::Work)
            continue;
        const Exercise& exercise = GetExercise(step.Exercise);
        if (!HasSwitch(exercise))  // one set works both sides (alternating reps, or both arms at once)
        {
            record.RepsDone[(int)step.Exercise][(int)ExerciseSide(exercise, 0)] += reps[i];
            record.RepsDone[(int)step.Exercise][(int)ExerciseSide(exercise, 1)] += reps[i];
        }
        else
        {
            record.RepsDone[(int)step.Exercise][(int)step.StepSide] += reps[i];
        }
        // A round is done once the timer went past its last set (followed by a round rest or Done).
        const Phase next = timer.Plan[i + 1].StepPhase;
        const bool last_set_of_round = (next == Phase::RoundRest || next == Phase::Done);
        if (last_set_of_round && timer.Started && timer.HighestStepReached > (int)i)
            record.RoundsDone = step.Round;
    }
    return record;
}

SessionInProgress SnapshotSession(const Timer& timer, int64_t now_ms)
{
    SessionInProgress session = {};
    session.Id = timer.SessionId;
    session.StartedWallMs = timer.StartedWallMs;
    session.PlanSettings = timer.PlanSettings;
    session.StepIndex = timer.StepIndex;
    session.StepStartActiveMs = timer.StepStartActiveMs;
    session.StepExtraMs = timer.StepExtraMs;
    session.WorkMs = timer.WorkMs;
    session.ActiveMs = ActiveMsAt(timer, now_ms);
    session.DeliveredUntilActiveMs = timer.DeliveredUntilActiveMs;
    session.HighestStepReached = timer.HighestStepReached;
    session.StepRepsDone = timer.StepRepsDone;
    session.EndedEarly = timer.EndedEarly;
    return session;
}

// The reasons are shown after "session in progress: " when a saved session cannot be read.
const char* CheckSessionInProgress(const SessionInProgress& session)
{
    if (!SettingsAreValid(session.PlanSettings))
        // TRANSLATORS: why a saved workout under way cannot be read, after "session in progress: "
        return N_("the session's settings are out of range");
    const std::vector<Step> plan = BuildPlan(session.PlanSettings);
    if (session.StepIndex < 0 || session.StepIndex >= (int)plan.size())
        return N_("the current step is not in the plan");
    if (session.HighestStepReached < session.StepIndex || session.HighestStepReached >= (int)plan.size())
        return N_("the furthest step reached is not in the plan");
    if (session.StepRepsDone.size() != plan.size())
        return N_("the reps done do not match the plan");
    for (size_t i = 0; i < plan.size(); i++)
        if (session.StepRepsDone[i] < 0 || session.StepRepsDone[i] > plan[i].TargetReps)
            return N_("a set has more reps done than planned");
    if (session.StepStartActiveMs < 0 || session.StepStartActiveMs > session.DeliveredUntilActiveMs ||
        session.DeliveredUntilActiveMs > session.ActiveMs || session.ActiveMs > MaxActiveMs)
        return N_("the session's times are out of order or out of range");
    const Step& step = plan[session.StepIndex];
    if (session.StepExtraMs < 0 || session.StepExtraMs > MaxStepExtraMs || (session.StepExtraMs > 0 && !IsExtendable(step)))
        return N_("the current step was extended where it cannot be");
    if (session.WorkMs < 0 || session.WorkMs > session.ActiveMs)
        return N_("the work time is out of range");
    // After every call the timer has left a timed step that ran out, so a current one always has time left.
    if (IsTimed(step) && session.DeliveredUntilActiveMs - session.StepStartActiveMs >= step.DurationMs + session.StepExtraMs)
        return N_("the current step has run past its end");
    if (step.StepPhase == Phase::Done && (session.EndedEarly || session.ActiveMs != session.StepStartActiveMs))
        return N_("a finished session has time after its end");
    if (session.EndedEarly && session.DeliveredUntilActiveMs != session.ActiveMs)
        return N_("an ended session has time after its end");
    return nullptr;
}

bool MigrateTwoSetTrapPull(SessionInProgress& session)
{
    if (!SettingsAreValid(session.PlanSettings))
        return false;
    const std::vector<Step> plan = BuildPlan(session.PlanSettings);
    // The old plan's steps, each as (step of today's plan, part): 0 a step both plans have, 1 the
    // trap pull's first arm, 2 its switch, 3 its second arm.
    std::vector<std::pair<int, int>> old_steps;
    for (int i = 0; i < (int)plan.size(); i++)
    {
        const bool trap_pull = plan[i].StepPhase == Phase::Work && plan[i].Exercise == ExerciseId::TrapPull;
        for (int part = trap_pull ? 1 : 0; part <= (trap_pull ? 3 : 0); part++)
            old_steps.emplace_back(i, part);
    }
    const int old_count = (int)old_steps.size();
    if (old_count == (int)plan.size() || (int)session.StepRepsDone.size() != old_count || session.StepIndex < 0 ||
        session.StepIndex >= old_count || session.HighestStepReached < session.StepIndex || session.HighestStepReached >= old_count)
        return false;
    SessionInProgress out = session;
    out.StepRepsDone.assign(plan.size(), 0);
    for (int i = 0; i < old_count; i++)
    {
        const int step = old_steps[i].first;
        out.StepRepsDone[step] = std::max(out.StepRepsDone[step], std::min(session.StepRepsDone[i], plan[step].TargetReps));
    }
    const auto [step, part] = old_steps[session.StepIndex];
    out.StepIndex = part >= 2 ? step + 1 : step;
    out.HighestStepReached = std::max(out.StepIndex, old_steps[session.HighestStepReached].first);
    if (part != 0)
    {
        out.StepStartActiveMs = session.DeliveredUntilActiveMs;  // the step begins where the session stands
        out.StepExtraMs = 0;
        if (part == 1)
            out.StepRepsDone[step] = 0;  // the set starts again
    }
    if (CheckSessionInProgress(out) != nullptr)
        return false;
    session = out;
    return true;
}

Timer RestoreSession(const SessionInProgress& session, int64_t now_ms)
{
    Timer timer = MakeTimer(session.PlanSettings);
    if (CheckSessionInProgress(session) != nullptr)
        return timer;  // not started: the caller should have checked
    timer.SessionId = session.Id;
    timer.StartedWallMs = session.StartedWallMs;
    timer.Started = true;
    timer.OriginMs = now_ms - session.ActiveMs;
    timer.PausedTotalMs = 0;
    timer.Paused = true;
    timer.PausedAtMs = now_ms;
    timer.StepIndex = session.StepIndex;
    timer.StepStartActiveMs = session.StepStartActiveMs;
    timer.StepExtraMs = session.StepExtraMs;
    timer.WorkMs = session.WorkMs;
    timer.DeliveredUntilActiveMs = session.DeliveredUntilActiveMs;
    timer.HighestStepReached = session.HighestStepReached;
    timer.StepRepsDone = session.StepRepsDone;
    timer.EndedEarly = session.EndedEarly;
    const bool done = timer.Plan[session.StepIndex].StepPhase == Phase::Done;
    timer.Over = session.EndedEarly || done;
    timer.OverAtActiveMs = session.EndedEarly ? session.ActiveMs : session.StepStartActiveMs;
    return timer;
}

}  // namespace core
