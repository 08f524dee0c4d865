// The gazetteer: populated places (GeoNames cities-500, CC BY 4.0), the
// second-order divisions named by GeoNames' admin-2 codes, Natural Earth's
// first-order divisions and countries, and a hand-kept supplement of
// continents, seas, regions, roads and crossings, compiled at build time
// into one versioned index file that is memory-mapped read-only.
//
// Layout (little-endian): a header, the place records, the key entries
// sorted by key (then by population, largest first), and a string pool of
// NUL-terminated names, admin codes and keys. A CRC-32 over everything
// after the header guards against a damaged file. `Open` checks the magic,
// version, sizes, the checksum and every offset, and refuses the file with
// a message saying which check failed.
#ifndef SITREP_GEO_GAZETTEER_H_
#define SITREP_GEO_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace sitrep::geo {

inline constexpr char kGazetteerMagic[8] = {'S', 'I', 'T', 'R',
                                            'E', 'P', 'G', 'Z'};
inline constexpr uint32_t kGazetteerVersion = 3;

#pragma pack(push, 1)
struct GazetteerHeader {
  char magic[8];
  uint32_t version;
  uint32_t places;
  uint32_t keys;
  uint32_t pool_bytes;
  uint32_t crc32;  // of everything after the header
};

struct PlaceRecord {
  uint32_t geonames_id;  // 0 for places of the supplement
  float lat;
  float lon;
  uint32_t population;
  uint32_t name;    // pool offset
  uint32_t admin1;  // pool offset: the admin-1 code ("61"), or of ""
  uint32_t admin2;  // pool offset: the admin-2 code ("125"), or of ""
  char country[2];  // ISO 3166-1 alpha-2; NULs for a continent or a sea
  char feature[6];  // GeoNames feature code, NUL-padded ("PPLA", "ADM1")
};

struct KeyEntry {
  uint32_t key;    // pool offset
  uint32_t place;  // index of the place record; the top bit set when the
                   // key comes from an alternate name, not the place's own
};
inline constexpr uint32_t kAlternateName = 0x80000000u;
#pragma pack(pop)

// A place as the index holds it.
struct Place {
  uint32_t index = 0;
  uint32_t geonames_id = 0;
  std::string_view name;
  double lat = 0;
  double lon = 0;
  uint32_t population = 0;
  std::string_view country;  // ISO alpha-2; empty for a continent or a sea
  std::string_view admin1;
  std::string_view admin2;
  std::string_view feature;
  // Found by one of its alternate names (another language's, an old one),
  // not its own.
  bool alternate = false;
};

// A feature of the land or the water, not a division: an island ("ISL"), a
// lake ("LK"), a range ("MTS"), a valley ("VAL"), a delta ("DLTA") or a
// peninsula ("PEN").
bool IsLandform(std::string_view feature);

class Gazetteer {
 public:
  // Maps the index at `path`. A missing, truncated, corrupt, foreign or
  // wrong-version file gives an error that says which.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Open(
      const std::string& path);
  // The same checks over bytes in memory (copied), for tests and fuzzing.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> FromBytes(
      std::string_view bytes, const std::string& name);
  ~Gazetteer();

  size_t size() const { return places_.size(); }
  size_t key_count() const { return keys_.size(); }
  Place PlaceAt(uint32_t index) const;

  // The places a name may mean: those it is the own name of first, then
  // those it is an alternate name of, each most populous first. A name
  // written with a final full stop ("Tenn.", "W.Va.") is looked up first
  // among the abbreviations, which nothing else finds.
  std::vector<Place> Find(std::string_view name) const;
  // The places whose people or adjective `word` is ("Ohioans": Ohio), from
  // data/gazetteer/demonyms.tsv; countries' adjectives are names of the
  // countries, found by Find.
  std::vector<Place> FindDemonym(std::string_view word) const;
  // The same for a key already folded (NameFolder::Key).
  std::vector<Place> FindKey(std::string_view key) const;

 private:
  Gazetteer() = default;
  absl::Status Check(const std::string& name);
  std::string_view PoolString(uint32_t offset) const;

  void* mapping_ = nullptr;
  size_t mapping_size_ = 0;
  std::string owned_;  // FromBytes
  std::span<const PlaceRecord> places_;
  std::span<const KeyEntry> keys_;
  std::string_view pool_;
  // The last two letters of the people's words and adjectives the index
  // holds ("ns" of "ohioans"), 26 x 26, to answer most FindDemonym calls
  // without folding the word; all true when one ends otherwise.
  std::vector<bool> demonym_endings_;
};

// Builds an index: from GeoNames rows (cities500.txt format, tab-separated:
// id, name, asciiname, alternatenames, lat, lon, feature class, feature
// code, country, cc2, admin1, admin2, admin3, admin4, population, ...) and
// supplement rows. Names in scripts sitrep has no use for (CJK, Thai, ...)
// are left out.
class GazetteerBuilder {
 public:
  struct Entry {
    uint32_t geonames_id = 0;
    std::string name;
    std::vector<std::string> other_names;
    bool ascii_first = false;  // other_names[0] is the ASCII form of name
    // other_names[0, own_names) are the place's own names too (a country's
    // short English name, its common forms), not other languages' or old
    // ones.
    size_t own_names = 0;
    // Abbreviations written with a full stop ("Tenn.", "W.Va."): keys of
    // their own, found only by a name that ends with one.
    std::vector<std::string> abbreviations;
    // The words for its people and its adjective ("Ohioans", "South
    // Ossetian"): keys of their own, found only by FindDemonym.
    std::vector<std::string> demonyms;
    double lat = 0, lon = 0;
    uint32_t population = 0;
    std::string country;  // alpha-2; empty for a continent or a sea
    std::string admin1;
    std::string admin2;
    std::string feature;
  };
  // One cities500.txt line; false when it is not one.
  bool AddGeoNamesLine(std::string_view line);
  void Add(Entry entry);
  size_t size() const { return entries_.size(); }
  // The entries so far, for sources that derive places from others (the
  // admin-2 areas from their towns) or add names to them.
  std::vector<Entry>& entries() { return entries_; }
  // The index bytes.
  std::string Build() const;

 private:
  std::vector<Entry> entries_;
};

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_H_
