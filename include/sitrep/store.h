// The incident record's storage: every report kept with what the coder made
// of it (its sentences, events, actors, claims and places as rows), behind
// one interface whose back end the URL names. "sqlite:PATH" is the embedded
// default: one file, write-ahead log, foreign keys, an R*Tree over the
// events' places and an FTS5 index over the sentences.
// "postgresql://USER@HOST:PORT/DB" is a shared PostgreSQL server with
// PostGIS. Both hold the same schema, at the same version.
//
// A Store is used by one thread at a time. Writes are transactions: a batch
// of documents is stored whole or not at all, so a crash loses only the
// batch in flight, never one already written.
#ifndef SITREP_STORE_H_
#define SITREP_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/events.h"
#include "sitrep/status.h"

namespace sitrep {

// The SHA-256 (lower-case hex) of what the coding of a document depends on:
// its text, date, source, url and title (not its id, which names it, nor
// where it was read from). The same report read again has the same hash.
std::string ContentHash(const Document& document);

// A report and what the coder made of it, to be stored together.
struct CodedReport {
  Document document;
  CodedDocument coded;
  std::string coder;  // what coded it (EventCoder::Describe), for the record
};

enum class WriteOutcome {
  kInserted,   // a document the store did not hold
  kReplaced,   // a new version: the old one and its events are gone
  kUnchanged,  // the same id and hash: nothing was written
};

// Events to read back. Every field set narrows the result; all empty: every
// event. Dates compare the event's day (its own date, else its report's).
struct EventQuery {
  std::string from;     // "YYYY-MM-DD", inclusive; empty: no lower bound
  std::string to;       // "YYYY-MM-DD", inclusive; empty: no upper bound
  std::string country;  // ISO 3166-1 alpha-3 of the event's place
  // A PLOVER type ("ASSAULT"), an ACLED event or sub-event type
  // ("Battles", "Armed clash"), a CAMEO code ("190") or a sitrep class.
  std::string type;
  // A source or target actor: its code ("ARMMIL"), name ("OSCE"), country
  // (alpha-3) or sector ("CVL"), or words of its text (case-insensitive).
  std::string actor;
  std::string claimant;  // the same, for who makes the claim
  struct BoundingBox {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
  };
  std::optional<BoundingBox> bbox;  // the event's place inside it
  // Words of the event's sentence, all of them (case-insensitive, whole
  // words); "quoted words" must stand together.
  std::string text;
  // Incidents (sitrep/incidents.h): the events of one incident (its id),
  // or only events in some incident or in none.
  int64_t incident = 0;  // 0: any
  enum class Membership { kAny, kInIncident, kInNoIncident };
  Membership membership = Membership::kAny;
  uint64_t limit = 0;  // 0: no limit
};

// An event as stored, with the report it comes from.
struct StoredEvent {
  std::string document_id;
  std::string document_date;    // the report's date; empty when unknown
  std::string document_source;  // who published the report
  std::string day;  // the event's date, else the report's; empty: neither
  Event event;
  // The incident it belongs to (0: none), and why it was put there.
  int64_t incident = 0;
  double incident_score = 0;
  std::string incident_reason;
};

// An event put into an incident by the merge (sitrep/incidents.h).
struct IncidentAssignment {
  std::string event_id;
  // The incident it joins; a negative number: a new incident, the same
  // for every assignment that gives the same negative number.
  int64_t incident = 0;
  double score = 0;    // how alike it is to the incident's other events
  std::string reason;  // why, for people
};

// An incident as stored: the reports of one event, by day.
struct StoredIncident {
  int64_t id = 0;
  std::string first_day;  // the earliest and latest day of its events
  std::string last_day;
  std::vector<StoredEvent> events;
};

struct StoreCounts {
  uint64_t documents = 0;
  uint64_t sentences = 0;
  uint64_t events = 0;
  uint64_t places = 0;
  uint64_t incidents = 0;
};

class Store {
 public:
  // Opens the store at `url`, creating it when it does not exist and
  // bringing an older schema up to the current version. A store written by
  // a newer sitrep is refused (kFailedPrecondition), as is an unknown URL
  // (kInvalidArgument).
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& url);
  virtual ~Store() = default;

  // The version of the schema the store now has.
  virtual int schema_version() const = 0;

  // The content hash of the version of document `id` held, "" when none.
  virtual StatusOr<std::string> DocumentHash(const std::string& id) = 0;

  // Stores the reports in one transaction; outcomes[i] says what became of
  // reports[i]. On an error nothing of the batch is stored.
  virtual Status Write(std::span<const CodedReport> reports,
                       std::vector<WriteOutcome>* outcomes) = 0;

  // Calls `each` for every event the query selects, by day then in the
  // order stored, while it returns true. Events are read as they are
  // called for, so any number can be streamed in bounded memory. `each`
  // may move from the event it is given; it must not use the store itself
  // (collect, then write).
  virtual Status Query(const EventQuery& query,
                       const std::function<bool(StoredEvent&)>& each) = 0;

  // Puts events into incidents, in one transaction; returns the id of each
  // incident made, in the order of their first assignment. An event
  // already in an incident stays where it is (kFailedPrecondition).
  virtual StatusOr<std::vector<int64_t>> AssignIncidents(
      std::span<const IncidentAssignment> assignments) = 0;

  // Calls `each` for every incident with an event between `from` and `to`
  // (inclusive, "YYYY-MM-DD"; empty: open), by first day, while it returns
  // true.
  virtual Status ForEachIncident(
      const std::string& from, const std::string& to,
      const std::function<bool(const StoredIncident&)>& each) = 0;

  virtual StatusOr<StoreCounts> Counts() = 0;
};

// The schema version this sitrep writes.
int CurrentSchemaVersion();

}  // namespace sitrep

#endif  // SITREP_STORE_H_
