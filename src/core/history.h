// What a finished (or ended) session leaves behind, and the numbers the history screen shows from
// a list of them: streaks and recent weeks. Dates are local days, so the caller passes the time-zone
// offset; everything here is pure arithmetic on wall-clock milliseconds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/catalogue.h"

namespace core {

constexpr int SideCount = 5;  // entries of Side, used to index RepsDone
constexpr int MaxSessionIdLength = 64;
constexpr int MaxTzOffsetMinutes = 18 * 60;  // UTC-18:00 .. UTC+18:00 covers every time zone

struct SessionRecord
{
    std::string Id;                          // unique, "<started wall ms>-<n>"; 1..MaxSessionIdLength of [A-Za-z0-9._:-]
    int64_t StartedWallMs;                   // wall clock (ms since 1970 UTC) when the session started
    int64_t EndedWallMs;                     // wall clock when it finished or was ended
    int64_t DurationMs;                      // active time, paused time excluded
    int RoundsPlanned;                       // rounds the session was set up for
    int RoundsDone;                          // rounds whose every set was reached and left
    int RepsDone[ExerciseCount][SideCount];  // reps done per exercise and side, indexed by (int)Side; only ExerciseSide() entries are used
    bool Finished;                           // reached the end; false when ended early
    bool HasTzOffset;                        // TzOffsetMinutes is known (records of older versions lack it)
    int TzOffsetMinutes;                     // local time minus UTC where and when it started, minutes (+60 in Berlin in winter)
    int64_t WorkMs;                          // active time spent in sets (the rest of DurationMs is get-ready, switches and rests); 0 when not known (older records)
    BandStrength Bands[ExerciseCount];       // the band noted for each exercise at the time (None: not noted)

    bool operator==(const SessionRecord&) const = default;
};

// A session the runner deleted, remembered by id so that no import, merge or sync brings it back.
struct Deletion
{
    std::string Id;    // the deleted session's id
    int64_t AtWallMs;  // when it was deleted (wall clock); the earliest known is kept
    bool operator==(const Deletion&) const = default;
};
constexpr int MaxDeletions = 3000;  // the most remembered; beyond, the oldest are forgotten

// Both lists as one, sorted by id, each id once (at its earliest time), at most MaxDeletions
// (the most recent). Either input may be unsorted.
std::vector<Deletion> MergeDeletions(const std::vector<Deletion>& a, const std::vector<Deletion>& b);
bool IsDeleted(const std::vector<Deletion>& deleted, const std::string& id);                    // deleted: sorted by id, as MergeDeletions leaves it
int RemoveDeleted(std::vector<SessionRecord>& sessions, const std::vector<Deletion>& deleted);  // how many were removed

// Sessions that ended after a moment (a backup, a sync): what a copy made then lacks.
int SessionsEndedAfter(const std::vector<SessionRecord>& history, int64_t wall_ms);

// A session id unused in history: "<started_wall_ms>-<n>" with the smallest n >= 1 that is free.
std::string MakeSessionId(int64_t started_wall_ms, const std::vector<SessionRecord>& history);

// Indices into records by start time, oldest first or newest first; records that started at the
// same moment keep their order in the list (imports may add older sessions after newer ones).
std::vector<int> OrderByStart(const std::vector<SessionRecord>& records, bool newest_first);

constexpr int HistoryWeeks = 12;

struct HistoryStats
{
    int CurrentStreakDays;             // consecutive local days with a session, ending today (or yesterday, not yet broken)
    int BestStreakDays;                // longest run of consecutive local days with a session
    int WeeklySessions[HistoryWeeks];  // sessions per local week (from the language's first day of the week); [HistoryWeeks - 1] is this week, [0] the oldest
    int TotalSessions;                 // every session in the list
};

// tz_offset_minutes: minutes to add to UTC to get local time now (in JS: -new Date().getTimezoneOffset()).
// A session belongs to the local day it started on, in the time zone it started in (its own
// TzOffsetMinutes, so summer sessions stay on their day in winter and after travel); a record
// without an offset uses tz_offset_minutes.
// Weeks start on first_weekday (0 Monday .. 6 Sunday: the runner's locale, app/language.h).
HistoryStats ComputeHistoryStats(const std::vector<SessionRecord>& history, int64_t now_wall_ms, int tz_offset_minutes, int first_weekday = 0);

// Local day number (days since 1970-01-01 local) of a wall-clock instant; floors correctly before 1970.
int64_t LocalDayNumber(int64_t wall_ms, int tz_offset_minutes);
int64_t MondayOfWeek(int64_t day);                  // the day number of the Monday starting that day's week
int64_t WeekStart(int64_t day, int first_weekday);  // ... of the first day of its week, weeks starting on first_weekday (0 Monday .. 6 Sunday)

// The local time zone offset a record's dates are shown in: its own, else the one given.
int RecordTzOffset(const SessionRecord& record, int fallback_tz_offset_minutes);

// A civil date and time of day, for showing a wall-clock instant in a given offset.
struct LocalDateTime
{
    int Year, Month, Day;  // civil date, Month 1..12
    int Weekday;           // 0 = Monday .. 6 = Sunday
    int Hour, Minute;      // time of day
};
LocalDateTime ToLocalDateTime(int64_t wall_ms, int tz_offset_minutes);

}  // namespace core
