#include "store/postgres_schema.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/status.h"

namespace sitrep::store {
namespace {

// Version 1, as store/sqlite_schema.cc's: the full-text indexes are
// tsvector columns with GIN indexes ('simple': lower case, no stemming),
// the places PostGIS points with GiST indexes.
constexpr char kVersion1[] = R"sql(
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE documents (
  document_key BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  date TEXT,
  source TEXT,
  url TEXT,
  title TEXT,
  text TEXT NOT NULL,
  origin TEXT,
  line BIGINT,
  sentence_count INTEGER NOT NULL,
  coder TEXT,
  ingested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE document_errors (
  document_key BIGINT NOT NULL REFERENCES documents ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  fatal BOOLEAN NOT NULL,
  PRIMARY KEY (document_key, position)
);

CREATE TABLE sentences (
  sentence_key BIGSERIAL PRIMARY KEY,
  document_key BIGINT NOT NULL REFERENCES documents ON DELETE CASCADE,
  position INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  words TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
  UNIQUE (document_key, position)
);
CREATE INDEX sentences_words ON sentences USING GIN (words);

CREATE TABLE events (
  event_key BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_key BIGINT NOT NULL REFERENCES documents ON DELETE CASCADE,
  sentence_key BIGINT NOT NULL REFERENCES sentences ON DELETE CASCADE,
  salience INTEGER NOT NULL,
  day TEXT COLLATE "C",
  trigger_text TEXT NOT NULL,
  trigger_begin INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  event_class TEXT NOT NULL,
  plover_type TEXT NOT NULL,
  plover_mode TEXT,
  plover_context TEXT,
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
  confidence DOUBLE PRECISION NOT NULL
);
CREATE INDEX events_document ON events (document_key);
CREATE INDEX events_sentence ON events (sentence_key);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_plover_day ON events (plover_type, day);
CREATE INDEX events_acled_day ON events (acled_event_type, day);

CREATE TABLE casualties (
  event_key BIGINT NOT NULL REFERENCES events ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('fatalities', 'injuries')),
  count BIGINT,
  qualifier TEXT NOT NULL,
  victims TEXT,
  text TEXT NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (event_key, kind)
);

CREATE TABLE actors (
  actor_key BIGSERIAL PRIMARY KEY,
  event_key BIGINT NOT NULL REFERENCES events ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('source', 'target', 'claimant')),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_begin INTEGER,
  span_end INTEGER,
  name TEXT,
  country TEXT,
  sector TEXT,
  code TEXT,
  first_person BOOLEAN NOT NULL,
  words TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
  UNIQUE (event_key, role, position)
);
CREATE INDEX actors_code ON actors (code);
CREATE INDEX actors_name ON actors (name);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_sector ON actors (sector);
CREATE INDEX actors_words ON actors USING GIN (words);

CREATE TABLE claims (
  event_key BIGINT PRIMARY KEY REFERENCES events ON DELETE CASCADE,
  stance TEXT NOT NULL,
  cue_text TEXT,
  cue_begin INTEGER,
  cue_end INTEGER
);

CREATE TABLE event_locations (
  event_key BIGINT PRIMARY KEY REFERENCES events ON DELETE CASCADE,
  text TEXT NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  geocoded BOOLEAN NOT NULL,
  name TEXT,
  geonames_id BIGINT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  precision TEXT,
  basis TEXT,
  point geometry(Point, 4326) GENERATED ALWAYS AS (
    CASE WHEN geocoded THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END)
    STORED
);
CREATE INDEX event_locations_country ON event_locations (country);
CREATE INDEX event_locations_point ON event_locations USING GIST (point);

CREATE TABLE places (
  place_key BIGSERIAL PRIMARY KEY,
  document_key BIGINT NOT NULL REFERENCES documents ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  name TEXT NOT NULL,
  geonames_id BIGINT,
  lat DOUBLE PRECISION NOT NULL,
  lon DOUBLE PRECISION NOT NULL,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  precision TEXT NOT NULL,
  point geometry(Point, 4326) GENERATED ALWAYS AS (
    ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED,
  UNIQUE (document_key, position)
);
CREATE INDEX places_point ON places USING GIST (point);

CREATE TABLE event_reviews (
  event_id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('unreviewed', 'confirmed', 'corrected',
                                       'rejected')),
  note TEXT,
  reviewer TEXT,
  updated_at TIMESTAMPTZ NOT NULL
);
)sql";

// Version 2, as store/sqlite_schema.cc's: incidents.
constexpr char kVersion2[] = R"sql(
CREATE TABLE incidents (
  incident_key BIGSERIAL PRIMARY KEY,
  first_day TEXT COLLATE "C" NOT NULL,
  last_day TEXT COLLATE "C" NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX incidents_first_day ON incidents (first_day);

CREATE TABLE incident_members (
  event_key BIGINT PRIMARY KEY REFERENCES events ON DELETE CASCADE,
  incident_key BIGINT NOT NULL REFERENCES incidents ON DELETE CASCADE,
  score DOUBLE PRECISION NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident_key);

CREATE FUNCTION incident_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key BIGINT;
BEGIN
  key := CASE WHEN TG_OP = 'DELETE' THEN OLD.incident_key
              ELSE NEW.incident_key END;
  IF TG_OP = 'DELETE' AND NOT EXISTS (
      SELECT 1 FROM incident_members WHERE incident_key = key) THEN
    DELETE FROM incidents WHERE incident_key = key;
    RETURN NULL;
  END IF;
  UPDATE incidents SET
    first_day = (SELECT min(e.day) FROM incident_members m
                 JOIN events e ON e.event_key = m.event_key
                 WHERE m.incident_key = key),
    last_day = (SELECT max(e.day) FROM incident_members m
                JOIN events e ON e.event_key = m.event_key
                WHERE m.incident_key = key)
  WHERE incident_key = key;
  RETURN NULL;
END;
$$;
CREATE TRIGGER incident_members_days AFTER INSERT OR DELETE
  ON incident_members FOR EACH ROW EXECUTE FUNCTION incident_days();
)sql";

constexpr Migration kMigrations[] = {
    {1, "reports, sentences, events, actors, claims, places, reviews",
     kVersion1},
    {2, "incidents and their events", kVersion2},
};

absl::StatusOr<int> ReadVersion(PgConnection* db) {
  absl::StatusOr<PgResult> r =
      db->Run("SELECT coalesce(max(version), 0) FROM schema_version");
  if (!r.ok()) return r.status();
  return static_cast<int>(r->Int(0, 0));
}

}  // namespace

std::span<const Migration> PostgresMigrations() { return kMigrations; }

absl::StatusOr<int> MigratePostgres(PgConnection* db, int target) {
  const std::span<const Migration> all = PostgresMigrations();
  if (target <= 0) target = all.back().version;
  // One transaction under an advisory lock: a second process opening the
  // store meanwhile waits, then finds it built. DDL is transactional in
  // PostgreSQL, so a failed migration leaves the store as it was.
  SITREP_RETURN_IF_ERROR(db->Execute(
      "BEGIN; SELECT pg_advisory_xact_lock(7311); CREATE TABLE IF NOT EXISTS "
      "schema_version (version INTEGER PRIMARY KEY, description TEXT NOT "
      "NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"));
  absl::StatusOr<int> version = ReadVersion(db);
  absl::Status s = version.status();
  if (s.ok() && *version > all.back().version) {
    s = absl::FailedPreconditionError(
        absl::StrCat("the store has schema version ", *version,
                     "; this sitrep knows up to version ", all.back().version,
                     " (a newer sitrep wrote it)"));
  }
  for (const Migration& m : all) {
    if (!s.ok()) break;
    if (m.version <= *version || m.version > target) continue;
    s = db->Execute(m.sql);
    if (s.ok()) {
      PgParams p;
      p.Add(static_cast<int64_t>(m.version)).Add(m.description);
      s = db->Run(
                "INSERT INTO schema_version (version, description) VALUES "
                "($1, $2)",
                p)
              .status();
    }
    if (!s.ok()) {
      s = absl::Status(s.code(), absl::StrCat("schema migration to version ",
                                              m.version, ": ", s.message()));
    }
  }
  if (!s.ok()) {
    db->Execute("ROLLBACK").IgnoreError();
    return s;
  }
  SITREP_RETURN_IF_ERROR(db->Execute("COMMIT"));
  return ReadVersion(db);
}

}  // namespace sitrep::store
