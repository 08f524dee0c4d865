// Chu-Liu/Edmonds with the single-root constraint made exact by a penalty:
// every root attachment costs M, with M larger than the difference in score
// between any two trees, so the best tree under the penalised scores has as
// few root attachments as possible (one is always possible) and, among
// those, the highest original score. The arithmetic is in double so that M
// does not swamp the scores' precision; scores are clamped to
// [-kFloor, kCeiling] first, which bounds M.
//
// The common case, where every word's best head already forms a
// single-rooted tree, returns after one pass. Otherwise the classic
// recursive contraction runs: pick each word's best head; if that has a
// cycle, contract the cycle into one node (entering edges rescored by how
// much they beat the cycle edge they replace), solve the smaller graph,
// and expand. O(n^3) in the worst case; the parser keeps n <= 256.
#include "syntax/spanning_tree.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sitrep::syntax {
namespace {

constexpr double kFloor = 1e4;    // a score below -kFloor counts as -kFloor
constexpr double kCeiling = 1e4;  // and one above kCeiling as kCeiling

using Graph = std::vector<std::vector<double>>;  // g[d][h]

// Finds a cycle in the head pointers (node 0 is the root); returns its
// nodes, or an empty vector.
std::vector<int> FindCycle(const std::vector<int>& head) {
  const int n = static_cast<int>(head.size());
  std::vector<int> color(n, 0);  // 0 new, 1 on current path, 2 done
  color[0] = 2;
  for (int start = 1; start < n; ++start) {
    int v = start;
    while (color[v] == 0) {
      color[v] = 1;
      v = head[v];
    }
    if (color[v] == 1) {
      std::vector<int> cycle{v};
      for (int u = head[v]; u != v; u = head[u]) cycle.push_back(u);
      return cycle;
    }
    for (int u = start; color[u] == 1; u = head[u]) color[u] = 2;
  }
  return {};
}

// Maximum spanning arborescence rooted at 0 of the complete graph g.
std::vector<int> Arborescence(const Graph& g) {
  const int n = static_cast<int>(g.size());
  std::vector<int> head(n, -1);
  for (int d = 1; d < n; ++d) {
    int best = 0;
    double best_score = -std::numeric_limits<double>::infinity();
    for (int h = 0; h < n; ++h) {
      if (h != d && g[d][h] > best_score) {
        best_score = g[d][h];
        best = h;
      }
    }
    head[d] = best;
  }
  const std::vector<int> cycle = FindCycle(head);
  if (cycle.empty()) return head;

  // Contract: nodes outside the cycle keep an index in the new graph, the
  // cycle becomes the last node c.
  std::vector<char> in_cycle(n, 0);
  for (int v : cycle) in_cycle[v] = 1;
  std::vector<int> index(n, -1);
  std::vector<int> original;  // new index -> old node
  for (int v = 0; v < n; ++v) {
    if (!in_cycle[v]) {
      index[v] = static_cast<int>(original.size());
      original.push_back(v);
    }
  }
  const int m = static_cast<int>(original.size()) + 1;
  const int c = m - 1;
  Graph sub(m,
            std::vector<double>(m, -std::numeric_limits<double>::infinity()));
  std::vector<int> enters(m,
                          -1);  // for an edge u -> c: the cycle node it enters
  std::vector<int> leaves(m,
                          -1);  // for an edge c -> w: the cycle node it leaves
  for (int a = 0; a < c; ++a) {
    const int u = original[a];
    for (int b = 1; b < c; ++b) sub[b][a] = g[original[b]][u];
    // u -> cycle: the best cycle node to enter, by gain over its cycle edge.
    double best = -std::numeric_limits<double>::infinity();
    for (int v : cycle) {
      const double gain = g[v][u] - g[v][head[v]];
      if (gain > best) {
        best = gain;
        enters[a] = v;
      }
    }
    sub[c][a] = best;
  }
  for (int b = 1; b < c; ++b) {
    const int w = original[b];
    double best = -std::numeric_limits<double>::infinity();
    for (int v : cycle) {
      if (g[w][v] > best) {
        best = g[w][v];
        leaves[b] = v;
      }
    }
    sub[b][c] = best;
  }
  const std::vector<int> sub_head = Arborescence(sub);

  std::vector<int> result(head);  // cycle nodes keep their cycle heads ...
  for (int b = 1; b < c; ++b) {
    const int h = sub_head[b];
    result[original[b]] = h == c ? leaves[b] : original[h];
  }
  const int entry = sub_head[c];  // ... except the one the tree enters by
  result[enters[entry]] = original[entry];
  return result;
}

}  // namespace

std::vector<int> DecodeTree(const float* scores, int n) {
  const int size = n + 1;
  auto clamp = [](float s) {
    if (std::isnan(s)) return -kFloor;
    return std::clamp(static_cast<double>(s), -kFloor, kCeiling);
  };
  // Fast path: the best heads already form a tree with one root.
  std::vector<int> head(size, -1);
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    const float* row = scores + static_cast<size_t>(d) * size;
    int best = 0;
    double best_score = clamp(row[0]);
    for (int h = 1; h <= n; ++h) {
      if (h != d && clamp(row[h]) > best_score) {
        best_score = clamp(row[h]);
        best = h;
      }
    }
    head[d] = best;
    roots += best == 0;
  }
  if (roots == 1 && FindCycle(head).empty()) return head;

  // Every tree's score lies within n * (kCeiling + kFloor) of any other's.
  const double penalty = (n + 1) * (kCeiling + kFloor) * 2;
  Graph g(size, std::vector<double>(size, 0.0));
  for (int d = 1; d <= n; ++d) {
    const float* row = scores + static_cast<size_t>(d) * size;
    for (int h = 0; h <= n; ++h) g[d][h] = clamp(row[h]);
    g[d][0] -= penalty;
    g[d][d] = -std::numeric_limits<double>::infinity();
  }
  std::vector<int> result = Arborescence(g);
  result[0] = -1;
  return result;
}

}  // namespace sitrep::syntax
