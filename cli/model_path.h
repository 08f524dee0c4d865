// Where the verbs that need the parser model and the lexicon find them by
// default.
#ifndef SITREP_CLI_MODEL_PATH_H_
#define SITREP_CLI_MODEL_PATH_H_

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "sitrep/events.h"

namespace sitrep::cli {

// $SITREP_PARSER_MODEL when set; else models/en.parser beside the binary's
// directory (build/sitrep -> models/en.parser of the checkout), if it
// exists; else the source tree's models/en.parser as configured at build
// time.
std::string DefaultParserModelPath();

// $SITREP_LEXICON when set; else en.lexicon beside the binary (the build
// compiles data/lexicon into build/en.lexicon); else the build directory's
// as configured.
std::string DefaultLexiconPath();

// $SITREP_GAZETTEER when set; else gazetteer.idx beside the binary (the
// build compiles it from node_modules and data/gazetteer); else the build
// directory's as configured. "" when none of these exists: the coder then
// runs without one.
std::string DefaultGazetteerPath();

// Declares --model and --lexicon, the coder's files, on a verb.
void AddCoderOptions(CLI::App* cmd, std::string* model, std::string* lexicon);

// The event coder with the given model and lexicon (empty: the defaults)
// and the homes file of `sitrep homes` (empty: none); nullptr after
// printing why on standard error.
std::unique_ptr<EventCoder> LoadEventCoder(const std::string& model,
                                           const std::string& lexicon,
                                           const std::string& homes = "");

}  // namespace sitrep::cli

#endif  // SITREP_CLI_MODEL_PATH_H_
