#include "app/transfer.h"

#include <cstdlib>

#include "app/dates.h"
#include "app/persistence.h"
#include "core/save_format.h"
#include "core/wording.h"

static void Tell(app::AppState& app, const std::string& text, bool error)
{
    app.Notice = text;
    app.NoticeIsError = error;
}

void app::ExportHistoryFile(AppState& app)
{
    if (app.History.empty())
    {
        Tell(app, bc::Tr("There is nothing to export yet: finish or end a session first."), false);
        return;
    }
    const std::string name = HistoryFileName(app);
    platform::DownloadFile(name.c_str(), bc::ExportHistory(app.History, app.WallMs));
    const int count = (int)app.History.size();
    // TRANSLATORS: %s is the file's name
    Tell(app, bc::Format(bc::TrN("Exported %d session to %s.", "Exported %d sessions to %s.", count), count, name.c_str()), false);
}

void app::ExportSessionFile(AppState& app, const bc::SessionRecord& record)
{
    platform::DownloadFile(SessionFileName(record).c_str(), bc::ExportHistory({ record }, app.WallMs));
}

void app::OpenImport(AppState& app)
{
    Tell(app, bc::Tr("Choose a history file exported from Band Circuit. Sessions already here are kept as they are."), false);
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
            why = bc::Format(bc::Tr("That file is too large (%d KB) to be a Band Circuit history export. Nothing was changed."), atoi(error.c_str() + 6));
        else
            why = bc::Tr("The file could not be read. Nothing was changed.");
        // TRANSLATORS: %s is why: the file could not be read, or is too large
        Tell(app, bc::Format(bc::Tr("Import failed: %s"), why.c_str()), true);
        platform::Announce(app.Notice.c_str());
        return true;
    }
    const bc::LoadResult<std::vector<bc::SessionRecord>> loaded = bc::ImportHistory(text);
    if (!loaded.Ok())
    {
        // TRANSLATORS: %s is why (a message of the reader: "history file: not valid JSON (...)")
        Tell(app, bc::Format(bc::Tr("Import failed, nothing was changed: %s."), loaded.Error.Message.c_str()), true);
        platform::Announce(app.Notice.c_str());
        return true;
    }
    const bc::MergeResult merged = bc::MergeHistory(app.History, loaded.Value);
    // Written even when nothing is new here: a session shown but not yet stored (storage was
    // full when it ended) is stored now.
    AddToHistory(app, loaded.Value);  // merged by id with what is stored, under the storage lock
    if (merged.Added == 0)
    {
        const int here = merged.AlreadyPresent;
        // TRANSLATORS: %d is how many sessions the file holds
        Tell(app, bc::Format(bc::TrN("Every session in that file (%d) is already here. Nothing was changed.", "Every session in that file (%d) is already here. Nothing was changed.", here), here), false);
        platform::Announce(app.Notice.c_str());
        return true;
    }
    // "Imported 5 sessions; 2 were already here; 1 left out (history is full at 3000)."
    // TRANSLATORS: the first part of a sentence; "; 2 were already here" and "; 1 left out (...)" may follow, then "."
    std::string line = bc::Format(bc::TrN("Imported %d session", "Imported %d sessions", merged.Added), merged.Added);
    if (merged.AlreadyPresent > 0)
        // TRANSLATORS: continues "Imported 5 sessions": how many of the file's sessions were in the history already
        line += bc::Format(bc::TrN("; %d was already here", "; %d were already here", merged.AlreadyPresent), merged.AlreadyPresent);
    if (merged.Dropped > 0)
        // TRANSLATORS: continues "Imported 5 sessions": sessions not imported, and the most sessions the history keeps
        line += bc::Format(bc::TrN("; %d left out (history is full at %d)", "; %d left out (history is full at %d)", merged.Dropped), merged.Dropped, bc::MaxHistorySessions);
    line += ".";
    Tell(app, line, false);
    if (app.Storage == StorageStatus_Full || app.Storage == StorageStatus_Unavailable)
        Tell(app, app.Notice + " " + bc::Tr("They are shown here, but could not be saved in this browser."), true);
    platform::Announce(app.Notice.c_str());  // screen readers hear how the import went
    return true;
}
