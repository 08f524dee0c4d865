#include "time/calendar.h"

#include "gtest/gtest.h"

namespace sitrep::time {
namespace {

TEST(CalendarTest, MonthNames) {
  const struct {
    const char* name;
    int month;
  } cases[] = {{"January", 1}, {"jan", 1},       {"Jan.", 1},  {"FEB", 2},
               {"March", 3},   {"May", 5},       {"Sept", 9},  {"Sept.", 9},
               {"Sep", 9},     {"SEPTEMBER", 9}, {"Dec.", 12}, {"Ma", 0},
               {"Septem", 0},  {"June", 6},      {"Jul", 7},   {"Monday", 0},
               {"", 0}};
  for (const auto& c : cases) {
    EXPECT_EQ(MonthFromName(c.name).value_or(0), c.month) << c.name;
  }
}

TEST(CalendarTest, IsoDates) {
  EXPECT_EQ(FormatDate(*ParseIsoDate("2023-09-19")), "2023-09-19");
  EXPECT_EQ(FormatDate(*ParseIsoDate("2023-09-20T08:15:00Z")), "2023-09-20");
  EXPECT_EQ(FormatDate(*ParseIsoDate("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-13-01"));
  EXPECT_FALSE(ParseIsoDate("2023-9-19"));
  EXPECT_FALSE(ParseIsoDate("19/09/2023"));
  EXPECT_FALSE(ParseIsoDate("2023-09-19junk"));
  EXPECT_FALSE(ParseIsoDate("+023-09-19"));
  EXPECT_FALSE(ParseIsoDate(""));
}

TEST(CalendarTest, NearestDateAcrossYearBoundaries) {
  const absl::CivilDay jan3(2024, 1, 3);
  EXPECT_EQ(FormatDate(*NearestDate(12, 30, jan3)), "2023-12-30");
  EXPECT_EQ(FormatDate(*NearestDate(1, 5, jan3)), "2024-01-05");
  const absl::CivilDay dec30(2023, 12, 30);
  EXPECT_EQ(FormatDate(*NearestDate(1, 2, dec30)), "2024-01-02");
  EXPECT_EQ(FormatDate(*NearestDate(9, 19, absl::CivilDay(2023, 9, 20))),
            "2023-09-19");
  EXPECT_EQ(FormatDate(*NearestDate(2, 29, absl::CivilDay(2023, 3, 1))),
            "2024-02-29");
  EXPECT_FALSE(NearestDate(2, 30, jan3));
}

}  // namespace
}  // namespace sitrep::time
