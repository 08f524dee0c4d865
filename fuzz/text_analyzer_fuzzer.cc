// libFuzzer target: split + tokenise. Any bytes either give an
// InvalidArgument status or an analysis whose invariants hold: spans inside
// the text and in order, tokens inside their sentence, sentences not
// overlapping, no empty token, quotes inside the text.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "sitrep/text.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sitrep::TextAnalyzer* analyzer =
      sitrep::TextAnalyzer::Create()->release();
  sitrep::Document doc;
  doc.date = "2023-09-20";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  sitrep::AnalyzedText out;
  const sitrep::Status status = analyzer->Analyze(doc, &out);
  if (!status.ok()) {
    Check(status.code() == sitrep::StatusCode::kInvalidArgument);
    Check(out.sentences.empty());
    return 0;
  }
  const uint32_t n = static_cast<uint32_t>(size);
  uint32_t previous_end = 0;
  if (out.dateline) {
    Check(out.dateline->span.begin <= out.dateline->span.end &&
          out.dateline->span.end <= n);
    previous_end = out.dateline->span.end;
  }
  for (const sitrep::Sentence& s : out.sentences) {
    Check(!s.tokens.empty());
    Check(s.span.begin >= previous_end && s.span.begin < s.span.end &&
          s.span.end <= n);
    uint32_t token_end = s.span.begin;
    for (const sitrep::Token& t : s.tokens) {
      Check(!t.text.empty());
      Check(t.span.begin >= token_end && t.span.begin < t.span.end &&
            t.span.end <= s.span.end);
      token_end = t.span.end;
    }
    Check(s.tokens.front().span.begin == s.span.begin);
    Check(s.tokens.back().span.end == s.span.end);
    previous_end = s.span.end;
  }
  for (const sitrep::Quote& q : out.quotes) {
    Check(q.span.begin < q.span.end && q.span.end <= n);
  }
  return 0;
}
