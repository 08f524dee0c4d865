// For tests: a PostgreSQL server of their own, started on 127.0.0.1 in a
// temporary directory (initdb, pg_ctl; as the postgres user when the tests
// run as root, which initdb refuses) on the first call, and stopped and
// removed when the test program exits.
#ifndef SITREP_STORE_TEST_POSTGRES_H_
#define SITREP_STORE_TEST_POSTGRES_H_

#include <string>

namespace sitrep::store {

// The URL of a new, empty database on the test server
// (postgresql://sitrep@127.0.0.1:PORT/NAME); "" after printing why the
// server could not be started.
std::string NewTestDatabase();

}  // namespace sitrep::store

#endif  // SITREP_STORE_TEST_POSTGRES_H_
