// Everything the screens share: which screen shows, the user's settings and history, the session
// in progress, and how storage is doing. One plain struct (App()), read and changed by the screen
// functions; the timer itself stays in src/core.
#pragma once

#include "core/history.h"
#include "core/plan.h"
#include "core/pose.h"
#include "core/timer.h"

#include <string>
#include <vector>

namespace ui {

enum Screen { Screen_Home, Screen_Session, Screen_Finish, Screen_Exercise, Screen_History, Screen_Settings, Screen_About, Screen_COUNT };
const char* ScreenKey(Screen screen);     // "home", "session", ... as in bandCircuit.state().screen
const char* ScreenTitle(Screen screen);   // "Home", "Workout", ... as announced to screen readers

enum StorageStatus
{
    StorageStatus_Ok,            // localStorage works and everything saved was read back
    StorageStatus_Unavailable,   // no localStorage (private mode, blocked): the app runs in memory
    StorageStatus_Full,          // the last write failed for lack of space
    StorageStatus_Recovered,     // saved data could not be read: kept aside, the app started clean
};
const char* StorageStatusKey(StorageStatus status);   // "ok", "unavailable", "full", "recovered"

struct AppState
{
    Screen Current = Screen_Home;               // the screen on show
    Screen Previous = Screen_Home;              // where Back on a sub-screen goes
    bc::Settings Settings = bc::DefaultSettings();   // saved as soon as changed
    std::vector<bc::SessionRecord> History;     // finished and ended sessions, oldest first

    bool HasSession = false;                    // a started session exists (running, paused or restored)
    bc::Timer Session;                          // the session in progress, valid when HasSession
    bc::TimerView View;                         // the session as of this frame
    bool Restored = false;                      // the session came back from storage after a reload
    int64_t LastSavedActiveMs = 0;              // active time of the last session save (periodic saves)
    int64_t SilentUntilActiveMs = -1;           // cues up to this active time are (or were) scheduled in the audio clock: frames do not play them

    bc::SessionRecord LastRecord;               // what the finish screen shows
    bool HasLastRecord = false;
    bool LastRecordSaved = false;               // it went into the history (a session with no rep done does not)

    StorageStatus Storage = StorageStatus_Ok;   // shown as a banner when not Ok
    std::string StorageDetail;                  // what was wrong with the data kept aside

    bc::ExerciseId ShownExercise = bc::ExerciseId::Deadbug;   // exercise page
    bc::Side ShownSide = bc::Side::Left;        // exercise page: side shown
    bc::Camera ShownCamera = {};                // exercise page: the user's view (drag to turn)
    bool ShownPlaying = true;                   // exercise page: demonstration playing
    double ShownPhaseOriginMs = 0.0;            // exercise page: monotonic time of rep phase 0

    bool ConfirmingReset = false;               // settings: the reset-all-data confirmation is open
    bool ConfirmingEnd = false;                 // session: the end-early confirmation is open
    std::string Notice;                         // a short message under the title (import result, ...)
    bool NoticeIsError = false;                 // show Notice as an error
    double FlashUntilMs = 0.0;                  // screen flash cue ends at this monotonic time
    bool ReducedMotion = false;                 // prefers-reduced-motion: figures hold key poses
    bool SystemDark = false;                    // prefers-color-scheme: dark
    bool Animating = false;                     // set by screens drawing something that moves
    double WakeAtMs = 0.0;                      // set by screens: when the screen next changes by itself
    double NowMs = 0.0;                         // monotonic time of this frame
    double ShownPausedMs = 0.0;                 // exercise page: demonstration time held while paused
    std::string ExpandedSession;                // history: id of the session whose reps are shown ("" for none)
};

AppState& App();

void Navigate(Screen screen);                   // switch screens, announce the new one
void RequestWake(double at_ms);                 // the screen changes by itself at this time
void RequestAnimation();                        // something moves: draw the next frame too

}  // namespace ui
