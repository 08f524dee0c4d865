// A trained tagger and parser as one object: the vocabulary and label sets,
// the network's configuration and weights, and the morphology tables; and
// the model file that stores them (sections "meta", "weights",
// "morphology" of a model_format.h container).
#ifndef SITREP_SYNTAX_PARSER_MODEL_H_
#define SITREP_SYNTAX_PARSER_MODEL_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "sitrep/syntax.h"
#include "syntax/features.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_format.h"
#include "syntax/network.h"

namespace sitrep::syntax {

// Format version of the model file's contents (the container has its own).
inline constexpr uint32_t kParserModelVersion = 1;

// A sentence as the network sees it. Gold ids are -1 when the sentence has
// no annotation or the label was not seen in training.
struct EncodedSentence {
  std::vector<int32_t> words;
  std::vector<uint32_t> subwords;  // kSubwordFeatures per word
  std::vector<int32_t> upos, xpos, head, deprel;
  int size() const { return static_cast<int>(words.size()); }
};

class ParserModel {
 public:
  // The vocabulary (normalised forms seen at least `min_word_count` times),
  // label sets and morphology of a training treebank; `config`'s sizes of
  // vocabulary and label sets are filled in.
  static ParserModel Build(std::span<const SyntaxSentence> train,
                           const NetworkConfig& config, int min_word_count);

  // Opens a model file and checks every part of it; the weights are used in
  // place from the read-only mapping.
  static absl::StatusOr<std::unique_ptr<ParserModel>> Load(
      const std::string& path);

  // Writes the model with `weights` (ParameterCount(config()) floats).
  absl::Status Save(const std::string& path, std::span<const float> weights,
                    const std::string& description) const;

  const NetworkConfig& config() const { return config_; }
  const std::string& description() const { return description_; }
  // Training counts of word ids (for word dropout); empty once loaded.
  const std::vector<int32_t>& word_counts() const { return word_counts_; }
  // The loaded weights; only for a model from Load.
  Weights<ConstMatrixMap> weights() const;

  // Word ids and sub-word features, plus gold ids where `sentence` has them.
  void Encode(const SyntaxSentence& sentence, EncodedSentence* out) const;

  // Writes the predicted tags, lemmas, features, heads and relations into
  // `sentence`'s words.
  void Apply(const SentencePrediction& prediction,
             SyntaxSentence* sentence) const;

 private:
  NetworkConfig config_;
  StringIndex words_;
  StringIndex upos_;
  StringIndex xpos_;
  StringIndex deprels_;
  std::vector<int32_t> word_counts_;
  Lemmatizer lemmatizer_;
  std::string description_;
  std::unique_ptr<ModelFile> file_;
  const float* weights_ = nullptr;
};

// Packs sentences into one lockstep batch (network.h), padded to the
// longest.
void MakeBatch(std::span<const EncodedSentence* const> sentences, Batch* batch);

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_PARSER_MODEL_H_
