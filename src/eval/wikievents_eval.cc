// Argument extraction scored against WikiEvents (include/sitrep/eval.h), and
// the WikiEvents reader and text match of eval/gold_readers.h.
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "common/strings.h"
#include "eval/gold_readers.h"
#include "sitrep/eval.h"

namespace sitrep {
namespace eval {
namespace {

// Lower case with runs of whitespace made one space, ends trimmed.
std::string Normalize(std::string_view s) {
  return AsciiLower(CollapseWhitespace(StripSpace(s)));
}

bool IsWordByte(char c) {
  // Bytes of multi-byte UTF-8 characters count as word bytes: a match never
  // splits a non-ASCII letter.
  return std::isalnum(static_cast<unsigned char>(c)) ||
         (static_cast<unsigned char>(c) & 0x80);
}

// `needle` occurs in `hay` starting and ending at word boundaries.
bool ContainsWords(std::string_view hay, std::string_view needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (size_t pos = hay.find(needle); pos != std::string_view::npos;
       pos = hay.find(needle, pos + 1)) {
    const size_t end = pos + needle.size();
    const bool left =
        pos == 0 || !IsWordByte(hay[pos - 1]) || !IsWordByte(needle.front());
    const bool right = end == hay.size() || !IsWordByte(hay[end]) ||
                       !IsWordByte(needle.back());
    if (left && right) return true;
  }
  return false;
}

// Kuhn's augmenting paths: the sets are a handful of phrases per document.
bool Augment(const std::vector<std::vector<bool>>& m, size_t g,
             std::vector<bool>* seen, std::vector<int>* owner) {
  for (size_t s = 0; s < m[g].size(); ++s) {
    if (!m[g][s] || (*seen)[s]) continue;
    (*seen)[s] = true;
    if ((*owner)[s] < 0 ||
        Augment(m, static_cast<size_t>((*owner)[s]), seen, owner)) {
      (*owner)[s] = static_cast<int>(g);
      return true;
    }
  }
  return false;
}

std::string StringField(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return "";
  return j[key].get<std::string>();
}

// The WikiEvents roles scored, folded into the four of the report: the
// Life.* events name their attacker Killer or Injurer, and
// Conflict.Attack.DetonateExplode names its weapon ExplosiveDevice, which
// is what sitrep's instrument records. Other roles (Place, Demonstrator,
// ...) have no counterpart here and are left out.
const std::map<std::string, std::string>& ScoredRoles() {
  static const std::map<std::string, std::string> roles = {
      {"Attacker", "Attacker"},
      {"Killer", "Attacker"},
      {"Injurer", "Attacker"},
      {"Target", "Target"},
      {"Victim", "Victim"},
      {"Instrument", "Instrument"},
      {"ExplosiveDevice", "Instrument"},
  };
  return roles;
}

// Only the mentions of violent events are counted: attacks and
// demonstrations (Conflict.*) and their outcomes (Life.Die, Life.Injure).
// The other types (Justice, Movement, Contact, Disaster, ...) are not what
// sitrep codes, and their Victim/Target-like roles (a disaster's victims)
// would be misses that say nothing about conflict coding.
bool CountedEventType(std::string_view type) {
  return type.starts_with("Conflict.") || type.starts_with("Life.Die") ||
         type.starts_with("Life.Injure");
}

// Distinct normalised texts, first spelling kept.
void AddText(std::string_view text, std::vector<std::string>* texts) {
  std::string n = Normalize(text);
  if (n.empty()) return;
  if (std::find(texts->begin(), texts->end(), n) == texts->end())
    texts->push_back(std::move(n));
}

void CompareTexts(const std::vector<std::string>& gold,
                  const std::vector<std::string>& sys, PrecisionRecall* pr) {
  pr->gold += gold.size();
  pr->predicted += sys.size();
  std::vector<std::vector<bool>> m(gold.size(),
                                   std::vector<bool>(sys.size(), false));
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t s = 0; s < sys.size(); ++s)
      m[g][s] = LenientTextMatch(gold[g], sys[s]);
  }
  pr->correct += MaxMatching(m);
}

}  // namespace

bool LenientTextMatch(std::string_view a, std::string_view b) {
  const std::string na = Normalize(a), nb = Normalize(b);
  if (na.empty() || nb.empty()) return false;
  return ContainsWords(nb, na) || ContainsWords(na, nb);
}

size_t MaxMatching(const std::vector<std::vector<bool>>& matches,
                   std::vector<int>* pairs) {
  size_t systems = 0;
  for (const auto& row : matches) systems = std::max(systems, row.size());
  std::vector<int> owner(systems, -1);
  size_t n = 0;
  for (size_t g = 0; g < matches.size(); ++g) {
    std::vector<bool> seen(systems, false);
    if (Augment(matches, g, &seen, &owner)) ++n;
  }
  if (pairs != nullptr) {
    pairs->assign(matches.size(), -1);
    for (size_t s = 0; s < systems; ++s) {
      if (owner[s] >= 0) (*pairs)[owner[s]] = static_cast<int>(s);
    }
  }
  return n;
}

absl::StatusOr<WikiEventsDocument> ParseWikiEventsLine(std::string_view line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return absl::InvalidArgumentError("not a JSON object");
  if (!j.contains("tokens") || !j["tokens"].is_array())
    return absl::InvalidArgumentError("no `tokens` list");
  WikiEventsDocument doc;
  doc.id = StringField(j, "doc_id");
  for (const nlohmann::json& t : j["tokens"]) {
    if (!t.is_string())
      return absl::InvalidArgumentError("a token not a string");
    if (!doc.text.empty()) doc.text += ' ';
    Span s;
    s.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += t.get<std::string>();
    s.end = static_cast<uint32_t>(doc.text.size());
    doc.tokens.push_back(s);
  }
  // Entity mentions by id: their token range gives the argument's bytes.
  std::map<std::string, Span> entities;
  if (j.contains("entity_mentions") && j["entity_mentions"].is_array()) {
    for (const nlohmann::json& e : j["entity_mentions"]) {
      if (!e.is_object() || !e.contains("start") || !e.contains("end") ||
          !e["start"].is_number_integer() || !e["end"].is_number_integer())
        continue;
      const int64_t start = e["start"].get<int64_t>();
      const int64_t end = e["end"].get<int64_t>();  // one past the last token
      if (start < 0 || end <= start ||
          end > static_cast<int64_t>(doc.tokens.size()))
        continue;
      entities[StringField(e, "id")] = {doc.tokens[start].begin,
                                        doc.tokens[end - 1].end};
    }
  }
  if (j.contains("event_mentions") && j["event_mentions"].is_array()) {
    for (const nlohmann::json& m : j["event_mentions"]) {
      if (!m.is_object() || !m.contains("arguments") ||
          !m["arguments"].is_array())
        continue;
      const std::string type = StringField(m, "event_type");
      for (const nlohmann::json& a : m["arguments"]) {
        WikiEventsArgument arg;
        arg.event_type = type;
        arg.role = StringField(a, "role");
        arg.text = StringField(a, "text");
        if (auto it = entities.find(StringField(a, "entity_id"));
            it != entities.end()) {
          arg.span = it->second;
          if (arg.text.empty())
            arg.text = doc.text.substr(arg.span.begin, arg.span.size());
        }
        if (arg.role.empty() || arg.text.empty()) continue;
        doc.arguments.push_back(std::move(arg));
      }
    }
  }
  return doc;
}

absl::StatusOr<std::vector<WikiEventsDocument>> ReadWikiEvents(
    std::istream& in, const std::string& name) {
  std::vector<WikiEventsDocument> docs;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (StripSpace(line).empty()) continue;
    absl::StatusOr<WikiEventsDocument> doc = ParseWikiEventsLine(line);
    if (!doc.ok()) {
      return absl::InvalidArgumentError(
          StrCat(name, ":", std::to_string(number), ": ",
                 std::string(doc.status().message())));
    }
    if (doc->id.empty()) doc->id = StrCat(name, ":", std::to_string(number));
    docs.push_back(std::move(doc).value());
  }
  if (docs.empty())
    return absl::InvalidArgumentError(
        StrCat(name, ": no WikiEvents documents"));
  return docs;
}

}  // namespace eval

StatusOr<ArgumentScores> EvaluateWikiEvents(const std::string& path,
                                            const EventCoder& coder) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, "cannot open " + path);
  absl::StatusOr<std::vector<eval::WikiEventsDocument>> gold =
      eval::ReadWikiEvents(in, path);
  if (!gold.ok()) return ToPublicStatus(gold.status());
  std::vector<Document> docs;
  for (const eval::WikiEventsDocument& g : *gold) {
    Document d;
    d.id = g.id;
    d.text = g.text;
    docs.push_back(std::move(d));
  }
  std::vector<CodedDocument> coded;
  eval::CodeInBatches(coder, docs, &coded);
  ArgumentScores scores;
  scores.documents = docs.size();
  // Every scored role gets a row, even one with no gold in this file.
  for (const auto& [role, ours] : eval::ScoredRoles()) scores.per_role[ours];
  for (size_t i = 0; i < docs.size(); ++i) {
    std::map<std::string, std::vector<std::string>> gold_texts, sys_texts;
    for (const eval::WikiEventsArgument& a : (*gold)[i].arguments) {
      if (!eval::CountedEventType(a.event_type)) continue;
      auto role = eval::ScoredRoles().find(a.role);
      if (role == eval::ScoredRoles().end()) continue;
      eval::AddText(a.text, &gold_texts[role->second]);
    }
    // System arguments of every event of the document: WikiEvents marks
    // every mention, not a main event. Casualties carry no victim phrase
    // (only the victims' sector), so the victims are the targets' texts.
    for (const Event& e : coded[i].events) {
      for (const Actor& a : e.source)
        eval::AddText(a.text, &sys_texts["Attacker"]);
      for (const Actor& a : e.target) {
        eval::AddText(a.text, &sys_texts["Target"]);
        eval::AddText(a.text, &sys_texts["Victim"]);
      }
      if (e.instrument)
        eval::AddText(e.instrument->text, &sys_texts["Instrument"]);
    }
    for (auto& [role, pr] : scores.per_role)
      eval::CompareTexts(gold_texts[role], sys_texts[role], &pr);
  }
  return scores;
}

}  // namespace sitrep
