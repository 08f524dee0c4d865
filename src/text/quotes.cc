#include "text/quotes.h"

namespace sitrep::text {

std::vector<QuotePair> PairQuotes(std::string_view text,
                                  const std::vector<RawToken>& tokens) {
  std::vector<QuotePair> pairs;
  bool open = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const RawToken& t = tokens[k];
    if (t.end - t.begin != 1 || text[t.begin] != '"') continue;
    if (!open) {
      if (t.quote == QuoteRole::kClose) continue;
      pairs.push_back({k, k, false});
      open = true;
    } else {
      pairs.back().close = k;
      pairs.back().closed = true;
      open = false;
    }
  }
  return pairs;
}

}  // namespace sitrep::text
