#include "geo/geonames_areas.h"

#include <gtest/gtest.h>

#include <string>

#include "geo/test_files.h"

namespace sitrep::geo {
namespace {

// Two towns of one county, one of another with no name in the list, and a
// state, written for these tests (facts: approximate coordinates).
GazetteerBuilder Towns() {
  GazetteerBuilder b;
  for (const char* row : {
           "4300000\tLondon\tLondon\t\t37.13\t-84.08\tP\tPPLA2\tUS\t\tKY\t125"
           "\t\t\t8000\t\t380\tAmerica/New_York\t2020-01-01",
           "4300001\tEast Bernstadt\tEast Bernstadt\t\t37.19\t-84.14\tP\tPPL\t"
           "US\t\tKY\t125\t\t\t2000\t\t350\tAmerica/New_York\t2020-01-01",
           "4300002\tCorbin\tCorbin\t\t36.95\t-84.10\tP\tPPL\tUS\t\tKY\t235\t"
           "\t\t7300\t\t330\tAmerica/New_York\t2020-01-01",
       }) {
    EXPECT_TRUE(b.AddGeoNamesLine(row)) << row;
  }
  GazetteerBuilder::Entry ky;
  ky.name = "Kentucky";
  ky.country = "US";
  ky.admin1 = "KY";
  ky.feature = "ADM1";
  b.Add(ky);
  return b;
}

TEST(GeoNamesAreasTest, CountiesLieAmongTheirTowns) {
  GazetteerBuilder b = Towns();
  const std::string list = WriteTestFile("admin2_test.json", R"([
    {"code": "US.KY.125", "name": "Laurel County"},
    {"code": "US.KY.999", "name": "County Without Towns"},
    {"code": "broken", "name": "Not a code"},
    {"name": "No code"}])");
  size_t added = 0, skipped = 0;
  ASSERT_TRUE(AddAdmin2Areas(list, &b, &added, &skipped).ok());
  EXPECT_EQ(added, 1u);
  EXPECT_EQ(skipped, 3u);
  auto g = Gazetteer::FromBytes(b.Build(), "admin2");
  ASSERT_TRUE(g.ok()) << g.status();
  const auto county = (*g)->Find("Laurel County");
  ASSERT_EQ(county.size(), 1u);
  EXPECT_EQ(county[0].feature, "ADM2");
  EXPECT_EQ(county[0].admin1, "KY");
  EXPECT_EQ(county[0].admin2, "125");
  // The middle of its two towns, weighing what they do.
  EXPECT_NEAR(county[0].lat, 37.16, 0.01);
  EXPECT_NEAR(county[0].lon, -84.11, 0.01);
  EXPECT_EQ(county[0].population, 10000u);
  // "Laurel" alone is another name of it.
  const auto laurel = (*g)->Find("Laurel");
  ASSERT_EQ(laurel.size(), 1u);
  EXPECT_TRUE(laurel[0].alternate);
  // Not JSON: a clear error.
  EXPECT_FALSE(AddAdmin2Areas(WriteTestFile("admin2_bad.json", "{"), &b, &added,
                              &skipped)
                   .ok());
  EXPECT_FALSE(
      AddAdmin2Areas("/nonexistent/admin2.json", &b, &added, &skipped).ok());
}

TEST(GeoNamesAreasTest, AbbreviationsBelongToTheirDivision) {
  GazetteerBuilder b = Towns();
  const std::string tsv =
      WriteTestFile("abbreviations_test.tsv",
                    "# comment\n"
                    "country\tadmin1\tabbreviations\tsource\n"
                    "US\tKY\tKy.|Kent\ttest\n");
  size_t added = 0;
  ASSERT_TRUE(AddAdmin1Abbreviations(tsv, &b, &added).ok());
  EXPECT_EQ(added, 2u);
  auto g = Gazetteer::FromBytes(b.Build(), "abbreviations");
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ((*g)->Find("Ky.").size(), 1u);
  EXPECT_EQ((*g)->Find("Ky.")[0].name, "Kentucky");
  EXPECT_TRUE((*g)->Find("Ky").empty());
  // Without a full stop: an own name.
  ASSERT_EQ((*g)->Find("Kent").size(), 1u);
  EXPECT_FALSE((*g)->Find("Kent")[0].alternate);
  // A division the areas lack, or a short row: refused, saying where.
  const absl::Status unknown = AddAdmin1Abbreviations(
      WriteTestFile(
          "abbreviations_unknown.tsv",
          "country\tadmin1\tabbreviations\tsource\nUS\tZZ\tZz.\ttest\n"),
      &b, &added);
  EXPECT_FALSE(unknown.ok());
  EXPECT_NE(std::string(unknown.message()).find(":2:"), std::string::npos);
  EXPECT_EQ(AddAdmin1Abbreviations("/nonexistent/abbreviations.tsv", &b, &added)
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_FALSE(
      AddAdmin1Abbreviations(
          WriteTestFile("abbreviations_short.tsv",
                        "country\tadmin1\tabbreviations\tsource\nUS\tKY\n"),
          &b, &added)
          .ok());
}

TEST(GeoNamesAreasTest, CountriesTakeGeoNamesOwnRecord) {
  GazetteerBuilder b;
  GazetteerBuilder::Entry az;
  az.name = "Azerbaijan";
  az.country = "AZ";
  az.feature = "PCLI";
  az.lat = 40.3;  // a centroid of its shape
  az.lon = 47.7;
  b.Add(az);
  GazetteerBuilder::Entry xk = az;
  xk.name = "Kosovo";
  xk.country = "XK";
  b.Add(xk);
  const std::string records = WriteTestFile("country_records_test.json", R"({
    "AZ": {"n": "Azerbaijan", "gi": 587116, "c": {"a": 40.5, "o": 47.5}},
    "FR": {"n": "France", "gi": 3017382, "c": {"a": 46, "o": 2}},
    "XK": {"n": "Kosovo", "c": {"a": "not a number", "o": 21}}})");
  size_t updated = 0;
  ASSERT_TRUE(UseGeoNamesCountryRecords(records, &b, &updated).ok());
  // Only countries already there, and only whole records.
  EXPECT_EQ(updated, 1u);
  auto g = Gazetteer::FromBytes(b.Build(), "countries");
  ASSERT_TRUE(g.ok()) << g.status();
  const auto found = (*g)->Find("Azerbaijan");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].geonames_id, 587116u);
  EXPECT_NEAR(found[0].lat, 40.5, 1e-4);
  EXPECT_NEAR(found[0].lon, 47.5, 1e-4);
  EXPECT_NEAR((*g)->Find("Kosovo")[0].lat, 40.3, 1e-4);
  EXPECT_TRUE((*g)->Find("France").empty());
  EXPECT_FALSE(
      UseGeoNamesCountryRecords(
          WriteTestFile("country_records_bad.json", "[1]"), &b, &updated)
          .ok());
}

TEST(GeoNamesAreasTest, CountriesFarFromTheirRecordMove) {
  GazetteerBuilder b;
  GazetteerBuilder::Entry ca;
  ca.name = "Canada";
  ca.country = "CA";
  ca.feature = "PCLI";
  ca.lat = 60.1;  // a record in Alberta
  ca.lon = -113.6;
  b.Add(ca);
  size_t moved = 0;
  ASSERT_TRUE(
      MoveCountryPoints(WriteTestFile("country_points.tsv",
                                      "# a comment\ncountry\tlat\tlon\tsource\n"
                                      "CA\t60\t-95\tan atlas\n"),
                        &b, &moved)
          .ok());
  EXPECT_EQ(moved, 1u);
  auto g = Gazetteer::FromBytes(b.Build(), "points");
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_NEAR((*g)->Find("Canada")[0].lon, -95, 1e-4);
  // A country the gazetteer lacks, or a point off the globe, is an error
  // naming the line.
  const absl::Status missing = MoveCountryPoints(
      WriteTestFile("country_points_missing.tsv",
                    "country\tlat\tlon\tsource\nFR\t46\t2\tan atlas\n"),
      &b, &moved);
  EXPECT_NE(std::string(missing.message()).find("country_points_missing.tsv:2"),
            std::string::npos)
      << missing;
  EXPECT_FALSE(MoveCountryPoints(
                   WriteTestFile("country_points_bad.tsv",
                                 "country\tlat\tlon\tsource\nCA\t91\t0\tx\n"),
                   &b, &moved)
                   .ok());
}

}  // namespace
}  // namespace sitrep::geo
