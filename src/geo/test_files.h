// Test helper for the gazetteer's sources: a file of the given contents in
// the test's temporary directory.
#ifndef SITREP_GEO_TEST_FILES_H_
#define SITREP_GEO_TEST_FILES_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace sitrep::geo {

// Writes `contents` to `name` in ::testing::TempDir(); returns its path.
inline std::string WriteTestFile(const std::string& name,
                                 const std::string& contents) {
  const std::string path =
      (std::filesystem::path(::testing::TempDir()) / name).string();
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

}  // namespace sitrep::geo

#endif  // SITREP_GEO_TEST_FILES_H_
