// Record types shared by every stage: the input document and the text
// layer's view of it. Plain structs; every position is a byte offset into
// Document::text, the original text exactly as it was read.
#ifndef SITREP_DOCUMENT_H_
#define SITREP_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sitrep {

// Half-open byte range [begin, end) into Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// One input report. Only `text` is required on input; the reader fills `id`
// when the input has none (file name, or file name and line number).
struct Document {
  std::string id;
  std::string date;    // "YYYY-MM-DD", or empty when unknown
  std::string source;  // who published it ("Ministry of Defence", "AP")
  std::string url;
  std::string title;
  std::string text;    // valid UTF-8 once accepted by the reader
  std::string origin;  // where it was read: file path, "-" for stdin
  uint64_t line = 0;   // 1-based input line for JSONL; 0 for whole files
};

// A problem with one input record. `code` is a stable machine-readable
// name; `message` is for people.
struct DocumentError {
  std::string code;  // invalid_utf8, malformed_json, missing_text,
                     // too_large, binary, empty, invalid_date, io
  std::string message;
  bool fatal = true;  // false: a warning, the document is still processed
};

enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with digits, hyphens, apostrophes, periods
  kNumber,  // digits with internal , . : / - (200,000  2.5  19/09/2023)
  kPunct,   // . , ; : ! ? ... -- " ' ( ) [ ] and the like
  kSymbol,  // $ % & + emoji and other symbols
  kUrl,
  kEmail,
  kHandle,   // @name
  kHashtag,  // #name
};

struct Token {
  std::string text;  // normalised form (typographic quotes -> ", ' ...)
  Span span;         // in the original text
  TokenKind kind = TokenKind::kWord;
  bool space_after = false;  // whitespace follows in the text
};

struct Sentence {
  Span span;  // from the first token's begin to the last token's end
  std::vector<Token> tokens;
};

// A field of a dateline as written, e.g. place "BAKU" or agency "Reuters".
struct TextField {
  std::string text;
  Span span;
};

// "BAKU, Sept 19 (Reuters) - " at the start of a report.
struct Dateline {
  Span span;                      // the whole dateline, separator included
  TextField place;                // "BAKU", "KHARTOUM, Sudan"
  std::optional<TextField> date;  // "Sept 19", as written
  std::string date_value;         // "YYYY-MM-DD" resolved against the document
                                  // date; empty when it cannot be resolved
  std::optional<TextField> agency;  // "Reuters", "TASS"
};

// A stretch of quoted speech between a pair of double quotation marks.
struct Quote {
  Span span;           // from the opening mark to the closing mark
  bool closed = true;  // false: the quote runs to the end of the text
};

// Result of the text layer for one document.
struct AnalyzedText {
  std::optional<Dateline> dateline;
  std::vector<Sentence> sentences;  // in text order, not overlapping
  std::vector<Quote> quotes;
};

}  // namespace sitrep

#endif  // SITREP_DOCUMENT_H_
