#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include "text/char_class.h"
#include "text/utf8.h"

namespace sitrep::text {
namespace {

// Longer words are never looked up as abbreviations (keeps scans linear).
constexpr uint32_t kMaxAbbreviation = 16;

// Byte length of the word character at t[i], or 0 if t[i] does not start
// one (or i >= end).
inline int WordCharLength(std::string_view t, uint32_t i, uint32_t end) {
  if (i >= end) return 0;
  const auto b = static_cast<unsigned char>(t[i]);
  if (b < 0x80) return (IsAsciiAlpha(b) || IsAsciiDigit(b) || b == '_') ? 1 : 0;
  int len = 0;
  const char32_t c = DecodeUtf8(t, i, &len);
  return IsWordCodePoint(c) ? len : 0;
}

// A letter (a word character that is not an ASCII digit) starts at t[i].
inline bool LetterAt(std::string_view t, uint32_t i, uint32_t end) {
  return WordCharLength(t, i, end) > 0 &&
         !IsAsciiDigit(static_cast<unsigned char>(t[i]));
}

inline bool DigitAt(std::string_view t, uint32_t i, uint32_t end) {
  return i < end && IsAsciiDigit(static_cast<unsigned char>(t[i]));
}

// "//" and "." are not letters, so the prefixes are compared by OR-ing
// 0x20 only where the prefix has a letter.
bool UrlPrefixAt(std::string_view t, uint32_t i, uint32_t end) {
  auto starts = [&](std::string_view p) {
    if (end - i < p.size()) return false;
    for (size_t k = 0; k < p.size(); ++k) {
      const auto c = static_cast<unsigned char>(t[i + k]);
      const bool letter = IsAsciiAlpha(static_cast<unsigned char>(p[k]));
      if ((letter ? (c | 0x20) : c) != static_cast<unsigned char>(p[k])) {
        return false;
      }
    }
    return true;
  };
  if (starts("http://") || starts("https://") || starts("ftp://")) return true;
  return starts("www.") && WordCharLength(t, i + 4, end) > 0;
}

bool IsSpaceAt(std::string_view t, uint32_t i) {
  return IsAsciiSpace(static_cast<unsigned char>(t[i]));
}

// Length of an e-mail domain (label(.label)+) starting at t[i], or 0.
uint32_t EmailDomainLength(std::string_view t, uint32_t i, uint32_t end) {
  uint32_t j = i;
  int labels = 0;
  for (;;) {
    const uint32_t start = j;
    while (j < end &&
           (IsAsciiAlpha(static_cast<unsigned char>(t[j])) ||
            IsAsciiDigit(static_cast<unsigned char>(t[j])) || t[j] == '-')) {
      ++j;
    }
    if (j == start) return 0;
    ++labels;
    if (j + 1 < end && t[j] == '.' &&
        (IsAsciiAlpha(static_cast<unsigned char>(t[j + 1])) ||
         IsAsciiDigit(static_cast<unsigned char>(t[j + 1])))) {
      ++j;
      continue;
    }
    break;
  }
  return labels >= 2 ? j - i : 0;
}

inline bool IsAsciiPunct(unsigned char c) {
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '\'':
    case '"':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '-':
    case '/':
    case '\\':
      return true;
    default:
      return false;
  }
}

// Splits a word token into the word and its clitic, UD style. Returns the
// split offset, or `end` for none.
uint32_t CliticSplit(std::string_view t, uint32_t begin, uint32_t end) {
  const uint32_t n = end - begin;
  if (n >= 4 && (t[end - 3] | 0x20) == 'n' && t[end - 2] == '\'' &&
      (t[end - 1] | 0x20) == 't') {
    return end - 3;
  }
  for (uint32_t k = end - 1; k > begin; --k) {
    if (t[k] != '\'') continue;
    const std::string_view suffix = t.substr(k + 1, end - k - 1);
    auto is = [&](std::string_view s) {
      if (suffix.size() != s.size()) return false;
      for (size_t q = 0; q < s.size(); ++q) {
        if ((static_cast<unsigned char>(suffix[q]) | 0x20) != s[q])
          return false;
      }
      return true;
    };
    if (is("s") || is("re") || is("ve") || is("ll") || is("d") || is("m")) {
      return k;
    }
    break;  // only the last apostrophe can start a clitic
  }
  return end;
}

}  // namespace

bool Tokenizer::KeepsFinalPeriod(std::string_view word) const {
  if (tables_.FindAbbreviation(word) != nullptr) return true;
  const std::string_view body = word.substr(0, word.size() - 1);
  // An initial: one capital letter.
  if (body.size() == 1)
    return IsAsciiUpper(static_cast<unsigned char>(body[0]));
  if (static_cast<unsigned char>(body[0]) >= 0x80) {
    int len = 0;
    const char32_t c = DecodeUtf8(body, 0, &len);
    if (static_cast<size_t>(len) == body.size()) return IsUpperCodePoint(c);
  }
  // Single letters joined by periods: U.S, a.m, e.g.
  if (body.size() < 3) return false;
  for (size_t k = 0; k < body.size(); ++k) {
    const auto c = static_cast<unsigned char>(body[k]);
    if (k % 2 == 0 ? !IsAsciiAlpha(c) : c != '.') return false;
  }
  return true;
}

uint32_t Tokenizer::ScanWord(std::string_view t, uint32_t i, uint32_t end,
                             TokenKind* kind) const {
  uint32_t j = i;
  bool numeric = true;       // only digits and , . : / - so far
  bool last_letter = false;  // the last consumed character is a letter
  *kind = TokenKind::kWord;
  while (j < end) {
    if (const int len = WordCharLength(t, j, end)) {
      const bool digit = IsAsciiDigit(static_cast<unsigned char>(t[j]));
      numeric = numeric && digit;
      last_letter = !digit;
      j += len;
      continue;
    }
    const char c = t[j];
    const bool last_digit = IsAsciiDigit(static_cast<unsigned char>(t[j - 1]));
    if ((c == '-' || c == '.') && WordCharLength(t, j + 1, end) > 0) {
      ++j;
      last_letter = false;
      continue;
    }
    if ((c == ',' || c == ':' || c == '/') && last_digit &&
        DigitAt(t, j + 1, end)) {
      ++j;
      continue;
    }
    if (c == '\'' && last_letter && LetterAt(t, j + 1, end)) {
      ++j;
      numeric = false;
      continue;
    }
    if (c == '@') {
      if (const uint32_t d = EmailDomainLength(t, j + 1, end)) {
        *kind = TokenKind::kEmail;
        return j + 1 + d;
      }
      break;
    }
    // "U.S.-backed": an abbreviation's period followed by a hyphen.
    if (c == '.' && j + 2 < end && t[j + 1] == '-' &&
        j + 1 - i <= kMaxAbbreviation && WordCharLength(t, j + 2, end) > 0 &&
        KeepsFinalPeriod(t.substr(i, j + 1 - i))) {
      j += 2;
      numeric = false;
      continue;
    }
    break;
  }
  if (j < end && t[j] == '.' && !(j + 1 < end && t[j + 1] == '.') &&
      j + 1 - i <= kMaxAbbreviation &&
      KeepsFinalPeriod(t.substr(i, j + 1 - i))) {
    ++j;
    numeric = false;
  }
  if (numeric && IsAsciiDigit(static_cast<unsigned char>(t[i]))) {
    *kind = TokenKind::kNumber;
  }
  return j;
}

void Tokenizer::Tokenize(std::string_view t, uint32_t begin, uint32_t end,
                         std::vector<RawToken>* out) const {
  uint32_t i = begin;
  int newlines = 0;
  bool space = true;
  auto emit = [&](uint32_t b, uint32_t e, TokenKind kind) {
    RawToken tok;
    tok.begin = b;
    tok.end = e;
    tok.kind = kind;
    tok.newlines_before = static_cast<uint8_t>(newlines > 2 ? 2 : newlines);
    tok.space_before = space;
    tok.space_after = e >= end || IsSpaceAt(t, e);
    if (e - b == 1 && t[b] == '"') {
      tok.quote = tok.space_before && !tok.space_after   ? QuoteRole::kOpen
                  : !tok.space_before && tok.space_after ? QuoteRole::kClose
                                                         : QuoteRole::kUnknown;
    }
    out->push_back(tok);
    newlines = 0;
    space = false;
  };

  while (i < end) {
    const auto b = static_cast<unsigned char>(t[i]);
    if (IsAsciiSpace(b)) {
      if (b == '\n') ++newlines;
      space = true;
      ++i;
      continue;
    }
    // URLs.
    if ((b == 'h' || b == 'H' || b == 'f' || b == 'F' || b == 'w' ||
         b == 'W') &&
        UrlPrefixAt(t, i, end)) {
      uint32_t j = i;
      int open = 0;
      int close = 0;
      while (j < end && !IsSpaceAt(t, j)) {
        open += t[j] == '(';
        close += t[j] == ')';
        ++j;
      }
      // Trailing punctuation belongs to the sentence, not the URL.
      while (j > i + 1) {
        const char c = t[j - 1];
        if (c == ')' && close > open) {
          --close;
          --j;
        } else if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
                   c == '?' || c == '"' || c == '\'' || c == ']' || c == '}' ||
                   c == '>') {
          --j;
        } else {
          break;
        }
      }
      emit(i, j, TokenKind::kUrl);
      i = j;
      continue;
    }
    // Words, numbers, e-mail addresses, with clitics split off.
    if (WordCharLength(t, i, end) > 0) {
      TokenKind kind;
      const uint32_t j = ScanWord(t, i, end, &kind);
      if (kind == TokenKind::kWord) {
        const uint32_t split = CliticSplit(t, i, j);
        if (split != j) {
          emit(i, split, TokenKind::kWord);
          emit(split, j, TokenKind::kWord);
          i = j;
          continue;
        }
      }
      emit(i, j, kind);
      i = j;
      continue;
    }
    // @handles and #hashtags, not inside a word.
    if ((b == '@' || b == '#') &&
        (i == begin || space || !LetterAt(t, i - 1, end))) {
      uint32_t j = i + 1;
      if (b == '@' ? WordCharLength(t, j, end) > 0 : LetterAt(t, j, end)) {
        while (const int len = WordCharLength(t, j, end)) j += len;
        emit(i, j, b == '@' ? TokenKind::kHandle : TokenKind::kHashtag);
        i = j;
        continue;
      }
    }
    // A clitic after a token that kept its period: U.N.'s -> U.N. 's
    if (b == '\'' && !space && i > begin && t[i - 1] == '.') {
      uint32_t j = i + 1;
      while (j < end && IsAsciiAlpha(static_cast<unsigned char>(t[j]))) ++j;
      if (j > i + 1 && WordCharLength(t, j, end) == 0 &&
          CliticSplit(t, i - 1, j) == i) {
        emit(i, j, TokenKind::kWord);
        i = j;
        continue;
      }
    }
    if (b < 0x80) {
      uint32_t j = i + 1;
      if (b == '.' || b == '-') {
        while (j < end && t[j] == static_cast<char>(b)) ++j;
      }
      emit(i, j, IsAsciiPunct(b) ? TokenKind::kPunct : TokenKind::kSymbol);
      i = j;
      continue;
    }
    // A symbol or punctuation mark outside ASCII, with its modifiers
    // (variation selectors, skin tones, zero-width-joined sequences).
    int len = 0;
    const char32_t c = DecodeUtf8(t, i, &len);
    uint32_t j = i + len;
    while (j < end) {
      int next_len = 0;
      const char32_t m = DecodeUtf8(t, j, &next_len);
      if (!IsSymbolModifier(m)) break;
      j += next_len;
      // A joiner takes the next symbol too (emoji sequences); never a word
      // character or ASCII, which may be part of a normalised replacement.
      if (m == 0x200D && j < end && static_cast<unsigned char>(t[j]) >= 0x80) {
        const char32_t joined = DecodeUtf8(t, j, &next_len);
        if (!IsWordCodePoint(joined)) j += next_len;
      }
    }
    emit(i, j,
         u_ispunct(static_cast<UChar32>(c)) ? TokenKind::kPunct
                                            : TokenKind::kSymbol);
    i = j;
  }
}

}  // namespace sitrep::text
