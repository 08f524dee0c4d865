#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include "sitrep/eval.h"

namespace sitrep {
namespace {

TEST(SentenceEvalTest, ScoresBoundariesInsideDocuments) {
  // Two documents written for this test. The second has a boundary the
  // splitter cannot see (no punctuation, no capital): one boundary missed.
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("sitrep_eval_" + std::to_string(::getpid()) + ".conllu"))
          .string();
  std::ofstream(path)
      << "# newdoc id = d1\n# newpar\n# text = Shelling resumed.\n1\tx\n\n"
         "# text = Two were hurt.\n1\tx\n\n"
         "# newpar\n# text = The mission said so.\n1\tx\n\n"
         "# newdoc id = d2\n# text = no caps here\n1\tx\n\n"
         "# text = and none here either\n1\tx\n\n";
  auto analyzer = TextAnalyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  auto scores = EvaluateSentenceBoundaries(path, **analyzer);
  std::filesystem::remove(path);
  ASSERT_TRUE(scores.ok()) << scores.status().message();
  EXPECT_EQ(scores->documents, 2u);
  EXPECT_EQ(scores->gold_sentences, 5u);
  EXPECT_EQ(scores->boundaries.gold, 3u);
  EXPECT_EQ(scores->boundaries.predicted, 2u);
  EXPECT_EQ(scores->boundaries.correct, 2u);
  EXPECT_DOUBLE_EQ(scores->boundaries.precision(), 1.0);
  EXPECT_NEAR(scores->boundaries.recall(), 2.0 / 3.0, 1e-9);
  EXPECT_EQ(scores->sentences.correct, 3u);
}

TEST(SentenceEvalTest, MissingFile) {
  auto analyzer = TextAnalyzer::Create();
  auto scores = EvaluateSentenceBoundaries("/nonexistent/x.conllu", **analyzer);
  EXPECT_FALSE(scores.ok());
  EXPECT_EQ(scores.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sitrep
