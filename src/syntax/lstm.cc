#include "syntax/lstm.h"

namespace sitrep::syntax {
namespace {

// The step at position `s` of the pass: left to right, or right to left.
int StepAt(int s, int steps, bool reverse) {
  return reverse ? steps - 1 - s : s;
}

}  // namespace

template <typename Map>
void LstmForward(const LstmWeights<Map>& w, const ConstMatrixMap& x, int steps,
                 int batch, bool reverse, const float* mask, LstmCache* cache) {
  const int h = static_cast<int>(w.recurrent.cols());
  const int columns = steps * batch;
  MatrixMap gates = cache->gates.Resize(4 * h, columns);
  gates.noalias() = w.input * x;
  gates.colwise() += w.bias.col(0);
  MatrixMap cells = cache->cells.Resize(h, columns);
  MatrixMap cell_tanh = cache->cell_tanh.Resize(h, columns);
  MatrixMap hidden = cache->hidden.Resize(h, columns);
  for (int s = 0; s < steps; ++s) {
    const int t = StepAt(s, steps, reverse);
    const int col = t * batch;
    const bool first = s == 0;
    const int prev = first ? 0 : StepAt(s - 1, steps, reverse) * batch;
    auto g = gates.middleCols(col, batch);
    if (!first) {
      g.noalias() += w.recurrent * hidden.middleCols(prev, batch);
    }
    g.topRows(2 * h) = g.topRows(2 * h).array().logistic();
    g.middleRows(2 * h, h) = g.middleRows(2 * h, h).array().tanh();
    g.bottomRows(h) = g.bottomRows(h).array().logistic();
    auto c = cells.middleCols(col, batch);
    if (first) {
      c = g.topRows(h).cwiseProduct(g.middleRows(2 * h, h));
    } else {
      c = g.middleRows(h, h).cwiseProduct(cells.middleCols(prev, batch)) +
          g.topRows(h).cwiseProduct(g.middleRows(2 * h, h));
    }
    Eigen::Map<const Eigen::RowVectorXf> m(mask + col, batch);
    c.array().rowwise() *= m.array();
    auto tc = cell_tanh.middleCols(col, batch);
    tc = c.array().tanh();
    hidden.middleCols(col, batch) = g.bottomRows(h).cwiseProduct(tc);
  }
}

void LstmBackward(const LstmWeights<MatrixMap>& w, const ConstMatrixMap& x,
                  int steps, int batch, bool reverse, const float* mask,
                  const LstmCache& cache, const Matrix& dh,
                  LstmWeights<MatrixMap>* grad, Matrix* dx) {
  const int h = static_cast<int>(w.recurrent.cols());
  const ConstMatrixMap gates = cache.gates.map();
  const ConstMatrixMap cells = cache.cells.map();
  const ConstMatrixMap cell_tanh = cache.cell_tanh.map();
  const ConstMatrixMap hidden = cache.hidden.map();
  const int columns = steps * batch;
  Matrix dgates(4 * h, columns);
  Matrix dh_next = Matrix::Zero(h, batch);
  Matrix dc_next = Matrix::Zero(h, batch);
  Eigen::ArrayXXf dh_t(h, batch);
  Eigen::ArrayXXf dc(h, batch);
  for (int s = steps - 1; s >= 0; --s) {
    const int t = StepAt(s, steps, reverse);
    const int col = t * batch;
    Eigen::Map<const Eigen::RowVectorXf> m(mask + col, batch);
    const auto g = gates.middleCols(col, batch).array();
    const auto i_gate = g.topRows(h);
    const auto f_gate = g.middleRows(h, h);
    const auto cand = g.middleRows(2 * h, h);
    const auto o_gate = g.bottomRows(h);
    const auto tc = cell_tanh.middleCols(col, batch).array();
    dh_t = dh.middleCols(col, batch).array() + dh_next.array();
    dh_t.rowwise() *= m.array();
    dc = dc_next.array() + dh_t * o_gate * (1 - tc.square());
    dc.rowwise() *= m.array();
    auto da = dgates.middleCols(col, batch).array();
    da.bottomRows(h) = dh_t * tc * o_gate * (1 - o_gate);
    da.topRows(h) = dc * cand * i_gate * (1 - i_gate);
    da.middleRows(2 * h, h) = dc * i_gate * (1 - cand.square());
    if (s > 0) {
      const int prev = StepAt(s - 1, steps, reverse) * batch;
      const auto c_prev = cells.middleCols(prev, batch).array();
      da.middleRows(h, h) = dc * c_prev * f_gate * (1 - f_gate);
      dc_next = (dc * f_gate).matrix();
      dh_next.noalias() =
          w.recurrent.transpose() * dgates.middleCols(col, batch);
    } else {
      da.middleRows(h, h).setZero();
    }
  }
  // Recurrent weights: the gates of each step against the previous output.
  if (steps > 1) {
    const int n = (steps - 1) * batch;
    if (reverse) {
      grad->recurrent.noalias() +=
          dgates.leftCols(n) * hidden.rightCols(n).transpose();
    } else {
      grad->recurrent.noalias() +=
          dgates.rightCols(n) * hidden.leftCols(n).transpose();
    }
  }
  grad->input.noalias() += dgates * x.transpose();
  grad->bias += dgates.rowwise().sum();
  dx->noalias() += w.input.transpose() * dgates;
}

template void LstmForward<MatrixMap>(const LstmWeights<MatrixMap>&,
                                     const ConstMatrixMap&, int, int, bool,
                                     const float*, LstmCache*);
template void LstmForward<ConstMatrixMap>(const LstmWeights<ConstMatrixMap>&,
                                          const ConstMatrixMap&, int, int, bool,
                                          const float*, LstmCache*);

}  // namespace sitrep::syntax
