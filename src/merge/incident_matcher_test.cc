#include <string>

#include "gtest/gtest.h"
#include "sitrep/incidents.h"

namespace sitrep {
namespace {

// An act on `day` at (lat, lon) in `country`, by `doer` (alpha-3) and
// claimed by `speaker` (alpha-3; "" for the report's own voice).
StoredEvent Act(const std::string& doc, const std::string& day,
                const std::string& sub_type, double lat, double lon,
                const std::string& country, const std::string& doer,
                const std::string& speaker) {
  StoredEvent s;
  s.document_id = doc;
  s.day = day;
  Event& e = s.event;
  e.id = doc + ":0:0";
  e.modality = "asserted";
  const std::string type = sub_type == "Armed clash"        ? "Battles"
                           : sub_type == "Peaceful protest" ? "Protests"
                           : sub_type == "Agreement" ? "Strategic developments"
                           : sub_type == "Attack"
                               ? "Violence against civilians"
                               : "Explosions/Remote violence";
  e.acled = AcledType{type, sub_type};
  e.date = EventDate{"on Monday", {}, day, "day", ""};
  Location& l = e.location.emplace();
  l.geocoded = true;
  l.lat = lat;
  l.lon = lon;
  l.country = country;
  l.precision = "point";
  if (!doer.empty())
    e.source.push_back({"forces", {}, "", doer, "MIL", doer + "MIL", false});
  if (!speaker.empty()) {
    e.claim = Claim{
        Actor{"the ministry", {}, "", speaker, "GOV", speaker + "GOV", false},
        "accuses",
        {}};
  }
  return s;
}

TEST(IncidentMatcherTest, TwoSidesAccusingEachOtherOfOneNightMatch) {
  // Each ministry says the other side fired first, at villages 25 km apart.
  const StoredEvent a = Act("mod-az", "2023-08-29", "Armed clash", 39.60, 47.14,
                            "AZE", "ARM", "AZE");
  const StoredEvent b =
      Act("mod-am", "2023-08-29", "Shelling/artillery/missile attack", 39.76,
          46.75, "AZE", "AZE", "ARM");
  const std::optional<IncidentMatch> m = MatchEvents(a, b);
  ASSERT_TRUE(m);
  EXPECT_GE(m->score, MergeOptions().min_score);
  EXPECT_NE(m->reason.find("same day"), std::string::npos) << m->reason;
  EXPECT_NE(m->reason.find("parties ARM, AZE in both"), std::string::npos)
      << m->reason;
}

TEST(IncidentMatcherTest, WhatRulesAMatchOut) {
  const StoredEvent base =
      Act("a", "2023-08-29", "Armed clash", 39.60, 47.14, "AZE", "ARM", "AZE");
  struct Case {
    const char* what;
    StoredEvent other;
  } cases[] = {
      {"four days later", Act("b", "2023-09-02", "Armed clash", 39.60, 47.14,
                              "AZE", "ARM", "AZE")},
      {"200 km away", Act("b", "2023-08-29", "Armed clash", 40.40, 49.87, "AZE",
                          "ARM", "AZE")},
      {"in another country", Act("b", "2023-08-29", "Armed clash", 39.61, 47.15,
                                 "ARM", "ARM", "AZE")},
      {"a protest, not a clash",
       Act("b", "2023-08-29", "Peaceful protest", 39.60, 47.14, "AZE", "", "")},
      {"other parties", Act("b", "2023-08-29", "Armed clash", 39.60, 47.14,
                            "AZE", "RUS", "UKR")},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(MatchEvents(base, c.other)) << c.what;
    EXPECT_FALSE(MatchEvents(c.other, base)) << c.what;
  }
  // Nearer in time and space, more alike.
  const auto same = MatchEvents(base, Act("b", "2023-08-29", "Armed clash",
                                          39.6, 47.14, "AZE", "ARM", "AZE"));
  const auto next_day = MatchEvents(
      base,
      Act("b", "2023-08-30", "Armed clash", 39.6, 47.14, "AZE", "ARM", "AZE"));
  const auto farther = MatchEvents(base, Act("b", "2023-08-29", "Armed clash",
                                             39.9, 47.14, "AZE", "ARM", "AZE"));
  ASSERT_TRUE(same && next_day && farther);
  EXPECT_GT(same->score, next_day->score);
  EXPECT_GT(same->score, farther->score);
  EXPECT_NE(next_day->reason.find("1 day apart"), std::string::npos);
}

TEST(IncidentMatcherTest, AProvinceHoldsTheTownsInIt) {
  StoredEvent a = Act("a", "2024-06-02", "Attack", 13.63, 25.35, "SDN", "", "");
  StoredEvent b = Act("b", "2024-06-02", "Attack", 13.0, 25.0, "SDN", "", "");
  a.event.location->admin1 = "55";
  b.event.location->admin1 = "55";
  b.event.location->precision = "admin1";
  const auto m = MatchEvents(a, b);
  ASSERT_TRUE(m);
  EXPECT_NE(m->reason.find("same province"), std::string::npos);
  b.event.location->admin1 = "49";
  EXPECT_FALSE(MatchEvents(a, b));
}

TEST(IncidentMatcherTest, IncidentsAreActsOnTheGroundWithADay) {
  StoredEvent e = Act("a", "2023-08-29", "Armed clash", 0, 0, "", "", "");
  EXPECT_TRUE(IsIncidentEvent(e));
  e.event.modality = "negated";  // a denial is an account of the incident
  EXPECT_TRUE(IsIncidentEvent(e));
  e.event.modality = "future";
  EXPECT_FALSE(IsIncidentEvent(e));
  e = Act("a", "2023-08-29", "Agreement", 0, 0, "", "", "");
  EXPECT_FALSE(IsIncidentEvent(e));
  e = Act("a", "", "Armed clash", 0, 0, "", "", "");
  EXPECT_FALSE(IsIncidentEvent(e));
}

}  // namespace
}  // namespace sitrep
