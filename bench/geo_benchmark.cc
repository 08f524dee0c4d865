// Gazetteer index: opening (map and check) and name lookups, on the index
// the build compiles (build/gazetteer.idx). Run: build/bench/geo_benchmark
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "geo/gazetteer.h"

namespace {

const char* kIndex = SITREP_GAZETTEER_PATH;

void BM_OpenIndex(benchmark::State& state) {
  for (auto _ : state) {
    auto g = sitrep::geo::Gazetteer::Open(kIndex);
    if (!g.ok()) {
      state.SkipWithError(std::string(g.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize((*g)->size());
  }
}
BENCHMARK(BM_OpenIndex)->Unit(benchmark::kMillisecond);

void BM_FindName(benchmark::State& state) {
  auto g = sitrep::geo::Gazetteer::Open(kIndex);
  if (!g.ok()) {
    state.SkipWithError(std::string(g.status().message()).c_str());
    return;
  }
  const std::vector<std::string> names = {
      "Stepanakert", "Xankəndi", "Shusha",   "Fuzuli",    "Alexandria",
      "Tripoli",     "Kirkuk",   "Mykolaiv", "El Fasher", "Nowhere at all"};
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& n : names) found += (*g)->Find(n).size();
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(names.size()));
}
BENCHMARK(BM_FindName);

}  // namespace

BENCHMARK_MAIN();
