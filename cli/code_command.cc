// sitrep code: documents in, event records out (JSONL by default; ACLED
// CSV, PLOVER JSON or CAMEO TSV), in input order, with --threads workers.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "batch.h"
#include "commands.h"
#include "exit_codes.h"
#include "model_path.h"
#include "sitrep/events.h"

namespace sitrep::cli {
namespace {

struct CodeOptions {
  InputOptions input;
  std::string output = "-";
  std::string format = "jsonl";
  std::string model;
  std::string lexicon;
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

class BatchCoder {
 public:
  BatchCoder(const EventCoder& coder, const CodeOptions& options,
             OutputFile* out, Progress* progress)
      : coder_(coder), options_(options), out_(out), progress_(progress) {
    if (options_.format == "csv") out_->buffer()->append(AcledCsvHeader());
    if (options_.format == "table") out_->buffer()->append(TableHeader());
  }

  void Add(InputRecord record) {
    records_.push_back(std::move(record));
    if (records_.size() >=
        kDocumentsPerWorker * static_cast<size_t>(options_.threads)) {
      Flush();
    }
  }

  void Flush() {
    if (records_.empty()) return;
    std::vector<Document> docs;
    std::vector<size_t> where;  // record index of each document
    for (size_t i = 0; i < records_.size(); ++i) {
      if (records_[i].rejected()) continue;
      where.push_back(i);
      docs.push_back(std::move(records_[i].document));
    }
    std::vector<CodedDocument> coded(docs.size());
    const size_t workers =
        std::min<size_t>(static_cast<size_t>(options_.threads),
                         std::max<size_t>(docs.size(), 1));
    const size_t per =
        (docs.size() + workers - 1) / std::max<size_t>(workers, 1);
    std::vector<std::future<void>> jobs;
    for (size_t w = 0; w < workers; ++w) {
      const size_t begin = w * per;
      const size_t end = std::min(docs.size(), begin + per);
      if (begin >= end) break;
      auto run = [&, begin, end] {
        coder_.Code(
            std::span<const Document>(docs).subspan(begin, end - begin),
            std::span<CodedDocument>(coded).subspan(begin, end - begin));
      };
      if (w + 1 == workers) {
        run();
      } else {
        jobs.push_back(std::async(std::launch::async, run));
      }
    }
    for (auto& j : jobs) j.get();
    uint64_t sentences = 0, events = 0, rejected = 0, bytes = 0;
    size_t next = 0;
    for (size_t i = 0; i < records_.size(); ++i) {
      if (next < where.size() && where[next] == i) {
        const Document& doc = docs[next];
        CodedDocument& c = coded[next];
        // Warnings of the reader travel with the document.
        for (const DocumentError& e : records_[i].errors) c.errors.push_back(e);
        if (!c.errors.empty() && c.events.empty() && c.sentences == 0 &&
            std::any_of(c.errors.begin(), c.errors.end(),
                        [](const DocumentError& e) { return e.fatal; })) {
          ++rejected;
          rejected_ = true;
          std::fprintf(stderr, "sitrep: %s: %s\n", c.id.c_str(),
                       c.errors.front().message.c_str());
        }
        Write(doc, c);
        sentences += c.sentences;
        events += c.events.size();
        bytes += doc.text.size();
        ++next;
      } else {
        CodedDocument c;
        c.id = records_[i].document.id;
        c.errors = records_[i].errors;
        Write(records_[i].document, c);
        ++rejected;
        rejected_ = true;
        bytes += records_[i].document.text.size();
      }
    }
    progress_->Add(records_.size(), sentences, events, rejected, bytes);
    records_.clear();
  }

  bool rejected() const { return rejected_; }

 private:
  void Write(const Document& doc, const CodedDocument& c) {
    std::string* buffer = out_->buffer();
    if (options_.format == "jsonl") {
      buffer->append(EventsToJson(c));
    } else if (options_.format == "csv") {
      buffer->append(EventsToAcledCsv(doc, c));
    } else if (options_.format == "plover") {
      buffer->append(EventsToPlover(doc, c));
    } else if (options_.format == "table") {
      buffer->append(EventsToTable(doc, c));
    } else {
      buffer->append(EventsToCameo(doc, c));
    }
    out_->MaybeFlush();
  }

  const EventCoder& coder_;
  const CodeOptions& options_;
  OutputFile* out_;
  Progress* progress_;
  std::vector<InputRecord> records_;
  bool rejected_ = false;
};

int RunCode(const CodeOptions& options) {
  EventCoderOptions coder_options;
  coder_options.parser_model =
      options.model.empty() ? DefaultParserModelPath() : options.model;
  coder_options.lexicon =
      options.lexicon.empty() ? DefaultLexiconPath() : options.lexicon;
  StatusOr<std::unique_ptr<EventCoder>> coder =
      EventCoder::Create(coder_options);
  if (!coder.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", coder.status().message().c_str());
    return kExitUsage;
  }
  OutputFile out;
  if (!out.Open(options.output)) return kExitUsage;
  Progress progress(InputBytes(options.input.inputs));
  BatchCoder batch(**coder, options, &out, &progress);
  const BatchCounts counts =
      ForEachRecord(options.input, [&](InputRecord& record) {
        const bool ok = !record.rejected();
        batch.Add(std::move(record));
        return ok;
      });
  batch.Flush();
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
  cmd->add_option("--model", options->model,
                  "parser model (default: $SITREP_PARSER_MODEL, else "
                  "models/en.parser)");
  cmd->add_option("--lexicon", options->lexicon,
                  "compiled lexicon (default: $SITREP_LEXICON, else "
                  "en.lexicon beside the sitrep binary)");
  return [cmd, options] {
    if (cmd->parsed()) return RunCode(*options);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
