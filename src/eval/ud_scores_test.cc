#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "sitrep/syntax.h"

namespace sitrep {
namespace {

std::vector<SyntaxSentence> Read(const std::string& conllu) {
  std::istringstream in(conllu);
  auto reader = ConlluReader::FromStream(&in, "test");
  std::vector<SyntaxSentence> out;
  SyntaxSentence s;
  std::string error;
  while (reader->Next(&s, &error)) {
    EXPECT_EQ(error, "");
    out.push_back(s);
  }
  return out;
}

// "Troops shelled the town ." with one mistake of each kind.
constexpr char kGold[] =
    "1\tTroops\ttroop\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tshelled\tshell\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\ttown\ttown\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

TEST(UdScoresTest, IdenticalFilesScoreAHundred) {
  auto gold = Read(kGold);
  auto scores = EvaluateUd(gold, gold);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->gold_words, 5u);
  EXPECT_DOUBLE_EQ(scores->words_f1, 100);
  EXPECT_DOUBLE_EQ(scores->upos, 100);
  EXPECT_DOUBLE_EQ(scores->las, 100);
  EXPECT_DOUBLE_EQ(scores->clas, 100);
}

TEST(UdScoresTest, CountsEachFieldSeparately) {
  auto gold = Read(kGold);
  // Word 1: wrong UPOS; word 3: wrong head; word 4: label with a subtype
  // that has the right universal part; word 5: wrong label.
  auto system = Read(
      "1\tTroops\ttroop\tPROPN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
      "2\tshelled\tshell\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "4\ttown\ttown\tNOUN\tNN\tNumber=Sing\t2\tobj:x\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tdep\t_\t_\n\n");
  auto scores = EvaluateUd(gold, system);
  ASSERT_TRUE(scores.ok());
  EXPECT_DOUBLE_EQ(scores->upos, 80);
  EXPECT_DOUBLE_EQ(scores->xpos, 100);
  EXPECT_DOUBLE_EQ(scores->uas, 80);
  EXPECT_DOUBLE_EQ(scores->las, 60);
  // Content words: gold 1, 2, 4 (3 and 5 are det, punct); system also
  // counts word 5 (dep). Correct: 1, 2, 4.
  EXPECT_DOUBLE_EQ(scores->clas, 200.0 * 3 / (3 + 4));
}

TEST(UdScoresTest, AlignsAcrossDifferentTokenisation) {
  auto gold = Read(
      "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
      "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
      "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\n");
  // The system splits "don't" as "don" + "'t" and gets "go" right.
  auto system = Read(
      "1\tdon\tdon\tVERB\tVB\t_\t3\tdep\t_\t_\n"
      "2\t't\t't\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
      "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\n");
  auto scores = EvaluateUd(gold, system);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->aligned_words, 1u);  // "go"
  EXPECT_DOUBLE_EQ(scores->words_f1, 200.0 * 1 / 6);
  EXPECT_DOUBLE_EQ(scores->las, 200.0 * 1 / 6);
}

TEST(UdScoresTest, MultiwordTokensAlignWordByWord) {
  const std::string conllu =
      "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
      "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
      "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\n";
  auto scores = EvaluateUd(Read(conllu), Read(conllu));
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->aligned_words, 3u);
  EXPECT_DOUBLE_EQ(scores->las, 100);
}

// A multiword span grows only with multiword tokens: gold "ab" = a + b and
// "cd" = bc + d against plain system words a, bc, d.
TEST(UdScoresTest, MultiwordSpanGrowsOnlyWithMultiwordTokens) {
  auto gold = Read(
      "1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n"
      "2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n"
      "3-4\tcd\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tbc\tbc\tX\tX\t_\t1\tdep\t_\t_\n"
      "4\td\td\tX\tX\t_\t1\tdep\t_\t_\n\n");
  auto system = Read(
      "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n"
      "2\tbc\tbc\tX\tX\t_\t1\tdep\t_\t_\n"
      "3\td\td\tX\tX\t_\t1\tdep\t_\t_\n\n");
  auto scores = EvaluateUd(gold, system);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->aligned_words, 2u);
}

TEST(UdScoresTest, UniversalFeaturesUnannotatedLemmasAndMissingHeads) {
  auto gold = Read(
      "1\tgo\t_\tVERB\tVB\tVerbForm=Inf|Typo=Yes\t0\troot\t_\t_\n"
      "2\tnow\tnow\tADV\tRB\t_\t1\tadvmod\t_\t_\n\n");
  auto system = Read(
      "1\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_\n"
      "2\tnow\tnow\tADV\tRB\t_\t_\tadvmod\t_\t_\n\n");
  auto scores = EvaluateUd(gold, system);
  ASSERT_TRUE(scores.ok());
  EXPECT_DOUBLE_EQ(scores->ufeats, 100);  // Typo is not universal
  EXPECT_DOUBLE_EQ(scores->lemma, 100);   // gold "_" accepts "go"
  EXPECT_DOUBLE_EQ(scores->uas, 50);      // "_" head is never attached
}

TEST(UdScoresTest, DifferentTextIsAnError) {
  auto gold = Read(kGold);
  auto other = Read("1\tSoldiers\tsoldier\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n");
  EXPECT_FALSE(EvaluateUd(gold, other).ok());
}

}  // namespace
}  // namespace sitrep
