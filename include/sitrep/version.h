#ifndef SITREP_VERSION_H_
#define SITREP_VERSION_H_

namespace sitrep {

// The library version, "MAJOR.MINOR.PATCH".
const char* Version();

}  // namespace sitrep

#endif  // SITREP_VERSION_H_
