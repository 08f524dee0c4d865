#include "syntax/model_format.h"

#include <unistd.h>

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace sitrep::syntax {
namespace {

std::string TwoSections() {
  ModelFileWriter writer;
  writer.AddSection("meta", "hello");
  writer.AddSection("weights", std::string(1000, 'w'));
  return writer.Serialize();
}

// Rewrites the checksum after a deliberate change to the header or table,
// so that the check under test is the one that fires.
void FixChecksum(std::string* bytes) {
  const uint32_t crc = static_cast<uint32_t>(crc32(
      crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes->data() + 64),
      static_cast<uInt>(bytes->size() - 64)));
  std::memcpy(bytes->data() + 24, &crc, 4);
}

TEST(ModelFormatTest, RoundTripsSectionsAligned) {
  auto file = ModelFile::FromBytes(TwoSections(), "t");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ((*file)->Section("meta"), "hello");
  ASSERT_TRUE((*file)->Section("weights").has_value());
  EXPECT_EQ((*file)->Section("weights")->size(), 1000u);
  EXPECT_EQ(
      reinterpret_cast<uintptr_t>((*file)->Section("weights")->data()) % 64,
      0u);
  EXPECT_FALSE((*file)->Section("missing").has_value());
}

TEST(ModelFormatTest, WritesAndMapsAFile) {
  const std::string path =
      (std::filesystem::temp_directory_path() /
       (std::to_string(::getpid()) + "_sitrep_model_format_test.bin"))
          .string();
  ModelFileWriter writer;
  writer.AddSection("a", "xyz");
  ASSERT_TRUE(writer.Write(path).ok());
  auto file = ModelFile::Open(path);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ((*file)->Section("a"), "xyz");
  std::filesystem::remove(path);
}

TEST(ModelFormatTest, EveryTruncationIsDataLossOrNotAModel) {
  const std::string bytes = TwoSections();
  for (size_t size : {size_t{0}, size_t{10}, size_t{63}, size_t{64},
                      size_t{100}, bytes.size() - 1}) {
    auto file = ModelFile::FromBytes(bytes.substr(0, size), "t");
    ASSERT_FALSE(file.ok()) << size;
    EXPECT_TRUE(file.status().code() == absl::StatusCode::kDataLoss ||
                file.status().code() == absl::StatusCode::kInvalidArgument)
        << file.status();
  }
}

TEST(ModelFormatTest, FlippedPayloadByteFailsTheChecksum) {
  std::string bytes = TwoSections();
  bytes[bytes.size() - 100] ^= 1;
  auto file = ModelFile::FromBytes(bytes, "t");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(file.status().message().find("checksum"), std::string::npos);
}

TEST(ModelFormatTest, ForeignFileAndFutureVersion) {
  auto foreign = ModelFile::FromBytes(std::string(200, 'x'), "t");
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.status().message().find("not a sitrep model"),
            std::string::npos);
  std::string bytes = TwoSections();
  const uint32_t future = kModelContainerVersion + 1;
  std::memcpy(bytes.data() + 8, &future, 4);
  auto file = ModelFile::FromBytes(bytes, "t");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(ModelFormatTest, SectionBeyondTheEndIsRejected) {
  std::string bytes = TwoSections();
  const uint64_t huge = uint64_t{1} << 40;
  std::memcpy(bytes.data() + 64 + 64 + 56, &huge, 8);  // second size
  FixChecksum(&bytes);
  auto file = ModelFile::FromBytes(bytes, "t");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), absl::StatusCode::kDataLoss);
  std::string misaligned = TwoSections();
  const uint64_t offset = 3;
  std::memcpy(misaligned.data() + 64 + 48, &offset, 8);
  FixChecksum(&misaligned);
  EXPECT_FALSE(ModelFile::FromBytes(misaligned, "t").ok());
}

TEST(ModelFormatTest, MissingFileAndDirectory) {
  auto missing = ModelFile::Open("/nonexistent/sitrep.model");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(
      ModelFile::Open(std::filesystem::temp_directory_path().string()).ok());
}

}  // namespace
}  // namespace sitrep::syntax
