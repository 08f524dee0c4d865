#include "geo/natural_earth.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "geo/test_files.h"
#include "nlohmann/json.hpp"

namespace sitrep::geo {
namespace {

// Shapes and areas written for these tests: a square, and an island
// beside a larger mainland.
TEST(NaturalEarthTest, CentroidOfTheLargestPolygon) {
  const nlohmann::json square = nlohmann::json::parse(R"({
    "type": "Polygon",
    "coordinates": [[[10, 40], [12, 40], [12, 42], [10, 42], [10, 40]]]})");
  auto c = LargestPolygonCentroid(square);
  ASSERT_TRUE(c);
  EXPECT_NEAR(c->first, 41, 1e-9);
  EXPECT_NEAR(c->second, 11, 1e-9);
  const nlohmann::json parts = nlohmann::json::parse(R"({
    "type": "MultiPolygon",
    "coordinates": [
      [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
      [[[20, 10], [30, 10], [30, 20], [20, 20], [20, 10]],
       [[22, 12], [23, 12], [23, 13], [22, 12]]]]})");
  c = LargestPolygonCentroid(parts);
  ASSERT_TRUE(c);
  EXPECT_NEAR(c->first, 15, 1e-9);
  EXPECT_NEAR(c->second, 25, 1e-9);
  EXPECT_FALSE(LargestPolygonCentroid(
      nlohmann::json::parse(R"({"type": "Point", "coordinates": [1, 2]})")));
  EXPECT_FALSE(LargestPolygonCentroid(nlohmann::json::parse(
      R"({"type": "Polygon", "coordinates": [[["a", 1]]]})")));
}

TEST(NaturalEarthTest, AreasAndCountriesBecomeFindablePlaces) {
  const std::string admin1 = WriteTestFile("ne_admin1_test.json", R"({
    "type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"iso_a2": "AZ", "name": "Qarabağ",
        "name_en": "Karabakh Economic Region", "name_alt": "Garabagh|Karabagh",
        "name_ru": "Карабах", "gn_id": 12345, "gn_a1_code": "AZ.61",
        "latitude": 39.8, "longitude": 46.8}, "geometry": null},
      {"type": "Feature", "properties": {"iso_a2": "-1", "name": "Nowhere",
        "latitude": 1, "longitude": 1}},
      {"type": "Feature", "properties": {"iso_a2": "AZ", "name": "No point"}}
    ]})");
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "ne_countries_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "countries.json") << R"([
    {"country_a2": "GE", "country_a3": "GEO", "country_name": "Georgia",
     "i18n": {"ka": "საქართველო", "ru": "Грузия", "en": "Georgia"}},
    {"country_a2": "ZZ", "country_name": "No shape"},
    {"country_a2": "../x", "country_name": "Not a code"}])";
  std::ofstream(dir / "GE.json") << R"({"type": "Feature",
    "properties": {"country_a2": "GE"}, "geometry": {"type": "Polygon",
    "coordinates": [[[42, 41], [46, 41], [46, 43], [42, 43], [42, 41]]]}})";
  GazetteerBuilder b;
  size_t added = 0, skipped = 0;
  ASSERT_TRUE(AddAdmin1Areas(admin1, &b, &added, &skipped).ok());
  EXPECT_EQ(added, 1u);
  EXPECT_EQ(skipped, 2u);
  added = skipped = 0;
  std::ofstream(dir / "lexicon_countries.tsv")
      << "# test\niso3\tcameo\tname\tnames\tadjectives\tcapitals\n"
         "GEO\tGEO\tGeorgia\tSakartvelo\tGeorgian|Georgians\tTbilisi\n";
  ASSERT_TRUE(AddCountries(dir.string(),
                           (dir / "lexicon_countries.tsv").string(), &b, &added,
                           &skipped)
                  .ok());
  EXPECT_EQ(added, 1u);
  EXPECT_EQ(skipped, 2u);
  auto g = Gazetteer::FromBytes(b.Build(), "test");
  ASSERT_TRUE(g.ok()) << g.status();
  std::vector<Place> found = (*g)->Find("Karabagh");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature, "ADM1");
  EXPECT_EQ(found[0].admin1, "61");
  EXPECT_EQ(found[0].geonames_id, 12345u);
  EXPECT_EQ((*g)->Find("Карабах").size(), 1u);
  found = (*g)->Find("Грузия");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature, "PCLI");
  EXPECT_EQ(found[0].country, "GE");
  EXPECT_NEAR(found[0].lat, 42, 1e-4);
  EXPECT_NEAR(found[0].lon, 44, 1e-4);
  // The lexicon's forms are own names, not another language's.
  found = (*g)->Find("Georgians");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].alternate);
  ASSERT_EQ((*g)->Find("Грузия").size(), 1u);
  EXPECT_TRUE((*g)->Find("Грузия")[0].alternate);
  // A missing file is a clear error.
  EXPECT_FALSE(
      AddAdmin1Areas("/nonexistent/admin1.json", &b, &added, &skipped).ok());
}

}  // namespace
}  // namespace sitrep::geo
