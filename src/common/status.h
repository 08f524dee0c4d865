// Internal status helpers: absl::Status inside the library, converted to
// the public sitrep::Status at the API edge.
#ifndef SITREP_COMMON_STATUS_H_
#define SITREP_COMMON_STATUS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "sitrep/status.h"

namespace sitrep {

Status ToPublicStatus(const absl::Status& status);

}  // namespace sitrep

// Returns from the enclosing function when `expr` is not OK.
#define SITREP_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::absl::Status sitrep_status_ = (expr);          \
    if (!sitrep_status_.ok()) return sitrep_status_; \
  } while (false)

#endif  // SITREP_COMMON_STATUS_H_
