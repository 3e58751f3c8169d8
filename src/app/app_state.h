// Everything the app knows: which screen shows, the user's settings and history, the session in
// progress, and how storage is doing. One plain struct, owned by the UI shell (ui/shell.cpp) and
// passed by reference to the app's actions (src/app) and the screens (src/ui) that draw it; the
// timer itself stays in src/core. No drawing type in here, so src/app builds and tests natively.
#pragma once

#include "core/history.h"
#include "core/plan.h"
#include "core/pose.h"
#include "core/save_format.h"
#include "core/timer.h"
#include "platform/platform.h"

#include <string>
#include <utility>
#include <vector>

namespace app {

enum Screen
{
    Screen_Home,
    Screen_Session,
    Screen_Finish,
    Screen_Exercise,
    Screen_History,
    Screen_Settings,
    Screen_About,
    Screen_COUNT
};
const char* ScreenKey(Screen screen);    // "home", "session", ... as in bandCircuit.state().screen
const char* ScreenTitle(Screen screen);  // "Home", "Workout", ... as announced to screen readers (English: core::Tr() it)

enum StorageStatus
{
    StorageStatus_Ok,           // localStorage works and everything saved was read back
    StorageStatus_Unavailable,  // no localStorage (private mode, blocked): the app runs in memory
    StorageStatus_Full,         // the last write failed for lack of space
    StorageStatus_Recovered,    // saved data could not be read: kept aside, the app started clean
};
const char* StorageStatusKey(StorageStatus status);  // "ok", "unavailable", "full", "recovered"

// The keys another page can change under this one (the storage event says which).
enum StoredKey
{
    StoredKey_All,
    StoredKey_Settings,
    StoredKey_Session,
    StoredKey_History,
    StoredKey_Reset,
    StoredKey_Sync,
    StoredKey_COUNT
};

// What became of a finished session's history entry.
enum RecordSave
{
    RecordSave_Pending,      // waiting for the storage lock
    RecordSave_Saved,        // in the stored history
    RecordSave_NoWork,       // no rep was done: not a workout, not kept
    RecordSave_NoSpace,      // the browser's storage is full
    RecordSave_HistoryFull,  // the history holds the most sessions it can read back
    RecordSave_Unavailable,  // no storage at all (private mode): kept in memory only
    RecordSave_Held,         // the stored history could not be read nor copied aside: not written over
    RecordSave_Reset,        // "Delete everything" ran in another page while this session went on
};
const char* RecordSaveKey(RecordSave save);  // "pending", "saved", "no-work", ... as in bandCircuit.state()

// Where this page stands with storage shared with other pages of the app.
struct StoredState
{
    std::string PageId;                                     // this page's id: the owner mark on the session it runs
    core::StampedSettings Settings;                         // settings as last read from or written to storage, with when each changed (the merge base)
    std::vector<core::SessionRecord> Pending;               // history entries waiting for the locked write
    std::vector<core::Deletion> PendingDeletions;           // sessions deleted here, waiting for the locked write
    int64_t PendingBackedUpWallMs = 0;                      // a backup made here, waiting for the locked write (0: none)
    std::vector<core::SessionRecord> FinishedHere;          // sessions this page finished: written again if another page's write drops them
    std::vector<std::pair<std::string, RecordSave>> Saves;  // what became of each entry this page added, sorted by id (saved ones leave it)
    int64_t ResetAtWallMs = 0;                              // the last "Delete everything" known to this page (0: none)
    bool SessionWritten = false;                            // the session in memory is (or was) in storage
    std::string SessionJson;                                // the session exactly as this page last wrote it ("" when not)
    bool SessionElsewhere = false;                          // the session in memory runs in another page: shown, not written
    bool Held[StoredKey_COUNT] = {};                        // unreadable data that could not be copied aside: never written
    std::vector<std::string> KeptAside;                     // keys of kept-aside unreadable copies, oldest first
    bool AskedPersistence = false;                          // navigator.storage.persist() was asked this visit
    bool HomeScreenNoteDismissed = false;                   // the note on Safari's seven days was dismissed (in any page)
};

// The language on its way and what the app knows to choose one (app/language.h); the language on
// screen is core::ActiveLanguage().
struct LanguageState
{
    std::vector<std::string> Browser;  // navigator.languages, read at start-up
    std::string Requested;             // a language whose file is on its way ("" when none)
    std::string Failed;                // the last language whose file could not be fetched or read (not asked again until chosen again)
    int FirstWeekday = 0;              // weeks start on it (0 Monday .. 6 Sunday): the browser's for the language, else the language's
    bool NamesAsked = false;           // the glyphs of the languages' own names (lang/names.bin) were asked for: Settings lists them
};

// Sync with the runner's own CouchDB database (app/sync.h): the saved record, and the run under way.
enum SyncPhase
{
    SyncPhase_Idle,             // nothing under way
    SyncPhase_Pulling,          // GET _changes
    SyncPhase_Pushing,          // POST _bulk_docs
    SyncPhase_PuttingSettings,  // PUT settings
    SyncPhase_GettingSettings,  // GET settings, after a conflict
};
struct SyncState
{
    core::SyncRecord Record;  // the account and progress, as stored (Record.Account.Url empty: sync off)
    SyncPhase Phase = SyncPhase_Idle;
    int RequestId = 0;           // the request whose answer is awaited
    int SettingsTries = 0;       // settings writes this run (a conflict fetches and tries again)
    bool Wanted = false;         // a run is to start at the next frame (or when this one ends)
    double RetryAtMs = 0.0;      // after a failure: the next try (monotonic; 0 none)
    int Received = 0, Sent = 0;  // sessions and deletions taken in and sent out this run
    int Foreign = 0;             // documents left alone this run (not ours, or unreadable)
    std::string Status;          // how the last run went, for a person ("" before any)
    bool StatusIsError = false;
};

// Which screen is on show, and what each screen holds open between frames.
struct ScreenState
{
    Screen Current = Screen_Home;                                // the screen on show
    Screen Previous = Screen_Home;                               // where Back on a sub-screen goes
    core::ExerciseId ShownExercise = core::ExerciseId::Deadbug;  // exercise page
    core::Side ShownSide = core::Side::Left;                     // exercise page: side shown
    core::Camera ShownCamera = {};                               // exercise page: the user's view (drag to turn)
    bool ShownPlaying = true;                                    // exercise page: demonstration playing
    double ShownPhaseOriginMs = 0.0;                             // exercise page: monotonic time of rep phase 0
    bool ConfirmingReset = false;                                // settings: the reset-all-data confirmation is open
    bool ConfirmingEnd = false;                                  // session: the end-early confirmation is open
    std::string Notice;                                          // a short message under the title (import result, ...)
    bool NoticeIsError = false;                                  // show Notice as an error
    double FlashUntilMs = 0.0;                                   // screen flash cue ends at this monotonic time
    int Flashes = 0;                                             // screen flash cues shown since the page loaded
    double ShownPausedMs = 0.0;                                  // exercise page: demonstration time held while paused
    std::string ExpandedSession;                                 // history: id of the session whose reps are shown ("" for none)
    std::string ConfirmingDelete;                                // history: id of the session whose deletion is being confirmed ("" for none)
    std::string BackupFile;                                      // the name of the backup file on its way (BackUpHistory)
};

// The clocks as read once for this frame (or browser event), and what the screens drawing it asked for.
struct FrameState
{
    double NowMs = 0.0;       // monotonic time
    int64_t WallMs = 0;       // wall-clock time, ms since 1970: for dates
    int TzOffsetMinutes = 0;  // local time minus UTC now, in minutes
    bool Animating = false;   // set by screens drawing something that moves
    double WakeAtMs = 0.0;    // set by screens: when the screen next changes by itself
};

// What the system says about how to show the app, and when it was last asked.
struct Environment
{
    bool ReducedMotion = false;      // prefers-reduced-motion: figures hold key poses
    bool SystemDark = false;         // prefers-color-scheme: dark
    bool MoreContrast = false;       // prefers-contrast: more: the high-contrast palette
    float BrowserTextScale = 1.0f;   // the browser's text size (root font size over 16 px)
    double PreferencesReadMs = 0.0;  // when the system theme and motion preference were last asked
};

struct AppState
{
    // Saved data: what storage holds for the runner.
    core::Settings Settings = core::DefaultSettings();  // saved as soon as changed
    std::vector<core::SessionRecord> History;           // finished and ended sessions, oldest first
    std::vector<core::Deletion> Deleted;                // sessions the runner deleted, sorted by id: never added again
    int64_t BackedUpWallMs = 0;                         // when a backup file was last made (0: never)

    // The session: the one in progress, and the last one finished.
    bool HasSession = false;           // a started session exists (running, paused or restored)
    core::Timer Session;               // the session in progress, valid when HasSession
    core::TimerView View;              // the session as of this frame
    bool Restored = false;             // the session came back from storage after a reload
    int64_t LastSavedActiveMs = 0;     // active time of the last session save (periodic saves)
    int64_t SilentUntilActiveMs = -1;  // cues up to this active time are (or were) scheduled in the audio clock: frames do not play them

    core::SessionRecord LastRecord;  // what the finish screen shows
    bool HasLastRecord = false;

    // Storage, updates and the language.
    StorageStatus Storage = StorageStatus_Ok;  // shown as a banner when not Ok
    std::string StorageDetail;                 // what was wrong with the data kept aside
    StoredState Stored;                        // this page and the storage it shares with other pages
    bool UpdateReady = false;                  // a new version of the app is downloaded: it runs from the next visit
    LanguageState Language;                    // the language on screen and the one on its way
    SyncState Sync;                            // sync with the runner's own CouchDB (off by default)

    ScreenState Screens;  // which screen is on show, and what each screen holds open
    FrameState Frame;     // the clocks of this frame (or browser event), and what its screens asked for
    Environment Env;      // the system's preferences, as last asked
};

RecordSave RecordSaveFor(const AppState& app, const std::string& session_id);  // what became of that session's history entry
void SetRecordSave(AppState& app, const std::string& session_id, RecordSave save);
void SetClock(AppState& app, const platform::Clock& clock);              // the clocks for this frame or event: read once, by the caller
float TextScale(const AppState& app);                                    // the text size drawn: Settings' choice, else the browser's, as a factor (1 to 2)
uint64_t ViewKey(const AppState& app);                                   // what is on screen (screen, dialog, session step): changes when the controls under a finger may
void Navigate(AppState& app, Screen screen);                             // switch screens, announce the new one
void RequestWake(AppState& app, double at_ms);                           // the screen changes by itself at this time
void ShowNotice(AppState& app, const std::string& text, bool is_error);  // a short message under the title, said to screen readers too
void RequestAnimation(AppState& app);                                    // something moves: draw the next frame too
void RequestSync(AppState& app);                                         // with sync on (app/sync.h): a run at the next frame, or after the one under way
double ExerciseDemoMs(const AppState& app, double now_ms);               // exercise page: ms into the demonstration
void SetDemoPlaying(AppState& app, bool playing);                        // exercise page: play or pause the demonstration

}  // namespace app
