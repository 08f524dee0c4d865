#include "model_path.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace sitrep::cli {

std::string DefaultParserModelPath() {
  if (const char* path = std::getenv("SITREP_PARSER_MODEL");
      path != nullptr && *path != '\0') {
    return path;
  }
  std::error_code error;
  const std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const std::filesystem::path beside =
        exe.parent_path().parent_path() / "models" / "en.parser";
    if (std::filesystem::exists(beside, error)) return beside.string();
  }
  return SITREP_MODEL_DIR "/en.parser";
}

std::string DefaultLexiconPath() {
  if (const char* path = std::getenv("SITREP_LEXICON");
      path != nullptr && *path != '\0') {
    return path;
  }
  std::error_code error;
  const std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const std::filesystem::path beside = exe.parent_path() / "en.lexicon";
    if (std::filesystem::exists(beside, error)) return beside.string();
  }
  return SITREP_LEXICON_PATH;
}

}  // namespace sitrep::cli
