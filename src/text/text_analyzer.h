// The text layer's pipeline behind the public sitrep::TextAnalyzer:
// validate -> normalise -> tokenise -> dateline -> sentences -> quotes,
// with every offset mapped back to the original text.
#ifndef SITREP_TEXT_TEXT_ANALYZER_H_
#define SITREP_TEXT_TEXT_ANALYZER_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "sitrep/text.h"
#include "text/sentence_splitter.h"
#include "text/text_tables.h"
#include "text/tokenizer.h"

namespace sitrep::text {

class TextAnalyzerImpl : public TextAnalyzer {
 public:
  static absl::StatusOr<std::unique_ptr<TextAnalyzerImpl>> Create();

  Status Analyze(const Document& document, AnalyzedText* out) const override;
  absl::Status AnalyzeText(const Document& document, AnalyzedText* out) const;

 private:
  explicit TextAnalyzerImpl(std::shared_ptr<const TextTables> tables)
      : tables_(std::move(tables)), tokenizer_(*tables_), splitter_(*tables_) {}

  std::shared_ptr<const TextTables> tables_;
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
};

}  // namespace sitrep::text

#endif  // SITREP_TEXT_TEXT_ANALYZER_H_
