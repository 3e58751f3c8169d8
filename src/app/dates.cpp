#include "app/dates.h"

#include "core/wording.h"

#include <cstdio>
#include <cstring>

// English dates are written here; another language's come from the browser (Intl.DateTimeFormat:
// platform::FormatDate), which knows its month names, their cases and its order.
static const char* const WeekdayNames[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char* const MonthNames[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static bool English()
{
    return std::strcmp(core::ActiveLanguage().Tag, "en") == 0;
}

// A date in the active language, from Intl. A language whose letters come with its file (Arabic,
// Japanese) gets the numbers only ("20/11/2026 06:30", "2026/11/20 06:30"): the names of days and
// months are not among its texts, so the atlas has no glyphs for them (nor is Arabic from Intl
// shaped).
static std::string IntlDate(int64_t wall_ms, int offset_minutes, const char* style)
{
    const core::Language& lang = core::ActiveLanguage();
    const std::string chosen = lang.NumericDates ? std::string("numeric-") + style : std::string(style);
    return platform::FormatDate(lang.Tag, wall_ms, offset_minutes, chosen.c_str());
}

int app::RecordOffsetMinutes(const core::SessionRecord& record)
{
    return record.HasTzOffset ? record.TzOffsetMinutes : platform::TimezoneOffsetMinutesAt((double)record.StartedWallMs);
}

std::string app::SessionLabel(const core::SessionRecord& record)
{
    if (!English())
        return IntlDate(record.StartedWallMs, RecordOffsetMinutes(record), "session");
    const core::LocalDateTime t = core::ToLocalDateTime(record.StartedWallMs, RecordOffsetMinutes(record));
    char text[64];
    snprintf(text, sizeof(text), "%s %d %s %d, %02d:%02d", WeekdayNames[t.Weekday], t.Day, MonthNames[t.Month - 1], t.Year, t.Hour, t.Minute);
    return text;
}

std::string app::DateTimeText(int64_t wall_ms)
{
    const int offset = platform::TimezoneOffsetMinutesAt((double)wall_ms);
    if (!English())
        return IntlDate(wall_ms, offset, "datetime");
    const core::LocalDateTime t = core::ToLocalDateTime(wall_ms, offset);
    char text[64];
    snprintf(text, sizeof(text), "%d %s %d, %02d:%02d", t.Day, MonthNames[t.Month - 1], t.Year, t.Hour, t.Minute);
    return text;
}

std::string app::ChartStartDay(int64_t today_day, int first_weekday)
{
    const int64_t monday = core::WeekStart(today_day, first_weekday) - 7 * (core::HistoryWeeks - 1);
    if (!English())
        return IntlDate(monday * 86400000LL, 0, "day");
    const core::LocalDateTime first = core::ToLocalDateTime(monday * 86400000LL, 0);
    char text[32];
    snprintf(text, sizeof(text), "%d %s", first.Day, MonthNames[first.Month - 1]);
    return text;
}

std::string app::HistoryFileName(const AppState& app)
{
    const core::LocalDateTime today = core::ToLocalDateTime(app.Frame.WallMs, app.Frame.TzOffsetMinutes);
    char name[64];
    snprintf(name, sizeof(name), "band-circuit-history-%04d-%02d-%02d.json", today.Year, today.Month, today.Day);
    return name;
}

std::string app::SessionFileName(const core::SessionRecord& record)
{
    const core::LocalDateTime t = core::ToLocalDateTime(record.StartedWallMs, RecordOffsetMinutes(record));
    char name[80];
    snprintf(name, sizeof(name), "band-circuit-session-%04d-%02d-%02d-%02d%02d.json", t.Year, t.Month, t.Day, t.Hour, t.Minute);
    return name;
}
