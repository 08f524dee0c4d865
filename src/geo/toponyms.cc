#include "geo/toponyms.h"

#include <unicode/locid.h>
#include <algorithm>
#include <cmath>
#include <map>

#include "absl/container/flat_hash_map.h"

namespace sitrep::geo {
namespace {

// How strongly an entry of this kind claims a bare name: a country, then a
// first-level division, a capital, a seat of a division, a region.
double FeatureRank(std::string_view f) {
  // A country before any town of its name ("Mexico", not Mexico City);
  // a state before most ("Georgia", "Florida").
  if (f == "PCLI") return 13;
  if (f == "ADM1") return 8;
  if (f == "PPLC") return 5;
  if (f == "RGN" || f == "TRR") return 4;
  if (f == "PPLA") return 3;
  if (f == "PPLA2") return 1.5;
  if (f == "PPLA3" || f == "PPLA4") return 0.5;
  return 0;
}

std::string Precision(std::string_view f) {
  if (f == "PCLI") return "country";
  if (f == "ADM1") return "admin1";
  if (f == "RGN" || f == "TRR") return "region";
  return "point";
}

struct Resolved {
  const Place* place = nullptr;
  double score = 0;
};

}  // namespace

std::string CountryAlpha3(std::string_view alpha2) {
  if (alpha2 == "XK") return "XKX";
  const icu::Locale locale("", std::string(alpha2).c_str());
  return locale.getISO3Country();
}

std::vector<PlaceMention> ResolveToponyms(
    const Gazetteer& gazetteer, const std::vector<ToponymCandidate>& found,
    std::string_view text) {
  std::vector<std::vector<Place>> candidates(found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    candidates[i] = gazetteer.Find(found[i].text);
  }
  // The document's countries: those it names as countries, and those of
  // names that can only be in one country.
  absl::flat_hash_map<std::string, double> focus;
  for (const std::vector<Place>& c : candidates) {
    if (c.empty()) continue;
    bool country = false;
    std::string only(c.front().country);
    for (const Place& p : c) {
      country |= p.feature == "PCLI" && !p.alternate;
      if (p.country != only) only.clear();
    }
    if (country) {
      for (const Place& p : c) {
        if (p.feature == "PCLI") focus[std::string(p.country)] += 2;
      }
    } else if (!only.empty()) {
      focus[only] += 1;
    }
  }
  // "Alexandria, Louisiana", "Pandi, Bulacan": a name right after another
  // and a comma is the first one's parent.
  std::vector<int> parent(found.size(), -1);
  for (size_t i = 0; i + 1 < found.size(); ++i) {
    const Span a = found[i].span, b = found[i + 1].span;
    if (b.begin < a.end || b.begin - a.end > 3) continue;
    const std::string_view between = text.substr(a.end, b.begin - a.end);
    if (between.find(',') != std::string_view::npos &&
        between.find_first_not_of(", ") == std::string_view::npos) {
      parent[i] = static_cast<int>(i + 1);
    }
  }
  std::map<std::string, Resolved> by_name;  // consistency within a document
  std::vector<PlaceMention> out;
  for (size_t i = 0; i < found.size(); ++i) {
    const std::vector<Place>& c = candidates[i];
    if (c.empty()) continue;
    Resolved best;
    auto seen = by_name.find(found[i].text);
    const bool paired =
        parent[i] >= 0 || (i > 0 && parent[i - 1] == static_cast<int>(i));
    if (seen != by_name.end() && !paired) {
      best = seen->second;
    } else {
      for (const Place& p : c) {
        double score = FeatureRank(p.feature) +
                       std::log10(static_cast<double>(p.population) + 1);
        // Found by another language's or an old name: for a town a small
        // doubt; for a country or a division, whose English name is known,
        // a large one ("Beni" is a Congolese city before it is Benin in
        // Swahili).
        if (p.alternate) {
          score -= (p.feature == "PCLI" || p.feature == "ADM1") ? 8 : 1.5;
        }
        if (auto f = focus.find(std::string(p.country)); f != focus.end()) {
          score += std::min(4.0, 1.5 * f->second);
        }
        // The place and its parent agree: the town in the state or country
        // named, and the state or country that holds the town named.
        auto contains = [](const Place& outer, const Place& inner) {
          if (outer.country != inner.country) return 0.0;
          if (outer.feature == "PCLI") return 6.0;
          if (outer.feature == "ADM1" && outer.admin1 == inner.admin1) {
            return 8.0;
          }
          return 0.0;
        };
        if (parent[i] >= 0) {
          double bonus = 0;
          for (const Place& q : candidates[static_cast<size_t>(parent[i])]) {
            bonus = std::max(bonus, contains(q, p));
          }
          score += bonus;
        }
        if (i > 0 && parent[i - 1] == static_cast<int>(i)) {
          double bonus = 0;
          for (const Place& q : candidates[i - 1]) {
            bonus = std::max(bonus, contains(p, q));
          }
          score += bonus;
        }
        if (best.place == nullptr || score > best.score) {
          best.place = &p;
          best.score = score;
        }
      }
      // Kept by value below: the vector outlives the loop.
      by_name[found[i].text] = best;
    }
    const Place& p = *best.place;
    PlaceMention m;
    m.text = found[i].text;
    m.span = found[i].span;
    m.name = std::string(p.name);
    m.geonames_id = p.geonames_id;
    m.lat = p.lat;
    m.lon = p.lon;
    m.country = CountryAlpha3(p.country);
    m.admin1 = std::string(p.admin1);
    m.precision = Precision(p.feature);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sitrep::geo
