#include "store/postgres_db.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"

namespace sitrep::store {
namespace {

// SQLSTATE classes: 23 integrity constraint, 22 data exception, 42 syntax
// or access rule, 53 insufficient resources, 08 connection.
absl::Status Error(const std::string& what, const char* sqlstate,
                   const char* message) {
  const std::string text = absl::StrCat("postgresql: ", what, ": ", message);
  const std::string_view state = sqlstate != nullptr ? sqlstate : "";
  if (state.starts_with("22") || state.starts_with("23") ||
      state.starts_with("42")) {
    return absl::InvalidArgumentError(text);
  }
  if (state.starts_with("53")) return absl::ResourceExhaustedError(text);
  if (state.starts_with("08")) return absl::UnavailableError(text);
  return absl::InternalError(text);
}

}  // namespace

PgParams& PgParams::Add(double v) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return Add(std::string_view(buffer, static_cast<size_t>(end - buffer)));
}

PgResult::PgResult(PgResult&& other) noexcept
    : result_(std::exchange(other.result_, nullptr)) {}
PgResult& PgResult::operator=(PgResult&& other) noexcept {
  if (this != &other) {
    PQclear(result_);
    result_ = std::exchange(other.result_, nullptr);
  }
  return *this;
}
PgResult::~PgResult() { PQclear(result_); }

int PgResult::rows() const { return PQntuples(result_); }
bool PgResult::IsNull(int row, int column) const {
  return PQgetisnull(result_, row, column) != 0;
}
std::string PgResult::Text(int row, int column) const {
  return std::string(View(row, column));
}
std::string_view PgResult::View(int row, int column) const {
  return std::string_view(
      PQgetvalue(result_, row, column),
      static_cast<size_t>(PQgetlength(result_, row, column)));
}
int64_t PgResult::Int(int row, int column) const {
  return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}
double PgResult::Double(int row, int column) const {
  return std::strtod(PQgetvalue(result_, row, column), nullptr);
}
bool PgResult::Bool(int row, int column) const {
  return PQgetvalue(result_, row, column)[0] == 't';
}

absl::StatusOr<std::unique_ptr<PgConnection>> PgConnection::Open(
    const std::string& url) {
  pg_conn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return absl::ResourceExhaustedError("libpq: no memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    return absl::UnavailableError("postgresql: cannot connect: " + message);
  }
  // Notices (e.g. "relation already exists, skipping") are not errors.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

absl::Status PgConnection::Execute(const std::string& sql) {
  pg_result* r = PQexec(conn_, sql.c_str());
  const ExecStatusType status = PQresultStatus(r);
  absl::Status out = absl::OkStatus();
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    out = Error(sql.substr(0, 80), PQresultErrorField(r, PG_DIAG_SQLSTATE),
                PQerrorMessage(conn_));
  }
  PQclear(r);
  return out;
}

absl::StatusOr<PgResult> PgConnection::Run(const std::string& sql,
                                           const PgParams& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const std::optional<std::string>& v : params.values()) {
    values.push_back(v ? v->c_str() : nullptr);
  }
  pg_result* r =
      PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                   values.data(), nullptr, nullptr, 0);
  const ExecStatusType status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    absl::Status error =
        Error(sql.substr(0, 80), PQresultErrorField(r, PG_DIAG_SQLSTATE),
              PQerrorMessage(conn_));
    PQclear(r);
    return error;
  }
  return PgResult(r);
}

}  // namespace sitrep::store
