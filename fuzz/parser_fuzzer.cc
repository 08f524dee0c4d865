// libFuzzer target: the tagger and parser on arbitrary word forms. Input
// lines are sentences and spaces separate words (any bytes, any number of
// words, so long sentences take the windowed path). Every sentence must
// come back as a tree: heads in range, exactly one root, no cycle, the
// root relation on the root alone, every tag and lemma filled.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/syntax.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

void CheckTree(const sitrep::SyntaxSentence& sentence) {
  const int n = static_cast<int>(sentence.words.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const sitrep::SyntaxWord& w = sentence.words[i];
    Check(w.head >= 0 && w.head <= n && w.head != i + 1);
    Check(!w.upos.empty() && !w.xpos.empty() && !w.deprel.empty());
    Check((w.head == 0) == (w.deprel == "root"));
    roots += w.head == 0;
    // Following heads from any word reaches the root within n steps.
    int node = i + 1;
    int steps = 0;
    while (node != 0 && steps <= n) {
      node = sentence.words[node - 1].head;
      ++steps;
    }
    Check(node == 0);
  }
  Check(n == 0 || roots == 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sitrep::Parser* parser = [] {
    auto loaded = sitrep::Parser::Load(SITREP_SOURCE_DIR "/models/en.parser");
    Check(loaded.ok());
    return loaded->release();
  }();
  std::vector<sitrep::SyntaxSentence> sentences(1);
  std::string word;
  auto end_word = [&] {
    if (!word.empty()) {
      sentences.back().words.emplace_back();
      sentences.back().words.back().form = word;
    }
    word.clear();
  };
  for (size_t i = 0; i < size; ++i) {
    const char c = static_cast<char>(data[i]);
    if (c == ' ') {
      end_word();
    } else if (c == '\n') {
      end_word();
      sentences.emplace_back();
    } else {
      word.push_back(c);
    }
  }
  end_word();
  parser->Parse(sentences);
  for (const sitrep::SyntaxSentence& s : sentences) CheckTree(s);
  return 0;
}
