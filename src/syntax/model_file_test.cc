#include "syntax/model_file.h"

#include <zlib.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace sitrep::syntax {
namespace {

using ::absl::StatusCode;

// Offsets of the documented layout, for tests that corrupt it on purpose.
constexpr size_t kVersionAt = 8;
constexpr size_t kCountAt = 12;
constexpr size_t kSizeAt = 16;
constexpr size_t kCrcAt = 24;
constexpr size_t kTableAt = 64;
constexpr size_t kEntry = 64;
constexpr size_t kOffsetInEntry = 48;
constexpr size_t kSizeInEntry = 56;

std::string Serialize(const ModelFileWriter& writer) {
  absl::StatusOr<std::string> bytes = writer.Serialize();
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : std::string();
}

// "weights" (100 floats), "meta" (a few bytes), "empty" (none).
std::string ThreeSections() {
  ModelFileWriter writer;
  std::string weights(400, '\0');
  for (int i = 0; i < 100; ++i) {
    const float f = 0.5f * i;
    std::memcpy(weights.data() + size_t{4} * i, &f, 4);
  }
  writer.AddSection("weights", weights);
  writer.AddSection("meta", "parser v1");
  writer.AddSection("empty", "");
  return Serialize(writer);
}

template <typename T>
void Put(std::string* bytes, size_t at, T value) {
  std::memcpy(bytes->data() + at, &value, sizeof value);
}

// Recomputes the checksum, so that a test reaches the structural checks.
void FixChecksum(std::string* bytes) {
  const uLong crc = crc32(crc32(0L, Z_NULL, 0),
                          reinterpret_cast<const Bytef*>(bytes->data()) + 64,
                          static_cast<uInt>(bytes->size() - 64));
  Put<uint32_t>(bytes, kCrcAt, static_cast<uint32_t>(crc));
}

absl::Status OpenBytes(const std::string& bytes) {
  return ModelFile::FromBytes(bytes, "test.model").status();
}

bool Contains(const absl::Status& status, std::string_view text) {
  return std::string(status.message()).find(text) != std::string::npos;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::path(::testing::TempDir()) / name).string();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

TEST(ModelFileTest, RoundTripsSectionsAligned) {
  const std::string bytes = ThreeSections();
  EXPECT_EQ(bytes.size() % 64, 0u);
  auto file = ModelFile::FromBytes(bytes, "t");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ((*file)->section_names(),
            (std::vector<std::string_view>{"weights", "meta", "empty"}));
  EXPECT_EQ((*file)->Section("meta"), "parser v1");
  EXPECT_EQ((*file)->Section("empty"), "");
  EXPECT_EQ((*file)->Section("missing"), std::nullopt);
  EXPECT_EQ((*file)->Section("weight"), std::nullopt);
  EXPECT_EQ((*file)->size_bytes(), bytes.size());
  for (std::string_view name : (*file)->section_names()) {
    EXPECT_EQ(reinterpret_cast<uintptr_t>((*file)->Section(name)->data()) % 64,
              0u)
        << name;
  }
  const std::string_view weights = *(*file)->Section("weights");
  ASSERT_EQ(weights.size(), 400u);
  EXPECT_EQ(reinterpret_cast<const float*>(weights.data())[7], 3.5f);
}

TEST(ModelFileTest, LayoutIsTheDocumentedOne) {
  ModelFileWriter writer;
  writer.AddSection("a", "xyz");
  const std::string bytes = Serialize(writer);
  ASSERT_EQ(bytes.size(), 192u);  // header, one entry, one padded payload
  EXPECT_EQ(bytes.substr(0, 8), "SITREPMF");
  uint32_t u32 = 0;
  uint64_t u64 = 0;
  std::memcpy(&u32, bytes.data() + kVersionAt, 4);
  EXPECT_EQ(u32, kModelFileVersion);
  std::memcpy(&u32, bytes.data() + kCountAt, 4);
  EXPECT_EQ(u32, 1u);
  std::memcpy(&u64, bytes.data() + kSizeAt, 8);
  EXPECT_EQ(u64, 192u);
  EXPECT_EQ(bytes.substr(28, 36), std::string(36, '\0'));
  EXPECT_EQ(bytes.substr(kTableAt, 2), std::string("a\0", 2));
  std::memcpy(&u64, bytes.data() + kTableAt + kOffsetInEntry, 8);
  EXPECT_EQ(u64, 128u);
  std::memcpy(&u64, bytes.data() + kTableAt + kSizeInEntry, 8);
  EXPECT_EQ(u64, 3u);
  EXPECT_EQ(bytes.substr(128, 3), "xyz");
  EXPECT_EQ(bytes.substr(131), std::string(61, '\0'));
}

TEST(ModelFileTest, NoSectionsIsAValidFile) {
  const std::string bytes = Serialize(ModelFileWriter());
  EXPECT_EQ(bytes.size(), 64u);
  auto file = ModelFile::FromBytes(bytes, "t");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_TRUE((*file)->section_names().empty());
}

TEST(ModelFileTest, WriterRejectsBadSectionNames) {
  for (const std::string& name :
       {std::string(), std::string(48, 'x'), std::string("a\0b", 3)}) {
    ModelFileWriter writer;
    writer.AddSection(name, "x");
    EXPECT_EQ(writer.Serialize().status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(writer.Write(TempPath("bad_name.model")).code(),
              StatusCode::kInvalidArgument);
  }
  ModelFileWriter longest;
  longest.AddSection(std::string(47, 'x'), "x");
  auto file = ModelFile::FromBytes(Serialize(longest), "t");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_TRUE((*file)->Section(std::string(47, 'x')).has_value());

  ModelFileWriter twice;
  twice.AddSection("a", "1");
  twice.AddSection("a", "2");
  EXPECT_EQ(twice.Serialize().status().code(), StatusCode::kInvalidArgument);
}

TEST(ModelFileTest, WritesAndMapsAFile) {
  const std::string path = TempPath("sitrep_model_file_test.model");
  WriteFile(path, "an older file that the new one replaces");
  ModelFileWriter writer;
  writer.AddSection("a", "xyz");
  ASSERT_TRUE(writer.Write(path).ok());
  auto file = ModelFile::Open(path);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ((*file)->Section("a"), "xyz");
  EXPECT_EQ(reinterpret_cast<uintptr_t>((*file)->Section("a")->data()) % 64,
            0u);
  // No temporary file is left beside it.
  int siblings = 0;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(path).parent_path())) {
    siblings += entry.path().filename().string().starts_with(
        "sitrep_model_file_test.model");
  }
  EXPECT_EQ(siblings, 1);
  std::filesystem::remove(path);
}

TEST(ModelFileTest, WriteIntoAMissingDirectoryFails) {
  ModelFileWriter writer;
  writer.AddSection("a", "xyz");
  const absl::Status status = writer.Write(TempPath("no/such/dir/x.model"));
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status;
}

TEST(ModelFileTest, EveryTruncationIsReportedAsSuch) {
  const std::string bytes = ThreeSections();
  for (size_t size = 0; size < bytes.size(); ++size) {
    const absl::Status status = OpenBytes(bytes.substr(0, size));
    ASSERT_FALSE(status.ok()) << size;
    if (size == 0) {
      EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
      EXPECT_TRUE(Contains(status, "empty file")) << status;
    } else {
      EXPECT_EQ(status.code(), StatusCode::kDataLoss) << size;
      EXPECT_TRUE(Contains(status, "truncated")) << status;
    }
  }
  const absl::Status status = OpenBytes(bytes.substr(0, 200));
  EXPECT_TRUE(Contains(status, "truncated: header says " +
                                   std::to_string(bytes.size()) +
                                   " bytes, file has 200"))
      << status;
  EXPECT_TRUE(Contains(OpenBytes(bytes + "x"), "trailing bytes"));
}

TEST(ModelFileTest, TruncatedFileOnDisk) {
  const std::string bytes = ThreeSections();
  const std::string path = TempPath("sitrep_truncated.model");
  WriteFile(path, bytes.substr(0, bytes.size() / 2));
  auto file = ModelFile::Open(path);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), StatusCode::kDataLoss);
  EXPECT_TRUE(Contains(file.status(), path + ": truncated")) << file.status();
  std::filesystem::remove(path);
}

TEST(ModelFileTest, EveryFlippedByteIsCaught) {
  // The checksum covers everything after the header, and every header field
  // is checked on its own, so no single corrupt byte gets through.
  const std::string bytes = ThreeSections();
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit : {0, 7}) {
      std::string corrupt = bytes;
      corrupt[i] ^= static_cast<char>(1 << bit);
      ASSERT_FALSE(OpenBytes(corrupt).ok()) << "byte " << i << " bit " << bit;
    }
  }
  std::string payload = bytes;
  payload[payload.size() - 100] ^= 1;
  const absl::Status status = OpenBytes(payload);
  EXPECT_EQ(status.code(), StatusCode::kDataLoss);
  EXPECT_TRUE(Contains(status, "checksum mismatch")) << status;
}

TEST(ModelFileTest, ForeignFiles) {
  for (const std::string& bytes :
       {std::string("this is not a model\n"), std::string(200, 'x'),
        std::string("\x7f"
                    "ELF\x02\x01\x01",
                    7),
        std::string("S")}) {
    const absl::Status status = OpenBytes(bytes);
    if (bytes == "S") {  // a prefix of the magic: a truncated model
      EXPECT_EQ(status.code(), StatusCode::kDataLoss);
      continue;
    }
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << status;
    EXPECT_TRUE(Contains(status, "not a sitrep model")) << status;
  }
}

TEST(ModelFileTest, OtherVersionsAreRefused) {
  for (uint32_t version : {0u, 2u, 7u, 0xFFFFFFFFu}) {
    std::string bytes = ThreeSections();
    Put<uint32_t>(&bytes, kVersionAt, version);
    const absl::Status status = OpenBytes(bytes);
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
    EXPECT_TRUE(Contains(status, "model format version " +
                                     std::to_string(version) +
                                     ", this build reads 1"))
        << status;
  }
}

// Section-table corruptions behind a valid checksum, as a buggy or hostile
// writer would make them.
TEST(ModelFileTest, BadSectionTablesAreDataLoss) {
  const std::string good = ThreeSections();
  const size_t second = kTableAt + kEntry;  // the "meta" entry
  struct Case {
    const char* name;
    size_t at;
    uint64_t value;
    int width;  // bytes
    const char* message;
  };
  const Case cases[] = {
      {"misaligned offset", second + kOffsetInEntry, 3, 8,
       "not 64-byte aligned"},
      {"offset past the end", second + kOffsetInEntry, uint64_t{1} << 40, 8,
       "runs past the end"},
      {"size past the end", second + kSizeInEntry, uint64_t{1} << 40, 8,
       "runs past the end"},
      {"size overflows", second + kSizeInEntry,
       std::numeric_limits<uint64_t>::max(), 8, "runs past the end"},
      {"overlaps the first", second + kOffsetInEntry, 256, 8,
       "overlaps section 'weights'"},
      {"overlaps the table", kTableAt + kOffsetInEntry, 64, 8,
       "overlaps the section table"},
      {"gap", kTableAt + kOffsetInEntry, 320, 8, "leaves a gap"},
      {"huge count", kCountAt, 0xFFFFFFFF, 4, "section table of"},
      {"count past the end", kCountAt, 100, 4, "section table of"},
      {"fewer sections", kCountAt, 1, 4, "leaves a gap"},
      {"empty name", second, 0, 1, "malformed name"},
  };
  for (const Case& c : cases) {
    std::string bytes = good;
    std::memcpy(bytes.data() + c.at, &c.value, c.width);
    FixChecksum(&bytes);
    const absl::Status status = OpenBytes(bytes);
    EXPECT_EQ(status.code(), StatusCode::kDataLoss) << c.name << ": " << status;
    EXPECT_TRUE(Contains(status, c.message)) << c.name << ": " << status;
  }
  // A name filling its whole field has no terminating NUL.
  std::string unterminated = good;
  std::memset(unterminated.data() + second, 'n', 48);
  FixChecksum(&unterminated);
  EXPECT_TRUE(Contains(OpenBytes(unterminated), "malformed name"));
  // Bytes after the last section, with the size in the header to match.
  std::string stray = good + std::string(64, '\0');
  Put<uint64_t>(&stray, kSizeAt, stray.size());
  FixChecksum(&stray);
  EXPECT_TRUE(
      Contains(OpenBytes(stray), "64 stray bytes after section 'empty'"))
      << OpenBytes(stray);
  // Two sections of one name.
  std::string duplicate = good;
  std::memcpy(duplicate.data() + second, "weights", 8);
  FixChecksum(&duplicate);
  EXPECT_TRUE(Contains(OpenBytes(duplicate), "two sections named 'weights'"));
}

TEST(ModelFileTest, SkippingTheChecksumStillChecksTheStructure) {
  std::string bytes = ThreeSections();
  bytes[bytes.size() - 100] ^= 1;  // payload: goes unnoticed without the CRC
  EXPECT_TRUE(
      ModelFile::FromBytes(bytes, "t", {.verify_checksum = false}).ok());
  Put<uint64_t>(&bytes, kTableAt + kEntry + kOffsetInEntry, 3);
  EXPECT_FALSE(
      ModelFile::FromBytes(bytes, "t", {.verify_checksum = false}).ok());
}

TEST(ModelFileTest, MissingFileDirectoryAndEmptyFile) {
  auto missing = ModelFile::Open("/nonexistent/sitrep.model");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  auto directory = ModelFile::Open(::testing::TempDir());
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(directory.status(), "is a directory"));

  const std::string path = TempPath("sitrep_empty.model");
  WriteFile(path, "");
  auto empty = ModelFile::Open(path);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(empty.status(), "empty file"));
  std::filesystem::remove(path);
}

TEST(ModelFileTest, TwentyMegabyteModelLoadsQuickly) {
  std::vector<float> weights(5 << 20);  // 20 MiB
  for (size_t i = 0; i < weights.size(); ++i) weights[i] = 1e-3f * (i % 997);
  ByteWriter w;
  w.PutArray<float>(weights);
  ModelFileWriter writer;
  writer.AddSection("meta", "big");
  writer.AddSection("weights", std::move(w).Take());
  const std::string path = TempPath("sitrep_big.model");
  ASSERT_TRUE(writer.Write(path).ok());

  const auto start = std::chrono::steady_clock::now();
  auto file = ModelFile::Open(path);
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - start)
                        .count();
  ASSERT_TRUE(file.ok()) << file.status();
  RecordProperty("open_ms", std::to_string(ms));
  ByteReader in(*(*file)->Section("weights"));
  std::span<const float> view;
  ASSERT_TRUE(in.GetArray(&view));
  ASSERT_EQ(view.size(), weights.size());
  EXPECT_EQ(view[12345], weights[12345]);
  EXPECT_TRUE(in.ExpectEnd().ok());
  std::filesystem::remove(path);
}

TEST(ByteReaderTest, RoundTripsEveryKind) {
  ByteWriter w;
  w.PutU32(7);
  w.PutString("héllo");
  w.PutU64(uint64_t{1} << 40);
  w.PutF32(-2.5f);
  const std::vector<float> floats = {1.0f, 2.0f, 3.0f};
  w.PutArray<float>(floats);
  w.PutString("");
  const std::vector<int32_t> ints = {-1, 0, 1 << 30};
  w.PutArray<int32_t>(ints);
  w.PutArray<float>({});

  ByteReader in(w.bytes());
  uint32_t u32 = 0;
  uint64_t u64 = 0;
  float f32 = 0;
  std::string s;
  std::string_view view;
  std::vector<float> floats_read;
  std::vector<int32_t> ints_read;
  std::vector<float> none = {9.0f};
  ASSERT_TRUE(in.GetU32(&u32));
  ASSERT_TRUE(in.GetString(&s));
  ASSERT_TRUE(in.GetU64(&u64));
  ASSERT_TRUE(in.GetF32(&f32));
  ASSERT_TRUE(in.GetArray(&floats_read));
  ASSERT_TRUE(in.GetString(&view));
  ASSERT_TRUE(in.GetArray(&ints_read));
  ASSERT_TRUE(in.GetArray(&none));
  EXPECT_TRUE(in.ExpectEnd().ok()) << in.ExpectEnd();
  EXPECT_EQ(u32, 7u);
  EXPECT_EQ(s, "héllo");
  EXPECT_EQ(u64, uint64_t{1} << 40);
  EXPECT_EQ(f32, -2.5f);
  EXPECT_EQ(floats_read, floats);
  EXPECT_EQ(view, "");
  EXPECT_EQ(ints_read, ints);
  EXPECT_TRUE(none.empty());
}

TEST(ByteReaderTest, ArraysAreViewedInPlaceInsideASection) {
  ByteWriter w;
  w.PutString("abc");  // puts the array off its natural alignment
  const std::vector<float> floats(40, 0.25f);
  w.PutArray<float>(floats);
  const size_t array_at = 64;  // count at 7, padding to 64
  EXPECT_EQ(w.size(), array_at + 40 * sizeof(float));
  ModelFileWriter writer;
  writer.AddSection("s", std::move(w).Take());
  auto file = ModelFile::FromBytes(Serialize(writer), "t");
  ASSERT_TRUE(file.ok()) << file.status();
  const std::string_view section = *(*file)->Section("s");
  ByteReader in(section);
  std::string_view s;
  std::span<const float> view;
  ASSERT_TRUE(in.GetString(&s));
  ASSERT_TRUE(in.GetArray(&view));
  EXPECT_EQ(reinterpret_cast<const char*>(view.data()),
            section.data() + array_at);
  EXPECT_EQ(std::vector<float>(view.begin(), view.end()), floats);
}

TEST(ByteReaderTest, MisalignedViewFailsButCopyWorks) {
  ByteWriter w;
  w.PutArray<float>(std::vector<float>{1.0f, 2.0f});
  std::string shifted = "x" + w.bytes();
  ByteReader view_reader(std::string_view(shifted).substr(1));
  // Only misaligned when the string's buffer is aligned, which it is for
  // any allocator; check rather than assume.
  if (reinterpret_cast<uintptr_t>(shifted.data() + 1 + 64) % 4 != 0) {
    std::span<const float> view;
    EXPECT_FALSE(view_reader.GetArray(&view));
    EXPECT_TRUE(Contains(view_reader.status(), "misaligned"));
  }
  ByteReader copy_reader(std::string_view(shifted).substr(1));
  std::vector<float> copy;
  ASSERT_TRUE(copy_reader.GetArray(&copy));
  EXPECT_EQ(copy, (std::vector<float>{1.0f, 2.0f}));
}

TEST(ByteReaderTest, EveryTruncationFailsCleanly) {
  ByteWriter w;
  w.PutU32(1);
  w.PutString("abcdef");
  w.PutArray<float>(std::vector<float>(10, 1.0f));
  w.PutU64(2);
  const std::string bytes = w.bytes();
  for (size_t size = 0; size < bytes.size(); ++size) {
    ByteReader in(std::string_view(bytes).substr(0, size));
    uint32_t u32 = 0;
    std::string s = "untouched";
    std::vector<float> floats;
    uint64_t u64 = 0;
    const bool all = in.GetU32(&u32) && in.GetString(&s) &&
                     in.GetArray(&floats) && in.GetU64(&u64);
    EXPECT_FALSE(all) << size;
    EXPECT_FALSE(in.ok());
    EXPECT_EQ(in.status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(s, size < 4 + 4 + 6 ? "untouched" : "abcdef") << size;
  }
}

TEST(ByteReaderTest, HostileLengthsAreRefusedWithoutAllocating) {
  ByteWriter w;
  w.PutU64(std::numeric_limits<uint64_t>::max());  // an array "count"
  w.PutU64(0);
  ByteReader in(w.bytes());
  std::vector<float> floats;
  EXPECT_FALSE(in.GetArray(&floats));
  EXPECT_TRUE(floats.empty());
  EXPECT_EQ(in.offset(), 0u);  // nothing consumed
  EXPECT_TRUE(Contains(in.status(), "cannot read array at byte 0"))
      << in.status();

  ByteWriter s;
  s.PutU32(0xFFFFFFFF);  // a string "length"
  ByteReader strings(s.bytes());
  std::string text;
  EXPECT_FALSE(strings.GetString(&text));

  // 2^62 floats would wrap a byte count computed as count * 4.
  ByteWriter wrap;
  wrap.PutU64(uint64_t{1} << 62);
  for (int i = 0; i < 8; ++i) wrap.PutU64(0);
  ByteReader wrapping(wrap.bytes());
  std::span<const float> view;
  EXPECT_FALSE(wrapping.GetArray(&view));
}

TEST(ByteReaderTest, FirstFailureSticks) {
  ByteWriter w;
  w.PutU32(5);
  ByteReader in(w.bytes());
  uint64_t u64 = 0;
  uint32_t u32 = 0;
  EXPECT_FALSE(in.GetU64(&u64));  // 4 bytes are not enough
  EXPECT_FALSE(in.GetU32(&u32));  // would fit, but the reader has failed
  EXPECT_EQ(u32, 0u);
  EXPECT_TRUE(Contains(in.status(), "cannot read u64 at byte 0 of 4"))
      << in.status();
  ByteReader extra(w.bytes());
  EXPECT_TRUE(extra.status().ok());
  EXPECT_EQ(extra.ExpectEnd().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace sitrep::syntax
