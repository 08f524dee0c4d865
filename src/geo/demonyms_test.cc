#include "geo/demonyms.h"

#include <gtest/gtest.h>

#include <string>

#include "geo/test_files.h"

namespace sitrep::geo {
namespace {

GazetteerBuilder::Entry Area(const char* name, const char* country,
                             const char* feature) {
  GazetteerBuilder::Entry e;
  e.name = name;
  e.country = country;
  e.feature = feature;
  return e;
}

TEST(DemonymsTest, APeoplesWordFindsItsDivisionOnly) {
  GazetteerBuilder b;
  // Natural Earth names Bavaria in German; a town shares Ohio's name.
  GazetteerBuilder::Entry bavaria = Area("Bayern", "DE", "ADM1");
  bavaria.other_names = {"Bavaria"};
  b.Add(bavaria);
  b.Add(Area("Ohio", "US", "ADM1"));
  b.Add(Area("Ohio", "US", "PPL"));
  b.Add(Area("South Ossetia", "GE", "RGN"));
  size_t added = 0;
  ASSERT_TRUE(AddDemonyms(WriteTestFile("demonyms.tsv",
                                        "# a comment\nplace\tcountry\tforms\n"
                                        "Ohio\tUS\tOhioan|Ohioans\n"
                                        "Bavaria\tDE\tBavarian|Bavarians\n"
                                        "South Ossetia\tGE\tSouth Ossetian\n"),
                          &b, &added)
                  .ok());
  EXPECT_EQ(added, 5u);
  auto g = Gazetteer::FromBytes(b.Build(), "demonyms");
  ASSERT_TRUE(g.ok()) << g.status();
  const std::vector<Place> ohio = (*g)->FindDemonym("Ohioans");
  ASSERT_EQ(ohio.size(), 1u);
  EXPECT_EQ(ohio[0].feature, "ADM1");
  ASSERT_EQ((*g)->FindDemonym("Bavarian").size(), 1u);
  EXPECT_EQ((*g)->FindDemonym("Bavarian")[0].name, "Bayern");
  EXPECT_EQ((*g)->FindDemonym("south ossetian").size(), 1u);
  // The words are no names of the places, nor the names people's words.
  EXPECT_TRUE((*g)->Find("Ohioans").empty());
  EXPECT_TRUE((*g)->FindDemonym("Ohio").empty());
  EXPECT_TRUE((*g)->FindDemonym("").empty());
}

TEST(DemonymsTest, APlaceTheGazetteerLacksIsAnErrorNamingTheLine) {
  GazetteerBuilder b;
  b.Add(Area("Ohio", "US", "ADM1"));
  size_t added = 0;
  // In another country, or only a town of the name: not found.
  const absl::Status other_country =
      AddDemonyms(WriteTestFile("demonyms_missing.tsv",
                                "place\tcountry\tforms\nOhio\tCA\tOhioan\n"),
                  &b, &added);
  EXPECT_NE(std::string(other_country.message()).find("demonyms_missing.tsv:2"),
            std::string::npos)
      << other_country;
  EXPECT_FALSE(AddDemonyms(WriteTestFile("demonyms_short.tsv",
                                         "place\tcountry\tforms\nOhio\tUS\n"),
                           &b, &added)
                   .ok());
  EXPECT_EQ(added, 0u);
}

}  // namespace
}  // namespace sitrep::geo
