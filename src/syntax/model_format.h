// The model file: a versioned container of named sections, built once by
// the trainer and opened read-only (memory-mapped) by every thread.
//
// Layout, little-endian:
//   header, 64 bytes:  magic "SITREPMF", u32 container version, u32
//                      section count, u64 file size, u32 CRC-32 of every
//                      byte after the header, zero padding
//   section table:     per section 64 bytes: name (up to 47 bytes,
//                      NUL-padded), u64 offset, u64 size
//   payloads:          each at a 64-byte aligned offset, so that float
//                      arrays can be used in place
// Opening checks all of it, so a truncated, corrupt or foreign file gives
// an error that says which, never undefined behaviour.
#ifndef SITREP_SYNTAX_MODEL_FORMAT_H_
#define SITREP_SYNTAX_MODEL_FORMAT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace sitrep::syntax {

inline constexpr uint32_t kModelContainerVersion = 1;

class ModelFileWriter {
 public:
  void AddSection(std::string name, std::string bytes);
  // The whole file as bytes.
  std::string Serialize() const;
  // Writes to a temporary file beside `path` and renames it into place.
  absl::Status Write(const std::string& path) const;

 private:
  std::vector<std::pair<std::string, std::string>> sections_;
};

class ModelFile {
 public:
  // Maps `path` read-only and checks it.
  static absl::StatusOr<std::unique_ptr<ModelFile>> Open(
      const std::string& path);
  // The same checks over bytes in memory (copied), for tests and fuzzing.
  static absl::StatusOr<std::unique_ptr<ModelFile>> FromBytes(
      std::string_view bytes, const std::string& name);

  ~ModelFile();
  ModelFile(const ModelFile&) = delete;
  ModelFile& operator=(const ModelFile&) = delete;

  // The payload of the named section; 64-byte aligned.
  std::optional<std::string_view> Section(std::string_view name) const;

 private:
  ModelFile() = default;
  absl::Status Check(const std::string& name);

  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;  // munmap on destruction, else free
  std::vector<std::pair<std::string, std::string_view>> sections_;
};

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_MODEL_FORMAT_H_
