// libFuzzer target: opening a model file. Any bytes are either rejected
// with a status or give sections that lie inside the file, 64-byte
// aligned; then the parser model's own sections are checked the same way
// (a valid container with hostile contents).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "syntax/lemmatizer.h"
#include "syntax/model_format.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto file = sitrep::syntax::ModelFile::FromBytes(bytes, "fuzz");
  if (file.ok()) {
    for (const char* name : {"meta", "weights", "morphology"}) {
      const auto section = (*file)->Section(name);
      if (!section) continue;
      Check(reinterpret_cast<uintptr_t>(section->data()) % 64 == 0);
      if (std::string_view(name) == "morphology") {
        (void)sitrep::syntax::Lemmatizer::Deserialize(*section);
      }
    }
  }
  // The lemmatizer's tables straight from the bytes, too.
  auto lemmatizer = sitrep::syntax::Lemmatizer::Deserialize(bytes);
  if (lemmatizer.ok()) {
    (void)lemmatizer->Lemma("shelled", "VERB", "VBD");
    (void)lemmatizer->Feats("shelled", "VERB", "VBD");
  }
  return 0;
}
