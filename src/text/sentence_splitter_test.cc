// Sentence splitting, table-driven from testdata/sentence_cases.txt and run
// through the whole text layer (normalisation, tokens, dateline, sentences).
#include "text/sentence_splitter.h"

#include <fstream>
#include <string>
#include <vector>

#include "common/strings.h"
#include "gtest/gtest.h"
#include "text/text_analyzer.h"

namespace sitrep::text {
namespace {

struct Case {
  int line;
  std::string name;
  std::string input;
  std::vector<std::string> expected;
};

std::vector<Case> LoadCases() {
  std::ifstream in(std::string(SITREP_SOURCE_DIR) +
                   "/src/text/testdata/sentence_cases.txt");
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  enum { kNone, kInput, kExpected } state = kNone;
  bool first_input_line = true;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("=== ", 0) == 0) {
      cases.push_back({n, line.substr(4), "", {}});
      state = kInput;
      first_input_line = true;
      continue;
    }
    if (state == kInput && line == "---") {
      state = kExpected;
      continue;
    }
    if (state == kInput) {
      Case& c = cases.back();
      if (!first_input_line) c.input += '\n';
      c.input += line;
      first_input_line = false;
    } else if (state == kExpected && !line.empty() && line[0] != '#') {
      cases.back().expected.push_back(line);
    }
  }
  return cases;
}

TEST(SentenceSplitterTest, Table) {
  auto analyzer = TextAnalyzerImpl::Create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status();
  const std::vector<Case> cases = LoadCases();
  ASSERT_GE(cases.size(), 50u);
  int failures = 0;
  for (const Case& c : cases) {
    Document doc;
    doc.text = c.input;
    AnalyzedText out;
    ASSERT_TRUE((*analyzer)->AnalyzeText(doc, &out).ok());
    std::vector<std::string> got;
    for (const Sentence& s : out.sentences) {
      got.push_back(CollapseWhitespace(
          std::string_view(doc.text).substr(s.span.begin, s.span.size())));
    }
    if (got != c.expected) {
      ++failures;
      std::string message =
          "sentence_cases.txt:" + std::to_string(c.line) + " " + c.name;
      message += "\n  expected:";
      for (const auto& s : c.expected) message += "\n    | " + s;
      message += "\n  got:";
      for (const auto& s : got) message += "\n    | " + s;
      ADD_FAILURE() << message;
    }
  }
  EXPECT_EQ(failures, 0) << "of " << cases.size() << " cases";
}

TEST(SentenceSplitterTest, LongRunsAreCut) {
  auto analyzer = TextAnalyzerImpl::Create();
  Document doc;
  for (int i = 0; i < 1000; ++i) doc.text += "word ";
  AnalyzedText out;
  ASSERT_TRUE((*analyzer)->AnalyzeText(doc, &out).ok());
  ASSERT_EQ(out.sentences.size(), 3u);
  for (const Sentence& s : out.sentences) {
    EXPECT_LE(s.tokens.size(), SentenceSplitter::kMaxSentenceTokens);
  }
}

TEST(SentenceSplitterTest, LongRunsAreCutAfterACommaWhenThereIsOne) {
  auto analyzer = TextAnalyzerImpl::Create();
  Document doc;
  for (int i = 0; i < 100; ++i) doc.text += "one two three four five, ";
  AnalyzedText out;
  ASSERT_TRUE((*analyzer)->AnalyzeText(doc, &out).ok());
  ASSERT_GE(out.sentences.size(), 2u);
  EXPECT_EQ(out.sentences[0].tokens.back().text, ",");
}

}  // namespace
}  // namespace sitrep::text
