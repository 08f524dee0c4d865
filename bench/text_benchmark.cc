// Throughput of the text layer on one core: split + tokenise (the whole
// TextAnalyzer: validation, normalisation, dateline, sentences, tokens,
// quotes) and its parts, over the bundled example reports.
//
//   build/bench/text_benchmark [--benchmark_min_time=2]
//
// SITREP_BENCH_CORPUS=FILE (JSONL or text, as `sitrep split` reads it)
// replaces the examples with another corpus.
// Reported as bytes of input text per second.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "sitrep/reader.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

const std::vector<Document>& Corpus() {
  static const std::vector<Document>* corpus = [] {
    auto* docs = new std::vector<Document>();
    const char* path = std::getenv("SITREP_BENCH_CORPUS");
    auto reader = DocumentReader::Open(
        path != nullptr ? path : SITREP_SOURCE_DIR "/examples/reports.jsonl");
    if (!reader.ok()) {
      std::fprintf(stderr, "%s\n", reader.status().ToString().c_str());
      std::abort();
    }
    InputRecord record;
    while ((*reader)->Next(&record)) {
      if (!record.rejected()) docs->push_back(record.document);
    }
    return docs;
  }();
  return *corpus;
}

void BM_AnalyzeReports(benchmark::State& state) {
  auto analyzer = TextAnalyzer::Create();
  const std::vector<Document>& docs = Corpus();
  AnalyzedText out;
  int64_t bytes = 0;
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      const Status s = (*analyzer)->Analyze(d, &out);
      benchmark::DoNotOptimize(s);
      bytes += static_cast<int64_t>(d.text.size());
      for (const Sentence& sentence : out.sentences)
        tokens += sentence.tokens.size();
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzeReports)->Unit(benchmark::kMillisecond);

// The same text with typographic characters replaced by ASCII beforehand,
// so that normalisation takes its fast path: the cost of NFC and
// punctuation mapping is the difference.
void BM_AnalyzeAsciiReports(benchmark::State& state) {
  auto analyzer = TextAnalyzer::Create();
  std::vector<Document> docs = Corpus();
  for (Document& d : docs) {
    std::string ascii;
    for (unsigned char c : d.text) {
      if (c < 0x80)
        ascii.push_back(static_cast<char>(c));
      else if ((c & 0xC0) == 0xC0)
        ascii.push_back('x');
    }
    d.text = ascii;
  }
  AnalyzedText out;
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      benchmark::DoNotOptimize((*analyzer)->Analyze(d, &out));
      bytes += static_cast<int64_t>(d.text.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_AnalyzeAsciiReports)->Unit(benchmark::kMillisecond);

// One large document: the examples joined, as a long monitoring report.
void BM_AnalyzeOneLargeDocument(benchmark::State& state) {
  auto analyzer = TextAnalyzer::Create();
  Document big;
  while (big.text.size() < (size_t{4} << 20)) {
    for (const Document& d : Corpus()) big.text += d.text + "\n\n";
  }
  AnalyzedText out;
  for (auto _ : state) {
    benchmark::DoNotOptimize((*analyzer)->Analyze(big, &out));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(big.text.size()));
}
BENCHMARK(BM_AnalyzeOneLargeDocument)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
