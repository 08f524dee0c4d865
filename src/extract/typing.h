// Event typing: from a trigger's class or general frame (events.tsv) and
// what the sentence says about the instrument, the object and the actors,
// to one event class of event_classes.tsv, and from it the PLOVER, CAMEO
// and ACLED codes. The rules, in order:
//   - the instrument decides for attacks, firing, bombing, explosions and
//     killings: suicide > chemical > drone > air > artillery/missile >
//     grenade > mine/IED > other explosive;
//   - without one, an attack on civilians is an attack on civilians; on or
//     by armed forces or groups an armed clash;
//   - seizing: weapons are disrupted weapons use, territory is taken by the
//     state (government regains) or by others (non-state actor overtakes),
//     people are arrests (by the state) or abductions;
//   - fighting between crowds is a riot or mob violence;
//   - a verb with senses in object_senses.tsv takes the sense its object
//     fits ("sent troops" deploys, "sent medicine" is aid);
//   - a demonstration is peaceful unless the document shows force against it
//     (protest with intervention, excessive force) or violence by it
//     (violent demonstration): see ApplyDocumentContext.
#ifndef SITREP_EXTRACT_TYPING_H_
#define SITREP_EXTRACT_TYPING_H_

#include <vector>

#include "extract/extractor.h"
#include "extract/sentence_view.h"

namespace sitrep::extract {

// `event_word` is the trigger's entry of events.tsv (-1 for none). Returns
// the word of an event noun the trigger took over as its object ("lifted
// the blockade", "imposed a curfew"), whose own event is then dropped, or
// -1.
int TypeEvent(const SentenceView& view, const lexicon::Lexicon& lexicon,
              int trigger, int event_word, lexicon::Frame frame,
              int event_class, Event* e);

// Sets plover, cameo and acled from e->event_class.
void ApplyCodebooks(const lexicon::Lexicon& lexicon, Event* e);

// Protests read with the rest of the document: force used against the
// crowd, or violence by it.
void ApplyDocumentContext(const lexicon::Lexicon& lexicon,
                          std::vector<SentenceEvents>* sentences);

}  // namespace sitrep::extract

#endif  // SITREP_EXTRACT_TYPING_H_
