// The shared back end of sitrep::Store: a PostgreSQL server with PostGIS,
// through libpq; the schema of store/postgres_schema.cc.
#ifndef SITREP_STORE_POSTGRES_STORE_H_
#define SITREP_STORE_POSTGRES_STORE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "sitrep/store.h"

namespace sitrep::store {

// Connects to the database at `url` (postgresql://...), creating or
// migrating the schema.
absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStore(
    const std::string& url);

}  // namespace sitrep::store

#endif  // SITREP_STORE_POSTGRES_STORE_H_
