#include "store/search_words.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace sitrep::store {
namespace {

TEST(SearchWordsTest, WordsAndQuotedPhrases) {
  struct Case {
    const char* text;
    std::vector<std::string> terms;
  } cases[] = {
      {"shelling Fuzuli", {"shelling", "Fuzuli"}},
      {"  \"border guards\" mine ", {"border guards", "mine"}},
      {"\"unclosed phrase", {"unclosed phrase"}},
      {"a\"b c\"", {"a", "b c"}},
      {"\"\" \" \"", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SearchTerms(c.text), c.terms) << c.text;
  }
}

TEST(SearchWordsTest, Fts5QueryQuotesEveryTerm) {
  EXPECT_EQ(Fts5Query("shelling \"border guards\""),
            "\"shelling\" AND \"border guards\"");
  // Query syntax in users' words stays words.
  EXPECT_EQ(Fts5Query("NEAR(a b) OR *"),
            "\"NEAR(a\" AND \"b)\" AND \"OR\" AND \"*\"");
  EXPECT_EQ(Fts5Query("   "), "");
}

}  // namespace
}  // namespace sitrep::store
