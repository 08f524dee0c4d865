// PostgresStore: the Store contract over libpq. Writes are one transaction
// per batch, as in SQLite; reads go through a cursor, a thousand events at
// a time, and each thousand's actors, casualties and claims are read with
// one statement each, so that a query of any size streams in bounded
// memory with few round trips.
#include "store/postgres_store.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status.h"
#include "store/postgres_db.h"
#include "store/postgres_schema.h"
#include "store/search_words.h"

namespace sitrep::store {
namespace {

constexpr int kFetchRows = 1000;

// The event columns the query reads, in this order (see ReadEvent).
constexpr char kEventColumns[] =
    "e.event_key, d.id, d.date, d.source, e.day, e.id, s.position, "
    "s.span_begin, s.span_end, s.text, e.trigger_text, e.trigger_begin, "
    "e.trigger_end, e.event_class, e.plover_type, e.plover_mode, "
    "e.plover_context, e.cameo, e.acled_event_type, e.acled_sub_event_type, "
    "e.instrument_text, e.instrument_begin, e.instrument_end, "
    "e.instrument_class, e.date_text, e.date_begin, e.date_end, e.date_value, "
    "e.date_precision, e.date_range_end, e.modality, e.confidence, "
    "l.event_key, l.text, l.span_begin, l.span_end, l.geocoded, l.name, "
    "l.geonames_id, l.lat, l.lon, l.country, l.admin1, l.admin2, l.precision, "
    "l.basis, m.incident_key, m.score, m.reason";

Span SpanOf(const PgResult& r, int row, int begin) {
  return Span{static_cast<uint32_t>(r.Int(row, begin)),
              static_cast<uint32_t>(r.Int(row, begin + 1))};
}

void AddSpan(PgParams& p, const Span& s) {
  p.Add(static_cast<int64_t>(s.begin)).Add(static_cast<int64_t>(s.end));
}

// A tsquery that needs every term of `text` (each a phrase), built by
// PostgreSQL from the words themselves: nothing a user types is syntax.
std::string TsQuery(const std::vector<std::string>& terms, int first_param) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < terms.size(); ++i) {
    parts.push_back(absl::StrCat("phraseto_tsquery('simple', $",
                                 first_param + static_cast<int>(i), ")"));
  }
  return absl::StrJoin(parts, " && ");
}

class PostgresStore : public Store {
 public:
  static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& url) {
    absl::StatusOr<std::unique_ptr<PgConnection>> db = PgConnection::Open(url);
    if (!db.ok()) return db.status();
    absl::StatusOr<int> version = MigratePostgres(db->get());
    if (!version.ok()) return version.status();
    return std::unique_ptr<Store>(new PostgresStore(std::move(*db), *version));
  }

  int schema_version() const override { return version_; }

  StatusOr<std::string> DocumentHash(const std::string& id) override {
    absl::StatusOr<PgResult> r = db_->Run(
        "SELECT content_hash FROM documents WHERE id = $1", PgParams().Add(id));
    if (!r.ok()) return ToPublicStatus(r.status());
    return r->rows() > 0 ? r->Text(0, 0) : std::string();
  }

  Status Write(std::span<const CodedReport> reports,
               std::vector<WriteOutcome>* outcomes) override {
    outcomes->assign(reports.size(), WriteOutcome::kUnchanged);
    absl::Status s = db_->Execute("BEGIN");
    for (size_t i = 0; s.ok() && i < reports.size(); ++i) {
      s = WriteOne(reports[i], &(*outcomes)[i]);
    }
    if (s.ok()) s = db_->Execute("COMMIT");
    if (!s.ok()) {
      db_->Execute("ROLLBACK").IgnoreError();
      outcomes->clear();
    }
    return ToPublicStatus(s);
  }

  Status Query(const EventQuery& query,
               const std::function<bool(StoredEvent&)>& each) override {
    return ToPublicStatus(RunQuery(query, each));
  }

  StatusOr<std::vector<int64_t>> AssignIncidents(
      std::span<const IncidentAssignment> assignments) override {
    std::vector<int64_t> made;
    absl::Status s = db_->Execute("BEGIN");
    if (s.ok()) s = Assign(assignments, &made);
    if (s.ok()) s = db_->Execute("COMMIT");
    if (!s.ok()) {
      db_->Execute("ROLLBACK").IgnoreError();
      return ToPublicStatus(s);
    }
    return made;
  }

  Status ForEachIncident(
      const std::string& from, const std::string& to,
      const std::function<bool(const StoredIncident&)>& each) override {
    return ToPublicStatus(RunIncidents(from, to, each));
  }

  StatusOr<StoreCounts> Counts() override {
    absl::StatusOr<PgResult> r = db_->Run(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM "
        "sentences), (SELECT count(*) FROM events), (SELECT count(*) FROM "
        "places), (SELECT count(*) FROM incidents)");
    if (!r.ok()) return ToPublicStatus(r.status());
    StoreCounts c;
    c.documents = static_cast<uint64_t>(r->Int(0, 0));
    c.sentences = static_cast<uint64_t>(r->Int(0, 1));
    c.events = static_cast<uint64_t>(r->Int(0, 2));
    c.places = static_cast<uint64_t>(r->Int(0, 3));
    c.incidents = static_cast<uint64_t>(r->Int(0, 4));
    return c;
  }

 private:
  PostgresStore(std::unique_ptr<PgConnection> db, int version)
      : db_(std::move(db)), version_(version) {}

  absl::Status WriteOne(const CodedReport& report, WriteOutcome* outcome) {
    const Document& doc = report.document;
    const CodedDocument& coded = report.coded;
    const std::string hash = ContentHash(doc);
    absl::StatusOr<PgResult> found = db_->Run(
        "SELECT document_key, content_hash FROM documents WHERE id = $1 FOR "
        "UPDATE",
        PgParams().Add(doc.id));
    if (!found.ok()) return found.status();
    if (found->rows() > 0) {
      if (found->Text(0, 1) == hash) {
        *outcome = WriteOutcome::kUnchanged;
        return absl::OkStatus();
      }
      SITREP_RETURN_IF_ERROR(
          db_->Run("DELETE FROM documents WHERE document_key = $1",
                   PgParams().Add(found->Int(0, 0)))
              .status());
      *outcome = WriteOutcome::kReplaced;
    } else {
      *outcome = WriteOutcome::kInserted;
    }
    PgParams d;
    d.Add(doc.id).Add(hash).AddOrNull(doc.date).AddOrNull(doc.source);
    d.AddOrNull(doc.url).AddOrNull(doc.title).Add(doc.text).AddOrNull(
        doc.origin);
    if (doc.line > 0) {
      d.Add(static_cast<int64_t>(doc.line));
    } else {
      d.AddNull();
    }
    d.Add(static_cast<int64_t>(coded.sentence_spans.size()))
        .AddOrNull(report.coder);
    absl::StatusOr<PgResult> inserted = db_->Run(
        "INSERT INTO documents (id, content_hash, date, source, url, title, "
        "text, origin, line, sentence_count, coder) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, $10, $11) RETURNING document_key",
        d);
    if (!inserted.ok()) return inserted.status();
    const int64_t key = inserted->Int(0, 0);

    for (size_t i = 0; i < coded.errors.size(); ++i) {
      const DocumentError& e = coded.errors[i];
      PgParams p;
      p.Add(key).Add(static_cast<int64_t>(i)).Add(e.code).Add(e.message);
      p.AddBool(e.fatal);
      SITREP_RETURN_IF_ERROR(
          db_->Run("INSERT INTO document_errors VALUES ($1, $2, $3, $4, $5)", p)
              .status());
    }
    std::vector<int64_t> sentence_keys;
    for (size_t i = 0; i < coded.sentence_spans.size(); ++i) {
      const Span& span = coded.sentence_spans[i];
      if (span.end > doc.text.size() || span.begin > span.end) {
        return absl::InvalidArgumentError(
            absl::StrCat(doc.id, ": sentence ", i, " lies outside the text"));
      }
      PgParams p;
      p.Add(key).Add(static_cast<int64_t>(i));
      AddSpan(p, span);
      p.Add(std::string_view(doc.text).substr(span.begin, span.size()));
      absl::StatusOr<PgResult> r = db_->Run(
          "INSERT INTO sentences (document_key, position, span_begin, "
          "span_end, text) VALUES ($1, $2, $3, $4, $5) RETURNING sentence_key",
          p);
      if (!r.ok()) return r.status();
      sentence_keys.push_back(r->Int(0, 0));
    }
    for (size_t i = 0; i < coded.places.size(); ++i) {
      const PlaceMention& pl = coded.places[i];
      PgParams p;
      p.Add(key).Add(static_cast<int64_t>(i)).Add(pl.text);
      AddSpan(p, pl.span);
      p.Add(pl.name);
      if (pl.geonames_id != 0) {
        p.Add(static_cast<int64_t>(pl.geonames_id));
      } else {
        p.AddNull();
      }
      p.Add(pl.lat).Add(pl.lon).AddOrNull(pl.country).AddOrNull(pl.admin1);
      p.AddOrNull(pl.admin2).Add(pl.precision);
      SITREP_RETURN_IF_ERROR(
          db_->Run("INSERT INTO places (document_key, position, text, "
                   "span_begin, span_end, name, geonames_id, lat, lon, "
                   "country, admin1, admin2, precision) VALUES ($1, $2, $3, "
                   "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                   p)
              .status());
    }
    for (size_t i = 0; i < coded.events.size(); ++i) {
      const Event& e = coded.events[i];
      if (e.sentence < 0 ||
          static_cast<size_t>(e.sentence) >= sentence_keys.size()) {
        return absl::InvalidArgumentError(absl::StrCat(
            doc.id, ": event ", e.id, " names a sentence the text lacks"));
      }
      SITREP_RETURN_IF_ERROR(WriteEvent(
          doc, e, key, sentence_keys[static_cast<size_t>(e.sentence)], i));
    }
    return absl::OkStatus();
  }

  absl::Status WriteEvent(const Document& doc, const Event& e,
                          int64_t document_key, int64_t sentence_key,
                          size_t salience) {
    PgParams p;
    p.Add(e.id).Add(document_key).Add(sentence_key);
    p.Add(static_cast<int64_t>(salience));
    p.AddOrNull(e.date && !e.date->value.empty() ? e.date->value : doc.date);
    p.Add(e.trigger.text);
    AddSpan(p, e.trigger.span);
    p.Add(e.event_class).Add(e.plover.type).AddOrNull(e.plover.mode);
    p.AddOrNull(absl::StrJoin(e.plover.context, " ")).AddOrNull(e.cameo);
    if (e.acled) {
      p.Add(e.acled->event_type).Add(e.acled->sub_event_type);
    } else {
      p.AddNull().AddNull();
    }
    if (e.instrument) {
      p.Add(e.instrument->text);
      AddSpan(p, e.instrument->span);
      p.Add(e.instrument->instrument_class);
    } else {
      p.AddNull().AddNull().AddNull().AddNull();
    }
    if (e.date) {
      p.Add(e.date->text);
      AddSpan(p, e.date->span);
      p.AddOrNull(e.date->value).Add(e.date->precision);
      p.AddOrNull(e.date->range_end);
    } else {
      p.AddNull().AddNull().AddNull().AddNull().AddNull().AddNull();
    }
    p.Add(e.modality).Add(e.confidence);
    absl::StatusOr<PgResult> r = db_->Run(
        "INSERT INTO events (id, document_key, sentence_key, salience, day, "
        "trigger_text, trigger_begin, trigger_end, event_class, plover_type, "
        "plover_mode, plover_context, cameo, acled_event_type, "
        "acled_sub_event_type, instrument_text, instrument_begin, "
        "instrument_end, instrument_class, date_text, date_begin, date_end, "
        "date_value, date_precision, date_range_end, modality, confidence) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
        "$15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27) "
        "RETURNING event_key",
        p);
    if (!r.ok()) return r.status();
    const int64_t key = r->Int(0, 0);

    const std::pair<const char*, const std::optional<Casualties>*>
        casualties[] = {{"fatalities", &e.fatalities},
                        {"injuries", &e.injuries}};
    for (const auto& [kind, c] : casualties) {
      if (!*c) continue;
      PgParams cp;
      cp.Add(key).Add(std::string_view(kind));
      if ((*c)->count) {
        cp.Add(*(*c)->count);
      } else {
        cp.AddNull();
      }
      cp.Add((*c)->qualifier).AddOrNull((*c)->victims).Add((*c)->evidence.text);
      AddSpan(cp, (*c)->evidence.span);
      SITREP_RETURN_IF_ERROR(
          db_->Run("INSERT INTO casualties VALUES ($1, $2, $3, $4, $5, $6, "
                   "$7, $8)",
                   cp)
              .status());
    }
    for (size_t i = 0; i < e.source.size(); ++i) {
      SITREP_RETURN_IF_ERROR(WriteActor(key, "source", i, e.source[i]));
    }
    for (size_t i = 0; i < e.target.size(); ++i) {
      SITREP_RETURN_IF_ERROR(WriteActor(key, "target", i, e.target[i]));
    }
    if (e.claim) {
      PgParams cp;
      cp.Add(key).Add(e.claim->stance);
      if (!e.claim->cue.text.empty()) {
        cp.Add(e.claim->cue.text);
        AddSpan(cp, e.claim->cue.span);
      } else {
        cp.AddNull().AddNull().AddNull();
      }
      SITREP_RETURN_IF_ERROR(
          db_->Run("INSERT INTO claims VALUES ($1, $2, $3, $4, $5)", cp)
              .status());
      if (e.claim->claimant) {
        SITREP_RETURN_IF_ERROR(
            WriteActor(key, "claimant", 0, *e.claim->claimant));
      }
    }
    if (e.location) {
      const Location& l = *e.location;
      PgParams lp;
      lp.Add(key).Add(l.text);
      AddSpan(lp, l.span);
      lp.AddBool(l.geocoded).AddOrNull(l.name);
      if (l.geonames_id != 0) {
        lp.Add(static_cast<int64_t>(l.geonames_id));
      } else {
        lp.AddNull();
      }
      if (l.geocoded) {
        lp.Add(l.lat).Add(l.lon);
      } else {
        lp.AddNull().AddNull();
      }
      lp.AddOrNull(l.country).AddOrNull(l.admin1).AddOrNull(l.admin2);
      lp.AddOrNull(l.precision).AddOrNull(l.basis);
      SITREP_RETURN_IF_ERROR(
          db_->Run("INSERT INTO event_locations (event_key, text, span_begin, "
                   "span_end, geocoded, name, geonames_id, lat, lon, country, "
                   "admin1, admin2, precision, basis) VALUES ($1, $2, $3, $4, "
                   "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                   lp)
              .status());
    }
    return absl::OkStatus();
  }

  absl::Status WriteActor(int64_t event_key, const char* role, size_t position,
                          const Actor& a) {
    PgParams p;
    p.Add(event_key).Add(std::string_view(role));
    p.Add(static_cast<int64_t>(position)).Add(a.text);
    if (!a.span.empty()) {
      AddSpan(p, a.span);
    } else {
      p.AddNull().AddNull();
    }
    p.AddOrNull(a.name).AddOrNull(a.country).AddOrNull(a.sector);
    p.AddOrNull(a.code).AddBool(a.first_person);
    return db_
        ->Run(
            "INSERT INTO actors (event_key, role, position, text, "
            "span_begin, span_end, name, country, sector, code, "
            "first_person) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
            "$11)",
            p)
        .status();
  }

  absl::Status BuildQuery(const EventQuery& q, std::string* sql,
                          PgParams* params) {
    auto param = [&](std::string_view value) {
      params->Add(value);
      return static_cast<int>(params->size());
    };
    std::string where;
    if (!q.from.empty())
      absl::StrAppend(&where, " AND e.day >= $", param(q.from));
    if (!q.to.empty()) absl::StrAppend(&where, " AND e.day <= $", param(q.to));
    if (!q.country.empty()) {
      absl::StrAppend(&where, " AND l.country = $", param(q.country));
    }
    if (!q.type.empty()) {
      const int p = param(q.type);
      absl::StrAppend(&where, " AND (e.plover_type = $", p,
                      " OR e.acled_event_type = $", p,
                      " OR e.acled_sub_event_type = $", p, " OR e.cameo = $", p,
                      " OR e.event_class = $", p, ")");
    }
    const std::pair<const std::string*, const char*> people[] = {
        {&q.actor, "('source', 'target')"}, {&q.claimant, "('claimant')"}};
    for (const auto& [who, roles] : people) {
      if (who->empty()) continue;
      const int p = param(*who);
      absl::StrAppend(&where,
                      " AND e.event_key IN (SELECT event_key FROM actors "
                      "WHERE role IN ",
                      roles, " AND (code = $", p, " OR name = $", p,
                      " OR country = $", p, " OR sector = $", p, ")");
      const std::vector<std::string> terms = SearchTerms(*who);
      if (!terms.empty()) {
        const int first = static_cast<int>(params->size()) + 1;
        for (const std::string& t : terms) param(t);
        absl::StrAppend(&where,
                        " UNION SELECT event_key FROM actors WHERE role IN ",
                        roles, " AND words @@ (", TsQuery(terms, first), ")");
      }
      where += ")";
    }
    if (!q.text.empty()) {
      const std::vector<std::string> terms = SearchTerms(q.text);
      if (terms.empty()) {
        return absl::InvalidArgumentError("--text: no words to search for");
      }
      const int first = static_cast<int>(params->size()) + 1;
      for (const std::string& t : terms) param(t);
      absl::StrAppend(&where, " AND s.words @@ (", TsQuery(terms, first), ")");
    }
    if (q.incident != 0) {
      absl::StrAppend(&where, " AND m.incident_key = ", q.incident);
    }
    if (q.membership == EventQuery::Membership::kInIncident) {
      where += " AND m.incident_key IS NOT NULL";
    } else if (q.membership == EventQuery::Membership::kInNoIncident) {
      where += " AND m.incident_key IS NULL";
    }
    if (q.bbox) {
      const int n = static_cast<int>(params->size());
      params->Add(q.bbox->min_lon).Add(q.bbox->min_lat);
      params->Add(q.bbox->max_lon).Add(q.bbox->max_lat);
      absl::StrAppend(&where, " AND l.point && ST_MakeEnvelope($", n + 1,
                      "::float8, $", n + 2, "::float8, $", n + 3, "::float8, $",
                      n + 4, "::float8, 4326)");
    }
    *sql = absl::StrCat(
        "SELECT ", kEventColumns,
        " FROM events e JOIN documents d ON d.document_key = e.document_key "
        "JOIN sentences s ON s.sentence_key = e.sentence_key "
        "LEFT JOIN event_locations l ON l.event_key = e.event_key "
        "LEFT JOIN incident_members m ON m.event_key = e.event_key WHERE TRUE",
        where, " ORDER BY e.day NULLS FIRST, e.event_key");
    if (q.limit > 0) absl::StrAppend(sql, " LIMIT ", q.limit);
    return absl::OkStatus();
  }

  absl::Status RunQuery(const EventQuery& q,
                        const std::function<bool(StoredEvent&)>& each) {
    std::string sql;
    PgParams params;
    SITREP_RETURN_IF_ERROR(BuildQuery(q, &sql, &params));
    SITREP_RETURN_IF_ERROR(db_->Execute("BEGIN READ ONLY"));
    absl::Status s =
        db_->Run("DECLARE sitrep_events NO SCROLL CURSOR FOR " + sql, params)
            .status();
    bool more = s.ok();
    while (more) {
      absl::StatusOr<PgResult> rows =
          db_->Run(absl::StrCat("FETCH ", kFetchRows, " FROM sitrep_events"));
      if (!rows.ok()) {
        s = rows.status();
        break;
      }
      if (rows->rows() == 0) break;
      std::vector<StoredEvent> batch(static_cast<size_t>(rows->rows()));
      std::vector<int64_t> keys;
      for (int i = 0; i < rows->rows(); ++i) {
        keys.push_back(rows->Int(i, 0));
        ReadEvent(*rows, i, &batch[static_cast<size_t>(i)]);
      }
      s = ReadParts(keys, &batch);
      if (!s.ok()) break;
      for (StoredEvent& e : batch) {
        if (!each(e)) {
          more = false;
          break;
        }
      }
    }
    db_->Execute(s.ok() ? "COMMIT" : "ROLLBACK").IgnoreError();
    return s;
  }

  void ReadEvent(const PgResult& r, int i, StoredEvent* out) {
    out->document_id = r.Text(i, 1);
    out->document_date = r.Text(i, 2);
    out->document_source = r.Text(i, 3);
    out->day = r.Text(i, 4);
    Event& e = out->event;
    e.id = r.Text(i, 5);
    e.sentence = static_cast<int>(r.Int(i, 6));
    e.sentence_span = SpanOf(r, i, 7);
    e.text = r.Text(i, 9);
    e.trigger = {r.Text(i, 10), SpanOf(r, i, 11)};
    e.event_class = r.Text(i, 13);
    e.plover.type = r.Text(i, 14);
    e.plover.mode = r.Text(i, 15);
    for (absl::string_view c :
         absl::StrSplit(r.Text(i, 16), ' ', absl::SkipEmpty())) {
      e.plover.context.emplace_back(c);
    }
    e.cameo = r.Text(i, 17);
    if (!r.IsNull(i, 18)) e.acled = AcledType{r.Text(i, 18), r.Text(i, 19)};
    if (!r.IsNull(i, 20)) {
      e.instrument = Instrument{r.Text(i, 20), SpanOf(r, i, 21), r.Text(i, 23)};
    }
    if (!r.IsNull(i, 24)) {
      e.date = EventDate{r.Text(i, 24), SpanOf(r, i, 25), r.Text(i, 27),
                         r.Text(i, 28), r.Text(i, 29)};
    }
    e.modality = r.Text(i, 30);
    e.confidence = r.Double(i, 31);
    if (!r.IsNull(i, 32)) {
      Location& l = e.location.emplace();
      l.text = r.Text(i, 33);
      l.span = SpanOf(r, i, 34);
      l.geocoded = r.Bool(i, 36);
      l.name = r.Text(i, 37);
      l.geonames_id = static_cast<uint32_t>(r.Int(i, 38));
      l.lat = r.Double(i, 39);
      l.lon = r.Double(i, 40);
      l.country = r.Text(i, 41);
      l.admin1 = r.Text(i, 42);
      l.admin2 = r.Text(i, 43);
      l.precision = r.Text(i, 44);
      l.basis = r.Text(i, 45);
    }
    out->incident = r.Int(i, 46);
    out->incident_score = r.Double(i, 47);
    out->incident_reason = r.Text(i, 48);
  }

  // The casualties, claims and actors of a batch of events, one statement
  // each.
  absl::Status ReadParts(const std::vector<int64_t>& keys,
                         std::vector<StoredEvent>* batch) {
    std::map<int64_t, StoredEvent*> by_key;
    for (size_t i = 0; i < keys.size(); ++i) by_key[keys[i]] = &(*batch)[i];
    // An array literal of the keys: digits and commas only.
    const std::string array = "{" + absl::StrJoin(keys, ",") + "}";
    absl::StatusOr<PgResult> ca = db_->Run(
        "SELECT event_key, kind, count, qualifier, victims, text, span_begin, "
        "span_end FROM casualties WHERE event_key = ANY($1::bigint[])",
        PgParams().Add(array));
    if (!ca.ok()) return ca.status();
    for (int i = 0; i < ca->rows(); ++i) {
      Event& e = by_key[ca->Int(i, 0)]->event;
      Casualties c;
      if (!ca->IsNull(i, 2)) c.count = ca->Int(i, 2);
      c.qualifier = ca->Text(i, 3);
      c.victims = ca->Text(i, 4);
      c.evidence = {ca->Text(i, 5), SpanOf(*ca, i, 6)};
      (ca->Text(i, 1) == "fatalities" ? e.fatalities : e.injuries) =
          std::move(c);
    }
    absl::StatusOr<PgResult> cl = db_->Run(
        "SELECT event_key, stance, cue_text, cue_begin, cue_end FROM claims "
        "WHERE event_key = ANY($1::bigint[])",
        PgParams().Add(array));
    if (!cl.ok()) return cl.status();
    for (int i = 0; i < cl->rows(); ++i) {
      Claim& claim = by_key[cl->Int(i, 0)]->event.claim.emplace();
      claim.stance = cl->Text(i, 1);
      if (!cl->IsNull(i, 2)) claim.cue = {cl->Text(i, 2), SpanOf(*cl, i, 3)};
    }
    absl::StatusOr<PgResult> ac = db_->Run(
        "SELECT event_key, role, text, span_begin, span_end, name, country, "
        "sector, code, first_person FROM actors WHERE event_key = "
        "ANY($1::bigint[]) ORDER BY event_key, role, position",
        PgParams().Add(array));
    if (!ac.ok()) return ac.status();
    for (int i = 0; i < ac->rows(); ++i) {
      Event& e = by_key[ac->Int(i, 0)]->event;
      Actor a;
      a.text = ac->Text(i, 2);
      if (!ac->IsNull(i, 3)) a.span = SpanOf(*ac, i, 3);
      a.name = ac->Text(i, 5);
      a.country = ac->Text(i, 6);
      a.sector = ac->Text(i, 7);
      a.code = ac->Text(i, 8);
      a.first_person = ac->Bool(i, 9);
      const std::string role = ac->Text(i, 1);
      if (role == "source") {
        e.source.push_back(std::move(a));
      } else if (role == "target") {
        e.target.push_back(std::move(a));
      } else if (e.claim) {
        e.claim->claimant = std::move(a);
      }
    }
    return absl::OkStatus();
  }

  absl::Status Assign(std::span<const IncidentAssignment> assignments,
                      std::vector<int64_t>* made) {
    std::vector<std::pair<int64_t, int64_t>> new_ids;  // negative -> made
    for (const IncidentAssignment& a : assignments) {
      absl::StatusOr<PgResult> found = db_->Run(
          "SELECT e.event_key, e.day, m.incident_key FROM events e LEFT JOIN "
          "incident_members m ON m.event_key = e.event_key WHERE e.id = $1",
          PgParams().Add(a.event_id));
      if (!found.ok()) return found.status();
      if (found->rows() == 0) {
        return absl::NotFoundError("no stored event " + a.event_id);
      }
      if (!found->IsNull(0, 2)) {
        return absl::FailedPreconditionError("event " + a.event_id +
                                             " is in an incident already");
      }
      const int64_t event_key = found->Int(0, 0);
      int64_t incident = a.incident;
      if (incident < 0) {
        auto it =
            std::find_if(new_ids.begin(), new_ids.end(),
                         [&](const auto& p) { return p.first == incident; });
        if (it != new_ids.end()) {
          incident = it->second;
        } else {
          absl::StatusOr<PgResult> created = db_->Run(
              "INSERT INTO incidents (first_day, last_day) VALUES ($1, $1) "
              "RETURNING incident_key",
              PgParams().Add(found->Text(0, 1)));
          if (!created.ok()) return created.status();
          new_ids.emplace_back(incident, created->Int(0, 0));
          incident = created->Int(0, 0);
          made->push_back(incident);
        }
      }
      PgParams p;
      p.Add(event_key).Add(incident).Add(a.score).Add(a.reason);
      SITREP_RETURN_IF_ERROR(
          db_->Run("INSERT INTO incident_members VALUES ($1, $2, $3, $4)", p)
              .status());
    }
    return absl::OkStatus();
  }

  absl::Status RunIncidents(
      const std::string& from, const std::string& to,
      const std::function<bool(const StoredIncident&)>& each) {
    // A page of incidents at a time, after the last one seen (keyset
    // paging), each page's events read by incident.
    std::string after_day;
    int64_t after_key = 0;
    while (true) {
      PgParams p;
      std::string sql =
          "SELECT incident_key, first_day, last_day FROM incidents WHERE "
          "(first_day, incident_key) > ($1, $2)";
      p.Add(after_day).Add(after_key);
      if (!from.empty()) {
        p.Add(from);
        absl::StrAppend(&sql, " AND last_day >= $", p.size());
      }
      if (!to.empty()) {
        p.Add(to);
        absl::StrAppend(&sql, " AND first_day <= $", p.size());
      }
      sql += " ORDER BY first_day, incident_key LIMIT 500";
      absl::StatusOr<PgResult> page = db_->Run(sql, p);
      if (!page.ok()) return page.status();
      if (page->rows() == 0) return absl::OkStatus();
      for (int i = 0; i < page->rows(); ++i) {
        StoredIncident incident;
        incident.id = page->Int(i, 0);
        incident.first_day = page->Text(i, 1);
        incident.last_day = page->Text(i, 2);
        after_day = incident.first_day;
        after_key = incident.id;
        EventQuery q;
        q.incident = incident.id;
        SITREP_RETURN_IF_ERROR(RunQuery(q, [&](const StoredEvent& e) {
          incident.events.push_back(e);
          return true;
        }));
        if (!each(incident)) return absl::OkStatus();
      }
    }
  }

  std::unique_ptr<PgConnection> db_;
  int version_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStore(
    const std::string& url) {
  return PostgresStore::Open(url);
}

}  // namespace sitrep::store
