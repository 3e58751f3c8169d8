// The cue table and the coach's words. Everything spoken is short: a tempo part lasts one to two
// seconds, and the next part's words cancel whatever is still being said.
#include "core/coach.h"

#include "core/wording.h"

#include <algorithm>
#include <cstring>

namespace core {

// --- [SECTION] The cue table --------------------------------------------------------------------

constexpr int PartTone = -2;  // in CueRules: the tone of the tempo part the event names

// One row per cue kind, in CueKind order. Tone plays when nothing is spoken at that instant;
// SpokenTone plays even when something is (it marks a change of step, which words do not replace).
struct CueRule
{
    CueKind Kind;
    int Tone;        // a CueTone, or PartTone
    int SpokenTone;  // a CueTone
    int VibrateMs;   // 0 for none
    bool Flash;      // flash the screen
};

static const CueRule CueRules[] = {
    { CueKind::HoldEnd, CueTone_None, CueTone_None, 0, false },  // the TempoPart after the hold carries it
    { CueKind::Rep, CueTone_None, CueTone_None, 30, false },     // the TempoPart 0 at the same instant sounds it
    { CueKind::TempoPart, PartTone, CueTone_None, 0, false },
    { CueKind::HoldStart, CueTone_None, CueTone_None, 0, false },            // the hold's TempoPart carries it
    { CueKind::Halfway, CueTone_None, CueTone_None, 0, false },              // the count says it
    { CueKind::Countdown, CueTone_Countdown, CueTone_Countdown, 0, false },  // not in sets (see CoachCues)
    { CueKind::RestOver, CueTone_RestOver, CueTone_RestOver, 200, true },
    { CueKind::StepStart, CueTone_None, CueTone_None, 0, false },  // a guided set's start sounds its first part
    { CueKind::SwitchSides, CueTone_Switch, CueTone_Switch, 150, true },
    { CueKind::Finished, CueTone_Finish, CueTone_Finish, 400, true },
};
static_assert(sizeof(CueRules) / sizeof(CueRules[0]) == (size_t)CueKind::Finished + 1, "one rule per cue kind");

static int TempoPartTone(const Exercise& exercise, int part)
{
    if (part <= 0 || part >= exercise.TempoPartCount)
        return CueTone_Rep;
    switch (exercise.Tempo[part].Sound)
    {
    case PartTone::Effort: return CueTone_Effort;
    case PartTone::Hold: return CueTone_Hold;
    case PartTone::Return: return CueTone_Return;
    }
    return CueTone_Rep;
}

const char* CueToneKey(int tone)
{
    static const char* keys[CueTone_COUNT] = { "rep", "hold", "countdown", "switch", "rest-over", "finish", "effort", "return" };
    return tone >= 0 && tone < CueTone_COUNT ? keys[tone] : nullptr;
}

CoachOptions MakeCoachOptions(const Settings& settings, bool voice_available)
{
    CoachOptions options = {};
    options.Sound = settings.CueSound;
    options.Voice = settings.CueVoice && voice_available;
    options.Vibration = settings.CueVibration;
    options.Flash = settings.CueFlash;
    options.CountReps = settings.CountReps;
    return options;
}

// --- [SECTION] Words ----------------------------------------------------------------------------

static bool EndsWith(const std::string& text, const char* end)
{
    const size_t n = strlen(end);
    return text.size() >= n && text.compare(text.size() - n, n, end) == 0;
}

// Sentences one after the other: a full stop between them unless the first already ends one (in
// any script: ". ", "? ", Arabic's "؟ ", Japanese's "。").
static void AddSentence(std::string& text, const std::string& sentence)
{
    if (sentence.empty())
        return;
    if (EndsWith(text, "\u3002") || EndsWith(text, "\uff01") || EndsWith(text, "\uff1f"))
        ;  // 。！？ need no space
    else if (EndsWith(text, ".") || EndsWith(text, "!") || EndsWith(text, "?") || EndsWith(text, "\u061f"))
        text += " ";
    else if (!text.empty())
        text += ". ";
    text += sentence;
}

static std::string CountWord(int rep, RepCount count)
{
    if (count == RepCount::Off || (count == RepCount::EveryFive && rep % 5 != 0))
        return "";
    return std::to_string(rep);
}

const char* FinishSentence()
{
    return Tr("Circuit complete. Well done.");
}

std::string NextUpSpeech(const Step& step)
{
    const Exercise& next = GetExercise(step.Exercise);
    const char* name = Tr(next.SpokenName);
    std::string text;
    if (step.StepPhase == Phase::GetReady)
        // TRANSLATORS: spoken before the first exercise; %s is the exercise as the coach says it ("deadbug"), the set-up follows
        text = Format(Tr("Get ready. Next: %s."), name);
    else if (step.StepPhase == Phase::RoundRest)
        // TRANSLATORS: spoken as the rest after a round begins: the round's number, then the next exercise as the coach says it
        text = Format(Tr("Round %d done. Rest. Next: %s."), step.Round, name);
    else
        // TRANSLATORS: spoken as the rest between exercises begins; %s is the next exercise as the coach says it ("monster walks")
        text = Format(Tr("Rest. Next: %s."), name);
    if (step.BandChange && next.Form == BandForm::Flat)
        AddSentence(text, Tr("Untie the loop."));
    AddSentence(text, Tr(next.SetupSpoken));
    return text;
}

std::string SwitchSpeech(const Step& step)
{
    return SwitchSidesText(GetExercise(step.Exercise), step.StepSide);
}

// What a set says as it begins: its side (for a set done one side at a time), then in guided
// tempo the count and the first part, else the invitation to go at one's own pace.
static std::string WorkStartSpeech(const Step& step, RepCount count)
{
    const Exercise& exercise = GetExercise(step.Exercise);
    const char* side = HasSwitch(exercise) ? SetSideText(exercise, step.StepSide) : nullptr;
    if (step.CountsUp)
        // TRANSLATORS: spoken as a self-paced set begins; %s is its side ("Left foot") or the exercise as the coach says it ("deadbug"). "Done" is the button's label
        return Format(Tr("%s. Your pace. Tap Done when the set is complete."), side ? side : Tr(exercise.SpokenName));
    std::string text = side ? side : "";
    AddSentence(text, CountWord(1, count));
    AddSentence(text, Tr(exercise.Tempo[0].Spoken));
    return text;
}

// --- [SECTION] One instant ----------------------------------------------------------------------

CueOutput CoachCues(const std::vector<Step>& plan, const CueEvent* events, int count, const CoachOptions& options)
{
    CueOutput out = { CueTone_None, "", 0, false };
    int silent_tone = CueTone_None;  // the first tone of the instant, used when nothing is spoken
    int spoken_tone = CueTone_None;  // the first tone that plays even over words
    std::string speech;
    for (int i = 0; i < count; i++)
    {
        const CueEvent& event = events[i];
        if (event.StepIndex < 0 || event.StepIndex >= (int)plan.size())
            continue;
        const Step& step = plan[event.StepIndex];
        const Exercise& exercise = GetExercise(step.Exercise);
        const CueRule& rule = CueRules[(int)event.Kind];
        int tone = rule.Tone == PartTone ? TempoPartTone(exercise, event.Value) : rule.Tone;
        int over_words = rule.SpokenTone;
        if (event.Kind == CueKind::Countdown && step.StepPhase == Phase::Work)
            tone = over_words = CueTone_None;  // in a set, the tempo carries the end
        if (event.Kind == CueKind::StepStart && step.StepPhase == Phase::Work && !step.CountsUp)
            tone = CueTone_Rep;  // rep 1's first part starts with the set
        if (silent_tone == CueTone_None)
            silent_tone = tone;
        if (spoken_tone == CueTone_None)
            spoken_tone = over_words;
        out.VibrateMs = std::max(out.VibrateMs, rule.VibrateMs);
        out.Flash |= rule.Flash;

        switch (event.Kind)
        {
        case CueKind::Rep: AddSentence(speech, CountWord(event.Value, options.CountReps)); break;
        case CueKind::TempoPart:
            if (event.Value >= 0 && event.Value < exercise.TempoPartCount)
                AddSentence(speech, Tr(exercise.Tempo[event.Value].Spoken));
            break;
        case CueKind::SwitchSides: AddSentence(speech, SwitchSpeech(step)); break;
        case CueKind::Finished: AddSentence(speech, FinishSentence()); break;
        case CueKind::StepStart:
            if (step.StepPhase == Phase::Work)
                AddSentence(speech, WorkStartSpeech(step, options.CountReps));
            else if (step.StepPhase != Phase::Done && step.StepPhase != Phase::Switch)
                AddSentence(speech, NextUpSpeech(step));
            break;
        default: break;
        }
    }
    if (options.Voice)
        out.Speech = speech;
    if (options.Sound)
        out.Tone = out.Speech.empty() ? silent_tone : spoken_tone;
    if (!options.Vibration)
        out.VibrateMs = 0;
    if (!options.Flash)
        out.Flash = false;
    return out;
}

}  // namespace core
