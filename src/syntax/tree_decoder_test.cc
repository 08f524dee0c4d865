#include "syntax/tree_decoder.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace sitrep::syntax {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

// Where the score of word d taking head h lies in an n-word matrix.
size_t Index(int n, int d, int h) {
  return static_cast<size_t>(d) * (n + 1) + h;
}

// An (n + 1) x (n + 1) score matrix filled with `value`.
std::vector<float> Scores(int n, float value) {
  const size_t side = static_cast<size_t>(n) + 1;
  return std::vector<float>(side * side, value);
}

// A tree's value as the decoder ranks it: fewer non-finite arcs first, then
// the higher sum of finite scores.
struct Value {
  int bad = 0;
  double score = 0;
};

Value ValueOf(const std::vector<float>& s, int n, const std::vector<int>& h) {
  Value v;
  for (int d = 1; d <= n; ++d) {
    const float x = s[Index(n, d, h[d])];
    if (std::isfinite(x)) {
      v.score += x;
    } else {
      ++v.bad;
    }
  }
  return v;
}

bool Better(const Value& a, const Value& b) {
  return a.bad != b.bad ? a.bad < b.bad : a.score > b.score;
}

// The best single-root tree, by enumerating every one: words take heads in
// order 1..n, and a head that would close a cycle or add a second root word
// is never tried.
class BruteForce {
 public:
  BruteForce(const std::vector<float>& s, int n)
      : s_(s), n_(n), heads_(n + 1, -1) {}

  Value Best() {
    Search(1, 0, Value());
    return best_;
  }
  int64_t trees() const { return trees_; }

 private:
  void Search(int d, int roots, Value value) {
    if (d > n_) {
      // Without cycles some word reaches the root, so roots == 1 here.
      if (++trees_ == 1 || Better(value, best_)) best_ = value;
      return;
    }
    for (int h = 0; h <= n_; ++h) {
      if (h == d || (h == 0 && roots == 1) || ClosesCycle(d, h)) continue;
      heads_[d] = h;
      Value next = value;
      const float x = s_[Index(n_, d, h)];
      if (std::isfinite(x)) {
        next.score += x;
      } else {
        ++next.bad;
      }
      Search(d + 1, roots + (h == 0), next);
      heads_[d] = -1;
    }
  }
  // Whether d -> h closes a cycle among the heads assigned so far.
  bool ClosesCycle(int d, int h) const {
    for (int v = h; v > 0; v = heads_[v]) {
      if (v == d) return true;
      if (heads_[v] < 0) return false;  // not assigned yet
    }
    return false;
  }

  const std::vector<float>& s_;
  int n_;
  std::vector<int> heads_;
  Value best_;
  int64_t trees_ = 0;
};

enum class Kind { kNormal, kRootHeavy, kTies, kSomeInfinite };

std::vector<float> RandomScores(int n, Kind kind, std::mt19937* random) {
  std::normal_distribution<float> normal(0.0f, 2.0f);
  std::uniform_int_distribution<int> small(0, 2);
  std::uniform_int_distribution<int> percent(0, 99);
  std::vector<float> s = Scores(n, 0.0f);
  for (float& x : s) {
    switch (kind) {
      case Kind::kTies:
        x = static_cast<float>(small(*random));
        break;
      case Kind::kSomeInfinite:
        x = percent(*random) < 40 ? -kInf : normal(*random);
        break;
      default:
        x = normal(*random);
    }
  }
  if (kind == Kind::kRootHeavy) {
    // Most words prefer the root, so the single-root rule has work to do.
    for (int d = 1; d <= n; ++d) s[Index(n, d, 0)] += 6;
  }
  return s;
}

TEST(TreeDecoderTest, MatchesBruteForceOnRandomScores) {
  std::mt19937 random(20231119);
  for (int n = 1; n <= 8; ++n) {
    const int trials = n <= 6 ? 200 : n == 7 ? 40 : 8;
    for (int trial = 0; trial < trials; ++trial) {
      const Kind kind = static_cast<Kind>(trial % 4);
      const std::vector<float> s = RandomScores(n, kind, &random);
      const std::vector<int> heads = DecodeTree(s.data(), n);
      ASSERT_TRUE(IsSingleRootTree(heads)) << "n=" << n << " trial=" << trial;
      ASSERT_EQ(heads[0], -1);
      const Value got = ValueOf(s, n, heads);
      BruteForce brute(s, n);
      const Value want = brute.Best();
      EXPECT_EQ(got.bad, want.bad) << "n=" << n << " trial=" << trial;
      EXPECT_NEAR(got.score, want.score, 1e-4)
          << "n=" << n << " trial=" << trial;
    }
  }
}

TEST(TreeDecoderTest, BruteForceCountsEverySingleRootTree) {
  // n^(n-1) trees on n words with one root word (Cayley, rooted).
  const std::vector<float> s = Scores(5, 0.0f);
  BruteForce brute(s, 5);
  brute.Best();
  EXPECT_EQ(brute.trees(), 625);
}

TEST(TreeDecoderTest, OneWord) {
  const std::vector<float> s = {0, 0, -3, 7};
  EXPECT_EQ(DecodeTree(s.data(), 1), (std::vector<int>{-1, 0}));
  const std::vector<float> inf = {0, 0, -kInf, kInf};
  EXPECT_EQ(DecodeTree(inf.data(), 1), (std::vector<int>{-1, 0}));
}

TEST(TreeDecoderTest, NoWords) {
  EXPECT_EQ(DecodeTree(nullptr, 0), (std::vector<int>{-1}));
}

TEST(TreeDecoderTest, GreedyTreeIsReturnedAsIs) {
  // Each word's best head already gives a tree: 2 is the root word.
  const int n = 4;
  std::vector<float> s = Scores(n, -1.0f);
  const std::vector<int> want = {-1, 2, 0, 2, 3};
  for (int d = 1; d <= n; ++d) s[Index(n, d, want[d])] = 5.0f;
  EXPECT_EQ(DecodeTree(s.data(), n), want);
}

TEST(TreeDecoderTest, TwoRootWordsBecomeOne) {
  // Words 1 and 3 both prefer the root; attaching 3 under 2 costs least.
  const int n = 3;
  std::vector<float> s = Scores(n, -10.0f);
  auto at = [&](int d, int h) -> float& { return s[Index(n, d, h)]; };
  at(1, 0) = 5;
  at(2, 1) = 4;
  at(3, 0) = 5;
  at(3, 2) = 4;
  at(3, 1) = 1;
  EXPECT_EQ(DecodeTree(s.data(), n), (std::vector<int>{-1, 0, 1, 2}));
}

TEST(TreeDecoderTest, CycleIsBroken) {
  // 1 <-> 2 prefer each other; 3 hangs off 1; the root is expensive.
  const int n = 3;
  std::vector<float> s = Scores(n, -10.0f);
  auto at = [&](int d, int h) -> float& { return s[Index(n, d, h)]; };
  at(1, 2) = 9;
  at(2, 1) = 9;
  at(3, 1) = 9;
  at(1, 0) = 1;
  at(2, 0) = 0;
  EXPECT_EQ(DecodeTree(s.data(), n), (std::vector<int>{-1, 0, 1, 1}));
}

TEST(TreeDecoderTest, AllTiesGiveATree) {
  for (int n : {1, 2, 5, 40}) {
    const std::vector<float> s = Scores(n, 0.5f);
    EXPECT_TRUE(IsSingleRootTree(DecodeTree(s.data(), n))) << n;
  }
}

TEST(TreeDecoderTest, NonFiniteScoresAreAvoidedButUsable) {
  const int n = 5;
  const std::vector<float> all_inf = Scores(n, -kInf);
  EXPECT_TRUE(IsSingleRootTree(DecodeTree(all_inf.data(), n)));

  // Only the chain 0 -> 1 -> 2 -> ... -> 5 is finite: it must be chosen,
  // even though +inf and NaN sit elsewhere.
  std::vector<float> s = Scores(n, -kInf);
  for (int d = 1; d <= n; ++d) s[Index(n, d, d - 1)] = -100.0f;
  s[Index(n, 3, 5)] = kInf;
  s[Index(n, 4, 1)] = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ(DecodeTree(s.data(), n), (std::vector<int>{-1, 0, 1, 2, 3, 4}));
}

TEST(TreeDecoderTest, HugeScoresKeepOneRootWord) {
  // A penalty-based single-root fix would need a penalty beyond these.
  const int n = 6;
  std::vector<float> s = Scores(n, -3e38f);
  for (int d = 1; d <= n; ++d) s[Index(n, d, 0)] = 3e38f - d;
  const std::vector<int> heads = DecodeTree(s.data(), n);
  ASSERT_TRUE(IsSingleRootTree(heads));
  EXPECT_EQ(heads[1], 0);  // the word with the highest root score
}

TEST(TreeDecoderTest, LargeRandomInputsGiveTrees) {
  std::mt19937 random(7);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  for (int n : {100, 500}) {
    for (Kind kind :
         {Kind::kNormal, Kind::kRootHeavy, Kind::kTies, Kind::kSomeInfinite}) {
      const std::vector<float> s = RandomScores(n, kind, &random);
      EXPECT_TRUE(IsSingleRootTree(DecodeTree(s.data(), n)))
          << n << " " << static_cast<int>(kind);
    }
  }
}

TEST(TreeDecoderTest, IsSingleRootTree) {
  EXPECT_TRUE(IsSingleRootTree(std::vector<int>{-1, 0}));
  EXPECT_TRUE(IsSingleRootTree(std::vector<int>{-1, 2, 0, 2}));
  EXPECT_FALSE(IsSingleRootTree(std::vector<int>{-1}));           // empty
  EXPECT_FALSE(IsSingleRootTree(std::vector<int>{-1, 0, 0}));     // 2 roots
  EXPECT_FALSE(IsSingleRootTree(std::vector<int>{-1, 0, 3, 2}));  // cycle
  EXPECT_FALSE(IsSingleRootTree(std::vector<int>{-1, 0, 2}));     // self
  EXPECT_FALSE(IsSingleRootTree(std::vector<int>{-1, 0, 7}));     // range
  EXPECT_FALSE(IsSingleRootTree(std::vector<int>{-1, 2, 1}));     // no root
}

}  // namespace
}  // namespace sitrep::syntax
