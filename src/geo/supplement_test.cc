#include "geo/supplement.h"

#include <gtest/gtest.h>

#include <string>

#include "geo/test_files.h"

namespace sitrep::geo {
namespace {

constexpr char kHeader[] =
    "# a comment\nname\tother\tlat\tlon\tcountry\tadmin1\tfeature\tsource\n";

TEST(SupplementTest, OtherEnglishNamesAreThePlacesOwnAndLakesCrossBorders) {
  GazetteerBuilder b;
  size_t added = 0;
  ASSERT_TRUE(
      AddSupplement(WriteTestFile("supplement.tsv",
                                  std::string(kHeader) +
                                      "Mediterranean Sea\tMediterranean\t35\t"
                                      "18\t\t\tSEA\tgeneral geography\n"
                                      "Gaza Strip\tGaza\t31.4\t34.4\tPS\t\t"
                                      "TRR\tgeneral geography\n"
                                      "Lake Chad\t\t13.3\t14.1\t\t\tLK\t"
                                      "general geography\n"),
                    &b, &added)
          .ok());
  EXPECT_EQ(added, 3u);
  auto g = Gazetteer::FromBytes(b.Build(), "supplement");
  ASSERT_TRUE(g.ok()) << g.status();
  const std::vector<Place> sea = (*g)->Find("Mediterranean");
  ASSERT_EQ(sea.size(), 1u);
  EXPECT_EQ(sea[0].name, "Mediterranean Sea");
  EXPECT_FALSE(sea[0].alternate);
  EXPECT_EQ(sea[0].feature, "SEA");
  EXPECT_TRUE(sea[0].country.empty());
  EXPECT_EQ((*g)->Find("Gaza")[0].country, "PS");
  // A lake across borders lies in no one country.
  ASSERT_EQ((*g)->Find("Lake Chad").size(), 1u);
  EXPECT_TRUE(IsLandform((*g)->Find("Lake Chad")[0].feature));
}

TEST(SupplementTest, ABadRowIsAnErrorNamingItsLine) {
  GazetteerBuilder b;
  size_t added = 0;
  // A town needs its country; a point off the globe; a row cut short.
  for (const char* row :
       {"Sokolov\t\t50.2\t12.6\t\t\tPPL\tan atlas\n",
        "Sea\t\t95\t0\t\t\tSEA\tan atlas\n", "Sea\t\t35\t18\n"}) {
    const absl::Status s = AddSupplement(
        WriteTestFile("supplement_bad.tsv", std::string(kHeader) + row), &b,
        &added);
    EXPECT_NE(std::string(s.message()).find("supplement_bad.tsv:3"),
              std::string::npos)
        << row << s;
  }
  EXPECT_EQ(added, 0u);
  EXPECT_EQ(b.size(), 0u);
}

}  // namespace
}  // namespace sitrep::geo
