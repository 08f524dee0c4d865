// Readers of the gold files of the argument and template scorers
// (EvaluateWikiEvents, EvaluateMuc4 in include/sitrep/eval.h), and the
// lenient text match both scorers share. Internal: the public API stays
// absl-free; these return absl statuses that the scorers convert.
#ifndef SITREP_EVAL_GOLD_READERS_H_
#define SITREP_EVAL_GOLD_READERS_H_

#include <algorithm>
#include <cstddef>
#include <istream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "sitrep/document.h"
#include "sitrep/events.h"

namespace sitrep::eval {

// ---- WikiEvents (JSONL, one document a line) ----

struct WikiEventsArgument {
  std::string event_type;  // of the mention: "Conflict.Attack.DetonateExplode"
  std::string role;        // as written in the file: Attacker, Victim, ...
  std::string text;        // the argument's text
  Span span;  // the entity mention in WikiEventsDocument::text; empty when
              // the entity is not among the document's entity mentions
};

struct WikiEventsDocument {
  std::string id;
  std::string text;                           // the tokens joined by one space
  std::vector<Span> tokens;                   // each token's bytes in `text`
  std::vector<WikiEventsArgument> arguments;  // of every event mention
};

// One line of the file. The text is rebuilt from `tokens` rather than taken
// from the file's `text` field so that the token offsets of the entity
// mentions translate into byte offsets exactly.
absl::StatusOr<WikiEventsDocument> ParseWikiEventsLine(std::string_view line);

// Every non-blank line of `in`; `name` is for the error messages.
absl::StatusOr<std::vector<WikiEventsDocument>> ReadWikiEvents(
    std::istream& in, const std::string& name);

// ---- MUC-3/4 messages and answer keys ----

struct MucMessage {
  std::string id;    // "DEV-MUC3-0001", without the "(NOSC)" tag
  std::string text;  // the body as written (upper case), header line left out
};

// Splits a message file at its header lines ("TST1-MUC3-0001",
// "DEV-MUC3-0045  (NOSC)").
std::vector<MucMessage> ReadMucMessages(std::istream& in);

struct MucPerpetrator {
  // The alternative strings of one organisation: {"FARABUNDO MARTI ...",
  // "FMLN"}.
  std::vector<std::string> names;
  // Its ORGANIZATION CONFIDENCE, alternatives split and normalised:
  // "REPORTED AS FACT", "CLAIMED OR ADMITTED", "SUSPECTED OR ACCUSED" (the
  // "BY AUTHORITIES" variant folded in), "POSSIBLE". Empty when not given.
  std::vector<std::string> confidence;
};

struct MucTemplate {
  std::string incident_type;  // ATTACK BOMBING KIDNAPPING ARSON ROBBERY ...
                              // (the first alternative); empty when none
  bool optional = false;      // "1 (OPTIONAL)"
  std::vector<MucPerpetrator> perpetrators;  // PERP: ORGANIZATION ID
};

struct MucKey {
  std::string message_id;              // as MucMessage::id
  std::vector<MucTemplate> templates;  // empty: no relevant incident ("*")
};

// An answer-key file: one entry per message, in file order, templates of
// the same message gathered. Comment lines (";;;") are skipped.
absl::StatusOr<std::vector<MucKey>> ReadMucKeys(std::istream& in,
                                                const std::string& name);

// The quoted strings of a slot value: `"A" / "B"` -> {A, B}; `\"` inside a
// string is a quote. Text outside the quotes ("?", "/") is dropped.
std::vector<std::string> ParseMucStrings(std::string_view value);

// ---- Shared by the scorers ----

// Lenient text match: `a` occurs in `b` or `b` in `a`, case-insensitive
// (ASCII), whitespace collapsed, and only at word boundaries so that "he"
// does not match "the general". Empty texts never match.
bool LenientTextMatch(std::string_view a, std::string_view b);

// The size of a maximum one-to-one matching; matches[g][s] says whether gold
// item g may pair with system item s. One-to-one keeps each gold item
// counted once and precision at most 1 when a long system phrase covers
// several gold heads. When `pairs` is given, (*pairs)[g] is the system item
// paired with gold item g, or -1.
size_t MaxMatching(const std::vector<std::vector<bool>>& matches,
                   std::vector<int>* pairs = nullptr);

// Codes documents in batches that fill the parser, as the other scorers do.
inline void CodeInBatches(const EventCoder& coder,
                          const std::vector<Document>& docs,
                          std::vector<CodedDocument>* out) {
  out->resize(docs.size());
  constexpr size_t kBatch = 64;
  for (size_t i = 0; i < docs.size(); i += kBatch) {
    const size_t n = std::min(kBatch, docs.size() - i);
    coder.Code(std::span<const Document>(docs).subspan(i, n),
               std::span<CodedDocument>(*out).subspan(i, n));
  }
}

}  // namespace sitrep::eval

#endif  // SITREP_EVAL_GOLD_READERS_H_
