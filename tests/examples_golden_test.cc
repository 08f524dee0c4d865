// The bundled examples against their hand-made sentence split
// (tests/golden/reports.sentences): on our own reports every boundary
// must be right.
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

}  // namespace
}  // namespace sitrep::e2e
