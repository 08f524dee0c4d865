#include "io/jsonl_parser.h"

#include "common/strings.h"
#include "text/utf8.h"
#include "time/calendar.h"

namespace sitrep::io {
namespace {

void Fail(std::vector<DocumentError>* errors, std::string code,
          std::string message) {
  errors->push_back({std::move(code), std::move(message), true});
}

// For a line that cannot be parsed: the value of a leading "id" field when
// it is a plain string (no escapes, valid UTF-8, at most 256 bytes), so the
// error can name the record.
std::string SalvageId(std::string_view line) {
  const size_t key = line.find("\"id\"");
  if (key == std::string_view::npos || key > 64) return "";
  size_t i = line.find_first_not_of(" \t", key + 4);
  if (i == std::string_view::npos || line[i] != ':') return "";
  i = line.find_first_not_of(" \t", i + 1);
  if (i == std::string_view::npos || line[i] != '"') return "";
  const size_t end = line.find_first_of("\"\\", i + 1);
  if (end == std::string_view::npos || line[end] != '"' || end - i - 1 > 256) {
    return "";
  }
  const std::string_view id = line.substr(i + 1, end - i - 1);
  if (id.empty() || text::FindInvalidUtf8(id) != std::string_view::npos) {
    return "";
  }
  return std::string(id);
}

}  // namespace

void JsonlParser::Parse(std::string_view line, Document* doc,
                        std::vector<DocumentError>* errors) {
  const size_t errors_before = errors->size();
  ParseLine(line, doc, errors);
  if (doc->id.empty() && errors->size() > errors_before &&
      errors->back().fatal) {
    doc->id = SalvageId(line);
  }
}

void JsonlParser::ParseLine(std::string_view line, Document* doc,
                            std::vector<DocumentError>* errors) {
  if (const size_t bad = text::FindInvalidUtf8(line);
      bad != std::string_view::npos) {
    Fail(errors, "invalid_utf8",
         StrCat("invalid UTF-8 at byte ", bad + 1, " of the line"));
    return;
  }
  padded_.assign(line);
  padded_.resize(line.size() + simdjson::SIMDJSON_PADDING, ' ');

  auto malformed = [&](simdjson::error_code e) {
    Fail(errors, "malformed_json",
         StrCat("malformed JSON: ", simdjson::error_message(e)));
  };
  simdjson::dom::element json;
  if (auto e = parser_.parse(padded_.data(), line.size(), false).get(json)) {
    return malformed(e);
  }
  simdjson::dom::object object;
  if (json.get(object) != simdjson::SUCCESS) {
    Fail(errors, "malformed_json", "the line is not a JSON object");
    return;
  }
  bool has_text = false;
  for (const auto [key, value] : object) {
    std::string* target = nullptr;  // stays null for "date"
    if (key == "id") {
      target = &doc->id;
    } else if (key == "date") {
    } else if (key == "source") {
      target = &doc->source;
    } else if (key == "url") {
      target = &doc->url;
    } else if (key == "title") {
      target = &doc->title;
    } else if (key == "text") {
      target = &doc->text;
    } else {
      continue;  // unknown fields are allowed and ignored
    }
    if (value.is_null()) continue;
    if (key == "id" && (value.is_int64() || value.is_uint64())) {
      doc->id = simdjson::minify(value);
      continue;
    }
    std::string_view s;
    if (value.get(s) != simdjson::SUCCESS) {
      Fail(errors, key == "text" ? "missing_text" : "malformed_json",
           StrCat("field \"", key, "\" must be a string"));
      return;
    }
    if (key == "date") {
      if (s.empty()) continue;
      if (auto day = time::ParseIsoDate(s)) {
        doc->date = time::FormatDate(*day);
      } else {
        errors->push_back(
            {"invalid_date",
             StrCat("date \"", s, "\" is not YYYY-MM-DD or ISO 8601; ignored"),
             false});
      }
      continue;
    }
    target->assign(s);
    if (key == "text") has_text = true;
  }
  if (!has_text) {
    Fail(errors, "missing_text", "no \"text\" field");
    return;
  }
  if (doc->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    Fail(errors, "empty", "\"text\" is empty");
  }
}

}  // namespace sitrep::io
