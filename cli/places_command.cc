// sitrep places: what the gazetteer holds for a name, in the order the
// coder weighs the readings, so that a place in the output can be checked.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "model_path.h"
#include "sitrep/places.h"

namespace sitrep::cli {
namespace {

struct PlacesOptions {
  std::vector<std::string> names;
  std::string gazetteer;  // empty: the default
  size_t limit = 10;
};

int RunPlaces(const PlacesOptions& options) {
  const std::string path =
      options.gazetteer.empty() ? DefaultGazetteerPath() : options.gazetteer;
  if (path.empty()) {
    std::fprintf(stderr,
                 "sitrep places: no gazetteer index (build it with `make`, "
                 "or give --gazetteer)\n");
    return kExitUsage;
  }
  StatusOr<std::unique_ptr<PlaceLookup>> lookup = PlaceLookup::Open(path);
  if (!lookup.ok()) {
    std::fprintf(stderr, "sitrep places: %s\n",
                 lookup.status().ToString().c_str());
    return kExitInternal;
  }
  int found_none = 0;
  for (const std::string& name : options.names) {
    const std::vector<GazetteerEntry> entries = (*lookup)->Find(name);
    std::printf("%s: %zu entr%s\n", name.c_str(), entries.size(),
                entries.size() == 1 ? "y" : "ies");
    if (entries.empty()) ++found_none;
    for (size_t i = 0; i < entries.size() && i < options.limit; ++i) {
      const GazetteerEntry& e = entries[i];
      std::printf(
          "  %-28s %-5s %-3s %-4s %-6s %9.4f %10.4f %10u %s%s\n",
          e.name.c_str(), e.feature.c_str(),
          e.country.empty() ? "-" : e.country.c_str(),
          e.admin1.empty() ? "-" : e.admin1.c_str(),
          e.admin2.empty() ? "-" : e.admin2.c_str(), e.lat, e.lon, e.population,
          e.geonames_id ? ("geonames:" + std::to_string(e.geonames_id)).c_str()
                        : "-",
          e.alternate ? " (alternate name)" : "");
    }
    if (entries.size() > options.limit) {
      std::printf("  ... %zu more\n", entries.size() - options.limit);
    }
  }
  return found_none == 0 ? kExitOk : kExitRejected;
}

}  // namespace

Runner RegisterPlaces(CLI::App& app) {
  auto options = std::make_shared<PlacesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "places",
      "Look names up in the gazetteer and print every entry each may mean "
      "(name, feature code, country, admin-1 and admin-2 codes, latitude, "
      "longitude, population, GeoNames id), own names first, most populous "
      "first. Exit code 3 when a name has no entry.");
  cmd->add_option("names", options->names, "Place names")->required();
  cmd->add_option("--gazetteer", options->gazetteer,
                  "Gazetteer index (default: the build's gazetteer.idx)");
  cmd->add_option("--limit", options->limit,
                  "Entries printed per name (default 10)");
  return [options] { return RunPlaces(*options); };
}

}  // namespace sitrep::cli
