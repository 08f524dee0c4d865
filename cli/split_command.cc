// sitrep split: the text layer's view of each document, as JSON lines.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "batch.h"
#include "commands.h"
#include "exit_codes.h"
#include "sitrep/json.h"
#include "sitrep/text.h"

namespace sitrep::cli {
namespace {

struct SplitOptions {
  InputOptions input;
  std::string output = "-";
  bool table = false;
};

// One line of the --table view.
void PrintTableRow(const Document& doc, const AnalyzedText& text,
                   size_t tokens) {
  std::string dateline = "-";
  if (text.dateline) {
    dateline = text.dateline->place.text;
    if (text.dateline->date) dateline += ", " + text.dateline->date->text;
    if (text.dateline->agency)
      dateline += " (" + text.dateline->agency->text + ")";
  }
  std::string first;
  if (!text.sentences.empty()) {
    const Span s = text.sentences.front().span;
    first = doc.text.substr(s.begin, s.size());
    for (char& c : first) {
      if (c == '\n') c = ' ';
    }
    if (first.size() > 60) {
      size_t cut = 57;
      while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80)
        --cut;
      first = first.substr(0, cut) + "...";
    }
  }
  std::fprintf(stderr, "%-12s %-36.36s %4zu %6zu  %s\n", doc.id.c_str(),
               dateline.c_str(), text.sentences.size(), tokens, first.c_str());
}

int RunSplit(const SplitOptions& options) {
  StatusOr<std::unique_ptr<TextAnalyzer>> analyzer = TextAnalyzer::Create();
  if (!analyzer.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", analyzer.status().ToString().c_str());
    return kExitInternal;
  }
  OutputFile out;
  if (!out.Open(options.output)) return kExitUsage;
  if (options.table) {
    std::fprintf(stderr, "%-12s %-36s %4s %6s  %s\n", "id", "dateline", "sent",
                 "tokens", "first sentence");
  }
  const auto start = std::chrono::steady_clock::now();
  uint64_t sentences = 0;
  uint64_t tokens = 0;
  uint64_t bytes = 0;
  AnalyzedText text;
  const BatchCounts counts =
      ForEachRecord(options.input, [&](InputRecord& record) {
        if (record.rejected()) {
          AppendRejectedJson(record.document, record.errors, out.buffer());
          out.MaybeFlush();
          return false;
        }
        if (Status s = (*analyzer)->Analyze(record.document, &text); !s.ok()) {
          record.errors.push_back({"invalid_text", s.message(), true});
          ReportRejected(record);
          AppendRejectedJson(record.document, record.errors, out.buffer());
          out.MaybeFlush();
          return false;
        }
        size_t doc_tokens = 0;
        for (const Sentence& s : text.sentences) doc_tokens += s.tokens.size();
        sentences += text.sentences.size();
        tokens += doc_tokens;
        bytes += record.document.text.size();
        if (options.table) PrintTableRow(record.document, text, doc_tokens);
        AppendSplitJson(record.document, text, record.errors, out.buffer());
        out.MaybeFlush();
        return true;
      });
  const bool written = out.Close();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::fprintf(stderr,
               "sitrep split: %llu documents, %llu sentences, %llu tokens, "
               "%llu rejected; %.1f MB in %.2f s\n",
               static_cast<unsigned long long>(counts.documents),
               static_cast<unsigned long long>(sentences),
               static_cast<unsigned long long>(tokens),
               static_cast<unsigned long long>(counts.rejected), bytes / 1e6,
               seconds);
  if (!written) return kExitInternal;
  if (counts.input_failed || counts.rejected > 0) return kExitRejected;
  return kExitOk;
}

}  // namespace

Runner RegisterSplit(CLI::App& app) {
  auto options = std::make_shared<SplitOptions>();
  CLI::App* cmd = app.add_subcommand(
      "split",
      "Split documents into sentences and tokens and print one JSON object per "
      "document: {id, dateline, sentences: [{span, text, tokens}], quotes, "
      "errors}. Spans are byte offsets into the document text.");
  AddInputOptions(cmd, &options->input);
  cmd->add_option("-o,--output", options->output,
                  "write the JSON lines here (default: standard output)");
  cmd->add_flag(
      "--table", options->table,
      "also print a table to standard error: id, dateline, sentences, "
      "tokens and the first sentence of each document");
  return [options] { return RunSplit(*options); };
}

}  // namespace sitrep::cli
