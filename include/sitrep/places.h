// The gazetteer as a user sees it: every entry a place name may mean, in
// the order the coder considers them, so that a reading in the output can
// be checked against the alternatives (`sitrep places NAME`).
#ifndef SITREP_PLACES_H_
#define SITREP_PLACES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct GazetteerEntry {
  std::string name;
  uint32_t geonames_id = 0;  // 0 when the entry has none
  double lat = 0, lon = 0;
  std::string country;  // ISO 3166-1 alpha-3; empty for a continent or sea
  std::string admin1;
  std::string admin2;
  std::string feature;  // GeoNames feature code ("PPLA", "ADM1", "PCLI")
  uint32_t population = 0;
  bool alternate = false;  // matched by another language's or an old name
};

class PlaceLookup {
 public:
  // Maps the gazetteer index at `path` (build/gazetteer.idx); an error
  // says why a file is refused.
  static StatusOr<std::unique_ptr<PlaceLookup>> Open(const std::string& path);
  virtual ~PlaceLookup() = default;

  // The entries `name` may mean: own names first, then alternate names,
  // each most populous first. Case, accents and script do not matter
  // ("Şuşa", "Shusha", "Шуша").
  virtual std::vector<GazetteerEntry> Find(std::string_view name) const = 0;
  virtual size_t size() const = 0;
};

}  // namespace sitrep

#endif  // SITREP_PLACES_H_
