#include "eval/gold_readers.h"

#include <sstream>

#include "gtest/gtest.h"

namespace sitrep::eval {
namespace {

// Fixtures written for these tests, in the formats of the gold files.

TEST(WikiEventsReaderTest, RebuildsTextAndArgumentSpans) {
  const std::string line =
      R"({"doc_id": "d1", "tokens": ["A", "car", "bomb", "hit", "the",)"
      R"( "market", "."], "sentences": [],)"
      R"( "entity_mentions": [{"id": "d1-T1", "start": 1, "end": 3,)"
      R"( "text": "car bomb"}, {"id": "d1-T2", "start": 5, "end": 6,)"
      R"( "text": "market"}],)"
      R"( "event_mentions": [{"id": "d1-E1",)"
      R"( "event_type": "Conflict.Attack.DetonateExplode",)"
      R"( "trigger": {"start": 3, "end": 4, "text": "hit"},)"
      R"( "arguments": [{"entity_id": "d1-T1", "role": "ExplosiveDevice",)"
      R"( "text": "car bomb"}, {"entity_id": "d1-T2", "role": "Target",)"
      R"( "text": "market"}]}]})";
  auto doc = ParseWikiEventsLine(line);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->id, "d1");
  EXPECT_EQ(doc->text, "A car bomb hit the market .");
  ASSERT_EQ(doc->tokens.size(), 7u);
  EXPECT_EQ(doc->tokens[1].begin, 2u);
  EXPECT_EQ(doc->tokens[6].begin, 26u);
  ASSERT_EQ(doc->arguments.size(), 2u);
  const WikiEventsArgument& bomb = doc->arguments[0];
  EXPECT_EQ(bomb.role, "ExplosiveDevice");
  EXPECT_EQ(bomb.event_type, "Conflict.Attack.DetonateExplode");
  EXPECT_EQ(doc->text.substr(bomb.span.begin, bomb.span.size()), "car bomb");
  EXPECT_EQ(doc->arguments[1].text, "market");
}

TEST(WikiEventsReaderTest, ReportsTheBadLine) {
  std::istringstream in(
      "{\"doc_id\": \"a\", \"tokens\": [\"x\"], \"event_mentions\": []}\n"
      "\n"
      "not json\n");
  auto docs = ReadWikiEvents(in, "f.jsonl");
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.status().message().find("f.jsonl:3"), std::string::npos);
}

TEST(MucReaderTest, SplitsMessagesAtHeaders) {
  std::istringstream in(
      "XYZ-MUC3-0001 (ABC)\n"
      "\n"
      "   SOMEWHERE, 1 JAN 90 -- [TEXT] A SHORT MESSAGE.\n"
      "SECOND LINE.\n"
      "\n"
      "\n"
      "XYZ-MUC3-0002  (ABC)\n"
      "\n"
      "   ANOTHER ONE.\n");
  std::vector<MucMessage> m = ReadMucMessages(in);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].id, "XYZ-MUC3-0001");
  EXPECT_EQ(m[0].text,
            "   SOMEWHERE, 1 JAN 90 -- [TEXT] A SHORT MESSAGE.\nSECOND LINE.");
  EXPECT_EQ(m[1].id, "XYZ-MUC3-0002");
  EXPECT_EQ(m[1].text, "   ANOTHER ONE.");
}

TEST(MucReaderTest, ParsesQuotedStrings) {
  EXPECT_EQ(ParseMucStrings(R"(? "RED FRONT" / "RF")"),
            (std::vector<std::string>{"RED FRONT", "RF"}));
  EXPECT_EQ(ParseMucStrings(R"("\"BLUE\" BRIDGE")"),
            (std::vector<std::string>{"\"BLUE\" BRIDGE"}));
  EXPECT_TRUE(ParseMucStrings("-").empty());
}

TEST(MucReaderTest, ReadsTemplatesOfAMessage) {
  // Two templates of one message, then a message with no incident.
  std::istringstream in(
      ";;; a comment\n"
      "0.  MESSAGE: ID                     XYZ-MUC3-0001 (KEY)\n"
      "1.  MESSAGE: TEMPLATE               1\n"
      "4.  INCIDENT: TYPE                  BOMBING / ATTACK\n"
      "10. PERP: ORGANIZATION ID           \"RED FRONT\" / \"RF\"\n"
      "                                    \"GREEN ARMY\"\n"
      "11. PERP: ORGANIZATION CONFIDENCE   CLAIMED OR ADMITTED: \"RF\"\n"
      "                                    ? SUSPECTED OR ACCUSED BY "
      "AUTHORITIES / POSSIBLE: \"GREEN ARMY\"\n"
      "\n"
      "0.  MESSAGE: ID                     XYZ-MUC3-0001 (KEY)\n"
      "1.  MESSAGE: TEMPLATE               2 (OPTIONAL)\n"
      "4.  INCIDENT: TYPE                  KIDNAPPING\n"
      "10. PERP: ORGANIZATION ID           -\n"
      "11. PERP: ORGANIZATION CONFIDENCE   -\n"
      "\n"
      "0.  MESSAGE: ID                     XYZ-MUC3-0002 (KEY)\n"
      "1.  MESSAGE: TEMPLATE               *\n"
      "4.  INCIDENT: TYPE                  *\n"
      "10. PERP: ORGANIZATION ID           *\n");
  auto keys = ReadMucKeys(in, "key");
  ASSERT_TRUE(keys.ok()) << keys.status();
  ASSERT_EQ(keys->size(), 2u);
  const MucKey& first = (*keys)[0];
  EXPECT_EQ(first.message_id, "XYZ-MUC3-0001");
  ASSERT_EQ(first.templates.size(), 2u);
  EXPECT_EQ(first.templates[0].incident_type, "BOMBING");
  EXPECT_FALSE(first.templates[0].optional);
  ASSERT_EQ(first.templates[0].perpetrators.size(), 2u);
  const MucPerpetrator& rf = first.templates[0].perpetrators[0];
  EXPECT_EQ(rf.names, (std::vector<std::string>{"RED FRONT", "RF"}));
  EXPECT_EQ(rf.confidence, (std::vector<std::string>{"CLAIMED OR ADMITTED"}));
  EXPECT_EQ(first.templates[0].perpetrators[1].confidence,
            (std::vector<std::string>{"SUSPECTED OR ACCUSED", "POSSIBLE"}));
  EXPECT_EQ(first.templates[1].incident_type, "KIDNAPPING");
  EXPECT_TRUE(first.templates[1].optional);
  EXPECT_TRUE(first.templates[1].perpetrators.empty());
  EXPECT_EQ((*keys)[1].message_id, "XYZ-MUC3-0002");
  EXPECT_TRUE((*keys)[1].templates.empty());
}

TEST(MatchTest, LenientTextMatchAtWordBoundaries) {
  EXPECT_TRUE(LenientTextMatch("general", "a Russian major General"));
  EXPECT_TRUE(LenientTextMatch("the RED FRONT  guerrillas", "red front"));
  EXPECT_FALSE(LenientTextMatch("he", "the general"));
  EXPECT_FALSE(LenientTextMatch("", "anything"));
}

TEST(MatchTest, MaxMatchingIsOneToOne) {
  // Gold 0 and 1 both match only system 0; gold 2 matches system 0 and 1.
  std::vector<std::vector<bool>> m = {
      {true, false}, {true, false}, {true, true}};
  std::vector<int> pairs;
  EXPECT_EQ(MaxMatching(m, &pairs), 2u);
  EXPECT_EQ(pairs[2], 1);
  EXPECT_EQ(MaxMatching({}), 0u);
}

}  // namespace
}  // namespace sitrep::eval
