#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "common/strings.h"
#include "geo/name_key.h"

namespace sitrep::geo {
namespace {

uint32_t Crc(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes at most uInt at a time.
  while (!bytes.empty()) {
    const uInt n = static_cast<uInt>(std::min<size_t>(bytes.size(), 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), n);
    bytes.remove_prefix(n);
  }
  return static_cast<uint32_t>(crc);
}

// Names worth a key: those in Latin, Greek, Cyrillic, Armenian, Hebrew,
// Arabic (all below U+0800) or Georgian (U+10A0-U+10FF) letters, the
// scripts of the conflicts sitrep reads about; not CJK, Hangul, Thai,
// Devanagari ... whose transliterations would only add keys no English
// report uses.
bool UsefulScript(std::string_view name) {
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0xE0) continue;
    const unsigned char d =
        i + 1 < name.size() ? static_cast<unsigned char>(name[i + 1]) : 0;
    if (c == 0xE1 && (d == 0x82 || d == 0x83)) continue;  // Georgian
    return false;
  }
  return !name.empty() && name.size() <= 80;
}

// Appended to the key of an abbreviation: no folded name ends with it.
constexpr char kAbbreviationMark[] = ".";
// Appended to the key of a people's word or an adjective likewise.
constexpr char kDemonymMark[] = "#";

}  // namespace

bool GazetteerBuilder::AddGeoNamesLine(std::string_view line) {
  std::vector<std::string_view> f = Split(line, '\t');
  if (f.size() < 15) return false;
  Entry e;
  uint64_t id = 0;
  for (char c : f[0]) {
    if (c < '0' || c > '9') return false;
    id = id * 10 + static_cast<uint64_t>(c - '0');
    if (id > 0xFFFFFFFFu) return false;
  }
  e.geonames_id = static_cast<uint32_t>(id);
  e.name = std::string(f[1]);
  if (!f[2].empty() && f[2] != f[1]) {
    e.other_names.emplace_back(f[2]);
    e.ascii_first = true;
  }
  for (std::string_view alt : Split(f[3], ',')) {
    if (!alt.empty() && UsefulScript(alt)) e.other_names.emplace_back(alt);
  }
  char* end = nullptr;
  const std::string lat(f[4]), lon(f[5]);
  e.lat = std::strtod(lat.c_str(), &end);
  e.lon = std::strtod(lon.c_str(), &end);
  e.feature = std::string(f[7].substr(0, 6));
  e.country = std::string(f[8]);
  e.admin1 = std::string(f[10]);
  e.admin2 = std::string(f[11]);
  uint64_t pop = 0;
  for (char c : f[14]) {
    if (c >= '0' && c <= '9') pop = pop * 10 + static_cast<uint64_t>(c - '0');
  }
  e.population = static_cast<uint32_t>(std::min<uint64_t>(pop, 0xFFFFFFFFu));
  if (e.country.size() != 2 || e.name.empty()) return false;
  Add(std::move(e));
  return true;
}

void GazetteerBuilder::Add(Entry entry) {
  entries_.push_back(std::move(entry));
}

std::string GazetteerBuilder::Build() const {
  std::string pool;
  absl::flat_hash_map<std::string, uint32_t> interned;
  auto intern = [&](const std::string& s) -> uint32_t {
    auto [it, added] =
        interned.try_emplace(s, static_cast<uint32_t>(pool.size()));
    if (added) {
      pool.append(s);
      pool.push_back('\0');
    }
    return it->second;
  };
  intern("");
  std::vector<PlaceRecord> places;
  places.reserve(entries_.size());
  struct Keyed {
    uint32_t key;
    bool alternate;
    uint32_t population;
    uint32_t place;
  };
  std::vector<Keyed> keys;
  const NameFolder& folder = ThreadNameFolder();
  for (const Entry& e : entries_) {
    PlaceRecord r{};
    r.geonames_id = e.geonames_id;
    r.lat = static_cast<float>(e.lat);
    r.lon = static_cast<float>(e.lon);
    r.population = e.population;
    r.name = intern(e.name);
    r.admin1 = intern(e.admin1);
    r.admin2 = intern(e.admin2);
    std::memcpy(r.country, e.country.data(),
                std::min<size_t>(2, e.country.size()));
    std::memcpy(r.feature, e.feature.data(),
                std::min<size_t>(6, e.feature.size()));
    const uint32_t index = static_cast<uint32_t>(places.size());
    places.push_back(r);
    absl::flat_hash_set<std::string> own;
    auto add_name = [&](const std::string& n, bool alternate) {
      std::string k = folder.Key(n);
      if (k.empty() || !own.insert(k).second) return;
      keys.push_back({intern(k), alternate, e.population, index});
    };
    add_name(e.name, false);
    // The ASCII form of the name is the name; the rest are alternates.
    for (size_t i = 0; i < e.other_names.size(); ++i) {
      add_name(e.other_names[i],
               !(i < e.own_names || (i == 0 && e.ascii_first)));
    }
    for (const std::string& a : e.abbreviations) {
      const std::string k = folder.Key(a);
      if (!k.empty()) {
        keys.push_back(
            {intern(k + kAbbreviationMark), false, e.population, index});
      }
    }
    for (const std::string& d : e.demonyms) {
      const std::string k = folder.Key(d);
      if (!k.empty()) {
        keys.push_back({intern(k + kDemonymMark), false, e.population, index});
      }
    }
    if (e.country == "AZ") {
      std::vector<std::string> names = {e.name};
      names.insert(names.end(), e.other_names.begin(), e.other_names.end());
      for (const std::string& n : names) {
        for (const std::string& v : NameFolder::AzerbaijaniVariants(n)) {
          add_name(v, n != e.name);
        }
      }
    }
  }
  std::sort(keys.begin(), keys.end(), [&](const Keyed& a, const Keyed& b) {
    const int c = std::strcmp(pool.c_str() + a.key, pool.c_str() + b.key);
    if (c != 0) return c < 0;
    if (a.alternate != b.alternate) return !a.alternate;
    if (a.population != b.population) return a.population > b.population;
    return a.place < b.place;
  });
  std::string body;
  body.append(reinterpret_cast<const char*>(places.data()),
              places.size() * sizeof(PlaceRecord));
  for (const Keyed& k : keys) {
    KeyEntry entry{k.key, k.place | (k.alternate ? kAlternateName : 0u)};
    body.append(reinterpret_cast<const char*>(&entry), sizeof(entry));
  }
  body.append(pool);
  GazetteerHeader h{};
  std::memcpy(h.magic, kGazetteerMagic, sizeof(h.magic));
  h.version = kGazetteerVersion;
  h.places = static_cast<uint32_t>(places.size());
  h.keys = static_cast<uint32_t>(keys.size());
  h.pool_bytes = static_cast<uint32_t>(pool.size());
  h.crc32 = Crc(body);
  std::string out(reinterpret_cast<const char*>(&h), sizeof(h));
  out.append(body);
  return out;
}

Gazetteer::~Gazetteer() {
  if (mapping_ != nullptr) munmap(mapping_, mapping_size_);
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Open(
    const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::NotFoundError(StrCat(
        path, ": cannot open the gazetteer index: ", std::strerror(errno)));
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(StrCat(path, ": not a regular file"));
  }
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->mapping_size_ = static_cast<size_t>(st.st_size);
  if (g->mapping_size_ > 0) {
    void* m = mmap(nullptr, g->mapping_size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      ::close(fd);
      return absl::InternalError(
          StrCat(path, ": cannot map: ", std::strerror(errno)));
    }
    g->mapping_ = m;
  }
  ::close(fd);
  if (absl::Status s = g->Check(path); !s.ok()) return s;
  return g;
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::FromBytes(
    std::string_view bytes, const std::string& name) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->owned_ = std::string(bytes);
  if (absl::Status s = g->Check(name); !s.ok()) return s;
  return g;
}

absl::Status Gazetteer::Check(const std::string& name) {
  const std::string_view bytes =
      mapping_ != nullptr
          ? std::string_view(static_cast<const char*>(mapping_), mapping_size_)
          : std::string_view(owned_);
  auto corrupt = [&](std::string_view what) {
    return absl::DataLossError(StrCat(
        name, ": the gazetteer index is corrupt (", what, "); rebuild it"));
  };
  if (bytes.size() < sizeof(GazetteerHeader)) return corrupt("truncated");
  GazetteerHeader h;
  std::memcpy(&h, bytes.data(), sizeof(h));
  if (std::memcmp(h.magic, kGazetteerMagic, sizeof(h.magic)) != 0) {
    return absl::InvalidArgumentError(
        StrCat(name, ": not a sitrep gazetteer index"));
  }
  if (h.version != kGazetteerVersion) {
    return absl::FailedPreconditionError(StrCat(
        name, ": gazetteer index version ", h.version,
        ", this sitrep reads version ", kGazetteerVersion, "; rebuild it"));
  }
  const uint64_t need = sizeof(GazetteerHeader) +
                        uint64_t{h.places} * sizeof(PlaceRecord) +
                        uint64_t{h.keys} * sizeof(KeyEntry) + h.pool_bytes;
  if (need != bytes.size()) return corrupt("sizes do not add up");
  const std::string_view body = bytes.substr(sizeof(GazetteerHeader));
  if (Crc(body) != h.crc32) return corrupt("checksum mismatch");
  const char* p = body.data();
  places_ = {reinterpret_cast<const PlaceRecord*>(p), h.places};
  p += uint64_t{h.places} * sizeof(PlaceRecord);
  keys_ = {reinterpret_cast<const KeyEntry*>(p), h.keys};
  p += uint64_t{h.keys} * sizeof(KeyEntry);
  pool_ = std::string_view(p, h.pool_bytes);
  if (pool_.empty() || pool_.back() != '\0') return corrupt("string pool");
  for (const PlaceRecord& r : places_) {
    if (r.name >= pool_.size() || r.admin1 >= pool_.size() ||
        r.admin2 >= pool_.size()) {
      return corrupt("place name offset");
    }
  }
  demonym_endings_.assign(26 * 26, false);
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i].key >= pool_.size() ||
        (keys_[i].place & ~kAlternateName) >= places_.size()) {
      return corrupt("key entry");
    }
    const std::string_view key = PoolString(keys_[i].key);
    // Sorted, so that lookups may search.
    if (i > 0 && PoolString(keys_[i - 1].key) > key) {
      return corrupt("keys out of order");
    }
    if (key.size() >= 3 && key.back() == kDemonymMark[0]) {
      const char a = key[key.size() - 3], b = key[key.size() - 2];
      if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z') {
        demonym_endings_[static_cast<size_t>((a - 'a') * 26 + (b - 'a'))] =
            true;
      } else {
        demonym_endings_.assign(26 * 26, true);
      }
    }
  }
  return absl::OkStatus();
}

std::string_view Gazetteer::PoolString(uint32_t offset) const {
  const char* s = pool_.data() + offset;
  return std::string_view(s, std::strlen(s));
}

Place Gazetteer::PlaceAt(uint32_t index) const {
  const PlaceRecord& r = places_[index];
  Place p;
  p.index = index;
  p.geonames_id = r.geonames_id;
  p.name = PoolString(r.name);
  p.lat = r.lat;
  p.lon = r.lon;
  p.population = r.population;
  p.country = std::string_view(r.country, strnlen(r.country, 2));
  p.admin1 = PoolString(r.admin1);
  p.admin2 = PoolString(r.admin2);
  p.feature =
      std::string_view(r.feature, strnlen(r.feature, sizeof(r.feature)));
  return p;
}

std::vector<Place> Gazetteer::FindKey(std::string_view key) const {
  std::vector<Place> out;
  if (key.empty()) return out;
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key,
                             [&](const KeyEntry& e, std::string_view k) {
                               return PoolString(e.key) < k;
                             });
  for (; it != keys_.end() && PoolString(it->key) == key; ++it) {
    const uint32_t index = it->place & ~kAlternateName;
    // Two names of one place that fold alike ("W.Va.", "W. Va.").
    if (std::any_of(out.begin(), out.end(),
                    [&](const Place& p) { return p.index == index; })) {
      continue;
    }
    out.push_back(PlaceAt(index));
    out.back().alternate = (it->place & kAlternateName) != 0;
  }
  return out;
}

bool IsLandform(std::string_view feature) {
  return feature == "ISL" || feature == "LK" || feature == "MTS" ||
         feature == "VAL" || feature == "DLTA" || feature == "PEN";
}

std::vector<Place> Gazetteer::FindDemonym(std::string_view word) const {
  // Most words end in two letters no people's word ends in.
  if (word.size() >= 2) {
    auto lower = [](char c) {
      return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    const char a = lower(word[word.size() - 2]), b = lower(word.back());
    if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' &&
        !demonym_endings_[static_cast<size_t>((a - 'a') * 26 + (b - 'a'))]) {
      return {};
    }
  }
  const std::string key = ThreadNameFolder().Key(word);
  if (key.empty()) return {};
  return FindKey(key + kDemonymMark);
}

std::vector<Place> Gazetteer::Find(std::string_view name) const {
  const std::string key = ThreadNameFolder().Key(name);
  if (!name.empty() && name.back() == '.' && !key.empty()) {
    std::vector<Place> abbreviated = FindKey(key + kAbbreviationMark);
    if (!abbreviated.empty()) return abbreviated;
  }
  return FindKey(key);
}

}  // namespace sitrep::geo
