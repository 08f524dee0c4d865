// Sentence splitting over tokens.
//
// Boundaries come from two sources. Line structure: a blank line always
// ends a sentence; a single line break ends one before a bullet item, and,
// unless the text is hard-wrapped prose, before any line that does not
// continue the previous one (a lowercase start or a trailing comma
// continues it). A text counts as hard-wrapped when most of its single line
// breaks fall after lines of 30+ characters and many of them run into a
// lowercase word (or the text is in capitals). Punctuation: . ! ? and ...
// end a sentence unless the next word starts in lowercase; closing quotes
// and brackets that follow without a space stay with the sentence they
// close. A period kept inside an abbreviation token ends a sentence
// according to its class (data/text/abbreviations.tsv): titles and "e.g."
// never, "U.S." / "a.m." / "etc." and month or number abbreviations only
// before a common sentence-opening word (data/text/sentence_starters.tsv).
// No sentence is longer than kMaxSentenceTokens: a longer run is cut after
// its last ; or , (or at the limit), so later stages stay bounded.
#ifndef SITREP_TEXT_SENTENCE_SPLITTER_H_
#define SITREP_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "text/text_tables.h"
#include "text/tokenizer.h"

namespace sitrep::text {

class SentenceSplitter {
 public:
  static constexpr size_t kMaxSentenceTokens = 400;

  explicit SentenceSplitter(const TextTables& tables) : tables_(tables) {}

  // Splits tokens[first, tokens.size()) of normalised `text` into
  // sentences, appending half-open token index ranges to *sentences.
  void Split(std::string_view text, const std::vector<RawToken>& tokens,
             size_t first,
             std::vector<std::pair<size_t, size_t>>* sentences) const;

 private:
  const TextTables& tables_;
};

}  // namespace sitrep::text

#endif  // SITREP_TEXT_SENTENCE_SPLITTER_H_
