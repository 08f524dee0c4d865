// Event extraction over parsed sentences: triggers (verbal and nominal),
// source and target from the dependency tree, actors resolved against the
// lexicon, instrument, casualties, modality, in-sentence attribution and
// dates; then the document-level passes (quotations, the document's own
// voice, first person, "the same day", protest context) and salience.
#ifndef SITREP_EXTRACT_EXTRACTOR_H_
#define SITREP_EXTRACT_EXTRACTOR_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "extract/sentence_view.h"
#include "geo/gazetteer.h"
#include "geo/toponyms.h"
#include "sitrep/events.h"

namespace sitrep::extract {

// What one sentence yields before the document-level passes.
struct SentenceEvents {
  std::vector<Event> events;

  // Parallel to events: the event is a circumstance of another one in the
  // sentence ("seized in a raid", "killed in the fighting").
  std::vector<bool> circumstance;
  // Parallel to events: the event is the complement of another event
  // ("threatened to impose sanctions": the sanctions).
  std::vector<bool> embedded;
  // Parallel to events: how many clauses or phrases deep the event sits
  // below the main predicate of the sentence.
  std::vector<int> depth;
  // The sentence says a demonstration in it was violent ("protests turned
  // violent", "violent protests").
  bool violent_protest = false;
  // A reporting verb of this sentence with its speaker, for quotations
  // closed or opened here ("...," the ministry said).
  std::optional<Claim> reporting;
  // Names the sentence uses as places, resolved with the whole document.
  std::vector<geo::ToponymCandidate> toponyms;
};

class Extractor {
 public:
  // `gazetteer` may be null. `homes`: where sources are at home, by
  // source name (sitrep/source_homes.h).
  Extractor(const lexicon::Lexicon& lexicon, const geo::Gazetteer* gazetteer,
            const std::vector<SourceHome>& homes = {});

  SentenceEvents ExtractSentence(const SentenceView& view, int sentence_index,
                                 const std::string& text,
                                 std::optional<absl::CivilDay> date) const;

  // Attribution across sentences, first person, dates by reference, protest
  // context, salience order and ids.
  void FinishDocument(const Document& document, const AnalyzedText& analyzed,
                      std::vector<SentenceEvents>* sentences,
                      std::vector<Event>* out) const;

  // The document's place names, resolved together (none without a
  // gazetteer).
  // The dateline's place ("KHARTOUM, Sudan") is one of them.
  std::vector<PlaceMention> ResolvePlaces(
      const Document& document, const AnalyzedText& analyzed,
      const std::vector<SentenceEvents>& sentences) const;

  // Each event's place on the map: a place its own locative phrase names
  // (basis "event"), else one named in its sentence ("sentence"), else the
  // nearest one named before it ("document", precision "near" for a
  // point), else the dateline's ("dateline"). Outside the event's own
  // phrase only names in a position that says where count ("in Kherson",
  // "shelled Khankendi"): "Russian positions", "Somalia's government" and
  // the words of the event's source or claimant say whose, not where.
  void LocateEvents(const AnalyzedText& analyzed,
                    const std::vector<PlaceMention>& places,
                    std::vector<Event>* events) const;

  // An actor from a phrase of plain text (a document's `source` field).
  std::optional<Actor> ActorFromText(const std::string& text) const;

 private:
  const lexicon::Lexicon& lexicon_;
  const geo::Gazetteer* gazetteer_;
  absl::flat_hash_map<std::string, geo::Home> homes_;
};

}  // namespace sitrep::extract

#endif  // SITREP_EXTRACT_EXTRACTOR_H_
