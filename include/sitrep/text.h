// The text layer: UTF-8 validation, normalisation, dateline detection,
// sentence splitting, tokenisation and quotations.
#ifndef SITREP_TEXT_H_
#define SITREP_TEXT_H_

#include <memory>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

class TextAnalyzer {
 public:
  // Builds the analyser from the tables compiled into the binary
  // (abbreviations, sentence starters). Fails only if those are corrupt.
  static StatusOr<std::unique_ptr<TextAnalyzer>> Create();

  virtual ~TextAnalyzer() = default;

  // Analyses `document.text`. Returns InvalidArgument (and leaves *out
  // empty) for text that is not valid UTF-8 or larger than 4 GiB. Spans in
  // *out point into document.text. Thread-safe: one analyser may serve any
  // number of threads.
  virtual Status Analyze(const Document& document, AnalyzedText* out) const = 0;
};

}  // namespace sitrep

#endif  // SITREP_TEXT_H_
