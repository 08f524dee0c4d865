#include "time/date_expressions.h"

#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "time/calendar.h"

namespace sitrep::time {
namespace {

struct Case {
  const char* sentence;  // words separated by spaces
  const char* text;      // the words of the expression
  const char* value;     // "" when unresolved
  const char* precision;
  const char* range_end;
};

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

void Check(const std::vector<Case>& cases, absl::CivilDay today);

TEST(DateExpressionsTest, ResolvesAgainstTheDocumentDate) {
  // The document is dated Wednesday 20 September 2023.
  const absl::CivilDay today(2023, 9, 20);
  const std::vector<Case> cases = {
      {"On September 19 , a mine exploded", "September 19", "2023-09-19", "day",
       ""},
      {"on 19 September 2023 troops", "19 September 2023", "2023-09-19", "day",
       ""},
      {"on Sept. 19 , 2022 troops", "Sept. 19 , 2022", "2022-09-19", "day", ""},
      {"shelled the town on Tuesday", "Tuesday", "2023-09-19", "day", ""},
      {"protests on Wednesday", "Wednesday", "2023-09-20", "day", ""},
      {"killed yesterday", "yesterday", "2023-09-19", "day", ""},
      {"clashes last week", "last week", "2023-09-11", "week", "2023-09-17"},
      {"in recent months tension", "recent months", "2023-06-22", "month",
       "2023-09-20"},
      {"signed in 2020 .", "2020", "2020-01-01", "year", "2020-12-31"},
      {"in March 2021 it", "March 2021", "2021-03-01", "month", "2021-03-31"},
      {"on December 30 rebels", "December 30", "2022-12-30", "day", ""},
      {"on 2023-09-01 rebels", "2023-09-01", "2023-09-01", "day", ""},
  };
  Check(cases, today);
}

void Check(const std::vector<Case>& cases, absl::CivilDay today) {
  for (const Case& c : cases) {
    const std::vector<std::string> words = Words(c.sentence);
    const std::vector<std::string_view> views(words.begin(), words.end());
    const std::vector<DateMention> got = FindDates(views, today);
    ASSERT_EQ(got.size(), 1u) << c.sentence;
    std::string text;
    for (int i = got[0].first; i <= got[0].last; ++i) {
      text += (text.empty() ? "" : " ") + words[static_cast<size_t>(i)];
    }
    EXPECT_EQ(text, c.text) << c.sentence;
    EXPECT_EQ(got[0].value ? FormatDate(*got[0].value) : "", c.value)
        << c.sentence;
    EXPECT_EQ(got[0].precision, c.precision) << c.sentence;
    EXPECT_EQ(got[0].range_end ? FormatDate(*got[0].range_end) : "",
              c.range_end)
        << c.sentence;
  }
}

TEST(DateExpressionsTest, MoreRelativeForms) {
  // Wednesday 20 September 2023.
  Check({{"shelled overnight , officials", "overnight", "2023-09-19", "day",
          "2023-09-20"},
         {"clashes last night in", "last night", "2023-09-19", "day",
          "2023-09-20"},
         {"talks tomorrow in", "tomorrow", "2023-09-21", "day", ""},
         {"said this morning that", "this morning", "2023-09-20", "day", ""},
         {"killed three days ago", "three days ago", "2023-09-17", "day", ""},
         {"arrested 2 weeks ago", "2 weeks ago", "2023-09-06", "week", ""},
         {"seized a month ago", "a month ago", "2023-08-01", "month",
          "2023-08-31"},
         {"on the day before yesterday", "the day before yesterday",
          "2023-09-18", "day", ""},
         {"clashes earlier this month", "earlier this month", "2023-09-01",
          "month", "2023-09-20"},
         {"elections later this year", "later this year", "2023-09-20", "year",
          "2023-12-31"},
         {"talks next week", "next week", "2023-09-25", "week", "2023-10-01"},
         {"fighting since Saturday has", "since Saturday", "2023-09-16", "day",
          "2023-09-20"},
         {"blockade since September 1", "since September 1", "2023-09-01",
          "day", "2023-09-20"},
         {"in detention since 2020 .", "since 2020", "2020-01-01", "year",
          "2023-09-20"}},
        absl::CivilDay(2023, 9, 20));
}

// Around the turn of a month and of a year.
TEST(DateExpressionsTest, MonthAndYearBoundaries) {
  // Monday 1 January 2024.
  Check({{"killed yesterday", "yesterday", "2023-12-31", "day", ""},
         {"shelled overnight", "overnight", "2023-12-31", "day", "2024-01-01"},
         {"clashes last month", "last month", "2023-12-01", "month",
          "2023-12-31"},
         {"clashes last week", "last week", "2023-12-25", "week", "2023-12-31"},
         {"attack on Friday", "Friday", "2023-12-29", "day", ""},
         {"on December 30 rebels", "December 30", "2023-12-30", "day", ""},
         {"on January 5 rebels", "January 5", "2024-01-05", "day", ""},
         {"a year ago", "a year ago", "2023-01-01", "year", "2023-12-31"}},
        absl::CivilDay(2024, 1, 1));
  // Thursday 29 February 2024, a leap day; 1 March 2023 is no leap year.
  Check({{"killed yesterday", "yesterday", "2024-02-28", "day", ""},
         {"talks tomorrow", "tomorrow", "2024-03-01", "day", ""}},
        absl::CivilDay(2024, 2, 29));
  Check({{"shelled overnight", "overnight", "2023-02-28", "day", "2023-03-01"},
         {"on February 29 rebels", "February 29", "2020-02-29", "day", ""}},
        absl::CivilDay(2023, 3, 1));
}

TEST(DateExpressionsTest, TheComingWeekday) {
  // Wednesday 20 September 2023: the coming Tuesday is the 26th, the
  // coming Wednesday the day itself.
  EXPECT_EQ(FormatDate(NextWeekday(absl::CivilDay(2023, 9, 20), 1)),
            "2023-09-26");
  EXPECT_EQ(FormatDate(NextWeekday(absl::CivilDay(2023, 9, 20), 2)),
            "2023-09-20");
  const std::vector<std::string_view> words = {"will", "meet", "on", "Tuesday"};
  const std::vector<DateMention> got =
      FindDates(words, absl::CivilDay(2023, 9, 20));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].weekday, 1);
}

TEST(DateExpressionsTest, MayAndMarchAreDatesOnlyWithANumber) {
  const std::vector<std::string_view> words = {"They", "may", "march", "today"};
  const std::vector<DateMention> got =
      FindDates(words, absl::CivilDay(2023, 5, 1));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].first, 3);
}

TEST(DateExpressionsTest, WithoutADocumentDateRelativeFormsStayUnresolved) {
  const std::vector<std::string_view> words = {
      "on", "Tuesday", "and", "September", "19", ",", "2023"};
  const std::vector<DateMention> got = FindDates(words, std::nullopt);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_FALSE(got[0].value.has_value());
  ASSERT_TRUE(got[1].value.has_value());
  EXPECT_EQ(FormatDate(*got[1].value), "2023-09-19");
}

TEST(DateExpressionsTest, TheSameDayRefersBack) {
  const std::vector<std::string_view> words = {"On", "the", "same", "day"};
  const std::vector<DateMention> got =
      FindDates(words, absl::CivilDay(2023, 9, 20));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].same_day_reference);
}

}  // namespace
}  // namespace sitrep::time
