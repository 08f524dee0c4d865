// The human-edited tables of the text layer (data/text/*.tsv), compiled into
// the binary and parsed once into hash tables. Immutable after Load, shared
// by all threads.
#ifndef SITREP_TEXT_TEXT_TABLES_H_
#define SITREP_TEXT_TEXT_TABLES_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace sitrep::text {

enum class AbbreviationClass : uint8_t {
  kTitle,   // precedes a name; never ends a sentence
  kNumber,  // precedes a number
  kMonth,   // month and weekday names
  kInner,   // never ends a sentence
  kFinal,   // may end a sentence
};

// Hash and equality for std::string keys looked up by std::string_view.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};
struct StringViewEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const {
    return a == b;
  }
};

class TextTables {
 public:
  // Parses the embedded tables.
  static absl::StatusOr<std::shared_ptr<const TextTables>> Load();
  // Parses tables given as TSV text (for tests).
  static absl::StatusOr<std::shared_ptr<const TextTables>> Parse(
      std::string_view abbreviations_tsv, std::string_view starters_tsv);

  // Class of `word` (with its final period), or nullptr.
  const AbbreviationClass* FindAbbreviation(std::string_view word) const {
    auto it = abbreviations_.find(word);
    return it == abbreviations_.end() ? nullptr : &it->second;
  }
  bool IsSentenceStarter(std::string_view word) const {
    return starters_.contains(word);
  }

 private:
  absl::flat_hash_map<std::string, AbbreviationClass, StringViewHash,
                      StringViewEq>
      abbreviations_;
  absl::flat_hash_set<std::string, StringViewHash, StringViewEq> starters_;
};

}  // namespace sitrep::text

#endif  // SITREP_TEXT_TEXT_TABLES_H_
