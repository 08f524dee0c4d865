// sitrep parse: part-of-speech tags, lemmas, features and dependency trees
// as CoNLL-U, from documents (through the text layer) or from CoNLL-U with
// its own tokenisation.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "batch.h"
#include "commands.h"
#include "exit_codes.h"
#include "model_path.h"
#include "sitrep/syntax.h"
#include "sitrep/text.h"

namespace sitrep::cli {
namespace {

struct ParseOptions {
  InputOptions input;
  std::string input_kind = "text";
  std::string model;
  std::string output = "-";
};

// Sentences parsed together: enough to fill the network's batches.
constexpr size_t kParseBatch = 256;

// One CoNLL-U sentence per sentence of the analysed document.
void ToSentences(const Document& doc, const AnalyzedText& text,
                 std::vector<SyntaxSentence>* out) {
  int number = 0;
  for (const Sentence& sentence : text.sentences) {
    SyntaxSentence s;
    if (number == 0) s.comments.push_back("newdoc id = " + doc.id);
    s.comments.push_back("sent_id = " + doc.id + "-" +
                         std::to_string(++number));
    std::string line =
        doc.text.substr(sentence.span.begin, sentence.span.size());
    for (char& c : line) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    s.comments.push_back("text = " + line);
    for (size_t i = 0; i < sentence.tokens.size(); ++i) {
      const Token& token = sentence.tokens[i];
      SyntaxWord word;
      // The original characters, so that the forms rebuild `# text`.
      word.form = doc.text.substr(token.span.begin, token.span.size());
      for (char& c : word.form) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      }
      if (!token.space_after && i + 1 < sentence.tokens.size()) {
        word.misc = "SpaceAfter=No";
      }
      s.words.push_back(std::move(word));
    }
    out->push_back(std::move(s));
  }
}

class Writer {
 public:
  Writer(const Parser& parser, OutputFile* out) : parser_(parser), out_(out) {}
  void Add(SyntaxSentence sentence) {
    words_ += sentence.words.size();
    pending_.push_back(std::move(sentence));
    if (pending_.size() >= kParseBatch) Flush();
  }
  void Flush() {
    parser_.Parse(pending_);
    for (const SyntaxSentence& s : pending_) {
      out_->buffer()->append(ToConllu(s));
      out_->MaybeFlush();
    }
    sentences_ += pending_.size();
    pending_.clear();
  }
  uint64_t sentences() const { return sentences_; }
  uint64_t words() const { return words_; }

 private:
  const Parser& parser_;
  OutputFile* out_;
  std::vector<SyntaxSentence> pending_;
  uint64_t sentences_ = 0;
  uint64_t words_ = 0;
};

int RunParse(const ParseOptions& options) {
  const std::string model =
      options.model.empty() ? DefaultParserModelPath() : options.model;
  StatusOr<std::unique_ptr<Parser>> parser = Parser::Load(model);
  if (!parser.ok()) {
    std::fprintf(stderr,
                 "sitrep: %s\n(train a model with: sitrep train-parser --train "
                 "TRAIN.conllu --dev DEV.conllu -o %s)\n",
                 parser.status().message().c_str(), model.c_str());
    return kExitUsage;
  }
  OutputFile out;
  if (!out.Open(options.output)) return kExitUsage;
  Writer writer(**parser, &out);
  const auto start = std::chrono::steady_clock::now();
  uint64_t rejected = 0;
  bool input_failed = false;
  if (options.input_kind == "conllu") {
    std::vector<std::string> inputs = options.input.inputs;
    if (inputs.empty()) inputs.push_back("-");
    for (const std::string& path : inputs) {
      StatusOr<std::unique_ptr<ConlluReader>> reader = ConlluReader::Open(path);
      if (!reader.ok()) {
        std::fprintf(stderr, "sitrep: %s\n", reader.status().message().c_str());
        input_failed = true;
        continue;
      }
      SyntaxSentence sentence;
      std::string error;
      while ((*reader)->Next(&sentence, &error)) {
        if (!error.empty()) {
          std::fprintf(stderr, "sitrep: %s (sentence skipped)\n",
                       error.c_str());
          ++rejected;
          continue;
        }
        // The enhanced graph belongs to the old tree: drop it.
        sentence.empty_node_lines.clear();
        for (SyntaxWord& w : sentence.words) w.deps.clear();
        writer.Add(std::move(sentence));
      }
    }
  } else {
    StatusOr<std::unique_ptr<TextAnalyzer>> analyzer = TextAnalyzer::Create();
    if (!analyzer.ok()) {
      std::fprintf(stderr, "sitrep: %s\n",
                   analyzer.status().ToString().c_str());
      return kExitInternal;
    }
    AnalyzedText text;
    std::vector<SyntaxSentence> sentences;
    const BatchCounts counts =
        ForEachRecord(options.input, [&](InputRecord& record) {
          if (record.rejected()) return false;
          if (Status s = (*analyzer)->Analyze(record.document, &text);
              !s.ok()) {
            record.errors.push_back({"invalid_text", s.message(), true});
            ReportRejected(record);
            return false;
          }
          sentences.clear();
          ToSentences(record.document, text, &sentences);
          for (SyntaxSentence& s : sentences) writer.Add(std::move(s));
          return true;
        });
    rejected = counts.rejected;
    input_failed = counts.input_failed;
  }
  writer.Flush();
  const bool written = out.Close();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::fprintf(stderr,
               "sitrep parse: %llu sentences, %llu words, %llu rejected; "
               "%.2f s (%.0f words/s)\n",
               static_cast<unsigned long long>(writer.sentences()),
               static_cast<unsigned long long>(writer.words()),
               static_cast<unsigned long long>(rejected), seconds,
               writer.words() / std::max(seconds, 1e-9));
  if (!written) return kExitInternal;
  if (input_failed || rejected > 0) return kExitRejected;
  return kExitOk;
}

}  // namespace

Runner RegisterParse(CLI::App& app) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "parse",
      "Tag, lemmatise and parse, writing CoNLL-U. Text input goes through "
      "the text layer (sentences and tokens as `sitrep split` finds them); "
      "CoNLL-U input keeps its own sentences and tokens (its enhanced "
      "dependencies and empty nodes, which belong to the old tree, are "
      "dropped).");
  AddInputOptions(cmd, &options->input);
  cmd->add_option("--input", options->input_kind,
                  "what the inputs are: text (documents, as split reads "
                  "them) or conllu")
      ->check(CLI::IsMember({"text", "conllu"}))
      ->capture_default_str();
  cmd->add_option("--model", options->model,
                  "parser model (default: $SITREP_PARSER_MODEL, else "
                  "models/en.parser)");
  cmd->add_option("-o,--output", options->output,
                  "write CoNLL-U here (default: standard output)");
  return [cmd, options] {
    if (cmd->parsed()) return RunParse(*options);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
