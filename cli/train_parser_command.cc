// sitrep train-parser: trains the tagger, lemmatiser and parser on a
// Universal Dependencies treebank and writes the model file.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "sitrep/syntax.h"

namespace sitrep::cli {
namespace {

struct TrainParserOptions {
  std::string train;
  std::string dev;
  std::string output;
  int epochs = 0;
  int threads = 2;
  uint64_t seed = 1;
};

int RunTrainParser(const TrainParserOptions& options) {
  ParserTrainingOptions training;
  training.train_path = options.train;
  training.dev_path = options.dev;
  training.output_path = options.output;
  training.epochs = options.epochs;
  training.threads = options.threads;
  training.seed = options.seed;
  training.log = [](const std::string& line) {
    std::fprintf(stderr, "%s\n", line.c_str());
  };
  const Status status = TrainParser(training);
  if (!status.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", status.ToString().c_str());
    return status.code() == StatusCode::kInvalidArgument ||
                   status.code() == StatusCode::kNotFound
               ? kExitUsage
               : kExitInternal;
  }
  return kExitOk;
}

}  // namespace

Runner RegisterTrainParser(CLI::App& app) {
  auto options = std::make_shared<TrainParserOptions>();
  CLI::App* cmd = app.add_subcommand(
      "train-parser",
      "Train the part-of-speech tagger, lemmatiser and dependency parser on a "
      "Universal Dependencies treebank (CoNLL-U) and write the model file. "
      "Deterministic for a given seed and thread count.");
  cmd->add_option("--train", options->train, "training treebank (CoNLL-U)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--dev", options->dev,
                  "development treebank (CoNLL-U), to pick the best epoch")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", options->output, "model file to write")
      ->required();
  cmd->add_option("--epochs", options->epochs,
                  "passes over the training data (0: the default schedule)")
      ->check(CLI::Range(0, 1000));
  cmd->add_option("--threads", options->threads, "training threads (1 or 2)")
      ->check(CLI::Range(1, 2));
  cmd->add_option("--seed", options->seed, "random seed");
  return [cmd, options] {
    if (cmd->parsed()) return RunTrainParser(*options);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
