#include "common/status.h"

#include <string>

#include "sitrep/version.h"

namespace sitrep {

Status ToPublicStatus(const absl::Status& status) {
  if (status.ok()) return Status();
  // absl's canonical codes and ours share numbers for the codes we use;
  // anything else is reported as internal.
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kUnimplemented:
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kDataLoss:
      return Status(static_cast<StatusCode>(status.code()),
                    std::string(status.message()));
    default:
      return Status(StatusCode::kInternal, std::string(status.message()));
  }
}

std::string Status::ToString() const {
  const char* name = "UNKNOWN";
  switch (code_) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      name = "INVALID_ARGUMENT";
      break;
    case StatusCode::kNotFound:
      name = "NOT_FOUND";
      break;
    case StatusCode::kResourceExhausted:
      name = "RESOURCE_EXHAUSTED";
      break;
    case StatusCode::kFailedPrecondition:
      name = "FAILED_PRECONDITION";
      break;
    case StatusCode::kUnimplemented:
      name = "UNIMPLEMENTED";
      break;
    case StatusCode::kInternal:
      name = "INTERNAL";
      break;
    case StatusCode::kDataLoss:
      name = "DATA_LOSS";
      break;
  }
  return std::string(name) + ": " + message_;
}

const char* Version() { return SITREP_VERSION_STRING; }

}  // namespace sitrep
