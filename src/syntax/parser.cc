// sitrep::Parser: a loaded ParserModel run over batches of sentences.
#include <algorithm>
#include <memory>
#include <numeric>
#include <vector>

#include "common/status.h"
#include "sitrep/syntax.h"
#include "syntax/network.h"
#include "syntax/parser_model.h"

namespace sitrep {
namespace {

using syntax::Batch;
using syntax::EncodedSentence;
using syntax::SentencePrediction;
using syntax::Workspace;

// Longer sentences are parsed in windows of this many words (see Parse):
// the head scorer's memory and time grow with the square of the length.
constexpr size_t kMaxWindowWords = 256;

// Sentences run through the network together. Larger batches make the
// LSTM's products more efficient; 32 sentences of similar length is where
// the gain levels off.
constexpr size_t kBatchSentences = 32;

class ParserImpl : public Parser {
 public:
  explicit ParserImpl(std::unique_ptr<syntax::ParserModel> model)
      : model_(std::move(model)), weights_(model_->weights()) {}

  void Parse(std::span<SyntaxSentence> sentences) const override {
    // A sentence longer than kMaxWindowWords (a run-on list, a table that
    // lost its line breaks) is parsed as consecutive windows; the root of
    // each later window is attached to the root of the first with
    // `parataxis`, so the result is still one tree.
    std::vector<SyntaxSentence> windows;
    std::vector<std::pair<size_t, size_t>> window_of;  // (sentence, first)
    for (size_t i = 0; i < sentences.size(); ++i) {
      const std::vector<SyntaxWord>& words = sentences[i].words;
      if (words.size() <= kMaxWindowWords) continue;
      for (size_t first = 0; first < words.size(); first += kMaxWindowWords) {
        SyntaxSentence window;
        const size_t last = std::min(words.size(), first + kMaxWindowWords);
        window.words.assign(words.begin() + first, words.begin() + last);
        windows.push_back(std::move(window));
        window_of.emplace_back(i, first);
      }
    }
    ParseShort(sentences);
    ParseShort(windows);
    int root = 0;  // ID of the first window's root
    for (size_t k = 0; k < windows.size(); ++k) {
      auto [index, first] = window_of[k];
      std::vector<SyntaxWord>& words = sentences[index].words;
      for (size_t j = 0; j < windows[k].words.size(); ++j) {
        SyntaxWord& word = words[first + j];
        const int window_head = windows[k].words[j].head;
        word = std::move(windows[k].words[j]);
        if (window_head == 0) {
          if (first == 0) {
            root = static_cast<int>(first + j + 1);
            word.head = 0;
          } else {
            word.head = root;
            word.deprel = "parataxis";
          }
        } else {
          word.head = window_head + static_cast<int>(first);
        }
      }
    }
  }

  std::string Describe() const override { return model_->description(); }

 private:
  // Parses the sentences of at most kMaxWindowWords words.
  void ParseShort(std::span<SyntaxSentence> sentences) const {
    // Similar lengths together: less padding in the lockstep batches.
    std::vector<size_t> order;
    order.reserve(sentences.size());
    for (size_t i = 0; i < sentences.size(); ++i) {
      const size_t n = sentences[i].words.size();
      if (n > 0 && n <= kMaxWindowWords) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return sentences[a].words.size() < sentences[b].words.size();
    });
    thread_local Workspace ws;
    thread_local Batch batch;
    thread_local std::vector<EncodedSentence> encoded;
    thread_local std::vector<SentencePrediction> predictions;
    std::vector<const EncodedSentence*> group;
    for (size_t start = 0; start < order.size(); start += kBatchSentences) {
      const size_t end = std::min(order.size(), start + kBatchSentences);
      encoded.resize(end - start);
      group.clear();
      for (size_t i = start; i < end; ++i) {
        model_->Encode(sentences[order[i]], &encoded[i - start]);
        group.push_back(&encoded[i - start]);
      }
      syntax::MakeBatch(group, &batch);
      syntax::Predict(model_->config(), weights_, batch, &ws, &predictions);
      for (size_t i = start; i < end; ++i) {
        model_->Apply(predictions[i - start], &sentences[order[i]]);
      }
    }
  }

  std::unique_ptr<syntax::ParserModel> model_;
  syntax::Weights<syntax::ConstMatrixMap> weights_;
};

}  // namespace

StatusOr<std::unique_ptr<Parser>> Parser::Load(const std::string& path) {
  absl::StatusOr<std::unique_ptr<syntax::ParserModel>> model =
      syntax::ParserModel::Load(path);
  if (!model.ok()) return ToPublicStatus(model.status());
  return std::unique_ptr<Parser>(
      std::make_unique<ParserImpl>(*std::move(model)));
}

}  // namespace sitrep
