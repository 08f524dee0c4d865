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
