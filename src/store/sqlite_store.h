// The embedded back end of sitrep::Store: one SQLite file in write-ahead-log
// mode with foreign keys on; the schema of store/sqlite_schema.cc.
#ifndef SITREP_STORE_SQLITE_STORE_H_
#define SITREP_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "sitrep/store.h"

namespace sitrep::store {

// Opens (creating or migrating) the store in the file at `path`.
absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace sitrep::store

#endif  // SITREP_STORE_SQLITE_STORE_H_
