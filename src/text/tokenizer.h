// Tokeniser over normalised text.
//
// One left-to-right scan. Words are runs of letters, digits and marks of any
// script, joined across a hyphen between word characters (19-year-old,
// Ahmedbeyli-Fizuli-Shusha, al-Shadadi), a period before a word character
// (2.5, U.S, example.com), , : / between digits (200,000  10:30
// 19/09/2023) and an apostrophe between letters (O'Brien, don't). A final
// period stays with the word when the word is a known abbreviation
// (data/text/abbreviations.tsv), a single capital (an initial) or a dotted
// sequence of single letters (U.S., a.m.). Clitics are then split off as
// Universal Dependencies does: Armenia|'s, do|n't, ca|n't, I|'m. URLs,
// e-mail addresses, @handles and #hashtags are single tokens. Every other
// character is a token of its own, except runs of periods (...) and of
// hyphens (--).
#ifndef SITREP_TEXT_TOKENIZER_H_
#define SITREP_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "text/text_tables.h"

namespace sitrep::text {

enum class QuoteRole : uint8_t { kNone, kOpen, kClose, kUnknown };

// A token as offsets into the normalised text.
struct RawToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t newlines_before = 0;  // line breaks in the preceding space, max 2
  bool space_before = false;    // whitespace (or text start) precedes
  bool space_after = false;     // whitespace (or text end) follows
  QuoteRole quote = QuoteRole::kNone;  // for '"' tokens
};

class Tokenizer {
 public:
  explicit Tokenizer(const TextTables& tables) : tables_(tables) {}

  // Appends the tokens of text[begin, end) to *out. `text` is normalised,
  // valid UTF-8.
  void Tokenize(std::string_view text, uint32_t begin, uint32_t end,
                std::vector<RawToken>* out) const;

 private:
  // Scans a word starting at i; returns its end.
  uint32_t ScanWord(std::string_view text, uint32_t i, uint32_t end,
                    TokenKind* kind) const;
  bool KeepsFinalPeriod(std::string_view word) const;

  const TextTables& tables_;
};

}  // namespace sitrep::text

#endif  // SITREP_TEXT_TOKENIZER_H_
