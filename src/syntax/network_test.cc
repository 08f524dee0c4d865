#include "syntax/network.h"

#include <cmath>
#include <vector>

#include "gtest/gtest.h"

namespace sitrep::syntax {
namespace {

NetworkConfig TinyConfig() {
  NetworkConfig c;
  c.words = 7;
  c.word_dim = 4;
  c.subword_buckets = 11;
  c.subword_dim = 3;
  c.lstm_layers = 2;
  c.lstm_hidden = 3;
  c.arc_dim = 4;
  c.label_dim = 3;
  c.upos_classes = 3;
  c.xpos_classes = 4;
  c.deprel_classes = 5;
  c.root_deprel = 0;
  return c;
}

// Two sentences of different lengths, so that padding and masking are
// exercised in both directions of the LSTM.
Batch TinyBatch() {
  Batch batch;
  batch.batch = 2;
  batch.steps = 3;
  batch.lengths = {3, 2};
  // Column t * 2 + b.
  batch.words = {1, 2, 3, 0, 4, 0};
  batch.mask = {1, 1, 1, 1, 1, 0};
  batch.upos = {0, 1, 2, 0, 1, -1};
  batch.xpos = {3, 1, 2, 0, 1, -1};
  // Sentence 0: 1 <- 0 (root), 2 <- 1, 3 <- 2; sentence 1: 1 <- 2, 2 <- 0.
  batch.head = {0, 2, 1, 0, 2, -1};
  batch.deprel = {0, 4, 2, 0, 3, -1};
  batch.subwords.resize(6 * kSubwordFeatures);
  for (size_t i = 0; i < batch.subwords.size(); ++i) {
    batch.subwords[i] = static_cast<uint32_t>((i * 7 + 3) % 11);
  }
  return batch;
}

// The analytic gradient of ForwardBackward agrees with central differences
// on every parameter of a tiny network (no dropout).
TEST(NetworkTest, GradientMatchesFiniteDifferences) {
  const NetworkConfig config = TinyConfig();
  const size_t count = ParameterCount(config);
  alignas(64) static float params[4096];
  alignas(64) static float grads[4096];
  ASSERT_LE(count, 4096u);
  InitializeWeights(config, 7, params);
  // Non-zero biaffine weights so their gradients are tested at a generic
  // point.
  for (size_t i = 0; i < count; ++i) params[i] += 0.05f * std::sin(i * 1.3f);
  const Batch batch = TinyBatch();
  Workspace ws;
  std::fill(grads, grads + count, 0.0f);
  Weights<MatrixMap> w = BindWeights(config, params);
  Weights<MatrixMap> g = BindWeights(config, grads);
  ForwardBackward(config, w, batch, 0.0f, 1, 1.0f, &g, &ws);
  std::vector<float> analytic(grads, grads + count);
  std::fill(grads, grads + count, 0.0f);
  const double eps = 1e-3;
  int checked = 0;
  for (size_t i = 0; i < count; ++i) {
    const float saved = params[i];
    params[i] = static_cast<float>(saved + eps);
    const double plus =
        ForwardBackward(config, w, batch, 0.0f, 1, 1.0f, &g, &ws);
    params[i] = static_cast<float>(saved - eps);
    const double minus =
        ForwardBackward(config, w, batch, 0.0f, 1, 1.0f, &g, &ws);
    params[i] = saved;
    const double numeric = (plus - minus) / (2 * eps);
    EXPECT_NEAR(analytic[i], numeric, 5e-3 + 2e-2 * std::abs(numeric))
        << "parameter " << i;
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

TEST(NetworkTest, PredictGivesOneRootAndKnownClasses) {
  const NetworkConfig config = TinyConfig();
  alignas(64) static float params[4096];
  InitializeWeights(config, 3, params);
  const Batch batch = TinyBatch();
  Workspace ws;
  std::vector<SentencePrediction> out;
  Predict(config, BindWeights(config, static_cast<const float*>(params)), batch,
          &ws, &out);
  ASSERT_EQ(out.size(), 2u);
  for (int b = 0; b < 2; ++b) {
    ASSERT_EQ(static_cast<int>(out[b].head.size()), batch.lengths[b]);
    int roots = 0;
    for (size_t i = 0; i < out[b].head.size(); ++i) {
      roots += out[b].head[i] == 0;
      EXPECT_EQ(out[b].head[i] == 0, out[b].deprel[i] == config.root_deprel);
      EXPECT_GE(out[b].upos[i], 0);
      EXPECT_LT(out[b].upos[i], config.upos_classes);
    }
    EXPECT_EQ(roots, 1);
  }
}

}  // namespace
}  // namespace sitrep::syntax
