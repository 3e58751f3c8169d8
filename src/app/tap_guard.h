// Taps that land where they were meant. When a screen, a dialog or a session step changes under
// the finger, the control that was pressed is replaced by another at the same spot: the second tap
// of a double tap on "End session" would press the finish screen's Home and throw the summary
// away; a finger held on Skip while the step changes by itself would skip the next step too. For
// GuardMs after such a change, a press that began before it, or a second tap at the spot of the
// tap just before it, does nothing. A tap elsewhere, or after GuardMs, works as always.
#pragma once

#include <cstdint>

namespace app {

class TapGuard
{
public:
    static constexpr double GuardMs = 400.0;    // a quick double tap is 100 to 300 ms; a deliberate second tap comes later
    static constexpr float SameSpotPx = 40.0f;  // a finger's second tap lands within this of its first (layout px)

    // What is on screen (screen, dialog, step), as a key, once per frame. A change starts the guard.
    // Returns true when a press was held across the change: it must not press anything on release.
    bool NoteView(uint64_t view_key, double now_ms);

    // The pointer went down at (x, y): false when this press must do nothing (then its release is
    // ignored too: Release returns false for it).
    bool Press(double now_ms, float x, float y);
    bool Release(double now_ms);  // false for the release of an ignored press

    double RemainingMs(double now_ms) const;  // time left of the guard (0 when none): for the automation interface

private:
    uint64_t View = 0;
    bool HaveView = false;
    double ChangedMs = -1.0e9;               // when the view last changed
    bool Down = false;                       // a press is held
    bool Ignoring = false;                   // the held press is ignored
    double LastReleaseMs = -1.0e9;           // when the last press that counted was released
    float LastX = -1.0e9f, LastY = -1.0e9f;  // where it went down
};

}  // namespace app
