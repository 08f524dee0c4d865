// MergeIncidents over a real store: two sides' accounts of one night as
// one incident with two claims, a report's separate acts kept apart, and a
// merge that is incremental and stable as reports arrive and change.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "sitrep/incidents.h"
#include "sitrep/store.h"
#include "store/test_postgres.h"

namespace sitrep {
namespace {

struct Act {
  std::string sub_type;
  double lat, lon;
  std::string country;
  std::string doer;     // alpha-3 of the forces that acted
  std::string speaker;  // alpha-3 of the claimant; "": the publisher
  std::optional<int64_t> killed;
  std::string modality = "asserted";
};

std::string TypeOf(const std::string& sub_type) {
  if (sub_type == "Armed clash") return "Battles";
  if (sub_type == "Attack") return "Violence against civilians";
  return "Explosions/Remote violence";
}

// A report whose n-th sentence tells of acts[n].
CodedReport Report(const std::string& id, const std::string& day,
                   const std::string& publisher, const std::vector<Act>& acts) {
  CodedReport r;
  r.document.id = id;
  r.document.date = day;
  r.document.source = publisher;
  for (size_t i = 0; i < acts.size(); ++i) {
    const Act& act = acts[i];
    const uint32_t begin = static_cast<uint32_t>(r.document.text.size());
    r.document.text += "Forces fired on the village. ";
    r.coded.sentence_spans.push_back({begin, begin + 28});
    Event& e = r.coded.events.emplace_back();
    e.id = id + ":" + std::to_string(i) + ":0";
    e.sentence = static_cast<int>(i);
    e.trigger = {"fired", {begin + 7, begin + 12}};
    e.event_class = "attack";
    e.plover.type = "ASSAULT";
    e.acled = AcledType{TypeOf(act.sub_type), act.sub_type};
    e.modality = act.modality;
    e.date = EventDate{"", {}, day, "day", ""};
    Location& l = e.location.emplace();
    l.text = "the village";
    l.geocoded = true;
    l.name = "Village " + std::to_string(i);
    l.lat = act.lat;
    l.lon = act.lon;
    l.country = act.country;
    l.precision = "point";
    if (!act.doer.empty()) {
      e.source.push_back({"forces of " + act.doer,
                          {begin, begin + 6},
                          "",
                          act.doer,
                          "MIL",
                          act.doer + "MIL",
                          false});
    }
    if (!act.speaker.empty()) {
      e.claim = Claim{Actor{"Ministry of Defence of " + act.speaker,
                            {},
                            "",
                            act.speaker,
                            "GOV",
                            act.speaker + "GOV",
                            false},
                      act.modality == "negated" ? "denies" : "accuses",
                      {}};
    }
    if (act.killed) {
      e.fatalities = Casualties{act.killed, "exact", "CVL", {"killing", {}}};
    }
  }
  return r;
}

// Run against each back end.
class IncidentMergerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("sitrep_merge_" + std::to_string(::getpid()) + ".db"))
                .string();
    std::filesystem::remove(path_);
    const std::string url = GetParam() == "postgresql"
                                ? store::NewTestDatabase()
                                : "sqlite:" + path_;
    ASSERT_FALSE(url.empty()) << "no test PostgreSQL server";
    StatusOr<std::unique_ptr<Store>> store = Store::Open(url);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store.value());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_ + suffix);
    }
  }
  void Add(const std::vector<CodedReport>& reports) {
    std::vector<WriteOutcome> outcomes;
    ASSERT_TRUE(store_->Write(reports, &outcomes).ok());
  }
  MergeStats Merge() {
    StatusOr<MergeStats> stats = MergeIncidents(*store_);
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? stats.value() : MergeStats();
  }
  std::vector<IncidentSummary> Incidents() {
    std::vector<IncidentSummary> out;
    EXPECT_TRUE(store_
                    ->ForEachIncident("", "",
                                      [&](const StoredIncident& i) {
                                        out.push_back(SummarizeIncident(i));
                                        return true;
                                      })
                    .ok());
    return out;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_P(IncidentMergerTest, TwoSidesOfOneNightAreOneIncidentWithTwoClaims) {
  Add({Report("mod-az", "2023-08-29", "Ministry of Defence of Azerbaijan",
              {{"Armed clash", 39.60, 47.14, "AZE", "ARM", "AZE", 1}}),
       Report("mod-am", "2023-08-29", "Ministry of Defence of Armenia",
              {{"Shelling/artillery/missile attack", 39.76, 46.75, "AZE", "AZE",
                "ARM", 3}}),
       Report("wire", "2023-08-29", "Wire",
              {{"Shelling/artillery/missile attack", 39.75, 46.76, "AZE", "",
                "", 2}})});
  const MergeStats stats = Merge();
  EXPECT_EQ(stats.considered, 3u);
  EXPECT_EQ(stats.incidents, 1u);
  EXPECT_EQ(stats.joined, 2u);
  const std::vector<IncidentSummary> incidents = Incidents();
  ASSERT_EQ(incidents.size(), 1u);
  const IncidentSummary& i = incidents[0];
  ASSERT_EQ(i.claims.size(), 3u);
  EXPECT_EQ(i.claims[0].claimant_country, "AZE");
  EXPECT_EQ(i.claims[1].claimant_country, "ARM");
  EXPECT_EQ(i.claims[2].claimant, "Wire");  // the wire's own voice
  EXPECT_EQ(i.reports, 3u);
  EXPECT_EQ(i.sources, 3u);
  EXPECT_EQ(i.parties, 2u);
  EXPECT_EQ(i.corroboration, "several parties");
  EXPECT_EQ(i.fatalities_low, 1);
  EXPECT_EQ(i.fatalities_best, 2);
  EXPECT_EQ(i.fatalities_high, 3);
  EXPECT_EQ(i.contradictions,
            (std::vector<std::string>{"attacker", "fatalities"}));
  EXPECT_EQ(i.place, "Village 0");
}

TEST_P(IncidentMergerTest, AReportsSeparateActsStaySeparate) {
  // One report, three shellings of three villages far apart.
  Add({Report(
      "list", "2024-03-01", "Ministry",
      {{"Shelling/artillery/missile attack", 47.0, 37.5, "UKR", "RUS", "UKR"},
       {"Shelling/artillery/missile attack", 47.3, 37.5, "UKR", "RUS", "UKR"},
       {"Shelling/artillery/missile attack", 47.6, 37.5, "UKR", "RUS",
        "UKR"}})});
  EXPECT_EQ(Merge().incidents, 3u);
  EXPECT_EQ(Incidents().size(), 3u);
}

TEST_P(IncidentMergerTest, MergingAgainIsIncrementalAndStable) {
  Add({Report("a", "2024-06-02", "Army",
              {{"Attack", 13.63, 25.35, "SDN", "", "SDN", 27}}),
       Report("far", "2024-06-02", "Wire",
              {{"Attack", 15.5, 32.5, "SDN", "", ""}})});
  Merge();
  const std::vector<IncidentSummary> before = Incidents();
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(Merge().considered, 0u);  // nothing left to place
  EXPECT_EQ(Incidents().size(), 2u);

  // The other side's statement arrives the next day; a denial of its own
  // part and its own account.
  Add({Report("b", "2024-06-03", "Rapid Support Forces",
              {{"Attack", 13.62, 25.36, "SDN", "SDN", "SDN", {}, "negated"}})});
  const MergeStats stats = Merge();
  EXPECT_EQ(stats.considered, 1u);
  EXPECT_EQ(stats.joined, 1u);
  const std::vector<IncidentSummary> after = Incidents();
  ASSERT_EQ(after.size(), 2u);
  // The incidents kept their ids and events; the new claim sits beside.
  EXPECT_EQ(after[0].id, before[0].id);
  EXPECT_EQ(after[1].id, before[1].id);
  const IncidentSummary& fasher =
      after[0].claims.size() == 2 ? after[0] : after[1];
  ASSERT_EQ(fasher.claims.size(), 2u);
  EXPECT_TRUE(fasher.claims[1].denied);
  EXPECT_EQ(fasher.fatalities_best, 27);  // a denial gives no figure
  EXPECT_EQ(fasher.contradictions, std::vector<std::string>{"denial"});
  EXPECT_EQ(fasher.last_day, "2024-06-03");

  // A report replaced: its events leave their incident; an incident left
  // empty goes; the new version is placed again.
  CodedReport corrected = Report("far", "2024-06-02", "Wire",
                                 {{"Attack", 15.5, 32.5, "SDN", "", "", 4}});
  corrected.document.text += "Four died.";
  Add({corrected});
  EXPECT_EQ(Incidents().size(), 1u);
  EXPECT_EQ(Merge().incidents, 1u);
  EXPECT_EQ(Incidents().size(), 2u);
  EXPECT_EQ(store_->Counts().value().incidents, 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, IncidentMergerTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sitrep
