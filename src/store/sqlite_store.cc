#include "store/sqlite_store.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status.h"
#include "store/event_sql.h"
#include "store/sqlite_db.h"
#include "store/sqlite_schema.h"

namespace sitrep::store {
namespace {

void BindSpan(SqliteStatement& st, int index, const Span& span) {
  st.Bind(index, static_cast<int64_t>(span.begin));
  st.Bind(index + 1, static_cast<int64_t>(span.end));
}

class SqliteStore : public Store {
 public:
  static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& path) {
    absl::StatusOr<std::unique_ptr<SqliteDatabase>> db =
        SqliteDatabase::Open(path);
    if (!db.ok()) return db.status();
    // WAL: readers never wait for the writer, and a commit is one append.
    // synchronous=NORMAL in WAL mode keeps every committed transaction
    // through a crash of the process (kill -9 included); only a power cut
    // may lose the last ones, never the file's consistency. A page cache of
    // 64 MiB (the default is 2 MiB) keeps the indexes a batch touches in
    // memory: ingest spends a sixth of the time it did in SQLite. Reads go
    // through a memory map of up to 2 GiB instead of a read() per page: on
    // a million events, a full export runs a quarter faster and a query by
    // actor three times as fast (bench/store_benchmark.cc).
    SITREP_RETURN_IF_ERROR((*db)->Execute(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
        "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; "
        "PRAGMA mmap_size = 2147418112;"));
    absl::StatusOr<int> version = MigrateSqlite(db->get());
    if (!version.ok()) return version.status();
    auto store =
        std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db), *version));
    SITREP_RETURN_IF_ERROR(store->PrepareWrites());
    return std::unique_ptr<Store>(std::move(store));
  }

  int schema_version() const override { return version_; }

  StatusOr<std::string> DocumentHash(const std::string& id) override {
    find_document_->Bind(1, id);
    absl::StatusOr<bool> row = find_document_->Step();
    std::string hash = row.ok() && *row ? find_document_->Text(1) : "";
    find_document_->Reset();
    if (!row.ok()) return ToPublicStatus(row.status());
    return hash;
  }

  Status Write(std::span<const CodedReport> reports,
               std::vector<WriteOutcome>* outcomes) override {
    outcomes->assign(reports.size(), WriteOutcome::kUnchanged);
    absl::Status s = db_->Execute("BEGIN IMMEDIATE");
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
    absl::Status s = db_->Execute("BEGIN IMMEDIATE");
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
    StoreCounts counts;
    const std::pair<const char*, uint64_t*> tables[] = {
        {"documents", &counts.documents},
        {"sentences", &counts.sentences},
        {"events", &counts.events},
        {"places", &counts.places},
        {"incidents", &counts.incidents}};
    for (const auto& [table, count] : tables) {
      absl::StatusOr<SqliteStatement> st =
          db_->Prepare(absl::StrCat("SELECT count(*) FROM ", table));
      if (!st.ok()) return ToPublicStatus(st.status());
      absl::StatusOr<bool> row = st->Step();
      if (!row.ok()) return ToPublicStatus(row.status());
      *count = static_cast<uint64_t>(st->Int(0));
    }
    return counts;
  }

 private:
  SqliteStore(std::unique_ptr<SqliteDatabase> db, int version)
      : db_(std::move(db)), version_(version) {}

  absl::Status PrepareWrites() {
    const std::pair<std::optional<SqliteStatement>*, const char*> all[] = {
        {&find_document_,
         "SELECT document_key, content_hash FROM documents WHERE id = ?1"},
        {&delete_document_, "DELETE FROM documents WHERE document_key = ?1"},
        {&insert_document_,
         "INSERT INTO documents (id, content_hash, date, source, url, title, "
         "text, origin, line, sentence_count, coder, ingested_at) VALUES (?1, "
         "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
         "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"},
        {&insert_error_,
         "INSERT INTO document_errors VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&insert_sentence_,
         "INSERT INTO sentences (document_key, position, span_begin, span_end, "
         "text) VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&insert_place_,
         "INSERT INTO places (document_key, position, text, span_begin, "
         "span_end, name, geonames_id, lat, lon, country, admin1, admin2, "
         "precision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
         "?12, ?13)"},
        {&insert_event_,
         "INSERT INTO events (id, document_key, sentence_key, salience, day, "
         "trigger_text, trigger_begin, trigger_end, event_class, plover_type, "
         "plover_mode, plover_context, cameo, acled_event_type, "
         "acled_sub_event_type, instrument_text, instrument_begin, "
         "instrument_end, instrument_class, date_text, date_begin, date_end, "
         "date_value, date_precision, date_range_end, modality, confidence) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
         "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
         "?27)"},
        {&insert_casualties_,
         "INSERT INTO casualties VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
        {&insert_actor_,
         "INSERT INTO actors (event_key, role, position, text, span_begin, "
         "span_end, name, country, sector, code, first_person) VALUES (?1, "
         "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
        {&insert_claim_, "INSERT INTO claims VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&insert_location_,
         "INSERT INTO event_locations VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
         "?9, ?10, ?11, ?12, ?13, ?14)"},
    };
    for (const auto& [slot, sql] : all) {
      absl::StatusOr<SqliteStatement> st = db_->Prepare(sql);
      if (!st.ok()) return st.status();
      slot->emplace(std::move(*st));
    }
    return absl::OkStatus();
  }

  absl::Status WriteOne(const CodedReport& report, WriteOutcome* outcome) {
    const Document& doc = report.document;
    const CodedDocument& coded = report.coded;
    const std::string hash = ContentHash(doc);
    SqliteStatement& find = *find_document_;
    find.Bind(1, doc.id);
    absl::StatusOr<bool> found = find.Step();
    const int64_t old_key = found.ok() && *found ? find.Int(0) : 0;
    const std::string old_hash = found.ok() && *found ? find.Text(1) : "";
    find.Reset();
    if (!found.ok()) return found.status();
    if (old_key != 0) {
      if (old_hash == hash) {
        *outcome = WriteOutcome::kUnchanged;
        return absl::OkStatus();
      }
      // A new version: the old one goes with everything coded from it
      // (ON DELETE CASCADE), reviews aside.
      delete_document_->Bind(1, old_key);
      SITREP_RETURN_IF_ERROR(delete_document_->Run());
      *outcome = WriteOutcome::kReplaced;
    } else {
      *outcome = WriteOutcome::kInserted;
    }

    SqliteStatement& d = *insert_document_;
    d.Bind(1, doc.id);
    d.Bind(2, hash);
    d.BindOrNull(3, doc.date);
    d.BindOrNull(4, doc.source);
    d.BindOrNull(5, doc.url);
    d.BindOrNull(6, doc.title);
    d.Bind(7, doc.text);
    d.BindOrNull(8, doc.origin);
    if (doc.line > 0) {
      d.Bind(9, static_cast<int64_t>(doc.line));
    } else {
      d.BindNull(9);
    }
    d.Bind(10, static_cast<int64_t>(coded.sentence_spans.size()));
    d.BindOrNull(11, report.coder);
    SITREP_RETURN_IF_ERROR(d.Run());
    const int64_t key = db_->last_insert_rowid();

    for (size_t i = 0; i < coded.errors.size(); ++i) {
      const DocumentError& e = coded.errors[i];
      SqliteStatement& st = *insert_error_;
      st.Bind(1, key);
      st.Bind(2, static_cast<int64_t>(i));
      st.Bind(3, e.code);
      st.Bind(4, e.message);
      st.Bind(5, static_cast<int64_t>(e.fatal));
      SITREP_RETURN_IF_ERROR(st.Run());
    }

    std::vector<int64_t> sentence_keys;
    sentence_keys.reserve(coded.sentence_spans.size());
    for (size_t i = 0; i < coded.sentence_spans.size(); ++i) {
      const Span& span = coded.sentence_spans[i];
      if (span.end > doc.text.size() || span.begin > span.end) {
        return absl::InvalidArgumentError(
            absl::StrCat(doc.id, ": sentence ", i, " lies outside the text"));
      }
      SqliteStatement& st = *insert_sentence_;
      st.Bind(1, key);
      st.Bind(2, static_cast<int64_t>(i));
      BindSpan(st, 3, span);
      st.Bind(5, std::string_view(doc.text).substr(span.begin, span.size()));
      SITREP_RETURN_IF_ERROR(st.Run());
      sentence_keys.push_back(db_->last_insert_rowid());
    }

    for (size_t i = 0; i < coded.places.size(); ++i) {
      const PlaceMention& p = coded.places[i];
      SqliteStatement& st = *insert_place_;
      st.Bind(1, key);
      st.Bind(2, static_cast<int64_t>(i));
      st.Bind(3, p.text);
      BindSpan(st, 4, p.span);
      st.Bind(6, p.name);
      if (p.geonames_id != 0) {
        st.Bind(7, static_cast<int64_t>(p.geonames_id));
      } else {
        st.BindNull(7);
      }
      st.Bind(8, p.lat);
      st.Bind(9, p.lon);
      st.BindOrNull(10, p.country);
      st.BindOrNull(11, p.admin1);
      st.BindOrNull(12, p.admin2);
      st.Bind(13, p.precision);
      SITREP_RETURN_IF_ERROR(st.Run());
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
    SqliteStatement& st = *insert_event_;
    st.Bind(1, e.id);
    st.Bind(2, document_key);
    st.Bind(3, sentence_key);
    st.Bind(4, static_cast<int64_t>(salience));
    st.BindOrNull(5,
                  e.date && !e.date->value.empty() ? e.date->value : doc.date);
    st.Bind(6, e.trigger.text);
    BindSpan(st, 7, e.trigger.span);
    st.Bind(9, e.event_class);
    st.Bind(10, e.plover.type);
    st.BindOrNull(11, e.plover.mode);
    st.BindOrNull(12, absl::StrJoin(e.plover.context, " "));
    st.BindOrNull(13, e.cameo);
    if (e.acled) {
      st.Bind(14, e.acled->event_type);
      st.Bind(15, e.acled->sub_event_type);
    }
    if (e.instrument) {
      st.Bind(16, e.instrument->text);
      BindSpan(st, 17, e.instrument->span);
      st.Bind(19, e.instrument->instrument_class);
    }
    if (e.date) {
      st.Bind(20, e.date->text);
      BindSpan(st, 21, e.date->span);
      st.BindOrNull(23, e.date->value);
      st.Bind(24, e.date->precision);
      st.BindOrNull(25, e.date->range_end);
    }
    st.Bind(26, e.modality);
    st.Bind(27, e.confidence);
    SITREP_RETURN_IF_ERROR(st.Run());
    const int64_t key = db_->last_insert_rowid();

    const std::pair<const char*, const std::optional<Casualties>*>
        casualties[] = {{"fatalities", &e.fatalities},
                        {"injuries", &e.injuries}};
    for (const auto& [kind, c] : casualties) {
      if (!*c) continue;
      SqliteStatement& cs = *insert_casualties_;
      cs.Bind(1, key);
      cs.Bind(2, std::string_view(kind));
      if ((*c)->count) {
        cs.Bind(3, *(*c)->count);
      } else {
        cs.BindNull(3);
      }
      cs.Bind(4, (*c)->qualifier);
      cs.BindOrNull(5, (*c)->victims);
      cs.Bind(6, (*c)->evidence.text);
      BindSpan(cs, 7, (*c)->evidence.span);
      SITREP_RETURN_IF_ERROR(cs.Run());
    }

    for (size_t i = 0; i < e.source.size(); ++i) {
      SITREP_RETURN_IF_ERROR(WriteActor(key, "source", i, e.source[i]));
    }
    for (size_t i = 0; i < e.target.size(); ++i) {
      SITREP_RETURN_IF_ERROR(WriteActor(key, "target", i, e.target[i]));
    }
    if (e.claim) {
      SqliteStatement& cl = *insert_claim_;
      cl.Bind(1, key);
      cl.Bind(2, e.claim->stance);
      if (!e.claim->cue.text.empty()) {
        cl.Bind(3, e.claim->cue.text);
        BindSpan(cl, 4, e.claim->cue.span);
      }
      SITREP_RETURN_IF_ERROR(cl.Run());
      if (e.claim->claimant) {
        SITREP_RETURN_IF_ERROR(
            WriteActor(key, "claimant", 0, *e.claim->claimant));
      }
    }
    if (e.location) {
      const Location& l = *e.location;
      SqliteStatement& lo = *insert_location_;
      lo.Bind(1, key);
      lo.Bind(2, l.text);
      BindSpan(lo, 3, l.span);
      lo.Bind(5, static_cast<int64_t>(l.geocoded));
      lo.BindOrNull(6, l.name);
      if (l.geonames_id != 0) lo.Bind(7, static_cast<int64_t>(l.geonames_id));
      if (l.geocoded) {
        lo.Bind(8, l.lat);
        lo.Bind(9, l.lon);
      }
      lo.BindOrNull(10, l.country);
      lo.BindOrNull(11, l.admin1);
      lo.BindOrNull(12, l.admin2);
      lo.BindOrNull(13, l.precision);
      lo.BindOrNull(14, l.basis);
      SITREP_RETURN_IF_ERROR(lo.Run());
    }
    return absl::OkStatus();
  }

  absl::Status WriteActor(int64_t event_key, const char* role, size_t position,
                          const Actor& a) {
    SqliteStatement& st = *insert_actor_;
    st.Bind(1, event_key);
    st.Bind(2, std::string_view(role));
    st.Bind(3, static_cast<int64_t>(position));
    st.Bind(4, a.text);
    if (!a.span.empty()) BindSpan(st, 5, a.span);
    st.BindOrNull(7, a.name);
    st.BindOrNull(8, a.country);
    st.BindOrNull(9, a.sector);
    st.BindOrNull(10, a.code);
    st.Bind(11, static_cast<int64_t>(a.first_person));
    return st.Run();
  }

  absl::Status RunQuery(const EventQuery& q,
                        const std::function<bool(StoredEvent&)>& each) {
    absl::StatusOr<EventSql> sql = BuildEventSql(q, SqlDialect::kSqlite);
    if (!sql.ok()) return sql.status();
    // One read transaction: both statements see the same events.
    SITREP_RETURN_IF_ERROR(db_->Execute("BEGIN"));
    absl::Status s = ReadEvents(*sql, each);
    db_->Execute("COMMIT").IgnoreError();
    return s;
  }

  // Steps through the events, reading each one's actors by its key.
  absl::Status ReadEvents(const EventSql& sql,
                          const std::function<bool(StoredEvent&)>& each) {
    absl::StatusOr<SqliteStatement> events = Prepare(sql.events, sql.values);
    if (!events.ok()) return events.status();
    absl::StatusOr<SqliteStatement> actors = db_->Prepare(sql.actors);
    if (!actors.ok()) return actors.status();
    StoredEvent stored;
    for (;;) {
      absl::StatusOr<bool> row = events->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      DecodeEvent(*events, &stored);
      actors->Bind(1, EventKeyOf(*events));
      for (;;) {
        absl::StatusOr<bool> actor = actors->Step();
        if (!actor.ok()) return actor.status();
        if (!*actor) break;
        DecodeActor(*actors, &stored.event);
      }
      actors->Reset();
      if (!each(stored)) break;
    }
    return absl::OkStatus();
  }

  // A statement with `values` bound to its placeholders 1..N.
  absl::StatusOr<SqliteStatement> Prepare(const std::string& text,
                                          const std::vector<SqlValue>& values) {
    absl::StatusOr<SqliteStatement> st = db_->Prepare(text);
    if (!st.ok()) return st.status();
    for (size_t i = 0; i < values.size(); ++i) {
      std::visit([&](const auto& v) { st->Bind(static_cast<int>(i + 1), v); },
                 values[i]);
    }
    return st;
  }

  absl::Status Assign(std::span<const IncidentAssignment> assignments,
                      std::vector<int64_t>* made) {
    absl::StatusOr<SqliteStatement> find = db_->Prepare(
        "SELECT e.event_key, e.day, m.incident_key FROM events e LEFT JOIN "
        "incident_members m ON m.event_key = e.event_key WHERE e.id = ?1");
    absl::StatusOr<SqliteStatement> create = db_->Prepare(
        "INSERT INTO incidents (first_day, last_day, created_at) VALUES (?1, "
        "?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    absl::StatusOr<SqliteStatement> join =
        db_->Prepare("INSERT INTO incident_members VALUES (?1, ?2, ?3, ?4)");
    for (const auto* st : {&find, &create, &join}) {
      if (!st->ok()) return st->status();
    }
    std::vector<std::pair<int64_t, int64_t>> new_ids;  // negative -> made
    for (const IncidentAssignment& a : assignments) {
      find->Bind(1, a.event_id);
      absl::StatusOr<bool> row = find->Step();
      const bool found = row.ok() && *row;
      const int64_t event_key = found ? find->Int(0) : 0;
      const std::string day = found ? find->Text(1) : "";
      const bool member = found && !find->IsNull(2);
      find->Reset();
      if (!row.ok()) return row.status();
      if (!found) {
        return absl::NotFoundError("no stored event " + a.event_id);
      }
      if (member) {
        return absl::FailedPreconditionError("event " + a.event_id +
                                             " is in an incident already");
      }
      int64_t incident = a.incident;
      if (incident < 0) {
        auto it =
            std::find_if(new_ids.begin(), new_ids.end(),
                         [&](const auto& p) { return p.first == incident; });
        if (it != new_ids.end()) {
          incident = it->second;
        } else {
          create->Bind(1, day);
          SITREP_RETURN_IF_ERROR(create->Run());
          new_ids.emplace_back(incident, db_->last_insert_rowid());
          incident = db_->last_insert_rowid();
          made->push_back(incident);
        }
      }
      join->Bind(1, event_key);
      join->Bind(2, incident);
      join->Bind(3, a.score);
      join->Bind(4, a.reason);
      SITREP_RETURN_IF_ERROR(join->Run());
    }
    return absl::OkStatus();
  }

  absl::Status RunIncidents(
      const std::string& from, const std::string& to,
      const std::function<bool(const StoredIncident&)>& each) {
    std::string sql =
        "SELECT incident_key, first_day, last_day FROM incidents WHERE 1";
    int n = 0;
    if (!from.empty()) absl::StrAppend(&sql, " AND last_day >= ?", ++n);
    if (!to.empty()) absl::StrAppend(&sql, " AND first_day <= ?", ++n);
    sql += " ORDER BY first_day, incident_key";
    absl::StatusOr<SqliteStatement> st = db_->Prepare(sql);
    if (!st.ok()) return st.status();
    n = 0;
    if (!from.empty()) st->Bind(++n, from);
    if (!to.empty()) st->Bind(++n, to);
    // SQLite lets a statement read while another steps: each incident's
    // events are read as its row comes, in bounded memory.
    StoredIncident incident;
    while (true) {
      absl::StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      incident.id = st->Int(0);
      incident.first_day = st->Text(1);
      incident.last_day = st->Text(2);
      incident.events.clear();
      EventQuery q;
      q.incident = incident.id;
      SITREP_RETURN_IF_ERROR(RunQuery(q, [&](const StoredEvent& e) {
        incident.events.push_back(e);
        return true;
      }));
      if (!each(incident)) break;
    }
    return absl::OkStatus();
  }

  // Reads the event whose first row `r` stands on, one row per actor, and
  // steps past them; *more says whether `r` stands on another event's row.
  std::unique_ptr<SqliteDatabase> db_;
  int version_;
  std::optional<SqliteStatement> find_document_, delete_document_,
      insert_document_, insert_error_, insert_sentence_, insert_place_,
      insert_event_, insert_casualties_, insert_actor_, insert_claim_,
      insert_location_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(
    const std::string& path) {
  return SqliteStore::Open(path);
}

}  // namespace sitrep::store
