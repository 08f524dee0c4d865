#include "syntax/model_format.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "common/strings.h"

namespace sitrep::syntax {
namespace {

constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'M', 'F'};
constexpr size_t kHeaderSize = 64;
constexpr size_t kEntrySize = 64;
constexpr size_t kNameSize = 48;
constexpr size_t kAlign = 64;
constexpr uint32_t kMaxSections = 1024;

size_t AlignUp(size_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

template <typename T>
void Put(std::string* out, size_t offset, T value) {
  std::memcpy(out->data() + offset, &value, sizeof value);
}

template <typename T>
T Get(const char* data, size_t offset) {
  T value;
  std::memcpy(&value, data + offset, sizeof value);
  return value;
}

uint32_t Crc32(const char* data, size_t size) {
  uLong crc = crc32(0L, Z_NULL, 0);
  while (size > 0) {
    const uInt chunk = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data), chunk);
    data += chunk;
    size -= chunk;
  }
  return static_cast<uint32_t>(crc);
}

}  // namespace

void ModelFileWriter::AddSection(std::string name, std::string bytes) {
  sections_.emplace_back(std::move(name), std::move(bytes));
}

std::string ModelFileWriter::Serialize() const {
  size_t offset = AlignUp(kHeaderSize + kEntrySize * sections_.size());
  std::vector<size_t> offsets;
  for (const auto& [name, bytes] : sections_) {
    offsets.push_back(offset);
    offset = AlignUp(offset + bytes.size());
  }
  std::string out(offset, '\0');
  std::memcpy(out.data(), kMagic, sizeof kMagic);
  Put<uint32_t>(&out, 8, kModelContainerVersion);
  Put<uint32_t>(&out, 12, static_cast<uint32_t>(sections_.size()));
  Put<uint64_t>(&out, 16, out.size());
  for (size_t i = 0; i < sections_.size(); ++i) {
    const auto& [name, bytes] = sections_[i];
    const size_t entry = kHeaderSize + i * kEntrySize;
    std::memcpy(out.data() + entry, name.data(),
                std::min(name.size(), kNameSize - 1));
    Put<uint64_t>(&out, entry + kNameSize, offsets[i]);
    Put<uint64_t>(&out, entry + kNameSize + 8, bytes.size());
    std::memcpy(out.data() + offsets[i], bytes.data(), bytes.size());
  }
  Put<uint32_t>(&out, 24,
                Crc32(out.data() + kHeaderSize, out.size() - kHeaderSize));
  return out;
}

absl::Status ModelFileWriter::Write(const std::string& path) const {
  const std::string bytes = Serialize();
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      return absl::UnavailableError(StrCat("cannot write ", temporary));
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return absl::UnavailableError(StrCat("cannot rename ", temporary, " to ",
                                         path, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

ModelFile::~ModelFile() {
  if (data_ == nullptr) return;
  if (mapped_) {
    munmap(const_cast<char*>(data_), size_);
  } else {
    std::free(const_cast<char*>(data_));
  }
}

absl::StatusOr<std::unique_ptr<ModelFile>> ModelFile::Open(
    const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) {
      return absl::NotFoundError(StrCat(path, ": no such model file"));
    }
    return absl::UnavailableError(
        StrCat(path, ": cannot open: ", std::strerror(error)));
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return absl::InvalidArgumentError(StrCat(path, ": not a regular file"));
  }
  std::unique_ptr<ModelFile> file(new ModelFile());
  file->size_ = static_cast<size_t>(st.st_size);
  if (file->size_ > 0) {
    void* p = mmap(nullptr, file->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int error = errno;
      close(fd);
      return absl::UnavailableError(
          StrCat(path, ": cannot map: ", std::strerror(error)));
    }
    file->data_ = static_cast<const char*>(p);
    file->mapped_ = true;
  }
  close(fd);
  absl::Status status = file->Check(path);
  if (!status.ok()) return status;
  return file;
}

absl::StatusOr<std::unique_ptr<ModelFile>> ModelFile::FromBytes(
    std::string_view bytes, const std::string& name) {
  std::unique_ptr<ModelFile> file(new ModelFile());
  file->size_ = bytes.size();
  if (!bytes.empty()) {
    char* copy =
        static_cast<char*>(std::aligned_alloc(kAlign, AlignUp(bytes.size())));
    std::memcpy(copy, bytes.data(), bytes.size());
    file->data_ = copy;
  }
  absl::Status status = file->Check(name);
  if (!status.ok()) return status;
  return file;
}

absl::Status ModelFile::Check(const std::string& name) {
  if (size_ < kHeaderSize || std::memcmp(data_, kMagic, sizeof kMagic) != 0) {
    return absl::InvalidArgumentError(
        StrCat(name, ": not a sitrep model file"));
  }
  const uint32_t version = Get<uint32_t>(data_, 8);
  if (version != kModelContainerVersion) {
    return absl::FailedPreconditionError(
        StrCat(name, ": model file format version ", version,
               ", this build reads version ", kModelContainerVersion));
  }
  const uint32_t count = Get<uint32_t>(data_, 12);
  const uint64_t declared = Get<uint64_t>(data_, 16);
  if (declared != size_) {
    return absl::DataLossError(
        StrCat(name, ": truncated or padded: header says ", declared,
               " bytes, the file has ", size_));
  }
  if (Crc32(data_ + kHeaderSize, size_ - kHeaderSize) !=
      Get<uint32_t>(data_, 24)) {
    return absl::DataLossError(StrCat(name, ": checksum mismatch (corrupt)"));
  }
  if (count > kMaxSections || kHeaderSize + count * kEntrySize > size_) {
    return absl::DataLossError(StrCat(name, ": bad section table"));
  }
  size_t previous_end = AlignUp(kHeaderSize + count * kEntrySize);
  for (uint32_t i = 0; i < count; ++i) {
    const char* entry = data_ + kHeaderSize + i * kEntrySize;
    const size_t name_length = strnlen(entry, kNameSize);
    const uint64_t offset = Get<uint64_t>(entry, kNameSize);
    const uint64_t length = Get<uint64_t>(entry, kNameSize + 8);
    if (name_length == kNameSize || offset % kAlign != 0 ||
        offset < previous_end || offset > size_ || length > size_ - offset) {
      return absl::DataLossError(
          StrCat(name, ": section ", i, " is out of bounds or misaligned"));
    }
    previous_end = offset + length;
    sections_.emplace_back(std::string(entry, name_length),
                           std::string_view(data_ + offset, length));
  }
  return absl::OkStatus();
}

std::optional<std::string_view> ModelFile::Section(
    std::string_view name) const {
  for (const auto& [section, bytes] : sections_) {
    if (section == name) return bytes;
  }
  return std::nullopt;
}

}  // namespace sitrep::syntax
