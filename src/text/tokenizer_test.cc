#include "text/tokenizer.h"

#include <fstream>
#include <string>
#include <vector>

#include "common/strings.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "text/normalizer.h"

namespace sitrep::text {
namespace {

struct Case {
  int line;
  std::string input;
  std::string expected;  // token texts joined by single spaces
};

std::vector<Case> LoadCases() {
  std::ifstream in(std::string(SITREP_SOURCE_DIR) +
                   "/src/text/testdata/tokenizer_cases.tsv");
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      ADD_FAILURE() << "tokenizer_cases.tsv:" << n << ": no tab";
      continue;
    }
    cases.push_back({n, line.substr(0, tab), line.substr(tab + 1)});
  }
  return cases;
}

class TokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto tables = TextTables::Load();
    ASSERT_TRUE(tables.ok()) << tables.status();
    tables_ = *tables;
  }
  std::vector<std::string> Tokens(std::string_view input) {
    auto normalized = Normalize(input);
    EXPECT_TRUE(normalized.ok());
    std::vector<RawToken> raw;
    Tokenizer(*tables_).Tokenize(
        normalized->text(), 0, static_cast<uint32_t>(normalized->text().size()),
        &raw);
    std::vector<std::string> out;
    for (const RawToken& t : raw) {
      out.emplace_back(normalized->text().substr(t.begin, t.end - t.begin));
    }
    return out;
  }
  std::shared_ptr<const TextTables> tables_;
};

TEST_F(TokenizerTest, Table) {
  const std::vector<Case> cases = LoadCases();
  ASSERT_GE(cases.size(), 100u);
  int failures = 0;
  for (const Case& c : cases) {
    std::string got;
    for (const std::string& t : Tokens(c.input)) {
      if (!got.empty()) got += ' ';
      got += t;
    }
    if (got != c.expected) {
      ++failures;
      ADD_FAILURE() << "tokenizer_cases.tsv:" << c.line
                    << "\n  input:    " << c.input
                    << "\n  expected: " << c.expected
                    << "\n  got:      " << got;
    }
  }
  EXPECT_EQ(failures, 0) << "of " << cases.size() << " cases";
}

TEST_F(TokenizerTest, KindsAndSpacing) {
  auto tables = TextTables::Load();
  const std::string text =
      "Visit https://example.org/x, mail a@b.org, @un_news #Karabakh 200,000 "
      "$5.";
  std::vector<RawToken> raw;
  Tokenizer(**tables).Tokenize(text, 0, static_cast<uint32_t>(text.size()),
                               &raw);
  std::vector<TokenKind> kinds;
  for (const RawToken& t : raw) kinds.push_back(t.kind);
  EXPECT_THAT(kinds,
              ::testing::ElementsAre(
                  TokenKind::kWord, TokenKind::kUrl, TokenKind::kPunct,
                  TokenKind::kWord, TokenKind::kEmail, TokenKind::kPunct,
                  TokenKind::kHandle, TokenKind::kHashtag, TokenKind::kNumber,
                  TokenKind::kSymbol, TokenKind::kNumber, TokenKind::kPunct));
  EXPECT_FALSE(raw[1].space_after);  // the URL is followed by ","
  EXPECT_TRUE(raw[0].space_after);
}

TEST_F(TokenizerTest, NewlinesBeforeAreCounted) {
  const std::string text = "a\nb\n\n\nc";
  std::vector<RawToken> raw;
  Tokenizer(*tables_).Tokenize(text, 0, static_cast<uint32_t>(text.size()),
                               &raw);
  ASSERT_EQ(raw.size(), 3u);
  EXPECT_EQ(raw[0].newlines_before, 0);
  EXPECT_EQ(raw[1].newlines_before, 1);
  EXPECT_EQ(raw[2].newlines_before, 2);  // capped
}

TEST_F(TokenizerTest, QuoteRolesFromSpacing) {
  const std::string text = "He said \"no\" today";
  std::vector<RawToken> raw;
  Tokenizer(*tables_).Tokenize(text, 0, static_cast<uint32_t>(text.size()),
                               &raw);
  ASSERT_EQ(raw.size(), 6u);
  EXPECT_EQ(raw[2].quote, QuoteRole::kOpen);
  EXPECT_EQ(raw[4].quote, QuoteRole::kClose);
}

TEST_F(TokenizerTest, LongRunsStayLinear) {
  // A megabyte without spaces or punctuation is one token; a megabyte of
  // punctuation is one token per mark. Neither may take quadratic time.
  const std::string word(1 << 20, 'a');
  EXPECT_EQ(Tokens(word).size(), 1u);
  std::string marks;
  for (int i = 0; i < (1 << 18); ++i) marks += "!?";
  EXPECT_EQ(Tokens(marks).size(), marks.size());
}

}  // namespace
}  // namespace sitrep::text
