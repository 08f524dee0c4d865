// The event record as JSON (the output contract) and as a table for people;
// the exchange formats (ACLED, PLOVER, CAMEO, GeoJSON) are in
// exchange_formats.cc.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "io/format_cells.h"
#include "sitrep/events.h"

namespace sitrep {
namespace {

using Json = nlohmann::ordered_json;

Json SpanJson(const Span& s) { return Json::array({s.begin, s.end}); }

Json ActorJson(const Actor& a) {
  // An actor from the document's metadata (its `source`) has no span.
  Json j{{"text", a.text},
         {"span", a.span.empty() ? Json(nullptr) : SpanJson(a.span)}};
  j["name"] = a.name.empty() ? Json(nullptr) : Json(a.name);
  j["country"] = a.country.empty() ? Json(nullptr) : Json(a.country);
  j["sector"] = a.sector.empty() ? Json(nullptr) : Json(a.sector);
  j["code"] = a.code.empty() ? Json(nullptr) : Json(a.code);
  if (a.first_person) j["first_person"] = true;
  return j;
}

Json ActorsJson(const std::vector<Actor>& actors) {
  Json j = Json::array();
  for (const Actor& a : actors) j.push_back(ActorJson(a));
  return j;
}

Json CasualtiesJson(const std::optional<Casualties>& c) {
  if (!c) return nullptr;
  Json j;
  j["count"] = c->count ? Json(*c->count) : Json(nullptr);
  j["qualifier"] = c->qualifier;
  j["victims"] = c->victims.empty() ? Json(nullptr) : Json(c->victims);
  j["text"] = c->evidence.text;
  j["span"] = SpanJson(c->evidence.span);
  return j;
}

// The event's place: the words, and the gazetteer's reading when there is
// one (else nulls).
Json LocationJson(const Location& l) {
  auto or_null = [](const std::string& v) {
    return v.empty() ? Json(nullptr) : Json(v);
  };
  Json j{{"text", l.text}, {"span", SpanJson(l.span)}};
  j["name"] = l.geocoded ? Json(l.name) : Json(nullptr);
  j["geonames_id"] = l.geonames_id ? Json(l.geonames_id) : Json(nullptr);
  j["lat"] = l.geocoded ? Json(l.lat) : Json(nullptr);
  j["lon"] = l.geocoded ? Json(l.lon) : Json(nullptr);
  j["country"] = or_null(l.country);
  j["admin1"] = or_null(l.admin1);
  j["admin2"] = or_null(l.admin2);
  j["precision"] = or_null(l.precision);
  j["basis"] = or_null(l.basis);
  return j;
}

Json EventJson(const Event& e) {
  Json j;
  j["id"] = e.id;
  j["sentence"] = e.sentence;
  j["span"] = SpanJson(e.sentence_span);
  j["text"] = e.text;
  j["trigger"] = {{"text", e.trigger.text}, {"span", SpanJson(e.trigger.span)}};
  j["class"] = e.event_class;
  Json plover{{"type", e.plover.type}};
  plover["mode"] = e.plover.mode.empty() ? Json(nullptr) : Json(e.plover.mode);
  plover["context"] = e.plover.context;
  j["plover"] = std::move(plover);
  j["cameo"] = e.cameo.empty() ? Json(nullptr) : Json(e.cameo);
  j["acled"] = e.acled ? Json{{"event_type", e.acled->event_type},
                              {"sub_event_type", e.acled->sub_event_type}}
                       : Json(nullptr);
  j["source"] = ActorsJson(e.source);
  j["target"] = ActorsJson(e.target);
  j["instrument"] = e.instrument
                        ? Json{{"text", e.instrument->text},
                               {"span", SpanJson(e.instrument->span)},
                               {"class", e.instrument->instrument_class}}
                        : Json(nullptr);
  j["location"] = e.location ? LocationJson(*e.location) : Json(nullptr);
  if (e.date) {
    Json d{{"text", e.date->text}, {"span", SpanJson(e.date->span)}};
    d["value"] = e.date->value.empty() ? Json(nullptr) : Json(e.date->value);
    d["precision"] = e.date->precision;
    if (!e.date->range_end.empty()) {
      d["range"] = Json::array({e.date->value, e.date->range_end});
    }
    j["date"] = std::move(d);
  } else {
    j["date"] = nullptr;
  }
  j["fatalities"] = CasualtiesJson(e.fatalities);
  j["injuries"] = CasualtiesJson(e.injuries);
  if (e.claim) {
    Json c;
    c["claimant"] =
        e.claim->claimant ? ActorJson(*e.claim->claimant) : Json(nullptr);
    c["stance"] = e.claim->stance;
    c["cue"] =
        e.claim->cue.text.empty() ? Json(nullptr) : Json(e.claim->cue.text);
    c["span"] =
        e.claim->cue.text.empty() ? Json(nullptr) : SpanJson(e.claim->cue.span);
    j["claim"] = std::move(c);
  } else {
    j["claim"] = nullptr;
  }
  j["modality"] = e.modality;
  j["confidence"] = e.confidence;
  return j;
}

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ShortActors(const std::vector<Actor>& actors) {
  std::string out;
  for (const Actor& a : actors) {
    if (!out.empty()) out += "+";
    if (!a.name.empty()) {
      out += a.name;
    } else if (!a.code.empty()) {
      out += a.code;
    } else {
      out += a.text;
    }
  }
  return out.empty() ? "?" : out;
}

std::string Count(const std::optional<Casualties>& c) {
  if (!c) return "-";
  if (!c->count) return "?";
  const std::string n = std::to_string(*c->count);
  if (c->qualifier == "at_least") return n + "+";
  if (c->qualifier == "more_than") return ">" + n;
  if (c->qualifier == "about") return "~" + n;
  return n;
}

std::string Cell(std::string s, size_t width) {
  // Width in code points, so that non-ASCII names keep the columns.
  size_t points = 0, cut = s.size();
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (points == width) {
        cut = i;
        break;
      }
      ++points;
    }
  }
  if (cut < s.size()) {
    s.resize(cut);
  } else {
    s.append(width - points, ' ');
  }
  return s;
}

}  // namespace

std::string TableHeader() {
  return Cell("document", 12) + " " + Cell("date", 10) + " " +
         Cell("place", 18) + " " + Cell("type", 34) + " " +
         Cell("source -> target", 40) + " " + Cell("killed/inj", 10) + " " +
         "claimant (stance)\n";
}

std::string EventsToTable(const Document& source, const CodedDocument& doc) {
  std::string out;
  bool first = true;
  for (const Event& e : doc.events) {
    if (!e.acled) continue;
    std::string type = (first ? "* " : "  ") + e.acled->sub_event_type;
    if (e.modality != "asserted") type += " [" + e.modality + "]";
    first = false;
    std::string claimant = "-";
    if (e.claim) {
      claimant = (e.claim->claimant ? ShortActors({*e.claim->claimant})
                                    : std::string("?")) +
                 " (" + e.claim->stance + ")";
    }
    out += Cell(doc.id, 12) + " " +
           Cell(std::string(io::EventDay(source.date, e)), 10) + " " +
           Cell(e.location ? e.location->text : "", 18) + " " + Cell(type, 34) +
           " " +
           Cell(ShortActors(e.source) + " -> " + ShortActors(e.target), 40) +
           " " + Cell(Count(e.fatalities) + "/" + Count(e.injuries), 10) + " " +
           claimant + "\n";
  }
  for (const DocumentError& err : doc.errors) {
    out += Cell(doc.id, 12) + " error: " + err.message + "\n";
  }
  return out;
}

std::string EventToJson(const std::string& document_id, const Event& event) {
  Json j{{"document", document_id}};
  j.update(EventJson(event));
  return Dump(j);
}

std::string EventsToJson(const CodedDocument& doc) {
  Json j;
  j["id"] = doc.id;
  Json events = Json::array();
  for (const Event& e : doc.events) events.push_back(EventJson(e));
  j["events"] = std::move(events);
  Json places = Json::array();
  for (const PlaceMention& p : doc.places) {
    Json pj;
    pj["text"] = p.text;
    pj["span"] = SpanJson(p.span);
    pj["name"] = p.name;
    pj["geonames_id"] = p.geonames_id ? Json(p.geonames_id) : Json(nullptr);
    pj["lat"] = p.lat;
    pj["lon"] = p.lon;
    pj["country"] = p.country.empty() ? Json(nullptr) : Json(p.country);
    pj["admin1"] = p.admin1.empty() ? Json(nullptr) : Json(p.admin1);
    pj["admin2"] = p.admin2.empty() ? Json(nullptr) : Json(p.admin2);
    pj["precision"] = p.precision;
    places.push_back(std::move(pj));
  }
  j["places"] = std::move(places);
  Json errors = Json::array();
  for (const DocumentError& e : doc.errors) {
    errors.push_back({{"code", e.code}, {"message", e.message}});
  }
  j["errors"] = std::move(errors);
  return Dump(j) + "\n";
}

}  // namespace sitrep
