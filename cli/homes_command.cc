// sitrep homes: where each source of a batch of reports is at home, learned
// from the places its reports name (sitrep/source_homes.h), written as a
// table that `sitrep code --homes` reads back.
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "batch.h"
#include "commands.h"
#include "exit_codes.h"
#include "model_path.h"
#include "sitrep/events.h"
#include "sitrep/places.h"
#include "sitrep/source_homes.h"

namespace sitrep::cli {
namespace {

struct HomesOptions {
  InputOptions input;
  std::string output = "-";
  std::string model;
  std::string lexicon;
};

// Reports coded together, as `sitrep code` does on one worker.
constexpr size_t kBatchDocuments = 48;

int RunHomes(const HomesOptions& options) {
  const std::string gazetteer = DefaultGazetteerPath();
  if (gazetteer.empty()) {
    std::fprintf(stderr,
                 "sitrep homes: no gazetteer index (build it with `make`)\n");
    return kExitUsage;
  }
  const std::unique_ptr<EventCoder> coder =
      LoadEventCoder(options.model, options.lexicon);
  if (coder == nullptr) return kExitUsage;
  StatusOr<std::unique_ptr<PlaceLookup>> places = PlaceLookup::Open(gazetteer);
  if (!places.ok()) {
    std::fprintf(stderr, "sitrep homes: %s\n",
                 places.status().ToString().c_str());
    return kExitInternal;
  }
  SourceHomeLearner learner(**places);
  std::vector<Document> batch;
  auto learn = [&] {
    std::vector<CodedDocument> coded(batch.size());
    coder->Code(batch, std::span<CodedDocument>(coded));
    for (size_t i = 0; i < batch.size(); ++i) {
      learner.Observe(batch[i], coded[i]);
    }
    batch.clear();
  };
  const BatchCounts counts =
      ForEachRecord(options.input, [&](InputRecord& record) {
        if (record.rejected()) return false;
        // Only reports that name their source can tell where it is.
        if (record.document.source.empty()) return true;
        batch.push_back(std::move(record.document));
        if (batch.size() == kBatchDocuments) learn();
        return true;
      });
  if (!batch.empty()) learn();
  OutputFile out;
  if (!out.Open(options.output)) return kExitUsage;
  const std::vector<SourceHome> homes = learner.Homes();
  out.buffer()->append(SourceHomesToTsv(homes));
  if (!out.Close()) return kExitInternal;
  std::fprintf(stderr, "sitrep homes: %zu sources placed, from %llu reports\n",
               homes.size(), static_cast<unsigned long long>(counts.documents));
  if (counts.input_failed || counts.rejected > 0) return kExitRejected;
  return kExitOk;
}

}  // namespace

Runner RegisterHomes(CLI::App& app) {
  auto options = std::make_shared<HomesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "homes",
      "Learn where each source is at home (its readers' state or country) "
      "from the places its reports name, for `sitrep code --homes`: a local "
      "paper's 'Dublin' is then its own state's Dublin unless the report "
      "says otherwise. Writes a table: source, country, admin1, documents, "
      "share.");
  AddInputOptions(cmd, &options->input, "--input-format");
  cmd->add_option("-o,--output", options->output,
                  "write here (default: standard output)");
  AddCoderOptions(cmd, &options->model, &options->lexicon);
  return [cmd, options] {
    if (cmd->parsed()) return RunHomes(*options);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
