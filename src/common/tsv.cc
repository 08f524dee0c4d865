#include "common/tsv.h"

#include <fstream>

#include "common/strings.h"

namespace sitrep {

absl::Status ForEachTsvRow(
    const std::string& path,
    const std::function<absl::Status(
        int line_number, const std::vector<std::string_view>& fields)>& row) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(path + ": cannot open");
  std::string line;
  int line_number = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    if (absl::Status s = row(line_number, Split(line, '\t')); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace sitrep
