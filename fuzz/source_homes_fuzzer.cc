// Fuzzes the reader of the homes table (`sitrep code --homes FILE`, a file a
// person may write): any bytes are refused with a status naming the line,
// or read as homes that write out and read back as many.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "sitrep/source_homes.h"

namespace {

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() /
          (std::to_string(::getpid()) + "_" + name))
      .string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = TempPath("source_homes_fuzz.tsv");
  static const std::string again = TempPath("source_homes_fuzz_again.tsv");
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data),
             static_cast<std::streamsize>(size));
  const sitrep::StatusOr<std::vector<sitrep::SourceHome>> homes =
      sitrep::ReadSourceHomes(path);
  if (!homes.ok()) return 0;
  std::ofstream(again, std::ios::binary | std::ios::trunc)
      << sitrep::SourceHomesToTsv(homes.value());
  const sitrep::StatusOr<std::vector<sitrep::SourceHome>> read =
      sitrep::ReadSourceHomes(again);
  if (!read.ok() || read->size() != homes->size()) std::abort();
  return 0;
}
