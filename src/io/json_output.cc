// JSON renderings of the public records (include/sitrep/json.h), through
// nlohmann::ordered_json so keys keep the documented order.
#include <nlohmann/json.hpp>

#include "sitrep/json.h"

namespace sitrep {
namespace {

using Json = nlohmann::ordered_json;

Json SpanJson(const Span& s) { return Json::array({s.begin, s.end}); }

Json FieldJson(const TextField& f) {
  return Json{{"text", f.text}, {"span", SpanJson(f.span)}};
}

const char* KindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kSymbol:
      return "symbol";
    case TokenKind::kUrl:
      return "url";
    case TokenKind::kEmail:
      return "email";
    case TokenKind::kHandle:
      return "handle";
    case TokenKind::kHashtag:
      return "hashtag";
  }
  return "word";
}

Json ErrorsJson(const Document& document,
                const std::vector<DocumentError>& errors) {
  Json out = Json::array();
  for (const DocumentError& e : errors) {
    Json j{{"code", e.code}, {"message", e.message}};
    if (document.line > 0) j["line"] = document.line;
    if (!e.fatal) j["severity"] = "warning";
    out.push_back(std::move(j));
  }
  return out;
}

void Append(const Json& j, std::string* out) {
  // Invalid UTF-8 cannot reach here (the reader rejects it); replace rather
  // than throw should that ever change.
  out->append(j.dump(-1, ' ', false, Json::error_handler_t::replace));
  out->push_back('\n');
}

}  // namespace

void AppendSplitJson(const Document& document, const AnalyzedText& text,
                     const std::vector<DocumentError>& warnings,
                     std::string* out) {
  Json j;
  j["id"] = document.id;
  if (text.dateline) {
    const Dateline& d = *text.dateline;
    Json dl{{"span", SpanJson(d.span)}, {"place", FieldJson(d.place)}};
    dl["date"] = d.date ? FieldJson(*d.date) : Json(nullptr);
    dl["date_value"] =
        d.date_value.empty() ? Json(nullptr) : Json(d.date_value);
    dl["agency"] = d.agency ? FieldJson(*d.agency) : Json(nullptr);
    j["dateline"] = std::move(dl);
  } else {
    j["dateline"] = nullptr;
  }
  Json sentences = Json::array();
  for (const Sentence& s : text.sentences) {
    Json tokens = Json::array();
    for (const Token& t : s.tokens) {
      Json tj{{"text", t.text},
              {"span", SpanJson(t.span)},
              {"kind", KindName(t.kind)}};
      tokens.push_back(std::move(tj));
    }
    sentences.push_back(
        Json{{"span", SpanJson(s.span)},
             {"text", document.text.substr(s.span.begin, s.span.size())},
             {"tokens", std::move(tokens)}});
  }
  j["sentences"] = std::move(sentences);
  Json quotes = Json::array();
  for (const Quote& q : text.quotes) {
    quotes.push_back(Json{{"span", SpanJson(q.span)}, {"closed", q.closed}});
  }
  j["quotes"] = std::move(quotes);
  j["errors"] = ErrorsJson(document, warnings);
  Append(j, out);
}

void AppendRejectedJson(const Document& document,
                        const std::vector<DocumentError>& errors,
                        std::string* out) {
  Json j;
  j["id"] = document.id;
  j["errors"] = ErrorsJson(document, errors);
  Append(j, out);
}

}  // namespace sitrep
