// A thin RAII layer over the SQLite C API: a connection and prepared
// statements whose values are always bound, never spliced into SQL. Errors
// come back as absl::Status naming the statement that failed.
#ifndef SITREP_STORE_SQLITE_DB_H_
#define SITREP_STORE_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sitrep::store {

class SqliteStatement;

class SqliteDatabase {
 public:
  // Opens (creating when missing) the database file at `path`.
  static absl::StatusOr<std::unique_ptr<SqliteDatabase>> Open(
      const std::string& path);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  // Runs SQL without parameters (schema, pragmas, BEGIN/COMMIT); several
  // statements may be given at once.
  absl::Status Execute(const std::string& sql);

  absl::StatusOr<SqliteStatement> Prepare(std::string_view sql);

  int64_t last_insert_rowid() const;
  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }

 private:
  SqliteDatabase(sqlite3* db, std::string path)
      : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// A prepared statement. Bind parameters by 1-based index, Step through the
// rows, Reset to run it again with other values.
class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  ~SqliteStatement();

  void Bind(int index, int64_t value);
  void Bind(int index, double value);
  void Bind(int index, std::string_view text);  // copied by SQLite
  void BindNull(int index);
  // Text or NULL when empty.
  void BindOrNull(int index, std::string_view text);

  // true: a row is ready; false: done. An error is the statement's.
  absl::StatusOr<bool> Step();
  // Steps a statement that returns no rows.
  absl::Status Run();
  void Reset();  // clears the bindings too

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  bool Bool(int column) const { return Int(column) != 0; }
  std::string Text(int column) const;  // "" for NULL
  // The text without a copy, valid until the next Step or Reset.
  std::string_view View(int column) const;

 private:
  friend class SqliteDatabase;
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace sitrep::store

#endif  // SITREP_STORE_SQLITE_DB_H_
