// What Band Circuit keeps in localStorage, and the history file it exports and imports: versioned
// JSON read and written with rapidjson. rapidjson was chosen over nlohmann/json because it reports
// errors by return value (the web build has no exceptions), validates UTF-8, parses iteratively
// (no stack overflow on deep nesting) and adds little to the wasm. Every loader checks every field
// (types, ranges, known exercise and side keys, string lengths) and returns either the value or a
// message a person can read; no input, however broken, makes it crash.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/history.h"
#include "core/plan.h"
#include "core/timer.h"

namespace core {

constexpr int SaveFormatVersion = 1;                   // written into every top-level object
constexpr size_t MaxSaveInputBytes = 2 * 1024 * 1024;  // larger input is refused before parsing
constexpr int MaxHistorySessions = 3000;               // keeps a full history under MaxSaveInputBytes
constexpr int64_t MaxWallMs = 32503680000000LL;        // year 3000: later dates are corrupt data
constexpr int MaxRepsRecorded = MaxReps * MaxRounds;   // per exercise and side in one session

struct LoadError
{
    std::string Message;  // what is wrong, for a person: "settings: \"rounds\" must be ..."
};

// Either a value or an error. Value is only meaningful when Ok().
template <typename T>
struct LoadResult
{
    T Value;          // the loaded value
    LoadError Error;  // empty Message when the load succeeded
    bool Ok() const { return Error.Message.empty(); }
};

// Settings: {"version":1, "rounds", "mode", "reps", "getReadySec", ..., "cues", "theme"}.
// Version 0 (no "version", or "version":0) had no "cues" and no "theme"; it is migrated.
std::string SaveSettings(const Settings& settings);
LoadResult<Settings> LoadSettings(std::string_view json);

// The session in progress: {"version":1, "id", "startedWall", "settings", "stepIndex", ...}.
std::string SaveSessionInProgress(const SessionInProgress& session);
LoadResult<SessionInProgress> LoadSessionInProgress(std::string_view json);

// The history and its export file are version 2: version 1 had no "deleted" list (and is read as
// one with nothing deleted).
constexpr int HistoryFormatVersion = 2;

// What the history key holds.
struct SavedHistory
{
    std::vector<SessionRecord> Sessions;  // ids unique, none of them in Deleted
    std::vector<Deletion> Deleted;        // sessions the runner deleted, sorted by id
    int64_t BackedUpWallMs = 0;           // when a backup file was last made (0: never); for a backup file, when it was made
};

// The history in storage: {"version":2, "sessions":[...], "deleted":[{"id","at"}], "backedUp":<wall ms>};
// "deleted" and "backedUp" are written only when there is something to say.
std::string SaveHistory(const std::vector<SessionRecord>& sessions, const std::vector<Deletion>& deleted = {}, int64_t backed_up_wall_ms = 0);
LoadResult<SavedHistory> LoadHistory(std::string_view json);

// The export (backup) file: {"app":"band-circuit", "kind":"history", "version":2, "exported":<wall ms>,
// "sessions":[...], "deleted":[...]}. Imports read version 1 files too.
std::string ExportHistory(const std::vector<SessionRecord>& sessions, int64_t exported_wall_ms, const std::vector<Deletion>& deleted = {});
LoadResult<SavedHistory> ImportHistory(std::string_view json);

struct MergeResult
{
    std::vector<SessionRecord> Sessions;  // existing ones first (all kept, as they were), new ones after, by start time
    int Added;                            // imported sessions that were new
    int AlreadyPresent;                   // imported sessions whose id was already there (existing copy kept)
    int Dropped;                          // new sessions left out to stay within MaxHistorySessions
    int Deleted;                          // imported sessions left out because the runner deleted them
};

// Merges by session id. Existing sessions are never removed or changed; an imported session whose
// id is in `deleted` (sorted by id) is not added.
MergeResult MergeHistory(const std::vector<SessionRecord>& existing, const std::vector<SessionRecord>& imported,
                         const std::vector<Deletion>& deleted = {});

// A history the app itself will write must be one it can read back: nullptr when it fits the
// loader's limits (sessions, bytes), else why not, for a person.
const char* CheckHistoryFits(const std::vector<SessionRecord>& sessions, const std::vector<Deletion>& deleted = {});

// What can be saved from a history or export file that does not load as a whole (kept aside as
// unreadable): every session that is valid on its own, ids made unique by dropping repeats.
struct SalvageResult
{
    std::vector<SessionRecord> Sessions;  // the sessions that read back
    int Unreadable;                       // entries of the "sessions" list that did not
    std::string Error;                    // set when nothing could be read at all (not JSON, no list)
};
SalvageResult SalvageHistory(std::string_view json);

// Settings changed in two pages at once: each setting this page changed since `base` (what it last
// read or wrote) comes from `mine`, every other one from `theirs` (what is stored now). Works on the
// saved JSON, field by field (one level into "reps" and "cues"), so a new setting needs no code here.
Settings MergeSettings(const Settings& base, const Settings& mine, const Settings& theirs);

// The settings as stored in this browser, with when each setting last changed here: the saved
// settings plus "changedAt": {"rounds": <wall ms>, "reps.deadbug": ..., "cues.sound": ...}, a path
// of the saved JSON for each setting ever changed. Each page reads localStorage from a copy of its
// own, which another page's write reaches a moment later, so a page can write from an outdated copy
// and leave out a change made elsewhere. The later change of each setting wins (LaterOfEach), in
// every page alike, whatever order the writes arrive in: the pages end with the same settings.
struct StampedSettings
{
    Settings Values = DefaultSettings();
    std::map<std::string, int64_t> ChangedAt;  // path -> wall ms; a setting never changed here has none
    bool operator==(const StampedSettings&) const = default;
};
std::string SaveStampedSettings(const StampedSettings& settings);
LoadResult<StampedSettings> LoadStampedSettings(std::string_view json);  // LoadSettings, and the stamps where there are any
// `now`, with each setting that differs from `before` stamped `wall_ms` (the others keep theirs).
StampedSettings StampChanges(const StampedSettings& before, const Settings& now, int64_t wall_ms);
// Each setting from whichever of `mine` and `stored` changed it later; at the same moment, the
// greater value as JSON text, so two pages choose alike; one neither changed, from `stored`.
StampedSettings LaterOfEach(const StampedSettings& mine, const StampedSettings& stored);

// "Delete everything" leaves one fact behind: {"version":1, "atWall": <wall ms>}. Pages that were
// open before it drop what they still hold from before that moment instead of writing it back.
std::string SaveResetMark(int64_t at_wall_ms);
LoadResult<int64_t> LoadResetMark(std::string_view json);

}  // namespace core

// --- Sync with the runner's own CouchDB database (decisions: core/sync.h). Each session is one
// document whose _id is the session's id, the settings one document with _id "settings".

namespace core {

constexpr const char* SettingsDocId = "settings";
constexpr size_t MaxRevLength = 200;   // CouchDB's "<n>-<32 hex>", with room
constexpr size_t MaxSeqLength = 2000;  // CouchDB 3's sequence strings are about 60 characters

// What this device knows the server holds for a document.
struct ServerDoc
{
    std::string Id;
    std::string Rev;  // its current revision
    bool Deleted;     // the server holds it deleted
    bool operator==(const ServerDoc&) const = default;
};

// One entry of GET /db/_changes?include_docs=true.
struct ChangedDoc
{
    enum Kind
    {
        Kind_Session,     // a session of ours (Session holds it)
        Kind_Settings,    // the settings document (Settings holds them)
        Kind_Deleted,     // a deleted document
        Kind_Foreign,     // not Band Circuit's (a design document, another app's): left alone
        Kind_Unreadable,  // says it is ours but does not read: left alone
    };
    Kind What;
    std::string Id, Rev;
    SessionRecord Session;
    Settings Values;
};

struct ChangesPage
{
    std::vector<ChangedDoc> Docs;
    std::string LastSeq;  // the checkpoint after this page (numbers are kept as their decimal text)
    int Entries;          // entries in the page: a full page means there may be more
};
LoadResult<ChangesPage> ParseChanges(std::string_view json);

// The _bulk_docs request: sessions to add and documents to delete ({_id, _rev, _deleted: true}).
std::string BulkDocsJson(const std::vector<SessionRecord>& sessions, const std::vector<ServerDoc>& deletions);

// Its answer: one entry per document sent, ok with the new revision, or an error ("conflict").
struct BulkResult
{
    std::string Id, Rev, Error;  // Error empty when it was written
};
LoadResult<std::vector<BulkResult>> ParseBulkResults(std::string_view json);

// The settings document (PUT /db/settings): rev empty for the first write.
std::string SettingsDocJson(const Settings& settings, const std::string& rev);
// GET /db/settings: the settings and their revision.
LoadResult<std::pair<Settings, std::string>> ParseSettingsDoc(std::string_view json);
// The answer to a PUT: {"ok":true,"id":...,"rev":...}; the new revision.
LoadResult<std::string> ParseWriteAnswer(std::string_view json);

// This device's sync, stored under its own key (never in a backup file): the account, the
// checkpoint, what the server is known to hold, and the settings as last agreed with it.
struct SyncAccount
{
    std::string Url;       // the database's address (core/sync.h CheckSyncAddress); empty: sync off
    std::string User;      // CouchDB user name
    std::string Password;  // kept on this device only
    bool operator==(const SyncAccount&) const = default;
};
struct SyncRecord
{
    SyncAccount Account;
    std::string Since;             // the _changes checkpoint ("" for the start)
    std::vector<ServerDoc> Known;  // sorted by id
    std::string SettingsRev;       // the settings document's revision as last seen ("" none)
    bool HasSettingsBase = false;  // SettingsBase holds the settings as last agreed with the server
    Settings SettingsBase = DefaultSettings();
    int64_t LastSyncWallMs = 0;  // the last sync that went through (0: never)
};
std::string SaveSyncRecord(const SyncRecord& record);
LoadResult<SyncRecord> LoadSyncRecord(std::string_view json);

}  // namespace core
