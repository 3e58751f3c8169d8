#include "app/tap_guard.h"

#include <cmath>

bool app::TapGuard::NoteView(uint64_t view_key, double now_ms)
{
    if (HaveView && view_key == View)
        return false;
    const bool first = !HaveView;
    HaveView = true;
    View = view_key;
    if (first)
        return false;
    ChangedMs = now_ms;
    if (Down && !Ignoring)
    {
        Ignoring = true;  // the finger is still on the control the change replaced
        return true;
    }
    return false;
}

bool app::TapGuard::Press(double now_ms, float x, float y)
{
    const bool soon_after_change = now_ms - ChangedMs < GuardMs;
    // The tap before this one ended at (or just before) the change: it is what changed the view.
    const bool tap_before_change = LastReleaseMs <= ChangedMs + 1.0 && now_ms - LastReleaseMs < GuardMs;
    const bool same_spot = std::hypot(x - LastX, y - LastY) < SameSpotPx;
    Down = true;
    Ignoring = soon_after_change && tap_before_change && same_spot;
    if (!Ignoring)
    {
        LastX = x;
        LastY = y;
    }
    return !Ignoring;
}

bool app::TapGuard::Release(double now_ms)
{
    const bool counted = !Ignoring;
    if (Down && counted)
        LastReleaseMs = now_ms;
    Down = false;
    Ignoring = false;
    return counted;
}

double app::TapGuard::RemainingMs(double now_ms) const
{
    const double left = ChangedMs + GuardMs - now_ms;
    return left > 0.0 ? left : 0.0;
}
