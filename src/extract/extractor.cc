#include "extract/extractor.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "common/strings.h"
#include "extract/toponym_detector.h"
#include "extract/typing.h"
#include "text/utf8.h"
#include "time/calendar.h"
#include "time/date_expressions.h"

namespace sitrep::extract {

using lexicon::EntryKind;
using lexicon::Frame;
using lexicon::PhraseMatcher;

namespace {
// Salience lost per clause an event sits below the main predicate (at most
// three): "troops that shelled the town withdrew" is about the withdrawal.
constexpr double kDepthPenalty = 0.3;

bool IsNominal(std::string_view upos) {
  return upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM" ||
         upos == "X";
}

std::string ActorCode(const Actor& a, const lexicon::Lexicon& lex) {
  std::string code;
  if (!a.country.empty()) {
    const int c = lex.FindCountry(a.country);
    code = c >= 0 ? lex.countries[static_cast<size_t>(c)].cameo : a.country;
  }
  return code + a.sector;
}

// ---------------------------------------------------------------- actors

class ActorResolver {
 public:
  ActorResolver(const SentenceView& v, const lexicon::Lexicon& lex,
                const geo::Gazetteer* gazetteer)
      : v_(v), lex_(lex), gazetteer_(gazetteer) {}

  // The actors named by the nominal headed by `w` and its conjuncts.
  std::vector<Actor> Resolve(int w) const {
    std::vector<Actor> out;
    std::vector<int> heads = {w};
    for (size_t i = 0; i < heads.size() && heads.size() < 8; ++i) {
      for (int c : v_.Children(heads[i], "conj")) {
        if (IsNominal(v_.word(c).upos)) heads.push_back(c);
      }
    }
    for (int h : heads) {
      for (Actor& a : ResolveOne(h)) out.push_back(std::move(a));
    }
    return out;
  }

  std::vector<Actor> ResolveOne(int w) const {
    std::vector<Actor> out;
    const WordView& head = v_.word(w);
    std::vector<int> phrase = v_.Phrase(w);
    Actor base;
    base.span = v_.SpanOf(phrase);
    if (head.upos == "PRON") {
      if (head.lemma == "we" || head.lemma == "us" || head.lemma == "i") {
        base.first_person = true;
        base.text = std::string(head.form);
        base.span = head.span;
        out.push_back(base);
      }
      return out;
    }
    // Possessive "our": the speaker's own side.
    for (int c : head.children) {
      if (v_.word(c).deprel == "nmod" && v_.word(c).subtype == "poss" &&
          (v_.word(c).lemma == "our" || v_.word(c).lemma == "we")) {
        base.first_person = true;
      }
    }
    auto orgs = v_.MatchesIn(phrase, EntryKind::kOrganization);
    auto sectors = v_.MatchesIn(phrase, EntryKind::kSector);
    // "a general strike", "a military operation": an adjective on an event
    // noun says what kind of event, not who is in it.
    if (v_.MatchAt(w, EntryKind::kEventWord) != nullptr) {
      std::erase_if(sectors, [&](const LexMatch* m) {
        const WordView& sw = v_.word(m->head);
        return m->head != w && sw.upos == "ADJ" && sw.deprel == "amod";
      });
    }
    // Nor "official" on a singular noun for a thing ("all official
    // contact", "an official visit"): it says the thing is formal, not
    // that a government is acted on. "Military" and "civilian" things are
    // the military's and civilians' ("a military deployment point",
    // "civilian infrastructure").
    if (head.xpos == "NN" && v_.MatchAt(w, EntryKind::kSector) == nullptr &&
        v_.MatchAt(w, EntryKind::kOrganization) == nullptr) {
      std::erase_if(sectors, [&](const LexMatch* m) {
        const WordView& sw = v_.word(m->head);
        return m->head != w && sw.upos == "ADJ" && sw.deprel == "amod" &&
               lex_.sector_names[m->index] == "GOV";
      });
    }
    std::vector<const LexMatch*> countries;
    // "ethnic Albanians", "ethnic Serb villagers": a people, not a
    // state; they are of the country they live in. Their armed or
    // governing bodies ("ethnic Armenian forces") keep the people's name:
    // the country they live in is often the one they fight.
    bool ethnic = false;
    bool people = true;
    for (const LexMatch* m : sectors) {
      const std::string& code = lex_.sector_names[m->index];
      people &= code == "CVL" || code == "REF" || code == "OPP" ||
                code == "LAB" || code == "REL" || code == "EDU";
    }
    auto add_countries = [&](const std::vector<int>& words) {
      for (EntryKind k : {EntryKind::kCountryName, EntryKind::kCountryAdjective,
                          EntryKind::kCapital}) {
        for (const LexMatch* m : v_.MatchesIn(words, k)) {
          if (k == EntryKind::kCountryAdjective && people && m->begin > 0 &&
              v_.word(m->begin - 1).lemma == "ethnic") {
            ethnic = true;
            continue;
          }
          countries.push_back(m);
        }
      }
    };
    add_countries(phrase);
    // "the human rights organisation Amnesty International": the name in
    // apposition says who.
    if (orgs.empty()) {
      for (int c : v_.Children(w, "appos")) {
        const std::vector<int> appos = v_.Phrase(c);
        orgs = v_.MatchesIn(appos, EntryKind::kOrganization);
        if (countries.empty()) add_countries(appos);
        if (!orgs.empty()) break;
      }
    }
    // "opposition groups in Zimbabwe", "doctors from two American aid
    // groups": where they are from, when the phrase itself does not say.
    if (orgs.empty() && countries.empty()) {
      // "guerrillas operating in Macedonia", "rebels based in Darfur".
      for (int c : v_.Children(w, "acl")) {
        if (v_.word(c).upos != "VERB") continue;
        for (int g : v_.Children(c, "obl")) {
          if (v_.CaseOf(g) == "in") add_countries(v_.Phrase(g));
        }
      }
      for (int c : v_.Children(w, "nmod")) {
        const std::string prep = v_.CaseOf(c);
        if (prep == "in" || prep == "from" || prep == "throughout" ||
            prep == "across") {
          add_countries(v_.Phrase(c));
        }
        // "a camp for Congolese refugees": whom a place is for.
        if (prep == "for") {
          if (const LexMatch* nc = v_.MatchAt(w, EntryKind::kNounClass)) {
            const std::string& cls = lex_.noun_classes[nc->index];
            if (cls == "populated" || cls == "property") {
              add_countries(v_.Phrase(c));
            }
          }
        }
        // "activists from the Fatah party": the body they belong to.
        if (prep == "from" && orgs.empty()) {
          orgs = v_.MatchesIn(v_.Phrase(c), EntryKind::kOrganization);
        }
      }
    }
    // A modifier ("general strike") names no actor by a word for people.
    if (head.upos == "ADJ" && head.deprel == "amod" && orgs.empty() &&
        countries.empty()) {
      return out;
    }
    std::sort(countries.begin(), countries.end(),
              [](const LexMatch* a, const LexMatch* b) {
                return a->begin < b->begin;
              });
    if (orgs.empty() && sectors.empty() && countries.empty() && !ethnic) {
      if (!base.first_person && head.upos != "PROPN") return out;
      // A name is capitalised; a lower-case "proper noun" is the tagger's
      // mistake ("blocked the highway and lit bonfires").
      if (!base.first_person && !head.form.empty() &&
          !(head.form[0] >= 'A' && head.form[0] <= 'Z') &&
          static_cast<unsigned char>(head.form[0]) < 0x80) {
        return out;
      }
    }
    base.text = Text(base.span);
    // The organisation nearest the head gives name, country and sector.
    if (const LexMatch* o = Nearest(orgs, w)) {
      const lexicon::Organization& org = lex_.organizations[o->index];
      base.name = org.name;
      base.country = org.country;
      base.sector = org.sector;
      base.code = org.code;
    }
    // A sector word: the one heading the phrase, else the nearest.
    if (base.sector.empty()) {
      if (const LexMatch* s = Nearest(sectors, w)) {
        base.sector = lex_.sector_names[s->index];
      }
    }
    if (base.sector.empty() && ethnic) base.sector = "ETH";
    // A capital named alone stands for the government.
    if (base.country.empty() && !countries.empty()) {
      std::vector<const LexMatch*> distinct;
      for (const LexMatch* m : countries) {
        bool seen = false;
        for (const LexMatch* d : distinct) seen |= d->index == m->index;
        if (!seen) distinct.push_back(m);
      }
      // "Hungarian and Romanian officials": one actor per country.
      if (distinct.size() > 1 && Coordinated(distinct)) {
        for (const LexMatch* m : distinct) {
          Actor a = base;
          Fill(m, &a);
          a.code = ActorCode(a, lex_);
          out.push_back(std::move(a));
        }
        return out;
      }
      // "Bosnian Serbs", "Iraqi Kurds": a people named by the head, the
      // state they live in by the adjective before it.
      const LexMatch* pick = Nearest(distinct, w);
      if (pick != nullptr && pick->begin <= w && w < pick->end) {
        for (const LexMatch* m : distinct) {
          if (m != pick && m->end <= pick->begin &&
              m->kind == EntryKind::kCountryAdjective) {
            pick = m;
          }
        }
      }
      Fill(pick, &base);
    }
    // A place named as a party ("shelled Stepanakert", "militias in
    // Tripoli"): its country, as the codebooks code a place.
    if (base.country.empty() && orgs.empty()) {
      // Not a name doing the act ("Santos said", "Jackson met"): surnames
      // are towns too. A place is acted on, or is where people are from.
      const bool active_subject =
          head.deprel == "nsubj" && head.subtype != "pass";
      if (head.upos == "PROPN" && sectors.empty() && !active_subject) {
        base.country = PlaceCountry(w);
      }
      // "Darfur rebels", "Kirkuk residents": people of a place; not "the
      // Bush administration", a leader's name on a government.
      const std::string sector_here =
          sectors.empty() ? "" : lex_.sector_names[sectors.front()->index];
      for (int c : v_.Children(w, "compound")) {
        if (!base.country.empty() || head.upos == "PROPN" ||
            sector_here == "GOV") {
          break;
        }
        if (v_.word(c).upos == "PROPN") base.country = PlaceCountry(c);
      }
      // "militias in Tripoli"; "the town of Cizre".
      const LexMatch* place_noun = v_.MatchAt(w, EntryKind::kNounClass);
      const bool place = place_noun != nullptr &&
                         (lex_.noun_classes[place_noun->index] == "populated" ||
                          lex_.noun_classes[place_noun->index] == "territory");
      for (int c : v_.Children(w, "nmod")) {
        if (!base.country.empty()) break;
        const std::string prep = v_.CaseOf(c);
        if ((prep == "in" || prep == "from" || (prep == "of" && place)) &&
            v_.word(c).upos == "PROPN") {
          base.country = PlaceCountry(c);
        }
      }
    }
    // "Vietnamese-led forces", "U.S.-backed fighters": who leads or backs
    // them, when nothing else says whose they are.
    if (base.country.empty() && orgs.empty()) {
      for (int x : phrase) {
        const std::string_view form = v_.word(x).form;
        const size_t dash = form.rfind('-');
        if (dash == std::string_view::npos || dash == 0) continue;
        const std::string_view rest = form.substr(dash + 1);
        if (rest != "led" && rest != "backed" && rest != "sponsored" &&
            rest != "allied") {
          continue;
        }
        const std::string prefix(form.substr(0, dash));
        const PhraseMatcher::TokenView token[1] = {{prefix, ""}};
        std::vector<PhraseMatcher::Match> found;
        lex_.matcher.FindAll(token, &found);
        for (const PhraseMatcher::Match& m : found) {
          const auto kind = static_cast<EntryKind>(m.kind);
          if (kind == EntryKind::kCountryName ||
              kind == EntryKind::kCountryAdjective) {
            base.country = lex_.countries[m.index].iso3;
            break;
          }
        }
        if (!base.country.empty()) break;
      }
    }
    if (base.code.empty()) base.code = ActorCode(base, lex_);
    out.push_back(std::move(base));
    return out;
  }

  // The country of the place a proper name headed by `w` names, when the
  // gazetteer knows the name (its own or an alternate: "Stepanakert") and
  // the place is prominent enough that the name means it: a capital or
  // seat of a first-level division, a region, or a town of 50,000 or
  // more, with no namesake in another country of a quarter of its size.
  // Names the lexicon knows (organisations, people) never get here. ""
  // otherwise.
  std::string PlaceCountry(int w) const {
    if (gazetteer_ == nullptr || text_ == nullptr) return "";
    int first = w, last = w;
    for (int c : v_.word(w).children) {
      const WordView& cw = v_.word(c);
      // A capitalised word of the name, however tagged ("Tel" in "Tel
      // Aviv" is often read as a common noun).
      const bool capital = !cw.form.empty() && cw.form[0] >= 'A' &&
                           cw.form[0] <= 'Z' &&
                           (cw.upos == "PROPN" || cw.upos == "NOUN");
      if (!capital || (cw.deprel != "compound" && cw.deprel != "flat")) {
        continue;
      }
      first = std::min(first, c);
      last = std::max(last, c);
    }
    const Span span = v_.SpanOf(first, last);
    const std::string name = text_->substr(span.begin, span.size());
    // Not abbreviations and initials ("Maj.", "Gen.", "O."): too short or
    // dotted to be a place's name here.
    if (name.size() < 4 || name.find('.') != std::string::npos) return "";
    const std::vector<geo::Place> found = gazetteer_->Find(name);
    // The most populous place of that name, and whether a namesake in
    // another country rivals it.
    const geo::Place* best = nullptr;
    for (const geo::Place& p : found) {
      if (best == nullptr || p.population > best->population) best = &p;
    }
    if (best == nullptr) return "";
    for (const geo::Place& p : found) {
      if (p.country != best->country &&
          uint64_t{p.population} * 4 >= best->population) {
        return "";  // ambiguous
      }
    }
    const std::string_view f = best->feature;
    const bool seat =
        f == "PPLC" || f == "PPLA" || f == "RGN" || f == "TRR" || f == "ADM1";
    if (!seat && best->population < 50000) return "";
    return geo::CountryAlpha3(best->country);
  }

  std::string Text(Span span) const {
    return text_ ? text_->substr(span.begin, span.size()) : "";
  }
  void set_text(const std::string* text) { text_ = text; }

 private:
  void Fill(const LexMatch* m, Actor* a) const {
    if (m == nullptr) return;
    a->country = lex_.countries[m->index].iso3;
    if (m->kind == EntryKind::kCapital && a->sector.empty()) a->sector = "GOV";
  }

  bool Coordinated(const std::vector<const LexMatch*>& ms) const {
    for (size_t i = 1; i < ms.size(); ++i) {
      const int a = ms[i - 1]->head, b = ms[i]->head;
      if (v_.word(b).head != a && v_.word(a).head != b) return false;
      const int later = std::max(a, b);
      if (v_.word(later).deprel != "conj") return false;
    }
    return true;
  }

  const LexMatch* Nearest(const std::vector<const LexMatch*>& ms, int w) const {
    const LexMatch* best = nullptr;
    int best_distance = 1 << 30;
    for (const LexMatch* m : ms) {
      const int d = (m->begin <= w && w < m->end) ? 0 : std::abs(m->head - w);
      if (d < best_distance) {
        best = m;
        best_distance = d;
      }
    }
    return best;
  }

  const SentenceView& v_;
  const lexicon::Lexicon& lex_;
  const geo::Gazetteer* gazetteer_;
  const std::string* text_ = nullptr;
};

// ------------------------------------------------------------ casualties

struct Count {
  std::optional<int64_t> count;
  std::string qualifier = "unknown";
};

int64_t ParseNumber(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != ',') {
      return -1;
    }
  }
  int64_t n = -1;
  if (digits.empty() || digits.size() > 12 || !ParseInt(digits, &n)) return -1;
  return n;
}

// The number a word stands for: digits, or a number word of the lexicon.
std::optional<lexicon::Quantity> QuantityAt(const SentenceView& v, int w) {
  const int64_t n = ParseNumber(v.word(w).form);
  if (n >= 0) return lexicon::Quantity{n, false};
  if (const LexMatch* m = v.MatchAt(w, EntryKind::kQuantity)) {
    return v.lexicon().quantities[m->index];
  }
  return std::nullopt;
}

std::string QualifierOf(const SentenceView& v, int number) {
  // The words just before the number: "at least 40", "more than 100",
  // "nearly 30", "up to 12".
  auto before = [&](int k) -> std::string {
    return number - k >= 0 ? v.word(number - k).lemma : std::string();
  };
  const std::string one = before(1), two = before(2);
  if (one == "least" && two == "at") return "at_least";
  if ((one == "than" && (two == "more" || two == "over")) || one == "over") {
    return "more_than";
  }
  if (one == "about" || one == "around" || one == "approximately" ||
      one == "nearly" || one == "almost" || one == "roughly" || one == "some" ||
      one == "estimated" || (one == "to" && two == "up")) {
    return "about";
  }
  for (int c : v.word(number).children) {
    const std::string& l = v.word(c).lemma;
    if (l == "least") return "at_least";
    if (l == "more" || l == "over") return "more_than";
    if (l == "about" || l == "around" || l == "approximately" ||
        l == "nearly" || l == "almost" || l == "some" || l == "roughly" ||
        l == "estimated") {
      return "about";
    }
  }
  return "exact";
}

// The count and victims' sector of a victim nominal ("at least 40
// civilians", "28 people", "dozens", "our servicemen").
Count CountOf(const SentenceView& v, int victim) {
  Count out;
  int number = -1;
  if (QuantityAt(v, victim)) {
    number = victim;
  } else {
    for (int c : v.word(victim).children) {
      if ((v.word(c).deprel == "nummod" || v.word(c).deprel == "det" ||
           v.word(c).deprel == "amod") &&
          QuantityAt(v, c)) {
        number = c;
        break;
      }
    }
  }
  if (number < 0) return out;
  const lexicon::Quantity q = *QuantityAt(v, number);
  out.count = q.count;
  out.qualifier = q.at_least ? "at_least" : QualifierOf(v, number);
  return out;
}

}  // namespace

// ------------------------------------------------------------- sentence

namespace {

struct Trigger {
  int word = 0;
  const LexMatch* match = nullptr;
  Frame frame = Frame::kNone;
  int event_class = -1;
  // What a party is told it must do ("Libya must hand over the suspects,
  // the minister said"): a demand by the speaker on the subject.
  bool demanded = false;
};

// Words that report an event as a kind of thing rather than an occurrence
// are not triggers when they modify another noun ("attack helicopter").
bool UsableTrigger(const SentenceView& v, int w, const LexMatch& m) {
  const WordView& word = v.word(w);
  // "had regained control" parsed as a participle modifying "control": a
  // verb phrase of the lexicon is a verb phrase.
  if (word.deprel == "amod" && word.upos == "VERB" && m.end - m.begin > 1 &&
      m.begin == w && word.head > w && word.head < m.end) {
    return true;
  }
  // "a mediation mission", "a bombing campaign": the effort is the event.
  if (word.deprel == "compound" && word.head > w) {
    const std::string& head = v.word(word.head).lemma;
    if (head == "effort" || head == "mission" || head == "bid" ||
        head == "attempt" || head == "campaign" || head == "process" ||
        head == "drive" || head == "initiative") {
      return true;
    }
  }
  if (word.deprel == "compound" || word.deprel == "amod") return false;
  return true;
}

// A party: someone with a country, a sector or a name ("Iraq", "troops",
// "the OSCE", "we"), not a thing acted on ("all official contact").
bool IsParty(const Actor& a) {
  return !a.country.empty() || !a.sector.empty() || !a.name.empty() ||
         a.first_person;
}

class SentenceRun {
 public:
  SentenceRun(const SentenceView& v, const lexicon::Lexicon& lex,
              const geo::Gazetteer* gazetteer, const std::string& text,
              int sentence, std::optional<absl::CivilDay> date)
      : v_(v),
        lex_(lex),
        gazetteer_(gazetteer),
        text_(text),
        sentence_(sentence),
        date_(date),
        actors_(v, lex, gazetteer) {
    actors_.set_text(&text_);
  }

  SentenceEvents Run() {
    SentenceEvents out;
    FindDateMentions();
    std::vector<Trigger> triggers = FindTriggers();
    FindDemands(&triggers);
    std::vector<int> depth(triggers.size());
    for (size_t i = 0; i < triggers.size(); ++i) {
      depth[i] = Depth(triggers, triggers[i].word);
    }
    // Casualty verbs attached to another event become its casualties.
    std::vector<bool> absorbed(triggers.size(), false);
    std::vector<Event> events(triggers.size());
    std::vector<std::string> place_country(triggers.size());
    for (size_t i = 0; i < triggers.size(); ++i) {
      place_country_.clear();
      BuildEvent(triggers[i], &events[i]);
      place_country[i] = place_country_;
      if (triggers[i].demanded) {
        // The speaker demands; whoever must act is the target.
        Event& e = events[i];
        e.target = std::move(e.source);
        e.source.clear();
        if (e.claim && e.claim->claimant)
          e.source.push_back(*e.claim->claimant);
      }
    }
    for (size_t i = 0; i < triggers.size(); ++i) {
      if (triggers[i].frame != Frame::kKill &&
          triggers[i].frame != Frame::kInjure) {
        continue;
      }
      int host = HostEvent(triggers, i);
      // No link in the tree: the nearest violent event of the sentence
      // ("... killed yesterday as villagers clashed").
      if (host < 0) host = NearestViolent(triggers, i);
      if (host < 0) continue;
      Event& h = events[static_cast<size_t>(host)];
      Event& c = events[i];
      auto& slot =
          triggers[i].frame == Frame::kKill ? h.fatalities : h.injuries;
      const auto& from =
          triggers[i].frame == Frame::kKill ? c.fatalities : c.injuries;
      if (!slot && from) slot = from;
      // The dead of a clash are its toll, not a side of it, unless they
      // are fighters ("fighting that killed 40 militants").
      const bool side =
          std::any_of(c.target.begin(), c.target.end(), [](const Actor& a) {
            return a.sector == "MIL" || a.sector == "REB" ||
                   a.sector == "COP" || a.sector == "UAF";
          });
      if (h.target.empty() &&
          (side ||
           triggers[static_cast<size_t>(host)].frame != Frame::kClash)) {
        h.target = c.target;
      }
      if (h.source.empty()) h.source = c.source;
      if (!h.instrument && c.instrument) h.instrument = c.instrument;
      // "Three were killed when a mine exploded": the explosion stands
      // where the killing stood.
      depth[static_cast<size_t>(host)] =
          std::min(depth[static_cast<size_t>(host)], depth[i]);
      absorbed[i] = true;
    }
    // Event nouns a verb took over ("lifted the blockade"): the verb's
    // event stands for them.
    std::vector<bool> taken_over(triggers.size(), false);
    for (size_t i = 0; i < triggers.size(); ++i) {
      if (absorbed[i]) continue;
      // Victims and targets named without a country ("24 people",
      // "demonstrators") are of the country the event took place in, when
      // its place names one ("in Serbia", "in Monrovia").
      if (!place_country[i].empty()) {
        for (Actor& a : events[i].target) {
          if (a.country.empty() && a.name.empty() && !a.sector.empty() &&
              a.sector != "IGO" && a.sector != "NGO" && a.sector != "PKO" &&
              !a.first_person) {
            a.country = place_country[i];
            a.code = ActorCode(a, lex_);
          }
        }
      }
      const int consumed = Type(triggers[i], &events[i]);
      if (events[i].plover.type == "PROTEST") {
        // What a protest blocks ("streets in Hong Kong", "the bridge") is
        // no party: whom it defies or opposes is its target.
        Event& e = events[i];
        std::vector<Actor> things;
        if (std::all_of(e.target.begin(), e.target.end(), [](const Actor& a) {
              return a.sector.empty() && a.name.empty() && !a.first_person;
            })) {
          things.swap(e.target);
        }
        ProtestTarget(triggers[i].word, &e);
        if (e.target.empty()) things.swap(e.target);
      }
      PlaceAsTarget(place_country[i], &events[i]);
      PlaceOfUnnamedParties(place_country[i], &events[i]);
      // A state's authorities arresting, jailing, banning or easing a
      // restriction act within their own jurisdiction: with no place
      // saying otherwise, those they act on are of their country
      // ("Nigerian authorities jailed 52 members of ...").
      if (place_country[i].empty()) {
        const std::string& c = events[i].event_class;
        bool jurisdiction = c == "arrest" || c == "restrict" ||
                            c == "ease_restrictions" || c == "release";
        std::string state;
        for (const Actor& a : events[i].source) {
          if (!a.country.empty() && (a.sector == "GOV" || a.sector == "COP" ||
                                     a.sector == "JUD" || a.sector == "LEG")) {
            state = a.country;
          }
          // A country's police act at home, whatever they do ("Liberian
          // riot police used tear gas to disperse demonstrators").
          if (!a.country.empty() && a.sector == "COP") jurisdiction = true;
        }
        if (jurisdiction && !state.empty()) {
          for (Actor& a : events[i].target) {
            if (a.country.empty() && a.name.empty() && a.sector != "IGO" &&
                a.sector != "NGO" && a.sector != "PKO" && !a.first_person) {
              a.country = state;
              a.code = ActorCode(a, lex_);
            }
          }
        }
      }
      if (consumed < 0) continue;
      for (size_t k = 0; k < triggers.size(); ++k) {
        if (k == i || triggers[k].word != consumed) continue;
        taken_over[k] = true;
        // What the noun's own phrase says ("sanctions on Iran", "a curfew
        // in Cizre") completes the verb's event.
        Event& verb = events[i];
        const Event& noun = events[k];
        if (verb.source.empty()) verb.source = noun.source;
        if (verb.target.empty()) verb.target = noun.target;
        if (!verb.instrument) verb.instrument = noun.instrument;
        if (!verb.fatalities) verb.fatalities = noun.fatalities;
        if (!verb.injuries) verb.injuries = noun.injuries;
        if (!verb.location) verb.location = noun.location;
        if (!verb.date) verb.date = noun.date;
        if (place_country[i].empty()) place_country[i] = place_country[k];
      }
    }
    for (size_t i = 0; i < triggers.size(); ++i) {
      if (absorbed[i] || taken_over[i]) continue;
      if (events[i].event_class.empty()) continue;  // not an event after all

      out.circumstance.push_back(Circumstance(triggers, i));
      out.embedded.push_back(Embedded(triggers, i));
      out.depth.push_back(depth[i]);
      out.events.push_back(std::move(events[i]));
    }
    out.reporting = SentenceReporting();
    if (gazetteer_ != nullptr) {
      out.toponyms =
          ToponymDetector(v_, lex_, *gazetteer_, text_, dates_, sentence_)
              .Find();
    }
    // A demonstration, by its event word or its crowd ("protesters turned
    // violent"), in a sentence that says it was violent.
    bool demonstration = false;
    for (const Trigger& t : triggers)
      demonstration |= t.frame == Frame::kProtest;
    for (int w = 0; w < v_.size(); ++w) {
      const std::string& l = v_.word(w).lemma;
      demonstration |= l == "protester" || l == "demonstrator";
    }
    // Not what happened before ("after protesters attacked a police
    // station with stones") or over a span of time ("killed in violence
    // since October"): the sentence says that of another time.
    auto background = [&](int w) {
      for (int step = 0, x = w; step < 12 && x >= 0; ++step) {
        const WordView& word = v_.word(x);
        for (int c : word.children) {
          const WordView& cw = v_.word(c);
          if ((cw.deprel == "mark" || cw.deprel == "case") &&
              (cw.lemma == "since" ||
               ((word.deprel == "advcl" || word.deprel == "obl") &&
                (cw.lemma == "after" || cw.lemma == "before" ||
                 cw.lemma == "following")))) {
            return true;
          }
        }
        x = word.head;
      }
      return false;
    };
    for (int w = 0; demonstration && w < v_.size(); ++w) {
      if (background(w)) continue;
      const std::string& l = v_.word(w).lemma;
      if (l == "violent" || l == "violently" || l == "rioter" ||
          l == "rampage" || l == "vandalism" || l == "ablaze" || l == "arson" ||
          l == "clash" || l == "loot" || l == "looting" || l == "smash" ||
          l == "molotov" || l == "vandalize" || l == "vandalise" ||
          l == "stone") {
        out.violent_protest = true;
      }
      // "escalating violence", "street violence"; not "protests against
      // violence", which is what the protest is about.
      if (l == "violence") {
        const std::string prep = v_.CaseOf(w);
        // "to denounce violence", "decry the arrests and violence".
        int x = w;
        while (v_.word(x).deprel == "conj" && v_.word(x).head >= 0) {
          x = v_.word(x).head;
        }
        const int verb = v_.word(x).deprel == "obj" ? v_.word(x).head : -1;
        const std::string condemned = verb >= 0 ? v_.word(verb).lemma : "";
        if (prep != "against" && prep != "over" && prep != "about" &&
            condemned != "denounce" && condemned != "decry" &&
            condemned != "condemn" && condemned != "protest" &&
            condemned != "oppose" && condemned != "end" &&
            condemned != "stop" && condemned != "reject") {
          out.violent_protest = true;
        }
      }
    }
    return out;
  }

 private:
  std::vector<Trigger> FindTriggers() const {
    std::vector<Trigger> out;
    for (int w = 0; w < v_.size(); ++w) {
      const LexMatch* m = v_.MatchAt(w, EntryKind::kEventWord);
      if (m == nullptr || !UsableTrigger(v_, w, *m)) continue;
      // "on 26 March": a date, not a march.
      bool in_date = false;
      for (const time::DateMention& d : dates_) {
        if (d.first <= w && w <= d.last) in_date = true;
      }
      if (in_date) continue;
      // "a bomb was found", "rockets were seized": the thing acted on, not
      // an event of its own.
      if (v_.word(w).upos == "NOUN" && IsTheme(w)) continue;
      // A word inside a longer event phrase headed elsewhere is not one.
      bool inside_other = false;
      for (const LexMatch& o : v_.matches()) {
        if (o.kind == EntryKind::kEventWord && o.head != w && o.begin <= w &&
            w < o.end && o.end - o.begin > m->end - m->begin) {
          inside_other = true;
        }
      }
      if (inside_other) continue;
      // Reporting and stance verbs with a clause are attribution, not
      // events ("accused X of shelling" keeps the shelling).
      const lexicon::EventWord& ew = lex_.event_words[m->index];
      Trigger t;
      t.word = w;
      t.match = m;
      t.frame = ew.frame;
      t.event_class = ew.event_class;
      out.push_back(t);
    }
    // "launched a chemical attack", "fired a missile strike": a verb of
    // attacking whose object is itself an event noun only carries that
    // event.
    std::vector<Trigger> kept;
    for (const Trigger& t : out) {
      bool light = false;
      if (v_.word(t.word).upos == "VERB" &&
          (t.frame == Frame::kAttack || t.frame == Frame::kFire ||
           t.frame == Frame::kBomb || t.frame == Frame::kClash)) {
        for (int o : v_.Children(t.word, "obj")) {
          for (const Trigger& u : out) {
            light |= u.word == o && v_.word(o).upos == "NOUN";
          }
        }
      }
      // "victims of rape": a noun whose "of" names the event only
      // carries it.
      if (v_.word(t.word).upos == "NOUN" && t.frame != Frame::kKill &&
          t.frame != Frame::kInjure) {
        for (int c : v_.Children(t.word, "nmod")) {
          if (v_.CaseOf(c) != "of") continue;
          for (const Trigger& u : out) light |= u.word == c;
        }
      }
      if (!light) kept.push_back(t);
    }
    out.swap(kept);
    // "dead", "death": fatalities too.
    for (int w = 0; w < v_.size(); ++w) {
      const WordView& word = v_.word(w);
      if ((word.lemma == "dead" && word.upos == "ADJ") ||
          (word.lemma == "death" && word.upos == "NOUN")) {
        Trigger t;
        t.word = w;
        t.frame = Frame::kKill;
        out.push_back(t);
      }
    }
    std::sort(out.begin(), out.end(), [](const Trigger& a, const Trigger& b) {
      return a.word < b.word;
    });
    return out;
  }

  // Whom a protest addresses, from what it demands or opposes: "to demand
  // the resignation of Algerian President Ben Bella", "calling for
  // independence from Iraq", "against Sweden's decision", "in protest of
  // the Russian government's refusal". The first party with a country
  // named there is the target.
  void ProtestTarget(int trigger, Event* e) const {
    std::vector<int> anchors = {trigger};
    const WordView& tw = v_.word(trigger);
    // "staged rallies", "began a hunger strike": the verb carries it.
    if ((tw.deprel == "obj" || tw.deprel == "nsubj") && tw.head >= 0) {
      anchors.push_back(tw.head);
    }
    std::vector<int> about;
    for (int a : anchors) {
      for (int c : v_.word(a).children) {
        const WordView& cw = v_.word(c);
        const std::string prep = v_.CaseOf(c);
        const bool clause =
            (cw.deprel == "advcl" || cw.deprel == "xcomp" ||
             cw.deprel == "acl") &&
            (cw.lemma == "demand" || cw.lemma == "call" ||
             cw.lemma == "protest" || cw.lemma == "press" ||
             cw.lemma == "seek" || cw.lemma == "urge" ||
             cw.lemma == "denounce" || cw.lemma == "oppose" ||
             cw.lemma == "condemn" || cw.lemma == "show" || cw.lemma == "push");
        const bool against =
            (cw.deprel == "obl" || cw.deprel == "nmod") &&
            (prep == "against" || prep == "over" || prep == "in protest of" ||
             prep == "in protest against");
        if (clause || against) about.push_back(c);
        // "in protest of X", parsed as "in protest" with "of X" on it;
        // "in defiance of X".
        if ((cw.deprel == "obl" || cw.deprel == "nmod") && prep == "in" &&
            (cw.lemma == "protest" || cw.lemma == "defiance")) {
          about.push_back(c);
        }
      }
    }
    for (int root : about) {
      // The words under it, in sentence order, up to a clause's length.
      // Not into clauses of their own or places ("an agreement to bring
      // home the hostages held in Gaza").
      std::vector<int> words = {root};
      for (size_t k = 0; k < words.size() && words.size() < 40; ++k) {
        for (int c : v_.word(words[k]).children) {
          const WordView& cw = v_.word(c);
          const std::string prep = v_.CaseOf(c);
          if (cw.deprel == "acl" || cw.deprel == "advcl" ||
              cw.deprel == "ccomp" || cw.deprel == "parataxis" ||
              prep == "in" || prep == "at" || prep == "near") {
            continue;
          }
          words.push_back(c);
        }
      }
      std::sort(words.begin(), words.end());
      for (int x : words) {
        // A word that names a party itself ("president", "Iraq",
        // "government"), not one that only contains one ("the
        // resignation of the president").
        const WordView& xw = v_.word(x);
        if (xw.upos != "NOUN" && xw.upos != "PROPN") continue;
        bool names = xw.upos == "PROPN";
        for (EntryKind k :
             {EntryKind::kSector, EntryKind::kOrganization,
              EntryKind::kCountryName, EntryKind::kCountryAdjective,
              EntryKind::kCapital}) {
          names |= v_.MatchAt(x, k) != nullptr;
        }
        if (!names) continue;
        for (Actor& a : actors_.ResolveOne(x)) {
          if (a.country.empty() || a.first_person) continue;
          e->target.push_back(std::move(a));
          return;
        }
      }
    }
  }

  // "Libya must hand over the suspects, the minister said", "said the US
  // must be ready to mediate": an obligation put on another party in
  // reported speech is a demand (CAMEO 10). The act demanded, when the
  // lexicon knows it, becomes the demand; otherwise the obliged verb is
  // its trigger. Not for what the speaker says it must do itself, nor
  // for passives ("those responsible must be identified").
  void FindDemands(std::vector<Trigger>* triggers) const {
    const int demand = lex_.FindEventClass("demand");
    if (demand < 0) return;
    for (int w = 0; w < v_.size(); ++w) {
      const WordView& word = v_.word(w);
      bool obliged = false;
      for (int c : v_.Children(w, "aux")) {
        const std::string& l = v_.word(c).lemma;
        obliged |= l == "must" || l == "should" || l == "ought";
      }
      if (!obliged) continue;
      bool reported = word.deprel == "ccomp" && word.head >= 0 &&
                      v_.MatchAt(word.head, EntryKind::kReportingCue);
      for (int c : v_.Children(w, "parataxis")) {
        reported |= v_.MatchAt(c, EntryKind::kReportingCue) != nullptr;
      }
      if (!reported) continue;
      const int subj = v_.FirstChild(w, "nsubj");
      if (subj < 0 || v_.word(subj).subtype == "pass" ||
          v_.word(subj).upos == "PRON" || actors_.Resolve(subj).empty()) {
        continue;
      }
      // The act: the obliged verb, or the one it governs ("must be ready
      // to mediate").
      Trigger* act = nullptr;
      for (Trigger& t : *triggers) {
        if (t.word == w) act = &t;
      }
      if (act == nullptr) {
        for (int c : word.children) {
          if (v_.word(c).deprel != "xcomp") continue;
          for (Trigger& t : *triggers) {
            if (t.word == c && act == nullptr) act = &t;
          }
        }
      }
      if (act == nullptr) {
        Trigger t;
        t.word = w;
        triggers->push_back(t);
        act = &triggers->back();
      }
      act->frame = Frame::kNone;
      act->event_class = demand;
      act->demanded = true;
    }
    std::sort(
        triggers->begin(), triggers->end(),
        [](const Trigger& a, const Trigger& b) { return a.word < b.word; });
  }

  // The event a casualty verb belongs to: up the tree through clause links,
  // or the event whose subject or object the casualty verb shares.
  int HostEvent(const std::vector<Trigger>& triggers, size_t i) const {
    auto find = [&](int w) -> int {
      for (size_t k = 0; k < triggers.size(); ++k) {
        if (k != i && triggers[k].word == w &&
            triggers[k].frame != Frame::kKill &&
            triggers[k].frame != Frame::kInjure &&
            triggers[k].frame != Frame::kByObject) {
          return static_cast<int>(k);
        }
      }
      return -1;
    };
    int w = triggers[i].word;
    for (int step = 0; step < 4; ++step) {
      const WordView& word = v_.word(w);
      if (word.head < 0) break;
      const std::string_view rel = word.deprel;
      if (rel != "advcl" && rel != "conj" && rel != "xcomp" && rel != "acl" &&
          rel != "ccomp" && rel != "parataxis" && rel != "nsubj" &&
          rel != "obj" && rel != "obl" && rel != "nmod" && rel != "root") {
        break;
      }
      w = word.head;
      if (const int k = find(w); k >= 0) return k;
      // A verb that is not an event carries one as its object or subject:
      // "carried out air strikes, killing 15", "an explosion occurred,
      // killing two".
      for (const char* carrier : {"obj", "nsubj"}) {
        for (int c : v_.Children(w, carrier)) {
          if (const int k = find(c); k >= 0) return k;
        }
      }
    }
    // The event is the casualty verb's subject ("the explosion killed").
    const int subj = v_.FirstChild(triggers[i].word, "nsubj");
    if (subj >= 0) {
      if (const int k = find(subj); k >= 0) return k;
    }
    // Children: "killed in an attack", "died in the shelling".
    for (int c : v_.word(triggers[i].word).children) {
      if (const int k = find(c); k >= 0) return k;
    }
    // Another casualty verb it is coordinated with has a host.
    const WordView& word = v_.word(triggers[i].word);
    if (word.deprel == "conj" && word.head >= 0) {
      for (size_t k = 0; k < triggers.size(); ++k) {
        if (triggers[k].word == word.head && k != i &&
            (triggers[k].frame == Frame::kKill ||
             triggers[k].frame == Frame::kInjure)) {
          return HostEvent(triggers, k);
        }
      }
    }
    return -1;
  }

  // How far a word sits below the main predicate of its sentence: one step
  // for each clause or phrase it is subordinate in on the way to the root.
  // Steps that do not subordinate the content are free: coordination and
  // parataxis, the complement of a reporting verb ("X said Y shelled Z"),
  // and the subject, object or complement of a verb that is not an event
  // itself ("X carried out an attack", "clashes continued", "began
  // shelling", "is willing to withdraw").
  int Depth(const std::vector<Trigger>& triggers, int word) const {
    auto is_trigger = [&](int w) {
      for (const Trigger& t : triggers) {
        if (t.word == w) return true;
      }
      return false;
    };
    int depth = 0;
    for (int step = 0, x = word; step < 16 && x >= 0; ++step) {
      const WordView& w = v_.word(x);
      if (w.head < 0) break;
      const std::string_view rel = w.deprel;
      const bool free_link =
          rel == "conj" || rel == "parataxis" || rel == "flat" ||
          rel == "compound" || rel == "appos" || rel == "fixed" ||
          rel == "list" || (rel == "amod" && w.upos == "VERB") ||
          ((rel == "ccomp" || rel == "xcomp" || rel == "advcl" ||
            rel == "obl") &&
           v_.MatchAt(w.head, EntryKind::kReportingCue) != nullptr) ||
          ((rel == "nsubj" || rel == "obj" || rel == "xcomp" ||
            rel == "ccomp" || rel == "advcl") &&
           !is_trigger(w.head)) ||
          // A verb-less root with a verbal "acl": the parser has hung the
          // predicate on its subject ("Thousands of protesters marched").
          (rel == "acl" && w.upos == "VERB" && v_.word(w.head).head < 0 &&
           v_.word(w.head).upos != "VERB" &&
           v_.Children(w.head, "cop").empty());
      if (!free_link) ++depth;
      x = w.head;
    }
    return depth;
  }

  // Trigger i is the clausal complement of another trigger (up through
  // xcomp and ccomp links only).
  bool Embedded(const std::vector<Trigger>& triggers, size_t i) const {
    int w = triggers[i].word;
    // Inside a relative clause: a description of something named in the
    // sentence ("a resolution that aims to impose a blockade").
    for (int step = 0, x = w; step < 4 && x >= 0; ++step) {
      if (v_.word(x).deprel == "acl" && v_.word(x).subtype == "relcl") {
        return true;
      }
      x = v_.word(x).head;
    }
    for (int step = 0; step < 3; ++step) {
      const WordView& word = v_.word(w);
      if (word.head < 0 || (word.deprel != "xcomp" && word.deprel != "ccomp")) {
        return false;
      }
      w = word.head;
      for (size_t k = 0; k < triggers.size(); ++k) {
        if (k != i && triggers[k].word == w &&
            triggers[k].frame != Frame::kKill &&
            triggers[k].frame != Frame::kInjure &&
            triggers[k].frame != Frame::kByObject) {
          return true;
        }
      }
    }
    return false;
  }

  // The violent event nearest to trigger i in the sentence, or -1.
  int NearestViolent(const std::vector<Trigger>& triggers, size_t i) const {
    int best = -1, best_distance = 1 << 30;
    for (size_t k = 0; k < triggers.size(); ++k) {
      const Trigger& t = triggers[k];
      if (k == i || t.frame == Frame::kKill || t.frame == Frame::kInjure) {
        continue;
      }
      bool violent = t.frame == Frame::kAttack || t.frame == Frame::kFire ||
                     t.frame == Frame::kBomb || t.frame == Frame::kExplode ||
                     t.frame == Frame::kClash || t.frame == Frame::kDrop;
      if (t.frame == Frame::kNone && t.event_class >= 0) {
        const lexicon::EventClass& c =
            lex_.event_classes[static_cast<size_t>(t.event_class)];
        violent = c.plover == "ASSAULT" || c.plover == "COERCE";
      }
      if (!violent) continue;
      const int d = std::abs(t.word - triggers[i].word);
      if (d < best_distance) {
        best = static_cast<int>(k);
        best_distance = d;
      }
    }
    return best;
  }

  // A nominal event in an oblique of another event's verb, or an event
  // given as background: "after police shot a student", "a protest over
  // the shooting", "following the explosions".
  bool Circumstance(const std::vector<Trigger>& triggers, size_t i) const {
    const WordView& w = v_.word(triggers[i].word);
    for (int c : w.children) {
      const WordView& cw = v_.word(c);
      if ((cw.deprel == "mark" || cw.deprel == "case") &&
          (cw.lemma == "after" || cw.lemma == "following" ||
           cw.lemma == "over" || cw.lemma == "since" || cw.lemma == "against" ||
           cw.lemma == "amid" || (cw.lemma == "from" && w.upos == "NOUN"))) {
        return true;
      }
    }
    // A participle describing a noun ("the territories liberated from
    // occupation") tells what the noun is, not what happened now.
    if (w.deprel == "acl" && w.xpos == "VBN" && w.head >= 0 &&
        v_.word(w.head).head >= 0 &&  // not a main clause hung on the root
        v_.FirstChild(triggers[i].word, "obl") >= 0) {
      bool agent = false;
      for (int c : w.children) agent |= v_.word(c).subtype == "agent";
      if (!agent) return true;
    }
    // "ending eight weeks of fighting", "to halt the shelling".
    int governed = triggers[i].word;
    while (v_.word(governed).deprel == "nmod" && v_.CaseOf(governed) == "of" &&
           v_.word(governed).head >= 0 &&
           v_.word(v_.word(governed).head).upos == "NOUN") {
      governed = v_.word(governed).head;  // "weeks of fighting" -> "weeks"
    }
    if (const WordView& g = v_.word(governed);
        g.head >= 0 && (g.deprel == "obj" || g.deprel == "nmod")) {
      const std::string& governor = v_.word(g.head).lemma;
      if (governor == "end" || governor == "halt" || governor == "stop" ||
          governor == "cease" || governor == "prevent" ||
          governor == "condemn" || governor == "denounce") {
        return true;
      }
    }
    if (w.head >= 0 && w.upos == "NOUN" &&
        (w.deprel == "nmod" || w.deprel == "obj")) {
      for (size_t k = 0; k < triggers.size(); ++k) {
        if (k != i && triggers[k].word == w.head &&
            triggers[k].frame == Frame::kProtest) {
          return true;
        }
      }
    }
    if (w.upos != "NOUN" || (w.deprel != "obl" && w.deprel != "nmod")) {
      return false;
    }
    for (size_t k = 0; k < triggers.size(); ++k) {
      if (k != i && triggers[k].word == w.head &&
          v_.word(w.head).upos == "VERB" && triggers[k].frame != Frame::kKill &&
          triggers[k].frame != Frame::kInjure) {
        return true;
      }
    }
    return false;
  }

  // The subject of a verb, looking through xcomp, conj and advcl to the
  // verb whose subject it shares.
  int SubjectOf(int verb, bool* passive) const {
    bool controlled = false;  // reached up an xcomp
    for (int step = 0, w = verb; step < 4 && w >= 0; ++step) {
      for (int c : v_.word(w).children) {
        if (v_.word(c).deprel == "nsubj" || v_.word(c).deprel == "csubj") {
          // "were ordered to withdraw", "is prepared to impose martial
          // law": the passive subject of the verb above does this act.
          *passive = v_.word(c).subtype == "pass" && !controlled;
          return c;
        }
      }
      // "it is willing to withdraw" with "it" read as an expletive: the
      // subject of an adjective of readiness.
      if (v_.word(w).upos == "ADJ" && !v_.Children(w, "cop").empty()) {
        for (int c : v_.Children(w, "expl")) {
          *passive = false;
          return c;
        }
      }
      const std::string_view rel = v_.word(w).deprel;
      // Object control: "ordered the troops to withdraw", "left 20
      // servicemen injured": the object of the verb above does the act.
      if (rel == "xcomp" && v_.word(w).head >= 0) {
        if (const int o = v_.FirstChild(v_.word(w).head, "obj"); o >= 0) {
          *passive = false;
          return o;
        }
      }
      // "accused Russian forces of shelling", "blamed the rebels for
      // attacking", "charged him with smuggling": the object of the
      // accusation does the act.
      if (step == 0 && v_.word(w).xpos == "VBG" && v_.word(w).head >= 0) {
        const std::string mark = v_.MarkOf(w);
        if (mark == "of" || mark == "for" || mark == "with") {
          const int h = v_.word(w).head;
          if (rel == "acl" && v_.word(h).deprel == "obj") {
            *passive = false;
            return h;
          }
          if (rel == "advcl") {
            if (const int o = v_.FirstChild(h, "obj"); o >= 0) {
              *passive = false;
              return o;
            }
          }
        }
      }
      // "Prisoners rioted at the jail, police sources said" parsed with
      // "prisoners" as a second subject of "said": a subject before the
      // clause belongs to it, not to the verb of saying after it.
      if (step == 0 && rel == "ccomp" && v_.word(w).head > w) {
        for (int c : v_.Children(v_.word(w).head, "nsubj")) {
          if (c < w) {
            *passive = false;
            return c;
          }
        }
      }
      // A finite verb hung as a clause on the noun before it ("Armenian
      // troops shelled ..., the ministry said" parsed with "shelled" as
      // acl of "troops"): reduced relatives are participles, so the noun
      // is the subject.
      if (rel == "acl" && v_.word(w).head >= 0 && v_.word(w).head < w) {
        if (const int n = GardenPathSubject(w); n >= 0) {
          *passive = false;
          return n;
        }
        const int noun = v_.word(w).head;
        const std::string_view xpos = v_.word(w).xpos;
        // Finite, or the noun is one of two subjects of the verb after it.
        bool two_subjects = false;
        if (v_.word(noun).deprel == "nsubj" && v_.word(noun).head >= 0) {
          two_subjects = v_.Children(v_.word(noun).head, "nsubj").size() >= 2;
        }
        // Or the noun is the root: a sentence without a main verb is a
        // main clause the parser hung on its subject.
        const bool noun_root = v_.word(noun).head < 0;
        if (xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" || two_subjects ||
            noun_root) {
          *passive = false;
          return noun;
        }
      }
      if (rel != "xcomp" && rel != "conj" && rel != "advcl") break;
      controlled = rel == "xcomp";
      w = v_.word(w).head;
    }
    return -1;
  }

  // "A mine planted by rebels exploded": parsed with "planted" as the main
  // verb and "exploded" as a clause on "rebels". When a verb hangs on the
  // by-agent of a verb that has a subject before it, that subject is the
  // verb's own subject (and the first verb a reduced relative on it).
  int GardenPathSubject(int verb) const {
    const WordView& v = v_.word(verb);
    if (v.deprel != "acl" || v.head < 0) return -1;
    const int agent = v.head;
    const WordView& a = v_.word(agent);
    if (a.deprel != "obl" || a.head < 0 ||
        (a.subtype != "agent" && v_.CaseOf(agent) != "by")) {
      return -1;
    }
    const int first = a.head;
    const int subj = v_.FirstChild(first, "nsubj");
    if (subj < 0 || subj > first || v_.FirstChild(verb, "nsubj") >= 0) {
      return -1;
    }
    return subj;
  }

  // The speaker of a reporting verb: its subject, skipping a subject that
  // governs the reported event (when the parser gave the verb two).
  int SpeakerOf(int cue, int event_word) const {
    int best = -1;
    for (int c : v_.word(cue).children) {
      if (v_.word(c).deprel != "nsubj" || v_.word(c).subtype == "pass") {
        continue;
      }
      bool governs = false;
      for (int x = event_word, step = 0; x >= 0 && step < 8;
           x = v_.word(x).head, ++step) {
        if (x == c) governs = true;
      }
      if (governs) continue;
      if (best < 0 || std::abs(c - cue) < std::abs(best - cue)) best = c;
    }
    if (best >= 0) return best;
    bool passive = false;
    const int s = SubjectOf(cue, &passive);
    return passive ? -1 : s;
  }

  int ObjectOf(int verb) const {
    int obj = v_.FirstChild(verb, "obj");
    if (obj >= 0) return obj;
    // "killing and injuring our servicemen": the object is on the first
    // conjunct, or on the later one.
    if (v_.word(verb).deprel == "conj" && v_.word(verb).head >= 0) {
      obj = v_.FirstChild(v_.word(verb).head, "obj");
      if (obj >= 0) return obj;
    }
    for (int c : v_.Children(verb, "conj")) {
      obj = v_.FirstChild(c, "obj");
      if (obj >= 0) return obj;
    }
    return -1;
  }

  void AddActors(int w, std::vector<Actor>* to) const {
    if (w < 0) return;
    // "on Tuesday", "early on September 19": a time, not an actor.
    for (const time::DateMention& d : dates_) {
      if (d.first <= w && w <= d.last) return;
    }
    std::vector<Actor> found = actors_.Resolve(w);
    // "a peaceful student demonstration": whoever they are, the
    // demonstrators are protesters.
    if (const LexMatch* m = v_.MatchAt(w, EntryKind::kEventWord);
        m != nullptr && lex_.event_words[m->index].frame == Frame::kProtest) {
      for (Actor& a : found) {
        a.sector = "OPP";
        a.code = a.code.size() >= 3 && a.code != "OPP" && !a.country.empty()
                     ? a.code.substr(0, 3) + "OPP"
                     : "OPP";
      }
    }
    // "attacked a peaceful demonstration": the demonstrators.
    if (found.empty()) {
      if (const LexMatch* m = v_.MatchAt(w, EntryKind::kEventWord);
          m != nullptr && lex_.event_words[m->index].frame == Frame::kProtest) {
        Actor crowd;
        crowd.span = v_.SpanOf(v_.Phrase(w));
        crowd.text = text_.substr(crowd.span.begin, crowd.span.size());
        crowd.sector = "OPP";
        crowd.code = "OPP";
        found.push_back(std::move(crowd));
      }
    }
    for (Actor& a : found) to->push_back(std::move(a));
  }

  // Recipients of a verb: its "to"/"for" obliques that name actors, else,
  // when it has no patient of its own, the patient or recipients of the
  // clause it governs ("agreed to lift the embargo on Iran", "offered to
  // negotiate with Armenia", "is willing to withdraw from Lebanon").
  // The event class of the event word at `w`, when it has one rather than
  // a frame.
  // A verb or noun of judging or answering another's act ("accuse",
  // "investigate", "condemn", "reject", "praise").
  bool Judging(int w) const {
    const lexicon::EventClass* c = ClassAt(w);
    return c != nullptr &&
           (c->plover == "ACCUSE" || c->plover == "REJECT" ||
            (c->plover == "SUPPORT" && c->name != "sign_agreement"));
  }

  const lexicon::EventClass* ClassAt(int w) const {
    const LexMatch* m = v_.MatchAt(w, EntryKind::kEventWord);
    if (m == nullptr) return nullptr;
    const int c = lex_.event_words[m->index].event_class;
    return c >= 0 ? &lex_.event_classes[static_cast<size_t>(c)] : nullptr;
  }

  // "demanded that the Sudanese government end curbs", "its demand today
  // that Israel ease restrictions": whoever the demand says must act, the
  // subject of the "that" clause right after the demand (wherever the
  // parser hung the clause), or, where the clause is misread as a noun
  // phrase, the first party named in it.
  void DemandedOf(int trigger, std::vector<Actor>* to) const {
    const int n = v_.size();
    for (int k = trigger + 1; k < n && k <= trigger + 3; ++k) {
      const WordView& that = v_.word(k);
      if (that.lemma != "that" || that.head <= k) continue;
      const int clause = that.head;
      bool passive = false;
      const int subj =
          v_.word(clause).upos == "VERB" ? SubjectOf(clause, &passive) : -1;
      if (subj >= 0) {
        if (!passive) AddActors(subj, to);
        return;
      }
      for (int w : v_.Phrase(clause)) {
        if (w <= k) continue;
        const WordView& ww = v_.word(w);
        if (ww.upos != "NOUN" && ww.upos != "PROPN") continue;
        if (ww.deprel == "amod" ||
            (ww.head >= 0 && ww.head < w && ww.deprel == "compound")) {
          continue;
        }
        std::vector<Actor> who = actors_.Resolve(w);
        const bool party =
            std::any_of(who.begin(), who.end(), [](const Actor& a) {
              return !a.country.empty() || !a.name.empty();
            });
        if (party) {
          for (Actor& a : who) to->push_back(std::move(a));
          return;
        }
      }
      return;
    }
  }

  // Whoever did the act a noun names, when the noun names no party
  // itself: its owner ("Serbia's suppression"), its agent ("crimes by
  // extremists", "crimes committed by Croat forces") or its country
  // ("proposed Israeli changes").
  void AgentsOfAct(int noun, std::vector<Actor>* to) const {
    const WordView& nw = v_.word(noun);
    if (nw.upos != "NOUN") return;
    for (EntryKind k : {EntryKind::kSector, EntryKind::kOrganization,
                        EntryKind::kCountryName, EntryKind::kCapital}) {
      if (v_.MatchAt(noun, k) != nullptr) return;
    }
    std::vector<int> acts = {noun};
    for (int c : v_.Children(noun, "conj")) acts.push_back(c);
    for (int x : acts) {
      for (int c : v_.word(x).children) {
        const WordView& cw = v_.word(c);
        if (cw.deprel == "nmod" &&
            (cw.subtype == "poss" || v_.CaseOf(c) == "by")) {
          AddActors(c, to);
        } else if (cw.deprel == "acl" && cw.upos == "VERB") {
          for (int g : v_.word(c).children) {
            const WordView& gw = v_.word(g);
            if (gw.deprel == "obl" &&
                (gw.subtype == "agent" || v_.CaseOf(g) == "by")) {
              AddActors(g, to);
            }
          }
        } else if (cw.deprel == "amod" &&
                   v_.MatchAt(c, EntryKind::kCountryAdjective) != nullptr) {
          AddActors(c, to);
        }
      }
    }
  }

  void RecipientsOf(int verb, std::vector<Actor>* to) const {
    const bool had_target = !to->empty();
    const lexicon::EventClass* cls = ClassAt(verb);
    const std::string plover = cls != nullptr ? cls->plover : "";
    // A verb of answering another's act or proposal (reject, condemn,
    // welcome); a verb announcing an act of its own (threaten, agree,
    // refuse).
    const bool answering =
        plover == "REJECT" || plover == "ACCUSE" || plover == "SUPPORT";
    const bool announcing =
        plover == "THREATEN" || plover == "AGREE" || plover == "REJECT";
    // "donated and personally delivered goods to the school": the verbs
    // coordinated with it share its recipient.
    std::vector<int> verbs = {verb};
    for (int c : v_.Children(verb, "conj")) {
      const lexicon::EventClass* same = ClassAt(c);
      if (v_.word(c).upos == "VERB" && v_.FirstChild(c, "nsubj") < 0 &&
          same != nullptr && same == cls) {
        verbs.push_back(c);
      }
    }
    for (int vb : verbs)
      for (int c : v_.word(vb).children) {
        const WordView& cw = v_.word(c);
        if (cw.deprel != "obl") continue;
        const std::string prep = v_.CaseOf(c);
        // "demanding autonomy from Serbian authorities": whom it is asked
        // of.
        if (prep == "to" || prep == "for" ||
            (prep == "from" && plover == "REQUEST")) {
          AddActors(c, to);
        }
      }
    // "sent arms to Pakistan", "provide aid for Romania", "established
    // relations with Iran": the counterpart hung on the object.
    if (to->empty()) {
      for (int o : v_.Children(verb, "obj")) {
        // "70 million dollars of aid for Romania": through what is
        // measured.
        std::vector<int> given = {o};
        for (int c : v_.Children(o, "nmod")) {
          if (v_.CaseOf(c) == "of") given.push_back(c);
        }
        for (int g : given) {
          for (int c : v_.Children(g, "nmod")) {
            const std::string prep = v_.CaseOf(c);
            if (prep == "to" || prep == "for" || prep == "with") {
              AddActors(c, to);
            }
          }
        }
      }
    }
    if (had_target || !to->empty()) return;
    // "demanded the removal of the president", "called for sanctions
    // against Nigeria": the actor an event noun in the object acts on.
    for (int c : v_.word(verb).children) {
      const WordView& cw = v_.word(c);
      const std::string prep = v_.CaseOf(c);
      if (cw.deprel != "obj" && !(cw.deprel == "obl" && prep == "for")) {
        continue;
      }
      const bool event = v_.MatchAt(c, EntryKind::kEventWord) != nullptr;
      for (int g : cw.children) {
        const std::string gp = v_.CaseOf(g);
        if (v_.word(g).deprel != "nmod") continue;
        // "rejected calls by Belarus's rulers", "dismissed an appeal from
        // the president", "threatened action against Russia": whose
        // proposal it is, or whom it is aimed at, also when the object
        // is no event.
        if (gp == "against" || gp == "from" || gp == "by" ||
            (event &&
             (gp == "of" || gp == "on" || gp == "to" || gp == "with"))) {
          AddActors(g, to);
        }
      }
      // "rejected proposed Israeli changes": the proposal's country.
      if (to->empty() && !event && answering) {
        for (int g : v_.Children(c, "amod")) {
          if (v_.MatchAt(g, EntryKind::kCountryAdjective)) AddActors(g, to);
        }
      }
    }
    if (!to->empty()) return;
    // "investigating war crimes committed by Croat forces", "denounced
    // Serbia's suppression of ...": whoever did the act judged.
    if (answering) {
      for (int c : v_.word(verb).children) {
        const WordView& cw = v_.word(c);
        const std::string prep = v_.CaseOf(c);
        if (cw.deprel == "obj" ||
            (cw.deprel == "obl" && (prep == "as" || prep == "into" ||
                                    prep == "over" || prep == "of"))) {
          AgentsOfAct(c, to);
        }
      }
      if (!to->empty()) return;
    }
    // "demanded that the United States cancel the sale": whoever is to
    // act. Not under a verb of saying, whose complement is the event.
    if (v_.MatchAt(verb, EntryKind::kReportingCue) == nullptr) {
      for (int x : v_.Children(verb, "ccomp")) {
        // "fighting that the army said killed 40": a report, not an order.
        if (v_.MatchAt(x, EntryKind::kReportingCue) != nullptr) continue;
        bool passive = false;
        const int subj = SubjectOf(x, &passive);
        if (subj >= 0 && !passive) AddActors(subj, to);
      }
      if (!to->empty()) return;
    }
    // The act threatened, promised or refused: its complement, or a "to"
    // clause the parser hung further off ("threatened on Monday to break
    // relations with Russia").
    std::vector<int> acts = v_.Children(verb, "xcomp");
    if (announcing) {
      for (int x : v_.Children(verb, "advcl")) {
        if (v_.HasChildLemma(x, "mark", "to")) acts.push_back(x);
      }
    }
    for (int x : acts) {
      if (v_.word(x).upos != "VERB") continue;
      for (int c : v_.word(x).children) {
        const WordView& cw = v_.word(c);
        const std::string prep = v_.CaseOf(c);
        if (cw.deprel == "obj" || cw.deprel == "iobj" ||
            (cw.deprel == "obl" &&
             (prep == "to" || prep == "for" || prep == "with" || prep == "on" ||
              prep == "against" || prep == "from"))) {
          AddActors(c, to);
        }
      }
      if (to->empty()) RecipientsOf(x, to);
    }
  }

  // A weapon that an event acts on rather than with: the object or passive
  // subject of seizing, finding, destroying or defusing, directly or as
  // "dozens of X".
  bool IsTheme(int w) const {
    for (int step = 0; step < 8 && w >= 0; ++step) {
      const WordView& word = v_.word(w);
      if (word.head < 0) return false;
      const int h = word.head;
      const bool argument = word.deprel == "obj" ||
                            (word.deprel == "nsubj" &&
                             (word.subtype == "pass" || v_.IsPassive(h))) ||
                            word.deprel == "conj" || word.deprel == "nmod";
      if (!argument) return false;
      if (word.deprel == "obj" || word.deprel == "nsubj") {
        const LexMatch* m = v_.MatchAt(h, EntryKind::kEventWord);
        if (m == nullptr) return false;
        const lexicon::EventWord& ew = lex_.event_words[m->index];
        if (ew.frame == Frame::kSeize || ew.frame == Frame::kDestroy ||
            ew.frame == Frame::kFind ||
            (ew.event_class >= 0 &&
             lex_.event_classes[static_cast<size_t>(ew.event_class)].name ==
                 "disrupted_weapons_use")) {
          return true;
        }
        return false;
      }
      w = h;
    }
    return false;
  }

  // An instrument named by the nominal `w` (or its phrase); also follows
  // "a mine planted by X" to the one who planted it.
  bool InstrumentAt(int w, Event* e, std::vector<Actor>* agents) const {
    if (w < 0) return false;
    for (const LexMatch* m :
         v_.MatchesIn(v_.Phrase(w), EntryKind::kInstrument)) {
      if (m->head != w && v_.word(m->head).head != w) continue;
      SetInstrument(m, e);
      // The garden path above: "a mine [planted by X] exploded".
      const WordView& iw = v_.word(w);
      if (iw.deprel == "nsubj" && iw.head >= 0) {
        for (int a : v_.word(iw.head).children) {
          if (v_.word(a).deprel == "obl" &&
              (v_.word(a).subtype == "agent" || v_.CaseOf(a) == "by") &&
              !v_.Children(a, "acl").empty()) {
            AddActors(a, agents);
          }
        }
      }
      for (int c : v_.Children(w, "acl")) {
        for (int a : v_.word(c).children) {
          if (v_.word(a).deprel == "obl" && v_.CaseOf(a) == "by") {
            AddActors(a, agents);
          }
        }
      }
      // "Israeli helicopters shelled the town": a state's weapons are its
      // armed forces'.
      if (iw.deprel == "nsubj" && agents->empty()) {
        for (Actor& a : actors_.Resolve(w)) {
          if (a.country.empty() && a.name.empty()) continue;
          if (a.sector.empty()) {
            a.sector = "MIL";
            a.code = ActorCode(a, lex_);
          }
          agents->push_back(std::move(a));
        }
      }
      return true;
    }
    return false;
  }

  // Which instrument says most about an attack when a sentence names
  // several ("missiles fired by jets" is an air strike).
  static int InstrumentRank(const std::string& c) {
    static const char* const kOrder[] = {
        "suicide", "chemical", "drone",     "air",  "artillery", "missile",
        "grenade", "mine_ied", "explosive", "fire", "firearms",  "melee"};
    for (int i = 0; i < 12; ++i) {
      if (c == kOrder[i]) return i;
    }
    return 12;
  }

  void SetInstrument(const LexMatch* m, Event* e) const {
    if (e->instrument &&
        InstrumentRank(e->instrument->instrument_class) <=
            InstrumentRank(lex_.instrument_classes[m->index])) {
      return;
    }
    Instrument ins;
    ins.span = v_.SpanOf(m->begin, m->end - 1);
    ins.text = text_.substr(ins.span.begin, ins.span.size());
    ins.instrument_class = lex_.instrument_classes[m->index];
    // "a suicide vehicle-borne improvised explosive device": carried by
    // one who dies with it.
    for (int x : v_.Phrase(m->head)) {
      if (v_.word(x).lemma == "suicide") ins.instrument_class = "suicide";
    }
    e->instrument = std::move(ins);
  }

  void BuildEvent(const Trigger& t, Event* e) {
    const WordView& tw = v_.word(t.word);
    const LexMatch* m = t.match;
    const int first = m ? m->begin : t.word;
    const int last = m ? m->end - 1 : t.word;
    e->sentence = sentence_;
    e->trigger.span = v_.SpanOf(first, last);
    e->trigger.text =
        text_.substr(e->trigger.span.begin, e->trigger.span.size());
    const bool verbal = tw.upos == "VERB" || tw.upos == "ADJ";
    int pronoun_subject = -1;
    std::vector<Actor> agents;
    if (verbal) {
      bool passive_subject = false;
      const int subj = tw.upos == "ADJ" ? AdjectiveSubject(t.word)
                                        : SubjectOf(t.word, &passive_subject);
      // A participle read as an adjective ("were wounded") has its patient
      // as subject.
      // Not a stance ("Israel is opposed to ...", "is committed to"),
      // whose subject holds it.
      // "is opposed to" is an adjective, however the tagger reads it.
      bool stance = tw.lemma == "oppose" && [&] {
        for (int c : v_.Children(t.word, "obl")) {
          if (v_.CaseOf(c) == "to") return true;
        }
        return false;
      }();
      if (tw.upos == "ADJ" && t.event_class >= 0) {
        const std::string& p =
            lex_.event_classes[static_cast<size_t>(t.event_class)].plover;
        stance = p == "REJECT" || p == "SUPPORT" || p == "AGREE" ||
                 p == "ACCUSE" || p == "REQUEST" || p == "CONSULT";
      }
      const bool passive =
          (v_.IsPassive(t.word) || passive_subject || tw.upos == "ADJ") &&
          !stance;
      const int obj = ObjectOf(t.word);
      // "gave the Ivory Coast 5 million dollars", "gave de Klerk a warm
      // welcome": the indirect object is the recipient, the object a thing.
      const int iobj = v_.FirstChild(t.word, "iobj");
      if (iobj >= 0) AddActors(iobj, &e->target);
      if (passive) {
        if (subj >= 0) AddActors(subj, &e->target);
      } else if (subj >= 0) {
        if (!InstrumentAt(subj, e, &agents)) AddActors(subj, &e->source);
        const WordView& sw = v_.word(subj);
        if (sw.upos == "PRON" && (sw.lemma == "it" || sw.lemma == "they" ||
                                  sw.lemma == "he" || sw.lemma == "she")) {
          pronoun_subject = subj;
        }
      }
      if (obj >= 0 && iobj < 0) {
        if (!InstrumentAt(obj, e, &agents) || t.frame == Frame::kSeize ||
            t.frame == Frame::kDestroy) {
          AddActors(obj, &e->target);
        }
        // "seized weapons and explosives from armed groups", the owner
        // hung on what was taken.
        if (t.frame == Frame::kSeize) {
          std::vector<int> taken = {obj};
          for (int c : v_.Children(obj, "conj")) taken.push_back(c);
          for (int x : taken) {
            for (int g : v_.Children(x, "nmod")) {
              if (v_.CaseOf(g) == "from") AddActors(g, &e->target);
            }
          }
        }
      }
      for (int c : tw.children) {
        const WordView& cw = v_.word(c);
        if (cw.deprel != "obl" && cw.deprel != "advmod") continue;
        const std::string prep = v_.CaseOf(c);
        if (cw.subtype == "agent" || prep == "by") {
          // "Croatia is investigating war crimes by extremists": an active
          // verb with its own subject has no agent phrase; a verb judging
          // an act has the act's.
          if (!passive && subj >= 0 && cw.subtype != "agent" &&
              v_.FirstChild(t.word, "obj") >= 0) {
            if (Judging(t.word)) AddActors(c, &e->target);
          } else if (!InstrumentAt(c, e, &agents)) {
            AddActors(c, &e->source);
          }
        } else if ((prep == "between" || prep == "among") && subj < 0) {
          // "Fighting between X and Y" with a gerund: its sides.
          AddActors(c, &e->source);
        } else if (prep == "with" || prep == "between" || prep == "among") {
          // "clashed with X", "mediate between X and Y".
          if (!InstrumentAt(c, e, &agents)) AddActors(c, &e->target);
        } else if (prep == "on" || prep == "against" || prep == "at" ||
                   prep == "into" || prep == "onto" || prep == "toward" ||
                   prep == "towards" || prep == "upon") {
          if (!InstrumentAt(c, e, &agents)) AddActors(c, &e->target);
        } else if (prep == "from" && t.frame == Frame::kSeize) {
          // "confiscated weapons from armed groups": whoever loses them.
          if (!InstrumentAt(c, e, &agents)) AddActors(c, &e->target);
        } else if (prep == "from" || prep == "using") {
          InstrumentAt(c, e, &agents);
        }
      }
      // The recipient or counterpart: "handed the suspects over to
      // Britain", "apologized to Brazil", "aid for Romania", "offered its
      // troops to Lebanon". Taken after the patient, as are those of an
      // event the verb governs ("agreed to provide aid to Romania").
      // What is acted on may be a thing, not a party ("boycott all
      // official contact with the United States", "suspended part of an
      // aid program for Bosnia"): a counterpart named with it is the
      // target, the thing stays one only when there is none.
      std::vector<Actor> things;
      if (!e->target.empty() &&
          std::none_of(e->target.begin(), e->target.end(), IsParty)) {
        things.swap(e->target);
      }
      RecipientsOf(t.word, &e->target);
      // "opened fire to disperse demonstrators": whom the force's purpose
      // names.
      if (e->target.empty()) {
        const std::string p =
            t.event_class >= 0
                ? lex_.event_classes[static_cast<size_t>(t.event_class)].plover
                : "";
        const bool force = t.frame == Frame::kFire ||
                           t.frame == Frame::kAttack || t.frame == Frame::kBomb;
        if (force || p == "ASSAULT" || p == "COERCE") {
          for (int x : v_.word(t.word).children) {
            const WordView& xw = v_.word(x);
            if ((xw.deprel != "advcl" && xw.deprel != "xcomp") ||
                xw.upos != "VERB" || !v_.HasChildLemma(x, "mark", "to")) {
              continue;
            }
            const lexicon::EventClass* purpose = ClassAt(x);
            if (purpose == nullptr ||
                (purpose->plover != "ASSAULT" && purpose->plover != "COERCE" &&
                 purpose->plover != "PROTEST")) {
              continue;
            }
            for (int o : v_.Children(x, "obj")) AddActors(o, &e->target);
          }
        }
      }
      if (e->target.empty()) things.swap(e->target);
      // "threatened to strike unless Israel rescinded ...", "will stop the
      // talks if the United States goes ahead": whoever must comply.
      if (e->target.empty() && t.event_class >= 0 &&
          lex_.event_classes[static_cast<size_t>(t.event_class)].plover ==
              "THREATEN") {
        std::vector<int> clauses = {t.word};
        for (int x : v_.Children(t.word, "xcomp")) clauses.push_back(x);
        for (int x : v_.Children(t.word, "advcl")) clauses.push_back(x);
        for (int x : clauses) {
          for (int c : v_.Children(x, "advcl")) {
            if (!v_.HasChildLemma(c, "mark", "if") &&
                !v_.HasChildLemma(c, "mark", "unless")) {
              continue;
            }
            bool passive = false;
            const int subj = SubjectOf(c, &passive);
            if (subj >= 0 && !passive) AddActors(subj, &e->target);
          }
          if (!e->target.empty()) break;
        }
      }
    } else {
      // Nominal events: "the shelling of Stepanakert by X", "Israeli
      // strikes", "clashes between X and Y", "an attack on".
      // The parties "between" whom it happens: its sides, unless someone
      // else carries it out ("launched a mediation effort between X and
      // Y"), whose counterparts they are.
      std::vector<Actor> between;
      for (int c : tw.children) {
        const WordView& cw = v_.word(c);
        const std::string prep = v_.CaseOf(c);
        if (cw.deprel == "nmod" && cw.subtype == "poss") {
          AddActors(c, &e->source);
        } else if (cw.deprel == "amod" || cw.deprel == "compound") {
          if (!InstrumentAt(c, e, &agents)) {
            if (const LexMatch* ins = v_.MatchAt(c, EntryKind::kInstrument)) {
              SetInstrument(ins, e);
            } else {
              AddActors(c, &e->source);
            }
          }
        } else if (cw.deprel == "nmod") {
          if (prep == "by") {
            if (!InstrumentAt(c, e, &agents)) AddActors(c, &e->source);
          } else if (prep == "between" || prep == "among") {
            AddActors(c, &between);
          } else if (prep == "of" && t.frame == Frame::kProtest) {
            AddActors(c, &e->source);
          } else if ((prep == "to" || prep == "for") &&
                     t.frame == Frame::kNone) {
            // "military aid to Mozambique", "support for the PLO".
            AddActors(c, &e->target);
          } else if (prep == "of" || prep == "on" || prep == "against" ||
                     prep == "at" || prep == "with") {
            if (!InstrumentAt(c, e, &agents)) {
              const size_t before = e->target.size();
              AddActors(c, &e->target);
              // "a suspension of air links with Serbia", "the cut of aid
              // to Bosnia": no one is suspended; the counterpart is.
              if (prep == "of" && e->target.size() == before) {
                for (int g : v_.Children(c, "nmod")) {
                  const std::string gp = v_.CaseOf(g);
                  if (gp == "with" || gp == "to" || gp == "against") {
                    AddActors(g, &e->target);
                  }
                }
              }
            }
            // "the shelling of X by Y", with "by Y" hung on X.
            for (int g : v_.word(c).children) {
              if (v_.word(g).deprel == "nmod" && v_.CaseOf(g) == "by") {
                AddActors(g, &e->source);
              }
            }
          }
        }
      }
      // "the strikes are against the positions of X": the predicate of a
      // copula marked by a preposition of direction.
      if (tw.deprel == "nsubj" && tw.head >= 0 &&
          !v_.Children(tw.head, "cop").empty()) {
        const std::string prep = v_.CaseOf(tw.head);
        if (prep == "against" || prep == "on" || prep == "at") {
          AddActors(tw.head, &e->target);
        }
      }
      // "civilians are not targets": the subject of an event noun used as
      // a predicate.
      if (!v_.Children(t.word, "cop").empty()) {
        const int subj = v_.FirstChild(t.word, "nsubj");
        if (subj >= 0) AddActors(subj, &e->target);
      }
      // Light verbs: "X carried out / launched / conducted an attack"; the
      // event noun may be measured ("provided 25,000 tons of food aid").
      int carrier = t.word;
      if (tw.deprel == "nmod" && v_.CaseOf(t.word) == "of" && tw.head >= 0 &&
          IsNominal(v_.word(tw.head).upos)) {
        carrier = tw.head;
      }
      // "launched a mediation effort": the effort carries the event, and
      // the parties "between" whom it is.
      if (tw.deprel == "compound" && tw.head > t.word) {
        carrier = tw.head;
        for (int c : v_.Children(carrier, "nmod")) {
          const std::string prep = v_.CaseOf(c);
          if (prep == "between" || prep == "among") AddActors(c, &between);
        }
      }
      // "launched a mediation effort on Saturday between X and Y", "fired
      // shells at targets in Jericho": the carrying verb's phrases.
      {
        const WordView& cv = v_.word(carrier);
        if (cv.deprel == "obj" && cv.head >= 0 &&
            v_.word(cv.head).upos == "VERB") {
          for (int c : v_.Children(cv.head, "obl")) {
            const std::string prep = v_.CaseOf(c);
            if (prep == "between" || prep == "among") {
              AddActors(c, &between);
            } else if ((prep == "at" || prep == "on" || prep == "against") &&
                       (t.frame == Frame::kAttack || t.frame == Frame::kFire ||
                        t.frame == Frame::kBomb ||
                        t.frame == Frame::kExplode)) {
              AddActors(c, &e->target);
            }
          }
        }
      }
      const WordView& cw = v_.word(carrier);
      if ((cw.deprel == "obj" || cw.deprel == "nsubj" || cw.deprel == "obl") &&
          cw.head >= 0 && v_.word(cw.head).upos == "VERB") {
        const int verb = cw.head;
        // Whoever condemns, denies, investigates or welcomes an attack did
        // not carry it out: a verb of judging or answering another's act
        // does not lend its subject.
        bool lends_subject = true;
        if (const lexicon::EventClass* vc = ClassAt(verb)) {
          const std::string& p = vc->plover;
          // Signing is the signer's own act, not a judgement of one.
          const bool judging_support =
              p == "SUPPORT" && vc->name != "sign_agreement";
          lends_subject &= p != "ACCUSE" && p != "REJECT" && !judging_support &&
                           p != "PROTEST" && p != "REQUEST";
        }
        // "X carried out an attack", "X arrived on a visit", "took part
        // in talks"; not what another act happened after or because of.
        if (cw.deprel == "obl") {
          const std::string prep = v_.CaseOf(carrier);
          lends_subject &= prep == "on" || prep == "in" || prep == "into" ||
                           prep == "at" || prep == "for" || prep == "under";
        }
        if ((cw.deprel == "obj" || cw.deprel == "obl") && e->source.empty() &&
            lends_subject) {
          bool passive = false;
          const int subj = SubjectOf(verb, &passive);
          if (subj >= 0 && !passive) {
            AddActors(subj, &e->source);
            const WordView& sw = v_.word(subj);
            if (cw.deprel == "obj" && sw.upos == "PRON" &&
                (sw.lemma == "it" || sw.lemma == "they" || sw.lemma == "he" ||
                 sw.lemma == "she")) {
              pronoun_subject = subj;
            }
          }
        }
        // "gave Tanzania a grant", "offered aid to the refugees".
        if (cw.deprel == "obj" && e->target.empty()) {
          const int iobj = v_.FirstChild(verb, "iobj");
          if (iobj >= 0) AddActors(iobj, &e->target);
          for (int c : v_.Children(verb, "obl")) {
            const std::string prep = v_.CaseOf(c);
            if (prep == "to" || prep == "for") AddActors(c, &e->target);
          }
        }
        if (cw.deprel == "nsubj" && e->target.empty()) {
          // "The attack killed ten people": handled as casualties; "the
          // strike hit a school": the object is the target.
          const int obj = v_.FirstChild(verb, "obj");
          if (obj >= 0 && v_.MatchAt(verb, EntryKind::kEventWord) == nullptr) {
            AddActors(obj, &e->target);
          }
        }
      }
      std::vector<Actor>& sides = e->source.empty() ? e->source : e->target;
      for (Actor& a : between) sides.push_back(std::move(a));
      // "an investigation into crimes committed by Croat forces",
      // "criticism of Iraq's arms industries": the act's doer.
      if (e->target.empty() && Judging(t.word)) {
        for (int c : v_.Children(t.word, "nmod")) {
          const std::string prep = v_.CaseOf(c);
          if (prep == "into" || prep == "of" || prep == "over" ||
              prep == "about") {
            AgentsOfAct(c, &e->target);
          }
        }
      }
    }
    if (e->target.empty() && t.event_class >= 0 &&
        lex_.event_classes[static_cast<size_t>(t.event_class)].plover ==
            "REQUEST") {
      DemandedOf(t.word, &e->target);
    }
    for (Actor& a : agents) {
      if (e->source.empty()) e->source.push_back(std::move(a));
    }
    // Instrument elsewhere in the sentence, unless it is what another
    // event acts on ("destroyed 342 mines", "rifles were seized").
    // An operation takes only the weapons named with it.
    const bool operation =
        t.frame == Frame::kNone && t.event_class >= 0 &&
        lex_.event_classes[static_cast<size_t>(t.event_class)].name ==
            "military_operation";
    // Chemical weapons named anywhere in the sentence decide its kind
    // ("fired projectiles stuffed with poisonous gas").
    if (!operation) {
      for (const LexMatch& im : v_.matches()) {
        if (im.kind == EntryKind::kInstrument && !IsTheme(im.head) &&
            lex_.instrument_classes[im.index] == "chemical") {
          SetInstrument(&im, e);
          break;
        }
      }
    }
    if (!e->instrument && !operation) {
      const LexMatch* best = nullptr;
      int best_distance = 1 << 30;
      for (const LexMatch& im : v_.matches()) {
        if (im.kind != EntryKind::kInstrument) continue;
        if (IsTheme(im.head)) continue;
        const int d = std::abs(im.head - t.word);
        if (d < best_distance) {
          best = &im;
          best_distance = d;
        }
      }
      if (best != nullptr) SetInstrument(best, e);
    }
    // Casualty verbs carry their own counts.
    if (t.frame == Frame::kKill || t.frame == Frame::kInjure) {
      CasualtiesOf(t, e);
    }
    e->modality = Modality(t.word, &e->announced);
    Attribute(t.word, e);
    // "bombers killed 23 people when they blew themselves up": a pronoun
    // subject of a clause hung on another is that clause's subject.
    if (pronoun_subject >= 0 && e->source.empty()) {
      const WordView& pw = v_.word(pronoun_subject);
      int clause = pw.head;
      const std::string_view rel =
          clause >= 0 ? v_.word(clause).deprel : std::string_view();
      const int host = clause >= 0 ? v_.word(clause).head : -1;
      if ((rel == "advcl" || rel == "conj") && host >= 0 && host < clause &&
          v_.word(host).upos == "VERB") {
        bool passive = false;
        const int subj = SubjectOf(host, &passive);
        if (subj >= 0 && !passive && v_.word(subj).upos != "PRON") {
          std::vector<Actor> who = actors_.Resolve(subj);
          for (Actor& a : who) {
            a.text = std::string(pw.form);
            a.span = pw.span;
            e->source.push_back(std::move(a));
          }
        }
      }
    }
    // "Syria says it is willing to withdraw": a pronoun subject under a
    // reporting verb is, most often, the speaker.
    if (pronoun_subject >= 0 && e->source.empty() && e->claim &&
        e->claim->claimant && e->claim->cue.span.begin > 0) {
      Actor a = *e->claim->claimant;
      a.text = std::string(v_.word(pronoun_subject).form);
      a.span = v_.word(pronoun_subject).span;
      e->source.push_back(std::move(a));
    }
    // "Bosnian Serbs said their forces had withdrawn": a speaker's own
    // ("its", "their") belong to the speaker's country.
    if (e->claim && e->claim->claimant &&
        !e->claim->claimant->country.empty()) {
      for (Actor& a : e->source) {
        const std::string lower = lexicon::FoldCase(a.text);
        if (a.country.empty() &&
            (lower.starts_with("its ") || lower.starts_with("their "))) {
          a.country = e->claim->claimant->country;
          a.code = ActorCode(a, lex_);
        }
      }
    }
    // "arrived in Amman", "lifted the curfew in Montenegro", "dispatched
    // inspectors to Iran": with no one else acted on, the country a visit
    // goes to, or where a concession or measure takes effect, is its
    // counterpart, as the CAMEO and PLOVER coding rules have it. Not for
    // violence, whose place stays a place, nor for talks and agreements,
    // whose host is not a party.
    const lexicon::EventClass* counterpart_by_place =
        t.frame == Frame::kNone && t.event_class >= 0
            ? &lex_.event_classes[static_cast<size_t>(t.event_class)]
            : nullptr;
    if (counterpart_by_place != nullptr &&
        (counterpart_by_place->plover == "ASSAULT" ||
         counterpart_by_place->plover == "AGREE" ||
         counterpart_by_place->name == "sign_agreement" ||
         (counterpart_by_place->plover == "CONSULT" &&
          counterpart_by_place->name != "visit"))) {
      counterpart_by_place = nullptr;
    }
    // "withdraw its troops", "mobilized army reservists": the forces
    // moved are the actor's own, not whom the act is aimed at.
    if (counterpart_by_place != nullptr &&
        (counterpart_by_place->name == "retreat" ||
         counterpart_by_place->name == "mobilize" ||
         counterpart_by_place->name == "deploy")) {
      std::string own;
      for (const Actor& a : e->source) {
        if (!a.country.empty()) own = a.country;
      }
      // "soldiers had been sent to the scene": with no one named sending
      // them, the forces moved are who acts.
      const bool sender = !e->source.empty();
      std::vector<Actor> kept;
      for (Actor& a : e->target) {
        const bool force = a.sector == "MIL" || a.sector == "REB" ||
                           a.sector == "COP" || a.sector == "PKO" ||
                           a.sector == "UAF";
        if (force && a.name.empty() &&
            (a.country.empty() || a.country == own)) {
          if (!sender) e->source.push_back(std::move(a));
        } else {
          kept.push_back(std::move(a));
        }
      }
      e->target.swap(kept);
    }
    // A thing acted on gives way to the place's country, as above.
    std::vector<Actor> things;
    if (counterpart_by_place != nullptr && !e->target.empty() &&
        std::none_of(e->target.begin(), e->target.end(), IsParty)) {
      things.swap(e->target);
    }
    if (e->target.empty() && counterpart_by_place != nullptr) {
      int verb = t.word;
      if (tw.upos != "VERB" && (tw.deprel == "obj" || tw.deprel == "nsubj") &&
          tw.head >= 0) {
        verb = tw.head;
      }
      for (int c : v_.word(verb).children) {
        if (v_.word(c).deprel != "obl") continue;
        const std::string prep = v_.CaseOf(c);
        // "withdraw its troops from Lebanon": the country left.
        const bool left =
            prep == "from" && (counterpart_by_place->plover == "RETREAT" ||
                               counterpart_by_place->plover == "SANCTION");
        if (prep != "in" && prep != "to" && prep != "into" && !left) continue;
        for (Actor& a : actors_.Resolve(c)) {
          if (!a.country.empty() && (a.sector.empty() || a.sector == "GOV") &&
              a.name.empty()) {
            e->target.push_back(std::move(a));
          }
        }
        if (!e->target.empty()) break;
      }
      // "the withdrawal of forces from Panama", "a war against Iraq" that
      // reservists are mobilised for: the nominal's own phrases.
      std::vector<int> nouns;
      if (tw.upos == "NOUN") nouns.push_back(t.word);
      for (int c : v_.word(verb).children) {
        if (v_.word(c).deprel == "obl" && v_.CaseOf(c) == "for") {
          nouns.push_back(c);
        }
        // "mobilized reservists for a war against Iraq".
        if (v_.word(c).deprel == "obj") {
          for (int g : v_.Children(c, "nmod")) {
            if (v_.CaseOf(g) == "for") nouns.push_back(g);
          }
        }
      }
      for (int x : nouns) {
        if (!e->target.empty()) break;
        for (int c : v_.Children(x, "nmod")) {
          const std::string prep = v_.CaseOf(c);
          const bool left =
              prep == "from" && (counterpart_by_place->plover == "RETREAT" ||
                                 counterpart_by_place->plover == "SANCTION");
          if (prep != "against" && prep != "to" && prep != "into" && !left) {
            continue;
          }
          for (Actor& a : actors_.Resolve(c)) {
            if (!a.country.empty()) e->target.push_back(std::move(a));
          }
        }
      }
    }
    if (e->target.empty()) things.swap(e->target);
    Place(t.word, e);
    DateOf(t.word, e);
  }

  // Whom a participle read as an adjective is said of: its subject ("two
  // were wounded"), the object of the verb it completes ("leaving 20
  // soldiers injured"), a bare noun hung on it by the parser ("20
  // servicemen injured"), or the subject of the verb it completes ("one
  // person was confirmed killed").
  int AdjectiveSubject(int adj) const {
    if (const int s = v_.FirstChild(adj, "nsubj"); s >= 0) return s;
    for (int c : v_.word(adj).children) {
      if (v_.word(c).deprel == "obl" && v_.word(c).subtype == "unmarked" &&
          IsNominal(v_.word(c).upos)) {
        return c;
      }
    }
    const WordView& w = v_.word(adj);
    if (w.deprel == "xcomp" && w.head >= 0) {
      if (const int o = v_.FirstChild(w.head, "obj"); o >= 0) return o;
      return v_.FirstChild(w.head, "nsubj");
    }
    return -1;
  }

  void CasualtiesOf(const Trigger& t, Event* e) const {
    const WordView& tw = v_.word(t.word);
    int victim = -1;
    if (tw.upos == "ADJ") {
      // "two dead", "leaving at least two dead"
      victim = v_.FirstChild(t.word, "nsubj");
      if (victim < 0 && tw.head >= 0 && IsNominal(v_.word(tw.head).upos)) {
        victim = tw.head;
      }
      if (victim < 0) victim = AdjectiveSubject(t.word);
    } else if (tw.upos == "NOUN") {
      for (int c : tw.children) {
        if (v_.word(c).deprel == "nmod" && v_.CaseOf(c) == "of") victim = c;
      }
    } else {
      bool passive = false;
      const int subj = SubjectOf(t.word, &passive);
      if (v_.IsPassive(t.word) || passive || tw.lemma == "die") {
        victim = subj;
      } else {
        victim = ObjectOf(t.word);
        // A counted or known victim misparsed as an oblique ("killed at
        // least 40 civilians").
        if (victim < 0) {
          for (int c : tw.children) {
            if (v_.word(c).deprel == "obl" && v_.CaseOf(c).empty() &&
                (v_.MatchAt(c, EntryKind::kSector) != nullptr ||
                 CountOf(v_, c).count)) {
              victim = c;
              break;
            }
          }
        }
      }
    }
    Casualties c;
    c.qualifier = "unknown";
    c.evidence.span = e->trigger.span;
    if (victim >= 0) {
      const Count n = CountOf(v_, victim);
      c.count = n.count;
      c.qualifier = n.qualifier;
      std::vector<int> phrase = v_.Phrase(victim);
      if (const LexMatch* s = v_.MatchAt(victim, EntryKind::kSector)) {
        c.victims = lex_.sector_names[s->index];
      } else {
        for (const LexMatch* s : v_.MatchesIn(phrase, EntryKind::kSector)) {
          c.victims = lex_.sector_names[s->index];
        }
      }
      const Span vs = v_.SpanOf(phrase);
      c.evidence.span = {std::min(vs.begin, e->trigger.span.begin),
                         std::max(vs.end, e->trigger.span.end)};
    }
    c.evidence.text =
        text_.substr(c.evidence.span.begin, c.evidence.span.size());
    if (t.frame == Frame::kKill) {
      e->fatalities = std::move(c);
    } else {
      e->injuries = std::move(c);
    }
  }

  // Words by which an actor announces an act of its own.
  static bool Intends(const std::string& l) {
    return l == "plan" || l == "intend" || l == "prepare" || l == "pledge" ||
           l == "promise" || l == "offer" || l == "ready" || l == "willing" ||
           l == "commit" || l == "undertake" || l == "agree" || l == "decide";
  }

  // `announced` is set when the modality is "future" because the actor
  // announces the act (see Event::announced).
  std::string Modality(int w, bool* announced) const {
    *announced = false;
    // Up through the clauses the event is embedded in.
    for (int step = 0, x = w; step < 5 && x >= 0; ++step) {
      const WordView& word = v_.word(x);
      // Negation first: "will not accept" is refused, not planned.
      for (int c : word.children) {
        const WordView& cw = v_.word(c);
        if ((cw.deprel == "advmod" &&
             (cw.lemma == "not" || cw.lemma == "never" || cw.lemma == "n't")) ||
            (cw.deprel == "det" && cw.lemma == "no" && step == 0) ||
            ((cw.deprel == "case" || cw.deprel == "mark") &&
             cw.lemma == "without" && step == 0)) {
          return "negated";
        }
      }
      for (int c : word.children) {
        const WordView& cw = v_.word(c);
        if (cw.deprel == "aux" && (cw.lemma == "will" || cw.lemma == "shall")) {
          *announced = true;
          return "future";
        }
        // "said they would boycott": reported "will", unless a condition
        // makes it hypothetical ("would meet him if ...").
        if (cw.deprel == "aux" && cw.lemma == "would" &&
            word.deprel == "ccomp" && word.head >= 0 &&
            v_.MatchAt(word.head, EntryKind::kReportingCue) != nullptr) {
          bool condition = false;
          for (int d : word.children) {
            if (v_.word(d).deprel != "advcl") continue;
            condition |= v_.HasChildLemma(d, "mark", "if") ||
                         v_.HasChildLemma(d, "mark", "unless");
          }
          if (!condition) {
            *announced = true;
            return "future";
          }
        }
        if (cw.deprel == "aux" &&
            (cw.lemma == "could" || cw.lemma == "might" || cw.lemma == "may" ||
             cw.lemma == "would" || cw.lemma == "should")) {
          return "hypothetical";
        }
        if (cw.deprel == "mark" && (cw.lemma == "if" || cw.lemma == "unless")) {
          return "hypothetical";
        }
      }
      // "(in order) to disarm and withdraw ...": a purpose, not a fact;
      // "is prepared to impose" parsed the same way: an intention.
      if ((word.deprel == "advcl" || word.deprel == "acl") &&
          (v_.HasChildLemma(x, "mark", "to") || v_.MarkOf(x) == "in order to" ||
           v_.MarkOf(x) == "so that")) {
        *announced = word.head >= 0 && Intends(v_.word(word.head).lemma) &&
                     v_.MarkOf(x) != "in order to";
        return "future";
      }
      // "In order to ensure ..., suppress ..., disarm and withdraw ...":
      // unmarked clauses in a series after a purpose clause share it.
      if (word.deprel == "advcl" && word.head >= 0 && v_.MarkOf(x).empty() &&
          v_.FirstChild(x, "nsubj") < 0) {
        for (int sib : v_.word(word.head).children) {
          if (sib < x && v_.word(sib).deprel == "advcl" &&
              (v_.HasChildLemma(sib, "mark", "to") ||
               v_.MarkOf(sib) == "in order to")) {
            return "future";
          }
        }
      }
      // "In order to ensure ..., suppress ... and withdraw ...": a bare
      // infinitive left as the root after a purpose clause continues the
      // purpose.
      if (word.head < 0 && word.xpos == "VB" && v_.FirstChild(x, "nsubj") < 0 &&
          v_.FirstChild(x, "aux") < 0) {
        for (int c : v_.Children(x, "advcl")) {
          if (c < x && (v_.HasChildLemma(c, "mark", "to") ||
                        v_.MarkOf(c) == "in order to")) {
            return "future";
          }
        }
      }
      if (step > 0) {
        if (word.lemma == "threaten" || word.lemma == "warn" ||
            word.lemma == "vow") {
          return "threatened";
        }
        if (word.lemma == "deny" || word.lemma == "fail") return "negated";
        if (Intends(word.lemma) || word.lemma == "allow" ||
            word.lemma == "order") {
          // Ordering or allowing is another's act; a purpose is not
          // announced.
          *announced = word.lemma != "allow" && word.lemma != "order";
          return "future";
        }
      }
      const std::string_view rel = word.deprel;
      if (rel != "xcomp" && rel != "ccomp" && rel != "conj" && rel != "obj" &&
          rel != "nmod" && rel != "obl" && rel != "csubj") {
        break;
      }
      // "did not claim it, but the group has imposed blockades": a clause
      // with its own subject has its own modality.
      if (rel == "conj" && v_.FirstChild(x, "nsubj") >= 0) break;
      x = word.head;
    }
    return "asserted";
  }

  // A reporting verb governing the event ("X said Y shelled Z"), a
  // reporting verb beside it ("Y shelled Z, X said"), or "according to X".
  void Attribute(int w, Event* e) const {
    auto claim_from = [&](int cue_word, const LexMatch* m) {
      Claim c;
      c.stance = std::string(
          lexicon::StanceName(lex_.reporting_cues[m->index].stance));
      c.cue.span = v_.SpanOf(m->begin, m->end - 1);
      c.cue.text = text_.substr(c.cue.span.begin, c.cue.span.size());
      int speaker = SpeakerOf(cue_word, w);
      if (lex_.reporting_cues[m->index].pos == lexicon::PartOfSpeech::kPrep) {
        // "according to X": X is the nominal the preposition marks.
        speaker = v_.word(cue_word).head;
      }
      if (speaker >= 0) {
        std::vector<Actor> who = actors_.Resolve(speaker);
        if (!who.empty()) c.claimant = who.front();
      }
      e->claim = std::move(c);
    };
    // Up the tree.
    for (int step = 0, x = w; step < 6 && x >= 0; ++step) {
      const WordView& word = v_.word(x);
      if (step > 0) {
        if (const LexMatch* m = v_.MatchAt(x, EntryKind::kReportingCue)) {
          claim_from(x, m);
          return;
        }
      }
      // "according to X" attached to this clause.
      for (int c : word.children) {
        for (int g : v_.word(c).children) {
          if (v_.word(g).deprel != "case") continue;
          if (const LexMatch* m = v_.MatchAt(g, EntryKind::kReportingCue)) {
            claim_from(g, m);
            return;
          }
        }
        if (v_.word(c).deprel == "parataxis" || v_.word(c).deprel == "ccomp" ||
            v_.word(c).deprel == "advcl") {
          if (const LexMatch* m = v_.MatchAt(c, EntryKind::kReportingCue);
              m != nullptr && c > x) {
            claim_from(c, m);
            return;
          }
        }
      }
      // "JNIM did not claim responsibility, but the group has imposed
      // blockades": a clause coordinated with a verb of saying is not what
      // it says.
      if (word.deprel == "conj" && word.head >= 0 &&
          v_.MatchAt(word.head, EntryKind::kReportingCue) != nullptr) {
        return;
      }
      x = word.head;
    }
  }

  // An attack, a coercive measure, a protest or a mobilisation that names
  // no party of a country acted on, where its place names one ("bombs
  // exploded in Kabul", "a curfew in the town of Cizre", "rallies in
  // Monrovia", "troops on alert in the West Bank"), acts on that place:
  // the codebooks code the place's country as the target, as ICEWS codes
  // the unnamed people of a place by its country. Not meetings or
  // agreements, which a third country often hosts.
  void PlaceAsTarget(const std::string& country, Event* e) const {
    if (country.empty() || !e->location) return;
    const std::string& type = e->plover.type;
    if (type != "ASSAULT" && type != "COERCE" && type != "PROTEST" &&
        type != "MOBILIZE") {
      return;
    }
    // A battle has sides, not a place it is waged on.
    if (e->acled && e->acled->event_type == "Battles") return;
    for (const Actor& a : e->target) {
      if (!a.country.empty() || !a.name.empty()) return;
    }
    Actor place;
    place.text = e->location->text;
    place.span = e->location->span;
    place.country = country;
    place.code = ActorCode(place, lex_);
    e->target.push_back(std::move(place));
  }

  // People demonstrating in a country without a country of their own
  // named ("ethnic Albanians demonstrated in Serbia") are of it. Not the
  // unnamed attackers of a place: in a war across a border they are as
  // often the other side's.
  void PlaceOfUnnamedParties(const std::string& country, Event* e) const {
    if (country.empty() || !e->location || e->plover.type != "PROTEST") {
      return;
    }
    for (Actor& a : e->source) {
      const std::string& s = a.sector;
      if (a.country.empty() && a.name.empty() && !a.first_person &&
          (s == "CVL" || s == "OPP" || s == "ETH" || s == "LAB" || s == "EDU" ||
           s == "REL")) {
        a.country = country;
        a.code = ActorCode(a, lex_);
      }
    }
  }

  // The place an event happened, as written: a locative phrase of the
  // trigger ("in Khost", "on the Ahmedbeyli-Fizuli-Shusha highway").
  void Place(int w, Event* e) const {
    for (int step = 0, x = w; step < 3 && x >= 0; ++step) {
      for (int c : v_.word(x).children) {
        const WordView& cw = v_.word(c);
        if (cw.deprel != "obl" && cw.deprel != "nmod") continue;
        std::string prep = v_.CaseOf(c);
        // "On September 19, on the highway" with the second "on" hung on
        // the date: the preposition right before the phrase.
        if (prep.empty()) {
          const int first = v_.Phrase(c).front();
          if (first > 0 && v_.word(first - 1).upos == "ADP") {
            prep = v_.word(first - 1).lemma;
          }
        }
        if (prep != "in" && prep != "near" && prep != "on" && prep != "at" &&
            prep != "outside") {
          continue;
        }
        const bool named = cw.upos == "PROPN" ||
                           v_.MatchAt(c, EntryKind::kNounClass) != nullptr;
        if (!named) continue;
        if (prep == "on" && cw.upos != "PROPN" &&
            v_.MatchAt(c, EntryKind::kNounClass) == nullptr) {
          continue;
        }
        // A date is not a place ("in May").
        bool is_date = time::MonthFromName(cw.form).has_value();
        for (const time::DateMention& d : dates_) {
          if (d.first <= c && c <= d.last) is_date = true;
        }
        if (is_date) continue;
        Location loc;
        loc.span = v_.SpanOf(v_.Phrase(c));
        // The phrase with the places it goes on to name ("the village of
        // Karin Tak in the Shushi region"), not its clauses.
        std::vector<int> scope = {c};
        for (size_t k = 0; k < scope.size(); ++k) {
          for (int g : v_.word(scope[k]).children) {
            const std::string_view rel = v_.word(g).deprel;
            if (rel != "acl" && rel != "advcl" && rel != "ccomp" &&
                rel != "parataxis" && rel != "conj" && rel != "punct") {
              scope.push_back(g);
            }
          }
        }
        std::sort(scope.begin(), scope.end());
        loc.scope = v_.SpanOf(scope);
        // Without the preposition.
        for (int g : cw.children) {
          if (v_.word(g).deprel == "case" && g < c) {
            loc.span.begin = std::max(loc.span.begin, v_.word(g).span.end);
          }
        }
        while (loc.span.begin < loc.span.end && text_[loc.span.begin] == ' ') {
          ++loc.span.begin;
        }
        loc.text = text_.substr(loc.span.begin, loc.span.size());
        e->location = std::move(loc);
        for (const Actor& a : actors_.Resolve(c)) {
          if (!a.country.empty() && a.name.empty()) place_country_ = a.country;
        }
        return;
      }
      const std::string_view rel = v_.word(x).deprel;
      // "On the highway, a mine killed two civilians": an event noun that
      // is the subject or object of a verb happened where the verb did.
      const bool nominal_argument =
          step == 0 && (rel == "nsubj" || rel == "obj") &&
          v_.word(x).head >= 0 && v_.word(v_.word(x).head).upos == "VERB";
      // A finite verb hung on a noun as a clause ("a mine planted by ...
      // killed civilians" parsed with "planted" as the main verb) is the
      // main predicate: the sentence's place is its place.
      const std::string_view xpos = v_.word(x).xpos;
      if (rel == "acl" && (xpos == "VBD" || xpos == "VBZ" || xpos == "VBP")) {
        int root = x;
        for (int k = 0; k < 32 && v_.word(root).head >= 0; ++k) {
          root = v_.word(root).head;
        }
        x = root;
        continue;
      }
      if (rel != "xcomp" && rel != "conj" && rel != "advcl" &&
          !nominal_argument) {
        break;
      }
      x = v_.word(x).head;
    }
  }

  void FindDateMentions() {
    std::vector<std::string_view> forms;
    forms.reserve(static_cast<size_t>(v_.size()));
    for (int i = 0; i < v_.size(); ++i) forms.push_back(v_.word(i).form);
    dates_ = time::FindDates(forms, date_);
  }

  // The date expression nearest the trigger in its sentence.
  void DateOf(int w, Event* e) const {
    const time::DateMention* best = nullptr;
    int best_distance = 1 << 30;
    for (const time::DateMention& d : dates_) {
      const int dist = std::min(std::abs(d.first - w), std::abs(d.last - w));
      if (dist < best_distance) {
        best = &d;
        best_distance = dist;
      }
    }
    if (best == nullptr) return;
    EventDate date;
    date.span = v_.SpanOf(best->first, best->last);
    date.text = text_.substr(date.span.begin, date.span.size());
    date.precision = best->precision;
    std::optional<absl::CivilDay> value = best->value;
    // "will meet on Tuesday": the coming Tuesday, not the last.
    if (best->weekday >= 0 && date_ &&
        (e->modality == "future" || e->modality == "threatened")) {
      value = time::NextWeekday(*date_, best->weekday);
    }
    if (value) date.value = time::FormatDate(*value);
    if (best->range_end) date.range_end = time::FormatDate(*best->range_end);
    if (best->same_day_reference) date.precision = "same_day";
    e->date = std::move(date);
  }

  // The sentence's own reporting verb and speaker, for quotations.
  std::optional<Claim> SentenceReporting() const {
    for (int w = 0; w < v_.size(); ++w) {
      const LexMatch* m = v_.MatchAt(w, EntryKind::kReportingCue);
      if (m == nullptr || v_.word(w).upos != "VERB") continue;
      bool passive = false;
      const int speaker = SubjectOf(w, &passive);
      if (speaker < 0 || passive) continue;
      std::vector<Actor> who = actors_.Resolve(speaker);
      // "We stress that ...," the ministry said: the speaker is outside the
      // quotation, not its "we".
      if (who.empty() || who.front().first_person) continue;
      Claim c;
      c.claimant = who.front();
      c.stance = std::string(
          lexicon::StanceName(lex_.reporting_cues[m->index].stance));
      c.cue.span = v_.SpanOf(m->begin, m->end - 1);
      c.cue.text = text_.substr(c.cue.span.begin, c.cue.span.size());
      return c;
    }
    return std::nullopt;
  }

  // Returns the word of an event noun the trigger took over, or -1.
  int Type(const Trigger& t, Event* e) const {
    const int event_word = t.match != nullptr && !t.demanded
                               ? static_cast<int>(t.match->index)
                               : -1;
    return TypeEvent(v_, lex_, t.word, event_word, t.frame, t.event_class, e);
  }

  const SentenceView& v_;
  const lexicon::Lexicon& lex_;
  const geo::Gazetteer* gazetteer_;
  const std::string& text_;
  int sentence_;
  std::optional<absl::CivilDay> date_;
  ActorResolver actors_;
  // The country of the place BuildEvent last found, if it names one.
  mutable std::string place_country_;
  std::vector<time::DateMention> dates_;
};

}  // namespace

SentenceEvents Extractor::ExtractSentence(
    const SentenceView& view, int sentence_index, const std::string& text,
    std::optional<absl::CivilDay> date) const {
  return SentenceRun(view, lexicon_, gazetteer_, text, sentence_index, date)
      .Run();
}

Extractor::Extractor(const lexicon::Lexicon& lexicon,
                     const geo::Gazetteer* gazetteer,
                     const std::vector<SourceHome>& homes)
    : lexicon_(lexicon), gazetteer_(gazetteer) {
  for (const SourceHome& h : homes) {
    geo::Home home{geo::CountryAlpha2(h.country), h.admin1};
    if (!home.country.empty()) homes_[h.source] = std::move(home);
  }
}

std::vector<PlaceMention> Extractor::ResolvePlaces(
    const Document& document, const AnalyzedText& analyzed,
    const std::vector<SentenceEvents>& sentences) const {
  if (gazetteer_ == nullptr) return {};
  std::vector<geo::ToponymCandidate> found;
  // The dateline's place, each part of "KHARTOUM, Sudan" a name.
  Span dateline;
  if (analyzed.dateline && !analyzed.dateline->place.text.empty()) {
    dateline = analyzed.dateline->place.span;
    uint32_t begin = dateline.begin;
    for (uint32_t i = dateline.begin; i <= dateline.end; ++i) {
      if (i < dateline.end && document.text[i] != ',') continue;
      uint32_t b = begin, e = i;
      while (b < e && document.text[b] == ' ') ++b;
      while (e > b && document.text[e - 1] == ' ') --e;
      if (e > b) {
        found.push_back({document.text.substr(b, e - b), Span{b, e}});
      }
      begin = i + 1;
    }
  }
  for (const SentenceEvents& se : sentences) {
    for (const geo::ToponymCandidate& t : se.toponyms) {
      if (t.span.begin < dateline.end && dateline.begin < t.span.end) continue;
      found.push_back(t);
    }
  }
  geo::AddRepeatedMentions(*gazetteer_, document.text, &found);
  const geo::Home* home = nullptr;
  if (auto h = homes_.find(document.source); h != homes_.end()) {
    home = &h->second;
  }
  std::vector<PlaceMention> places =
      geo::ResolveToponyms(*gazetteer_, found, document.text, home);
  for (PlaceMention& p : places) {
    p.dateline = p.span.begin < dateline.end && dateline.begin < p.span.end;
  }
  return places;
}

namespace {

// Finer places first: a town, a road, a county, a state, a region, a
// country.
int PrecisionOrder(std::string_view precision) {
  if (precision == "point") return 0;
  if (precision == "near") return 1;
  if (precision == "admin2") return 2;
  if (precision == "admin1") return 3;
  if (precision == "region") return 4;
  return 5;
}

bool Inside(Span inner, Span outer) {
  return outer.begin <= inner.begin && inner.end <= outer.end;
}

void Geocode(const PlaceMention& p, Location* l) {
  l->geocoded = true;
  l->name = p.name;
  l->geonames_id = p.geonames_id;
  l->lat = p.lat;
  l->lon = p.lon;
  l->country = p.country;
  l->admin1 = p.admin1;
  l->admin2 = p.admin2;
  l->precision = p.precision;
}

}  // namespace

void Extractor::LocateEvents(const AnalyzedText& analyzed,
                             const std::vector<PlaceMention>& places,
                             std::vector<Event>* events) const {
  // Words that say whose rather than where: adjectives of countries, and
  // the names inside an event's source ("Russia said", "Azerbaijan's
  // army").
  auto usable = [](const PlaceMention& p, const Event& e) {
    if (p.adjectival || p.dateline) return false;
    auto overlaps = [&](const Actor& a) {
      return p.span.begin < a.span.end && a.span.begin < p.span.end;
    };
    if (e.claim && e.claim->claimant && overlaps(*e.claim->claimant)) {
      return false;
    }
    return std::none_of(e.source.begin(), e.source.end(), overlaps);
  };
  // The finest of the usable places inside `scope`, the first of equals;
  // the parts of a road make the road.
  auto finest = [&](Span scope, const Event& e,
                    bool locative_only) -> const PlaceMention* {
    const PlaceMention* best = nullptr;
    for (const PlaceMention& p : places) {
      if (!Inside(p.span, scope) || !usable(p, e) ||
          (locative_only && !p.locative)) {
        continue;
      }
      if (best == nullptr ||
          PrecisionOrder(p.precision) < PrecisionOrder(best->precision)) {
        best = &p;
      }
    }
    return best;
  };
  for (Event& e : *events) {
    Location loc;
    if (e.location) loc = *e.location;
    const PlaceMention* chosen = nullptr;
    if (e.location) {
      const Span scope = e.location->scope.end > e.location->scope.begin
                             ? e.location->scope
                             : e.location->span;
      chosen = finest(scope, e, /*locative_only=*/false);
      if (chosen != nullptr) {
        loc.basis = "event";
        Geocode(*chosen, &loc);
        // A place the phrase only goes on to name holds the event's place
        // ("the village of Karin Tak in the Shushi region"): near its
        // point, or somewhere in its area.
        if (!Inside(chosen->span, e.location->span) &&
            loc.precision == "point") {
          loc.precision = "near";
        }
        // The parts of a road: near its first place that is placed.
        if (chosen->road != 0) {
          loc.name = loc.text;
          for (std::string_view article : {"the ", "The "}) {
            if (loc.name.rfind(article, 0) == 0) {
              loc.name = loc.name.substr(article.size());
            }
          }
          loc.geonames_id = 0;
          loc.precision = "near";
        }
      }
    }
    if (chosen == nullptr) {
      chosen = finest(e.sentence_span, e, /*locative_only=*/true);
      if (chosen != nullptr) {
        loc.basis = "sentence";
        Geocode(*chosen, &loc);
        if (chosen->road != 0) loc.precision = "near";
      }
    }
    if (chosen == nullptr) {
      for (const PlaceMention& p : places) {
        if (p.span.begin >= e.sentence_span.begin) break;
        if (!p.locative || p.dateline) continue;
        chosen = &p;
      }
      // A road's last place named stands for the road: its first placed.
      if (chosen != nullptr && chosen->road != 0) {
        for (const PlaceMention& p : places) {
          if (p.road == chosen->road) {
            chosen = &p;
            break;
          }
        }
      }
      if (chosen != nullptr) {
        loc.basis = "document";
        Geocode(*chosen, &loc);
      }
    }
    if (chosen == nullptr) {
      for (const PlaceMention& p : places) {
        if (p.dateline) {
          chosen = &p;
          break;
        }
      }
      if (chosen != nullptr) {
        loc.basis = "dateline";
        Geocode(*chosen, &loc);
      }
    }
    if (chosen == nullptr) continue;  // nothing placed: as found, if at all
    if (loc.basis != "event" && loc.basis != "sentence" &&
        loc.precision == "point") {
      loc.precision = "near";
    }
    if (!e.location) {
      loc.text = chosen->text;
      loc.span = chosen->span;
    }
    e.location = std::move(loc);
  }
  (void)analyzed;
}

std::optional<Actor> Extractor::ActorFromText(const std::string& text) const {
  // Metadata is not checked by the text layer: refuse what is not UTF-8.
  if (text.empty() || text::FindInvalidUtf8(text) != std::string_view::npos) {
    return std::nullopt;
  }
  // Words split at spaces: enough for names of publishers and ministries.
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '(' || c == ')') {
      if (!current.empty()) words.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) words.push_back(current);
  std::vector<PhraseMatcher::TokenView> tokens;
  for (const std::string& w : words) tokens.push_back({w, ""});
  std::vector<PhraseMatcher::Match> matches;
  lexicon_.matcher.FindAll(tokens, &matches);
  Actor a;
  a.text = text;
  for (const PhraseMatcher::Match& m : matches) {
    switch (static_cast<EntryKind>(m.kind)) {
      case EntryKind::kOrganization: {
        const lexicon::Organization& o = lexicon_.organizations[m.index];
        if (a.name.empty()) {
          a.name = o.name;
          a.country = o.country;
          a.sector = o.sector;
          a.code = o.code;
        }
        break;
      }
      case EntryKind::kCountryName:
      case EntryKind::kCountryAdjective:
      case EntryKind::kCapital:
        if (a.country.empty()) a.country = lexicon_.countries[m.index].iso3;
        break;
      case EntryKind::kSector:
        if (a.sector.empty()) a.sector = lexicon_.sector_names[m.index];
        break;
      default:
        break;
    }
  }
  if (a.code.empty()) a.code = ActorCode(a, lexicon_);
  return a;
}

// -------------------------------------------------------------- document

namespace {

bool Violent(const Event& e) {
  return e.plover.type == "ASSAULT" || e.plover.type == "COERCE";
}

bool SameSide(const Actor& a, const Actor& b) {
  if (!a.name.empty() && a.name == b.name) return true;
  return !a.country.empty() && a.country == b.country;
}

// The stance a claim takes towards its event, from the cue and who is who.
void SettleStance(Event* e) {
  if (!e->claim) return;
  Claim& c = *e->claim;
  const bool own =
      std::any_of(e->source.begin(), e->source.end(), [&](const Actor& s) {
        return s.first_person || (c.claimant && SameSide(s, *c.claimant));
      });
  if (c.stance == "denies") {
    e->modality = "negated";
    return;
  }
  if (c.claimant && c.claimant->sector == "MED") {
    c.stance = "reports";
    return;
  }
  if (c.stance == "claims") {
    // "X claimed responsibility for the bombing": X is the source.
    if (e->source.empty() && c.claimant && Violent(*e)) {
      e->source.push_back(*c.claimant);
      c.stance = "claims_responsibility";
      return;
    }
    c.stance = own ? "claims_responsibility" : "asserts";
    return;
  }
  if (c.stance == "reports") return;
  // A state body announcing "an operation" without naming who runs it
  // announces its own.
  if (e->source.empty() && e->event_class == "military_operation" &&
      c.claimant &&
      (c.claimant->sector == "GOV" || c.claimant->sector == "MIL") &&
      !c.claimant->country.empty()) {
    Actor own = *c.claimant;
    own.sector = "MIL";
    own.name.clear();
    own.code = c.claimant->code.substr(0, 3) + "MIL";
    e->source.push_back(own);
    c.stance = "claims_responsibility";
    return;
  }
  if (own && Violent(*e)) {
    c.stance = "claims_responsibility";
  } else if (Violent(*e) && !e->source.empty() && c.claimant &&
             (!c.claimant->sector.empty() || !c.claimant->country.empty())) {
    // A party telling of another's violence accuses it; a publisher that is
    // no party ("AFP-style wire") asserts.
    c.stance = "accuses";
  } else if (c.stance != "accuses") {
    c.stance = "asserts";
  }
}

}  // namespace

void Extractor::FinishDocument(const Document& document,
                               const AnalyzedText& analyzed,
                               std::vector<SentenceEvents>* sentences,
                               std::vector<Event>* out) const {
  out->clear();
  // The document's own voice: its `source`, else the agency of its
  // dateline ("BAKU, Sept 19 (Reuters) -").
  std::optional<Actor> publisher = ActorFromText(document.source);
  if (!publisher && analyzed.dateline && analyzed.dateline->agency) {
    publisher = ActorFromText(analyzed.dateline->agency->text);
    if (publisher) publisher->span = analyzed.dateline->agency->span;
  }
  // Quotations: sentences inside a quotation take the speaker named in the
  // sentence where it closes (or, failing that, opens).
  std::vector<std::optional<Claim>> quoted(sentences->size());
  for (const Quote& q : analyzed.quotes) {
    int open = -1, close = -1;
    for (size_t i = 0; i < analyzed.sentences.size(); ++i) {
      const Span s = analyzed.sentences[i].span;
      if (s.begin <= q.span.begin && q.span.begin < s.end)
        open = static_cast<int>(i);
      if (q.closed && s.begin < q.span.end && q.span.end <= s.end) {
        close = static_cast<int>(i);
      }
    }
    if (open < 0) continue;
    std::optional<Claim> speaker;
    if (close >= 0 && (*sentences)[static_cast<size_t>(close)].reporting) {
      speaker = (*sentences)[static_cast<size_t>(close)].reporting;
    } else if (close >= 0 &&
               static_cast<size_t>(close + 1) < sentences->size() &&
               (*sentences)[static_cast<size_t>(close + 1)].reporting) {
      speaker = (*sentences)[static_cast<size_t>(close + 1)].reporting;
    } else if ((*sentences)[static_cast<size_t>(open)].reporting) {
      speaker = (*sentences)[static_cast<size_t>(open)].reporting;
    }
    if (!speaker) continue;
    const int last =
        close >= 0 ? close : static_cast<int>(sentences->size()) - 1;
    for (int i = open; i <= last; ++i) {
      if (!quoted[static_cast<size_t>(i)])
        quoted[static_cast<size_t>(i)] = speaker;
    }
  }
  std::string last_date_value, last_precision;
  for (size_t s = 0; s < sentences->size(); ++s) {
    SentenceEvents& se = (*sentences)[s];
    for (size_t k = 0; k < se.events.size(); ++k) {
      Event& e = se.events[k];
      // A claim without a speaker ("it is noted that") takes the speaker
      // of the quotation or of the document, keeping its own cue.
      if (e.claim && !e.claim->claimant) {
        if (quoted[s]) {
          e.claim->claimant = quoted[s]->claimant;
        } else if (publisher) {
          e.claim->claimant = publisher;
        }
      }
      if (!e.claim && quoted[s]) e.claim = quoted[s];
      if (!e.claim && publisher) {
        Claim c;
        c.claimant = publisher;
        c.stance = publisher->sector == "MED" ? "reports" : "asserts";
        e.claim = std::move(c);
      }
      // "We reiterate that ...": a speaker in the first person is whoever
      // speaks the quotation, or the document's voice.
      if (e.claim && e.claim->claimant && e.claim->claimant->first_person) {
        const std::optional<Actor>& outer =
            quoted[s] && quoted[s]->claimant ? quoted[s]->claimant : publisher;
        if (outer && !outer->first_person) {
          Actor a = *outer;
          a.text = e.claim->claimant->text;
          a.span = e.claim->claimant->span;
          a.first_person = true;
          e.claim->claimant = std::move(a);
        }
      }
      // First person: the speaker's side.
      if (e.claim && e.claim->claimant) {
        const Actor& speaker = *e.claim->claimant;
        for (std::vector<Actor>* side : {&e.source, &e.target}) {
          for (Actor& a : *side) {
            if (!a.first_person) continue;
            if (a.country.empty()) a.country = speaker.country;
            if (a.sector.empty()) a.sector = speaker.sector;
            if (a.name.empty() && a.text == "we") a.name = speaker.name;
            a.code = ActorCode(a, lexicon_);
          }
        }
        if (e.fatalities && e.fatalities->victims.empty()) {
          for (const Actor& a : e.target) {
            if (!a.sector.empty()) e.fatalities->victims = a.sector;
          }
        }
      }
      SettleStance(&e);
      // "On the same day": the date of the event before.
      if (e.date && e.date->precision == "same_day") {
        if (!last_date_value.empty()) {
          e.date->value = last_date_value;
          e.date->precision = last_precision;
        } else {
          e.date->precision = "day";
        }
      }
      if (e.date && !e.date->value.empty()) {
        last_date_value = e.date->value;
        last_precision = e.date->precision;
      }
      // Long past: historical.
      if (e.modality == "asserted" && e.date && !e.date->value.empty() &&
          document.date.size() >= 4 &&
          e.date->value.compare(0, 4, document.date, 0, 4) < 0 &&
          std::stoi(document.date.substr(0, 4)) -
                  std::stoi(e.date->value.substr(0, 4)) >=
              2) {
        e.modality = "historical";
      }
    }
  }
  ApplyDocumentContext(lexicon_, sentences);
  // Salience: the kind of event, casualties, actors, and an early mention.
  struct Ranked {
    double score;
    size_t order;
    Event* event;
  };
  std::vector<Ranked> ranked;
  size_t order = 0;
  for (SentenceEvents& se : *sentences) {
    for (size_t k = 0; k < se.events.size(); ++k) {
      Event& e = se.events[k];
      const int cls = lexicon_.FindEventClass(e.event_class);
      double score =
          cls >= 0 ? lexicon_.event_classes[static_cast<size_t>(cls)].weight
                   : 0.3;
      if (e.fatalities || e.injuries) score += 0.15;
      if (!e.source.empty()) score += 0.05;
      if (!e.target.empty()) score += 0.05;
      if (e.instrument) score += 0.05;
      score -= 0.03 * std::min(e.sentence, 10);
      if (e.modality != "asserted") score -= 0.4;
      if (k < se.circumstance.size() && se.circumstance[k]) score -= 0.3;
      if (k < se.embedded.size() && se.embedded[k]) score -= 0.15;
      if (k < se.depth.size()) {
        score -= kDepthPenalty * std::min(se.depth[k], 3);
      }
      // A demonstration and the force used on it are one incident, whose
      // first actor is the crowd: the crowd's event leads.
      if (e.acled && (e.acled->event_type == "Protests" ||
                      e.acled->event_type == "Riots")) {
        for (const Actor& a : e.source) {
          if (a.sector == "OPP" || a.sector == "CVL" || a.sector == "LAB" ||
              a.sector == "EDU") {
            score += 0.1;
            break;
          }
        }
      }
      double confidence = 0.4;
      if (!e.source.empty()) confidence += 0.15;
      if (!e.target.empty()) confidence += 0.15;
      if (e.acled) confidence += 0.1;
      if (e.instrument) confidence += 0.05;
      if (e.modality == "asserted") confidence += 0.1;
      e.confidence = std::min(1.0, std::round(confidence * 100) / 100);
      ranked.push_back({score, order++, &e});
    }
  }
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const Ranked& a, const Ranked& b) { return a.score > b.score; });
  std::vector<int> per_sentence(sentences->size() + 1, 0);
  for (Ranked& r : ranked) {
    Event& e = *r.event;
    e.id = StrCat(document.id, ":", e.sentence, ":",
                  per_sentence[static_cast<size_t>(e.sentence)]++);
    out->push_back(std::move(e));
  }
}

}  // namespace sitrep::extract
