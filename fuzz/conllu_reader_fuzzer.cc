// libFuzzer target: the CoNLL-U reader. Any bytes give sentences or
// per-sentence errors, never a crash; every sentence read is well formed
// (heads within it, multiword ranges inside it) and survives a write and a
// second read unchanged.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "sitrep/syntax.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  auto reader = sitrep::ConlluReader::FromStream(&in, "fuzz");
  sitrep::SyntaxSentence sentence;
  std::string error;
  int sentences = 0;
  while (reader->Next(&sentence, &error) && ++sentences < 10000) {
    if (!error.empty()) {
      Check(sentence.words.empty());
      continue;
    }
    const int n = static_cast<int>(sentence.words.size());
    for (const sitrep::SyntaxWord& w : sentence.words) {
      Check(w.head >= -1 && w.head <= n);
    }
    for (const sitrep::MultiwordToken& t : sentence.multiword_tokens) {
      Check(1 <= t.first && t.first <= t.last && t.last <= n);
    }
    // Round trip: what we write, we read back the same.
    std::istringstream again(sitrep::ToConllu(sentence));
    auto second = sitrep::ConlluReader::FromStream(&again, "again");
    sitrep::SyntaxSentence copy;
    std::string second_error;
    Check(second->Next(&copy, &second_error));
    Check(second_error.empty());
    Check(sitrep::ToConllu(copy) == sitrep::ToConllu(sentence));
  }
  return 0;
}
