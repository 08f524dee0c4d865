// Finds the known phrases of a sentence: a trie over words, where each word
// of a phrase matches a token by its case-folded form or by its case-folded
// lemma ("armed forces" matches "armed" + lemma "force"), or, for phrases
// marked case-sensitive (acronyms such as "IS"), by the exact form only.
#ifndef SITREP_LEXICON_PHRASE_MATCHER_H_
#define SITREP_LEXICON_PHRASE_MATCHER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace sitrep::lexicon {

// Case folding for matching: full Unicode simple case folding, ASCII fast.
std::string FoldCase(std::string_view s);

class PhraseMatcher {
 public:
  struct Phrase {
    std::vector<std::string> words;  // folded, unless case_sensitive
    bool case_sensitive = false;
    uint8_t kind = 0;  // the caller's tag (lexicon::EntryKind)
    uint32_t index = 0;
  };
  struct Match {
    uint32_t begin = 0;  // token index
    uint32_t end = 0;    // one past the last token
    uint8_t kind = 0;
    uint32_t index = 0;
  };
  // What a token offers to the matcher: its form and lemma as written.
  struct TokenView {
    std::string_view form;
    std::string_view lemma;
  };

  void Add(Phrase phrase);
  const std::vector<Phrase>& phrases() const { return phrases_; }

  // Every match of every phrase, ordered by begin, then longer first.
  void FindAll(std::span<const TokenView> tokens,
               std::vector<Match>* out) const;

 private:
  uint32_t WordId(const std::string& word);
  uint32_t FindWord(std::string_view word) const;
  static uint64_t EdgeKey(uint32_t node, uint32_t word) {
    return (static_cast<uint64_t>(node) << 32) | word;
  }

  std::vector<Phrase> phrases_;
  absl::flat_hash_map<std::string, uint32_t> words_;
  absl::flat_hash_map<uint64_t, uint32_t> edges_;
  std::vector<std::vector<uint32_t>> ends_;  // node -> phrases ending there
};

}  // namespace sitrep::lexicon

#endif  // SITREP_LEXICON_PHRASE_MATCHER_H_
