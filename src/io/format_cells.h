// Cells of the tabular output formats, shared by the table for people and
// the exchange formats.
#ifndef SITREP_IO_FORMAT_CELLS_H_
#define SITREP_IO_FORMAT_CELLS_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/events.h"

namespace sitrep::io {

// A CSV field, quoted as RFC 4180 asks when it must be.
std::string Csv(std::string_view s);
// A TSV field: tabs and line breaks become spaces.
std::string Tsv(std::string_view s);
// Actors' names (else their words), "; " between them.
std::string ActorLabel(const std::vector<Actor>& actors);
// The first actor's code, "" when none.
std::string CodeOf(const std::vector<Actor>& actors);
// The event's own date, else its report's.
std::string EventDay(const std::string& document_date, const Event& e);

}  // namespace sitrep::io

#endif  // SITREP_IO_FORMAT_CELLS_H_
