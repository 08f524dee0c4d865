// Scoring the event coder against CASE 2021 Task 2 and the PLOVER gold
// records (include/sitrep/eval.h).
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "eval/gold_readers.h"
#include "sitrep/eval.h"

namespace sitrep {
namespace {

// ACLED sub-event type -> CASE 2021 Task 2 label.
const std::map<std::string, std::string>& CaseLabels() {
  static const std::map<std::string, std::string> labels = {
      {"Armed clash", "ARMED_CLASH"},
      {"Government regains territory", "GOV_REGAINS_TERIT"},
      {"Non-state actor overtakes territory", "NON_STATE_ACTOR_OVERTAKES_TER"},
      {"Chemical weapon", "CHEM_WEAP"},
      {"Air/drone strike", "AIR_STRIKE"},
      {"Suicide bomb", "SUIC_BOMB"},
      {"Shelling/artillery/missile attack", "ART_MISS_ATTACK"},
      {"Remote explosive/landmine/IED", "REM_EXPLOS"},
      {"Grenade", "GRENADE"},
      {"Sexual violence", "SEX_VIOL"},
      {"Attack", "ATTACK"},
      {"Abduction/forced disappearance", "ABDUCT_DISSAP"},
      {"Peaceful protest", "PEACE_PROTEST"},
      {"Protest with intervention", "PROTEST_WITH_INTER"},
      {"Excessive force against protesters", "FORCE_AGAINST_PROTEST"},
      {"Violent demonstration", "VIOL_DEMONSTR"},
      {"Mob violence", "MOB_VIOL"},
      {"Agreement", "AGREEMENT"},
      {"Arrests", "ARREST"},
      {"Change to group/activity", "CHANGE_TO_GROUP_ACT"},
      {"Disrupted weapons use", "DISR_WEAP"},
      {"Headquarters or base established", "HQ_ESTABLISHED"},
      {"Looting/property destruction", "PROPERTY_DISTRUCT"},
      {"Non-violent transfer of territory", "NON_VIOL_TERRIT_TRANSFER"},
      {"Other", "OTHER"},
  };
  return labels;
}

constexpr const char* kNoEvent = "NONE";

void Finish(ClassScores* s,
            const std::vector<std::pair<std::string, std::string>>& pairs,
            const std::vector<Document>& items,
            const std::set<std::string>& gold_classes) {
  s->items = pairs.size();
  size_t correct = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& [gold, sys] = pairs[i];
    s->per_class[gold].gold++;
    if (gold_classes.count(sys) || sys == kNoEvent)
      s->per_class[sys].predicted++;
    if (gold == sys) {
      s->per_class[gold].correct++;
      ++correct;
    } else {
      s->confusions.push_back({gold, sys});
      s->confused_items.push_back(i < items.size() ? items[i].id : "");
    }
    if (sys == kNoEvent) s->no_event++;
  }
  s->per_class.erase(kNoEvent);
  s->accuracy = pairs.empty() ? 0 : static_cast<double>(correct) / pairs.size();
  double weighted = 0, macro = 0;
  size_t support = 0, classes = 0;
  for (const auto& [name, pr] : s->per_class) {
    if (pr.gold == 0) continue;
    weighted += pr.f1() * static_cast<double>(pr.gold);
    support += pr.gold;
    macro += pr.f1();
    ++classes;
  }
  s->weighted_f1 = support ? weighted / static_cast<double>(support) : 0;
  s->macro_f1 = classes ? macro / static_cast<double>(classes) : 0;
}

std::string MainAcled(const CodedDocument& doc) {
  for (const Event& e : doc.events) {
    if (e.modality != "asserted" && e.modality != "historical") continue;
    if (!e.acled) continue;
    auto it = CaseLabels().find(e.acled->sub_event_type);
    if (it != CaseLabels().end()) return it->second;
  }
  return kNoEvent;
}

std::string CountryOf(const std::string& code) {
  if (code.size() < 3) return "";
  const std::string prefix = code.substr(0, 3);
  for (const char* bodies : {"IGO", "NGO", "IMG", "MNC", "UIS", "---", "***"}) {
    if (prefix == bodies) return "";
  }
  for (char c : prefix) {
    if (c < 'A' || c > 'Z') return "";
  }
  return prefix;
}

void Compare(const std::set<std::string>& gold,
             const std::set<std::string>& sys, PrecisionRecall* pr) {
  pr->gold += gold.size();
  pr->predicted += sys.size();
  for (const std::string& g : gold) pr->correct += sys.count(g);
}

std::string PloverTypeOf(const std::string& gold) {
  if (gold == "DEMAND") return "REQUEST";
  if (gold == "DISAPPROVE") return "ACCUSE";
  if (gold == "FIGHT") return "ASSAULT";
  if (gold == "INVESTIGATE") return "ACCUSE";
  return gold;
}

}  // namespace

StatusOr<ClassScores> EvaluateCase2021(const std::string& path,
                                       const EventCoder& coder,
                                       bool acled_only) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, "cannot open " + path);
  std::vector<Document> docs;
  std::vector<std::string> gold;
  std::set<std::string> acled_labels;
  for (const auto& [k, v] : CaseLabels()) acled_labels.insert(v);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() != 3) continue;
    const std::string label(StripSpace(f[2]));
    if (acled_only && !acled_labels.count(label)) continue;
    Document d;
    d.id = "case-" + std::string(f[0]);
    d.text = std::string(f[1]);
    docs.push_back(std::move(d));
    gold.push_back(label);
  }
  if (docs.empty()) {
    return Status(StatusCode::kInvalidArgument,
                  path + ": no id<TAB>snippet<TAB>label rows");
  }
  std::vector<CodedDocument> coded;
  eval::CodeInBatches(coder, docs, &coded);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (size_t i = 0; i < docs.size(); ++i) {
    pairs.push_back({gold[i], MainAcled(coded[i])});
  }
  ClassScores scores;
  std::set<std::string> classes(gold.begin(), gold.end());
  for (const auto& l : acled_labels) classes.insert(l);
  Finish(&scores, pairs, docs, classes);
  return scores;
}

StatusOr<PloverScores> EvaluatePlover(const std::string& path,
                                      const EventCoder& coder) {
  std::ifstream in(path);
  if (!in) return Status(StatusCode::kNotFound, "cannot open " + path);
  nlohmann::json records = nlohmann::json::parse(in, nullptr, false);
  if (records.is_discarded() || !records.is_array()) {
    return Status(StatusCode::kInvalidArgument,
                  path + ": not a JSON array of PLOVER records");
  }
  std::vector<Document> docs;
  std::vector<const nlohmann::json*> gold;
  for (const nlohmann::json& r : records) {
    if (!r.is_object() || !r.contains("text") || !r["text"].is_string() ||
        !r.contains("event") || !r["event"].is_string()) {
      continue;
    }
    Document d;
    d.id = r.value("id", "plover");
    d.text = r["text"].get<std::string>();
    if (r.contains("date") && r["date"].is_string()) d.date = r["date"];
    docs.push_back(std::move(d));
    gold.push_back(&r);
  }
  std::vector<CodedDocument> coded;
  eval::CodeInBatches(coder, docs, &coded);
  PloverScores scores;
  scores.records = docs.size();
  std::vector<std::pair<std::string, std::string>> pairs;
  std::set<std::string> classes;
  auto actors = [](const nlohmann::json& r, const char* key,
                   std::set<std::string>* countries,
                   std::set<std::string>* sectors) {
    if (!r.contains(key) || !r[key].is_array()) return;
    for (const nlohmann::json& a : r[key]) {
      if (!a.is_object()) continue;
      if (a.contains("code") && a["code"].is_string()) {
        const std::string c = CountryOf(a["code"].get<std::string>());
        if (!c.empty()) countries->insert(c);
      }
      if (a.contains("sector") && a["sector"].is_string()) {
        const std::string s = a["sector"].get<std::string>();
        if (s.size() >= 3 && s != "***") sectors->insert(s.substr(0, 3));
      }
    }
  };
  for (size_t i = 0; i < docs.size(); ++i) {
    const nlohmann::json& g = *gold[i];
    const std::string gold_type = PloverTypeOf(g["event"].get<std::string>());
    classes.insert(gold_type);
    const Event* main = nullptr;
    for (const Event& e : coded[i].events) {
      main = &e;
      break;
    }
    pairs.push_back({gold_type, main ? main->plover.type : kNoEvent});
    std::set<std::string> gsc, gss, gtc, gts, ssc, sss, stc, sts;
    actors(g, "source", &gsc, &gss);
    actors(g, "target", &gtc, &gts);
    if (main != nullptr) {
      // Gold codes are CAMEO's, so the system's CAMEO code is compared, but
      // only for an actor the system gives a country: a code may begin
      // with a sector alone ("MIL", "CVL"), and that names no country.
      for (const Actor& a : main->source) {
        if (const std::string c = CountryOf(a.code);
            !a.country.empty() && !c.empty()) {
          ssc.insert(c);
        }
        if (!a.sector.empty()) sss.insert(a.sector);
      }
      for (const Actor& a : main->target) {
        if (const std::string c = CountryOf(a.code);
            !a.country.empty() && !c.empty()) {
          stc.insert(c);
        }
        if (!a.sector.empty()) sts.insert(a.sector);
      }
    }
    Compare(gsc, ssc, &scores.source_country);
    Compare(gtc, stc, &scores.target_country);
    Compare(gss, sss, &scores.source_sector);
    Compare(gts, sts, &scores.target_sector);
    // Counts are written as numbers or as strings of digits.
    int64_t dead = -1;
    if (g.contains("dead") && g["dead"].is_number_integer()) {
      dead = g["dead"].get<int64_t>();
    } else if (g.contains("dead") && g["dead"].is_string()) {
      if (!ParseInt(g["dead"].get<std::string>(), &dead)) dead = -1;
    }
    if (dead >= 0) {
      scores.dead.gold++;
      if (main && main->fatalities && main->fatalities->count) {
        scores.dead.predicted++;
        if (*main->fatalities->count == dead) {
          scores.dead.correct++;
        }
      }
    } else if (main && main->fatalities && main->fatalities->count) {
      scores.dead.predicted++;
    }
  }
  for (const char* t :
       {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
        "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
        "MOBILIZE", "COERCE", "ASSAULT"}) {
    classes.insert(t);
  }
  Finish(&scores.event_type, pairs, docs, classes);
  return scores;
}

}  // namespace sitrep
