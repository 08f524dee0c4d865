#include "io/format_cells.h"

namespace sitrep::io {

std::string Csv(std::string_view s) {
  std::string out;
  AppendCsv(s, &out);
  return out;
}

void AppendCsv(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string Tsv(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string ActorLabel(std::span<const Actor> actors) {
  std::string out;
  for (const Actor& a : actors) {
    if (!out.empty()) out += "; ";
    out += a.name.empty() ? a.text : a.name;
  }
  return out;
}

std::string CodeOf(const std::vector<Actor>& actors) {
  return actors.empty() ? "" : actors.front().code;
}

std::string_view EventDay(std::string_view document_date, const Event& e) {
  if (e.date && !e.date->value.empty()) return e.date->value;
  return document_date;
}

}  // namespace sitrep::io
