#include "sitrep/source_homes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "sitrep/events.h"
#include "sitrep/places.h"

namespace sitrep {
namespace {

// A gazetteer of a few names written for these tests (facts: which
// countries and states towns of these names lie in).
class FakeLookup : public PlaceLookup {
 public:
  FakeLookup() {
    auto add = [&](const std::string& name, const std::string& country,
                   const std::string& admin1, const std::string& feature) {
      GazetteerEntry e;
      e.name = name;
      e.country = country;
      e.admin1 = admin1;
      e.feature = feature;
      entries_[name].push_back(e);
    };
    add("Dublin", "IRL", "L", "PPLC");
    add("Dublin", "USA", "OH", "PPL");
    add("Dublin", "USA", "GA", "PPL");
    add("Dublin", "USA", "CA", "PPL");
    add("Columbus", "USA", "OH", "PPLA");
    add("Columbus", "USA", "GA", "PPLA2");
    add("Columbus", "USA", "IN", "PPLA2");
    add("Ohio", "USA", "OH", "ADM1");
    add("Worthington", "USA", "OH", "PPL");
    add("Worthington", "USA", "MN", "PPLA2");
    add("Georgia", "USA", "GA", "ADM1");
    add("Georgia", "GEO", "", "PCLI");
    add("Tbilisi", "GEO", "TB", "PPLC");
    add("Gori", "GEO", "SK", "PPLA");
    add("Kutaisi", "GEO", "IM", "PPLA");
  }
  std::vector<GazetteerEntry> Find(std::string_view name) const override {
    auto f = entries_.find(std::string(name));
    return f == entries_.end() ? std::vector<GazetteerEntry>{} : f->second;
  }
  size_t size() const override { return entries_.size(); }

 private:
  std::map<std::string, std::vector<GazetteerEntry>> entries_;
};

void Observe(SourceHomeLearner* learner, const std::string& source,
             const std::vector<std::string>& places) {
  Document d;
  d.source = source;
  CodedDocument c;
  for (const std::string& p : places) {
    PlaceMention m;
    m.text = p;
    c.places.push_back(m);
  }
  learner->Observe(d, c);
}

std::map<std::string, std::string> HomesBySource(
    const std::vector<SourceHome>& homes) {
  std::map<std::string, std::string> out;
  for (const SourceHome& h : homes) out[h.source] = h.country + "." + h.admin1;
  return out;
}

TEST(SourceHomesTest, ASourcesOwnPlacesGiveAwayItsHome) {
  const FakeLookup lookup;
  SourceHomeLearner learner(lookup);
  // A paper in Ohio never writes "Ohio" after its towns.
  Observe(&learner, "dublin-news", {"Dublin"});
  Observe(&learner, "dublin-news", {"Dublin", "Columbus"});
  Observe(&learner, "dublin-news", {"Worthington", "Dublin", "Ohio"});
  // A Georgian paper's "Georgia" is the country's, not the state's; its
  // capital is named most.
  Observe(&learner, "tbilisi-wire", {"Georgia", "Tbilisi"});
  Observe(&learner, "tbilisi-wire", {"Gori", "Kutaisi", "Georgia"});
  Observe(&learner, "tbilisi-wire", {"Tbilisi"});
  // Two reports are not enough to tell.
  Observe(&learner, "twice", {"Ohio", "Columbus"});
  Observe(&learner, "twice", {"Worthington"});
  // Reports without a source teach nothing.
  Observe(&learner, "", {"Ohio"});
  const std::map<std::string, std::string> homes =
      HomesBySource(learner.Homes());
  EXPECT_EQ(homes, (std::map<std::string, std::string>{
                       {"dublin-news", "USA.OH"}, {"tbilisi-wire", "GEO.TB"}}));
}

TEST(SourceHomesTest, TheTableReadsBackAndBadRowsAreNamed) {
  const std::vector<SourceHome> homes = {
      {"dublin-news", "USA", "OH", 3, 0.5},
      {"a\tsource", "GEO", "", 2, 0.75},
  };
  const std::string path =
      (std::filesystem::path(::testing::TempDir()) / "homes.tsv").string();
  std::ofstream(path) << "# learned by sitrep homes\n"
                      << SourceHomesToTsv(homes);
  StatusOr<std::vector<SourceHome>> read = ReadSourceHomes(path);
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0].source, "dublin-news");
  EXPECT_EQ((*read)[0].admin1, "OH");
  EXPECT_EQ((*read)[0].documents, 3u);
  EXPECT_DOUBLE_EQ((*read)[0].share, 0.5);
  EXPECT_EQ((*read)[1].source, "a source");  // a tab would break the row
  EXPECT_EQ((*read)[1].admin1, "");
  const std::string bad =
      (std::filesystem::path(::testing::TempDir()) / "homes_bad.tsv").string();
  std::ofstream(bad) << "source\tcountry\tadmin1\nx\tUnited States\t\n";
  StatusOr<std::vector<SourceHome>> refused = ReadSourceHomes(bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("homes_bad.tsv:2"),
            std::string::npos)
      << refused.status().message();
  EXPECT_FALSE(ReadSourceHomes(bad + ".missing").ok());
}

}  // namespace
}  // namespace sitrep
