// The store's contract, run against every back end: what is written is read
// back whole, writes are idempotent and transactional, and queries select
// by date, place, type, actor, claimant, area and words.
#include "sitrep/store.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "store/postgres_db.h"
#include "store/postgres_schema.h"
#include "store/sqlite_db.h"
#include "store/sqlite_schema.h"
#include "store/test_postgres.h"

namespace sitrep {
namespace {

// A report of one event, with every field of the record filled.
CodedReport ShellingReport(const std::string& id, const std::string& day) {
  CodedReport r;
  r.coder = "test";
  Document& d = r.document;
  d.id = id;
  d.date = day;
  d.source = "Ministry of Defence";
  d.url = "https://example.org/" + id;
  d.title = "Statement";
  d.text =
      "The ministry said the enemy shelled Fuzuli on Monday, killing two "
      "civilians. Peacekeepers were informed.";
  r.coded.id = id;
  r.coded.sentences = 2;
  r.coded.sentence_spans = {{0, 77}, {78, 101}};
  r.coded.places.push_back({"Fuzuli",
                            {36, 42},
                            "Fuzuli",
                            147271,
                            39.6,
                            47.14,
                            "AZE",
                            "21",
                            "",
                            "point"});
  Event e;
  e.id = id + ":0:0";
  e.sentence = 0;
  e.sentence_span = {0, 77};
  e.text = d.text.substr(0, 77);
  e.trigger = {"shelled", {29, 36}};
  e.event_class = "shelling";
  e.plover = {"ASSAULT", "aerial", {"military"}};
  e.cameo = "195";
  e.acled = AcledType{"Explosions/Remote violence",
                      "Shelling/artillery/missile attack"};
  e.source.push_back(
      {"the enemy", {18, 27}, "", "ARM", "MIL", "ARMMIL", false});
  e.target.push_back({"civilians", {65, 74}, "", "", "CVL", "CVL", false});
  e.instrument = Instrument{"shelled", {29, 36}, "artillery"};
  Location& l = e.location.emplace();
  l.text = "Fuzuli";
  l.span = {36, 42};
  l.geocoded = true;
  l.name = "Fuzuli";
  l.geonames_id = 147271;
  l.lat = 39.6;
  l.lon = 47.14;
  l.country = "AZE";
  l.admin1 = "21";
  l.precision = "point";
  l.basis = "event";
  e.date = EventDate{"on Monday", {43, 52}, day, "day", ""};
  e.fatalities =
      Casualties{2, "exact", "CVL", {"killing two civilians", {54, 75}}};
  e.claim =
      Claim{Actor{"The ministry", {0, 12}, "", "AZE", "GOV", "AZEGOV", false},
            "accuses",
            {"said", {13, 17}}};
  e.modality = "asserted";
  e.confidence = 0.8;
  r.coded.events.push_back(e);
  Event informed;
  informed.id = id + ":1:0";
  informed.sentence = 1;
  informed.sentence_span = {78, 101};
  informed.text = d.text.substr(78, 23);
  informed.trigger = {"informed", {92, 100}};
  informed.event_class = "inform";
  informed.plover.type = "CONSULT";
  informed.target.push_back(
      {"Peacekeepers", {78, 90}, "", "", "PKO", "PKO", false});
  informed.modality = "asserted";
  informed.confidence = 0.5;
  r.coded.events.push_back(informed);
  return r;
}

// Every back end the tests run against, by the URL that opens it in a
// fresh place.
class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sitrep_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The same store each call within a test.
  std::string Url() {
    if (url_.empty()) {
      url_ = GetParam() == "postgresql"
                 ? store::NewTestDatabase()
                 : "sqlite:" + (dir_ / "store.db").string();
    }
    return url_;
  }
  std::unique_ptr<Store> OpenStore() {
    if (Url().empty()) {
      ADD_FAILURE() << "no test PostgreSQL server";
      return nullptr;
    }
    StatusOr<std::unique_ptr<Store>> store = Store::Open(Url());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store.value()) : nullptr;
  }
  std::vector<StoredEvent> Select(Store& store, const EventQuery& q) {
    std::vector<StoredEvent> out;
    const Status s = store.Query(q, [&](const StoredEvent& e) {
      out.push_back(e);
      return true;
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }
  std::vector<std::string> Ids(Store& store, const EventQuery& q) {
    std::vector<std::string> ids;
    for (const StoredEvent& e : Select(store, q)) ids.push_back(e.event.id);
    return ids;
  }

  std::filesystem::path dir_;
  std::string url_;
};

TEST_P(StoreTest, CreatesTheSchemaAndOpensItAgain) {
  {
    std::unique_ptr<Store> store = OpenStore();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), CurrentSchemaVersion());
  }
  std::unique_ptr<Store> again = OpenStore();
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->schema_version(), CurrentSchemaVersion());
}

TEST_P(StoreTest, ReadsBackEveryFieldOfTheRecord) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const CodedReport report = ShellingReport("r1", "2023-09-18");
  std::vector<WriteOutcome> outcomes;
  ASSERT_TRUE(store->Write({&report, 1}, &outcomes).ok());
  ASSERT_EQ(outcomes, std::vector<WriteOutcome>{WriteOutcome::kInserted});
  const std::vector<StoredEvent> events = Select(*store, {});
  ASSERT_EQ(events.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(EventToJson("r1", events[i].event),
              EventToJson("r1", report.coded.events[i]));
    EXPECT_EQ(events[i].document_id, "r1");
    EXPECT_EQ(events[i].document_source, "Ministry of Defence");
    EXPECT_EQ(events[i].day, "2023-09-18");
  }
  StatusOr<StoreCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts.value().documents, 1u);
  EXPECT_EQ(counts.value().sentences, 2u);
  EXPECT_EQ(counts.value().events, 2u);
  EXPECT_EQ(counts.value().places, 1u);
}

TEST_P(StoreTest, SameReportTwiceChangesNothingAndANewVersionReplaces) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  CodedReport report = ShellingReport("r1", "2023-09-18");
  std::vector<WriteOutcome> outcomes;
  ASSERT_TRUE(store->Write({&report, 1}, &outcomes).ok());
  StatusOr<std::string> hash = store->DocumentHash("r1");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash.value(), ContentHash(report.document));
  EXPECT_EQ(store->DocumentHash("absent").value(), "");

  ASSERT_TRUE(store->Write({&report, 1}, &outcomes).ok());
  EXPECT_EQ(outcomes, std::vector<WriteOutcome>{WriteOutcome::kUnchanged});
  EXPECT_EQ(store->Counts().value().events, 2u);

  // The ministry corrects its statement: the date moves, one event goes.
  report.document.date = "2023-09-19";
  report.coded.events.pop_back();
  report.coded.events[0].date->value = "2023-09-19";
  ASSERT_TRUE(store->Write({&report, 1}, &outcomes).ok());
  EXPECT_EQ(outcomes, std::vector<WriteOutcome>{WriteOutcome::kReplaced});
  const StoreCounts counts = store->Counts().value();
  EXPECT_EQ(counts.documents, 1u);
  EXPECT_EQ(counts.events, 1u);
  EXPECT_EQ(counts.sentences, 2u);
  EXPECT_EQ(counts.places, 1u);
  const std::vector<StoredEvent> events = Select(*store, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].day, "2023-09-19");
  // The old version's rows left no trace in the indexes either.
  EventQuery words;
  words.text = "Peacekeepers";
  EXPECT_TRUE(Ids(*store, words).empty());
  words.text = "shelled";
  EXPECT_EQ(Ids(*store, words), std::vector<std::string>{"r1:0:0"});
  EventQuery area;
  area.bbox = EventQuery::BoundingBox{47, 39, 48, 40};
  EXPECT_EQ(Ids(*store, area), std::vector<std::string>{"r1:0:0"});
}

TEST_P(StoreTest, ABatchIsStoredWholeOrNotAtAll) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::vector<CodedReport> batch = {ShellingReport("good", "2023-09-18"),
                                    ShellingReport("bad", "2023-09-18")};
  batch[1].coded.events[0].sentence = 7;  // a sentence the report lacks
  std::vector<WriteOutcome> outcomes;
  const Status s = store->Write(batch, &outcomes);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad"), std::string::npos) << s.message();
  EXPECT_EQ(store->Counts().value().documents, 0u);
  EXPECT_EQ(store->DocumentHash("good").value(), "");
}

TEST_P(StoreTest, QueriesSelectByEachFilter) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::vector<CodedReport> batch = {ShellingReport("a", "2023-09-18"),
                                    ShellingReport("b", "2023-09-25")};
  // b: the other side's account, from elsewhere, a clash and no claimant.
  Event& b = batch[1].coded.events[0];
  b.plover.type = "FIGHT";
  b.acled = AcledType{"Battles", "Armed clash"};
  b.source[0] = {
      "Azerbaijani forces", {18, 27}, "", "AZE", "MIL", "AZEMIL", false};
  b.location->country = "ARM";
  b.location->lat = 39.5;
  b.location->lon = 46.3;
  b.claim->claimant.reset();
  std::vector<WriteOutcome> outcomes;
  ASSERT_TRUE(store->Write(batch, &outcomes).ok());

  EventQuery q;
  EXPECT_EQ(Ids(*store, q),
            (std::vector<std::string>{"a:0:0", "a:1:0", "b:0:0", "b:1:0"}));
  q.from = "2023-09-20";
  EXPECT_EQ(Ids(*store, q), (std::vector<std::string>{"b:0:0", "b:1:0"}));
  q = {};
  q.to = "2023-09-18";
  EXPECT_EQ(Ids(*store, q), (std::vector<std::string>{"a:0:0", "a:1:0"}));
  q = {};
  q.country = "ARM";
  EXPECT_EQ(Ids(*store, q), std::vector<std::string>{"b:0:0"});
  q = {};
  q.type = "Armed clash";
  EXPECT_EQ(Ids(*store, q), std::vector<std::string>{"b:0:0"});
  q.type = "ASSAULT";
  EXPECT_EQ(Ids(*store, q), std::vector<std::string>{"a:0:0"});
  q.type = "195";
  EXPECT_EQ(Ids(*store, q), (std::vector<std::string>{"a:0:0", "b:0:0"}));
  q = {};
  q.actor = "AZEMIL";
  EXPECT_EQ(Ids(*store, q), std::vector<std::string>{"b:0:0"});
  q.actor = "azerbaijani";  // words of the actor's text
  EXPECT_EQ(Ids(*store, q), std::vector<std::string>{"b:0:0"});
  q.actor = "PKO";
  EXPECT_EQ(Ids(*store, q), (std::vector<std::string>{"a:1:0", "b:1:0"}));
  q = {};
  q.claimant = "AZE";
  EXPECT_EQ(Ids(*store, q), std::vector<std::string>{"a:0:0"});
  q.claimant = "ministry";
  EXPECT_EQ(Ids(*store, q), std::vector<std::string>{"a:0:0"});
  q = {};
  q.bbox = EventQuery::BoundingBox{46, 39, 47, 40};
  EXPECT_EQ(Ids(*store, q), std::vector<std::string>{"b:0:0"});
  q = {};
  q.text = "\"killing two\" fuzuli";
  EXPECT_EQ(Ids(*store, q), (std::vector<std::string>{"a:0:0", "b:0:0"}));
  q.text = "\"two killing\"";
  EXPECT_TRUE(Ids(*store, q).empty());
  q = {};
  q.limit = 3;
  EXPECT_EQ(Ids(*store, q).size(), 3u);
  q = {};
  q.country = "AZE";
  q.type = "ASSAULT";
  q.from = "2023-09-01";
  q.to = "2023-09-30";
  q.actor = "civilians";
  EXPECT_EQ(Ids(*store, q), std::vector<std::string>{"a:0:0"});
}

TEST_P(StoreTest, UsersWordsAreNeverSql) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const CodedReport report = ShellingReport("r1", "2023-09-18");
  std::vector<WriteOutcome> outcomes;
  ASSERT_TRUE(store->Write({&report, 1}, &outcomes).ok());
  for (const char* hostile : {"x' OR '1'='1", "\") OR 1=1 --", "NEAR(", "*",
                              "\"", "-", "AND", "'; DROP TABLE events; --"}) {
    EventQuery q;
    q.actor = hostile;
    EXPECT_TRUE(Ids(*store, q).empty()) << hostile;
    q = {};
    q.claimant = hostile;
    EXPECT_TRUE(Ids(*store, q).empty()) << hostile;
    q = {};
    q.country = hostile;
    EXPECT_TRUE(Ids(*store, q).empty()) << hostile;
    q = {};
    q.text = hostile;
    std::vector<StoredEvent> out;
    // No words at all is refused; anything else finds nothing.
    const Status s = store->Query(q, [&](const StoredEvent& e) {
      out.push_back(e);
      return true;
    });
    if (s.ok()) {
      EXPECT_TRUE(out.empty()) << hostile;
    }
  }
  EXPECT_EQ(store->Counts().value().events, 2u);
}

TEST_P(StoreTest, ARefusedUrlOrANewerSchemaIsAClearError) {
  StatusOr<std::unique_ptr<Store>> store = Store::Open("mysql://x");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
  store = Store::Open("sqlite:");
  EXPECT_FALSE(store.ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// SQLite only: the file's own version and its migrations.
TEST(SqliteSchemaTest, ANewerStoreIsRefused) {
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("sitrep_schema_" + std::to_string(::getpid()) + ".db"))
          .string();
  std::filesystem::remove(path);
  {
    std::unique_ptr<Store> store =
        std::move(Store::Open("sqlite:" + path).value());
  }
  {
    auto db = store::SqliteDatabase::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(
        (*db)
            ->Execute("INSERT INTO schema_version VALUES (999, 'future', "
                      "'2030-01-01T00:00:00Z')")
            .ok());
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open("sqlite:" + path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("999"), std::string::npos);
  std::filesystem::remove(path);
}

// A store of the first schema version, written as that version wrote it,
// opens under the current one with its reports and events intact and
// takes the newer tables (incidents) from then on.
TEST(SqliteSchemaTest, MigratesAStoreOfTheFirstVersion) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("sitrep_v1_" + std::to_string(::getpid()) + ".db"))
                               .string();
  std::filesystem::remove(path);
  {
    auto db = store::SqliteDatabase::Open(path);
    ASSERT_TRUE(db.ok());
    absl::StatusOr<int> version = store::MigrateSqlite(db->get(), 1);
    ASSERT_TRUE(version.ok()) << version.status();
    ASSERT_EQ(*version, 1);
    ASSERT_TRUE(
        (*db)
            ->Execute(
                "INSERT INTO documents VALUES (1, 'old', 'h', '2023-09-19', "
                "'Wire', NULL, NULL, 'Troops shelled Fuzuli.', NULL, NULL, 1, "
                "'v1', '2023-09-20T00:00:00Z');"
                "INSERT INTO sentences VALUES (1, 1, 0, 0, 22, "
                "'Troops shelled Fuzuli.');"
                "INSERT INTO events (event_key, id, document_key, "
                "sentence_key, "
                "salience, day, trigger_text, trigger_begin, trigger_end, "
                "event_class, plover_type, acled_event_type, "
                "acled_sub_event_type, modality, confidence) VALUES (1, "
                "'old:0:0', 1, 1, 0, '2023-09-19', 'shelled', 7, 14, "
                "'shelling', 'ASSAULT', 'Explosions/Remote violence', "
                "'Shelling/artillery/missile attack', 'asserted', 0.8);"
                "INSERT INTO actors (event_key, role, position, text, "
                "span_begin, span_end, sector, code, first_person) VALUES (1, "
                "'source', 0, 'Troops', 0, 6, 'MIL', 'MIL', 0);")
            .ok());
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open("sqlite:" + path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(store.value()->schema_version(), CurrentSchemaVersion());
  EXPECT_GT(CurrentSchemaVersion(), 1);
  std::vector<StoredEvent> events;
  ASSERT_TRUE(store.value()
                  ->Query({},
                          [&](const StoredEvent& e) {
                            events.push_back(e);
                            return true;
                          })
                  .ok());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.id, "old:0:0");
  EXPECT_EQ(events[0].event.text, "Troops shelled Fuzuli.");
  ASSERT_EQ(events[0].event.source.size(), 1u);
  EXPECT_EQ(events[0].event.source[0].text, "Troops");
  StatusOr<std::vector<int64_t>> made = store.value()->AssignIncidents(
      std::vector<IncidentAssignment>{{"old:0:0", -1, 1, "first report"}});
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made.value().size(), 1u);
  EXPECT_EQ(store.value()->Counts().value().incidents, 1u);
  store.value().reset();
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix);
  }
}

// The same for a PostgreSQL store of the first version.
TEST(PostgresSchemaTest, MigratesAStoreOfTheFirstVersion) {
  const std::string url = store::NewTestDatabase();
  ASSERT_FALSE(url.empty()) << "no test PostgreSQL server";
  {
    auto db = store::PgConnection::Open(url);
    ASSERT_TRUE(db.ok()) << db.status();
    absl::StatusOr<int> version = store::MigratePostgres(db->get(), 1);
    ASSERT_TRUE(version.ok()) << version.status();
    ASSERT_EQ(*version, 1);
    ASSERT_TRUE(
        (*db)
            ->Execute(
                "INSERT INTO documents (document_key, id, content_hash, date, "
                "source, text, sentence_count) VALUES (1, 'old', 'h', "
                "'2023-09-19', 'Wire', 'Troops shelled Fuzuli.', 1);"
                "INSERT INTO sentences (sentence_key, document_key, position, "
                "span_begin, span_end, text) VALUES (1, 1, 0, 0, 22, 'Troops "
                "shelled Fuzuli.');"
                "INSERT INTO events (event_key, id, document_key, "
                "sentence_key, "
                "salience, day, trigger_text, trigger_begin, trigger_end, "
                "event_class, plover_type, acled_event_type, "
                "acled_sub_event_type, modality, confidence) VALUES (1, "
                "'old:0:0', 1, 1, 0, '2023-09-19', 'shelled', 7, 14, "
                "'shelling', 'ASSAULT', 'Explosions/Remote violence', "
                "'Shelling/artillery/missile attack', 'asserted', 0.8);"
                "INSERT INTO actors (event_key, role, position, text, "
                "span_begin, span_end, sector, code, first_person) VALUES (1, "
                "'source', 0, 'Troops', 0, 6, 'MIL', 'MIL', false);")
            .ok());
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open(url);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(store.value()->schema_version(), CurrentSchemaVersion());
  std::vector<StoredEvent> events;
  ASSERT_TRUE(store.value()
                  ->Query({},
                          [&](const StoredEvent& e) {
                            events.push_back(e);
                            return true;
                          })
                  .ok());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.text, "Troops shelled Fuzuli.");
  ASSERT_EQ(events[0].event.source.size(), 1u);
  StatusOr<std::vector<int64_t>> made = store.value()->AssignIncidents(
      std::vector<IncidentAssignment>{{"old:0:0", -1, 1, "first report"}});
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(store.value()->Counts().value().incidents, 1u);
}

TEST(SqliteSchemaTest, ACorruptFileIsRefused) {
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("sitrep_corrupt_" + std::to_string(::getpid()) + ".db"))
          .string();
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string(8192, 'x');
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open("sqlite:" + path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kDataLoss)
      << store.status().ToString();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace sitrep
