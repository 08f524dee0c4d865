// The words of a text search (EventQuery::text, the actor and claimant
// filters) as each back end's full-text query: every word or "quoted
// phrase" required. Users' words are never read as query syntax, so no
// search can fail to parse or reach beyond the index it names.
#ifndef SITREP_STORE_SEARCH_WORDS_H_
#define SITREP_STORE_SEARCH_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::store {

// The terms of `text`: its "quoted phrases" and its other words, in order.
// Punctuation between words separates them; an unclosed quote runs to the
// end.
std::vector<std::string> SearchTerms(std::string_view text);

// An FTS5 MATCH expression requiring every term (each one a quoted FTS5
// string); "" when `text` holds no term.
std::string Fts5Query(std::string_view text);

}  // namespace sitrep::store

#endif  // SITREP_STORE_SEARCH_WORDS_H_
