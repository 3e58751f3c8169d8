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

    const core::LoadResult<core::Settings> settings = core::LoadSettings(input);
    Check(settings.Ok() || !settings.Error.Message.empty());
    if (settings.Ok())
    {
        const core::LoadResult<core::Settings> again = core::LoadSettings(core::SaveSettings(settings.Value));
        Check(again.Ok() && again.Value == settings.Value);
    }

    const core::LoadResult<core::StampedSettings> stamped = core::LoadStampedSettings(input);
    Check(stamped.Ok() || !stamped.Error.Message.empty());
    if (stamped.Ok())
    {
        const core::LoadResult<core::StampedSettings> again = core::LoadStampedSettings(core::SaveStampedSettings(stamped.Value));
        Check(again.Ok() && again.Value == stamped.Value);
        Check(core::LaterOfEach(stamped.Value, again.Value) == stamped.Value);
    }

    const core::LoadResult<core::SessionInProgress> session = core::LoadSessionInProgress(input);
    if (session.Ok())
    {
        const core::LoadResult<core::SessionInProgress> again = core::LoadSessionInProgress(core::SaveSessionInProgress(session.Value));
        Check(again.Ok() && again.Value == session.Value);

        // Restored, it comes back paused at the saved time and runs to the end without trouble.
        // Cues between the last delivery and the save come once (never delivered), none before it.
        core::Timer timer = core::RestoreSession(session.Value, 1000);
        Check(timer.Started);
        std::vector<core::CueEvent> events;
        const core::TimerView view = core::Update(timer, 5000, &events);
        // (A session saved long after its last poll may finish while catching up; time stops there.)
        Check(view.Paused && (view.ActiveMs == session.Value.ActiveMs || (view.Finished && view.ActiveMs < session.Value.ActiveMs)));
        for (const core::CueEvent& event : events)
            Check(event.AtActiveMs > session.Value.DeliveredUntilActiveMs && event.AtActiveMs <= session.Value.ActiveMs);
        core::Resume(timer, 5000);
        core::Update(timer, 65000, &events);
        core::Skip(timer, 65000);
        core::Back(timer, 66000);
        core::Update(timer, 66000 + core::MaxActiveMs, &events);
        for (const core::CueEvent& event : events)
            Check(event.AtActiveMs > session.Value.DeliveredUntilActiveMs);
        const core::SessionRecord record = core::MakeSessionRecord(timer, 66000 + core::MaxActiveMs, session.Value.StartedWallMs);
        const core::LoadResult<core::SavedHistory> history = core::LoadHistory(core::SaveHistory({ record }));
        Check(history.Ok() || record.DurationMs > core::MaxActiveMs);
    }

    const core::LoadResult<core::SavedHistory> history = core::LoadHistory(input);
    if (history.Ok())
    {
        const core::LoadResult<core::SavedHistory> again = core::LoadHistory(core::SaveHistory(history.Value.Sessions));
        Check(again.Ok() && again.Value.Sessions == history.Value.Sessions);
        core::ComputeHistoryStats(history.Value.Sessions, 1718000000000LL, 60);
    }

    const core::LoadResult<core::SavedHistory> imported = core::ImportHistory(input);
    if (imported.Ok())
    {
        const core::LoadResult<core::SavedHistory> again = core::ImportHistory(core::ExportHistory(imported.Value.Sessions, 1718000000000LL));
        Check(again.Ok() && again.Value.Sessions == imported.Value.Sessions);
        const core::MergeResult merged = core::MergeHistory(imported.Value.Sessions, imported.Value.Sessions);
        Check(merged.Added == 0 && merged.Sessions == imported.Value.Sessions);
        Check(core::LoadHistory(core::SaveHistory(merged.Sessions)).Ok());
    }

    // Whatever a kept-aside copy holds, what salvage gives back is a history the app can write and read.
    const core::SalvageResult salvage = core::SalvageHistory(input);
    Check(core::CheckHistoryFits(salvage.Sessions) == nullptr);
    Check(core::LoadHistory(core::SaveHistory(salvage.Sessions)).Ok());

    const core::LoadResult<int64_t> mark = core::LoadResetMark(input);
    if (mark.Ok())
        Check(core::LoadResetMark(core::SaveResetMark(mark.Value)).Ok());
    return 0;
}
