// sitrep: reports about armed conflict in, structured incident records out.
#include <cstdio>
#include <exception>
#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "exit_codes.h"
#include "sitrep/version.h"

int main(int argc, char** argv) {
  using namespace sitrep::cli;  // NOLINT(google-build-using-namespace): main
                                // only
  CLI::App app{
      "sitrep turns reports about armed conflict into a structured, "
      "source-attributed record of incidents.\n"
      "Exit codes: 0 ok, 1 internal or I/O failure, 2 usage error, "
      "3 some input rejected (see the per-document errors)."};
  app.set_version_flag("--version", std::string("sitrep ") + sitrep::Version());
  app.require_subcommand(1);
  std::map<std::string, Runner> runners;
  runners["split"] = RegisterSplit(app);
  runners["eval"] = RegisterEval(app);
  runners["parse"] = RegisterParse(app);
  runners["code"] = RegisterCode(app);
  runners["train-parser"] = RegisterTrainParser(app);
  runners["places"] = RegisterPlaces(app);
  runners["homes"] = RegisterHomes(app);
  runners["ingest"] = RegisterIngest(app);
  runners["query"] = RegisterQuery(app);
  runners["export"] = RegisterExport(app);
  runners["merge"] = RegisterMerge(app);
  runners["incidents"] = RegisterIncidents(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    for (const auto& [name, run] : runners) {
      if (app.got_subcommand(name)) return run();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sitrep: internal error: %s\n", e.what());
    return kExitInternal;
  }
  return kExitUsage;
}
