// What every batch verb shares: reading records from the input paths,
// reporting rejected ones on standard error, and writing output lines.
#ifndef SITREP_CLI_BATCH_H_
#define SITREP_CLI_BATCH_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sitrep/reader.h"

namespace sitrep::cli {

// Input flags common to batch verbs.
struct InputOptions {
  std::vector<std::string> inputs;  // empty: standard input
  std::string format = "auto";
  size_t max_bytes = size_t{8} << 20;
};
// Declares the inputs and the input flags; verbs whose --format names the
// output take the input format as --input-format.
void AddInputOptions(CLI::App* cmd, InputOptions* options,
                     const std::string& format_flag = "--format");

struct BatchCounts {
  uint64_t documents = 0;  // records read, accepted or not
  uint64_t rejected = 0;
  bool input_failed = false;  // a path could not be opened at all
};

// Calls `fn` for every record of every input, in order. Rejected records
// are reported on stderr ("sitrep: FILE:LINE: ID: message") before `fn`
// sees them; `fn` returns false to mark a record rejected after all.
BatchCounts ForEachRecord(const InputOptions& options,
                          const std::function<bool(InputRecord&)>& fn);

// Reports a rejected record on standard error.
void ReportRejected(const InputRecord& record);

// Buffered output to a file or standard output ("-").
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();
  // Returns false (with a message on stderr) when the file cannot be opened.
  bool Open(const std::string& path);
  // Appends to the buffer, writing it out when it is large.
  std::string* buffer() { return &buffer_; }
  void MaybeFlush() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  // Writes everything out; false on a write error.
  bool Flush();
  bool Close();

 private:
  static constexpr size_t kFlushBytes = size_t{1} << 20;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  bool failed_ = false;
};

}  // namespace sitrep::cli

#endif  // SITREP_CLI_BATCH_H_
