// Date expressions in a sentence, resolved against the document date:
// "On September 19", "19 September 2023", "Sept. 19", "on Tuesday",
// "yesterday", "today", "tomorrow", "overnight", "last night", "last
// week", "last month", "this year", "next week", "earlier this month",
// "later this year", "three days ago", "in recent months", "since
// Saturday", "in 2020", "2020-09-01", "March 2021". Each gets a value (the
// first day), a precision (day, week, month, year) and, for spans longer
// than a day, the last day. Relative forms need the document date; without
// it they are found but left unresolved. A weekday alone is the last such
// day up to the document date; NextWeekday gives the coming one, for an
// event the text puts in the future ("will meet on Tuesday").
#ifndef SITREP_TIME_DATE_EXPRESSIONS_H_
#define SITREP_TIME_DATE_EXPRESSIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"

namespace sitrep::time {

struct DateMention {
  int first = 0;  // word indices, inclusive
  int last = 0;
  std::optional<absl::CivilDay> value;  // empty when it cannot be resolved
  std::string precision;                // day week month year
  std::optional<absl::CivilDay> range_end;
  bool same_day_reference = false;  // "the same day": the previous date
  int weekday = -1;  // a weekday named alone: 0 Monday .. 6 Sunday
};

// The first `weekday` (0 Monday .. 6 Sunday) on or after `day`.
absl::CivilDay NextWeekday(absl::CivilDay day, int weekday);

// `words` are the sentence's word forms in order.
std::vector<DateMention> FindDates(const std::vector<std::string_view>& words,
                                   std::optional<absl::CivilDay> document_date);

}  // namespace sitrep::time

#endif  // SITREP_TIME_DATE_EXPRESSIONS_H_
