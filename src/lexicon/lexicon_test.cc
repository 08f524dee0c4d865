#include "lexicon/lexicon.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lexicon/phrase_matcher.h"

namespace sitrep::lexicon {
namespace {

std::vector<PhraseMatcher::TokenView> Tokens(
    const std::vector<std::pair<std::string, std::string>>& words) {
  std::vector<PhraseMatcher::TokenView> out;
  for (const auto& [form, lemma] : words) out.push_back({form, lemma});
  return out;
}

TEST(PhraseMatcherTest, MatchesByFormOrLemmaLongestFirst) {
  PhraseMatcher m;
  m.Add({{"armed", "force"}, false, 1, 7});
  m.Add({{"force"}, false, 1, 8});
  m.Add({{"IS"}, true, 2, 9});
  const std::vector<std::pair<std::string, std::string>> words = {
      {"Armenian", "Armenian"},
      {"Armed", "arm"},
      {"Forces", "force"},
      {"is", "be"},
      {"IS", "IS"}};
  std::vector<PhraseMatcher::Match> got;
  m.FindAll(Tokens(words), &got);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].begin, 1u);  // "Armed Forces" by form + lemma
  EXPECT_EQ(got[0].end, 3u);
  EXPECT_EQ(got[0].index, 7u);
  EXPECT_EQ(got[1].begin, 2u);  // "Forces" alone
  EXPECT_EQ(got[1].index, 8u);
  EXPECT_EQ(got[2].begin, 4u);  // "IS" only in capitals, not "is"
  EXPECT_EQ(got[2].index, 9u);
}

TEST(PhraseMatcherTest, FoldsCaseBeyondAscii) {
  EXPECT_EQ(FoldCase("ÖSTERREICH"), "österreich");
  EXPECT_EQ(FoldCase("Élysée"), "élysée");
  // Bytes that are not UTF-8 (truncated, stray) pass through unread.
  EXPECT_EQ(FoldCase("AB\xC3"), "ab\xC3");
  EXPECT_EQ(FoldCase("\xE2\x82"), "\xE2\x82");
  EXPECT_EQ(FoldCase("\x80Z"), "\x80z");
}

class LexiconFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("lexicon_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::copy(SITREP_SOURCE_DIR "/data/lexicon", dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Append(const std::string& file, const std::string& line) {
    std::ofstream out(dir_ / file, std::ios::app);
    out << line << "\n";
  }
  std::filesystem::path dir_;
};

TEST_F(LexiconFilesTest, TheShippedLexiconCompilesAndRoundTrips) {
  auto lex = CompileLexicon(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_GE((*lex)->countries.size(), 190u);
  EXPECT_GE((*lex)->organizations.size(), 300u);
  EXPECT_GE((*lex)->event_classes.size(), 25u);
  const std::string bytes = SerializeLexicon(**lex);
  auto back = LexiconFromBytes(bytes, "memory");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(SerializeLexicon(**back), bytes);
  // Every ACLED sub-event type is reachable from some class.
  std::set<std::string> subtypes;
  for (const EventClass& c : (*lex)->event_classes) {
    if (!c.acled_subtype.empty()) subtypes.insert(c.acled_subtype);
  }
  EXPECT_EQ(subtypes.size(), 25u);
}

TEST_F(LexiconFilesTest, ProblemsAreReportedWithFileAndLine) {
  Append("events.tsv", "obliterate\tverb\tno_such_class");
  Append("organizations.tsv", "Some Front\t\tREB\tIMGSOM\tOSCE");
  Append("sectors.tsv", "conscript\tXYZ");
  auto lex = CompileLexicon(dir_.string());
  ASSERT_FALSE(lex.ok());
  const std::string message(lex.status().message());
  EXPECT_NE(message.find("events.tsv:"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown event class 'no_such_class'"),
            std::string::npos);
  EXPECT_NE(message.find("'OSCE' already names an actor"), std::string::npos)
      << message;
  EXPECT_NE(message.find("unknown sector 'XYZ'"), std::string::npos);
}

TEST_F(LexiconFilesTest, ObjectSensesAreChecked) {
  Append("object_senses.tsv", "zigzag	weapon	shelling");
  Append("object_senses.tsv", "send	no_such_thing	aid");
  Append("object_senses.tsv", "send	weapon	object");
  auto lex = CompileLexicon(dir_.string());
  ASSERT_FALSE(lex.ok());
  const std::string message(lex.status().message());
  EXPECT_NE(message.find("'zigzag' is not a verb of events.tsv"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("unknown object 'no_such_thing'"), std::string::npos)
      << message;
  EXPECT_NE(message.find("'object' needs an event noun"), std::string::npos)
      << message;
}

TEST_F(LexiconFilesTest, ObjectSensesKeepFileOrderPerVerb) {
  auto lex = CompileLexicon(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  const auto& senses = (*lex)->object_senses;
  ASSERT_FALSE(senses.empty());
  // Grouped by event word, for lookup by binary search.
  for (size_t i = 1; i < senses.size(); ++i) {
    EXPECT_LE(senses[i - 1].event_word, senses[i].event_word);
  }
}

TEST_F(LexiconFilesTest, WrongHeaderIsAnError) {
  std::ofstream(dir_ / "quantities.tsv") << "# comment\nphrase\tnumber\n";
  auto lex = CompileLexicon(dir_.string());
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(std::string(lex.status().message())
                .find("quantities.tsv:2: the header must be"),
            std::string::npos)
      << lex.status();
}

TEST_F(LexiconFilesTest, CorruptAndForeignBundlesAreRefused) {
  auto lex = CompileLexicon(dir_.string());
  ASSERT_TRUE(lex.ok()) << lex.status();
  std::string bytes = SerializeLexicon(**lex);
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  EXPECT_FALSE(LexiconFromBytes(flipped, "flipped").ok());
  EXPECT_FALSE(LexiconFromBytes(bytes.substr(0, bytes.size() / 3), "cut").ok());
  EXPECT_FALSE(LexiconFromBytes("not a lexicon at all", "text").ok());
  EXPECT_EQ(LoadLexicon((dir_ / "missing.lexicon").string()).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace sitrep::lexicon
