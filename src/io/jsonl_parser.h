// Parses one JSONL line into a Document: {"id", "date", "source", "url",
// "title", "text"}; only "text" is required, unknown fields are ignored.
#ifndef SITREP_IO_JSONL_PARSER_H_
#define SITREP_IO_JSONL_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "simdjson.h"
#include "sitrep/document.h"

namespace sitrep::io {

class JsonlParser {
 public:
  // Parses `line` into *doc (fields not in the line are left as they are,
  // so the caller presets id and origin). Problems go to *errors: fatal
  // ones reject the document (invalid_utf8, malformed_json, missing_text,
  // empty); a bad "date" is a warning and the date is left empty.
  // When the line is rejected before its id was read, a plain leading "id"
  // string is still recovered if it can be.
  void Parse(std::string_view line, Document* doc,
             std::vector<DocumentError>* errors);

 private:
  void ParseLine(std::string_view line, Document* doc,
                 std::vector<DocumentError>* errors);

  simdjson::dom::parser parser_;
  std::string padded_;  // line + SIMDJSON_PADDING
};

}  // namespace sitrep::io

#endif  // SITREP_IO_JSONL_PARSER_H_
