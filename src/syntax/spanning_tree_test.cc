#include "syntax/spanning_tree.h"

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace sitrep::syntax {
namespace {

bool IsSingleRootTree(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    if (heads[d] < 0 || heads[d] > n || heads[d] == d) return false;
    roots += heads[d] == 0;
    int v = d;
    for (int steps = 0; v != 0; ++steps) {
      if (steps > n) return false;  // a cycle
      v = heads[v];
    }
  }
  return roots == 1;
}

double Score(const std::vector<float>& s, const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  double total = 0;
  for (int d = 1; d <= n; ++d) total += s[d * (n + 1) + heads[d]];
  return total;
}

// The best single-root tree by trying every head assignment.
double BruteForceBest(const std::vector<float>& s, int n) {
  std::vector<int> heads(n + 1, 0);
  double best = -std::numeric_limits<double>::infinity();
  while (true) {
    if (IsSingleRootTree(heads)) best = std::max(best, Score(s, heads));
    int d = 1;
    while (d <= n && heads[d] == n) heads[d++] = 0;
    if (d > n) break;
    ++heads[d];
  }
  return best;
}

TEST(SpanningTreeTest, MatchesBruteForceOnRandomScores) {
  std::mt19937 random(42);
  std::normal_distribution<float> normal(0.0f, 2.0f);
  for (int n = 1; n <= 6; ++n) {
    for (int trial = 0; trial < 60; ++trial) {
      std::vector<float> s((n + 1) * (n + 1));
      for (float& v : s) v = normal(random);
      // Some trials favour the root for many words, so that the
      // single-root rule has work to do.
      if (trial % 3 == 0) {
        for (int d = 1; d <= n; ++d) s[d * (n + 1)] += 5;
      }
      const std::vector<int> heads = DecodeTree(s.data(), n);
      ASSERT_TRUE(IsSingleRootTree(heads)) << "n=" << n << " trial " << trial;
      EXPECT_NEAR(Score(s, heads), BruteForceBest(s, n), 1e-4)
          << "n=" << n << " trial " << trial;
    }
  }
}

TEST(SpanningTreeTest, OneWord) {
  std::vector<float> s = {0, 0, -3, 7};
  EXPECT_EQ(DecodeTree(s.data(), 1), (std::vector<int>{-1, 0}));
}

TEST(SpanningTreeTest, NonFiniteScoresStillGiveATree) {
  const int n = 5;
  const float inf = std::numeric_limits<float>::infinity();
  std::vector<float> s((n + 1) * (n + 1), -inf);
  s[3 * (n + 1) + 4] = std::numeric_limits<float>::quiet_NaN();
  s[2 * (n + 1) + 1] = inf;
  EXPECT_TRUE(IsSingleRootTree(DecodeTree(s.data(), n)));
}

TEST(SpanningTreeTest, TiesGiveATree) {
  const int n = 7;
  std::vector<float> s((n + 1) * (n + 1), 1.0f);
  EXPECT_TRUE(IsSingleRootTree(DecodeTree(s.data(), n)));
}

TEST(SpanningTreeTest, LongSentenceWithCycles) {
  const int n = 256;
  std::mt19937 random(7);
  std::uniform_real_distribution<float> uniform(-10.0f, 0.0f);
  std::vector<float> s((n + 1) * (n + 1));
  for (float& v : s) v = uniform(random);
  // Favour pairs pointing at each other: many two-cycles to contract.
  for (int d = 1; d < n; d += 2) {
    s[d * (n + 1) + d + 1] = 0;
    s[(d + 1) * (n + 1) + d] = 0;
  }
  EXPECT_TRUE(IsSingleRootTree(DecodeTree(s.data(), n)));
}

}  // namespace
}  // namespace sitrep::syntax
