// A thin layer over libpq: a connection, bound parameters (values always
// travel apart from the SQL, never spliced into it) and results, with
// errors as absl::Status naming the statement that failed.
#ifndef SITREP_STORE_POSTGRES_DB_H_
#define SITREP_STORE_POSTGRES_DB_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct pg_conn;
struct pg_result;

namespace sitrep::store {

// Parameters $1, $2 ... of a statement, as text (PostgreSQL converts them
// to the column types); a missing value is NULL.
class PgParams {
 public:
  PgParams& Add(std::string_view text) {
    values_.emplace_back(std::string(text));
    return *this;
  }
  PgParams& Add(int64_t v) { return Add(std::to_string(v)); }
  PgParams& Add(double v);
  PgParams& AddBool(bool v) { return Add(v ? "t" : "f"); }
  PgParams& AddNull() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  PgParams& AddOrNull(std::string_view text) {
    return text.empty() ? AddNull() : Add(text);
  }
  size_t size() const { return values_.size(); }
  const std::vector<std::optional<std::string>>& values() const {
    return values_;
  }

 private:
  std::vector<std::optional<std::string>> values_;
};

// The rows of a statement, read as text.
class PgResult {
 public:
  explicit PgResult(pg_result* result) : result_(result) {}
  PgResult(PgResult&& other) noexcept;
  PgResult& operator=(PgResult&& other) noexcept;
  ~PgResult();

  int rows() const;
  bool IsNull(int row, int column) const;
  std::string Text(int row, int column) const;  // "" for NULL
  // The text without a copy, valid while the result is.
  std::string_view View(int row, int column) const;
  int64_t Int(int row, int column) const;    // 0 for NULL
  double Double(int row, int column) const;  // 0 for NULL
  bool Bool(int row, int column) const;

 private:
  pg_result* result_;
};

// One row of a result, read as a SqliteStatement reads its current row.
class PgRow {
 public:
  PgRow(const PgResult& result, int row) : result_(result), row_(row) {}
  bool IsNull(int column) const { return result_.IsNull(row_, column); }
  std::string_view View(int column) const { return result_.View(row_, column); }
  int64_t Int(int column) const { return result_.Int(row_, column); }
  double Double(int column) const { return result_.Double(row_, column); }
  bool Bool(int column) const { return result_.Bool(row_, column); }

 private:
  const PgResult& result_;
  int row_;
};

class PgConnection {
 public:
  // Connects to `url` (a libpq URI: postgresql://user@host:port/db).
  static absl::StatusOr<std::unique_ptr<PgConnection>> Open(
      const std::string& url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs SQL without parameters (schema, BEGIN/COMMIT); several
  // statements may be given at once.
  absl::Status Execute(const std::string& sql);
  absl::StatusOr<PgResult> Run(const std::string& sql,
                               const PgParams& params = {});

 private:
  explicit PgConnection(pg_conn* conn) : conn_(conn) {}
  pg_conn* conn_;
};

}  // namespace sitrep::store

#endif  // SITREP_STORE_POSTGRES_DB_H_
