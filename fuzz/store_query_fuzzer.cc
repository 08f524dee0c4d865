// Fuzzes the store's query filters (`sitrep query --type --actor --text
// ...`, words a user or a web client sends): any bytes either select
// events or are refused as a bad argument; no filter may reach the SQL
// itself or fail inside the database.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/store.h"

namespace {

sitrep::Store* FixtureStore() {
  static sitrep::Store* store = [] {
    const std::string path = (std::filesystem::temp_directory_path() /
                              (std::to_string(::getpid()) + "_query_fuzz.db"))
                                 .string();
    std::filesystem::remove(path);
    auto opened = sitrep::Store::Open("sqlite:" + path);
    if (!opened.ok()) std::abort();
    sitrep::CodedReport r;
    r.document.id = "d";
    r.document.date = "2024-01-02";
    r.document.text = "Troops shelled the town.";
    r.coded.sentence_spans = {{0, 24}};
    sitrep::Event& e = r.coded.events.emplace_back();
    e.id = "d:0:0";
    e.trigger = {"shelled", {7, 14}};
    e.event_class = "shelling";
    e.plover.type = "ASSAULT";
    e.modality = "asserted";
    e.source.push_back({"Troops", {0, 6}, "", "", "MIL", "MIL", false});
    std::vector<sitrep::WriteOutcome> outcomes;
    if (!opened.value()->Write({&r, 1}, &outcomes).ok()) std::abort();
    return opened.value().release();
  }();
  return store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitrep::Store* store = FixtureStore();
  // One filter per line: type, country, actor, claimant, text, from, to.
  std::vector<std::string> fields(7);
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (std::string& f : fields) {
    const size_t nl = rest.find('\n');
    f = std::string(rest.substr(0, nl));
    rest =
        nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  sitrep::EventQuery q;
  q.type = fields[0];
  q.country = fields[1];
  q.actor = fields[2];
  q.claimant = fields[3];
  q.text = fields[4];
  q.from = fields[5];
  q.to = fields[6];
  if (size > 0 && data[0] % 2 == 1) {
    q.bbox = sitrep::EventQuery::BoundingBox{-10, -10, 10, 10};
  }
  const sitrep::Status s =
      store->Query(q, [](const sitrep::StoredEvent&) { return true; });
  if (!s.ok() && s.code() != sitrep::StatusCode::kInvalidArgument) std::abort();
  return 0;
}
