// The PostgreSQL store's schema (with PostGIS points), as the list of
// migrations that build it, in step with the SQLite store's versions
// (store/sqlite_schema.h): version N means the same tables in both.
#ifndef SITREP_STORE_POSTGRES_SCHEMA_H_
#define SITREP_STORE_POSTGRES_SCHEMA_H_

#include <span>

#include "absl/status/statusor.h"
#include "store/postgres_db.h"
#include "store/sqlite_schema.h"

namespace sitrep::store {

std::span<const Migration> PostgresMigrations();

// Brings the database to version `target` (default: the newest); returns
// the version it ends at. Migrations take an advisory lock, so that two
// processes opening one new store do not both build it.
absl::StatusOr<int> MigratePostgres(PgConnection* db, int target = 0);

}  // namespace sitrep::store

#endif  // SITREP_STORE_POSTGRES_SCHEMA_H_
