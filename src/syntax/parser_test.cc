// The committed model (models/en.parser) through the public Parser API:
// loading and its errors, and well-formed trees on awkward input.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "sitrep/syntax.h"

namespace sitrep {
namespace {

const std::string kModel = SITREP_SOURCE_DIR "/models/en.parser";

const Parser& SharedParser() {
  static const Parser* parser = [] {
    auto loaded = Parser::Load(kModel);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return *parser;
}

SyntaxSentence Words(const std::string& text) {
  SyntaxSentence s;
  std::istringstream in(text);
  std::string form;
  while (in >> form) {
    s.words.emplace_back();
    s.words.back().form = form;
  }
  return s;
}

// Heads in range, one root, no cycles, root relation on the root only.
void ExpectTree(const SyntaxSentence& s) {
  const int n = static_cast<int>(s.words.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const SyntaxWord& w = s.words[i];
    ASSERT_GE(w.head, 0);
    ASSERT_LE(w.head, n);
    ASSERT_NE(w.head, i + 1);
    EXPECT_EQ(w.head == 0, w.deprel == "root") << w.form;
    EXPECT_FALSE(w.upos.empty());
    EXPECT_FALSE(w.xpos.empty());
    EXPECT_FALSE(w.lemma.empty());
    roots += w.head == 0;
    int node = i + 1;
    for (int steps = 0; node != 0; ++steps) {
      ASSERT_LE(steps, n) << "cycle through word " << i + 1;
      node = s.words[node - 1].head;
    }
  }
  EXPECT_EQ(roots, 1);
}

int Find(const SyntaxSentence& s, const std::string& form) {
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (s.words[i].form == form) return static_cast<int>(i) + 1;
  }
  return -1;
}

TEST(ParserTest, ParsesAReportSentence) {
  std::vector<SyntaxSentence> s = {
      Words("The convoy was hit by a drone near the bridge ."),
      Words("Troops shelled the village on Tuesday , killing two civilians ."),
  };
  SharedParser().Parse(s);
  for (const SyntaxSentence& sentence : s) ExpectTree(sentence);
  const SyntaxSentence& passive = s[0];
  const int hit = Find(passive, "hit");
  EXPECT_EQ(passive.words[Find(passive, "convoy") - 1].head, hit);
  EXPECT_EQ(passive.words[Find(passive, "convoy") - 1].deprel, "nsubj:pass");
  EXPECT_EQ(passive.words[Find(passive, "drone") - 1].deprel, "obl:agent");
  EXPECT_EQ(passive.words[hit - 1].lemma, "hit");
  const SyntaxSentence& active = s[1];
  const int shelled = Find(active, "shelled");
  EXPECT_EQ(active.words[shelled - 1].lemma, "shell");
  EXPECT_EQ(active.words[shelled - 1].upos, "VERB");
  EXPECT_EQ(active.words[Find(active, "Troops") - 1].deprel, "nsubj");
  EXPECT_EQ(active.words[Find(active, "village") - 1].deprel, "obj");
  EXPECT_EQ(active.words[Find(active, "civilians") - 1].lemma, "civilian");
}

TEST(ParserTest, AwkwardInputGivesTrees) {
  std::vector<SyntaxSentence> s = {
      Words("Ceasefire"),
      Words("SHELLING RESUMES NEAR DONETSK AS TALKS STALL"),
      Words(
          "see https://example.org/report?id=3 and @monitor_mission #Kherson"),
      Words("Explosions 💥 reported 🙏🏽 in Xankəndi"),
      Words("Qzxv brrktl wuggle fnordic zzt ."),
      Words(". , ; -- ..."),
  };
  SyntaxSentence long_sentence;
  for (int i = 0; i < 500; ++i) {
    long_sentence.words.emplace_back();
    long_sentence.words.back().form = i % 10 == 9 ? "," : "village";
  }
  s.push_back(long_sentence);
  s.emplace_back();  // no words: left alone
  SharedParser().Parse(s);
  for (size_t i = 0; i + 1 < s.size(); ++i) ExpectTree(s[i]);
  EXPECT_TRUE(s.back().words.empty());
  EXPECT_EQ(s[0].words[0].head, 0);
}

TEST(ParserTest, KeepsFieldsItDoesNotPredict) {
  std::vector<SyntaxSentence> s = {Words("Shelling continued .")};
  s[0].comments = {"sent_id = x"};
  s[0].words[1].misc = "SpaceAfter=No";
  SharedParser().Parse(s);
  EXPECT_EQ(s[0].comments[0], "sent_id = x");
  EXPECT_EQ(s[0].words[1].misc, "SpaceAfter=No");
  EXPECT_EQ(s[0].words[1].form, "continued");
}

TEST(ParserTest, DescribesItsTraining) {
  EXPECT_NE(SharedParser().Describe().find("en_ewt-ud-train.conllu"),
            std::string::npos);
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Named per process, so that two test runs at once (a build and its
// sanitizer build) do not write each other's files.
std::string WriteTemporary(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            (std::to_string(::getpid()) + "_" + name))
                               .string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(ParserTest, BadModelFilesGiveClearErrors) {
  auto missing = Parser::Load("/nonexistent/en.parser");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  const std::string bytes = ReadBytes(kModel);
  ASSERT_GT(bytes.size(), 1000u);
  const std::string truncated = WriteTemporary(
      "sitrep_truncated.parser", bytes.substr(0, bytes.size() / 2));
  auto t = Parser::Load(truncated);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(t.status().message().find("truncated"), std::string::npos);

  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  auto f = Parser::Load(WriteTemporary("sitrep_flipped.parser", flipped));
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("checksum"), std::string::npos);

  auto text = Parser::Load(
      WriteTemporary("sitrep_text.parser", "this is not a model\n"));
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("not a sitrep model"),
            std::string::npos);
  std::filesystem::remove(truncated);
  std::filesystem::remove(WriteTemporary("sitrep_flipped.parser", ""));
  std::filesystem::remove(WriteTemporary("sitrep_text.parser", ""));
}

}  // namespace
}  // namespace sitrep
