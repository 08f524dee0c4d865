// Which words of a sentence name places: the toponym candidates the
// document's resolution (geo/toponyms) then reads against the gazetteer.
// Proper names in positions that say where ("in Kherson", "shelled
// Khankendi", "the Shushi region", "on the Ahmedbeyli-Fizuli-Shusha
// highway"), names of countries, divisions, continents and seas wherever
// they stand (also by a country's adjective or people: "Russian",
// "Palestinians"), a town with its state after a comma, datelines, and names
// inside other names ("the Texas Department of ...", "the Gainesville
// Police").
#ifndef SITREP_EXTRACT_TOPONYM_DETECTOR_H_
#define SITREP_EXTRACT_TOPONYM_DETECTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/sentence_view.h"
#include "geo/gazetteer.h"
#include "geo/toponyms.h"
#include "lexicon/lexicon.h"
#include "time/date_expressions.h"

namespace sitrep::extract {

class ToponymDetector {
 public:
  // `text` is the document's; `dates` the sentence's date expressions
  // (not places); `sentence` its index, which numbers its roads apart from
  // other sentences'.
  ToponymDetector(const SentenceView& view, const lexicon::Lexicon& lex,
                  const geo::Gazetteer& gazetteer, const std::string& text,
                  const std::vector<time::DateMention>& dates, int sentence)
      : v_(view),
        lex_(lex),
        gazetteer_(&gazetteer),
        text_(text),
        dates_(dates),
        road_count_(sentence * 1000) {}

  // The sentence's candidates, in text order.
  std::vector<geo::ToponymCandidate> Find() const {
    std::vector<geo::ToponymCandidate> out;
    FindInto(&out);
    return out;
  }

 private:
  void FindInto(std::vector<geo::ToponymCandidate>* out) const;
  void AddRoadParts(Span span, std::vector<geo::ToponymCandidate>* out) const;
  void AddPartyHomes(std::vector<geo::ToponymCandidate>* out) const;
  // The other names of a list one of whose names is a place ("Suba,
  // Migori, Homa Bay, ... Kisumu and Bondo are among the districts"),
  // where the gazetteer knows them as towns or areas by their own names.
  void AddListedPlaces(std::vector<geo::ToponymCandidate>* out) const;
  // A body's name that opens with letters in capitals and closes with a
  // country's, a state's or a city's own name names its branch there
  // ("ABC Australia", "SOS Children's Villages Sudan", "CDC Atlanta"): the
  // place, though not where anything happens. A person's name never
  // opens with such letters.
  void AddBranchPlaces(std::vector<geo::ToponymCandidate>* out) const;

  // The name is a country's, a first-order division's or (in words that
  // say so: "Walker County") a second-order one's own name or
  // abbreviation.
  static bool NamesArea(const std::vector<geo::Place>& found);
  // A town's own name (a populated place's, not another name of it).
  static bool NamesTown(const std::vector<geo::Place>& found);
  // The name is a continent's, an ocean's, a sea's, a region's or an
  // island's own.
  static bool NamesRegion(const std::vector<geo::Place>& found);
  static bool IsPlaceOfNoun(std::string_view lemma);
  static bool IsRoadNoun(std::string_view lemma);
  static bool IsPlaceVerb(std::string_view lemma);
  static bool IsLocalBodyWord(std::string_view w);
  static bool IsPeopleOfPlaceNoun(std::string_view lemma);
  static bool IsSiteNoun(std::string_view lemma);
  static bool IsStreetWord(std::string_view w);
  static size_t PartyPrefixLength(std::string_view form);
  static bool IsKindOfPlaceWord(std::string_view w);
  static bool IsDistrictNoun(std::string_view lemma);
  // The words of the place named as holding the name of words first..last
  // whose head is `w`, when the gazetteer knows it: "the Adhamiyah
  // district of Baghdad", "the Wedza district, Mashonaland East province",
  // "in Mouillee, Michigan". An empty span when there is none.
  Span HolderOf(int first, int w, int last) const;
  static bool IsCompassWord(std::string_view w);
  static bool AllCapitals(std::string_view s);
  // A capitalised word, a hyphen and a lower-case word: who holds, runs or
  // is based in a place ("Pakistan-administered", "Russian-occupied",
  // "Texas-based"), not a word of its name.
  static bool HeldBy(std::string_view w);

  const SentenceView& v_;
  const lexicon::Lexicon& lex_;
  const geo::Gazetteer* gazetteer_;
  const std::string& text_;
  const std::vector<time::DateMention>& dates_;
  mutable int road_count_;
};

}  // namespace sitrep::extract

#endif  // SITREP_EXTRACT_TOPONYM_DETECTOR_H_
