// Datelines, table-driven from testdata/dateline_cases.tsv.
#include "text/dateline.h"

#include <fstream>
#include <string>
#include <vector>

#include "common/strings.h"
#include "gtest/gtest.h"
#include "text/text_analyzer.h"

namespace sitrep::text {
namespace {

constexpr char kDocumentDate[] = "2023-09-20";

TEST(DatelineTest, Table) {
  auto analyzer = TextAnalyzerImpl::Create();
  ASSERT_TRUE(analyzer.ok());
  std::ifstream in(std::string(SITREP_SOURCE_DIR) +
                   "/src/text/testdata/dateline_cases.tsv");
  std::string line;
  int n = 0;
  int cases = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> f = Split(line, '\t');
    ++cases;
    Document doc;
    doc.text = std::string(f[0]);
    doc.date = kDocumentDate;
    AnalyzedText out;
    ASSERT_TRUE((*analyzer)->AnalyzeText(doc, &out).ok());
    const std::string where =
        "dateline_cases.tsv:" + std::to_string(n) + ": " + doc.text;
    if (f.size() == 2 && f[1] == "NONE") {
      EXPECT_FALSE(out.dateline.has_value())
          << where << "\n  found place " << out.dateline->place.text;
      continue;
    }
    ASSERT_EQ(f.size(), 6u) << where;
    if (!out.dateline) {
      ADD_FAILURE() << where << "\n  no dateline found";
      continue;
    }
    const Dateline& d = *out.dateline;
    EXPECT_EQ(d.place.text, f[1]) << where;
    EXPECT_EQ(d.date ? d.date->text : "-", f[2]) << where;
    EXPECT_EQ(d.date_value.empty() ? "-" : d.date_value, f[3]) << where;
    EXPECT_EQ(d.agency ? d.agency->text : "-", f[4]) << where;
    const std::string body = out.sentences.empty()
                                 ? std::string()
                                 : doc.text.substr(out.sentences[0].span.begin);
    EXPECT_EQ(body.rfind(std::string(f[5]), 0), 0u)
        << where << "\n  body starts: " << body.substr(0, 40);
  }
  EXPECT_GE(cases, 25);
}

TEST(DatelineTest, SpansPointIntoTheOriginalText) {
  auto analyzer = TextAnalyzerImpl::Create();
  Document doc;
  doc.text = "KYIV (AP)\u00A0\u2014 Drones struck the city overnight.";
  AnalyzedText out;
  ASSERT_TRUE((*analyzer)->AnalyzeText(doc, &out).ok());
  ASSERT_TRUE(out.dateline.has_value());
  EXPECT_EQ(
      doc.text.substr(out.dateline->span.begin, out.dateline->span.size()),
      "KYIV (AP)\u00A0\u2014");
  EXPECT_EQ(out.dateline->agency->text, "AP");
  ASSERT_EQ(out.sentences.size(), 1u);
  EXPECT_EQ(out.sentences[0].tokens[0].text, "Drones");
}

TEST(DatelineTest, YearlessDateNeedsADocumentDate) {
  auto analyzer = TextAnalyzerImpl::Create();
  Document doc;
  doc.text = "BAKU, Sept 19 (Reuters) - Shelling was reported.";
  AnalyzedText out;
  ASSERT_TRUE((*analyzer)->AnalyzeText(doc, &out).ok());
  ASSERT_TRUE(out.dateline.has_value());
  EXPECT_EQ(out.dateline->date->text, "Sept 19");
  EXPECT_EQ(out.dateline->date_value, "");
  doc.date = "2024-01-03";  // a report early in January about 19 September
  ASSERT_TRUE((*analyzer)->AnalyzeText(doc, &out).ok());
  EXPECT_EQ(out.dateline->date_value, "2023-09-19");
}

}  // namespace
}  // namespace sitrep::text
