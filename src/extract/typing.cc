#include "extract/typing.h"

#include <algorithm>
#include <string>

#include "common/strings.h"

namespace sitrep::extract {

using lexicon::EntryKind;
using lexicon::Frame;

namespace {

bool Civilian(const std::string& sector) {
  return sector == "CVL" || sector == "OPP" || sector == "MED" ||
         sector == "HLH" || sector == "EDU" || sector == "REF" ||
         sector == "REL" || sector == "NGO" || sector == "LAB" ||
         sector == "BUS";
}

bool Armed(const std::string& sector) {
  return sector == "MIL" || sector == "REB" || sector == "COP" ||
         sector == "UAF" || sector == "SPY" || sector == "CRM" ||
         sector == "PKO";
}

bool State(const std::string& sector) {
  return sector == "MIL" || sector == "GOV" || sector == "COP" ||
         sector == "SPY" || sector == "JUD";
}

bool AnyActor(const std::vector<Actor>& actors,
              bool (*test)(const std::string&)) {
  return std::any_of(actors.begin(), actors.end(),
                     [&](const Actor& a) { return test(a.sector); });
}

std::string Victims(const Event& e) {
  if (e.fatalities && !e.fatalities->victims.empty())
    return e.fatalities->victims;
  if (e.injuries && !e.injuries->victims.empty()) return e.injuries->victims;
  return "";
}

// The class an instrument makes of an attack, or "" when it says nothing.
std::string ByInstrument(const std::string& ins) {
  if (ins == "suicide") return "suicide_bomb";
  if (ins == "chemical") return "chemical_weapon";
  if (ins == "drone") return "drone_strike";
  if (ins == "air") return "air_strike";
  if (ins == "artillery" || ins == "missile") return "shelling";
  if (ins == "grenade") return "grenade";
  if (ins == "mine_ied") return "remote_explosive";
  if (ins == "explosive") return "remote_explosive";
  return "";
}

// The noun class of an object nominal ("town" territory, "rifles" weapon).
std::string ObjectClass(const SentenceView& v, const lexicon::Lexicon& lex,
                        int w, int depth = 0) {
  if (w < 0) return "";
  // "dozens of machine guns", "a cache of ammunition": the thing counted.
  if (depth < 2 && v.MatchAt(w, EntryKind::kInstrument) == nullptr &&
      (v.MatchAt(w, EntryKind::kQuantity) != nullptr ||
       v.word(w).upos == "NUM" || v.word(w).lemma == "number" ||
       v.word(w).lemma == "amount" || v.word(w).lemma == "batch" ||
       v.word(w).lemma == "cache" || v.word(w).lemma == "stash" ||
       v.word(w).lemma == "lot" || v.word(w).lemma == "total" ||
       v.word(w).lemma == "kg" || v.word(w).lemma == "kilogram" ||
       v.word(w).lemma == "ton" || v.word(w).lemma == "tonne" ||
       v.word(w).lemma == "tons" || v.word(w).lemma == "litre" ||
       v.word(w).lemma == "liter" || v.word(w).lemma == "truckload" ||
       v.word(w).lemma == "shipment" || v.word(w).lemma == "consignment" ||
       v.word(w).lemma == "worth" || v.word(w).lemma == "barrage" ||
       v.word(w).lemma == "salvo" || v.word(w).lemma == "volley")) {
    for (int c : v.word(w).children) {
      if (v.word(c).deprel == "nmod" && v.CaseOf(c) == "of") {
        const std::string inner = ObjectClass(v, lex, c, depth + 1);
        if (!inner.empty()) return inner;
      }
    }
  }
  if (v.MatchAt(w, EntryKind::kInstrument)) return "weapon";
  if (const LexMatch* m = v.MatchAt(w, EntryKind::kNounClass)) {
    return lex.noun_classes[m->index];
  }
  if (v.MatchAt(w, EntryKind::kSector) || v.word(w).upos == "PRON") {
    return "person";
  }
  if (v.MatchAt(w, EntryKind::kCountryName) ||
      v.MatchAt(w, EntryKind::kCapital)) {
    return "territory";
  }
  if (v.word(w).upos == "PROPN") return "territory";
  // Nothing known of the word itself: what it is coordinated with
  // ("seized the effort ..., 12 firearms and rounds" as the parser may
  // join them).
  if (depth < 2) {
    for (int c : v.Children(w, "conj")) {
      const std::string inner = ObjectClass(v, lex, c, depth + 1);
      if (!inner.empty()) return inner;
    }
  }
  return "";
}

// What the event acts on: the object, the passive subject ("rifles were
// seized"), or the "of" phrase of a nominal ("the capture of the town").
int ObjectWord(const SentenceView& v, int trigger) {
  int obj = v.FirstChild(trigger, "obj");
  if (obj >= 0) return obj;
  // "the regions taken over by armed groups": the noun a participle
  // modifies.
  if (v.word(trigger).deprel == "acl" && v.word(trigger).head >= 0 &&
      v.word(trigger).head < trigger) {
    return v.word(trigger).head;
  }
  const bool passive = v.IsPassive(trigger);
  // Of two passive subjects (a misparse, often of a dateline word), the one
  // nearer the verb.
  int subject = -1;
  for (int c : v.word(trigger).children) {
    const WordView& cw = v.word(c);
    if (c < trigger && cw.deprel == "nsubj" &&
        (cw.subtype == "pass" || passive)) {
      subject = c;
    }
  }
  if (subject >= 0) return subject;
  for (int c : v.word(trigger).children) {
    const WordView& cw = v.word(c);
    if (cw.deprel == "nsubj" && (cw.subtype == "pass" || passive)) return c;
    if (cw.deprel == "nmod") {
      const std::string prep = v.CaseOf(c);
      if (prep == "of" || prep == "on" || prep == "against") return c;
    }
  }
  return -1;
}

// `object` is the noun class of what was hit, when no actor names it
// ("attacked a village": populated; "a checkpoint": military).
std::string Attack(const Event& e, Frame frame, const std::string& object) {
  const std::string ins = e.instrument ? e.instrument->instrument_class : "";
  if (std::string c = ByInstrument(ins); !c.empty()) {
    // Firearms or blades at a bomb scene do not make a bombing.
    return c;
  }
  // Tear gas, water cannon, rubber bullets: force used on a crowd.
  if (ins == "crowd_control") return "protest_with_intervention";
  // A state bombing with no device named is from the air.
  if (frame == Frame::kBomb && !e.source.empty() &&
      std::all_of(e.source.begin(), e.source.end(), [](const Actor& a) {
        return !a.country.empty() &&
               (a.sector.empty() || a.sector == "MIL" || a.sector == "GOV");
      })) {
    return "air_strike";
  }
  if (frame == Frame::kExplode || frame == Frame::kBomb) {
    return "remote_explosive";
  }
  const std::string victims = Victims(e);
  // Violence on demonstrators: by the state's forces it is excessive force
  // (ACLED's "Excessive force against protesters"); by a crowd, mob
  // violence.
  if (AnyActor(e.target, [](const std::string& s) { return s == "OPP"; }) ||
      victims == "OPP") {
    if (AnyActor(e.source, State) || e.source.empty()) {
      return "excessive_force_against_protesters";
    }
    if (!AnyActor(e.source, Armed)) return "mob_violence";
  }
  // Civilians attacking, unorganised and unarmed: mob violence.
  if (!e.source.empty() &&
      std::all_of(e.source.begin(), e.source.end(),
                  [](const Actor& a) { return a.sector == "CVL"; }) &&
      ByInstrument(ins).empty() && ins != "firearms") {
    return "mob_violence";
  }
  // A crowd's violence: against the state's forces or buildings, a violent
  // demonstration; against people, mob violence.
  if (AnyActor(e.source, [](const std::string& s) { return s == "OPP"; }) &&
      !AnyActor(e.source, Armed) && ByInstrument(ins).empty()) {
    return AnyActor(e.target, State) || e.target.empty()
               ? "violent_demonstration"
               : "mob_violence";
  }
  const bool civilian_target = AnyActor(e.target, Civilian) ||
                               (frame != Frame::kClash && Civilian(victims)) ||
                               object == "populated" || object == "property";
  // The attackers' own dead ("four of the assailants were killed") do not
  // make the attacked armed.
  const bool own_losses =
      std::any_of(e.source.begin(), e.source.end(),
                  [&](const Actor& a) { return a.sector == victims; });
  const bool armed_target = AnyActor(e.target, Armed) ||
                            (Armed(victims) && !own_losses) ||
                            object == "military";
  const bool armed_source = AnyActor(e.source, Armed);
  // Fighting with no one named as attacking: the dead are its toll, not
  // whom it was aimed at ("one person was killed in the fighting").
  if (frame == Frame::kClash && e.source.empty()) return "armed_clash";
  if (civilian_target && !armed_target) return "attack";
  if (armed_target || (armed_source && frame == Frame::kClash)) {
    return "armed_clash";
  }
  if (frame == Frame::kClash) return "armed_clash";
  // Gunfire with no armed side hit: an attack.
  if (frame == Frame::kFire) return armed_source ? "armed_clash" : "attack";
  if (ins == "melee") return "attack";
  return armed_source ? "armed_clash" : "attack";
}

}  // namespace

void ApplyCodebooks(const lexicon::Lexicon& lex, Event* e) {
  const int c = lex.FindEventClass(e->event_class);
  if (c < 0) return;
  const lexicon::EventClass& ec = lex.event_classes[static_cast<size_t>(c)];
  e->plover.type = ec.plover;
  e->plover.mode = ec.mode;
  e->cameo = ec.cameo;
  if (!ec.acled_type.empty()) {
    e->acled = AcledType{ec.acled_type, ec.acled_subtype};
  } else {
    e->acled.reset();
  }
  // A cooperative act promised, offered or planned ("will provide aid",
  // "is willing to withdraw", "offered to negotiate") is, in both
  // codebooks, a commitment: PLOVER AGREE, CAMEO 03 "express intent to"
  // with the sub-code of the act. A hostile act announced for later ("will
  // impose sanctions", "would blockade Paris", "may halt mediation") is a
  // threat: PLOVER THREATEN, CAMEO 13 with the sub-code of the act (131
  // non-force, 137 repression, 138 force). The event keeps its class and
  // modality.
  struct Announced {
    const char* plover;  // the act's type
    bool hypothetical;   // also when only possible, not only planned
    const char* recoded;
    const char* cameo;
  };
  static constexpr Announced kAnnounced[] = {
      {"AID", false, "AGREE", "033"},
      {"COOPERATE", false, "AGREE", "030"},
      {"CONCEDE", false, "AGREE", "035"},
      {"RETREAT", false, "AGREE", "035"},
      {"CONSULT", false, "AGREE", "036"},
      {"SUPPORT", false, "AGREE", "032"},
      {"PROTEST", false, "THREATEN", "133"},
      {"SANCTION", true, "THREATEN", "131"},
      {"COERCE", true, "THREATEN", "137"},
      {"ASSAULT", true, "THREATEN", "138"},
  };
  for (const Announced& a : kAnnounced) {
    if (e->plover.type == a.plover &&
        ((e->modality == "future" && e->announced) ||
         (a.hypothetical && e->modality == "hypothetical"))) {
      e->plover.type = a.recoded;
      e->plover.mode.clear();
      e->cameo = a.cameo;
      return;
    }
  }
  // A cooperative act refused or not done ("will not accept refugees",
  // "failed to reach agreement", "would not meet their demands") is a
  // rejection: PLOVER REJECT, CAMEO 12 with the sub-code of what was
  // refused. A denial that it happened is a claim, not a refusal.
  struct Refused {
    const char* plover;
    const char* cameo;
  };
  static constexpr Refused kRefused[] = {
      {"AGREE", "120"},   {"SUPPORT", "120"}, {"COOPERATE", "121"},
      {"AID", "122"},     {"CONCEDE", "124"}, {"RETREAT", "124"},
      {"CONSULT", "125"},
  };
  if (e->modality != "negated" || (e->claim && e->claim->stance == "denies")) {
    return;
  }
  for (const Refused& r : kRefused) {
    if (e->plover.type == r.plover) {
      e->plover.type = "REJECT";
      e->plover.mode.clear();
      e->cameo = r.cameo;
      return;
    }
  }
}

namespace {

// Whether the object word fits a sense's object.
bool FitsObject(const SentenceView& v, const lexicon::Lexicon& lex,
                const lexicon::ObjectSense& sense, int obj) {
  using lexicon::ObjectKind;
  if (sense.kind == ObjectKind::kNone) return obj < 0;
  if (obj < 0) return false;
  const LexMatch* event = v.MatchAt(obj, EntryKind::kEventWord);
  const lexicon::EventWord* ew =
      event != nullptr ? &lex.event_words[event->index] : nullptr;
  switch (sense.kind) {
    case ObjectKind::kAny:
      return true;
    case ObjectKind::kNone:
      return false;
    case ObjectKind::kLemma:
      return lexicon::FoldCase(v.word(obj).lemma) == sense.value;
    case ObjectKind::kAnyEvent:
      return ew != nullptr && ew->pos != lexicon::PartOfSpeech::kVerb;
    case ObjectKind::kFrame:
      return ew != nullptr && lexicon::FrameName(ew->frame) == sense.value;
    case ObjectKind::kEventClass:
      return ew != nullptr && ew->frame == Frame::kNone &&
             lex.event_classes[static_cast<size_t>(ew->event_class)].name ==
                 sense.value;
    case ObjectKind::kSector: {
      // "hundreds of troops": the people counted.
      if (v.MatchAt(obj, EntryKind::kSector) == nullptr &&
          (v.MatchAt(obj, EntryKind::kQuantity) != nullptr ||
           v.word(obj).upos == "NUM")) {
        for (int c : v.word(obj).children) {
          if (v.word(c).deprel == "nmod" && v.CaseOf(c) == "of") obj = c;
        }
      }
      if (const LexMatch* m = v.MatchAt(obj, EntryKind::kSector)) {
        return lex.sector_names[m->index] == sense.value;
      }
      if (const LexMatch* m = v.MatchAt(obj, EntryKind::kOrganization)) {
        return lex.organizations[m->index].sector == sense.value;
      }
      return false;
    }
    case ObjectKind::kNounClass:
      return ObjectClass(v, lex, obj) == sense.value;
  }
  return false;
}

}  // namespace

int TypeEvent(const SentenceView& v, const lexicon::Lexicon& lex, int trigger,
              int event_word, Frame frame, int event_class, Event* e) {
  std::string cls;
  int consumed = -1;
  // The sense the object decides ("sent troops", "lifted the blockade").
  if (event_word >= 0) {
    const auto& senses = lex.object_senses;
    auto it = std::lower_bound(senses.begin(), senses.end(),
                               static_cast<uint32_t>(event_word),
                               [](const lexicon::ObjectSense& s, uint32_t w) {
                                 return s.event_word < w;
                               });
    if (it != senses.end() &&
        it->event_word == static_cast<uint32_t>(event_word)) {
      const int obj = ObjectWord(v, trigger);
      bool decided = false;
      for (; it != senses.end() &&
             it->event_word == static_cast<uint32_t>(event_word);
           ++it) {
        if (!FitsObject(v, lex, *it, obj)) continue;
        decided = true;
        if (it->event_class == -1) {
          e->event_class.clear();
          return -1;
        }
        if (it->event_class == lexicon::kWordsOwnClass) break;
        if (it->event_class == lexicon::kObjectsOwnClass) {
          const LexMatch* m = v.MatchAt(obj, EntryKind::kEventWord);
          const lexicon::EventWord& ow = lex.event_words[m->index];
          consumed = obj;
          frame = ow.frame;
          event_class = ow.event_class;
          // The object's event, typed as if it were the trigger.
          if (frame != Frame::kNone) trigger = obj;
        } else {
          consumed =
              v.MatchAt(obj, EntryKind::kEventWord) != nullptr ? obj : -1;
          frame = Frame::kNone;
          event_class = it->event_class;
        }
        break;
      }
      // A verb that is an event only by its object, with none that fits.
      if (!decided && frame == Frame::kByObject) {
        e->event_class.clear();
        return -1;
      }
    }
  }
  if (frame == Frame::kByObject) {
    e->event_class.clear();
    return -1;
  }
  // "recovered the regions near the border": land recovered is land
  // retaken (land found is not).
  if (frame == Frame::kFind && v.word(trigger).lemma == "recover") {
    const std::string what = ObjectClass(v, lex, ObjectWord(v, trigger));
    if (what == "territory" || what == "populated" || what == "military") {
      frame = Frame::kSeize;
    }
  }
  if (frame == Frame::kNone) {
    cls = lex.event_classes[static_cast<size_t>(event_class)].name;
    // "freed several villages": territory, not prisoners.
    const int object = ObjectWord(v, trigger);
    const LexMatch* place =
        object >= 0 ? v.MatchAt(object, EntryKind::kNounClass) : nullptr;
    if (cls == "release" && place != nullptr &&
        (lex.noun_classes[place->index] == "territory" ||
         lex.noun_classes[place->index] == "populated")) {
      cls = "government_regains_territory";
    }
    // A named kind of attack keeps its name; a generic one ("military
    // operation", "attack") yields to the instrument.
    if (cls == "military_operation" || cls == "attack") {
      const std::string by =
          ByInstrument(e->instrument ? e->instrument->instrument_class : "");
      if (!by.empty() && cls == "military_operation") cls = by;
    }
  } else {
    switch (frame) {
      case Frame::kAttack:
      case Frame::kFire:
      case Frame::kBomb:
      case Frame::kExplode:
      case Frame::kKill:
      case Frame::kInjure:
      case Frame::kClash: {
        if (frame == Frame::kClash) {
          // Crowds fighting each other or the police: a riot.
          // The sides of a clash are its source ("clashes between X and
          // Y") and target ("clashed with Y"); its victims are not a side.
          const bool crowd = AnyActor(e->source, Civilian) ||
                             (!e->source.empty() &&
                              !AnyActor(e->source,
                                        [](const std::string& s) {
                                          return s == "REB" || s == "UAF";
                                        }) &&
                              AnyActor(e->target, Civilian));
          if (crowd &&
              !(e->instrument &&
                !ByInstrument(e->instrument->instrument_class).empty())) {
            const bool police =
                AnyActor(e->source, State) || AnyActor(e->target, State);
            cls = police ? "violent_demonstration" : "mob_violence";
            break;
          }
        }
        // A strike by workers, students or a crowd, or one that lasts days
        // ("a four-day strike", "a general strike"), is a stoppage of work.
        if (frame == Frame::kAttack && v.word(trigger).lemma == "strike" &&
            v.word(trigger).upos == "NOUN") {
          bool stoppage = AnyActor(e->source, [](const std::string& s) {
            return s == "LAB" || s == "EDU" || s == "OPP" || s == "CVL" ||
                   s == "HLH";
          });
          for (int c : v.word(trigger).children) {
            const std::string& l = v.word(c).lemma;
            if ((v.word(c).deprel == "amod" ||
                 v.word(c).deprel == "compound") &&
                (l == "general" || l == "nationwide" || l == "national" ||
                 l == "indefinite" || l == "labour" || l == "labor" ||
                 l.find("-day") != std::string::npos ||
                 l.find("-hour") != std::string::npos ||
                 l.find("-week") != std::string::npos)) {
              stoppage = true;
            }
          }
          if (stoppage) {
            cls = "peaceful_protest";
            break;
          }
        }
        // "fired rockets", "launched missiles": ordnance as the object.
        cls = Attack(*e, frame, ObjectClass(v, lex, ObjectWord(v, trigger)));
        break;
      }
      case Frame::kSeize: {
        const int obj = ObjectWord(v, trigger);
        std::string what = ObjectClass(v, lex, obj);
        // "took control of", "gained ground": land.
        if (what.empty() &&
            (v.word(trigger).lemma.find("control") != std::string::npos ||
             (obj >= 0 && (v.word(obj).lemma == "control" ||
                           v.word(obj).lemma == "ground")))) {
          what = "territory";
        }
        const std::string& lemma = v.word(trigger).lemma;
        // Nothing taken ("until an elected government takes over"): no
        // seizure.
        if (obj < 0 && what.empty()) {
          cls = "";
          break;
        }
        if (what == "weapon") {
          cls = "disrupted_weapons_use";
        } else if (what == "person") {
          cls = AnyActor(e->source, State) ? "arrest" : "abduction";
        } else if (what == "property" || what == "goods") {
          cls = "looting_property_destruction";
        } else {
          const bool state = AnyActor(e->source, State);
          const bool nonstate = AnyActor(e->source, [](const std::string& s) {
            return s == "REB" || s == "UAF" || s == "CRM";
          });
          // Without a taker: who it was taken from ("seized from the
          // STC", "freed from IS militants").
          bool from_state = false, from_nonstate = false;
          for (int c : v.word(trigger).children) {
            if (v.word(c).deprel != "obl" || v.CaseOf(c) != "from") continue;
            for (const LexMatch* m :
                 v.MatchesIn(v.Phrase(c), EntryKind::kSector)) {
              const std::string& sec = lex.sector_names[m->index];
              from_state |= State(sec);
              from_nonstate |= sec == "REB" || sec == "UAF" || sec == "CRM";
            }
            for (const LexMatch* m :
                 v.MatchesIn(v.Phrase(c), EntryKind::kOrganization)) {
              const std::string& sec = lex.organizations[m->index].sector;
              from_state |= State(sec);
              from_nonstate |= sec == "REB";
            }
          }
          if (state || (!nonstate && from_nonstate)) {
            cls = "government_regains_territory";
          } else if (nonstate || from_state) {
            cls = "nonstate_overtakes_territory";
          } else {
            cls = (lemma == "recapture" || lemma == "retake" ||
                   lemma == "regain" || lemma == "liberate")
                      ? "government_regains_territory"
                      : "nonstate_overtakes_territory";
          }
        }
        break;
      }
      case Frame::kProtest:
        cls = "peaceful_protest";
        break;
      case Frame::kDrop: {
        // Bombs, munitions or gas dropped: from the air, typed by what was
        // dropped when it is chemical; anything else dropped is no event.
        const int obj = ObjectWord(v, trigger);
        if (obj < 0 ||
            (ObjectClass(v, lex, obj) != "weapon" &&
             v.MatchesIn(v.Phrase(obj), EntryKind::kInstrument).empty())) {
          cls = "";
          break;
        }
        const std::string ins =
            e->instrument ? e->instrument->instrument_class : "";
        cls = ins == "chemical" ? "chemical_weapon" : "air_strike";
        break;
      }
      case Frame::kFind: {
        // Weapons found are taken out of use; finding anything else is not
        // an event sitrep records.
        const int obj = ObjectWord(v, trigger);
        cls =
            ObjectClass(v, lex, obj) == "weapon" ? "disrupted_weapons_use" : "";
        break;
      }
      case Frame::kDestroy: {
        // Destroyed by warplanes, drones or guns: an attack of that kind.
        const std::string by =
            ByInstrument(e->instrument ? e->instrument->instrument_class : "");
        if (by == "air_strike" || by == "drone_strike" || by == "shelling") {
          cls = by;
          break;
        }
        const int obj = ObjectWord(v, trigger);
        cls = ObjectClass(v, lex, obj) == "weapon"
                  ? "disrupted_weapons_use"
                  : "looting_property_destruction";
        break;
      }
      case Frame::kNone:
      case Frame::kByObject:
        break;
    }
  }
  // Roads blocked by the state's forces are a blockade (191), by anyone
  // else an obstruction (144).
  if (cls == "obstruct" && AnyActor(e->source, State)) cls = "blockade";
  // Expelling another state's or body's envoys, inspectors, monitors or
  // peacekeepers cuts relations with it (CAMEO 166); expelling people is
  // coercion (174).
  if (cls == "expel") {
    const int obj = ObjectWord(v, trigger);
    if (obj >= 0) {
      const std::string& l = v.word(obj).lemma;
      // An international body or aid agency forced out ("forced the UN
      // refugee agency out of the country").
      const LexMatch* org = v.MatchAt(obj, EntryKind::kOrganization);
      const std::string sector =
          org != nullptr ? lex.organizations[org->index].sector : "";
      if (l == "diplomat" || l == "ambassador" || l == "envoy" ||
          l == "attache" || l == "inspector" || l == "observer" ||
          l == "monitor" || l == "peacekeeper" || l == "mission" ||
          l == "delegation" || l == "consul" || sector == "IGO" ||
          sector == "NGO" || sector == "PKO") {
        cls = "expel_mission";
      }
    }
  }
  // Aid or talks stopped ("halted economic aid to Serbia", "suspended
  // the negotiations"): a cut in relations, CAMEO 162 and 164.
  if (cls == "aid" || cls == "humanitarian_aid" || cls == "negotiate") {
    // "ended mediation efforts": the effort stands in the sentence.
    int x = trigger;
    if (v.word(x).deprel == "compound" && v.word(x).head > x) {
      x = v.word(x).head;
    }
    const WordView& w = v.word(x);
    if (w.head >= 0 && (w.deprel == "obj" || w.deprel == "nsubj")) {
      const std::string& verb = v.word(w.head).lemma;
      const bool passive_subject = w.deprel == "nsubj" && w.subtype == "pass";
      if ((w.deprel == "obj" || passive_subject) &&
          (verb == "halt" || verb == "suspend" || verb == "stop" ||
           verb == "cut" || verb == "freeze" || verb == "end" ||
           verb == "prohibit" || verb == "cancel" || verb == "withhold" ||
           verb == "terminate" || verb == "break" || verb == "block" ||
           verb == "reduce")) {
        cls = cls == "negotiate" ? "halt_negotiations" : "reduce_aid";
      }
    }
  }
  e->event_class = cls;
  ApplyCodebooks(lex, e);
  return consumed;
}

namespace {

// Actors named as demonstrators ("protesters", "demonstrators"), not only
// as activists or the opposition.
bool DemonstratorsNamed(const std::vector<Actor>& actors) {
  for (const Actor& a : actors) {
    const std::string t = lexicon::FoldCase(a.text);
    if (t.find("protester") != std::string::npos ||
        t.find("protestor") != std::string::npos ||
        t.find("demonstrator") != std::string::npos ||
        t.find("marcher") != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

void ApplyDocumentContext(const lexicon::Lexicon& lex,
                          std::vector<SentenceEvents>* sentences) {
  auto protest_family = [](const std::string& c) {
    return c == "peaceful_protest" || c == "protest_with_intervention" ||
           c == "excessive_force_against_protesters" ||
           c == "violent_demonstration" || c == "obstruct";
  };
  auto crowd = [](const std::string& s) { return s == "OPP"; };
  // Fighting with no armed party named and no weapons of war: in a report
  // of a demonstration, the crowd's ("clashes broke out", "violence").
  auto crowd_fighting = [](const Event& e) {
    return e.event_class == "armed_clash" && !AnyActor(e.source, Armed) &&
           !AnyActor(
               e.target,
               [](const std::string& s) { return s == "MIL" || s == "REB"; }) &&
           (!e.instrument || e.instrument->instrument_class == "melee" ||
            e.instrument->instrument_class == "crowd_control");
  };
  bool crowd_fight = false, hurt = false;
  bool force = false, lethal_force = false, violence = false, protest = false;
  for (const SentenceEvents& se : *sentences) {
    violence |= se.violent_protest;
    for (size_t k = 0; k < se.events.size(); ++k) {
      const Event& e = se.events[k];
      // Background ("demonstrators detained during last week's rally")
      // says nothing about this demonstration.
      if ((k < se.circumstance.size() && se.circumstance[k]) ||
          (k < se.embedded.size() && se.embedded[k])) {
        continue;
      }
      crowd_fight |= crowd_fighting(e);
      if (e.modality != "asserted") continue;
      const std::string& c = e.event_class;
      if (c == "peaceful_protest" || c == "protest_with_intervention" ||
          c == "obstruct") {
        protest = true;
      }
      // Demonstrators arrested: there was a demonstration, and force was
      // used on it.
      if (c == "arrest" && DemonstratorsNamed(e.target)) protest = true;
      const bool by_state = AnyActor(e.source, State);
      if (c == "protest_with_intervention" || c == "arrest" ||
          (e.instrument && e.instrument->instrument_class == "crowd_control")) {
        force = true;
      }
      // People killed or hurt at the demonstration.
      if (protest_family(c) && (e.fatalities || e.injuries)) hurt = true;
      if (c == "excessive_force_against_protesters") lethal_force = true;
      if (by_state && (c == "attack" || c == "armed_clash") &&
          (AnyActor(e.target, Civilian) || e.fatalities)) {
        lethal_force = true;
      }
      // Violence by the crowd: rioting, looting, or demonstrators attacking.
      if (c == "violent_demonstration" || c == "looting_property_destruction" ||
          c == "mob_violence") {
        violence = true;
      }
      if (AnyActor(e.source, crowd) &&
          (c == "attack" || c == "armed_clash" || c == "mob_violence")) {
        violence = true;
      }
    }
  }
  // Raids by the state's forces in a report of arrests are the arrests'
  // operations ("detained 12 in overnight raids").
  bool arrests = false;
  for (const SentenceEvents& se : *sentences) {
    for (const Event& e : se.events) {
      arrests |= e.event_class == "arrest" && e.modality == "asserted";
    }
  }
  if (arrests) {
    for (SentenceEvents& se : *sentences) {
      for (Event& e : se.events) {
        const std::string trigger = AsciiLower(e.trigger.text);
        if ((e.event_class == "attack" || e.event_class == "armed_clash") &&
            trigger.rfind("raid", 0) == 0 && !e.fatalities && !e.injuries &&
            !e.instrument && (e.source.empty() || AnyActor(e.source, State))) {
          e.event_class = "arrest";
          ApplyCodebooks(lex, &e);
        }
      }
    }
  }
  if (!protest) return;
  violence |= crowd_fight;
  // Casualties where the state's forces used force on the crowd.
  if (hurt && force) lethal_force = true;
  // One demonstration, one kind: what the crowd did decides first, then
  // what was done to it.
  std::string kind = "peaceful_protest";
  if (violence) {
    kind = "violent_demonstration";
  } else if (lethal_force) {
    kind = "excessive_force_against_protesters";
  } else if (force) {
    kind = "protest_with_intervention";
  }
  for (SentenceEvents& se : *sentences) {
    for (Event& e : se.events) {
      // The crowd's fighting is the demonstration's violence.
      if (crowd_fighting(e)) {
        e.event_class = "violent_demonstration";
        ApplyCodebooks(lex, &e);
        continue;
      }
      // ACLED records arrests at a demonstration as the demonstration,
      // met with intervention.
      const bool crowd_arrested =
          e.event_class == "arrest" && AnyActor(e.target, crowd) && protest;
      if (!protest_family(e.event_class) && !crowd_arrested) continue;
      if (e.event_class == "excessive_force_against_protesters" &&
          kind != "violent_demonstration") {
        continue;
      }
      // A road blocked by a peaceful crowd stays an obstruction (ACLED's
      // peaceful protest either way; CAMEO 144 says more).
      if (e.event_class == "obstruct" && kind == "peaceful_protest") continue;
      e.event_class = kind;
      ApplyCodebooks(lex, &e);
    }
  }
}

}  // namespace sitrep::extract
