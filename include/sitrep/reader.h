// Streaming input: JSONL documents, plain-text files, folders of them, and
// standard input. Memory does not grow with the number of documents: one
// record is held at a time, and an over-long line is skipped without being
// buffered.
#ifndef SITREP_READER_H_
#define SITREP_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

enum class InputFormat {
  kAuto,   // by extension (.jsonl .ndjson .json -> JSONL, else text);
           // standard input: JSONL when the first byte that is not
           // whitespace is '{', else one plain-text document
  kJsonl,  // one JSON object per line: {id, date, source, url, title, text}
  kText,   // the whole file is one document; its file name is the id
};

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  // A document (JSONL line or text file) larger than this is rejected with
  // a `too_large` error; it is never held in memory whole.
  size_t max_document_bytes = size_t{8} << 20;
};

// One record read from the input: a document, or the reason it was
// rejected. A rejected record still carries the id when it could be read,
// else "<file>:<line>".
struct InputRecord {
  Document document;
  std::vector<DocumentError> errors;  // fatal errors mean: rejected
  bool rejected() const;
};

class DocumentReader {
 public:
  // Opens `path`: a file, a folder (its regular files in name order,
  // hidden files skipped) or "-" for standard input. Fails when the path
  // does not exist or cannot be opened.
  static StatusOr<std::unique_ptr<DocumentReader>> Open(
      const std::string& path, const ReaderOptions& options = {});

  virtual ~DocumentReader() = default;

  // Reads the next record into `*record` (its previous contents are
  // replaced). Returns false at the end of input. Never throws; a bad
  // record is returned with errors and reading goes on after it.
  virtual bool Next(InputRecord* record) = 0;

  // Total bytes of regular files to read (0 for stdin); bytes consumed so
  // far. For progress reporting.
  virtual uint64_t total_bytes() const = 0;
  virtual uint64_t bytes_read() const = 0;
};

}  // namespace sitrep

#endif  // SITREP_READER_H_
