#include "syntax/parser_model.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "common/strings.h"

namespace sitrep::syntax {
namespace {

constexpr char kUnknownForm[] = "<unk>";

}  // namespace

ParserModel ParserModel::Build(std::span<const SyntaxSentence> train,
                               const NetworkConfig& config,
                               int min_word_count) {
  ParserModel model;
  model.config_ = config;
  absl::flat_hash_map<std::string, int> counts;
  std::vector<std::string> order;  // first occurrence: deterministic ids
  for (const SyntaxSentence& sentence : train) {
    for (const SyntaxWord& word : sentence.words) {
      std::string form = NormalizeForm(word.form);
      auto [it, inserted] = counts.try_emplace(form, 0);
      if (inserted) order.push_back(form);
      ++it->second;
      model.upos_.Add(word.upos);
      model.xpos_.Add(word.xpos);
      model.deprels_.Add(word.deprel);
    }
  }
  model.words_.Add(kUnknownForm);
  model.word_counts_.push_back(0);
  for (const std::string& form : order) {
    const int count = counts[form];
    if (count >= min_word_count) {
      model.words_.Add(form);
      model.word_counts_.push_back(count);
    }
  }
  model.config_.words = model.words_.size();
  model.config_.upos_classes = model.upos_.size();
  model.config_.xpos_classes = model.xpos_.size();
  model.config_.deprel_classes = model.deprels_.size();
  model.config_.root_deprel = model.deprels_.Find("root");
  model.lemmatizer_ = Lemmatizer::Train(train);
  return model;
}

void ParserModel::Encode(const SyntaxSentence& sentence,
                         EncodedSentence* out) const {
  const size_t n = sentence.words.size();
  out->words.resize(n);
  out->subwords.resize(n * kSubwordFeatures);
  out->upos.resize(n);
  out->xpos.resize(n);
  out->head.resize(n);
  out->deprel.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const SyntaxWord& word = sentence.words[i];
    const int id = words_.Find(NormalizeForm(word.form));
    out->words[i] = id < 0 ? kUnknownWord : id;
    SubwordFeatures(word.form, static_cast<uint32_t>(config_.subword_buckets),
                    &out->subwords[i * kSubwordFeatures]);
    out->upos[i] = upos_.Find(word.upos);
    out->xpos[i] = xpos_.Find(word.xpos);
    out->head[i] = word.head;
    out->deprel[i] = deprels_.Find(word.deprel);
  }
}

void ParserModel::Apply(const SentencePrediction& prediction,
                        SyntaxSentence* sentence) const {
  for (size_t i = 0; i < sentence->words.size(); ++i) {
    SyntaxWord& word = sentence->words[i];
    word.upos = upos_.Name(prediction.upos[i]);
    word.xpos = xpos_.Name(prediction.xpos[i]);
    word.head = prediction.head[i];
    word.deprel = deprels_.Name(prediction.deprel[i]);
    word.lemma = lemmatizer_.Lemma(word.form, word.upos, word.xpos);
    word.feats = lemmatizer_.Feats(word.form, word.upos, word.xpos);
  }
}

void MakeBatch(std::span<const EncodedSentence* const> sentences,
               Batch* batch) {
  const int count = static_cast<int>(sentences.size());
  int steps = 0;
  for (const EncodedSentence* s : sentences) steps = std::max(steps, s->size());
  batch->batch = count;
  batch->steps = steps;
  const size_t columns = static_cast<size_t>(steps) * count;
  batch->lengths.resize(count);
  batch->words.assign(columns, kUnknownWord);
  batch->subwords.assign(columns * kSubwordFeatures, 0);
  batch->mask.assign(columns, 0.0f);
  batch->upos.assign(columns, -1);
  batch->xpos.assign(columns, -1);
  batch->head.assign(columns, -1);
  batch->deprel.assign(columns, -1);
  for (int b = 0; b < count; ++b) {
    const EncodedSentence& s = *sentences[b];
    batch->lengths[b] = s.size();
    for (int t = 0; t < s.size(); ++t) {
      const size_t k = static_cast<size_t>(t) * count + b;
      batch->words[k] = s.words[t];
      std::copy_n(&s.subwords[static_cast<size_t>(t) * kSubwordFeatures],
                  kSubwordFeatures, &batch->subwords[k * kSubwordFeatures]);
      batch->mask[k] = 1.0f;
      batch->upos[k] = s.upos[t];
      batch->xpos[k] = s.xpos[t];
      batch->head[k] = s.head[t];
      batch->deprel[k] = s.deprel[t];
    }
  }
}

Weights<ConstMatrixMap> ParserModel::weights() const {
  return BindWeights(config_, weights_);
}

absl::Status ParserModel::Save(const std::string& path,
                               std::span<const float> weights,
                               const std::string& description) const {
  if (weights.size() != ParameterCount(config_)) {
    return absl::InternalError("weights do not match the configuration");
  }
  ByteWriter meta;
  meta.PutU32(kParserModelVersion);
  config_.Serialize(&meta);
  words_.Serialize(&meta);
  upos_.Serialize(&meta);
  xpos_.Serialize(&meta);
  deprels_.Serialize(&meta);
  meta.PutString(description);
  std::string morphology;
  lemmatizer_.Serialize(&morphology);
  ModelFileWriter writer;
  writer.AddSection("meta", std::move(meta).Take());
  writer.AddSection("weights",
                    std::string(reinterpret_cast<const char*>(weights.data()),
                                weights.size() * sizeof(float)));
  writer.AddSection("morphology", std::move(morphology));
  return writer.Write(path);
}

absl::StatusOr<std::unique_ptr<ParserModel>> ParserModel::Load(
    const std::string& path) {
  absl::StatusOr<std::unique_ptr<ModelFile>> file = ModelFile::Open(path);
  if (!file.ok()) return file.status();
  auto model = std::make_unique<ParserModel>();
  const std::optional<std::string_view> meta = (*file)->Section("meta");
  const std::optional<std::string_view> weights = (*file)->Section("weights");
  const std::optional<std::string_view> morphology =
      (*file)->Section("morphology");
  if (!meta || !weights || !morphology) {
    return absl::DataLossError(
        StrCat(path, ": not a parser model (sections missing)"));
  }
  ByteReader in(*meta);
  uint32_t version = 0;
  if (!in.GetU32(&version)) {
    return absl::DataLossError(StrCat(path, ": truncated model header"));
  }
  if (version != kParserModelVersion) {
    return absl::FailedPreconditionError(
        StrCat(path, ": parser model version ", version, ", this build reads ",
               kParserModelVersion, "; retrain with sitrep train-parser"));
  }
  absl::StatusOr<NetworkConfig> config = NetworkConfig::Deserialize(&in);
  if (!config.ok()) return config.status();
  model->config_ = *config;
  for (StringIndex* index :
       {&model->words_, &model->upos_, &model->xpos_, &model->deprels_}) {
    absl::StatusOr<StringIndex> read = StringIndex::Deserialize(&in);
    if (!read.ok()) return read.status();
    *index = *std::move(read);
  }
  if (!in.GetString(&model->description_)) {
    return absl::DataLossError(StrCat(path, ": truncated model description"));
  }
  const NetworkConfig& c = model->config_;
  if (c.words != model->words_.size() ||
      c.upos_classes != model->upos_.size() ||
      c.xpos_classes != model->xpos_.size() ||
      c.deprel_classes != model->deprels_.size() ||
      c.root_deprel >= c.deprel_classes) {
    return absl::DataLossError(
        StrCat(path, ": label sets do not match the network"));
  }
  if (weights->size() != ParameterCount(c) * sizeof(float) ||
      reinterpret_cast<uintptr_t>(weights->data()) % 64 != 0) {
    return absl::DataLossError(
        StrCat(path, ": weights section has the wrong size"));
  }
  absl::StatusOr<Lemmatizer> morph = Lemmatizer::Deserialize(*morphology);
  if (!morph.ok()) return morph.status();
  model->lemmatizer_ = *std::move(morph);
  model->weights_ = reinterpret_cast<const float*>(weights->data());
  model->file_ = *std::move(file);
  return model;
}

}  // namespace sitrep::syntax
