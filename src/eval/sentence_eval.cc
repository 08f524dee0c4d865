// Sentence-boundary scoring (include/sitrep/eval.h).
#include <algorithm>
#include <set>

#include "common/status.h"
#include "eval/conllu_text.h"
#include "sitrep/eval.h"

namespace sitrep {

double PrecisionRecall::precision() const {
  return predicted == 0 ? 0.0 : static_cast<double>(correct) / predicted;
}
double PrecisionRecall::recall() const {
  return gold == 0 ? 0.0 : static_cast<double>(correct) / gold;
}
double PrecisionRecall::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

StatusOr<SentenceBoundaryScores> EvaluateSentenceBoundaries(
    const std::string& conllu_path, const TextAnalyzer& analyzer) {
  absl::StatusOr<std::vector<eval::GoldDocument>> docs =
      eval::ReadConlluDocuments(conllu_path);
  if (!docs.ok()) return ToPublicStatus(docs.status());
  SentenceBoundaryScores scores;
  for (const eval::GoldDocument& gold : *docs) {
    Document doc;
    doc.id = gold.id;
    doc.text = gold.text;
    AnalyzedText analyzed;
    if (Status s = analyzer.Analyze(doc, &analyzed); !s.ok()) return s;
    ++scores.documents;
    // Boundaries are sentence ends inside the document; a sentence is the
    // pair (start, end) with the start taken as the previous end.
    std::set<size_t> gold_ends(gold.sentence_ends.begin(),
                               gold.sentence_ends.end());
    std::set<std::pair<size_t, size_t>> gold_sentences;
    size_t previous = 0;
    for (size_t end : gold.sentence_ends) {
      gold_sentences.insert({previous, end});
      previous = end;
    }
    scores.gold_sentences += gold.sentence_ends.size();
    scores.predicted_sentences += analyzed.sentences.size();
    scores.sentences.gold += gold_sentences.size();
    scores.sentences.predicted += analyzed.sentences.size();
    previous = 0;
    for (size_t i = 0; i < analyzed.sentences.size(); ++i) {
      const size_t end = analyzed.sentences[i].span.end;
      scores.sentences.correct += gold_sentences.count({previous, end});
      previous = end;
      if (i + 1 < analyzed.sentences.size()) {
        ++scores.boundaries.predicted;
        scores.boundaries.correct += gold_ends.count(end);
      }
    }
    if (!gold.sentence_ends.empty())
      scores.boundaries.gold += gold.sentence_ends.size() - 1;
  }
  return scores;
}

}  // namespace sitrep
