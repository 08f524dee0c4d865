#include "geo/demonyms.h"

#include <string_view>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "common/strings.h"
#include "common/tsv.h"
#include "geo/name_key.h"

namespace sitrep::geo {
namespace {

// The kinds of place a people's word names, most specific first: a
// division before a region or an island of the same name.
int AreaRank(std::string_view feature) {
  if (feature == "ADM1") return 0;
  if (feature == "RGN" || feature == "TRR") return 1;
  if (feature == "ISL") return 2;
  return -1;
}

}  // namespace

absl::Status AddDemonyms(const std::string& path, GazetteerBuilder* builder,
                         size_t* added) {
  // Each area by "country|key" of each of its names, the most specific
  // kind kept.
  const NameFolder& folder = ThreadNameFolder();
  absl::flat_hash_map<std::string, GazetteerBuilder::Entry*> areas;
  for (GazetteerBuilder::Entry& e : builder->entries()) {
    const int rank = AreaRank(e.feature);
    if (rank < 0) continue;
    auto index = [&](const std::string& name) {
      GazetteerBuilder::Entry*& a =
          areas[StrCat(e.country, "|", folder.Key(name))];
      // Natural Earth files some islands under their state's code: the
      // division itself is the one with a GeoNames id, then the one the
      // most languages name.
      auto weight = [](const GazetteerBuilder::Entry* x) {
        return std::make_tuple(-AreaRank(x->feature), x->geonames_id != 0,
                               x->other_names.size());
      };
      if (a == nullptr || weight(&e) > weight(a)) a = &e;
    };
    index(e.name);
    for (const std::string& n : e.other_names) index(n);
  }
  return ForEachTsvRow(
      path, [&](int line_no, const std::vector<std::string_view>& f) {
        if (f.size() != 3 || f[0].empty() ||
            !(f[1].empty() || f[1].size() == 2) || f[2].empty()) {
          return absl::InvalidArgumentError(
              StrCat(path, ":", line_no,
                     ": expected a place, its country (alpha-2 or empty) and "
                     "forms separated by |"));
        }
        auto area = areas.find(StrCat(f[1], "|", folder.Key(f[0])));
        if (area == areas.end()) {
          return absl::InvalidArgumentError(StrCat(path, ":", line_no,
                                                   ": no division or region ",
                                                   f[0], " in '", f[1], "'"));
        }
        GazetteerBuilder::Entry* best = area->second;
        for (std::string_view form : Split(f[2], '|')) {
          if (form.empty()) continue;
          best->demonyms.emplace_back(form);
          ++*added;
        }
        return absl::OkStatus();
      });
}

}  // namespace sitrep::geo
