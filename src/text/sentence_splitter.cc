#include "text/sentence_splitter.h"

#include <algorithm>
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "common/strings.h"
#include "text/char_class.h"

namespace sitrep::text {
namespace {

bool IsEllipsis(std::string_view s) {
  return s.size() >= 2 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c == '.'; });
}

bool IsTerminal(std::string_view s) {
  return s == "." || s == "!" || s == "?" || IsEllipsis(s);
}

bool IsBulletMarker(std::string_view s) {
  static constexpr std::string_view kMarkers[] = {
      "-",      "--",     "*",      "+",      "\u2022",
      "\u00B7", "\u2023", "\u25E6", "\u25AA", "\u25A0",
      "\u25CF", "\u25CB", "\u25BA", "\u2043", "\u2219"};
  return std::find(std::begin(kMarkers), std::end(kMarkers), s) !=
         std::end(kMarkers);
}

// Layout of a text's lines, used to tell hard-wrapped prose (line breaks
// inside sentences) from text with one sentence, headline or item a line.
struct Layout {
  bool wrapped = false;
  uint32_t width = 0;  // longest line, in bytes
};

std::string_view TrimLine(std::string_view line) {
  while (!line.empty() &&
         IsAsciiSpace(static_cast<unsigned char>(line.front()))) {
    line.remove_prefix(1);
  }
  while (!line.empty() &&
         IsAsciiSpace(static_cast<unsigned char>(line.back()))) {
    line.remove_suffix(1);
  }
  return line;
}

bool LooksLikeBulletLine(std::string_view line) {
  if (line.empty()) return false;
  if (line[0] == '-' || line[0] == '*' || line[0] == '+') return true;
  if (line.substr(0, 3) == "\u2022") return true;
  size_t i = 0;
  while (i < line.size() && i < 3 &&
         IsAsciiDigit(static_cast<unsigned char>(line[i])))
    ++i;
  return i > 0 && i < line.size() && (line[i] == '.' || line[i] == ')');
}

Layout AnalyzeLayout(std::string_view text) {
  Layout layout;
  std::vector<uint32_t> lengths;  // of lines followed by a single break
  size_t breaks = 0;
  size_t lowercase_next = 0;
  size_t upper = 0;
  size_t lower = 0;
  for (unsigned char c : text) {
    upper += IsAsciiUpper(c);
    lower += IsAsciiLower(c);
  }
  std::string_view previous;
  bool have_previous = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = TrimLine(text.substr(pos, nl - pos));
    layout.width = std::max(layout.width, static_cast<uint32_t>(line.size()));
    if (have_previous && !previous.empty() && !line.empty() &&
        !LooksLikeBulletLine(line)) {
      ++breaks;
      lengths.push_back(static_cast<uint32_t>(previous.size()));
      lowercase_next += CaseOfFirst(line) == InitialCase::kLower;
    }
    previous = line;
    have_previous = true;
    pos = nl + 1;
  }
  if (breaks < 2) return layout;
  std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2,
                   lengths.end());
  const uint32_t median = lengths[lengths.size() / 2];
  const bool capitals = upper > 4 * lower;
  layout.wrapped =
      median >= 30 && (lowercase_next * 10 >= breaks * 3 || capitals);
  return layout;
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<RawToken>& tokens,
           size_t first, const TextTables& tables)
      : text_(text), toks_(tokens), first_(first), tables_(tables) {}

  void Run(std::vector<std::pair<size_t, size_t>>* sentences) {
    const size_t n = toks_.size();
    if (first_ >= n) return;
    std::vector<uint8_t> boundary(n, 0);  // a sentence starts at token k
    for (size_t k = first_; k < n; ++k) {
      const RawToken& tok = toks_[k];
      if (k > first_ && tok.newlines_before > 0) {
        boundary[k] |= tok.newlines_before >= 2 || LineBreakEnds(k);
      }
      const std::string_view s = T(k);
      const bool terminal = tok.kind == TokenKind::kPunct && IsTerminal(s);
      const bool abbreviation =
          tok.kind == TokenKind::kWord && s.size() > 1 && s.back() == '.';
      if (!terminal && !abbreviation) continue;
      size_t m = k + 1;
      if (terminal) {
        while (m < n && toks_[m].kind == TokenKind::kPunct &&
               IsTerminal(T(m)) && !toks_[m].space_before) {
          ++m;
        }
      }
      while (m < n && IsCloser(m)) ++m;
      if (m >= n) break;
      if (terminal ? EndsAfterPunctuation(k, m) : EndsAfterAbbreviation(k, m)) {
        boundary[m] = 1;
      }
      // Tokens absorbed into the ending cannot start a line.
      for (size_t j = k + 1; j < m; ++j) {
        if (toks_[j].newlines_before > 0) boundary[j] |= LineBreakEnds(j);
      }
      k = m - 1;
    }
    size_t start = first_;
    for (size_t k = first_ + 1; k <= n; ++k) {
      if (k == n || boundary[k]) {
        Emit(start, k, sentences);
        start = k;
      }
    }
  }

 private:
  std::string_view T(size_t k) const {
    return text_.substr(toks_[k].begin, toks_[k].end - toks_[k].begin);
  }
  bool LineStart(size_t k) const {
    return k == first_ || toks_[k].newlines_before > 0;
  }
  bool Lower(size_t k) const {
    return CaseOfFirst(T(k)) == InitialCase::kLower;
  }
  bool Upper(size_t k) const {
    return CaseOfFirst(T(k)) == InitialCase::kUpper;
  }

  bool IsCloser(size_t k) const {
    const RawToken& t = toks_[k];
    const std::string_view s = T(k);
    if (s != "\"" && s != "'" && s != ")" && s != "]" && s != "}") return false;
    if (t.quote == QuoteRole::kOpen) return false;
    return !t.space_before || t.quote == QuoteRole::kClose;
  }

  bool IsBulletStart(size_t k) const {
    if (!LineStart(k)) return false;
    const size_t n = toks_.size();
    const std::string_view s = T(k);
    if (IsBulletMarker(s)) return toks_[k].space_after && k + 1 < n;
    const bool number = toks_[k].kind == TokenKind::kNumber && s.size() <= 3 &&
                        std::all_of(s.begin(), s.end(), [](char c) {
                          return IsAsciiDigit(static_cast<unsigned char>(c));
                        });
    const bool letter =
        s.size() == 1 && IsAsciiAlpha(static_cast<unsigned char>(s[0]));
    if (!number && !letter) return false;
    return k + 2 < n && (T(k + 1) == "." || T(k + 1) == ")") &&
           !toks_[k + 1].space_before && toks_[k + 1].space_after;
  }

  // Whether the capitalised word at m opens a sentence after an ambiguous
  // abbreviation: a common sentence opener, or a word this document also
  // writes in lowercase (so it is no name).
  bool StartsLikeSentence(size_t m) {
    if (toks_[m].quote == QuoteRole::kOpen && m + 1 < toks_.size()) ++m;
    const std::string_view word = T(m);
    if (tables_.IsSentenceStarter(word)) return true;
    if (toks_[m].kind != TokenKind::kWord || !Upper(m)) return false;
    if (!lowercase_words_) {
      lowercase_words_.emplace();
      for (size_t k = first_; k < toks_.size(); ++k) {
        if (toks_[k].kind == TokenKind::kWord && Lower(k))
          lowercase_words_->insert(T(k));
      }
    }
    const std::string lower = AsciiLower(word);
    return lowercase_words_->contains(lower) && lower != word;
  }

  // Whether the writer of this text does not capitalise sentences: most
  // words after . ! ? start in lowercase (chat, some e-mail). Then a
  // lowercase word after such a mark still opens a new sentence.
  bool LowercaseWriter() {
    if (!lowercase_writer_) {
      size_t marks = 0;
      size_t lowercase = 0;
      for (size_t k = first_; k + 1 < toks_.size(); ++k) {
        const std::string_view s = T(k);
        if (toks_[k].kind != TokenKind::kPunct ||
            (s != "." && s != "!" && s != "?"))
          continue;
        if (toks_[k + 1].kind != TokenKind::kWord || !toks_[k + 1].space_before)
          continue;
        if (k > first_ && IsBulletStart(k - 1)) continue;  // "1. an item"
        ++marks;
        lowercase += Lower(k + 1);
      }
      lowercase_writer_ = marks >= 3 && lowercase * 2 > marks;
    }
    return *lowercase_writer_;
  }

  bool EndsAfterPunctuation(size_t k, size_t m) {
    if (T(k) == "." && k > first_ && IsBulletStart(k - 1))
      return false;  // "1. "
    if (Lower(m)) {
      const std::string_view s = T(k);
      return (s == "." || s == "!" || s == "?") &&
             toks_[m].kind == TokenKind::kWord && LowercaseWriter();
    }
    const std::string_view next = T(m);
    if (next == "," || next == ";" || next == ":" || next == ")" ||
        next == "]" || next == "}" || next == "%") {
      return false;
    }
    const std::string_view s = T(k);
    if (IsEllipsis(s)) {
      return Upper(m) || toks_[m].quote == QuoteRole::kOpen ||
             toks_[m].newlines_before > 0;
    }
    return true;
  }

  bool EndsAfterAbbreviation(size_t k, size_t m) {
    if (Lower(m)) return false;
    const std::string_view s = T(k);
    const AbbreviationClass* cls = tables_.FindAbbreviation(s);
    if (cls == nullptr) {
      // An initial ("A.", "Ş.") never ends a sentence; an unknown dotted
      // abbreviation ("N.Y.") is treated as possibly final.
      const std::string_view body = s.substr(0, s.size() - 1);
      if (body.find('.') == std::string_view::npos) return false;
      return StartsLikeSentence(m);
    }
    switch (*cls) {
      case AbbreviationClass::kTitle:
      case AbbreviationClass::kInner:
        return false;
      case AbbreviationClass::kNumber:
      case AbbreviationClass::kMonth:
        if (IsAsciiDigit(static_cast<unsigned char>(T(m)[0]))) return false;
        return StartsLikeSentence(m);
      case AbbreviationClass::kFinal:
        return StartsLikeSentence(m);
    }
    return false;
  }

  // Whether the single line break before token k ends a sentence.
  bool LineBreakEnds(size_t k) {
    if (IsBulletStart(k)) return true;
    if (!layout_) layout_ = AnalyzeLayout(text_.substr(toks_[first_].begin));
    const std::string_view previous = T(k - 1);
    if (!layout_->wrapped) {
      return !Lower(k) && previous != ",";
    }
    // Hard-wrapped prose: only a short line before a capitalised one (the
    // end of a heading or a paragraph) ends a sentence.
    if (!Upper(k) || previous == "," || previous == "-") return false;
    const uint32_t line_end = toks_[k - 1].end;
    const size_t nl = text_.rfind('\n', line_end == 0 ? 0 : line_end - 1);
    const size_t line_begin = nl == std::string_view::npos ? 0 : nl + 1;
    const std::string_view line =
        TrimLine(text_.substr(line_begin, line_end - line_begin));
    return line.size() * 10 < layout_->width * 6;
  }

  void Emit(size_t begin, size_t end,
            std::vector<std::pair<size_t, size_t>>* sentences) const {
    constexpr size_t kMax = SentenceSplitter::kMaxSentenceTokens;
    while (end - begin > kMax) {
      size_t cut = begin + kMax;
      for (size_t j = begin + kMax - 1; j > begin + kMax / 2; --j) {
        if (T(j) == ";" || T(j) == ",") {
          cut = j + 1;
          break;
        }
      }
      sentences->emplace_back(begin, cut);
      begin = cut;
    }
    if (end > begin) sentences->emplace_back(begin, end);
  }

  std::string_view text_;
  const std::vector<RawToken>& toks_;
  size_t first_;
  const TextTables& tables_;
  std::optional<Layout> layout_;
  std::optional<bool> lowercase_writer_;
  // Lowercase-initial words of the document, built on first need.
  std::optional<
      absl::flat_hash_set<std::string_view, StringViewHash, StringViewEq>>
      lowercase_words_;
};

}  // namespace

void SentenceSplitter::Split(
    std::string_view text, const std::vector<RawToken>& tokens, size_t first,
    std::vector<std::pair<size_t, size_t>>* sentences) const {
  Splitter(text, tokens, first, tables_).Run(sentences);
}

}  // namespace sitrep::text
