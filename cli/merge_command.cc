// sitrep merge: group the stored events of several reports into incidents
// (sitrep/incidents.h); and sitrep incidents: list them, each report's
// account side by side.
#include <cstdio>
#include <memory>
#include <string>

#include "batch.h"
#include "commands.h"
#include "exit_codes.h"
#include "sitrep/incidents.h"
#include "sitrep/store.h"
#include "store_verbs.h"

namespace sitrep::cli {

std::unique_ptr<Store> OpenStoreOrSay(const std::string& verb,
                                      const std::string& url, int* exit_code) {
  StatusOr<std::unique_ptr<Store>> store = Store::Open(url);
  if (!store.ok()) {
    std::fprintf(stderr, "sitrep %s: %s\n", verb.c_str(),
                 store.status().ToString().c_str());
    *exit_code = store.status().code() == StatusCode::kInvalidArgument
                     ? kExitUsage
                     : kExitInternal;
    return nullptr;
  }
  return std::move(store.value());
}

bool RunMergeStep(Store& store, const MergeOptions& options) {
  StatusOr<MergeStats> stats = MergeIncidents(store, options);
  if (!stats.ok()) {
    std::fprintf(stderr, "sitrep merge: %s\n",
                 stats.status().ToString().c_str());
    return false;
  }
  const MergeStats& s = stats.value();
  std::fprintf(stderr,
               "sitrep merge: %llu events placed: %llu joined an incident, "
               "%llu began one; %llu not incidents (no day, or not an act)\n",
               static_cast<unsigned long long>(s.considered),
               static_cast<unsigned long long>(s.joined),
               static_cast<unsigned long long>(s.incidents),
               static_cast<unsigned long long>(s.skipped));
  return true;
}

void AddMergeOptions(CLI::App* cmd, MergeOptions* options) {
  cmd->add_option("--window-days", options->window_days,
                  "events further apart in days are never one incident")
      ->check(CLI::Range(0, 60))
      ->capture_default_str();
  cmd->add_option("--max-km", options->max_km,
                  "places further apart are never one incident")
      ->check(CLI::Range(0.0, 2000.0))
      ->capture_default_str();
  cmd->add_option("--min-score", options->min_score,
                  "how alike an event must be to join an incident (0-1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
}

namespace {

struct MergeCommandOptions {
  std::string db;
  MergeOptions merge;
};

struct IncidentsOptions {
  std::string db;
  std::string output = "-";
  std::string format = "jsonl";
  std::string from, to;
  uint64_t min_reports = 1;
};

std::string Count(const std::optional<int64_t>& n) {
  return n ? std::to_string(*n) : "-";
}

std::string Counted(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// For people: the incident, then one line per claim.
std::string IncidentTable(const IncidentSummary& s) {
  std::string out = "incident " + std::to_string(s.id) + "  " + s.first_day;
  if (s.last_day != s.first_day) out += ".." + s.last_day;
  out += "  " + s.event_type + " / " + s.sub_event_type;
  if (s.located) out += "  " + s.place + " (" + s.country + ")";
  out += "\n  " + Counted(s.reports, "report", "reports") + ", " +
         Counted(s.sources, "source", "sources") + ", " +
         Counted(s.parties, "party", "parties") +
         " speaking: " + s.corroboration;
  if (s.fatalities_high) {
    out += "; killed low " + Count(s.fatalities_low) + ", best " +
           Count(s.fatalities_best) + ", high " + Count(s.fatalities_high);
  }
  if (!s.contradictions.empty()) {
    out += "; claims differ on";
    for (const std::string& c : s.contradictions) out += " " + c;
  }
  out += "\n";
  for (const IncidentClaim& c : s.claims) {
    out += "  - " + c.claimant;
    if (!c.claimant_country.empty()) out += " [" + c.claimant_country + "]";
    out += " " + std::string(c.denied ? "denies" : c.stance) + ": " +
           (c.attacker.empty() ? "?" : c.attacker) + " -> " +
           (c.target.empty() ? "?" : c.target);
    if (c.fatalities) out += ", killed " + std::to_string(*c.fatalities);
    if (c.injuries) out += ", injured " + std::to_string(*c.injuries);
    out += "  (" + c.document_id + ")\n";
  }
  return out;
}

int RunMerge(const MergeCommandOptions& options) {
  int code = kExitOk;
  std::unique_ptr<Store> store = OpenStoreOrSay("merge", options.db, &code);
  if (store == nullptr) return code;
  return RunMergeStep(*store, options.merge) ? kExitOk : kExitInternal;
}

int RunIncidents(const IncidentsOptions& options) {
  int code = kExitOk;
  std::unique_ptr<Store> store = OpenStoreOrSay("incidents", options.db, &code);
  if (store == nullptr) return code;
  OutputFile out;
  if (!out.Open(options.output)) return kExitUsage;
  bool written = true;
  const Status s = store->ForEachIncident(
      options.from, options.to, [&](const StoredIncident& incident) {
        const IncidentSummary summary = SummarizeIncident(incident);
        if (summary.reports < options.min_reports) return true;
        if (options.format == "table") {
          out.buffer()->append(IncidentTable(summary));
        } else {
          out.buffer()->append(IncidentToJson(summary));
          out.buffer()->push_back('\n');
        }
        if (out.buffer()->size() >= (size_t{1} << 20)) written = out.Flush();
        return written;
      });
  written = out.Close() && written;
  if (!s.ok()) {
    std::fprintf(stderr, "sitrep incidents: %s\n", s.ToString().c_str());
    return kExitInternal;
  }
  return written ? kExitOk : kExitInternal;
}

}  // namespace

Runner RegisterMerge(CLI::App& app) {
  auto options = std::make_shared<MergeCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "merge",
      "Group the stored events of several reports into incidents, by time, "
      "place, kind of act and parties. Incremental: only events in no "
      "incident are placed, and no event is ever moved.");
  cmd->add_option("--db", options->db, "the store: sqlite:PATH")->required();
  AddMergeOptions(cmd, &options->merge);
  return [cmd, options] {
    if (cmd->parsed()) return RunMerge(*options);
    return kExitUsage;
  };
}

Runner RegisterIncidents(CLI::App& app) {
  auto options = std::make_shared<IncidentsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "incidents",
      "The stored incidents, by first day: each report's claim side by "
      "side, corroboration, and the killed as low / best / high across "
      "claims.");
  cmd->add_option("--db", options->db, "the store: sqlite:PATH")->required();
  cmd->add_option("-o,--output", options->output,
                  "write here (default: standard output)");
  cmd->add_option("--format", options->format, "output format")
      ->check(CLI::IsMember({"jsonl", "table"}))
      ->capture_default_str();
  cmd->add_option("--from", options->from,
                  "incidents with events from this "
                  "day, YYYY-MM-DD");
  cmd->add_option("--to", options->to, "and up to this day, YYYY-MM-DD");
  cmd->add_option("--min-reports", options->min_reports,
                  "only incidents told by at least this many reports")
      ->capture_default_str();
  return [cmd, options] {
    if (cmd->parsed()) return RunIncidents(*options);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
