// sitrep's public error type. The library uses absl::Status internally;
// the public API carries this standard-library-only equivalent so that
// clients (the CLI, the server, the Python binding) need no abseil headers.
#ifndef SITREP_STATUS_H_
#define SITREP_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace sitrep {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument = 3,     // bad input: malformed document, bad flag value
  kNotFound = 5,            // a file or resource that does not exist
  kResourceExhausted = 8,   // a size limit was exceeded
  kFailedPrecondition = 9,  // e.g. a model file of the wrong version
  kUnimplemented = 12,
  kInternal = 13,  // a bug in sitrep
  kDataLoss = 15,  // a corrupt or truncated file
};

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;  // "INVALID_ARGUMENT: message" or "OK"

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-OK Status. Accessing value() of a StatusOr that
// holds an error is a programming error (checked by an assertion).
template <typename T>
class StatusOr {
 public:
  StatusOr(Status status)
      : data_(std::move(status)) {}               // NOLINT: implicit by design
  StatusOr(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  Status status() const { return ok() ? Status() : std::get<Status>(data_); }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> data_;
};

}  // namespace sitrep

#endif  // SITREP_STATUS_H_
