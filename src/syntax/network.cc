#include "syntax/network.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "syntax/spanning_tree.h"

namespace sitrep::syntax {
namespace {

constexpr float kLeakySlope = 0.1f;
constexpr size_t kAlignFloats = 16;  // 64 bytes

// splitmix64: a small, fast, well-mixed generator; deterministic per seed.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  float Uniform() {  // [0, 1)
    return static_cast<float>(Next() >> 40) * (1.0f / 16777216.0f);
  }

 private:
  uint64_t state_;
};

// Walks the parameter blocks in their fixed order, calling
// visit(rows, cols) for each; returns the float offset of each block.
template <typename Visit>
void ForEachBlock(const NetworkConfig& c, Visit&& visit) {
  const int h = c.lstm_hidden;
  const int e = c.encoder_dim();
  visit(c.word_dim, c.words);
  visit(c.subword_dim, c.subword_buckets);
  for (int layer = 0; layer < c.lstm_layers; ++layer) {
    const int in = layer == 0 ? c.input_dim() : e;
    for (int dir = 0; dir < 2; ++dir) {
      visit(4 * h, in);
      visit(4 * h, h);
      visit(4 * h, 1);
    }
  }
  visit(c.upos_classes, e);
  visit(c.upos_classes, 1);
  visit(c.xpos_classes, e);
  visit(c.xpos_classes, 1);
  visit(c.arc_dim, e);
  visit(c.arc_dim, 1);
  visit(c.arc_dim, e);
  visit(c.arc_dim, 1);
  visit(c.arc_dim, 1);
  visit(c.arc_dim, c.arc_dim);
  visit(c.arc_dim, 1);
  visit(c.label_dim, e);
  visit(c.label_dim, e);
  visit(c.label_dim, 1);
  visit(c.label_dim, 1);
  visit(c.deprel_classes, c.label_dim);
  visit(c.deprel_classes, 1);
}

size_t Aligned(size_t n) {
  return (n + kAlignFloats - 1) / kAlignFloats * kAlignFloats;
}

template <typename Map, typename Ptr>
Weights<Map> Bind(const NetworkConfig& config, Ptr data) {
  std::vector<Map> blocks;
  size_t offset = 0;
  ForEachBlock(config, [&](int rows, int cols) {
    blocks.emplace_back(data + offset, rows, cols);
    offset += Aligned(static_cast<size_t>(rows) * cols);
  });
  size_t i = 0;
  auto next = [&]() { return blocks[i++]; };
  Map word_embedding = next();
  Map subword_embedding = next();
  std::vector<LstmWeights<Map>> lstm;
  for (int k = 0; k < 2 * config.lstm_layers; ++k) {
    Map input = next();
    Map recurrent = next();
    Map bias = next();
    lstm.push_back(LstmWeights<Map>{input, recurrent, bias});
  }
  // Braced initialisation evaluates left to right: block order.
  return Weights<Map>{word_embedding,  subword_embedding,
                      std::move(lstm), next(),
                      next(),          next(),
                      next(),          next(),
                      next(),          next(),
                      next(),          next(),
                      next(),          next(),
                      next(),          next(),
                      next(),          next(),
                      next(),          next()};
}

// LeakyReLU, vectorised: max(x, slope * x) for 0 < slope < 1.
template <typename Derived>
auto Leaky(const Eigen::MatrixBase<Derived>& x) {
  return x.cwiseMax(kLeakySlope * x);
}

// Fills `mask` (rows x cols) with inverted-dropout multipliers: 0 with
// probability `rate`, else 1 / (1 - rate).
MatrixMap DropoutMask(int rows, int cols, float rate, Random* random,
                      ScratchMatrix* mask) {
  MatrixMap m = mask->Resize(rows, cols);
  const float keep = 1.0f / (1.0f - rate);
  float* p = m.data();
  for (Eigen::Index i = 0; i < m.size(); ++i) {
    p[i] = random->Uniform() < rate ? 0.0f : keep;
  }
  return m;
}

// Columns of sentence b in a D x (steps * batch) matrix.
template <typename M>
auto SentenceColumns(M&& m, int b, int n, int batch) {
  using Scalar = std::remove_pointer_t<decltype(m.data())>;
  using Plain = std::conditional_t<std::is_const_v<Scalar>,
                                   const Eigen::MatrixXf, Eigen::MatrixXf>;
  return Eigen::Map<Plain, 0, Eigen::OuterStride<>>(
      m.data() + static_cast<Eigen::Index>(b) * m.rows(), m.rows(), n,
      Eigen::OuterStride<>(m.rows() * batch));
}

// Runs embeddings, the BiLSTM and the per-word projections of all heads.
// With dropout > 0 it draws and applies dropout masks (training).
template <typename Map>
void Encode(const NetworkConfig& c, const Weights<Map>& w, const Batch& batch,
            float dropout, Random* random, Workspace* ws) {
  const int columns = batch.steps * batch.batch;
  const int h = c.lstm_hidden;
  const bool train = dropout > 0;
  ws->dropout_masks.resize(c.lstm_layers + 1);
  // Input vectors.
  MatrixMap x0 = ws->x0.Resize(c.input_dim(), columns);
  for (int k = 0; k < columns; ++k) {
    auto col = x0.col(k);
    if (batch.mask[k] == 0) {
      col.setZero();
      continue;
    }
    col.head(c.word_dim) = w.word_embedding.col(batch.words[k]);
    auto sub = col.tail(c.subword_dim);
    const uint32_t* ids =
        &batch.subwords[static_cast<size_t>(k) * kSubwordFeatures];
    sub = w.subword_embedding.col(ids[0]);
    for (int f = 1; f < kSubwordFeatures; ++f) {
      sub += w.subword_embedding.col(ids[f]);
    }
  }
  if (train) {
    x0.array() *= DropoutMask(c.input_dim(), columns, dropout, random,
                              &ws->dropout_masks[0])
                      .array();
  }
  ws->caches.resize(2 * c.lstm_layers);
  ws->outputs.resize(c.lstm_layers);
  for (int layer = 0; layer < c.lstm_layers; ++layer) {
    const ConstMatrixMap in = layer == 0
                                  ? std::as_const(ws->x0).map()
                                  : std::as_const(ws->outputs[layer - 1]).map();
    for (int dir = 0; dir < 2; ++dir) {
      LstmForward(w.lstm[2 * layer + dir], in, batch.steps, batch.batch,
                  dir == 1, batch.mask.data(), &ws->caches[2 * layer + dir]);
    }
    MatrixMap out = ws->outputs[layer].Resize(2 * h, columns);
    out.topRows(h) = ws->caches[2 * layer].hidden.map();
    out.bottomRows(h) = ws->caches[2 * layer + 1].hidden.map();
    if (train) {
      out.array() *= DropoutMask(2 * h, columns, dropout, random,
                                 &ws->dropout_masks[layer + 1])
                         .array();
    }
  }
  const ConstMatrixMap r = std::as_const(ws->outputs.back()).map();
  MatrixMap upos = ws->upos_logits.Resize(c.upos_classes, columns);
  upos.noalias() = w.upos_w * r;
  upos.colwise() += w.upos_b.col(0);
  MatrixMap xpos = ws->xpos_logits.Resize(c.xpos_classes, columns);
  xpos.noalias() = w.xpos_w * r;
  xpos.colwise() += w.xpos_b.col(0);
  MatrixMap dep_pre = ws->arc_dep_pre.Resize(c.arc_dim, columns);
  dep_pre.noalias() = w.arc_dep_w * r;
  dep_pre.colwise() += w.arc_dep_b.col(0);
  MatrixMap head_pre = ws->arc_head_pre.Resize(c.arc_dim, columns);
  head_pre.noalias() = w.arc_head_w * r;
  head_pre.colwise() += w.arc_head_b.col(0);
  MatrixMap dep = ws->arc_dep.Resize(c.arc_dim, columns);
  dep = Leaky(dep_pre);
  MatrixMap head = ws->arc_head.Resize(c.arc_dim, columns);
  head = Leaky(head_pre);
  if (train) {
    dep.array() *=
        DropoutMask(c.arc_dim, columns, dropout, random, &ws->arc_dep_mask)
            .array();
    head.array() *=
        DropoutMask(c.arc_dim, columns, dropout, random, &ws->arc_head_mask)
            .array();
  }
  MatrixMap label_dep = ws->label_dep.Resize(c.label_dim, columns);
  label_dep.noalias() = w.label_dep_w * r;
  MatrixMap label_head = ws->label_head.Resize(c.label_dim, columns);
  label_head.noalias() = w.label_head_w * r;
  label_head.colwise() += w.label_head_b.col(0);
}

// Arc scores of sentence b into ws->scores: n x (n+1), entry (i, j) the
// score of word i + 1 taking head j, = a_dep' U [a_root, a_head] +
// u' [a_root, a_head]. Leaves the head matrix [a_root, a_head] in
// ws->heads and U times it in ws->u_heads for the backward pass.
template <typename Map>
void ArcScores(const Weights<Map>& w, Workspace* ws, int b, int n, int batch) {
  const int d = static_cast<int>(w.arc_root.rows());
  MatrixMap heads = ws->heads.Resize(d, n + 1);
  heads.col(0) = w.arc_root.col(0);
  heads.rightCols(n) =
      SentenceColumns(std::as_const(ws->arc_head).map(), b, n, batch);
  MatrixMap u_heads = ws->u_heads.Resize(d, n + 1);
  u_heads.noalias() = w.arc_bilinear * heads;
  MatrixMap scores = ws->scores.Resize(n, n + 1);
  scores.noalias() =
      SentenceColumns(std::as_const(ws->arc_dep).map(), b, n, batch)
          .transpose() *
      u_heads;
  scores.rowwise() += w.arc_head_prior.col(0).transpose() * heads;
  for (int i = 0; i < n; ++i) {
    scores(i, i + 1) = -std::numeric_limits<float>::infinity();
  }
}

// Softmax cross-entropy over the columns of `logits` whose gold class is
// >= 0; writes the scaled gradient into `logits` in place and returns the
// summed loss.
template <typename M>
float SoftmaxLoss(const int32_t* gold, float scale, M&& logits) {
  float loss = 0;
  for (Eigen::Index k = 0; k < logits.cols(); ++k) {
    auto col = logits.col(k);
    if (gold[k] < 0) {
      col.setZero();
      continue;
    }
    const float max = col.maxCoeff();
    col.array() = (col.array() - max).exp();
    const float sum = col.sum();
    loss -= std::log(col(gold[k]) / sum);
    col *= scale / sum;
    col(gold[k]) -= scale;
  }
  return loss;
}

// Backward through LeakyReLU and its dropout mask, in place on `grad`.
template <typename Pre>
void LeakyBackward(const Pre& pre, const ScratchMatrix* mask, Matrix* grad) {
  if (mask != nullptr) grad->array() *= mask->map().array();
  grad->array() *=
      (pre.array() > 0).select(1.0f, kLeakySlope + 0 * pre.array());
}

}  // namespace

void NetworkConfig::Serialize(ByteWriter* out) const {
  for (int32_t v : {words, word_dim, subword_buckets, subword_dim, lstm_layers,
                    lstm_hidden, arc_dim, label_dim, upos_classes, xpos_classes,
                    deprel_classes, root_deprel}) {
    out->PutU32(static_cast<uint32_t>(v));
  }
}

absl::StatusOr<NetworkConfig> NetworkConfig::Deserialize(ByteReader* in) {
  NetworkConfig c;
  int32_t* fields[] = {&c.words,        &c.word_dim,       &c.subword_buckets,
                       &c.subword_dim,  &c.lstm_layers,    &c.lstm_hidden,
                       &c.arc_dim,      &c.label_dim,      &c.upos_classes,
                       &c.xpos_classes, &c.deprel_classes, &c.root_deprel};
  for (int32_t* field : fields) {
    uint32_t v = 0;
    if (!in->GetU32(&v)) {
      return absl::DataLossError("network configuration is truncated");
    }
    *field = static_cast<int32_t>(v);
  }
  // Bounds that keep every size computation far from overflow; a real
  // model is well inside them.
  auto within = [](int32_t v, int32_t lo, int32_t hi) {
    return v >= lo && v <= hi;
  };
  if (!within(c.words, 1, 1 << 22) || !within(c.word_dim, 1, 4096) ||
      !within(c.subword_buckets, 1, 1 << 24) ||
      !within(c.subword_dim, 1, 4096) || !within(c.lstm_layers, 1, 8) ||
      !within(c.lstm_hidden, 1, 4096) || !within(c.arc_dim, 1, 4096) ||
      !within(c.label_dim, 1, 4096) || !within(c.upos_classes, 1, 1 << 16) ||
      !within(c.xpos_classes, 1, 1 << 16) ||
      !within(c.deprel_classes, 1, 1 << 16) ||
      !within(c.root_deprel, -1, c.deprel_classes - 1)) {
    return absl::DataLossError("network configuration is out of range");
  }
  return c;
}

size_t ParameterCount(const NetworkConfig& config) {
  size_t total = 0;
  ForEachBlock(config, [&](int rows, int cols) {
    total += Aligned(static_cast<size_t>(rows) * cols);
  });
  return total;
}

Weights<MatrixMap> BindWeights(const NetworkConfig& config, float* data) {
  return Bind<MatrixMap>(config, data);
}

Weights<ConstMatrixMap> BindWeights(const NetworkConfig& config,
                                    const float* data) {
  return Bind<ConstMatrixMap>(config, data);
}

void InitializeWeights(const NetworkConfig& config, uint64_t seed,
                       float* data) {
  std::fill(data, data + ParameterCount(config), 0.0f);
  Random random(seed);
  Weights<MatrixMap> w = BindWeights(config, data);
  auto glorot = [&](MatrixMap& m) {
    const float limit =
        std::sqrt(6.0f / static_cast<float>(m.rows() + m.cols()));
    for (Eigen::Index i = 0; i < m.size(); ++i) {
      m.data()[i] = (2 * random.Uniform() - 1) * limit;
    }
  };
  auto small = [&](MatrixMap& m, float limit) {
    for (Eigen::Index i = 0; i < m.size(); ++i) {
      m.data()[i] = (2 * random.Uniform() - 1) * limit;
    }
  };
  small(w.word_embedding, 0.1f);
  small(w.subword_embedding, 0.1f / std::sqrt(float{kSubwordFeatures}));
  const int h = config.lstm_hidden;
  for (LstmWeights<MatrixMap>& lstm : w.lstm) {
    // Each gate's block separately, as if it were its own matrix.
    for (int gate = 0; gate < 4; ++gate) {
      const float limit_in =
          std::sqrt(6.0f / static_cast<float>(h + lstm.input.cols()));
      const float limit_rec = std::sqrt(6.0f / static_cast<float>(2 * h));
      for (Eigen::Index col = 0; col < lstm.input.cols(); ++col) {
        for (int row = gate * h; row < (gate + 1) * h; ++row) {
          lstm.input(row, col) = (2 * random.Uniform() - 1) * limit_in;
        }
      }
      for (Eigen::Index col = 0; col < lstm.recurrent.cols(); ++col) {
        for (int row = gate * h; row < (gate + 1) * h; ++row) {
          lstm.recurrent(row, col) = (2 * random.Uniform() - 1) * limit_rec;
        }
      }
    }
    lstm.bias.middleRows(h, h).setOnes();  // forget gate
  }
  glorot(w.upos_w);
  glorot(w.xpos_w);
  glorot(w.arc_dep_w);
  glorot(w.arc_head_w);
  small(w.arc_root, 0.1f);
  glorot(w.label_dep_w);
  glorot(w.label_head_w);
  small(w.label_root, 0.1f);
  glorot(w.label_out_w);
  // arc_bilinear and arc_head_prior start at zero (uniform head scores).
}

float ForwardBackward(const NetworkConfig& c, const Weights<MatrixMap>& w,
                      const Batch& batch, float dropout, uint64_t seed,
                      float scale, Weights<MatrixMap>* g, Workspace* ws) {
  Random random(seed);
  Encode(c, w, batch, dropout, &random, ws);
  const int columns = batch.steps * batch.batch;
  const int h = c.lstm_hidden;
  const bool dropped = dropout > 0;
  float loss = 0;

  // Tags.
  MatrixMap upos = ws->upos_logits.map();
  MatrixMap xpos = ws->xpos_logits.map();
  loss += SoftmaxLoss(batch.upos.data(), scale, upos);
  loss += SoftmaxLoss(batch.xpos.data(), scale, xpos);
  const ConstMatrixMap r = std::as_const(ws->outputs.back()).map();
  g->upos_w.noalias() += upos * r.transpose();
  g->upos_b += upos.rowwise().sum();
  g->xpos_w.noalias() += xpos * r.transpose();
  g->xpos_b += xpos.rowwise().sum();
  Matrix dr = w.upos_w.transpose() * upos;
  dr.noalias() += w.xpos_w.transpose() * xpos;

  // Heads, sentence by sentence.
  Matrix d_arc_dep = Matrix::Zero(c.arc_dim, columns);
  Matrix d_arc_head = Matrix::Zero(c.arc_dim, columns);
  for (int b = 0; b < batch.batch; ++b) {
    const int n = batch.lengths[b];
    if (n == 0) continue;
    ArcScores(w, ws, b, n, batch.batch);
    MatrixMap scores = ws->scores.map();
    const MatrixMap heads = ws->heads.map();
    // Row-wise softmax and its gradient, in place.
    for (int i = 0; i < n; ++i) {
      auto row = scores.row(i);
      const int gold = batch.head[i * batch.batch + b];
      const float max = row.maxCoeff();
      row.array() = (row.array() - max).exp();
      const float sum = row.sum();
      loss -= std::log(row(gold) / sum);
      row *= scale / sum;
      row(gold) -= scale;
    }
    // scores now holds dS.
    SentenceColumns(d_arc_dep, b, n, batch.batch).noalias() +=
        ws->u_heads.map() * scores.transpose();
    const Matrix d_u_heads =
        SentenceColumns(std::as_const(ws->arc_dep).map(), b, n, batch.batch) *
        scores;
    const Eigen::RowVectorXf d_sum = scores.colwise().sum();
    g->arc_bilinear.noalias() += d_u_heads * heads.transpose();
    g->arc_head_prior.noalias() += heads * d_sum.transpose();
    Matrix d_heads = w.arc_bilinear.transpose() * d_u_heads;
    d_heads.noalias() += w.arc_head_prior.col(0) * d_sum;
    g->arc_root += d_heads.col(0);
    SentenceColumns(d_arc_head, b, n, batch.batch) += d_heads.rightCols(n);
  }
  LeakyBackward(ws->arc_dep_pre.map(), dropped ? &ws->arc_dep_mask : nullptr,
                &d_arc_dep);
  LeakyBackward(ws->arc_head_pre.map(), dropped ? &ws->arc_head_mask : nullptr,
                &d_arc_head);
  g->arc_dep_w.noalias() += d_arc_dep * r.transpose();
  g->arc_dep_b += d_arc_dep.rowwise().sum();
  g->arc_head_w.noalias() += d_arc_head * r.transpose();
  g->arc_head_b += d_arc_head.rowwise().sum();
  dr.noalias() += w.arc_dep_w.transpose() * d_arc_dep;
  dr.noalias() += w.arc_head_w.transpose() * d_arc_head;

  // Relations, for the gold head of every word.
  std::vector<int> dep_cols, head_cols;  // head_cols -1: the root
  std::vector<int32_t> gold_labels;
  for (int k = 0; k < columns; ++k) {
    if (batch.mask[k] == 0) continue;
    const int head = batch.head[k];
    dep_cols.push_back(k);
    head_cols.push_back(head == 0 ? -1
                                  : (head - 1) * batch.batch + k % batch.batch);
    gold_labels.push_back(batch.deprel[k]);
  }
  const int words = static_cast<int>(dep_cols.size());
  const ConstMatrixMap label_dep = std::as_const(ws->label_dep).map();
  const ConstMatrixMap label_head = std::as_const(ws->label_head).map();
  Matrix pre(c.label_dim, words);
  for (int i = 0; i < words; ++i) {
    pre.col(i) = label_dep.col(dep_cols[i]);
    if (head_cols[i] < 0) {
      pre.col(i) += w.label_root.col(0);
    } else {
      pre.col(i) += label_head.col(head_cols[i]);
    }
  }
  Matrix z = Leaky(pre);
  ScratchMatrix z_mask;
  if (dropped) {
    z.array() *=
        DropoutMask(c.label_dim, words, dropout, &random, &z_mask).array();
  }
  Matrix label_logits = w.label_out_w * z;
  label_logits.colwise() += w.label_out_b.col(0);
  loss += SoftmaxLoss(gold_labels.data(), scale, label_logits);
  g->label_out_w.noalias() += label_logits * z.transpose();
  g->label_out_b += label_logits.rowwise().sum();
  Matrix dz = w.label_out_w.transpose() * label_logits;
  LeakyBackward(pre, dropped ? &z_mask : nullptr, &dz);
  Matrix d_label_dep = Matrix::Zero(c.label_dim, columns);
  Matrix d_label_head = Matrix::Zero(c.label_dim, columns);
  for (int i = 0; i < words; ++i) {
    d_label_dep.col(dep_cols[i]) += dz.col(i);
    if (head_cols[i] < 0) {
      g->label_root += dz.col(i);
    } else {
      d_label_head.col(head_cols[i]) += dz.col(i);
    }
  }
  g->label_dep_w.noalias() += d_label_dep * r.transpose();
  g->label_head_w.noalias() += d_label_head * r.transpose();
  g->label_head_b += d_label_head.rowwise().sum();
  dr.noalias() += w.label_dep_w.transpose() * d_label_dep;
  dr.noalias() += w.label_head_w.transpose() * d_label_head;

  // Back through the BiLSTM layers.
  for (int layer = c.lstm_layers - 1; layer >= 0; --layer) {
    if (dropped) dr.array() *= ws->dropout_masks[layer + 1].map().array();
    const ConstMatrixMap in = layer == 0
                                  ? std::as_const(ws->x0).map()
                                  : std::as_const(ws->outputs[layer - 1]).map();
    Matrix din = Matrix::Zero(in.rows(), columns);
    for (int dir = 0; dir < 2; ++dir) {
      const Matrix dh =
          dir == 0 ? Matrix(dr.topRows(h)) : Matrix(dr.bottomRows(h));
      LstmBackward(w.lstm[2 * layer + dir], in, batch.steps, batch.batch,
                   dir == 1, batch.mask.data(), ws->caches[2 * layer + dir], dh,
                   &g->lstm[2 * layer + dir], &din);
    }
    dr = std::move(din);
  }
  // Embeddings.
  if (dropped) dr.array() *= ws->dropout_masks[0].map().array();
  for (int k = 0; k < columns; ++k) {
    if (batch.mask[k] == 0) continue;
    const auto col = dr.col(k);
    g->word_embedding.col(batch.words[k]) += col.head(c.word_dim);
    const uint32_t* ids =
        &batch.subwords[static_cast<size_t>(k) * kSubwordFeatures];
    for (int f = 0; f < kSubwordFeatures; ++f) {
      g->subword_embedding.col(ids[f]) += col.tail(c.subword_dim);
    }
  }
  return loss;
}

void Predict(const NetworkConfig& c, const Weights<ConstMatrixMap>& w,
             const Batch& batch, Workspace* ws,
             std::vector<SentencePrediction>* out) {
  Encode(c, w, batch, 0.0f, nullptr, ws);
  out->resize(batch.batch);
  int words = 0;
  for (int b = 0; b < batch.batch; ++b) words += batch.lengths[b];
  MatrixMap pre = ws->label_pre.Resize(c.label_dim, words);
  const ConstMatrixMap upos = std::as_const(ws->upos_logits).map();
  const ConstMatrixMap xpos = std::as_const(ws->xpos_logits).map();
  const ConstMatrixMap label_dep = std::as_const(ws->label_dep).map();
  const ConstMatrixMap label_head = std::as_const(ws->label_head).map();
  int column = 0;
  for (int b = 0; b < batch.batch; ++b) {
    const int n = batch.lengths[b];
    SentencePrediction& p = (*out)[b];
    p.upos.resize(n);
    p.xpos.resize(n);
    p.head.resize(n);
    p.deprel.resize(n);
    if (n == 0) continue;
    for (int i = 0; i < n; ++i) {
      const int k = i * batch.batch + b;
      Eigen::Index best = 0;
      upos.col(k).maxCoeff(&best);
      p.upos[i] = static_cast<int32_t>(best);
      xpos.col(k).maxCoeff(&best);
      p.xpos[i] = static_cast<int32_t>(best);
    }
    ArcScores(w, ws, b, n, batch.batch);
    const ConstMatrixMap scores = std::as_const(ws->scores).map();
    // Log-probabilities, laid out as the decoder wants: (n+1) x (n+1),
    // row d (1..n) = dependent, column h = head.
    ws->tree_scores.resize(static_cast<size_t>(n + 1) * (n + 1));
    for (int i = 0; i < n; ++i) {
      const auto row = scores.row(i);
      const float max = row.maxCoeff();
      const float log_sum = max + std::log((row.array() - max).exp().sum());
      float* target = &ws->tree_scores[static_cast<size_t>(i + 1) * (n + 1)];
      for (int j = 0; j <= n; ++j) target[j] = row(j) - log_sum;
    }
    const std::vector<int> tree = DecodeTree(ws->tree_scores.data(), n);
    for (int i = 0; i < n; ++i) {
      const int head = tree[i + 1];
      p.head[i] = head;
      auto col = pre.col(column++);
      col = label_dep.col(i * batch.batch + b);
      if (head == 0) {
        col += w.label_root.col(0);
      } else {
        col += label_head.col((head - 1) * batch.batch + b);
      }
    }
  }
  // Relations of all words at once, for their decoded heads.
  MatrixMap logits = ws->label_logits.Resize(c.deprel_classes, words);
  logits.noalias() = w.label_out_w * Leaky(pre);
  logits.colwise() += w.label_out_b.col(0);
  column = 0;
  for (int b = 0; b < batch.batch; ++b) {
    SentencePrediction& p = (*out)[b];
    for (int i = 0; i < batch.lengths[b]; ++i) {
      auto col = logits.col(column++);
      // The root relation goes with the root attachment and only with it.
      if (c.root_deprel >= 0) {
        if (p.head[i] == 0) {
          p.deprel[i] = c.root_deprel;
          continue;
        }
        col(c.root_deprel) = -std::numeric_limits<float>::infinity();
      }
      Eigen::Index best = 0;
      col.maxCoeff(&best);
      p.deprel[i] = static_cast<int32_t>(best);
    }
  }
}

}  // namespace sitrep::syntax
