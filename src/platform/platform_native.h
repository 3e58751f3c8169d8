// The native stand-in for the browser (platform_native.cpp), for the app's tests: an in-memory
// localStorage shared by every page in the process, clocks that move only when a test moves them,
// time-zone rules a test chooses, and a record of every cue, announcement and download. Two app
// instances over it are two tabs: a test says which page acts (Page), and hands each page the
// storage events of the others' writes (TakeStorageEvents).
#pragma once

#include "platform/platform.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace platform::native {

struct FakeBrowser
{
    // Clocks
    double NowMs = 1000.0;                     // monotonic ms
    int64_t WallMs = 1717430400000;            // wall-clock ms (2024-06-03 16:00 UTC, a Monday)
    int (*ZoneAt)(int64_t wall_ms) = nullptr;  // local minus UTC at an instant (nullptr: FixedOffsetMinutes)
    int FixedOffsetMinutes = 0;

    // localStorage
    bool StorageOn = true;                // false: private mode, every call fails
    size_t QuotaBytes = 5 * 1024 * 1024;  // keys and values together (characters, as browsers count roughly)
    std::map<std::string, std::string> Storage;
    int Page = 0;                                     // the page acting now: its writes are events for the others
    std::vector<std::pair<int, std::string>> Writes;  // (page, key) of every write and removal, in order
    std::map<int, size_t> EventsTaken;                // per page: how much of Writes it has been handed
    int CommitRequests = 0;                           // RequestHistoryCommit() calls (the lock is granted by calling app::OnHistoryCommit)
    int PersistRequests = 0;
    Persistence StoragePersistence = Persistence_BestEffort;

    // Cues and the page around
    bool Speech = false, Vibration = true, ReducedMotion = false, Dark = false, MoreContrast = false;
    int Volume = 100;
    bool Awake = false;                                     // the wake lock is held
    std::vector<std::string> Tones;                         // PlayTone, in order
    std::vector<std::pair<double, std::string>> Scheduled;  // ScheduleTones: (delay s, tone), cleared by CancelScheduledTones
    int Cancels = 0;
    std::vector<std::string> Spoken, Announced;
    std::vector<int> Vibrations;

    // Files
    std::vector<std::pair<std::string, std::string>> Downloads;  // (file name, contents)
    bool ShareSheet = false;                                     // ShareFile opens the share sheet (else it downloads)
    std::vector<std::pair<std::string, std::string>> Shared;     // files ShareFile handed to the share sheet; the test answers with app::OnFileKept
    bool ExpiresUnvisited = false;                               // StorageExpiresUnvisited(): a WebKit tab

    // Network: every SendHttp, in order (the test answers with app::OnHttpAnswered)
    struct Request
    {
        int Id;
        HttpRequest What;
    };
    std::vector<Request> Requests;
    bool Online = true;
    int SyncFormOpens = 0;  // OpenSyncForm() calls (the test answers with app::OnSyncFormSaved)
    int PickerOpens = 0;
    bool HasImport = false;  // a chosen file waits for TakeImportedFile
    std::string ImportText, ImportError;

    // The page around the canvas
    bool Ready = false;            // PageReady() was called
    std::string Fatal;             // the last ShowFatal() message ("" when none)
    std::string LayerDescription;  // the accessible layer's last description
    int LayerUpdates = 0;          // AccessibleLayerUpdate() calls
    unsigned LayerFocus = 0;       // the item AccessibleLayerFocus() last named

    // Language
    std::vector<std::string> Languages = { "en-US", "en" };  // navigator.languages
    std::vector<std::string> LanguageRequests;               // RequestLanguage(), in order (a test answers with app::OnLanguageArrived)
    std::string PageLanguage = "en";                         // SetPageLanguage(): <html lang>
    bool PageRightToLeft = false;
    int FirstWeekday = 0;    // what Intl.Locale's weekInfo says: Monday, as a British English browser (-1: it does not say)
    float TextScale = 1.0f;  // the root element's font size over 16 px

    PageEvents Events = {};    // the last SetPageEvents (tests usually call app::On* directly)
    PageQueries Queries = {};  // the last SetPageQueries
};

FakeBrowser& Browser();                                // the one fake browser of this process
void Reset();                                          // a fresh browser: empty storage, clocks at their start
std::vector<std::string> TakeStorageEvents(int page);  // keys other pages wrote or removed since page last asked

}  // namespace platform::native
