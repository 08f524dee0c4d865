#include "text/text_analyzer.h"

#include <limits>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/strings.h"
#include "text/dateline.h"
#include "text/normalizer.h"
#include "text/quotes.h"
#include "text/utf8.h"
#include "time/calendar.h"

namespace sitrep {

StatusOr<std::unique_ptr<TextAnalyzer>> TextAnalyzer::Create() {
  auto impl = text::TextAnalyzerImpl::Create();
  if (!impl.ok()) return ToPublicStatus(impl.status());
  return std::unique_ptr<TextAnalyzer>(std::move(*impl));
}

namespace text {
namespace {

// Typographic quotation marks tell opening from closing; the normalised
// '"' no longer does.
QuoteRole RoleOfOriginal(std::string_view original) {
  if (original == "\u201C" || original == "\u201E" || original == "\u00AB") {
    return QuoteRole::kOpen;
  }
  if (original == "\u201D" || original == "\u00BB") return QuoteRole::kClose;
  return QuoteRole::kUnknown;
}

// Normalisation can turn one original character into several (NFC maps
// U+2ADC to U+2ADD U+0338) that the tokenizer then splits. The pieces map
// back to the same original bytes and cannot be told apart there, so tokens
// whose original spans would overlap are joined into one.
void MergeInseparableTokens(const NormalizedText& normalized,
                            std::vector<RawToken>* tokens) {
  if (tokens->empty()) return;
  size_t kept = 0;
  for (size_t k = 1; k < tokens->size(); ++k) {
    RawToken& last = (*tokens)[kept];
    const RawToken& next = (*tokens)[k];
    if (normalized.OriginalBegin(next.begin) <
        normalized.OriginalEnd(last.end)) {
      last.end = next.end;
      last.space_after = next.space_after;
      if (next.kind == TokenKind::kWord) last.kind = TokenKind::kWord;
      last.quote = QuoteRole::kNone;
      continue;
    }
    (*tokens)[++kept] = next;
  }
  tokens->resize(kept + 1);
}

}  // namespace

absl::StatusOr<std::unique_ptr<TextAnalyzerImpl>> TextAnalyzerImpl::Create() {
  absl::StatusOr<std::shared_ptr<const TextTables>> tables = TextTables::Load();
  if (!tables.ok()) return tables.status();
  return std::unique_ptr<TextAnalyzerImpl>(
      new TextAnalyzerImpl(*std::move(tables)));
}

Status TextAnalyzerImpl::Analyze(const Document& document,
                                 AnalyzedText* out) const {
  return ToPublicStatus(AnalyzeText(document, out));
}

absl::Status TextAnalyzerImpl::AnalyzeText(const Document& document,
                                           AnalyzedText* out) const {
  *out = AnalyzedText();
  const std::string_view original = document.text;
  if (original.size() >= std::numeric_limits<uint32_t>::max()) {
    return absl::InvalidArgumentError("text is larger than 4 GiB");
  }
  if (const size_t bad = FindInvalidUtf8(original);
      bad != std::string_view::npos) {
    return absl::InvalidArgumentError(
        StrCat("invalid UTF-8 at byte ", bad, " of the text"));
  }
  absl::StatusOr<NormalizedText> normalized = Normalize(original);
  if (!normalized.ok()) return normalized.status();
  const std::string_view text = normalized->text();

  std::vector<RawToken> tokens;
  tokens.reserve(text.size() / 5 + 1);
  tokenizer_.Tokenize(text, 0, static_cast<uint32_t>(text.size()), &tokens);
  if (!normalized->identity()) MergeInseparableTokens(*normalized, &tokens);
  auto begin_of = [&](uint32_t offset) {
    return normalized->OriginalBegin(offset);
  };
  auto end_of = [&](uint32_t offset) {
    return normalized->OriginalEnd(offset);
  };
  auto span_of = [&](uint32_t b, uint32_t e) {
    return Span{begin_of(b), end_of(e)};
  };
  if (!normalized->identity()) {
    for (RawToken& t : tokens) {
      if (t.end - t.begin == 1 && text[t.begin] == '"') {
        const Span s = span_of(t.begin, t.end);
        const QuoteRole role =
            RoleOfOriginal(original.substr(s.begin, s.size()));
        if (role != QuoteRole::kUnknown) t.quote = role;
      }
    }
  }

  size_t first = 0;
  if (std::optional<DatelineMatch> m = DetectDateline(text, tokens)) {
    Dateline& d = out->dateline.emplace();
    d.span = span_of(m->begin, m->end);
    d.place.span = span_of(m->place_begin, m->place_end);
    d.place.text =
        std::string(original.substr(d.place.span.begin, d.place.span.size()));
    if (m->date) {
      TextField& f = d.date.emplace();
      f.span = span_of(m->date->first, m->date->second);
      f.text = std::string(original.substr(f.span.begin, f.span.size()));
      if (auto day =
              ResolveDatelineDate(*m, time::ParseIsoDate(document.date))) {
        d.date_value = time::FormatDate(*day);
      }
    }
    if (m->agency) {
      TextField& f = d.agency.emplace();
      f.span = span_of(m->agency->first, m->agency->second);
      f.text = std::string(original.substr(f.span.begin, f.span.size()));
    }
    first = m->body_token;
  }

  std::vector<std::pair<size_t, size_t>> ranges;
  splitter_.Split(text, tokens, first, &ranges);
  out->sentences.reserve(ranges.size());
  NormalizedText::SpanMapper mapper(*normalized);
  const bool identity = normalized->identity();
  for (const auto& [b, e] : ranges) {
    Sentence& sentence = out->sentences.emplace_back();
    sentence.tokens.reserve(e - b);
    for (size_t k = b; k < e; ++k) {
      const RawToken& t = tokens[k];
      Token& token = sentence.tokens.emplace_back();
      token.text.assign(text.data() + t.begin, t.end - t.begin);
      token.span = identity ? Span{t.begin, t.end}
                            : Span{mapper.Begin(t.begin), mapper.End(t.end)};
      token.kind = t.kind;
      token.space_after = t.space_after;
    }
    sentence.span = {sentence.tokens.front().span.begin,
                     sentence.tokens.back().span.end};
  }
  for (const QuotePair& q : PairQuotes(text, tokens)) {
    Quote& quote = out->quotes.emplace_back();
    quote.closed = q.closed;
    quote.span = q.closed ? span_of(tokens[q.open].begin, tokens[q.close].end)
                          : Span{begin_of(tokens[q.open].begin),
                                 static_cast<uint32_t>(original.size())};
  }
  return absl::OkStatus();
}

}  // namespace text
}  // namespace sitrep
