// Colours and Dear ImGui style for the light and dark themes. Every text colour meets WCAG AA
// contrast (4.5:1) on the background it is drawn on: see ui/palette.h and its test.
#pragma once

#include <imgui.h>

namespace ui {

struct Palette
{
    ImU32 Background;   // window background
    ImU32 Surface;      // cards and list rows
    ImU32 Text;         // body text
    ImU32 TextMuted;    // secondary text (still AA on Surface and Background)
    ImU32 Accent;       // primary buttons, progress
    ImU32 AccentText;   // text on Accent
    ImU32 Work;         // work phase colour (big numbers)
    ImU32 Rest;         // rest phases
    ImU32 Warning;      // banners: storage trouble
    ImU32 WarningText;  // text on Warning
    ImU32 WorkFill;     // session background during a set
    ImU32 RestFill;     // session background during get-ready and rests
    ImU32 SwitchFill;   // session background during a switch-sides pause
};

void ApplyTheme(bool dark, bool more_contrast = false);  // sets the ImGui style and the palette
const Palette& Colors();
bool IsDarkTheme();
bool IsHighContrast();  // the high-contrast palette is on (prefers-contrast: more)

}  // namespace ui
