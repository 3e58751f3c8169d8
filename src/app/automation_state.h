// bandCircuit.state(), the app's half of the automation interface (README "Automation
// interface"): where the app stands as JSON, for the browser tests. Built here, from the AppState
// and the clocks read at the moment of asking, so it is tested natively; the few facts only the
// drawing knows (theme, keyboard focus, the frame's layout) come in from src/ui as DrawnFacts.
#pragma once

#include "app/app_state.h"

#include <string>

namespace app {

// What the last drawn frame showed that the AppState does not hold.
struct DrawnFacts
{
    bool DarkTheme = false;          // the dark palette is on
    bool HighContrast = false;       // the high-contrast palette is on
    std::string Focused;             // name of the item with visible keyboard focus ("" when none)
    const char* Shape = "portrait";  // "portrait", "landscape" or "wide"
    float Scale = 1.0f;              // display scale: CSS px per layout px
    float WidthCss = 0.0f;           // the viewport, CSS px
    float HeightCss = 0.0f;          //
    float SafeArea[4] = {};          // insets top, right, bottom, left, CSS px
    int MissingGlyphs = 0;           // characters of the language's texts some text size has no glyph for
    double TapGuardMs = 0.0;         // time left in which a second tap at the last tap's spot does nothing (app/tap_guard.h)
};

// The state as of `clock` (a session is read with core::ViewAt: no cue is consumed).
std::string AutomationStateJson(const AppState& app, const platform::Clock& clock, const DrawnFacts& drawn);

}  // namespace app
