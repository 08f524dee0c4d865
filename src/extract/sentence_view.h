// One parsed sentence as the extraction rules see it: words with their
// byte spans in the document, the dependency tree with child lists, and the
// lexicon's phrase matches, indexed by the word each phrase is headed by.
#ifndef SITREP_EXTRACT_SENTENCE_VIEW_H_
#define SITREP_EXTRACT_SENTENCE_VIEW_H_

#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"
#include "sitrep/document.h"
#include "sitrep/syntax.h"

namespace sitrep::extract {

struct LexMatch {
  int begin = 0;  // word index
  int end = 0;    // one past the last word
  lexicon::EntryKind kind = lexicon::EntryKind::kSector;
  uint32_t index = 0;
  int head = 0;  // the word the phrase is about
};

struct WordView {
  std::string_view form;
  std::string lemma;  // lower-case
  std::string_view upos;
  std::string_view xpos;
  std::string_view deprel;   // without its subtype
  std::string_view subtype;  // "pass" of "nsubj:pass", else empty
  int head = -1;             // word index, -1 for the root
  Span span;
  std::vector<int> children;
};

class SentenceView {
 public:
  SentenceView(const SyntaxSentence& parsed, const Sentence& sentence,
               const lexicon::Lexicon& lexicon);

  int size() const { return static_cast<int>(words_.size()); }
  const WordView& word(int i) const { return words_[static_cast<size_t>(i)]; }
  const std::vector<LexMatch>& matches() const { return matches_; }
  const lexicon::Lexicon& lexicon() const { return lexicon_; }

  // Children of `w` with relation `deprel` (universal part).
  std::vector<int> Children(int w, std::string_view deprel) const;
  int FirstChild(int w, std::string_view deprel) const;
  // The case-marking preposition(s) of a nominal, lower-case, joined by
  // spaces ("according to", "on", "by").
  std::string CaseOf(int w) const;
  // The same for the subordinating marker of a clause ("in order to").
  std::string MarkOf(int w) const;
  bool HasChildLemma(int w, std::string_view deprel,
                     std::string_view lemma) const;
  bool IsPassive(int verb) const;
  // The words of the phrase headed by `w`: its subtree without clauses
  // (acl, relative clauses, advcl, ccomp, parataxis), conjuncts and
  // punctuation at its edges. Sorted.
  std::vector<int> Phrase(int w) const;
  Span SpanOf(const std::vector<int>& words) const;
  Span SpanOf(int first, int last) const;  // inclusive word indices

  // The longest match of `kind` whose head is `w`, or nullptr.
  const LexMatch* MatchAt(int w, lexicon::EntryKind kind) const;
  // Matches of `kind` lying wholly inside `words` (sorted indices).
  std::vector<const LexMatch*> MatchesIn(const std::vector<int>& words,
                                         lexicon::EntryKind kind) const;

 private:
  // The lemmas of the children of `w` with relation `deprel` that precede
  // it, each with its fixed parts.
  std::string Markers(int w, std::string_view deprel) const;
  // Repairs of parses commonly wrong on news, run before the child lists
  // are built (see sentence_view.cc).
  static void Attach(WordView* w, int head, std::string_view deprel);
  // Whether `w` is a verb of saying the lexicon knows ("said", "charged").
  bool ReportingVerb(int w) const;
  void RepairPerfectParticiples();
  void RepairGerundObjects();
  void RepairVerblessRoots();
  void RepairFalsePassives();
  void RepairUpToSubjects();
  void RepairVerblessSentences();
  // "Britain mobilized army reservists for ...": a name, a participle
  // and a noun at the root, read as one noun phrase; "Thousands of people
  // blocked roads": the participle on a noun further on, the root the
  // subject.
  void RepairNamedParticiplePredicates();
  // "Egyptian police opened fire" with "police" read as a bare temporal
  // oblique, and "Pakistan today threatened" with "Pakistan" a compound of
  // "today": the subject the verb lacks.
  void RepairUnmarkedSubjects();
  // "Irish guerrillas wounded two British soldiers ..., police said" with
  // the reported clause read as the subject of "said" and its verb as a
  // modifier of its subject: the verb is the reported clause's predicate.
  void RepairReportedClauses();
  // "send arms to Pakistan last year" with "Pakistan" a compound of
  // "year": a word with its own preposition is no compound.
  void RepairMarkedCompounds();
  // "reject proposed Israeli changes" with "proposed" read as a clause of
  // its own: a bare participle right after a verb without an object
  // modifies the noun after it, which is the verb's object.
  void RepairParticipleModifiers();
  // "withdraw its troops from neighboring Lebanon" with "neighboring" read
  // as a clause and "from" as its marker: a gerund between a preposition
  // and its noun modifies the noun.
  void RepairAdjectivalGerunds();
  // "Congo and Costa Rica" with "Rica" hung on "Congo": a name's parts
  // are next to each other.
  void RepairSplitNames();
  // "Border guards confiscated rifles", "Rebel gunmen wounded three Kenyan
  // soldiers, police said", "Chad mobilized army units" with the past
  // verb read as an adjective of the noun after it and no verb before
  // it: the verb is the predicate, the noun phrase before it its subject,
  // the one after it its object.
  void RepairPastPredicates();

  const lexicon::Lexicon& lexicon_;
  std::vector<WordView> words_;
  std::vector<LexMatch> matches_;
  // by_head_[w]: indices into matches_ headed by w, longest first.
  std::vector<std::vector<int>> by_head_;
};

}  // namespace sitrep::extract

#endif  // SITREP_EXTRACT_SENTENCE_VIEW_H_
