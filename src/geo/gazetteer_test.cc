#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <string>

#include "geo/name_key.h"

namespace sitrep::geo {
namespace {

// Rows in the GeoNames cities-500 layout, written for these tests (facts:
// names, alternate spellings, approximate coordinates and populations).
constexpr const char* kRows[] = {
    "146970\tXankəndi\tXankandi\tKhankendi,Stepanakert,Степанакерт,"
    "Ստեփանակերտ\t39.8177\t46.7528\tP\tPPL\tAZ\t\t61\t\t\t\t53100\t\t850\tAsia/"
    "Baku\t2021-11-03",
    "611717\tTbilisi\tTbilisi\tTiflis,თბილისი,Тбилиси\t41.69411\t44."
    "83368\tP\tPPLC\tGE\t\t51\t\t\t\t1049498\t\t490\tAsia/Tbilisi\t2020-01-01",
    "147105\tŞuşa\tSusa\tShusha,Shushi,Շուշի\t39.76006\t46."
    "74989\tP\tPPLA\tAZ\t\t55\t\t\t\t4064\t\t1339\tAsia/Baku\t2020-12-15",
    "148000\tFüzuli\tFuzuli\tFizuli,Varanda\t39.60094\t47."
    "14529\tP\tPPLA\tAZ\t\t28\t\t\t\t26400\t\t300\tAsia/Baku\t2020-01-01",
    "361058\tAlexandria\tAlexandria\tAl "
    "Iskandariyah,الإسكندرية\t31.20176\t29."
    "91582\tP\tPPLA\tEG\t\t06\t\t\t\t3811516\t\t5\tAfrica/Cairo\t2020-01-01",
    "4314550\tAlexandria\tAlexandria\t\t38.80484\t-77."
    "04692\tP\tPPLA2\tUS\t\tVA\t510\t\t\t159428\t\t13\tAmerica/"
    "New_York\t2020-01-01",
    "2210247\tTripoli\tTripoli\tTarabulus,طرابلس\t32.88743\t13."
    "18733\tP\tPPLC\tLY\t\t77\t\t\t\t1150989\t\t81\tAfrica/Tripoli\t2020-01-01",
    "266826\tTripoli\tTripoli\tTarabulus\t34.43667\t35."
    "84972\tP\tPPLA\tLB\t\t09\t\t\t\t229398\t\t20\tAsia/Beirut\t2020-01-01",
};

std::string BuildFixture() {
  GazetteerBuilder b;
  for (const char* row : kRows) EXPECT_TRUE(b.AddGeoNamesLine(row)) << row;
  GazetteerBuilder::Entry region;
  region.name = "Nagorno-Karabakh";
  region.other_names = {"Karabakh"};
  region.lat = 39.85;
  region.lon = 46.75;
  region.country = "AZ";
  region.feature = "RGN";
  b.Add(region);
  EXPECT_FALSE(b.AddGeoNamesLine("not\ta\trow"));
  return b.Build();
}

TEST(NameKeyTest, ScriptsAndAccentsMeet) {
  const NameFolder& f = ThreadNameFolder();
  EXPECT_EQ(f.Key("Xankəndi"), "xankendi");
  EXPECT_EQ(f.Key("Степанакерт"), "stepanakert");
  EXPECT_EQ(f.Key("Füzuli"), "fuzuli");
  EXPECT_EQ(f.Key("  Nagorno-Karabakh "), "nagorno karabakh");
  EXPECT_EQ(f.Key("---"), "");
  const auto v = NameFolder::AzerbaijaniVariants("Xankəndi");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(f.Key(v[0]), "khankendi");
  EXPECT_EQ(f.Key(v[1]), "khankandi");
  // A word's first schwa is "A" in English spellings ("Əliyev" Aliyev).
  const auto a = NameFolder::AzerbaijaniVariants("Əhmədbəyli");
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(f.Key(a[0]), "ehmedbeyli");
  EXPECT_EQ(f.Key(a[1]), "ahmadbayli");
  EXPECT_EQ(f.Key(a[2]), "ahmedbeyli");
  EXPECT_EQ(f.Key(NameFolder::AzerbaijaniVariants("Şuşa")[0]), "shusha");
  EXPECT_TRUE(NameFolder::AzerbaijaniVariants("Baku").empty());
}

TEST(GazetteerTest, TransliterationsFindTheSamePlace) {
  auto g = Gazetteer::FromBytes(BuildFixture(), "fixture");
  ASSERT_TRUE(g.ok()) << g.status();
  for (const char* name :
       {"Stepanakert", "Khankendi", "Xankəndi", "Степанакерт", "XANKENDI"}) {
    const auto found = (*g)->Find(name);
    ASSERT_EQ(found.size(), 1u) << name;
    EXPECT_EQ(found[0].geonames_id, 146970u) << name;
    EXPECT_EQ(found[0].country, "AZ");
  }
  for (const char* name : {"Shusha", "Şuşa", "Shushi", "Շուշի"}) {
    const auto found = (*g)->Find(name);
    ASSERT_FALSE(found.empty()) << name;
    EXPECT_EQ(found[0].geonames_id, 147105u) << name;
  }
  ASSERT_EQ((*g)->Find("Fizuli").size(), 1u);
  for (const char* name : {"თბილისი", "Тбилиси", "Tiflis"}) {
    const auto found = (*g)->Find(name);
    ASSERT_EQ(found.size(), 1u) << name;
    EXPECT_EQ(found[0].country, "GE") << name;
  }
  EXPECT_EQ((*g)->Find("Karabakh")[0].feature, "RGN");
  EXPECT_TRUE((*g)->Find("Atlantis").empty());
}

TEST(GazetteerTest, AmbiguousNamesComeMostPopulousFirst) {
  auto g = Gazetteer::FromBytes(BuildFixture(), "fixture");
  ASSERT_TRUE(g.ok()) << g.status();
  const auto alexandria = (*g)->Find("Alexandria");
  ASSERT_EQ(alexandria.size(), 2u);
  EXPECT_EQ(alexandria[0].country, "EG");
  EXPECT_EQ(alexandria[1].country, "US");
  EXPECT_EQ(alexandria[1].admin1, "VA");
  const auto tripoli = (*g)->Find("Tarabulus");
  ASSERT_EQ(tripoli.size(), 2u);
  EXPECT_EQ(tripoli[0].country, "LY");
  EXPECT_NEAR(tripoli[1].lat, 34.44, 0.01);
}

TEST(GazetteerTest, AbbreviationsAreFoundOnlyWithTheirFullStop) {
  GazetteerBuilder b;
  GazetteerBuilder::Entry tn;
  tn.name = "Tennessee";
  tn.abbreviations = {"Tenn."};
  tn.country = "US";
  tn.admin1 = "TN";
  tn.feature = "ADM1";
  b.Add(tn);
  GazetteerBuilder::Entry wv;
  wv.name = "West Virginia";
  wv.abbreviations = {"W.Va.", "W. Va."};
  wv.country = "US";
  wv.admin1 = "WV";
  wv.feature = "ADM1";
  b.Add(wv);
  // A county, and a continent in no country.
  ASSERT_TRUE(b.AddGeoNamesLine(
      "4600000\tParis\tParis\t\t36.30\t-88.33\tP\tPPLA2\tUS\t\tTN\t079"
      "\t\t\t10156\t\t150\tAmerica/Chicago\t2020-01-01"));
  GazetteerBuilder::Entry africa;
  africa.name = "Africa";
  africa.feature = "CONT";
  africa.lat = 7.19;
  africa.lon = 21.09;
  b.Add(africa);
  auto g = Gazetteer::FromBytes(b.Build(), "abbreviations");
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ((*g)->Find("Tenn.").size(), 1u);
  EXPECT_EQ((*g)->Find("Tenn.")[0].name, "Tennessee");
  EXPECT_TRUE((*g)->Find("Tenn").empty());
  // Two spellings that fold alike give the place once.
  ASSERT_EQ((*g)->Find("W.Va.").size(), 1u);
  EXPECT_EQ((*g)->Find("W. Va.")[0].admin1, "WV");
  const auto paris = (*g)->Find("Paris");
  ASSERT_EQ(paris.size(), 1u);
  EXPECT_EQ(paris[0].admin2, "079");
  const auto continent = (*g)->Find("Africa");
  ASSERT_EQ(continent.size(), 1u);
  EXPECT_EQ(continent[0].country, "");
  EXPECT_EQ(continent[0].feature, "CONT");
}

TEST(GazetteerTest, DamagedIndexesAreRefusedWithAReason) {
  const std::string good = BuildFixture();
  auto message = [](const std::string& bytes) {
    auto g = Gazetteer::FromBytes(bytes, "idx");
    return g.ok() ? std::string("ok") : std::string(g.status().message());
  };
  EXPECT_EQ(message(good), "ok");
  EXPECT_NE(message(good.substr(0, 10)).find("truncated"), std::string::npos);
  EXPECT_NE(message(good.substr(0, good.size() - 1)).find("sizes"),
            std::string::npos);
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x55;
  EXPECT_NE(message(flipped).find("checksum"), std::string::npos);
  std::string foreign = good;
  foreign[0] = 'X';
  EXPECT_NE(message(foreign).find("not a sitrep gazetteer"), std::string::npos);
  std::string version = good;
  version[8] = 99;
  EXPECT_NE(message(version).find("version 99"), std::string::npos);
  EXPECT_NE(message("").find("truncated"), std::string::npos);
}

TEST(GazetteerTest, OpensAFileByMapping) {
  const std::string path = ::testing::TempDir() + "/gazetteer_" +
                           std::to_string(::getpid()) + ".idx";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string bytes = BuildFixture();
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
  }
  auto g = Gazetteer::Open(path);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ((*g)->size(), 9u);
  EXPECT_FALSE((*g)->Find("Khankendi").empty());
  std::remove(path.c_str());
  auto missing = Gazetteer::Open(path);
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(std::string(missing.status().message()).find("cannot open"),
            std::string::npos);
}

}  // namespace
}  // namespace sitrep::geo
