// Reads the raw text of a CoNLL-U file's documents: the `# text =` line of
// each sentence, grouped by `# newdoc` and `# newpar`. Token lines are not
// needed for sentence-boundary scoring and are skipped.
#ifndef SITREP_EVAL_CONLLU_TEXT_H_
#define SITREP_EVAL_CONLLU_TEXT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace sitrep::eval {

struct GoldDocument {
  std::string id;
  std::string text;  // paragraphs joined by "\n\n", sentences by " "
  std::vector<size_t> sentence_ends;  // byte offset just past each sentence
};

absl::StatusOr<std::vector<GoldDocument>> ReadConlluDocuments(
    const std::string& path);

}  // namespace sitrep::eval

#endif  // SITREP_EVAL_CONLLU_TEXT_H_
