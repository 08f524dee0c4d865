// Small string helpers over the standard library and fmt. (Debian's abseil
// has its own absl::string_view, not std::string_view, so its string
// functions are not used with std::string_view.)
#ifndef SITREP_COMMON_STRINGS_H_
#define SITREP_COMMON_STRINGS_H_

#include <charconv>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace sitrep {

// Concatenates the fmt "{}" renderings of args.
template <typename... Args>
std::string StrCat(const Args&... args) {
  std::string out;
  (fmt::format_to(std::back_inserter(out), "{}", args), ...);
  return out;
}

// Splits on every `sep`; keeps empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);

// Strips ASCII whitespace at both ends.
std::string_view StripSpace(std::string_view s);

std::string AsciiLower(std::string_view s);

// Trims `s` and turns every run of ASCII whitespace inside it into one space.
std::string CollapseWhitespace(std::string_view s);

// Parses a whole decimal integer; false on anything else.
template <typename Int>
bool ParseInt(std::string_view s, Int* value) {
  if (s.empty()) return false;
  const auto [end, error] =
      std::from_chars(s.data(), s.data() + s.size(), *value);
  return error == std::errc() && end == s.data() + s.size();
}

// Parses a whole decimal number ("0.85"); false on anything else.
inline bool ParseDouble(std::string_view s, double* value) {
  if (s.empty()) return false;
  const auto [end, error] =
      std::from_chars(s.data(), s.data() + s.size(), *value);
  return error == std::errc() && end == s.data() + s.size();
}

}  // namespace sitrep

#endif  // SITREP_COMMON_STRINGS_H_
