// The implementation of sitrep::DocumentReader: a sequence of input files
// (one path, a folder's files, or standard input), each read as JSONL or as
// one plain-text document.
#ifndef SITREP_IO_DOCUMENT_READER_H_
#define SITREP_IO_DOCUMENT_READER_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "io/jsonl_parser.h"
#include "io/line_reader.h"
#include "sitrep/reader.h"

namespace sitrep::io {

class DocumentReaderImpl : public DocumentReader {
 public:
  static absl::StatusOr<std::unique_ptr<DocumentReaderImpl>> Open(
      const std::string& path, const ReaderOptions& options);
  ~DocumentReaderImpl() override;

  bool Next(InputRecord* record) override;
  uint64_t total_bytes() const override { return total_bytes_; }
  uint64_t bytes_read() const override;

 private:
  DocumentReaderImpl(std::vector<std::string> files,
                     const ReaderOptions& options, uint64_t total_bytes);
  // Opens files_[next_file_]; on failure fills *record with the error.
  bool OpenNextFile(InputRecord* record);
  void CloseFile();
  bool NextJsonl(InputRecord* record);
  void ReadTextFile(InputRecord* record);

  std::vector<std::string> files_;  // "-" for standard input
  ReaderOptions options_;
  uint64_t total_bytes_ = 0;
  uint64_t finished_bytes_ = 0;  // bytes of files already closed
  size_t next_file_ = 0;

  // The open file.
  std::FILE* file_ = nullptr;
  std::string origin_;
  uint64_t file_size_ = 0;  // 0 for standard input
  std::unique_ptr<LineReader> lines_;
  bool jsonl_ = false;
  bool file_had_record_ = false;
  JsonlParser parser_;
};

}  // namespace sitrep::io

#endif  // SITREP_IO_DOCUMENT_READER_H_
