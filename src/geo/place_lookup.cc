// sitrep::PlaceLookup (include/sitrep/places.h) over geo::Gazetteer.
#include "sitrep/places.h"

#include "common/status.h"
#include "geo/gazetteer.h"
#include "geo/toponyms.h"

namespace sitrep {
namespace {

class GazetteerLookup : public PlaceLookup {
 public:
  explicit GazetteerLookup(std::unique_ptr<geo::Gazetteer> g)
      : gazetteer_(std::move(g)) {}

  std::vector<GazetteerEntry> Find(std::string_view name) const override {
    std::vector<GazetteerEntry> out;
    for (const geo::Place& p : gazetteer_->Find(name)) {
      GazetteerEntry e;
      e.name = std::string(p.name);
      e.geonames_id = p.geonames_id;
      e.lat = p.lat;
      e.lon = p.lon;
      e.country = geo::CountryAlpha3(p.country);
      e.admin1 = std::string(p.admin1);
      e.admin2 = std::string(p.admin2);
      e.feature = std::string(p.feature);
      e.population = p.population;
      e.alternate = p.alternate;
      out.push_back(std::move(e));
    }
    return out;
  }

  size_t size() const override { return gazetteer_->size(); }

 private:
  std::unique_ptr<geo::Gazetteer> gazetteer_;
};

}  // namespace

StatusOr<std::unique_ptr<PlaceLookup>> PlaceLookup::Open(
    const std::string& path) {
  absl::StatusOr<std::unique_ptr<geo::Gazetteer>> g =
      geo::Gazetteer::Open(path);
  if (!g.ok()) return ToPublicStatus(g.status());
  return std::unique_ptr<PlaceLookup>(
      std::make_unique<GazetteerLookup>(std::move(*g)));
}

}  // namespace sitrep
