// The network's view of a word: a word id (lowercased form in the training
// vocabulary, else unknown) and a bag of hashed sub-word features
// (prefixes, suffixes, shape, the form itself) that give every word,
// seen in training or not, a vector. Label sets map tag and relation
// strings to the classes the network predicts.
#ifndef SITREP_SYNTAX_FEATURES_H_
#define SITREP_SYNTAX_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "syntax/byte_io.h"
#include "text/text_tables.h"

namespace sitrep::syntax {

// Strings to dense ids 0..size-1, in insertion order.
class StringIndex {
 public:
  int Add(std::string_view s);         // id of s, adding it when new
  int Find(std::string_view s) const;  // -1 when absent
  const std::string& Name(int id) const { return names_[id]; }
  int size() const { return static_cast<int>(names_.size()); }

  void Serialize(ByteWriter* out) const;
  static absl::StatusOr<StringIndex> Deserialize(ByteReader* in);

 private:
  std::vector<std::string> names_;
  absl::flat_hash_map<std::string, int, text::StringViewHash,
                      text::StringViewEq>
      ids_;
};

inline constexpr int kUnknownWord =
    0;  // word id of forms not in the vocabulary

// Number of hashed sub-word features per word.
inline constexpr int kSubwordFeatures = 10;

// The lowercased form used for word ids (ASCII letters lowered; other bytes
// kept) with digits mapped to '0', so that "1,200" and "3,400" share a word.
std::string NormalizeForm(std::string_view form);

// The ids of `form`'s sub-word features, each in [0, buckets): the
// normalised form; prefixes of 1-3 and suffixes of 1-4 characters (UTF-8
// code points) of the normalised form; the word shape (case and character
// classes, runs collapsed); and the shape of its first character together
// with its length class.
void SubwordFeatures(std::string_view form, uint32_t buckets,
                     uint32_t ids[kSubwordFeatures]);

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_FEATURES_H_
