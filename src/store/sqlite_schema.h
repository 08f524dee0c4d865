// The SQLite store's schema, as the list of migrations that build it: a
// store at version N is brought to the current version by running the
// migrations after N in order, each in its own transaction.
#ifndef SITREP_STORE_SQLITE_SCHEMA_H_
#define SITREP_STORE_SQLITE_SCHEMA_H_

#include <span>

#include "absl/status/statusor.h"
#include "store/sqlite_db.h"

namespace sitrep::store {

struct Migration {
  int version;              // the schema version it brings the store to
  const char* description;  // for people
  const char* sql;
};

// Every migration, by version from 1.
std::span<const Migration> SqliteMigrations();

// Brings the database to version `target` (default: the newest), creating
// the schema in an empty database; returns the version it ends at. A
// database of a newer version than any migration is refused.
absl::StatusOr<int> MigrateSqlite(SqliteDatabase* db, int target = 0);

}  // namespace sitrep::store

#endif  // SITREP_STORE_SQLITE_SCHEMA_H_
