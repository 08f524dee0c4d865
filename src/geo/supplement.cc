#include "geo/supplement.h"

#include <cstdlib>
#include <string_view>
#include <vector>

#include "common/strings.h"
#include "common/tsv.h"

namespace sitrep::geo {

absl::Status AddSupplement(const std::string& path, GazetteerBuilder* builder,
                           size_t* added) {
  return ForEachTsvRow(path, [&](int line_no,
                                 const std::vector<std::string_view>& fields) {
    const std::vector<std::string> f(fields.begin(), fields.end());
    // A continent, an ocean or sea, or a region, an island, a lake or a
    // range across borders lies in no one country.
    const bool international =
        f.size() == 8 && (f[6] == "CONT" || f[6] == "OCN" || f[6] == "SEA" ||
                          f[6] == "GULF" || f[6] == "RGN" || IsLandform(f[6]));
    if (f.size() != 8 || f[0].empty() ||
        !(f[4].size() == 2 || (f[4].empty() && international)) ||
        f[6].empty() || f[7].empty()) {
      return absl::InvalidArgumentError(
          StrCat(path, ":", line_no,
                 ": expected 8 columns with a name, an alpha-2 country "
                 "(empty only for a continent, sea or region), a feature "
                 "code and a source"));
    }
    GazetteerBuilder::Entry e;
    e.name = f[0];
    for (std::string_view o : Split(f[1], '|')) {
      if (!o.empty()) e.other_names.emplace_back(o);
    }
    e.own_names = e.other_names.size();
    char* end = nullptr;
    e.lat = std::strtod(f[2].c_str(), &end);
    const bool lat_ok = end != f[2].c_str() && e.lat >= -90 && e.lat <= 90;
    e.lon = std::strtod(f[3].c_str(), &end);
    const bool lon_ok = end != f[3].c_str() && e.lon >= -180 && e.lon <= 180;
    if (!lat_ok || !lon_ok) {
      return absl::InvalidArgumentError(
          StrCat(path, ":", line_no, ": bad coordinates"));
    }
    e.country = f[4];
    e.admin1 = f[5];
    e.feature = f[6];
    builder->Add(std::move(e));
    ++*added;
    return absl::OkStatus();
  });
}

}  // namespace sitrep::geo
