#include "store/sqlite_store.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status.h"
#include "store/search_words.h"
#include "store/sqlite_db.h"
#include "store/sqlite_schema.h"

namespace sitrep::store {
namespace {

// The event columns Query reads, in this order (see ReadEvent).
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
    "l.basis, m.incident_key, m.score, m.reason, c.stance, c.cue_text, "
    "c.cue_begin, c.cue_end, f.count, f.qualifier, f.victims, f.text, "
    "f.span_begin, f.span_end, i.count, i.qualifier, i.victims, i.text, "
    "i.span_begin, i.span_end, a.event_key, a.role, a.text, a.span_begin, "
    "a.span_end, a.name, a.country, a.sector, a.code, a.first_person";

// The tables those columns come from. An event's claim and casualties (each
// at most one row) and its actors (a row each: an event comes as as many
// rows as it has actors, in order) are joined here rather than read by
// statements of their own.
constexpr char kEventTables[] =
    " FROM events e JOIN documents d ON d.document_key = e.document_key "
    "JOIN sentences s ON s.sentence_key = e.sentence_key "
    "LEFT JOIN event_locations l ON l.event_key = e.event_key "
    "LEFT JOIN incident_members m ON m.event_key = e.event_key "
    "LEFT JOIN claims c ON c.event_key = e.event_key "
    "LEFT JOIN casualties f ON f.event_key = e.event_key AND f.kind = "
    "'fatalities' "
    "LEFT JOIN casualties i ON i.event_key = e.event_key AND i.kind = "
    "'injuries' "
    "LEFT JOIN actors a ON a.event_key = e.event_key";
constexpr char kEventOrder[] =
    " ORDER BY e.day, e.event_key, a.role, a.position";
constexpr int kActorColumn = 65;  // a.event_key

// One event, by its key.
const char* ReadEventSql() {
  static const std::string* const sql = new std::string(absl::StrCat(
      "SELECT ", kEventColumns, kEventTables, " WHERE e.event_key = ?1"));
  return sql->c_str();
}

// Casualties from six columns from `first`; none when they are NULL.
std::optional<Casualties> CasualtiesAt(const SqliteStatement& r, int first) {
  if (r.IsNull(first + 1)) return std::nullopt;
  Casualties c;
  if (!r.IsNull(first)) c.count = r.Int(first);
  c.qualifier = r.Text(first + 1);
  c.victims = r.Text(first + 2);
  c.evidence = {r.Text(first + 3),
                Span{static_cast<uint32_t>(r.Int(first + 4)),
                     static_cast<uint32_t>(r.Int(first + 5))}};
  return c;
}

Span SpanOf(const SqliteStatement& row, int begin) {
  return Span{static_cast<uint32_t>(row.Int(begin)),
              static_cast<uint32_t>(row.Int(begin + 1))};
}

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
        {&read_event_, ReadEventSql()},
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

  // The SQL of a query and the values its placeholders take, in order.
  struct Sql {
    std::string text;
    bool keys_only = false;  // selects keys; each event is read by its key
    std::vector<std::string> texts;  // ?1.. bound as text
    std::vector<double> numbers;     // bound after the texts
  };

  // Events whose actors in `roles` match `who`: a code, name, country or
  // sector exactly, or words of the actor's text.
  static std::string ActorMatch(const char* roles, int param, int fts_param) {
    return absl::StrCat(
        " AND e.event_key IN (SELECT event_key FROM actors WHERE role IN ",
        roles, " AND (code = ?", param, " OR name = ?", param,
        " OR country = ?", param, " OR sector = ?", param,
        ") UNION SELECT a.event_key FROM actors_fts f JOIN actors a ON "
        "a.actor_key = f.rowid WHERE actors_fts MATCH ?",
        fts_param, " AND a.role IN ", roles, ")");
  }

  absl::StatusOr<Sql> BuildQuery(const EventQuery& q) {
    Sql sql;
    auto text_param = [&](std::string value) {
      sql.texts.push_back(std::move(value));
      return static_cast<int>(sql.texts.size());
    };
    std::string where;
    if (!q.from.empty()) {
      absl::StrAppend(&where, " AND e.day >= ?", text_param(q.from));
    }
    if (!q.to.empty()) {
      absl::StrAppend(&where, " AND e.day <= ?", text_param(q.to));
    }
    if (!q.country.empty()) {
      absl::StrAppend(&where, " AND l.country = ?", text_param(q.country));
    }
    if (!q.type.empty()) {
      const int p = text_param(q.type);
      absl::StrAppend(&where, " AND (e.plover_type = ?", p,
                      " OR e.acled_event_type = ?", p,
                      " OR e.acled_sub_event_type = ?", p, " OR e.cameo = ?", p,
                      " OR e.event_class = ?", p, ")");
    }
    const std::pair<const std::string*, const char*> people[] = {
        {&q.actor, "('source', 'target')"}, {&q.claimant, "('claimant')"}};
    for (const auto& [who, roles] : people) {
      if (who->empty()) continue;
      const int p = text_param(*who);
      std::string words = Fts5Query(*who);
      // Nothing but quotes and spaces: exact fields only.
      const int f = text_param(words.empty() ? "\"\"" : words);
      where += ActorMatch(roles, p, f);
    }
    if (!q.text.empty()) {
      const std::string words = Fts5Query(q.text);
      if (words.empty()) {
        return absl::InvalidArgumentError("--text: no words to search for");
      }
      absl::StrAppend(&where,
                      " AND e.sentence_key IN (SELECT rowid FROM "
                      "sentences_fts WHERE sentences_fts MATCH ?",
                      text_param(words), ")");
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
      const int n = static_cast<int>(sql.texts.size());
      absl::StrAppend(&where,
                      " AND e.event_key IN (SELECT event_key FROM "
                      "event_locations_rtree WHERE min_lon >= ?",
                      n + 1, " AND max_lon <= ?", n + 2, " AND min_lat >= ?",
                      n + 3, " AND max_lat <= ?", n + 4, ")");
      sql.numbers = {q.bbox->min_lon, q.bbox->max_lon, q.bbox->min_lat,
                     q.bbox->max_lat};
    }
    // A page of a larger result (a limit): the keys first, in order, then
    // each event of the page read by its key, so that the sort carries two
    // columns, not sixty (an actor's first hundred of four thousand events
    // come twice as fast). Every event wanted: one statement, which reads
    // each event where it finds it (a full export a third faster).
    sql.keys_only = q.limit > 0;
    if (sql.keys_only) {
      sql.text = absl::StrCat(
          "SELECT e.event_key FROM events e "
          "LEFT JOIN event_locations l ON l.event_key = e.event_key "
          "LEFT JOIN incident_members m ON m.event_key = e.event_key WHERE 1",
          where, " ORDER BY e.day, e.event_key");
    } else {
      sql.text = absl::StrCat("SELECT ", kEventColumns, kEventTables,
                              " WHERE 1", where, kEventOrder);
    }
    if (q.limit > 0) absl::StrAppend(&sql.text, " LIMIT ", q.limit);
    return sql;
  }

  absl::Status RunQuery(const EventQuery& q,
                        const std::function<bool(StoredEvent&)>& each) {
    absl::StatusOr<Sql> sql = BuildQuery(q);
    if (!sql.ok()) return sql.status();
    absl::StatusOr<SqliteStatement> st = db_->Prepare(sql->text);
    if (!st.ok()) return st.status();
    int index = 1;
    for (const std::string& t : sql->texts) st->Bind(index++, t);
    for (double v : sql->numbers) st->Bind(index++, v);
    StoredEvent stored;
    SqliteStatement& read = *read_event_;
    absl::StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    bool more = *row;
    while (more) {
      if (!sql->keys_only) {
        SITREP_RETURN_IF_ERROR(ReadEvent(*st, &stored, &more));
        if (!each(stored)) break;
        continue;
      }
      read.Bind(1, st->Int(0));
      absl::StatusOr<bool> found = read.Step();
      absl::Status s = found.status();
      bool unused;
      if (s.ok() && *found) s = ReadEvent(read, &stored, &unused);
      read.Reset();
      SITREP_RETURN_IF_ERROR(s);
      if (*found && !each(stored)) break;
      row = st->Step();
      if (!row.ok()) return row.status();
      more = *row;
    }
    return absl::OkStatus();
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
  absl::Status ReadEvent(SqliteStatement& r, StoredEvent* out, bool* more) {
    const int64_t key = r.Int(0);
    out->document_id = r.Text(1);
    out->document_date = r.Text(2);
    out->document_source = r.Text(3);
    out->day = r.Text(4);
    Event& e = out->event;
    e = Event();
    e.id = r.Text(5);
    e.sentence = static_cast<int>(r.Int(6));
    e.sentence_span = SpanOf(r, 7);
    e.text = r.Text(9);
    e.trigger = {r.Text(10), SpanOf(r, 11)};
    e.event_class = r.Text(13);
    e.plover.type = r.Text(14);
    e.plover.mode = r.Text(15);
    for (absl::string_view c :
         absl::StrSplit(r.Text(16), ' ', absl::SkipEmpty())) {
      e.plover.context.emplace_back(c);
    }
    e.cameo = r.Text(17);
    if (!r.IsNull(18)) e.acled = AcledType{r.Text(18), r.Text(19)};
    if (!r.IsNull(20)) {
      e.instrument = Instrument{r.Text(20), SpanOf(r, 21), r.Text(23)};
    }
    if (!r.IsNull(24)) {
      e.date = EventDate{r.Text(24), SpanOf(r, 25), r.Text(27), r.Text(28),
                         r.Text(29)};
    }
    e.modality = r.Text(30);
    e.confidence = r.Double(31);
    if (!r.IsNull(32)) {
      Location& l = e.location.emplace();
      l.text = r.Text(33);
      l.span = SpanOf(r, 34);
      l.geocoded = r.Int(36) != 0;
      l.name = r.Text(37);
      l.geonames_id = static_cast<uint32_t>(r.Int(38));
      l.lat = r.Double(39);
      l.lon = r.Double(40);
      l.country = r.Text(41);
      l.admin1 = r.Text(42);
      l.admin2 = r.Text(43);
      l.precision = r.Text(44);
      l.basis = r.Text(45);
    }
    out->incident = r.Int(46);
    out->incident_score = r.Double(47);
    out->incident_reason = r.Text(48);

    if (!r.IsNull(49)) {
      Claim& claim = e.claim.emplace();
      claim.stance = r.Text(49);
      if (!r.IsNull(50)) claim.cue = {r.Text(50), SpanOf(r, 51)};
    }
    e.fatalities = CasualtiesAt(r, 53);
    e.injuries = CasualtiesAt(r, 59);

    do {
      if (!r.IsNull(kActorColumn)) {
        constexpr int c = kActorColumn + 1;
        Actor a;
        a.text = r.Text(c + 1);
        if (!r.IsNull(c + 2)) a.span = SpanOf(r, c + 2);
        a.name = r.Text(c + 4);
        a.country = r.Text(c + 5);
        a.sector = r.Text(c + 6);
        a.code = r.Text(c + 7);
        a.first_person = r.Int(c + 8) != 0;
        const std::string role = r.Text(c);
        if (role == "source") {
          e.source.push_back(std::move(a));
        } else if (role == "target") {
          e.target.push_back(std::move(a));
        } else if (e.claim) {
          e.claim->claimant = std::move(a);
        }
      }
      absl::StatusOr<bool> row = r.Step();
      if (!row.ok()) return row.status();
      *more = *row;
    } while (*more && r.Int(0) == key);
    return absl::OkStatus();
  }

  std::unique_ptr<SqliteDatabase> db_;
  int version_;
  std::optional<SqliteStatement> find_document_, delete_document_,
      insert_document_, insert_error_, insert_sentence_, insert_place_,
      insert_event_, insert_casualties_, insert_actor_, insert_claim_,
      insert_location_, read_event_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(
    const std::string& path) {
  return SqliteStore::Open(path);
}

}  // namespace sitrep::store
