// The coach: what the runner hears and feels for each timer cue. A runner lying on the floor
// cannot see the phone, so the voice carries the tempo ("Left leg, right arm... and back"), the
// count, the side and the next band set-up; without a voice, each tempo part has its own tone.
// One table (CueRules in coach.cpp) says which tone, vibration and flash every cue kind gives;
// the page plays what CoachCues() returns, in sight or hidden, and maps nothing itself.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"
#include "core/timer.h"

namespace core {

// The tones of the cues. The page knows them by name (CueToneKey): web/app.js's TONES has one
// entry per name, so the two never have to agree on an order.
enum CueTone
{
    CueTone_None = -1,
    CueTone_Rep,        // a rep (or step) begins: the first tempo part
    CueTone_Hold,       // a static hold begins
    CueTone_Countdown,  // 3-2-1 before a rest or get-ready ends
    CueTone_Switch,     // switch sides
    CueTone_RestOver,   // a rest or get-ready ran out
    CueTone_Finish,     // the circuit is complete
    CueTone_Effort,     // a later effort part of a rep (the deadbug's other side, the twist's other way)
    CueTone_Return,     // the way back to the start position
    CueTone_COUNT
};

struct CoachOptions
{
    bool Sound;          // tones on
    bool Voice;          // spoken cues on AND the browser has a voice to speak with
    bool Vibration;      // vibration on
    bool Flash;          // screen flash on
    RepCount CountReps;  // which rep numbers are spoken
};

const char* CueToneKey(int tone);  // "rep", "hold", "countdown", "switch", "rest-over", "finish", "effort", "return"; nullptr for none

CoachOptions MakeCoachOptions(const Settings& settings, bool voice_available);

// What to do at one instant: one tone, one utterance, one vibration, a flash.
struct CueOutput
{
    int Tone;            // a CueTone; CueTone_None for no tone
    std::string Speech;  // "" for nothing to say
    int VibrateMs;       // 0 for none
    bool Flash;          // flash the screen

    bool operator==(const CueOutput&) const = default;
};

// The cues of one instant (events that share AtActiveMs, in the timer's order) as one output, so
// a count and a tempo word become one short utterance ("3. Left leg, right arm") instead of two
// that cut each other off. When something is spoken, the tones that mark reps and tempo parts
// are left out (the words carry them); tones that mark a change of step still play.
CueOutput CoachCues(const std::vector<Step>& plan, const CueEvent* events, int count, const CoachOptions& options);

// Calls emit(output, first_event) for each instant in events, grouping the events of an instant.
template <typename Emit>
void ForEachCueInstant(const std::vector<Step>& plan, const std::vector<CueEvent>& events, const CoachOptions& options, Emit emit)
{
    size_t i = 0;
    while (i < events.size())
    {
        size_t j = i + 1;
        while (j < events.size() && events[j].AtActiveMs == events[i].AtActiveMs)
            j++;
        emit(CoachCues(plan, &events[i], (int)(j - i), options), events[i]);
        i = j;
    }
}

// The coach's words are in the active language (English when none is chosen).

// "Rest. Next: monster walks. Loop the band around your ankles." for a GetReady, Rest or RoundRest
// step (with "Untie the loop." before the set-up when the loop comes off).
std::string NextUpSpeech(const Step& step);
// "Switch sides. Now the right foot." / "Change direction. Now walk backward." for a Switch step.
std::string SwitchSpeech(const Step& step);
// "Circuit complete. Well done.": said at the finish, and what the screen reader hears then.
const char* FinishSentence();

}  // namespace core
