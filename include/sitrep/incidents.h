// Incidents: the events of several reports that tell of one event on the
// ground, grouped by time, place, kind and parties, each report's account
// kept as its own claim. Two parties' contradicting accounts of one night
// are one incident with two claims, never merged into one "truth".
//
// The merge is incremental and stable: it places only events in no
// incident yet, each in the incident it is most alike (or a new one), and
// never moves an event already placed. Running it again after new reports
// arrive changes nothing that was there.
#ifndef SITREP_INCIDENTS_H_
#define SITREP_INCIDENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep {

struct MergeOptions {
  int window_days = 2;      // events further apart in time never match
  double max_km = 60;       // points further apart never match
  double min_score = 0.55;  // to join an incident; else a new one
};

struct MergeStats {
  uint64_t considered = 0;  // events in no incident that can be merged
  uint64_t joined = 0;      // put into an incident that had events
  uint64_t incidents = 0;   // new incidents
  uint64_t skipped = 0;     // not incidents: no day, or not an act on
                            // the ground (a statement, an agreement)
};

// Places every event of `store` that is in no incident yet.
StatusOr<MergeStats> MergeIncidents(Store& store,
                                    const MergeOptions& options = {});

// How alike two events are as reports of one incident: a score in [0, 1]
// and the reason in words, or nullopt when they cannot be one incident
// (too far apart in time or space, acts of different kinds, disjoint
// parties). Exposed for tests and for the analyst's "why" view.
struct IncidentMatch {
  double score = 0;
  std::string reason;
};
std::optional<IncidentMatch> MatchEvents(const StoredEvent& a,
                                         const StoredEvent& b,
                                         const MergeOptions& options = {});

// Whether an event is an act on the ground that incidents are made of:
// an ACLED event type other than strategic developments, a day, and a
// modality that reports it (asserted, negated, historical), not a plan.
bool IsIncidentEvent(const StoredEvent& event);

// One account of an incident: what one report says through one voice.
struct IncidentClaim {
  std::string document_id;
  std::string document_source;   // who published the report
  std::string claimant;          // who says so: the claimant, else the
                                 // publisher
  std::string claimant_country;  // alpha-3, when known
  // The side the claimant speaks for: "AZE state" (a government, its forces,
  // police or services), an armed group's name ("Rapid Support Forces"); ""
  // when the voice is no party (media, monitors, the publisher).
  std::string party;
  std::string stance;    // asserts accuses denies ...
  bool denied = false;   // every one of its events negated
  std::string attacker;  // source actors, as the claim names them
  std::string target;
  std::optional<int64_t> fatalities;  // the largest figure the claim gives
  std::optional<int64_t> injuries;
  std::vector<std::string> event_ids;
};

struct IncidentSummary {
  int64_t id = 0;
  std::string first_day, last_day;
  std::string event_type;  // ACLED event type of its first event
  std::string sub_event_type;
  std::string place;  // the most precise place of its events
  std::string country;
  double lat = 0, lon = 0;
  bool located = false;
  std::vector<IncidentClaim> claims;
  // Corroboration: reports, distinct publishers, distinct parties speaking
  // (IncidentClaim::party); "single source" (one publisher), "several
  // sources" (several publishers, at most one party speaking), "several
  // parties" (two sides or more give their account).
  uint64_t reports = 0;
  uint64_t sources = 0;
  uint64_t parties = 0;
  std::string corroboration;
  // Killed, across claims (as UCDP reports): the lowest and highest figure
  // claimed, and the median claim as the best estimate; empty when no claim
  // gives a figure. Denials give none.
  std::optional<int64_t> fatalities_low, fatalities_best, fatalities_high;
  // Where the claims disagree: "attacker" (they name different sides),
  // "denial" (one denies what another asserts), "fatalities".
  std::vector<std::string> contradictions;
};

IncidentSummary SummarizeIncident(const StoredIncident& incident);

// One JSON object per incident, no newline: the summary and each claim with
// its events' ids.
std::string IncidentToJson(const IncidentSummary& incident);

}  // namespace sitrep

#endif  // SITREP_INCIDENTS_H_
