// The event record (the output contract of DESIGN.md) and the event coder
// that fills it from documents: the text layer, the parser, the lexicon and
// the extraction rules in one read-only object that any number of threads
// may share.
#ifndef SITREP_EVENTS_H_
#define SITREP_EVENTS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/source_homes.h"
#include "sitrep/status.h"

namespace sitrep {

// A piece of the document's text: what it says and where.
struct Evidence {
  std::string text;
  Span span;
};

// Who: an actor phrase resolved against the lexicon. Fields the lexicon
// cannot fill are empty.
struct Actor {
  std::string text;  // as written ("reconnaissance and sabotage groups of
                     // the Armenian armed forces")
  Span span;
  std::string name;           // canonical name when a named body ("OSCE")
  std::string country;        // ISO 3166-1 alpha-3
  std::string sector;         // MIL GOV COP REB CVL ...
  std::string code;           // CAMEO-style actor code ("ARMMIL", "IGOOSC")
  bool first_person = false;  // "we", "our servicemen": the speaker's side
};

struct PloverType {
  std::string type;  // one of the 16 PLOVER types
  std::string mode;  // empty when none
  std::vector<std::string> context;
};

struct AcledType {
  std::string event_type;
  std::string sub_event_type;
};

struct Instrument {
  std::string text;
  Span span;
  std::string instrument_class;  // firearms artillery missile air drone
                                 // mine_ied explosive grenade suicide
                                 // chemical melee crowd_control fire
};

struct EventDate {
  std::string text;  // the expression as written; empty when inherited
  Span span;
  std::string value;      // "YYYY-MM-DD"; the first day for a range
  std::string precision;  // day, week, month, year
  std::string range_end;  // last day for a week/month/year/range, else empty
};

struct Casualties {
  std::optional<int64_t> count;  // empty when not stated
  std::string qualifier;         // exact, at_least, about, more_than, unknown
  std::string victims;           // victims' sector, when stated
  Evidence evidence;             // the phrase the figure comes from
};

struct Claim {
  std::optional<Actor> claimant;  // empty for the document's own voice
  std::string stance;  // asserts accuses denies claims_responsibility reports
  Evidence cue;        // reporting verb or phrase
};

// Where an event happened. `text` and `span` are the words the place comes
// from: the event's own locative phrase ("on the Ahmedbeyli-Fizuli-Shusha
// highway"), else the place name it falls back on. The rest is the
// gazetteer's reading, when there is one (`geocoded`).
struct Location {
  std::string text;
  Span span;
  bool geocoded = false;
  std::string name;          // the gazetteer's name, or the road's as written
  uint32_t geonames_id = 0;  // 0 when the entry has none
  double lat = 0, lon = 0;
  std::string country;  // ISO 3166-1 alpha-3
  std::string admin1;   // GeoNames admin-1 code, when known
  std::string admin2;   // GeoNames admin-2 code, when known
  // point: the place itself; near: somewhere close to the point given (a
  // road between towns, or a place named earlier in the report); admin2,
  // admin1, country, region: somewhere in that area.
  std::string precision;
  // Where the place comes from: "event" (the event's own phrase), "sentence"
  // (a place named in the event's sentence), "document" (the nearest place
  // named before it in the report), "dateline".
  std::string basis;
  // Internal, not written: the words the phrase governs ("the village of
  // Karin Tak in the Shushi region"), where the place names may lie.
  Span scope;
};

struct Event {
  std::string id;  // "<doc>:<sentence>:<n>"
  int sentence = 0;
  Span sentence_span;
  std::string text;  // the evidence sentence
  Evidence trigger;
  std::string event_class;  // sitrep's internal class (event_classes.tsv)
  PloverType plover;
  std::string cameo;  // empty when CAMEO has no code for it
  std::optional<AcledType> acled;
  std::vector<Actor> source;
  std::vector<Actor> target;
  std::optional<Instrument> instrument;
  std::optional<Location> location;
  std::optional<EventDate> date;
  std::optional<Casualties> fatalities;
  std::optional<Casualties> injuries;
  std::optional<Claim> claim;
  std::string modality;  // asserted negated hypothetical future threatened
                         // historical
  // For "future": the act is announced by its actor ("will withdraw",
  // "plans to", "promised to"), not a purpose ("fired to disperse them").
  // The codebooks code an announced act as intent or threat. Not written.
  bool announced = false;
  double confidence = 0;
};

// A place name in a document resolved to a gazetteer entry.
struct PlaceMention {
  std::string text;  // as written
  Span span;
  std::string name;          // the gazetteer's name
  uint32_t geonames_id = 0;  // 0 when the entry has none (Natural Earth
                             // countries, the supplement)
  double lat = 0, lon = 0;
  std::string country;  // ISO 3166-1 alpha-3
  std::string admin1;   // GeoNames admin-1 code, when known
  std::string admin2;   // GeoNames admin-2 code, when known
  // point (a town or village), near (around a point: a road between towns),
  // admin2 (a county or district), admin1 (a state or province), country,
  // region (a continent, a sea, a region or territory that is no
  // administrative unit)
  std::string precision;
  // Internal, not written: named by a country's adjective or people
  // ("Russian positions", "Palestinians"), which says whose, not where; and
  // where the dateline names it.
  bool adjectival = false;
  bool locative = false;  // where its words say where ("in Kherson")
  bool dateline = false;
  int road = 0;  // non-zero: one of the places a road's name joins
};

struct CodedDocument {
  std::string id;
  std::vector<Event> events;         // by salience: the first is the main event
  std::vector<PlaceMention> places;  // every place name resolved, in order
  std::vector<DocumentError> errors;
  size_t sentences = 0;
  std::vector<Span> sentence_spans;  // every sentence, in text order
};

struct EventCoderOptions {
  std::string parser_model;  // path of the parser model
  std::string lexicon;       // path of the compiled lexicon bundle
  // Path of the gazetteer index (build/gazetteer.idx); empty: none, and
  // places named as parties keep no country beyond the lexicon's.
  std::string gazetteer;
  // Where sources' readers live (sitrep/source_homes.h): an ambiguous
  // place name in a report from one of them is read as its readers would.
  std::vector<SourceHome> source_homes;
};

class EventCoder {
 public:
  static StatusOr<std::unique_ptr<EventCoder>> Create(
      const EventCoderOptions& options);
  virtual ~EventCoder() = default;

  // Codes each document; out[i] belongs to documents[i]. A document the
  // text layer refuses gets an error and no events; the others go on.
  // Several documents at once share the parser's batches.
  virtual void Code(std::span<const Document> documents,
                    std::span<CodedDocument> out) const = 0;

  virtual std::string Describe() const = 0;
};

// One event as one JSON object of the output contract, with "document":
// the id of the report it comes from; no newline.
std::string EventToJson(const std::string& document_id, const Event& event);

// The report an event comes from, as the per-event formats need it: views
// of the report's strings, valid while they are.
struct EventOrigin {
  std::string_view document_id;
  std::string_view date;    // the report's date, for events without their own
  std::string_view source;  // who published it
};

// The exchange formats, one event at a time (a line or a row with its
// newline; "" when the format has no row for the event: no ACLED type, no
// CAMEO code). The CSV rows are appended to `out`, written straight into
// it: an export of a million events makes no string per cell.
// ACLED's columns (AcledCsvHeader), the claim and the modality in `tags`.
void AppendAcledCsvRow(const EventOrigin& origin, const Event& event,
                       std::string* out);
// sitrep's own fields, flat.
std::string EventCsvHeader();
void AppendEventCsvRow(const EventOrigin& origin, const Event& event,
                       std::string* out);
std::string PloverJsonLine(const EventOrigin& origin, const Event& event);
std::string CameoTsvRow(const EventOrigin& origin, const Event& event);
// A GeoJSON Feature (a Point, or a null geometry when the event has no
// place on the map), no newline.
std::string GeoJsonFeature(const EventOrigin& origin, const Event& event);

// Output formats of `sitrep code`.
// One JSON object per document: {id, events, places, errors}.
std::string EventsToJson(const CodedDocument& doc);
// ACLED's columns, one row per event; the header first.
std::string AcledCsvHeader();
std::string EventsToAcledCsv(const Document& source, const CodedDocument& doc);
// One PLOVER JSON record per event, one per line.
std::string EventsToPlover(const Document& source, const CodedDocument& doc);
// CAMEO tab-separated: date, source, target, code, ... one line per event.
std::string EventsToCameo(const Document& source, const CodedDocument& doc);
// A table for people: one line per event that ACLED would record (the main
// event first, marked *): date, place, type, source -> target,
// killed/injured, claimant and stance, and the modality when not asserted.
std::string TableHeader();
std::string EventsToTable(const Document& source, const CodedDocument& doc);

}  // namespace sitrep

#endif  // SITREP_EVENTS_H_
