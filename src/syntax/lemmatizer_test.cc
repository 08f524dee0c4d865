#include "syntax/lemmatizer.h"

#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace sitrep::syntax {
namespace {

SyntaxWord Word(std::string form, std::string lemma, std::string upos,
                std::string xpos, std::string feats = "") {
  SyntaxWord w;
  w.form = std::move(form);
  w.lemma = std::move(lemma);
  w.upos = std::move(upos);
  w.xpos = std::move(xpos);
  w.feats = std::move(feats);
  return w;
}

// A small treebank of our own, in EWT's conventions.
std::vector<SyntaxSentence> Fixture() {
  SyntaxSentence s;
  s.words = {
      Word("Troops", "troop", "NOUN", "NNS", "Number=Plur"),
      Word("shelled", "shell", "VERB", "VBD",
           "Mood=Ind|Tense=Past|VerbForm=Fin"),
      Word("villages", "village", "NOUN", "NNS", "Number=Plur"),
      Word("and", "and", "CCONJ", "CC"),
      Word("planted", "plant", "VERB", "VBD",
           "Mood=Ind|Tense=Past|VerbForm=Fin"),
      Word("mines", "mine", "NOUN", "NNS", "Number=Plur"),
      Word("killed", "kill", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"),
      Word("wounded", "wound", "VERB", "VBN", "Tense=Past|VerbForm=Part"),
      Word("attacked", "attack", "VERB", "VBD",
           "Mood=Ind|Tense=Past|VerbForm=Fin"),
      Word("forces", "force", "NOUN", "NNS", "Number=Plur"),
      Word("sources", "source", "NOUN", "NNS", "Number=Plur"),
      Word("bodies", "body", "NOUN", "NNS", "Number=Plur"),
      Word("cities", "city", "NOUN", "NNS", "Number=Plur"),
      Word("was", "be", "AUX", "VBD",
           "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"),
      Word("n't", "not", "PART", "RB"),
      Word("Baku", "Baku", "PROPN", "NNP", "Number=Sing"),
      Word("'s", "'s", "PART", "POS"),
      Word("'s", "be", "AUX", "VBZ",
           "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
  };
  return {s};
}

TEST(LemmatizerTest, SeenWordsUseTheTreebank) {
  const Lemmatizer l = Lemmatizer::Train(Fixture(), "/nonexistent");
  EXPECT_EQ(l.Lemma("was", "AUX", "VBD"), "be");
  EXPECT_EQ(l.Lemma("'s", "PART", "POS"), "'s");
  EXPECT_EQ(l.Lemma("'s", "AUX", "VBZ"), "be");
  EXPECT_EQ(l.Lemma("n't", "PART", "RB"), "not");
  EXPECT_EQ(l.Lemma("Troops", "NOUN", "NNS"), "troop");
  EXPECT_EQ(l.Lemma("TROOPS", "NOUN", "NNS"), "troop");  // lowercased key
}

TEST(LemmatizerTest, UnseenWordsFollowLearnedSuffixRules) {
  const Lemmatizer l = Lemmatizer::Train(Fixture(), "/nonexistent");
  EXPECT_EQ(l.Lemma("bombed", "VERB", "VBD"), "bomb");
  EXPECT_EQ(l.Lemma("Bombed", "VERB", "VBD"), "bomb");
  EXPECT_EQ(l.Lemma("casualties", "NOUN", "NNS"), "casualty");
  EXPECT_EQ(l.Lemma("drones", "NOUN", "NNS"), "drone");
  EXPECT_EQ(l.Lemma("Shusha", "PROPN", "NNP"), "Shusha");
}

TEST(LemmatizerTest, WordNetExceptionsForIrregularForms) {
  if (!std::filesystem::exists("/usr/share/wordnet/verb.exc")) {
    GTEST_SKIP() << "WordNet (wordnet-base) not installed";
  }
  const Lemmatizer l = Lemmatizer::Train(Fixture());
  EXPECT_TRUE(l.uses_wordnet());
  EXPECT_EQ(l.Lemma("fled", "VERB", "VBD"), "flee");
  EXPECT_EQ(l.Lemma("blown", "VERB", "VBN"), "blow");
  EXPECT_EQ(l.Lemma("struck", "VERB", "VBD"), "strike");
  EXPECT_EQ(l.Lemma("men", "NOUN", "NNS"), "man");
  EXPECT_EQ(l.Lemma("children", "NOUN", "NNS"), "child");
}

// A rule learned from "cancelled" (strip "led") is not applied where its
// result is not a verb.
TEST(LemmatizerTest, RulesAreCheckedAgainstKnownLemmas) {
  if (!std::filesystem::exists("/usr/share/wordnet/index.verb")) {
    GTEST_SKIP() << "WordNet (wordnet-base) not installed";
  }
  std::vector<SyntaxSentence> train = Fixture();
  for (const char* form : {"cancelled", "travelled", "labelled"}) {
    train[0].words.push_back(
        Word(form, std::string(form).substr(0, std::string(form).size() - 3),
             "VERB", "VBD"));
  }
  const Lemmatizer l = Lemmatizer::Train(train);
  EXPECT_EQ(l.Lemma("modelled", "VERB", "VBD"), "model");
  EXPECT_EQ(l.Lemma("shelled", "VERB", "VBD"), "shell");
  EXPECT_EQ(l.Lemma("Shelled", "VERB", "VBD"), "shell");
}

TEST(LemmatizerTest, FeaturesFromFormThenTags) {
  const Lemmatizer l = Lemmatizer::Train(Fixture(), "/nonexistent");
  EXPECT_EQ(l.Feats("was", "AUX", "VBD"),
            "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(l.Feats("drones", "NOUN", "NNS"), "Number=Plur");
  EXPECT_EQ(l.Feats("fired", "VERB", "VBD"),
            "Mood=Ind|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(l.Feats("x", "SYM", "NFP"), "");
}

TEST(LemmatizerTest, SerializationRoundTripsAndRejectsCorruption) {
  const Lemmatizer l = Lemmatizer::Train(Fixture(), "/nonexistent");
  std::string bytes;
  l.Serialize(&bytes);
  auto copy = Lemmatizer::Deserialize(bytes);
  ASSERT_TRUE(copy.ok()) << copy.status();
  EXPECT_EQ(copy->Lemma("bombed", "VERB", "VBD"), "bomb");
  std::string again;
  copy->Serialize(&again);
  EXPECT_EQ(again, bytes);
  for (size_t cut = 0; cut < bytes.size(); cut += 7) {
    EXPECT_FALSE(Lemmatizer::Deserialize(bytes.substr(0, cut)).ok()) << cut;
  }
  std::string garbage(bytes.size(), '\xff');
  EXPECT_FALSE(Lemmatizer::Deserialize(garbage).ok());
}

// On UD English EWT (when present): lemma accuracy on dev with gold tags.
TEST(LemmatizerTest, EwtDevAccuracy) {
  const std::string dir = SITREP_SOURCE_DIR "/../shared/ud/en_ewt/";
  if (!std::filesystem::exists(dir + "en_ewt-ud-train.conllu")) {
    GTEST_SKIP() << "UD English EWT not found at " << dir;
  }
  auto train = ReadConlluFile(dir + "en_ewt-ud-train.conllu");
  auto dev = ReadConlluFile(dir + "en_ewt-ud-dev.conllu");
  ASSERT_TRUE(train.ok() && dev.ok());
  const Lemmatizer l = Lemmatizer::Train(*train);
  size_t words = 0, lemmas = 0, feats = 0;
  for (const SyntaxSentence& s : *dev) {
    for (const SyntaxWord& w : s.words) {
      ++words;
      lemmas += l.Lemma(w.form, w.upos, w.xpos) == w.lemma;
      feats += l.Feats(w.form, w.upos, w.xpos) == w.feats;
    }
  }
  const double lemma_accuracy = 100.0 * lemmas / words;
  const double feats_accuracy = 100.0 * feats / words;
  std::printf("EWT dev with gold tags: lemma %.2f, feats %.2f\n",
              lemma_accuracy, feats_accuracy);
  EXPECT_GT(lemma_accuracy, 97.0);
  EXPECT_GT(feats_accuracy, 94.0);
}

}  // namespace
}  // namespace sitrep::syntax
