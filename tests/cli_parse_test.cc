// `sitrep parse`, `sitrep eval ud` and `sitrep train-parser` as a user runs
// them, with the committed model.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "subprocess.h"

namespace sitrep::e2e {
namespace {

// Non-comment, non-blank lines of CoNLL-U output, split into columns.
std::vector<std::vector<std::string>> WordLines(const std::string& conllu) {
  std::vector<std::vector<std::string>> lines;
  std::istringstream in(conllu);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> columns;
    std::istringstream fields(line);
    std::string field;
    while (std::getline(fields, field, '\t')) columns.push_back(field);
    lines.push_back(columns);
  }
  return lines;
}

// Named per process: a build's tests and its sanitizer build's may run at
// once.
std::string Temporary(const std::string& name, const std::string& contents) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            (std::to_string(::getpid()) + "_" + name))
                               .string();
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

// A small gold file of our own.
constexpr char kGold[] =
    "# sent_id = t-1\n"
    "# text = Troops shelled the village.\n"
    "1\tTroops\ttroop\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tshelled\tshell\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_"
    "\t_\n"
    "3\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t4\tdet\t_\t_\n"
    "4\tvillage\tvillage\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

TEST(CliParseTest, TextInputGivesCoNLLU) {
  const RunResult r = RunCommand(
      {SitrepBinary(), "parse"},
      "{\"id\":\"r1\",\"text\":\"The ministry said a mine killed two "
      "civilians. Peacekeepers were informed.\"}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# newdoc id = r1\n"), std::string::npos);
  EXPECT_NE(r.out.find("# sent_id = r1-2\n"), std::string::npos);
  EXPECT_NE(r.out.find("# text = Peacekeepers were informed.\n"),
            std::string::npos);
  const auto words = WordLines(r.out);
  ASSERT_EQ(words.size(), 13u);
  for (const auto& w : words) ASSERT_EQ(w.size(), 10u);
  EXPECT_EQ(words[5][1], "killed");
  EXPECT_EQ(words[5][2], "kill");
  EXPECT_EQ(words[7][9], "SpaceAfter=No");  // "civilians" before "."
}

TEST(CliParseTest, ConlluInputKeepsItsTokens) {
  const std::string path = Temporary("sitrep_parse_gold.conllu", kGold);
  const RunResult r =
      RunCommand({SitrepBinary(), "parse", "--input", "conllu", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# sent_id = t-1\n"), std::string::npos);
  const auto words = WordLines(r.out);
  ASSERT_EQ(words.size(), 5u);
  EXPECT_EQ(words[0][1], "Troops");
  EXPECT_EQ(words[3][9], "SpaceAfter=No");
  EXPECT_EQ(words[1][6], "0");  // "shelled" is the root
  std::filesystem::remove(path);
}

TEST(CliParseTest, BadSentenceIsSkippedAndTheRestParsed) {
  const std::string path =
      Temporary("sitrep_parse_bad.conllu",
                std::string(kGold) + "1\tbroken line\n\n" + kGold);
  const RunResult r =
      RunCommand({SitrepBinary(), "parse", "--input", "conllu", path});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(":9: line 9 has 2 columns"), std::string::npos) << r.err;
  EXPECT_EQ(WordLines(r.out).size(), 10u);
  std::filesystem::remove(path);
}

TEST(CliParseTest, EvalUdScoresTheModelOnAGoldFile) {
  const std::string path = Temporary("sitrep_eval_gold.conllu", kGold);
  const RunResult r = RunCommand({SitrepBinary(), "eval", "ud", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* field : {"UPOS", "XPOS", "UFeats", "Lemma", "UAS", "LAS"}) {
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
  }
  // Scoring the gold file against itself.
  const RunResult self =
      RunCommand({SitrepBinary(), "eval", "ud", path, "--system", path});
  ASSERT_EQ(self.exit_code, 0) << self.err;
  EXPECT_NE(self.out.find("LAS      100.00"), std::string::npos) << self.out;
  std::filesystem::remove(path);
}

TEST(CliParseTest, MissingOrCorruptModelIsAUsageError) {
  const RunResult missing = RunCommand(
      {SitrepBinary(), "parse", "--model", "/nonexistent/en.parser"}, "Hi.");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("train-parser"), std::string::npos);
  const std::string junk = Temporary("sitrep_junk.parser", "junk");
  const RunResult corrupt =
      RunCommand({SitrepBinary(), "parse", "--model", junk}, "Hi.");
  EXPECT_EQ(corrupt.exit_code, 2);
  EXPECT_NE(corrupt.err.find("not a sitrep model"), std::string::npos);
  std::filesystem::remove(junk);
}

// Training end to end on a tiny treebank: the model file loads and parses.
TEST(CliParseTest, TrainParserWritesALoadableModel) {
  std::string treebank;
  for (int i = 0; i < 20; ++i) treebank += kGold;
  const std::string train = Temporary("sitrep_tiny_train.conllu", treebank);
  const std::string model =
      (std::filesystem::temp_directory_path() /
       (std::to_string(::getpid()) + "_sitrep_tiny.parser"))
          .string();
  const RunResult trained =
      RunCommand({SitrepBinary(), "train-parser", "--train", train, "--dev",
                  train, "-o", model, "--epochs", "2", "--threads", "1"});
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  EXPECT_NE(trained.err.find("epoch  2"), std::string::npos);
  const RunResult parsed =
      RunCommand({SitrepBinary(), "parse", "--model", model},
                 "Troops shelled the village.");
  ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
  EXPECT_EQ(WordLines(parsed.out).size(), 5u);
  std::filesystem::remove(train);
  std::filesystem::remove(model);
}

}  // namespace
}  // namespace sitrep::e2e
