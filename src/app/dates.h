// Dates as the user reads them. Each session is shown in the time zone it happened in (the offset
// saved with it); records from versions that saved no offset use this zone's rules at their date.
// The current time and zone come from the frame's clocks (AppState), a past instant's zone from
// platform::TimezoneOffsetMinutesAt: nothing here reads a clock. English dates read as below; another
// language's are the browser's (platform::FormatDate). File names stay as they are in every language.
#pragma once

#include "app/app_state.h"

#include <string>

namespace app {

int RecordOffsetMinutes(const core::SessionRecord& record);       // the zone the session happened in
std::string SessionLabel(const core::SessionRecord& record);      // "Tue 4 Jun 2024, 18:20", local to the session
std::string DateTimeText(int64_t wall_ms);                        // "4 Jun 2024, 18:20", by this zone's rules then
std::string ChartStartDay(int64_t today_day, int first_weekday);  // "13 Mar": the first day of the first of core::HistoryWeeks weeks up to today's
std::string HistoryFileName(const AppState& app);                 // "band-circuit-history-2024-06-04.json", today here
std::string SessionFileName(const core::SessionRecord& record);   // "band-circuit-session-2024-06-04-1820.json"

}  // namespace app
