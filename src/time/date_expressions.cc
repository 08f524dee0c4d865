#include "time/date_expressions.h"

#include <array>
#include <cctype>

#include "common/strings.h"
#include "time/calendar.h"

namespace sitrep::time {
namespace {

std::string Lower(std::string_view s) { return AsciiLower(s); }

// 0 = Monday .. 6 = Sunday, or -1.
int WeekdayFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  const std::string w = Lower(word);
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (w == kNames[i]) return static_cast<int>(i);
  }
  return -1;
}

int WeekdayIndex(absl::CivilDay day) {
  switch (absl::GetWeekday(day)) {
    case absl::Weekday::monday:
      return 0;
    case absl::Weekday::tuesday:
      return 1;
    case absl::Weekday::wednesday:
      return 2;
    case absl::Weekday::thursday:
      return 3;
    case absl::Weekday::friday:
      return 4;
    case absl::Weekday::saturday:
      return 5;
    case absl::Weekday::sunday:
      return 6;
  }
  return 0;
}

std::optional<int> DayNumber(std::string_view word) {
  std::string w(word);
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (w.size() > suffix.size() &&
        Lower(w.substr(w.size() - suffix.size())) == suffix) {
      w.resize(w.size() - suffix.size());
      break;
    }
  }
  int day = 0;
  if (!ParseInt(w, &day) || day < 1 || day > 31) return std::nullopt;
  return day;
}

std::optional<int> YearNumber(std::string_view word) {
  int year = 0;
  if (word.size() != 4 || !ParseInt(word, &year) || year < 1900 ||
      year > 2100) {
    return std::nullopt;
  }
  return year;
}

class Finder {
 public:
  Finder(const std::vector<std::string_view>& words,
         std::optional<absl::CivilDay> today)
      : words_(words), today_(today) {}

  std::vector<DateMention> Run() {
    for (size_t i = 0; i < words_.size();) {
      size_t next = i + 1;
      if (std::optional<DateMention> m = At(i, &next)) out_.push_back(*m);
      i = next;
    }
    return out_;
  }

 private:
  std::string W(size_t i) const {
    return i < words_.size() ? Lower(words_[i]) : std::string();
  }

  DateMention Day(size_t first, size_t last, std::optional<absl::CivilDay> v) {
    DateMention m;
    m.first = static_cast<int>(first);
    m.last = static_cast<int>(last);
    m.value = v;
    m.precision = "day";
    return m;
  }

  DateMention Range(size_t first, size_t last, absl::CivilDay begin,
                    absl::CivilDay end, std::string precision) {
    DateMention m;
    m.first = static_cast<int>(first);
    m.last = static_cast<int>(last);
    m.value = begin;
    m.range_end = end;
    m.precision = std::move(precision);
    return m;
  }

  // Month and day without a year: the nearest such date to the document
  // date, or unresolved without one.
  std::optional<absl::CivilDay> MonthDay(int month, int day,
                                         std::optional<int> year) {
    if (year) {
      if (!IsValidDate(*year, month, day)) return std::nullopt;
      return absl::CivilDay(*year, month, day);
    }
    if (!today_) return std::nullopt;
    // Reports tell of the past: a date more than a week ahead of the
    // report belongs to the year before.
    std::optional<absl::CivilDay> d = NearestDate(month, day, *today_);
    // February 29: the last leap day before, when none is near.
    for (int back = 0; !d && back < 8; ++back) {
      const int year = static_cast<int>(today_->year()) - back;
      if (IsValidDate(year, month, day)) d = absl::CivilDay(year, month, day);
    }
    if (d && *d > *today_ + 7) {
      std::optional<absl::CivilDay> earlier;
      for (int back = 1; !earlier && back <= 8; ++back) {
        const int year = static_cast<int>(d->year()) - back;
        if (IsValidDate(year, month, day)) {
          earlier = absl::CivilDay(year, month, day);
        }
      }
      d = earlier;
    }
    return d;
  }

  std::optional<DateMention> At(size_t i, size_t* next) {
    const std::string w = W(i);
    // 2023-09-19
    if (std::optional<absl::CivilDay> iso = ParseIsoDate(words_[i]);
        iso && words_[i].size() == 10) {
      *next = i + 1;
      return Day(i, i, iso);
    }
    // September 19[, 2023] / September 2023
    if (std::optional<int> month = MonthFromName(words_[i]);
        month && w != "may" && w != "march") {
      return AfterMonth(i, *month, next);
    }
    if (std::optional<int> month = MonthFromName(words_[i]);
        month && (w == "may" || w == "march") &&
        (DayNumber(words_.size() > i + 1 ? words_[i + 1] : "") ||
         YearNumber(words_.size() > i + 1 ? words_[i + 1] : ""))) {
      // "May" and "March" are dates only when a number follows.
      return AfterMonth(i, *month, next);
    }
    // 19 September [2023]
    if (std::optional<int> day = DayNumber(words_[i])) {
      if (i + 1 < words_.size()) {
        if (std::optional<int> month = MonthFromName(words_[i + 1])) {
          std::optional<int> year;
          size_t last = i + 1;
          if (i + 2 < words_.size()) {
            year = YearNumber(words_[i + 2]);
            if (year) last = i + 2;
          }
          *next = last + 1;
          return Day(i, last, MonthDay(*month, *day, year));
        }
      }
    }
    // since Saturday, since September 19, since 2020: from then until the
    // report.
    if (w == "since" && i + 1 < words_.size() && W(i + 1) != "since") {
      size_t after = i + 2;
      std::optional<DateMention> from;
      if (std::optional<int> year = YearNumber(words_[i + 1])) {
        from = Range(i + 1, i + 1, absl::CivilDay(*year, 1, 1),
                     absl::CivilDay(*year, 12, 31), "year");
      } else {
        from = At(i + 1, &after);
      }
      if (from && from->value) {
        *next = after;
        from->first = static_cast<int>(i);
        if (today_ && *from->value <= *today_) {
          from->range_end = *today_;
        }
        from->weekday = -1;
        return from;
      }
    }
    // on Tuesday
    if (int wd = WeekdayFromName(words_[i]); wd >= 0) {
      *next = i + 1;
      DateMention m = Day(i, i, std::nullopt);
      m.weekday = wd;
      if (!today_) return m;
      const int back = (WeekdayIndex(*today_) - wd + 7) % 7;
      m.value = *today_ - back;
      return m;
    }
    // the day before yesterday
    if (w == "day" && i >= 1 && W(i - 1) == "the" && W(i + 1) == "before" &&
        W(i + 2) == "yesterday") {
      *next = i + 3;
      return Day(i - 1, i + 2,
                 today_ ? std::optional(*today_ - 2) : std::nullopt);
    }
    if (w == "yesterday") {
      *next = i + 1;
      return Day(i, i, today_ ? std::optional(*today_ - 1) : std::nullopt);
    }
    // "last night", "overnight": the night before the report, which ends
    // on its day.
    if (w == "overnight" || (w == "last" && W(i + 1) == "night")) {
      const size_t last = w == "overnight" ? i : i + 1;
      *next = last + 1;
      DateMention m = Day(i, last, std::nullopt);
      if (today_) {
        m.value = *today_ - 1;
        m.range_end = *today_;
      }
      return m;
    }
    if (w == "tomorrow") {
      *next = i + 1;
      return Day(i, i, today_ ? std::optional(*today_ + 1) : std::nullopt);
    }
    if (w == "today" || w == "tonight") {
      *next = i + 1;
      return Day(i, i, today_);
    }
    // this morning, this afternoon, this evening
    if (w == "this" && (W(i + 1) == "morning" || W(i + 1) == "afternoon" ||
                        W(i + 1) == "evening")) {
      *next = i + 2;
      return Day(i, i + 1, today_);
    }
    // three days ago, two weeks ago, a month ago
    if (i + 2 < words_.size() && W(i + 2) == "ago") {
      const std::string unit = W(i + 1);
      int count = 0;
      const std::string n = W(i);
      static constexpr std::array<std::string_view, 11> kNumbers = {
          "",    "one",   "two",   "three", "four", "five",
          "six", "seven", "eight", "nine",  "ten"};
      for (size_t k = 1; k < kNumbers.size(); ++k) {
        if (n == kNumbers[k]) count = static_cast<int>(k);
      }
      if (n == "a" || n == "an") count = 1;
      if (count == 0 && (!ParseInt(n, &count) || count < 1 || count > 366)) {
        count = 0;
      }
      const bool day_unit = unit == "day" || unit == "days";
      const bool week_unit = unit == "week" || unit == "weeks";
      const bool month_unit = unit == "month" || unit == "months";
      const bool year_unit = unit == "year" || unit == "years";
      if (count > 0 && (day_unit || week_unit || month_unit || year_unit)) {
        *next = i + 3;
        DateMention m = Day(i, i + 2, std::nullopt);
        m.precision = day_unit     ? "day"
                      : week_unit  ? "week"
                      : month_unit ? "month"
                                   : "year";
        if (today_) {
          if (day_unit) m.value = *today_ - count;
          if (week_unit) m.value = *today_ - 7 * count;
          if (month_unit) {
            const absl::CivilMonth mo = absl::CivilMonth(*today_) - count;
            m.value = absl::CivilDay(mo);
            m.range_end = absl::CivilDay(mo + 1) - 1;
          }
          if (year_unit) {
            const absl::CivilYear y = absl::CivilYear(*today_) - count;
            m.value = absl::CivilDay(y);
            m.range_end = absl::CivilDay(y + 1) - 1;
          }
        }
        return m;
      }
    }
    // earlier this month, later this year: the part of the period before
    // (or after) the report.
    if ((w == "earlier" || w == "later") && W(i + 1) == "this" &&
        (W(i + 2) == "week" || W(i + 2) == "month" || W(i + 2) == "year")) {
      *next = i + 3;
      if (!today_) return Day(i, i + 2, std::nullopt);
      DateMention m = Period(i, i + 2, W(i + 2), 0);
      if (w == "earlier") {
        m.range_end = *today_;
      } else {
        m.value = *today_;
      }
      return m;
    }
    // the same day
    if (w == "same" && W(i + 1) == "day") {
      *next = i + 2;
      DateMention m = Day(i, i + 1, std::nullopt);
      m.same_day_reference = true;
      return m;
    }
    // last week / this week / next week / last month / this month / last
    // year
    if ((w == "last" || w == "this" || w == "past" || w == "next") &&
        i + 1 < words_.size()) {
      const std::string unit = W(i + 1);
      if (unit == "week" || unit == "month" || unit == "year") {
        *next = i + 2;
        if (!today_) return Day(i, i + 1, std::nullopt);
        const int offset = w == "this" ? 0 : w == "next" ? 1 : -1;
        DateMention m = Period(i, i + 1, unit, offset);
        return m;
      }
    }
    // in recent months / in recent weeks / in recent days
    if (w == "recent" && i + 1 < words_.size()) {
      const std::string unit = W(i + 1);
      if (unit == "months" || unit == "weeks" || unit == "days") {
        *next = i + 2;
        if (!today_) return Day(i, i + 1, std::nullopt);
        const int days = unit == "months" ? 90 : unit == "weeks" ? 21 : 7;
        return Range(i, i + 1, *today_ - days, *today_,
                     unit == "months"  ? "month"
                     : unit == "weeks" ? "week"
                                       : "day");
      }
    }
    // in 2020
    if (w == "in" && i + 1 < words_.size()) {
      if (std::optional<int> year = YearNumber(words_[i + 1])) {
        *next = i + 2;
        return Range(i + 1, i + 1, absl::CivilDay(*year, 1, 1),
                     absl::CivilDay(*year, 12, 31), "year");
      }
    }
    return std::nullopt;
  }

  std::optional<DateMention> AfterMonth(size_t i, int month, size_t* next) {
    if (i + 1 < words_.size()) {
      if (std::optional<int> day = DayNumber(words_[i + 1])) {
        size_t last = i + 1;
        std::optional<int> year;
        size_t k = i + 2;
        if (k < words_.size() && words_[k] == ",") ++k;
        if (k < words_.size()) {
          year = YearNumber(words_[k]);
          if (year) last = k;
        }
        *next = last + 1;
        return Day(i, last, MonthDay(month, *day, year));
      }
      if (std::optional<int> year = YearNumber(words_[i + 1])) {
        *next = i + 2;
        const absl::CivilMonth m(*year, month);
        return Range(i, i + 1, absl::CivilDay(m), absl::CivilDay(m + 1) - 1,
                     "month");
      }
    }
    *next = i + 1;
    return std::nullopt;
  }

  DateMention Period(size_t first, size_t last, const std::string& unit,
                     int offset) {
    const absl::CivilDay today = *today_;
    if (unit == "week") {
      const absl::CivilDay monday = today - WeekdayIndex(today) + 7 * offset;
      return Range(first, last, monday, monday + 6, "week");
    }
    if (unit == "month") {
      const absl::CivilMonth m = absl::CivilMonth(today) + offset;
      return Range(first, last, absl::CivilDay(m), absl::CivilDay(m + 1) - 1,
                   "month");
    }
    const absl::CivilYear y = absl::CivilYear(today) + offset;
    return Range(first, last, absl::CivilDay(y), absl::CivilDay(y + 1) - 1,
                 "year");
  }

  const std::vector<std::string_view>& words_;
  std::optional<absl::CivilDay> today_;
  std::vector<DateMention> out_;
};

}  // namespace

absl::CivilDay NextWeekday(absl::CivilDay day, int weekday) {
  return day + (weekday - WeekdayIndex(day) + 7) % 7;
}

std::vector<DateMention> FindDates(
    const std::vector<std::string_view>& words,
    std::optional<absl::CivilDay> document_date) {
  return Finder(words, document_date).Run();
}

}  // namespace sitrep::time
