#include "app/transfer.h"

#include "app/dates.h"
#include "app/persistence.h"
#include "core/save_format.h"

#include <cstdio>

static void Tell(app::AppState& app, const std::string& text, bool error)
{
    app.Notice = text;
    app.NoticeIsError = error;
}

void app::ExportHistoryFile(AppState& app)
{
    if (app.History.empty())
    {
        Tell(app, "There is nothing to export yet: finish or end a session first.", false);
        return;
    }
    const std::string name = HistoryFileName(app);
    platform::DownloadFile(name.c_str(), bc::ExportHistory(app.History, app.WallMs));
    char text[160];
    snprintf(text, sizeof(text), "Exported %d session%s to %s.", (int)app.History.size(), app.History.size() == 1 ? "" : "s", name.c_str());
    Tell(app, text, false);
}

void app::ExportSessionFile(AppState& app, const bc::SessionRecord& record)
{
    platform::DownloadFile(SessionFileName(record).c_str(), bc::ExportHistory({ record }, app.WallMs));
}

void app::OpenImport(AppState& app)
{
    Tell(app, "Choose a history file exported from Band Circuit. Sessions already here are kept as they are.", false);
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
        Tell(app, "Import failed: " + error, true);
        platform::Announce(app.Notice.c_str());
        return true;
    }
    const bc::LoadResult<std::vector<bc::SessionRecord>> loaded = bc::ImportHistory(text);
    if (!loaded.Ok())
    {
        Tell(app, "Import failed, nothing was changed: " + loaded.Error.Message + ".", true);
        platform::Announce(app.Notice.c_str());
        return true;
    }
    const bc::MergeResult merged = bc::MergeHistory(app.History, loaded.Value);
    // Written even when nothing is new here: a session shown but not yet stored (storage was
    // full when it ended) is stored now.
    AddToHistory(app, loaded.Value);  // merged by id with what is stored, under the storage lock
    char line[256];
    if (merged.Added == 0)
    {
        snprintf(line, sizeof(line), "Every session in that file (%d) is already here. Nothing was changed.", merged.AlreadyPresent);
        Tell(app, line, false);
        platform::Announce(app.Notice.c_str());
        return true;
    }
    int n = snprintf(line, sizeof(line), "Imported %d session%s", merged.Added, merged.Added == 1 ? "" : "s");
    if (merged.AlreadyPresent > 0)
        n += snprintf(line + n, sizeof(line) - n, "; %d %s already here", merged.AlreadyPresent, merged.AlreadyPresent == 1 ? "was" : "were");
    if (merged.Dropped > 0)
        n += snprintf(line + n, sizeof(line) - n, "; %d left out (history is full at %d)", merged.Dropped, bc::MaxHistorySessions);
    snprintf(line + n, sizeof(line) - n, "%s", ".");
    Tell(app, line, false);
    if (app.Storage == StorageStatus_Full || app.Storage == StorageStatus_Unavailable)
        Tell(app, app.Notice + " They are shown here, but could not be saved in this browser.", true);
    platform::Announce(app.Notice.c_str());  // screen readers hear how the import went
    return true;
}
