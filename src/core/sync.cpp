// Sync decisions: see sync.h.
#include "core/sync.h"

#include <algorithm>

namespace core {

static bool StartsWith(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

std::string NormalizeSyncAddress(const std::string& url)
{
    size_t from = 0, to = url.size();
    while (from < to && (url[from] == ' ' || url[from] == '\t'))
        from++;
    while (to > from && (url[to - 1] == ' ' || url[to - 1] == '\t' || url[to - 1] == '/'))
        to--;
    return url.substr(from, to - from);
}

const char* CheckSyncAddress(const std::string& url)
{
    std::string rest;
    if (StartsWith(url, "https://"))
        rest = url.substr(8);
    else if (StartsWith(url, "http://localhost:") || StartsWith(url, "http://localhost/") || StartsWith(url, "http://127.0.0.1:") ||
             StartsWith(url, "http://127.0.0.1/"))
        rest = url.substr(7);
    else
        return "The address must start with https:// (http:// only for this computer: localhost or 127.0.0.1).";
    for (char c : url)
        if ((unsigned char)c <= 0x20 || c == '?' || c == '#' || c == '\\' || c == '"' || (unsigned char)c >= 0x7f)
            return "The address has characters that cannot be in it (spaces, ?, # or letters outside ASCII).";
    const size_t slash = rest.find('/');
    if (rest.substr(0, slash).find('@') != std::string::npos)
        return "Put the user name and password in their own fields, not in the address.";
    if (slash == std::string::npos || slash == 0 || slash + 1 >= rest.size())
        return "The address must name the database: https://host/database.";
    return nullptr;
}

const ServerDoc* FindKnown(const std::vector<ServerDoc>& known, const std::string& id)
{
    auto it = std::lower_bound(known.begin(), known.end(), id, [](const ServerDoc& d, const std::string& key) { return d.Id < key; });
    return it != known.end() && it->Id == id ? &*it : nullptr;
}

void NoteKnown(std::vector<ServerDoc>& known, const ServerDoc& doc)
{
    auto it = std::lower_bound(known.begin(), known.end(), doc.Id, [](const ServerDoc& d, const std::string& key) { return d.Id < key; });
    if (it != known.end() && it->Id == doc.Id)
        *it = doc;
    else
        known.insert(it, doc);
}

PulledChanges TakeChanges(const ChangesPage& page, std::vector<ServerDoc>& known, const std::vector<Deletion>& deleted_here, int64_t now_wall_ms)
{
    PulledChanges pulled;
    for (const ChangedDoc& doc : page.Docs)
    {
        switch (doc.What)
        {
        case ChangedDoc::Kind_Session:
            NoteKnown(known, { doc.Id, doc.Rev, false });
            if (!IsDeleted(deleted_here, doc.Id))  // else the next push deletes it there
                pulled.Add.push_back(doc.Session);
            break;
        case ChangedDoc::Kind_Deleted:
            if (doc.Id == SettingsDocId)
                break;  // settings are never deleted by the app: the next push writes them again
            NoteKnown(known, { doc.Id, doc.Rev, true });
            if (doc.Id.size() <= (size_t)MaxSessionIdLength && !IsDeleted(deleted_here, doc.Id))
                pulled.Delete.push_back({ doc.Id, now_wall_ms });
            break;
        case ChangedDoc::Kind_Settings:
            pulled.HasSettings = true;
            pulled.Theirs = doc.Values;
            pulled.SettingsRev = doc.Rev;
            break;
        case ChangedDoc::Kind_Foreign: pulled.Foreign++; break;
        case ChangedDoc::Kind_Unreadable: pulled.Unreadable++; break;
        }
    }
    return pulled;
}

PushPlan PlanPush(const std::vector<SessionRecord>& history, const std::vector<Deletion>& deleted, const std::vector<ServerDoc>& known, int max_docs)
{
    PushPlan plan;
    int room = max_docs;
    for (const Deletion& deletion : deleted)
    {
        const ServerDoc* there = FindKnown(known, deletion.Id);
        if (room > 0 && (!there || !there->Deleted))
        {
            plan.Deletions.push_back({ deletion.Id, there ? there->Rev : std::string(), true });
            room--;
        }
    }
    for (int index : OrderByStart(history, false))
    {
        const SessionRecord& record = history[(size_t)index];
        if (room > 0 && !FindKnown(known, record.Id))
        {
            plan.Sessions.push_back(record);
            room--;
        }
    }
    return plan;
}

void TakeBulkResults(const std::vector<BulkResult>& results, const std::vector<Deletion>& deleted, std::vector<ServerDoc>& known)
{
    for (const BulkResult& result : results)
        if (result.Error.empty() && result.Id.size() <= (size_t)MaxSessionIdLength)
            NoteKnown(known, { result.Id, result.Rev, IsDeleted(deleted, result.Id) });
}

SettingsAgreement AgreeSettings(bool has_base, const Settings& base, const Settings& mine, bool has_theirs, const Settings& theirs)
{
    if (!has_theirs)
        return { mine, true };
    if (!has_base)
        return { theirs, false };
    const Settings agreed = MergeSettings(base, mine, theirs);
    return { agreed, SaveSettings(agreed) != SaveSettings(theirs) };
}

}  // namespace core
