// Decoding a dependency tree from head scores: the maximum spanning
// arborescence rooted at the artificial root, with exactly one word
// attached to the root (UD's single-root rule).
#ifndef SITREP_SYNTAX_SPANNING_TREE_H_
#define SITREP_SYNTAX_SPANNING_TREE_H_

#include <vector>

namespace sitrep::syntax {

// `scores` holds (n + 1) x (n + 1) floats, row-major: scores[d * (n + 1) +
// h] is the score of word d (1..n) taking head h (0 = root, 1..n). Row 0
// and the diagonal are ignored; non-finite scores are treated as very
// unlikely, not impossible, so a tree always exists. Returns heads of size
// n + 1 (heads[0] = -1): the highest-scoring tree in which exactly one
// word has head 0. n >= 1.
std::vector<int> DecodeTree(const float* scores, int n);

}  // namespace sitrep::syntax

#endif  // SITREP_SYNTAX_SPANNING_TREE_H_
