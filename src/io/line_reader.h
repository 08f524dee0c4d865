// Bounded, buffered reading of lines from a stream. A line longer than the
// limit is skipped (and measured) without ever being held whole, so memory
// stays at about limit + one read chunk whatever the input.
#ifndef SITREP_IO_LINE_READER_H_
#define SITREP_IO_LINE_READER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace sitrep::io {

class LineReader {
 public:
  // Reads from `file`, which stays owned by the caller, `chunk_bytes` at a
  // time.
  LineReader(std::FILE* file, size_t max_line_bytes,
             size_t chunk_bytes = size_t{1} << 20);

  struct Line {
    std::string_view text;  // without the '\n'; valid until the next call
    uint64_t number = 0;    // 1-based
    uint64_t length = 0;    // full length, also when too long
    bool too_long = false;  // text is empty then
  };

  // Reads the next line. Returns false at the end of input (a final line
  // without '\n' is still returned) or on a read error (see status()).
  bool Next(Line* line);

  // The first up to `n` bytes not yet consumed, without consuming them.
  std::string_view Peek(size_t n);

  // Reads everything that is left, up to `max_bytes`; *total gets the full
  // remaining size. Returns false if there was more than max_bytes (the
  // rest is drained and *out holds nothing).
  bool ReadRest(size_t max_bytes, std::string* out, uint64_t* total);

  uint64_t bytes_consumed() const { return consumed_; }
  const absl::Status& status() const { return status_; }

 private:
  // Appends up to one chunk to the buffer; false at end of input or error.
  bool Fill();
  void Compact();

  std::FILE* file_;
  size_t max_line_;
  size_t chunk_;
  std::string buffer_;
  size_t start_ = 0;  // first unconsumed byte in buffer_
  uint64_t line_number_ = 0;
  uint64_t consumed_ = 0;
  bool eof_ = false;
  absl::Status status_;
};

}  // namespace sitrep::io

#endif  // SITREP_IO_LINE_READER_H_
