// Text normalisation before splitting and tokenising: NFC composition,
// typographic quotes, dashes and ellipses to their ASCII forms, Unicode
// spaces to a space, zero-width and soft-hyphen characters removed, control
// characters to a space. The original offsets stay recoverable.
#ifndef SITREP_TEXT_NORMALIZER_H_
#define SITREP_TEXT_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "text/offset_map.h"

namespace sitrep::text {

class NormalizedText {
 public:
  // The normalised text. Points into the original when nothing changed.
  std::string_view text() const {
    return owned_ ? std::string_view(storage_) : original_;
  }
  // Original offsets of a span of text().
  uint32_t OriginalBegin(uint32_t offset) const;
  uint32_t OriginalEnd(uint32_t offset) const;
  bool identity() const { return punct_.identity() && nfc_.identity(); }

  // Maps a sequence of spans whose begins, and whose ends, do not decrease
  // (tokens in text order) in linear total time.
  class SpanMapper {
   public:
    explicit SpanMapper(const NormalizedText& text) : text_(text) {}
    uint32_t Begin(uint32_t offset) {
      return text_.punct_.MapBegin(text_.nfc_.MapBegin(offset, &nfc_begin_),
                                   &punct_begin_);
    }
    uint32_t End(uint32_t offset) {
      return text_.punct_.MapEnd(text_.nfc_.MapEnd(offset, &nfc_end_),
                                 &punct_end_);
    }

   private:
    const NormalizedText& text_;
    size_t nfc_begin_ = 0, punct_begin_ = 0, nfc_end_ = 0, punct_end_ = 0;
  };

 private:
  friend absl::StatusOr<NormalizedText> Normalize(std::string_view);
  std::string_view original_;
  std::string storage_;
  bool owned_ = false;
  OffsetMap punct_;  // stage 1 (punctuation, spaces) -> original
  OffsetMap nfc_;    // stage 2 (NFC) -> stage 1
};

// Normalises valid UTF-8 `original` (the caller validates). The result may
// point into `original`, which must outlive it. Fails only when ICU fails.
absl::StatusOr<NormalizedText> Normalize(std::string_view original);

}  // namespace sitrep::text

#endif  // SITREP_TEXT_NORMALIZER_H_
