// sitrep code: documents in, event records out (JSONL by default; ACLED
// CSV, PLOVER JSON or CAMEO TSV), in input order, with --threads workers.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "batch.h"
#include "commands.h"
#include "exit_codes.h"
#include "model_path.h"
#include "sitrep/events.h"
#include "worker_pool.h"

namespace sitrep::cli {
namespace {

struct CodeOptions {
  InputOptions input;
  std::string output = "-";
  std::string format = "jsonl";
  std::string model;
  std::string lexicon;
  std::string homes;  // sitrep homes' table; empty: none
  int threads = 1;
};

// Documents coded together: enough to fill the parser's batches on every
// worker.
constexpr size_t kDocumentsPerWorker = 48;

class Progress {
 public:
  explicit Progress(uint64_t total_bytes)
      : total_bytes_(total_bytes),
        live_(isatty(STDERR_FILENO) != 0),
        start_(std::chrono::steady_clock::now()) {}

  void Add(uint64_t documents, uint64_t sentences, uint64_t events,
           uint64_t rejected, uint64_t bytes) {
    documents_ += documents;
    sentences_ += sentences;
    events_ += events;
    rejected_ += rejected;
    bytes_ += bytes;
    if (!live_) return;
    const double s = Seconds();
    if (s - last_ < 0.5) return;
    last_ = s;
    std::string eta;
    if (total_bytes_ > 0 && bytes_ > 0 && bytes_ < total_bytes_) {
      eta = ", ETA " +
            std::to_string(static_cast<int>(
                s * static_cast<double>(total_bytes_ - bytes_) /
                static_cast<double>(bytes_))) +
            " s";
    }
    std::fprintf(stderr,
                 "\rsitrep code: %llu documents, %.0f sentences/s, %llu "
                 "events, %llu rejected%s   ",
                 static_cast<unsigned long long>(documents_),
                 sentences_ / std::max(s, 1e-9),
                 static_cast<unsigned long long>(events_),
                 static_cast<unsigned long long>(rejected_), eta.c_str());
  }

  void Finish() {
    const double s = Seconds();
    if (live_) std::fprintf(stderr, "\r\033[K");
    std::fprintf(stderr,
                 "sitrep code: %llu documents, %llu sentences, %llu events, "
                 "%llu rejected; %.2f s (%.0f sentences/s)\n",
                 static_cast<unsigned long long>(documents_),
                 static_cast<unsigned long long>(sentences_),
                 static_cast<unsigned long long>(events_),
                 static_cast<unsigned long long>(rejected_), s,
                 sentences_ / std::max(s, 1e-9));
  }

 private:
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start_)
        .count();
  }
  uint64_t total_bytes_;
  bool live_;
  std::chrono::steady_clock::time_point start_;
  double last_ = 0;
  uint64_t documents_ = 0, sentences_ = 0, events_ = 0, rejected_ = 0,
           bytes_ = 0;
};

uint64_t InputBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  std::error_code error;
  for (const std::string& path : inputs) {
    if (path == "-") return 0;
    if (std::filesystem::is_directory(path, error)) {
      for (const auto& entry :
           std::filesystem::directory_iterator(path, error)) {
        if (entry.is_regular_file(error)) total += entry.file_size(error);
      }
    } else {
      total += std::filesystem::file_size(path, error);
    }
  }
  return error ? 0 : total;
}

// Codes records in batches on --threads workers while the main thread reads
// the next batch: a batch is started, then the one before it is waited for
// and written, so output stays in input order.
class BatchCoder {
 public:
  BatchCoder(const EventCoder& coder, const CodeOptions& options,
             OutputFile* out, Progress* progress)
      : coder_(coder),
        options_(options),
        out_(out),
        progress_(progress),
        pool_(static_cast<size_t>(options.threads)) {
    if (options_.format == "csv") out_->buffer()->append(AcledCsvHeader());
    if (options_.format == "table") out_->buffer()->append(TableHeader());
  }
  ~BatchCoder() { Finish(); }

  void Add(InputRecord record) {
    records_.push_back(std::move(record));
    if (records_.size() >=
        kDocumentsPerWorker * static_cast<size_t>(options_.threads)) {
      Start();
    }
  }

  // Codes and writes everything still held.
  void Finish() {
    Start();
    WriteRunning();
  }

  bool rejected() const { return rejected_; }

 private:
  struct Batch {
    std::vector<InputRecord> records;
    std::vector<Document> docs;
    std::vector<size_t> where;  // record index of each document
    std::vector<CodedDocument> coded;
    std::vector<std::string> rendered;
    std::vector<std::future<void>> jobs;
  };

  void Start() {
    if (records_.empty()) return;
    auto batch = std::make_unique<Batch>();
    batch->records = std::move(records_);
    records_.clear();
    Batch& b = *batch;
    for (size_t i = 0; i < b.records.size(); ++i) {
      if (b.records[i].rejected()) continue;
      b.where.push_back(i);
      b.docs.push_back(std::move(b.records[i].document));
      b.records[i].document.id = b.docs.back().id;
    }
    b.coded.resize(b.docs.size());
    b.rendered.resize(b.docs.size());
    const size_t workers = std::max<size_t>(
        1,
        std::min<size_t>(static_cast<size_t>(options_.threads), b.docs.size()));
    const size_t per = (b.docs.size() + workers - 1) / workers;
    for (size_t w = 0; w < workers; ++w) {
      const size_t begin = w * per;
      const size_t end = std::min(b.docs.size(), begin + per);
      if (begin >= end) break;
      // Each worker codes its documents and renders them, so that the
      // output formatting runs in parallel too.
      b.jobs.push_back(pool_.Submit([this, &b, begin, end] {
        coder_.Code(
            std::span<const Document>(b.docs).subspan(begin, end - begin),
            std::span<CodedDocument>(b.coded).subspan(begin, end - begin));
        for (size_t k = begin; k < end; ++k) {
          // Warnings of the reader travel with the document.
          for (const DocumentError& e : b.records[b.where[k]].errors) {
            b.coded[k].errors.push_back(e);
          }
          b.rendered[k] = Render(b.docs[k], b.coded[k]);
        }
      }));
    }
    WriteRunning();
    running_ = std::move(batch);
  }

  // Waits for the batch in flight and writes it.
  void WriteRunning() {
    if (!running_) return;
    Batch& b = *running_;
    for (auto& j : b.jobs) j.get();
    uint64_t sentences = 0, events = 0, rejected = 0, bytes = 0;
    size_t next = 0;
    for (size_t i = 0; i < b.records.size(); ++i) {
      if (next < b.where.size() && b.where[next] == i) {
        const CodedDocument& c = b.coded[next];
        if (!c.errors.empty() && c.events.empty() && c.sentences == 0 &&
            std::any_of(c.errors.begin(), c.errors.end(),
                        [](const DocumentError& e) { return e.fatal; })) {
          ++rejected;
          rejected_ = true;
          std::fprintf(stderr, "sitrep: %s: %s\n", c.id.c_str(),
                       c.errors.front().message.c_str());
        }
        out_->buffer()->append(b.rendered[next]);
        sentences += c.sentences;
        events += c.events.size();
        bytes += b.docs[next].text.size();
        ++next;
      } else {
        CodedDocument c;
        c.id = b.records[i].document.id;
        c.errors = b.records[i].errors;
        out_->buffer()->append(Render(b.records[i].document, c));
        ++rejected;
        rejected_ = true;
        bytes += b.records[i].document.text.size();
      }
      out_->MaybeFlush();
    }
    progress_->Add(b.records.size(), sentences, events, rejected, bytes);
    running_.reset();
  }

  std::string Render(const Document& doc, const CodedDocument& c) const {
    if (options_.format == "jsonl") return EventsToJson(c);
    if (options_.format == "csv") return EventsToAcledCsv(doc, c);
    if (options_.format == "plover") return EventsToPlover(doc, c);
    if (options_.format == "table") return EventsToTable(doc, c);
    return EventsToCameo(doc, c);
  }

  const EventCoder& coder_;
  const CodeOptions& options_;
  OutputFile* out_;
  Progress* progress_;
  std::vector<InputRecord> records_;
  std::unique_ptr<Batch> running_;
  bool rejected_ = false;
  WorkerPool pool_;  // last: its threads stop before the rest goes
};

int RunCode(const CodeOptions& options) {
  const std::unique_ptr<EventCoder> coder =
      LoadEventCoder(options.model, options.lexicon, options.homes);
  if (coder == nullptr) return kExitUsage;
  OutputFile out;
  if (!out.Open(options.output)) return kExitUsage;
  Progress progress(InputBytes(options.input.inputs));
  BatchCoder batch(*coder, options, &out, &progress);
  const BatchCounts counts =
      ForEachRecord(options.input, [&](InputRecord& record) {
        const bool ok = !record.rejected();
        batch.Add(std::move(record));
        return ok;
      });
  batch.Finish();
  const bool written = out.Close();
  progress.Finish();
  if (!written) return kExitInternal;
  if (counts.input_failed || counts.rejected > 0 || batch.rejected()) {
    return kExitRejected;
  }
  return kExitOk;
}

}  // namespace

Runner RegisterCode(CLI::App& app) {
  auto options = std::make_shared<CodeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "code",
      "Code events: who did what to whom, with what, where, when, with what "
      "casualties, and who says so. Writes one JSON object per input "
      "document ({id, events, places, errors}), in input order, or the "
      "events as ACLED CSV, PLOVER JSON, CAMEO TSV or a table for people.");
  AddInputOptions(cmd, &options->input, "--input-format");
  cmd->add_option("-o,--output", options->output,
                  "write here (default: standard output)");
  cmd->add_option("--format", options->format, "output format")
      ->check(CLI::IsMember({"jsonl", "csv", "plover", "cameo", "table"}))
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  AddCoderOptions(cmd, &options->model, &options->lexicon);
  cmd->add_option("--homes", options->homes,
                  "where sources are at home (the table `sitrep homes` "
                  "writes): an ambiguous place in a source's report is read "
                  "as its readers would")
      ->check(CLI::ExistingFile);
  return [cmd, options] {
    if (cmd->parsed()) return RunCode(*options);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
