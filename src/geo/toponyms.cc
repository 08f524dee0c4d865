#include "geo/toponyms.h"

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <algorithm>
#include <cmath>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace sitrep::geo {
namespace {

// An area rather than a point: a division, a region, a continent, a sea,
// an island, a lake, a range.
bool IsAreaFeature(std::string_view f) {
  return f == "ADM1" || f == "ADM2" || f == "RGN" || f == "TRR" ||
         f == "CONT" || f == "OCN" || f == "SEA" || f == "GULF" ||
         IsLandform(f);
}

// How strongly an entry of this kind claims a bare name: a country, then a
// first-level division, a capital, a seat of a division, a region.
double FeatureRank(std::string_view f) {
  // A country before any town of its name ("Mexico", not Mexico City);
  // a state before most ("Georgia", "Florida").
  if (f == "PCLI") return 13;
  if (f == "ADM1") return 8;
  // A continent or an ocean before any town named after it ("Africa",
  // "Pacific").
  if (f == "CONT" || f == "OCN") return 10;
  if (f == "SEA" || f == "GULF" || IsLandform(f)) return 6;
  if (f == "PPLC") return 5;
  if (f == "RGN" || f == "TRR") return 4;
  if (f == "PPLA") return 3;
  if (f == "PPLA2") return 1.5;
  if (f == "PPLA3" || f == "PPLA4") return 0.5;
  // A county counts by the towns in it, so no more than a town.
  if (f == "ADM2") return 0.5;
  return 0;
}

std::string Precision(std::string_view f) {
  if (f == "PCLI") return "country";
  if (f == "ADM1") return "admin1";
  if (f == "ADM2") return "admin2";
  if (f == "RGN" || f == "TRR" || f == "CONT" || f == "OCN" || f == "SEA" ||
      f == "GULF" || IsLandform(f)) {
    return "region";
  }
  // A road is the line between the places it joins.
  if (f == "RD") return "near";
  return "point";
}

// Words that open a sentence with a capital and are no part of a name
// ("The Athens City Council", "In Cambridge").
bool SentenceOpener(std::string_view word) {
  static constexpr std::string_view kOpeners[] = {
      "The",  "A",    "An",    "In",    "At",     "On",     "From",   "To",
      "Of",   "And",  "But",   "For",   "By",     "With",   "Near",   "Outside",
      "As",   "When", "While", "After", "Before", "Since",  "Across", "Like",
      "Both", "All",  "Many",  "Some",  "Most",   "Several"};
  return std::find(std::begin(kOpeners), std::end(kOpeners), word) !=
         std::end(kOpeners);
}

// The farthest a small place on a road lies from the next place the
// road's name gives.
constexpr double kRoadLegKm = 80;

// Towns this large are known abroad ("Paris", "Alexandria"): named in a
// report about another country, they may well be meant.
constexpr uint32_t kForeignTownPopulation = 1000000;
// How far from the report's other places such a town may still be meant.
constexpr double kAcrossBorderKm = 1000;

// A reading this near another name's town gains up to kNearbyBonus; the
// first kAnchors names a report places are weighed (a bound on the work a
// report naming thousands of places can cause).
constexpr double kNearbyKm = 300;
constexpr double kNearbyBonus = 4;
constexpr size_t kAnchors = 256;

// What the source's home is worth to a reading there: as much as a few of
// the report's own places in the country, or in the state.
constexpr double kHomeCountryBonus = 3;
constexpr double kHomeStateBonus = 5;

}  // namespace

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = 3.14159265358979323846 / 180;
  const double dlat = (lat2 - lat1) * kRadians, dlon = (lon2 - lon1) * kRadians;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
}

std::string CountryAlpha3(std::string_view alpha2) {
  if (alpha2.size() != 2) return "";
  if (alpha2 == "XK") return "XKX";
  const icu::Locale locale("", std::string(alpha2).c_str());
  return locale.getISO3Country();
}

std::string CountryAlpha2(std::string_view alpha3) {
  static const absl::flat_hash_map<std::string, std::string>* const kByAlpha3 =
      [] {
        auto* m = new absl::flat_hash_map<std::string, std::string>();
        for (const char* const* c = uloc_getISOCountries(); *c != nullptr;
             ++c) {
          (*m)[CountryAlpha3(*c)] = *c;
        }
        (*m)["XKX"] = "XK";
        return m;
      }();
  auto f = kByAlpha3->find(std::string(alpha3));
  return f == kByAlpha3->end() ? "" : f->second;
}

void AddRepeatedMentions(const Gazetteer& gazetteer, std::string_view text,
                         std::vector<ToponymCandidate>* found) {
  auto letter_or_digit = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
  };
  auto word_end = [&](size_t i) {
    while (i < text.size() &&
           letter_or_digit(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    return i;
  };
  // The names to spread, by their first word, longest first.
  absl::flat_hash_set<std::string> seen;
  absl::flat_hash_map<std::string, std::vector<std::string>> by_first_word;
  for (const ToponymCandidate& c : *found) {
    const std::string& n = c.text;
    if (n.size() < 3 || !(n[0] >= 'A' && n[0] <= 'Z') || c.adjectival ||
        seen.contains(n)) {
      continue;
    }
    // Only names found where their position says place, or naming an
    // area: a surname found once by chance is not spread.
    if (!c.locative) {
      const std::vector<Place> entries = gazetteer.Find(n);
      const bool area =
          std::any_of(entries.begin(), entries.end(), [](const Place& p) {
            return !p.alternate && (p.feature == "PCLI" ||
                                    p.feature == "ADM1" || p.feature == "ADM2");
          });
      if (!area) continue;
    }
    seen.insert(n);
    size_t first_end = 0;
    while (first_end < n.size() &&
           letter_or_digit(static_cast<unsigned char>(n[first_end]))) {
      ++first_end;
    }
    by_first_word[n.substr(0, first_end)].push_back(n);
  }
  if (by_first_word.empty()) return;
  for (auto& [word, names] : by_first_word) {
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) {
                return a.size() > b.size();
              });
  }
  // The spans already taken, in order (`found` is in document order).
  std::vector<Span> taken;
  taken.reserve(found->size());
  for (const ToponymCandidate& c : *found) taken.push_back(c.span);
  std::sort(taken.begin(), taken.end(),
            [](Span a, Span b) { return a.begin < b.begin; });
  auto overlaps_taken = [&](Span span) {
    // The last span starting before `span` ends, and the one before it
    // (spans may nest), are the only ones that can overlap.
    auto it =
        std::lower_bound(taken.begin(), taken.end(), span.end,
                         [](Span t, uint32_t end) { return t.begin < end; });
    for (int k = 0; k < 2 && it != taken.begin(); ++k) {
      --it;
      if (it->end > span.begin) return true;
    }
    return false;
  };
  std::vector<ToponymCandidate> added;
  for (size_t at = 0; at < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    if (!(c >= 'A' && c <= 'Z') ||
        (at > 0 && letter_or_digit(static_cast<unsigned char>(text[at - 1])))) {
      ++at;
      continue;
    }
    const size_t first_end = word_end(at);
    auto names =
        by_first_word.find(std::string(text.substr(at, first_end - at)));
    if (names == by_first_word.end()) {
      at = first_end;
      continue;
    }
    for (const std::string& n : names->second) {
      const size_t end = at + n.size();
      if (text.compare(at, n.size(), n) != 0 ||
          (end < text.size() &&
           letter_or_digit(static_cast<unsigned char>(text[end])))) {
        continue;
      }
      // The word before: a capitalised one makes this a part of another
      // name, unless it opens the sentence.
      size_t b = at;
      while (b > 0 && text[b - 1] == ' ') --b;
      size_t w = b;
      while (w > 0 &&
             letter_or_digit(static_cast<unsigned char>(text[w - 1]))) {
        --w;
      }
      if (w < b && b < at && text[w] >= 'A' && text[w] <= 'Z' &&
          !SentenceOpener(text.substr(w, b - w))) {
        break;
      }
      // The first word of a longer place's name ("Rock" of "Rock Hill").
      size_t next = end;
      while (next < text.size() && text[next] == ' ') ++next;
      const size_t next_end = word_end(next);
      if (next > end && next_end > next && text[next] >= 'A' &&
          text[next] <= 'Z' &&
          !gazetteer.Find(text.substr(at, next_end - at)).empty()) {
        break;
      }
      const Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
      if (!overlaps_taken(span) &&
          (added.empty() || added.back().span.end <= span.begin)) {
        added.push_back({n, span});
      }
      break;
    }
    at = first_end;
  }
  if (added.empty()) return;
  found->insert(found->end(), added.begin(), added.end());
  std::sort(found->begin(), found->end(),
            [](const ToponymCandidate& a, const ToponymCandidate& b) {
              return a.span.begin < b.span.begin;
            });
}

std::vector<PlaceMention> ResolveToponyms(
    const Gazetteer& gazetteer, const std::vector<ToponymCandidate>& found,
    std::string_view text, const Home* home) {
  // The name each mention is looked up by: "North Georgia" and "Georgia"
  // are one name, read one way and counted once.
  std::vector<std::string> names(found.size());
  std::vector<std::vector<Place>> candidates(found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    names[i] = found[i].lookup.empty() ? found[i].text : found[i].lookup;
    candidates[i] = found[i].demonym ? gazetteer.FindDemonym(names[i])
                                     : gazetteer.Find(names[i]);
  }
  // The document's countries: those it names as countries, and those of
  // names that can only be in one country.
  // Each name's own share is kept apart: "Georgia" said three times in a
  // report on Athens and Clarke County does not vouch for the country.
  absl::flat_hash_map<std::string, double> focus;
  std::map<std::string, absl::flat_hash_map<std::string, double>> own_focus;
  for (size_t i = 0; i < found.size(); ++i) {
    const std::vector<Place>& c = candidates[i];
    if (c.empty()) continue;
    bool country = false;
    std::string only(c.front().country);
    for (const Place& p : c) {
      country |= p.feature == "PCLI" && !p.alternate;
      if (p.country != only) only.clear();
    }
    absl::flat_hash_map<std::string, double>& own = own_focus[names[i]];
    if (country) {
      for (const Place& p : c) {
        if (p.feature == "PCLI") {
          focus[std::string(p.country)] += 2;
          own[std::string(p.country)] += 2;
        }
      }
    } else if (!only.empty()) {
      focus[only] += 1;
      own[only] += 1;
    }
  }
  // Per "country.admin1", how strongly the report's names could lie there:
  // each distinct name spreads a weight of one over the states its
  // readings (towns, counties) lie in.
  absl::flat_hash_map<std::string, double> support;
  std::map<std::string, absl::flat_hash_map<std::string, double>> own_support;
  for (size_t i = 0; i < found.size(); ++i) {
    if (found[i].adjectival || own_support.contains(names[i])) continue;
    absl::flat_hash_map<std::string, double>& own = own_support[names[i]];
    absl::flat_hash_set<std::string> states;
    for (const Place& p : candidates[i]) {
      if (p.country.empty() || p.admin1.empty() || p.feature == "PCLI")
        continue;
      states.insert(std::string(p.country) + "." + std::string(p.admin1));
    }
    for (const std::string& key : states) {
      const double w = 1.0 / static_cast<double>(states.size());
      support[key] += w;
      own[key] += w;
    }
  }
  // Whether a name is a country's or a first-order division's own.
  std::vector<bool> names_area(found.size(), false);
  for (size_t i = 0; i < found.size(); ++i) {
    names_area[i] = std::any_of(
        candidates[i].begin(), candidates[i].end(), [](const Place& q) {
          return !q.alternate && (q.feature == "PCLI" || q.feature == "ADM1");
        });
  }
  // Lists of names ("Arizona, California, Colorado and Georgia"): runs
  // joined by commas, "and" or "or", of four names or more, or of three
  // with a conjunction. A list names places of one kind; list[i] is the
  // first name of mention i's list, -1 when it is in none.
  std::vector<int> list(found.size(), -1);
  {
    auto joined = [&](size_t i) {  // i and i + 1 are neighbours in a run
      const Span a = found[i].span, b = found[i + 1].span;
      if (b.begin < a.end || b.begin - a.end > 6) return 0;
      const std::string_view between = text.substr(a.end, b.begin - a.end);
      if (between == ", " || between == ",") return 1;
      if (between == " and " || between == ", and " || between == " or " ||
          between == ", or ") {
        return 2;
      }
      return 0;
    };
    size_t first = 0;
    while (first < found.size()) {
      size_t last = first;
      bool conjunction = false;
      while (last + 1 < found.size()) {
        const int j = joined(last);
        if (j == 0) break;
        conjunction |= j == 2;
        ++last;
      }
      const size_t size = last - first + 1;
      if (size >= 4 || (size == 3 && conjunction)) {
        for (size_t i = first; i <= last; ++i)
          list[i] = static_cast<int>(first);
      }
      first = last + 1;
    }
  }
  // "Alexandria, Louisiana", "Pandi, Bulacan": a name right after another
  // and a comma is the first one's parent; not in a list, when the first
  // is the own name of a country or a state ("Illinois, Missouri, ...").
  std::vector<int> parent(found.size(), -1);
  for (size_t i = 0; i + 1 < found.size(); ++i) {
    // A place the gazetteer lacks stands for its holder, no town of it.
    if ((list[i] >= 0 && names_area[i]) || found[i].within) continue;
    const Span a = found[i].span, b = found[i + 1].span;
    if (b.begin < a.end || b.begin - a.end > 3) continue;
    const std::string_view between = text.substr(a.end, b.begin - a.end);
    if (between.find(',') != std::string_view::npos &&
        between.find_first_not_of(", ") == std::string_view::npos) {
      parent[i] = static_cast<int>(i + 1);
    }
  }
  // The kind of place the other names of a mention's list are: "ADM1",
  // "PCLI", or none (known after the first pass).
  std::vector<std::string_view> list_kind(found.size());
  using Weights = absl::flat_hash_map<std::string, double>;
  // Where the first pass put the report's towns and counties, one point
  // per name (the first kAnchors names): a reading near another name's is
  // likelier than a namesake far away.
  struct Anchor {
    std::string_view name;
    double lat, lon;
  };
  std::vector<Anchor> anchors;
  auto point_like = [](const Place& p) {
    return p.feature.substr(0, 3) == "PPL" || p.feature == "ADM2";
  };
  // Scores a reading of mention i. `near` holds, per country and per
  // "country.admin1", how many other mentions the first pass put there: a
  // local report's towns are in the state it keeps naming.
  auto score_of = [&](size_t i, const Place& p, const Weights* near,
                      const std::pair<std::string, std::string>* own_count) {
    // How many other mentions the first pass put under `key`.
    auto placed_under = [&](const std::string& key) {
      double n = 0;
      if (auto f = near->find(key); f != near->end()) n = f->second;
      if (own_count != nullptr &&
          (own_count->first == key || own_count->second == key)) {
        n -= 1;
      }
      return n;
    };
    double score = FeatureRank(p.feature) +
                   std::log10(static_cast<double>(p.population) + 1);
    // Found by another language's or an old name: for a town a small
    // doubt; for a country or a division, whose English name is known,
    // a large one ("Beni" is a Congolese city before it is Benin in
    // Swahili).
    if (p.alternate) {
      // An acronym written in capitals ("NSW") that is only another name
      // of a town is mostly a code (of an airport, a station): a large
      // doubt too.
      const std::string& t = found[i].text;
      const bool acronym =
          t.size() <= 4 && std::none_of(t.begin(), t.end(), [](char ch) {
            return ch >= 'a' && ch <= 'z';
          });
      // So is a place known by another name that is the own name of its
      // country or of a state of its country ("Illinois" of a Missouri
      // town, "New Mexico" of Mexico, Missouri): the text means the area.
      // Not a capital, named as its region often is ("Kiev").
      const bool area_in_country =
          p.feature != "PPLC" &&
          std::any_of(candidates[i].begin(), candidates[i].end(),
                      [&](const Place& q) {
                        return !q.alternate && q.country == p.country &&
                               (q.feature == "PCLI" || q.feature == "ADM1");
                      });
      // So, less, is a town known by another name that is a city's own
      // ("Pittsburgh" of Pittsburg, California): the text means the city.
      const bool city_by_name =
          p.feature.substr(0, 3) == "PPL" &&
          std::any_of(
              candidates[i].begin(), candidates[i].end(), [&](const Place& q) {
                return !q.alternate && q.feature.substr(0, 3) == "PPL" &&
                       q.population >= 100000;
              });
      score -= (p.feature == "PCLI" || p.feature == "ADM1" || acronym ||
                area_in_country)
                   ? 8
               : city_by_name ? 4
                              : 1.5;
    }
    // The words around say which kind of place it is; so do the other
    // names of its list (a state among states).
    const bool area_feature = IsAreaFeature(p.feature);
    if ((found[i].kind == 'a' && area_feature) ||
        (found[i].kind == 't' && p.feature.substr(0, 3) == "PPL") ||
        (!list_kind[i].empty() && p.feature == list_kind[i])) {
      score += 4;
    }
    // The country: named by the report's other names, or where the first
    // pass put its other places, whichever says more.
    double country_bonus = 0;
    if (auto f = focus.find(std::string(p.country)); f != focus.end()) {
      double others = f->second;
      const auto& own = own_focus[names[i]];
      if (auto o = own.find(f->first); o != own.end()) others -= o->second;
      country_bonus = std::min(4.0, 1.5 * others);
    }
    if (near != nullptr && !p.country.empty()) {
      const std::string country(p.country);
      const double others = placed_under(country);
      country_bonus = std::max(country_bonus, std::min(6.0, 1.5 * others));
      if (!p.admin1.empty() && p.feature != "PCLI" && p.feature != "ADM1") {
        const std::string key = country + "." + std::string(p.admin1);
        const double placed = placed_under(key);
        // The other names that could lie in the same state, each as much
        // as its readings are few ("Boone County", "Columbia" and
        // "Ashland" together are in Missouri).
        // Not for another name of a town ("Mexico" of Mexico City), nor
        // a town where the name is a country's or a state's own ("England,
        // Arkansas").
        double could = 0;
        if (auto f = support.find(key);
            f != support.end() && !p.alternate && !names_area[i]) {
          could = f->second;
          const auto& own = own_support[names[i]];
          if (auto o = own.find(key); o != own.end()) could -= o->second;
        }
        score += std::min(4.0, std::max(2.0 * placed, 2.5 * could));
      }
      // A state that holds the report's other places ("Georgia" in a
      // report on Athens and Clarke County).
      if (p.feature == "ADM1" && !p.admin1.empty()) {
        score += std::min(
            4.0, 2.0 * placed_under(country + "." + std::string(p.admin1)));
      }
    }
    // Where the source is at home, unless the report says otherwise: its
    // readers' country, and their state.
    if (home != nullptr && !p.country.empty() && p.country == home->country) {
      country_bonus = std::max(country_bonus, kHomeCountryBonus);
      if (!home->admin1.empty() && p.admin1 == home->admin1 &&
          p.feature != "PCLI") {
        score += kHomeStateBonus;
      }
    }
    score += country_bonus;
    // Near the report's other towns: up to kNearbyBonus within a few km,
    // nothing from kNearbyKm on.
    if (near != nullptr && point_like(p) && !p.alternate && !names_area[i]) {
      double nearest = kNearbyKm;
      for (const Anchor& a : anchors) {
        if (a.name == names[i]) continue;
        nearest = std::min(nearest, DistanceKm(p.lat, p.lon, a.lat, a.lon));
      }
      score += kNearbyBonus * (1 - nearest / kNearbyKm);
    }
    // The place and its parent agree: the town in the state or country
    // named, and the state or country that holds the town named.
    auto contains = [](const Place& outer, const Place& inner) {
      if (outer.country.empty() || outer.country != inner.country) return 0.0;
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
    return score;
  };
  // Where a first pass put the mentions, each distinct name once:
  // name -> (country, "country.admin1").
  std::map<std::string, std::pair<std::string, std::string>> counted;
  // Each mention's best reading, given where the other mentions lie (none
  // on the first pass); a name keeps the reading it got first in the
  // document unless a parent beside it says otherwise.
  auto resolve = [&](const Weights* near) {
    std::vector<const Place*> chosen(found.size(), nullptr);
    std::map<std::string, const Place*> by_name;
    for (size_t i = 0; i < found.size(); ++i) {
      const std::vector<Place>& c = candidates[i];
      if (c.empty() || found[i].within) continue;
      const bool paired =
          parent[i] >= 0 || (i > 0 && parent[i - 1] == static_cast<int>(i));
      auto seen = by_name.find(names[i]);
      if (seen != by_name.end() && !paired) {
        chosen[i] = seen->second;
        continue;
      }
      // A mention does not vouch for itself: its own count is taken out.
      const std::pair<std::string, std::string>* own = nullptr;
      if (auto o = counted.find(names[i]); o != counted.end()) {
        own = &o->second;
      }
      double best = 0;
      for (const Place& p : c) {
        const double score = score_of(i, p, near, own);
        if (chosen[i] == nullptr || score > best) {
          chosen[i] = &p;
          best = score;
        }
      }
      by_name.emplace(names[i], chosen[i]);
    }
    // A place the gazetteer lacks: its holder as the report reads it
    // elsewhere, else its holder's likeliest reading.
    for (size_t i = 0; i < found.size(); ++i) {
      if (!found[i].within || candidates[i].empty()) continue;
      if (auto seen = by_name.find(names[i]); seen != by_name.end()) {
        chosen[i] = seen->second;
        continue;
      }
      double best = 0;
      for (const Place& p : candidates[i]) {
        const double score = score_of(i, p, near, nullptr);
        if (chosen[i] == nullptr || score > best) {
          chosen[i] = &p;
          best = score;
        }
      }
    }
    return chosen;
  };
  const std::vector<const Place*> first = resolve(nullptr);
  // The kind of a list's places, where the first pass read two thirds of
  // its other names, and at least two, as countries or as states. Counted
  // once per list, then each name's own reading taken out: a list of any
  // length costs its length.
  for (size_t first_name = 0; first_name < found.size();) {
    if (list[first_name] < 0) {
      ++first_name;
      continue;
    }
    size_t end = first_name;
    absl::flat_hash_map<std::string_view, int> kinds;
    for (; end < found.size() && list[end] == list[first_name]; ++end) {
      if (first[end] != nullptr) ++kinds[first[end]->feature];
    }
    const int others = static_cast<int>(end - first_name) - 1;
    for (size_t i = first_name; i < end; ++i) {
      for (std::string_view kind : {"ADM1", "PCLI"}) {
        const int n =
            kinds[kind] -
            (first[i] != nullptr && first[i]->feature == kind ? 1 : 0);
        if (n >= 2 && 3 * n >= 2 * others) list_kind[i] = kind;
      }
    }
    first_name = end;
  }
  Weights near;
  for (size_t i = 0; i < found.size(); ++i) {
    if (first[i] == nullptr || first[i]->country.empty()) continue;
    const Place& p = *first[i];
    const std::string country(p.country);
    const std::string admin1 = p.admin1.empty() || p.feature == "PCLI"
                                   ? ""
                                   : country + "." + std::string(p.admin1);
    counted.emplace(names[i], std::make_pair(country, admin1));
  }
  for (const auto& [name, where] : counted) {
    near[where.first] += 1;
    if (!where.second.empty()) near[where.second] += 1;
  }
  {
    absl::flat_hash_set<std::string_view> anchored;
    for (size_t i = 0; i < found.size() && anchors.size() < kAnchors; ++i) {
      if (first[i] == nullptr || !point_like(*first[i]) ||
          !anchored.insert(names[i]).second) {
        continue;
      }
      anchors.push_back({names[i], first[i]->lat, first[i]->lon});
    }
  }
  std::vector<const Place*> second = resolve(&near);
  // A road joins places near one another: a part read as a small place
  // far from every other part of its road is a namesake ("Ahmedbeyli" of
  // the Ahmedbeyli-Fizuli-Shusha highway is not the Əhmədbəyli 110 km
  // away), and is left unplaced. Large towns may end long roads.
  for (size_t i = 0; i < found.size(); ++i) {
    if (found[i].road == 0 || second[i] == nullptr) continue;
    const Place& p = *second[i];
    if (p.feature == "PPLC" || p.feature == "PPLA" || p.population >= 100000) {
      continue;
    }
    double nearest = -1;
    for (size_t j = 0; j < found.size(); ++j) {
      if (j == i || found[j].road != found[i].road || second[j] == nullptr ||
          found[j].text == found[i].text) {
        continue;
      }
      const double d = DistanceKm(p.lat, p.lon, second[j]->lat, second[j]->lon);
      if (nearest < 0 || d < nearest) nearest = d;
    }
    if (nearest > kRoadLegKm) second[i] = nullptr;
  }
  // A small town abroad that nothing else in a report points to, in a
  // report whose places lie in another country, is more likely a place the
  // gazetteer lacks than that town ("Kani" in a report on Sagaing is a
  // Myanmar township, not the Japanese city): left unplaced.
  std::string main_country;
  double home_count = 0;
  for (const auto& [key, count] : near) {
    if (key.find('.') == std::string::npos && count > home_count) {
      main_country = key;
      home_count = count;
    }
  }
  for (size_t i = 0; i < found.size(); ++i) {
    if (second[i] == nullptr || home_count < 3) continue;
    const Place& p = *second[i];
    const std::string country(p.country);
    double named = 0;  // by the report's other names
    if (auto f = focus.find(country); f != focus.end()) {
      named = f->second;
      const auto& own = own_focus[names[i]];
      if (auto o = own.find(country); o != own.end()) named -= o->second;
    }
    if (country.empty() || country == main_country || named > 0 ||
        p.feature == "PCLI" || p.feature == "ADM1" || p.feature == "PPLC" ||
        p.feature == "CONT" || p.feature == "OCN" ||
        p.population >= kForeignTownPopulation || parent[i] >= 0 ||
        (i > 0 && parent[i - 1] == static_cast<int>(i))) {
      continue;
    }
    double others = near[country];
    if (auto own = counted.find(names[i]);
        own != counted.end() && own->second.first == country) {
      others -= 1;
    }
    if (others > 0) continue;
    // Across a border from the report's other places it may well be meant
    // ("Darfur and Malakal").
    bool near_others = false;
    for (size_t j = 0; j < found.size() && !near_others; ++j) {
      if (second[j] == nullptr || names[j] == names[i] ||
          second[j]->country == p.country) {
        continue;
      }
      near_others = DistanceKm(p.lat, p.lon, second[j]->lat, second[j]->lon) <=
                    kAcrossBorderKm;
    }
    if (!near_others) second[i] = nullptr;
  }
  std::vector<PlaceMention> out;
  for (size_t i = 0; i < found.size(); ++i) {
    if (second[i] == nullptr) continue;
    const Place& p = *second[i];
    PlaceMention m;
    m.text = found[i].text;
    m.span = found[i].span;
    m.name = std::string(p.name);
    m.geonames_id = p.geonames_id;
    m.lat = p.lat;
    m.lon = p.lon;
    m.country = CountryAlpha3(p.country);
    m.admin1 = std::string(p.admin1);
    m.admin2 = std::string(p.admin2);
    m.precision = Precision(p.feature);
    // "the Shushi region" read as the town Shushi, "the Adhamiyah district
    // of Baghdad" placed at Baghdad: around it.
    if ((found[i].kind == 'a' || found[i].within) && m.precision == "point") {
      m.precision = "near";
    }
    m.adjectival = found[i].adjectival;
    m.locative = found[i].locative;
    m.road = found[i].road;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sitrep::geo
