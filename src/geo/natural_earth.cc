#include "geo/natural_earth.h"

#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "common/strings.h"
#include "common/tsv.h"
#include "geo/name_key.h"
#include "geo/toponyms.h"
#include "nlohmann/json.hpp"

namespace sitrep::geo {
namespace {

absl::StatusOr<nlohmann::json> ReadJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(path +
                               ": cannot open (run `make deps`, which runs "
                               "npm ci)");
  }
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded()) return absl::DataLossError(path + ": not JSON");
  return j;
}

std::string StringField(const nlohmann::json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

// Signed area and centroid of a ring of [lon, lat] positions (shoelace).
struct RingMoments {
  double area = 0, cx = 0, cy = 0;
};

RingMoments Moments(const nlohmann::json& ring) {
  RingMoments m;
  if (!ring.is_array() || ring.size() < 3) return m;
  auto point = [&](size_t i, double* x, double* y) {
    const nlohmann::json& p = ring[i];
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() ||
        !p[1].is_number()) {
      return false;
    }
    *x = p[0].get<double>();
    *y = p[1].get<double>();
    return true;
  };
  for (size_t i = 0; i < ring.size(); ++i) {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!point(i, &x0, &y0) || !point((i + 1) % ring.size(), &x1, &y1)) {
      return RingMoments{};
    }
    const double cross = x0 * y1 - x1 * y0;
    m.area += cross;
    m.cx += (x0 + x1) * cross;
    m.cy += (y0 + y1) * cross;
  }
  m.area /= 2;
  return m;
}

}  // namespace

std::optional<std::pair<double, double>> LargestPolygonCentroid(
    const nlohmann::json& geometry) {
  if (!geometry.is_object()) return std::nullopt;
  const std::string type = StringField(geometry, "type");
  auto coords = geometry.find("coordinates");
  if (coords == geometry.end() || !coords->is_array()) return std::nullopt;
  std::vector<const nlohmann::json*> polygons;
  if (type == "Polygon") {
    polygons.push_back(&*coords);
  } else if (type == "MultiPolygon") {
    for (const nlohmann::json& p : *coords) polygons.push_back(&p);
  } else {
    return std::nullopt;
  }
  std::optional<std::pair<double, double>> best;
  double best_area = 0;
  for (const nlohmann::json* polygon : polygons) {
    if (!polygon->is_array() || polygon->empty()) continue;
    const RingMoments m = Moments((*polygon)[0]);  // the outer ring
    if (std::abs(m.area) <= best_area) continue;
    best_area = std::abs(m.area);
    const double lon = m.cx / (6 * m.area);
    const double lat = m.cy / (6 * m.area);
    best = std::make_pair(lat, lon);
  }
  return best;
}

absl::Status AddAdmin1Areas(const std::string& path, GazetteerBuilder* builder,
                            size_t* added, size_t* skipped) {
  absl::StatusOr<nlohmann::json> j = ReadJson(path);
  if (!j.ok()) return j.status();
  auto features = j->find("features");
  if (features == j->end() || !features->is_array()) {
    return absl::DataLossError(path + ": not a GeoJSON FeatureCollection");
  }
  for (const nlohmann::json& f : *features) {
    auto props = f.find("properties");
    if (props == f.end() || !props->is_object()) {
      ++*skipped;
      continue;
    }
    const nlohmann::json& p = *props;
    GazetteerBuilder::Entry e;
    e.country = StringField(p, "iso_a2");
    e.name = StringField(p, "name");
    auto lat = p.find("latitude");
    auto lon = p.find("longitude");
    if (e.country.size() != 2 || e.country == "-1" || e.name.empty() ||
        lat == p.end() || lon == p.end() || !lat->is_number() ||
        !lon->is_number()) {
      ++*skipped;
      continue;
    }
    e.lat = lat->get<double>();
    e.lon = lon->get<double>();
    if (e.lat < -90 || e.lat > 90 || e.lon < -180 || e.lon > 180) {
      ++*skipped;
      continue;
    }
    e.feature = "ADM1";
    if (auto id = p.find("gn_id"); id != p.end() && id->is_number_integer() &&
                                   id->get<int64_t>() > 0 &&
                                   id->get<int64_t>() < (int64_t{1} << 32)) {
      e.geonames_id = static_cast<uint32_t>(id->get<int64_t>());
    }
    // "AR.08": GeoNames' admin-1 code after the country.
    const std::string a1 = StringField(p, "gn_a1_code");
    if (const size_t dot = a1.find('.'); dot != std::string::npos) {
      e.admin1 = a1.substr(dot + 1);
    }
    // Other names: English and local forms, then every language's.
    std::vector<std::string> others;
    for (const char* key : {"name_en", "gn_name", "gns_name", "woe_name"}) {
      others.push_back(StringField(p, key));
    }
    const std::string alternates = StringField(p, "name_alt");
    for (std::string_view alt : Split(alternates, '|')) {
      others.emplace_back(alt);
    }
    for (auto it = p.begin(); it != p.end(); ++it) {
      if (it.key().size() >= 7 && it.key().rfind("name_", 0) == 0 &&
          it.key() != "name_alt" && it.key() != "name_len" && it->is_string()) {
        others.push_back(it->get<std::string>());
      }
    }
    for (std::string& o : others) {
      if (!o.empty() && o != e.name) e.other_names.push_back(std::move(o));
    }
    builder->Add(std::move(e));
    ++*added;
  }
  return absl::OkStatus();
}

absl::Status AddCountries(const std::string& countries_dir,
                          const std::string& lexicon_countries,
                          GazetteerBuilder* builder, size_t* added,
                          size_t* skipped) {
  // Alpha-3 code -> the lexicon's names for the country.
  absl::flat_hash_map<std::string, std::vector<std::string>> lexicon_names;
  if (!lexicon_countries.empty()) {
    absl::Status read = ForEachTsvRow(
        lexicon_countries, [&](int, const std::vector<std::string_view>& f) {
          if (f.size() < 5) return absl::OkStatus();
          std::vector<std::string>& names = lexicon_names[std::string(f[0])];
          names.emplace_back(f[2]);
          for (size_t col : {3, 4}) {
            for (std::string_view n : Split(f[col], '|')) {
              if (!n.empty()) names.emplace_back(n);
            }
          }
          return absl::OkStatus();
        });
    if (!read.ok()) return read;
  }
  // Names a division or region of the country already owns ("England",
  // "Scotland" in the supplement): the lexicon's use of them for the
  // country, right for its actors, is not the place.
  absl::flat_hash_set<std::string> divisions;
  const NameFolder& folder = ThreadNameFolder();
  for (const GazetteerBuilder::Entry& e : builder->entries()) {
    if (e.feature == "ADM1" || e.feature == "RGN" || e.feature == "TRR") {
      divisions.insert(e.country + " " + folder.Key(e.name));
    }
  }
  absl::StatusOr<nlohmann::json> list =
      ReadJson(countries_dir + "/countries.json");
  if (!list.ok()) return list.status();
  if (!list->is_array()) {
    return absl::DataLossError(countries_dir +
                               "/countries.json: not a list of countries");
  }
  for (const nlohmann::json& c : *list) {
    const std::string a2 = c.is_object() ? StringField(c, "country_a2") : "";
    const std::string name =
        c.is_object() ? StringField(c, "country_name") : "";
    // Only plain alpha-2 codes name a file.
    if (a2.size() != 2 || !std::isupper(static_cast<unsigned char>(a2[0])) ||
        !std::isupper(static_cast<unsigned char>(a2[1])) || name.empty()) {
      ++*skipped;
      continue;
    }
    absl::StatusOr<nlohmann::json> shape =
        ReadJson(countries_dir + "/" + a2 + ".json");
    std::optional<std::pair<double, double>> point;
    if (shape.ok() && shape->is_object()) {
      auto g = shape->find("geometry");
      if (g != shape->end()) point = LargestPolygonCentroid(*g);
    }
    if (!point) {
      ++*skipped;
      continue;
    }
    GazetteerBuilder::Entry e;
    // The lexicon's name of the country before Natural Earth's, which
    // has forms like "S. Sudan" and names Palestine "Gaza Strip". The
    // lexicon is keyed by ISO alpha-3, which Natural Earth's own a3 codes
    // ("PSX", "SDS", "KOS") are not always.
    auto lexicon_entry = lexicon_names.find(CountryAlpha3(a2));
    e.name = lexicon_entry != lexicon_names.end()
                 ? lexicon_entry->second.front()
                 : name;
    e.country = a2;
    e.feature = "PCLI";
    e.lat = point->first;
    e.lon = point->second;
    // The short English name and the lexicon's forms are the country's own
    // names too, not another language's.
    if (lexicon_entry != lexicon_names.end()) {
      for (const std::string& n : lexicon_entry->second) {
        if (n != e.name && !divisions.contains(a2 + " " + folder.Key(n))) {
          e.other_names.push_back(n);
        }
      }
    }
    if (auto i18n = c.find("i18n"); i18n != c.end() && i18n->is_object()) {
      const std::string english = StringField(*i18n, "en");
      if (!english.empty() && english != e.name) {
        e.other_names.push_back(english);
      }
    }
    e.own_names = e.other_names.size();
    if (auto i18n = c.find("i18n"); i18n != c.end() && i18n->is_object()) {
      for (auto it = i18n->begin(); it != i18n->end(); ++it) {
        if (it.key() == "en") continue;
        if (it->is_string() && it->get<std::string>() != e.name) {
          e.other_names.push_back(it->get<std::string>());
        }
      }
    }
    builder->Add(std::move(e));
    ++*added;
  }
  return absl::OkStatus();
}

}  // namespace sitrep::geo
