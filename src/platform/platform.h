// The browser as the app sees it: clocks, storage, sound, speech, vibration, the wake lock, the
// aria-live region, files and the page's events. One implementation per platform, picked in
// CMake: platform_web.cpp (EM_JS) in the browser, platform_native.cpp (a fake browser for the
// app's tests, see platform_native.h) natively. Every function fails soft: a missing browser API
// makes it a no-op or an error value, never a crash.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace platform {

// --- Clocks
// The app reads them once per frame (main.cpp) or per browser event (platform_web.cpp) and passes
// the reading down: nothing in src/app or src/ui asks the clock itself.
struct Clock
{
    double NowMs;         // monotonic milliseconds
    int64_t WallMs;       // wall-clock milliseconds since 1970
    int TzOffsetMinutes;  // local time minus UTC at WallMs, in minutes
};
Clock ReadClock();                            // all three, now
double NowMs();                               // monotonic milliseconds (performance.now): for durations
double WallMs();                              // wall-clock milliseconds since 1970 (Date.now): for dates
int TimezoneOffsetMinutes();                  // local time minus UTC, in minutes (e.g. +60 in Paris in winter)
int TimezoneOffsetMinutesAt(double wall_ms);  // the same at another instant, by this zone's rules (summer time)
std::string PageId();                         // an id for this page load, different in every tab, window and reload

// --- localStorage
enum StorageResult
{
    StorageResult_Ok,
    StorageResult_Missing,
    StorageResult_Unavailable,
    StorageResult_Full
};
bool StorageAvailable();                                                // false in private/blocked mode
StorageResult StorageRead(const char* key, std::string* out);           // Ok, Missing or Unavailable
StorageResult StorageWrite(const char* key, const std::string& value);  // Ok, Full or Unavailable
void StorageRemove(const char* key);
std::vector<std::string> StorageKeys(const char* prefix);  // every stored key that starts with prefix
void RequestHistoryCommit();                               // calls back PageEvents::HistoryCommit under the "bandCircuit.history" Web Lock (at once without Web Locks)
void RequestPersistentStorage();                           // navigator.storage.persist(), once there is something worth keeping
enum Persistence
{
    Persistence_Unknown,
    Persistence_Persistent,
    Persistence_BestEffort,
    Persistence_Unsupported
};
Persistence StoragePersistence();  // what the browser last said about navigator.storage.persisted()

// --- Cues
// Tones go by name: core::CueToneKey() (src/core/coach.h), the keys of web/app.js's TONES.
void PlayTone(const char* tone);                                                  // Web Audio; resumes a suspended context first
void SetCueVolume(int percent);                                                   // loudness of tones and speech, 0..100
bool SpeechAvailable();                                                           // speech synthesis exists and has at least one voice
void ScheduleTones(const double* delays_s, const char* const* tones, int count);  // play later, also while hidden
void CancelScheduledTones();
void Speak(const char* text);     // speech synthesis, if the browser has it
void Vibrate(int duration_ms);    // navigator.vibrate, if supported
bool VibrationAvailable();        // the browser has navigator.vibrate (WebKit and Firefox do not)
void Announce(const char* text);  // the visually hidden aria-live region for screen readers

// --- Language (web/app.js "Languages")
std::vector<std::string> PreferredLanguages();  // navigator.languages, most wanted first
void RequestLanguage(const char* tag);          // fetch lang/<tag>.bin: the answer is PageEvents::LanguageArrived or LanguageFailed
// <html lang dir>, and the voice speaks it; status_name names the accessible layer's session status group.
void SetPageLanguage(const char* tag, bool right_to_left, const char* status_name);
int BrowserFirstWeekday(const char* tag);  // the browser's first day of the week for this language (Intl.Locale weekInfo): 0 Monday .. 6 Sunday, -1 unknown
// A date as the language writes it (Intl.DateTimeFormat), for the local time wall_ms + offset:
// style "session" (weekday, day, month, year, time), "datetime" (day, month, year, time), "day" (day and month).
std::string FormatDate(const char* tag, int64_t wall_ms, int offset_minutes, const char* style);

// --- The device's own fonts (web/app.js "deviceFonts"): characters of a language that no font of
// its file has (Japanese where the device has a Japanese font) are drawn by the device into the
// font atlas. All sizes are in atlas pixels.
struct DeviceGlyph
{
    uint32_t Codepoint;     // in: the character
    float EmPx;             // in: the font size (its em)
    float Advance;          // out (MeasureDeviceGlyphs): from this pen position to the next, on the baseline
    int32_t Left, Top;      // out: the box's corner from the pen on the baseline (above it: negative)
    int32_t Width, Height;  // out: the box, the ink with a pixel to spare around it
    int32_t X, Y;           // in (DrawDeviceGlyphs): where the box goes in the atlas
};
bool MeasureDeviceGlyphs(const char* tag, DeviceGlyph* glyphs, int count);                                                  // false: the device has no font for the language's script
void DrawDeviceGlyphs(const char* tag, const DeviceGlyph* glyphs, int count, unsigned char* atlas, int width, int height);  // coverage into an 8-bit atlas

// --- Session helpers
void KeepScreenAwake(bool awake);  // Wake Lock API, re-acquired when the page becomes visible
bool PrefersReducedMotion();
bool PrefersDarkScheme();
bool PrefersMoreContrast();  // prefers-contrast: more
float BrowserTextScale();    // the root element's font size over 16 px: the browser's (or phone's) text size setting

// --- Files
void DownloadFile(const char* filename, const std::string& contents);  // save a JSON export
enum FileKept
{
    FileKept_Cancelled,   // the share sheet was closed without choosing anything
    FileKept_Shared,      // handed to what the runner chose in the share sheet (Files, Drive, mail)
    FileKept_Downloaded,  // saved as a download (no share sheet for files here, or it failed)
};
// The phone's share sheet for a file (navigator.share with files) where the browser has one, else
// a download; how it went arrives as PageEvents::FileKept.
void ShareFile(const char* filename, const std::string& contents);
// The browser deletes this site's storage after seven days of use without a visit: WebKit (Safari)
// in a tab; a home-screen app keeps its own count.
bool StorageExpiresUnvisited();
void OpenFilePicker();                                             // choose a file to import; the result arrives in ReceiveImportFile
std::string TakeImportedFile(bool* has_file, std::string* error);  // the chosen file's text, once; else error "large:<KB>" or "unreadable" (the app words it)

// --- Network: sync with the runner's own CouchDB database (web/app.js "Sync")
struct HttpRequest
{
    const char* Method;  // "GET", "PUT", "POST"
    std::string Url;     // absolute
    std::string User;    // Basic authentication; empty for none
    std::string Password;
    std::string Body;  // JSON, sent as application/json; empty for none
};
// fetch() without cookies, refusing redirects, with a time-out and a cap on the answer's size. The
// answer arrives as PageEvents::HttpAnswered with the same request_id.
void SendHttp(int request_id, const HttpRequest& request);
bool NetworkOnline();  // navigator.onLine: false when the browser knows it is offline
// The sync account form: real text fields over the canvas (the phone's keyboard, the password
// manager), labelled in the app's language. What the runner saves arrives as PageEvents::SyncFormSaved.
struct SyncFormTexts
{
    const char *Title, *Address, *User, *Password, *Save, *Cancel;
};
void OpenSyncForm(const SyncFormTexts& texts, const std::string& url, const std::string& user);

// --- The page around the canvas (web/app.js, web/a11y.js)
void PageReady();                                     // main() has set everything up: the page hides its loading message
void ShowFatal(const char* message);                  // the app cannot go on: the page shows this instead of the canvas
void AccessibleLayerUpdate(const char* description);  // web/a11y.js rebuilds its elements from this JSON
void AccessibleLayerFocus(unsigned item);             // web/a11y.js moves the page's focus to this item's element

// --- What the page asks of the app: the automation interface (README "Automation interface") and
// the accessible layer. platform_web.cpp exports them to web/app.js and web/a11y.js; the app's
// drawing side (src/ui) answers. Set once at start-up.
struct PageQueries
{
    std::string (*State)(const Clock& clock);  // bandCircuit.state(), with the clocks read at the moment of asking
    std::string (*Widgets)();                  // bandCircuit.widgets()
    std::string (*Texts)();                    // bandCircuit.texts()
    void (*FocusItem)(unsigned item);          // the user moved the page's focus to this item's element
    void (*PressItem)(unsigned item);          // the user pressed this item's element
    double (*LayerCostMs)();                   // time spent keeping the accessible layer up to date (tests/bench)
    int (*LayerUpdates)();                     // descriptions sent to web/a11y.js so far
};
void SetPageQueries(const PageQueries& queries);

// --- Page events: what the browser tells the app (web/app.js -> platform_web.cpp's exports).
// Each gets the clocks as read at that moment. Set once at start-up; the user pointer is handed back.
struct PageEvents
{
    void* User;
    void (*Hidden)(void* user, const Clock& clock);                           // visibilitychange (hidden) or pagehide: save now
    void (*Shown)(void* user, const Clock& clock);                            // visible again
    void (*StorageChanged)(void* user, const char* key, const Clock& clock);  // another page wrote or removed this key ("": cleared all)
    void (*HistoryCommit)(void* user, const Clock& clock);                    // the history lock is held: write now
    void (*UpdateReady)(void* user);                                          // a new version runs from the next visit
    void (*LanguageArrived)(void* user, const char* tag, std::string bytes);  // the file RequestLanguage asked for
    void (*LanguageFailed)(void* user, const char* tag);                      // it could not be fetched (offline, say)
    void (*FileKept)(void* user, FileKept how, const Clock& clock);           // how ShareFile went
    // The answer to SendHttp: the HTTP status and body; status 0 when there was none, the body then
    // says why: "offline", "timeout", "redirect", "large" (over the cap) or "network" (refused, CORS).
    void (*HttpAnswered)(void* user, int request_id, int status, const std::string& body, const Clock& clock);
    void (*Online)(void* user, const Clock& clock);  // the network came back
    void (*SyncFormSaved)(void* user, const std::string& url, const std::string& user_name, const std::string& password, const Clock& clock);
};
void SetPageEvents(const PageEvents& events);

}  // namespace platform
