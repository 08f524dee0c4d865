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
           "611717\tTbilisi\tTbilisi\t\t41.69\t44.83\tP\tPPLC\tGE\t\t51\t\t\t"
           "\t1049498\t\t490\tAsia/Tbilisi\t2020-01-01",
       }) {
    EXPECT_TRUE(b.AddGeoNamesLine(row)) << row;
  }
  auto area = [&](const char* name, const char* country, const char* admin1,
                  const char* feature, double lat, double lon) {
    GazetteerBuilder::Entry e;
    e.name = name;
    e.country = country;
    e.admin1 = admin1;
    e.feature = feature;
    e.lat = lat;
    e.lon = lon;
    b.Add(e);
  };
  area("Louisiana", "US", "LA", "ADM1", 31.07, -92.0);
  area("Georgia", "US", "GA", "ADM1", 32.75, -83.5);
  area("Georgia", "GE", "", "PCLI", 42.2, 43.5);
  area("Egypt", "EG", "", "PCLI", 26.5, 29.9);
  area("Lebanon", "LB", "", "PCLI", 33.9, 35.9);
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

}  // namespace
}  // namespace sitrep::geo
