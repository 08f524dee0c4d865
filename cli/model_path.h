// Where the verbs that need the parser model find it by default.
#ifndef SITREP_CLI_MODEL_PATH_H_
#define SITREP_CLI_MODEL_PATH_H_

#include <string>

namespace sitrep::cli {

// $SITREP_PARSER_MODEL when set; else models/en.parser beside the binary's
// directory (build/sitrep -> models/en.parser of the checkout), if it
// exists; else the source tree's models/en.parser as configured at build
// time.
std::string DefaultParserModelPath();

}  // namespace sitrep::cli

#endif  // SITREP_CLI_MODEL_PATH_H_
