#include "text/char_class.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace sitrep::text {

bool IsWordCodePoint(char32_t c) {
  const uint32_t mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

bool IsUpperCodePoint(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) ||
         u_istitle(static_cast<UChar32>(c));
}

bool IsLowerCodePoint(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

bool IsSymbolModifier(char32_t c) {
  return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
         c == 0x200D || c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F) ||
         // Combining marks: NFC can decompose a symbol into a base and a
         // mark (U+2ADC), which must stay one token.
         (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

InitialCase CaseOfFirst(std::string_view s) {
  if (s.empty()) return InitialCase::kOther;
  const auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) {
    if (IsAsciiUpper(b)) return InitialCase::kUpper;
    if (IsAsciiLower(b)) return InitialCase::kLower;
    return InitialCase::kOther;
  }
  int len = 0;
  const char32_t c = DecodeUtf8(s, 0, &len);
  if (IsUpperCodePoint(c)) return InitialCase::kUpper;
  if (IsLowerCodePoint(c)) return InitialCase::kLower;
  return InitialCase::kOther;
}

}  // namespace sitrep::text
