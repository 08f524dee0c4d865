#include "text/normalizer.h"

#include <string>

#include "gtest/gtest.h"

namespace sitrep::text {
namespace {

struct NormCase {
  const char* name;
  std::string input;
  std::string expected;
};

TEST(NormalizerTest, Table) {
  const NormCase cases[] = {
      {"plain ascii", "Fuzuli district", "Fuzuli district"},
      {"curly double quotes", "\u201CWe struck,\u201D he said",
       "\"We struck,\" he said"},
      {"curly apostrophe", "Armenia\u2019s army", "Armenia's army"},
      {"low-9 and guillemets", "\u201Ea\u201C \u00ABb\u00BB", "\"a\" \"b\""},
      {"en dash joins", "Ahmedbeyli\u2013Fizuli", "Ahmedbeyli-Fizuli"},
      {"em dash", "KYIV (AP) \u2014 Drones", "KYIV (AP) -- Drones"},
      {"minus sign", "\u22125 degrees", "-5 degrees"},
      {"ellipsis", "wait\u2026 then", "wait... then"},
      {"no-break space", "10\u00A0km", "10 km"},
      {"narrow no-break space", "10\u202Fkm", "10 km"},
      {"ideographic space", "a\u3000b", "a b"},
      {"zero-width space", "Shu\u200Bsha", "Shusha"},
      {"soft hyphen", "Stepa\u00ADnakert", "Stepanakert"},
      {"byte order mark", "\uFEFFText", "Text"},
      {"direction marks", "a\u200Eb\u200Fc", "abc"},
      {"line separator", "a\u2028b", "a\nb"},
      {"control characters",
       std::string("a\x01"
                   "b\x7F"
                   "c"),
       "a b c"},
      {"tab and newline kept", "a\tb\nc", "a\tb\nc"},
      {"nfc composes", "Fu\u0308zuli", "F\u00FCzuli"},
      {"nfc schwa kept", "Xank\u0259ndi", "Xank\u0259ndi"},
      {"zero-width joiner kept", "\U0001F469\u200D\U0001F4BB",
       "\U0001F469\u200D\U0001F4BB"},
      {"mixed", "\u201CShu\u0301sha\u201D \u2013 10\u00A0km",
       "\"Sh\u00FAsha\" - 10 km"},
  };
  for (const NormCase& c : cases) {
    auto n = Normalize(c.input);
    ASSERT_TRUE(n.ok()) << c.name;
    EXPECT_EQ(n->text(), c.expected) << c.name;
  }
}

TEST(NormalizerTest, PlainAsciiIsNotCopied) {
  const std::string input = "Plain text.";
  auto n = Normalize(input);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text().data(), input.data());
  EXPECT_TRUE(n->identity());
}

TEST(NormalizerTest, OffsetsMapBackThroughBothStages) {
  // “Füzuli” with a decomposed ü, then a no-break space and "km".
  const std::string input = "\u201CFu\u0308zuli\u201D\u00A0km";
  auto n = Normalize(input);
  ASSERT_TRUE(n.ok());
  const std::string_view t = n->text();
  ASSERT_EQ(t, "\"F\u00FCzuli\" km");
  // The word F\u00FCzuli: normalised [1, 8) -> original [3, 11).
  EXPECT_EQ(n->OriginalBegin(1), 3u);
  EXPECT_EQ(n->OriginalEnd(8), 11u);
  EXPECT_EQ(input.substr(3, 8), "Fu\u0308zuli");
  // The closing quote: normalised [8, 9) -> original [11, 14).
  EXPECT_EQ(n->OriginalBegin(8), 11u);
  EXPECT_EQ(n->OriginalEnd(9), 14u);
  // "km": normalised [10, 12) -> original [16, 18).
  EXPECT_EQ(n->OriginalBegin(10), 16u);
  EXPECT_EQ(n->OriginalEnd(12), 18u);
}

TEST(NormalizerTest, MovedResultKeepsItsText) {
  auto n = Normalize("\u201Cshort\u201D");
  ASSERT_TRUE(n.ok());
  NormalizedText moved = *std::move(n);
  EXPECT_EQ(moved.text(), "\"short\"");
}

}  // namespace
}  // namespace sitrep::text
