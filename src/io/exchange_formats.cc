// The event record in the formats other tools read, one event at a time so
// that a store of any size streams through them: ACLED-style CSV, sitrep's
// own flat CSV, PLOVER JSON records, CAMEO TSV and GeoJSON features.
#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "io/format_cells.h"
#include "sitrep/events.h"

namespace sitrep {
namespace {

using Json = nlohmann::ordered_json;
using io::ActorLabel;
using io::CodeOf;
using io::Csv;
using io::EventDay;
using io::Tsv;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// An empty string to refer to where a field has no value.
const std::string& Nothing() {
  static const std::string* const nothing = new std::string();
  return *nothing;
}

// The English name of a country by its ISO alpha-3 code, from ICU's
// locale data; "" when ICU knows none.
const std::string& CountryName(const std::string& alpha3) {
  static const std::map<std::string, std::string>* const names = [] {
    auto* m = new std::map<std::string, std::string>();
    for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr;
         ++c) {
      const icu::Locale locale("", *c);
      icu::UnicodeString name;
      locale.getDisplayCountry(icu::Locale::getEnglish(), name);
      std::string utf8;
      name.toUTF8String(utf8);
      (*m)[locale.getISO3Country()] = utf8;
    }
    return m;
  }();
  const auto it = names->find(alpha3);
  return it == names->end() ? Nothing() : it->second;
}

// ACLED's actor types ("inter" codes): 1 state forces, 2 rebel groups,
// 3 political militias, 5 rioters, 6 protesters, 7 civilians, 8 external
// or other forces (a state's forces outside their country, international
// bodies); 0 when the actor's kind is unknown.
int InterCode(const Actor& a, const Event& e) {
  const std::string& s = a.sector;
  if (s == "MIL" || s == "GOV" || s == "COP" || s == "SPY") {
    const std::string& where =
        e.location && e.location->geocoded ? e.location->country : "";
    return !where.empty() && !a.country.empty() && a.country != where ? 8 : 1;
  }
  if (s == "REB") return 2;
  if (s == "UAF" || s == "CRM") return 3;
  if (s == "OPP") return e.acled && e.acled->event_type == "Riots" ? 5 : 6;
  if (s == "IGO" || s == "PKO") return 8;
  if (s.empty()) return 0;
  return 7;
}

std::string Inter(const std::vector<Actor>& actors, const Event& e) {
  if (actors.empty()) return "";
  const int code = InterCode(actors.front(), e);
  return code == 0 ? "" : std::to_string(code);
}

// An actor's name, else its words (as ActorLabel, for one actor).
const std::string& NameOf(const Actor& a) {
  return a.name.empty() ? a.text : a.name;
}

std::string AssociatedActors(const std::vector<Actor>& actors) {
  if (actors.size() < 2) return "";
  return ActorLabel(std::span<const Actor>(actors).subspan(1));
}

// ACLED's geo_precision: 1 the place itself, 2 near it or a part of a
// region, 3 only a large region or the country.
const char* GeoPrecision(const Location& l) {
  const std::string& p = l.precision;
  return p == "point" ? "1" : p == "near" || p == "admin2" ? "2" : "3";
}

// ACLED's time_precision: 1 the day, 2 within a week (or the report's day,
// for an event that gives none), 3 a month or more.
const char* TimePrecision(const Event& e) {
  if (!e.date || e.date->value.empty()) return "2";
  if (e.date->precision == "day") return "1";
  if (e.date->precision == "week") return "2";
  return "3";
}

const std::string& Claimant(const Event& e) {
  if (!e.claim || !e.claim->claimant) return Nothing();
  return NameOf(*e.claim->claimant);
}

std::string Count(const std::optional<Casualties>& c) {
  return c && c->count ? std::to_string(*c->count) : "";
}

// Degrees to five decimals (about a metre).
std::string Fixed(double v) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v,
                                          std::chars_format::fixed, 5);
  return std::string(buffer, end);
}

}  // namespace

std::string AcledCsvHeader() {
  return "event_id_cnty,event_date,year,time_precision,disorder_type,"
         "event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,"
         "assoc_actor_2,inter2,interaction,civilian_targeting,iso3,country,"
         "admin1,admin2,location,latitude,longitude,geo_precision,source,"
         "notes,fatalities,tags\n";
}

void AppendAcledCsvRow(const EventOrigin& origin, const Event& e,
                       std::string* out) {
  if (!e.acled) return;
  const std::string& type = e.acled->event_type;
  const char* disorder =
      type == "Protests" || type == "Riots" ? "Demonstrations"
      : type == "Strategic developments"    ? "Strategic developments"
                                            : "Political violence";
  const std::string_view day = EventDay(origin.date, e);
  const bool located = e.location && e.location->geocoded;
  // Where it happened; without a place, the country of its doer.
  const std::string* iso3 = located ? &e.location->country : &Nothing();
  for (const Actor& a : e.source) {
    if (iso3->empty()) iso3 = &a.country;
  }
  const bool civilians =
      std::any_of(e.target.begin(), e.target.end(),
                  [](const Actor& a) { return a.sector == "CVL"; }) ||
      (e.fatalities && e.fatalities->victims == "CVL");
  const std::string inter1 = Inter(e.source, e), inter2 = Inter(e.target, e);
  std::string interaction;
  if (!inter1.empty() && !inter2.empty()) {
    interaction = std::min(inter1, inter2) + std::max(inter1, inter2);
  } else if (!inter1.empty() || !inter2.empty()) {
    interaction = (inter1.empty() ? inter2 : inter1) + "0";
  }
  // The claim travels in the tags: an accusation is not a fact.
  std::string tags;
  if (e.claim) {
    tags = e.claim->stance;
    if (const std::string& who = Claimant(e); !who.empty()) {
      absl::StrAppend(&tags, ": ", who);
    }
  }
  if (e.modality != "asserted") {
    absl::StrAppend(&tags, tags.empty() ? "" : "; ", e.modality);
  }
  std::string_view place;
  if (e.location) place = located ? e.location->name : e.location->text;
  io::CsvRecord row(out);
  row.Field(e.id).Field(day).Plain(day.size() >= 4 ? day.substr(0, 4) : "");
  row.Plain(TimePrecision(e)).Field(disorder).Field(type);
  row.Field(e.acled->sub_event_type);
  row.Field(e.source.empty() ? Nothing() : NameOf(e.source.front()));
  row.Field(AssociatedActors(e.source)).Plain(inter1);
  row.Field(e.target.empty() ? Nothing() : NameOf(e.target.front()));
  row.Field(AssociatedActors(e.target)).Plain(inter2).Plain(interaction);
  row.Plain(civilians ? "Civilian targeting" : "");
  row.Field(*iso3).Field(CountryName(*iso3));
  row.Field(e.location ? e.location->admin1 : Nothing());
  row.Field(e.location ? e.location->admin2 : Nothing()).Field(place);
  row.Plain(located ? Fixed(e.location->lat) : "");
  row.Plain(located ? Fixed(e.location->lon) : "");
  row.Plain(located ? GeoPrecision(*e.location) : "");
  row.Field(origin.source.empty() ? std::string_view(Claimant(e))
                                  : origin.source);
  row.Field(e.text);
  row.Plain(e.fatalities && e.fatalities->count
                ? std::to_string(*e.fatalities->count)
                : std::string("0"));
  row.Field(tags).End();
}

std::string EventCsvHeader() {
  return "id,document,date,date_precision,class,plover_type,plover_mode,"
         "cameo,acled_event_type,acled_sub_event_type,source,source_code,"
         "target,target_code,instrument_class,location,country,admin1,admin2,"
         "latitude,longitude,geo_precision,location_basis,fatalities,"
         "fatalities_qualifier,injuries,claimant,claimant_code,stance,"
         "modality,confidence,trigger,text\n";
}

void AppendEventCsvRow(const EventOrigin& origin, const Event& e,
                       std::string* out) {
  const bool located = e.location && e.location->geocoded;
  const Location empty;
  const Location& l = e.location ? *e.location : empty;
  io::CsvRecord row(out);
  row.Field(e.id).Field(origin.document_id).Field(EventDay(origin.date, e));
  row.Field(e.date && !e.date->value.empty() ? e.date->precision : "");
  row.Field(e.event_class).Field(e.plover.type).Field(e.plover.mode);
  row.Field(e.cameo).Field(e.acled ? e.acled->event_type : "");
  row.Field(e.acled ? e.acled->sub_event_type : "");
  row.Field(ActorLabel(e.source)).Field(CodeOf(e.source));
  row.Field(ActorLabel(e.target)).Field(CodeOf(e.target));
  row.Field(e.instrument ? e.instrument->instrument_class : "");
  row.Field(located ? l.name : l.text).Field(l.country).Field(l.admin1);
  row.Field(l.admin2).Plain(located ? Fixed(l.lat) : "");
  row.Plain(located ? Fixed(l.lon) : "").Field(l.precision).Field(l.basis);
  row.Plain(Count(e.fatalities));
  row.Field(e.fatalities ? e.fatalities->qualifier : "");
  row.Plain(Count(e.injuries)).Field(Claimant(e));
  row.Field(e.claim && e.claim->claimant ? e.claim->claimant->code : "");
  row.Field(e.claim ? e.claim->stance : "").Field(e.modality);
  row.Plain(fmt::format("{:.2f}", e.confidence)).Field(e.trigger.text);
  row.Field(e.text).End();
}

std::string PloverJsonLine(const EventOrigin& origin, const Event& e) {
  Json j;
  j["id"] = e.id;
  j["date"] = EventDay(origin.date, e);
  Json src = Json::array(), tgt = Json::array();
  for (const Actor& a : e.source) {
    src.push_back(
        {{"actorText", a.text}, {"code", a.code}, {"sector", a.sector}});
  }
  for (const Actor& a : e.target) {
    tgt.push_back(
        {{"actorText", a.text}, {"code", a.code}, {"sector", a.sector}});
  }
  j["source"] = std::move(src);
  j["target"] = std::move(tgt);
  j["event"] = e.plover.type;
  j["mode"] = e.plover.mode;
  j["context"] = e.plover.context;
  j["eventText"] = e.trigger.text;
  j["text"] = e.text;
  if (e.fatalities && e.fatalities->count) j["dead"] = *e.fatalities->count;
  if (e.injuries && e.injuries->count) j["injured"] = *e.injuries->count;
  if (e.location) j["eventLoc"] = e.location->text;
  j["language"] = "en";
  j["publication"] = origin.source;
  j["coder"] = "sitrep";
  return Dump(j) + "\n";
}

std::string CameoTsvRow(const EventOrigin& origin, const Event& e) {
  if (e.cameo.empty()) return "";
  return StrCat(Tsv(EventDay(origin.date, e)), "\t", Tsv(CodeOf(e.source)),
                "\t", Tsv(CodeOf(e.target)), "\t", e.cameo, "\t",
                Tsv(origin.document_id), "\t", Tsv(e.id), "\t", Tsv(e.modality),
                "\t", Tsv(e.claim ? e.claim->stance : ""), "\t",
                Tsv(e.trigger.text), "\n");
}

std::string GeoJsonFeature(const EventOrigin& origin, const Event& e) {
  Json f{{"type", "Feature"}, {"id", e.id}};
  if (e.location && e.location->geocoded) {
    f["geometry"] = {{"type", "Point"},
                     {"coordinates", {e.location->lon, e.location->lat}}};
  } else {
    f["geometry"] = nullptr;
  }
  Json p;
  p["document"] = origin.document_id;
  p["date"] = EventDay(origin.date, e);
  p["plover"] = e.plover.type;
  p["event_type"] = e.acled ? Json(e.acled->event_type) : Json(nullptr);
  p["sub_event_type"] = e.acled ? Json(e.acled->sub_event_type) : Json(nullptr);
  p["source"] = ActorLabel(e.source);
  p["target"] = ActorLabel(e.target);
  p["fatalities"] = e.fatalities && e.fatalities->count
                        ? Json(*e.fatalities->count)
                        : Json(nullptr);
  p["claimant"] = Claimant(e);
  p["stance"] = e.claim ? Json(e.claim->stance) : Json(nullptr);
  p["modality"] = e.modality;
  p["place"] = e.location ? Json(e.location->geocoded ? e.location->name
                                                      : e.location->text)
                          : Json(nullptr);
  p["precision"] = e.location ? Json(e.location->precision) : Json(nullptr);
  p["text"] = e.text;
  f["properties"] = std::move(p);
  return Dump(f);
}

std::string EventsToAcledCsv(const Document& source, const CodedDocument& doc) {
  const EventOrigin origin{doc.id, source.date, source.source};
  std::string out;
  for (const Event& e : doc.events) AppendAcledCsvRow(origin, e, &out);
  return out;
}

std::string EventsToPlover(const Document& source, const CodedDocument& doc) {
  const EventOrigin origin{doc.id, source.date, source.source};
  std::string out;
  for (const Event& e : doc.events) out += PloverJsonLine(origin, e);
  return out;
}

std::string EventsToCameo(const Document& source, const CodedDocument& doc) {
  const EventOrigin origin{doc.id, source.date, source.source};
  std::string out;
  for (const Event& e : doc.events) out += CameoTsvRow(origin, e);
  return out;
}

}  // namespace sitrep
