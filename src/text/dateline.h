// Dateline detection: the place, date and agency that open a wire report,
// e.g. "BAKU, Sept 19 (Reuters) - ", "KYIV (AP) — ",
// "Stepanakert, 19 September 2023 /ARKA/. ", "MOSCOW, September 20. /TASS/.".
//
// A small grammar over the first line's tokens:
//   PLACE ("," QUALIFIER)* ["," DATE ["." ]] ["," AGENCY] [AGENCY] [SEP]
// where PLACE and QUALIFIER are capitalised names (connectors such as "of"
// allowed inside), DATE is "Month Day[, Year]" or "Day Month [Year]",
// AGENCY is "(Words)" or "/Words/" or, after a date, a capitalised name, and
// SEP is one of - -- (en and em dashes are normalised to these) or ".".
// To keep ordinary sentences out ("Kyiv (the capital) was quiet", "US and
// UK forces - ..."), a match needs a separator or an agency, and besides
// the place at least an agency, a date or a place in capitals.
#ifndef SITREP_TEXT_DATELINE_H_
#define SITREP_TEXT_DATELINE_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "text/tokenizer.h"

namespace sitrep::text {

// Offsets are into the normalised text.
struct DatelineMatch {
  uint32_t begin = 0, end = 0;  // whole dateline
  uint32_t place_begin = 0, place_end = 0;
  std::optional<std::pair<uint32_t, uint32_t>> date;
  std::optional<std::pair<uint32_t, uint32_t>> agency;
  int year = 0, month = 0, day = 0;  // 0: not written
  size_t body_token = 0;             // first token after it
};

// Looks for a dateline at tokens[0]. `text` is the normalised text the
// tokens point into.
std::optional<DatelineMatch> DetectDateline(
    std::string_view text, const std::vector<RawToken>& tokens);

// The dateline's date as a calendar day: with its own year, or else the
// date nearest to `document_date`. nullopt when neither works.
std::optional<absl::CivilDay> ResolveDatelineDate(
    const DatelineMatch& match, std::optional<absl::CivilDay> document_date);

}  // namespace sitrep::text

#endif  // SITREP_TEXT_DATELINE_H_
