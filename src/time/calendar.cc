#include "time/calendar.h"

#include <cstdlib>

#include "common/strings.h"

namespace sitrep::time {

std::optional<int> MonthFromName(std::string_view name) {
  if (name.ends_with('.')) name.remove_suffix(1);
  if (name.size() < 3 || name.size() > 9) return std::nullopt;
  const std::string lower = AsciiLower(name);
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonths[m];
    if (lower == full) return m + 1;
    // Three-letter forms, and "sept".
    if (lower.size() == 3 && full.substr(0, 3) == lower) return m + 1;
  }
  if (lower == "sept") return 9;
  return std::nullopt;
}

bool IsValidDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const absl::CivilDay d(year, month, day);
  return d.year() == year && d.month() == month && d.day() == day;
}

std::optional<absl::CivilDay> ParseIsoDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  int year, month, day;
  if (!ParseInt(s.substr(0, 4), &year) || !ParseInt(s.substr(5, 2), &month) ||
      !ParseInt(s.substr(8, 2), &day)) {
    return std::nullopt;
  }
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  if (!IsValidDate(year, month, day)) return std::nullopt;
  return absl::CivilDay(year, month, day);
}

std::optional<absl::CivilDay> NearestDate(int month, int day,
                                          absl::CivilDay reference) {
  std::optional<absl::CivilDay> best;
  long best_distance = 0;
  for (int year = reference.year() - 1; year <= reference.year() + 1; ++year) {
    if (!IsValidDate(year, month, day)) continue;
    const absl::CivilDay candidate(year, month, day);
    const long distance = std::labs(static_cast<long>(candidate - reference));
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string FormatDate(absl::CivilDay day) {
  return fmt::format("{:04d}-{:02d}-{:02d}", day.year(), day.month(),
                     day.day());
}

}  // namespace sitrep::time
