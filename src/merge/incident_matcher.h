// The pieces of an event the incident matcher reads (incident_matcher.cc);
// MatchEvents itself is public (sitrep/incidents.h).
#ifndef SITREP_MERGE_INCIDENT_MATCHER_H_
#define SITREP_MERGE_INCIDENT_MATCHER_H_

#include <optional>
#include <set>
#include <string>

#include "absl/time/civil_time.h"
#include "sitrep/store.h"

namespace sitrep::merge {

// The days an event may have happened on.
struct DayRange {
  absl::CivilDay first, last;
  bool coarse = false;  // longer than a few days (a week, a month)
};
std::optional<DayRange> DaysOf(const StoredEvent& event);

// The countries (alpha-3) an event names as doer, target or speaker.
std::set<std::string> PartiesOf(const StoredEvent& event);

}  // namespace sitrep::merge

#endif  // SITREP_MERGE_INCIDENT_MATCHER_H_
