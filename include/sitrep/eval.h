// Scoring against gold files, the way UDPipe's --accuracy scores a model.
#ifndef SITREP_EVAL_H_
#define SITREP_EVAL_H_

#include <cstddef>
#include <string>

#include <map>
#include <vector>

#include "sitrep/events.h"
#include "sitrep/status.h"
#include "sitrep/text.h"

namespace sitrep {

struct PrecisionRecall {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct SentenceBoundaryScores {
  size_t documents = 0;
  size_t gold_sentences = 0;
  size_t predicted_sentences = 0;
  // Boundaries between sentences inside a document (the end of the last
  // sentence is not counted: it is always right).
  PrecisionRecall boundaries;
  // Sentences whose both ends match.
  PrecisionRecall sentences;
};

// Rebuilds each `# newdoc` document of a CoNLL-U file from its `# text`
// lines (a blank line between paragraphs, a space between sentences), splits
// it with `analyzer` and compares the boundaries with the gold ones.
StatusOr<SentenceBoundaryScores> EvaluateSentenceBoundaries(
    const std::string& conllu_path, const TextAnalyzer& analyzer);

// Event coding against labelled gold sets. Each scorer reads the gold file,
// codes its texts with `coder` and compares the document's main event (the
// first of the coded events) with the gold label.
struct ClassScores {
  std::map<std::string, PrecisionRecall> per_class;
  double accuracy = 0;
  double weighted_f1 = 0;  // F1 per class weighted by gold support
  double macro_f1 = 0;
  size_t items = 0;
  size_t no_event = 0;  // items where no event was coded
  std::vector<std::pair<std::string, std::string>> confusions;  // gold, sys
  std::vector<std::string> confused_items;  // the item id of each confusion
};

// CASE 2021 Task 2 (id<TAB>snippet<TAB>label): ACLED sub-event types of the
// main event, mapped to the task's labels. `acled_only` scores the snippets
// whose gold label is one of the 25 ACLED classes (the task's subtask 1);
// otherwise every snippet, the non-ACLED labels counting as misses.
StatusOr<ClassScores> EvaluateCase2021(const std::string& path,
                                       const EventCoder& coder,
                                       bool acled_only);

struct PloverScores {
  ClassScores event_type;          // PLOVER type of the main event
  PrecisionRecall source_country;  // countries of the main event's source
  PrecisionRecall target_country;
  PrecisionRecall source_sector;
  PrecisionRecall target_sector;
  PrecisionRecall dead;  // records with a death count: count matches
  size_t records = 0;
};

// The PLOVER gold-standard records (a JSON array). Old type names are
// mapped: DEMAND=REQUEST, DISAPPROVE=ACCUSE, FIGHT=ASSAULT,
// INVESTIGATE=ACCUSE. Countries are compared as the CAMEO country code that
// starts an actor code ("ARMMIL" -> ARM); gold codes of international and
// non-state bodies (IGO, NGO, IMG, ...) are left out of the country scores.
StatusOr<PloverScores> EvaluatePlover(const std::string& path,
                                      const EventCoder& coder);

// Argument extraction against WikiEvents (JSONL: `tokens`,
// `event_mentions[].arguments[]`). Each document is rebuilt from its tokens
// (one space between them) and coded; the arguments of its Conflict.*,
// Life.Die and Life.Injure mentions are compared, by role, with the actors
// and instruments of all the coded events: Attacker (Killer and Injurer
// folded in) with the sources, Target and Victim with the targets,
// Instrument (ExplosiveDevice folded in) with the instruments. A system
// text matches a gold one when either contains the other at word
// boundaries, case-insensitive; texts are counted once per document and
// role, and paired one to one.
struct ArgumentScores {
  std::map<std::string, PrecisionRecall> per_role;
  size_t documents = 0;
};

StatusOr<ArgumentScores> EvaluateWikiEvents(const std::string& path,
                                            const EventCoder& coder);

// MUC-4 templates against the coder, per message: the incident types (set
// against set, sitrep's event classes mapped to ATTACK, BOMBING,
// KIDNAPPING, ARSON, ROBBERY), whether a message reports a relevant
// incident at all, the perpetrator organisations (lenient text match with
// the sources of the violent events) and, for the matched ones, the
// ORGANIZATION CONFIDENCE against the claim stance. Types and perpetrators
// are scored on the messages that have a template; `relevant` counts the
// coder's incidents in the others as false alarms.
struct Muc4Scores {
  std::map<std::string, PrecisionRecall> incident_type;
  PrecisionRecall relevant;
  PrecisionRecall perpetrator;
  PrecisionRecall perpetrator_confidence;
  size_t messages = 0;
};

// `messages_path` and `keys_path` are files or directories (the message
// files of a directory are those whose name does not start with "key-", its
// key files those that do). Messages without a key are skipped.
StatusOr<Muc4Scores> EvaluateMuc4(const std::string& messages_path,
                                  const std::string& keys_path,
                                  const EventCoder& coder);

// Geoparsing corpora (LGL: <article><text> with <toponyms><toponym> start,
// end, phrase and <gaztag> lat/lon, and the publisher's <domain>;
// GeoVirus: <article><text> with <locations><location> name, start, end,
// lat, lon; offsets count characters): each gold toponym with coordinates
// is detected when a resolved place of the document overlaps its span, and
// correct when that place lies within 161 km (100 miles) of the gold point.
struct GeoScores {
  size_t articles = 0;
  size_t gold = 0;                // gold toponyms with coordinates
  size_t detected = 0;            // overlapped by a system place
  size_t correct = 0;             // and within 161 km
  size_t places = 0;              // system places
  size_t places_on_gold = 0;      // overlapping a gold toponym
  std::vector<double> errors_km;  // of the detected ones
};

// The corpus coded twice: each article read alone, then with the homes of
// its publishers (sitrep/source_homes.h) learned from the first coding of
// the whole corpus, the gold left unseen.
struct GeoEvaluation {
  GeoScores alone;
  GeoScores with_homes;  // articles == 0 when no publisher got a home
  std::vector<SourceHome> homes;
};

// `options` as for EventCoder::Create; its gazetteer is required and its
// source_homes are replaced by the learned ones.
StatusOr<GeoEvaluation> EvaluateGeo(const std::string& path,
                                    const EventCoderOptions& options);

}  // namespace sitrep

#endif  // SITREP_EVAL_H_
