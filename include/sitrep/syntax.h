// Syntax: Universal Dependencies sentences, CoNLL-U input and output, and
// the part-of-speech tagger, lemmatiser and dependency parser that fill them.
#ifndef SITREP_SYNTAX_H_
#define SITREP_SYNTAX_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

// One syntactic word: a CoNLL-U line with an integer ID. Word i of a
// sentence has ID i + 1; `head` is the ID of its head, 0 for the root and
// -1 when not known. Empty string fields are written as "_".
struct SyntaxWord {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string feats;
  int head = -1;
  std::string deprel;
  std::string deps;
  std::string misc;
};

// A multiword token (CoNLL-U "first-last" line): the surface token `form`
// covers words first..last (IDs, 1-based, inclusive), e.g. "don't" over
// "do" and "n't".
struct MultiwordToken {
  int first = 0;
  int last = 0;
  std::string form;
  std::string misc;
};

struct SyntaxSentence {
  // Comment lines without their leading "#" and one following space, in
  // order (e.g. "sent_id = x", "text = ...", "newdoc id = y").
  std::vector<std::string> comments;
  std::vector<SyntaxWord> words;
  std::vector<MultiwordToken> multiword_tokens;  // in ID order
  // Empty nodes (decimal IDs, enhanced dependencies) are kept verbatim so
  // that a file round-trips; the basic tree ignores them.
  std::vector<std::string> empty_node_lines;

  // The value of the first "key = value" comment, or "" if none.
  std::string Comment(const std::string& key) const;
};

// Reads CoNLL-U sentence by sentence. A malformed sentence (bad ID order,
// a column count other than ten, a head outside the sentence, a line over
// the size limit, invalid UTF-8) is skipped with an error naming its first
// line; reading goes on with the next sentence.
class ConlluReader {
 public:
  // `path` "-" reads standard input.
  static StatusOr<std::unique_ptr<ConlluReader>> Open(const std::string& path);
  static std::unique_ptr<ConlluReader> FromStream(std::istream* in,
                                                  std::string name);
  virtual ~ConlluReader() = default;

  // Returns true with the next sentence in `*sentence`, or false at the end
  // of input. A skipped sentence leaves its message in `*error` (otherwise
  // cleared) and returns true with `*sentence` empty (no words).
  virtual bool Next(SyntaxSentence* sentence, std::string* error) = 0;
};

// Reads a whole CoNLL-U file; fails on the first malformed sentence.
StatusOr<std::vector<SyntaxSentence>> ReadConlluFile(const std::string& path);

// Writes one sentence as CoNLL-U, followed by its blank line.
void WriteConllu(const SyntaxSentence& sentence, std::ostream* out);
std::string ToConllu(const SyntaxSentence& sentence);

// A trained tagger, lemmatiser and parser, loaded from a model file. The
// model is read-only once loaded: one Parser may serve any number of
// threads.
class Parser {
 public:
  // Loads a model written by TrainParser. A missing, truncated, corrupt or
  // wrong-version file gives an error that says which.
  static StatusOr<std::unique_ptr<Parser>> Load(const std::string& path);

  virtual ~Parser() = default;

  // Fills upos, xpos, feats, lemma, head and deprel of every word from the
  // word forms; other fields are kept. The result is always a tree: exactly
  // one word attached to the root, no cycles. Sentences are independent;
  // giving several at once lets them share the vectorised work. A sentence
  // of more than 256 words is parsed in windows of 256 whose roots attach
  // to the first window's root as `parataxis`.
  virtual void Parse(std::span<SyntaxSentence> sentences) const = 0;

  // A short description: treebank, sizes, training scores.
  virtual std::string Describe() const = 0;
};

struct ParserTrainingOptions {
  std::string train_path;  // CoNLL-U
  std::string dev_path;    // CoNLL-U, for choosing the best epoch
  std::string output_path;
  int epochs = 0;  // 0: the default schedule
  int threads = 2;
  uint64_t seed = 1;
  // Called with a line of progress (epoch, loss, dev scores, time).
  std::function<void(const std::string&)> log;
};

// Trains a model and writes it to options.output_path. Deterministic for a
// given seed, thread count and build.
Status TrainParser(const ParserTrainingOptions& options);

// Attachment and tagging scores in the CoNLL 2018 shared task's sense:
// each is the F1 (in percent) of correct words over system and gold words,
// which is plain accuracy when the tokenisation is the gold one.
struct UdScores {
  size_t gold_words = 0;
  size_t system_words = 0;
  size_t aligned_words = 0;  // words matched by character span
  double words_f1 = 0;       // 100 when tokenisation is the gold one
  double upos = 0;
  double xpos = 0;
  double ufeats = 0;
  double lemma = 0;
  double uas = 0;
  double las = 0;   // the universal part of the relation (before ':')
  double clas = 0;  // LAS over content words (no aux, case, cc, clf, cop,
                    // det, mark, punct)
};

// Scores `system` against `gold`. The two are aligned on the characters of
// their word forms, whitespace ignored, as the CoNLL 2018 evaluation
// script does, so a system with its own tokenisation can be scored too.
StatusOr<UdScores> EvaluateUd(std::span<const SyntaxSentence> gold,
                              std::span<const SyntaxSentence> system);

}  // namespace sitrep

#endif  // SITREP_SYNTAX_H_
