// Place names of a document resolved to gazetteer entries. Detection (which
// words name a place) happens over the parse, in extract/; here each name
// found gets the entry it most likely means, given the others: a country
// the document keeps naming, a "Town, State" or "Town, Country" parent
// beside it, the rank of the entry (a country, then a first-level
// division, a capital, a seat) and its population.
#ifndef SITREP_GEO_TOPONYMS_H_
#define SITREP_GEO_TOPONYMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer.h"
#include "sitrep/events.h"

namespace sitrep::geo {

// A name the text uses as a place, as detection found it.
struct ToponymCandidate {
  std::string text;
  Span span;
  // Named by a country's adjective or people ("Russian", "Palestinians").
  bool adjectival = false;
  // Named by the people or the adjective of a division or a region
  // ("Ohioans", "South Ossetian"): looked up by Gazetteer::FindDemonym.
  bool demonym = false;
  // In a position that names where ("in Kherson", "shelled Khankendi",
  // "the Shushi region"), not a party ("Somalia's government") or a name
  // inside another.
  bool locative = false;
  // Non-zero for the places a road is named by ("the Ahmedbeyli-Fizuli-
  // Shusha highway"), the same number for each part of one road.
  int road = 0;
  // What the words around it say it is: 'a' an area ("the Shushi
  // region"), 't' a town or village ("Karin Tak village"); 0 unknown.
  char kind = 0;
  // A place the gazetteer lacks, placed at the one named as holding it
  // (`lookup`): "the Adhamiyah district of Baghdad" is near Baghdad.
  bool within = false;
  // The name to look up when it is not the text ("Texas" for "North
  // Texas"); empty: the text.
  std::string lookup;
};

// Where a report's source is at home (sitrep/source_homes.h), in the
// gazetteer's codes: ISO alpha-2 and a GeoNames admin-1 code (may be empty).
struct Home {
  std::string country;
  std::string admin1;
};

// Great-circle distance in kilometres (haversine, mean Earth radius).
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// The ISO alpha-3 code of an alpha-2 one ("AZ" -> "AZE"); Kosovo's
// user-assigned code XKX.
std::string CountryAlpha3(std::string_view alpha2);
// The other way ("AZE" -> "AZ"); empty for a code ICU does not know.
std::string CountryAlpha2(std::string_view alpha3);

// One sense per report: a name found as a place in one position is a place
// wherever else the report writes it, as a name of its own or the first
// word of another ("the Gainesville Police Department"), but not after
// another capitalised word ("Rodeo Gainesville", "Andrew Jackson"). Adds
// those mentions to `found` and keeps it in document order.
void AddRepeatedMentions(const Gazetteer& gazetteer, std::string_view text,
                         std::vector<ToponymCandidate>* found);

// Resolves a document's candidates, in document order; a candidate no
// entry is found for is left out. The same name is resolved the same way
// throughout a document. `home`, when known, is where the report's source
// is at home: a reading there is preferred, as the report's own places are.
std::vector<PlaceMention> ResolveToponyms(
    const Gazetteer& gazetteer, const std::vector<ToponymCandidate>& found,
    std::string_view text, const Home* home = nullptr);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_TOPONYMS_H_
