// Where the glyphs of one line of text go when it is shown in the other direction: the part of the
// Unicode bidirectional algorithm that the app's texts need, for an interface drawn by Dear ImGui
// (which lays every line out left to right).
//
// Arabic texts are shaped when the language's table is built (assets/lang/languages.py) and kept in
// reading order. For an Arabic screen the UI lays everything out as usual and then mirrors the
// whole frame around its vertical centre line (src/ui/text_direction.cpp); glyph images are not
// mirrored, so Arabic now reads right to left. PlaceLine() decides, per glyph, where it goes:
// - on a right-to-left screen, a run of left-to-right glyphs (digits, Latin, a time as "1:30")
//   keeps its own order and moves as a block; every other glyph is mirrored in place, and a
//   mirrored character (brackets, arrows) shows its mirror image;
// - on a left-to-right screen, a run of right-to-left glyphs (an Arabic name in the list of
//   languages) is turned around within its own extent.
// The native tests hold the result against python3-bidi's on every Arabic text of the app.
#pragma once

#include <span>

namespace core {

enum class BidiClass
{
    Neutral,      // spaces, punctuation, symbols: take the direction around them
    LeftToRight,  // Latin, Cyrillic, CJK letters and digits
    RightToLeft,  // Arabic (and Hebrew) letters, with Arabic's presentation forms
};
BidiClass BidiClassOf(unsigned codepoint);
bool IsBidiMirrored(unsigned codepoint);  // shown as its mirror image in right-to-left text: ( ) [ ] < > « » ‹ › ← →
bool IsNumberPart(unsigned codepoint);    // part of a number: % ° touching it; : . , / + - between two digits

// One glyph of a line, in reading (logical) order, laid out left to right.
struct PlacedGlyph
{
    unsigned Codepoint = 0;
    float X0 = 0.0f, X1 = 0.0f;  // where it was laid out; PlaceLine() writes the new place here
    bool Mirrored = false;       // PlaceLine(): draw the glyph's image mirrored
};

// Moves the glyphs of one line (in reading order) to their places. right_to_left_screen: the whole
// screen is mirrored around screen_width / 2 (positions become screen_width - x); otherwise only
// right-to-left runs turn around. gap_break: a horizontal gap this wide between two glyphs ends a
// run (two texts drawn side by side are not one run).
void PlaceLine(std::span<PlacedGlyph> line, bool right_to_left_screen, float screen_width, float gap_break);

}  // namespace core
