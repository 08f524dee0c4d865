// sitrep eval: scores sitrep on gold files and prints per-field figures.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "sitrep/eval.h"
#include "sitrep/text.h"

namespace sitrep::cli {
namespace {

struct EvalSentencesOptions {
  std::string conllu;
};

void PrintRow(const char* name, const PrecisionRecall& pr) {
  std::printf(
      "%-12s P %6.2f  R %6.2f  F1 %6.2f   (%zu correct, %zu predicted, %zu "
      "gold)\n",
      name, 100 * pr.precision(), 100 * pr.recall(), 100 * pr.f1(), pr.correct,
      pr.predicted, pr.gold);
}

int RunEvalSentences(const EvalSentencesOptions& options) {
  StatusOr<std::unique_ptr<TextAnalyzer>> analyzer = TextAnalyzer::Create();
  if (!analyzer.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", analyzer.status().ToString().c_str());
    return kExitInternal;
  }
  StatusOr<SentenceBoundaryScores> scores =
      EvaluateSentenceBoundaries(options.conllu, **analyzer);
  if (!scores.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", scores.status().message().c_str());
    return scores.status().code() == StatusCode::kInternal ? kExitInternal
                                                           : kExitUsage;
  }
  std::printf("sentence boundaries: %s\n", options.conllu.c_str());
  std::printf("documents %zu, gold sentences %zu, predicted sentences %zu\n",
              scores->documents, scores->gold_sentences,
              scores->predicted_sentences);
  PrintRow("boundaries", scores->boundaries);
  PrintRow("sentences", scores->sentences);
  return kExitOk;
}

}  // namespace

Runner RegisterEval(CLI::App& app) {
  CLI::App* eval = app.add_subcommand(
      "eval",
      "Score sitrep against gold files and print precision, recall and F1.");
  eval->require_subcommand(1);
  auto sentences = std::make_shared<EvalSentencesOptions>();
  CLI::App* cmd = eval->add_subcommand(
      "sentences",
      "Sentence boundaries against a CoNLL-U file (e.g. UD English EWT test): "
      "each `# newdoc` document is rebuilt from its `# text` lines and split "
      "again; boundaries inside documents are scored.");
  cmd->add_option("conllu", sentences->conllu, "gold CoNLL-U file")
      ->required()
      ->check(CLI::ExistingFile);
  return [cmd, sentences] {
    if (cmd->parsed()) return RunEvalSentences(*sentences);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
