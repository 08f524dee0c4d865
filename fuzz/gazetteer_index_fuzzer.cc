// Fuzzes the gazetteer index loader: any bytes are refused with a status or
// accepted as an index whose every lookup stays in bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "geo/gazetteer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto g = sitrep::geo::Gazetteer::FromBytes(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!g.ok()) return 0;
  for (uint32_t i = 0; i < (*g)->size() && i < 64; ++i) {
    const sitrep::geo::Place p = (*g)->PlaceAt(i);
    (void)(*g)->Find(p.name);
  }
  (void)(*g)->Find("Khankendi");
  return 0;
}
