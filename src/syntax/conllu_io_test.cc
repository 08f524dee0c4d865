#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "sitrep/syntax.h"

namespace sitrep {
namespace {

struct Read {
  std::vector<SyntaxSentence> sentences;
  std::vector<std::string> errors;
};

Read ReadAll(const std::string& text) {
  std::istringstream in(text);
  auto reader = ConlluReader::FromStream(&in, "t.conllu");
  Read out;
  SyntaxSentence s;
  std::string error;
  while (reader->Next(&s, &error)) {
    if (error.empty()) {
      out.sentences.push_back(s);
    } else {
      out.errors.push_back(error);
    }
  }
  return out;
}

constexpr char kSentence[] =
    "# sent_id = a-1\n"
    "# text = They don't know_\n"
    "1\tThey\tthey\tPRON\tPRP\tCase=Nom|Number=Plur\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4.1\tsaid\tsay\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n"
    "5\t_\t_\tSYM\tNFP\t_\t4\tpunct\t_\t_\n"
    "\n";

TEST(ConlluTest, ReadsFieldsCommentsAndTokens) {
  Read r = ReadAll(kSentence);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.sentences.size(), 1u);
  const SyntaxSentence& s = r.sentences[0];
  EXPECT_EQ(s.Comment("sent_id"), "a-1");
  EXPECT_EQ(s.Comment("text"), "They don't know_");
  ASSERT_EQ(s.words.size(), 5u);
  EXPECT_EQ(s.words[0].feats, "Case=Nom|Number=Plur");
  EXPECT_EQ(s.words[0].head, 4);
  EXPECT_EQ(s.words[3].head, 0);
  EXPECT_EQ(s.words[1].misc, "");
  EXPECT_EQ(s.words[4].form, "_");  // an underscore as a word
  ASSERT_EQ(s.multiword_tokens.size(), 1u);
  EXPECT_EQ(s.multiword_tokens[0].form, "don't");
  EXPECT_EQ(s.multiword_tokens[0].last, 3);
  EXPECT_EQ(s.empty_node_lines.size(), 1u);
}

TEST(ConlluTest, WritesWhatItRead) {
  Read r = ReadAll(kSentence);
  ASSERT_EQ(r.sentences.size(), 1u);
  EXPECT_EQ(ToConllu(r.sentences[0]), kSentence);
}

TEST(ConlluTest, CarriageReturnsAtLineEndsDoNotSurviveARoundTrip) {
  // Windows line ends, doubled: what is written must read back the same
  // (a fuzz finding: a comment kept one '\r' and lost it on the next read).
  const std::string crlf =
      "# sent_id = t-1\r\r\n# note\r\r\n"
      "1\tFighting\tfighting\tNOUN\tNN\t_\t0\troot\t_\t_\r\r\n\r\n";
  Read r = ReadAll(crlf);
  ASSERT_EQ(r.sentences.size(), 1u);
  EXPECT_EQ(r.sentences[0].comments.back(), "note");
  EXPECT_EQ(r.sentences[0].words[0].misc, "");
  const std::string written = ToConllu(r.sentences[0]);
  Read again = ReadAll(written);
  ASSERT_EQ(again.sentences.size(), 1u);
  EXPECT_EQ(ToConllu(again.sentences[0]), written);
}

TEST(ConlluTest, BadSentencesAreSkippedWithTheirLine) {
  const std::string good = "1\tOK\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";
  const std::string cases[] = {
      "1\tToo\tfew\tcolumns\n\n",
      "2\tGap\tgap\tX\tX\t_\t0\troot\t_\t_\n\n",
      "1\tA\ta\tX\tX\t_\t5\tdep\t_\t_\n\n",  // head outside the sentence
      "1\tA\ta\tX\tX\t_\t1\tdep\t_\t_\n\n",  // its own head
      "1\tA\ta\tX\tX\t_\tx\tdep\t_\t_\n\n",  // head not a number
      "1-3\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n",
      "1\t\xff\xfe\ta\tX\tX\t_\t0\troot\t_\t_\n\n",  // not UTF-8
      "1\t" + std::string(2 << 20, 'x') + "\ta\tX\tX\t_\t0\troot\t_\t_\n\n",
  };
  for (const std::string& bad : cases) {
    Read r = ReadAll(good + bad + good);
    EXPECT_EQ(r.sentences.size(), 2u) << bad.substr(0, 40);
    ASSERT_EQ(r.errors.size(), 1u) << bad.substr(0, 40);
    EXPECT_EQ(r.errors[0].rfind("t.conllu:3: ", 0), 0u) << r.errors[0];
  }
}

TEST(ConlluTest, RoundTripsTheEwtDevFileByteForByte) {
  const std::string path =
      SITREP_SOURCE_DIR "/../shared/ud/en_ewt/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not found";
  std::ifstream in(path, std::ios::binary);
  std::stringstream original;
  original << in.rdbuf();
  auto sentences = ReadConlluFile(path);
  ASSERT_TRUE(sentences.ok()) << sentences.status().message();
  EXPECT_EQ(sentences->size(), 2001u);
  std::string written;
  for (const SyntaxSentence& s : *sentences) written += ToConllu(s);
  EXPECT_TRUE(written == original.str());
}

TEST(ConlluTest, MissingFileIsNotFound) {
  auto r = ConlluReader::Open("/nonexistent/x.conllu");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sitrep
