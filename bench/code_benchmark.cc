// End-to-end event coding throughput: text layer, parser, lexicon and
// extraction, as `sitrep code` runs them.
//
//   build/bench/code_benchmark [--benchmark_min_time=2]
//
// The corpus is the bundled example reports. SITREP_BENCH_CONLLU=FILE adds
// the `# text` sentences of a CoNLL-U file (e.g. UD English EWT), grouped
// into documents of 20 sentences, and SITREP_BENCH_REPEAT=N repeats the
// corpus N times, so that a run covers 50,000 sentences or more. Reported as
// sentences per second of wall time on one thread and on two threads that
// share one EventCoder (each codes half of the documents).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sitrep/events.h"
#include "sitrep/reader.h"

namespace sitrep {
namespace {

[[noreturn]] void Fail(const Status& status) {
  std::fprintf(stderr, "code_benchmark: %s\n", status.ToString().c_str());
  std::abort();
}

const EventCoder& Coder() {
  static const EventCoder* coder = [] {
    EventCoderOptions options;
    const char* model = std::getenv("SITREP_PARSER_MODEL");
    options.parser_model =
        model != nullptr ? model : SITREP_SOURCE_DIR "/models/en.parser";
    const char* lexicon = std::getenv("SITREP_LEXICON");
    options.lexicon = lexicon != nullptr ? lexicon : SITREP_LEXICON_PATH;
    auto made = EventCoder::Create(options);
    if (!made.ok()) Fail(made.status());
    return std::move(made).value().release();
  }();
  return *coder;
}

struct Corpus {
  std::vector<Document> documents;
  size_t sentences = 0;  // as the text layer counts them, once coded
};

const Corpus& TheCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus();
    std::vector<Document> base;
    auto reader =
        DocumentReader::Open(SITREP_SOURCE_DIR "/examples/reports.jsonl");
    if (!reader.ok()) Fail(reader.status());
    InputRecord record;
    while ((*reader)->Next(&record)) {
      if (!record.rejected()) base.push_back(record.document);
    }
    if (const char* conllu = std::getenv("SITREP_BENCH_CONLLU")) {
      std::ifstream in(conllu);
      std::string line, text;
      int in_doc = 0, n = 0;
      while (std::getline(in, line)) {
        if (line.rfind("# text = ", 0) != 0) continue;
        text += (text.empty() ? "" : " ") + line.substr(9);
        if (++in_doc == 20) {
          Document d;
          d.id = "ud-" + std::to_string(++n);
          d.text = text;
          base.push_back(std::move(d));
          text.clear();
          in_doc = 0;
        }
      }
    }
    int repeat = 1;
    if (const char* r = std::getenv("SITREP_BENCH_REPEAT")) {
      repeat = std::max(1, std::atoi(r));
    }
    for (int i = 0; i < repeat; ++i) {
      for (const Document& d : base) c->documents.push_back(d);
    }
    // Count sentences once, in batches as `sitrep code` holds them.
    constexpr size_t kBatch = 48;
    std::vector<CodedDocument> out(kBatch);
    for (size_t i = 0; i < c->documents.size(); i += kBatch) {
      const size_t n = std::min(kBatch, c->documents.size() - i);
      Coder().Code(std::span<const Document>(c->documents).subspan(i, n),
                   std::span<CodedDocument>(out).subspan(0, n));
      for (size_t k = 0; k < n; ++k) c->sentences += out[k].sentences;
    }
    return c;
  }();
  return *corpus;
}

void CodeRange(const Corpus& corpus, size_t begin, size_t end) {
  constexpr size_t kBatch = 48;
  std::vector<CodedDocument> out(kBatch);
  for (size_t i = begin; i < end; i += kBatch) {
    const size_t n = std::min(kBatch, end - i);
    Coder().Code(std::span<const Document>(corpus.documents).subspan(i, n),
                 std::span<CodedDocument>(out).subspan(0, n));
    benchmark::DoNotOptimize(out.data());
  }
}

void BM_CodeOneThread(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  for (auto _ : state) CodeRange(corpus, 0, corpus.documents.size());
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(corpus.sentences) * state.iterations(),
      benchmark::Counter::kIsRate);
  state.counters["sentences"] = static_cast<double>(corpus.sentences);
}
BENCHMARK(BM_CodeOneThread)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CodeTwoThreads(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  const size_t half = corpus.documents.size() / 2;
  for (auto _ : state) {
    std::thread other(
        [&] { CodeRange(corpus, half, corpus.documents.size()); });
    CodeRange(corpus, 0, half);
    other.join();
  }
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(corpus.sentences) * state.iterations(),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CodeTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PeakMemory(benchmark::State& state) {
  TheCorpus();
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024;
}
BENCHMARK(BM_PeakMemory)->Iterations(1);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
