// Maps byte offsets of a normalised text back to the text it came from.
#ifndef SITREP_TEXT_OFFSET_MAP_H_
#define SITREP_TEXT_OFFSET_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sitrep::text {

// A list of edits, each saying that bytes [to_begin, to_end) of the
// rewritten text replaced bytes [from_begin, from_end) of the source text;
// between edits the two texts agree byte for byte. An empty map is the
// identity. Offsets strictly inside an edit map to its start (for a begin
// offset) or its end (for an end offset), so spans never split a replaced
// character.
class OffsetMap {
 public:
  struct Edit {
    uint32_t to_begin, to_end;
    uint32_t from_begin, from_end;
  };

  // Edits must be added in increasing, non-overlapping order.
  void Add(uint32_t to_begin, uint32_t to_end, uint32_t from_begin,
           uint32_t from_end) {
    edits_.push_back({to_begin, to_end, from_begin, from_end});
  }
  bool identity() const { return edits_.empty(); }
  const std::vector<Edit>& edits() const { return edits_; }

  uint32_t MapBegin(uint32_t offset) const;
  uint32_t MapEnd(uint32_t offset) const;

  // The same for a nondecreasing sequence of offsets, in linear total time:
  // *cursor (start at 0, one per sequence) remembers where the previous
  // lookup ended. An offset smaller than the previous one is still mapped
  // right, by a binary search.
  uint32_t MapBegin(uint32_t offset, size_t* cursor) const;
  uint32_t MapEnd(uint32_t offset, size_t* cursor) const;

 private:
  std::vector<Edit> edits_;
};

}  // namespace sitrep::text

#endif  // SITREP_TEXT_OFFSET_MAP_H_
