// sitrep eval: scores sitrep on gold files and prints per-field figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "model_path.h"
#include "sitrep/eval.h"
#include "sitrep/events.h"
#include "sitrep/syntax.h"
#include "sitrep/text.h"

namespace sitrep::cli {
namespace {

struct EvalSentencesOptions {
  std::string conllu;
};

void PrintRow(const char* name, const PrecisionRecall& pr) {
  std::printf(
      "%-12s P %6.2f  R %6.2f  F1 %6.2f   (%zu correct, %zu predicted, %zu "
      "gold)\n",
      name, 100 * pr.precision(), 100 * pr.recall(), 100 * pr.f1(), pr.correct,
      pr.predicted, pr.gold);
}

int RunEvalSentences(const EvalSentencesOptions& options) {
  StatusOr<std::unique_ptr<TextAnalyzer>> analyzer = TextAnalyzer::Create();
  if (!analyzer.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", analyzer.status().ToString().c_str());
    return kExitInternal;
  }
  StatusOr<SentenceBoundaryScores> scores =
      EvaluateSentenceBoundaries(options.conllu, **analyzer);
  if (!scores.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", scores.status().message().c_str());
    return scores.status().code() == StatusCode::kInternal ? kExitInternal
                                                           : kExitUsage;
  }
  std::printf("sentence boundaries: %s\n", options.conllu.c_str());
  std::printf("documents %zu, gold sentences %zu, predicted sentences %zu\n",
              scores->documents, scores->gold_sentences,
              scores->predicted_sentences);
  PrintRow("boundaries", scores->boundaries);
  PrintRow("sentences", scores->sentences);
  return kExitOk;
}

struct EvalUdOptions {
  std::string gold;
  std::string system;  // empty: parse the gold file's words with the model
  std::string model;
};

int RunEvalUd(const EvalUdOptions& options) {
  StatusOr<std::vector<SyntaxSentence>> gold = ReadConlluFile(options.gold);
  if (!gold.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", gold.status().message().c_str());
    return kExitUsage;
  }
  std::vector<SyntaxSentence> system;
  std::string parsed_with;
  double seconds = 0;
  size_t words = 0;
  if (!options.system.empty()) {
    StatusOr<std::vector<SyntaxSentence>> read = ReadConlluFile(options.system);
    if (!read.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", read.status().message().c_str());
      return kExitUsage;
    }
    system = std::move(read).value();
  } else {
    const std::string model =
        options.model.empty() ? DefaultParserModelPath() : options.model;
    StatusOr<std::unique_ptr<Parser>> parser = Parser::Load(model);
    if (!parser.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", parser.status().message().c_str());
      return kExitUsage;
    }
    // The gold words with everything the parser predicts removed.
    system = *gold;
    for (SyntaxSentence& s : system) {
      for (SyntaxWord& w : s.words) {
        SyntaxWord bare;
        bare.form = std::move(w.form);
        bare.misc = std::move(w.misc);
        w = std::move(bare);
        ++words;
      }
    }
    const auto start = std::chrono::steady_clock::now();
    (*parser)->Parse(system);
    seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    parsed_with = model;
  }
  StatusOr<UdScores> scores = EvaluateUd(*gold, system);
  if (!scores.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", scores.status().message().c_str());
    return kExitUsage;
  }
  std::printf("gold: %s (%zu sentences, %zu words)\n", options.gold.c_str(),
              gold->size(), scores->gold_words);
  if (parsed_with.empty()) {
    std::printf("system: %s (%zu words)\n", options.system.c_str(),
                scores->system_words);
  } else {
    std::printf(
        "system: %s on the gold tokenisation, %.2f s (%.0f words/s, one "
        "thread)\n",
        parsed_with.c_str(), seconds, words / std::max(seconds, 1e-9));
  }
  std::printf("%-8s %6.2f\n", "Words", scores->words_f1);
  std::printf("%-8s %6.2f\n", "UPOS", scores->upos);
  std::printf("%-8s %6.2f\n", "XPOS", scores->xpos);
  std::printf("%-8s %6.2f\n", "UFeats", scores->ufeats);
  std::printf("%-8s %6.2f\n", "Lemma", scores->lemma);
  std::printf("%-8s %6.2f\n", "UAS", scores->uas);
  std::printf("%-8s %6.2f\n", "LAS", scores->las);
  std::printf("%-8s %6.2f\n", "CLAS", scores->clas);
  return kExitOk;
}

struct EvalEventsOptions {
  std::string set;  // case2021 or plover
  std::string path;
  std::string model;
  std::string lexicon;
  bool all_labels = false;
  bool confusions = false;
  bool errors = false;
};

void PrintClasses(const ClassScores& s, bool confusions, bool errors) {
  for (const auto& [name, pr] : s.per_class) PrintRow(name.c_str(), pr);
  std::printf("items %zu, no event coded %zu\n", s.items, s.no_event);
  std::printf("accuracy %.2f  weighted F1 %.2f  macro F1 %.2f\n",
              100 * s.accuracy, 100 * s.weighted_f1, 100 * s.macro_f1);
  if (confusions) {
    std::map<std::string, int> counts;
    for (const auto& [gold, sys] : s.confusions) counts[gold + " -> " + sys]++;
    std::vector<std::pair<int, std::string>> sorted;
    for (const auto& [k, v] : counts) sorted.push_back({v, k});
    std::sort(sorted.rbegin(), sorted.rend());
    for (const auto& [v, k] : sorted) std::printf("  %3d  %s\n", v, k.c_str());
  }
  if (errors) {
    for (size_t i = 0; i < s.confusions.size(); ++i) {
      std::printf(
          "error\t%s\t%s\t%s\n",
          i < s.confused_items.size() ? s.confused_items[i].c_str() : "",
          s.confusions[i].first.c_str(), s.confusions[i].second.c_str());
    }
  }
}

int RunEvalEvents(const EvalEventsOptions& options) {
  const std::unique_ptr<EventCoder> coder =
      LoadEventCoder(options.model, options.lexicon);
  if (coder == nullptr) return kExitUsage;
  const auto start = std::chrono::steady_clock::now();
  if (options.set == "case2021") {
    StatusOr<ClassScores> s =
        EvaluateCase2021(options.path, *coder, !options.all_labels);
    if (!s.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", s.status().message().c_str());
      return kExitUsage;
    }
    std::printf("CASE 2021 Task 2 (%s), main event of each snippet\n",
                options.all_labels ? "all labels" : "the 25 ACLED classes");
    PrintClasses(*s, options.confusions, options.errors);
  } else {
    StatusOr<PloverScores> s = EvaluatePlover(options.path, *coder);
    if (!s.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", s.status().message().c_str());
      return kExitUsage;
    }
    std::printf("PLOVER gold records: %zu, main event of each\n", s->records);
    PrintClasses(s->event_type, options.confusions, options.errors);
    PrintRow("src country", s->source_country);
    PrintRow("tgt country", s->target_country);
    PrecisionRecall both = s->source_country;
    both.gold += s->target_country.gold;
    both.predicted += s->target_country.predicted;
    both.correct += s->target_country.correct;
    PrintRow("src+tgt ctry", both);
    PrintRow("src sector", s->source_sector);
    PrintRow("tgt sector", s->target_sector);
    PrintRow("dead", s->dead);
  }
  std::fprintf(
      stderr, "%.1f s\n",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return kExitOk;
}

struct EvalGeoOptions {
  std::string path;
  std::string model;
  std::string lexicon;
};

void PrintGeoScores(const GeoScores& s) {
  auto pct = [](size_t a, size_t b) {
    return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / b;
  };
  std::vector<double> errors = s.errors_km;
  std::sort(errors.begin(), errors.end());
  const double median = errors.empty() ? 0 : errors[errors.size() / 2];
  std::printf("accuracy@161km  %6.2f  (%zu of all gold toponyms)\n",
              pct(s.correct, s.gold), s.correct);
  std::printf(
      "detected        %6.2f  (%zu; of these within 161 km: %.2f, "
      "median error %.0f km)\n",
      pct(s.detected, s.gold), s.detected, pct(s.correct, s.detected), median);
  std::printf("places          %zu, on a gold toponym %.2f\n", s.places,
              pct(s.places_on_gold, s.places));
}

int RunEvalGeo(const EvalGeoOptions& options) {
  EventCoderOptions coder_options;
  coder_options.parser_model =
      options.model.empty() ? DefaultParserModelPath() : options.model;
  coder_options.lexicon =
      options.lexicon.empty() ? DefaultLexiconPath() : options.lexicon;
  coder_options.gazetteer = DefaultGazetteerPath();
  const auto start = std::chrono::steady_clock::now();
  StatusOr<GeoEvaluation> s = EvaluateGeo(options.path, coder_options);
  if (!s.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", s.status().message().c_str());
    return kExitUsage;
  }
  std::printf("geoparsing: %zu articles, %zu gold toponyms with coordinates\n",
              s->alone.articles, s->alone.gold);
  if (s->with_homes.articles == 0) {
    std::printf("(no publisher names enough of its own places to be placed)\n");
    PrintGeoScores(s->alone);
  } else {
    size_t sources = 0;
    for (const SourceHome& h : s->homes) sources += h.documents;
    std::printf(
        "with the homes of %zu publishers, learned from %zu of the articles "
        "(sitrep homes)\n",
        s->homes.size(), sources);
    PrintGeoScores(s->with_homes);
    std::printf("each article read alone\n");
    PrintGeoScores(s->alone);
  }
  std::fprintf(
      stderr, "%.1f s\n",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return kExitOk;
}

struct EvalArgumentsOptions {
  std::string set;   // wikievents or muc4
  std::string path;  // WikiEvents JSONL, or MUC messages (file or dir)
  std::string keys;  // MUC answer keys (file or dir)
  std::string model;
  std::string lexicon;
};

PrecisionRecall Total(const std::map<std::string, PrecisionRecall>& rows) {
  PrecisionRecall total;
  for (const auto& [name, pr] : rows) {
    total.gold += pr.gold;
    total.predicted += pr.predicted;
    total.correct += pr.correct;
  }
  return total;
}

int RunEvalArguments(const EvalArgumentsOptions& options) {
  const std::unique_ptr<EventCoder> coder =
      LoadEventCoder(options.model, options.lexicon);
  if (coder == nullptr) return kExitUsage;
  const auto start = std::chrono::steady_clock::now();
  if (options.set == "wikievents") {
    StatusOr<ArgumentScores> s = EvaluateWikiEvents(options.path, *coder);
    if (!s.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", s.status().message().c_str());
      return kExitUsage;
    }
    std::printf(
        "WikiEvents arguments (%zu documents; Conflict.*, Life.Die, "
        "Life.Injure mentions; lenient text match)\n",
        s->documents);
    for (const auto& [role, pr] : s->per_role) PrintRow(role.c_str(), pr);
    PrintRow("all roles", Total(s->per_role));
  } else {
    StatusOr<Muc4Scores> s = EvaluateMuc4(options.path, options.keys, *coder);
    if (!s.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", s.status().message().c_str());
      return kExitUsage;
    }
    std::printf(
        "MUC-4 (%zu messages with keys; types and perpetrators over the "
        "messages with a template)\n",
        s->messages);
    for (const auto& [type, pr] : s->incident_type) {
      // "FORCED WORK STOPPAGE" would overrun the name column.
      PrintRow(type == "FORCED WORK STOPPAGE" ? "WORK STOP" : type.c_str(), pr);
    }
    PrintRow("all types", Total(s->incident_type));
    PrintRow("relevant", s->relevant);
    PrintRow("perpetrator", s->perpetrator);
    PrintRow("perp conf", s->perpetrator_confidence);
  }
  std::fprintf(
      stderr, "%.1f s\n",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return kExitOk;
}

}  // namespace

Runner RegisterEval(CLI::App& app) {
  CLI::App* eval = app.add_subcommand(
      "eval",
      "Score sitrep against gold files and print precision, recall and F1.");
  eval->require_subcommand(1);
  auto sentences = std::make_shared<EvalSentencesOptions>();
  CLI::App* cmd = eval->add_subcommand(
      "sentences",
      "Sentence boundaries against a CoNLL-U file (e.g. UD English EWT test): "
      "each `# newdoc` document is rebuilt from its `# text` lines and split "
      "again; boundaries inside documents are scored.");
  cmd->add_option("conllu", sentences->conllu, "gold CoNLL-U file")
      ->required()
      ->check(CLI::ExistingFile);
  auto ud = std::make_shared<EvalUdOptions>();
  CLI::App* ud_cmd = eval->add_subcommand(
      "ud",
      "Tagging, lemmas and dependencies against a gold CoNLL-U file (e.g. UD "
      "English EWT test), scored as the CoNLL 2018 shared task does (LAS on "
      "the universal part of the relation). Without --system, the gold "
      "file's words are parsed with the model.");
  ud_cmd->add_option("gold", ud->gold, "gold CoNLL-U file")
      ->required()
      ->check(CLI::ExistingFile);
  ud_cmd
      ->add_option("--system", ud->system,
                   "score this CoNLL-U file instead of parsing")
      ->check(CLI::ExistingFile);
  ud_cmd->add_option("--model", ud->model,
                     "parser model (default: $SITREP_PARSER_MODEL, else "
                     "models/en.parser)");
  std::vector<std::pair<CLI::App*, std::shared_ptr<EvalEventsOptions>>>
      event_sets;
  for (const auto& [name, help] :
       std::vector<std::pair<std::string, std::string>>{
           {"case2021",
            "CASE 2021 Task 2 (id<TAB>snippet<TAB>label): the ACLED "
            "sub-event type of each snippet's main event; weighted F1 over "
            "the 25 ACLED classes (--all-labels: every snippet)."},
           {"plover",
            "PLOVER gold-standard records (JSON array): PLOVER type of the "
            "main event, source and target countries and sectors, deaths."}}) {
    auto o = std::make_shared<EvalEventsOptions>();
    o->set = name;
    CLI::App* c = eval->add_subcommand(name, help);
    c->add_option("path", o->path, "gold file")
        ->required()
        ->check(CLI::ExistingFile);
    AddCoderOptions(c, &o->model, &o->lexicon);
    c->add_flag("--confusions", o->confusions,
                "list the gold -> system confusions");
    c->add_flag("--errors", o->errors,
                "list every item coded wrong: id, gold label, system label");
    if (name == "case2021") {
      c->add_flag("--all-labels", o->all_labels,
                  "score every snippet, not only the ACLED classes");
    }
    event_sets.push_back({c, o});
  }
  auto wiki = std::make_shared<EvalArgumentsOptions>();
  wiki->set = "wikievents";
  CLI::App* wiki_cmd = eval->add_subcommand(
      "wikievents",
      "WikiEvents (JSONL): Attacker, Target, Victim and Instrument arguments "
      "of the conflict, death and injury mentions against the actors and "
      "instruments of all coded events (lenient text match).");
  wiki_cmd->add_option("path", wiki->path, "gold JSONL file")
      ->required()
      ->check(CLI::ExistingFile);
  AddCoderOptions(wiki_cmd, &wiki->model, &wiki->lexicon);
  auto muc = std::make_shared<EvalArgumentsOptions>();
  muc->set = "muc4";
  CLI::App* muc_cmd = eval->add_subcommand(
      "muc4",
      "MUC-4 messages against their answer keys: incident types, relevant "
      "messages, perpetrator organisations and their confidence.");
  muc_cmd
      ->add_option("messages", muc->path,
                   "message file, or a directory of them (files not named "
                   "key-*)")
      ->required()
      ->check(CLI::ExistingPath);
  muc_cmd
      ->add_option("keys", muc->keys,
                   "answer-key file, or a directory (its key-* files)")
      ->required()
      ->check(CLI::ExistingPath);
  AddCoderOptions(muc_cmd, &muc->model, &muc->lexicon);
  auto geo = std::make_shared<EvalGeoOptions>();
  CLI::App* geo_cmd = eval->add_subcommand(
      "geo",
      "Geoparsing corpora (LGL or GeoVirus XML): of the gold toponyms, how "
      "many a resolved place overlaps, and how many it places within 161 km "
      "of the gold point.");
  geo_cmd->add_option("path", geo->path, "gold XML file")
      ->required()
      ->check(CLI::ExistingFile);
  AddCoderOptions(geo_cmd, &geo->model, &geo->lexicon);
  return [cmd, sentences, ud_cmd, ud, event_sets, wiki_cmd, wiki, muc_cmd, muc,
          geo_cmd, geo] {
    if (geo_cmd->parsed()) return RunEvalGeo(*geo);
    if (cmd->parsed()) return RunEvalSentences(*sentences);
    if (ud_cmd->parsed()) return RunEvalUd(*ud);
    for (const auto& [c, o] : event_sets) {
      if (c->parsed()) return RunEvalEvents(*o);
    }
    if (wiki_cmd->parsed()) return RunEvalArguments(*wiki);
    if (muc_cmd->parsed()) return RunEvalArguments(*muc);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
