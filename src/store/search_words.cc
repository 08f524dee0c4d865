#include "store/search_words.h"

namespace sitrep::store {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

}  // namespace

std::vector<std::string> SearchTerms(std::string_view text) {
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      ++i;
      continue;
    }
    std::string term;
    if (text[i] == '"') {
      const size_t close = text.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? text.size() : close;
      term = std::string(text.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t end = i;
      while (end < text.size() && !IsSpace(text[end]) && text[end] != '"') {
        ++end;
      }
      term = std::string(text.substr(i, end - i));
      i = end;
    }
    // A term of spaces alone ("" or " ") asks for nothing.
    bool blank = true;
    for (char c : term) blank = blank && IsSpace(c);
    if (!blank) terms.push_back(std::move(term));
  }
  return terms;
}

std::string Fts5Query(std::string_view text) {
  std::string query;
  for (const std::string& term : SearchTerms(text)) {
    if (!query.empty()) query += " AND ";
    query += '"';
    for (char c : term) {
      if (c == '"') query += '"';  // FTS5 strings double their quotes
      query += c;
    }
    query += '"';
  }
  return query;
}

}  // namespace sitrep::store
