#include "batch.h"

#include <cerrno>
#include <cstring>

namespace sitrep::cli {

void AddInputOptions(CLI::App* cmd, InputOptions* options,
                     const std::string& format_flag) {
  cmd->add_option("inputs", options->inputs,
                  "JSONL files (.jsonl, .ndjson, .json), plain-text files (one "
                  "document each, the file name is the id), folders of them, "
                  "or - for standard input (the default)");
  cmd->add_option(format_flag, options->format,
                  "input format: auto (by extension; standard input is JSONL "
                  "when it starts with '{'), jsonl or text")
      ->check(CLI::IsMember({"auto", "jsonl", "text"}))
      ->capture_default_str();
  cmd->add_option(
         "--max-bytes", options->max_bytes,
         "reject a document (JSONL line or text file) larger than this")
      ->check(CLI::Range(size_t{1}, size_t{1} << 31))
      ->capture_default_str();
}

void ReportRejected(const InputRecord& record) {
  const Document& d = record.document;
  std::string where = d.origin;
  if (d.line > 0) where += ":" + std::to_string(d.line);
  for (const DocumentError& e : record.errors) {
    std::fprintf(stderr, "sitrep: %s: %s %s: %s\n", where.c_str(), d.id.c_str(),
                 e.fatal ? "rejected" : "warning", e.message.c_str());
  }
}

BatchCounts ForEachRecord(const InputOptions& options,
                          const std::function<bool(InputRecord&)>& fn) {
  ReaderOptions reader_options;
  reader_options.max_document_bytes = options.max_bytes;
  if (options.format == "jsonl") reader_options.format = InputFormat::kJsonl;
  if (options.format == "text") reader_options.format = InputFormat::kText;
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  BatchCounts counts;
  InputRecord record;
  for (const std::string& path : inputs) {
    StatusOr<std::unique_ptr<DocumentReader>> reader =
        DocumentReader::Open(path, reader_options);
    if (!reader.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", reader.status().message().c_str());
      counts.input_failed = true;
      continue;
    }
    while ((*reader)->Next(&record)) {
      ++counts.documents;
      if (!record.errors.empty()) ReportRejected(record);
      if (!fn(record) || record.rejected()) ++counts.rejected;
    }
  }
  return counts;
}

OutputFile::~OutputFile() { Close(); }

bool OutputFile::Open(const std::string& path) {
  if (path == "-") {
    file_ = stdout;
    return true;
  }
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    std::fprintf(stderr, "sitrep: cannot write %s: %s\n", path.c_str(),
                 std::strerror(errno));
    return false;
  }
  return true;
}

bool OutputFile::Flush() {
  if (file_ == nullptr) return false;
  if (!buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    if (!failed_)
      std::fprintf(stderr, "sitrep: write error: %s\n", std::strerror(errno));
    failed_ = true;
  }
  buffer_.clear();
  return !failed_;
}

bool OutputFile::Close() {
  if (file_ == nullptr) return !failed_;
  Flush();
  if (std::fflush(file_) != 0) failed_ = true;
  if (file_ != stdout && std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
  return !failed_;
}

}  // namespace sitrep::cli
