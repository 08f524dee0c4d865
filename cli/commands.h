// The verbs of `sitrep VERB`. Each verb's file owns an options struct whose
// fields map one to one to its flags, a Register function that declares the
// flags on CLI11, and a Run function that returns an exit code
// (cli/exit_codes.h). Verbs use only the public headers in include/sitrep.
#ifndef SITREP_CLI_COMMANDS_H_
#define SITREP_CLI_COMMANDS_H_

#include <functional>

#include <CLI/CLI.hpp>

namespace sitrep::cli {

// Declares a verb on `app`; the returned callback runs it once parsed.
using Runner = std::function<int()>;
Runner RegisterSplit(CLI::App& app);
Runner RegisterEval(CLI::App& app);
Runner RegisterParse(CLI::App& app);
Runner RegisterCode(CLI::App& app);
Runner RegisterTrainParser(CLI::App& app);
Runner RegisterPlaces(CLI::App& app);
Runner RegisterHomes(CLI::App& app);
Runner RegisterIngest(CLI::App& app);
Runner RegisterQuery(CLI::App& app);
Runner RegisterExport(CLI::App& app);
Runner RegisterMerge(CLI::App& app);
Runner RegisterIncidents(CLI::App& app);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_COMMANDS_H_
