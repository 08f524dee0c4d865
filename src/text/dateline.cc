#include "text/dateline.h"

#include <initializer_list>

#include "common/strings.h"
#include "text/char_class.h"
#include "text/utf8.h"
#include "time/calendar.h"

namespace sitrep::text {
namespace {

constexpr size_t kMaxNameWords = 6;
constexpr size_t kMaxAgencyTokens = 5;

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<RawToken>& tokens)
      : text_(text), tokens_(tokens) {
    // The dateline lies on the first line.
    limit_ = 0;
    while (limit_ < tokens.size() &&
           (limit_ == 0 || tokens[limit_].newlines_before == 0)) {
      ++limit_;
    }
  }

  std::optional<DatelineMatch> Match() {
    DatelineMatch m;
    size_t k = 0;
    bool place_in_capitals = true;
    if (!Name(&k, &place_in_capitals)) return std::nullopt;
    m.begin = tokens_[0].begin;
    m.place_begin = tokens_[0].begin;
    m.place_end = tokens_[k - 1].end;
    bool has_date = false;
    bool has_agency = false;
    // Qualifiers, date and an agency after a date, each after a comma.
    while (Is(k, ",")) {
      size_t j = k + 1;
      if (Date(&j, &m)) {
        has_date = true;
        k = j;
        if (Is(k, ".")) ++k;
        continue;
      }
      bool capitals = false;
      if (!Name(&j, &capitals)) break;
      if (has_date) {  // "Baku, 20 September, AZERTAC"
        m.agency = {{tokens_[k + 1].begin, tokens_[j - 1].end}};
        has_agency = true;
        k = j;
        break;
      }
      m.place_end = tokens_[j - 1].end;
      k = j;
    }
    // "(Reuters)" or "/TASS/".
    if (!has_agency && (Is(k, "(") || Is(k, "/"))) {
      const std::string_view close = Is(k, "(") ? ")" : "/";
      size_t j = k + 1;
      while (j < limit_ && j - k - 1 < kMaxAgencyTokens && !Is(j, close) &&
             AgencyWord(j)) {
        ++j;
      }
      if (j > k + 1 && Is(j, close)) {
        m.agency = {{tokens_[k + 1].begin, tokens_[j - 1].end}};
        has_agency = true;
        k = j + 1;
      }
    }
    bool has_separator = false;
    if (Is(k, "-") || Is(k, "--") || (Is(k, ".") && (has_agency || has_date))) {
      has_separator = true;
      ++k;
    }
    if (!has_separator) return std::nullopt;
    if (!has_agency && !has_date && !place_in_capitals) return std::nullopt;
    // The body opens a sentence: "Nagorno-Karabakh (Artsakh) - a timeline"
    // is a title, not a dateline.
    if (k < tokens_.size() && CaseOfFirst(Text(k)) == InitialCase::kLower) {
      return std::nullopt;
    }
    m.end = tokens_[k - 1].end;
    m.body_token = k;
    return m;
  }

 private:
  std::string_view Text(size_t k) const {
    return text_.substr(tokens_[k].begin, tokens_[k].end - tokens_[k].begin);
  }
  bool Is(size_t k, std::string_view s) const {
    return k < limit_ && Text(k) == s;
  }
  bool Capitalised(size_t k) const {
    return k < limit_ && tokens_[k].kind == TokenKind::kWord &&
           CaseOfFirst(Text(k)) == InitialCase::kUpper;
  }
  bool AllCapitals(size_t k) const {
    const std::string_view s = Text(k);
    for (size_t i = 0; i < s.size();) {
      int len = 0;
      const char32_t c = DecodeUtf8(s, i, &len);
      if (c < 0x80 ? IsAsciiLower(static_cast<unsigned char>(c))
                   : IsLowerCodePoint(c)) {
        return false;
      }
      i += len;
    }
    return true;
  }
  static bool OneOf(std::string_view word,
                    std::initializer_list<std::string_view> list) {
    const std::string lower = AsciiLower(word);
    for (std::string_view w : list) {
      if (lower == w) return true;
    }
    return false;
  }
  // Words that join the parts of a place name (Republic of Congo,
  // Rostov-on-Don, Trinidad and Tobago), in any case.
  bool Connector(size_t k) const {
    return k < limit_ && OneOf(Text(k), {"of", "de", "del", "da", "do", "du",
                                         "la", "le", "el", "al", "and", "on",
                                         "upon", "am", "an", "der", "di"});
  }
  // Words that never belong to a place name; in capitals they mark a
  // headline ("WAR IN UKRAINE - Day 574").
  bool NotInNames(size_t k) const {
    return OneOf(Text(k), {"in", "at", "to", "for", "with", "from", "by", "is",
                           "are", "was", "were", "as", "after", "before",
                           "over", "says", "said", "update"});
  }
  static bool Weekday(std::string_view word) {
    return OneOf(word, {"monday", "tuesday", "wednesday", "thursday", "friday",
                        "saturday", "sunday"});
  }
  bool AgencyWord(size_t k) const {
    if (k >= limit_) return false;
    const TokenKind kind = tokens_[k].kind;
    if (kind != TokenKind::kWord && kind != TokenKind::kNumber) return false;
    // Agencies are capitalised ("Reuters", "UN News") or short ("dpa").
    return CaseOfFirst(Text(k)) != InitialCase::kLower || Text(k).size() <= 4;
  }
  // A capitalised name of up to kMaxNameWords words at *k, with connectors
  // between capitalised words. Advances *k past it.
  bool NameWord(size_t k) const {
    return Capitalised(k) && !time::MonthFromName(Text(k)) && !Connector(k) &&
           !NotInNames(k);
  }
  bool Name(size_t* k, bool* capitals) const {
    size_t j = *k;
    if (!NameWord(j) || Weekday(Text(j))) return false;
    size_t words = 0;
    while (words < kMaxNameWords) {
      if (NameWord(j)) {
        *capitals = *capitals && AllCapitals(j);
        ++j;
        ++words;
      } else if (Connector(j) && NameWord(j + 1)) {
        ++j;
      } else if (Is(j, "/") && !tokens_[j].space_before &&
                 !tokens_[j].space_after && NameWord(j + 1)) {
        ++j;  // ISLAMABAD/KABUL
      } else {
        break;
      }
    }
    *k = j;
    return true;
  }
  bool Number(size_t k, int lo, int hi, int* value) const {
    return k < limit_ && tokens_[k].kind == TokenKind::kNumber &&
           ParseInt(Text(k), value) && *value >= lo && *value <= hi;
  }
  std::optional<int> Month(size_t* k) const {
    if (*k >= limit_ || tokens_[*k].kind != TokenKind::kWord)
      return std::nullopt;
    std::optional<int> month = time::MonthFromName(Text(*k));
    if (!month) return std::nullopt;
    ++*k;
    if (Text(*k - 1).back() != '.' && Is(*k, ".") && *k + 1 < limit_ &&
        tokens_[*k + 1].kind == TokenKind::kNumber) {
      ++*k;  // "Sept . 19" when the period was not kept with the month
    }
    return month;
  }
  // "Sept 19", "Sept. 19, 2023", "19 September 2023", "20 September".
  bool Date(size_t* k, DatelineMatch* m) const {
    size_t j = *k;
    int day = 0, year = 0;
    std::optional<int> month;
    if ((month = Month(&j))) {
      if (!Number(j, 1, 31, &day)) return false;
      ++j;
      if (Is(j, ",") && Number(j + 1, 1900, 2100, &year)) {
        j += 2;
      }
    } else if (Number(j, 1, 31, &day)) {
      ++j;
      if (!(month = Month(&j))) return false;
      if (Number(j, 1900, 2100, &year)) ++j;
    } else {
      return false;
    }
    m->date = {{tokens_[*k].begin, tokens_[j - 1].end}};
    m->year = year;
    m->month = *month;
    m->day = day;
    *k = j;
    return true;
  }

  std::string_view text_;
  const std::vector<RawToken>& tokens_;
  size_t limit_;
};

}  // namespace

std::optional<DatelineMatch> DetectDateline(
    std::string_view text, const std::vector<RawToken>& tokens) {
  if (tokens.empty()) return std::nullopt;
  return Matcher(text, tokens).Match();
}

std::optional<absl::CivilDay> ResolveDatelineDate(
    const DatelineMatch& m, std::optional<absl::CivilDay> document_date) {
  if (m.month == 0) return std::nullopt;
  if (m.year != 0) {
    if (!time::IsValidDate(m.year, m.month, m.day)) return std::nullopt;
    return absl::CivilDay(m.year, m.month, m.day);
  }
  if (!document_date) return std::nullopt;
  return time::NearestDate(m.month, m.day, *document_date);
}

}  // namespace sitrep::text
