// platform.h for the browser. Each browser API sits in one EM_JS function that checks the API
// exists and catches what it can throw, so a browser without it (or a private window) degrades to
// a no-op or an error code. Sound, speech and the wake lock live in web/app.js, which owns the
// page's user-gesture handlers (audio may only start from one); these functions call into it.
#include "platform/platform.h"

#include <cstdlib>
#include <emscripten.h>
#include <string>

// --- [SECTION] Clocks

// clang-format off
EM_JS(double, js_now_ms, (), { return performance.now(); });
EM_JS(double, js_wall_ms, (), { return Date.now(); });
EM_JS(int, js_timezone_offset_minutes, (), { return -new Date().getTimezoneOffset(); });
EM_JS(int, js_timezone_offset_minutes_at, (double wall_ms), { return -new Date(wall_ms).getTimezoneOffset(); });
EM_JS(char*, js_page_id, (), {
    // Random enough to tell apart the pages open at one time; made of session-id characters.
    const id = Date.now().toString(36) + "-" + Math.floor(Math.random() * 2176782336).toString(36);
    const size = lengthBytesUTF8(id) + 1;
    const ptr = _malloc(size);
    stringToUTF8(id, ptr, size);
    return ptr;
});
// clang-format on

platform::Clock platform::ReadClock() { return { js_now_ms(), (int64_t)js_wall_ms(), js_timezone_offset_minutes() }; }
double platform::NowMs() { return js_now_ms(); }
double platform::WallMs() { return js_wall_ms(); }
int platform::TimezoneOffsetMinutes() { return js_timezone_offset_minutes(); }
int platform::TimezoneOffsetMinutesAt(double wall_ms) { return js_timezone_offset_minutes_at(wall_ms); }

std::string platform::PageId()
{
    char* raw = js_page_id();
    std::string id(raw);
    free(raw);
    return id;
}

// --- [SECTION] localStorage

// clang-format off
EM_JS(int, js_storage_available, (), {
    try {
        if (!window.localStorage) return 0;
        const probe = "bandCircuit.probe";
        localStorage.setItem(probe, "1");
        localStorage.removeItem(probe);
        return 1;
    } catch (e) {
        // A full quota still means storage exists: reading works, writing will report Full.
        try { return (window.localStorage && e && e.name === "QuotaExceededError") ? 1 : 0; } catch (e2) { return 0; }
    }
});
// clang-format on

// Returns a malloc'ed UTF-8 copy of the value, or 0 (missing) / 1 (unavailable) as a fake pointer.
// clang-format off
EM_JS(char*, js_storage_read, (const char* key), {
    let value;
    try { value = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { return 1; }
    if (value === null) return 0;
    const size = lengthBytesUTF8(value) + 1;
    const ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
});
// clang-format on

// clang-format off
EM_JS(int, js_storage_write, (const char* key, const char* value), {
    try {
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
        return 0;
    } catch (e) {
        if (e && (e.name === "QuotaExceededError" || e.code === 22)) return 1;
        return 2;
    }
});
// clang-format on

// clang-format off
EM_JS(void, js_storage_remove, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});
// clang-format on

// Every key with the prefix, joined by newlines (keys the app writes hold none), as a malloc'ed string.
// clang-format off
EM_JS(char*, js_storage_keys, (const char* prefix), {
    const wanted = UTF8ToString(prefix);
    const keys = [];
    try {
        for (let i = 0; i < localStorage.length; i++) {
            const key = localStorage.key(i);
            if (key !== null && key.startsWith(wanted) && key.indexOf("\n") < 0) keys.push(key);
        }
    } catch (e) {}
    const text = keys.join("\n");
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});
EM_JS(void, js_request_history_commit, (), {
    if (window.bandCircuitStorage) window.bandCircuitStorage.requestCommit();
    else Module._bc_history_commit();
});
EM_JS(void, js_request_persistent_storage, (), {
    if (window.bandCircuitStorage) window.bandCircuitStorage.askPersistence();
});
EM_JS(int, js_storage_persistence, (), {
    return window.bandCircuitStorage ? window.bandCircuitStorage.persistence : 0;
});
// clang-format on

bool platform::StorageAvailable() { return js_storage_available() != 0; }

// The lines of a malloc'ed text from the page (nullptr: none), which is freed: a list in one string.
static std::vector<std::string> TakeLines(char* raw)
{
    const std::string text(raw ? raw : "");
    free(raw);
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size())
    {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        if (end > start)
            lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::vector<std::string> platform::StorageKeys(const char* prefix) { return TakeLines(js_storage_keys(prefix)); }

void platform::RequestHistoryCommit() { js_request_history_commit(); }
void platform::RequestPersistentStorage() { js_request_persistent_storage(); }
platform::Persistence platform::StoragePersistence() { return (Persistence)js_storage_persistence(); }

platform::StorageResult platform::StorageRead(const char* key, std::string* out)
{
    char* value = js_storage_read(key);
    if (value == nullptr)
        return StorageResult_Missing;
    if (value == (char*)1)
        return StorageResult_Unavailable;
    out->assign(value);
    free(value);
    return StorageResult_Ok;
}

platform::StorageResult platform::StorageWrite(const char* key, const std::string& value)
{
    switch (js_storage_write(key, value.c_str()))
    {
    case 0: return StorageResult_Ok;
    case 1: return StorageResult_Full;
    default: return StorageResult_Unavailable;
    }
}

void platform::StorageRemove(const char* key) { js_storage_remove(key); }

// --- [SECTION] Cues (implemented in web/app.js as window.bandCircuitCues)

// clang-format off
EM_JS(void, js_play_tone, (const char* tone), {
    if (window.bandCircuitCues) window.bandCircuitCues.tone(UTF8ToString(tone));
});
EM_JS(void, js_schedule_tones, (const double* delays, const char* const* tones, int count), {
    if (!window.bandCircuitCues) return;
    const list = [];
    for (let i = 0; i < count; i++) list.push([HEAPF64[(delays >> 3) + i], UTF8ToString(HEAPU32[(tones >> 2) + i])]);
    window.bandCircuitCues.schedule(list);
});
EM_JS(void, js_cancel_scheduled_tones, (), {
    if (window.bandCircuitCues) window.bandCircuitCues.cancelScheduled();
});
EM_JS(void, js_speak, (const char* text), {
    if (window.bandCircuitCues) window.bandCircuitCues.speak(UTF8ToString(text));
});
EM_JS(void, js_set_cue_volume, (int percent), {
    if (window.bandCircuitCues) window.bandCircuitCues.setVolume(percent / 100);
});
EM_JS(int, js_speech_available, (), {
    return window.bandCircuitCues && window.bandCircuitCues.canSpeak() ? 1 : 0;
});
EM_JS(void, js_vibrate, (int ms), {
    try { if (navigator.vibrate) navigator.vibrate(ms); } catch (e) {}
});
EM_JS(int, js_vibration_available, (), {
    return typeof navigator.vibrate === "function" ? 1 : 0;
});
EM_JS(void, js_announce, (const char* text), {
    const region = document.getElementById("announcer");
    const words = UTF8ToString(text);
    if (region) region.textContent = window.bandCircuitLanguages ? window.bandCircuitLanguages.plain(words) : words;
});
// clang-format on

void platform::PlayTone(const char* tone) { js_play_tone(tone); }
void platform::ScheduleTones(const double* delays_s, const char* const* tones, int count) { js_schedule_tones(delays_s, tones, count); }
void platform::CancelScheduledTones() { js_cancel_scheduled_tones(); }
void platform::Speak(const char* text) { js_speak(text); }
void platform::SetCueVolume(int percent) { js_set_cue_volume(percent); }
bool platform::SpeechAvailable() { return js_speech_available() != 0; }
void platform::Vibrate(int duration_ms) { js_vibrate(duration_ms); }
void platform::Announce(const char* text) { js_announce(text); }
bool platform::VibrationAvailable() { return js_vibration_available() != 0; }

// --- [SECTION] Session helpers

// clang-format off
EM_JS(void, js_keep_screen_awake, (int awake), {
    if (window.bandCircuitCues) window.bandCircuitCues.keepAwake(!!awake);
});
EM_JS(int, js_media_matches, (const char* query), {
    try { return window.matchMedia(UTF8ToString(query)).matches ? 1 : 0; } catch (e) { return 0; }
});
EM_JS(double, js_text_scale, (), {
    const size = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return size > 0 ? size / 16 : 1;
});
// clang-format on

void platform::KeepScreenAwake(bool awake) { js_keep_screen_awake(awake ? 1 : 0); }
float platform::BrowserTextScale() { return (float)js_text_scale(); }
bool platform::PrefersReducedMotion() { return js_media_matches("(prefers-reduced-motion: reduce)") != 0; }
bool platform::PrefersDarkScheme() { return js_media_matches("(prefers-color-scheme: dark)") != 0; }
bool platform::PrefersMoreContrast() { return js_media_matches("(prefers-contrast: more)") != 0; }

static platform::PageEvents g_PageEvents = {};

// --- [SECTION] Files (web/app.js owns the hidden <input type=file> and the download link)

// clang-format off
EM_JS(void, js_download_file, (const char* name, const char* contents), {
    if (window.bandCircuitFiles) window.bandCircuitFiles.download(UTF8ToString(name), UTF8ToString(contents));
});
EM_JS(void, js_share_file, (const char* name, const char* contents), {
    if (window.bandCircuitFiles) window.bandCircuitFiles.share(UTF8ToString(name), UTF8ToString(contents));
});
EM_JS(int, js_storage_expires_unvisited, (), {
    return window.bandCircuitFiles && window.bandCircuitFiles.expiresUnvisited() ? 1 : 0;
});
EM_JS(void, js_open_file_picker, (), {
    if (window.bandCircuitFiles) window.bandCircuitFiles.pick();
});
// clang-format on
// Returns 0 when nothing arrived; else a malloc'ed string: "T" + text, or "E" + error message.
// clang-format off
EM_JS(char*, js_take_imported_file, (), {
    const files = window.bandCircuitFiles;
    if (!files || files.result === null) return 0;
    const value = files.result;
    files.result = null;
    const size = lengthBytesUTF8(value) + 1;
    const ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
});
// clang-format on

void platform::DownloadFile(const char* filename, const std::string& contents) { js_download_file(filename, contents.c_str()); }
void platform::OpenFilePicker() { js_open_file_picker(); }
void platform::ShareFile(const char* filename, const std::string& contents) { js_share_file(filename, contents.c_str()); }
bool platform::StorageExpiresUnvisited() { return js_storage_expires_unvisited() != 0; }

// --- [SECTION] Network (web/app.js "Sync": window.bandCircuitSync)

// clang-format off
EM_JS(void, js_send_http, (int id, const char* method, const char* url, const char* user, const char* password, const char* body), {
    if (window.bandCircuitSync)
        window.bandCircuitSync.send(id, UTF8ToString(method), UTF8ToString(url), UTF8ToString(user), UTF8ToString(password), UTF8ToString(body));
});
EM_JS(int, js_network_online, (), {
    return navigator.onLine === false ? 0 : 1;
});
EM_JS(void, js_open_sync_form, (const char* texts, const char* url, const char* user), {
    if (window.bandCircuitSync) window.bandCircuitSync.openForm(JSON.parse(UTF8ToString(texts)), UTF8ToString(url), UTF8ToString(user));
});
// clang-format on

void platform::SendHttp(int request_id, const HttpRequest& request)
{
    js_send_http(request_id, request.Method, request.Url.c_str(), request.User.c_str(), request.Password.c_str(), request.Body.c_str());
}
bool platform::NetworkOnline() { return js_network_online() != 0; }

// The texts go as one JSON object; each is the app's own wording, escaped here.
static void AppendJsonText(std::string& out, const char* key, const char* text)
{
    out += out.empty() ? "{\"" : ",\"";
    out += key;
    out += "\":\"";
    for (const char* c = text; *c; c++)
    {
        if (*c == '"' || *c == '\\')
            out += '\\';
        if ((unsigned char)*c >= 0x20)
            out += *c;
    }
    out += '"';
}

void platform::OpenSyncForm(const SyncFormTexts& texts, const std::string& url, const std::string& user)
{
    std::string json;
    AppendJsonText(json, "title", texts.Title);
    AppendJsonText(json, "address", texts.Address);
    AppendJsonText(json, "user", texts.User);
    AppendJsonText(json, "password", texts.Password);
    AppendJsonText(json, "save", texts.Save);
    AppendJsonText(json, "cancel", texts.Cancel);
    json += '}';
    js_open_sync_form(json.c_str(), url.c_str(), user.c_str());
}

extern "C" EMSCRIPTEN_KEEPALIVE void bc_http_answered(int id, int status, const char* body)
{
    if (g_PageEvents.HttpAnswered)
        g_PageEvents.HttpAnswered(g_PageEvents.User, id, status, std::string(body), platform::ReadClock());
}

extern "C" EMSCRIPTEN_KEEPALIVE void bc_online()
{
    if (g_PageEvents.Online)
        g_PageEvents.Online(g_PageEvents.User, platform::ReadClock());
}

extern "C" EMSCRIPTEN_KEEPALIVE void bc_sync_form_saved(const char* url, const char* user, const char* password)
{
    if (g_PageEvents.SyncFormSaved)
        g_PageEvents.SyncFormSaved(g_PageEvents.User, url, user, password, platform::ReadClock());
}

// How ShareFile went (web/app.js, once the share sheet closed or the download started).
extern "C" EMSCRIPTEN_KEEPALIVE void bc_file_kept(int how)
{
    if (g_PageEvents.FileKept && how >= platform::FileKept_Cancelled && how <= platform::FileKept_Downloaded)
        g_PageEvents.FileKept(g_PageEvents.User, (platform::FileKept)how, platform::ReadClock());
}

std::string platform::TakeImportedFile(bool* has_file, std::string* error)
{
    *has_file = false;
    char* raw = js_take_imported_file();
    if (raw == nullptr)
        return {};
    const char kind = raw[0];
    std::string value(kind ? raw + 1 : raw);  // one copy of a file that may be 2 MB
    free(raw);
    if (kind == 'T')
    {
        *has_file = true;
        return value;
    }
    *error = kind ? value : std::string("unreadable");
    return {};
}

// --- [SECTION] The page around the canvas (web/app.js, web/a11y.js)

// clang-format off
EM_JS(void, js_page_ready, (), {
    if (window.bandCircuitReady) window.bandCircuitReady();
});
EM_JS(void, js_show_fatal, (const char* message), {
    if (window.bandCircuitFatal) window.bandCircuitFatal(UTF8ToString(message));
});
EM_JS(void, js_a11y_update, (const char* json), {
    if (window.bandCircuitA11y) window.bandCircuitA11y.update(UTF8ToString(json));
});
EM_JS(void, js_a11y_focus, (unsigned id), {
    if (window.bandCircuitA11y) window.bandCircuitA11y.focus(id >>> 0);
});
// clang-format on

void platform::PageReady() { js_page_ready(); }
void platform::ShowFatal(const char* message) { js_show_fatal(message); }
void platform::AccessibleLayerUpdate(const char* description) { js_a11y_update(description); }
void platform::AccessibleLayerFocus(unsigned item) { js_a11y_focus(item); }

// --- [SECTION] What the page asks (web/app.js's bandCircuit.*, web/a11y.js, tests/bench)

static platform::PageQueries g_PageQueries = {};
static std::string g_Answer;  // the last JSON answer: web/app.js copies it out before asking again

void platform::SetPageQueries(const PageQueries& queries) { g_PageQueries = queries; }

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* bc_state_json()
{
    g_Answer = g_PageQueries.State ? g_PageQueries.State(platform::ReadClock()) : "null";  // asked between frames: as of now
    return g_Answer.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* bc_widgets_json()
{
    g_Answer = g_PageQueries.Widgets ? g_PageQueries.Widgets() : "[]";
    return g_Answer.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* bc_texts_json()
{
    g_Answer = g_PageQueries.Texts ? g_PageQueries.Texts() : "[]";
    return g_Answer.c_str();
}
EMSCRIPTEN_KEEPALIVE void bc_a11y_focus(unsigned id)
{
    if (g_PageQueries.FocusItem)
        g_PageQueries.FocusItem(id);
}
EMSCRIPTEN_KEEPALIVE void bc_a11y_press(unsigned id)
{
    if (g_PageQueries.PressItem)
        g_PageQueries.PressItem(id);
}
EMSCRIPTEN_KEEPALIVE double bc_a11y_cost_ms() { return g_PageQueries.LayerCostMs ? g_PageQueries.LayerCostMs() : 0.0; }
EMSCRIPTEN_KEEPALIVE int bc_a11y_updates() { return g_PageQueries.LayerUpdates ? g_PageQueries.LayerUpdates() : 0; }
}

// --- [SECTION] Page events (web/app.js calls these exports; each reads the clocks once)

void platform::SetPageEvents(const PageEvents& events) { g_PageEvents = events; }

// On visibilitychange (hidden) and pagehide: save the session now.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_page_hidden()
{
    if (g_PageEvents.Hidden)
        g_PageEvents.Hidden(g_PageEvents.User, platform::ReadClock());
}

// ... and when the page is visible again.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_page_shown()
{
    if (g_PageEvents.Shown)
        g_PageEvents.Shown(g_PageEvents.User, platform::ReadClock());
}

// Another page of the app changed storage (the storage event): which key ("" when all was cleared).
extern "C" EMSCRIPTEN_KEEPALIVE void bc_storage_changed(const char* key)
{
    if (g_PageEvents.StorageChanged)
        g_PageEvents.StorageChanged(g_PageEvents.User, key, platform::ReadClock());
}

// The history write, called by web/app.js while it holds the storage lock.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_history_commit()
{
    if (g_PageEvents.HistoryCommit)
        g_PageEvents.HistoryCommit(g_PageEvents.User, platform::ReadClock());
}

// A new version is downloaded and runs from the next visit: said in the page, over nothing.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_update_ready()
{
    if (g_PageEvents.UpdateReady)
        g_PageEvents.UpdateReady(g_PageEvents.User);
}

// --- [SECTION] Language (web/app.js "Languages": window.bandCircuitLanguages)

// clang-format off
EM_JS(char*, js_preferred_languages, (), {
    const text = window.bandCircuitLanguages ? window.bandCircuitLanguages.preferred() : "en";
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});
EM_JS(void, js_request_language, (const char* tag), {
    if (window.bandCircuitLanguages) window.bandCircuitLanguages.load(UTF8ToString(tag));
});
EM_JS(void, js_set_page_language, (const char* tag, int rtl, const char* status_name), {
    if (window.bandCircuitLanguages) window.bandCircuitLanguages.use(UTF8ToString(tag), !!rtl, UTF8ToString(status_name));
});
EM_JS(int, js_first_weekday, (const char* tag), {
    return window.bandCircuitLanguages ? window.bandCircuitLanguages.firstWeekday(UTF8ToString(tag)) : -1;
});
// The local time is wall + offset, formatted in UTC: the offset saved with a session, not this zone.
EM_JS(char*, js_format_date, (const char* tag, double local_ms, const char* style), {
    const styles = {
        session: { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
        datetime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
        day: { day: "numeric", month: "short" },
        "numeric-session": { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", numberingSystem: "latn" },
        "numeric-datetime": { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", numberingSystem: "latn" },
        "numeric-day": { day: "numeric", month: "numeric", numberingSystem: "latn" },
    };
    let text = "";
    try {
        const options = Object.assign({ timeZone: "UTC" }, styles[UTF8ToString(style)] || styles.datetime);
        text = new Intl.DateTimeFormat(UTF8ToString(tag), options).format(new Date(local_ms))
            .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, "");   // bidi marks: the app places the runs itself
    } catch (e) { text = new Date(local_ms).toISOString().slice(0, 16).replace("T", " "); }
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});
// clang-format on

std::vector<std::string> platform::PreferredLanguages() { return TakeLines(js_preferred_languages()); }

void platform::RequestLanguage(const char* tag) { js_request_language(tag); }
void platform::SetPageLanguage(const char* tag, bool right_to_left, const char* status_name)
{
    js_set_page_language(tag, right_to_left ? 1 : 0, status_name);
}
int platform::BrowserFirstWeekday(const char* tag) { return js_first_weekday(tag); }

std::string platform::FormatDate(const char* tag, int64_t wall_ms, int offset_minutes, const char* style)
{
    char* text = js_format_date(tag, (double)wall_ms + offset_minutes * 60000.0, style);
    std::string out = text ? text : "";
    free(text);
    return out;
}

// --- [SECTION] The device's own fonts (web/app.js: window.bandCircuitDeviceFonts)

static_assert(sizeof(platform::DeviceGlyph) == 9 * 4, "web/device-fonts.js reads DeviceGlyph as nine 32-bit fields");

// web/device-fonts.js reads and writes the DeviceGlyph array in the heap itself.
// clang-format off
EM_JS(int, js_measure_device_glyphs, (const char* tag, platform::DeviceGlyph* glyphs, int count), {
    try { return window.bandCircuitDeviceFonts && window.bandCircuitDeviceFonts.measureIn(UTF8ToString(tag), HEAPU8, glyphs, count) ? 1 : 0; } catch (e) { return 0; }
});
EM_JS(void, js_draw_device_glyphs, (const char* tag, const platform::DeviceGlyph* glyphs, int count, unsigned char* atlas, int width, int height), {
    try { if (window.bandCircuitDeviceFonts) window.bandCircuitDeviceFonts.drawIn(UTF8ToString(tag), HEAPU8, glyphs, count, atlas, width, height); } catch (e) {}
});
// clang-format on

bool platform::MeasureDeviceGlyphs(const char* tag, DeviceGlyph* glyphs, int count)
{
    return count > 0 && js_measure_device_glyphs(tag, glyphs, count) != 0;
}

void platform::DrawDeviceGlyphs(const char* tag, const DeviceGlyph* glyphs, int count, unsigned char* atlas, int width, int height)
{
    if (count > 0)
        js_draw_device_glyphs(tag, glyphs, count, atlas, width, height);
}

// The language file RequestLanguage asked for, or its failure.
extern "C" EMSCRIPTEN_KEEPALIVE void bc_language_arrived(const char* tag, const char* bytes, int size)
{
    if (g_PageEvents.LanguageArrived)
        g_PageEvents.LanguageArrived(g_PageEvents.User, tag, std::string(bytes, (size_t)size));
}

extern "C" EMSCRIPTEN_KEEPALIVE void bc_language_failed(const char* tag)
{
    if (g_PageEvents.LanguageFailed)
        g_PageEvents.LanguageFailed(g_PageEvents.User, tag);
}
