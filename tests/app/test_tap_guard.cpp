// The tap guard: a second tap where the screen just changed does nothing; every other tap works.
#include "app/app_state.h"
#include "app/tap_guard.h"

#include <catch2/catch_test_macros.hpp>

using app::TapGuard;

// A tap: down at `at`, up 60 ms later. Returns whether it counted.
static bool Tap(TapGuard& guard, double at, float x, float y)
{
    const bool down = guard.Press(at, x, y);
    const bool up = guard.Release(at + 60.0);
    CHECK(down == up);  // a refused press is refused whole
    return down;
}

TEST_CASE("A double tap across a screen change presses once")
{
    TapGuard guard;
    guard.NoteView(1, 0.0);
    REQUIRE(Tap(guard, 1000.0, 100.0, 500.0));  // End session
    guard.NoteView(2, 1080.0);                  // the finish screen, drawn the frame after the release
    CHECK(guard.RemainingMs(1080.0) == TapGuard::GuardMs);
    CHECK_FALSE(Tap(guard, 1200.0, 104.0, 497.0));  // the second tap of the double tap, on Home
    CHECK(guard.RemainingMs(1300.0) > 0.0);
    CHECK(Tap(guard, 1080.0 + TapGuard::GuardMs + 10.0, 100.0, 500.0));  // Home, meant
    CHECK(guard.RemainingMs(1080.0 + TapGuard::GuardMs) == 0.0);
}

TEST_CASE("After a screen change, a tap elsewhere, or one not following a tap, works at once")
{
    TapGuard guard;
    guard.NoteView(1, 0.0);
    REQUIRE(Tap(guard, 1000.0, 100.0, 500.0));
    guard.NoteView(2, 1080.0);
    CHECK(Tap(guard, 1150.0, 300.0, 200.0));  // another control, far from the first tap

    // The step changes by itself (the rest ends), seconds after the last tap: Pause works at once.
    guard.NoteView(3, 9000.0);
    CHECK(Tap(guard, 9050.0, 300.0, 200.0));
}

TEST_CASE("Two taps on one screen both count (a stepper pressed twice)")
{
    TapGuard guard;
    guard.NoteView(1, 0.0);
    CHECK(Tap(guard, 1000.0, 100.0, 500.0));
    guard.NoteView(1, 1080.0);
    CHECK(Tap(guard, 1150.0, 100.0, 500.0));
    CHECK(Tap(guard, 1300.0, 100.0, 500.0));
}

TEST_CASE("A press held while the screen changes lets go of the control it was on")
{
    TapGuard guard;
    guard.NoteView(1, 0.0);
    REQUIRE(guard.Press(1000.0, 100.0, 500.0));
    CHECK(guard.NoteView(2, 1200.0));        // the step ended under the finger
    CHECK_FALSE(guard.NoteView(2, 1216.0));  // said once
    CHECK_FALSE(guard.Release(1400.0));
    CHECK(Tap(guard, 2000.0, 100.0, 500.0));  // the next tap is a tap
}

TEST_CASE("The view key changes with the screen, a dialog and the session step")
{
    app::AppState a;
    const uint64_t home = app::ViewKey(a);
    a.Screens.Current = app::Screen_Settings;
    const uint64_t settings = app::ViewKey(a);
    CHECK(settings != home);
    a.Screens.ConfirmingReset = true;
    CHECK(app::ViewKey(a) != settings);
    a.Screens.Current = app::Screen_Session;
    a.Screens.ConfirmingReset = false;
    a.HasSession = true;
    a.View.StepIndex = 3;
    const uint64_t step3 = app::ViewKey(a);
    a.View.StepIndex = 4;
    CHECK(app::ViewKey(a) != step3);
    a.Screens.ConfirmingEnd = true;
    CHECK(app::ViewKey(a) != step3);
}
