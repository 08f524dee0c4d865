#include "geo/geonames_areas.h"

#include <fstream>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "common/strings.h"
#include "common/tsv.h"
#include "nlohmann/json.hpp"

namespace sitrep::geo {
namespace {

// The words for a second-order division that a report may leave out
// ("Laurel County" is "Laurel" in "Laurel and Clay counties").
constexpr std::string_view kDivisionWords[] = {
    " County",       " Parish", " Borough", " District",  " Census Area",
    " Municipality", " Raion",  " Rayonu",  " Prefecture"};

std::string AreaKey(std::string_view country, std::string_view admin1,
                    std::string_view admin2) {
  return StrCat(country, ".", admin1, ".", admin2);
}

}  // namespace

absl::Status AddAdmin2Areas(const std::string& path, GazetteerBuilder* builder,
                            size_t* added, size_t* skipped) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        path + ": cannot open (run `make deps`, which runs npm ci)");
  }
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    return absl::DataLossError(path + ": not a JSON array");
  }
  // The towns under each admin-2 code: the sum of their positions and
  // populations.
  struct Towns {
    double lat = 0, lon = 0;
    uint64_t population = 0;
    size_t count = 0;
  };
  absl::flat_hash_map<std::string, Towns> towns;
  for (const GazetteerBuilder::Entry& e : builder->entries()) {
    if (e.admin2.empty() || e.feature.rfind("PPL", 0) != 0) continue;
    Towns& t = towns[AreaKey(e.country, e.admin1, e.admin2)];
    t.lat += e.lat;
    t.lon += e.lon;
    t.population += e.population;
    ++t.count;
  }
  std::vector<GazetteerBuilder::Entry> areas;
  for (const nlohmann::json& row : j) {
    if (!row.is_object() || !row.contains("code") || !row.contains("name") ||
        !row["code"].is_string() || !row["name"].is_string()) {
      ++*skipped;
      continue;
    }
    const std::string code = row["code"].get<std::string>();
    const std::string name = row["name"].get<std::string>();
    const std::vector<std::string_view> parts = Split(code, '.');
    if (parts.size() != 3 || parts[0].size() != 2 || name.empty()) {
      ++*skipped;
      continue;
    }
    auto t = towns.find(code);
    if (t == towns.end()) {
      ++*skipped;
      continue;
    }
    GazetteerBuilder::Entry a;
    a.name = name;
    for (std::string_view word : kDivisionWords) {
      if (name.size() > word.size() + 2 &&
          std::string_view(name).substr(name.size() - word.size()) == word) {
        a.other_names.emplace_back(name.substr(0, name.size() - word.size()));
      }
    }
    const double n = static_cast<double>(t->second.count);
    a.lat = t->second.lat / n;
    a.lon = t->second.lon / n;
    a.population = static_cast<uint32_t>(
        std::min<uint64_t>(t->second.population, 0xFFFFFFFFu));
    a.country = std::string(parts[0]);
    a.admin1 = std::string(parts[1]);
    a.admin2 = std::string(parts[2]);
    a.feature = "ADM2";
    areas.push_back(std::move(a));
  }
  *added += areas.size();
  for (GazetteerBuilder::Entry& a : areas) builder->Add(std::move(a));
  return absl::OkStatus();
}

absl::Status UseGeoNamesCountryRecords(const std::string& path,
                                       GazetteerBuilder* builder,
                                       size_t* updated) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        path + ": cannot open (run `make deps`, which runs npm ci)");
  }
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return absl::DataLossError(path + ": not a JSON object of countries");
  }
  for (GazetteerBuilder::Entry& e : builder->entries()) {
    if (e.feature != "PCLI") continue;
    auto c = j.find(e.country);
    if (c == j.end() || !c->is_object()) continue;
    auto id = c->find("gi");
    auto point = c->find("c");
    if (id == c->end() || !id->is_number_unsigned() || point == c->end() ||
        !point->is_object()) {
      continue;
    }
    auto lat = point->find("a");
    auto lon = point->find("o");
    if (lat == point->end() || lon == point->end() || !lat->is_number() ||
        !lon->is_number()) {
      continue;
    }
    const double la = lat->get<double>(), lo = lon->get<double>();
    const uint64_t gi = id->get<uint64_t>();
    if (la < -90 || la > 90 || lo < -180 || lo > 180 || gi == 0 ||
        gi > 0xFFFFFFFFu) {
      continue;
    }
    e.lat = la;
    e.lon = lo;
    e.geonames_id = static_cast<uint32_t>(gi);
    ++*updated;
  }
  return absl::OkStatus();
}

absl::Status MoveCountryPoints(const std::string& path,
                               GazetteerBuilder* builder, size_t* moved) {
  return ForEachTsvRow(
      path, [&](int line_no, const std::vector<std::string_view>& f) {
        double lat = 0, lon = 0;
        if (f.size() != 4 || f[0].size() != 2 || f[3].empty() ||
            !absl::SimpleAtod(std::string(f[1]), &lat) ||
            !absl::SimpleAtod(std::string(f[2]), &lon) || lat < -90 ||
            lat > 90 || lon < -180 || lon > 180) {
          return absl::InvalidArgumentError(
              StrCat(path, ":", line_no,
                     ": expected country, lat, lon (degrees) and a source"));
        }
        bool found = false;
        for (GazetteerBuilder::Entry& e : builder->entries()) {
          if (e.feature != "PCLI" || e.country != f[0]) continue;
          e.lat = lat;
          e.lon = lon;
          found = true;
        }
        if (!found) {
          return absl::InvalidArgumentError(
              StrCat(path, ":", line_no, ": no country ", std::string(f[0])));
        }
        ++*moved;
        return absl::OkStatus();
      });
}

absl::Status AddAdmin1Abbreviations(const std::string& path,
                                    GazetteerBuilder* builder, size_t* added) {
  absl::flat_hash_map<std::string, GazetteerBuilder::Entry*> divisions;
  for (GazetteerBuilder::Entry& e : builder->entries()) {
    if (e.feature != "ADM1") continue;
    // Natural Earth files some islands under their state's code (Lord Howe
    // Island under New South Wales): the division itself is the one with a
    // GeoNames id, then the one the most languages name.
    GazetteerBuilder::Entry*& d = divisions[e.country + "." + e.admin1];
    auto weight = [](const GazetteerBuilder::Entry* x) {
      return std::make_pair(x->geonames_id != 0, x->other_names.size());
    };
    if (d == nullptr || weight(&e) > weight(d)) d = &e;
  }
  return ForEachTsvRow(path, [&](int line_no,
                                 const std::vector<std::string_view>& f) {
    if (f.size() != 4 || f[0].size() != 2 || f[1].empty() || f[2].empty() ||
        f[3].empty()) {
      return absl::InvalidArgumentError(
          StrCat(path, ":", line_no,
                 ": expected country, admin1, abbreviations and a source"));
    }
    auto d = divisions.find(StrCat(f[0], ".", f[1]));
    if (d == divisions.end()) {
      return absl::InvalidArgumentError(StrCat(
          path, ":", line_no, ": no first-order division ", f[0], ".", f[1]));
    }
    for (std::string_view a : Split(f[2], '|')) {
      if (a.empty()) continue;
      if (a.back() == '.') {
        d->second->abbreviations.emplace_back(a);
      } else {
        d->second->other_names.insert(
            d->second->other_names.begin() +
                static_cast<std::ptrdiff_t>(d->second->own_names),
            std::string(a));
        ++d->second->own_names;
      }
      ++*added;
    }
    return absl::OkStatus();
  });
}

}  // namespace sitrep::geo
