// Quotations: pairs of double quotation marks, which may span sentences and
// paragraphs (a statement quoted over several paragraphs and closed in the
// last one, "..., the ministry said").
#ifndef SITREP_TEXT_QUOTES_H_
#define SITREP_TEXT_QUOTES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace sitrep::text {

struct QuotePair {
  size_t open = 0;   // token index of the opening mark
  size_t close = 0;  // token index of the closing mark; == open when unclosed
  bool closed = true;
};

// Pairs the '"' tokens left to right: outside a quotation any mark opens
// one (a mark known to close, from a typographic ”, is a stray and is
// skipped); inside, the next mark closes it. Quotations do not nest in
// English double quotes, so this needs no stack.
std::vector<QuotePair> PairQuotes(std::string_view text,
                                  const std::vector<RawToken>& tokens);

}  // namespace sitrep::text

#endif  // SITREP_TEXT_QUOTES_H_
