// Gazetteer keys: a place name folded so that its spellings meet. Case and
// accents go, every script is transliterated to Latin (Cyrillic, Armenian,
// Georgian, Arabic, Greek ...), and punctuation becomes single spaces:
// "Xankəndi", "Степанакерт" and "Khankendi" fold to "xankendi",
// "stepanakert" and "khankendi". Azerbaijani Latin spellings also get the
// English transliteration as a variant ("xankendi" -> "khankendi").
#ifndef SITREP_GEO_NAME_KEY_H_
#define SITREP_GEO_NAME_KEY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::geo {

class NameFolder {
 public:
  NameFolder();
  ~NameFolder();
  NameFolder(const NameFolder&) = delete;
  NameFolder& operator=(const NameFolder&) = delete;

  // The key of a name; empty when nothing of it is left (punctuation only,
  // invalid UTF-8).
  std::string Key(std::string_view name) const;

  // Other spellings of an Azerbaijani Latin name, to be folded: x kh, ş sh,
  // ç ch, ğ gh, and the schwa as "a" as well as "e" ("Xocalı" -> Khocali,
  // "Şəki" -> Sheki, Shaki), and as "a" at a word's start only
  // ("Əhmədbəyli" -> Ahmedbeyli). Empty when the name has none of these
  // letters.
  static std::vector<std::string> AzerbaijaniVariants(std::string_view name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One folder per thread: ICU transliterators are not thread-safe.
const NameFolder& ThreadNameFolder();

}  // namespace sitrep::geo

#endif  // SITREP_GEO_NAME_KEY_H_
