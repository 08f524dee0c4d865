// libFuzzer target: the whole event coder on arbitrary document text (and
// a document date and source taken from the first input line). Bytes that
// are not UTF-8 must give an error and no events; anything else must give
// events whose spans lie in the text and say what the text says there, and
// whose codes come from the codebooks.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "sitrep/events.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

void CheckSpan(const std::string& text, const sitrep::Span& span,
               const std::string& expected) {
  Check(span.begin <= span.end && span.end <= text.size());
  Check(text.compare(span.begin, span.size(), expected) == 0);
}

const sitrep::EventCoder& Coder() {
  static const sitrep::EventCoder* coder = [] {
    sitrep::EventCoderOptions options;
    options.parser_model = SITREP_SOURCE_DIR "/models/en.parser";
    options.lexicon = SITREP_LEXICON_PATH;
    auto made = sitrep::EventCoder::Create(options);
    if (!made.ok()) __builtin_trap();
    return std::move(made).value().release();
  }();
  return *coder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  sitrep::Document doc;
  doc.id = "fuzz";
  const size_t newline = bytes.find('\n');
  const std::string header =
      newline == std::string::npos ? std::string() : bytes.substr(0, newline);
  doc.text = newline == std::string::npos ? bytes : bytes.substr(newline + 1);
  // "YYYY-MM-DD source" on the first line, when it looks like that.
  if (header.size() >= 10 && header[4] == '-' && header[7] == '-') {
    doc.date = header.substr(0, 10);
    if (header.size() > 11) doc.source = header.substr(11);
  }
  sitrep::CodedDocument out;
  Coder().Code(std::span<const sitrep::Document>(&doc, 1),
               std::span<sitrep::CodedDocument>(&out, 1));
  if (!out.errors.empty()) {
    Check(out.events.empty());
    return 0;
  }
  std::set<std::string> ids;
  for (const sitrep::Event& e : out.events) {
    Check(ids.insert(e.id).second);
    CheckSpan(doc.text, e.sentence_span, e.text);
    CheckSpan(doc.text, e.trigger.span, e.trigger.text);
    Check(!e.plover.type.empty() && !e.event_class.empty());
    Check(e.confidence >= 0 && e.confidence <= 1);
    for (const auto* side : {&e.source, &e.target}) {
      for (const sitrep::Actor& a : *side) {
        Check(a.span.begin <= a.span.end && a.span.end <= doc.text.size());
      }
    }
    if (e.instrument)
      CheckSpan(doc.text, e.instrument->span, e.instrument->text);
    if (e.date && !e.date->text.empty()) {
      CheckSpan(doc.text, e.date->span, e.date->text);
    }
    for (const auto* c : {&e.fatalities, &e.injuries}) {
      if (*c && (*c)->count) Check(*(*c)->count >= 0);
    }
  }
  return 0;
}
