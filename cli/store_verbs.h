// What the verbs over a store share (cli/merge_command.cc).
#ifndef SITREP_CLI_STORE_VERBS_H_
#define SITREP_CLI_STORE_VERBS_H_

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "sitrep/incidents.h"
#include "sitrep/store.h"

namespace sitrep::cli {

// The store at `url`; nullptr after saying why on standard error, with the
// exit code in *exit_code (usage for a bad URL, else internal).
std::unique_ptr<Store> OpenStoreOrSay(const std::string& verb,
                                      const std::string& url, int* exit_code);

// Runs the incident merge and reports its figures on standard error; false
// after an error (said).
bool RunMergeStep(Store& store, const MergeOptions& options);

// Declares --window-days, --max-km and --min-score.
void AddMergeOptions(CLI::App* cmd, MergeOptions* options);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_STORE_VERBS_H_
