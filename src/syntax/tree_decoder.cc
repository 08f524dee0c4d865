// Chu-Liu/Edmonds in Tarjan's dense O(n^2) form, with the single-root rule
// made exact by lexicographic arc weights.
//
// Single root. Every arc weighs a triple (-[arc leaves the root], -[score is
// not finite], finite score), added componentwise and compared
// lexicographically. Chu-Liu/Edmonds is correct over any totally ordered
// abelian group, so it returns the arborescence that first has the fewest
// root arcs (one is always possible: the graph is complete), then the
// fewest non-finite arcs, then the highest score: exactly the best
// single-root tree. Unlike a numeric penalty M on root arcs, nothing is
// clamped and no precision is lost however large the scores are; unlike
// trying each root word in turn it costs one run, not n.
//
// Two phases. The root component makes every root arc lose to every other,
// so with it on from the start each sentence would be contracted whole. It
// is switched on only when needed: first cycles are contracted with root
// arcs weighed like any other; if the best arcs then form a tree with one
// root word, that tree is optimal even without the rule. Otherwise root arcs
// take their penalty (the root is never inside a contracted node, so this
// is one subtraction per row) and contraction goes on. The first phase's
// contractions stay valid for the rule: for a cycle C of best arcs, some
// optimal single-root tree has |C| - 1 arcs of C (the usual exchange keeps
// the arc into the member nearest the root, and a lone root arc always
// enters that member), which is all a contraction needs.
//
// The fast path. If every word's best head already gives one root word and
// no cycle, that assignment is optimal with no constraint at all, so it is
// returned after one pass, before the matrix below is built.
//
// The dense form. Row v of an (n + 1) x (n + 1) matrix holds, for live node
// v and every original node u, the best arc from u into v's set, reduced by
// the cycle arc it would replace, and the word it enters. Each node keeps
// its best incoming arc; while those arcs contain a cycle C, C becomes one
// node whose row is the best over members v of w[v][u] - w[v][best(v)],
// O(|C| n); columns never change, since an arc keeps its tail's original
// index and a table maps each original node to the live node holding it.
// Each contraction removes |C| - 1 >= 1 nodes and the members summed over
// all contractions are fewer than 2n, so contractions cost O(n^2) together,
// as do the cycle searches (one O(n) scan each). At the end each node takes
// its best arc; undoing the contractions last to first, the member that arc
// enters takes it and every other member keeps its cycle arc.
#include "syntax/tree_decoder.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

namespace sitrep::syntax {
namespace {

// The triple packed for speed: tier = root * 2^32 + bad orders (root, bad)
// lexicographically, and stays exact under the sums and differences the
// algorithm forms, whose components are bounded by n in magnitude.
struct Weight {
  int64_t tier;  // 2^32 * -(arcs leaving the root) - (non-finite arcs)
  double score;  // the sum of the finite scores
};

constexpr int64_t kRootTier = int64_t{1} << 32;
constexpr Weight kNoArc = {std::numeric_limits<int64_t>::min(), 0.0};

inline bool Less(const Weight& a, const Weight& b) {
  // Non-short-circuit: the branches would be mispredicted often.
  return (a.tier < b.tier) | ((a.tier == b.tier) & (a.score < b.score));
}

inline Weight Minus(const Weight& a, const Weight& b) {
  return {a.tier - b.tier, a.score - b.score};
}

inline Weight ArcWeight(float score, bool from_root) {
  const bool finite = std::isfinite(score);
  return {(from_root ? -kRootTier : 0) - (finite ? 0 : 1),
          finite ? static_cast<double>(score) : 0.0};
}

// The best head of each word, ignoring the single-root rule; true when they
// already form a single-root tree.
bool GreedyHeads(const float* scores, int n, std::vector<int>* heads) {
  // Any finite score beats -inf, the stand-in for every non-finite one.
  const auto key = [](float score) {
    return std::isfinite(score) ? score
                                : -std::numeric_limits<float>::infinity();
  };
  const size_t size = static_cast<size_t>(n) + 1;
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    const float* row = scores + d * size;
    int best = 0;
    float best_key = key(row[0]);
    for (int h = 1; h <= n; ++h) {
      const float k = key(row[h]);
      if (k > best_key && h != d) {
        best_key = k;
        best = h;
      }
    }
    (*heads)[d] = best;
    roots += best == 0;
  }
  return roots == 1 && IsSingleRootTree(*heads);
}

// Finds one cycle among the best-arc pointers `next` of the live slots
// (slot 0, the root, has none) and leaves it in *cycle; empty if none.
void FindCycle(const std::vector<int>& live, const std::vector<int>& next,
               std::vector<int>* state, std::vector<int>* cycle) {
  cycle->clear();
  for (int s : live) (*state)[s] = 0;  // 0 new, 1 on the path, 2 done
  (*state)[0] = 2;
  for (int start : live) {
    int v = start;
    while ((*state)[v] == 0) {
      (*state)[v] = 1;
      v = next[v];
    }
    if ((*state)[v] == 1) {
      cycle->push_back(v);
      for (int u = next[v]; u != v; u = next[u]) cycle->push_back(u);
      return;
    }
    for (int u = start; (*state)[u] == 1; u = next[u]) (*state)[u] = 2;
  }
}

// `greedy` holds each word's best head ignoring the single-root rule, as
// GreedyHeads leaves it.
std::vector<int> Arborescence(const float* scores, int n,
                              std::vector<int> greedy) {
  const int size = n + 1;
  const auto at = [size](int v, int u) {
    return static_cast<size_t>(v) * size + u;
  };
  // Row v (a live slot) holds, for every original node u, the reduced
  // weight of the best arc from u into v's set and the word it enters.
  std::vector<Weight> w(static_cast<size_t>(size) * size, kNoArc);
  std::vector<int32_t> enters(w.size(), -1);
  for (int d = 1; d <= n; ++d) {
    for (int h = 0; h <= n; ++h) {
      w[at(d, h)] = ArcWeight(scores[at(d, h)], false);
      enters[at(d, h)] = d;
    }
  }
  std::vector<int> owner(size);  // original node -> live slot holding it
  std::iota(owner.begin(), owner.end(), 0);
  // The best head of live slot v, as an original node outside v's set.
  const auto best_head = [&](int v) {
    const Weight* row = &w[at(v, 0)];
    int best = 0;  // the root is never inside v
    for (int u = 1; u < size; ++u) {
      if (owner[u] != v && Less(row[best], row[u])) best = u;
    }
    return best;
  };

  std::vector<int> live(owner);       // live slots; the root first
  std::vector<int> node(owner);       // slot -> node id (n + 1 on: merged)
  std::vector<int> parent(size, -1);  // node id -> node it was merged into
  std::vector<int> best = std::move(greedy);  // slot -> its best head
  std::vector<int> next(size, -1);  // slot -> the slot holding best[slot]

  // Contraction k made node n + 1 + k from the members in
  // [member_begin[k], member_begin[k + 1]), each with its cycle arc.
  std::vector<int> member_node, member_arc, member_begin = {0};
  std::vector<int> state(size), cycle;
  std::vector<char> in_cycle(size, 0);
  std::vector<Weight> row_weight(size);
  std::vector<int32_t> row_enters(size);
  bool one_root = false;  // whether root arcs carry the root component yet
  while (true) {
    for (int v : live) next[v] = v == 0 ? -1 : owner[best[v]];
    FindCycle(live, next, &state, &cycle);
    if (cycle.empty()) {
      if (one_root) break;
      int roots = 0;
      for (int v : live) roots += v != 0 && best[v] == 0;
      if (roots == 1) break;
      // Several root words: from here on every root arc also costs one in
      // the root component, so that the end result has a single one.
      one_root = true;
      for (int v : live) {
        if (v == 0) continue;
        w[at(v, 0)].tier -= kRootTier;
        best[v] = best_head(v);
      }
      continue;
    }
    const int merged = static_cast<int>(parent.size());
    parent.push_back(-1);
    const int r = cycle.front();  // the slot the merged node keeps
    for (int s : cycle) in_cycle[s] = 1;
    for (int u = 0; u < size; ++u) {
      if (in_cycle[owner[u]]) owner[u] = r;
    }
    // Arcs into the cycle, by how much they beat the cycle arc they replace.
    std::fill(row_weight.begin(), row_weight.end(), kNoArc);
    for (int s : cycle) {
      const size_t cycle_arc = at(s, best[s]);
      const Weight cycle_weight = w[cycle_arc];
      member_node.push_back(node[s]);
      member_arc.push_back(enters[cycle_arc] * size + best[s]);
      parent[node[s]] = merged;
      const Weight* row = &w[at(s, 0)];
      const int32_t* row_enter = &enters[at(s, 0)];
      for (int u = 0; u < size; ++u) {
        if (owner[u] == r) continue;
        const Weight gain = Minus(row[u], cycle_weight);
        const bool better = Less(row_weight[u], gain);
        row_weight[u] = better ? gain : row_weight[u];
        row_enters[u] = better ? row_enter[u] : row_enters[u];
      }
    }
    member_begin.push_back(static_cast<int>(member_node.size()));
    std::copy(row_weight.begin(), row_weight.end(), &w[at(r, 0)]);
    std::copy(row_enters.begin(), row_enters.end(), &enters[at(r, 0)]);
    for (int s : cycle) in_cycle[s] = 0;
    std::erase_if(live, [&](int s) { return s != r && parent[node[s]] >= 0; });
    node[r] = merged;
    best[r] = best_head(r);
  }

  // Each node's entering arc, then the contractions undone last to first.
  std::vector<int32_t> enter(parent.size(), -1);  // d * size + h
  for (int v : live) {
    if (v != 0) enter[node[v]] = enters[at(v, best[v])] * size + best[v];
  }
  for (int k = static_cast<int>(member_begin.size()) - 2; k >= 0; --k) {
    const int merged = size + k;
    const int32_t entering = enter[merged];
    int inner = entering / size;  // the word the arc enters ...
    while (parent[inner] != merged) inner = parent[inner];  // ... its member
    for (int i = member_begin[k]; i < member_begin[k + 1]; ++i) {
      enter[member_node[i]] =
          member_node[i] == inner ? entering : member_arc[i];
    }
  }
  std::vector<int> heads(size, -1);
  for (int d = 1; d <= n; ++d) heads[d] = enter[d] % size;
  return heads;
}

}  // namespace

std::vector<int> DecodeTree(const float* scores, int n) {
  if (n <= 0) return {-1};
  std::vector<int> heads(n + 1, -1);
  if (GreedyHeads(scores, n, &heads)) return heads;
  return Arborescence(scores, n, std::move(heads));
}

bool IsSingleRootTree(std::span<const int> heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  if (n < 1) return false;
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    if (heads[d] < 0 || heads[d] > n || heads[d] == d) return false;
    roots += heads[d] == 0;
  }
  if (roots != 1) return false;
  // Every word reaches the root: walk up, marking words proven to.
  std::vector<char> state(n + 1, 0);  // 0 new, 1 on the path, 2 reaches 0
  state[0] = 2;
  for (int d = 1; d <= n; ++d) {
    int v = d;
    while (state[v] == 0) {
      state[v] = 1;
      v = heads[v];
    }
    if (state[v] == 1) return false;  // came back to the current path
    for (int u = d; state[u] == 1; u = heads[u]) state[u] = 2;
  }
  return true;
}

}  // namespace sitrep::syntax
