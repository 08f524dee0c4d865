// The store at scale: a generated store of SITREP_BENCH_EVENTS events
// (default 1,000,000; ten to a report, over five years and forty
// countries), then the common queries and a streaming export. The store is
// generated once into SITREP_BENCH_STORE (default build/bench/
// store_bench_<N>.db) and reused while it holds that many events.
// Run: build/bench/store_benchmark
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "sitrep/events.h"
#include "sitrep/store.h"

namespace {

constexpr int kEventsPerReport = 10;
constexpr const char* kCountries[] = {
    "UKR", "RUS", "SYR", "IRQ", "YEM", "SDN", "SSD", "SOM", "ETH", "MLI",
    "BFA", "NER", "NGA", "COD", "CAF", "MOZ", "AFG", "PAK", "IND", "MMR",
    "PHL", "COL", "MEX", "HTI", "VEN", "LBY", "EGY", "ISR", "PSE", "LBN",
    "TUR", "AZE", "ARM", "GEO", "KEN", "UGA", "CMR", "TCD", "BDI", "LKA"};
constexpr const char* kSubTypes[][2] = {
    {"Battles", "Armed clash"},
    {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
    {"Explosions/Remote violence", "Air/drone strike"},
    {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
    {"Violence against civilians", "Attack"},
    {"Violence against civilians", "Abduction/forced disappearance"},
    {"Protests", "Peaceful protest"},
    {"Riots", "Violent demonstration"}};
constexpr const char* kSectors[] = {"MIL", "REB", "COP", "CVL", "GOV", "UAF"};
constexpr const char* kWords[] = {
    "village", "checkpoint", "convoy", "market", "hospital", "school",
    "bridge",  "highway",    "camp",   "border", "district", "outpost"};

std::string Day(int index) {
  // 2019-01-01 plus `index` days, by a civil-calendar walk.
  static const int kMonthDays[] = {31, 28, 31, 30, 31, 30,
                                   31, 31, 30, 31, 30, 31};
  int y = 2019, m = 0, d = index;
  while (true) {
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int in_month = kMonthDays[m] + (m == 1 && leap ? 1 : 0);
    if (d < in_month) break;
    d -= in_month;
    if (++m == 12) {
      m = 0;
      ++y;
    }
  }
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m + 1, d + 1);
}

sitrep::CodedReport MakeReport(int n, std::mt19937_64& rng) {
  sitrep::CodedReport r;
  r.document.id = "gen-" + std::to_string(n);
  const int country_index = static_cast<int>(rng() % 40);
  const std::string country = kCountries[country_index];
  const double lat0 = -30.0 + 1.5 * country_index;
  const double lon0 = -80.0 + 4.0 * country_index;
  const std::string day = Day(static_cast<int>(rng() % 1826));
  r.document.date = day;
  r.document.source = "Publisher " + std::to_string(rng() % 200);
  for (int i = 0; i < kEventsPerReport; ++i) {
    const std::string doer = kCountries[rng() % 40];
    const std::string sector = kSectors[rng() % 6];
    const std::string word = kWords[rng() % 12];
    const std::string sentence = "Forces of " + doer + " attacked the " + word +
                                 " near town " + std::to_string(rng() % 5000) +
                                 ". ";
    const uint32_t begin = static_cast<uint32_t>(r.document.text.size());
    r.document.text += sentence;
    const uint32_t end = begin + static_cast<uint32_t>(sentence.size()) - 1;
    r.coded.sentence_spans.push_back({begin, end});
    sitrep::Event& e = r.coded.events.emplace_back();
    e.id = r.document.id + ":" + std::to_string(i) + ":0";
    e.sentence = i;
    e.trigger = {"attacked", {begin + 14, begin + 22}};
    e.event_class = "attack";
    e.plover.type = "ASSAULT";
    const auto& type = kSubTypes[rng() % 8];
    e.acled = sitrep::AcledType{type[0], type[1]};
    e.cameo = "190";
    e.modality = rng() % 10 == 0 ? "negated" : "asserted";
    e.confidence = 0.8;
    e.date = sitrep::EventDate{"on Monday", {}, day, "day", ""};
    e.source.push_back({"Forces of " + doer,
                        {begin, begin + 13},
                        "",
                        doer,
                        sector,
                        doer + sector,
                        false});
    e.target.push_back({"civilians", {}, "", "", "CVL", "CVL", false});
    if (rng() % 3 == 0) {
      e.fatalities = sitrep::Casualties{
          static_cast<int64_t>(rng() % 20), "exact", "CVL", {"killing", {}}};
    }
    e.claim = sitrep::Claim{sitrep::Actor{"Ministry of Defence of " + country,
                                          {},
                                          "",
                                          country,
                                          "GOV",
                                          country + "GOV",
                                          false},
                            "accuses",
                            {"said", {}}};
    sitrep::Location& l = e.location.emplace();
    l.text = "the " + word;
    l.geocoded = true;
    l.name = "Town " + std::to_string(rng() % 5000);
    l.lat = lat0 + static_cast<double>(rng() % 3000) / 1000.0;
    l.lon = lon0 + static_cast<double>(rng() % 3000) / 1000.0;
    l.country = country;
    l.precision = "point";
    l.basis = "event";
  }
  return r;
}

uint64_t EventsWanted() {
  const char* n = std::getenv("SITREP_BENCH_EVENTS");
  return n != nullptr ? std::strtoull(n, nullptr, 10) : 1000000;
}

sitrep::Store* BenchStore() {
  static sitrep::Store* store = [] {
    const uint64_t events = EventsWanted();
    const char* env = std::getenv("SITREP_BENCH_STORE");
    const std::string path =
        env != nullptr ? env : "store_bench_" + std::to_string(events) + ".db";
    auto opened = sitrep::Store::Open("sqlite:" + path);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      std::exit(1);
    }
    sitrep::Store* s = opened.value().release();
    const uint64_t held = s->Counts().value().events;
    if (held != events) {
      std::fprintf(stderr, "store_benchmark: generating %llu events in %s\n",
                   static_cast<unsigned long long>(events), path.c_str());
      std::mt19937_64 rng(20261207);
      std::vector<sitrep::CodedReport> batch;
      std::vector<sitrep::WriteOutcome> outcomes;
      const int reports = static_cast<int>(events / kEventsPerReport);
      for (int n = 0; n < reports; ++n) {
        batch.push_back(MakeReport(n, rng));
        if (batch.size() == 1000 || n + 1 == reports) {
          if (!s->Write(batch, &outcomes).ok()) std::exit(1);
          batch.clear();
        }
      }
    }
    return s;
  }();
  return store;
}

void RunQuery(benchmark::State& state, const sitrep::EventQuery& q) {
  sitrep::Store* store = BenchStore();
  uint64_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    const sitrep::Status s = store->Query(q, [&](const sitrep::StoredEvent& e) {
      benchmark::DoNotOptimize(e.event.id.data());
      ++rows;
      return true;
    });
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.counters["events"] = static_cast<double>(rows);
}

void BM_DateCountryType(benchmark::State& state) {
  sitrep::EventQuery q;
  q.from = "2022-03-01";
  q.to = "2022-03-31";
  q.country = "UKR";
  q.type = "Shelling/artillery/missile attack";
  RunQuery(state, q);
}
BENCHMARK(BM_DateCountryType)->Unit(benchmark::kMillisecond);

void BM_YearCountryType(benchmark::State& state) {
  sitrep::EventQuery q;
  q.from = "2022-01-01";
  q.to = "2022-12-31";
  q.country = "UKR";
  q.type = "Explosions/Remote violence";
  RunQuery(state, q);
}
BENCHMARK(BM_YearCountryType)->Unit(benchmark::kMillisecond);

void BM_BoundingBox(benchmark::State& state) {
  sitrep::EventQuery q;
  q.bbox = sitrep::EventQuery::BoundingBox{36.0, 13.5, 36.5, 14.0};
  RunQuery(state, q);
}
BENCHMARK(BM_BoundingBox)->Unit(benchmark::kMillisecond);

void BM_ActorFirstPage(benchmark::State& state) {
  sitrep::EventQuery q;
  q.actor = "RUSMIL";
  q.limit = 100;
  RunQuery(state, q);
}
BENCHMARK(BM_ActorFirstPage)->Unit(benchmark::kMillisecond);

void BM_ActorInMonth(benchmark::State& state) {
  sitrep::EventQuery q;
  q.actor = "RUSMIL";
  q.from = "2022-03-01";
  q.to = "2022-03-31";
  RunQuery(state, q);
}
BENCHMARK(BM_ActorInMonth)->Unit(benchmark::kMillisecond);

void BM_TextFirstPage(benchmark::State& state) {
  sitrep::EventQuery q;
  q.text = "checkpoint";
  q.limit = 100;
  RunQuery(state, q);
}
BENCHMARK(BM_TextFirstPage)->Unit(benchmark::kMillisecond);

// Every event read and written as ACLED CSV, as `sitrep export` does.
void BM_ExportAcled(benchmark::State& state) {
  sitrep::Store* store = BenchStore();
  uint64_t rows = 0, bytes = 0;
  std::string out;
  for (auto _ : state) {
    const sitrep::Status s =
        store->Query({}, [&](const sitrep::StoredEvent& e) {
          const sitrep::EventOrigin origin{e.document_id, e.document_date,
                                           e.document_source};
          sitrep::AppendAcledCsvRow(origin, e.event, &out);
          ++rows;
          // Written out a mebibyte at a time, as `sitrep export` does.
          if (out.size() >= (size_t{1} << 20)) {
            bytes += out.size();
            out.clear();
          }
          return true;
        });
    bytes += out.size();
    out.clear();
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(rows));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ExportAcled)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
