#include "extract/toponym_detector.h"

#include <algorithm>
#include <iterator>

#include "time/calendar.h"

namespace sitrep::extract {

using lexicon::EntryKind;

namespace {

// Whether `w` is one of `words` (the word lists below).
template <size_t N>
bool OneOf(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// Whether a mention found already shares a byte with `span`.
bool OverlapsAny(const std::vector<geo::ToponymCandidate>& found, Span span) {
  return std::any_of(found.begin(), found.end(), [&](const auto& t) {
    return t.span.begin < span.end && span.begin < t.span.end;
  });
}

}  // namespace

// Names used as places: a proper name (with the capitalised words of
// its compound: "Tel Aviv", "Rapides Parish") the gazetteer knows, after
// a preposition of place ("in", "near", "from", "the town of"), or
// naming a country, a first-level division, a capital or a town of
// 100,000 or more; a name doing an act ("Jackson said") only when it is
// a country's or a division's. Not the names of bodies and people the
// lexicon knows, nor peoples ("Palestinians"), months or weekdays.
void ToponymDetector::FindInto(std::vector<geo::ToponymCandidate>* out) const {
  const int n = v_.size();
  auto capitalised = [&](int k) {
    std::string_view f = v_.word(k).form;
    // "d'Ivoire", "l'Artibonite": a name after an elided article.
    if (f.size() > 2 && (f[0] == 'd' || f[0] == 'l') && f[1] == '\'') {
      f.remove_prefix(2);
    }
    return !f.empty() && ((f[0] >= 'A' && f[0] <= 'Z') ||
                          static_cast<unsigned char>(f[0]) >= 0x80);
  };
  std::vector<bool> taken(static_cast<size_t>(n), false);
  // Divisions and regions named by their people or adjective ("Ohioans",
  // "South Ossetian officials"), two words before one: "New Mexican" is
  // New Mexico's, not Mexico's.
  for (int w = 0; w < n; ++w) {
    if (!capitalised(w)) continue;
    for (int end = std::min(w + 1, n - 1); end >= w; --end) {
      if (!capitalised(end) || v_.word(end).upos == "PUNCT") continue;
      const Span span = v_.SpanOf(w, end);
      std::string name = text_.substr(span.begin, span.size());
      if (gazetteer_->FindDemonym(name).empty()) continue;
      for (int k = w; k <= end; ++k) taken[static_cast<size_t>(k)] = true;
      geo::ToponymCandidate& t = out->emplace_back();
      t.text = std::move(name);
      t.span = span;
      t.adjectival = true;
      t.demonym = true;
      w = end;
      break;
    }
  }
  // Countries named by their adjective or people ("Russian positions",
  // "Palestinians"): the country, at country precision. Not a word of a
  // division's people ("Western Australian").
  const std::vector<bool> division_people = taken;
  // Words left for a second look: parts of other names.
  std::vector<int> deferred;
  for (const LexMatch& m : v_.matches()) {
    if (m.kind != EntryKind::kCountryAdjective || !capitalised(m.begin) ||
        std::any_of(division_people.begin() + m.begin,
                    division_people.begin() + m.end,
                    [](bool b) { return b; })) {
      continue;
    }
    const Span span = v_.SpanOf(m.begin, m.end - 1);
    std::string name = text_.substr(span.begin, span.size());
    if (gazetteer_->Find(name).empty()) continue;
    // "British Columbia", "South Ossetia": the adjective begins a name.
    if (m.end < n && capitalised(m.end) && v_.word(m.end).upos == "PROPN") {
      const Span longer = v_.SpanOf(m.begin, m.end);
      if (!gazetteer_->Find(text_.substr(longer.begin, longer.size()))
               .empty()) {
        continue;
      }
    }
    for (int k = m.begin; k < m.end; ++k) taken[static_cast<size_t>(k)] = true;
    geo::ToponymCandidate& t = out->emplace_back();
    t.text = std::move(name);
    t.span = span;
    t.adjectival = true;
  }
  for (int w = 0; w < n; ++w) {
    const WordView& word = v_.word(w);
    // A capitalised word inside a sentence the tagger took for a common
    // noun ("in Cambridge", a name it never saw) is a name too.
    // So is a word in capitals opening a sentence before a dash or a
    // colon ("BEIRUT: ..."), a dateline whatever the tagger made of it.
    auto dash_or_colon = [&](int k) {
      if (k >= n) return false;
      const std::string_view f = v_.word(k).form;
      return f == "—" || f == "--" || f == "–" || f == ":" || f == "-";
    };
    // A capitalised word the tagger took for an adjective of a word for
    // a place ("the Artibonite region").
    const bool adjective_of_place =
        word.upos == "ADJ" && word.deprel == "amod" && w > 0 &&
        word.head == w + 1 && v_.word(word.head).upos == "NOUN" &&
        v_.MatchAt(word.head, EntryKind::kNounClass) != nullptr;
    // A word in a list of places ("Guinea" tagged a common noun between
    // countries).
    bool in_list_of_places = false;
    if (word.deprel == "conj" && word.head >= 0) {
      const Span h = v_.word(word.head).span;
      in_list_of_places =
          std::any_of(out->begin(), out->end(), [&](const auto& t) {
            return t.span.begin <= h.begin && h.end <= t.span.end;
          });
    }
    const bool hyphenated_adjective =
        word.upos == "ADJ" && word.form.find('-') != std::string::npos;
    const bool name_like =
        hyphenated_adjective || word.upos == "PROPN" || adjective_of_place ||
        (word.upos == "NOUN" && w > 0 &&
         (v_.word(w - 1).upos != "PUNCT" || v_.word(w - 1).form == ",") &&
         !AllCapitals(word.form)) ||
        (word.upos == "NOUN" && in_list_of_places) ||
        // "Berea police ..." opening a sentence.
        (word.upos == "NOUN" && word.deprel == "compound" &&
         word.head == w + 1 && IsPeopleOfPlaceNoun(v_.word(w + 1).lemma)) ||
        (w == 0 && AllCapitals(word.form) && dash_or_colon(1));
    if (!name_like || !capitalised(w) || taken[static_cast<size_t>(w)]) {
      continue;
    }
    const bool part = (word.deprel == "compound" || word.deprel == "flat") &&
                      word.head >= 0 && capitalised(word.head) &&
                      (v_.word(word.head).upos == "PROPN" ||
                       v_.word(word.head).upos == "NOUN");
    if (part) {
      deferred.push_back(w);
      continue;
    }
    int first = w, last = w;
    // The name's words may hang on one another ("New" on "South" of
    // "New South Wales").
    for (bool grew = true; grew;) {
      grew = false;
      std::vector<int> children;
      for (int k = first; k <= last; ++k) {
        const std::vector<int>& ck = v_.word(k).children;
        children.insert(children.end(), ck.begin(), ck.end());
      }
      for (int c : children) {
        if (c >= first && c <= last) continue;
        const WordView& cw = v_.word(c);
        // "New York", "British Columbia", "Northern Ireland": a
        // capitalised modifier right before is part of the name.
        const bool modifier = cw.deprel == "amod" && c == first - 1 && c > 0 &&
                              !taken[static_cast<size_t>(c)] &&
                              !HeldBy(cw.form);
        if ((cw.deprel == "compound" || cw.deprel == "flat" || modifier) &&
            capitalised(c) && (c == first - 1 || c == last + 1)) {
          first = std::min(first, c);
          last = std::max(last, c);
          grew = true;
        }
      }
    }
    // Whether the gazetteer knows words a..b as a name.
    auto known = [&](int a, int b) {
      const Span longer = v_.SpanOf(a, b);
      return !gazetteer_->Find(text_.substr(longer.begin, longer.size()))
                  .empty();
    };
    // Takes words up to `end` into the name.
    auto extend_to = [&](int end) {
      for (int k = last + 1; k <= end; ++k)
        taken[static_cast<size_t>(k)] = true;
      last = end;
    };
    // "Democratic Republic of the Congo", "Sea of Azov": a name going on
    // with "of" and a capitalised name, when the gazetteer knows the
    // whole.
    for (int c : word.children) {
      if (c <= last || v_.word(c).deprel != "nmod" || !capitalised(c) ||
          v_.CaseOf(c) != "of") {
        continue;
      }
      const int end = v_.Phrase(c).back();
      if (known(first, end)) extend_to(end);
    }
    // "Mexico City" with "City" hung elsewhere by the parser, "Boulder
    // City", "Guernsey County": the capitalised words right after, when
    // the gazetteer knows the whole.
    for (int end = last + 1; end <= last + 3 && end < n; ++end) {
      const std::string_view upos = v_.word(end).upos;
      if ((upos != "PROPN" && upos != "NOUN") || !capitalised(end) ||
          taken[static_cast<size_t>(end)]) {
        break;
      }
      if (known(first, end)) extend_to(end);
    }
    // "Queen Anne's County" where "Queen Anne" is a town's name too, "Jammu
    // and Kashmir", "Trinidad and Tobago": on over a possessive or "and",
    // likewise.
    if (last + 2 < n &&
        (v_.word(last + 1).form == "'s" ||
         v_.word(last + 1).form == "\u2019s" ||
         v_.word(last + 1).form == "and" || v_.word(last + 1).form == "&")) {
      for (int end = last + 2; end <= last + 3 && end < n; ++end) {
        if (!capitalised(end) || taken[static_cast<size_t>(end)]) break;
        if (known(first, end)) {
          extend_to(end);
          break;
        }
      }
    }
    // "New Mexico" with "New" hung elsewhere: the capitalised words right
    // before, likewise.
    for (int begin = first - 1; begin >= first - 2 && begin >= 0; --begin) {
      if (!capitalised(begin) || taken[static_cast<size_t>(begin)] ||
          v_.word(begin).upos == "PUNCT" ||
          (begin == 0 && v_.word(begin).upos == "DET")) {
        break;
      }
      const Span before = v_.word(begin).span;
      const bool found_already =
          std::any_of(out->begin(), out->end(), [&](const auto& t) {
            return t.span.begin < before.end && before.begin < t.span.end;
          });
      if (found_already) break;
      if (known(begin, last)) first = begin;
    }
    // "People's Republic of China", "Queen Anne's County": a name whose
    // first word or two are a possessive, when the gazetteer knows the
    // whole.
    if (first >= 2) {
      const std::string_view s = v_.word(first - 1).form;
      if ((s == "'s" || s == "\u2019s") &&
          !taken[static_cast<size_t>(first - 1)]) {
        for (int begin = first - 2; begin >= 0 && begin >= first - 3; --begin) {
          if (!capitalised(begin) || taken[static_cast<size_t>(begin)]) break;
          if (known(begin, last)) {
            first = begin;
            break;
          }
        }
      }
    }
    // "Valle del Cauca", "Rio de Janeiro", "Ras al Khaimah": a name
    // going on after a lower-case particle, when the gazetteer knows the
    // whole.
    for (int end = last + 2; end <= last + 4 && end < n; ++end) {
      const std::string_view particle = v_.word(last + 1).form;
      if (particle != "del" && particle != "de" && particle != "la" &&
          particle != "do" && particle != "da" && particle != "dos" &&
          particle != "di" && particle != "du" && particle != "des" &&
          particle != "al" && particle != "el" && particle != "ul" &&
          particle != "an" && particle != "ad" && particle != "as") {
        break;
      }
      if (!capitalised(end)) continue;
      if (known(first, end)) {
        extend_to(end);
        break;
      }
    }
    // Not a date ("Tuesday", "September 19"), nor a month's name alone.
    bool date = time::MonthFromName(word.form).has_value();
    for (const time::DateMention& d : dates_) {
      date |= d.first <= w && w <= d.last;
    }
    if (date) continue;
    // The name of a body or a building ("the Republican Medical
    // Center"): capitalised modifiers the name does not take in.
    // Not a word saying who holds it ("Pakistan-administered Kashmir").
    bool institution = false;
    for (int c : word.children) {
      const std::string_view rel = v_.word(c).deprel;
      if ((rel == "amod" || rel == "compound") && capitalised(c) &&
          !HeldBy(v_.word(c).form) && (c < first || c > last) && c < w) {
        institution = true;
      }
    }
    if (institution) {
      deferred.push_back(w);
      continue;
    }
    std::vector<int> words;
    for (int k = first; k <= last; ++k) words.push_back(k);
    if (!v_.MatchesIn(words, EntryKind::kOrganization).empty()) {
      deferred.push_back(w);
      continue;
    }

    Span span = v_.SpanOf(first, last);
    std::string name = text_.substr(span.begin, span.size());
    // A name before a word for a kind of place ("the Shushi region",
    // "the village of Karin Tak" aside): the place is the name's, and
    // the word says which kind ("Lachin corridor" is a name whole).
    const int head = word.head;
    // The noun right after, when the name hangs on it, or on what it
    // hangs on ("a Washington state farm" parsed as two modifiers of
    // "farm").
    int place_noun = -1;
    if ((word.deprel == "compound" || adjective_of_place) && last + 1 < n &&
        v_.word(last + 1).upos == "NOUN" && !capitalised(last + 1) &&
        (head == last + 1 || (v_.word(last + 1).deprel == "compound" &&
                              v_.word(last + 1).head == head))) {
      place_noun = last + 1;
    }
    const bool before_place_noun = place_noun >= 0;
    char kind = 0;
    // "the city of Marib", "the Mudug region": the word says which kind.
    auto kind_of = [&](int noun) -> char {
      // "the state of Washington", "Washington state", "the county of
      // Kent": an area. The lexicon's classes (what an act is done to)
      // leave these words out, "state" being a polity as often as a land.
      const std::string_view lemma = v_.word(noun).lemma;
      if (lemma == "state" || lemma == "county") return 'a';
      // "the capital, Port-au-Prince": a city (money aside, which no
      // place is named beside).
      if (lemma == "capital") return 't';
      const LexMatch* nc = v_.MatchAt(noun, EntryKind::kNounClass);
      if (nc == nullptr || IsRoadNoun(v_.word(noun).lemma)) return 0;
      const std::string& cls = lex_.noun_classes[nc->index];
      return cls == "populated" ? 't' : cls == "territory" ? 'a' : 0;
    };
    // "the capital, Port-au-Prince": a name set beside the word likewise.
    // Not when the word has a name of its own: in "the Adhamiyah district
    // of Baghdad" the district is Adhamiyah.
    if (((word.deprel == "nmod" && v_.CaseOf(w) == "of") ||
         word.deprel == "appos") &&
        head >= 0 && v_.word(head).upos == "NOUN") {
      const std::vector<int>& ch = v_.word(head).children;
      const bool named = std::any_of(ch.begin(), ch.end(), [&](int c) {
        return c < head && v_.word(c).deprel == "compound" && capitalised(c);
      });
      if (!named) kind = kind_of(head);
    }
    if (before_place_noun) {
      const Span whole = v_.SpanOf(first, place_noun);
      std::string whole_name = text_.substr(whole.begin, whole.size());
      if (!gazetteer_->Find(whole_name).empty()) {
        geo::ToponymCandidate& t = out->emplace_back();
        t.text = std::move(whole_name);
        t.span = whole;
        t.locative = true;
        continue;
      }
      if (IsRoadNoun(v_.word(place_noun).lemma) &&
          name.find('-') != std::string::npos) {
        AddRoadParts(span, out);
        continue;
      }
      kind = kind_of(place_noun);
    }
    std::vector<geo::Place> found = gazetteer_->Find(name);
    // "North Texas", "Northeast Georgia": a part of a place the
    // gazetteer knows, placed as the whole it is part of.
    std::string lookup;
    if (found.empty() && first < last && IsCompassWord(v_.word(first).form)) {
      const Span rest = v_.SpanOf(first + 1, last);
      lookup = text_.substr(rest.begin, rest.size());
      found = gazetteer_->Find(lookup);
      // A state or a country, or a continent, a sea or a region ("Northern
      // Europe", "the eastern Mediterranean", "Central Luzon").
      if (!NamesArea(found) && !NamesRegion(found)) found.clear();
      if (!found.empty()) kind = 'a';
    }
    // "Texas-based", "Kherson-born": the place before the hyphen, which
    // says whose or from where rather than where.
    bool hyphen_prefix = false;
    std::string hyphen_suffix;
    if (found.empty() && first == last) {
      const size_t hyphen = name.find('-');
      if (hyphen != std::string::npos && hyphen > 0 &&
          hyphen + 1 < name.size() && name[hyphen + 1] >= 'a' &&
          name[hyphen + 1] <= 'z') {
        std::vector<geo::Place> before =
            gazetteer_->Find(name.substr(0, hyphen));
        if (!before.empty()) {
          hyphen_suffix = name.substr(hyphen + 1);
          name.resize(hyphen);
          span.end = span.begin + static_cast<uint32_t>(hyphen);
          found = std::move(before);
          hyphen_prefix = true;
        }
      }
    }
    // "Egyptian-US relations", "the Arab-Israeli conflict": the
    // countries a hyphenated word joins, each by its name or adjective.
    if (found.empty() && first == last && name.find('-') != std::string::npos) {
      uint32_t begin = span.begin;
      for (uint32_t k = span.begin; k <= span.end; ++k) {
        if (k < span.end && text_[k] != '-') continue;
        std::string part = text_.substr(begin, k - begin);
        // "Asia-Pacific nations": continents and oceans too.
        const std::vector<geo::Place> part_found = gazetteer_->Find(part);
        if (part.size() >= 2 &&
            (NamesArea(part_found) || NamesRegion(part_found)) &&
            part.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 0) {
          geo::ToponymCandidate& t = out->emplace_back();
          t.text = std::move(part);
          t.span = Span{begin, k};
          t.adjectival = true;
        }
        begin = k + 1;
      }
      continue;
    }
    if (found.empty()) {
      // A place the gazetteer lacks, named with the place that holds it:
      // placed there, saying so.
      const Span holder = HolderOf(first, w, last);
      if (holder.size() > 0) {
        geo::ToponymCandidate& t = out->emplace_back();
        t.text = std::move(name);
        t.span = span;
        t.lookup = text_.substr(holder.begin, holder.size());
        t.within = true;
        t.locative = true;
      }
      continue;
    }
    // Abbreviations, acronyms and initials ("Maj.", "U.N.", "GBI"),
    // unless a country's ("U.S.", "USA") or a state's ("Tenn.", "NSW").
    if (((first == last && name.find('.') != std::string::npos) ||
         name.size() < 3 || (name.size() <= 4 && AllCapitals(name))) &&
        v_.MatchAt(w, EntryKind::kCountryName) == nullptr &&
        !NamesArea(found)) {
      continue;
    }
    bool area = NamesArea(found), prominent = false;
    for (const geo::Place& p : found) {
      area |= p.feature == "PCLI" || p.feature == "ADM1";
      // "Africa", "the Pacific", "Darfur" by their own names.
      area |= !p.alternate && (p.feature == "CONT" || p.feature == "OCN" ||
                               p.feature == "SEA" || p.feature == "GULF" ||
                               p.feature == "RGN" || p.feature == "TRR" ||
                               geo::IsLandform(p.feature));
      prominent |= p.feature == "PPLC" || p.population >= 100000;
    }
    // "in Asia, Europe and Africa": a conjunct of a place takes its
    // preposition ("from the European Union and the United States" is
    // not about places).
    std::string prep = v_.CaseOf(w);
    if (prep.empty() && word.deprel == "conj" && word.head >= 0) {
      const Span h = v_.word(word.head).span;
      const bool head_is_place =
          std::any_of(out->begin(), out->end(), [&](const auto& t) {
            return t.span.begin <= h.begin && h.end <= t.span.end;
          });
      if (head_is_place) prep = v_.CaseOf(word.head);
    }
    const bool locative =
        in_list_of_places || prep == "in" || prep == "near" || prep == "at" ||
        prep == "from" || prep == "to" || prep == "into" || prep == "outside" ||
        prep == "across" || prep == "throughout" || prep == "toward" ||
        prep == "towards" || prep == "around" || prep == "inside" ||
        prep == "over" || prep == "through" || prep == "via" ||
        prep == "beyond" || prep == "within" || prep == "along" ||
        prep == "between" || prep == "outside of" || prep == "out of" ||
        (prep == "of" && word.head >= 0 &&
         (v_.MatchAt(word.head, EntryKind::kNounClass) != nullptr ||
          IsPlaceOfNoun(v_.word(word.head).lemma)));
    // "shelled Khankendi", "captured Bakhmut": the object of a verb of
    // acting on a place.
    const bool object_place = word.deprel == "obj" && head >= 0 &&
                              v_.word(head).upos == "VERB" &&
                              IsPlaceVerb(v_.word(head).lemma);
    const bool acting = word.deprel == "nsubj" && word.subtype != "pass";
    // "TORRINGTON — City Council approved ...", "BEIRUT: The body of
    // ...": a dateline where the text layer saw none (after a headline).
    const bool dateline_like =
        first == 0 && AllCapitals(name) && dash_or_colon(last + 1);
    // "CHARLESTON, W.Va.", "Paris, Texas": a town with its state or
    // country after a comma.
    // The parent's name may run to three words ("Buffalo, New York").
    bool with_parent = false;
    if (last + 2 < n && v_.word(last + 1).form == ",") {
      for (int end = last + 2; end < n && end <= last + 4 && capitalised(end);
           ++end) {
        const Span parent = v_.SpanOf(last + 2, end);
        if (NamesArea(
                gazetteer_->Find(text_.substr(parent.begin, parent.size())))) {
          with_parent = true;
          break;
        }
      }
    }
    // A direction alone ("in the South", "the North") names a part of a
    // place the words do not say: none the gazetteer can give.
    if (first == last && IsCompassWord(name)) continue;
    const bool names_town = NamesTown(found);
    // "618 E. Main Street, Annville": the town of an address.
    const bool town_of_address = names_town && first >= 2 &&
                                 v_.word(first - 1).form == "," &&
                                 IsStreetWord(v_.word(first - 2).form);
    // "Norb Mages of Lindsay", "both of Annville": the town someone is
    // from.
    const bool home_of_person =
        names_town && prep == "of" && head >= 0 &&
        (v_.word(head).upos == "PROPN" || v_.word(head).lemma == "both" ||
         v_.word(head).lemma == "all") &&
        !std::any_of(out->begin(), out->end(), [&](const auto& t) {
          const Span h = v_.word(head).span;
          return t.span.begin <= h.begin && h.end <= t.span.end;
        });
    // The kind the words say, before who is from it or serves it says
    // it too: only that makes it where something happens.
    // Not a kind said by a word the name does not hang on ("the North
    // Darfur state capital" is the capital, not the state).
    const char kind_of_position =
        before_place_noun && head != place_noun ? 0 : kind;
    if (town_of_address || home_of_person) kind = 't';
    // A capitalised common noun alone ("City", "Harbor") is a place only
    // where its position says so; "Mexico City" is a name.
    if (first == last && !in_list_of_places && !hyphen_prefix &&
        word.upos != "PROPN") {
      area = prominent = false;
      // A name the tagger took for a common noun modifying the lower-case
      // noun after it ("the Gabon border", "a Denver judge"), by a place's
      // own name ("Day" in "the St. Patrick's Day holiday" is only
      // another name of Dayton).
      if (word.deprel == "compound" && head == last + 1 &&
          v_.word(head).upos == "NOUN" && !capitalised(head)) {
        for (const geo::Place& p : found) {
          if (p.alternate) continue;
          area |= p.feature == "PCLI" || p.feature == "ADM1";
          prominent |= p.feature == "PPLC" || p.population >= 100000;
        }
      }
    }
    // "a Gainesville man", "Athens police", "the Lancaster native": a
    // town naming who is from it or serves it - a place, though not where
    // anything happens.
    const bool town_of_people = word.deprel == "compound" && head == last + 1 &&
                                IsPeopleOfPlaceNoun(v_.word(head).lemma) &&
                                names_town;
    // Its people and bodies say it is a town ("Berea police").
    if (town_of_people && kind == 0) kind = 't';
    // "the Dadaab camps", "the Pirbright laboratory", "the Zaporizhzhia
    // nuclear plant", "Pandi hog farms", "the Pandi and Talavera farms": a
    // place naming a site in or by it, and where that site is. The words
    // between modify the site's noun or name other places of it.
    int site = head;
    if (word.deprel == "compound" && site == last + 1 &&
        !IsSiteNoun(v_.word(site).lemma) && site + 1 < n &&
        v_.word(site).deprel == "compound" && v_.word(site).head == site + 1 &&
        !capitalised(site)) {
      site = site + 1;  // "Pandi hog farms"
    }
    bool between = site > last && site <= last + 4;
    for (int k = last + 1; between && k < site; ++k) {
      between = v_.word(k).head == site || v_.word(k).head == w ||
                v_.word(k).deprel == "cc";
    }
    // By a place's own name: "Thomas elementary schools" are no county's.
    const bool names_site =
        word.deprel == "compound" && between &&
        IsSiteNoun(v_.word(site).lemma) &&
        std::any_of(found.begin(), found.end(),
                    [](const geo::Place& p) { return !p.alternate; });
    // "Northbrook-based", "Kherson-born": a place by its suffix.
    const bool place_by_suffix =
        hyphen_prefix &&
        (hyphen_suffix == "based" || hyphen_suffix == "born" ||
         hyphen_suffix == "raised" || hyphen_suffix == "headquartered");
    if (!(area || with_parent || dateline_like || kind != 0 || object_place ||
          town_of_people || names_site || place_by_suffix ||
          (!acting && (locative || prominent)))) {
      continue;
    }
    geo::ToponymCandidate& t = out->emplace_back();
    t.text = std::move(name);
    t.span = span;
    t.kind = kind;
    t.lookup = std::move(lookup);
    t.adjectival = hyphen_prefix;
    t.locative = locative || (before_place_noun && head == place_noun) ||
                 kind_of_position != 0 || town_of_address || object_place ||
                 with_parent || names_site;
  }
  // A country or a state named inside another name ("the U.S. House",
  // "the Texas Department of Transportation") or after a town ("Paris,
  // Tenn."): still a place named. Not one word of a person's name
  // ("Jordan Peterson"), nor a word of a longer place's name.
  for (int w : deferred) {
    const WordView& word = v_.word(w);
    if (word.deprel == "flat" && !(w > 0 && v_.word(w - 1).form == ",")) {
      continue;
    }
    int first = w;
    for (int c : word.children) {
      const std::string_view rel = v_.word(c).deprel;
      if ((rel == "compound" || rel == "flat") && c == first - 1 &&
          capitalised(c)) {
        first = c;
      }
    }
    // "the United States Centers for ...": a capitalised modifier right
    // before, when the gazetteer knows the name with it.
    for (int c : word.children) {
      if (v_.word(c).deprel == "amod" && c == first - 1 && capitalised(c)) {
        const Span with = v_.SpanOf(c, w);
        if (!gazetteer_->Find(text_.substr(with.begin, with.size())).empty()) {
          first = c;
        }
      }
    }
    // A word for a kind of place inside a name ("the City Council") is
    // not the place some division is named ("City" of London).
    if (first == w &&
        (IsKindOfPlaceWord(word.form) || IsCompassWord(word.form))) {
      continue;
    }
    // "the Guernsey County Common Pleas Court", "the Kansas City Police":
    // the capitalised words after, when the gazetteer knows the whole. Not
    // "City" after a town's name: "the Dublin City Council" is Dublin's.
    const Span short_span = v_.SpanOf(first, w);
    const std::vector<geo::Place> short_found =
        gazetteer_->Find(text_.substr(short_span.begin, short_span.size()));
    const bool names_town = NamesTown(short_found);
    int last = w;
    for (int end = w + 1; end <= w + 2 && end < n && capitalised(end); ++end) {
      if (names_town && v_.word(end).form == "City") break;
      const Span longer = v_.SpanOf(first, end);
      if (!gazetteer_->Find(text_.substr(longer.begin, longer.size()))
               .empty()) {
        last = end;
      }
    }
    const Span span = v_.SpanOf(first, last);
    if (OverlapsAny(*out, span)) continue;
    std::string name = text_.substr(span.begin, span.size());
    const std::vector<geo::Place> found =
        last == w ? short_found : gazetteer_->Find(name);
    // A town naming a local body after it ("the Gainesville Police",
    // "the New London City Council"): the town, by its own name.
    const bool local_body =
        ((word.head >= 0 && IsLocalBodyWord(v_.word(word.head).form)) ||
         (last + 1 < n && IsLocalBodyWord(v_.word(last + 1).form))) &&
        NamesTown(found);
    if (!NamesArea(found) && !local_body) continue;
    geo::ToponymCandidate& t = out->emplace_back();
    t.text = std::move(name);
    t.span = span;
    // A town's body says it is a town ("Norfolk High School").
    if (local_body && !NamesArea(found)) t.kind = 't';
  }
  AddListedPlaces(out);
  AddBranchPlaces(out);
  AddPartyHomes(out);
  std::sort(out->begin(), out->end(), [](const auto& a, const auto& b) {
    return a.span.begin < b.span.begin;
  });
}

void ToponymDetector::AddListedPlaces(
    std::vector<geo::ToponymCandidate>* out) const {
  const int n = v_.size();
  // The mention a word lies in, if any.
  auto mention_of = [&](int k) -> const geo::ToponymCandidate* {
    const Span s = v_.word(k).span;
    for (const geo::ToponymCandidate& t : *out) {
      if (t.span.begin <= s.begin && s.end <= t.span.end) return &t;
    }
    return nullptr;
  };
  auto capitalised = [](std::string_view f) {
    return !f.empty() && ((f[0] >= 'A' && f[0] <= 'Z') ||
                          static_cast<unsigned char>(f[0]) >= 0x80);
  };
  std::vector<geo::ToponymCandidate> added;
  for (int h = 0; h < n; ++h) {
    std::vector<int> members{h};
    for (int c : v_.word(h).children) {
      if (v_.word(c).deprel == "conj") members.push_back(c);
    }
    if (members.size() < 2) continue;
    // Two of its names places at least: a list of people with one name a
    // place could be ("Roxanne and Anthony Jones and Curt Taylor") is not
    // a list of places.
    int places = 0;
    bool locative = false;
    for (int m : members) {
      if (const geo::ToponymCandidate* t = mention_of(m); t != nullptr) {
        ++places;
        locative |= t->locative;
      }
    }
    if (places < 2) continue;
    for (int m : members) {
      const WordView& word = v_.word(m);
      // Not an acronym ("EU" is no town), nor a word for a kind of place
      // or a direction alone.
      if (mention_of(m) != nullptr || word.upos != "PROPN" ||
          !capitalised(word.form) || AllCapitals(word.form) ||
          IsKindOfPlaceWord(word.form) || IsCompassWord(word.form)) {
        continue;
      }
      // With the capitalised words of its name before it ("Homa Bay").
      int first = m;
      while (first > 0 && v_.word(first - 1).head == m &&
             capitalised(v_.word(first - 1).form) &&
             (v_.word(first - 1).deprel == "compound" ||
              v_.word(first - 1).deprel == "flat")) {
        --first;
      }
      const Span span = v_.SpanOf(first, m);
      if (OverlapsAny(*out, span)) continue;
      std::string name = text_.substr(span.begin, span.size());
      const std::vector<geo::Place> found = gazetteer_->Find(name);
      if (!NamesTown(found) && !NamesArea(found)) continue;
      geo::ToponymCandidate& t = added.emplace_back();
      t.text = std::move(name);
      t.span = span;
      t.locative = locative;
    }
  }
  out->insert(out->end(), added.begin(), added.end());
}

Span ToponymDetector::HolderOf(int first, int w, int last) const {
  const int n = v_.size();
  auto capitalised = [&](int k) {
    const std::string_view f = v_.word(k).form;
    return !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  };
  // The longest name of one to three capitalised words from `k` that is a
  // country's or a division's own ("Mashonaland East"), or also a town's.
  auto known_from = [&](int k, bool or_town) {
    Span best{0, 0};
    for (int end = k; end < n && end <= k + 2 && capitalised(end); ++end) {
      const Span s = v_.SpanOf(k, end);
      const std::vector<geo::Place> f =
          gazetteer_->Find(text_.substr(s.begin, s.size()));
      if (NamesArea(f) || (or_town && NamesTown(f))) best = s;
    }
    return best;
  };
  const WordView& word = v_.word(w);
  const int noun = word.head;
  if (word.deprel == "compound" && noun == last + 1 &&
      IsDistrictNoun(v_.word(noun).lemma)) {
    // "the Adhamiyah district of Baghdad": the town or area after "of".
    for (int c : v_.word(noun).children) {
      if (c <= noun || v_.word(c).deprel != "nmod" || v_.CaseOf(c) != "of") {
        continue;
      }
      for (int k : v_.Phrase(c)) {
        if (k > noun && capitalised(k) && v_.word(k).upos == "PROPN") {
          return known_from(k, true);
        }
      }
    }
    // "the Wedza district, Mashonaland East province".
    if (noun + 2 < n && v_.word(noun + 1).form == "," &&
        capitalised(noun + 2)) {
      return known_from(noun + 2, false);
    }
  }
  // "in Mouillee, Michigan": a state or a country after a comma, after a
  // name of one or two words, not a body's or a building's ("Goose Creek
  // High School, Berkeley County").
  const std::string prep = v_.CaseOf(w);
  bool plain_name = last - first <= 1;
  for (int k = first; plain_name && k <= last; ++k) {
    plain_name =
        v_.word(k).upos == "PROPN" && !IsLocalBodyWord(v_.word(k).form) &&
        !IsStreetWord(v_.word(k).form) && !IsKindOfPlaceWord(v_.word(k).form);
  }
  if (plain_name && last + 2 < n && v_.word(last + 1).form == "," &&
      capitalised(last + 2) &&
      (prep == "in" || prep == "at" || prep == "near" || prep == "from")) {
    return known_from(last + 2, false);
  }
  return Span{0, 0};
}

void ToponymDetector::AddBranchPlaces(
    std::vector<geo::ToponymCandidate>* out) const {
  const int n = v_.size();
  auto capitalised = [&](int k) {
    const std::string_view f = v_.word(k).form;
    return !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  };
  std::vector<geo::ToponymCandidate> added;
  for (int w = 1; w < n; ++w) {
    // The last capitalised word of its run.
    if (!capitalised(w) || v_.word(w).upos != "PROPN" ||
        (w + 1 < n && capitalised(w + 1))) {
      continue;
    }
    // The run's first word, over possessives ("Children's").
    int first = w;
    while (first > 0 &&
           (capitalised(first - 1) || v_.word(first - 1).form == "'s" ||
            v_.word(first - 1).form == "\u2019s")) {
      --first;
    }
    if (v_.word(first).upos == "DET") ++first;  // "The CDC Atlanta lab"
    const std::string_view opening = v_.word(first).form;
    // Letters, not initials ("J.M. Barrie") or a number.
    if (first == w || opening.size() < 2 || !AllCapitals(opening) ||
        opening.find_first_of("0123456789.") != std::string_view::npos) {
      continue;
    }
    // The opening letters are not themselves a place's ("US Army").
    if (NamesArea(gazetteer_->Find(opening))) continue;
    // The longest closing words that name the place ("UNICEF New
    // Zealand").
    for (int begin = std::max(first + 1, w - 2); begin <= w; ++begin) {
      const Span span = v_.SpanOf(begin, w);
      if (OverlapsAny(*out, span)) break;
      std::string name = text_.substr(span.begin, span.size());
      const std::vector<geo::Place> found = gazetteer_->Find(name);
      const bool city =
          std::any_of(found.begin(), found.end(), [](const geo::Place& p) {
            return !p.alternate && p.feature.substr(0, 3) == "PPL" &&
                   (p.feature == "PPLC" || p.population >= 100000);
          });
      if (!NamesArea(found) && !city) continue;
      geo::ToponymCandidate& t = added.emplace_back();
      t.text = std::move(name);
      t.span = span;
      break;
    }
  }
  out->insert(out->end(), added.begin(), added.end());
}

bool ToponymDetector::NamesRegion(const std::vector<geo::Place>& found) {
  return std::any_of(found.begin(), found.end(), [](const geo::Place& p) {
    return !p.alternate &&
           (p.feature == "CONT" || p.feature == "SEA" || p.feature == "OCN" ||
            p.feature == "RGN" || geo::IsLandform(p.feature));
  });
}

bool ToponymDetector::NamesTown(const std::vector<geo::Place>& found) {
  return std::any_of(found.begin(), found.end(), [](const geo::Place& p) {
    return !p.alternate && p.feature.substr(0, 3) == "PPL";
  });
}

bool ToponymDetector::NamesArea(const std::vector<geo::Place>& found) {
  return std::any_of(found.begin(), found.end(), [](const geo::Place& p) {
    return !p.alternate &&
           (p.feature == "PCLI" || p.feature == "ADM1" ||
            (p.feature == "ADM2" && p.name.find(' ') != std::string::npos));
  });
}

// Nouns whose "of" names a place: a part or side of it, its people
// ("east of Rock Hill", "the outskirts of Kherson", "residents of
// Gaza").
bool ToponymDetector::IsPlaceOfNoun(std::string_view lemma) {
  static constexpr std::string_view kNouns[] = {
      "north",      "south",      "east",      "west",       "northeast",
      "northwest",  "southeast",  "southwest", "outskirts",  "suburb",
      "edge",       "centre",     "center",    "heart",      "downtown",
      "vicinity",   "environs",   "part",      "resident",   "mayor",
      "governor",   "citizen",    "people",    "population", "inhabitant",
      "streets",    "street",     "outside",   "north-east", "south-east",
      "north-west", "south-west", "capital",   "country",    "nation"};
  return OneOf(kNouns, lemma);
}

// The words for a road, a route or a line between places.
bool ToponymDetector::IsRoadNoun(std::string_view lemma) {
  return lemma == "highway" || lemma == "road" || lemma == "motorway" ||
         lemma == "route" || lemma == "railway" || lemma == "railroad" ||
         lemma == "expressway" || lemma == "freeway" || lemma == "corridor" ||
         lemma == "pipeline" || lemma == "line" || lemma == "track";
}

// Verbs whose object is often a place: attacking, taking, holding,
// entering or leaving it ("shelled Khankendi", "left Baku").
bool ToponymDetector::IsPlaceVerb(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {
      "shell",    "bomb",    "strike",  "hit",      "attack",   "raid",
      "storm",    "capture", "seize",   "take",     "retake",   "recapture",
      "liberate", "occupy",  "besiege", "encircle", "surround", "blockade",
      "enter",    "leave",   "reach",   "evacuate", "flee",     "cross",
      "control",  "hold",    "overrun", "invade",   "annex",    "visit",
      "target",   "pound",   "bombard", "shoot",    "rocket",   "abandon"};
  return OneOf(kVerbs, lemma);
}

// "the Ahmedbeyli-Fizuli-Shusha highway": each place the road joins, as
// a part of one road.
void ToponymDetector::AddRoadParts(
    Span span, std::vector<geo::ToponymCandidate>* out) const {
  const int road = ++road_count_;
  uint32_t begin = span.begin;
  for (uint32_t i = span.begin; i <= span.end; ++i) {
    if (i < span.end && text_[i] != '-') continue;
    if (i > begin) {
      geo::ToponymCandidate& t = out->emplace_back();
      t.span = Span{begin, i};
      t.text = text_.substr(begin, i - begin);
      t.road = road;
      t.locative = true;
    }
    begin = i + 1;
  }
}

// "Sen. Ray Miller, D-Columbus," "(R-Texas)", "R-Elbow Lake", "D-N.D.":
// the American press's party and home of a legislator. The home is a
// place, though not where anything happens.
void ToponymDetector::AddPartyHomes(
    std::vector<geo::ToponymCandidate>* out) const {
  const int n = v_.size();
  for (int w = 1; w < n; ++w) {
    const std::string_view form = v_.word(w).form;
    const size_t party = PartyPrefixLength(form);
    const std::string_view before = v_.word(w - 1).form;
    if (party == 0 || (before != "," && before != "(")) continue;
    const Span word = v_.word(w).span;
    const uint32_t begin = word.begin + static_cast<uint32_t>(party);
    // The longest name the gazetteer knows: the rest of the word, the
    // capitalised words after it, a full stop split off.
    uint32_t end = 0;
    std::vector<geo::Place> found;
    auto try_to = [&](uint32_t e) {
      std::vector<geo::Place> f =
          gazetteer_->Find(text_.substr(begin, e - begin));
      if (!f.empty()) {
        end = e;
        found = std::move(f);
      }
    };
    try_to(word.end);
    for (int k = w + 1; k < n && k <= w + 2; ++k) {
      const WordView& next = v_.word(k);
      if (next.form == "." && next.span.begin == v_.word(k - 1).span.end) {
        if (end == 0) try_to(next.span.end);
        break;
      }
      if (next.form.empty() || next.form[0] < 'A' || next.form[0] > 'Z') break;
      try_to(next.span.end);
    }
    if (end == 0) continue;
    const Span span{begin, end};
    if (OverlapsAny(*out, span)) continue;
    geo::ToponymCandidate& t = out->emplace_back();
    t.text = text_.substr(begin, end - begin);
    t.span = span;
  }
}

// "D-Columbus", "R-Texas", "DFL-Duluth": the length of the party's letter
// and hyphen before a legislator's home, 0 when there is none.
size_t ToponymDetector::PartyPrefixLength(std::string_view form) {
  for (std::string_view party : {"D-", "R-", "I-", "DFL-"}) {
    if (form.size() > party.size() && form.substr(0, party.size()) == party &&
        form[party.size()] >= 'A' && form[party.size()] <= 'Z') {
      return party.size();
    }
  }
  return 0;
}

// The last word of a street's name in an address ("Main Street, Annville",
// "Route 31 South, Flemington").
bool ToponymDetector::IsStreetWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Street", "St.",   "Road",    "Rd.",       "Avenue", "Ave.",    "Route",
      "Drive",  "Lane",  "Ln.",     "Boulevard", "Blvd.",  "Way",     "Highway",
      "Hwy.",   "Pike",  "Court",   "Ct.",       "Place",  "Parkway", "Pkwy.",
      "Circle", "Trail", "Terrace", "South",     "North",  "East",    "West"};
  return OneOf(kWords, w);
}

// Sites named by the place they are in or by ("the Dadaab camps").
bool ToponymDetector::IsSiteNoun(std::string_view lemma) {
  static constexpr std::string_view kNouns[] = {
      "camp",     "farm",   "base",      "laboratory", "lab",
      "hospital", "prison", "jail",      "airport",    "airbase",
      "airfield", "port",   "plant",     "factory",    "refinery",
      "mine",     "dam",    "reservoir", "bridge",     "checkpoint",
      "crossing", "market", "clinic",    "school",     "home"};
  return OneOf(kNouns, lemma);
}

// People named by the town they are from or serve ("a Gainesville man",
// "Athens police").
bool ToponymDetector::IsPeopleOfPlaceNoun(std::string_view lemma) {
  static constexpr std::string_view kNouns[] = {
      "man",      "woman",      "teen",         "teenager", "boy",
      "girl",     "resident",   "native",       "couple",   "family",
      "student",  "youth",      "police",       "officer",  "firefighter",
      "official", "councilman", "councilwoman", "mayor",    "sheriff"};
  return OneOf(kNouns, lemma);
}

// Words of the names of a town's own bodies and services, which take
// the town's name ("Gainesville Police", "Athens City Council").
bool ToponymDetector::IsLocalBodyWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Police",   "Sheriff",   "City",       "Council", "Mayor",   "Fire",
      "Township", "Municipal", "Courthouse", "Library", "Airport", "Chamber",
      "Harbor",   "Harbour",   "Port",       "Station", "Borough", "Town",
      "Village",  "Metro",     "Transit",    "Zoo",     "High"};
  return OneOf(kWords, w);
}

// The parts of a town or an area a place the gazetteer lacks may be
// ("the Adhamiyah district of Baghdad", "the Mukuru slums of Nairobi").
bool ToponymDetector::IsDistrictNoun(std::string_view lemma) {
  static constexpr std::string_view kNouns[] = {
      "district",    "area",    "neighbourhood", "neighborhood", "suburb",
      "quarter",     "section", "township",      "slum",         "locality",
      "subdistrict", "commune", "municipality",  "ward",         "sector"};
  return OneOf(kNouns, lemma);
}

bool ToponymDetector::IsKindOfPlaceWord(std::string_view w) {
  return w == "City" || w == "County" || w == "State" || w == "Province" ||
         w == "District" || w == "Region" || w == "Capital" || w == "Town" ||
         w == "Village" || w == "Republic" || w == "Kingdom" || w == "Union" ||
         w == "Federal" || w == "National" || w == "Metro" || w == "Township";
}

bool ToponymDetector::IsCompassWord(std::string_view w) {
  return w == "North" || w == "South" || w == "East" || w == "West" ||
         w == "Northeast" || w == "Northwest" || w == "Southeast" ||
         w == "Southwest" || w == "Northern" || w == "Southern" ||
         w == "Eastern" || w == "Western" || w == "Central" || w == "Upper" ||
         w == "Lower" || w == "Greater";
}

bool ToponymDetector::HeldBy(std::string_view w) {
  const size_t hyphen = w.find('-');
  return hyphen != std::string_view::npos && hyphen > 0 &&
         hyphen + 1 < w.size() && w[hyphen + 1] >= 'a' && w[hyphen + 1] <= 'z';
}

bool ToponymDetector::AllCapitals(std::string_view s) {
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace sitrep::extract
