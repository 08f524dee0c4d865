// Fuzzes date resolution: any words, against any document date (or none),
// give mentions whose word indices lie in the sentence and whose ranges do
// not end before they begin.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "time/date_expressions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  // The first three bytes choose the document date: none, or a day within
  // about 180 years of 1900.
  std::optional<absl::CivilDay> today;
  const int offset = (data[0] << 8 | data[1]);
  if (data[2] & 1) today = absl::CivilDay(1900, 1, 1) + offset;
  const std::string_view text(reinterpret_cast<const char*>(data + 3),
                              size - 3);
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == '\n') {
      if (i > start) words.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  const std::vector<sitrep::time::DateMention> found =
      sitrep::time::FindDates(words, today);
  for (const sitrep::time::DateMention& m : found) {
    if (m.first < 0 || m.last < m.first ||
        static_cast<size_t>(m.last) >= words.size()) {
      std::abort();
    }
    if (m.value && m.range_end && *m.range_end < *m.value) std::abort();
    if (m.weekday >= 0 && today) {
      (void)sitrep::time::NextWeekday(*today, m.weekday);
    }
  }
  return 0;
}
