// JSON renderings of sitrep records, one object per document, as written
// by the CLI and the server.
#ifndef SITREP_JSON_H_
#define SITREP_JSON_H_

#include <string>
#include <vector>

#include "sitrep/document.h"

namespace sitrep {

// {"id", "dateline", "sentences": [{"span", "text", "tokens"}], "quotes",
//  "errors"}; appends one line (with a trailing newline) to *out.
void AppendSplitJson(const Document& document, const AnalyzedText& text,
                     const std::vector<DocumentError>& warnings,
                     std::string* out);

// {"id", "errors": [{"code", "message", "line"}]} for a rejected record.
void AppendRejectedJson(const Document& document,
                        const std::vector<DocumentError>& errors,
                        std::string* out);

}  // namespace sitrep

#endif  // SITREP_JSON_H_
