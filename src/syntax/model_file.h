// The parser's model file: a versioned container of named sections, built
// once by the trainer and opened read-only (memory-mapped) by every thread.
// Opening checks all of it, so a truncated, corrupt or foreign file gives an
// error that says which, never undefined behaviour.
//
// Layout (version 1), little-endian, every offset from the file's start:
//   header, 64 bytes:
//     0  char[8]  magic "SITREPMF"
//     8  u32      format version (kModelFileVersion)
//     12 u32      section count (at most kMaxModelSections)
//     16 u64      file size in bytes
//     24 u32      CRC-32 (zlib's) of every byte after the header
//     28 u8[36]   zero
//   section table, 64 bytes per section, in payload order:
//     0  char[48] name: 1 to 47 bytes, no NUL inside, then NUL padding
//     48 u64      payload offset: a multiple of 64, past the table
//     56 u64      payload size in bytes
//   payloads: in table order, each at a 64-byte aligned offset (so float
//     arrays can be used in place), with zero padding between them and
//     after the last up to the next multiple of 64.
// A different version is refused, not guessed at: a change to this layout
// bumps the version.
//
// Sections hold bytes written with ByteWriter and read back with ByteReader
// (below): u32/u64/f32 scalars, length-prefixed strings, and arrays padded
// to 64 bytes so that a reader over a section can view them in place.
#ifndef SITREP_SYNTAX_MODEL_FILE_H_
#define SITREP_SYNTAX_MODEL_FILE_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace sitrep::syntax {

static_assert(std::endian::native == std::endian::little,
              "the model file format is little-endian");

inline constexpr uint32_t kModelFileVersion = 1;
inline constexpr uint32_t kMaxModelSections = 1024;
inline constexpr size_t kMaxSectionName = 47;      // bytes
inline constexpr size_t kModelFileAlignment = 64;  // of every payload

class ModelFileWriter {
 public:
  // Sections are written in the order added.
  void AddSection(std::string name, std::string bytes);

  // The whole file. InvalidArgument if a name is empty, longer than
  // kMaxSectionName, holds a NUL or repeats, or there are too many sections.
  absl::StatusOr<std::string> Serialize() const;

  // Writes the file to a temporary file beside `path`, flushes it to disk
  // and renames it over `path`, so a reader never sees half a file.
  absl::Status Write(const std::string& path) const;

 private:
  std::vector<std::pair<std::string, std::string>> sections_;
};

struct ModelFileOptions {
  // Skipping the checksum is for fuzzing the structural checks only.
  bool verify_checksum = true;
};

// An opened, checked model file. Immutable: any number of threads may call
// its const methods at once. Section views live as long as the ModelFile.
class ModelFile {
 public:
  // Maps `path` read-only and checks it. Errors: NotFound (no such file),
  // InvalidArgument (a directory, an empty file, not a sitrep model file),
  // FailedPrecondition (another format version), DataLoss (truncated,
  // checksum mismatch, bad section table), others for I/O failures.
  static absl::StatusOr<std::unique_ptr<ModelFile>> Open(
      const std::string& path, const ModelFileOptions& options = {});

  // The same checks over bytes in memory, which are copied (to 64-byte
  // aligned storage); `name` stands for the path in messages.
  static absl::StatusOr<std::unique_ptr<ModelFile>> FromBytes(
      std::string_view bytes, const std::string& name,
      const ModelFileOptions& options = {});

  ~ModelFile();
  ModelFile(const ModelFile&) = delete;
  ModelFile& operator=(const ModelFile&) = delete;

  // The payload of the named section, 64-byte aligned; nullopt if absent.
  std::optional<std::string_view> Section(std::string_view name) const;

  // Section names in file order.
  std::vector<std::string_view> section_names() const;

  size_t size_bytes() const { return size_; }

 private:
  struct Entry {
    std::string_view name;   // points into the file
    std::string_view bytes;  // ditto
  };

  ModelFile() = default;
  absl::Status Check(const std::string& name, const ModelFileOptions& options);

  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;  // munmap on destruction, else an aligned delete
  std::vector<Entry> sections_;
};

// Appends little-endian values to a byte string.
class ByteWriter {
 public:
  void PutU32(uint32_t v) { Append(&v, sizeof v); }
  void PutU64(uint64_t v) { Append(&v, sizeof v); }
  void PutF32(float v) { Append(&v, sizeof v); }
  // A u32 length, then the bytes. The length must fit in 32 bits.
  void PutString(std::string_view s);
  // A u64 element count, zero padding up to the next multiple of 64 bytes
  // from the start of this writer's bytes, then the elements.
  template <typename T>
  void PutArray(std::span<const T> values);

  size_t size() const { return bytes_.size(); }
  const std::string& bytes() const { return bytes_; }
  std::string Take() && { return std::move(bytes_); }

 private:
  void Append(const void* p, size_t n) {
    bytes_.append(static_cast<const char*>(p), n);
  }
  std::string bytes_;
};

// Reads what ByteWriter wrote, never past the end of its bytes: every Get
// checks the bounds first and returns false instead of reading, and leaves
// its output untouched. The first failure sticks (later Gets fail too) and
// is described by status(), so a caller may read a run of fields and check
// once. Hostile bytes give an error, never a crash or a huge allocation.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  bool GetU32(uint32_t* v) { return Read(v, sizeof *v, "u32"); }
  bool GetU64(uint64_t* v) { return Read(v, sizeof *v, "u64"); }
  bool GetF32(float* v) { return Read(v, sizeof *v, "f32"); }
  bool GetString(std::string* s);
  // A view into the reader's bytes.
  bool GetString(std::string_view* s);
  // A view of an array in place. Needs the elements suitably aligned in
  // memory, as they are when the reader's bytes are a ModelFile section;
  // fails otherwise (use the copying overload).
  template <typename T>
  bool GetArray(std::span<const T>* values);
  // A copy of an array; any alignment.
  template <typename T>
  bool GetArray(std::vector<T>* values);

  size_t offset() const { return pos_; }
  size_t remaining() const { return bytes_.size() - pos_; }
  bool ok() const { return failure_ == nullptr; }
  // OK, or DataLoss naming the first read that failed and its offset.
  absl::Status status() const;
  // status(), and DataLoss if bytes are left over.
  absl::Status ExpectEnd() const;

 private:
  bool Fail(const char* what) {
    if (failure_ == nullptr) {
      failure_ = what;
      failure_offset_ = pos_;
    }
    return false;
  }
  bool Read(void* p, size_t n, const char* what) {
    if (!ok() || remaining() < n) return Fail(what);
    std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  // Reads an array header; on success *count elements of `element` bytes
  // start at pos_.
  bool ArrayStart(size_t element, size_t* count);

  std::string_view bytes_;
  size_t pos_ = 0;
  const char* failure_ = nullptr;  // what the first failed read wanted
  size_t failure_offset_ = 0;
};

template <typename T>
void ByteWriter::PutArray(std::span<const T> values) {
  static_assert(std::is_arithmetic_v<T>, "arrays of numbers only");
  PutU64(values.size());
  bytes_.resize((bytes_.size() + kModelFileAlignment - 1) /
                    kModelFileAlignment * kModelFileAlignment,
                '\0');
  Append(values.data(), values.size_bytes());
}

template <typename T>
bool ByteReader::GetArray(std::span<const T>* values) {
  static_assert(std::is_arithmetic_v<T>, "arrays of numbers only");
  const size_t start = pos_;
  size_t count = 0;
  if (!ArrayStart(sizeof(T), &count)) return false;
  const char* data = bytes_.data() + pos_;
  if (reinterpret_cast<uintptr_t>(data) % alignof(T) != 0) {
    pos_ = start;
    return Fail("array (misaligned in memory)");
  }
  *values = std::span<const T>(reinterpret_cast<const T*>(data), count);
  pos_ += count * sizeof(T);
  return true;
}

template <typename T>
bool ByteReader::GetArray(std::vector<T>* values) {
  static_assert(std::is_arithmetic_v<T>, "arrays of numbers only");
  size_t count = 0;
  if (!ArrayStart(sizeof(T), &count)) return false;
  values->resize(count);
  if (count > 0) {
    std::memcpy(values->data(), bytes_.data() + pos_, count * sizeof(T));
  }
  pos_ += count * sizeof(T);
  return true;
}

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_MODEL_FILE_H_
