#include "text/offset_map.h"

#include "gtest/gtest.h"

namespace sitrep::text {
namespace {

TEST(OffsetMapTest, IdentityWhenEmpty) {
  OffsetMap map;
  EXPECT_TRUE(map.identity());
  EXPECT_EQ(map.MapBegin(7), 7u);
  EXPECT_EQ(map.MapEnd(7), 7u);
}

TEST(OffsetMapTest, ReplacementShorterThanSource) {
  // "a“b" (“ is 3 bytes) -> "a\"b".
  OffsetMap map;
  map.Add(1, 2, 1, 4);
  EXPECT_EQ(map.MapBegin(0), 0u);
  EXPECT_EQ(map.MapBegin(1), 1u);
  EXPECT_EQ(map.MapEnd(2), 4u);
  EXPECT_EQ(map.MapBegin(2), 4u);
  EXPECT_EQ(map.MapEnd(3), 5u);
}

TEST(OffsetMapTest, ReplacementLongerThanSource) {
  // "a—b" (— is 3 bytes) -> "a--b"; "…" (3 bytes) -> "..." keeps length.
  OffsetMap map;
  map.Add(1, 3, 1, 4);
  EXPECT_EQ(map.MapBegin(1), 1u);
  EXPECT_EQ(map.MapBegin(2), 1u);  // inside the edit: its start
  EXPECT_EQ(map.MapEnd(2), 4u);    // inside the edit: its end
  EXPECT_EQ(map.MapEnd(3), 4u);
  EXPECT_EQ(map.MapBegin(3), 4u);
}

TEST(OffsetMapTest, Deletion) {
  // "ab<ZWSP>c" -> "abc".
  OffsetMap map;
  map.Add(2, 2, 2, 5);
  EXPECT_EQ(map.MapEnd(2), 2u);    // "ab" ends before the deleted char
  EXPECT_EQ(map.MapBegin(2), 5u);  // "c" starts after it
  EXPECT_EQ(map.MapEnd(3), 6u);
}

TEST(OffsetMapTest, SeveralEdits) {
  OffsetMap map;
  map.Add(0, 1, 0, 3);    // “ -> "
  map.Add(4, 5, 6, 9);    // ” -> "
  map.Add(6, 7, 10, 12);  // NBSP -> space
  EXPECT_EQ(map.MapBegin(1), 3u);
  EXPECT_EQ(map.MapEnd(4), 6u);
  EXPECT_EQ(map.MapEnd(5), 9u);
  EXPECT_EQ(map.MapBegin(7), 12u);
  EXPECT_EQ(map.MapEnd(10), 15u);
}

TEST(OffsetMapTest, CursorsAgreeWithBinarySearch) {
  OffsetMap map;
  map.Add(0, 1, 0, 3);
  map.Add(4, 5, 6, 9);
  map.Add(6, 6, 10, 13);
  map.Add(6, 7, 13, 15);
  map.Add(9, 11, 17, 18);
  size_t begin_cursor = 0, end_cursor = 0;
  for (uint32_t x = 0; x < 14; ++x) {
    EXPECT_EQ(map.MapBegin(x, &begin_cursor), map.MapBegin(x)) << x;
    EXPECT_EQ(map.MapEnd(x, &end_cursor), map.MapEnd(x)) << x;
  }
  // Going back still works.
  EXPECT_EQ(map.MapBegin(2, &begin_cursor), map.MapBegin(2));
  EXPECT_EQ(map.MapEnd(1, &end_cursor), map.MapEnd(1));
}

}  // namespace
}  // namespace sitrep::text
