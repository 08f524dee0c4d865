// Scoring a parsed CoNLL-U against a gold one, in the conventions of the
// CoNLL 2018 shared task's evaluation.
//
// Both sides' words are placed on the characters of their forms with
// whitespace removed (the words of a multiword token share the token's
// characters); the two texts must then be the same. A system word is
// aligned to a gold word with the same character span; inside multiword
// tokens, whose words have no spans of their own, the words of the
// overlapping region are aligned by a longest common subsequence of their
// lowercased forms. Each score is the F1 of correct words (correct means
// aligned and equal in that field; for attachment, the heads are aligned
// too, or both are the root) over system and gold words, which is plain
// accuracy when the tokenisation is the gold one. UFeats compares the
// universal features only; a gold lemma "_" accepts any lemma; LAS
// compares the universal part of the relation (before ':'); CLAS counts
// content words only.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/strings.h"
#include "sitrep/syntax.h"

namespace sitrep {
namespace {

constexpr long kRoot = -1;
constexpr long kNoHead = -2;  // "_": never counts as attached

struct Word {
  const SyntaxWord* word = nullptr;
  size_t begin = 0;  // character span, whitespace removed
  size_t end = 0;
  bool multiword = false;
  long head = kRoot;  // index of the head in the flat list, or kRoot or
                      // kNoHead
};

struct Flat {
  std::vector<Word> words;
  std::string characters;
};

std::string_view Universal(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

// The relations of content words (CLAS counts these only).
bool IsContent(std::string_view deprel) {
  static constexpr std::string_view kContent[] = {
      "nsubj",     "obj",      "iobj",       "csubj",      "ccomp", "xcomp",
      "obl",       "vocative", "expl",       "dislocated", "advcl", "advmod",
      "discourse", "nmod",     "appos",      "nummod",     "acl",   "amod",
      "conj",      "fixed",    "flat",       "compound",   "list",  "parataxis",
      "orphan",    "goeswith", "reparandum", "root",       "dep"};
  const std::string_view u = Universal(deprel);
  return std::find(std::begin(kContent), std::end(kContent), u) !=
         std::end(kContent);
}

// The universal features of a FEATS string, in order: language-specific
// ones (NumForm, Typo, ExtPos, Style ...) are not scored.
std::string UniversalFeatures(std::string_view feats) {
  static constexpr std::string_view kUniversal[] = {
      "PronType", "NumType", "Poss",   "Reflex", "Foreign",  "Abbr",
      "Gender",   "Animacy", "Number", "Case",   "Definite", "Degree",
      "VerbForm", "Mood",    "Tense",  "Aspect", "Voice",    "Evident",
      "Polarity", "Person",  "Polite"};
  std::vector<std::string_view> kept;
  for (std::string_view feature : Split(feats, '|')) {
    const std::string_view name = feature.substr(0, feature.find('='));
    if (std::find(std::begin(kUniversal), std::end(kUniversal), name) !=
        std::end(kUniversal)) {
      kept.push_back(feature);
    }
  }
  std::sort(kept.begin(), kept.end());
  std::string out;
  for (std::string_view feature : kept) {
    if (!out.empty()) out.push_back('|');
    out.append(feature);
  }
  return out;
}

// Appends `form` without its whitespace: ASCII spaces and the Unicode space
// separators that occur in text (no-break, en/em and thin spaces,
// ideographic space).
void AppendCharacters(std::string_view form, std::string* out) {
  for (size_t i = 0; i < form.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == 0xC2 && i + 1 < form.size() &&
        static_cast<unsigned char>(form[i + 1]) == 0xA0) {
      ++i;  // U+00A0
      continue;
    }
    if (c == 0xE2 && i + 2 < form.size()) {
      const unsigned char c1 = static_cast<unsigned char>(form[i + 1]);
      const unsigned char c2 = static_cast<unsigned char>(form[i + 2]);
      if ((c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF)) ||
          (c1 == 0x81 && c2 == 0x9F)) {
        i += 2;  // U+2000..U+200A, U+202F, U+205F
        continue;
      }
    }
    if (c == 0xE3 && i + 2 < form.size() &&
        static_cast<unsigned char>(form[i + 1]) == 0x80 &&
        static_cast<unsigned char>(form[i + 2]) == 0x80) {
      i += 2;  // U+3000
      continue;
    }
    out->push_back(form[i]);
  }
}

Flat Flatten(std::span<const SyntaxSentence> sentences) {
  Flat flat;
  for (const SyntaxSentence& s : sentences) {
    const long base = static_cast<long>(flat.words.size());
    size_t token = 0;
    for (size_t i = 0; i < s.words.size(); ++i) {
      const int id = static_cast<int>(i) + 1;
      Word w;
      w.word = &s.words[i];
      const int head = s.words[i].head;
      w.head = head < 0 ? kNoHead : head == 0 ? kRoot : base + head - 1;
      while (token < s.multiword_tokens.size() &&
             s.multiword_tokens[token].last < id) {
        ++token;
      }
      const MultiwordToken* mwt = token < s.multiword_tokens.size() &&
                                          s.multiword_tokens[token].first <= id
                                      ? &s.multiword_tokens[token]
                                      : nullptr;
      if (mwt != nullptr) {
        w.multiword = true;
        if (id == mwt->first) {
          w.begin = flat.characters.size();
          AppendCharacters(mwt->form, &flat.characters);
          w.end = flat.characters.size();
        } else {
          w.begin = flat.words.back().begin;
          w.end = flat.words.back().end;
        }
      } else {
        w.begin = flat.characters.size();
        AppendCharacters(s.words[i].form, &flat.characters);
        w.end = flat.characters.size();
      }
      flat.words.push_back(w);
    }
  }
  return flat;
}

// Aligns words inside a region of multiword tokens by the longest common
// subsequence of their lowercased forms.
void AlignRegion(const Flat& gold, size_t g0, size_t g1, const Flat& system,
                 size_t s0, size_t s1, std::vector<long>* aligned) {
  const size_t n = g1 - g0, m = s1 - s0;
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      if (AsciiLower(gold.words[g0 + i].word->form) ==
          AsciiLower(system.words[s0 + j].word->form)) {
        lcs[i][j] = 1 + lcs[i + 1][j + 1];
      } else {
        lcs[i][j] = std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
  }
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (AsciiLower(gold.words[g0 + i].word->form) ==
        AsciiLower(system.words[s0 + j].word->form)) {
      (*aligned)[s0 + j] = static_cast<long>(g0 + i);
      ++i;
      ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
}

double F1(size_t correct, size_t gold, size_t system) {
  if (gold + system == 0) return 100.0;
  return 200.0 * static_cast<double>(correct) /
         static_cast<double>(gold + system);
}

}  // namespace

StatusOr<UdScores> EvaluateUd(
    std::span<const SyntaxSentence> gold_sentences,
    std::span<const SyntaxSentence> system_sentences) {
  const Flat gold = Flatten(gold_sentences);
  const Flat system = Flatten(system_sentences);
  if (gold.characters != system.characters) {
    size_t at = 0;
    while (at < gold.characters.size() && at < system.characters.size() &&
           gold.characters[at] == system.characters[at]) {
      ++at;
    }
    return Status(StatusCode::kInvalidArgument,
                  StrCat("the system's text differs from the gold text at "
                         "non-space character ",
                         at));
  }
  // aligned[s] = gold index of system word s, or -1.
  std::vector<long> aligned(system.words.size(), -1);
  size_t g = 0, s = 0;
  while (g < gold.words.size() && s < system.words.size()) {
    const Word& gw = gold.words[g];
    const Word& sw = system.words[s];
    if (!gw.multiword && !sw.multiword && gw.begin == sw.begin &&
        gw.end == sw.end) {
      aligned[s++] = static_cast<long>(g++);
    } else if (gw.multiword || sw.multiword) {
      // The multiword span: starts at the multiword token (or at a plain
      // word of the other side that starts before it) and extends over
      // the words that start inside it, growing only with multiword
      // tokens.
      size_t span_end;
      if (gw.multiword) {
        span_end = gw.end;
        if (!sw.multiword && sw.begin < gw.begin) ++s;
      } else {
        span_end = sw.end;
        if (!gw.multiword && gw.begin < sw.begin) ++g;
      }
      const size_t g0 = g, s0 = s;
      auto beyond = [&](const Flat& flat, size_t i) {
        return i >= flat.words.size() || flat.words[i].begin >= span_end;
      };
      auto extend = [&](const Word& w) {
        if (w.multiword && w.end > span_end) span_end = w.end;
      };
      while (!beyond(gold, g) || !beyond(system, s)) {
        if (g < gold.words.size() &&
            (s >= system.words.size() ||
             gold.words[g].begin <= system.words[s].begin)) {
          extend(gold.words[g++]);
        } else {
          extend(system.words[s++]);
        }
      }
      AlignRegion(gold, g0, g, system, s0, s, &aligned);
    } else if (sw.end <= gw.begin ||
               (sw.begin <= gw.begin && sw.end < gw.end)) {
      ++s;
    } else {
      ++g;
    }
  }
  UdScores scores;
  scores.gold_words = gold.words.size();
  scores.system_words = system.words.size();
  size_t upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0;
  size_t clas = 0, gold_content = 0, system_content = 0;
  for (const Word& w : gold.words) gold_content += IsContent(w.word->deprel);
  for (size_t i = 0; i < system.words.size(); ++i) {
    const SyntaxWord& sw = *system.words[i].word;
    system_content += IsContent(sw.deprel);
    if (aligned[i] < 0) continue;
    ++scores.aligned_words;
    const Word& gw = gold.words[aligned[i]];
    const SyntaxWord& gword = *gw.word;
    upos += sw.upos == gword.upos;
    xpos += sw.xpos == gword.xpos;
    feats += UniversalFeatures(sw.feats) == UniversalFeatures(gword.feats);
    // A gold lemma "_" (unannotated) accepts any lemma.
    lemma += gword.lemma == "_" || sw.lemma == gword.lemma;
    const long system_head = system.words[i].head;
    bool attached = false;
    if (system_head == kRoot) {
      attached = gw.head == kRoot;
    } else if (system_head >= 0) {
      attached = aligned[system_head] >= 0 && aligned[system_head] == gw.head;
    }
    if (!attached) continue;
    ++uas;
    const bool labelled = Universal(sw.deprel) == Universal(gword.deprel);
    las += labelled;
    if (labelled && IsContent(gword.deprel)) ++clas;
  }
  const size_t gw = scores.gold_words, sw = scores.system_words;
  scores.words_f1 = F1(scores.aligned_words, gw, sw);
  scores.upos = F1(upos, gw, sw);
  scores.xpos = F1(xpos, gw, sw);
  scores.ufeats = F1(feats, gw, sw);
  scores.lemma = F1(lemma, gw, sw);
  scores.uas = F1(uas, gw, sw);
  scores.las = F1(las, gw, sw);
  scores.clas = F1(clas, gold_content, system_content);
  return scores;
}

}  // namespace sitrep
