// How alike two events are as reports of one incident. Four cues, each in
// [0, 1], weighed into one score:
//   time    0.3  the days they happened (a report's own date, else its
//                 publication day, which may be a day late);
//   place   0.3  the distance between their places, or the area that
//                 holds both when one is only a province or a country;
//   kind    0.2  ACLED sub-event type, event type, or both violent acts
//                 ("shelled" in one account, "opened fire" in the other);
//   parties 0.2  the countries named as doers, targets and speakers: two
//                 sides accusing each other name the same two countries.
// A cue that rules a match out (days too far apart, places too far,
// different kinds of act, parties with nothing in common) ends it.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "geo/toponyms.h"
#include "merge/incident_matcher.h"
#include "sitrep/incidents.h"
#include "time/calendar.h"

namespace sitrep {
namespace merge {

std::optional<DayRange> DaysOf(const StoredEvent& e) {
  const std::optional<absl::CivilDay> day = time::ParseIsoDate(e.day);
  if (!day) return std::nullopt;
  DayRange r{*day, *day, false};
  const bool own_date = e.event.date && !e.event.date->value.empty();
  if (own_date && !e.event.date->range_end.empty()) {
    if (std::optional<absl::CivilDay> end =
            time::ParseIsoDate(e.event.date->range_end);
        end && *end >= *day) {
      r.last = *end;
    }
  }
  // Without a date of its own, the event happened on its report's day or
  // the day before.
  if (!own_date) r.first = *day - 1;
  r.coarse = r.last - r.first > 2;
  return r;
}

std::set<std::string> PartiesOf(const StoredEvent& e) {
  std::set<std::string> parties;
  for (const auto* actors : {&e.event.source, &e.event.target}) {
    for (const Actor& a : *actors) {
      if (!a.country.empty()) parties.insert(a.country);
    }
  }
  if (e.event.claim && e.event.claim->claimant &&
      !e.event.claim->claimant->country.empty()) {
    parties.insert(e.event.claim->claimant->country);
  }
  return parties;
}

}  // namespace merge

namespace {

using merge::DayRange;

constexpr double kTimeWeight = 0.3, kPlaceWeight = 0.3, kKindWeight = 0.2,
                 kPartiesWeight = 0.2;
constexpr double kSamePlaceKm = 5;

bool Violent(const std::string& type) {
  return type == "Battles" || type == "Explosions/Remote violence" ||
         type == "Violence against civilians";
}
bool Demonstration(const std::string& type) {
  return type == "Protests" || type == "Riots";
}
bool Coarse(const std::string& precision) {
  return precision == "admin1" || precision == "country" ||
         precision == "region";
}
const Location* Located(const StoredEvent& e) {
  return e.event.location && e.event.location->geocoded ? &*e.event.location
                                                        : nullptr;
}

}  // namespace

bool IsIncidentEvent(const StoredEvent& e) {
  const std::string& m = e.event.modality;
  return e.event.acled &&
         e.event.acled->event_type != "Strategic developments" &&
         !e.day.empty() &&
         (m == "asserted" || m == "negated" || m == "historical");
}

std::optional<IncidentMatch> MatchEvents(const StoredEvent& a,
                                         const StoredEvent& b,
                                         const MergeOptions& options) {
  if (!a.event.acled || !b.event.acled) return std::nullopt;
  std::vector<std::string> why;

  // Time.
  const std::optional<DayRange> da = merge::DaysOf(a), db = merge::DaysOf(b);
  if (!da || !db) return std::nullopt;
  const int64_t gap =
      std::max<int64_t>({0, static_cast<int64_t>(da->first - db->last),
                         static_cast<int64_t>(db->first - da->last)});
  if (gap > options.window_days) return std::nullopt;
  double time = gap == 0 ? 1.0 : std::max(0.25, 1.0 - 0.25 * gap);
  if (da->coarse || db->coarse) time *= 0.6;
  why.push_back(
      gap == 0 ? (da->coarse || db->coarse ? "overlapping dates" : "same day")
               : absl::StrCat(gap, gap == 1 ? " day" : " days", " apart"));

  // Place.
  double place;
  const Location* la = Located(a);
  const Location* lb = Located(b);
  if (la != nullptr && lb != nullptr) {
    if (!la->country.empty() && !lb->country.empty() &&
        la->country != lb->country) {
      return std::nullopt;
    }
    if (Coarse(la->precision) || Coarse(lb->precision)) {
      const bool province =
          la->precision == "admin1" || lb->precision == "admin1";
      if (province && !la->admin1.empty() && !lb->admin1.empty() &&
          la->admin1 != lb->admin1) {
        return std::nullopt;
      }
      place = province ? 0.6 : 0.4;
      why.push_back(province ? "same province" : "same country");
    } else {
      const double km = geo::DistanceKm(la->lat, la->lon, lb->lat, lb->lon);
      if (km > options.max_km) return std::nullopt;
      place = km <= kSamePlaceKm
                  ? 1.0
                  : 1.0 - 0.8 * (km - kSamePlaceKm) /
                              std::max(1.0, options.max_km - kSamePlaceKm);
      why.push_back(
          km <= kSamePlaceKm
              ? "same place"
              : absl::StrCat(static_cast<int>(std::lround(km)), " km apart"));
    }
  } else if (la != nullptr || lb != nullptr) {
    place = 0.4;
    why.push_back("one place unknown");
  } else {
    place = 0.3;
    why.push_back("no places");
  }

  // Kind.
  double kind;
  const AcledType& ka = *a.event.acled;
  const AcledType& kb = *b.event.acled;
  if (ka.sub_event_type == kb.sub_event_type) {
    kind = 1.0;
    why.push_back("both " + ka.sub_event_type);
  } else if (ka.event_type == kb.event_type) {
    kind = 0.8;
    why.push_back("both " + ka.event_type);
  } else if ((Violent(ka.event_type) && Violent(kb.event_type)) ||
             (Demonstration(ka.event_type) && Demonstration(kb.event_type))) {
    kind = 0.6;
    why.push_back(ka.sub_event_type + " / " + kb.sub_event_type);
  } else {
    return std::nullopt;
  }

  // Parties.
  double parties = 0.5;
  const std::set<std::string> pa = merge::PartiesOf(a),
                              pb = merge::PartiesOf(b);
  if (!pa.empty() && !pb.empty()) {
    std::vector<std::string> both;
    std::set_intersection(pa.begin(), pa.end(), pb.begin(), pb.end(),
                          std::back_inserter(both));
    if (both.empty()) return std::nullopt;
    const double all = static_cast<double>(pa.size() + pb.size() - both.size());
    parties = 0.5 + 0.5 * static_cast<double>(both.size()) / all;
    why.push_back("parties " + absl::StrJoin(both, ", ") + " in both");
  }

  IncidentMatch match;
  match.score = kTimeWeight * time + kPlaceWeight * place + kKindWeight * kind +
                kPartiesWeight * parties;
  match.reason = absl::StrJoin(why, "; ");
  return match;
}

}  // namespace sitrep
