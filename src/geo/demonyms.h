// The words for the people of a first-level division or a region and its
// adjective ("Ohioans", "South Ossetian", "Chechen"), from the hand-kept
// data/gazetteer/demonyms.tsv, attached to the gazetteer's places. A text
// that names a place by them names the place (Gazetteer::FindDemonym).
#ifndef SITREP_GEO_DEMONYMS_H_
#define SITREP_GEO_DEMONYMS_H_

#include <string>

#include "absl/status/status.h"
#include "geo/gazetteer.h"

namespace sitrep::geo {

// Adds the forms of each row of `path` (place, country alpha-2 or empty,
// forms separated by |) to the builder's area of that name in that
// country: a first-level division, a region, a territory or an island,
// found by its own name or another ("Bavaria" for Natural Earth's
// "Bayern"). A row whose place the builder lacks is an error.
absl::Status AddDemonyms(const std::string& path, GazetteerBuilder* builder,
                         size_t* added);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_DEMONYMS_H_
