// The lexicon: every word and phrase the event coder knows (countries,
// organisations, sectors, event words, instruments, reporting cues, noun
// classes, quantities) and the event classes with their codebook mappings.
//
// The sources are the human-edited TSV files of data/lexicon (see
// data/lexicon/README.md). `CompileLexicon` reads and checks them;
// `WriteLexiconBundle` stores the result as one versioned binary bundle (the
// model container of src/syntax/model_format.h with a "lexicon" section),
// which `LoadLexicon` maps and checks. A loaded Lexicon is read-only and
// shared by all threads.
#ifndef SITREP_LEXICON_LEXICON_H_
#define SITREP_LEXICON_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "lexicon/phrase_matcher.h"

namespace sitrep::lexicon {

// Version of the "lexicon" section's layout; a bundle with another version
// is refused with a message saying so.
inline constexpr uint32_t kLexiconFormatVersion = 2;

struct Country {
  std::string iso3;   // ISO 3166-1 alpha-3
  std::string cameo;  // CAMEO country code
  std::string name;
};

struct Organization {
  std::string name;
  std::string country;  // ISO alpha-3, or empty
  std::string sector;
  std::string code;  // CAMEO-style actor code
};

struct EventClass {
  std::string name;
  std::string plover;
  std::string mode;  // empty when none
  std::string cameo;
  std::string acled_type;
  std::string acled_subtype;
  float weight = 0.5f;
};

// General frames of events.tsv ("@attack"), resolved by the typing rules.
enum class Frame : uint8_t {
  kNone,
  kAttack,
  kFire,
  kBomb,
  kExplode,
  kSeize,
  kClash,
  kProtest,
  kKill,
  kInjure,
  kDestroy,
  kFind,
  kDrop,
  kByObject,  // an event only by what it acts on (object_senses.tsv)
};
std::string_view FrameName(Frame frame);

// kPredicate: a noun that reports an event only as the predicate of a
// copula ("civilians are not targets").
enum class PartOfSpeech : uint8_t { kAny, kVerb, kNoun, kPrep, kPredicate };

struct EventWord {
  PartOfSpeech pos = PartOfSpeech::kAny;
  Frame frame = Frame::kNone;
  int event_class = -1;  // index into event_classes, when frame is kNone
};

// A verb's sense by what it acts on (object_senses.tsv): "sent troops" is a
// deployment, "sent medicine" aid, "lifted the blockade" a blockade eased.
// An event word's senses are tried in file order; the first that fits
// decides.
enum class ObjectKind : uint8_t {
  kAny,         // "*": any object
  kNone,        // "-": no object
  kLemma,       // "=tie": the object's head word
  kFrame,       // "@protest": an event noun of that frame
  kAnyEvent,    // "event": any event noun
  kEventClass,  // "blockade": an event noun of that class
  kSector,      // "PKO": an actor of that sector
  kNounClass,   // "goods": a noun of that class (nouns.tsv)
};

// The class value that means "the object's own event": the verb only
// carries it ("imposed a curfew" is the curfew).
inline constexpr int kObjectsOwnClass = -2;
// The class value that means "the word's own class or frame" (events.tsv).
inline constexpr int kWordsOwnClass = -3;

struct ObjectSense {
  uint32_t event_word = 0;  // index into event_words
  ObjectKind kind = ObjectKind::kAny;
  std::string value;     // lemma, frame, class, sector or noun class
  int event_class = -1;  // index into event_classes; -1 no event;
                         // kObjectsOwnClass the object's; kWordsOwnClass
                         // the word's own
};

enum class Stance : uint8_t { kAsserts, kAccuses, kDenies, kReports, kClaims };
std::string_view StanceName(Stance stance);

struct ReportingCue {
  PartOfSpeech pos = PartOfSpeech::kAny;
  Stance stance = Stance::kAsserts;
};

struct Quantity {
  int64_t count = 0;
  bool at_least = false;
};

// What a phrase of the matcher stands for: `kind` says which table `index`
// points into.
enum class EntryKind : uint8_t {
  kCountryName,       // countries
  kCountryAdjective,  // countries ("Armenian", "Israelis")
  kCapital,           // countries, as the seat of government ("Baku")
  kOrganization,      // organizations
  kSector,            // sector_names
  kEventWord,         // event_words
  kInstrument,        // instrument_classes
  kNounClass,         // noun_classes
  kReportingCue,      // reporting_cues
  kQuantity,          // quantities
};

struct Lexicon {
  std::vector<Country> countries;
  std::vector<Organization> organizations;
  std::vector<std::string> sector_names;  // index -> sector code
  std::vector<EventClass> event_classes;
  std::vector<EventWord> event_words;
  std::vector<std::string> instrument_classes;
  std::vector<std::string> noun_classes;
  std::vector<ReportingCue> reporting_cues;
  std::vector<Quantity> quantities;
  std::vector<ObjectSense> object_senses;  // by event_word, in file order
  PhraseMatcher matcher;

  int FindEventClass(std::string_view name) const;
  int FindCountry(std::string_view iso3) const;
  std::string Describe() const;
};

// Reads the TSV files of `directory` and checks them: column counts, known
// codes and classes, phrases that mean two things. Every problem is
// reported with file:line; the first few are returned in the error.
absl::StatusOr<std::unique_ptr<Lexicon>> CompileLexicon(
    const std::string& directory);

// The bundle as bytes, and written to a file (atomically).
std::string SerializeLexicon(const Lexicon& lexicon);
absl::Status WriteLexiconBundle(const Lexicon& lexicon,
                                const std::string& path);

// Loads a bundle written by WriteLexiconBundle. A missing, truncated,
// corrupt, foreign or wrong-version file gives an error that says which.
absl::StatusOr<std::unique_ptr<Lexicon>> LoadLexicon(const std::string& path);
absl::StatusOr<std::unique_ptr<Lexicon>> LexiconFromBytes(
    std::string_view bytes, const std::string& name);

}  // namespace sitrep::lexicon

#endif  // SITREP_LEXICON_LEXICON_H_
