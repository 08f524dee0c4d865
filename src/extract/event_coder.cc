// sitrep::EventCoder: the text layer, the parser, the lexicon and the
// extraction rules over a batch of documents.
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/extractor.h"
#include "extract/sentence_view.h"
#include "lexicon/lexicon.h"
#include "sitrep/events.h"
#include "sitrep/syntax.h"
#include "sitrep/text.h"
#include "time/calendar.h"

namespace sitrep {
namespace {

class EventCoderImpl : public EventCoder {
 public:
  EventCoderImpl(std::unique_ptr<TextAnalyzer> analyzer,
                 std::unique_ptr<Parser> parser,
                 std::unique_ptr<lexicon::Lexicon> lexicon,
                 std::unique_ptr<geo::Gazetteer> gazetteer,
                 const std::vector<SourceHome>& homes)
      : analyzer_(std::move(analyzer)),
        parser_(std::move(parser)),
        lexicon_(std::move(lexicon)),
        gazetteer_(std::move(gazetteer)),
        extractor_(*lexicon_, gazetteer_.get(), homes) {}

  void Code(std::span<const Document> documents,
            std::span<CodedDocument> out) const override {
    std::vector<AnalyzedText> analyzed(documents.size());
    std::vector<bool> ok(documents.size(), false);
    std::vector<SyntaxSentence> sentences;
    std::vector<size_t> first_sentence(documents.size() + 1, 0);
    for (size_t d = 0; d < documents.size(); ++d) {
      CodedDocument& coded = out[d];
      coded = CodedDocument();
      coded.id = documents[d].id;
      first_sentence[d] = sentences.size();
      const Status s = analyzer_->Analyze(documents[d], &analyzed[d]);
      if (!s.ok()) {
        coded.errors.push_back({"invalid_text", s.message(), true});
        continue;
      }
      ok[d] = true;
      for (const Sentence& sentence : analyzed[d].sentences) {
        SyntaxSentence& syn = sentences.emplace_back();
        syn.words.resize(sentence.tokens.size());
        for (size_t i = 0; i < sentence.tokens.size(); ++i) {
          syn.words[i].form = sentence.tokens[i].text;
        }
      }
    }
    first_sentence[documents.size()] = sentences.size();
    parser_->Parse(sentences);
    for (size_t d = 0; d < documents.size(); ++d) {
      if (!ok[d]) continue;
      const Document& doc = documents[d];
      const std::optional<absl::CivilDay> date = time::ParseIsoDate(doc.date);
      std::vector<extract::SentenceEvents> per_sentence;
      per_sentence.reserve(analyzed[d].sentences.size());
      for (size_t s = 0; s < analyzed[d].sentences.size(); ++s) {
        const extract::SentenceView view(sentences[first_sentence[d] + s],
                                         analyzed[d].sentences[s], *lexicon_);
        per_sentence.push_back(extractor_.ExtractSentence(
            view, static_cast<int>(s), doc.text, date));
      }
      CodedDocument& coded = out[d];
      coded.sentences = analyzed[d].sentences.size();
      coded.sentence_spans.reserve(coded.sentences);
      for (const Sentence& s : analyzed[d].sentences) {
        coded.sentence_spans.push_back(s.span);
      }
      coded.places = extractor_.ResolvePlaces(doc, analyzed[d], per_sentence);
      extractor_.FinishDocument(doc, analyzed[d], &per_sentence, &coded.events);
      for (Event& e : coded.events) {
        const Sentence& s =
            analyzed[d].sentences[static_cast<size_t>(e.sentence)];
        e.sentence_span = s.span;
        e.text = doc.text.substr(s.span.begin, s.span.size());
      }
      extractor_.LocateEvents(analyzed[d], coded.places, &coded.events);
    }
  }

  std::string Describe() const override {
    return "parser: " + parser_->Describe() +
           "; lexicon: " + lexicon_->Describe() + "; gazetteer: " +
           (gazetteer_ ? std::to_string(gazetteer_->size()) + " places"
                       : std::string("none"));
  }

 private:
  std::unique_ptr<TextAnalyzer> analyzer_;
  std::unique_ptr<Parser> parser_;
  std::unique_ptr<lexicon::Lexicon> lexicon_;
  std::unique_ptr<geo::Gazetteer> gazetteer_;  // may be null
  extract::Extractor extractor_;
};

}  // namespace

StatusOr<std::unique_ptr<EventCoder>> EventCoder::Create(
    const EventCoderOptions& options) {
  StatusOr<std::unique_ptr<TextAnalyzer>> analyzer = TextAnalyzer::Create();
  if (!analyzer.ok()) return analyzer.status();
  StatusOr<std::unique_ptr<Parser>> parser = Parser::Load(options.parser_model);
  if (!parser.ok()) return parser.status();
  absl::StatusOr<std::unique_ptr<lexicon::Lexicon>> lexicon =
      lexicon::LoadLexicon(options.lexicon);
  if (!lexicon.ok()) return ToPublicStatus(lexicon.status());
  std::unique_ptr<geo::Gazetteer> gazetteer;
  if (!options.gazetteer.empty()) {
    absl::StatusOr<std::unique_ptr<geo::Gazetteer>> g =
        geo::Gazetteer::Open(options.gazetteer);
    if (!g.ok()) return ToPublicStatus(g.status());
    gazetteer = *std::move(g);
  }
  return std::unique_ptr<EventCoder>(new EventCoderImpl(
      std::move(analyzer).value(), std::move(parser).value(),
      *std::move(lexicon), std::move(gazetteer), options.source_homes));
}

}  // namespace sitrep
