// `sitrep code` as a user runs it: the output contract, the output formats,
// bad records beside good ones, and threads that keep the input order.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "subprocess.h"

namespace sitrep::e2e {
namespace {

std::string Temporary(const std::string& name, const std::string& contents) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            (std::to_string(::getpid()) + "_" + name))
                               .string();
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

constexpr char kReports[] =
    R"({"id":"a","date":"2023-09-20","source":"Ministry of Defence of Azerbaijan","text":"On Tuesday a mine planted by Armenian sabotage groups exploded on the Fuzuli highway, killing two civilians."})"
    "\n"
    R"({"id":"b","date":"2023-09-20","text":"Police fired tear gas at protesters in the capital on Monday."})"
    "\n"
    R"({"id":"broken", "text": )"
    "\n"
    R"({"id":"c","date":"2023-09-20","text":"The army denied that it shelled the village."})"
    "\n";

TEST(CliCodeTest, WritesOneRecordPerDocumentInOrder) {
  const std::string input = Temporary("code_in.jsonl", kReports);
  const RunResult r = RunCommand({SitrepBinary(), "code", input});
  EXPECT_EQ(r.exit_code, 3) << r.err;  // one record rejected
  const std::vector<nlohmann::json> docs = ParseJsonLines(r.out);
  ASSERT_EQ(docs.size(), 4u) << r.out;
  EXPECT_EQ(docs[0]["id"], "a");
  EXPECT_EQ(docs[1]["id"], "b");
  EXPECT_EQ(docs[3]["id"], "c");
  EXPECT_FALSE(docs[2]["errors"].empty());
  EXPECT_TRUE(docs[2]["events"].empty());
  // The contract's fields on the first document's main event.
  ASSERT_FALSE(docs[0]["events"].empty());
  const nlohmann::json& e = docs[0]["events"][0];
  for (const char* field :
       {"id", "sentence", "span", "text", "trigger", "plover", "cameo", "acled",
        "source", "target", "instrument", "location", "date", "fatalities",
        "injuries", "claim", "modality", "confidence"}) {
    EXPECT_TRUE(e.contains(field)) << field;
  }
  EXPECT_EQ(e["acled"]["sub_event_type"], "Remote explosive/landmine/IED");
  EXPECT_EQ(e["plover"]["type"], "ASSAULT");
  EXPECT_EQ(e["fatalities"]["count"], 2);
  EXPECT_EQ(e["fatalities"]["victims"], "CVL");
  EXPECT_EQ(e["date"]["value"], "2023-09-19");
  EXPECT_EQ(e["claim"]["claimant"]["country"], "AZE");
  EXPECT_EQ(e["claim"]["stance"], "accuses");
  // On the map: the highway's place from the gazetteer, and why.
  EXPECT_EQ(e["location"]["text"], "the Fuzuli highway");
  EXPECT_EQ(e["location"]["country"], "AZE");
  EXPECT_EQ(e["location"]["basis"], "event");
  EXPECT_NEAR(e["location"]["lat"].get<double>(), 39.6, 0.3);
  EXPECT_NEAR(e["location"]["lon"].get<double>(), 47.2, 0.3);
  EXPECT_TRUE(e["location"]["precision"] == "admin1" ||
              e["location"]["precision"] == "point")
      << e["location"];
  ASSERT_FALSE(docs[0]["places"].empty());
  EXPECT_EQ(docs[0]["places"][0]["text"], "Armenian");
  EXPECT_EQ(docs[0]["places"][0]["precision"], "country");
  EXPECT_NE(r.err.find("sitrep code: 4 documents"), std::string::npos) << r.err;
  std::filesystem::remove(input);
}

TEST(CliCodeTest, ThreadsKeepTheOutputIdentical) {
  std::string many;
  for (int i = 0; i < 60; ++i) {
    std::string line = kReports;
    line = line.substr(0, line.find('\n') + 1);
    const std::string id = "\"id\":\"a\"";
    line.replace(line.find(id), id.size(),
                 "\"id\":\"d" + std::to_string(i) + "\"");
    many += line;
  }
  const std::string input = Temporary("code_many.jsonl", many);
  const RunResult one = RunCommand({SitrepBinary(), "code", input});
  const RunResult two =
      RunCommand({SitrepBinary(), "code", "--threads", "2", input});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(ParseJsonLines(two.out).size(), 60u);
  std::filesystem::remove(input);
}

TEST(CliCodeTest, OtherFormats) {
  const std::string input = Temporary("code_fmt.jsonl", kReports);
  RunResult r = RunCommand({SitrepBinary(), "code", "--format", "csv", input});
  EXPECT_EQ(
      r.out.rfind("event_id_cnty,event_date,year,time_precision,disorder_type,",
                  0),
      0u)
      << r.out;
  EXPECT_NE(r.out.find("Explosions/Remote violence"), std::string::npos);
  EXPECT_NE(r.out.find(",location,latitude,longitude,geo_precision,"),
            std::string::npos);
  // The mine on the Fuzuli highway: in Azerbaijan, with a point.
  EXPECT_NE(r.out.find(",AZE,Azerbaijan,18,"), std::string::npos) << r.out;
  r = RunCommand({SitrepBinary(), "code", "--format", "cameo", input});
  EXPECT_NE(r.out.find("\t1833\t"), std::string::npos) << r.out;
  r = RunCommand({SitrepBinary(), "code", "--format", "plover", input});
  bool saw_assault = false;
  for (const nlohmann::json& j : ParseJsonLines(r.out)) {
    saw_assault |= j["event"] == "ASSAULT";
  }
  EXPECT_TRUE(saw_assault) << r.out;
  std::filesystem::remove(input);
}

TEST(CliCodeTest, BadInputIsReportedPerRecord) {
  std::string input = "{\"id\":\"bad\",\"text\":\"caf\xC3\"}\n";
  input += "\x01\x02\x03 not json\n";
  input += "{\"id\":\"ok\",\"text\":\"Rebels attacked a convoy.\"}\n";
  const RunResult r = RunCommand({SitrepBinary(), "code", "-"}, input);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::vector<nlohmann::json> docs = ParseJsonLines(r.out);
  ASSERT_EQ(docs.size(), 3u) << r.out;
  EXPECT_FALSE(docs[0]["errors"].empty());
  EXPECT_FALSE(docs[1]["errors"].empty());
  EXPECT_EQ(docs[2]["id"], "ok");
  EXPECT_FALSE(docs[2]["events"].empty());
}

TEST(CliCodeTest, MissingLexiconIsAClearError) {
  const RunResult r = RunCommand(
      {SitrepBinary(), "code", "--lexicon", "/nonexistent/en.lexicon", "-"},
      "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/en.lexicon"), std::string::npos) << r.err;
}

// `sitrep eval plover` on records we write: an actor the system names by
// its sector alone ("rebels", code "REB") claims no country, and still
// counts for its sector.
TEST(CliCodeTest, PloverEvalCountsCountriesOnlyWhereTheSystemGivesOne) {
  const std::string gold = Temporary("plover_gold.json", R"([
{"id": "t-1", "date": "2023-09-20", "event": "ASSAULT",
 "text": "Rebels attacked soldiers near the border on Monday.",
 "source": [{"actorText": "Rebels", "code": "SYRREB", "sector": "REB"}],
 "target": [{"actorText": "soldiers", "code": "SYRMIL", "sector": "MIL"}]},
{"id": "t-2", "date": "2023-09-20", "event": "ASSAULT",
 "text": "Russian troops shelled the village of Marjan on Tuesday.",
 "source": [{"actorText": "Russian troops", "code": "RUSMIL", "sector": "MIL"}]}
])");
  const RunResult r = RunCommand({SitrepBinary(), "eval", "plover", gold});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto line = [&](const std::string& label) {
    const size_t at = r.out.find(label);
    if (at == std::string::npos) return std::string();
    return r.out.substr(at, r.out.find('\n', at) - at);
  };
  EXPECT_NE(line("src country").find("(1 correct, 1 predicted, 2 gold)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(line("src sector").find("(2 correct, 2 predicted, 2 gold)"),
            std::string::npos)
      << r.out;
}

TEST(CliPlacesTest, ListsWhatANameMayMean) {
  const RunResult r =
      RunCommand({SitrepBinary(), "places", "Shushi", "Atlantis-Nowhere"});
  // One name without an entry: exit code 3, the other listed.
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.out.find("Shushi: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("AZE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("geonames:147105"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Atlantis-Nowhere: 0 entries"), std::string::npos)
      << r.out;
  const RunResult bad = RunCommand(
      {SitrepBinary(), "places", "--gazetteer", "/nonexistent.idx", "Baku"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("/nonexistent.idx"), std::string::npos) << bad.err;
}

TEST(CliHomesTest, ASourcesHomeIsLearnedAndUsed) {
  // Reports of a paper in Ohio, written for this test: it names Ohio's
  // towns and never writes "Ohio" after them.
  const std::string reports = Temporary(
      "homes_in.jsonl",
      R"({"id":"1","source":"Dublin Weekly","text":"The council met in Dublin on Monday. Residents of Columbus and Worthington spoke."})"
      "\n"
      R"({"id":"2","source":"Dublin Weekly","text":"A fire destroyed a barn near Hilliard. Crews from Dublin and Powell helped."})"
      "\n"
      R"({"id":"3","source":"Dublin Weekly","text":"Schools in Westerville and Delaware closed in Ohio after the storm."})"
      "\n"
      R"({"id":"4","text":"A report without a source, from Dublin."})"
      "\n");
  const RunResult learned = RunCommand({SitrepBinary(), "homes", reports});
  ASSERT_EQ(learned.exit_code, 0) << learned.err;
  EXPECT_EQ(learned.out.rfind("source\tcountry\tadmin1\tdocuments\tshare\n", 0),
            0u)
      << learned.out;
  EXPECT_NE(learned.out.find("Dublin Weekly\tUSA\tOH\t3\t"), std::string::npos)
      << learned.out;
  const std::string homes = Temporary("homes.tsv", learned.out);
  const std::string report = Temporary(
      "homes_report.jsonl",
      R"({"id":"5","source":"Dublin Weekly","text":"The Dublin city council met in Dublin on Monday."})"
      "\n");
  auto first_country = [](const RunResult& r) {
    const std::vector<nlohmann::json> docs = ParseJsonLines(r.out);
    if (docs.size() != 1 || docs[0]["places"].empty()) return std::string();
    return docs[0]["places"][0]["country"].get<std::string>();
  };
  // Read alone, Ireland's capital; read as the paper's readers would, the
  // Dublin in Ohio.
  const RunResult alone = RunCommand({SitrepBinary(), "code", report});
  EXPECT_EQ(first_country(alone), "IRL") << alone.out;
  const RunResult at_home =
      RunCommand({SitrepBinary(), "code", "--homes", homes, report});
  EXPECT_EQ(first_country(at_home), "USA") << at_home.out;
  // A homes file that is not one is refused, naming the line.
  const std::string bad =
      Temporary("homes_bad.tsv", "source\tcountry\tadmin1\nx\tOhio\t\n");
  const RunResult refused =
      RunCommand({SitrepBinary(), "code", "--homes", bad, report});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("homes_bad.tsv:2"), std::string::npos)
      << refused.err;
}

}  // namespace
}  // namespace sitrep::e2e
