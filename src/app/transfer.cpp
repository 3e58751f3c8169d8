#include "app/transfer.h"

#include <algorithm>
#include <cstdlib>

#include "app/dates.h"
#include "app/persistence.h"
#include "core/save_format.h"
#include "core/wording.h"

static void Tell(app::AppState& app, const std::string& text, bool error)
{
    app.Screens.Notice = text;
    app.Screens.NoticeIsError = error;
}

void app::BackUpHistory(AppState& app)
{
    if (app.History.empty())
    {
        Tell(app, core::Tr("There is nothing to back up yet: finish or end a session first."), false);
        return;
    }
    app.Screens.BackupFile = HistoryFileName(app);
    platform::ShareFile(app.Screens.BackupFile.c_str(), core::ExportHistory(app.History, app.Frame.WallMs, app.Deleted));
}

void app::OnFileKept(AppState& app, platform::FileKept how, const platform::Clock& clock)
{
    SetClock(app, clock);
    const int count = (int)app.History.size();
    if (how == platform::FileKept_Cancelled)
        Tell(app, core::Tr("The backup was not shared: nothing was saved."), false);
    else if (how == platform::FileKept_Shared)
        // TRANSLATORS: %s is the file's name
        Tell(app, core::Format(core::TrN("Backed up %d session as %s.", "Backed up %d sessions as %s.", count), count, app.Screens.BackupFile.c_str()), false);
    else
        // TRANSLATORS: %s is the file's name
        Tell(app, core::Format(core::TrN("Backed up %d session to %s in your downloads.", "Backed up %d sessions to %s in your downloads.", count), count, app.Screens.BackupFile.c_str()),
             false);
    if (how != platform::FileKept_Cancelled)
        NoteBackup(app, app.Frame.WallMs);
    platform::Announce(app.Screens.Notice.c_str());
    RequestAnimation(app);
}

// A file's deletions join this history's only for sessions it does not hold: an import never
// removes a session on show, but what was deleted elsewhere is not taken in later.
static void TakeDeletions(app::AppState& app, const std::vector<core::Deletion>& deleted)
{
    std::vector<core::Deletion> news;
    for (const core::Deletion& deletion : deleted)
        if (!core::IsDeleted(app.Deleted, deletion.Id) &&
            std::none_of(app.History.begin(), app.History.end(), [&](const core::SessionRecord& r) { return r.Id == deletion.Id; }))
            news.push_back(deletion);
    if (news.empty())
        return;
    app.Deleted = core::MergeDeletions(app.Deleted, news);
    if (app.Storage == app::StorageStatus_Unavailable)
        return;
    app.Stored.PendingDeletions.insert(app.Stored.PendingDeletions.end(), news.begin(), news.end());
    platform::RequestHistoryCommit();
}

void app::ExportSessionFile(AppState& app, const core::SessionRecord& record)
{
    platform::DownloadFile(SessionFileName(record).c_str(), core::ExportHistory({ record }, app.Frame.WallMs));
}

void app::OpenImport(AppState& app)
{
    Tell(app, core::Tr("Choose a history file exported from Band Circuit. Sessions already here are kept as they are."), false);
    platform::OpenFilePicker();
}

bool app::ReceiveImport(AppState& app)
{
    bool has_file = false;
    std::string error;
    const std::string text = platform::TakeImportedFile(&has_file, &error);
    if (!has_file)
    {
        if (error.empty())
            return false;
        // The page says what went wrong in a word ("large:<KB>", "unreadable"); the words are ours.
        std::string why;
        if (error.rfind("large:", 0) == 0)
            why = core::Format(core::Tr("That file is too large (%d KB) to be a Band Circuit history export. Nothing was changed."), atoi(error.c_str() + 6));
        else
            why = core::Tr("The file could not be read. Nothing was changed.");
        // TRANSLATORS: %s is why: the file could not be read, or is too large
        Tell(app, core::Format(core::Tr("Import failed: %s"), why.c_str()), true);
        platform::Announce(app.Screens.Notice.c_str());
        return true;
    }
    const core::LoadResult<core::SavedHistory> loaded = core::ImportHistory(text);
    if (!loaded.Ok())
    {
        // TRANSLATORS: %s is why (a message of the reader: "history file: not valid JSON (...)")
        Tell(app, core::Format(core::Tr("Import failed, nothing was changed: %s."), loaded.Error.Message.c_str()), true);
        platform::Announce(app.Screens.Notice.c_str());
        return true;
    }
    const core::MergeResult merged = core::MergeHistory(app.History, loaded.Value.Sessions, app.Deleted);
    TakeDeletions(app, loaded.Value.Deleted);
    // Written even when nothing is new here: a session shown but not yet stored (storage was
    // full when it ended) is stored now.
    AddToHistory(app, loaded.Value.Sessions);  // merged by id with what is stored, under the storage lock
    // What the file holds is in a backup made then: History's reminder counts from there (a
    // file from the future, a clock gone wrong, counts from now).
    NoteBackup(app, std::min(loaded.Value.BackedUpWallMs, app.Frame.WallMs));
    if (merged.Added == 0 && merged.Deleted == 0)
    {
        const int here = merged.AlreadyPresent;
        // TRANSLATORS: %d is how many sessions the file holds
        Tell(app, core::Format(core::TrN("Every session in that file (%d) is already here. Nothing was changed.", "Every session in that file (%d) is already here. Nothing was changed.", here), here), false);
        platform::Announce(app.Screens.Notice.c_str());
        return true;
    }
    // "Imported 5 sessions; 2 were already here; 1 left out (history is full at 3000)."
    // TRANSLATORS: the first part of a sentence; "; 2 were already here" and "; 1 left out (...)" may follow, then "."
    std::string line = core::Format(core::TrN("Imported %d session", "Imported %d sessions", merged.Added), merged.Added);
    if (merged.AlreadyPresent > 0)
        // TRANSLATORS: continues "Imported 5 sessions": how many of the file's sessions were in the history already
        line += core::Format(core::TrN("; %d was already here", "; %d were already here", merged.AlreadyPresent), merged.AlreadyPresent);
    if (merged.Deleted > 0)
        // TRANSLATORS: continues "Imported 5 sessions": sessions of the file not imported because the runner deleted them here
        line += core::Format(core::TrN("; %d you deleted stays deleted", "; %d you deleted stay deleted", merged.Deleted), merged.Deleted);
    if (merged.Dropped > 0)
        // TRANSLATORS: continues "Imported 5 sessions": sessions not imported, and the most sessions the history keeps
        line += core::Format(core::TrN("; %d left out (history is full at %d)", "; %d left out (history is full at %d)", merged.Dropped), merged.Dropped, core::MaxHistorySessions);
    line += ".";
    Tell(app, line, false);
    if (app.Storage == StorageStatus_Full || app.Storage == StorageStatus_Unavailable)
        Tell(app, app.Screens.Notice + " " + core::Tr("They are shown here, but could not be saved in this browser."), true);
    platform::Announce(app.Screens.Notice.c_str());  // screen readers hear how the import went
    return true;
}
