#include "core/bidi.h"

#include <algorithm>  // std::min, std::max
#include <vector>

namespace core {

namespace {

bool IsDigit(unsigned c) { return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9); }

bool IsRightToLeftLetter(unsigned c)
{
    if (c == 0x060C)  // the Arabic comma separates like a comma
        return false;
    return (c >= 0x0590 && c <= 0x08FF && !IsDigit(c)) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

bool IsLeftToRightLetter(unsigned c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (c == 0xD7 || c == 0xF7 || c < 0xC0)
        return c == 0xAA || c == 0xB5 || c == 0xBA;
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFEFF))
        return false;  // right-to-left scripts, their digits and punctuation
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF0F))
        return false;  // punctuation, symbols, arrows, CJK punctuation
    return true;
}

// Joins two digits it stands between: "1:30", "2/5" (the bidi algorithm's CS).
bool IsCommonSeparator(unsigned c) { return c == ':' || c == '.' || c == ',' || c == '/' || c == 0x060C; }
// Joins two digits it stands between, also "10-12" (CS and ES).
bool IsNumberSeparator(unsigned c) { return c == ':' || c == '.' || c == ',' || c == '/' || c == 0x060C || c == '+' || c == '-' || c == 0x2212; }
// Joins a number it touches: "80%" (the bidi algorithm's ET).
bool IsNumberSign(unsigned c) { return c == '%' || c == 0x00B0 || c == '#' || c == '$' || c == 0x2030; }

constexpr int Other = -1;

struct Span
{
    int Begin, End;  // glyphs [Begin, End)
};

bool Touching(const PlacedGlyph& a, const PlacedGlyph& b, float gap_break) { return b.X0 - a.X1 < gap_break * 0.2f; }

// Numbers: digits, with what joins them ("1:30", "2/5") and the signs that touch them ("80%"); each
// is kept in its own order wherever it goes. After an Arabic letter a number is an "Arabic number"
// to the bidi algorithm: only : . , / join it ("10-12" shows as two numbers, read right to left),
// and a sign next to it stays apart.
std::vector<Span> NumberRuns(std::span<PlacedGlyph> line, float gap_break)
{
    std::vector<Span> runs;
    const int n = (int)line.size();
    bool after_arabic = false;
    for (int i = 0; i < n;)
    {
        const unsigned c = line[i].Codepoint;
        if (!IsDigit(c))
        {
            if (BidiClassOf(c) != BidiClass::Neutral)
                after_arabic = BidiClassOf(c) == BidiClass::RightToLeft;
            i++;
            continue;
        }
        auto joins = [&](unsigned j) { return IsCommonSeparator(j) || (!after_arabic && IsNumberSeparator(j)); };
        int begin = i, end = i + 1;
        while (end < n)
        {
            if (IsDigit(line[end].Codepoint))
                end++;
            else if (end + 1 < n && joins(line[end].Codepoint) && IsDigit(line[end + 1].Codepoint))
                end += 2;
            else
                break;
        }
        if (!after_arabic)
        {
            while (begin > 0 && IsNumberSign(line[begin - 1].Codepoint) && Touching(line[begin - 1], line[begin], gap_break))
                begin--;
            while (end < n && IsNumberSign(line[end].Codepoint) && Touching(line[end - 1], line[end], gap_break))
                end++;
        }
        runs.push_back({ begin, end });
        i = end;
    }
    return runs;
}

unsigned ClosingBracketOf(unsigned c)
{
    switch (c)
    {
    case '(': return ')';
    case '[': return ']';
    case '{': return '}';
    case 0x00AB: return 0x00BB;
    default: return 0;
    }
}

// Runs of left-to-right text on a right-to-left line: from a letter such as Latin to the last
// letter or number before the next right-to-left letter (what lies between, spaces and all, goes
// with it), with a closing bracket whose opening one it holds.
std::vector<Span> LeftToRightRuns(std::span<PlacedGlyph> line, float gap_break)
{
    std::vector<Span> runs;
    const int n = (int)line.size();
    for (int i = 0; i < n;)
    {
        if (!IsLeftToRightLetter(line[i].Codepoint))
        {
            i++;
            continue;
        }
        int last = i;  // the last strong glyph or digit of the run
        unsigned open_closing = 0;
        int j = i;
        for (; j < n; j++)
        {
            const unsigned c = line[j].Codepoint;
            if (j > i && line[j].X0 - line[j - 1].X1 >= gap_break)
                break;
            if (BidiClassOf(c) == BidiClass::RightToLeft)
                break;
            if (ClosingBracketOf(c))
                open_closing = ClosingBracketOf(c);
            if (BidiClassOf(c) == BidiClass::LeftToRight)
                last = j;
            else if (c == open_closing)
            {
                last = j;
                open_closing = 0;
            }
        }
        runs.push_back({ i, last + 1 });
        i = last + 1;
    }
    return runs;
}

// Runs of right-to-left text on a left-to-right line: its letters and whatever lies between them.
std::vector<Span> RightToLeftRuns(std::span<PlacedGlyph> line, float gap_break)
{
    std::vector<Span> runs;
    const int n = (int)line.size();
    for (int i = 0; i < n;)
    {
        if (BidiClassOf(line[i].Codepoint) != BidiClass::RightToLeft)
        {
            i++;
            continue;
        }
        int last = i;
        for (int j = i + 1; j < n; j++)
        {
            if (line[j].X0 - line[j - 1].X1 >= gap_break || IsLeftToRightLetter(line[j].Codepoint))
                break;
            if (BidiClassOf(line[j].Codepoint) == BidiClass::RightToLeft)
                last = j;
        }
        runs.push_back({ i, last + 1 });
        i = last + 1;
    }
    return runs;
}

// Turns the glyphs of [span] around between lo and hi, except that each kept block moves whole,
// keeping its own order.
void TurnAround(std::span<PlacedGlyph> line, Span span, float lo, float hi, const std::vector<Span>& kept)
{
    std::vector<int> block(line.size(), Other);
    for (int k = 0; k < (int)kept.size(); k++)
        for (int i = std::max(kept[k].Begin, span.Begin); i < std::min(kept[k].End, span.End); i++)
            block[i] = k;
    for (int i = span.Begin; i < span.End;)
    {
        if (block[i] == Other)
        {
            PlacedGlyph& g = line[i];
            const float w = g.X1 - g.X0;
            g.X0 = lo + hi - g.X1;
            g.X1 = g.X0 + w;
            g.Mirrored = IsBidiMirrored(g.Codepoint);
            i++;
            continue;
        }
        int end = i;
        while (end < span.End && block[end] == block[i])
            end++;
        const float min = line[i].X0, max = line[end - 1].X1, shift = lo + hi - max - min;
        for (int j = i; j < end; j++)
        {
            line[j].X0 += shift;
            line[j].X1 += shift;
            line[j].Mirrored = false;
        }
        i = end;
    }
}

}  // namespace

BidiClass BidiClassOf(unsigned c)
{
    if (IsRightToLeftLetter(c))
        return BidiClass::RightToLeft;
    if (IsLeftToRightLetter(c) || IsDigit(c))
        return BidiClass::LeftToRight;
    return BidiClass::Neutral;
}

bool IsBidiMirrored(unsigned c)
{
    switch (c)
    {
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '<':
    case '>':
    case 0x00AB:  // « »
    case 0x00BB:
    case 0x2039:  // ‹ ›
    case 0x203A:
    case 0x2190:  // ← →: "back" points the other way in a right-to-left interface
    case 0x2192: return true;
    default: return false;
    }
}

bool IsNumberPart(unsigned c) { return IsNumberSign(c) || IsNumberSeparator(c); }

void PlaceLine(std::span<PlacedGlyph> line, bool right_to_left_screen, float screen_width, float gap_break)
{
    if (line.empty())
        return;
    if (right_to_left_screen)
    {
        // Left-to-right runs, and the numbers outside them (after Arabic), keep their order.
        const std::vector<Span> runs = LeftToRightRuns(line, gap_break);
        std::vector<Span> kept;
        size_t r = 0;
        for (const Span& number : NumberRuns(line, gap_break))
        {
            for (; r < runs.size() && runs[r].Begin <= number.Begin; r++)
                kept.push_back(runs[r]);
            if (kept.empty() || kept.back().End <= number.Begin)
                kept.push_back(number);
        }
        kept.insert(kept.end(), runs.begin() + (long)r, runs.end());
        TurnAround(line, { 0, (int)line.size() }, 0.0f, screen_width, kept);
        return;
    }
    const std::vector<Span> numbers = NumberRuns(line, gap_break);
    for (const Span& run : RightToLeftRuns(line, gap_break))
    {
        float lo = line[run.Begin].X0, hi = line[run.Begin].X1;
        for (int i = run.Begin; i < run.End; i++)
        {
            lo = std::min(lo, line[i].X0);
            hi = std::max(hi, line[i].X1);
        }
        TurnAround(line, run, lo, hi, numbers);
    }
}

}  // namespace core
