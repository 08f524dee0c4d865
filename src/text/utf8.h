// UTF-8 validation and decoding.
#ifndef SITREP_TEXT_UTF8_H_
#define SITREP_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sitrep::text {

// Byte offset of the first byte that is not part of a well-formed UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// ill-formed), or std::string_view::npos when `s` is valid. Fast path for
// valid input (simdjson's validator); the scalar scan runs only on failure.
size_t FindInvalidUtf8(std::string_view s);

// Decodes the code point starting at s[i] of valid UTF-8 and stores its
// length in *length. Precondition: i < s.size() and `s` is valid UTF-8.
inline char32_t DecodeUtf8(std::string_view s, size_t i, int* length) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *length = 1;
    return b0;
  }
  auto cont = [&](size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F);
  };
  if (b0 < 0xE0) {
    *length = 2;
    return (static_cast<char32_t>(b0 & 0x1F) << 6) | cont(1);
  }
  if (b0 < 0xF0) {
    *length = 3;
    return (static_cast<char32_t>(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2);
  }
  *length = 4;
  return (static_cast<char32_t>(b0 & 0x07) << 18) | (cont(1) << 12) |
         (cont(2) << 6) | cont(3);
}

// Appends the UTF-8 encoding of `c` (a valid scalar value) to *out.
template <typename String>
void AppendUtf8(char32_t c, String* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace sitrep::text

#endif  // SITREP_TEXT_UTF8_H_
