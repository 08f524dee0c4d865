#include "text/offset_map.h"

#include <algorithm>

namespace sitrep::text {

uint32_t OffsetMap::MapBegin(uint32_t x) const {
  // Last edit starting at or before x.
  auto it = std::upper_bound(
      edits_.begin(), edits_.end(), x,
      [](uint32_t v, const Edit& e) { return v < e.to_begin; });
  if (it == edits_.begin()) return x;
  const Edit& e = *std::prev(it);
  if (x < e.to_end) return e.from_begin;
  return e.from_end + (x - e.to_end);
}

uint32_t OffsetMap::MapEnd(uint32_t x) const {
  // Last edit starting strictly before x: an end offset equal to an edit's
  // start lies before that edit.
  auto it = std::lower_bound(
      edits_.begin(), edits_.end(), x,
      [](const Edit& e, uint32_t v) { return e.to_begin < v; });
  if (it == edits_.begin()) return x;
  const Edit& e = *std::prev(it);
  if (x <= e.to_end) return e.from_end;
  return e.from_end + (x - e.to_end);
}

uint32_t OffsetMap::MapBegin(uint32_t x, size_t* cursor) const {
  size_t& c = *cursor;
  if (c > edits_.size() || (c > 0 && edits_[c - 1].to_begin > x)) {
    c = static_cast<size_t>(std::upper_bound(edits_.begin(), edits_.end(), x,
                                             [](uint32_t v, const Edit& e) {
                                               return v < e.to_begin;
                                             }) -
                            edits_.begin());
  }
  while (c < edits_.size() && edits_[c].to_begin <= x) ++c;
  if (c == 0) return x;
  const Edit& e = edits_[c - 1];
  if (x < e.to_end) return e.from_begin;
  return e.from_end + (x - e.to_end);
}

uint32_t OffsetMap::MapEnd(uint32_t x, size_t* cursor) const {
  size_t& c = *cursor;
  if (c > edits_.size() || (c > 0 && edits_[c - 1].to_begin >= x)) {
    c = static_cast<size_t>(std::lower_bound(edits_.begin(), edits_.end(), x,
                                             [](const Edit& e, uint32_t v) {
                                               return e.to_begin < v;
                                             }) -
                            edits_.begin());
  }
  while (c < edits_.size() && edits_[c].to_begin < x) ++c;
  if (c == 0) return x;
  const Edit& e = edits_[c - 1];
  if (x <= e.to_end) return e.from_end;
  return e.from_end + (x - e.to_end);
}

}  // namespace sitrep::text
