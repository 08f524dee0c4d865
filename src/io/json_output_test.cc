#include <nlohmann/json.hpp>
#include <string>

#include "gtest/gtest.h"
#include "sitrep/json.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

TEST(JsonOutputTest, SplitRecord) {
  auto analyzer = TextAnalyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  Document doc;
  doc.id = "r1";
  doc.date = "2023-09-20";
  doc.text =
      "BAKU, Sept 19 (Reuters) - \u201CWe struck,\u201D it said. Then nothing.";
  AnalyzedText text;
  ASSERT_TRUE((*analyzer)->Analyze(doc, &text).ok());
  std::string out;
  AppendSplitJson(doc, text, {{"invalid_date", "ignored", false}}, &out);
  ASSERT_EQ(out.back(), '\n');
  const nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j["id"], "r1");
  EXPECT_EQ(j["dateline"]["place"]["text"], "BAKU");
  EXPECT_EQ(j["dateline"]["date_value"], "2023-09-19");
  EXPECT_EQ(j["dateline"]["agency"]["text"], "Reuters");
  ASSERT_EQ(j["sentences"].size(), 2u);
  EXPECT_EQ(j["sentences"][0]["text"], "\u201CWe struck,\u201D it said.");
  EXPECT_EQ(j["sentences"][0]["tokens"][0]["text"], "\"");
  const auto span = j["sentences"][1]["span"];
  EXPECT_EQ(doc.text.substr(span[0].get<size_t>(),
                            span[1].get<size_t>() - span[0].get<size_t>()),
            "Then nothing.");
  EXPECT_EQ(j["quotes"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["severity"], "warning");
}

TEST(JsonOutputTest, RejectedRecord) {
  Document doc;
  doc.id = "batch.jsonl:3";
  doc.line = 3;
  std::string out;
  AppendRejectedJson(
      doc, {{"malformed_json", "malformed JSON: unclosed string", true}}, &out);
  const nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j["id"], "batch.jsonl:3");
  EXPECT_EQ(j["errors"][0]["code"], "malformed_json");
  EXPECT_EQ(j["errors"][0]["line"], 3);
  EXPECT_FALSE(j.contains("sentences"));
}

}  // namespace
}  // namespace sitrep
