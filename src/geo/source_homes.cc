// sitrep::SourceHomeLearner and the homes file (include/sitrep/source_homes.h).
#include "sitrep/source_homes.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status.h"
#include "common/tsv.h"
#include "sitrep/events.h"
#include "sitrep/places.h"

namespace sitrep {
namespace {

// A source needs this many reports before its home is trusted, and this
// share of their names in one state (or one country).
constexpr size_t kMinDocuments = 3;
constexpr double kMinStateShare = 0.12;
constexpr double kMinLead = 1.5;
constexpr double kMinCountryShare = 0.4;

bool IsAlpha3(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

void SourceHomeLearner::Observe(const Document& document,
                                const CodedDocument& coded) {
  if (document.source.empty()) return;
  // Each distinct name spreads a weight of one over the states (and the
  // countries) its own readings lie in; the report as a whole weighs one.
  std::set<std::string> names;
  for (const PlaceMention& p : coded.places) {
    if (!p.adjectival) names.insert(p.text);
  }
  std::map<std::string, double> states, countries;
  double names_in_states = 0, names_in_countries = 0;
  for (const std::string& name : names) {
    std::set<std::string> in_states, in_countries;
    for (const GazetteerEntry& e : places_.Find(name)) {
      if (e.alternate || e.country.empty()) continue;
      in_countries.insert(e.country);
      if (!e.admin1.empty() && e.feature != "PCLI") {
        in_states.insert(e.country + "." + e.admin1);
      }
    }
    if (in_countries.empty()) continue;
    names_in_countries += 1;
    if (!in_states.empty()) names_in_states += 1;
    for (const std::string& s : in_states) {
      states[s] += 1.0 / static_cast<double>(in_states.size());
    }
    for (const std::string& c : in_countries) {
      countries[c] += 1.0 / static_cast<double>(in_countries.size());
    }
  }
  if (names_in_countries == 0) return;
  Tally& tally = sources_[document.source];
  ++tally.documents;
  for (const auto& [key, w] : states) tally.states[key] += w / names_in_states;
  for (const auto& [key, w] : countries) {
    tally.countries[key] += w / names_in_countries;
  }
}

std::vector<SourceHome> SourceHomeLearner::Homes() const {
  // The strongest entry of `m` among those `keep` accepts, when it leads
  // the next by kMinLead; null otherwise.
  auto leader = [](const std::map<std::string, double>& m,
                   auto keep) -> const std::pair<const std::string, double>* {
    const std::pair<const std::string, double>* top = nullptr;
    double second = 0;
    for (const auto& entry : m) {
      if (!keep(entry.first)) continue;
      if (top == nullptr || entry.second > top->second) {
        if (top != nullptr) second = top->second;
        top = &entry;
      } else {
        second = std::max(second, entry.second);
      }
    }
    if (top != nullptr && top->second < kMinLead * second) return nullptr;
    return top;
  };
  std::vector<SourceHome> out;
  for (const auto& [source, tally] : sources_) {
    if (tally.documents < kMinDocuments) continue;
    const double n = static_cast<double>(tally.documents);
    // First the country, then the state within it: a Georgian paper's
    // "Georgia" does not make it a paper of the American state.
    const auto* country =
        leader(tally.countries, [](const std::string&) { return true; });
    if (country == nullptr || country->second / n < kMinCountryShare) {
      continue;
    }
    SourceHome home;
    home.source = source;
    home.documents = tally.documents;
    home.country = country->first;
    home.share = country->second / n;
    const std::string prefix = country->first + ".";
    const auto* state = leader(tally.states, [&](const std::string& key) {
      return key.compare(0, prefix.size(), prefix) == 0;
    });
    if (state != nullptr && state->second / n >= kMinStateShare) {
      home.admin1 = state->first.substr(prefix.size());
      home.share = state->second / n;
    }
    out.push_back(std::move(home));
  }
  return out;
}

std::string SourceHomesToTsv(const std::vector<SourceHome>& homes) {
  std::string out = "source\tcountry\tadmin1\tdocuments\tshare\n";
  for (const SourceHome& h : homes) {
    char share[32];
    std::snprintf(share, sizeof share, "%.3f", h.share);
    // A tab or a line break inside a source name would break the row.
    std::string source = h.source;
    for (char& c : source) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    absl::StrAppend(&out, source, "\t", h.country, "\t", h.admin1, "\t",
                    h.documents, "\t", share, "\n");
  }
  return out;
}

StatusOr<std::vector<SourceHome>> ReadSourceHomes(const std::string& path) {
  std::vector<SourceHome> homes;
  const absl::Status s = ForEachTsvRow(
      path, [&](int line, const std::vector<std::string_view>& f) {
        auto bad = [&](std::string_view why) {
          return absl::InvalidArgumentError(
              absl::StrCat(path, ":", line, ": ", std::string(why)));
        };
        if (f.size() < 3) {
          return bad("want source, country, admin1[, documents, share]");
        }
        SourceHome h;
        h.source = std::string(f[0]);
        h.country = std::string(f[1]);
        h.admin1 = std::string(f[2]);
        if (h.source.empty()) return bad("empty source");
        if (!IsAlpha3(h.country)) {
          return bad("country is not an ISO 3166-1 alpha-3 code");
        }
        if (f.size() > 3 && !f[3].empty() &&
            !absl::SimpleAtoi(std::string(f[3]), &h.documents)) {
          return bad("documents is not a count");
        }
        if (f.size() > 4 && !f[4].empty() &&
            !absl::SimpleAtod(std::string(f[4]), &h.share)) {
          return bad("share is not a number");
        }
        homes.push_back(std::move(h));
        return absl::OkStatus();
      });
  if (!s.ok()) return ToPublicStatus(s);
  return homes;
}

}  // namespace sitrep
