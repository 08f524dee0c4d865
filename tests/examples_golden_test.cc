// The bundled examples against their hand-made sentence split
// (tests/golden/reports.sentences): on our own reports every boundary
// must be right. And the events coded from them against the reviewed
// table in tests/golden/reports.events.txt: a change to the coder that
// changes what the examples say shows up here, to be reviewed and, when
// right, written back with (one command)
//   build/sitrep code --format table examples/reports.jsonl
//     -o tests/golden/reports.events.txt
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "common/strings.h"
#include "gtest/gtest.h"
#include "subprocess.h"

namespace sitrep::e2e {
namespace {

std::map<std::string, std::vector<std::string>> Golden() {
  std::ifstream in(SITREP_SOURCE_DIR "/tests/golden/reports.sentences");
  std::map<std::string, std::vector<std::string>> golden;
  std::string line;
  std::string id;
  while (std::getline(in, line)) {
    if (line.rfind("# ", 0) == 0) {
      id = line.substr(2);
      golden[id];
    } else if (!line.empty() && !id.empty()) {
      golden[id].push_back(line);
    }
  }
  return golden;
}

TEST(ExamplesGoldenTest, EverySentenceBoundaryIsRight) {
  const auto golden = Golden();
  ASSERT_GE(golden.size(), 25u);
  const RunResult r = RunCommand(
      {SitrepBinary(), "split", SITREP_SOURCE_DIR "/examples/reports.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream out(r.out);
  std::string line;
  size_t documents = 0;
  while (std::getline(out, line)) {
    const nlohmann::json doc = nlohmann::json::parse(line);
    const std::string id = doc["id"];
    ++documents;
    auto it = golden.find(id);
    ASSERT_NE(it, golden.end()) << "no golden split for " << id;
    std::vector<std::string> got;
    for (const auto& s : doc["sentences"])
      got.push_back(CollapseWhitespace(s["text"].get<std::string>()));
    EXPECT_EQ(got, it->second) << "document " << id;
  }
  EXPECT_EQ(documents, golden.size());
}

TEST(ExamplesGoldenTest, CodedEventsMatchTheReviewedTable) {
  std::ifstream in(SITREP_SOURCE_DIR "/tests/golden/reports.events.txt");
  std::stringstream golden;
  golden << in.rdbuf();
  ASSERT_FALSE(golden.str().empty());
  const RunResult r = RunCommand({SitrepBinary(), "code", "--format", "table",
                                  SITREP_SOURCE_DIR "/examples/reports.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Line by line, so that a difference names the event.
  std::istringstream want(golden.str()), got(r.out);
  std::string a, b;
  int line = 0;
  while (true) {
    const bool more_a = static_cast<bool>(std::getline(want, a));
    const bool more_b = static_cast<bool>(std::getline(got, b));
    ++line;
    if (!more_a && !more_b) break;
    EXPECT_EQ(b, a) << "line " << line;
  }
}

}  // namespace
}  // namespace sitrep::e2e
