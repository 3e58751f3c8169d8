// The coach: what a guided circuit sounds like, instant by instant, from the one cue table.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/coach.h"
#include "core/save_format.h"

using namespace core;

constexpr int64_t T0 = 1'000'000;
constexpr int64_t Wall0 = 1'718'000'000'000LL;

struct Heard
{
    int64_t AtMs;      // active ms of the instant
    CueOutput Output;  // what the coach did
};

// Runs a timer from Start to `until_ms` active and collects every instant's output.
static std::vector<Heard> Listen(const Settings& settings, const CoachOptions& options, int64_t until_ms)
{
    Timer timer = MakeTimer(settings);
    Start(timer, T0, Wall0, "c");
    std::vector<CueEvent> events;
    Update(timer, T0 + until_ms, &events);
    std::vector<Heard> heard;
    ForEachCueInstant(timer.Plan, events, options, [&](const CueOutput& out, const CueEvent& first) { heard.push_back({ first.AtActiveMs, out }); });
    return heard;
}

static std::vector<std::string> Words(const std::vector<Heard>& heard, int64_t from_ms, int64_t to_ms)
{
    std::vector<std::string> words;
    for (const Heard& h : heard)
        if (h.AtMs >= from_ms && h.AtMs < to_ms && !h.Output.Speech.empty())
            words.push_back(h.Output.Speech);
    return words;
}

static CoachOptions Voice(RepCount count = RepCount::EveryRep)
{
    return { true, true, true, false, count };
}

TEST_CASE("A guided deadbug set is spoken part by part, with the count", "[coach]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 1;
    const std::vector<Heard> heard = Listen(settings, Voice(), 10000 + 50000);
    // Get ready (0 s): the next exercise and its set-up.
    REQUIRE(Words(heard, 0, 1) == std::vector<std::string>{ "Get ready. Next: deadbug. Loop the band around your thighs, just above the knees, and lie on your back." });
    // The set starts at 10 s: the first rep, part by part, then rep 2.
    const std::vector<std::string> expected = { "1. Left leg, right arm", "and back", "Right leg, left arm", "and back", "2. Left leg, right arm" };
    const std::vector<std::string> first = Words(heard, 10000, 15001);
    REQUIRE(first == expected);
    // The tones that mark parts are left out while the voice speaks them.
    for (const Heard& h : heard)
        if (h.AtMs > 10000 && h.AtMs < 60000)
            REQUIRE(h.Output.Tone == CueTone_None);
    SECTION("every fifth rep counted, or none")
    {
        const std::vector<Heard> five = Listen(settings, Voice(RepCount::EveryFive), 60000);
        const std::vector<std::string> words = Words(five, 10000, 60000);
        REQUIRE(std::find(words.begin(), words.end(), "5. Left leg, right arm") != words.end());
        REQUIRE(std::find(words.begin(), words.end(), "2. Left leg, right arm") == words.end());
        REQUIRE(words[0] == "Left leg, right arm");
        const std::vector<Heard> none = Listen(settings, Voice(RepCount::Off), 60000);
        for (const std::string& w : Words(none, 10000, 60000))
            REQUIRE(w.find_first_of("0123456789") == std::string::npos);
    }
}

TEST_CASE("Without a voice, each tempo part has its own tone", "[coach]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 1;
    const CoachOptions no_voice = { true, false, true, false, RepCount::EveryRep };
    const std::vector<Heard> heard = Listen(settings, no_voice, 10000 + 10000);
    std::vector<int> tones;
    for (const Heard& h : heard)
    {
        REQUIRE(h.Output.Speech.empty());
        if (h.AtMs >= 10000)
            tones.push_back(h.Output.Tone);
    }
    // The set's start (the get-ready's end chime), the way back, the other side's effort, the way
    // back; then each rep starts with the rep tone.
    const std::vector<int> expected = { CueTone_RestOver, CueTone_Return, CueTone_Effort, CueTone_Return,
                                        CueTone_Rep, CueTone_Return, CueTone_Effort, CueTone_Return, CueTone_Rep };
    REQUIRE(tones == expected);
    SECTION("the dorsiflexion hold sounds as a hold")
    {
        // 10 s get ready, 50 s deadbug, 30 s rest: dorsiflexion starts at 90 s.
        const std::vector<Heard> later = Listen(settings, no_voice, 90000 + 4499);
        std::vector<int> parts;
        for (const Heard& h : later)
            if (h.AtMs >= 90000)
                parts.push_back(h.Output.Tone);
        REQUIRE(parts == std::vector<int>{ CueTone_RestOver, CueTone_Hold, CueTone_Return });
    }
    SECTION("sound off: silence, but vibration stays")
    {
        const CoachOptions quiet = { false, false, true, false, RepCount::EveryRep };
        for (const Heard& h : Listen(settings, quiet, 20000))
            REQUIRE(h.Output.Tone == CueTone_None);
    }
}

TEST_CASE("Rests name the next exercise and its band set-up; switches name the new side", "[coach]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 2;
    Timer timer = MakeTimer(settings);
    for (size_t i = 0; i < timer.Plan.size(); i++)
    {
        const Step& step = timer.Plan[i];
        const CueEvent start = { step.StepPhase == Phase::Switch ? CueKind::SwitchSides : CueKind::StepStart, (int)i, 0, 0 };
        const CueOutput out = CoachCues(timer.Plan, &start, 1, Voice());
        CAPTURE(i, out.Speech);
        if (step.StepPhase == Phase::Rest || step.StepPhase == Phase::RoundRest)
        {
            const Exercise& next = GetExercise(step.Exercise);
            REQUIRE(out.Speech.find(std::string("Next: ") + next.SpokenName + ".") != std::string::npos);
            REQUIRE(out.Speech.find(next.SetupSpoken) != std::string::npos);
            REQUIRE((out.Speech.find("Untie the loop.") != std::string::npos) == (step.BandChange && next.Form == BandForm::Flat));
        }
        if (step.StepPhase == Phase::Switch)
        {
            REQUIRE(out.Tone == CueTone_Switch);
            REQUIRE(out.VibrateMs > 0);
        }
    }
    const std::vector<Step>& plan = timer.Plan;
    auto find = [&](Phase phase, ExerciseId id) {
        for (const Step& step : plan)
            if (step.StepPhase == phase && step.Exercise == id)
                return step;
        FAIL("no such step");
        return plan[0];
    };
    REQUIRE(NextUpSpeech(find(Phase::Rest, ExerciseId::MonsterWalk)) == "Rest. Next: monster walks. Loop the band around your ankles.");
    REQUIRE(SwitchSpeech(find(Phase::Switch, ExerciseId::Dorsiflexion)) == "Switch sides. Now the right foot.");
    REQUIRE(SwitchSpeech(find(Phase::Switch, ExerciseId::MonsterWalk)) == "Change direction. Now walk backward.");
    REQUIRE(NextUpSpeech(find(Phase::RoundRest, ExerciseId::Deadbug)).rfind("Round 1 done. Rest. Next: deadbug.", 0) == 0);
}

TEST_CASE("One instant, one utterance: rest over and the set's first words together", "[coach]")
{
    Settings settings = DefaultSettings();
    settings.Rounds = 1;
    const std::vector<Heard> heard = Listen(settings, Voice(), 10000);
    const Heard& at_start = heard.back();
    REQUIRE(at_start.AtMs == 10000);
    REQUIRE(at_start.Output.Speech == "1. Left leg, right arm");
    REQUIRE(at_start.Output.Tone == CueTone_RestOver);  // a change of step still sounds under the words
    SECTION("countdown tones before the end of a rest, none inside a set")
    {
        const std::vector<Heard> all = Listen(settings, { true, false, true, false, RepCount::EveryRep }, 60000);
        int in_get_ready = 0;
        for (const Heard& h : all)
        {
            if (h.Output.Tone == CueTone_Countdown)
            {
                REQUIRE(h.AtMs < 10000);
                in_get_ready++;
            }
        }
        REQUIRE(in_get_ready == 3);
    }
}

// The page plays tones by name: every name the coach can give is a key of web/app.js's TONES.
TEST_CASE("Every cue tone has a distinct name, and web/app.js has notes for each", "[coach]")
{
    FILE* file = fopen(BAND_SOURCE_DIR "/web/app.js", "rb");
    REQUIRE(file != nullptr);
    std::string js;
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof(buffer), file)) > 0;)
        js.append(buffer, n);
    fclose(file);
    const size_t table = js.find("const TONES = {");
    REQUIRE(table != std::string::npos);
    const std::string tones = js.substr(table, js.find("};", table) - table);
    std::vector<std::string> seen;
    for (int tone = 0; tone < CueTone_COUNT; tone++)
    {
        const char* key = CueToneKey(tone);
        REQUIRE(key != nullptr);
        CHECK(std::find(seen.begin(), seen.end(), key) == seen.end());
        seen.push_back(key);
        INFO(key);
        CHECK(tones.find("\"" + std::string(key) + "\": [[") != std::string::npos);
    }
    CHECK(CueToneKey(CueTone_None) == nullptr);
    CHECK(CueToneKey(CueTone_COUNT) == nullptr);
}
