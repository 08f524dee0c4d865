#include "io/jsonl_parser.h"

#include <string>

#include "gtest/gtest.h"

namespace sitrep::io {
namespace {

struct ParseCase {
  const char* name;
  std::string line;
  const char* error;  // expected code of the first error, "" for none
};

TEST(JsonlParserTest, Table) {
  const ParseCase cases[] = {
      {"minimal", R"({"text":"Shelling was reported."})", ""},
      {"all fields",
       R"({"id":"r1","date":"2023-09-19","source":"MoD","url":"https://example.org/1","title":"T","text":"x"})",
       ""},
      {"unknown fields ignored",
       R"({"text":"x","lang":"en","tags":[1,{"a":null}]})", ""},
      {"null fields", R"({"id":null,"date":null,"title":null,"text":"x"})", ""},
      {"numeric id", R"({"id":42,"text":"x"})", ""},
      {"iso date-time", R"({"date":"2023-09-20T08:15:00Z","text":"x"})", ""},
      {"bad date is a warning", R"({"date":"19/09/2023","text":"x"})",
       "invalid_date"},
      {"escapes", R"({"text":"\u201cquoted\u201d \\ \"x\"\n"})", ""},
      {"missing text", R"({"id":"r2"})", "missing_text"},
      {"text not a string", R"({"text":17})", "missing_text"},
      {"empty text", R"({"text":"  "})", "empty"},
      {"title not a string", R"({"title":[],"text":"x"})", "malformed_json"},
      {"truncated", R"({"text":"unfinished)", "malformed_json"},
      {"trailing garbage", R"({"text":"x"} extra)", "malformed_json"},
      {"array", R"(["text"])", "malformed_json"},
      {"bare string", R"("text")", "malformed_json"},
      {"trailing comma", R"({"text":"x",})", "malformed_json"},
      {"single quotes", R"({'text':'x'})", "malformed_json"},
      {"invalid utf-8", "{\"text\":\"caf\xE9\"}", "invalid_utf8"},
      {"bad escape", R"({"text":"\q"})", "malformed_json"},
      {"lone surrogate escape", R"({"text":"\ud800"})", "malformed_json"},
  };
  JsonlParser parser;
  for (const ParseCase& c : cases) {
    Document doc;
    std::vector<DocumentError> errors;
    parser.Parse(c.line, &doc, &errors);
    if (std::string(c.error).empty()) {
      EXPECT_TRUE(errors.empty()) << c.name << ": " << errors[0].message;
    } else {
      ASSERT_FALSE(errors.empty()) << c.name;
      EXPECT_EQ(errors[0].code, c.error) << c.name << ": " << errors[0].message;
    }
  }
}

TEST(JsonlParserTest, Fields) {
  JsonlParser parser;
  Document doc;
  std::vector<DocumentError> errors;
  parser.Parse(
      R"({"id":"r1","date":"2023-09-20T08:15:00Z","source":"MoD","url":"u","title":"T","text":"Line\nTwo"})",
      &doc, &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(doc.id, "r1");
  EXPECT_EQ(doc.date, "2023-09-20");
  EXPECT_EQ(doc.source, "MoD");
  EXPECT_EQ(doc.url, "u");
  EXPECT_EQ(doc.title, "T");
  EXPECT_EQ(doc.text, "Line\nTwo");
  Document numeric;
  parser.Parse(R"({"id": 1234 , "text":"x"})", &numeric, &errors);
  EXPECT_EQ(numeric.id, "1234");
}

TEST(JsonlParserTest, BadDateKeepsTheDocument) {
  JsonlParser parser;
  Document doc;
  std::vector<DocumentError> errors;
  parser.Parse(R"({"date":"yesterday","text":"x"})", &doc, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_FALSE(errors[0].fatal);
  EXPECT_EQ(doc.date, "");
  EXPECT_EQ(doc.text, "x");
}

TEST(JsonlParserTest, RejectedLinesKeepAPlainLeadingId) {
  const struct {
    const char* line;
    const char* id;
  } cases[] = {
      {"{\"id\":\"r7\",\"text\":\"unterminated}", "r7"},
      {"{ \"id\" : \"r8\", \"text\": \"caf\xE9\"}", "r8"},
      {"{\"id\":\"esc\\\"aped\",\"text\":", ""},
      {"{\"title\":\"t\",\"x\":1,", ""},
      {"{\"id\":17,", ""},
  };
  JsonlParser parser;
  for (const auto& c : cases) {
    Document doc;
    std::vector<DocumentError> errors;
    parser.Parse(c.line, &doc, &errors);
    ASSERT_FALSE(errors.empty()) << c.line;
    EXPECT_EQ(doc.id, c.id) << c.line;
  }
}

TEST(JsonlParserTest, InvalidUtf8ReportsTheByte) {
  JsonlParser parser;
  Document doc;
  std::vector<DocumentError> errors;
  parser.Parse("{\"text\":\"ab\xFF\"}", &doc, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "invalid UTF-8 at byte 12 of the line");
}

}  // namespace
}  // namespace sitrep::io
