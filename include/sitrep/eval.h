// Scoring against gold files, the way UDPipe's --accuracy scores a model.
#ifndef SITREP_EVAL_H_
#define SITREP_EVAL_H_

#include <cstddef>
#include <string>

#include "sitrep/status.h"
#include "sitrep/text.h"

namespace sitrep {

struct PrecisionRecall {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct SentenceBoundaryScores {
  size_t documents = 0;
  size_t gold_sentences = 0;
  size_t predicted_sentences = 0;
  // Boundaries between sentences inside a document (the end of the last
  // sentence is not counted: it is always right).
  PrecisionRecall boundaries;
  // Sentences whose both ends match.
  PrecisionRecall sentences;
};

// Rebuilds each `# newdoc` document of a CoNLL-U file from its `# text`
// lines (a blank line between paragraphs, a space between sentences), splits
// it with `analyzer` and compares the boundaries with the gold ones.
StatusOr<SentenceBoundaryScores> EvaluateSentenceBoundaries(
    const std::string& conllu_path, const TextAnalyzer& analyzer);

}  // namespace sitrep

#endif  // SITREP_EVAL_H_
