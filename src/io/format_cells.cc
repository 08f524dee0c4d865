#include "io/format_cells.h"

#include <algorithm>

namespace sitrep::io {

std::string Csv(std::string_view s) {
  std::string out;
  AppendCsv(s, &out);
  return out;
}

void AppendCsv(std::string_view s, std::string* out) {
  // A loop of four comparisons, not find_first_of: that looks each byte up
  // in the set with a call of its own, a twentieth of an export's time.
  const bool plain = std::none_of(s.begin(), s.end(), [](char c) {
    return c == ',' || c == '"' || c == '\n' || c == '\r';
  });
  if (plain) {
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
