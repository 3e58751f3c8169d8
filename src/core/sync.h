// The decisions of syncing with the runner's own CouchDB database, as pure functions over what
// this device holds and what the server said (src/app/sync.cpp sends the requests). Sessions never
// change once written, so a session is a document that is either there or deleted: nothing to
// merge. Deletions win: a session deleted on any device is deleted on the server, and from there on
// every device, and no device's copy brings it back. The settings are one document, merged field
// by field against the settings as last agreed with the server.
#pragma once

#include "core/save_format.h"

#include <string>
#include <vector>

namespace core {

constexpr int SyncPageSize = 500;  // _changes entries per request, and documents per _bulk_docs

// Why an address cannot be a sync database, for a person; nullptr when it can. Only https:, or
// http: to this computer (localhost, 127.0.0.1) for testing; no user name or password in it.
const char* CheckSyncAddress(const std::string& url);
std::string NormalizeSyncAddress(const std::string& url);  // trimmed, without a trailing "/"

// What a page of changes means here. The server's state is noted in `known` (sorted by id).
struct PulledChanges
{
    std::vector<SessionRecord> Add;  // sessions to add to the history (deleted ones here left out)
    std::vector<Deletion> Delete;    // sessions deleted elsewhere: to delete here
    bool HasSettings = false;        // the settings document changed
    Settings Theirs;                 // ... to these
    std::string SettingsRev;         // ... at this revision
    int Foreign = 0;                 // documents not ours, left alone
    int Unreadable = 0;              // documents that say they are ours but do not read, left alone
};
PulledChanges TakeChanges(const ChangesPage& page, std::vector<ServerDoc>& known, const std::vector<Deletion>& deleted_here, int64_t now_wall_ms);

// What the server lacks: sessions it has never held, and deletions of documents it holds alive
// (or has never heard of, so a device that has the session learns it is deleted). At most
// max_docs in one request.
struct PushPlan
{
    std::vector<SessionRecord> Sessions;
    std::vector<ServerDoc> Deletions;  // with the revision to delete ("" for a document the server never had)
    bool Empty() const { return Sessions.empty() && Deletions.empty(); }
};
PushPlan PlanPush(const std::vector<SessionRecord>& history, const std::vector<Deletion>& deleted, const std::vector<ServerDoc>& known,
                  int max_docs = SyncPageSize);

// Notes what the server took: written documents join `known` at their new revision. A conflict
// means the server holds the document already: the next pull tells its revision.
void TakeBulkResults(const std::vector<BulkResult>& results, const std::vector<Deletion>& deleted, std::vector<ServerDoc>& known);

// The settings as they should be here and on the server. No base (this device's first sync): the
// server's stand. Else the merge of MergeSettings: what changed here since the base, over theirs.
struct SettingsAgreement
{
    Settings Agreed;  // both sides end with these
    bool Push;        // the server needs them (they differ from its copy, or it has none)
};
SettingsAgreement AgreeSettings(bool has_base, const Settings& base, const Settings& mine, bool has_theirs, const Settings& theirs);

const ServerDoc* FindKnown(const std::vector<ServerDoc>& known, const std::string& id);
void NoteKnown(std::vector<ServerDoc>& known, const ServerDoc& doc);  // adds or updates, keeping the order

}  // namespace core
