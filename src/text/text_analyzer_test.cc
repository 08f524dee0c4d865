#include "text/text_analyzer.h"

#include <string>

#include "gtest/gtest.h"

namespace sitrep::text {
namespace {

class TextAnalyzerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = TextAnalyzerImpl::Create();
    ASSERT_TRUE(a.ok()) << a.status();
    analyzer_ = *std::move(a);
  }
  AnalyzedText Analyze(const std::string& text) {
    doc_.text = text;
    AnalyzedText out;
    EXPECT_TRUE(analyzer_->AnalyzeText(doc_, &out).ok());
    return out;
  }
  std::string At(Span s) const { return doc_.text.substr(s.begin, s.size()); }

  std::unique_ptr<TextAnalyzerImpl> analyzer_;
  Document doc_;
};

TEST_F(TextAnalyzerTest, EverySpanPointsAtTheOriginalBytes) {
  const AnalyzedText out = Analyze(
      "\u201CWe will not allow it,\u201D the ministry\u2019s spokesman "
      "said\u00A0\u2014 "
      "Xank\u0259ndi, F\u00FCzuli and Shu\u200Bsha were quiet\u2026 Later, "
      "shelling resumed.");
  ASSERT_EQ(out.sentences.size(), 2u);
  const Sentence& s = out.sentences[0];
  EXPECT_EQ(At(s.tokens[0].span), "\u201C");
  EXPECT_EQ(s.tokens[0].text, "\"");
  bool saw_clitic = false, saw_zwsp_word = false;
  for (const Token& t : s.tokens) {
    if (t.text == "'s") {
      saw_clitic = true;
      EXPECT_EQ(At(t.span), "\u2019s");
    }
    if (t.text == "Shusha") {
      saw_zwsp_word = true;
      EXPECT_EQ(At(t.span), "Shu\u200Bsha");
    }
    if (t.text == "--") {
      EXPECT_EQ(At(t.span), "\u2014");
    }
  }
  EXPECT_TRUE(saw_clitic);
  EXPECT_TRUE(saw_zwsp_word);
  EXPECT_EQ(At(out.sentences[1].span), "Later, shelling resumed.");
}

TEST_F(TextAnalyzerTest, CharacterThatNormalisesToSeveralStaysOneToken) {
  // NFC rewrites U+2ADC as U+2ADD U+0338, and two of them in a row as one
  // replaced stretch; no token may claim bytes another one claims.
  const AnalyzedText out = Analyze("a \u2ADC\u2ADC b. Next one.");
  ASSERT_EQ(out.sentences.size(), 2u);
  uint32_t previous_end = 0;
  for (const Sentence& s : out.sentences) {
    for (const Token& t : s.tokens) {
      EXPECT_GE(t.span.begin, previous_end) << t.text;
      EXPECT_LT(t.span.begin, t.span.end) << t.text;
      previous_end = t.span.end;
    }
  }
  const Sentence& s = out.sentences[0];
  ASSERT_EQ(s.tokens.size(), 4u);
  EXPECT_EQ(At(s.tokens[1].span), "\u2ADC\u2ADC");
  EXPECT_EQ(s.tokens[2].text, "b");
}

TEST_F(TextAnalyzerTest, InvalidUtf8IsAnError) {
  Document doc;
  doc.text = "bad \xFF byte";
  AnalyzedText out;
  const absl::Status s = analyzer_->AnalyzeText(doc, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("byte 4"), absl::string_view::npos) << s.message();
  EXPECT_TRUE(out.sentences.empty());
}

TEST_F(TextAnalyzerTest, EmptyAndBlankTextHaveNoSentences) {
  EXPECT_TRUE(Analyze("").sentences.empty());
  EXPECT_TRUE(Analyze(" \n\n\t ").sentences.empty());
}

TEST_F(TextAnalyzerTest, QuotationSpanningParagraphs) {
  const AnalyzedText out = Analyze(
      "The ministry said: \u201CPositions were shelled overnight.\n\n"
      "Our servicemen returned fire. Civilians are not targets,\u201D it "
      "said.\n\n"
      "A separate \u201Creport\u201D followed.");
  ASSERT_EQ(out.quotes.size(), 2u);
  EXPECT_TRUE(out.quotes[0].closed);
  EXPECT_EQ(At(out.quotes[0].span).substr(0, 3), "\u201C");
  EXPECT_NE(At(out.quotes[0].span).find("Civilians are not targets,\u201D"),
            std::string::npos);
  EXPECT_EQ(At(out.quotes[1].span), "\u201Creport\u201D");
  EXPECT_EQ(out.sentences.size(), 4u);
}

TEST_F(TextAnalyzerTest, UnclosedQuotationRunsToTheEnd) {
  const AnalyzedText out = Analyze("He said \"we will respond. Nothing more.");
  ASSERT_EQ(out.quotes.size(), 1u);
  EXPECT_FALSE(out.quotes[0].closed);
  EXPECT_EQ(out.quotes[0].span.end, doc_.text.size());
}

TEST_F(TextAnalyzerTest, StrayClosingMarkOpensNothing) {
  const AnalyzedText out =
      Analyze("Stray\u201D mark, then \u201Cquoted\u201D.");
  ASSERT_EQ(out.quotes.size(), 1u);
  EXPECT_EQ(At(out.quotes[0].span), "\u201Cquoted\u201D");
}

TEST_F(TextAnalyzerTest, SpaceAfterFollowsTheText) {
  const AnalyzedText out = Analyze("Kyiv, Ukraine.");
  ASSERT_EQ(out.sentences.size(), 1u);
  const auto& t = out.sentences[0].tokens;
  ASSERT_EQ(t.size(), 4u);
  EXPECT_FALSE(t[0].space_after);
  EXPECT_TRUE(t[1].space_after);
  EXPECT_FALSE(t[2].space_after);
  EXPECT_TRUE(t[3].space_after);  // end of text
}

TEST_F(TextAnalyzerTest, PublicFactoryWorks) {
  auto a = TextAnalyzer::Create();
  ASSERT_TRUE(a.ok());
  Document doc;
  doc.text = "One. Two.";
  AnalyzedText out;
  EXPECT_TRUE((*a)->Analyze(doc, &out).ok());
  EXPECT_EQ(out.sentences.size(), 2u);
  doc.text = "\xC0";
  const Status s = (*a)->Analyze(doc, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sitrep::text
