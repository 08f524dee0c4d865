// Where a source's readers live. A local paper does not write "Dublin,
// Ohio": its readers know which Dublin. The places a source keeps naming,
// report after report, give away its home state and country (the "local
// lexicon" of Lieberman, Samet and Sankaranarayanan, "Geotagging with local
// lexicons to build indexes for textually-specified spatial data", ICDE
// 2010); the coder then reads an ambiguous name in a report from that
// source the way its readers would, unless the report says otherwise.
//
// Homes are learned from a batch of coded reports (`sitrep homes`), kept in
// a tab-separated file a person can read and correct, and given back to the
// coder (`sitrep code --homes FILE`).
#ifndef SITREP_SOURCE_HOMES_H_
#define SITREP_SOURCE_HOMES_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

struct CodedDocument;
class PlaceLookup;

struct SourceHome {
  std::string source;    // as the documents' `source` field writes it
  std::string country;   // ISO 3166-1 alpha-3
  std::string admin1;    // GeoNames admin-1 code; empty: the country only
  size_t documents = 0;  // reports the home was learned from
  // The share of those reports' place names that could lie in the home
  // state (in the country when admin1 is empty), each name weighing as
  // much as its readings are few.
  double share = 0;
};

class SourceHomeLearner {
 public:
  // `places` must outlive the learner.
  explicit SourceHomeLearner(const PlaceLookup& places) : places_(places) {}

  // Counts the place names of one coded report under its source; reports
  // without a source are passed over.
  void Observe(const Document& document, const CodedDocument& coded);

  // Each source whose reports point to one state (or, failing that, one
  // country) clearly enough, by source name.
  std::vector<SourceHome> Homes() const;

 private:
  struct Tally {
    size_t documents = 0;
    std::map<std::string, double> states;     // "USA.OH" -> weight
    std::map<std::string, double> countries;  // "USA" -> weight
  };
  const PlaceLookup& places_;
  std::map<std::string, Tally> sources_;
};

// One home per line: source, country, admin1, documents, share; a header
// line first.
std::string SourceHomesToTsv(const std::vector<SourceHome>& homes);

// Reads what SourceHomesToTsv writes (lines starting with '#' and the
// header are skipped). An error names the file and line.
StatusOr<std::vector<SourceHome>> ReadSourceHomes(const std::string& path);

}  // namespace sitrep

#endif  // SITREP_SOURCE_HOMES_H_
