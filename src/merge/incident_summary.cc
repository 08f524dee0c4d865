// An incident as people read it: each report's account as one claim, side
// by side, how far the reports corroborate one another, and where they
// disagree.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "sitrep/incidents.h"

namespace sitrep {
namespace {

using Json = nlohmann::ordered_json;

int PrecisionRank(const std::string& p) {
  static const char* const kOrder[] = {"point",  "near",    "admin2",
                                       "admin1", "country", "region"};
  for (int i = 0; i < 6; ++i) {
    if (p == kOrder[i]) return i;
  }
  return 6;
}

std::string ActorLabel(const Actor& a) {
  if (!a.name.empty()) return a.name;
  if (!a.text.empty()) return a.text;
  return a.code;
}

std::string Labels(const std::vector<Actor>& actors) {
  std::string out;
  for (const Actor& a : actors) {
    if (!out.empty()) out += "; ";
    out += ActorLabel(a);
  }
  return out;
}

// The side of the conflict an actor belongs to (a claimant speaks for, a
// doer acts for): a state (its government,
// forces, police or services, by country) or a non-state armed group (by
// name); "" for a voice that is no party (media, monitors, civilians, the
// publisher's own).
std::string PartyOf(const Actor& a) {
  static const char* const kState[] = {"GOV", "MIL", "COP",
                                       "SPY", "LEG", "JUD"};
  static const char* const kNonState[] = {"REB", "UAF", "CRM"};
  for (const char* s : kState) {
    if (a.sector == s) return a.country.empty() ? "" : a.country + " state";
  }
  for (const char* s : kNonState) {
    if (a.sector == s) return ActorLabel(a);
  }
  // A country named alone ("Russia struck ...") is its state.
  if (a.sector.empty() && !a.country.empty()) return a.country + " state";
  return "";
}

Json OrNull(const std::optional<int64_t>& v) {
  return v ? Json(*v) : Json(nullptr);
}

}  // namespace

IncidentSummary SummarizeIncident(const StoredIncident& incident) {
  IncidentSummary s;
  s.id = incident.id;
  s.first_day = incident.first_day;
  s.last_day = incident.last_day;
  std::set<std::string> documents, sources, parties;
  // One claim per report and voice, in the order their events come.
  std::map<std::pair<std::string, std::string>, size_t> claim_of;
  std::vector<std::set<std::string>> attackers;
  int best_rank = 7;
  for (const StoredEvent& se : incident.events) {
    const Event& e = se.event;
    if (s.event_type.empty() && e.acled) {
      s.event_type = e.acled->event_type;
      s.sub_event_type = e.acled->sub_event_type;
    }
    if (e.location && e.location->geocoded &&
        PrecisionRank(e.location->precision) < best_rank) {
      best_rank = PrecisionRank(e.location->precision);
      s.place = e.location->name;
      s.country = e.location->country;
      s.lat = e.location->lat;
      s.lon = e.location->lon;
      s.located = true;
    }
    documents.insert(se.document_id);
    sources.insert(se.document_source.empty() ? se.document_id
                                              : se.document_source);
    const Actor* claimant =
        e.claim && e.claim->claimant ? &*e.claim->claimant : nullptr;
    const std::string voice =
        claimant != nullptr ? ActorLabel(*claimant) : se.document_source;
    auto [it, added] =
        claim_of.try_emplace({se.document_id, voice}, s.claims.size());
    if (added) {
      IncidentClaim& c = s.claims.emplace_back();
      c.document_id = se.document_id;
      c.document_source = se.document_source;
      c.claimant = voice;
      if (claimant != nullptr) {
        c.claimant_country = claimant->country;
        c.party = PartyOf(*claimant);
      }
      c.stance = e.claim ? e.claim->stance : "reports";
      c.denied = true;
      attackers.emplace_back();
      if (!c.party.empty()) parties.insert(c.party);
    }
    IncidentClaim& c = s.claims[it->second];
    c.event_ids.push_back(e.id);
    const bool negated = e.modality == "negated";
    c.denied = c.denied && negated;
    if (negated) continue;
    if (c.attacker.empty()) c.attacker = Labels(e.source);
    if (c.target.empty()) c.target = Labels(e.target);
    for (const Actor& a : e.source) {
      const std::string party = PartyOf(a);
      if (!party.empty()) attackers[it->second].insert(party);
    }
    if (e.fatalities && e.fatalities->count) {
      c.fatalities = std::max(c.fatalities.value_or(0), *e.fatalities->count);
    }
    if (e.injuries && e.injuries->count) {
      c.injuries = std::max(c.injuries.value_or(0), *e.injuries->count);
    }
  }
  s.reports = documents.size();
  s.sources = sources.size();
  s.parties = parties.size();
  s.corroboration = s.sources <= 1   ? "single source"
                    : s.parties >= 2 ? "several parties"
                                     : "several sources";

  std::vector<int64_t> killed;
  bool denied = false, asserted = false;
  for (const IncidentClaim& c : s.claims) {
    if (c.fatalities) killed.push_back(*c.fatalities);
    (c.denied ? denied : asserted) = true;
  }
  if (!killed.empty()) {
    std::sort(killed.begin(), killed.end());
    s.fatalities_low = killed.front();
    s.fatalities_high = killed.back();
    s.fatalities_best = killed[(killed.size() - 1) / 2];
  }
  for (size_t i = 0; i < attackers.size(); ++i) {
    for (size_t j = i + 1; j < attackers.size(); ++j) {
      if (attackers[i].empty() || attackers[j].empty()) continue;
      std::vector<std::string> both;
      std::set_intersection(attackers[i].begin(), attackers[i].end(),
                            attackers[j].begin(), attackers[j].end(),
                            std::back_inserter(both));
      if (both.empty() &&
          std::find(s.contradictions.begin(), s.contradictions.end(),
                    "attacker") == s.contradictions.end()) {
        s.contradictions.push_back("attacker");
      }
    }
  }
  if (denied && asserted) s.contradictions.push_back("denial");
  if (s.fatalities_low != s.fatalities_high) {
    s.contradictions.push_back("fatalities");
  }
  return s;
}

std::string IncidentToJson(const IncidentSummary& s) {
  Json j;
  j["id"] = s.id;
  j["first_day"] = s.first_day;
  j["last_day"] = s.last_day;
  j["event_type"] = s.event_type;
  j["sub_event_type"] = s.sub_event_type;
  if (s.located) {
    j["location"] = {
        {"name", s.place},
        {"country", s.country.empty() ? Json(nullptr) : Json(s.country)},
        {"lat", s.lat},
        {"lon", s.lon}};
  } else {
    j["location"] = nullptr;
  }
  j["reports"] = s.reports;
  j["sources"] = s.sources;
  j["parties"] = s.parties;
  j["corroboration"] = s.corroboration;
  j["fatalities"] = {{"low", OrNull(s.fatalities_low)},
                     {"best", OrNull(s.fatalities_best)},
                     {"high", OrNull(s.fatalities_high)}};
  j["contradictions"] = s.contradictions;
  Json claims = Json::array();
  for (const IncidentClaim& c : s.claims) {
    Json cj;
    cj["document"] = c.document_id;
    cj["publisher"] = c.document_source;
    cj["claimant"] = c.claimant;
    cj["claimant_country"] =
        c.claimant_country.empty() ? Json(nullptr) : Json(c.claimant_country);
    cj["party"] = c.party.empty() ? Json(nullptr) : Json(c.party);
    cj["stance"] = c.stance;
    cj["denied"] = c.denied;
    cj["attacker"] = c.attacker.empty() ? Json(nullptr) : Json(c.attacker);
    cj["target"] = c.target.empty() ? Json(nullptr) : Json(c.target);
    cj["fatalities"] = OrNull(c.fatalities);
    cj["injuries"] = OrNull(c.injuries);
    cj["events"] = c.event_ids;
    claims.push_back(std::move(cj));
  }
  j["claims"] = std::move(claims);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace sitrep
