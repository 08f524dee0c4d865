// Calendar helpers shared by the reader (document dates), the dateline
// detector and, later, date resolution: month names, ISO dates, and the
// year of a date written without one.
#ifndef SITREP_TIME_CALENDAR_H_
#define SITREP_TIME_CALENDAR_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/time/civil_time.h"

namespace sitrep::time {

// 1..12 for an English month name or abbreviation ("September", "Sept",
// "Sep.", "SEPT"), case-insensitive; nullopt otherwise.
std::optional<int> MonthFromName(std::string_view name);

// Parses "YYYY-MM-DD" or an ISO 8601 date-time that starts with it
// ("2023-09-20T08:15:00Z"); rejects impossible dates (2023-02-30).
std::optional<absl::CivilDay> ParseIsoDate(std::string_view s);

// True when year-month-day is a real calendar date.
bool IsValidDate(int year, int month, int day);

// The date with this month and day nearest to `reference` (in the year
// before, of or after it); nullopt when no such date exists (February 30).
// Ties go to the earlier date: reports describe the past.
std::optional<absl::CivilDay> NearestDate(int month, int day,
                                          absl::CivilDay reference);

// "YYYY-MM-DD".
std::string FormatDate(absl::CivilDay day);

}  // namespace sitrep::time

#endif  // SITREP_TIME_CALENDAR_H_
