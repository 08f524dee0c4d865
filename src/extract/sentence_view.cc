#include "extract/sentence_view.h"

#include <algorithm>

#include "common/strings.h"
#include "lexicon/phrase_matcher.h"

namespace sitrep::extract {

using lexicon::EntryKind;
using lexicon::PhraseMatcher;

namespace {

// Where a phrase's meaning sits: verb phrases and reporting cues are headed
// by their first word ("blow up", "open fire", "according to"), noun
// phrases by their last ("air strike", "armed forces").
int HeadOf(const lexicon::Lexicon& lex, const PhraseMatcher::Match& m) {
  const auto kind = static_cast<EntryKind>(m.kind);
  if (kind == EntryKind::kEventWord &&
      lex.event_words[m.index].pos == lexicon::PartOfSpeech::kVerb) {
    return static_cast<int>(m.begin);
  }
  if (kind == EntryKind::kReportingCue &&
      lex.reporting_cues[m.index].pos != lexicon::PartOfSpeech::kNoun) {
    return static_cast<int>(m.begin);
  }
  return static_cast<int>(m.end) - 1;
}

bool PosFits(lexicon::PartOfSpeech pos, std::string_view upos) {
  switch (pos) {
    case lexicon::PartOfSpeech::kVerb:
      // Participles are often tagged as adjectives ("were wounded").
      return upos == "VERB" || upos == "ADJ";
    case lexicon::PartOfSpeech::kNoun:
      return upos == "NOUN" || upos == "PROPN";
    default:
      return true;
  }
}

}  // namespace

SentenceView::SentenceView(const SyntaxSentence& parsed,
                           const Sentence& sentence,
                           const lexicon::Lexicon& lexicon)
    : lexicon_(lexicon) {
  const size_t n = parsed.words.size();
  words_.resize(n);
  std::vector<PhraseMatcher::TokenView> tokens(n);
  for (size_t i = 0; i < n; ++i) {
    const SyntaxWord& s = parsed.words[i];
    WordView& w = words_[i];
    w.form = s.form;
    w.lemma = lexicon::FoldCase(s.lemma);
    w.upos = s.upos;
    w.xpos = s.xpos;
    const std::string_view rel = s.deprel;
    const size_t colon = rel.find(':');
    w.deprel = rel.substr(0, colon);
    if (colon != std::string_view::npos) w.subtype = rel.substr(colon + 1);
    w.head = s.head - 1;
    if (i < sentence.tokens.size()) w.span = sentence.tokens[i].span;
    tokens[i] = {s.form, s.lemma};
  }
  RepairPerfectParticiples();
  RepairGerundObjects();
  RepairVerblessRoots();
  RepairFalsePassives();
  RepairUpToSubjects();
  RepairVerblessSentences();
  RepairNamedParticiplePredicates();
  RepairUnmarkedSubjects();
  RepairReportedClauses();
  RepairMarkedCompounds();
  RepairParticipleModifiers();
  RepairAdjectivalGerunds();
  RepairSplitNames();
  RepairPastPredicates();
  for (size_t i = 0; i < n; ++i) {
    const int h = words_[i].head;
    if (h >= 0 && static_cast<size_t>(h) < n) {
      words_[static_cast<size_t>(h)].children.push_back(static_cast<int>(i));
    }
  }
  std::vector<PhraseMatcher::Match> raw;
  lexicon.matcher.FindAll(tokens, &raw);
  // Phrasal verbs whose particle stands apart ("blew themselves up",
  // "took the town over"): the verb and its compound:prt child as one
  // phrase, recorded on the verb.
  std::vector<PhraseMatcher::Match> split;
  for (size_t i = 0; i < n; ++i) {
    if (words_[i].upos != "VERB") continue;
    for (int c : words_[i].children) {
      if (words_[static_cast<size_t>(c)].deprel != "compound" ||
          words_[static_cast<size_t>(c)].subtype != "prt" ||
          static_cast<size_t>(c) == i + 1) {
        continue;
      }
      const PhraseMatcher::TokenView pair[2] = {tokens[i],
                                                tokens[static_cast<size_t>(c)]};
      lexicon.matcher.FindAll(pair, &split);
      for (const PhraseMatcher::Match& m : split) {
        if (m.begin == 0 && m.end == 2) {
          raw.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1),
                         m.kind, m.index});
        }
      }
    }
  }
  by_head_.resize(n);
  for (const PhraseMatcher::Match& m : raw) {
    LexMatch x;
    x.begin = static_cast<int>(m.begin);
    x.end = static_cast<int>(m.end);
    x.kind = static_cast<EntryKind>(m.kind);
    x.index = m.index;
    x.head = HeadOf(lexicon, m);
    const WordView& head = words_[static_cast<size_t>(x.head)];
    if (x.kind == EntryKind::kEventWord &&
        !PosFits(lexicon.event_words[x.index].pos, head.upos)) {
      continue;
    }
    if (x.kind == EntryKind::kEventWord &&
        lexicon.event_words[x.index].pos == lexicon::PartOfSpeech::kPredicate) {
      bool copula = false;
      for (int c : head.children) {
        copula |= words_[static_cast<size_t>(c)].deprel == "cop";
      }
      if (!copula || head.upos != "NOUN") continue;
    }
    if (x.kind == EntryKind::kReportingCue &&
        !PosFits(lexicon.reporting_cues[x.index].pos, head.upos)) {
      continue;
    }
    by_head_[static_cast<size_t>(x.head)].push_back(
        static_cast<int>(matches_.size()));
    matches_.push_back(x);
  }
  for (std::vector<int>& list : by_head_) {
    std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
      const LexMatch& x = matches_[static_cast<size_t>(a)];
      const LexMatch& y = matches_[static_cast<size_t>(b)];
      return x.end - x.begin > y.end - y.begin;
    });
  }
}

std::vector<int> SentenceView::Children(int w, std::string_view deprel) const {
  std::vector<int> out;
  for (int c : word(w).children) {
    if (word(c).deprel == deprel) out.push_back(c);
  }
  return out;
}

int SentenceView::FirstChild(int w, std::string_view deprel) const {
  for (int c : word(w).children) {
    if (word(c).deprel == deprel) return c;
  }
  return -1;
}

std::string SentenceView::Markers(int w, std::string_view deprel) const {
  std::string out;
  for (int c : word(w).children) {
    if (word(c).deprel != deprel || c > w) continue;
    if (!out.empty()) out.push_back(' ');
    out += word(c).lemma;
    for (int f : word(c).children) {
      if (word(f).deprel == "fixed") out += " " + word(f).lemma;
    }
  }
  return out;
}

std::string SentenceView::CaseOf(int w) const { return Markers(w, "case"); }

std::string SentenceView::MarkOf(int w) const { return Markers(w, "mark"); }

bool SentenceView::HasChildLemma(int w, std::string_view deprel,
                                 std::string_view lemma) const {
  for (int c : word(w).children) {
    if (word(c).deprel == deprel && word(c).lemma == lemma) return true;
  }
  return false;
}

bool SentenceView::IsPassive(int verb) const {
  for (int c : word(verb).children) {
    if (word(c).subtype == "pass") return true;
  }
  return false;
}

std::vector<int> SentenceView::Phrase(int w) const {
  std::vector<int> out;
  std::vector<int> stack = {w};
  while (!stack.empty()) {
    const int x = stack.back();
    stack.pop_back();
    out.push_back(x);
    for (int c : word(x).children) {
      const std::string_view rel = word(c).deprel;
      // Clauses, and the clause-level dependents a nominal has when it is
      // a predicate ("the strikes are against the positions").
      if (rel == "acl" || rel == "advcl" || rel == "ccomp" ||
          rel == "parataxis" || rel == "dep" || rel == "punct" ||
          rel == "appos" || rel == "nsubj" || rel == "csubj" || rel == "cop" ||
          rel == "aux" || rel == "mark" || rel == "obl" || rel == "expl" ||
          rel == "xcomp") {
        continue;
      }
      // Conjuncts of the head are phrases of their own; conjuncts inside
      // a modifier ("Hungarian and Romanian officials") belong here.
      if (x == w && (rel == "conj" || rel == "cc")) continue;
      // "groups of the Armenian armed forces" belong to the phrase; "in the
      // part of Karabakh", "under the control of" do not.
      if (rel == "nmod" && word(c).subtype != "poss") {
        const std::string prep = CaseOf(c);
        if (!prep.empty() && prep != "of") continue;
      }
      // The phrase's own preposition ("by", "against") is not part of it.
      if (x == w && (rel == "case" || rel == "mark")) continue;
      stack.push_back(c);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Span SentenceView::SpanOf(const std::vector<int>& words) const {
  if (words.empty()) return {};
  return SpanOf(words.front(), words.back());
}

Span SentenceView::SpanOf(int first, int last) const {
  return {word(first).span.begin, word(last).span.end};
}

const LexMatch* SentenceView::MatchAt(int w, EntryKind kind) const {
  if (w < 0 || w >= size()) return nullptr;
  for (int m : by_head_[static_cast<size_t>(w)]) {
    if (matches_[static_cast<size_t>(m)].kind == kind) {
      return &matches_[static_cast<size_t>(m)];
    }
  }
  return nullptr;
}

std::vector<const LexMatch*> SentenceView::MatchesIn(
    const std::vector<int>& words, EntryKind kind) const {
  std::vector<const LexMatch*> out;
  for (const LexMatch& m : matches_) {
    if (m.kind != kind) continue;
    bool inside = true;
    for (int i = m.begin; i < m.end && inside; ++i) {
      inside = std::binary_search(words.begin(), words.end(), i);
    }
    if (!inside) continue;
    // Keep the longest of overlapping matches.
    bool covered = false;
    for (const LexMatch* o : out) {
      if (o->begin <= m.begin && m.end <= o->end) covered = true;
    }
    if (!covered) out.push_back(&m);
  }
  return out;
}

// Hangs a word on `head` with relation `deprel` (no subtype): the parse
// repairs below move words with it.
void SentenceView::Attach(WordView* w, int head, std::string_view deprel) {
  w->head = head;
  w->deprel = deprel;
  w->subtype = "";
}

// "Troops have regained control of the village" is sometimes parsed with
// "have" as the main verb (or as an auxiliary of a later verb) and "regained"
// as a participle modifying "control". A past participle right after "have"
// whose noun is the object of that "have" is the perfect: the participle
// becomes the predicate, "have" its auxiliary, the noun its object, and the
// other dependents of "have" move to it.
void SentenceView::RepairPerfectParticiples() {
  const int n = size();
  for (int p = 1; p < n; ++p) {
    WordView& part = words_[static_cast<size_t>(p)];
    if (part.upos != "VERB" || part.xpos != "VBN" || part.deprel != "amod" ||
        part.head <= p || part.head >= n) {
      continue;
    }
    int h = p - 1;
    if (h > 0 && words_[static_cast<size_t>(h)].upos == "ADV") --h;
    WordView& have = words_[static_cast<size_t>(h)];
    WordView& noun = words_[static_cast<size_t>(part.head)];
    if (have.lemma != "have" || noun.head != h || noun.deprel != "obj") {
      continue;
    }
    for (int k = 0; k < n; ++k) {
      if (k != p && words_[static_cast<size_t>(k)].head == h) {
        words_[static_cast<size_t>(k)].head = p;
      }
    }
    part.head = have.head;
    part.deprel = have.deprel;
    part.subtype = have.subtype;
    // "have" hung as an auxiliary of the verb of saying after it ("troops
    // have regained control ..., the staff said"): the clause is what was
    // said.
    if (part.deprel == "aux") {
      part.deprel = "ccomp";
      part.subtype = "";
    }
    Attach(&have, p, "aux");
    have.upos = "AUX";
  }
}

// "accused Russian forces of shelling Ukrainian positions" is sometimes
// parsed with "shelling" as a modifier of "positions" ("of [shelling
// positions]"). A verb-tagged gerund between a preposition and the noun
// that preposition marks is the head of the clause: the preposition marks
// it, the noun is its object.
void SentenceView::RepairGerundObjects() {
  const int n = size();
  for (int p = 1; p < n; ++p) {
    WordView& gerund = words_[static_cast<size_t>(p)];
    if (gerund.upos != "VERB" || gerund.xpos != "VBG" ||
        gerund.deprel != "amod" || gerund.head <= p || gerund.head >= n) {
      continue;
    }
    const int noun = gerund.head;
    WordView& object = words_[static_cast<size_t>(noun)];
    int marker = -1;
    for (int k = 0; k < p; ++k) {
      const WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == noun && w.deprel == "case") marker = k;
    }
    if (marker < 0 || marker != p - 1 || object.head < 0) continue;
    WordView& prep = words_[static_cast<size_t>(marker)];
    Attach(&gerund, object.head, object.deprel == "obl" ? "advcl" : "acl");
    prep.head = p;
    prep.deprel = "mark";
    Attach(&object, p, "obj");
  }
}

// "The General Staff accused Russian forces of ..." is sometimes parsed
// with the noun as the root and the finite verb after it as its modifier.
// A sentence whose root is a noun, with a finite past-tense verb right
// after that noun hung on it, has that verb as its predicate and the noun
// as its subject.
void SentenceView::RepairVerblessRoots() {
  const int n = size();
  for (int r = 0; r + 1 < n; ++r) {
    WordView& root = words_[static_cast<size_t>(r)];
    if (root.head >= 0 || (root.upos != "NOUN" && root.upos != "PROPN")) {
      continue;
    }
    WordView& verb = words_[static_cast<size_t>(r + 1)];
    if (verb.head != r || verb.upos != "VERB" ||
        (verb.xpos != "VBD" && verb.xpos != "VBZ" && verb.xpos != "VBP") ||
        (verb.deprel != "amod" && verb.deprel != "acl")) {
      continue;
    }
    bool cop = false;
    for (int k = 0; k < n; ++k) {
      const WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == r && (w.deprel == "cop" || w.deprel == "nsubj")) {
        cop = true;
      }
    }
    if (cop) continue;
    // The noun's dependents after the verb belong to the verb.
    for (int k = r + 2; k < n; ++k) {
      WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == r) w.head = r + 1;
    }
    Attach(&verb, -1, "root");
    Attach(&root, r + 1, "nsubj");
    break;
  }
}

// "The rebels fired projectiles" parsed with "rebels" as a passive
// subject: a verb with an object and no passive auxiliary ("was", "got")
// is active.
void SentenceView::RepairFalsePassives() {
  const int n = size();
  std::vector<char> object(static_cast<size_t>(n), 0);
  std::vector<char> auxiliary(static_cast<size_t>(n), 0);
  for (const WordView& w : words_) {
    if (w.head < 0 || w.head >= n) continue;
    object[static_cast<size_t>(w.head)] |= w.deprel == "obj";
    auxiliary[static_cast<size_t>(w.head)] |=
        w.deprel == "aux" && w.subtype == "pass";
  }
  for (WordView& w : words_) {
    if (w.head < 0 || w.head >= n || w.deprel != "nsubj" ||
        w.subtype != "pass") {
      continue;
    }
    if (object[static_cast<size_t>(w.head)] &&
        !auxiliary[static_cast<size_t>(w.head)]) {
      w.subtype = "";
    }
  }
}

// "Up to 100 ethnic Albanians demonstrated" is sometimes parsed with "up
// to" as the preposition of an oblique. "Up to" before a number modifies
// the number; the noun before a verb without a subject is its subject.
void SentenceView::RepairUpToSubjects() {
  const int n = size();
  for (int i = 0; i + 2 < n; ++i) {
    WordView& up = words_[static_cast<size_t>(i)];
    WordView& to = words_[static_cast<size_t>(i + 1)];
    const WordView& number = words_[static_cast<size_t>(i + 2)];
    if (up.lemma != "up" || to.lemma != "to" || number.upos != "NUM") continue;
    const int noun = number.head;
    if (noun <= i + 2 || noun >= n) continue;
    WordView& nw = words_[static_cast<size_t>(noun)];
    const int verb = nw.head;
    if (nw.deprel != "obl" || verb <= noun || verb >= n) continue;
    bool has_subject = false;
    for (int k = 0; k < n; ++k) {
      const WordView& w = words_[static_cast<size_t>(k)];
      has_subject |= w.head == verb && w.deprel == "nsubj";
    }
    if (has_subject) continue;
    nw.deprel = "nsubj";
    nw.subtype = "";
    Attach(&up, i + 2, "advmod");
    Attach(&to, i, "fixed");
  }
}

// "Israeli helicopters and tanks shelled positions near Rafah" is
// sometimes tagged with "shelled" as an adjective of "positions", leaving
// the sentence without a verb. In a sentence with no verb, a past form in
// "-ed" modifying a noun after the root is the predicate: the root noun is
// its subject and the noun it modified its object.
void SentenceView::RepairVerblessSentences() {
  const int n = size();
  int root = -1;
  for (int k = 0; k < n; ++k) {
    const WordView& w = words_[static_cast<size_t>(k)];
    if (w.upos == "VERB" || w.upos == "AUX") return;
    if (w.head < 0) root = k;
  }
  if (root < 0 || (words_[static_cast<size_t>(root)].upos != "NOUN" &&
                   words_[static_cast<size_t>(root)].upos != "PROPN")) {
    return;
  }
  for (int p = root + 1; p < n; ++p) {
    WordView& part = words_[static_cast<size_t>(p)];
    if (part.upos != "ADJ" || part.deprel != "amod" || part.head <= p ||
        part.head >= n || part.form.size() < 4 || !part.form.ends_with("ed")) {
      continue;
    }
    const int object = part.head;
    for (int k = p + 1; k < n; ++k) {
      WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == root && k != object) w.head = p;
    }
    WordView& obj = words_[static_cast<size_t>(object)];
    Attach(&obj, p, "obj");
    part.head = -1;
    part.deprel = "root";
    part.upos = "VERB";
    WordView& subject = words_[static_cast<size_t>(root)];
    Attach(&subject, p, "nsubj");
    return;
  }
}

// "Britain mobilized army reservists for a possible war" is sometimes
// parsed as one noun phrase, "mobilized" modifying "reservists" and
// "Britain" a compound of it. A past-tense or participle verb between a
// name and the root noun it modifies, with nothing before the name, is the
// predicate: the name its subject, the noun its object.
void SentenceView::RepairNamedParticiplePredicates() {
  const int n = size();
  int root = -1;
  for (int k = 0; k < n; ++k) {
    if (words_[static_cast<size_t>(k)].head < 0) root = k;
  }
  if (root < 0 || (words_[static_cast<size_t>(root)].upos != "NOUN" &&
                   words_[static_cast<size_t>(root)].upos != "PROPN")) {
    return;
  }
  // "Hundreds of thousands of people blocked streets in Hong Kong": the
  // root is the subject's noun, the participle modifies a noun further on.
  for (int p = 1; p < n; ++p) {
    WordView& part = words_[static_cast<size_t>(p)];
    const int object = part.head;
    if (part.upos != "VERB" || part.deprel != "amod" || object <= p ||
        object == root || object >= n || p < root ||
        (part.xpos != "VBD" && part.xpos != "VBN")) {
      continue;
    }
    const WordView& before = words_[static_cast<size_t>(p - 1)];
    if (before.upos != "NOUN" ||
        words_[static_cast<size_t>(object)].upos != "NOUN") {
      continue;
    }
    // The object and everything after the participle hung on the root
    // belong to the clause.
    for (int k = p + 1; k < n; ++k) {
      WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == root && k != object) w.head = p;
    }
    Attach(&words_[static_cast<size_t>(object)], p, "obj");
    Attach(&words_[static_cast<size_t>(root)], p, "nsubj");
    part.head = -1;
    part.deprel = "root";
    return;
  }
  if (root < 1) return;
  for (int p = 1; p < root; ++p) {
    WordView& part = words_[static_cast<size_t>(p)];
    if (part.upos != "VERB" || part.deprel != "amod" || part.head != root ||
        (part.xpos != "VBD" && part.xpos != "VBN")) {
      continue;
    }
    // The name right before it, and before the name only its own words.
    const int name = p - 1;
    const WordView& nw = words_[static_cast<size_t>(name)];
    if (nw.upos != "PROPN" || nw.head != root || nw.deprel != "compound") {
      return;
    }
    for (int k = 0; k < name; ++k) {
      const int h = words_[static_cast<size_t>(k)].head;
      if (h != name && h != root) return;
    }
    for (int k = 0; k < name; ++k) {
      WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == root) w.head = name;
    }
    Attach(&words_[static_cast<size_t>(name)], p, "nsubj");
    Attach(&words_[static_cast<size_t>(root)], p, "obj");
    part.head = -1;
    part.deprel = "root";
    return;
  }
}

namespace {

// Words a bare noun phrase of time is made of ("Monday", "last night").
bool Temporal(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "today",     "yesterday", "tomorrow", "tonight",   "monday",  "tuesday",
      "wednesday", "thursday",  "friday",   "saturday",  "sunday",  "day",
      "night",     "morning",   "evening",  "afternoon", "week",    "month",
      "year",      "time",      "weekend",  "hour",      "minute",  "january",
      "february",  "march",     "april",    "may",       "june",    "july",
      "august",    "september", "october",  "november",  "december"};
  const std::string lower = AsciiLower(lemma);
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

}  // namespace

void SentenceView::RepairUnmarkedSubjects() {
  const int n = size();
  auto has_subject = [&](int verb) {
    for (int k = 0; k < n; ++k) {
      const WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == verb && (w.deprel == "nsubj" || w.deprel == "csubj")) {
        return true;
      }
    }
    return false;
  };
  // "lifted Friday a day-old blockade": a day read as a second object.
  for (int k = 0; k < n; ++k) {
    WordView& w = words_[static_cast<size_t>(k)];
    if (w.deprel != "obj" || !Temporal(w.lemma) || w.head < 0) continue;
    for (int j = k + 1; j < n; ++j) {
      const WordView& o = words_[static_cast<size_t>(j)];
      if (o.head == w.head && o.deprel == "obj") {
        Attach(&w, w.head, "obl");
        w.subtype = "tmod";
        break;
      }
    }
  }
  for (int k = 0; k < n; ++k) {
    WordView& w = words_[static_cast<size_t>(k)];
    if (w.deprel != "obl" || w.subtype != "unmarked" || w.head <= k ||
        w.head >= n) {
      continue;
    }
    const int verb = w.head;
    if (words_[static_cast<size_t>(verb)].upos != "VERB" || has_subject(verb)) {
      continue;
    }
    if (!Temporal(w.lemma)) {
      if (w.upos != "NOUN" && w.upos != "PROPN") continue;
      Attach(&w, verb, "nsubj");
      return;
    }
    // "Pakistan today threatened": the name hung on the time word.
    for (int c = 0; c < k; ++c) {
      WordView& cw = words_[static_cast<size_t>(c)];
      if (cw.head == k && cw.deprel == "compound" &&
          (cw.upos == "PROPN" || cw.upos == "NOUN") && !Temporal(cw.lemma)) {
        Attach(&cw, verb, "nsubj");
        return;
      }
    }
  }
}

bool SentenceView::ReportingVerb(int w) const {
  const WordView& word = words_[static_cast<size_t>(w)];
  if (word.upos != "VERB") return false;
  const PhraseMatcher::TokenView token[1] = {{word.form, word.lemma}};
  std::vector<PhraseMatcher::Match> found;
  lexicon_.matcher.FindAll(token, &found);
  for (const PhraseMatcher::Match& m : found) {
    if (static_cast<EntryKind>(m.kind) == EntryKind::kReportingCue) {
      return true;
    }
  }
  return false;
}

void SentenceView::RepairReportedClauses() {
  const int n = size();
  for (int r = 0; r < n; ++r) {
    if (words_[static_cast<size_t>(r)].head >= 0 || !ReportingVerb(r)) continue;
    // The reporting verb's subjects before it: the first is the reported
    // clause's subject when a comma parts it from the verb and another
    // subject is next to the verb.
    int first = -1, last = -1;
    for (int k = 0; k < r; ++k) {
      const WordView& w = words_[static_cast<size_t>(k)];
      if (w.head != r || w.deprel != "nsubj") continue;
      if (first < 0) first = k;
      last = k;
    }
    if (first < 0 || first == last) return;
    bool comma = false;
    for (int k = first + 1; k < last; ++k) {
      comma |= words_[static_cast<size_t>(k)].form == ",";
    }
    if (!comma) return;
    for (int p = first + 1; p < last; ++p) {
      WordView& verb = words_[static_cast<size_t>(p)];
      if (verb.head != first || verb.upos != "VERB" ||
          (verb.xpos != "VBD" && verb.xpos != "VBN") ||
          (verb.deprel != "amod" && verb.deprel != "acl")) {
        continue;
      }
      // A participle is a predicate only with an object ("agents abused
      // immigrants"); without one it is a reduced relative ("people
      // wounded in the attack").
      if (verb.xpos == "VBN") {
        bool object = false;
        for (int k = p + 1; k < last; ++k) {
          const WordView& w = words_[static_cast<size_t>(k)];
          object |= (w.head == p || w.head == first) && w.deprel == "obj";
        }
        if (!object) continue;
      }
      // What hangs on the subject after the verb is the clause's; its
      // first noun, the object.
      bool object = false;
      for (int k = p + 1; k < last; ++k) {
        WordView& w = words_[static_cast<size_t>(k)];
        if (w.head == p && w.deprel == "obj") object = true;
      }
      for (int k = p + 1; k < last; ++k) {
        WordView& w = words_[static_cast<size_t>(k)];
        if (w.head != first) continue;
        bool marked = false;
        for (int c = p + 1; c < k; ++c) {
          marked |= words_[static_cast<size_t>(c)].head == k &&
                    words_[static_cast<size_t>(c)].deprel == "case";
        }
        if (!object && !marked && (w.upos == "NOUN" || w.upos == "PROPN") &&
            (w.deprel == "compound" || w.deprel == "obj" ||
             w.deprel == "appos" || w.deprel == "nmod")) {
          Attach(&w, p, "obj");
          object = true;
        } else {
          w.head = p;
        }
      }
      Attach(&verb, r, "ccomp");
      Attach(&words_[static_cast<size_t>(first)], p, "nsubj");
      return;
    }
    return;
  }
}

void SentenceView::RepairMarkedCompounds() {
  const int n = size();
  for (int k = 0; k < n; ++k) {
    WordView& w = words_[static_cast<size_t>(k)];
    if (w.deprel != "compound" || w.head <= k || w.head >= n) continue;
    int marker = -1;
    for (int c = 0; c < k; ++c) {
      const WordView& cw = words_[static_cast<size_t>(c)];
      if (cw.head == k && cw.deprel == "case") marker = c;
    }
    if (marker < 0) continue;
    const WordView& noun = words_[static_cast<size_t>(w.head)];
    const int host = noun.head;
    if (host < 0 || host >= n) continue;
    // The phrase belongs where the noun it was fused with belongs.
    const std::string_view rel = noun.deprel;
    if (words_[static_cast<size_t>(host)].upos == "VERB" &&
        (rel == "obl" || rel == "obj")) {
      Attach(&w, host, "obl");
    } else if (rel == "nmod" || rel == "obj" || rel == "nsubj") {
      Attach(&w, w.head, "nmod");
    }
  }
}

void SentenceView::RepairParticipleModifiers() {
  const int n = size();
  for (int p = 1; p + 1 < n; ++p) {
    WordView& part = words_[static_cast<size_t>(p)];
    const int verb = p - 1;
    if (part.head != verb || part.deprel != "advcl" || part.xpos != "VBN" ||
        words_[static_cast<size_t>(verb)].upos != "VERB") {
      continue;
    }
    int object = -1;
    bool own = false;
    for (int k = 0; k < n; ++k) {
      const WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == verb && w.deprel == "obj") return;
      if (w.head == p && w.deprel == "obj" && object < 0) object = k;
      own |= w.head == p && (w.deprel == "nsubj" || w.deprel == "aux" ||
                             w.deprel == "mark" || w.deprel == "advmod");
    }
    if (object < 0 || own) continue;
    // Only words of the noun phrase between the participle and its noun.
    bool adjacent = true;
    for (int k = p + 1; k < object; ++k) {
      adjacent &= words_[static_cast<size_t>(k)].head == object;
    }
    if (!adjacent) continue;
    for (int k = object + 1; k < n; ++k) {
      WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == p) w.head = verb;
    }
    Attach(&words_[static_cast<size_t>(object)], verb, "obj");
    Attach(&part, object, "amod");
  }
}

void SentenceView::RepairAdjectivalGerunds() {
  const int n = size();
  for (int g = 1; g + 1 < n; ++g) {
    WordView& gerund = words_[static_cast<size_t>(g)];
    WordView& marker = words_[static_cast<size_t>(g - 1)];
    WordView& noun = words_[static_cast<size_t>(g + 1)];
    if (gerund.upos != "VERB" || gerund.xpos != "VBG" ||
        (gerund.deprel != "advcl" && gerund.deprel != "acl") ||
        gerund.head < 0 || marker.head != g || marker.deprel != "mark" ||
        noun.head != g || noun.deprel != "obj" ||
        (noun.upos != "PROPN" && noun.upos != "NOUN")) {
      continue;
    }
    const std::string_view prep = marker.lemma;
    if (prep != "from" && prep != "to" && prep != "in" && prep != "into" &&
        prep != "with" && prep != "against" && prep != "near") {
      continue;
    }
    const int host = gerund.head;
    for (int k = 0; k < n; ++k) {
      WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == g && k != g - 1 && k != g + 1) w.head = host;
    }
    const bool verbal = words_[static_cast<size_t>(host)].upos == "VERB";
    Attach(&noun, host, verbal ? "obl" : "nmod");
    Attach(&marker, g + 1, "case");
    marker.upos = "ADP";
    Attach(&gerund, g + 1, "amod");
  }
}

void SentenceView::RepairSplitNames() {
  const int n = size();
  for (int k = 2; k < n; ++k) {
    WordView& w = words_[static_cast<size_t>(k)];
    const WordView& before = words_[static_cast<size_t>(k - 1)];
    if (w.deprel != "flat" || w.upos != "PROPN" || w.head >= k - 1 ||
        before.upos != "PROPN") {
      continue;
    }
    // Only across a coordination: the word before heads a conjunct.
    if (before.deprel != "conj" && before.head != w.head) continue;
    Attach(&w, k - 1, "flat");
  }
}

void SentenceView::RepairPastPredicates() {
  const int n = size();
  auto nominal = [&](int k) {
    const std::string_view u = words_[static_cast<size_t>(k)].upos;
    return u == "NOUN" || u == "PROPN";
  };
  for (int p = 1; p + 1 < n; ++p) {
    WordView& verb = words_[static_cast<size_t>(p)];
    const bool past =
        (verb.upos == "VERB" && (verb.xpos == "VBD" || verb.xpos == "VBN")) ||
        (verb.upos == "ADJ" && verb.form.size() > 4 &&
         verb.form.ends_with("ed"));
    if (!past || (verb.deprel != "amod" && verb.deprel != "acl")) continue;
    if (!nominal(p - 1)) continue;
    // Nothing before it is a verb of its own.
    bool verb_before = false;
    for (int k = 0; k < p; ++k) {
      const WordView& w = words_[static_cast<size_t>(k)];
      if ((w.upos == "VERB" || w.upos == "AUX") && w.deprel != "amod" &&
          w.deprel != "acl" && w.deprel != "compound") {
        verb_before = true;
      }
    }
    if (verb_before) return;
    // A noun phrase follows: its last noun is the object.
    const std::string_view next = words_[static_cast<size_t>(p + 1)].upos;
    if (next != "DET" && next != "NUM" && next != "ADJ" && next != "NOUN" &&
        next != "PROPN") {
      continue;
    }
    int object = -1;
    for (int q = p + 1; q < n; ++q) {
      const std::string_view u = words_[static_cast<size_t>(q)].upos;
      if (nominal(q)) {
        if (q + 1 >= n || !nominal(q + 1)) {
          object = q;
          break;
        }
        continue;
      }
      if (u != "DET" && u != "NUM" && u != "ADJ" && u != "PUNCT") break;
    }
    if (object < 0) return;
    // The subject: the top of the phrase before the verb.
    int subject = p - 1;
    for (int step = 0; step < n; ++step) {
      const int h = words_[static_cast<size_t>(subject)].head;
      if (h < 0 || h >= p) break;
      subject = h;
    }
    const std::vector<WordView> saved = words_;
    const WordView& sw = words_[static_cast<size_t>(subject)];
    if (sw.deprel != "root" && sw.deprel != "nsubj" &&
        sw.deprel != "compound" && sw.deprel != "obl") {
      return;
    }
    const int subject_head = sw.head;
    // Where the clause hangs: where its subject hung, unless that was the
    // object's phrase, which then held the clause's place.
    int clause_head = subject_head;
    // Views of literals or of the parse's own strings, as every deprel.
    std::string_view clause_rel = sw.deprel;
    if (subject_head >= p || subject_head < 0) {
      int top = object;
      for (int step = 0; step < n; ++step) {
        const int h = words_[static_cast<size_t>(top)].head;
        if (h < p) break;
        top = h;
      }
      if (subject_head < 0 || words_[static_cast<size_t>(top)].head < p) {
        // The subject was the root, or held the object's phrase.
        clause_head = subject_head;
      } else if (subject_head != top &&
                 words_[static_cast<size_t>(subject_head)].head != top) {
        // The subject hung on some word outside the object's phrase.
        clause_head = subject_head;
      } else {
        clause_head = words_[static_cast<size_t>(top)].head;
        clause_rel = words_[static_cast<size_t>(top)].deprel;
      }
    }
    if (clause_head >= 0 &&
        words_[static_cast<size_t>(clause_head)].upos == "VERB" &&
        clause_rel == "nsubj") {
      clause_rel = "ccomp";  // the reported clause of "police said"
    }
    if (clause_head < 0) clause_rel = "root";
    // What hung on the subject or the old clause top after the object
    // belongs to the clause.
    for (int k = object + 1; k < n; ++k) {
      WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == subject)
        Attach(&w, p, w.deprel == "nmod" ? "obl" : w.deprel);
    }
    for (int k = p + 1; k < object; ++k) {
      WordView& w = words_[static_cast<size_t>(k)];
      if (w.head == subject || w.head == p) w.head = object;
    }
    Attach(&verb, clause_head, clause_rel);
    verb.upos = "VERB";
    if (verb.xpos != "VBN") verb.xpos = "VBD";
    Attach(&words_[static_cast<size_t>(subject)], p, "nsubj");
    Attach(&words_[static_cast<size_t>(object)], p, "obj");
    // The result must still be a tree with one root; else the parse is
    // left as it was.
    int roots = 0;
    bool tree = true;
    for (int k = 0; k < n && tree; ++k) {
      roots += words_[static_cast<size_t>(k)].head < 0;
      int x = k;
      int step = 0;
      for (; step <= n && x >= 0; ++step)
        x = words_[static_cast<size_t>(x)].head;
      tree = step <= n;
    }
    if (!tree || roots != 1) words_ = saved;
    return;
  }
}

}  // namespace sitrep::extract
