#include "syntax/features.h"

#include <algorithm>

namespace sitrep::syntax {
namespace {

// FNV-1a over the bytes, seeded with the feature kind so that the prefix
// "a" and the suffix "a" land in different buckets.
uint64_t Hash(char kind, std::string_view s) {
  uint64_t h = 1469598103934665603ULL ^ static_cast<uint8_t>(kind);
  h *= 1099511628211ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  // Final avalanche (from splitmix64) so that the low bits are well mixed.
  h ^= h >> 31;
  h *= 0x7fb5d329728ea185ULL;
  h ^= h >> 27;
  return h;
}

// Byte offsets where the UTF-8 code points of `s` start, plus s.size().
void CodePointStarts(std::string_view s, std::vector<size_t>* starts) {
  starts->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts->push_back(i);
  }
  starts->push_back(s.size());
}

char ShapeClass(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';  // any byte of a non-ASCII character
  return static_cast<char>(c);
}

}  // namespace

int StringIndex::Add(std::string_view s) {
  auto it = ids_.find(s);
  if (it != ids_.end()) return it->second;
  const int id = size();
  names_.emplace_back(s);
  ids_.emplace(names_.back(), id);
  return id;
}

int StringIndex::Find(std::string_view s) const {
  auto it = ids_.find(s);
  return it == ids_.end() ? -1 : it->second;
}

void StringIndex::Serialize(ByteWriter* out) const {
  out->PutU32(static_cast<uint32_t>(names_.size()));
  for (const std::string& name : names_) out->PutString(name);
}

absl::StatusOr<StringIndex> StringIndex::Deserialize(ByteReader* in) {
  uint32_t count = 0;
  if (!in->GetU32(&count) || count > in->remaining()) {
    return absl::DataLossError("string index: bad count");
  }
  StringIndex index;
  std::string name;
  for (uint32_t i = 0; i < count; ++i) {
    if (!in->GetString(&name)) {
      return absl::DataLossError("string index: truncated");
    }
    if (index.Add(name) != static_cast<int>(i)) {
      return absl::DataLossError("string index: duplicate entry");
    }
  }
  return index;
}

std::string NormalizeForm(std::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c >= '0' && c <= '9') {
      c = '0';
    }
  }
  return out;
}

void SubwordFeatures(std::string_view form, uint32_t buckets,
                     uint32_t ids[kSubwordFeatures]) {
  thread_local std::string norm;
  thread_local std::string shape;
  thread_local std::vector<size_t> starts;
  norm.assign(form);
  for (char& c : norm) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9')
      c = '0';
  }
  CodePointStarts(norm, &starts);
  const size_t chars = starts.size() - 1;
  const std::string_view n(norm);
  int k = 0;
  ids[k++] = static_cast<uint32_t>(Hash('w', n) % buckets);
  for (size_t len = 1; len <= 3; ++len) {
    const size_t end = starts[std::min(len, chars)];
    ids[k++] =
        static_cast<uint32_t>(Hash('p' + len, n.substr(0, end)) % buckets);
  }
  for (size_t len = 1; len <= 4; ++len) {
    const size_t begin = starts[chars - std::min(len, chars)];
    ids[k++] =
        static_cast<uint32_t>(Hash('s' + len, n.substr(begin)) % buckets);
  }
  // Shape: character classes with runs collapsed ("Xx", "d,d", "X.X.").
  shape.clear();
  for (unsigned char c : form) {
    const char cls = ShapeClass(c);
    if (cls == 'u' && (c & 0xC0) == 0x80) continue;  // continuation byte
    if (shape.empty() || shape.back() != cls) shape.push_back(cls);
  }
  ids[k++] = static_cast<uint32_t>(Hash('h', shape) % buckets);
  // First character's class with a length class (1, 2, 3, 4-6, 7+).
  char first_and_length[2] = {form.empty() ? ' ' : ShapeClass(form[0]),
                              static_cast<char>(chars <= 3   ? '0' + chars
                                                : chars <= 6 ? '4'
                                                             : '7')};
  ids[k++] = static_cast<uint32_t>(
      Hash('l', std::string_view(first_and_length, 2)) % buckets);
}

}  // namespace sitrep::syntax
