#include "syntax/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>

#include <fmt/format.h>

#include "common/status.h"
#include "common/strings.h"

namespace sitrep::syntax {
namespace {

constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'M', 'F'};
constexpr size_t kHeaderSize = 64;
constexpr size_t kEntrySize = 64;
constexpr size_t kNameField = 48;
constexpr size_t kAlign = kModelFileAlignment;
constexpr std::align_val_t kCopyAlignment{kAlign};

constexpr uint64_t AlignUp(uint64_t n) {
  return (n + kAlign - 1) / kAlign * kAlign;
}

template <typename T>
void Store(std::string* out, size_t offset, T value) {
  std::memcpy(out->data() + offset, &value, sizeof value);
}

template <typename T>
T Load(const char* data, size_t offset) {
  T value;
  std::memcpy(&value, data + offset, sizeof value);
  return value;
}

uint32_t Crc32(const char* data, size_t size) {
  uLong crc = crc32(0L, Z_NULL, 0);
  while (size > 0) {  // zlib takes a uInt length
    const uInt chunk = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data), chunk);
    data += chunk;
    size -= chunk;
  }
  return static_cast<uint32_t>(crc);
}

absl::Status ErrnoError(int error, std::string_view what,
                        const std::string& path) {
  std::string message = StrCat(path, ": ", what, ": ", std::strerror(error));
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
      return absl::PermissionDeniedError(message);
    case ENOSPC:
    case EDQUOT:
    case ENOMEM:
      return absl::ResourceExhaustedError(message);
    default:
      return absl::UnavailableError(message);
  }
}

// Closes a file descriptor on every path out of a function.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  // Closes now, reporting the error close() gives (it can, after writes).
  int Close() {
    const int result = close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

}  // namespace

void ModelFileWriter::AddSection(std::string name, std::string bytes) {
  sections_.emplace_back(std::move(name), std::move(bytes));
}

absl::StatusOr<std::string> ModelFileWriter::Serialize() const {
  if (sections_.size() > kMaxModelSections) {
    return absl::InvalidArgumentError(StrCat(
        sections_.size(), " sections; a model file holds ", kMaxModelSections));
  }
  for (size_t i = 0; i < sections_.size(); ++i) {
    const std::string& name = sections_[i].first;
    if (name.empty() || name.size() > kMaxSectionName ||
        name.find('\0') != std::string::npos) {
      return absl::InvalidArgumentError(StrCat("bad section name '", name,
                                               "' (1 to ", kMaxSectionName,
                                               " bytes, no NUL)"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (sections_[j].first == name) {
        return absl::InvalidArgumentError(
            StrCat("two sections named '", name, "'"));
      }
    }
  }
  uint64_t offset = AlignUp(kHeaderSize + kEntrySize * sections_.size());
  std::vector<uint64_t> offsets;
  for (const auto& [name, bytes] : sections_) {
    offsets.push_back(offset);
    offset = AlignUp(offset + bytes.size());
  }
  std::string out(offset, '\0');
  std::memcpy(out.data(), kMagic, sizeof kMagic);
  Store<uint32_t>(&out, 8, kModelFileVersion);
  Store<uint32_t>(&out, 12, static_cast<uint32_t>(sections_.size()));
  Store<uint64_t>(&out, 16, out.size());
  for (size_t i = 0; i < sections_.size(); ++i) {
    const auto& [name, bytes] = sections_[i];
    const size_t entry = kHeaderSize + i * kEntrySize;
    std::memcpy(out.data() + entry, name.data(), name.size());
    Store<uint64_t>(&out, entry + kNameField, offsets[i]);
    Store<uint64_t>(&out, entry + kNameField + 8, bytes.size());
    if (!bytes.empty()) {
      std::memcpy(out.data() + offsets[i], bytes.data(), bytes.size());
    }
  }
  Store<uint32_t>(&out, 24,
                  Crc32(out.data() + kHeaderSize, out.size() - kHeaderSize));
  return out;
}

absl::Status ModelFileWriter::Write(const std::string& path) const {
  absl::StatusOr<std::string> bytes = Serialize();
  if (!bytes.ok()) return bytes.status();
  // A unique name in the same directory, so that rename() is atomic.
  std::string temporary = path + ".tmp.XXXXXX";
  FileDescriptor fd(mkstemp(temporary.data()));
  if (fd.get() < 0) {
    return ErrnoError(errno, "cannot create a temporary file", path);
  }
  const auto fail = [&temporary](int error, std::string_view what) {
    std::remove(temporary.c_str());
    return ErrnoError(error, what, temporary);
  };
  const char* p = bytes->data();
  size_t left = bytes->size();
  while (left > 0) {
    const ssize_t written = write(fd.get(), p, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return fail(errno, "cannot write");
    }
    p += written;
    left -= static_cast<size_t>(written);
  }
  if (fchmod(fd.get(), 0644) != 0) return fail(errno, "cannot chmod");
  if (fsync(fd.get()) != 0) return fail(errno, "cannot flush");
  if (fd.Close() != 0) return fail(errno, "cannot close");
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return fail(errno, StrCat("cannot rename to ", path));
  }
  return absl::OkStatus();
}

ModelFile::~ModelFile() {
  if (data_ == nullptr) return;
  if (mapped_) {
    munmap(const_cast<char*>(data_), size_);
  } else {
    ::operator delete[](const_cast<char*>(data_), kCopyAlignment);
  }
}

absl::StatusOr<std::unique_ptr<ModelFile>> ModelFile::Open(
    const std::string& path, const ModelFileOptions& options) {
  FileDescriptor fd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ENOENT) {
      return absl::NotFoundError(StrCat(path, ": no such model file"));
    }
    return ErrnoError(error, "cannot open", path);
  }
  struct stat st {};
  if (fstat(fd.get(), &st) != 0) return ErrnoError(errno, "cannot stat", path);
  if (S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(
        StrCat(path, ": is a directory, not a sitrep model file"));
  }
  if (!S_ISREG(st.st_mode)) {
    return absl::InvalidArgumentError(
        StrCat(path, ": not a regular file, so not a sitrep model file"));
  }
  std::unique_ptr<ModelFile> file(new ModelFile());
  file->size_ = static_cast<size_t>(st.st_size);
  if (file->size_ > 0) {  // mmap refuses a length of 0
    int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
    // The checksum reads every page anyway; faulting them in up front is
    // several times faster than one fault per page.
    if (options.verify_checksum) flags |= MAP_POPULATE;
#endif
    void* p = mmap(nullptr, file->size_, PROT_READ, flags, fd.get(), 0);
    if (p == MAP_FAILED) return ErrnoError(errno, "cannot map", path);
    file->data_ = static_cast<const char*>(p);
    file->mapped_ = true;
  }
  SITREP_RETURN_IF_ERROR(file->Check(path, options));
  return file;
}

absl::StatusOr<std::unique_ptr<ModelFile>> ModelFile::FromBytes(
    std::string_view bytes, const std::string& name,
    const ModelFileOptions& options) {
  std::unique_ptr<ModelFile> file(new ModelFile());
  file->size_ = bytes.size();
  if (!bytes.empty()) {
    char* copy =
        static_cast<char*>(::operator new[](bytes.size(), kCopyAlignment));
    std::memcpy(copy, bytes.data(), bytes.size());
    file->data_ = copy;
  }
  SITREP_RETURN_IF_ERROR(file->Check(name, options));
  return file;
}

absl::Status ModelFile::Check(const std::string& name,
                              const ModelFileOptions& options) {
  if (size_ == 0) {
    return absl::InvalidArgumentError(
        StrCat(name, ": empty file, not a sitrep model file"));
  }
  const size_t magic = std::min(size_, sizeof kMagic);
  if (std::memcmp(data_, kMagic, magic) != 0) {
    return absl::InvalidArgumentError(
        StrCat(name, ": not a sitrep model file (bad magic)"));
  }
  if (size_ < kHeaderSize) {
    return absl::DataLossError(StrCat(name, ": truncated: ", size_,
                                      " bytes, less than the ", kHeaderSize,
                                      "-byte header"));
  }
  const uint32_t version = Load<uint32_t>(data_, 8);
  if (version != kModelFileVersion) {
    return absl::FailedPreconditionError(StrCat(name, ": model format version ",
                                                version, ", this build reads ",
                                                kModelFileVersion));
  }
  const uint64_t declared = Load<uint64_t>(data_, 16);
  if (declared > size_) {
    return absl::DataLossError(StrCat(name, ": truncated: header says ",
                                      declared, " bytes, file has ", size_));
  }
  if (declared < size_) {
    return absl::DataLossError(StrCat(name, ": trailing bytes: header says ",
                                      declared, " bytes, file has ", size_));
  }
  for (size_t i = 28; i < kHeaderSize; ++i) {
    if (data_[i] != 0) {
      return absl::DataLossError(
          StrCat(name, ": corrupt header (reserved byte ", i, " not zero)"));
    }
  }
  if (options.verify_checksum) {
    const uint32_t stored = Load<uint32_t>(data_, 24);
    const uint32_t computed = Crc32(data_ + kHeaderSize, size_ - kHeaderSize);
    if (stored != computed) {
      return absl::DataLossError(StrCat(name, ": checksum mismatch (stored ",
                                        stored, ", computed ", computed,
                                        "): the file is corrupt"));
    }
  }

  if (size_ % kAlign != 0) {
    return absl::DataLossError(
        StrCat(name, ": file size ", size_, " is not a multiple of ", kAlign));
  }
  const uint32_t count = Load<uint32_t>(data_, 12);
  if (count > kMaxModelSections ||
      kHeaderSize + uint64_t{count} * kEntrySize > size_) {
    return absl::DataLossError(
        StrCat(name, ": section table of ", count,
               " entries runs past the end of the file"));
  }
  // The writer's layout exactly: payloads in table order, each at the first
  // aligned offset after the one before, the file ending after the last.
  // So no byte of the file goes unchecked: not even a changed count.
  uint64_t previous_end = kHeaderSize + uint64_t{count} * kEntrySize;
  std::string previous = "the section table";
  sections_.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    const char* entry = data_ + kHeaderSize + i * kEntrySize;
    const size_t length = strnlen(entry, kNameField);
    const std::string_view section(entry, length);
    if (length == 0 || length == kNameField ||
        std::any_of(entry + length, entry + kNameField,
                    [](char c) { return c != 0; })) {
      return absl::DataLossError(
          StrCat(name, ": section ", i, " has a malformed name"));
    }
    for (const Entry& seen : sections_) {
      if (seen.name == section) {
        return absl::DataLossError(
            StrCat(name, ": two sections named '", section, "'"));
      }
    }
    const uint64_t offset = Load<uint64_t>(entry, kNameField);
    const uint64_t bytes = Load<uint64_t>(entry, kNameField + 8);
    if (offset % kAlign != 0) {
      return absl::DataLossError(StrCat(name, ": section '", section,
                                        "' at offset ", offset,
                                        " is not 64-byte aligned"));
    }
    if (offset > size_ || bytes > size_ - offset) {
      return absl::DataLossError(StrCat(
          name, ": section '", section, "' (", bytes, " bytes at ", offset,
          ") runs past the end of the file (", size_, " bytes)"));
    }
    if (offset < previous_end) {
      return absl::DataLossError(
          StrCat(name, ": section '", section, "' overlaps ", previous));
    }
    if (offset != AlignUp(previous_end)) {
      return absl::DataLossError(StrCat(name, ": section '", section,
                                        "' at offset ", offset,
                                        " leaves a gap after ", previous));
    }
    previous_end = offset + bytes;
    previous = StrCat("section '", section, "'");
    sections_.push_back({section, std::string_view(data_ + offset, bytes)});
  }
  if (AlignUp(previous_end) != size_) {
    return absl::DataLossError(StrCat(name, ": ", size_ - AlignUp(previous_end),
                                      " stray bytes after ", previous));
  }
  return absl::OkStatus();
}

std::optional<std::string_view> ModelFile::Section(
    std::string_view name) const {
  for (const Entry& entry : sections_) {
    if (entry.name == name) return entry.bytes;
  }
  return std::nullopt;
}

std::vector<std::string_view> ModelFile::section_names() const {
  std::vector<std::string_view> names;
  for (const Entry& entry : sections_) names.push_back(entry.name);
  return names;
}

void ByteWriter::PutString(std::string_view s) {
  PutU32(static_cast<uint32_t>(s.size()));
  bytes_.append(s);
}

bool ByteReader::GetString(std::string* s) {
  std::string_view view;
  if (!GetString(&view)) return false;
  s->assign(view);
  return true;
}

bool ByteReader::GetString(std::string_view* s) {
  const size_t start = pos_;
  uint32_t size = 0;
  if (!GetU32(&size)) return false;
  if (remaining() < size) {
    pos_ = start;
    return Fail("string");
  }
  *s = bytes_.substr(pos_, size);
  pos_ += size;
  return true;
}

bool ByteReader::ArrayStart(size_t element, size_t* count) {
  const size_t start = pos_;
  uint64_t n = 0;
  if (!GetU64(&n)) return false;
  const size_t data = static_cast<size_t>(AlignUp(pos_));
  if (data > bytes_.size() || n > (bytes_.size() - data) / element) {
    pos_ = start;
    return Fail("array");
  }
  pos_ = data;
  *count = static_cast<size_t>(n);
  return true;
}

absl::Status ByteReader::status() const {
  if (ok()) return absl::OkStatus();
  return absl::DataLossError(StrCat("truncated or corrupt: cannot read ",
                                    failure_, " at byte ", failure_offset_,
                                    " of ", bytes_.size()));
}

absl::Status ByteReader::ExpectEnd() const {
  SITREP_RETURN_IF_ERROR(status());
  if (remaining() != 0) {
    return absl::DataLossError(StrCat(remaining(), " unexpected bytes at byte ",
                                      pos_, " of ", bytes_.size()));
  }
  return absl::OkStatus();
}

}  // namespace sitrep::syntax
