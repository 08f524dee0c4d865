// sitrep eval: scores sitrep on gold files and prints per-field figures.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "model_path.h"
#include "sitrep/eval.h"
#include "sitrep/syntax.h"
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

struct EvalUdOptions {
  std::string gold;
  std::string system;  // empty: parse the gold file's words with the model
  std::string model;
};

int RunEvalUd(const EvalUdOptions& options) {
  StatusOr<std::vector<SyntaxSentence>> gold = ReadConlluFile(options.gold);
  if (!gold.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", gold.status().message().c_str());
    return kExitUsage;
  }
  std::vector<SyntaxSentence> system;
  std::string parsed_with;
  double seconds = 0;
  size_t words = 0;
  if (!options.system.empty()) {
    StatusOr<std::vector<SyntaxSentence>> read = ReadConlluFile(options.system);
    if (!read.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", read.status().message().c_str());
      return kExitUsage;
    }
    system = std::move(read).value();
  } else {
    const std::string model =
        options.model.empty() ? DefaultParserModelPath() : options.model;
    StatusOr<std::unique_ptr<Parser>> parser = Parser::Load(model);
    if (!parser.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", parser.status().message().c_str());
      return kExitUsage;
    }
    // The gold words with everything the parser predicts removed.
    system = *gold;
    for (SyntaxSentence& s : system) {
      for (SyntaxWord& w : s.words) {
        SyntaxWord bare;
        bare.form = std::move(w.form);
        bare.misc = std::move(w.misc);
        w = std::move(bare);
        ++words;
      }
    }
    const auto start = std::chrono::steady_clock::now();
    (*parser)->Parse(system);
    seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    parsed_with = model;
  }
  StatusOr<UdScores> scores = EvaluateUd(*gold, system);
  if (!scores.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", scores.status().message().c_str());
    return kExitUsage;
  }
  std::printf("gold: %s (%zu sentences, %zu words)\n", options.gold.c_str(),
              gold->size(), scores->gold_words);
  if (parsed_with.empty()) {
    std::printf("system: %s (%zu words)\n", options.system.c_str(),
                scores->system_words);
  } else {
    std::printf(
        "system: %s on the gold tokenisation, %.2f s (%.0f words/s, one "
        "thread)\n",
        parsed_with.c_str(), seconds, words / std::max(seconds, 1e-9));
  }
  std::printf("%-8s %6.2f\n", "Words", scores->words_f1);
  std::printf("%-8s %6.2f\n", "UPOS", scores->upos);
  std::printf("%-8s %6.2f\n", "XPOS", scores->xpos);
  std::printf("%-8s %6.2f\n", "UFeats", scores->ufeats);
  std::printf("%-8s %6.2f\n", "Lemma", scores->lemma);
  std::printf("%-8s %6.2f\n", "UAS", scores->uas);
  std::printf("%-8s %6.2f\n", "LAS", scores->las);
  std::printf("%-8s %6.2f\n", "CLAS", scores->clas);
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
  auto ud = std::make_shared<EvalUdOptions>();
  CLI::App* ud_cmd = eval->add_subcommand(
      "ud",
      "Tagging, lemmas and dependencies against a gold CoNLL-U file (e.g. UD "
      "English EWT test), scored as the CoNLL 2018 shared task does (LAS on "
      "the universal part of the relation). Without --system, the gold "
      "file's words are parsed with the model.");
  ud_cmd->add_option("gold", ud->gold, "gold CoNLL-U file")
      ->required()
      ->check(CLI::ExistingFile);
  ud_cmd
      ->add_option("--system", ud->system,
                   "score this CoNLL-U file instead of parsing")
      ->check(CLI::ExistingFile);
  ud_cmd->add_option("--model", ud->model,
                     "parser model (default: $SITREP_PARSER_MODEL, else "
                     "models/en.parser)");
  return [cmd, sentences, ud_cmd, ud] {
    if (cmd->parsed()) return RunEvalSentences(*sentences);
    if (ud_cmd->parsed()) return RunEvalUd(*ud);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
