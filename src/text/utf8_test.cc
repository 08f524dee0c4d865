#include "text/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace sitrep::text {
namespace {

struct Utf8Case {
  const char* name;
  std::string bytes;
  size_t first_invalid;  // npos: valid
};

constexpr size_t kValid = std::string_view::npos;

TEST(Utf8Test, FindInvalid) {
  const Utf8Case cases[] = {
      {"empty", "", kValid},
      {"ascii", "Shusha", kValid},
      {"two byte",
       "\xC5\x9Eu\xC5\x9F"
       "a",
       kValid},                                   // Şuşa
      {"three byte", "\xE2\x80\x94", kValid},     // em dash
      {"four byte", "\xF0\x9F\x98\x80", kValid},  // emoji
      {"schwa", "Xank\xC9\x99ndi", kValid},
      {"lone continuation", "ab\x80", 2},
      {"truncated two byte", "ab\xC5", 2},
      {"truncated three byte", "a\xE2\x80", 1},
      {"overlong slash", "\xC0\xAF", 0},
      {"overlong three byte", "\xE0\x80\xAF", 0},
      {"surrogate", "x\xED\xA0\x80", 1},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"F5 lead", "\xF5\x80\x80\x80", 0},
      {"FF byte", "ok \xFF", 3},
      {"bad second continuation", "\xE2\x28\xA1", 0},
      {"latin-1 e acute", "caf\xE9", 3},
  };
  for (const Utf8Case& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.bytes), c.first_invalid) << c.name;
  }
}

TEST(Utf8Test, DecodeAndEncodeRoundTrip) {
  for (char32_t c : {U'A', U'\u00E9', U'\u0259', U'\u2014', U'\U0001F600'}) {
    std::string s;
    AppendUtf8(c, &s);
    int len = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, &len), c);
    EXPECT_EQ(static_cast<size_t>(len), s.size());
  }
}

}  // namespace
}  // namespace sitrep::text
