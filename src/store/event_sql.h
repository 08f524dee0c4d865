// The SQL both back ends read events with, and the one decoder of its rows.
//
// An event is read as one row of event columns (its report, sentence,
// place, incident, claim and casualties joined: each at most one row) and
// its actors by its key, so that an event's sixty columns are read once,
// not once per actor. The two back ends differ only in their placeholders,
// their text search and their test of a box (SqlDialect); everything else
// is written here once.
#ifndef SITREP_STORE_EVENT_SQL_H_
#define SITREP_STORE_EVENT_SQL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_split.h"
#include "sitrep/store.h"

namespace sitrep::store {

enum class SqlDialect {
  kSqlite,    // ?N, FTS5 tables, an R*Tree of the events' points
  kPostgres,  // $N, tsvector columns, PostGIS points
};

// A value bound to a placeholder: text or a number.
using SqlValue = std::variant<std::string, double>;

// The SQL of a query: the events it selects, one row each (the columns of
// DecodeEvent, taking `values` for their placeholders 1..N), and the
// actors of the events whose keys placeholder 1 takes (the columns of
// DecodeActor, in order of key): in SQLite one key, in PostgreSQL an array
// of keys ("{1,2,3}").
struct EventSql {
  std::string events;
  std::string actors;
  std::vector<SqlValue> values;
};

// InvalidArgument when the query cannot be asked (a text search with no
// words in it).
absl::StatusOr<EventSql> BuildEventSql(const EventQuery& query,
                                       SqlDialect dialect);

// Decodes rows of the two statements. Row is a cursor on one row of
// either back end: IsNull(c), Int(c), Double(c), Bool(c), View(c) (the
// text, valid while the row is) for 0-based column c.
template <typename Row>
void DecodeEvent(const Row& r, StoredEvent* out);
// Adds the actor of an actors row to `event`.
template <typename Row>
void DecodeActor(const Row& r, Event* event);
// The event key of an events or actors row.
template <typename Row>
int64_t EventKeyOf(const Row& r) {
  return r.Int(0);
}

// ---------------------------------------------------------------------------
// Implementation.

namespace event_sql_internal {

template <typename Row>
Span SpanAt(const Row& r, int begin) {
  return Span{static_cast<uint32_t>(r.Int(begin)),
              static_cast<uint32_t>(r.Int(begin + 1))};
}

template <typename Row>
Evidence EvidenceAt(const Row& r, int text) {
  return Evidence{std::string(r.View(text)), SpanAt(r, text + 1)};
}

// Casualties from six columns from `first`; none when they are NULL.
template <typename Row>
std::optional<Casualties> CasualtiesAt(const Row& r, int first) {
  if (r.IsNull(first + 1)) return std::nullopt;
  Casualties c;
  if (!r.IsNull(first)) c.count = r.Int(first);
  c.qualifier = r.View(first + 1);
  c.victims = r.View(first + 2);
  c.evidence = EvidenceAt(r, first + 3);
  return c;
}

}  // namespace event_sql_internal

template <typename Row>
void DecodeEvent(const Row& r, StoredEvent* out) {
  using event_sql_internal::CasualtiesAt;
  using event_sql_internal::EvidenceAt;
  using event_sql_internal::SpanAt;
  // Strings are assigned, not built anew: an export reusing one
  // StoredEvent reuses their buffers.
  out->document_id.assign(r.View(1));
  out->document_date.assign(r.View(2));
  out->document_source.assign(r.View(3));
  out->day.assign(r.View(4));
  Event& e = out->event;
  e.id.assign(r.View(5));
  e.sentence = static_cast<int>(r.Int(6));
  e.sentence_span = SpanAt(r, 7);
  e.text.assign(r.View(9));
  e.trigger.text.assign(r.View(10));
  e.trigger.span = SpanAt(r, 11);
  e.event_class.assign(r.View(13));
  e.plover.type.assign(r.View(14));
  e.plover.mode.assign(r.View(15));
  e.plover.context.clear();
  const std::string_view contexts = r.View(16);
  for (absl::string_view c :
       absl::StrSplit(absl::string_view(contexts.data(), contexts.size()), ' ',
                      absl::SkipEmpty())) {
    e.plover.context.emplace_back(c);
  }
  e.cameo.assign(r.View(17));
  e.acled.reset();
  if (!r.IsNull(18)) {
    e.acled = AcledType{std::string(r.View(18)), std::string(r.View(19))};
  }
  e.instrument.reset();
  if (!r.IsNull(20)) {
    e.instrument = Instrument{std::string(r.View(20)), SpanAt(r, 21),
                              std::string(r.View(23))};
  }
  e.date.reset();
  if (!r.IsNull(24)) {
    e.date = EventDate{std::string(r.View(24)), SpanAt(r, 25),
                       std::string(r.View(27)), std::string(r.View(28)),
                       std::string(r.View(29))};
  }
  e.modality.assign(r.View(30));
  e.announced = false;
  e.confidence = r.Double(31);
  e.location.reset();
  if (!r.IsNull(32)) {
    Location& l = e.location.emplace();
    l.text = r.View(33);
    l.span = SpanAt(r, 34);
    l.geocoded = r.Bool(36);
    l.name = r.View(37);
    l.geonames_id = static_cast<uint32_t>(r.Int(38));
    l.lat = r.Double(39);
    l.lon = r.Double(40);
    l.country = r.View(41);
    l.admin1 = r.View(42);
    l.admin2 = r.View(43);
    l.precision = r.View(44);
    l.basis = r.View(45);
  }
  out->incident = r.Int(46);
  out->incident_score = r.Double(47);
  out->incident_reason.assign(r.View(48));
  e.claim.reset();
  if (!r.IsNull(49)) {
    Claim& claim = e.claim.emplace();
    claim.stance = r.View(49);
    if (!r.IsNull(50)) claim.cue = EvidenceAt(r, 50);
  }
  e.fatalities = CasualtiesAt(r, 53);
  e.injuries = CasualtiesAt(r, 59);
  e.source.clear();
  e.target.clear();
}

template <typename Row>
void DecodeActor(const Row& r, Event* event) {
  Actor a;
  a.text = r.View(2);
  if (!r.IsNull(3)) a.span = event_sql_internal::SpanAt(r, 3);
  a.name = r.View(5);
  a.country = r.View(6);
  a.sector = r.View(7);
  a.code = r.View(8);
  a.first_person = r.Bool(9);
  const std::string_view role = r.View(1);
  if (role == "source") {
    event->source.push_back(std::move(a));
  } else if (role == "target") {
    event->target.push_back(std::move(a));
  } else if (event->claim) {
    event->claim->claimant = std::move(a);
  }
}

}  // namespace sitrep::store

#endif  // SITREP_STORE_EVENT_SQL_H_
