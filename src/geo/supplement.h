// The hand-kept supplement of the gazetteer (data/gazetteer/supplement.tsv):
// continents, oceans and seas, regions, islands, lakes, ranges, valleys,
// deltas, peninsulas, roads and crossings that GeoNames' populated places
// lack or name differently.
#ifndef SITREP_GEO_SUPPLEMENT_H_
#define SITREP_GEO_SUPPLEMENT_H_

#include <string>

#include "absl/status/status.h"
#include "geo/gazetteer.h"

namespace sitrep::geo {

// Adds one entry per row (name, other names separated by |, lat, lon,
// country alpha-2, admin1, feature code, source). The other names are
// English names and spellings of the place, its own names as much as the
// first ("Mediterranean" of the Mediterranean Sea). The country may be
// empty only for what lies in no one country: a continent, an ocean, a
// sea, a gulf, a region or a landform (IsLandform). A bad row is an error
// naming its line.
absl::Status AddSupplement(const std::string& path, GazetteerBuilder* builder,
                           size_t* added);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_SUPPLEMENT_H_
