// Build-time tool: compiles the TSV sources of data/lexicon into the
// binary bundle the coder loads. Usage: lexicon_compiler DIR OUT
#include <cstdio>
#include <string>

#include "lexicon/lexicon.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s LEXICON_DIR OUTPUT\n", argv[0]);
    return 2;
  }
  auto lexicon = sitrep::lexicon::CompileLexicon(argv[1]);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(lexicon.status().message()).c_str());
    return 1;
  }
  if (auto s = sitrep::lexicon::WriteLexiconBundle(**lexicon, argv[2]);
      !s.ok()) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return 1;
  }
  std::printf("lexicon: %s -> %s\n", (*lexicon)->Describe().c_str(), argv[2]);
  return 0;
}
