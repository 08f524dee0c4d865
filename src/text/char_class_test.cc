#include "text/char_class.h"

#include "gtest/gtest.h"

namespace sitrep::text {
namespace {

TEST(CharClassTest, WordCodePoints) {
  EXPECT_TRUE(IsWordCodePoint(U'\u0259'));   // ə
  EXPECT_TRUE(IsWordCodePoint(U'\u041A'));   // К
  EXPECT_TRUE(IsWordCodePoint(U'\u0627'));   // ا
  EXPECT_TRUE(IsWordCodePoint(U'\u0308'));   // combining diaeresis
  EXPECT_TRUE(IsWordCodePoint(U'\u0662'));   // Arabic-Indic two
  EXPECT_FALSE(IsWordCodePoint(U'\u2022'));  // bullet
  EXPECT_FALSE(IsWordCodePoint(U'\U0001F600'));
  EXPECT_FALSE(IsWordCodePoint(U'\u00A7'));  // §
}

TEST(CharClassTest, CaseOfFirst) {
  EXPECT_EQ(CaseOfFirst("The"), InitialCase::kUpper);
  EXPECT_EQ(CaseOfFirst("\u015Eu\u015Fa"), InitialCase::kUpper);  // Şuşa
  EXPECT_EQ(CaseOfFirst("\u0161ir"), InitialCase::kLower);
  EXPECT_EQ(CaseOfFirst("said"), InitialCase::kLower);
  EXPECT_EQ(CaseOfFirst("19"), InitialCase::kOther);
  EXPECT_EQ(CaseOfFirst("\u0627"), InitialCase::kOther);  // Arabic has no case
  EXPECT_EQ(CaseOfFirst(""), InitialCase::kOther);
}

TEST(CharClassTest, SymbolModifiers) {
  EXPECT_TRUE(IsSymbolModifier(U'\uFE0F'));
  EXPECT_TRUE(IsSymbolModifier(U'\U0001F3FD'));
  EXPECT_TRUE(IsSymbolModifier(U'\u200D'));
  EXPECT_TRUE(IsSymbolModifier(U'\u0338'));  // combining long solidus
  EXPECT_FALSE(IsSymbolModifier(U'a'));
}

}  // namespace
}  // namespace sitrep::text
