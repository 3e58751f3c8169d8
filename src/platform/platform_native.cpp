// platform.h without a browser: see platform_native.h. Linked into the native tests only.
#include "platform/platform_native.h"

#include <cstdio>
#include <cstring>

using platform::native::FakeBrowser;

static FakeBrowser g_Browser;

FakeBrowser& platform::native::Browser() { return g_Browser; }
void platform::native::Reset() { g_Browser = FakeBrowser(); }

std::vector<std::string> platform::native::TakeStorageEvents(int page)
{
    std::vector<std::string> keys;
    size_t& taken = g_Browser.EventsTaken[page];
    for (; taken < g_Browser.Writes.size(); taken++)
        if (g_Browser.Writes[taken].first != page)
            keys.push_back(g_Browser.Writes[taken].second);
    return keys;
}

// --- Clocks

platform::Clock platform::ReadClock() { return { g_Browser.NowMs, g_Browser.WallMs, TimezoneOffsetMinutes() }; }
double platform::NowMs() { return g_Browser.NowMs; }
double platform::WallMs() { return (double)g_Browser.WallMs; }
int platform::TimezoneOffsetMinutes() { return TimezoneOffsetMinutesAt((double)g_Browser.WallMs); }
int platform::TimezoneOffsetMinutesAt(double wall_ms)
{
    return g_Browser.ZoneAt ? g_Browser.ZoneAt((int64_t)wall_ms) : g_Browser.FixedOffsetMinutes;
}
std::string platform::PageId() { return "page-" + std::to_string(g_Browser.Page); }

// --- localStorage

static size_t StoredBytes()
{
    size_t total = 0;
    for (const auto& entry : g_Browser.Storage)
        total += entry.first.size() + entry.second.size();
    return total;
}

bool platform::StorageAvailable() { return g_Browser.StorageOn; }

platform::StorageResult platform::StorageRead(const char* key, std::string* out)
{
    if (!g_Browser.StorageOn)
        return StorageResult_Unavailable;
    const auto found = g_Browser.Storage.find(key);
    if (found == g_Browser.Storage.end())
        return StorageResult_Missing;
    *out = found->second;
    return StorageResult_Ok;
}

platform::StorageResult platform::StorageWrite(const char* key, const std::string& value)
{
    if (!g_Browser.StorageOn)
        return StorageResult_Unavailable;
    const auto found = g_Browser.Storage.find(key);
    const size_t old_size = found == g_Browser.Storage.end() ? 0 : found->first.size() + found->second.size();
    if (StoredBytes() - old_size + strlen(key) + value.size() > g_Browser.QuotaBytes)
        return StorageResult_Full;
    g_Browser.Storage[key] = value;
    g_Browser.Writes.emplace_back(g_Browser.Page, key);
    return StorageResult_Ok;
}

void platform::StorageRemove(const char* key)
{
    if (g_Browser.StorageOn && g_Browser.Storage.erase(key) > 0)
        g_Browser.Writes.emplace_back(g_Browser.Page, key);
}

std::vector<std::string> platform::StorageKeys(const char* prefix)
{
    std::vector<std::string> keys;
    if (g_Browser.StorageOn)
        for (const auto& entry : g_Browser.Storage)
            if (entry.first.rfind(prefix, 0) == 0)
                keys.push_back(entry.first);
    return keys;
}

void platform::RequestHistoryCommit() { g_Browser.CommitRequests++; }
void platform::RequestPersistentStorage() { g_Browser.PersistRequests++; }
platform::Persistence platform::StoragePersistence() { return g_Browser.StoragePersistence; }

// --- Cues

void platform::PlayTone(const char* tone) { g_Browser.Tones.push_back(tone); }
void platform::SetCueVolume(int percent) { g_Browser.Volume = percent; }
bool platform::SpeechAvailable() { return g_Browser.Speech; }
void platform::ScheduleTones(const double* delays_s, const char* const* tones, int count)
{
    for (int i = 0; i < count; i++)
        g_Browser.Scheduled.emplace_back(delays_s[i], tones[i]);
}
void platform::CancelScheduledTones()
{
    g_Browser.Scheduled.clear();
    g_Browser.Cancels++;
}
void platform::Speak(const char* text) { g_Browser.Spoken.push_back(text); }
void platform::Vibrate(int duration_ms) { g_Browser.Vibrations.push_back(duration_ms); }
bool platform::VibrationAvailable() { return g_Browser.Vibration; }
void platform::Announce(const char* text) { g_Browser.Announced.push_back(text); }

// --- Session helpers

void platform::KeepScreenAwake(bool awake) { g_Browser.Awake = awake; }
bool platform::PrefersReducedMotion() { return g_Browser.ReducedMotion; }
bool platform::PrefersDarkScheme() { return g_Browser.Dark; }
bool platform::PrefersMoreContrast() { return g_Browser.MoreContrast; }

// --- Files

void platform::DownloadFile(const char* filename, const std::string& contents) { g_Browser.Downloads.emplace_back(filename, contents); }
void platform::OpenFilePicker() { g_Browser.PickerOpens++; }
void platform::ShareFile(const char* filename, const std::string& contents)
{
    if (g_Browser.ShareSheet)
        g_Browser.Shared.emplace_back(filename, contents);
    else
        g_Browser.Downloads.emplace_back(filename, contents);
}
bool platform::StorageExpiresUnvisited() { return g_Browser.ExpiresUnvisited; }

// --- Network

void platform::SendHttp(int request_id, const HttpRequest& request) { g_Browser.Requests.push_back({ request_id, request }); }
bool platform::NetworkOnline() { return g_Browser.Online; }
void platform::OpenSyncForm(const SyncFormTexts&, const std::string&, const std::string&) { g_Browser.SyncFormOpens++; }

std::string platform::TakeImportedFile(bool* has_file, std::string* error)
{
    *has_file = false;
    if (!g_Browser.ImportError.empty())
    {
        *error = g_Browser.ImportError;
        g_Browser.ImportError.clear();
        return {};
    }
    if (!g_Browser.HasImport)
        return {};
    g_Browser.HasImport = false;
    *has_file = true;
    return g_Browser.ImportText;
}

// --- The page around the canvas

void platform::PageReady() { g_Browser.Ready = true; }
void platform::ShowFatal(const char* message) { g_Browser.Fatal = message; }
void platform::AccessibleLayerUpdate(const char* description)
{
    g_Browser.LayerDescription = description;
    g_Browser.LayerUpdates++;
}
void platform::AccessibleLayerFocus(unsigned item) { g_Browser.LayerFocus = item; }
void platform::SetPageQueries(const PageQueries& queries) { g_Browser.Queries = queries; }

// --- Page events

void platform::SetPageEvents(const PageEvents& events) { g_Browser.Events = events; }

// --- Language
std::vector<std::string> platform::PreferredLanguages() { return g_Browser.Languages; }
void platform::RequestLanguage(const char* tag) { g_Browser.LanguageRequests.push_back(tag); }
void platform::SetPageLanguage(const char* tag, bool right_to_left, const char*)
{
    g_Browser.PageLanguage = tag;
    g_Browser.PageRightToLeft = right_to_left;
}
int platform::BrowserFirstWeekday(const char*) { return g_Browser.FirstWeekday; }
// No device fonts: a language's file brings every glyph it needs.
bool platform::MeasureDeviceGlyphs(const char*, DeviceGlyph*, int) { return false; }
void platform::DrawDeviceGlyphs(const char*, const DeviceGlyph*, int, unsigned char*, int, int) {}
float platform::BrowserTextScale() { return g_Browser.TextScale; }

// Not Intl: the tag and the local time in ISO form, which is what a test needs to tell them apart.
std::string platform::FormatDate(const char* tag, int64_t wall_ms, int offset_minutes, const char* style)
{
    const int64_t local_s = (wall_ms + offset_minutes * 60000LL) / 1000;
    const int64_t days = local_s / 86400;
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    const int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
    char out[80];
    snprintf(out, sizeof(out), "[%s %s] %04lld-%02lld-%02lld %02lld:%02lld", tag, style, (long long)y, (long long)m, (long long)d,
             (long long)(local_s % 86400 / 3600), (long long)(local_s % 3600 / 60));
    return out;
}
