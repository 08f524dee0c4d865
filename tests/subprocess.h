// Runs the sitrep binary for end-to-end tests: arguments, standard input
// from a string, standard output and error captured, exit code and peak
// memory (max RSS) reported.
#ifndef SITREP_TESTS_SUBPROCESS_H_
#define SITREP_TESTS_SUBPROCESS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sitrep::e2e {

struct RunResult {
  int exit_code = -1;  // -1: did not exit normally
  std::string out;
  std::string err;
  long max_rss_kb = 0;
};

// Runs `argv` (argv[0] is the program path) with `input` on standard input.
RunResult RunCommand(const std::vector<std::string>& argv,
                     const std::string& input = "");

// Parses JSON-lines output, one value per line.
std::vector<nlohmann::json> ParseJsonLines(const std::string& out);

// The sitrep binary under test.
std::string SitrepBinary();

}  // namespace sitrep::e2e

#endif  // SITREP_TESTS_SUBPROCESS_H_
