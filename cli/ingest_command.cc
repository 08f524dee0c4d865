// sitrep ingest: documents in, coded and kept in a store (sitrep/store.h),
// in batches of one transaction each. A document already stored with the
// same content is not coded again; a changed one replaces its old version.
// Killed at any point, the store keeps every batch committed before, and a
// re-run codes only what is missing.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "batch.h"
#include "commands.h"
#include "exit_codes.h"
#include "model_path.h"
#include "sitrep/events.h"
#include "sitrep/incidents.h"
#include "sitrep/store.h"
#include "store_verbs.h"
#include "worker_pool.h"

namespace sitrep::cli {
namespace {

struct IngestOptions {
  InputOptions input;
  std::string db;
  std::string model;
  std::string lexicon;
  std::string homes;
  int threads = 1;
  size_t batch = 256;  // documents per transaction
  bool merge = true;   // place the new events in incidents after
  MergeOptions merge_options;
};

struct IngestCounts {
  uint64_t read = 0;
  uint64_t inserted = 0;
  uint64_t replaced = 0;
  uint64_t unchanged = 0;
  uint64_t rejected = 0;
  uint64_t events = 0;
};

class Ingester {
 public:
  Ingester(const EventCoder& coder, Store* store, const IngestOptions& options)
      : coder_(coder),
        store_(store),
        options_(options),
        coder_name_(coder.Describe()),
        pool_(static_cast<size_t>(options.threads)),
        live_(isatty(STDERR_FILENO) != 0),
        start_(std::chrono::steady_clock::now()) {}

  // Takes one accepted record, with the reader's warnings about it; a full
  // batch is coded and committed.
  bool Add(Document document, std::vector<DocumentError> warnings) {
    pending_.push_back(std::move(document));
    warnings_.push_back(std::move(warnings));
    if (pending_.size() >= options_.batch) return Flush();
    return true;
  }

  // Codes and commits what is pending; false after a store error (printed).
  bool Flush() {
    if (pending_.empty()) return true;
    std::vector<Document> batch = std::move(pending_);
    std::vector<std::vector<DocumentError>> warnings = std::move(warnings_);
    pending_.clear();
    warnings_.clear();
    // What the store holds already is not coded again.
    std::vector<CodedReport> reports;
    std::vector<std::vector<DocumentError>> report_warnings;
    reports.reserve(batch.size());
    for (size_t i = 0; i < batch.size(); ++i) {
      Document& doc = batch[i];
      StatusOr<std::string> held = store_->DocumentHash(doc.id);
      if (!held.ok()) return Failed(held.status());
      if (!held.value().empty() && held.value() == ContentHash(doc)) {
        ++counts_.unchanged;
        continue;
      }
      CodedReport& r = reports.emplace_back();
      r.document = std::move(doc);
      r.coder = coder_name_;
      report_warnings.push_back(std::move(warnings[i]));
    }
    Code(&reports);
    for (size_t i = 0; i < reports.size(); ++i) {
      for (DocumentError& e : report_warnings[i]) {
        reports[i].coded.errors.push_back(std::move(e));
      }
    }
    // A document the coder refuses outright is reported, not stored.
    std::vector<CodedReport> accepted;
    accepted.reserve(reports.size());
    for (CodedReport& r : reports) {
      const CodedDocument& c = r.coded;
      if (c.sentence_spans.empty() &&
          std::any_of(c.errors.begin(), c.errors.end(),
                      [](const DocumentError& e) { return e.fatal; })) {
        std::fprintf(stderr, "%ssitrep: %s: %s\n", live_ ? "\r\033[K" : "",
                     r.document.id.c_str(), c.errors.front().message.c_str());
        ++counts_.rejected;
        continue;
      }
      accepted.push_back(std::move(r));
    }
    std::vector<WriteOutcome> outcomes;
    const Status s = store_->Write(accepted, &outcomes);
    if (!s.ok()) return Failed(s);
    for (size_t i = 0; i < outcomes.size(); ++i) {
      switch (outcomes[i]) {
        case WriteOutcome::kInserted:
          ++counts_.inserted;
          break;
        case WriteOutcome::kReplaced:
          ++counts_.replaced;
          break;
        case WriteOutcome::kUnchanged:
          ++counts_.unchanged;
          continue;
      }
      counts_.events += accepted[i].coded.events.size();
    }
    Report(false);
    return true;
  }

  IngestCounts& counts() { return counts_; }

  void Report(bool last) {
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
            .count();
    if (!last && (!live_ || s - last_report_ < 0.5)) return;
    last_report_ = s;
    const uint64_t done = counts_.inserted + counts_.replaced +
                          counts_.unchanged + counts_.rejected;
    std::fprintf(stderr,
                 "%ssitrep ingest: %llu documents (%llu new, %llu replaced, "
                 "%llu unchanged), %llu rejected, %llu events stored; %.2f s "
                 "(%.0f documents/min)%s",
                 live_ ? "\r\033[K" : "", static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(counts_.inserted),
                 static_cast<unsigned long long>(counts_.replaced),
                 static_cast<unsigned long long>(counts_.unchanged),
                 static_cast<unsigned long long>(counts_.rejected),
                 static_cast<unsigned long long>(counts_.events), s,
                 60.0 * static_cast<double>(done) / std::max(s, 1e-9),
                 last ? "\n" : "");
  }

 private:
  // Codes the reports on the workers, each a contiguous share.
  void Code(std::vector<CodedReport>* reports) {
    if (reports->empty()) return;
    std::vector<Document> docs;
    docs.reserve(reports->size());
    for (CodedReport& r : *reports) docs.push_back(std::move(r.document));
    std::vector<CodedDocument> coded(docs.size());
    const size_t workers =
        std::min<size_t>(static_cast<size_t>(options_.threads), docs.size());
    const size_t per = (docs.size() + workers - 1) / workers;
    std::vector<std::future<void>> jobs;
    for (size_t begin = 0; begin < docs.size(); begin += per) {
      const size_t n = std::min(per, docs.size() - begin);
      jobs.push_back(pool_.Submit([&, begin, n] {
        coder_.Code(std::span<const Document>(docs).subspan(begin, n),
                    std::span<CodedDocument>(coded).subspan(begin, n));
      }));
    }
    for (auto& j : jobs) j.get();
    for (size_t i = 0; i < docs.size(); ++i) {
      (*reports)[i].document = std::move(docs[i]);
      (*reports)[i].coded = std::move(coded[i]);
    }
  }

  bool Failed(const Status& s) {
    std::fprintf(stderr, "%ssitrep ingest: %s: %s\n", live_ ? "\r\033[K" : "",
                 options_.db.c_str(), s.ToString().c_str());
    return false;
  }

  const EventCoder& coder_;
  Store* store_;
  const IngestOptions& options_;
  const std::string coder_name_;
  std::vector<Document> pending_;
  std::vector<std::vector<DocumentError>> warnings_;
  IngestCounts counts_;
  WorkerPool pool_;
  bool live_;
  std::chrono::steady_clock::time_point start_;
  double last_report_ = 0;
};

int RunIngest(const IngestOptions& options) {
  int code = kExitOk;
  std::unique_ptr<Store> store = OpenStoreOrSay("ingest", options.db, &code);
  if (store == nullptr) return code;
  const std::unique_ptr<EventCoder> coder =
      LoadEventCoder(options.model, options.lexicon, options.homes);
  if (coder == nullptr) return kExitUsage;
  Ingester ingester(*coder, store.get(), options);
  bool failed = false;
  const BatchCounts counts =
      ForEachRecord(options.input, [&](InputRecord& record) {
        if (record.rejected()) {
          ++ingester.counts().rejected;
          return false;
        }
        if (failed) return true;
        failed =
            !ingester.Add(std::move(record.document), std::move(record.errors));
        return true;
      });
  if (!failed) failed = !ingester.Flush();
  ingester.Report(true);
  if (failed) return kExitInternal;
  if (options.merge && !RunMergeStep(*store, options.merge_options)) {
    return kExitInternal;
  }
  if (counts.input_failed || ingester.counts().rejected > 0) {
    return kExitRejected;
  }
  return kExitOk;
}

}  // namespace

Runner RegisterIngest(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Code documents and keep them, with their events, in a store. Each "
      "batch is one transaction: an interrupted ingest keeps every batch "
      "committed, and running it again codes only what is missing. A "
      "document stored with the same content is left as it is; a changed "
      "one replaces its old version and its events. The new events are then "
      "placed in incidents (as `sitrep merge`).");
  AddInputOptions(cmd, &options->input);
  cmd->add_option("--db", options->db, "the store: sqlite:PATH")->required();
  cmd->add_option("--threads", options->threads, "worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--batch", options->batch, "documents per transaction")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_flag("!--no-merge", options->merge,
                "leave the new events out of incidents (run `sitrep merge` "
                "later)");
  AddMergeOptions(cmd, &options->merge_options);
  AddCoderOptions(cmd, &options->model, &options->lexicon);
  cmd->add_option("--homes", options->homes,
                  "where sources are at home (the table `sitrep homes` "
                  "writes)")
      ->check(CLI::ExistingFile);
  return [cmd, options] {
    if (cmd->parsed()) return RunIngest(*options);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
