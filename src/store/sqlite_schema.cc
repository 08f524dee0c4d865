#include "store/sqlite_schema.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace sitrep::store {
namespace {

// Version 1: the reports and everything coded from them. Each table keeps
// one record type of the output contract; lists (actors, places, errors)
// are rows, not blobs. Spans are byte offsets into documents.text.
constexpr char kVersion1[] = R"sql(
CREATE TABLE documents (
  document_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,      -- sitrep::ContentHash, SHA-256 hex
  date TEXT,                       -- YYYY-MM-DD
  source TEXT,
  url TEXT,
  title TEXT,
  text TEXT NOT NULL,
  origin TEXT,                     -- file it was read from
  line INTEGER,                    -- its line there (JSONL)
  sentence_count INTEGER NOT NULL,
  coder TEXT,                      -- what coded it
  ingested_at TEXT NOT NULL        -- UTC, ISO 8601
);

CREATE TABLE document_errors (
  document_key INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  fatal INTEGER NOT NULL,
  PRIMARY KEY (document_key, position)
) WITHOUT ROWID;

CREATE TABLE sentences (
  sentence_key INTEGER PRIMARY KEY,
  document_key INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  position INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (document_key, position)
);

-- Full-text search over the sentences, kept in step by triggers.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='sentence_key');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.sentence_key, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text)
    VALUES ('delete', old.sentence_key, old.text);
END;

CREATE TABLE events (
  event_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,         -- <doc>:<sentence>:<n>
  document_key INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  sentence_key INTEGER NOT NULL REFERENCES sentences ON DELETE CASCADE,
  salience INTEGER NOT NULL,       -- 0: the document's main event
  day TEXT,                        -- its date, else the document's
  trigger_text TEXT NOT NULL,
  trigger_begin INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  event_class TEXT NOT NULL,
  plover_type TEXT NOT NULL,
  plover_mode TEXT,
  plover_context TEXT,             -- space-separated PLOVER contexts
  cameo TEXT,
  acled_event_type TEXT,
  acled_sub_event_type TEXT,
  instrument_text TEXT,
  instrument_begin INTEGER,
  instrument_end INTEGER,
  instrument_class TEXT,
  date_text TEXT,
  date_begin INTEGER,
  date_end INTEGER,
  date_value TEXT,
  date_precision TEXT,
  date_range_end TEXT,
  modality TEXT NOT NULL,
  confidence REAL NOT NULL
);
CREATE INDEX events_document ON events (document_key);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_plover_day ON events (plover_type, day);
CREATE INDEX events_acled_day ON events (acled_event_type, day);

-- Fatalities and injuries: at most one row of each kind per event.
CREATE TABLE casualties (
  event_key INTEGER NOT NULL REFERENCES events ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('fatalities', 'injuries')),
  count INTEGER,                   -- NULL: not stated
  qualifier TEXT NOT NULL,
  victims TEXT,
  text TEXT NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (event_key, kind)
) WITHOUT ROWID;

-- Source and target actors, and the claimant of the event's claim.
CREATE TABLE actors (
  actor_key INTEGER PRIMARY KEY,
  event_key INTEGER NOT NULL REFERENCES events ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('source', 'target', 'claimant')),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_begin INTEGER,              -- NULL: from the document's metadata
  span_end INTEGER,
  name TEXT,
  country TEXT,
  sector TEXT,
  code TEXT,
  first_person INTEGER NOT NULL,
  UNIQUE (event_key, role, position)
);
CREATE INDEX actors_code ON actors (code);
CREATE INDEX actors_name ON actors (name);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_sector ON actors (sector);
CREATE VIRTUAL TABLE actors_fts USING fts5(
  text, content='actors', content_rowid='actor_key');
CREATE TRIGGER actors_fts_insert AFTER INSERT ON actors BEGIN
  INSERT INTO actors_fts (rowid, text) VALUES (new.actor_key, new.text);
END;
CREATE TRIGGER actors_fts_delete AFTER DELETE ON actors BEGIN
  INSERT INTO actors_fts (actors_fts, rowid, text)
    VALUES ('delete', old.actor_key, old.text);
END;

-- Who says so: one row per event that carries a claim.
CREATE TABLE claims (
  event_key INTEGER PRIMARY KEY REFERENCES events ON DELETE CASCADE,
  stance TEXT NOT NULL,
  cue_text TEXT,
  cue_begin INTEGER,
  cue_end INTEGER
);

-- Where each event happened.
CREATE TABLE event_locations (
  event_key INTEGER PRIMARY KEY REFERENCES events ON DELETE CASCADE,
  text TEXT NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  geocoded INTEGER NOT NULL,
  name TEXT,
  geonames_id INTEGER,
  lat REAL,
  lon REAL,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  precision TEXT,
  basis TEXT
);
CREATE INDEX event_locations_country ON event_locations (country);
CREATE VIRTUAL TABLE event_locations_rtree USING rtree(
  event_key, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER event_locations_rtree_insert AFTER INSERT ON event_locations
  WHEN new.geocoded BEGIN
  INSERT INTO event_locations_rtree
    VALUES (new.event_key, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TRIGGER event_locations_rtree_delete AFTER DELETE ON event_locations
  BEGIN
  DELETE FROM event_locations_rtree WHERE event_key = old.event_key;
END;

-- Every place name of every document, resolved.
CREATE TABLE places (
  place_key INTEGER PRIMARY KEY,
  document_key INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  name TEXT NOT NULL,
  geonames_id INTEGER,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  precision TEXT NOT NULL,
  UNIQUE (document_key, position)
);
CREATE VIRTUAL TABLE places_rtree USING rtree(
  place_key, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER places_rtree_insert AFTER INSERT ON places BEGIN
  INSERT INTO places_rtree
    VALUES (new.place_key, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TRIGGER places_rtree_delete AFTER DELETE ON places BEGIN
  DELETE FROM places_rtree WHERE place_key = old.place_key;
END;

-- An analyst's review of an event, by the event's id: it outlives a new
-- version of the report, which may code the event again under that id.
CREATE TABLE event_reviews (
  event_id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('unreviewed', 'confirmed', 'corrected',
                                       'rejected')),
  note TEXT,
  reviewer TEXT,
  updated_at TEXT NOT NULL
);
)sql";

// Version 2: incidents, the events of several reports that tell of one
// event (src/merge). An incident's days are its events' first and last;
// an incident whose last event goes (its report replaced) goes too.
constexpr char kVersion2[] = R"sql(
CREATE TABLE incidents (
  incident_key INTEGER PRIMARY KEY,
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX incidents_first_day ON incidents (first_day);

CREATE TABLE incident_members (
  event_key INTEGER PRIMARY KEY REFERENCES events ON DELETE CASCADE,
  incident_key INTEGER NOT NULL REFERENCES incidents ON DELETE CASCADE,
  score REAL NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident_key);

CREATE TRIGGER incident_members_insert AFTER INSERT ON incident_members BEGIN
  UPDATE incidents SET
    first_day = min(first_day, (SELECT day FROM events
                                WHERE event_key = new.event_key)),
    last_day = max(last_day, (SELECT day FROM events
                              WHERE event_key = new.event_key))
  WHERE incident_key = new.incident_key;
END;
CREATE TRIGGER incident_members_delete AFTER DELETE ON incident_members BEGIN
  DELETE FROM incidents WHERE incident_key = old.incident_key
    AND NOT EXISTS (SELECT 1 FROM incident_members
                    WHERE incident_key = old.incident_key);
  UPDATE incidents SET
    first_day = (SELECT min(e.day) FROM incident_members m
                 JOIN events e ON e.event_key = m.event_key
                 WHERE m.incident_key = old.incident_key),
    last_day = (SELECT max(e.day) FROM incident_members m
                JOIN events e ON e.event_key = m.event_key
                WHERE m.incident_key = old.incident_key)
  WHERE incident_key = old.incident_key;
END;
)sql";

constexpr Migration kMigrations[] = {
    {1, "reports, sentences, events, actors, claims, places, reviews",
     kVersion1},
    {2, "incidents and their events", kVersion2},
};

absl::StatusOr<int> ReadVersion(SqliteDatabase* db) {
  absl::StatusOr<SqliteStatement> exists = db->Prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
      "'schema_version'");
  if (!exists.ok()) return exists.status();
  absl::StatusOr<bool> row = exists->Step();
  if (!row.ok()) return row.status();
  if (exists->Int(0) == 0) return 0;
  absl::StatusOr<SqliteStatement> read =
      db->Prepare("SELECT max(version) FROM schema_version");
  if (!read.ok()) return read.status();
  row = read->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(read->Int(0));
}

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

absl::StatusOr<int> MigrateSqlite(SqliteDatabase* db, int target) {
  const std::span<const Migration> all = SqliteMigrations();
  if (target <= 0) target = all.back().version;
  absl::StatusOr<int> version = ReadVersion(db);
  if (!version.ok()) return version.status();
  if (*version > all.back().version) {
    return absl::FailedPreconditionError(
        absl::StrCat(db->path(), ": the store has schema version ", *version,
                     "; this sitrep knows up to version ", all.back().version,
                     " (a newer sitrep wrote it)"));
  }
  for (const Migration& m : all) {
    if (m.version <= *version || m.version > target) continue;
    // BEGIN IMMEDIATE: two processes opening a new store at once do not
    // both run a migration; the second sees the first's version.
    if (absl::Status s = db->Execute("BEGIN IMMEDIATE"); !s.ok()) return s;
    absl::StatusOr<int> now = ReadVersion(db);
    absl::Status s = now.status();
    if (s.ok() && *now < m.version) {
      s = db->Execute(m.sql);
      if (s.ok()) {
        s = db->Execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER "
            "PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT "
            "NULL)");
      }
      if (s.ok()) {
        absl::StatusOr<SqliteStatement> note = db->Prepare(
            "INSERT INTO schema_version VALUES (?1, ?2, "
            "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
        s = note.status();
        if (s.ok()) {
          note->Bind(1, static_cast<int64_t>(m.version));
          note->Bind(2, m.description);
          s = note->Run();
        }
      }
    }
    if (!s.ok()) {
      db->Execute("ROLLBACK").IgnoreError();
      return absl::Status(s.code(), absl::StrCat("schema migration to version ",
                                                 m.version, ": ", s.message()));
    }
    if (absl::Status c = db->Execute("COMMIT"); !c.ok()) return c;
  }
  return ReadVersion(db);
}

}  // namespace sitrep::store
