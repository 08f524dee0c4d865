// Bad input end to end: every kind of broken record gives a clear
// per-document error (in the output and on stderr with its line number),
// the good documents around it are still processed, memory stays bounded
// and the exit code says that input was rejected.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "subprocess.h"

namespace sitrep::e2e {
namespace {

namespace fs = std::filesystem;

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep_bad_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const {
    return (dir_ / name).string();
  }
  fs::path dir_;
};

std::string Code(const nlohmann::json& record) {
  if (!record.contains("errors") || record["errors"].empty()) return "";
  return record["errors"][0]["code"];
}

TEST_F(BadInputTest, EveryBadRecordIsRejectedAndTheBatchGoesOn) {
  {
    std::ofstream f(Path("batch.jsonl"), std::ios::binary);
    f << "{\"id\":\"good1\",\"text\":\"Shelling resumed near Fuzuli.\"}\n"  // 1
      << "{\"id\":\"utf8\",\"text\":\"caf\xE9 au lait\"}\n"                 // 2
      << "{\"id\":\"broken\",\"text\":\"no closing quote}\n"                // 3
      << "{\"id\":\"notext\",\"title\":\"Only a title\"}\n"                 // 4
      << "{\"id\":\"long\",\"text\":\"" << std::string(10'000'000, 'a')
      << "\"}\n"                                                        // 5
      << "{\"id\":\"good2\",\"text\":\"Two people were injured.\"}\n";  // 6
  }
  {
    std::ofstream f(Path("program.bin"), std::ios::binary);
    f << "\x7F"
         "ELF"
      << std::string(64, '\0') << "\x01\x02\x03";
  }
  std::ofstream(Path("empty.txt")).close();
  {
    // A 100 MB document.
    std::ofstream f(Path("huge.txt"), std::ios::binary);
    const std::string block(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) f << block;
  }
  std::ofstream(Path("good3.txt")) << "The mission reported no casualties.";

  const RunResult r = RunCommand({SitrepBinary(), "split", Path("batch.jsonl"),
                                  Path("program.bin"), Path("empty.txt"),
                                  Path("huge.txt"), Path("good3.txt")});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::vector<nlohmann::json> out = ParseJsonLines(r.out);
  ASSERT_EQ(out.size(), 10u) << r.out.substr(0, 2000);
  EXPECT_EQ(out[0]["id"], "good1");
  EXPECT_EQ(out[0]["sentences"].size(), 1u);
  EXPECT_EQ(Code(out[1]), "invalid_utf8");
  EXPECT_EQ(out[1]["errors"][0]["line"], 2);
  EXPECT_EQ(Code(out[2]), "malformed_json");
  EXPECT_EQ(Code(out[3]), "missing_text");
  EXPECT_EQ(out[3]["id"], "notext");
  EXPECT_EQ(Code(out[4]), "too_large");
  EXPECT_EQ(out[4]["errors"][0]["line"], 5);
  EXPECT_EQ(out[5]["id"], "good2");
  EXPECT_EQ(out[5]["sentences"].size(), 1u);
  EXPECT_EQ(Code(out[6]), "binary");
  EXPECT_EQ(Code(out[7]), "empty");
  EXPECT_EQ(Code(out[8]), "too_large");
  EXPECT_EQ(out[8]["id"], "huge.txt");
  EXPECT_EQ(out[9]["id"], "good3.txt");
  EXPECT_EQ(out[9]["sentences"].size(), 1u);

  // One stderr line per rejected record, with file and line.
  for (const std::string expected :
       {"batch.jsonl:2: utf8 rejected: invalid UTF-8",
        "batch.jsonl:3: broken rejected: malformed JSON",
        "batch.jsonl:4: notext rejected: no \"text\" field",
        "batch.jsonl:5: batch.jsonl:5 rejected: line is 10000023 bytes",
        "program.bin: program.bin rejected: binary file",
        "empty.txt: empty.txt rejected: empty",
        "huge.txt: huge.txt rejected: file is 104857600 bytes"}) {
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n"
                                                       << r.err;
  }
  EXPECT_NE(r.err.find("10 documents"), std::string::npos);
  EXPECT_NE(r.err.find("7 rejected"), std::string::npos);
  // Neither the 10 MB line nor the 100 MB file was held in memory: the
  // batch's peak RSS stays within 64 MB of the binary's own footprint
  // (`sitrep --version`, which a sanitizer build makes large).
  const long baseline_kb = RunCommand({SitrepBinary(), "--version"}).max_rss_kb;
  EXPECT_LT(r.max_rss_kb - baseline_kb, 64 * 1024)
      << "peak RSS " << r.max_rss_kb << " kB, baseline " << baseline_kb
      << " kB";
  std::fprintf(stderr,
               "peak RSS of the bad-input batch: %ld kB (binary alone: %ld "
               "kB)\n",
               r.max_rss_kb, baseline_kb);
}

TEST_F(BadInputTest, RaisingTheLimitAcceptsTheLongLine) {
  std::ofstream(Path("long.jsonl"))
      << "{\"text\":\"" << std::string(10'000'000, 'a') << ". B.\"}\n";
  const RunResult r = RunCommand(
      {SitrepBinary(), "split", "--max-bytes", "20000000", Path("long.jsonl")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto out = ParseJsonLines(r.out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["sentences"].size(), 2u);
}

TEST_F(BadInputTest, GarbageOnStandardInput) {
  std::string garbage;
  for (int i = 0; i < 5000; ++i)
    garbage.push_back(static_cast<char>((i * 7919) % 251 + 1));
  const RunResult r = RunCommand({SitrepBinary(), "split", "--format", "jsonl"},
                                 garbage + "\n{\"text\":\"ok.\"}\n");
  EXPECT_EQ(r.exit_code, 3);
  const auto out = ParseJsonLines(r.out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back()["sentences"].size(), 1u);
}

}  // namespace
}  // namespace sitrep::e2e
