#include "io/line_reader.h"

#include <cstdio>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace sitrep::io {
namespace {

// A FILE* over a string, closed with the test.
class MemoryFile {
 public:
  explicit MemoryFile(const std::string& contents) {
    file_ = std::tmpfile();
    std::fwrite(contents.data(), 1, contents.size(), file_);
    std::rewind(file_);
  }
  ~MemoryFile() { std::fclose(file_); }
  std::FILE* get() { return file_; }

 private:
  std::FILE* file_;
};

std::vector<std::string> ReadAll(const std::string& contents, size_t max) {
  MemoryFile f(contents);
  LineReader reader(f.get(), max);
  std::vector<std::string> out;
  LineReader::Line line;
  while (reader.Next(&line)) {
    out.push_back(line.too_long
                      ? "<too long " + std::to_string(line.length) + ">"
                      : std::string(line.text));
  }
  return out;
}

TEST(LineReaderTest, Lines) {
  EXPECT_EQ(ReadAll("a\nbb\n", 100), (std::vector<std::string>{"a", "bb"}));
  EXPECT_EQ(ReadAll("a\n\nc", 100), (std::vector<std::string>{"a", "", "c"}));
  EXPECT_EQ(ReadAll("", 100), (std::vector<std::string>{}));
  EXPECT_EQ(ReadAll("\n", 100), (std::vector<std::string>{""}));
}

TEST(LineReaderTest, TooLongLinesAreSkippedAndMeasured) {
  const std::string big(5'000'000, 'x');
  EXPECT_EQ(ReadAll("ok\n" + big + "\nafter\n", 1000),
            (std::vector<std::string>{"ok", "<too long 5000000>", "after"}));
  EXPECT_EQ(ReadAll(big, 1000),
            (std::vector<std::string>{"<too long 5000000>"}));
  EXPECT_EQ(ReadAll(std::string(1001, 'y') + "\nz", 1000),
            (std::vector<std::string>{"<too long 1001>", "z"}));
  EXPECT_EQ(ReadAll(std::string(1000, 'y') + "\nz", 1000),
            (std::vector<std::string>{std::string(1000, 'y'), "z"}));
}

TEST(LineReaderTest, LinesAcrossChunkBoundaries) {
  // Lines that straddle the reader's 1 MiB chunks.
  std::string contents;
  std::vector<std::string> expected;
  for (int i = 0; i < 3000; ++i) {
    expected.push_back(
        std::string(700 + i % 13, static_cast<char>('a' + i % 26)));
    contents += expected.back() + "\n";
  }
  EXPECT_EQ(ReadAll(contents, 4096), expected);
}

TEST(LineReaderTest, TinyChunks) {
  for (size_t chunk : {1, 2, 7, 64}) {
    MemoryFile f("alpha\n\nbeta gamma\n" + std::string(40, 'z') + "\nlast");
    LineReader reader(f.get(), 16, chunk);
    std::vector<std::string> got;
    LineReader::Line line;
    while (reader.Next(&line)) {
      got.push_back(line.too_long ? "<" + std::to_string(line.length) + ">"
                                  : std::string(line.text));
    }
    EXPECT_EQ(got, (std::vector<std::string>{"alpha", "", "beta gamma", "<40>",
                                             "last"}))
        << "chunk " << chunk;
    EXPECT_EQ(reader.bytes_consumed(), 63u) << "chunk " << chunk;
  }
}

TEST(LineReaderTest, NumbersAndBytes) {
  MemoryFile f("one\ntwo\nthree");
  LineReader reader(f.get(), 100);
  LineReader::Line line;
  ASSERT_TRUE(reader.Next(&line));
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(line.number, 2u);
  EXPECT_EQ(reader.bytes_consumed(), 8u);
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(line.text, "three");
  EXPECT_EQ(reader.bytes_consumed(), 13u);
  EXPECT_FALSE(reader.Next(&line));
}

TEST(LineReaderTest, PeekDoesNotConsume) {
  MemoryFile f("{\"text\":\"a\"}\n");
  LineReader reader(f.get(), 100);
  EXPECT_EQ(reader.Peek(3), "{\"t");
  LineReader::Line line;
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(line.text, "{\"text\":\"a\"}");
}

TEST(LineReaderTest, ReadRest) {
  {
    MemoryFile f("whole\nfile");
    LineReader reader(f.get(), 100);
    std::string out;
    uint64_t total = 0;
    EXPECT_TRUE(reader.ReadRest(100, &out, &total));
    EXPECT_EQ(out, "whole\nfile");
    EXPECT_EQ(total, 10u);
  }
  {
    MemoryFile f(std::string(3'000'000, 'z'));
    LineReader reader(f.get(), 100);
    std::string out;
    uint64_t total = 0;
    EXPECT_FALSE(reader.ReadRest(1000, &out, &total));
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(total, 3'000'000u);
  }
}

}  // namespace
}  // namespace sitrep::io
