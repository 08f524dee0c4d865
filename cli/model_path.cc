#include "model_path.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace sitrep::cli {
namespace {

// $`variable` when set; else `relative` to the directory of the running
// binary, if that file exists; else `fallback`.
std::string Resolve(const char* variable, const std::filesystem::path& relative,
                    const std::string& fallback) {
  if (const char* path = std::getenv(variable);
      path != nullptr && *path != '\0') {
    return path;
  }
  std::error_code error;
  const std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const std::filesystem::path beside = exe.parent_path() / relative;
    if (std::filesystem::exists(beside, error)) return beside.string();
  }
  return fallback;
}

}  // namespace

std::string DefaultParserModelPath() {
  return Resolve("SITREP_PARSER_MODEL",
                 std::filesystem::path("..") / "models" / "en.parser",
                 SITREP_MODEL_DIR "/en.parser");
}

std::string DefaultLexiconPath() {
  return Resolve("SITREP_LEXICON", "en.lexicon", SITREP_LEXICON_PATH);
}

std::string DefaultGazetteerPath() {
  const std::string path =
      Resolve("SITREP_GAZETTEER", "gazetteer.idx", SITREP_GAZETTEER_PATH);
  std::error_code error;
  if (std::getenv("SITREP_GAZETTEER") == nullptr &&
      !std::filesystem::exists(path, error)) {
    return "";
  }
  return path;
}

void AddCoderOptions(CLI::App* cmd, std::string* model, std::string* lexicon) {
  cmd->add_option("--model", *model,
                  "parser model (default: $SITREP_PARSER_MODEL, else "
                  "models/en.parser)");
  cmd->add_option("--lexicon", *lexicon,
                  "compiled lexicon (default: $SITREP_LEXICON, else "
                  "en.lexicon beside the sitrep binary)");
}

std::unique_ptr<EventCoder> LoadEventCoder(const std::string& model,
                                           const std::string& lexicon,
                                           const std::string& homes) {
  EventCoderOptions options;
  options.parser_model = model.empty() ? DefaultParserModelPath() : model;
  options.lexicon = lexicon.empty() ? DefaultLexiconPath() : lexicon;
  options.gazetteer = DefaultGazetteerPath();
  if (!homes.empty()) {
    StatusOr<std::vector<SourceHome>> h = ReadSourceHomes(homes);
    if (!h.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", h.status().message().c_str());
      return nullptr;
    }
    options.source_homes = std::move(h).value();
  }
  StatusOr<std::unique_ptr<EventCoder>> coder = EventCoder::Create(options);
  if (!coder.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", coder.status().message().c_str());
    return nullptr;
  }
  return std::move(coder).value();
}

}  // namespace sitrep::cli
