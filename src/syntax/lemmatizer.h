// Lemmas and morphological features from a word form and its predicted
// tags, learned from a treebank.
//
// Lemma: (1) the treebank's own lemma for a (form, XPOS) seen in training,
// else for its lowercased form; (2) for an unseen form of a tag that has
// irregular forms, WordNet's exception lists (fled -> flee, men -> man),
// when they were available at training time; (3) otherwise an edit rule
// learned from word types in training: the most frequent "lowercase or
// keep case, strip k characters, append s" rule among training words of
// that XPOS sharing a suffix with the form (planted -> plant, injuries ->
// injury). Rules are tried from the longest shared suffix down, and the
// first whose result is a known lemma of that part of speech (in WordNet's
// index or among the treebank's lemmas) wins: "cancelled" teaches strip
// "led", but "shelled" gives "shell" because "shel" is not a verb. With no
// known result, the longest suffix's rule is used.
// Features: the most frequent FEATS of (lowercased form, UPOS, XPOS) in
// training, falling back to that of (UPOS, XPOS).
#ifndef SITREP_SYNTAX_LEMMATIZER_H_
#define SITREP_SYNTAX_LEMMATIZER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "sitrep/syntax.h"
#include "text/text_tables.h"

namespace sitrep::syntax {

class Lemmatizer {
 public:
  // `wordnet_dir` holds WordNet's verb.exc, noun.exc, adj.exc and adv.exc;
  // missing files are skipped (then irregular unseen forms rely on the
  // rules alone).
  static Lemmatizer Train(
      std::span<const SyntaxSentence> sentences,
      const std::string& wordnet_dir = "/usr/share/wordnet");

  void Serialize(std::string* out) const;
  // Checks every count and length: corrupt bytes give an error.
  static absl::StatusOr<Lemmatizer> Deserialize(std::string_view bytes);

  std::string Lemma(std::string_view form, std::string_view upos,
                    std::string_view xpos) const;
  std::string Feats(std::string_view form, std::string_view upos,
                    std::string_view xpos) const;

  // Whether WordNet's exception lists went into this model.
  bool uses_wordnet() const { return !exceptions_.empty(); }

 private:
  // "lowercase?, strip `strip` bytes, append `append`".
  struct Rule {
    bool lowercase = false;
    uint32_t strip = 0;
    std::string append;
  };
  using Table = absl::flat_hash_map<std::string, std::string,
                                    text::StringViewHash, text::StringViewEq>;
  using RuleTable =
      absl::flat_hash_map<std::string, uint32_t, text::StringViewHash,
                          text::StringViewEq>;

  std::string ApplyRule(std::string_view form, const Rule& rule) const;

  // Keys join their parts with '\t'.
  Table lemmas_;        // form \t xpos -> lemma
  Table lower_lemmas_;  // lowercased form \t xpos -> lemma
  Table exceptions_;    // lowercased form \t class (v, n, a, r) -> lemma
  absl::flat_hash_set<std::string, text::StringViewHash, text::StringViewEq>
      known_lemmas_;  // lemma \t class: treebank and WordNet index lemmas
  Table feats_;       // lowercased form \t upos \t xpos -> feats
  Table tag_feats_;   // upos \t xpos -> feats
  std::vector<Rule> rules_;
  RuleTable suffix_rules_;  // xpos \t suffix -> rule index ("" suffix: default)
};

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_LEMMATIZER_H_
