// `sitrep ingest` and `sitrep query` as a user runs them: a store built
// from reports, idempotent re-ingest, a changed report replacing its old
// version, and an ingest killed mid-way that loses nothing committed.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "sitrep/store.h"
#include "store/test_postgres.h"
#include "subprocess.h"

extern char** environ;

namespace sitrep::e2e {
namespace {

// Two parties' accounts of one night, and a wire report of another day.
constexpr char kReport1[] =
    R"({"id":"mod-1","date":"2023-09-20","source":"Ministry of Defence of Azerbaijan","text":"On Tuesday Armenian forces shelled the village of Sarijali in the Aghdam district, wounding two civilians."})";
constexpr char kReport2[] =
    R"({"id":"mod-2","date":"2023-09-20","source":"Ministry of Defence of Armenia","text":"The ministry denied that its units fired on Sarijali. Azerbaijani troops opened fire on positions near Tegh on Tuesday."})";
constexpr char kReport3[] =
    R"({"id":"wire-1","date":"2023-10-02","source":"Wire","text":"Police fired tear gas at protesters in Yerevan on Monday."})";

// Run against each back end.
class CliIngestTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sitrep_ingest_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }
  // The store called `name` in this test: a file, or a database of the
  // test's PostgreSQL server.
  std::string Db(const std::string& name = "store.db") {
    if (GetParam() != "postgresql") return "sqlite:" + (dir_ / name).string();
    std::string& url = databases_[name];
    if (url.empty()) url = store::NewTestDatabase();
    EXPECT_FALSE(url.empty()) << "no test PostgreSQL server";
    return url;
  }
  StoreCounts Counts(const std::string& db) {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(db);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return {};
    return store.value()->Counts().value();
  }

  std::filesystem::path dir_;
  std::map<std::string, std::string> databases_;
};

TEST_P(CliIngestTest, StoresQueriesAndLeavesTheSameReportAlone) {
  const std::string input = Write(
      "in.jsonl", std::string(kReport1) + "\n" + kReport2 + "\n" + kReport3 +
                      "\n" + R"({"id":"broken", "text": )" + "\n");
  RunResult r = RunCommand({SitrepBinary(), "ingest", "--db", Db(), input});
  EXPECT_EQ(r.exit_code, 3) << r.err;  // the broken line
  EXPECT_NE(r.err.find("3 new"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 rejected"), std::string::npos) << r.err;
  const StoreCounts first = Counts(Db());
  EXPECT_EQ(first.documents, 3u);
  EXPECT_GT(first.events, 3u);

  const RunResult all = RunCommand({SitrepBinary(), "query", "--db", Db()});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const std::vector<nlohmann::json> events = ParseJsonLines(all.out);
  ASSERT_EQ(events.size(), first.events);
  // By day: September's reports before October's.
  EXPECT_EQ(events.back()["document"], "wire-1");
  // Each party's account keeps its claimant.
  bool armenian_claim = false;
  for (const nlohmann::json& e : events) {
    if (e["document"] == "mod-2" && !e["claim"].is_null() &&
        !e["claim"]["claimant"].is_null()) {
      armenian_claim =
          armenian_claim || e["claim"]["claimant"]["country"] == "ARM";
    }
  }
  EXPECT_TRUE(armenian_claim) << all.out;

  // The filters reach the store.
  RunResult q = RunCommand({SitrepBinary(), "query", "--db", Db(), "--from",
                            "2023-10-01", "--type", "Protests"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  std::vector<nlohmann::json> selected = ParseJsonLines(q.out);
  ASSERT_FALSE(selected.empty());
  for (const nlohmann::json& e : selected) EXPECT_EQ(e["document"], "wire-1");
  q = RunCommand(
      {SitrepBinary(), "query", "--db", Db(), "--text", "Sarijali shelled"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  selected = ParseJsonLines(q.out);
  ASSERT_FALSE(selected.empty());
  for (const nlohmann::json& e : selected) EXPECT_EQ(e["document"], "mod-1");
  q = RunCommand({SitrepBinary(), "query", "--db", Db(), "--bbox", "1,2,3"});
  EXPECT_EQ(q.exit_code, 2);
  EXPECT_NE(q.err.find("--bbox"), std::string::npos);

  // Again: nothing is coded or written.
  r = RunCommand({SitrepBinary(), "ingest", "--db", Db(), input});
  EXPECT_NE(r.err.find("0 new, 0 replaced, 3 unchanged"), std::string::npos)
      << r.err;
  const RunResult again = RunCommand({SitrepBinary(), "query", "--db", Db()});
  EXPECT_EQ(again.out, all.out);

  // A corrected report replaces its old version and its events.
  const std::string corrected = Write(
      "corrected.jsonl",
      R"({"id":"wire-1","date":"2023-10-02","source":"Wire","text":"Police arrested twelve protesters in Yerevan on Monday."})"
      "\n");
  r = RunCommand({SitrepBinary(), "ingest", "--db", Db(), corrected});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 replaced"), std::string::npos) << r.err;
  EXPECT_EQ(Counts(Db()).documents, 3u);
  q = RunCommand(
      {SitrepBinary(), "query", "--db", Db(), "--text", "\"tear gas\""});
  EXPECT_TRUE(q.out.empty()) << q.out;
  q = RunCommand({SitrepBinary(), "query", "--db", Db(), "--text", "arrested"});
  EXPECT_FALSE(q.out.empty());
}

// The bundled examples hold both sides' accounts of three incidents: each
// comes out as one incident with a claim from each report.
TEST_P(CliIngestTest, TheExamplesTwoSidedAccountsAreOneIncidentEach) {
  const std::string examples =
      std::string(SITREP_SOURCE_DIR) + "/examples/reports.jsonl";
  RunResult r = RunCommand({SitrepBinary(), "ingest", "--db", Db(), examples});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("sitrep merge:"), std::string::npos) << r.err;
  r = RunCommand({SitrepBinary(), "incidents", "--db", Db()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<nlohmann::json> incidents = ParseJsonLines(r.out);
  ASSERT_FALSE(incidents.empty());
  const std::pair<std::string, std::string> pairs[] = {
      {"rep-001", "rep-002"},  // Karabakh, 29 August 2023
      {"rep-004", "rep-005"},  // Mykolaiv, 20 September 2022
      {"rep-008", "rep-009"},  // El Fasher, 2 June 2024
  };
  for (const auto& [first, second] : pairs) {
    bool together = false;
    for (const nlohmann::json& incident : incidents) {
      bool a = false, b = false;
      for (const nlohmann::json& claim : incident["claims"]) {
        a = a || claim["document"] == first;
        b = b || claim["document"] == second;
      }
      if (a && b) {
        together = true;
        EXPECT_GE(incident["claims"].size(), 2u);
        EXPECT_EQ(incident["reports"], 2);
        EXPECT_NE(incident["corroboration"], "single source");
      }
    }
    EXPECT_TRUE(together) << first << " and " << second;
  }
  // The table for people names each claimant.
  r = RunCommand(
      {SitrepBinary(), "incidents", "--db", Db(), "--format", "table"});
  EXPECT_NE(r.out.find("Rapid Support Forces [SDN]"), std::string::npos);
}

TEST_P(CliIngestTest, ExportsEveryFormatFromTheStore) {
  const std::string input =
      Write("in.jsonl",
            std::string(kReport1) + "\n" + kReport2 + "\n" + kReport3 + "\n");
  RunResult r = RunCommand({SitrepBinary(), "ingest", "--db", Db(), input});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<nlohmann::json> events =
      ParseJsonLines(RunCommand({SitrepBinary(), "query", "--db", Db()}).out);
  ASSERT_FALSE(events.empty());
  size_t acled = 0, located = 0;
  for (const nlohmann::json& e : events) {
    acled += e["acled"].is_null() ? 0 : 1;
    located += !e["location"].is_null() && !e["location"]["lat"].is_null();
  }
  auto lines = [](const std::string& text) {
    return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  };
  r = RunCommand({SitrepBinary(), "export", "--db", Db(), "--format", "acled"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("event_id_cnty,event_date,year,time_precision,", 0),
            0u);
  EXPECT_EQ(lines(r.out), acled + 1);
  EXPECT_NE(r.out.find(",Armenia,"), std::string::npos) << r.out;
  r = RunCommand({SitrepBinary(), "export", "--db", Db(), "--format", "csv"});
  EXPECT_EQ(lines(r.out), events.size() + 1);
  r = RunCommand({SitrepBinary(), "export", "--db", Db(), "--format", "jsonl"});
  EXPECT_EQ(ParseJsonLines(r.out).size(), events.size());
  r = RunCommand(
      {SitrepBinary(), "export", "--db", Db(), "--format", "geojson"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json map = nlohmann::json::parse(r.out);
  EXPECT_EQ(map["type"], "FeatureCollection");
  ASSERT_EQ(map["features"].size(), events.size());
  size_t points = 0;
  for (const nlohmann::json& f : map["features"]) {
    if (!f["geometry"].is_null()) {
      ++points;
      EXPECT_EQ(f["geometry"]["type"], "Point");
    }
  }
  EXPECT_EQ(points, located);
  r = RunCommand({SitrepBinary(), "export", "--db", Db(), "--format", "plover",
                  "--country", "ARM"});
  for (const nlohmann::json& j : ParseJsonLines(r.out)) {
    EXPECT_FALSE(j["event"].get<std::string>().empty());
  }
  r = RunCommand({SitrepBinary(), "export", "--db", Db(), "--format", "cameo"});
  EXPECT_EQ(r.exit_code, 0);
  r = RunCommand({SitrepBinary(), "export", "--db", Db(), "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST_P(CliIngestTest, AnUnknownStoreIsAUsageError) {
  const std::string input = Write("in.jsonl", std::string(kReport3) + "\n");
  const RunResult r =
      RunCommand({SitrepBinary(), "ingest", "--db", "oracle://x", input});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown store URL"), std::string::npos) << r.err;
}

// kill -9 in the middle of an ingest: every batch committed before is
// whole, and a second run completes the rest, ending where one
// uninterrupted run ends.
TEST_P(CliIngestTest, AKilledIngestLosesNothingCommitted) {
  std::string many;
  constexpr int kCopies = 100;
  for (int i = 0; i < kCopies; ++i) {
    for (const char* report : {kReport1, kReport2, kReport3}) {
      std::string line = report;
      const size_t quote = line.find('"', 7);  // the end of the id
      line.insert(quote, "-" + std::to_string(i));
      many += line + "\n";
    }
  }
  const std::string input = Write("many.jsonl", many);
  const std::string db = Db("killed.db");
  const std::vector<std::string> argv = {SitrepBinary(), "ingest", "--db", db,
                                         "--batch",      "6",      input};
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  ASSERT_EQ(posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ),
            0);
  posix_spawn_file_actions_destroy(&actions);
  // Wait for a few batches to be committed, then kill it without warning.
  uint64_t seen = 0;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::minutes(5);
  int status = 0;
  bool exited = false;
  while (seen < 12 && std::chrono::steady_clock::now() < deadline &&
         !(exited = ::waitpid(pid, &status, WNOHANG) == pid)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    // Opening the store while the ingest creates it waits for it.
    StatusOr<std::unique_ptr<Store>> store = Store::Open(db);
    if (store.ok()) {
      StatusOr<StoreCounts> counts = store.value()->Counts();
      if (counts.ok()) seen = counts.value().documents;
    }
  }
  if (!exited) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest ended before it was killed";

  const StoreCounts after_kill = Counts(db);
  EXPECT_GE(after_kill.documents, seen);  // nothing committed was lost
  EXPECT_EQ(after_kill.documents % 6, 0u) << "a batch stored in part";
  EXPECT_LT(after_kill.documents, 3u * kCopies);

  RunResult r =
      RunCommand({SitrepBinary(), "ingest", "--db", db, "--batch", "6", input});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(std::to_string(after_kill.documents) + " unchanged"),
            std::string::npos)
      << r.err;

  const std::string clean = Db("clean.db");
  r = RunCommand({SitrepBinary(), "ingest", "--db", clean, input});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const RunResult resumed = RunCommand({SitrepBinary(), "query", "--db", db});
  const RunResult whole = RunCommand({SitrepBinary(), "query", "--db", clean});
  EXPECT_EQ(Counts(db).documents, 3u * kCopies);
  EXPECT_EQ(resumed.out, whole.out);
}

INSTANTIATE_TEST_SUITE_P(Backends, CliIngestTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sitrep::e2e
