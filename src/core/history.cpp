// Streaks and weekly counts over the session history, in local days.
#include "core/history.h"

#include <algorithm>

namespace core {

static constexpr int64_t MsPerDay = 24LL * 60 * 60 * 1000;

static int64_t FloorDiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

std::vector<int> OrderByStart(const std::vector<SessionRecord>& records, bool newest_first)
{
    std::vector<int> order(records.size());
    for (size_t i = 0; i < order.size(); i++)
        order[i] = (int)i;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const int64_t a_ms = records[(size_t)a].StartedWallMs, b_ms = records[(size_t)b].StartedWallMs;
        if (a_ms != b_ms)
            return newest_first ? a_ms > b_ms : a_ms < b_ms;
        return a < b;
    });
    return order;
}

std::vector<Deletion> MergeDeletions(const std::vector<Deletion>& a, const std::vector<Deletion>& b)
{
    std::vector<Deletion> all(a);
    all.insert(all.end(), b.begin(), b.end());
    std::sort(all.begin(), all.end(), [](const Deletion& x, const Deletion& y) { return x.Id != y.Id ? x.Id < y.Id : x.AtWallMs < y.AtWallMs; });
    all.erase(std::unique(all.begin(), all.end(), [](const Deletion& x, const Deletion& y) { return x.Id == y.Id; }), all.end());
    if ((int)all.size() > MaxDeletions)
    {
        // Keep the most recent: sort by time, cut, then back to id order.
        std::sort(all.begin(), all.end(), [](const Deletion& x, const Deletion& y) { return x.AtWallMs != y.AtWallMs ? x.AtWallMs > y.AtWallMs : x.Id < y.Id; });
        all.resize((size_t)MaxDeletions);
        std::sort(all.begin(), all.end(), [](const Deletion& x, const Deletion& y) { return x.Id < y.Id; });
    }
    return all;
}

bool IsDeleted(const std::vector<Deletion>& deleted, const std::string& id)
{
    auto it = std::lower_bound(deleted.begin(), deleted.end(), id, [](const Deletion& d, const std::string& key) { return d.Id < key; });
    return it != deleted.end() && it->Id == id;
}

int RemoveDeleted(std::vector<SessionRecord>& sessions, const std::vector<Deletion>& deleted)
{
    const size_t before = sessions.size();
    if (!deleted.empty())
        sessions.erase(std::remove_if(sessions.begin(), sessions.end(), [&](const SessionRecord& r) { return IsDeleted(deleted, r.Id); }),
                       sessions.end());
    return (int)(before - sessions.size());
}

int SessionsEndedAfter(const std::vector<SessionRecord>& history, int64_t wall_ms)
{
    return (int)std::count_if(history.begin(), history.end(), [&](const SessionRecord& r) { return r.EndedWallMs > wall_ms; });
}

std::string MakeSessionId(int64_t started_wall_ms, const std::vector<SessionRecord>& history)
{
    const std::string prefix = std::to_string(started_wall_ms) + "-";
    for (int n = 1;; n++)
    {
        std::string id = prefix + std::to_string(n);
        bool used = false;
        for (const SessionRecord& record : history)
            if (record.Id == id)
            {
                used = true;
                break;
            }
        if (!used)
            return id;
    }
}

int64_t LocalDayNumber(int64_t wall_ms, int tz_offset_minutes)
{
    return FloorDiv(wall_ms + (int64_t)tz_offset_minutes * 60000, MsPerDay);
}

// 0 = Monday ... 6 = Sunday. Day 0 (1970-01-01) was a Thursday.
int64_t MondayOfWeek(int64_t day)
{
    int64_t weekday = day - FloorDiv(day + 3, 7) * 7 + 3;  // (day + 3) mod 7, floored
    return day - weekday;
}

int64_t WeekStart(int64_t day, int first_weekday)
{
    const int64_t weekday = day - FloorDiv(day + 3, 7) * 7 + 3;  // 0 = Monday
    return day - ((weekday - first_weekday) % 7 + 7) % 7;
}

int RecordTzOffset(const SessionRecord& record, int fallback_tz_offset_minutes)
{
    return record.HasTzOffset ? record.TzOffsetMinutes : fallback_tz_offset_minutes;
}

LocalDateTime ToLocalDateTime(int64_t wall_ms, int tz_offset_minutes)
{
    const int64_t day = LocalDayNumber(wall_ms, tz_offset_minutes);
    const int64_t minute_of_day = FloorDiv(wall_ms + (int64_t)tz_offset_minutes * 60000, 60000) - day * 1440;
    // Days to civil date (H. Hinnant's days_from_civil, inverted).
    const int64_t z = day + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    LocalDateTime t = {};
    t.Day = (int)(doy - (153 * mp + 2) / 5 + 1);
    t.Month = (int)(mp < 10 ? mp + 3 : mp - 9);
    t.Year = (int)(yoe + era * 400 + (t.Month <= 2 ? 1 : 0));
    t.Weekday = (int)(((day + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
    t.Hour = (int)(minute_of_day / 60);
    t.Minute = (int)(minute_of_day % 60);
    return t;
}

HistoryStats ComputeHistoryStats(const std::vector<SessionRecord>& history, int64_t now_wall_ms, int tz_offset_minutes, int first_weekday)
{
    HistoryStats stats = {};
    stats.TotalSessions = (int)history.size();

    std::vector<int64_t> days;
    days.reserve(history.size());
    for (const SessionRecord& record : history)
        days.push_back(LocalDayNumber(record.StartedWallMs, RecordTzOffset(record, tz_offset_minutes)));
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());

    // Best streak: the longest run of consecutive days.
    int run = 0;
    for (size_t i = 0; i < days.size(); i++)
    {
        run = (i > 0 && days[i] == days[i - 1] + 1) ? run + 1 : 1;
        stats.BestStreakDays = std::max(stats.BestStreakDays, run);
    }

    // Current streak: the run that ends today, or yesterday (today may still come).
    const int64_t today = LocalDayNumber(now_wall_ms, tz_offset_minutes);
    int64_t expected = std::binary_search(days.begin(), days.end(), today) ? today : today - 1;
    while (std::binary_search(days.begin(), days.end(), expected))
    {
        stats.CurrentStreakDays++;
        expected--;
    }

    // Sessions per week, this week last.
    const int64_t this_week = WeekStart(today, first_weekday);
    for (const SessionRecord& record : history)
    {
        const int64_t day = LocalDayNumber(record.StartedWallMs, RecordTzOffset(record, tz_offset_minutes));
        if (day > today)
            continue;
        const int64_t weeks_ago = (this_week - WeekStart(day, first_weekday)) / 7;
        if (weeks_ago >= 0 && weeks_ago < HistoryWeeks)
            stats.WeeklySessions[HistoryWeeks - 1 - weeks_ago]++;
    }
    return stats;
}

}  // namespace core
