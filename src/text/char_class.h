// Character classes used by the tokeniser, dateline detector and sentence
// splitter. ASCII through a table; other code points through ICU's general
// category.
#ifndef SITREP_TEXT_CHAR_CLASS_H_
#define SITREP_TEXT_CHAR_CLASS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sitrep::text {

inline bool IsAsciiSpace(unsigned char b) {
  return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' ||
         b == '\v';
}
inline bool IsAsciiAlpha(unsigned char b) {
  return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}
inline bool IsAsciiDigit(unsigned char b) { return b >= '0' && b <= '9'; }
inline bool IsAsciiUpper(unsigned char b) { return b >= 'A' && b <= 'Z'; }
inline bool IsAsciiLower(unsigned char b) { return b >= 'a' && b <= 'z'; }

// Letters, combining marks and numbers of any script (ICU general
// categories L*, M*, N*).
bool IsWordCodePoint(char32_t c);
bool IsUpperCodePoint(char32_t c);
bool IsLowerCodePoint(char32_t c);
// Code points that attach to the preceding symbol: variation selectors,
// emoji skin-tone modifiers, zero-width joiner, combining marks.
bool IsSymbolModifier(char32_t c);

// Case of the first character of `s` (valid UTF-8), for sentence decisions.
enum class InitialCase { kUpper, kLower, kOther };
InitialCase CaseOfFirst(std::string_view s);

}  // namespace sitrep::text

#endif  // SITREP_TEXT_CHAR_CLASS_H_
