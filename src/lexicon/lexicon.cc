#include "lexicon/lexicon.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "common/strings.h"
#include "sitrep/text.h"
#include "syntax/byte_io.h"
#include "syntax/model_format.h"

namespace sitrep::lexicon {
namespace {

using syntax::ByteReader;
using syntax::ByteWriter;

constexpr std::array<std::string_view, 16> kPloverTypes = {
    "AGREE",    "CONSULT",  "SUPPORT", "CONCEDE", "COOPERATE", "AID",
    "RETREAT",  "REQUEST",  "ACCUSE",  "REJECT",  "THREATEN",  "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT"};

constexpr std::array<std::string_view, 14> kFrameNames = {
    "",         "@attack", "@fire",    "@bomb",  "@explode",
    "@seize",   "@clash",  "@protest", "@kill",  "@injure",
    "@destroy", "@find",   "@drop",    "@object"};

constexpr std::array<std::string_view, 5> kStanceNames = {
    "asserts", "accuses", "denies", "reports", "claims"};

const std::vector<std::string_view>& SectorCodes() {
  static const std::vector<std::string_view> codes = {
      "MIL", "GOV", "COP", "REB", "SPY", "CVL", "OPP", "REF",
      "PKO", "IGO", "NGO", "MED", "HLH", "JUD", "LEG", "BUS",
      "EDU", "REL", "LAB", "CRM", "UAF", "PTY", "ETH"};
  return codes;
}

bool IsUpperCode(std::string_view s, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; });
}

// One TSV source: comment lines start with '#', the first other line is
// the header, the rest are rows of exactly as many fields.
struct TsvRow {
  int line = 0;
  std::vector<std::string> fields;
};

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// The regular inflections of an English verb ("seize": seizes, seized,
// seizing; "kidnap": also kidnapped, kidnapping). A phrase is then found by
// its form even when the tagger took a participle for an adjective and
// gave it no verb lemma. Forms that are not words never occur in text, so
// generating both spellings where doubling is uncertain costs nothing.
std::vector<std::string> VerbForms(const std::string& v) {
  std::vector<std::string> out;
  const size_t n = v.size();
  if (n < 2) return out;
  const char last = v[n - 1], before = v[n - 2];
  auto ends = [&](std::string_view suffix) {
    return v.size() >= suffix.size() &&
           v.compare(v.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (last == 'e') {
    const std::string stem = v.substr(0, n - 1);
    out = {v + "s", v + "d", stem + "ing"};
  } else if (last == 'y' && !IsVowel(before)) {
    const std::string stem = v.substr(0, n - 1);
    out = {stem + "ies", stem + "ied", v + "ing"};
  } else if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) {
    out = {v + "es", v + "ed", v + "ing"};
  } else {
    out = {v + "s", v + "ed", v + "ing"};
    if (n >= 3 && !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
        IsVowel(before) && !IsVowel(v[n - 3])) {
      out.push_back(v + last + "ed");
      out.push_back(v + last + "ing");
    }
  }
  return out;
}

class Compiler {
 public:
  explicit Compiler(std::string directory) : directory_(std::move(directory)) {}

  absl::StatusOr<std::unique_ptr<Lexicon>> Run();

 private:
  std::vector<TsvRow> ReadTsv(const std::string& file,
                              std::vector<std::string_view> columns);
  void Error(const std::string& file, int line, const std::string& message) {
    errors_.push_back(StrCat(directory_, "/", file, ":", line, ": ", message));
  }
  // The words of a phrase as the text layer tokenises them.
  std::vector<std::string> Words(std::string_view phrase);
  void AddPhrase(const std::string& file, int line, std::string_view phrase,
                 EntryKind kind, uint32_t index, bool unique);
  void AddPhrases(const std::string& file, int line, std::string_view list,
                  EntryKind kind, uint32_t index);
  // A verb phrase and its inflected forms (the first word inflected).
  void AddVerbPhrase(const std::string& file, int line, std::string_view phrase,
                     EntryKind kind, uint32_t index);
  PartOfSpeech ParsePos(const std::string& file, int line,
                        std::string_view pos);

  void CompileEventClasses();
  void CompileCountries();
  void CompileOrganizations();
  void CompileOrganizationFile(const std::string& file);
  void CompileSectors();
  void CompileEvents();
  void CompileSimple(const std::string& file, std::string_view value_column,
                     EntryKind kind, std::vector<std::string>* values);
  void CompileReporting();
  void CompileQuantities();
  void CompileObjectSenses();

  std::string directory_;
  std::unique_ptr<Lexicon> lexicon_ = std::make_unique<Lexicon>();
  std::unique_ptr<TextAnalyzer> analyzer_;
  std::vector<std::string> errors_;
  // Actor phrases (countries, organisations) must name one thing only.
  absl::flat_hash_map<std::string, std::string> actor_phrases_;
  // Other phrases must not repeat within their kind and part of speech.
  absl::flat_hash_map<std::string, std::string> seen_;
  // "phrase pos" of events.tsv -> index into event_words.
  absl::flat_hash_map<std::string, uint32_t> event_word_index_;
};

std::vector<TsvRow> Compiler::ReadTsv(const std::string& file,
                                      std::vector<std::string_view> columns) {
  std::vector<TsvRow> rows;
  std::ifstream in(directory_ + "/" + file);
  if (!in) {
    Error(file, 0, "cannot open the file");
    return rows;
  }
  std::string line;
  int number = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    for (std::string_view f : Split(line, '\t')) fields.emplace_back(f);
    if (!header) {
      header = true;
      std::vector<std::string> expected(columns.begin(), columns.end());
      if (fields != expected) {
        std::string want;
        for (std::string_view c : columns)
          want += StrCat(want.empty() ? "" : " ", c);
        Error(file, number, "the header must be the columns: " + want);
      }
      continue;
    }
    if (fields.size() != columns.size()) {
      Error(file, number,
            StrCat("expected ", columns.size(), " tab-separated fields, found ",
                   fields.size()));
      continue;
    }
    bool ok = true;
    for (const std::string& f : fields) {
      if (f != StripSpace(f)) {
        Error(file, number, "a field has leading or trailing spaces");
        ok = false;
        break;
      }
    }
    if (ok) rows.push_back({number, std::move(fields)});
  }
  if (!header) Error(file, number, "no header line");
  return rows;
}

std::vector<std::string> Compiler::Words(std::string_view phrase) {
  std::vector<std::string> words;
  Document doc;
  doc.text = std::string(phrase);
  AnalyzedText out;
  if (!analyzer_->Analyze(doc, &out).ok()) return words;
  for (const Sentence& s : out.sentences) {
    for (const Token& t : s.tokens) words.push_back(t.text);
  }
  return words;
}

void Compiler::AddPhrase(const std::string& file, int line,
                         std::string_view phrase, EntryKind kind,
                         uint32_t index, bool unique) {
  std::vector<std::string> words = Words(phrase);
  if (words.empty()) {
    Error(file, line, StrCat("empty phrase '", phrase, "'"));
    return;
  }
  // Acronyms ("IS", "US", "ISIL") match their exact form only.
  const bool case_sensitive =
      words.size() == 1 && words[0].size() <= 5 && IsUpperCode(words[0], 2, 5);
  if (!case_sensitive) {
    for (std::string& w : words) w = FoldCase(w);
  }
  std::string key = StrCat(case_sensitive ? "=" : "~");
  for (const std::string& w : words) key += StrCat(" ", w);
  const std::string where = StrCat(file, ":", line);
  if (unique) {
    auto [it, inserted] = actor_phrases_.try_emplace(key, where);
    if (!inserted) {
      if (it->second != where) {
        Error(file, line,
              StrCat("'", phrase, "' already names an actor at ", it->second));
      }
      return;
    }
  }
  lexicon_->matcher.Add(
      {std::move(words), case_sensitive, static_cast<uint8_t>(kind), index});
}

void Compiler::AddPhrases(const std::string& file, int line,
                          std::string_view list, EntryKind kind,
                          uint32_t index) {
  if (list.empty()) return;
  for (std::string_view p : Split(list, '|')) {
    if (StripSpace(p) != p || p.empty()) {
      Error(file, line, StrCat("bad phrase '", p, "' in a '|' list"));
      continue;
    }
    AddPhrase(file, line, p, kind, index, /*unique=*/true);
  }
}

void Compiler::AddVerbPhrase(const std::string& file, int line,
                             std::string_view phrase, EntryKind kind,
                             uint32_t index) {
  AddPhrase(file, line, phrase, kind, index, false);
  const size_t space = phrase.find(' ');
  const std::string head(phrase.substr(0, space));
  const std::string rest(space == std::string_view::npos
                             ? std::string_view()
                             : phrase.substr(space));
  for (const std::string& form : VerbForms(head)) {
    AddPhrase(file, line, form + rest, kind, index, false);
  }
}

PartOfSpeech Compiler::ParsePos(const std::string& file, int line,
                                std::string_view pos) {
  if (pos == "verb") return PartOfSpeech::kVerb;
  if (pos == "noun") return PartOfSpeech::kNoun;
  if (pos == "prep") return PartOfSpeech::kPrep;
  if (pos == "pred") return PartOfSpeech::kPredicate;
  Error(file, line,
        StrCat("part of speech must be verb, noun, prep or pred: '", pos, "'"));
  return PartOfSpeech::kAny;
}

void Compiler::CompileEventClasses() {
  const std::string file = "event_classes.tsv";
  for (TsvRow& row : ReadTsv(file, {"class", "plover", "mode", "cameo",
                                    "acled_type", "acled_subtype", "weight"})) {
    EventClass c;
    c.name = row.fields[0];
    c.plover = row.fields[1];
    if (std::find(kPloverTypes.begin(), kPloverTypes.end(), c.plover) ==
        kPloverTypes.end()) {
      Error(file, row.line, StrCat("unknown PLOVER type '", c.plover, "'"));
    }
    auto dash = [](const std::string& s) {
      return s == "-" ? std::string() : s;
    };
    c.mode = dash(row.fields[2]);
    c.cameo = dash(row.fields[3]);
    c.acled_type = dash(row.fields[4]);
    c.acled_subtype = dash(row.fields[5]);
    if (c.acled_type.empty() != c.acled_subtype.empty()) {
      Error(file, row.line, "ACLED type and sub-type go together");
    }
    double weight = 0;
    if (!ParseDouble(row.fields[6], &weight) || weight < 0 || weight > 1) {
      Error(file, row.line, "weight must be a number in [0, 1]");
    }
    c.weight = static_cast<float>(weight);
    if (lexicon_->FindEventClass(c.name) >= 0) {
      Error(file, row.line, StrCat("class '", c.name, "' is defined twice"));
      continue;
    }
    lexicon_->event_classes.push_back(std::move(c));
  }
}

void Compiler::CompileCountries() {
  const std::string file = "countries.tsv";
  for (TsvRow& row : ReadTsv(file, {"iso3", "cameo", "name", "names",
                                    "adjectives", "capitals"})) {
    const std::vector<std::string>& f = row.fields;
    if (!IsUpperCode(f[0], 3, 3) || !IsUpperCode(f[1], 3, 3)) {
      Error(file, row.line, "iso3 and cameo must be three capital letters");
      continue;
    }
    if (lexicon_->FindCountry(f[0]) >= 0) {
      Error(file, row.line, StrCat("country ", f[0], " is listed twice"));
      continue;
    }
    const uint32_t index = static_cast<uint32_t>(lexicon_->countries.size());
    lexicon_->countries.push_back({f[0], f[1], f[2]});
    AddPhrases(file, row.line, f[2], EntryKind::kCountryName, index);
    AddPhrases(file, row.line, f[3], EntryKind::kCountryName, index);
    AddPhrases(file, row.line, f[4], EntryKind::kCountryAdjective, index);
    AddPhrases(file, row.line, f[5], EntryKind::kCapital, index);
  }
}

// Organisations, and people named as actors (people.tsv, the same
// columns): both resolve to one actor with a country and a sector.
void Compiler::CompileOrganizations() {
  for (const char* file : {"organizations.tsv", "people.tsv"}) {
    CompileOrganizationFile(file);
  }
}

void Compiler::CompileOrganizationFile(const std::string& file) {
  const auto& sectors = SectorCodes();
  for (TsvRow& row :
       ReadTsv(file, {"name", "country", "sector", "code", "aliases"})) {
    const std::vector<std::string>& f = row.fields;
    if (!f[1].empty() && lexicon_->FindCountry(f[1]) < 0) {
      Error(file, row.line, StrCat("unknown country '", f[1], "'"));
    }
    if (std::find(sectors.begin(), sectors.end(), f[2]) == sectors.end()) {
      Error(file, row.line, StrCat("unknown sector '", f[2], "'"));
    }
    const uint32_t index =
        static_cast<uint32_t>(lexicon_->organizations.size());
    lexicon_->organizations.push_back({f[0], f[1], f[2], f[3]});
    AddPhrases(file, row.line, f[0], EntryKind::kOrganization, index);
    AddPhrases(file, row.line, f[4], EntryKind::kOrganization, index);
  }
}

void Compiler::CompileSectors() {
  const std::string file = "sectors.tsv";
  const auto& sectors = SectorCodes();
  for (TsvRow& row : ReadTsv(file, {"phrase", "sector"})) {
    const std::string& sector = row.fields[1];
    if (std::find(sectors.begin(), sectors.end(), sector) == sectors.end()) {
      Error(file, row.line, StrCat("unknown sector '", sector, "'"));
      continue;
    }
    auto it = std::find(lexicon_->sector_names.begin(),
                        lexicon_->sector_names.end(), sector);
    const uint32_t index =
        static_cast<uint32_t>(it - lexicon_->sector_names.begin());
    if (it == lexicon_->sector_names.end()) {
      lexicon_->sector_names.push_back(sector);
    }
    if (!seen_.try_emplace("sector " + FoldCase(row.fields[0]), "").second) {
      Error(file, row.line, StrCat("'", row.fields[0], "' is listed twice"));
      continue;
    }
    AddPhrase(file, row.line, row.fields[0], EntryKind::kSector, index, false);
  }
}

void Compiler::CompileEvents() {
  const std::string file = "events.tsv";
  for (TsvRow& row : ReadTsv(file, {"phrase", "pos", "class"})) {
    EventWord word;
    word.pos = ParsePos(file, row.line, row.fields[1]);
    const std::string& cls = row.fields[2];
    if (!cls.empty() && cls[0] == '@') {
      auto it = std::find(kFrameNames.begin(), kFrameNames.end(), cls);
      if (it == kFrameNames.end()) {
        Error(file, row.line, StrCat("unknown frame '", cls, "'"));
        continue;
      }
      word.frame = static_cast<Frame>(it - kFrameNames.begin());
    } else {
      word.event_class = lexicon_->FindEventClass(cls);
      if (word.event_class < 0) {
        Error(
            file, row.line,
            StrCat("unknown event class '", cls, "' (see event_classes.tsv)"));
        continue;
      }
    }
    if (!seen_
             .try_emplace(
                 StrCat("event ", FoldCase(row.fields[0]), " ", row.fields[1]),
                 "")
             .second) {
      Error(file, row.line,
            StrCat("'", row.fields[0], "' (", row.fields[1],
                   ") is listed twice"));
      continue;
    }
    const uint32_t index = static_cast<uint32_t>(lexicon_->event_words.size());
    lexicon_->event_words.push_back(word);
    event_word_index_[StrCat(FoldCase(row.fields[0]), " ", row.fields[1])] =
        index;
    if (word.pos == PartOfSpeech::kVerb) {
      AddVerbPhrase(file, row.line, row.fields[0], EntryKind::kEventWord,
                    index);
    } else {
      AddPhrase(file, row.line, row.fields[0], EntryKind::kEventWord, index,
                false);
    }
  }
}

void Compiler::CompileSimple(const std::string& file,
                             std::string_view value_column, EntryKind kind,
                             std::vector<std::string>* values) {
  for (TsvRow& row : ReadTsv(file, {"phrase", value_column})) {
    const std::string& value = row.fields[1];
    if (value.empty()) {
      Error(file, row.line, "empty class");
      continue;
    }
    auto it = std::find(values->begin(), values->end(), value);
    const uint32_t index = static_cast<uint32_t>(it - values->begin());
    if (it == values->end()) values->push_back(value);
    if (!seen_.try_emplace(StrCat(file, " ", FoldCase(row.fields[0])), "")
             .second) {
      Error(file, row.line, StrCat("'", row.fields[0], "' is listed twice"));
      continue;
    }
    AddPhrase(file, row.line, row.fields[0], kind, index, false);
  }
}

void Compiler::CompileReporting() {
  const std::string file = "reporting.tsv";
  for (TsvRow& row : ReadTsv(file, {"phrase", "pos", "stance"})) {
    ReportingCue cue;
    cue.pos = ParsePos(file, row.line, row.fields[1]);
    auto it =
        std::find(kStanceNames.begin(), kStanceNames.end(), row.fields[2]);
    if (it == kStanceNames.end()) {
      Error(file, row.line, StrCat("unknown stance '", row.fields[2], "'"));
      continue;
    }
    cue.stance = static_cast<Stance>(it - kStanceNames.begin());
    const uint32_t index =
        static_cast<uint32_t>(lexicon_->reporting_cues.size());
    lexicon_->reporting_cues.push_back(cue);
    if (cue.pos == PartOfSpeech::kVerb) {
      AddVerbPhrase(file, row.line, row.fields[0], EntryKind::kReportingCue,
                    index);
    } else {
      AddPhrase(file, row.line, row.fields[0], EntryKind::kReportingCue, index,
                false);
    }
  }
}

void Compiler::CompileQuantities() {
  const std::string file = "quantities.tsv";
  for (TsvRow& row : ReadTsv(file, {"phrase", "count", "qualifier"})) {
    Quantity q;
    if (!ParseInt(row.fields[1], &q.count) || q.count <= 0) {
      Error(file, row.line, "count must be a positive integer");
      continue;
    }
    if (row.fields[2] != "exact" && row.fields[2] != "at_least") {
      Error(file, row.line, "qualifier must be exact or at_least");
      continue;
    }
    q.at_least = row.fields[2] == "at_least";
    const uint32_t index = static_cast<uint32_t>(lexicon_->quantities.size());
    lexicon_->quantities.push_back(q);
    AddPhrase(file, row.line, row.fields[0], EntryKind::kQuantity, index,
              false);
  }
}

void Compiler::CompileObjectSenses() {
  const std::string file = "object_senses.tsv";
  std::vector<ObjectSense> senses;
  for (TsvRow& row : ReadTsv(file, {"verb", "object", "class"})) {
    ObjectSense sense;
    auto word =
        event_word_index_.find(StrCat(FoldCase(row.fields[0]), " verb"));
    if (word == event_word_index_.end()) {
      Error(file, row.line,
            StrCat("'", row.fields[0], "' is not a verb of events.tsv"));
      continue;
    }
    sense.event_word = word->second;
    const std::string& object = row.fields[1];
    auto in = [](const std::vector<std::string>& v, const std::string& x) {
      return std::find(v.begin(), v.end(), x) != v.end();
    };
    if (object == "*") {
      sense.kind = ObjectKind::kAny;
    } else if (object == "-") {
      sense.kind = ObjectKind::kNone;
    } else if (object == "event") {
      sense.kind = ObjectKind::kAnyEvent;
    } else if (object.size() > 1 && object[0] == '=') {
      sense.kind = ObjectKind::kLemma;
      sense.value = FoldCase(object.substr(1));
    } else if (object[0] == '@') {
      if (std::find(kFrameNames.begin(), kFrameNames.end(), object) ==
          kFrameNames.end()) {
        Error(file, row.line, StrCat("unknown frame '", object, "'"));
        continue;
      }
      sense.kind = ObjectKind::kFrame;
      sense.value = object;
    } else if (lexicon_->FindEventClass(object) >= 0) {
      sense.kind = ObjectKind::kEventClass;
      sense.value = object;
    } else if (std::find(SectorCodes().begin(), SectorCodes().end(), object) !=
               SectorCodes().end()) {
      sense.kind = ObjectKind::kSector;
      sense.value = object;
    } else if (in(lexicon_->noun_classes, object) || object == "person") {
      sense.kind = ObjectKind::kNounClass;
      sense.value = object;
    } else {
      Error(file, row.line,
            StrCat("unknown object '", object,
                   "' (*, -, event, =lemma, @frame, an event class, a sector "
                   "code or a noun class)"));
      continue;
    }
    const std::string& cls = row.fields[2];
    if (cls == "-") {
      sense.event_class = -1;
    } else if (cls == "default") {
      sense.event_class = kWordsOwnClass;
    } else if (cls == "object") {
      if (sense.kind != ObjectKind::kAnyEvent &&
          sense.kind != ObjectKind::kEventClass &&
          sense.kind != ObjectKind::kFrame) {
        Error(file, row.line, "'object' needs an event noun as the object");
        continue;
      }
      sense.event_class = kObjectsOwnClass;
    } else {
      sense.event_class = lexicon_->FindEventClass(cls);
      if (sense.event_class < 0) {
        Error(
            file, row.line,
            StrCat("unknown event class '", cls, "' (see event_classes.tsv)"));
        continue;
      }
    }
    senses.push_back(std::move(sense));
  }
  // Grouped by event word, each word's senses in file order.
  std::stable_sort(senses.begin(), senses.end(),
                   [](const ObjectSense& a, const ObjectSense& b) {
                     return a.event_word < b.event_word;
                   });
  lexicon_->object_senses = std::move(senses);
}

absl::StatusOr<std::unique_ptr<Lexicon>> Compiler::Run() {
  StatusOr<std::unique_ptr<TextAnalyzer>> analyzer = TextAnalyzer::Create();
  if (!analyzer.ok()) {
    return absl::InternalError(analyzer.status().message());
  }
  analyzer_ = std::move(analyzer).value();
  CompileEventClasses();
  CompileCountries();
  CompileOrganizations();
  CompileSectors();
  CompileEvents();
  CompileSimple("instruments.tsv", "class", EntryKind::kInstrument,
                &lexicon_->instrument_classes);
  CompileSimple("nouns.tsv", "class", EntryKind::kNounClass,
                &lexicon_->noun_classes);
  CompileReporting();
  CompileQuantities();
  CompileObjectSenses();
  if (!errors_.empty()) {
    std::string message = StrCat(errors_.size(), " problem(s) in the lexicon");
    for (size_t i = 0; i < errors_.size() && i < 20; ++i) {
      message += "\n  " + errors_[i];
    }
    return absl::InvalidArgumentError(message);
  }
  return std::move(lexicon_);
}

void PutStrings(const std::vector<std::string>& v, ByteWriter* w) {
  w->PutU32(static_cast<uint32_t>(v.size()));
  for (const std::string& s : v) w->PutString(s);
}

bool GetStrings(ByteReader* r, std::vector<std::string>* v) {
  uint32_t n = 0;
  if (!r->GetU32(&n) || n > r->remaining() / 4) return false;
  v->resize(n);
  for (std::string& s : *v) {
    if (!r->GetString(&s)) return false;
  }
  return true;
}

// Reads a count that cannot exceed what is left at `min_bytes` per item.
bool GetCount(ByteReader* r, size_t min_bytes, uint32_t* n) {
  return r->GetU32(n) && *n <= r->remaining() / min_bytes;
}

absl::StatusOr<std::unique_ptr<Lexicon>> Deserialize(std::string_view bytes,
                                                     const std::string& name) {
  auto corrupt = [&] {
    return absl::DataLossError(
        StrCat(name, ": the lexicon section is corrupt"));
  };
  ByteReader r(bytes);
  uint32_t version = 0;
  if (!r.GetU32(&version)) return corrupt();
  if (version != kLexiconFormatVersion) {
    return absl::FailedPreconditionError(StrCat(
        name, ": lexicon format version ", version, ", this sitrep reads ",
        kLexiconFormatVersion, "; recompile the lexicon"));
  }
  auto lex = std::make_unique<Lexicon>();
  uint32_t n = 0;
  if (!GetCount(&r, 12, &n)) return corrupt();
  lex->countries.resize(n);
  for (Country& c : lex->countries) {
    if (!r.GetString(&c.iso3) || !r.GetString(&c.cameo) ||
        !r.GetString(&c.name)) {
      return corrupt();
    }
  }
  if (!GetCount(&r, 16, &n)) return corrupt();
  lex->organizations.resize(n);
  for (Organization& o : lex->organizations) {
    if (!r.GetString(&o.name) || !r.GetString(&o.country) ||
        !r.GetString(&o.sector) || !r.GetString(&o.code)) {
      return corrupt();
    }
  }
  if (!GetStrings(&r, &lex->sector_names)) return corrupt();
  if (!GetCount(&r, 28, &n)) return corrupt();
  lex->event_classes.resize(n);
  for (EventClass& c : lex->event_classes) {
    if (!r.GetString(&c.name) || !r.GetString(&c.plover) ||
        !r.GetString(&c.mode) || !r.GetString(&c.cameo) ||
        !r.GetString(&c.acled_type) || !r.GetString(&c.acled_subtype) ||
        !r.GetF32(&c.weight)) {
      return corrupt();
    }
  }
  if (!GetCount(&r, 12, &n)) return corrupt();
  lex->event_words.resize(n);
  for (EventWord& e : lex->event_words) {
    uint32_t pos = 0, frame = 0, cls = 0;
    if (!r.GetU32(&pos) || !r.GetU32(&frame) || !r.GetU32(&cls) ||
        pos > static_cast<uint32_t>(PartOfSpeech::kPredicate) ||
        frame >= kFrameNames.size()) {
      return corrupt();
    }
    e.pos = static_cast<PartOfSpeech>(pos);
    e.frame = static_cast<Frame>(frame);
    e.event_class = static_cast<int32_t>(cls);
    if (e.frame == Frame::kNone &&
        (e.event_class < 0 ||
         static_cast<size_t>(e.event_class) >= lex->event_classes.size())) {
      return corrupt();
    }
  }
  if (!GetStrings(&r, &lex->instrument_classes) ||
      !GetStrings(&r, &lex->noun_classes)) {
    return corrupt();
  }
  if (!GetCount(&r, 8, &n)) return corrupt();
  lex->reporting_cues.resize(n);
  for (ReportingCue& c : lex->reporting_cues) {
    uint32_t pos = 0, stance = 0;
    if (!r.GetU32(&pos) || !r.GetU32(&stance) ||
        pos > static_cast<uint32_t>(PartOfSpeech::kPredicate) ||
        stance >= kStanceNames.size()) {
      return corrupt();
    }
    c.pos = static_cast<PartOfSpeech>(pos);
    c.stance = static_cast<Stance>(stance);
  }
  if (!GetCount(&r, 12, &n)) return corrupt();
  lex->quantities.resize(n);
  for (Quantity& q : lex->quantities) {
    uint32_t low = 0, high = 0, at_least = 0;
    if (!r.GetU32(&low) || !r.GetU32(&high) || !r.GetU32(&at_least)) {
      return corrupt();
    }
    q.count = static_cast<int64_t>((static_cast<uint64_t>(high) << 32) | low);
    q.at_least = at_least != 0;
  }
  if (!GetCount(&r, 16, &n)) return corrupt();
  lex->object_senses.resize(n);
  for (ObjectSense& o : lex->object_senses) {
    uint32_t word = 0, kind = 0, cls = 0;
    if (!r.GetU32(&word) || !r.GetU32(&kind) || !r.GetString(&o.value) ||
        !r.GetU32(&cls) || word >= lex->event_words.size() ||
        kind > static_cast<uint32_t>(ObjectKind::kNounClass)) {
      return corrupt();
    }
    o.event_word = word;
    o.kind = static_cast<ObjectKind>(kind);
    o.event_class = static_cast<int32_t>(cls);
    if (o.event_class != -1 && o.event_class != kObjectsOwnClass &&
        o.event_class != kWordsOwnClass &&
        (o.event_class < 0 ||
         static_cast<size_t>(o.event_class) >= lex->event_classes.size())) {
      return corrupt();
    }
  }
  // The phrases; each must point into its table.
  if (!GetCount(&r, 12, &n)) return corrupt();
  for (uint32_t i = 0; i < n; ++i) {
    PhraseMatcher::Phrase p;
    uint32_t flags = 0;
    if (!GetStrings(&r, &p.words) || p.words.empty() || !r.GetU32(&flags) ||
        !r.GetU32(&p.index)) {
      return corrupt();
    }
    p.case_sensitive = (flags & 1) != 0;
    p.kind = static_cast<uint8_t>(flags >> 8);
    size_t limit = 0;
    switch (static_cast<EntryKind>(p.kind)) {
      case EntryKind::kCountryName:
      case EntryKind::kCountryAdjective:
      case EntryKind::kCapital:
        limit = lex->countries.size();
        break;
      case EntryKind::kOrganization:
        limit = lex->organizations.size();
        break;
      case EntryKind::kSector:
        limit = lex->sector_names.size();
        break;
      case EntryKind::kEventWord:
        limit = lex->event_words.size();
        break;
      case EntryKind::kInstrument:
        limit = lex->instrument_classes.size();
        break;
      case EntryKind::kNounClass:
        limit = lex->noun_classes.size();
        break;
      case EntryKind::kReportingCue:
        limit = lex->reporting_cues.size();
        break;
      case EntryKind::kQuantity:
        limit = lex->quantities.size();
        break;
      default:
        return corrupt();
    }
    if (p.index >= limit) return corrupt();
    lex->matcher.Add(std::move(p));
  }
  if (r.remaining() != 0) return corrupt();
  return lex;
}

}  // namespace

std::string_view FrameName(Frame frame) {
  return kFrameNames[static_cast<size_t>(frame)];
}

std::string_view StanceName(Stance stance) {
  return kStanceNames[static_cast<size_t>(stance)];
}

int Lexicon::FindEventClass(std::string_view name) const {
  for (size_t i = 0; i < event_classes.size(); ++i) {
    if (event_classes[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int Lexicon::FindCountry(std::string_view iso3) const {
  for (size_t i = 0; i < countries.size(); ++i) {
    if (countries[i].iso3 == iso3) return static_cast<int>(i);
  }
  return -1;
}

std::string Lexicon::Describe() const {
  return StrCat(countries.size(), " countries, ", organizations.size(),
                " organisations, ", event_classes.size(), " event classes, ",
                event_words.size(), " event words, ", matcher.phrases().size(),
                " phrases");
}

absl::StatusOr<std::unique_ptr<Lexicon>> CompileLexicon(
    const std::string& directory) {
  return Compiler(directory).Run();
}

std::string SerializeLexicon(const Lexicon& lex) {
  ByteWriter w;
  w.PutU32(kLexiconFormatVersion);
  w.PutU32(static_cast<uint32_t>(lex.countries.size()));
  for (const Country& c : lex.countries) {
    w.PutString(c.iso3);
    w.PutString(c.cameo);
    w.PutString(c.name);
  }
  w.PutU32(static_cast<uint32_t>(lex.organizations.size()));
  for (const Organization& o : lex.organizations) {
    w.PutString(o.name);
    w.PutString(o.country);
    w.PutString(o.sector);
    w.PutString(o.code);
  }
  PutStrings(lex.sector_names, &w);
  w.PutU32(static_cast<uint32_t>(lex.event_classes.size()));
  for (const EventClass& c : lex.event_classes) {
    w.PutString(c.name);
    w.PutString(c.plover);
    w.PutString(c.mode);
    w.PutString(c.cameo);
    w.PutString(c.acled_type);
    w.PutString(c.acled_subtype);
    w.PutF32(c.weight);
  }
  w.PutU32(static_cast<uint32_t>(lex.event_words.size()));
  for (const EventWord& e : lex.event_words) {
    w.PutU32(static_cast<uint32_t>(e.pos));
    w.PutU32(static_cast<uint32_t>(e.frame));
    w.PutU32(static_cast<uint32_t>(e.event_class));
  }
  PutStrings(lex.instrument_classes, &w);
  PutStrings(lex.noun_classes, &w);
  w.PutU32(static_cast<uint32_t>(lex.reporting_cues.size()));
  for (const ReportingCue& c : lex.reporting_cues) {
    w.PutU32(static_cast<uint32_t>(c.pos));
    w.PutU32(static_cast<uint32_t>(c.stance));
  }
  w.PutU32(static_cast<uint32_t>(lex.quantities.size()));
  for (const Quantity& q : lex.quantities) {
    const uint64_t count = static_cast<uint64_t>(q.count);
    w.PutU32(static_cast<uint32_t>(count));
    w.PutU32(static_cast<uint32_t>(count >> 32));
    w.PutU32(q.at_least ? 1 : 0);
  }
  w.PutU32(static_cast<uint32_t>(lex.object_senses.size()));
  for (const ObjectSense& o : lex.object_senses) {
    w.PutU32(o.event_word);
    w.PutU32(static_cast<uint32_t>(o.kind));
    w.PutString(o.value);
    w.PutU32(static_cast<uint32_t>(o.event_class));
  }
  w.PutU32(static_cast<uint32_t>(lex.matcher.phrases().size()));
  for (const PhraseMatcher::Phrase& p : lex.matcher.phrases()) {
    PutStrings(p.words, &w);
    w.PutU32((static_cast<uint32_t>(p.kind) << 8) |
             (p.case_sensitive ? 1u : 0u));
    w.PutU32(p.index);
  }
  syntax::ModelFileWriter file;
  file.AddSection("lexicon", std::move(w).Take());
  return file.Serialize();
}

absl::Status WriteLexiconBundle(const Lexicon& lexicon,
                                const std::string& path) {
  const std::string bytes = SerializeLexicon(lexicon);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.good()) {
      return absl::UnavailableError(StrCat("cannot write ", tmp));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return absl::UnavailableError(StrCat("cannot rename ", tmp, " to ", path));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Lexicon>> LoadLexicon(const std::string& path) {
  absl::StatusOr<std::unique_ptr<syntax::ModelFile>> file =
      syntax::ModelFile::Open(path);
  if (!file.ok()) return file.status();
  std::optional<std::string_view> section = (*file)->Section("lexicon");
  if (!section) {
    return absl::InvalidArgumentError(
        StrCat(path, ": not a lexicon bundle (no lexicon section)"));
  }
  return Deserialize(*section, path);
}

absl::StatusOr<std::unique_ptr<Lexicon>> LexiconFromBytes(
    std::string_view bytes, const std::string& name) {
  absl::StatusOr<std::unique_ptr<syntax::ModelFile>> file =
      syntax::ModelFile::FromBytes(bytes, name);
  if (!file.ok()) return file.status();
  std::optional<std::string_view> section = (*file)->Section("lexicon");
  if (!section) {
    return absl::InvalidArgumentError(
        StrCat(name, ": not a lexicon bundle (no lexicon section)"));
  }
  return Deserialize(*section, name);
}

}  // namespace sitrep::lexicon
