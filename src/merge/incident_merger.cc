// MergeIncidents: places the events in no incident, a stretch of days at a
// time. For each event, by day, the incidents with an event within the
// time window are candidates; the event joins the one it is most alike
// (its best match among that incident's events), or starts a new one when
// none reaches MergeOptions::min_score. Events of one report join one
// incident only when they tell of the same kind of act at the same place
// on the same day (SameAct): a report that lists three shellings of three
// villages reports three incidents.
//
// Events already placed are read, never moved; the assignments of a
// stretch are written in one transaction before the next is read, so an
// interrupted merge resumes where it stopped.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "geo/toponyms.h"
#include "merge/incident_matcher.h"
#include "sitrep/incidents.h"
#include "time/calendar.h"

namespace sitrep {
namespace {

// Events read into memory at once, at most (about 1 KB each).
constexpr size_t kEventsPerStretch = 20000;
constexpr double kSamePlaceKm = 5;
// An event with a date range (a week, a month) is looked for on each of
// its days up to this many.
constexpr int kMaxRangeDays = 31;

// Two events of one report that tell of one act: the same days, the same
// kind of act, and the same place (a few km apart, or the same words).
bool SameAct(const StoredEvent& a, const StoredEvent& b) {
  const std::optional<merge::DayRange> da = merge::DaysOf(a);
  const std::optional<merge::DayRange> db = merge::DaysOf(b);
  if (!da || !db || da->first != db->first || da->last != db->last) {
    return false;
  }
  if (!a.event.acled || !b.event.acled ||
      a.event.acled->event_type != b.event.acled->event_type) {
    return false;
  }
  const std::optional<Location>& la = a.event.location;
  const std::optional<Location>& lb = b.event.location;
  if (!la || !lb) return !la && !lb;
  if (la->geocoded && lb->geocoded) {
    return geo::DistanceKm(la->lat, la->lon, lb->lat, lb->lon) <= kSamePlaceKm;
  }
  return la->text == lb->text;
}

struct Cluster {
  std::vector<const StoredEvent*> events;
};

class StretchMerger {
 public:
  StretchMerger(const MergeOptions& options) : options_(options) {}

  void AddPlaced(const StoredEvent& e) { placed_.push_back(e); }

  // Places `fresh` (by day) among the clusters; returns the assignments.
  std::vector<IncidentAssignment> Place(const std::vector<StoredEvent>& fresh,
                                        MergeStats* stats) {
    for (const StoredEvent& e : placed_) Add(e.incident, &e);
    std::vector<IncidentAssignment> out;
    int64_t next_new = -1;
    for (const StoredEvent& e : fresh) {
      const std::optional<merge::DayRange> days = merge::DaysOf(e);
      if (!days) continue;
      std::vector<int64_t> candidates;
      for (absl::CivilDay d = days->first - options_.window_days;
           d <= std::min(days->last, days->first + kMaxRangeDays) +
                    options_.window_days;
           ++d) {
        auto it = by_day_.find(static_cast<int64_t>(d - absl::CivilDay()));
        if (it == by_day_.end()) continue;
        candidates.insert(candidates.end(), it->second.begin(),
                          it->second.end());
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()),
                       candidates.end());
      int64_t best = 0;
      IncidentMatch best_match;
      std::string best_like;
      for (int64_t id : candidates) {
        const Cluster& c = clusters_[id];
        IncidentMatch cluster_match;
        std::string like;
        bool ruled_out = false;
        for (const StoredEvent* m : c.events) {
          const std::optional<IncidentMatch> match =
              MatchEvents(e, *m, options_);
          if (m->document_id == e.document_id && !SameAct(e, *m)) {
            ruled_out = true;
            break;
          }
          if (match && match->score > cluster_match.score) {
            cluster_match = *match;
            like = m->event.id;
          }
        }
        if (ruled_out || cluster_match.score < options_.min_score) continue;
        // Ties go to the older incident (ids of new ones are negative and
        // count down; placed ones are positive and count up).
        if (cluster_match.score > best_match.score ||
            (cluster_match.score == best_match.score && Older(id, best))) {
          best = id;
          best_match = cluster_match;
          best_like = like;
        }
      }
      IncidentAssignment& a = out.emplace_back();
      a.event_id = e.event.id;
      if (best != 0) {
        a.incident = best;
        a.score = best_match.score;
        a.reason = "like " + best_like + ": " + best_match.reason;
        ++stats->joined;
      } else {
        best = next_new--;
        a.incident = best;
        a.score = 1;
        a.reason = "first report";
        ++stats->incidents;
      }
      Add(best, &e);
    }
    return out;
  }

 private:
  static bool Older(int64_t a, int64_t b) {
    if (b == 0) return true;
    if ((a > 0) != (b > 0)) return a > 0;
    return a > 0 ? a < b : a > b;
  }

  void Add(int64_t id, const StoredEvent* e) {
    clusters_[id].events.push_back(e);
    const std::optional<merge::DayRange> days = merge::DaysOf(*e);
    if (!days) return;
    const absl::CivilDay last =
        std::min(days->last, days->first + kMaxRangeDays);
    for (absl::CivilDay d = days->first; d <= last; ++d) {
      std::vector<int64_t>& ids =
          by_day_[static_cast<int64_t>(d - absl::CivilDay())];
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }

  const MergeOptions& options_;
  std::vector<StoredEvent> placed_;
  std::map<int64_t, Cluster> clusters_;
  std::unordered_map<int64_t, std::vector<int64_t>> by_day_;
};

// Drops what matching does not read, to keep a stretch small.
void Slim(StoredEvent* e) {
  e->event.text.clear();
  e->incident_reason.clear();
}

}  // namespace

StatusOr<MergeStats> MergeIncidents(Store& store, const MergeOptions& options) {
  MergeStats stats;
  // First the days of the events to place, and how many on each.
  std::map<std::string, uint64_t> days;
  EventQuery unplaced;
  unplaced.membership = EventQuery::Membership::kInNoIncident;
  Status s = store.Query(unplaced, [&](const StoredEvent& e) {
    if (IsIncidentEvent(e)) {
      ++days[e.day];
      ++stats.considered;
    } else {
      ++stats.skipped;
    }
    return true;
  });
  if (!s.ok()) return s;

  // Then stretches of days, each read, placed and written in turn.
  const int margin = options.window_days + kMaxRangeDays + 1;
  auto it = days.begin();
  while (it != days.end()) {
    const std::string first = it->first;
    uint64_t n = 0;
    std::string last;
    while (it != days.end() &&
           (n == 0 || n + it->second <= kEventsPerStretch)) {
      n += it->second;
      last = it->first;
      ++it;
    }
    EventQuery fresh_query = unplaced;
    fresh_query.from = first;
    fresh_query.to = last;
    std::vector<StoredEvent> fresh;
    s = store.Query(fresh_query, [&](StoredEvent& e) {
      if (IsIncidentEvent(e)) {
        fresh.push_back(std::move(e));
        Slim(&fresh.back());
      }
      return true;
    });
    if (!s.ok()) return s;

    StretchMerger merger(options);
    EventQuery placed_query;
    placed_query.membership = EventQuery::Membership::kInIncident;
    const std::optional<absl::CivilDay> from = time::ParseIsoDate(first);
    const std::optional<absl::CivilDay> to = time::ParseIsoDate(last);
    if (from && to) {
      placed_query.from = time::FormatDate(*from - margin);
      placed_query.to = time::FormatDate(*to + margin);
    }
    s = store.Query(placed_query, [&](StoredEvent& e) {
      Slim(&e);
      merger.AddPlaced(std::move(e));
      return true;
    });
    if (!s.ok()) return s;
    const std::vector<IncidentAssignment> assignments =
        merger.Place(fresh, &stats);
    StatusOr<std::vector<int64_t>> made = store.AssignIncidents(assignments);
    if (!made.ok()) return made.status();
  }
  return stats;
}

}  // namespace sitrep
