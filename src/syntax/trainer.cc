// Training: minibatch Adam on the summed cross-entropy of the four
// predictors (UPOS, XPOS, head, relation), with dropout and word dropout,
// keeping the epoch that scores best on the development set.
//
// Determinism: every random draw (initial weights, shuffling, dropout
// masks, word dropout) comes from generators seeded by the seed, the epoch
// and the step; each minibatch is split between threads in a fixed way and
// their gradients are added in a fixed order. The same build, seed and
// thread count give the same model, bit for bit.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "common/strings.h"
#include "sitrep/syntax.h"
#include "syntax/network.h"
#include "syntax/parser_model.h"

namespace sitrep {
namespace {

using syntax::Batch;
using syntax::EncodedSentence;
using syntax::MatrixMap;
using syntax::NetworkConfig;
using syntax::ParserModel;
using syntax::SentencePrediction;
using syntax::Weights;
using syntax::Workspace;

struct Hyperparameters {
  int epochs = 40;
  int batch_sentences = 32;
  float learning_rate = 2e-3f;
  float beta1 = 0.9f;
  float beta2 = 0.9f;
  float epsilon = 1e-8f;
  float decay = 0.75f;     // learning rate factor ...
  int decay_steps = 5000;  // ... every this many steps
  float clip_norm = 5.0f;
  float dropout = 0.33f;
  float word_dropout = 0.25f;  // alpha in alpha / (alpha + count)
  // The weights kept are an exponential moving average of the trained
  // ones (Polyak averaging): smoother, and better on held-out data.
  float average_decay = 0.999f;
  int min_word_count = 2;
};

uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t z = a * 0x9e3779b97f4a7c15ULL + b + 0x632be59bd9b4e019ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// 64-byte aligned float storage for parameters and their moments.
class FloatBlock {
 public:
  explicit FloatBlock(size_t n)
      : data_(static_cast<float*>(std::aligned_alloc(64, Round(n)))), size_(n) {
    std::fill(data_, data_ + n, 0.0f);
  }
  ~FloatBlock() { std::free(data_); }
  FloatBlock(const FloatBlock&) = delete;
  FloatBlock& operator=(const FloatBlock&) = delete;
  float* data() { return data_; }
  const float* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  static size_t Round(size_t n) { return (n * sizeof(float) + 63) / 64 * 64; }
  float* data_;
  size_t size_;
};

struct DevScores {
  double upos = 0, xpos = 0, uas = 0, las = 0;
  size_t words = 0;
};

// Tags and parses `sentences` with the current weights and scores them on
// words (gold tokenisation).
DevScores Evaluate(const NetworkConfig& config, const float* weights,
                   const std::vector<EncodedSentence>& sentences) {
  const Weights<syntax::ConstMatrixMap> w =
      syntax::BindWeights(config, weights);
  std::vector<int> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return sentences[a].size() < sentences[b].size();
  });
  Workspace ws;
  Batch batch;
  std::vector<SentencePrediction> predictions;
  size_t words = 0, upos = 0, xpos = 0, uas = 0, las = 0;
  for (size_t start = 0; start < order.size(); start += 64) {
    std::vector<const EncodedSentence*> group;
    for (size_t i = start; i < std::min(order.size(), start + 64); ++i) {
      group.push_back(&sentences[order[i]]);
    }
    syntax::MakeBatch(group, &batch);
    syntax::Predict(config, w, batch, &ws, &predictions);
    for (size_t g = 0; g < group.size(); ++g) {
      const EncodedSentence& s = *group[g];
      const SentencePrediction& p = predictions[g];
      for (int i = 0; i < s.size(); ++i) {
        ++words;
        upos += p.upos[i] == s.upos[i];
        xpos += p.xpos[i] == s.xpos[i];
        if (p.head[i] == s.head[i]) {
          ++uas;
          las += p.deprel[i] == s.deprel[i];
        }
      }
    }
  }
  const double n = std::max<size_t>(words, 1) / 100.0;
  return DevScores{upos / n, xpos / n, uas / n, las / n, words};
}

absl::Status Train(const ParserTrainingOptions& options) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  auto elapsed = [&]() {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  Hyperparameters hp;
  if (options.epochs > 0) hp.epochs = options.epochs;
  const int threads = std::clamp(options.threads, 1, 2);

  StatusOr<std::vector<SyntaxSentence>> train =
      ReadConlluFile(options.train_path);
  if (!train.ok()) return absl::InvalidArgumentError(train.status().message());
  StatusOr<std::vector<SyntaxSentence>> dev = ReadConlluFile(options.dev_path);
  if (!dev.ok()) return absl::InvalidArgumentError(dev.status().message());
  if (train->empty()) return absl::InvalidArgumentError("empty training file");

  NetworkConfig config;
  const ParserModel model =
      ParserModel::Build(*train, config, hp.min_word_count);
  config = model.config();
  std::vector<EncodedSentence> train_set(train->size());
  std::vector<EncodedSentence> dev_set(dev->size());
  for (size_t i = 0; i < train->size(); ++i) {
    model.Encode((*train)[i], &train_set[i]);
  }
  for (size_t i = 0; i < dev->size(); ++i) model.Encode((*dev)[i], &dev_set[i]);
  size_t train_words = 0;
  for (const EncodedSentence& s : train_set) train_words += s.size();
  log(StrCat("train: ", train_set.size(), " sentences, ", train_words,
             " words; dev: ", dev_set.size(), " sentences; vocabulary ",
             config.words, ", UPOS ", config.upos_classes, ", XPOS ",
             config.xpos_classes, ", relations ", config.deprel_classes));

  const size_t count = syntax::ParameterCount(config);
  FloatBlock params(count), average(count), best(count), m(count), v(count);
  std::vector<std::unique_ptr<FloatBlock>> grads;
  for (int t = 0; t < threads; ++t) {
    grads.push_back(std::make_unique<FloatBlock>(count));
  }
  syntax::InitializeWeights(config, options.seed, params.data());
  std::copy_n(params.data(), count, average.data());
  const Weights<MatrixMap> w = syntax::BindWeights(config, params.data());
  std::vector<Weights<MatrixMap>> g;
  for (auto& block : grads)
    g.push_back(syntax::BindWeights(config, block->data()));
  log(StrCat("parameters: ", count, " (", count * 4 / (1 << 20), " MiB)"));

  const uint32_t unknown_bucket = [&] {
    uint32_t ids[syntax::kSubwordFeatures];
    syntax::SubwordFeatures("<unk>", config.subword_buckets, ids);
    return ids[0];
  }();
  const std::vector<int32_t>& word_counts = model.word_counts();

  std::vector<Workspace> workspaces(threads);
  std::vector<Batch> batches(threads);
  std::vector<EncodedSentence> dropped;  // copies with word dropout applied
  DevScores best_scores;
  int best_epoch = 0;
  int64_t step = 0;
  std::vector<int> order(train_set.size());
  for (int epoch = 1; epoch <= hp.epochs; ++epoch) {
    std::iota(order.begin(), order.end(), 0);
    uint64_t shuffle_state = Mix(options.seed, epoch);
    for (size_t i = order.size(); i > 1; --i) {
      shuffle_state = Mix(shuffle_state, i);
      std::swap(order[i - 1], order[shuffle_state % i]);
    }
    double epoch_loss = 0;
    size_t epoch_words = 0;
    for (size_t first = 0; first < order.size(); first += hp.batch_sentences) {
      ++step;
      const size_t last = std::min(order.size(), first + hp.batch_sentences);
      // Word dropout on copies of the batch's sentences.
      dropped.assign(last - first, EncodedSentence());
      size_t words = 0;
      uint64_t r = Mix(Mix(options.seed, epoch), step);
      for (size_t i = first; i < last; ++i) {
        EncodedSentence& s = dropped[i - first];
        s = train_set[order[i]];
        words += s.size();
        for (int k = 0; k < s.size(); ++k) {
          r = Mix(r, k);
          const float u = static_cast<float>(r >> 40) / 16777216.0f;
          const float count_k = static_cast<float>(word_counts[s.words[k]]);
          if (u < hp.word_dropout / (hp.word_dropout + count_k)) {
            s.words[k] = syntax::kUnknownWord;
            s.subwords[static_cast<size_t>(k) * syntax::kSubwordFeatures] =
                unknown_bucket;
          }
        }
      }
      // Split the batch between threads: sentences by length, dealt in turn.
      std::vector<const EncodedSentence*> sorted;
      for (const EncodedSentence& s : dropped) sorted.push_back(&s);
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](const EncodedSentence* a, const EncodedSentence* b) {
                         return a->size() < b->size();
                       });
      std::vector<std::vector<const EncodedSentence*>> parts(threads);
      for (size_t i = 0; i < sorted.size(); ++i) {
        parts[i % threads].push_back(sorted[i]);
      }
      const float scale = 1.0f / static_cast<float>(std::max<size_t>(words, 1));
      std::vector<float> losses(threads, 0.0f);
      auto work = [&](int t) {
        std::fill(grads[t]->data(), grads[t]->data() + count, 0.0f);
        if (parts[t].empty()) return;
        syntax::MakeBatch(parts[t], &batches[t]);
        losses[t] =
            syntax::ForwardBackward(config, w, batches[t], hp.dropout,
                                    Mix(r, t), scale, &g[t], &workspaces[t]);
      };
      if (threads == 2) {
        std::thread helper(work, 1);
        work(0);
        helper.join();
      } else {
        work(0);
      }
      float* grad = grads[0]->data();
      for (int t = 1; t < threads; ++t) {
        const float* other = grads[t]->data();
        for (size_t i = 0; i < count; ++i) grad[i] += other[i];
      }
      for (float loss : losses) epoch_loss += loss;
      epoch_words += words;
      // Clip the global norm, then Adam.
      double norm2 = 0;
      for (size_t i = 0; i < count; ++i) norm2 += double{grad[i]} * grad[i];
      const float norm = static_cast<float>(std::sqrt(norm2));
      const float clip = norm > hp.clip_norm ? hp.clip_norm / norm : 1.0f;
      const float lr =
          hp.learning_rate *
          std::pow(hp.decay, static_cast<float>(step) /
                                 static_cast<float>(hp.decay_steps));
      const float correction1 =
          1 - std::pow(hp.beta1, static_cast<float>(step));
      const float correction2 =
          1 - std::pow(hp.beta2, static_cast<float>(step));
      const float step_size = lr * std::sqrt(correction2) / correction1;
      float* p = params.data();
      float* mp = m.data();
      float* vp = v.data();
      for (size_t i = 0; i < count; ++i) {
        const float gi = grad[i] * clip;
        mp[i] = hp.beta1 * mp[i] + (1 - hp.beta1) * gi;
        vp[i] = hp.beta2 * vp[i] + (1 - hp.beta2) * gi * gi;
        p[i] -= step_size * mp[i] / (std::sqrt(vp[i]) + hp.epsilon);
      }
      // Warm-up: early steps average over fewer past weights.
      const float decay = std::min(hp.average_decay,
                                   static_cast<float>(1 + step) / (10 + step));
      float* ap = average.data();
      for (size_t i = 0; i < count; ++i) ap[i] += (1 - decay) * (p[i] - ap[i]);
    }
    const Clock::time_point eval_start = Clock::now();
    const DevScores scores = Evaluate(config, average.data(), dev_set);
    const double eval_seconds =
        std::chrono::duration<double>(Clock::now() - eval_start).count();
    const bool improved = scores.las > best_scores.las;
    if (improved) {
      best_scores = scores;
      best_epoch = epoch;
      std::copy_n(average.data(), count, best.data());
    }
    log(fmt::format(
        "epoch {:2d}  loss {:.4f}  dev UPOS {:.2f} XPOS {:.2f} UAS {:.2f} LAS "
        "{:.2f}{}  {:.0f} s (dev parsed at {:.0f} words/s)",
        epoch, epoch_loss / std::max<size_t>(epoch_words, 1), scores.upos,
        scores.xpos, scores.uas, scores.las, improved ? " *" : "", elapsed(),
        scores.words / eval_seconds));
  }
  const std::string description = fmt::format(
      "UD tagger and parser trained on {} ({} sentences, {} words), epoch {} "
      "of {}, seed {}; dev (gold tokenisation) UPOS {:.2f} XPOS {:.2f} UAS "
      "{:.2f} LAS {:.2f}",
      options.train_path, train_set.size(), train_words, best_epoch, hp.epochs,
      options.seed, best_scores.upos, best_scores.xpos, best_scores.uas,
      best_scores.las);
  SITREP_RETURN_IF_ERROR(model.Save(options.output_path,
                                    std::span<const float>(best.data(), count),
                                    description));
  log(StrCat("wrote ", options.output_path, " (", elapsed(), " s)"));
  return absl::OkStatus();
}

}  // namespace

Status TrainParser(const ParserTrainingOptions& options) {
  return ToPublicStatus(Train(options));
}

}  // namespace sitrep
