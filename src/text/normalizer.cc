#include "text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <optional>

#include "common/strings.h"
#include "text/utf8.h"

namespace sitrep::text {
namespace {

// Replacement for a non-ASCII code point, or nullopt to keep it.
std::optional<std::string_view> Replacement(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
      return "-";
    case 0x2014:
    case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    case 0x00A0:
    case 0x1680:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return " ";
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return "\n";
    // Invisible characters that only break words apart: zero-width space,
    // word joiner, byte order mark, soft hyphen, direction marks and
    // embeddings. Zero-width (non-)joiners are kept: they matter in emoji
    // sequences and in Persian and Indic scripts.
    case 0x200B:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
    case 0x200E:
    case 0x200F:
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069:
      return "";
    default:
      return std::nullopt;
  }
}

// ASCII control characters other than tab and newline become spaces (one
// byte for one byte, so no offset edit is needed).
inline bool IsAsciiControl(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n') || b == 0x7F;
}

}  // namespace

uint32_t NormalizedText::OriginalBegin(uint32_t offset) const {
  return punct_.MapBegin(nfc_.MapBegin(offset));
}

uint32_t NormalizedText::OriginalEnd(uint32_t offset) const {
  return punct_.MapEnd(nfc_.MapEnd(offset));
}

absl::StatusOr<NormalizedText> Normalize(std::string_view original) {
  NormalizedText out;
  out.original_ = original;

  // Fast path: printable ASCII and whitespace need nothing.
  bool plain = true;
  for (unsigned char b : original) {
    if (b >= 0x80 || IsAsciiControl(b)) {
      plain = false;
      break;
    }
  }
  if (plain) return out;

  // Stage 1: punctuation, spaces, invisible and control characters.
  std::string stage1;
  stage1.reserve(original.size());
  bool has_non_ascii = false;
  for (size_t i = 0; i < original.size();) {
    const auto b = static_cast<unsigned char>(original[i]);
    if (b < 0x80) {
      // Copy the run of plain ASCII in one go.
      size_t j = i;
      while (j < original.size() &&
             static_cast<unsigned char>(original[j]) < 0x80 &&
             !IsAsciiControl(static_cast<unsigned char>(original[j]))) {
        ++j;
      }
      stage1.append(original.data() + i, j - i);
      if (j == i) {  // a control character
        stage1.push_back(' ');
        ++j;
      }
      i = j;
      continue;
    }
    int len = 0;
    const char32_t c = DecodeUtf8(original, i, &len);
    if (auto r = Replacement(c)) {
      const auto to = static_cast<uint32_t>(stage1.size());
      out.punct_.Add(to, to + static_cast<uint32_t>(r->size()),
                     static_cast<uint32_t>(i), static_cast<uint32_t>(i + len));
      stage1.append(*r);
    } else {
      has_non_ascii = true;
      stage1.append(original.substr(i, len));
    }
    i += len;
  }

  // Stage 2: NFC, only when something could change.
  if (has_non_ascii) {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
    if (U_FAILURE(error)) {
      return absl::InternalError(
          StrCat("ICU NFC normaliser unavailable: ", u_errorName(error)));
    }
    const icu::StringPiece piece(stage1.data(),
                                 static_cast<int32_t>(stage1.size()));
    if (!nfc->isNormalizedUTF8(piece, error) && U_SUCCESS(error)) {
      std::string stage2;
      stage2.reserve(stage1.size());
      icu::StringByteSink<std::string> sink(&stage2);
      icu::Edits edits;
      nfc->normalizeUTF8(0, piece, sink, &edits, error);
      if (U_FAILURE(error)) {
        return absl::InternalError(
            StrCat("NFC normalisation failed: ", u_errorName(error)));
      }
      icu::Edits::Iterator it = edits.getCoarseChangesIterator();
      while (it.next(error)) {
        out.nfc_.Add(
            static_cast<uint32_t>(it.destinationIndex()),
            static_cast<uint32_t>(it.destinationIndex() + it.newLength()),
            static_cast<uint32_t>(it.sourceIndex()),
            static_cast<uint32_t>(it.sourceIndex() + it.oldLength()));
      }
      stage1 = std::move(stage2);
    }
    if (U_FAILURE(error)) {
      return absl::InternalError(
          StrCat("NFC check failed: ", u_errorName(error)));
    }
  }
  out.storage_ = std::move(stage1);
  out.owned_ = true;
  return out;
}

}  // namespace sitrep::text
