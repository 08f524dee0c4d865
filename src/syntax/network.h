// The tagger and parser network: a bidirectional LSTM over word and
// sub-word embeddings, shared by four predictors.
//
//   word i  ->  [word embedding ; sum of hashed sub-word embeddings]
//           ->  BiLSTM x layers  ->  r_i (2H)
//   UPOS, XPOS:  softmax(W r_i + b)
//   head:        graph-based, deep biaffine attention (Dozat & Manning 2017):
//                s(i, j) = a_dep(i)' U a_head(j) + u' a_head(j), with
//                a_dep = LeakyReLU(W r + b), a_head likewise, and a learned
//                a_head for the root; the head of i is chosen among all
//                words and the root by a softmax over j, and the
//                sentence's tree is the maximum spanning tree of the
//                log-probabilities (spanning_tree.h).
//   relation:    softmax(V LeakyReLU(P_dep r_i + P_head r_h + b) + c) for
//                the word's head h (the gold head in training, the
//                decoded one at run time).
//
// Why this design: a BiLSTM encoder with a biaffine head scorer is the most
// accurate parser family that needs no pretrained embeddings or external
// text, and it trains on two CPU cores in minutes at this size. Everything
// is dense matrix algebra over a batch of sentences (lstm.h explains the
// layout), so Eigen's vectorised products do nearly all of the work; the
// sub-word bag (prefixes, suffixes, shape) stands in for a character model
// at a fraction of its cost and gives unseen words useful vectors.
//
// All parameters live in one flat float array (ParameterCount floats) that
// Weights views by name: Adam, gradient sums and the model file all treat
// it as one block, and a loaded model is used in place, read-only.
#ifndef SITREP_SYNTAX_NETWORK_H_
#define SITREP_SYNTAX_NETWORK_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "syntax/byte_io.h"
#include "syntax/features.h"
#include "syntax/lstm.h"

namespace sitrep::syntax {

struct NetworkConfig {
  int32_t words = 0;  // word vocabulary size, id 0 = unknown
  int32_t word_dim = 100;
  int32_t subword_buckets = 1 << 15;
  int32_t subword_dim = 100;
  int32_t lstm_layers = 2;
  int32_t lstm_hidden = 128;  // per direction
  int32_t arc_dim = 128;
  int32_t label_dim = 100;
  int32_t upos_classes = 0;
  int32_t xpos_classes = 0;
  int32_t deprel_classes = 0;
  int32_t root_deprel = -1;  // class id of "root"

  int input_dim() const { return word_dim + subword_dim; }
  int encoder_dim() const { return 2 * lstm_hidden; }

  void Serialize(ByteWriter* out) const;
  static absl::StatusOr<NetworkConfig> Deserialize(ByteReader* in);
};

// Number of floats in the flat parameter array (each block 64-byte aligned).
size_t ParameterCount(const NetworkConfig& config);

// Named views into the flat parameter array. `Map` is MatrixMap for
// training and gradients, ConstMatrixMap for a loaded model. Vectors are
// n x 1 matrices.
template <typename Map>
struct Weights {
  Map word_embedding;                  // word_dim x words
  Map subword_embedding;               // subword_dim x subword_buckets
  std::vector<LstmWeights<Map>> lstm;  // index 2 * layer + direction
  Map upos_w, upos_b;                  // classes x 2H, classes x 1
  Map xpos_w, xpos_b;
  Map arc_dep_w, arc_dep_b;        // arc_dim x 2H, arc_dim x 1
  Map arc_head_w, arc_head_b;      // arc_dim x 2H, arc_dim x 1
  Map arc_root;                    // arc_dim x 1: a_head of the root
  Map arc_bilinear;                // arc_dim x arc_dim (U)
  Map arc_head_prior;              // arc_dim x 1 (u)
  Map label_dep_w;                 // label_dim x 2H
  Map label_head_w, label_head_b;  // label_dim x 2H, label_dim x 1
  Map label_root;                  // label_dim x 1: P_head r of the root
  Map label_out_w, label_out_b;    // deprels x label_dim, deprels x 1
};

// `data` must hold ParameterCount(config) floats, 64-byte aligned.
Weights<MatrixMap> BindWeights(const NetworkConfig& config, float* data);
Weights<ConstMatrixMap> BindWeights(const NetworkConfig& config,
                                    const float* data);

// Initial values: scaled uniform (Glorot) matrices, LSTM forget-gate bias
// 1, small embeddings, zero biaffine matrix. Deterministic for a seed.
void InitializeWeights(const NetworkConfig& config, uint64_t seed, float* data);

// A batch of sentences padded to `steps` words, in the column layout of
// lstm.h (column t * batch + b). Gold fields are used in training only;
// they are -1 on padding. Heads are 0 for the root, else 1-based.
struct Batch {
  int batch = 0;
  int steps = 0;
  std::vector<int> lengths;
  std::vector<int32_t> words;
  std::vector<uint32_t> subwords;  // kSubwordFeatures per column
  std::vector<float> mask;
  std::vector<int32_t> upos, xpos, head, deprel;
};

// The network's output for one sentence: class ids per word; heads 0 for
// the root, else 1-based; always a tree with one root.
struct SentencePrediction {
  std::vector<int32_t> upos, xpos, head, deprel;
};

// Scratch matrices reused across batches by one thread.
struct Workspace {
  ScratchMatrix x0;
  std::vector<LstmCache> caches;
  std::vector<ScratchMatrix> outputs;        // per layer: 2H x TB
  std::vector<ScratchMatrix> dropout_masks;  // [0] input, [l + 1] layer l
  ScratchMatrix upos_logits, xpos_logits;
  ScratchMatrix arc_dep_pre, arc_head_pre, arc_dep, arc_head;
  ScratchMatrix arc_dep_mask, arc_head_mask;
  ScratchMatrix label_dep, label_head;
  ScratchMatrix heads, u_heads, scores, label_pre, label_logits;
  std::vector<float> tree_scores;
};

// Training step: runs the batch forward with dropout (rate `dropout`,
// masks from `seed`), adds `scale` times the gradient of the summed loss
// to `*grad`, and returns the summed loss.
float ForwardBackward(const NetworkConfig& config,
                      const Weights<MatrixMap>& weights, const Batch& batch,
                      float dropout, uint64_t seed, float scale,
                      Weights<MatrixMap>* grad, Workspace* ws);

// Inference: tags, heads and relations for each sentence of the batch.
void Predict(const NetworkConfig& config,
             const Weights<ConstMatrixMap>& weights, const Batch& batch,
             Workspace* ws, std::vector<SentencePrediction>* out);

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_NETWORK_H_
