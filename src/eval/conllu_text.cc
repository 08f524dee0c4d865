#include "eval/conllu_text.h"

#include <fstream>

#include "common/strings.h"

namespace sitrep::eval {

absl::StatusOr<std::vector<GoldDocument>> ReadConlluDocuments(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(StrCat(path, ": cannot open"));
  std::vector<GoldDocument> docs;
  bool new_paragraph = false;
  std::string line;
  while (std::getline(in, line)) {
    std::string_view l = line;
    if (l.ends_with('\r')) l.remove_suffix(1);
    if (l.starts_with("# newdoc")) {
      GoldDocument& d = docs.emplace_back();
      constexpr std::string_view kId = "# newdoc id =";
      if (l.starts_with(kId))
        d.id = std::string(StripSpace(l.substr(kId.size())));
      new_paragraph = false;
    } else if (l.starts_with("# newpar")) {
      new_paragraph = true;
    } else if (l.starts_with("# text =")) {
      l.remove_prefix(8);
      if (docs.empty()) docs.emplace_back();  // a file without newdoc marks
      GoldDocument& d = docs.back();
      const std::string_view sentence = StripSpace(l);
      if (sentence.empty()) continue;
      if (!d.text.empty()) d.text += new_paragraph ? "\n\n" : " ";
      d.text += sentence;
      d.sentence_ends.push_back(d.text.size());
      new_paragraph = false;
    }
  }
  if (docs.empty())
    return absl::InvalidArgumentError(StrCat(path, ": no `# text` lines"));
  return docs;
}

}  // namespace sitrep::eval
