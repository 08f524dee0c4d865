#include "syntax/lemmatizer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <utility>

#include "common/strings.h"
#include "syntax/byte_io.h"

namespace sitrep::syntax {
namespace {

constexpr uint32_t kFormatVersion = 2;
constexpr size_t kMaxSuffix = 5;    // bytes of a form's end that select a rule
constexpr int kMinSuffixTypes = 2;  // word types behind a suffix rule

std::string Join(std::string_view a, std::string_view b) {
  std::string key;
  key.reserve(a.size() + b.size() + 1);
  key.append(a).push_back('\t');
  key.append(b);
  return key;
}

// The WordNet exception-list class of a Penn Treebank tag, or 0.
char WordNetClass(std::string_view xpos) {
  if (xpos.starts_with("VB")) return 'v';
  if (xpos == "NN" || xpos == "NNS") return 'n';
  if (xpos.starts_with("JJ")) return 'a';
  if (xpos.starts_with("RB")) return 'r';
  return 0;
}

// The most frequent value of each key; ties go to the smaller value, so
// the result does not depend on hash order.
template <typename Map>
void KeepMostFrequent(
    const std::map<std::string, std::map<std::string, int>>& counts, Map* out) {
  for (const auto& [key, values] : counts) {
    const std::string* best = nullptr;
    int best_count = 0;
    for (const auto& [value, count] : values) {
      if (count > best_count) {
        best = &value;
        best_count = count;
      }
    }
    if (best != nullptr) out->emplace(key, *best);
  }
}

void PutTable(
    const absl::flat_hash_map<std::string, std::string, text::StringViewHash,
                              text::StringViewEq>& table,
    ByteWriter* out) {
  // Sorted, so that the same model always serialises to the same bytes.
  std::vector<std::pair<std::string, std::string>> sorted(table.begin(),
                                                          table.end());
  std::sort(sorted.begin(), sorted.end());
  out->PutU32(static_cast<uint32_t>(sorted.size()));
  for (const auto& [key, value] : sorted) {
    out->PutString(key);
    out->PutString(value);
  }
}

template <typename Table>
bool GetTable(ByteReader* in, Table* table) {
  uint32_t count = 0;
  if (!in->GetU32(&count) || count > in->remaining() / 8) return false;
  std::string key, value;
  for (uint32_t i = 0; i < count; ++i) {
    if (!in->GetString(&key) || !in->GetString(&value)) return false;
    table->emplace(key, value);
  }
  return true;
}

// Calls fn(class, space-separated fields) for every line of WordNet's
// per-part-of-speech files of one kind: "index" (index.verb ...) or "exc"
// (verb.exc ...). Missing files are skipped.
template <typename Fn>
void ForEachWordNetLine(const std::string& dir, std::string_view kind,
                        Fn&& fn) {
  for (const auto& [pos, cls] :
       {std::pair{"verb", 'v'}, {"noun", 'n'}, {"adj", 'a'}, {"adv", 'r'}}) {
    const std::string file = kind == "index" ? StrCat(dir, "/index.", pos)
                                             : StrCat(dir, "/", pos, ".", kind);
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) fn(cls, Split(line, ' '));
    }
  }
}

}  // namespace

Lemmatizer Lemmatizer::Train(std::span<const SyntaxSentence> sentences,
                             const std::string& wordnet_dir) {
  Lemmatizer model;
  std::map<std::string, std::map<std::string, int>> lemma_counts;
  std::map<std::string, std::map<std::string, int>> lower_counts;
  std::map<std::string, std::map<std::string, int>> feats_counts;
  std::map<std::string, std::map<std::string, int>> tag_feats_counts;
  for (const SyntaxSentence& sentence : sentences) {
    for (const SyntaxWord& w : sentence.words) {
      ++lemma_counts[Join(w.form, w.xpos)][w.lemma];
      ++lower_counts[Join(AsciiLower(w.form), w.xpos)][w.lemma];
      ++feats_counts[Join(Join(AsciiLower(w.form), w.upos), w.xpos)][w.feats];
      ++tag_feats_counts[Join(w.upos, w.xpos)][w.feats];
    }
  }
  KeepMostFrequent(lemma_counts, &model.lemmas_);
  KeepMostFrequent(lower_counts, &model.lower_lemmas_);
  KeepMostFrequent(feats_counts, &model.feats_);
  KeepMostFrequent(tag_feats_counts, &model.tag_feats_);

  // Edit rules, counted over word types (form, xpos) with their lemma.
  std::map<std::tuple<bool, uint32_t, std::string>, uint32_t> rule_ids;
  std::map<std::string, std::map<uint32_t, int>> suffix_counts;
  // In key order (not hash order), so that rule numbers, and the ties
  // between equally frequent rules, are the same on every run.
  for (const auto& entry : lemma_counts) {
    const std::string& key = entry.first;
    const std::string& lemma = model.lemmas_.find(key)->second;
    const size_t tab = key.rfind('\t');
    const std::string form = key.substr(0, tab);
    const std::string xpos = key.substr(tab + 1);
    const std::string lower = AsciiLower(form);
    auto common = [&](const std::string& source) {
      size_t n = 0;
      while (n < source.size() && n < lemma.size() && source[n] == lemma[n])
        ++n;
      return n;
    };
    const size_t keep = common(form);
    const size_t lowered = common(lower);
    // Lowercasing wins ties: most lemmas are lowercase, so an unseen
    // capitalised word ("Shelled" opening a headline) is lowercased unless
    // its tag's words keep their case (proper nouns).
    const bool lowercase = lowered >= keep;
    const size_t prefix = lowercase ? lowered : keep;
    const auto rule =
        std::make_tuple(lowercase, static_cast<uint32_t>(form.size() - prefix),
                        lemma.substr(prefix));
    auto [it, added] =
        rule_ids.try_emplace(rule, static_cast<uint32_t>(model.rules_.size()));
    if (added) {
      model.rules_.push_back(
          Rule{lowercase, std::get<1>(rule), std::get<2>(rule)});
    }
    for (size_t length = 0; length <= std::min(kMaxSuffix, lower.size());
         ++length) {
      ++suffix_counts[Join(xpos, std::string_view(lower).substr(
                                     lower.size() - length))][it->second];
    }
  }
  for (const auto& [key, counts] : suffix_counts) {
    int total = 0;
    uint32_t best = 0;
    int best_count = 0;
    for (const auto& [rule, count] : counts) {
      total += count;
      if (count > best_count) {
        best = rule;
        best_count = count;
      }
    }
    const bool is_default = key.back() == '\t';
    if (is_default || total >= kMinSuffixTypes) {
      model.suffix_rules_.emplace(key, best);
    }
  }

  // Known lemmas: the treebank's, and WordNet's index of each part of
  // speech (lines "lemma pos ...", multiword lemmas with '_' skipped).
  for (const auto& [key, lemma] : model.lemmas_) {  // a set: order is moot
    const char cls = WordNetClass(key.substr(key.rfind('\t') + 1));
    if (cls != 0)
      model.known_lemmas_.insert(Join(AsciiLower(lemma), std::string(1, cls)));
  }
  ForEachWordNetLine(wordnet_dir, "index", [&](char cls, auto fields) {
    // Lines "lemma pos ..."; the licence header starts with a space.
    if (fields[0].empty() || fields[0].find('_') != std::string_view::npos) {
      return;  // header, or a multiword lemma
    }
    model.known_lemmas_.insert(Join(fields[0], std::string(1, cls)));
  });

  // WordNet's irregular forms: lines "form lemma ...", single words only.
  ForEachWordNetLine(wordnet_dir, "exc", [&](char cls, auto fields) {
    if (fields.size() < 2 || fields[0].empty() || fields[1].empty() ||
        fields[0].find('_') != std::string_view::npos) {
      return;
    }
    model.exceptions_.emplace(Join(fields[0], std::string(1, cls)),
                              std::string(fields[1]));
  });
  return model;
}

std::string Lemmatizer::ApplyRule(std::string_view form,
                                  const Rule& rule) const {
  std::string source = rule.lowercase ? AsciiLower(form) : std::string(form);
  if (rule.strip > source.size()) return source;
  source.resize(source.size() - rule.strip);
  source.append(rule.append);
  return source;
}

std::string Lemmatizer::Lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  thread_local std::string key;
  key.assign(form).push_back('\t');
  key.append(xpos);
  if (auto it = lemmas_.find(key); it != lemmas_.end()) return it->second;
  const std::string lower = AsciiLower(form);
  key.assign(lower).push_back('\t');
  key.append(xpos);
  if (auto it = lower_lemmas_.find(key); it != lower_lemmas_.end()) {
    return it->second;
  }
  if (const char cls = WordNetClass(xpos); cls != 0) {
    key.assign(lower).push_back('\t');
    key.push_back(cls);
    if (auto it = exceptions_.find(key); it != exceptions_.end()) {
      return it->second;
    }
  }
  const char cls = WordNetClass(xpos);
  std::string first;  // the longest suffix's result
  for (size_t length = std::min(kMaxSuffix, lower.size());; --length) {
    key.assign(xpos).push_back('\t');
    key.append(std::string_view(lower).substr(lower.size() - length));
    if (auto it = suffix_rules_.find(key); it != suffix_rules_.end()) {
      std::string candidate = ApplyRule(form, rules_[it->second]);
      if (cls == 0) return candidate;
      key = AsciiLower(candidate);
      key.push_back('\t');
      key.push_back(cls);
      if (known_lemmas_.contains(key)) return candidate;
      if (first.empty()) first = std::move(candidate);
    }
    if (length == 0) break;
  }
  if (!first.empty()) return first;
  // An XPOS never seen in training: lowercase, except for proper nouns.
  return upos == "PROPN" ? std::string(form) : lower;
}

std::string Lemmatizer::Feats(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  thread_local std::string key;
  key = AsciiLower(form);
  key.push_back('\t');
  key.append(upos).push_back('\t');
  key.append(xpos);
  if (auto it = feats_.find(key); it != feats_.end()) return it->second;
  key.assign(upos).push_back('\t');
  key.append(xpos);
  if (auto it = tag_feats_.find(key); it != tag_feats_.end()) {
    return it->second;
  }
  return "";
}

void Lemmatizer::Serialize(std::string* out) const {
  ByteWriter w;
  w.PutU32(kFormatVersion);
  for (const Table* table :
       {&lemmas_, &lower_lemmas_, &exceptions_, &feats_, &tag_feats_}) {
    PutTable(*table, &w);
  }
  std::vector<std::string> known(known_lemmas_.begin(), known_lemmas_.end());
  std::sort(known.begin(), known.end());
  w.PutU32(static_cast<uint32_t>(known.size()));
  for (const std::string& lemma : known) w.PutString(lemma);
  w.PutU32(static_cast<uint32_t>(rules_.size()));
  for (const Rule& rule : rules_) {
    w.PutU32(rule.lowercase ? 1 : 0);
    w.PutU32(rule.strip);
    w.PutString(rule.append);
  }
  std::vector<std::pair<std::string, uint32_t>> sorted(suffix_rules_.begin(),
                                                       suffix_rules_.end());
  std::sort(sorted.begin(), sorted.end());
  w.PutU32(static_cast<uint32_t>(sorted.size()));
  for (const auto& [key, rule] : sorted) {
    w.PutString(key);
    w.PutU32(rule);
  }
  *out = std::move(w).Take();
}

absl::StatusOr<Lemmatizer> Lemmatizer::Deserialize(std::string_view bytes) {
  const absl::Status corrupt =
      absl::DataLossError("lemmatizer section is corrupt");
  ByteReader in(bytes);
  uint32_t version = 0;
  if (!in.GetU32(&version)) return corrupt;
  if (version != kFormatVersion) {
    return absl::FailedPreconditionError(StrCat("lemmatizer format version ",
                                                version, ", this build reads ",
                                                kFormatVersion));
  }
  Lemmatizer model;
  for (Table* table : {&model.lemmas_, &model.lower_lemmas_, &model.exceptions_,
                       &model.feats_, &model.tag_feats_}) {
    if (!GetTable(&in, table)) return corrupt;
  }
  uint32_t count = 0;
  if (!in.GetU32(&count) || count > in.remaining() / 4) return corrupt;
  std::string lemma;
  for (uint32_t i = 0; i < count; ++i) {
    if (!in.GetString(&lemma)) return corrupt;
    model.known_lemmas_.insert(lemma);
  }
  if (!in.GetU32(&count) || count > in.remaining() / 12) return corrupt;
  for (uint32_t i = 0; i < count; ++i) {
    Rule rule;
    uint32_t lowercase = 0;
    if (!in.GetU32(&lowercase) || lowercase > 1 || !in.GetU32(&rule.strip) ||
        !in.GetString(&rule.append)) {
      return corrupt;
    }
    rule.lowercase = lowercase == 1;
    model.rules_.push_back(std::move(rule));
  }
  if (!in.GetU32(&count) || count > in.remaining() / 8) return corrupt;
  std::string key;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t rule = 0;
    if (!in.GetString(&key) || !in.GetU32(&rule) ||
        rule >= model.rules_.size()) {
      return corrupt;
    }
    model.suffix_rules_.emplace(key, rule);
  }
  if (in.remaining() != 0) return corrupt;
  return model;
}

}  // namespace sitrep::syntax
