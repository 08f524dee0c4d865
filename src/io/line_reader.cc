#include "io/line_reader.h"

#include <cerrno>
#include <cstring>

#include "common/strings.h"

namespace sitrep::io {
LineReader::LineReader(std::FILE* file, size_t max_line_bytes,
                       size_t chunk_bytes)
    : file_(file), max_line_(max_line_bytes), chunk_(chunk_bytes) {}

void LineReader::Compact() {
  if (start_ > 0) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
}

bool LineReader::Fill() {
  if (eof_) return false;
  Compact();
  const size_t old = buffer_.size();
  buffer_.resize(old + chunk_);
  const size_t got = std::fread(buffer_.data() + old, 1, chunk_, file_);
  buffer_.resize(old + got);
  if (got == 0) {
    eof_ = true;
    if (std::ferror(file_)) {
      status_ =
          absl::DataLossError(StrCat("read error: ", std::strerror(errno)));
    }
    return false;
  }
  return true;
}

std::string_view LineReader::Peek(size_t n) {
  while (buffer_.size() - start_ < n && Fill()) {
  }
  return std::string_view(buffer_).substr(start_, n);
}

bool LineReader::Next(Line* line) {
  size_t scanned = start_;
  for (;;) {
    const size_t nl = buffer_.find('\n', scanned);
    if (nl != std::string::npos) {
      line->text = std::string_view(buffer_).substr(start_, nl - start_);
      line->length = nl - start_;
      line->number = ++line_number_;
      line->too_long = line->length > max_line_;
      if (line->too_long) line->text = {};
      consumed_ += nl + 1 - start_;
      start_ = nl + 1;
      return true;
    }
    if (buffer_.size() - start_ > max_line_) {
      // Too long: drain to the end of the line, counting.
      uint64_t length = buffer_.size() - start_;
      consumed_ += length;
      buffer_.clear();
      start_ = 0;
      for (;;) {
        if (!Fill()) break;
        const size_t end = buffer_.find('\n');
        if (end != std::string::npos) {
          length += end;
          consumed_ += end + 1;
          start_ = end + 1;
          break;
        }
        length += buffer_.size();
        consumed_ += buffer_.size();
        buffer_.clear();
      }
      line->text = {};
      line->length = length;
      line->number = ++line_number_;
      line->too_long = true;
      return true;
    }
    const size_t before = buffer_.size() - start_;
    if (!Fill()) {
      if (!status_.ok() || buffer_.size() == start_) return false;
      // A last line without a newline.
      line->text = std::string_view(buffer_).substr(start_);
      line->length = line->text.size();
      line->number = ++line_number_;
      line->too_long = false;
      consumed_ += line->length;
      start_ = buffer_.size();
      return true;
    }
    scanned = start_ + before;  // Fill() compacted: start_ == 0
  }
}

bool LineReader::ReadRest(size_t max_bytes, std::string* out, uint64_t* total) {
  out->clear();
  while (buffer_.size() - start_ <= max_bytes && Fill()) {
  }
  uint64_t size = buffer_.size() - start_;
  if (size <= max_bytes) {
    out->assign(buffer_, start_, std::string::npos);
    consumed_ += size;
    buffer_.clear();
    start_ = 0;
    *total = size;
    return true;
  }
  consumed_ += size;
  buffer_.clear();
  start_ = 0;
  while (Fill()) {
    size += buffer_.size();
    consumed_ += buffer_.size();
    buffer_.clear();
  }
  *total = size;
  return false;
}

}  // namespace sitrep::io
