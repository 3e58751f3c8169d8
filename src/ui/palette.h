// The themes' colours as plain 0xRRGGBB numbers. They live apart from Dear ImGui so that
// tests/core/test_palette.cpp can check, natively, that every text colour meets WCAG AA contrast
// (4.5:1) on each background it is drawn on, the session's phase fills included, and, in the two
// high-contrast palettes used when the system asks for more contrast (prefers-contrast: more),
// AAA (7:1). ui/theme.cpp turns them into the ImGui style; the
// stick figure's colours live with its drawing (ui/figure_view.cpp).
#pragma once

namespace ui {

struct PaletteHex
{
    unsigned Background;   // window background
    unsigned Surface;      // cards, list rows, the demonstration area
    unsigned Frame;        // buttons and other frames
    unsigned Text;         // body text (on Background, Surface and Frame)
    unsigned TextMuted;    // secondary text (on Background and Surface)
    unsigned Accent;       // primary buttons and progress; also accent text on Background and Surface
    unsigned AccentText;   // text on Accent
    unsigned Work;         // work phase numbers (on Background)
    unsigned Rest;         // rest phase numbers (on Background)
    unsigned Warning;      // banners about storage trouble
    unsigned WarningText;  // text on Warning
    unsigned WorkFill;     // the session screen's background during a set (Text, TextMuted, Accent, Work on it)
    unsigned RestFill;     // ... during get-ready and rests (Text, TextMuted, Accent, Rest on it)
    unsigned SwitchFill;   // ... during a switch-sides pause (Text, TextMuted, Accent, Rest on it)
};

constexpr PaletteHex LightPalette = { 0xF4F4F1, 0xFFFFFF, 0xE6E8E4, 0x1B1D1C, 0x4E5552, 0x1F6F5C, 0xFFFFFF, 0x12503F, 0x1D4E89,
                                      0xFFE3A3, 0x3A2A00, 0xD3EEE2, 0xD9E6F7, 0xF9E2B5 };
constexpr PaletteHex DarkPalette = { 0x121413, 0x1E2221, 0x2B302E, 0xECEFED, 0xB4BCB8, 0x5CC8A8, 0x0B1F19, 0x7EE0C0, 0x9CC3F5,
                                     0x5A4300, 0xFFF1CC, 0x0E3025, 0x13253D, 0x3A2A08 };
constexpr PaletteHex HighContrastLightPalette = { 0xFFFFFF, 0xF1F2F0, 0xE2E4E1, 0x000000, 0x2E3331, 0x0B4F40, 0xFFFFFF, 0x073B2F,
                                                  0x0B3A70, 0xFFD966, 0x000000, 0xDDF3E8, 0xE1EBFA, 0xFCEBC8 };
constexpr PaletteHex HighContrastDarkPalette = { 0x000000, 0x151716, 0x262A28, 0xFFFFFF, 0xD6DCD9, 0x7FE8C8, 0x000000, 0xA6F5DD,
                                                 0xC2DCFF, 0x5A4300, 0xFFFFFF, 0x082A1F, 0x0C1A30, 0x2A1E04 };

}  // namespace ui
