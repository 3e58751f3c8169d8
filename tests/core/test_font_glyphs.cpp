// The font is subset at build time to the glyphs listed in CMakeLists.txt (FONT_GLYPHS_*), and each
// text size rasterises only its own list: a word with a letter outside its size's list would show
// a missing-glyph box. These tests read the same generated header as src/ui/fonts.cpp and check
// every catalogue text against the list of the size that draws it.
#include <catch2/catch_test_macros.hpp>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/catalogue.h"
#include "ui_font_glyphs.h"

using namespace core;

static const uint32_t TextGlyphs[] = { UI_FONT_GLYPHS_TEXT, 0 };
static const uint32_t BigGlyphs[] = { UI_FONT_GLYPHS_BIG, 0 };
static const uint32_t CueGlyphs[] = { UI_FONT_GLYPHS_CUE, 0 };

static bool Covers(const uint32_t* ranges, uint32_t code_point)
{
    for (; ranges[0] != 0; ranges += 2)
        if (code_point >= ranges[0] && code_point <= ranges[1])
            return true;
    return false;
}

// The first code point of the text a character outside the list, as "U+XXXX", or "" when all are in.
static std::string FirstMissing(const uint32_t* ranges, const char* utf8)
{
    const unsigned char* p = (const unsigned char*)utf8;
    while (*p != 0)
    {
        uint32_t c = *p;
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1
                               : c < 0xF0   ? 2
                                            : 3;
        c &= extra == 0 ? 0x7F : extra == 1 ? 0x1F
                             : extra == 2   ? 0x0F
                                            : 0x07;
        p++;
        for (int i = 0; i < extra && *p != 0; i++, p++)
            c = (c << 6) | (*p & 0x3F);
        if (!Covers(ranges, c))
        {
            char name[16];
            snprintf(name, sizeof(name), "U+%04X", (unsigned)c);
            return name;
        }
    }
    return "";
}

TEST_CASE("Each glyph list is ranges in order, first before last", "[fonts]")
{
    for (const uint32_t* ranges : { TextGlyphs, BigGlyphs, CueGlyphs })
    {
        uint32_t previous = 0;
        for (; ranges[0] != 0; ranges += 2)
        {
            REQUIRE(ranges[0] <= ranges[1]);
            REQUIRE(ranges[0] > previous);
            previous = ranges[1];
        }
    }
}

TEST_CASE("The body font has every character of the catalogue's texts", "[fonts]")
{
    for (int i = 0; i < ExerciseCount; i++)
    {
        const Exercise& e = GetExercise((ExerciseId)i);
        CAPTURE(e.Key);
        for (const char* text : { e.Name, e.DoseText, e.Targets, e.BandSetup, e.CountUnit })
        {
            CAPTURE(text);
            REQUIRE(FirstMissing(TextGlyphs, text) == "");
        }
        for (int s = 0; s < e.SetupStepCount; s++)
            REQUIRE(FirstMissing(TextGlyphs, e.SetupSteps[s]) == "");
        for (int s = 0; s < e.MoveStepCount; s++)
            REQUIRE(FirstMissing(TextGlyphs, e.MoveSteps[s]) == "");
        for (int s = 0; s < e.FaultCount; s++)
            REQUIRE(FirstMissing(TextGlyphs, e.Faults[s]) == "");
    }
}

TEST_CASE("The tempo-word font has every tempo part's name and the session's own words", "[fonts]")
{
    for (int i = 0; i < ExerciseCount; i++)
    {
        const Exercise& e = GetExercise((ExerciseId)i);
        for (int p = 0; p < e.TempoPartCount; p++)
        {
            CAPTURE(e.Key, e.Tempo[p].Name);
            REQUIRE(FirstMissing(CueGlyphs, e.Tempo[p].Name) == "");
        }
        const std::string switch_side = std::string("Now: right ") + (e.SideNoun ? e.SideNoun : "side");
        REQUIRE(FirstMissing(CueGlyphs, switch_side.c_str()) == "");
    }
    // Drawn in that size by src/ui/screen_session.cpp and screen_finish.cpp.
    for (const char* word : { "Your pace", "Now: walk backward", "Now: walk forward", "Well done!", "No reps done", "Session ended" })
        REQUIRE(FirstMissing(CueGlyphs, word) == "");
    // A character outside the list is found (the check itself can fail).
    REQUIRE(FirstMissing(CueGlyphs, "Hold 5") == "U+0035");
    REQUIRE(FirstMissing(CueGlyphs, "Centre \xe2\x80\x93") == "U+2013");
}

TEST_CASE("The timer font has what the clock and the rep count show", "[fonts]")
{
    REQUIRE(FirstMissing(BigGlyphs, "0123456789") == "");
    REQUIRE(FirstMissing(BigGlyphs, "12:45") == "");
    REQUIRE(FirstMissing(BigGlyphs, "3/12") == "");
    REQUIRE(FirstMissing(BigGlyphs, "\xe2\x80\x93") == "");  // the en dash of a count not yet known
    REQUIRE(FirstMissing(BigGlyphs, "x") == "U+0078");
}
