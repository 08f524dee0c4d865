// Cells of the tabular output formats, shared by the table for people and
// the exchange formats.
#ifndef SITREP_IO_FORMAT_CELLS_H_
#define SITREP_IO_FORMAT_CELLS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/events.h"

namespace sitrep::io {

// A CSV field, quoted as RFC 4180 asks when it must be.
std::string Csv(std::string_view s);
// Appends it to `out`.
void AppendCsv(std::string_view s, std::string* out);

// One CSV record written straight into `out`: a comma before every field
// but the first; End() ends the line.
class CsvRecord {
 public:
  explicit CsvRecord(std::string* out) : out_(out) {}
  // A field, quoted when it must be.
  CsvRecord& Field(std::string_view s) {
    Separate();
    AppendCsv(s, out_);
    return *this;
  }
  // A field that never needs quotes: a number, a code.
  CsvRecord& Plain(std::string_view s) {
    Separate();
    out_->append(s);
    return *this;
  }
  void End() { out_->push_back('\n'); }

 private:
  void Separate() {
    if (started_) out_->push_back(',');
    started_ = true;
  }
  std::string* out_;
  bool started_ = false;
};
// A TSV field: tabs and line breaks become spaces.
std::string Tsv(std::string_view s);
// Actors' names (else their words), "; " between them.
std::string ActorLabel(std::span<const Actor> actors);
// The first actor's code, "" when none.
std::string CodeOf(const std::vector<Actor>& actors);
// The event's own date, else its report's.
std::string_view EventDay(std::string_view document_date, const Event& e);

}  // namespace sitrep::io

#endif  // SITREP_IO_FORMAT_CELLS_H_
