#include "geo/name_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

namespace sitrep::geo {

struct NameFolder::Impl {
  std::unique_ptr<icu::Transliterator> fold;
};

namespace {

// The Azerbaijani schwa is "e" in English spellings (Xankəndi, Khankendi);
// dotless i is "i". Then any script to Latin, Latin to ASCII, lower case.
constexpr char16_t kRules[] =
    u"ə > e; Ə > E; ı > i; "
    u":: NFD; :: Any-Latin; :: Latin-ASCII; :: [:Nonspacing Mark:] Remove; "
    u":: Lower; :: NFC;";

}  // namespace

NameFolder::NameFolder() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  impl_->fold.reset(icu::Transliterator::createFromRules(
      "sitrep-place-fold", icu::UnicodeString(kRules), UTRANS_FORWARD,
      parse_error, status));
  if (U_FAILURE(status)) impl_->fold.reset();
}

NameFolder::~NameFolder() = default;

std::string NameFolder::Key(std::string_view name) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (impl_->fold) impl_->fold->transliterate(u);
  std::string folded;
  u.toUTF8String(folded);
  // Letters and digits kept; everything else a single space.
  std::string key;
  key.reserve(folded.size());
  bool space = false;
  for (unsigned char c : folded) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (space && !key.empty()) key.push_back(' ');
      key.push_back(static_cast<char>(c));
      space = false;
    } else if (c == '\'') {
      // Apostrophes (and the modifier letters Latin-ASCII turns into them)
      // join a word ("Ma'rib", "Ra'anana").
    } else {
      space = true;
    }
  }
  return key;
}

std::vector<std::string> NameFolder::AzerbaijaniVariants(
    std::string_view name) {
  // The English spellings of Azerbaijani letters: x kh, ş sh, ç ch, ğ gh;
  // the schwa as "e" and as "a" ("Şəki": Sheki, Shaki).
  // A third: a word's first schwa as "a", the others as "e" ("Əhmədbəyli"
  // -> Ahmedbeyli, "Əliyev" -> Aliyev).
  std::string e_form, a_form, initial_a_form;
  bool changed = false;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const unsigned char d =
        i + 1 < name.size() ? static_cast<unsigned char>(name[i + 1]) : 0;
    const char* both = nullptr;
    const char* e = nullptr;
    const char* a = nullptr;
    size_t width = 1;
    if (c == 'x') {
      both = "kh";
    } else if (c == 'X') {
      both = "Kh";
    } else if (c == 0xC5 && (d == 0x9F || d == 0x9E)) {  // ş Ş
      both = "sh", width = 2;
    } else if (c == 0xC3 && (d == 0xA7 || d == 0x87)) {  // ç Ç
      both = "ch", width = 2;
    } else if (c == 0xC4 && (d == 0x9F || d == 0x9E)) {  // ğ Ğ
      both = "gh", width = 2;
    } else if ((c == 0xC9 && d == 0x99) || (c == 0xC6 && d == 0x8F)) {  // ə Ə
      e = "e", a = "a", width = 2;
    }
    const bool word_start = i == 0 || name[i - 1] == ' ' || name[i - 1] == '-';
    if (both != nullptr) {
      e_form += both;
      a_form += both;
      initial_a_form += both;
      changed = true;
    } else if (e != nullptr) {
      e_form += e;
      a_form += a;
      initial_a_form += word_start ? (c == 0xC6 ? "A" : "a") : e;
      changed = true;
    } else {
      e_form.append(name.substr(i, width));
      a_form.append(name.substr(i, width));
      initial_a_form.append(name.substr(i, width));
    }
    i += width - 1;
  }
  std::vector<std::string> out;
  if (!changed) return out;
  out.push_back(e_form);
  if (a_form != e_form) out.push_back(a_form);
  if (initial_a_form != e_form && initial_a_form != a_form) {
    out.push_back(initial_a_form);
  }
  return out;
}

const NameFolder& ThreadNameFolder() {
  thread_local NameFolder folder;
  return folder;
}

}  // namespace sitrep::geo
