#include "geo/toponyms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep::geo {
namespace {

// Places written for these tests in the GeoNames cities-500 layout (facts:
// names, approximate coordinates and populations), and areas as Natural
// Earth gives them.
std::unique_ptr<Gazetteer> Fixture() {
  GazetteerBuilder b;
  for (const char* row : {
           "361058\tAlexandria\tAlexandria\t\t31.20\t29.92\tP\tPPLA\tEG\t\t06"
           "\t\t\t\t3811516\t\t5\tAfrica/Cairo\t2020-01-01",
           "4314550\tAlexandria\tAlexandria\t\t31.31\t-92.45\tP\tPPLA2\tUS\t\t"
           "LA\t079\t\t\t47723\t\t25\tAmerica/Chicago\t2020-01-01",
           "2210247\tTripoli\tTripoli\t\t32.89\t13.19\tP\tPPLC\tLY\t\t77\t\t\t"
           "\t1150989\t\t81\tAfrica/Tripoli\t2020-01-01",
           "266826\tTripoli\tTripoli\t\t34.44\t35.85\tP\tPPLA\tLB\t\t09\t\t\t"
           "\t229398\t\t20\tAsia/Beirut\t2020-01-01",
           "4180439\tAtlanta\tAtlanta\t\t33.75\t-84.39\tP\tPPLA\tUS\t\tGA\t121"
           "\t\t\t498715\t\t320\tAmerica/New_York\t2020-01-01",
           "4335045\tMacon\tMacon\t\t32.84\t-83.63\tP\tPPLA2\tUS\t\tGA\t021"
           "\t\t\t153095\t\t110\tAmerica/New_York\t2020-01-01",
           "611717\tTbilisi\tTbilisi\t\t41.69\t44.83\tP\tPPLC\tGE\t\t51\t\t\t"
           "\t1049498\t\t490\tAsia/Tbilisi\t2020-01-01",
           // Azerbaijan: two towns of a highway, and the namesake of its
           // third place, 110 km away in another district.
           "148106\tFizuli\tFizuli\t\t39.60\t47.15\tP\tPPLA\tAZ\t\t18\t\t\t"
           "\t26765\t\t400\tAsia/Baku\t2020-01-01",
           "147105\tŞuşa\tSusa\tShusha,Shushi\t39.76\t46.75\tP\tPPLA\tAZ\t\t"
           "55\t\t\t\t18662\t\t1400\tAsia/Baku\t2020-01-01",
           "147059\tƏhmədbəyli\tAhmadbayli\t\t39.88\t48.39\tP\tPPL\tAZ\t\t"
           "45\t\t\t\t17242\t\t-11\tAsia/Baku\t2020-01-01",
           // Myanmar, and a Japanese city that shares a township's name.
           "1311874\tMandalay\tMandalay\t\t21.97\t96.08\tP\tPPLA\tMM\t\t08"
           "\t\t\t\t1208099\t\t80\tAsia/Yangon\t2020-01-01",
           "6822216\tKani\tKani\t\t35.40\t137.06\tP\tPPLA2\tJP\t\t09\t"
           "1860193\t\t\t102143\t\t100\tAsia/Tokyo\t2020-01-01",
           // Dublin, and a suburb of Columbus, Ohio, of the same name.
           "2964574\tDublin\tDublin\t\t53.33\t-6.25\tP\tPPLC\tIE\t\tL\t"
           "33\t\t\t1024027\t\t17\tEurope/Dublin\t2020-01-01",
           "4394870\tDublin\tDublin\t\t40.10\t-83.11\tP\tPPL\tUS\t\tOH\t"
           "049\t\t\t49328\t\t280\tAmerica/New_York\t2020-01-01",
           // Vidalia, Louisiana, across the river from Natchez, Mississippi,
           // and the larger Vidalia, Georgia, 850 km away.
           "4336153\tVidalia\tVidalia\t\t31.565\t-91.426\tP\tPPL\tUS\t\tLA\t"
           "029\t\t\t4299\t\t20\tAmerica/Chicago\t2020-01-01",
           "4228147\tVidalia\tVidalia\t\t32.218\t-82.413\tP\tPPL\tUS\t\tGA\t"
           "279\t\t\t10473\t\t84\tAmerica/New_York\t2020-01-01",
           "4442245\tNatchez\tNatchez\t\t31.560\t-91.403\tP\tPPLA2\tUS\t\t"
           "MS\t001\t\t\t15792\t\t66\tAmerica/Chicago\t2020-01-01",
           // Sudan and South Sudan, either side of a border.
           "373303\tNyala\tNyala\t\t12.05\t24.88\tP\tPPLA\tSD\t\t49\t"
           "\t\t\t565734\t\t670\tAfrica/Khartoum\t2020-01-01",
           "370737\tMalakal\tMalakal\t\t9.53\t31.66\tP\tPPLA\tSS\t\t07"
           "\t\t\t\t160765\t\t390\tAfrica/Juba\t2020-01-01",
           // The capital, towns named after states, and a town one of
           // whose other names is a state's.
           "4140963\tWashington\tWashington\t\t38.90\t-77.04\tP\tPPLC\tUS"
           "\t\tDC\t001\t\t\t689545\t\t7\tAmerica/New_York\t2020-01-01",
           "4402011\tOregon\tOregon\t\t39.99\t-95.14\tP\tPPLA2\tUS\t\t"
           "MO\t087\t\t\t776\t\t330\tAmerica/Chicago\t2020-01-01",
           "4405794\tRiverside\tRiverside\tIllinois\t38.29\t-90.38\tP\tPPL"
           "\tUS\t\tMO\t099\t\t\t2946\t\t140\tAmerica/Chicago\t2020-01-01",
       }) {
    EXPECT_TRUE(b.AddGeoNamesLine(row)) << row;
  }
  auto area = [&](const char* name, const char* country, const char* admin1,
                  const char* feature, double lat, double lon,
                  const char* other_name = nullptr, uint32_t population = 0) {
    GazetteerBuilder::Entry e;
    e.name = name;
    if (other_name != nullptr) e.other_names = {other_name};
    e.country = country;
    e.admin1 = admin1;
    e.feature = feature;
    e.lat = lat;
    e.lon = lon;
    e.population = population;
    b.Add(e);
  };
  area("Louisiana", "US", "LA", "ADM1", 31.07, -92.0);
  area("Georgia", "US", "GA", "ADM1", 32.75, -83.5);
  area("Georgia", "GE", "", "PCLI", 42.2, 43.5);
  area("Egypt", "EG", "", "PCLI", 26.5, 29.9);
  area("Lebanon", "LB", "", "PCLI", 33.9, 35.9);
  // The district, "Fizuli" in another spelling.
  area("Füzuli", "AZ", "18", "ADM1", 39.56, 47.32, "Fizuli");
  area("Sagaing", "MM", "10", "ADM1", 24.0, 95.0);
  area("Ireland", "IE", "", "PCLI", 53.0, -8.0);
  area("Ohio", "US", "OH", "ADM1", 40.25, -82.75);
  area("Sudan", "SD", "", "PCLI", 16.0, 30.0);
  area("South Darfur", "SD", "49", "ADM1", 11.5, 24.9);
  area("Myanmar", "MM", "", "PCLI", 21.0, 96.0);
  area("Illinois", "US", "IL", "ADM1", 40.0, -89.2);
  area("Missouri", "US", "MO", "ADM1", 38.5, -92.5);
  area("Oregon", "US", "OR", "ADM1", 43.9, -120.6);
  area("Washington", "US", "WA", "ADM1", 47.4, -120.5);
  // An ocean and a county, each "Pacific" by another of its names.
  area("Pacific Ocean", "", "", "OCN", 0.0, -160.0, "Pacific");
  area("Pacific County", "US", "WA", "ADM2", 46.5, -123.8, "Pacific", 20000);
  auto g = Gazetteer::FromBytes(b.Build(), "toponyms test");
  EXPECT_TRUE(g.ok()) << g.status();
  return std::move(g).value();
}

// The candidates of a text: the listed names where they first occur
// after the previous one.
std::vector<ToponymCandidate> Candidates(
    const std::string& text, const std::vector<std::string>& names) {
  std::vector<ToponymCandidate> out;
  size_t from = 0;
  for (const std::string& n : names) {
    const size_t at = text.find(n, from);
    EXPECT_NE(at, std::string::npos) << n;
    out.push_back({n, Span{static_cast<uint32_t>(at),
                           static_cast<uint32_t>(at + n.size())}});
    from = at + n.size();
  }
  return out;
}

std::string Countries(const std::vector<PlaceMention>& places) {
  std::string out;
  for (const PlaceMention& p : places) {
    out += (out.empty() ? "" : " ") + p.country + "/" + p.precision;
  }
  return out;
}

TEST(ToponymsTest, AmbiguousNamesFollowTheDocumentAndTheirParents) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  const struct {
    std::string text;
    std::vector<std::string> names;
    std::string expected;
  } rows[] = {
      // the most prominent place of a bare name
      {"Floods hit Alexandria.", {"Alexandria"}, "EGY/point"},
      // a state after a comma is the parent
      {"A fire in Alexandria, Louisiana.",
       {"Alexandria", "Louisiana"},
       "USA/point USA/admin1"},
      // the country the document names
      {"In Lebanon, clashes spread to Tripoli.",
       {"Lebanon", "Tripoli"},
       "LBN/country LBN/point"},
      {"Fighting near Tripoli.", {"Tripoli"}, "LBY/point"},
      // a country before a state of the same name, unless a town in the
      // state is its child
      {"Talks in Georgia.", {"Georgia"}, "GEO/country"},
      {"A storm in Atlanta, Georgia.",
       {"Atlanta", "Georgia"},
       "USA/point USA/admin1"},
      // the same name the same way throughout
      {"Alexandria, Louisiana. Later in Alexandria.",
       {"Alexandria", "Louisiana", "Alexandria"},
       "USA/point USA/admin1 USA/point"},
  };
  for (const auto& row : rows) {
    const std::vector<PlaceMention> got =
        ResolveToponyms(*g, Candidates(row.text, row.names), row.text);
    EXPECT_EQ(Countries(got), row.expected) << row.text;
  }
}

TEST(ToponymsTest, UnknownNamesAreLeftOut) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  const std::string text = "From Atlantis to Tbilisi.";
  const std::vector<PlaceMention> got =
      ResolveToponyms(*g, Candidates(text, {"Atlantis", "Tbilisi"}), text);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].name, "Tbilisi");
  EXPECT_EQ(got[0].span.begin, text.find("Tbilisi"));
  EXPECT_EQ(got[0].geonames_id, 611717u);
  EXPECT_EQ(CountryAlpha3("AZ"), "AZE");
  EXPECT_EQ(CountryAlpha3("XK"), "XKX");
}

TEST(ToponymsTest, AStateTheReportKeepsPlacingTownsInOutweighsTheCountry) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  // "Georgia" said twice does not vouch for the country by itself; the
  // report's town is in the state.
  const std::string text =
      "Schools in Atlanta, Macon and Alexandria, Louisiana closed. Georgia "
      "officials said Georgia would reopen them.";
  EXPECT_EQ(Countries(ResolveToponyms(
                *g,
                Candidates(text, {"Atlanta", "Macon", "Alexandria", "Louisiana",
                                  "Georgia", "Georgia"}),
                text)),
            "USA/point USA/point USA/point USA/admin1 USA/admin1 USA/admin1");
  // With Tbilisi, the country.
  const std::string abroad = "Talks in Tbilisi. Georgia said Georgia agreed.";
  EXPECT_EQ(
      Countries(ResolveToponyms(
          *g, Candidates(abroad, {"Tbilisi", "Georgia", "Georgia"}), abroad)),
      "GEO/point GEO/country GEO/country");
}

TEST(ToponymsTest, ThePartsOfARoadLieNearOneAnother) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  const std::string text = "on the Ahmedbeyli-Fizuli-Shusha highway";
  std::vector<ToponymCandidate> found =
      Candidates(text, {"Ahmedbeyli", "Fizuli", "Shusha"});
  for (ToponymCandidate& t : found) t.road = 1;
  const std::vector<PlaceMention> got = ResolveToponyms(*g, found, text);
  // Əhmədbəyli, 110 km away in another district, is not the road's
  // Ahmedbeyli: left unplaced.
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].name, "Fizuli");
  EXPECT_EQ(got[1].name, "Şuşa");
  EXPECT_EQ(got[0].road, 1);
  // The same name outside a road is placed.
  const std::string alone = "Shelling near Ahmedbeyli.";
  const std::vector<PlaceMention> village =
      ResolveToponyms(*g, Candidates(alone, {"Ahmedbeyli"}), alone);
  ASSERT_EQ(village.size(), 1u);
  EXPECT_EQ(village[0].name, "Əhmədbəyli");
  // Large towns may end a long road.
  const std::string long_road = "the Tripoli-Tbilisi route";
  found = Candidates(long_road, {"Tripoli", "Tbilisi"});
  for (ToponymCandidate& t : found) t.road = 2;
  EXPECT_EQ(ResolveToponyms(*g, found, long_road).size(), 2u);
}

TEST(ToponymsTest, TheWordsAroundSayWhichKindOfPlace) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  const std::string text =
      "in the Füzuli district, the Fizuli region and the town of Fizuli";
  std::vector<ToponymCandidate> found =
      Candidates(text, {"Füzuli", "Fizuli", "Fizuli"});
  found[0].kind = 'a';
  found[1].kind = 'a';
  found[2].kind = 't';
  const std::vector<PlaceMention> got = ResolveToponyms(*g, found, text);
  ASSERT_EQ(got.size(), 3u);
  // The district by its own name.
  EXPECT_EQ(got[0].precision, "admin1");
  EXPECT_EQ(got[0].name, "Füzuli");
  // "Fizuli" is the town's own name and only another spelling of the
  // district's: the town, and the region around it is "near" it.
  EXPECT_EQ(got[1].name, "Fizuli");
  EXPECT_EQ(got[1].precision, "near");
  EXPECT_EQ(got[2].name, "Fizuli");
  EXPECT_EQ(got[2].precision, "point");
}

TEST(ToponymsTest, AWordForAnAreaFitsAnOceanOrASea) {
  // "the tropical Pacific region" in a report on Ohio: the ocean, not a
  // county of the report's country.
  const std::unique_ptr<Gazetteer> g = Fixture();
  const std::string text =
      "Storms hit Ohio. Rain fell in the tropical Pacific region.";
  std::vector<ToponymCandidate> found = Candidates(text, {"Ohio", "Pacific"});
  found[1].kind = 'a';
  const std::vector<PlaceMention> got = ResolveToponyms(*g, found, text);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].name, "Pacific Ocean");
}

TEST(ToponymsTest, ASmallTownAbroadNothingElsePointsToIsLeftUnplaced) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  const std::string text =
      "Air strikes hit Sagaing. Villagers fled Kani for Mandalay, Myanmar.";
  const std::vector<PlaceMention> got = ResolveToponyms(
      *g, Candidates(text, {"Sagaing", "Kani", "Mandalay", "Myanmar"}), text);
  EXPECT_EQ(Countries(got), "MMR/admin1 MMR/point MMR/country");
  // Alone, the Japanese city is what the name means.
  const std::string alone = "A festival in Kani.";
  EXPECT_EQ(Countries(ResolveToponyms(*g, Candidates(alone, {"Kani"}), alone)),
            "JPN/point");
}

TEST(ToponymsTest, ATownAcrossABorderFromTheReportsPlacesIsKept) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  // Malakal, in South Sudan, 800 km from Nyala, in a report on Sudan.
  const std::string text =
      "In Sudan, aid reached Nyala and South Darfur, and then Malakal.";
  EXPECT_EQ(
      Countries(ResolveToponyms(
          *g, Candidates(text, {"Sudan", "Nyala", "South Darfur", "Malakal"}),
          text)),
      "SDN/country SDN/point SDN/admin1 SSD/point");
}

TEST(ToponymsTest, ANamesakeNearTheReportsOtherTownsIsPreferred) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  const std::string text = "Floods in Natchez reached Vidalia.";
  const std::vector<PlaceMention> got =
      ResolveToponyms(*g, Candidates(text, {"Natchez", "Vidalia"}), text);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].admin1, "LA");
  // Alone, the larger one.
  const std::string alone = "Floods reached Vidalia.";
  const std::vector<PlaceMention> one =
      ResolveToponyms(*g, Candidates(alone, {"Vidalia"}), alone);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].admin1, "GA");
}

TEST(ToponymsTest, ASourcesHomeSettlesWhatTheReportLeavesOpen) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  const std::string text = "The Dublin city council met in Dublin.";
  const std::vector<ToponymCandidate> found =
      Candidates(text, {"Dublin", "Dublin"});
  // Read alone, the capital; from a paper at home in Ohio, its Dublin.
  EXPECT_EQ(Countries(ResolveToponyms(*g, found, text)), "IRL/point IRL/point");
  const Home ohio{"US", "OH"};
  EXPECT_EQ(Countries(ResolveToponyms(*g, found, text, &ohio)),
            "USA/point USA/point");
  // A report that says which Dublin is read as it says.
  const std::string abroad = "Our reporter in Dublin, Ireland.";
  EXPECT_EQ(Countries(ResolveToponyms(
                *g, Candidates(abroad, {"Dublin", "Ireland"}), abroad, &ohio)),
            "IRL/point IRL/country");
  EXPECT_EQ(CountryAlpha2("USA"), "US");
  EXPECT_EQ(CountryAlpha2("XKX"), "XK");
  EXPECT_EQ(CountryAlpha2("QQQ"), "");
}

TEST(ToponymsTest, AListNamesPlacesOfOneKind) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  const struct {
    std::string text;
    std::vector<std::string> names;
    std::string expected;
  } rows[] = {
      // Among states, a state: not the capital, not a town of the next
      // state read as its parent ("Illinois, Missouri"), not a town named
      // after one.
      {"Cases in Illinois, Missouri, Oregon and Washington.",
       {"Illinois", "Missouri", "Oregon", "Washington"},
       "USA/admin1 USA/admin1 USA/admin1 USA/admin1"},
      {"Cases in Oregon, Missouri, Illinois and Washington.",
       {"Oregon", "Missouri", "Illinois", "Washington"},
       "USA/admin1 USA/admin1 USA/admin1 USA/admin1"},
      // A list of towns with their states keeps each town's parent.
      {"Offices in Alexandria, Louisiana, Atlanta, Georgia, and Dublin, "
       "Ohio closed.",
       {"Alexandria", "Louisiana", "Atlanta", "Georgia", "Dublin", "Ohio"},
       "USA/point USA/admin1 USA/point USA/admin1 USA/point USA/admin1"},
      // Outside a list the capital is the likelier Washington.
      {"Talks in Washington.", {"Washington"}, "USA/point"},
      // A town known by another name that is a state's own is not what
      // the state's name means, even before a state that holds it.
      {"Prices rose in Illinois, Missouri officials said.",
       {"Illinois", "Missouri"},
       "USA/admin1 USA/admin1"},
  };
  for (const auto& row : rows) {
    const std::vector<PlaceMention> got =
        ResolveToponyms(*g, Candidates(row.text, row.names), row.text);
    EXPECT_EQ(Countries(got), row.expected) << row.text;
  }
  const std::string text =
      "Cases in Illinois, Missouri, Oregon and Washington.";
  const std::vector<PlaceMention> states = ResolveToponyms(
      *g, Candidates(text, {"Illinois", "Missouri", "Oregon", "Washington"}),
      text);
  ASSERT_EQ(states.size(), 4u);
  EXPECT_EQ(states[3].admin1, "WA");
}

TEST(ToponymsTest, APartOfAPlaceCountsAsThePlace) {
  const std::unique_ptr<Gazetteer> g = Fixture();
  // "Northeast Georgia" is looked up as "Georgia": the two are one name,
  // and neither vouches for the country the other might mean.
  const std::string text =
      "Schools in Northeast Georgia, in Atlanta and Macon, closed; Georgia "
      "officials spoke.";
  std::vector<ToponymCandidate> found =
      Candidates(text, {"Northeast Georgia", "Atlanta", "Macon", "Georgia"});
  found[0].lookup = "Georgia";
  EXPECT_EQ(Countries(ResolveToponyms(*g, found, text)),
            "USA/admin1 USA/point USA/point USA/admin1");
}

TEST(ToponymsTest, ANamePlacedOnceIsAPlaceWhereverTheReportWritesIt) {
  const std::string text =
      "Floods hit Alexandria. The Alexandria Police said Rodeo Alexandria "
      "and the Alexandrian club were spared. In Alexandria, Alexandria's "
      "mayor spoke.";
  const std::unique_ptr<Gazetteer> g = Fixture();
  std::vector<ToponymCandidate> found = Candidates(text, {"Alexandria"});
  found[0].locative = true;  // "hit Alexandria"
  AddRepeatedMentions(*g, text, &found);
  std::vector<size_t> at;
  for (const ToponymCandidate& t : found) at.push_back(t.span.begin);
  size_t police = text.find("Alexandria Police"),
         in = text.find("In Alexandria") + 3, mayor = text.find("Alexandria's");
  // Not after another capitalised word ("Rodeo Alexandria"), not inside a
  // longer word ("Alexandrian").
  EXPECT_EQ(at,
            (std::vector<size_t>{text.find("Alexandria"), police, in, mayor}));
  // A name found only where a person's could be ("Alexandria said") is not
  // spread; "Louisiana", an area's name, is.
  const std::string person =
      "Alexandria said so. Alexandria left. Louisiana voted; Louisiana won.";
  found = Candidates(person, {"Alexandria", "Louisiana"});
  AddRepeatedMentions(*g, person, &found);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[2].span.begin, person.rfind("Louisiana"));
}

TEST(ToponymsTest, Distances) {
  // Baku to Tbilisi, about 450 km.
  EXPECT_NEAR(DistanceKm(40.41, 49.87, 41.69, 44.83), 450, 10);
  EXPECT_EQ(DistanceKm(10, 10, 10, 10), 0);
}

}  // namespace
}  // namespace sitrep::geo
