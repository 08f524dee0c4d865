// Little-endian serialisation of the model file's sections. ByteReader
// never reads past its buffer: every Get returns false instead, so a
// corrupt or hostile file gives an error, not a crash.
#ifndef SITREP_SYNTAX_BYTE_IO_H_
#define SITREP_SYNTAX_BYTE_IO_H_

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace sitrep::syntax {

static_assert(std::endian::native == std::endian::little,
              "the model format is little-endian");

class ByteWriter {
 public:
  void PutU32(uint32_t v) { Append(&v, sizeof v); }
  void PutF32(float v) { Append(&v, sizeof v); }
  void PutString(std::string_view s) {
    PutU32(static_cast<uint32_t>(s.size()));
    bytes_.append(s);
  }
  const std::string& bytes() const { return bytes_; }
  std::string Take() && { return std::move(bytes_); }

 private:
  void Append(const void* p, size_t n) {
    bytes_.append(static_cast<const char*>(p), n);
  }
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  bool GetU32(uint32_t* v) { return Read(v, sizeof *v); }
  bool GetF32(float* v) { return Read(v, sizeof *v); }
  bool GetString(std::string* s) {
    uint32_t size = 0;
    if (!GetU32(&size) || size > bytes_.size()) return false;
    s->assign(bytes_.substr(0, size));
    bytes_.remove_prefix(size);
    return true;
  }
  size_t remaining() const { return bytes_.size(); }

 private:
  bool Read(void* p, size_t n) {
    if (bytes_.size() < n) return false;
    std::memcpy(p, bytes_.data(), n);
    bytes_.remove_prefix(n);
    return true;
  }
  std::string_view bytes_;
};

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_BYTE_IO_H_
