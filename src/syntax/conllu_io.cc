// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
//
// The reader is streaming and bounded: a line longer than kMaxLineBytes is
// not held (its sentence is skipped with an error), and a sentence of more
// than kMaxWords words or kMaxSentenceBytes bytes is skipped too. Empty columns
// are "_"; FORM and LEMMA keep "_" literally (the word can be an underscore),
// the other columns read "_" as empty and write empty as "_", so files
// round-trip byte for byte.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/strings.h"
#include "sitrep/syntax.h"
#include "text/utf8.h"

namespace sitrep {
namespace {

constexpr size_t kMaxLineBytes = size_t{1} << 20;
constexpr size_t kMaxSentenceBytes = size_t{16} << 20;
constexpr size_t kMaxWords = 10000;

std::string_view Field(std::string_view s) { return s == "_" ? "" : s; }

void AppendField(std::string_view s, std::string* out) {
  out->append(s.empty() ? std::string_view("_") : s);
}

// Reads one line without its '\n' (and the '\r's before it, all of them,
// so that what the writer writes reads back the same). Returns false at
// the end of input. A line over the limit is consumed but not kept:
// *too_long is set and *line holds its start.
bool ReadLine(std::istream* in, std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  std::streambuf* buffer = in->rdbuf();
  bool any = false;
  while (true) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) break;
    any = true;
    if (c == '\n') break;
    if (line->size() < kMaxLineBytes) {
      line->push_back(static_cast<char>(c));
    } else {
      *too_long = true;
    }
  }
  while (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

class StreamConlluReader : public ConlluReader {
 public:
  StreamConlluReader(std::unique_ptr<std::istream> owned, std::istream* in,
                     std::string name)
      : owned_(std::move(owned)), in_(in), name_(std::move(name)) {}

  bool Next(SyntaxSentence* sentence, std::string* error) override {
    *sentence = SyntaxSentence();
    error->clear();
    std::string line;
    bool too_long = false;
    size_t first_line = 0;
    size_t bytes = 0;
    bool started = false;
    while (ReadLine(in_, &line, &too_long)) {
      ++line_number_;
      if (line.empty() && !too_long) {
        if (!started) continue;  // blank lines between sentences
        break;
      }
      if (!started) {
        started = true;
        first_line = line_number_;
      }
      if (!error->empty()) continue;  // skipping the rest of a bad sentence
      if (too_long) {
        Fail(first_line,
             StrCat("line ", line_number_, " is longer than ", kMaxLineBytes,
                    " bytes"),
             sentence, error);
        continue;
      }
      bytes += line.size();
      if (bytes > kMaxSentenceBytes) {
        Fail(first_line,
             StrCat("sentence is longer than ", kMaxSentenceBytes, " bytes"),
             sentence, error);
        continue;
      }
      if (text::FindInvalidUtf8(line) != std::string_view::npos) {
        Fail(first_line, StrCat("line ", line_number_, " is not valid UTF-8"),
             sentence, error);
        continue;
      }
      std::string message = AddLine(line, sentence);
      if (!message.empty()) Fail(first_line, message, sentence, error);
    }
    if (!started) return false;
    if (error->empty()) {
      std::string message = Finish(sentence);
      if (!message.empty()) Fail(first_line, message, sentence, error);
    }
    return true;
  }

 private:
  void Fail(size_t first_line, const std::string& message,
            SyntaxSentence* sentence, std::string* error) {
    *error = StrCat(name_, ":", first_line, ": ", message);
    *sentence = SyntaxSentence();
  }

  // Adds one comment or word line; returns an error message or "".
  std::string AddLine(const std::string& line, SyntaxSentence* sentence) {
    if (line[0] == '#') {
      std::string_view comment(line);
      comment.remove_prefix(1);
      if (!comment.empty() && comment[0] == ' ') comment.remove_prefix(1);
      sentence->comments.emplace_back(comment);
      return "";
    }
    const std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() != 10) {
      return StrCat("line ", line_number_, " has ", f.size(),
                    " columns, not 10");
    }
    const std::string_view id = f[0];
    const int next = static_cast<int>(sentence->words.size()) + 1;
    if (id.find('.') != std::string_view::npos) {
      sentence->empty_node_lines.push_back(line);
      return "";
    }
    if (const size_t dash = id.find('-'); dash != std::string_view::npos) {
      MultiwordToken token;
      if (!ParseInt(id.substr(0, dash), &token.first) ||
          !ParseInt(id.substr(dash + 1), &token.last) || token.first != next ||
          token.last < token.first) {
        return StrCat("line ", line_number_, ": bad multiword range '", id,
                      "'");
      }
      token.form = std::string(f[1]);
      token.misc = std::string(Field(f[9]));
      sentence->multiword_tokens.push_back(std::move(token));
      return "";
    }
    int number = 0;
    if (!ParseInt(id, &number) || number != next) {
      return StrCat("line ", line_number_, ": word ID '", id, "' where ", next,
                    " was expected");
    }
    if (sentence->words.size() >= kMaxWords) {
      return StrCat("sentence has more than ", kMaxWords, " words");
    }
    SyntaxWord word;
    word.form = std::string(f[1]);
    word.lemma = std::string(f[2]);
    word.upos = std::string(Field(f[3]));
    word.xpos = std::string(Field(f[4]));
    word.feats = std::string(Field(f[5]));
    if (f[6] != "_" && (!ParseInt(f[6], &word.head) || word.head < 0)) {
      return StrCat("line ", line_number_, ": bad head '", f[6], "'");
    }
    word.deprel = std::string(Field(f[7]));
    word.deps = std::string(Field(f[8]));
    word.misc = std::string(Field(f[9]));
    sentence->words.push_back(std::move(word));
    return "";
  }

  // Checks what needs the whole sentence; returns an error message or "".
  static std::string Finish(const SyntaxSentence* sentence) {
    const int n = static_cast<int>(sentence->words.size());
    if (n == 0) return "sentence has no words";
    for (int i = 0; i < n; ++i) {
      const int head = sentence->words[i].head;
      if (head > n || head == i + 1) {
        return StrCat("word ", i + 1, " has head ", head, " (sentence of ", n,
                      " words)");
      }
    }
    for (const MultiwordToken& token : sentence->multiword_tokens) {
      if (token.last > n) {
        return StrCat("multiword token ", token.first, "-", token.last,
                      " runs past the sentence's ", n, " words");
      }
    }
    return "";
  }

  std::unique_ptr<std::istream> owned_;
  std::istream* in_;
  std::string name_;
  size_t line_number_ = 0;
};

}  // namespace

std::string SyntaxSentence::Comment(const std::string& key) const {
  for (const std::string& comment : comments) {
    if (comment.size() > key.size() + 2 &&
        comment.compare(0, key.size(), key) == 0 &&
        comment.compare(key.size(), 3, " = ") == 0) {
      return comment.substr(key.size() + 3);
    }
    if (comment.size() == key.size() + 2 &&
        comment.compare(0, key.size(), key) == 0 &&
        comment.compare(key.size(), 2, " =") == 0) {
      return "";
    }
  }
  return "";
}

StatusOr<std::unique_ptr<ConlluReader>> ConlluReader::Open(
    const std::string& path) {
  if (path == "-") return FromStream(&std::cin, "<stdin>");
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) {
    return Status(StatusCode::kNotFound, StrCat(path, ": cannot open"));
  }
  std::istream* in = file.get();
  return std::unique_ptr<ConlluReader>(
      std::make_unique<StreamConlluReader>(std::move(file), in, path));
}

std::unique_ptr<ConlluReader> ConlluReader::FromStream(std::istream* in,
                                                       std::string name) {
  return std::make_unique<StreamConlluReader>(nullptr, in, std::move(name));
}

StatusOr<std::vector<SyntaxSentence>> ReadConlluFile(const std::string& path) {
  StatusOr<std::unique_ptr<ConlluReader>> reader = ConlluReader::Open(path);
  if (!reader.ok()) return reader.status();
  std::vector<SyntaxSentence> sentences;
  SyntaxSentence sentence;
  std::string error;
  while ((*reader)->Next(&sentence, &error)) {
    if (!error.empty()) return Status(StatusCode::kInvalidArgument, error);
    sentences.push_back(std::move(sentence));
  }
  return sentences;
}

void WriteConllu(const SyntaxSentence& sentence, std::ostream* out) {
  *out << ToConllu(sentence);
}

std::string ToConllu(const SyntaxSentence& sentence) {
  std::string out;
  for (const std::string& comment : sentence.comments) {
    out.append("# ").append(comment).push_back('\n');
  }
  // Empty nodes "k.m" go right after word k (k = 0: before word 1), in
  // their stored order.
  size_t empty = 0;
  auto append_empty_nodes = [&](int after) {
    const std::string prefix = StrCat(after, ".");
    while (empty < sentence.empty_node_lines.size() &&
           sentence.empty_node_lines[empty].compare(0, prefix.size(), prefix) ==
               0) {
      out.append(sentence.empty_node_lines[empty++]).push_back('\n');
    }
  };
  append_empty_nodes(0);
  size_t token = 0;
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    const int id = static_cast<int>(i) + 1;
    while (token < sentence.multiword_tokens.size() &&
           sentence.multiword_tokens[token].first == id) {
      const MultiwordToken& t = sentence.multiword_tokens[token++];
      out.append(StrCat(t.first, "-", t.last, "\t"));
      AppendField(t.form, &out);
      out.append("\t_\t_\t_\t_\t_\t_\t_\t");
      AppendField(t.misc, &out);
      out.push_back('\n');
    }
    const SyntaxWord& w = sentence.words[i];
    out.append(StrCat(id, "\t"));
    for (const std::string* field :
         {&w.form, &w.lemma, &w.upos, &w.xpos, &w.feats}) {
      AppendField(*field, &out);
      out.push_back('\t');
    }
    out.append(w.head < 0 ? std::string("_") : StrCat(w.head));
    for (const std::string* field : {&w.deprel, &w.deps, &w.misc}) {
      out.push_back('\t');
      AppendField(*field, &out);
    }
    out.push_back('\n');
    append_empty_nodes(id);
  }
  // Anything left is out of order in the input; keep it rather than lose it.
  for (; empty < sentence.empty_node_lines.size(); ++empty) {
    out.append(sentence.empty_node_lines[empty]).push_back('\n');
  }
  out.push_back('\n');
  return out;
}

}  // namespace sitrep
