// Geoparsing corpora against the coder's resolved places (see eval.h).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "eval/gold_readers.h"
#include "pugixml.hpp"
#include "sitrep/eval.h"
#include "sitrep/places.h"
#include "sitrep/source_homes.h"

namespace sitrep {
namespace {

struct GoldToponym {
  Span span;  // bytes
  double lat = 0, lon = 0;
};

// Byte offsets of each character offset of a UTF-8 text (one past the end
// included), as the corpora count characters.
std::vector<size_t> CharToByte(const std::string& text) {
  std::vector<size_t> out;
  out.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

double Number(const pugi::xml_node& n, const char* child, bool* ok) {
  const pugi::xml_node c = n.child(child);
  if (!c) {
    *ok = false;
    return 0;
  }
  const std::string s = c.text().as_string();
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str()) *ok = false;
  return v;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180, kEarthKm = 6371.0088;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

GeoScores Score(const std::vector<Document>& docs,
                const std::vector<std::vector<GoldToponym>>& gold,
                const std::vector<CodedDocument>& coded);

}  // namespace

StatusOr<GeoEvaluation> EvaluateGeo(const std::string& path,
                                    const EventCoderOptions& options) {
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed = xml.load_file(path.c_str());
  if (!parsed) {
    return Status(StatusCode::kInvalidArgument,
                  path + ": not XML (" + parsed.description() + ")");
  }
  const pugi::xml_node root = xml.child("articles");
  if (!root) {
    return Status(StatusCode::kInvalidArgument,
                  path + ": no <articles> root (LGL or GeoVirus format)");
  }
  std::vector<Document> docs;
  std::vector<std::vector<GoldToponym>> gold;
  for (const pugi::xml_node& article : root.children("article")) {
    Document d;
    d.id = article.attribute("docid").as_string();
    if (d.id.empty()) d.id = "article-" + std::to_string(docs.size() + 1);
    d.text = article.child("text").text().as_string();
    if (d.text.empty()) continue;
    // LGL names the publisher by its web domain.
    d.source = article.child("domain").text().as_string();
    const std::vector<size_t> bytes = CharToByte(d.text);
    std::vector<GoldToponym> g;
    // LGL: toponyms/toponym with gaztag; GeoVirus: locations/location.
    auto add = [&](const pugi::xml_node& t, const pugi::xml_node& coords) {
      bool ok = true;
      const double start = Number(t, "start", &ok);
      const double end = Number(t, "end", &ok);
      const double lat = Number(coords, "lat", &ok);
      const double lon = Number(coords, "lon", &ok);
      if (!ok || start < 0 || end <= start ||
          static_cast<size_t>(end) >= bytes.size()) {
        return;
      }
      GoldToponym x;
      x.span = {static_cast<uint32_t>(bytes[static_cast<size_t>(start)]),
                static_cast<uint32_t>(bytes[static_cast<size_t>(end)])};
      x.lat = lat;
      x.lon = lon;
      g.push_back(x);
    };
    for (const pugi::xml_node& t :
         article.child("toponyms").children("toponym")) {
      add(t, t.child("gaztag"));
    }
    for (const pugi::xml_node& t :
         article.child("locations").children("location")) {
      add(t, t);
    }
    docs.push_back(std::move(d));
    gold.push_back(std::move(g));
  }
  if (docs.empty()) {
    return Status(StatusCode::kInvalidArgument,
                  path + ": no <article> with a <text>");
  }
  if (options.gazetteer.empty()) {
    return Status(StatusCode::kInvalidArgument,
                  "geoparsing needs the gazetteer index");
  }
  EventCoderOptions alone_options = options;
  alone_options.source_homes.clear();
  StatusOr<std::unique_ptr<EventCoder>> alone_coder =
      EventCoder::Create(alone_options);
  if (!alone_coder.ok()) return alone_coder.status();
  std::vector<CodedDocument> coded;
  eval::CodeInBatches(**alone_coder, docs, &coded);
  GeoEvaluation out;
  out.alone = Score(docs, gold, coded);
  StatusOr<std::unique_ptr<PlaceLookup>> places =
      PlaceLookup::Open(options.gazetteer);
  if (!places.ok()) return places.status();
  SourceHomeLearner learner(**places);
  for (size_t i = 0; i < docs.size(); ++i) learner.Observe(docs[i], coded[i]);
  out.homes = learner.Homes();
  if (out.homes.empty()) return out;
  alone_coder->reset();  // one parser in memory at a time
  EventCoderOptions home_options = options;
  home_options.source_homes = out.homes;
  StatusOr<std::unique_ptr<EventCoder>> home_coder =
      EventCoder::Create(home_options);
  if (!home_coder.ok()) return home_coder.status();
  eval::CodeInBatches(**home_coder, docs, &coded);
  out.with_homes = Score(docs, gold, coded);
  return out;
}

namespace {

GeoScores Score(const std::vector<Document>& docs,
                const std::vector<std::vector<GoldToponym>>& gold,
                const std::vector<CodedDocument>& coded) {
  GeoScores scores;
  scores.articles = docs.size();
  for (size_t i = 0; i < docs.size(); ++i) {
    const std::vector<PlaceMention>& places = coded[i].places;
    scores.places += places.size();
    std::vector<bool> on_gold(places.size(), false);
    for (const GoldToponym& g : gold[i]) {
      ++scores.gold;
      const PlaceMention* hit = nullptr;
      for (size_t k = 0; k < places.size(); ++k) {
        const Span s = places[k].span;
        if (s.begin < g.span.end && g.span.begin < s.end) {
          on_gold[k] = true;
          if (hit == nullptr) hit = &places[k];
        }
      }
      if (hit == nullptr) continue;
      ++scores.detected;
      const double km = DistanceKm(g.lat, g.lon, hit->lat, hit->lon);
      scores.errors_km.push_back(km);
      if (km <= 161) ++scores.correct;
    }
    scores.places_on_gold +=
        static_cast<size_t>(std::count(on_gold.begin(), on_gold.end(), true));
  }
  return scores;
}

}  // namespace

}  // namespace sitrep
