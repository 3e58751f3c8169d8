// libFuzzer target for the save format: any byte string goes to every loader, and whatever loads
// must survive load -> save -> load unchanged. A loaded session in progress is also restored and
// run, since storage is where hand-edited or half-written data comes from.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/save_format.h"

static void Check(bool condition)
{
    if (!condition)
        std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    const bc::LoadResult<bc::Settings> settings = bc::LoadSettings(input);
    Check(settings.Ok() || !settings.Error.Message.empty());
    if (settings.Ok())
    {
        const bc::LoadResult<bc::Settings> again = bc::LoadSettings(bc::SaveSettings(settings.Value));
        Check(again.Ok() && again.Value == settings.Value);
    }

    const bc::LoadResult<bc::SessionInProgress> session = bc::LoadSessionInProgress(input);
    if (session.Ok())
    {
        const bc::LoadResult<bc::SessionInProgress> again = bc::LoadSessionInProgress(bc::SaveSessionInProgress(session.Value));
        Check(again.Ok() && again.Value == session.Value);

        // Restored, it comes back paused at the saved time and runs to the end without trouble.
        // Cues between the last delivery and the save come once (never delivered), none before it.
        bc::Timer timer = bc::RestoreSession(session.Value, 1000);
        Check(timer.Started);
        std::vector<bc::CueEvent> events;
        const bc::TimerView view = bc::Update(timer, 5000, &events);
        // (A session saved long after its last poll may finish while catching up; time stops there.)
        Check(view.Paused && (view.ActiveMs == session.Value.ActiveMs || (view.Finished && view.ActiveMs < session.Value.ActiveMs)));
        for (const bc::CueEvent& event : events)
            Check(event.AtActiveMs > session.Value.DeliveredUntilActiveMs && event.AtActiveMs <= session.Value.ActiveMs);
        bc::Resume(timer, 5000);
        bc::Update(timer, 65000, &events);
        bc::Skip(timer, 65000);
        bc::Back(timer, 66000);
        bc::Update(timer, 66000 + bc::MaxActiveMs, &events);
        for (const bc::CueEvent& event : events)
            Check(event.AtActiveMs > session.Value.DeliveredUntilActiveMs);
        const bc::SessionRecord record = bc::MakeSessionRecord(timer, 66000 + bc::MaxActiveMs, session.Value.StartedWallMs);
        const bc::LoadResult<std::vector<bc::SessionRecord>> history = bc::LoadHistory(bc::SaveHistory({ record }));
        Check(history.Ok() || record.DurationMs > bc::MaxActiveMs);
    }

    const bc::LoadResult<std::vector<bc::SessionRecord>> history = bc::LoadHistory(input);
    if (history.Ok())
    {
        const bc::LoadResult<std::vector<bc::SessionRecord>> again = bc::LoadHistory(bc::SaveHistory(history.Value));
        Check(again.Ok() && again.Value == history.Value);
        bc::ComputeHistoryStats(history.Value, 1718000000000LL, 60);
    }

    const bc::LoadResult<std::vector<bc::SessionRecord>> imported = bc::ImportHistory(input);
    if (imported.Ok())
    {
        const bc::LoadResult<std::vector<bc::SessionRecord>> again = bc::ImportHistory(bc::ExportHistory(imported.Value, 1718000000000LL));
        Check(again.Ok() && again.Value == imported.Value);
        const bc::MergeResult merged = bc::MergeHistory(imported.Value, imported.Value);
        Check(merged.Added == 0 && merged.Sessions == imported.Value);
        Check(bc::LoadHistory(bc::SaveHistory(merged.Sessions)).Ok());
    }

    // Whatever a kept-aside copy holds, what salvage gives back is a history the app can write and read.
    const bc::SalvageResult salvage = bc::SalvageHistory(input);
    Check(bc::CheckHistoryFits(salvage.Sessions) == nullptr);
    Check(bc::LoadHistory(bc::SaveHistory(salvage.Sessions)).Ok());

    const bc::LoadResult<int64_t> mark = bc::LoadResetMark(input);
    if (mark.Ok())
        Check(bc::LoadResetMark(bc::SaveResetMark(mark.Value)).Ok());
    return 0;
}
