#include "lexicon/phrase_matcher.h"

#include <algorithm>
#include <array>
#include <limits>

#include "text/utf8.h"
#include "unicode/uchar.h"

namespace sitrep::lexicon {
namespace {

constexpr uint32_t kNoWord = std::numeric_limits<uint32_t>::max();
// Case-sensitive words live in their own part of the vocabulary.
constexpr char kExactMark = '\x01';

}  // namespace

std::string FoldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32)
                                         : static_cast<char>(b));
      ++i;
      continue;
    }
    // Anything that is not a whole, valid sequence is copied as it is:
    // callers may pass text that was never validated.
    const size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (need == 1 || i + need > s.size() ||
        text::FindInvalidUtf8(s.substr(i, need)) != std::string_view::npos) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    int length = 1;
    const char32_t c = text::DecodeUtf8(s, i, &length);
    text::AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c),
                                                      U_FOLD_CASE_DEFAULT)),
                     &out);
    i += static_cast<size_t>(length);
  }
  return out;
}

uint32_t PhraseMatcher::WordId(const std::string& word) {
  auto [it, inserted] =
      words_.try_emplace(word, static_cast<uint32_t>(words_.size()));
  return it->second;
}

uint32_t PhraseMatcher::FindWord(std::string_view word) const {
  auto it = words_.find(absl::string_view(word.data(), word.size()));
  return it == words_.end() ? kNoWord : it->second;
}

void PhraseMatcher::Add(Phrase phrase) {
  if (phrase.words.empty()) return;
  if (ends_.empty()) ends_.emplace_back();  // the root
  uint32_t node = 0;
  for (const std::string& w : phrase.words) {
    const uint32_t id =
        WordId(phrase.case_sensitive ? std::string(1, kExactMark) + w : w);
    auto [it, inserted] = edges_.try_emplace(
        EdgeKey(node, id), static_cast<uint32_t>(ends_.size()));
    if (inserted) ends_.emplace_back();
    node = it->second;
  }
  ends_[node].push_back(static_cast<uint32_t>(phrases_.size()));
  phrases_.push_back(std::move(phrase));
}

void PhraseMatcher::FindAll(std::span<const TokenView> tokens,
                            std::vector<Match>* out) const {
  out->clear();
  if (ends_.empty()) return;
  // Up to three vocabulary ids per token: folded form, folded lemma, exact.
  std::vector<std::array<uint32_t, 3>> ids(tokens.size());
  std::string exact;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string form = FoldCase(tokens[i].form);
    ids[i][0] = FindWord(form);
    ids[i][1] = kNoWord;
    if (!tokens[i].lemma.empty()) {
      const std::string lemma = FoldCase(tokens[i].lemma);
      if (lemma != form) ids[i][1] = FindWord(lemma);
    }
    exact.assign(1, kExactMark);
    exact.append(tokens[i].form);
    ids[i][2] = FindWord(exact);
  }
  // A breadth of live trie nodes per start; phrases are short, so this is
  // linear in practice.
  std::vector<uint32_t> live, next;
  for (size_t begin = 0; begin < tokens.size(); ++begin) {
    live.assign(1, 0);
    const size_t first_match = out->size();
    for (size_t k = begin; k < tokens.size() && !live.empty(); ++k) {
      next.clear();
      for (const uint32_t node : live) {
        for (const uint32_t id : ids[k]) {
          if (id == kNoWord) continue;
          auto it = edges_.find(EdgeKey(node, id));
          if (it == edges_.end()) continue;
          if (std::find(next.begin(), next.end(), it->second) == next.end()) {
            next.push_back(it->second);
          }
        }
      }
      for (const uint32_t node : next) {
        for (const uint32_t p : ends_[node]) {
          out->push_back({static_cast<uint32_t>(begin),
                          static_cast<uint32_t>(k + 1), phrases_[p].kind,
                          phrases_[p].index});
        }
      }
      live.swap(next);
    }
    std::stable_sort(
        out->begin() + static_cast<std::ptrdiff_t>(first_match), out->end(),
        [](const Match& a, const Match& b) { return a.end > b.end; });
  }
}

}  // namespace sitrep::lexicon
