// One direction of one LSTM layer over a batch of sentences processed in
// lockstep, with its exact gradient (backpropagation through time).
//
// Layout: a batch of B sentences padded to T steps is a matrix with one
// column per (step, sentence), column t * B + b, so that every step is a
// contiguous block of B columns and the recurrence is a matrix product
// (4H x H by H x B) rather than B matrix-vector products. Columns past a
// sentence's end are masked: their cell and output are zero, so a
// right-to-left pass starts every sentence from a zero state at its own
// last word, and no gradient flows through padding.
//
// Gates are stacked in the order input, forget, candidate, output; the
// cache keeps them after their nonlinearity.
#ifndef SITREP_SYNTAX_LSTM_H_
#define SITREP_SYNTAX_LSTM_H_

#include <vector>

#include <Eigen/Core>

namespace sitrep::syntax {

using Matrix = Eigen::MatrixXf;
using MatrixMap = Eigen::Map<Eigen::MatrixXf, Eigen::Aligned16>;
using ConstMatrixMap = Eigen::Map<const Eigen::MatrixXf, Eigen::Aligned16>;

// Storage for a matrix whose shape changes from batch to batch. Reshaping
// only ever grows the buffer, so a thread's steady state allocates (and
// page-faults) nothing.
class ScratchMatrix {
 public:
  MatrixMap Resize(Eigen::Index rows, Eigen::Index cols) {
    if (static_cast<size_t>(rows * cols) > storage_.size()) {
      storage_.resize(static_cast<size_t>(rows * cols));
    }
    rows_ = rows;
    cols_ = cols;
    return map();
  }
  MatrixMap map() { return MatrixMap(storage_.data(), rows_, cols_); }
  ConstMatrixMap map() const {
    return ConstMatrixMap(storage_.data(), rows_, cols_);
  }

 private:
  // Aligned like Eigen's own matrices (64 bytes with AVX-512): Eigen's
  // vectorised reductions start where the data is aligned, so a base
  // address that varied with the heap's history would change the order
  // of summation, and training would not reproduce bit for bit.
  std::vector<float, Eigen::aligned_allocator<float>> storage_;
  Eigen::Index rows_ = 0;
  Eigen::Index cols_ = 0;
};

template <typename Map>
struct LstmWeights {
  Map input;      // 4H x in
  Map recurrent;  // 4H x H
  Map bias;       // 4H x 1
};

struct LstmCache {
  ScratchMatrix gates;      // 4H x TB, after the nonlinearities
  ScratchMatrix cells;      // H x TB
  ScratchMatrix cell_tanh;  // H x TB
  ScratchMatrix hidden;     // H x TB: the layer's output for this direction
};

// `mask` holds T * B values, 1 for a real word and 0 for padding.
template <typename Map>
void LstmForward(const LstmWeights<Map>& w, const ConstMatrixMap& x, int steps,
                 int batch, bool reverse, const float* mask, LstmCache* cache);

// Adds the weight gradients to `*grad` and the input gradient to `*dx`
// (which must be sized like the forward input). `dh` is the gradient of
// the loss with respect to cache.hidden.
void LstmBackward(const LstmWeights<MatrixMap>& w, const ConstMatrixMap& x,
                  int steps, int batch, bool reverse, const float* mask,
                  const LstmCache& cache, const Matrix& dh,
                  LstmWeights<MatrixMap>* grad, Matrix* dx);

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_LSTM_H_
