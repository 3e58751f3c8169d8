// Shared by the app tests: pages of the app over the fake browser (platform_native.h), with the
// clocks moved by the test and each page's storage events handed to it like the browser would.
#pragma once

#include "app/app.h"
#include "app/persistence.h"
#include "app/session_runner.h"
#include "platform/platform_native.h"

#include <catch2/catch_test_macros.hpp>

#include <memory>
#include <vector>

namespace apptest {

inline platform::native::FakeBrowser& Browser() { return platform::native::Browser(); }

// One page (tab or window) of the app.
struct Page
{
    int Index;
    app::AppState State;

    explicit Page(int index) : Index(index)
    {
        Browser().Page = index;
        Browser().EventsTaken[index] = Browser().Writes.size();  // a new page hears only what happens after it opened
        app::Init(State, platform::ReadClock());
    }
    // Acts as this page: its writes become the other pages' storage events.
    app::AppState& Act()
    {
        Browser().Page = Index;
        return State;
    }
    void Frame() { app::BeginFrame(Act(), platform::ReadClock()); }
    // The storage events of the other pages' writes since the last call (one per write, as browsers do).
    int Hear()
    {
        const std::vector<std::string> keys = platform::native::TakeStorageEvents(Index);
        for (const std::string& key : keys)
            app::OnStorageChanged(Act(), key.c_str(), platform::ReadClock());
        return (int)keys.size();
    }
    void GrantHistoryLock() { app::OnHistoryCommit(Act(), platform::ReadClock()); }
};

// Moves both clocks on, drawing a frame of `page` every step_ms (0: one frame at the end).
inline void Advance(Page& page, double ms, double step_ms = 100.0)
{
    if (step_ms <= 0.0)
    {
        Browser().NowMs += ms;
        Browser().WallMs += (int64_t)ms;
        page.Frame();
        return;
    }
    for (double done = 0.0; done < ms; done += step_ms)
    {
        Browser().NowMs += step_ms;
        Browser().WallMs += (int64_t)step_ms;
        page.Frame();
    }
}

// A short circuit: one round, little waiting, so a whole session takes a few hundred frames.
inline core::Settings ShortSettings()
{
    core::Settings settings = core::DefaultSettings();
    settings.Rounds = 1;
    settings.GetReadySec = 3;
    settings.SwitchSidesSec = 0;
    settings.RestSec = 0;
    settings.BandChangeRestSec = 0;
    settings.RoundRestSec = 0;
    settings.Mode = core::RunMode::SelfPaced;
    return settings;
}

// A short session started in `page`, past its get-ready, with "Done" pressed on the first set:
// a workout worth keeping, still going.
inline app::AppState& DoOneSet(Page& page)
{
    app::AppState& a = page.Act();
    a.Settings = ShortSettings();
    app::StartSession(a, a.Frame.NowMs);
    Advance(page, 3500.0);
    REQUIRE(a.View.StepPhase == core::Phase::Work);
    app::FinishSet(a, a.Frame.NowMs);
    return a;
}

// The same, then ended: the finish screen, its history entry waiting for the storage lock.
inline app::AppState& DoOneSetAndEnd(Page& page)
{
    page.Frame();  // actions happen in a frame, on its clocks
    app::AppState& a = DoOneSet(page);
    app::EndSession(a, a.Frame.NowMs);
    return a;
}

// A session started with a get-ready of `seconds`, and its first frame drawn.
inline app::AppState& StartWithGetReady(Page& page, int seconds)
{
    app::AppState& a = page.Act();
    a.Settings.GetReadySec = seconds;
    app::StartSession(a, a.Frame.NowMs);
    page.Frame();
    return a;
}

}  // namespace apptest
