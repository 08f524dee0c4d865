// PostgresStore: the Store contract over libpq. Writes are one transaction
// per batch, as in SQLite; reads go through a cursor, a thousand events at
// a time (the statement and the decoder are src/store/event_sql.h), and
// each thousand's actors are read with one statement, so that a query of
// any size streams in bounded memory with few round trips.
#include "store/postgres_store.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status.h"
#include "store/event_sql.h"
#include "store/postgres_db.h"
#include "store/postgres_schema.h"

namespace sitrep::store {
namespace {

constexpr int kFetchRows = 1000;

void AddSpan(PgParams& p, const Span& s) {
  p.Add(static_cast<int64_t>(s.begin)).Add(static_cast<int64_t>(s.end));
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

  absl::Status RunQuery(const EventQuery& q,
                        const std::function<bool(StoredEvent&)>& each) {
    absl::StatusOr<EventSql> sql = BuildEventSql(q, SqlDialect::kPostgres);
    if (!sql.ok()) return sql.status();
    PgParams params;
    for (const SqlValue& v : sql->values) {
      std::visit([&](const auto& value) { params.Add(value); }, v);
    }
    SITREP_RETURN_IF_ERROR(db_->Execute("BEGIN READ ONLY"));
    absl::Status s =
        db_->Run("DECLARE sitrep_events NO SCROLL CURSOR FOR " + sql->events,
                 params)
            .status();
    bool more = s.ok();
    std::vector<StoredEvent> batch;
    while (more) {
      absl::StatusOr<PgResult> rows =
          db_->Run(absl::StrCat("FETCH ", kFetchRows, " FROM sitrep_events"));
      if (!rows.ok()) {
        s = rows.status();
        break;
      }
      if (rows->rows() == 0) break;
      batch.resize(static_cast<size_t>(rows->rows()));
      std::unordered_map<int64_t, StoredEvent*> by_key;
      for (int i = 0; i < rows->rows(); ++i) {
        const PgRow row(*rows, i);
        DecodeEvent(row, &batch[static_cast<size_t>(i)]);
        by_key[EventKeyOf(row)] = &batch[static_cast<size_t>(i)];
      }
      s = ReadActors(sql->actors, by_key);
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

  // The actors of a batch of events, in one statement.
  absl::Status ReadActors(
      const std::string& actors_of_keys,
      const std::unordered_map<int64_t, StoredEvent*>& by_key) {
    std::vector<int64_t> keys;
    for (const auto& [key, event] : by_key) keys.push_back(key);
    // An array literal of the keys: digits and commas only.
    absl::StatusOr<PgResult> actors = db_->Run(
        actors_of_keys, PgParams().Add("{" + absl::StrJoin(keys, ",") + "}"));
    if (!actors.ok()) return actors.status();
    for (int i = 0; i < actors->rows(); ++i) {
      const PgRow row(*actors, i);
      DecodeActor(row, &by_key.at(EventKeyOf(row))->event);
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
