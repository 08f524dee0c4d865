#include "io/document_reader.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace sitrep::io {
namespace {

namespace fs = std::filesystem;

class DocumentReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep_reader_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& contents) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << contents;
    return p.string();
  }

  std::vector<InputRecord> ReadAll(const std::string& path,
                                   ReaderOptions options = {}) {
    auto reader = DocumentReader::Open(path, options);
    EXPECT_TRUE(reader.ok()) << reader.status().message();
    std::vector<InputRecord> out;
    InputRecord r;
    while ((*reader)->Next(&r)) out.push_back(r);
    EXPECT_EQ((*reader)->bytes_read(), (*reader)->total_bytes());
    return out;
  }

  static std::string FirstError(const InputRecord& r) {
    return r.errors.empty() ? "" : r.errors[0].code;
  }

  fs::path dir_;
};

TEST_F(DocumentReaderTest, JsonlWithBadLinesGoesOn) {
  const std::string path = Write(
      "batch.jsonl",
      "{\"id\":\"a\",\"text\":\"First.\"}\n"
      "\n"
      "{\"id\":\"b\",\"text\":\"Bro\n"          // line 3: malformed
      "{\"text\":\"No id.\"}\n"                 // line 4: id from file and line
      "{\"id\":\"c\"}\n"                        // line 5: missing text
      "{\"id\":\"d\",\"text\":\"bad \xFF\"}\n"  // line 6: invalid UTF-8
      "{\"id\":\"e\",\"text\":\"" +
          std::string(2000, 'x') +
          "\"}\n"                                // line 7: too large
          "{\"id\":\"f\",\"text\":\"Last.\"}");  // line 8, no final newline
  ReaderOptions options;
  options.max_document_bytes = 1000;
  const std::vector<InputRecord> r = ReadAll(path, options);
  ASSERT_EQ(r.size(), 7u);
  EXPECT_EQ(r[0].document.id, "a");
  EXPECT_EQ(r[0].document.line, 1u);
  EXPECT_FALSE(r[0].rejected());
  EXPECT_EQ(r[1].document.line, 3u);
  EXPECT_EQ(FirstError(r[1]), "malformed_json");
  EXPECT_EQ(r[1].document.id, "b");  // recovered from the broken line
  EXPECT_EQ(r[2].document.id, "batch.jsonl:4");
  EXPECT_FALSE(r[2].rejected());
  EXPECT_EQ(FirstError(r[3]), "missing_text");
  EXPECT_EQ(r[3].document.id, "c");
  EXPECT_EQ(FirstError(r[4]), "invalid_utf8");
  EXPECT_EQ(FirstError(r[5]), "too_large");
  EXPECT_EQ(r[5].document.line, 7u);
  EXPECT_EQ(r[6].document.id, "f");
  EXPECT_EQ(r[6].document.text, "Last.");
  EXPECT_EQ(r[6].document.origin, path);
}

TEST_F(DocumentReaderTest, TextFileIsOneDocumentNamedAfterTheFile) {
  const std::string path = Write("statement.txt", "\xEF\xBB\xBFOne. Two.\n");
  const std::vector<InputRecord> r = ReadAll(path);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].document.id, "statement.txt");
  EXPECT_EQ(r[0].document.text, "One. Two.\n");  // the BOM is dropped
  EXPECT_EQ(r[0].document.line, 0u);
}

TEST_F(DocumentReaderTest, EmptyFiles) {
  EXPECT_EQ(FirstError(ReadAll(Write("empty.txt", ""))[0]), "empty");
  EXPECT_EQ(FirstError(ReadAll(Write("blank.txt", " \n\t\n"))[0]), "empty");
  const std::vector<InputRecord> r = ReadAll(Write("empty.jsonl", ""));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(FirstError(r[0]), "empty");
  EXPECT_EQ(r[0].document.id, "empty.jsonl");
}

TEST_F(DocumentReaderTest, BinaryFiles) {
  std::string binary =
      "\x7F"
      "ELF";
  binary += std::string(100, '\0');
  binary += "\x01\x02\xFF\xFE\n{\"text\":\"x\"}\n";
  EXPECT_EQ(FirstError(ReadAll(Write("program.bin", binary))[0]), "binary");
  const std::vector<InputRecord> r = ReadAll(Write("image.jsonl", binary));
  ASSERT_EQ(r.size(), 1u);  // one error for the file, not one per line
  EXPECT_EQ(FirstError(r[0]), "binary");
}

TEST_F(DocumentReaderTest, InvalidUtf8TextFile) {
  const std::vector<InputRecord> r =
      ReadAll(Write("latin1.txt", "Caf\xE9 in Baku."));
  EXPECT_EQ(FirstError(r[0]), "invalid_utf8");
  EXPECT_EQ(r[0].errors[0].message, "invalid UTF-8 at byte 4");
}

TEST_F(DocumentReaderTest, LargeTextFileIsRejectedWithoutBeingHeld) {
  ReaderOptions options;
  options.max_document_bytes = 1 << 20;
  const std::vector<InputRecord> r =
      ReadAll(Write("huge.txt", std::string(3 << 20, 'a')), options);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(FirstError(r[0]), "too_large");
  EXPECT_NE(r[0].errors[0].message.find("3145728 bytes"), std::string::npos);
}

TEST_F(DocumentReaderTest, FolderInNameOrderWithoutHiddenFiles) {
  Write("b.txt", "Second.");
  Write("a.jsonl",
        "{\"id\":\"x\",\"text\":\"First.\"}\n{\"id\":\"y\",\"text\":\"Also.\"}"
        "\n");
  Write(".hidden.txt", "Never.");
  fs::create_directories(dir_ / "sub");
  const std::vector<InputRecord> r = ReadAll(dir_.string());
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].document.id, "x");
  EXPECT_EQ(r[1].document.id, "y");
  EXPECT_EQ(r[2].document.id, "b.txt");
}

TEST_F(DocumentReaderTest, FormatCanBeForced) {
  const std::string path =
      Write("data.txt", "{\"id\":\"j\",\"text\":\"JSON.\"}\n");
  ReaderOptions options;
  options.format = InputFormat::kJsonl;
  EXPECT_EQ(ReadAll(path, options)[0].document.id, "j");
  EXPECT_EQ(ReadAll(path)[0].document.id, "data.txt");
}

TEST_F(DocumentReaderTest, MissingPathFailsToOpen) {
  auto reader = DocumentReader::Open((dir_ / "nope.jsonl").string());
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sitrep::io
