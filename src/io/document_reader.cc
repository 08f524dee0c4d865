#include "io/document_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "common/status.h"
#include "common/strings.h"
#include "text/utf8.h"

namespace sitrep {

bool InputRecord::rejected() const {
  return std::any_of(errors.begin(), errors.end(),
                     [](const DocumentError& e) { return e.fatal; });
}

StatusOr<std::unique_ptr<DocumentReader>> DocumentReader::Open(
    const std::string& path, const ReaderOptions& options) {
  auto reader = io::DocumentReaderImpl::Open(path, options);
  if (!reader.ok()) return ToPublicStatus(reader.status());
  return std::unique_ptr<DocumentReader>(std::move(*reader));
}

namespace io {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr size_t kSniffBytes = 8192;

std::string FileName(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).filename().string();
}

bool IsJsonlName(const std::string& path) {
  const std::string lower = AsciiLower(path);
  return lower.ends_with(".jsonl") || lower.ends_with(".ndjson") ||
         lower.ends_with(".json");
}

bool AllSpace(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

void SetError(InputRecord* record, std::string code, std::string message) {
  record->errors.push_back({std::move(code), std::move(message), true});
}

}  // namespace

absl::StatusOr<std::unique_ptr<DocumentReaderImpl>> DocumentReaderImpl::Open(
    const std::string& path, const ReaderOptions& options) {
  std::vector<std::string> files;
  uint64_t total = 0;
  if (path == "-") {
    files.push_back(path);
  } else {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      return absl::NotFoundError(StrCat(path, ": no such file or folder"));
    }
    if (fs::is_directory(st)) {
      for (fs::directory_iterator it(path, ec), end; !ec && it != end;
           it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code fec;
        if (!it->is_regular_file(fec)) continue;
        files.push_back(it->path().string());
      }
      if (ec) return absl::NotFoundError(StrCat(path, ": ", ec.message()));
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(path);
    }
    for (const std::string& f : files) {
      std::error_code fec;
      if (fs::is_regular_file(f, fec)) total += fs::file_size(f, fec);
    }
  }
  return std::unique_ptr<DocumentReaderImpl>(
      new DocumentReaderImpl(std::move(files), options, total));
}

DocumentReaderImpl::DocumentReaderImpl(std::vector<std::string> files,
                                       const ReaderOptions& options,
                                       uint64_t total_bytes)
    : files_(std::move(files)), options_(options), total_bytes_(total_bytes) {}

DocumentReaderImpl::~DocumentReaderImpl() { CloseFile(); }

uint64_t DocumentReaderImpl::bytes_read() const {
  return finished_bytes_ + (lines_ ? lines_->bytes_consumed() : 0);
}

void DocumentReaderImpl::CloseFile() {
  // A file skipped part-way (binary, unreadable) still counts as read.
  const uint64_t consumed = lines_ ? lines_->bytes_consumed() : 0;
  if (file_ != nullptr || lines_)
    finished_bytes_ += std::max(consumed, file_size_);
  file_size_ = 0;
  lines_.reset();
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
  file_ = nullptr;
}

bool DocumentReaderImpl::OpenNextFile(InputRecord* record) {
  const std::string& name = files_[next_file_++];
  origin_ = name;
  *record = InputRecord();
  record->document.origin = origin_;
  record->document.id = FileName(origin_);
  file_ = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
  std::error_code ec;
  file_size_ = name == "-" || !fs::is_regular_file(name, ec)
                   ? 0
                   : fs::file_size(name, ec);
  if (ec) file_size_ = 0;
  if (file_ == nullptr) {
    SetError(record, "io", StrCat("cannot open: ", std::strerror(errno)));
    return false;
  }
  lines_ = std::make_unique<LineReader>(file_, options_.max_document_bytes);
  const std::string_view head = lines_->Peek(kSniffBytes);
  if (head.find('\0') != std::string_view::npos) {
    SetError(record, "binary", "binary file (contains NUL bytes); skipped");
    CloseFile();
    return false;
  }
  switch (options_.format) {
    case InputFormat::kJsonl:
      jsonl_ = true;
      break;
    case InputFormat::kText:
      jsonl_ = false;
      break;
    case InputFormat::kAuto:
      if (name == "-") {
        std::string_view h = head;
        if (h.starts_with(kBom)) h.remove_prefix(kBom.size());
        const size_t first = h.find_first_not_of(" \t\r\n");
        jsonl_ = first != std::string_view::npos && h[first] == '{';
      } else {
        jsonl_ = IsJsonlName(name);
      }
      break;
  }
  file_had_record_ = false;
  return true;
}

bool DocumentReaderImpl::Next(InputRecord* record) {
  for (;;) {
    if (file_ == nullptr) {
      if (next_file_ >= files_.size()) return false;
      if (!OpenNextFile(record)) return true;  // the error record
    }
    if (!jsonl_) {
      ReadTextFile(record);
      CloseFile();
      return true;
    }
    if (NextJsonl(record)) return true;
    CloseFile();
  }
}

bool DocumentReaderImpl::NextJsonl(InputRecord* record) {
  LineReader::Line line;
  while (lines_->Next(&line)) {
    std::string_view text = line.text;
    if (line.number == 1 && text.starts_with(kBom))
      text.remove_prefix(kBom.size());
    if (!line.too_long && AllSpace(text)) continue;
    *record = InputRecord();
    Document& doc = record->document;
    doc.origin = origin_;
    doc.line = line.number;
    file_had_record_ = true;
    if (line.too_long) {
      SetError(record, "too_large",
               StrCat("line is ", line.length, " bytes; the limit is ",
                      options_.max_document_bytes, " (--max-bytes)"));
    } else {
      parser_.Parse(text, &doc, &record->errors);
    }
    if (doc.id.empty()) doc.id = StrCat(FileName(origin_), ":", line.number);
    return true;
  }
  if (!lines_->status().ok() || !file_had_record_) {
    *record = InputRecord();
    record->document.origin = origin_;
    record->document.id = FileName(origin_);
    if (!lines_->status().ok()) {
      SetError(record, "io", std::string(lines_->status().message()));
    } else {
      SetError(record, "empty", "file contains no documents");
    }
    file_had_record_ = true;
    CloseFile();
    return true;
  }
  return false;
}

void DocumentReaderImpl::ReadTextFile(InputRecord* record) {
  *record = InputRecord();
  Document& doc = record->document;
  doc.origin = origin_;
  doc.id = FileName(origin_);
  std::string content;
  uint64_t total = 0;
  if (!lines_->ReadRest(options_.max_document_bytes, &content, &total)) {
    SetError(record, "too_large",
             StrCat("file is ", total, " bytes; the limit is ",
                    options_.max_document_bytes, " (--max-bytes)"));
    return;
  }
  if (!lines_->status().ok()) {
    SetError(record, "io", std::string(lines_->status().message()));
    return;
  }
  if (content.find('\0') != std::string::npos) {
    SetError(record, "binary", "binary file (contains NUL bytes); skipped");
    return;
  }
  if (content.starts_with(kBom)) content.erase(0, kBom.size());
  if (AllSpace(content)) {
    SetError(record, "empty", "empty document");
    return;
  }
  if (const size_t bad = text::FindInvalidUtf8(content);
      bad != std::string::npos) {
    SetError(record, "invalid_utf8", StrCat("invalid UTF-8 at byte ", bad + 1));
    return;
  }
  doc.text = std::move(content);
}

}  // namespace io
}  // namespace sitrep
