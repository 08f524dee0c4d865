// Decoding a dependency tree from a graph-based parser's head scores: the
// maximum spanning arborescence rooted at the artificial root 0 in which
// exactly one word is attached to the root (UD's single-root rule).
#ifndef SITREP_SYNTAX_TREE_DECODER_H_
#define SITREP_SYNTAX_TREE_DECODER_H_

#include <span>
#include <vector>

namespace sitrep::syntax {

// `scores` holds (n + 1) x (n + 1) floats, row-major: scores[d * (n + 1) +
// h] is the score of word d (1..n) taking head h (0 = root, 1..n). Row 0
// and the diagonal are ignored. A non-finite score (-inf, +inf, NaN) counts
// as lower than any finite one but stays usable, so a tree always exists:
// the result uses as few non-finite arcs as possible, then has the highest
// total of finite scores.
//
// Returns heads of size n + 1: heads[d] for d in 1..n, heads[0] = -1. The
// heads form a tree (no cycles) with exactly one d having heads[d] == 0, and
// no other such tree scores higher. n <= 0 gives {-1}.
//
// Time O(n^2) (one pass when the best heads already form such a tree);
// memory about 20 (n + 1)^2 bytes when they do not. Thread-safe: no state
// is shared between calls.
std::vector<int> DecodeTree(const float* scores, int n);

// True when heads (size n + 1, heads[0] ignored) is a tree over 0..n with
// exactly one word attached to 0.
bool IsSingleRootTree(std::span<const int> heads);

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_TREE_DECODER_H_
