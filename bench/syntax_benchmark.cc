// Tagger + lemmatiser + parser throughput, model load time and memory.
//
//   build/bench/syntax_benchmark [--benchmark_min_time=2]
//
// The corpus is the bundled example reports, split and tokenised by the
// text layer; SITREP_BENCH_CONLLU=FILE (e.g. UD English EWT test) replaces
// it with the sentences of a CoNLL-U file. The model is models/en.parser,
// or SITREP_PARSER_MODEL. Reported as words per second of wall time; the
// two-thread case parses two halves of the corpus at once with one shared
// Parser, as the server does.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sitrep/reader.h"
#include "sitrep/syntax.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

std::string ModelPath() {
  const char* path = std::getenv("SITREP_PARSER_MODEL");
  return path != nullptr ? path : SITREP_SOURCE_DIR "/models/en.parser";
}

[[noreturn]] void Fail(const Status& status) {
  std::fprintf(stderr, "syntax_benchmark: %s\n", status.ToString().c_str());
  std::abort();
}

// Sentences with forms only, as the parser receives them.
const std::vector<SyntaxSentence>& Corpus() {
  static const std::vector<SyntaxSentence>* corpus = [] {
    auto* sentences = new std::vector<SyntaxSentence>();
    if (const char* conllu = std::getenv("SITREP_BENCH_CONLLU")) {
      StatusOr<std::vector<SyntaxSentence>> read = ReadConlluFile(conllu);
      if (!read.ok()) Fail(read.status());
      for (SyntaxSentence& s : *read) {
        SyntaxSentence bare;
        for (const SyntaxWord& w : s.words) {
          bare.words.emplace_back();
          bare.words.back().form = w.form;
        }
        sentences->push_back(std::move(bare));
      }
      return sentences;
    }
    auto analyzer = TextAnalyzer::Create();
    auto reader =
        DocumentReader::Open(SITREP_SOURCE_DIR "/examples/reports.jsonl");
    if (!analyzer.ok()) Fail(analyzer.status());
    if (!reader.ok()) Fail(reader.status());
    InputRecord record;
    AnalyzedText analyzed;
    while ((*reader)->Next(&record)) {
      if (record.rejected()) continue;
      if (!(*analyzer)->Analyze(record.document, &analyzed).ok()) continue;
      for (const Sentence& sentence : analyzed.sentences) {
        SyntaxSentence s;
        for (const Token& token : sentence.tokens) {
          s.words.emplace_back();
          s.words.back().form = token.text;
        }
        sentences->push_back(std::move(s));
      }
    }
    return sentences;
  }();
  return *corpus;
}

const Parser& SharedParser() {
  static const Parser* parser = [] {
    StatusOr<std::unique_ptr<Parser>> loaded = Parser::Load(ModelPath());
    if (!loaded.ok()) Fail(loaded.status());
    return loaded->release();
  }();
  return *parser;
}

int64_t Words(const std::vector<SyntaxSentence>& sentences) {
  int64_t words = 0;
  for (const SyntaxSentence& s : sentences) words += s.words.size();
  return words;
}

void BM_ParseOneThread(benchmark::State& state) {
  const Parser& parser = SharedParser();
  std::vector<SyntaxSentence> sentences = Corpus();
  int64_t words = 0;
  for (auto _ : state) {
    parser.Parse(sentences);
    words += Words(sentences);
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseOneThread)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ParseTwoThreads(benchmark::State& state) {
  const Parser& parser = SharedParser();
  std::vector<SyntaxSentence> sentences = Corpus();
  const size_t half = sentences.size() / 2;
  std::span<SyntaxSentence> all(sentences);
  int64_t words = 0;
  for (auto _ : state) {
    std::thread other([&] { parser.Parse(all.subspan(half)); });
    parser.Parse(all.first(half));
    other.join();
    words += Words(sentences);
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

// Opening and checking the model file (each iteration loads it afresh).
void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    StatusOr<std::unique_ptr<Parser>> parser = Parser::Load(ModelPath());
    if (!parser.ok()) Fail(parser.status());
    benchmark::DoNotOptimize(parser);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024;
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
