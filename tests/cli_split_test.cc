// `sitrep` and `sitrep split` as a user runs them: help, exit codes,
// standard input, output files.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "subprocess.h"

namespace sitrep::e2e {
namespace {

TEST(CliTest, HelpDescribesVerbsAndFlags) {
  const RunResult top = RunCommand({SitrepBinary(), "--help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("split"), std::string::npos);
  EXPECT_NE(top.out.find("eval"), std::string::npos);
  EXPECT_NE(top.out.find("Exit codes"), std::string::npos);
  const RunResult split = RunCommand({SitrepBinary(), "split", "--help"});
  EXPECT_EQ(split.exit_code, 0);
  for (const char* flag : {"--format", "--max-bytes", "--output", "--table"}) {
    EXPECT_NE(split.out.find(flag), std::string::npos) << flag;
  }
  const RunResult eval =
      RunCommand({SitrepBinary(), "eval", "sentences", "--help"});
  EXPECT_EQ(eval.exit_code, 0);
  EXPECT_NE(eval.out.find("CoNLL-U"), std::string::npos);
}

TEST(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(RunCommand({SitrepBinary()}).exit_code, 2);
  EXPECT_EQ(RunCommand({SitrepBinary(), "no-such-verb"}).exit_code, 2);
  EXPECT_EQ(RunCommand({SitrepBinary(), "split", "--format", "xml"}).exit_code,
            2);
  EXPECT_EQ(RunCommand({SitrepBinary(), "split", "--max-bytes", "0"}).exit_code,
            2);
  EXPECT_EQ(
      RunCommand({SitrepBinary(), "eval", "sentences", "/nonexistent.conllu"})
          .exit_code,
      2);
  EXPECT_EQ(
      RunCommand({SitrepBinary(), "split", "-o", "/nonexistent/dir/out.jsonl"},
                 "x")
          .exit_code,
      2);
}

TEST(CliTest, JsonlOnStandardInput) {
  const RunResult r = RunCommand(
      {SitrepBinary(), "split"},
      "{\"id\":\"a\",\"text\":\"Shelling resumed. Two were hurt.\"}\n"
      "{\"id\":\"b\",\"text\":\"The mission said so.\"}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = ParseJsonLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], "a");
  EXPECT_EQ(lines[0]["sentences"].size(), 2u);
  EXPECT_EQ(lines[1]["sentences"][0]["text"], "The mission said so.");
  EXPECT_NE(r.err.find("2 documents, 3 sentences"), std::string::npos) << r.err;
}

TEST(CliTest, PlainTextOnStandardInput) {
  const RunResult r = RunCommand({SitrepBinary(), "split", "-"},
                                 "KYIV (AP) - Drones struck. Nobody was hurt.");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = ParseJsonLines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], "stdin");
  EXPECT_EQ(lines[0]["dateline"]["place"]["text"], "KYIV");
  EXPECT_EQ(lines[0]["sentences"].size(), 2u);
}

TEST(CliTest, OutputFileAndTable) {
  const std::string out =
      "/tmp/sitrep_cli_out_" + std::to_string(::getpid()) + ".jsonl";
  const RunResult r =
      RunCommand({SitrepBinary(), "split", "--table", "-o", out},
                 "{\"id\":\"rep\",\"text\":\"BAKU, Sept 19 (Reuters) - "
                 "Shelling resumed.\"}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("BAKU, Sept 19 (Reuters)"), std::string::npos) << r.err;
  std::ifstream in(out);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(nlohmann::json::parse(line)["id"], "rep");
  std::filesystem::remove(out);
}

TEST(CliTest, MissingInputIsReportedAndTheRestGoesOn) {
  const std::string good =
      "/tmp/sitrep_cli_good_" + std::to_string(::getpid()) + ".txt";
  std::ofstream(good) << "One sentence.";
  const RunResult r =
      RunCommand({SitrepBinary(), "split", "/nonexistent/file.jsonl", good});
  std::filesystem::remove(good);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("/nonexistent/file.jsonl: no such file"),
            std::string::npos)
      << r.err;
  ASSERT_EQ(ParseJsonLines(r.out).size(), 1u);
}

}  // namespace
}  // namespace sitrep::e2e
