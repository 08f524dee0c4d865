// Reading the hand-kept tab-separated data files (data/): comment lines
// start with '#', the first other line names the columns.
#ifndef SITREP_COMMON_TSV_H_
#define SITREP_COMMON_TSV_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace sitrep {

// Calls `row(line_number, fields)` for each data row of the file at `path`:
// blank lines, comment lines and the header are skipped, a trailing '\r'
// dropped; the fields are valid during the call only. NotFound when the
// file cannot be opened; the first error `row` returns stops the reading
// and is returned.
absl::Status ForEachTsvRow(
    const std::string& path,
    const std::function<absl::Status(
        int line_number, const std::vector<std::string_view>& fields)>& row);

}  // namespace sitrep

#endif  // SITREP_COMMON_TSV_H_
