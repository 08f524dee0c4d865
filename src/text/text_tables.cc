#include "text/text_tables.h"

#include <utility>
#include <vector>

#include "common/strings.h"

namespace sitrep::data {
extern const std::string_view kAbbreviationsTsv;
extern const std::string_view kSentenceStartersTsv;
}  // namespace sitrep::data

namespace sitrep::text {
namespace {

// Calls fn(line_number, fields) for each line that is not blank or a
// comment.
template <typename Fn>
absl::Status ForEachRow(std::string_view tsv, Fn fn) {
  int line_number = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> fields = Split(line, '\t');
    if (absl::Status s = fn(line_number, fields); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<AbbreviationClass> ParseClass(std::string_view name) {
  if (name == "title") return AbbreviationClass::kTitle;
  if (name == "number") return AbbreviationClass::kNumber;
  if (name == "month") return AbbreviationClass::kMonth;
  if (name == "inner") return AbbreviationClass::kInner;
  if (name == "final") return AbbreviationClass::kFinal;
  return absl::InvalidArgumentError(StrCat("unknown class '", name, "'"));
}

}  // namespace

absl::StatusOr<std::shared_ptr<const TextTables>> TextTables::Load() {
  return Parse(data::kAbbreviationsTsv, data::kSentenceStartersTsv);
}

absl::StatusOr<std::shared_ptr<const TextTables>> TextTables::Parse(
    std::string_view abbreviations_tsv, std::string_view starters_tsv) {
  auto tables = std::make_shared<TextTables>();
  absl::Status status = ForEachRow(
      abbreviations_tsv,
      [&](int line, const std::vector<std::string_view>& f) -> absl::Status {
        if (f.size() != 2 || f[0].empty() || f[0].back() != '.') {
          return absl::DataLossError(StrCat(
              "abbreviations.tsv:", line,
              ": expected 'ABBREVIATION<TAB>CLASS' with a final period"));
        }
        absl::StatusOr<AbbreviationClass> c = ParseClass(f[1]);
        if (!c.ok()) {
          return absl::DataLossError(StrCat("abbreviations.tsv:", line, ": ",
                                            std::string(c.status().message())));
        }
        tables->abbreviations_.emplace(std::string(f[0]), *c);
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  status = ForEachRow(
      starters_tsv,
      [&](int line, const std::vector<std::string_view>& f) -> absl::Status {
        if (f.size() != 1 || f[0].empty()) {
          return absl::DataLossError(StrCat("sentence_starters.tsv:", line,
                                            ": expected one word per line"));
        }
        tables->starters_.emplace(f[0]);
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  return std::shared_ptr<const TextTables>(std::move(tables));
}

}  // namespace sitrep::text
