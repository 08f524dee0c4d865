// libFuzzer target: the JSONL input path. The bytes are read as a stream of
// lines (with a small line limit, so over-long lines are exercised) and
// each line is parsed into a Document; the whole input is also parsed as a
// single line.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "io/jsonl_parser.h"
#include "io/line_reader.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sitrep::io::JsonlParser* parser = new sitrep::io::JsonlParser();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    sitrep::Document doc;
    std::vector<sitrep::DocumentError> errors;
    parser->Parse(bytes, &doc, &errors);
    // An accepted document's text is valid UTF-8.
    const bool fatal = !errors.empty() && errors.front().fatal;
    if (!fatal &&
        sitrep::text::FindInvalidUtf8(doc.text) != std::string_view::npos) {
      __builtin_trap();
    }
  }
  if (size == 0) return 0;
  std::FILE* file = fmemopen(const_cast<uint8_t*>(data), size, "rb");
  if (file == nullptr) return 0;
  sitrep::io::LineReader lines(file, 256, 64);
  sitrep::io::LineReader::Line line;
  uint64_t total = 0;
  while (lines.Next(&line)) {
    if (line.too_long != (line.length > 256)) __builtin_trap();
    total += line.length + 1;
    if (line.too_long) continue;
    sitrep::Document doc;
    std::vector<sitrep::DocumentError> errors;
    parser->Parse(line.text, &doc, &errors);
  }
  std::fclose(file);
  // Every byte is accounted for (the last line may lack its newline).
  if (total != size && total != size + 1) __builtin_trap();
  return 0;
}
