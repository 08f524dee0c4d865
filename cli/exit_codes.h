// Exit codes shared by every verb.
#ifndef SITREP_CLI_EXIT_CODES_H_
#define SITREP_CLI_EXIT_CODES_H_

namespace sitrep::cli {

constexpr int kExitOk = 0;
constexpr int kExitInternal = 1;  // a failure of sitrep or of the machine (I/O)
constexpr int kExitUsage = 2;     // bad flags or arguments; nothing was done
constexpr int kExitRejected = 3;  // done, but some input was rejected

}  // namespace sitrep::cli

#endif  // SITREP_CLI_EXIT_CODES_H_
