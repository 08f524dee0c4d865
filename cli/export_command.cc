// sitrep query and sitrep export: the stored events a filter selects, by
// day, streamed from the store in bounded memory. query writes the event
// records (JSON lines, the output contract's event with "document": its
// report's id); export writes them in the exchange formats: ACLED-style
// CSV, sitrep's flat CSV, PLOVER JSON, CAMEO TSV or one GeoJSON
// FeatureCollection.
#include <charconv>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "batch.h"
#include "commands.h"
#include "exit_codes.h"
#include "sitrep/events.h"
#include "sitrep/store.h"
#include "store_verbs.h"

namespace sitrep::cli {
namespace {

struct ExportOptions {
  std::string db;
  std::string output = "-";
  std::string format = "jsonl";
  EventQuery query;
  std::string bbox;  // "min_lon,min_lat,max_lon,max_lat"
};

// "min_lon,min_lat,max_lon,max_lat" in degrees, west-south-east-north as
// GeoJSON's bbox; "" when valid, else what is wrong.
std::string ParseBoundingBox(const std::string& text,
                             EventQuery::BoundingBox* box) {
  double v[4];
  const char* p = text.data();
  const char* const end = text.data() + text.size();
  for (size_t i = 0; i < 4; ++i) {
    const auto [next, error] = std::from_chars(p, end, v[i]);
    if (error != std::errc() ||
        (i < 3 ? next == end || *next != ',' : next != end)) {
      return "four numbers: min_lon,min_lat,max_lon,max_lat";
    }
    p = next + 1;
  }
  if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > v[2] ||
      v[1] > v[3]) {
    return "out of range or reversed (longitudes -180..180, latitudes "
           "-90..90, min before max)";
  }
  *box = {v[0], v[1], v[2], v[3]};
  return "";
}

CLI::Validator IsoDay() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        int y, m, d;
        char tail;
        if (value.size() != 10 ||
            std::sscanf(value.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) !=
                3 ||
            m < 1 || m > 12 || d < 1 || d > 31) {
          return "not a date YYYY-MM-DD: " + value;
        }
        return "";
      },
      "YYYY-MM-DD");
}

std::string Header(const std::string& format) {
  if (format == "acled") return AcledCsvHeader();
  if (format == "csv") return EventCsvHeader();
  if (format == "geojson")
    return "{\"type\":\"FeatureCollection\",\"features\":[\n";
  return "";
}

// Appends the event's row (line, feature) in `format` to `out`.
void AppendRow(const std::string& format, const StoredEvent& e, bool first,
               std::string* out) {
  const EventOrigin origin{e.document_id, e.document_date, e.document_source};
  if (format == "acled") {
    AppendAcledCsvRow(origin, e.event, out);
  } else if (format == "csv") {
    AppendEventCsvRow(origin, e.event, out);
  } else if (format == "jsonl") {
    absl::StrAppend(out, EventToJson(e.document_id, e.event), "\n");
  } else if (format == "plover") {
    out->append(PloverJsonLine(origin, e.event));
  } else if (format == "cameo") {
    out->append(CameoTsvRow(origin, e.event));
  } else {
    absl::StrAppend(out, first ? "" : ",\n", GeoJsonFeature(origin, e.event));
  }
}

int RunExport(const char* verb, ExportOptions& options) {
  if (!options.bbox.empty()) {
    EventQuery::BoundingBox box;
    const std::string error = ParseBoundingBox(options.bbox, &box);
    if (!error.empty()) {
      std::fprintf(stderr, "sitrep %s: --bbox: %s\n", verb, error.c_str());
      return kExitUsage;
    }
    options.query.bbox = box;
  }
  int code = kExitOk;
  std::unique_ptr<Store> store = OpenStoreOrSay(verb, options.db, &code);
  if (store == nullptr) return code;
  OutputFile out;
  if (!out.Open(options.output)) return kExitUsage;
  out.buffer()->append(Header(options.format));
  bool written = true, first = true;
  const Status s = store->Query(options.query, [&](const StoredEvent& e) {
    AppendRow(options.format, e, first, out.buffer());
    first = false;
    if (out.buffer()->size() >= (size_t{1} << 20)) written = out.Flush();
    return written;
  });
  if (options.format == "geojson") out.buffer()->append("\n]}\n");
  written = out.Close() && written;
  if (!s.ok()) {
    std::fprintf(stderr, "sitrep %s: %s\n", verb, s.ToString().c_str());
    return s.code() == StatusCode::kInvalidArgument ? kExitUsage
                                                    : kExitInternal;
  }
  return written ? kExitOk : kExitInternal;
}

CLI::App* AddExportVerb(CLI::App& app, const char* name,
                        const std::string& description,
                        ExportOptions* options) {
  CLI::App* cmd = app.add_subcommand(name, description);
  cmd->add_option("--db", options->db, "the store: sqlite:PATH")->required();
  cmd->add_option("-o,--output", options->output,
                  "write here (default: standard output)");
  EventQuery& q = options->query;
  cmd->add_option("--from", q.from,
                  "first day (the event's date, else its report's), "
                  "YYYY-MM-DD")
      ->check(IsoDay());
  cmd->add_option("--to", q.to, "last day, YYYY-MM-DD")->check(IsoDay());
  cmd->add_option("--country", q.country,
                  "country of the event's place (ISO alpha-3)");
  cmd->add_option("--type", q.type,
                  "PLOVER type, ACLED event or sub-event type, CAMEO code or "
                  "sitrep class");
  cmd->add_option("--actor", q.actor,
                  "a source or target: code, name, country, sector, or words "
                  "of its text");
  cmd->add_option("--claimant", q.claimant,
                  "who makes the claim: code, name, country, sector, or "
                  "words");
  cmd->add_option("--bbox", options->bbox,
                  "the event's place inside min_lon,min_lat,max_lon,max_lat");
  cmd->add_option("--text", q.text,
                  "words of the event's sentence, all of them; \"quoted "
                  "words\" together");
  cmd->add_option("--limit", q.limit, "at most this many events (0: all)");
  return cmd;
}

}  // namespace

Runner RegisterQuery(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd = AddExportVerb(
      app, "query",
      "Stored events that match every filter given, by day, one JSON object "
      "per event (the event record, with \"document\": its report's id).",
      options.get());
  return [cmd, options] {
    if (cmd->parsed()) return RunExport("query", *options);
    return kExitUsage;
  };
}

Runner RegisterExport(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd = AddExportVerb(
      app, "export",
      "Stored events that match every filter given, by day, in an exchange "
      "format: ACLED-style CSV (acled), sitrep's flat CSV (csv), the event "
      "records (jsonl), PLOVER JSON (plover), CAMEO TSV (cameo) or a GeoJSON "
      "FeatureCollection (geojson). Streamed: any number of events in "
      "bounded memory.",
      options.get());
  cmd->add_option("--format", options->format, "output format")
      ->check(CLI::IsMember(
          {"jsonl", "csv", "acled", "plover", "cameo", "geojson"}))
      ->capture_default_str();
  return [cmd, options] {
    if (cmd->parsed()) return RunExport("export", *options);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
