// Extraction on sentences we write: each row names what a careful coder
// reads in the sentence. The parser model and the lexicon are the shipped
// ones, so these tests also guard the model and the data.
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "geo/gazetteer.h"
#include "gtest/gtest.h"
#include "lexicon/lexicon.h"
#include "sitrep/events.h"

namespace sitrep {
namespace {

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string bundle =
        (std::filesystem::path(::testing::TempDir()) /
         ("extractor_test_" + std::to_string(::getpid()) + ".lexicon"))
            .string();
    auto lex = lexicon::CompileLexicon(SITREP_SOURCE_DIR "/data/lexicon");
    ASSERT_TRUE(lex.ok()) << lex.status();
    ASSERT_TRUE(lexicon::WriteLexiconBundle(**lex, bundle).ok());
    EventCoderOptions options;
    options.parser_model = SITREP_SOURCE_DIR "/models/en.parser";
    options.lexicon = bundle;
    auto coder = EventCoder::Create(options);
    std::filesystem::remove(bundle);
    ASSERT_TRUE(coder.ok()) << coder.status().message();
    coder_ = std::move(coder).value().release();
  }
  static void TearDownTestSuite() {
    delete coder_;
    coder_ = nullptr;
  }

  static CodedDocument Code(const std::string& text,
                            const std::string& source = "",
                            const std::string& date = "2023-09-20") {
    Document doc;
    doc.id = "t";
    doc.text = text;
    doc.source = source;
    doc.date = date;
    CodedDocument out;
    coder_->Code(std::span<const Document>(&doc, 1),
                 std::span<CodedDocument>(&out, 1));
    return out;
  }

  static const Event* Find(const CodedDocument& doc, const std::string& cls) {
    for (const Event& e : doc.events) {
      if (e.event_class == cls) return &e;
    }
    return nullptr;
  }

  static std::string Codes(const std::vector<Actor>& actors) {
    std::string out;
    for (const Actor& a : actors) out += (out.empty() ? "" : " ") + a.code;
    return out;
  }

  static EventCoder* coder_;
};

EventCoder* ExtractorTest::coder_ = nullptr;

struct Row {
  const char* text;
  const char* event_class;  // of the main event
  const char* source;       // actor codes, space-separated
  const char* target;
  const char* modality;
};

TEST_F(ExtractorTest, MainEventTypeAndActors) {
  const std::vector<Row> rows = {
      // active voice, instrument from the verb
      {"Rebels shelled the town of Marjan on Tuesday.", "shelling", "REB", "",
       "asserted"},
      // passive voice with a by-phrase
      // troops attacking a village, no armed side named: an attack
      {"The village was attacked by Russian troops.", "attack", "RUSMIL", "",
       "asserted"},
      {"Rebels attacked an army checkpoint near the town.", "armed_clash",
       "REB", "", "asserted"},
      // the device decides the kind of attack
      {"Two soldiers were killed when militants detonated a roadside bomb.",
       "remote_explosive", "REB", "", "asserted"},
      // an air strike on civilians, as a noun
      {"An Israeli air strike on the camp killed at least 40 civilians.",
       "air_strike", "ISR", "", "asserted"},
      // seizing weapons versus seizing a town
      {"Police seized 12 rifles and ammunition in the raid.",
       "disrupted_weapons_use", "COP", "", "asserted"},
      {"Taliban fighters captured the district centre after heavy fighting.",
       "nonstate_overtakes_territory", "AFGREB", "", "asserted"},
      // coordination of actors
      {"Hungarian and Romanian officials met in Budapest.", "consult",
       "HUNGOV ROUGOV", "", "asserted"},
      // negation
      {"The army did not shell the village.", "shelling", "MIL", "", "negated"},
      // future
      {"The rebels will attack the base tomorrow.", "armed_clash", "REB", "",
       "future"},
      // a protest met with force
      {"Thousands of protesters marched in the capital. Police fired tear gas "
       "to disperse them.",
       "protest_with_intervention", "OPP", "", "asserted"},
      // abduction
      {"Gunmen kidnapped five aid workers near the border.", "abduction", "UAF",
       "NGO", "asserted"},
      // the main clause leads, not the event in a relative clause
      {"Soldiers who had shelled the village withdrew to their base.",
       "retreat", "MIL", "", "asserted"},
      // "have" + participle misparsed as a modifier of the object
      {"Government troops have regained control of the town.",
       "government_regains_territory", "MIL", "", "asserted"},
      // a purpose is not a fact
      {"In order to ensure the safety of civilians, suppress provocations, "
       "disarm and withdraw the illegal armed formations from our "
       "territories, anti-terrorist measures have begun in the region.",
       "retreat", "", "", "future"},
      // land recovered is land retaken
      {"Government troops recovered several villages near the border.",
       "government_regains_territory", "MIL", "", "asserted"},
      // recipients: indirect object, "to", the subject of what is demanded
      {"Norway gave Tanzania a grant for water projects.", "aid", "NOR", "TZA",
       "asserted"},
      {"Argentina apologized to Brazil for the incident.", "apologize", "ARG",
       "BRA", "asserted"},
      {"The opposition demanded that the Kenyan government release the "
       "detained journalists.",
       "demand", "OPP", "KENGOV", "asserted"},
      // ordnance dropped is a strike from the air; gas makes it chemical
      {"A helicopter dropped barrels of chlorine on the town.",
       "chemical_weapon", "", "", "asserted"},
      {"Warplanes dropped bombs on the market.", "air_strike", "", "",
       "asserted"},
      // people named resolve to their country's government
      {"Putin met Erdogan in Sochi on Monday.", "consult", "RUSGOV", "TURGOV",
       "asserted"},
      // the country of an actor from "in X"
      {"Opposition groups in Zimbabwe demanded new elections.", "demand",
       "ZWEOPP", "", "asserted"},
      // a verb's sense by its object (object_senses.tsv)
      {"The United States sent arms to Pakistan.", "military_aid", "USAGOV",
       "PAK", "asserted"},
      {"Russia sent troops to the border.", "deploy", "RUS", "", "asserted"},
      {"The Israeli army lifted the blockade on the town.", "ease_blockade",
       "ISRMIL", "", "asserted"},
      {"Turkish authorities imposed a curfew in the town.", "restrict",
       "TURGOV", "", "asserted"},
      {"Hundreds of protesters blocked the main highway.", "obstruct", "OPP",
       "", "asserted"},
      {"Police blocked the road to the airport.", "blockade", "COP", "",
       "asserted"},
      {"Hamas launched rockets at the town.", "shelling", "PSEREB", "",
       "asserted"},
      {"Aid workers evacuated hundreds of civilians from the besieged city.",
       "humanitarian_aid", "NGO", "CVL", "asserted"},
      {"Soldiers evacuated the village before the offensive.", "retreat", "MIL",
       "", "asserted"},
      // a conditional threat targets whoever must comply; a demand, whom
      // it is asked of
      {"Hamas threatened to resume rocket attacks unless Israel lifted the "
       "blockade.",
       "threaten", "PSEREB", "ISR", "asserted"},
      // an ethnic group is a people, not the state of its name
      {"Ethnic Albanians are demanding autonomy from Serbian authorities.",
       "demand", "ETH", "SRBGOV", "asserted"},
      // a state's authorities act within their own country
      {"Nigerian authorities jailed 52 members of a banned separatist group.",
       "arrest", "NGAGOV", "NGAREB", "asserted"},
      {"Sri Lanka established diplomatic relations with Iran.",
       "diplomatic_ties", "LKA", "IRN", "asserted"},
      {"Uganda has granted political asylum to 18 Rwandan rebels.",
       "grant_asylum", "UGA", "RWAREB", "asserted"},
      // an obligation put on another party in reported speech: a demand
      {"Britain said Libya must hand over the suspects.", "demand", "GBR",
       "LBY", "asserted"},
      // whom a protest addresses, from what it demands
      {"Hundreds of students marched in the capital to demand the "
       "resignation of the Kenyan president.",
       "peaceful_protest", "EDU", "KENGOV", "asserted"},
      // a name, a participle and a noun read as one noun phrase
      {"Britain mobilized army reservists for a possible war on Tuesday.",
       "mobilize", "GBR", "", "asserted"},
      {"Israeli troops remained on alert in the area.", "mobilize", "ISRMIL",
       "", "asserted"},
      {"Thousands of people blocked roads in the capital to demand new "
       "elections.",
       "obstruct", "CVL", "", "asserted"},
      // a clause coordinated with a negated verb of saying has its own
      // modality
      {"The group did not claim the attack, but it has imposed blockades "
       "on dozens of towns.",
       "blockade", "", "", "asserted"},
  };
  for (const Row& row : rows) {
    const CodedDocument doc = Code(row.text);
    ASSERT_FALSE(doc.events.empty()) << row.text;
    const Event& main = doc.events.front();
    EXPECT_EQ(main.event_class, row.event_class) << row.text;
    if (*row.source) {
      EXPECT_EQ(Codes(main.source), row.source) << row.text;
    }
    if (*row.target) {
      EXPECT_EQ(Codes(main.target), row.target) << row.text;
    }
    EXPECT_EQ(main.modality, row.modality) << row.text;
  }
}

// Acts refused, announced or not events at all, as the codebooks have them.
TEST_F(ExtractorTest, CodebookRecodings) {
  struct Recoded {
    const char* text;
    const char* plover;
    const char* cameo;
  };
  const std::vector<Recoded> rows = {
      // a cooperative act refused is a rejection
      {"Syria said it will not accept more refugees.", "REJECT", "120"},
      // reported "would": a protest announced is a threat
      {"Palestinian leaders said they would boycott the talks.", "THREATEN",
       "133"},
      // the OEDA's CAMEO-to-PLOVER table: ceasefires and releases are
      // RETREAT, signing an agreement SUPPORT
      {"The rebels declared a ceasefire.", "RETREAT", "0871"},
      {"The two governments signed a trade agreement.", "SUPPORT", "057"},
      {"Argentina apologized to Brazil for the incident.", "SUPPORT", "055"},
      // an intention announced ("is prepared to") is a threat; a purpose
      // ("fired tear gas to disperse them") is not
      {"The government announced that it is prepared to impose martial law.",
       "THREATEN", "137"},
      {"Police fired tear gas to disperse the demonstrators.", "PROTEST",
       "141"},
      // a demand's speaker is its source
      {"The minister said Sudan must return the helicopter.", "REQUEST", "100"},
  };
  for (const Recoded& row : rows) {
    const CodedDocument doc = Code(row.text);
    ASSERT_FALSE(doc.events.empty()) << row.text;
    EXPECT_EQ(doc.events.front().plover.type, row.plover) << row.text;
    EXPECT_EQ(doc.events.front().cameo, row.cameo) << row.text;
  }
  // Sent, launched or established with an object that names no event.
  for (const char* text : {"The minister sent a letter to the council.",
                           "The company launched a new product.",
                           "The council established a committee."}) {
    EXPECT_TRUE(Code(text).events.empty()) << text;
  }
}

// Subjects the parser hung elsewhere: "police" read as a bare oblique of
// time, "Pakistan" as a compound of "today".
TEST_F(ExtractorTest, ParseRepairsGiveTheSubjectBack) {
  const struct {
    const char* text;
    const char* source;
  } rows[] = {
      {"Egyptian police opened fire to disperse demonstrators on Monday "
       "night, security sources said.",
       "EGYCOP"},
      {"Pakistan today threatened to cut trade with India.", "PAK"},
  };
  for (const auto& row : rows) {
    const CodedDocument doc = Code(row.text);
    ASSERT_FALSE(doc.events.empty()) << row.text;
    EXPECT_EQ(Codes(doc.events.front().source), row.source) << row.text;
  }
}

// Whom an act is aimed at, where the sentence names it around the act: the
// countries of the main event's targets.
TEST_F(ExtractorTest, TargetsNamedAroundTheAct) {
  const struct {
    const char* text;
    const char* countries;  // of the targets, sorted, space-separated
  } rows[] = {
      // the reported clause read as the subject of "said", its verb as an
      // adjective
      {"Rebel gunmen wounded three Kenyan soldiers in an ambush on Friday, "
       "police said.",
       "KEN"},
      // whoever a demand says must act
      {"The rights group demanded that the Ethiopian government release the "
       "journalists.",
       "ETH"},
      // the doer of the act investigated or condemned
      {"Kenya is investigating abuses committed by Somali militiamen.", "SOM"},
      {"Ghana condemned Togo's crackdown on protesters.", "TGO"},
      // the parties a mediator goes between
      {"Qatar launched a mediation effort between Sudan and Chad.", "SDN TCD"},
      // whoever loses what is seized
      {"Border guards confiscated rifles from Afghan smugglers.", "AFG"},
      // the forces withdrawn are the actor's own; the country left is the
      // counterpart
      {"France said it would withdraw its troops from Mali.", "MLI"},
      // police act at home; the purpose of force names whom it acts on
      {"Nigerian police fired tear gas to disperse the crowd.", "NGA"},
      // an attack that names no one attacked acts on its place
      {"A suicide bomber blew himself up in Baghdad on Monday.", "IRQ"},
      // an ethnic group is of the country it lives in
      {"Serb forces killed two ethnic Albanians in southern Serbia.", "SRB"},
      // "is opposed to" is held by its subject
      {"Greece is opposed to Turkish mediation in the dispute.", "TUR"},
      // whom a protest defies, not the place it fills
      {"Thousands of people marched in Hong Kong in defiance of Chinese "
       "authorities.",
       "CHN"},
      // Kampuchea: Cambodia's name from 1975 to 1989
      {"Vietnamese troops shelled Kampuchean guerrilla bases.", "KHM"},
      // the parties between whom, hung on the verb that carries the effort
      {"Qatar launched a mediation effort on Saturday between Sudan and "
       "Chad.",
       "SDN TCD"},
      // "official" on a thing names no government; the counterpart does
      {"Kurdish leaders said they would boycott all official contact with "
       "Turkey.",
       "TUR"},
  };
  for (const auto& row : rows) {
    const CodedDocument doc = Code(row.text);
    ASSERT_FALSE(doc.events.empty()) << row.text;
    std::set<std::string> countries;
    for (const Actor& a : doc.events.front().target) {
      if (!a.country.empty()) countries.insert(a.country);
    }
    std::string joined;
    for (const std::string& c : countries) {
      joined += (joined.empty() ? "" : " ") + c;
    }
    EXPECT_EQ(joined, row.countries) << row.text;
  }
  // A battle has sides, not a place it is waged on.
  const CodedDocument clash =
      Code("Fighting between the army and rebels spread across Darfur.");
  ASSERT_FALSE(clash.events.empty());
  EXPECT_EQ(Codes(clash.events.front().source), "MIL REB");
  EXPECT_TRUE(clash.events.front().target.empty());
}

// Whose the actors are, where the sentence says it beside their names.
TEST_F(ExtractorTest, SourcesNamedAroundTheAct) {
  const struct {
    const char* text;
    const char* source;  // actor codes
  } rows[] = {
      // who leads or backs them
      {"Saudi-led coalition aircraft struck a market.", "SAUMIL"},
      // people demonstrating in a country, their own not named, are of it
      {"Ethnic Serbs demonstrated in Pristina on Tuesday.", "XKXETH"},
      // "is opposed to" is held by its subject
      {"Greece is opposed to Turkish mediation in the dispute.", "GRC"},
  };
  for (const auto& row : rows) {
    const CodedDocument doc = Code(row.text);
    ASSERT_FALSE(doc.events.empty()) << row.text;
    EXPECT_EQ(Codes(doc.events.front().source), row.source) << row.text;
  }
}

// With a gazetteer, a place named as a party takes its country; a name
// that is only a small town's, or an alternate name, does not.
TEST(ExtractorGazetteerTest, PlacesNamedAsPartiesTakeTheirCountry) {
  const std::filesystem::path dir = ::testing::TempDir();
  const std::string pid = std::to_string(::getpid());
  const std::string bundle = (dir / ("gaz_test_" + pid + ".lexicon")).string();
  const std::string index = (dir / ("gaz_test_" + pid + ".idx")).string();
  auto lex = lexicon::CompileLexicon(SITREP_SOURCE_DIR "/data/lexicon");
  ASSERT_TRUE(lex.ok()) << lex.status();
  ASSERT_TRUE(lexicon::WriteLexiconBundle(**lex, bundle).ok());
  geo::GazetteerBuilder builder;
  for (const char* row : {
           "146970\tXankəndi\tXankandi\tKhankendi,Stepanakert\t39.8177\t"
           "46.7528\tP\tPPLA\tAZ\t\t61\t\t\t\t53100\t\t850\tAsia/Baku\t"
           "2021-11-03",
           "3064673\tSokolov\tSokolov\t\t50.18\t12.64\tP\tPPL\tCZ\t\t"
           "84\t\t\t\t24901\t\t400\tEurope/Prague\t2020-01-01",
           "4431410\tJackson\tJackson\t\t32.29876\t-90.18481\tP\tPPLA\t"
           "US\t\tMS\t\t\t\t170674\t\t85\tAmerica/Chicago\t2020-01-01",
           "148106\tFizuli\tFizuli\t\t39.60\t47.15\tP\tPPLA\tAZ\t\t18\t\t"
           "\t\t26765\t\t400\tAsia/Baku\t2020-01-01",
           "147105\tŞuşa\tSusa\tShusha,Shushi\t39.76\t46.75\tP\tPPLA\tAZ\t"
           "\t55\t\t\t\t18662\t\t1400\tAsia/Baku\t2020-01-01",
           "147059\tƏhmədbəyli\tAhmadbayli\t\t39.88\t48.39\tP\tPPL\tAZ\t"
           "\t45\t\t\t\t17242\t\t-11\tAsia/Baku\t2020-01-01",
           "4156404\tGainesville\tGainesville\t\t29.65\t-82.32\tP\tPPLA2\t"
           "US\t\tFL\t001\t\t\t133997\t\t54\tAmerica/New_York\t2020-01-01",
           "4801859\tCharleston\tCharleston\t\t38.35\t-81.63\tP\tPPLA\tUS"
           "\t\tWV\t039\t\t\t46536\t\t183\tAmerica/New_York\t2020-01-01",
           "4394870\tDublin\tDublin\t\t40.10\t-83.11\tP\tPPL\tUS\t\tOH\t"
           "049\t\t\t49328\t\t280\tAmerica/New_York\t2020-01-01",
           "4140963\tWashington\tWashington\t\t38.90\t-77.04\tP\tPPLC\t"
           "US\t\tDC\t001\t\t\t689545\t\t7\tAmerica/New_York\t2020-01-01",
           // Berea, Kentucky, and Lesotho's Berea district.
           "4281730\tBerea\tBerea\t\t37.57\t-84.30\tP\tPPL\tUS\t\tKY\t"
           "151\t\t\t15539\t\t311\tAmerica/New_York\t2020-01-01",
           "5419384\tDenver\tDenver\t\t39.74\t-104.98\tP\tPPLA\tUS\t\t"
           "CO\t031\t\t\t715522\t\t1609\tAmerica/Denver\t2020-01-01",
           "5206379\tPittsburgh\tPittsburgh\t\t40.44\t-80.00\tP\tPPLA2\t"
           "US\t\tPA\t003\t\t\t304391\t\t367\tAmerica/New_York\t"
           "2020-01-01",
           // Pittsburg, California, which GeoNames also calls Pittsburgh.
           "5383465\tPittsburg\tPittsburg\tPittsburgh\t38.03\t-121.88\tP\t"
           "PPL\tUS\t\tCA\t013\t\t\t69424\t\t14\tAmerica/Los_Angeles\t"
           "2020-01-01",
           "5368361\tLos Angeles\tLos Angeles\t\t34.05\t-118.24\tP\tPPLA2"
           "\tUS\t\tCA\t037\t\t\t3971883\t\t96\tAmerica/Los_Angeles\t"
           "2020-01-01",
           "5391811\tSan Diego\tSan Diego\t\t32.72\t-117.16\tP\tPPLA2\t"
           "US\t\tCA\t073\t\t\t1394928\t\t20\tAmerica/Los_Angeles\t"
           "2020-01-01",
           "3718426\tPort-au-Prince\tPort-au-Prince\t\t18.54\t-72.34\tP\t"
           "PPLC\tHT\t\t11\t\t\t\t1234742\t\t98\tAmerica/Port-au-Prince"
           "\t2020-01-01",
           // Trinidad, Colorado.
           "5442010\tTrinidad\tTrinidad\t\t37.17\t-104.50\tP\tPPLA2\tUS\t"
           "\tCO\t071\t\t\t8200\t\t1838\tAmerica/Denver\t2020-01-01",
           // Prince George, British Columbia.
           "6113365\tPrince George\tPrince George\t\t53.92\t-122.75\tP\t"
           "PPL\tCA\t\t02\t5953\t\t\t65558\t\t575\tAmerica/Vancouver\t"
           "2020-01-01",
           "5110629\tBuffalo\tBuffalo\t\t42.89\t-78.88\tP\tPPLA2\tUS\t\t"
           "NY\t029\t\t\t258071\t\t183\tAmerica/New_York\t2020-01-01",
           // Buffalo, Wyoming, a county seat.
           "5821593\tBuffalo\tBuffalo\t\t44.35\t-106.70\tP\tPPLA2\tUS\t"
           "\tWY\t019\t\t\t4585\t\t1422\tAmerica/Denver\t2020-01-01",
       }) {
    ASSERT_TRUE(builder.AddGeoNamesLine(row)) << row;
  }
  // States and counties as the other sources give them.
  for (auto [name, admin1, admin2, feature] : std::vector<
           std::tuple<const char*, const char*, const char*, const char*>>{
           {"Texas", "TX", "", "ADM1"},
           {"New Mexico", "NM", "", "ADM1"},
           {"New York", "NY", "", "ADM1"},
           {"California", "CA", "", "ADM1"},
           {"Washington", "WA", "", "ADM1"},
           {"West Virginia", "WV", "", "ADM1"},
           {"Clarke County", "GA", "059", "ADM2"},
           {"Queen Anne's County", "MD", "035", "ADM2"},
           {"Prince George's County", "MD", "033", "ADM2"},
           {"Oconee County", "GA", "219", "ADM2"}}) {
    geo::GazetteerBuilder::Entry e;
    e.name = name;
    e.country = "US";
    e.admin1 = admin1;
    e.admin2 = admin2;
    e.feature = feature;
    const std::string n = name;
    if (n.ends_with(" County")) {
      e.other_names.push_back(n.substr(0, n.size() - 7));
    }
    if (n == "West Virginia") e.abbreviations = {"W.Va."};
    if (n == "Texas") e.demonyms = {"Texan", "Texans"};
    if (n == "New Mexico") e.demonyms = {"New Mexican", "New Mexicans"};
    builder.Add(e);
  }
  {
    geo::GazetteerBuilder::Entry e;
    e.name = "Berea";
    e.country = "LS";
    e.admin1 = "10";
    e.feature = "ADM1";
    e.lat = -29.2;
    e.lon = 27.9;
    builder.Add(e);
  }
  {
    // Ireland's Dublin City, a second-order division.
    geo::GazetteerBuilder::Entry e;
    e.name = "Dublin City";
    e.country = "IE";
    e.admin1 = "L";
    e.admin2 = "33";
    e.feature = "ADM2";
    e.lat = 53.36;
    e.lon = -6.25;
    builder.Add(e);
  }
  {
    geo::GazetteerBuilder::Entry e;
    e.name = "Europe";
    e.feature = "CONT";
    e.lat = 48.69;
    e.lon = 9.14;
    builder.Add(e);
  }
  // Two countries whose long names differ by one possessive word.
  for (auto [name, other, country] :
       std::vector<std::tuple<const char*, const char*, const char*>>{
           {"China", "People's Republic of China", "CN"},
           {"Taiwan", "Republic of China", "TW"}}) {
    geo::GazetteerBuilder::Entry e;
    e.name = name;
    e.other_names = {other};
    e.own_names = 1;
    e.country = country;
    e.feature = "PCLI";
    builder.Add(e);
  }
  // Countries, a sea, a continent, an ocean and a lake, some by another
  // name too: the country's adjective, the sea's short name (written here
  // as another language's, so that the name alone is no area), the
  // ocean's short name as its own.
  struct Area {
    const char* name;
    const char* other;
    bool other_own;
    const char* country;
    const char* feature;
    double lat, lon;
  };
  for (const Area& a : std::vector<Area>{
           {"New Zealand", "", false, "NZ", "PCLI", 0, 0},
           {"Gabon", "", false, "GA", "PCLI", 0, 0},
           {"Haiti", "", false, "HT", "PCLI", 0, 0},
           {"Trinidad and Tobago", "", false, "TT", "PCLI", 0, 0},
           {"Mexico", "Mexican", true, "MX", "PCLI", 0, 0},
           {"Mediterranean Sea", "Mediterranean", false, "", "SEA", 35, 18},
           {"Asia", "", false, "", "CONT", 0, 0},
           {"Pacific Ocean", "Pacific", true, "", "OCN", 0, 0},
           {"Lake Erie", "", false, "", "LK", 0, 0}}) {
    geo::GazetteerBuilder::Entry e;
    e.name = a.name;
    if (*a.other != '\0') e.other_names = {a.other};
    e.own_names = a.other_own ? 1 : 0;
    e.country = a.country;
    e.feature = a.feature;
    e.lat = a.lat;
    e.lon = a.lon;
    builder.Add(e);
  }
  {
    std::ofstream out(index, std::ios::binary);
    out << builder.Build();
  }
  EventCoderOptions options;
  options.parser_model = SITREP_SOURCE_DIR "/models/en.parser";
  options.lexicon = bundle;
  options.gazetteer = index;
  auto coder = EventCoder::Create(options);
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  auto code = [&](const std::string& text) {
    Document doc;
    doc.id = "g";
    doc.text = text;
    CodedDocument out;
    (*coder)->Code(std::span<const Document>(&doc, 1),
                   std::span<CodedDocument>(&out, 1));
    return out;
  };
  CodedDocument doc = code("Armenian forces shelled Stepanakert on Monday.");
  ASSERT_FALSE(doc.events.empty());
  ASSERT_EQ(doc.events[0].target.size(), 1u);
  EXPECT_EQ(doc.events[0].target[0].country, "AZE");
  doc = code("Rebels attacked Sokolov on Monday.");
  ASSERT_FALSE(doc.events.empty());
  ASSERT_EQ(doc.events[0].target.size(), 1u);
  EXPECT_EQ(doc.events[0].target[0].country, "");
  // A name doing the act is a person's as often as a town's.
  doc = code("Jackson met the rebel commander in the capital.");
  ASSERT_FALSE(doc.events.empty());
  ASSERT_EQ(doc.events[0].source.size(), 1u);
  EXPECT_EQ(doc.events[0].source[0].country, "");
  EXPECT_TRUE(doc.places.empty());
  // The document's places: names after a preposition of place, resolved.
  doc = code("Shelling hit homes in Khankendi; residents fled to Sokolov.");
  ASSERT_EQ(doc.places.size(), 2u);
  EXPECT_EQ(doc.places[0].text, "Khankendi");
  EXPECT_EQ(doc.places[0].name, "Xankəndi");
  EXPECT_EQ(doc.places[0].country, "AZE");
  EXPECT_EQ(doc.places[0].geonames_id, 146970u);
  EXPECT_EQ(doc.places[0].precision, "point");
  EXPECT_EQ(doc.places[1].country, "CZE");

  // Events on the map. A road named by the places it joins: near the
  // first of them placed; its "Ahmedbeyli" is not the Əhmədbəyli 110 km
  // away in another district.
  doc = code(
      "Units opened fire on the Ahmedbeyli-Fizuli-Shusha highway on "
      "Tuesday. A soldier was wounded.");
  ASSERT_EQ(doc.events.size(), 2u);
  auto by_trigger = [&](const std::string& trigger) -> const Event& {
    for (const Event& e : doc.events) {
      if (e.trigger.text == trigger) return e;
    }
    ADD_FAILURE() << "no event " << trigger;
    return doc.events[0];
  };
  ASSERT_TRUE(by_trigger("opened fire").location.has_value());
  const Location road = *by_trigger("opened fire").location;
  EXPECT_EQ(road.text, "the Ahmedbeyli-Fizuli-Shusha highway");
  EXPECT_EQ(road.name, "Ahmedbeyli-Fizuli-Shusha highway");
  EXPECT_EQ(road.precision, "near");
  EXPECT_EQ(road.basis, "event");
  EXPECT_EQ(road.country, "AZE");
  EXPECT_NEAR(road.lat, 39.60, 0.01);
  for (const PlaceMention& p : doc.places) {
    EXPECT_NE(p.name, "Əhmədbəyli") << p.text;
  }
  // The next sentence names no place: the one named before, nearby.
  ASSERT_TRUE(by_trigger("wounded").location.has_value());
  EXPECT_EQ(by_trigger("wounded").location->basis, "document");
  EXPECT_EQ(by_trigger("wounded").location->precision, "near");
  EXPECT_EQ(by_trigger("wounded").location->name, "Fizuli");
  // A place acted on in the sentence ("shelled Khankendi").
  doc = code("Rebels shelled Khankendi overnight.");
  ASSERT_FALSE(doc.events.empty());
  ASSERT_TRUE(doc.events[0].location.has_value());
  EXPECT_EQ(doc.events[0].location->name, "Xankəndi");
  EXPECT_EQ(doc.events[0].location->basis, "sentence");
  EXPECT_EQ(doc.events[0].location->precision, "point");
  EXPECT_EQ(doc.events[0].location->geonames_id, 146970u);
  // Nothing in the text: the dateline's place. A country's adjective
  // ("Armenian") says whose, not where.
  doc = code(
      "KHANKENDI, Sept 19 (Reuters) - Armenian soldiers were wounded, the "
      "ministry said.");
  ASSERT_FALSE(doc.events.empty());
  ASSERT_TRUE(doc.events[0].location.has_value());
  EXPECT_EQ(doc.events[0].location->basis, "dateline");
  EXPECT_EQ(doc.events[0].location->text, "KHANKENDI");
  EXPECT_EQ(doc.events[0].location->precision, "near");

  // Where names hide: in a dateline after a headline, before a colon or
  // a dash; inside a state's name ("North Texas") or a hyphenated word; in
  // a list after a place; naming a town's police.
  auto place_names = [&](const std::string& text) {
    std::string out;
    for (const PlaceMention& p : code(text).places) {
      out += (out.empty() ? "" : "|") + p.text + ">" + p.name;
    }
    return out;
  };
  EXPECT_EQ(place_names("Mine kills miner. CHARLESTON, W.Va. -- A miner died."),
            "CHARLESTON>Charleston|W.Va.>West Virginia");
  EXPECT_EQ(place_names("They moved to North Texas in 1973."),
            "North Texas>Texas");
  EXPECT_EQ(place_names("Flocks moved to Northern Europe."),
            "Northern Europe>Europe");
  EXPECT_EQ(place_names("A Texas-based company hired them."), "Texas>Texas");
  EXPECT_EQ(place_names("Schools closed in Clarke County and Oconee."),
            "Clarke County>Clarke County|Oconee>Oconee County");
  EXPECT_EQ(place_names("Officers of the Gainesville Police arrested him."),
            "Gainesville>Gainesville");
  // A town naming who is from it or serves it; a legislator's home.
  EXPECT_EQ(place_names("A Gainesville man was arrested on Monday."),
            "Gainesville>Gainesville");
  EXPECT_EQ(place_names("The Gainesville Police Department arrested him."),
            "Gainesville>Gainesville");
  EXPECT_EQ(place_names("The bill was filed by Sen. Ray Miller, D-Charleston."),
            "Charleston>Charleston");
  EXPECT_EQ(place_names("The anniversary of D-Day was marked."), "");
  EXPECT_EQ(
      place_names("The bill was filed by Sen. Joe Lee, D-W.Va. It failed."),
      "W.Va.>West Virginia");
  EXPECT_EQ(place_names("Rep. Ann Lee (R-West Virginia) spoke on Monday."),
            "West Virginia>West Virginia");
  EXPECT_EQ(place_names("A Gainesville-based firm won the contract."),
            "Gainesville>Gainesville");
  EXPECT_EQ(place_names("A child drowned at a Gainesville home."),
            "Gainesville>Gainesville");
  EXPECT_EQ(place_names("Students of Charleston High School won."),
            "Charleston>Charleston");
  // Its police say it is a town: Berea, Kentucky, not the district.
  doc = code("Berea police are searching for a suspect.");
  ASSERT_EQ(doc.places.size(), 1u);
  EXPECT_EQ(doc.places[0].country, "USA");
  // The town of an address; the town someone is from.
  EXPECT_EQ(place_names("Services are at the chapel, 618 E. Main Street, "
                        "Sokolov."),
            "Sokolov>Sokolov");
  EXPECT_EQ(place_names("Survivors include a son, Leo Drexler of Sokolov."),
            "Sokolov>Sokolov");
  // A place naming a site in it; a capital's name.
  EXPECT_EQ(place_names("The Sokolov plant was closed on Monday."),
            "Sokolov>Sokolov");
  EXPECT_EQ(place_names("Flu broke out in the capital of Sokolov."),
            "Sokolov>Sokolov");
  EXPECT_EQ(place_names("Flights to the People's Republic of China resumed."),
            "People's Republic of China>China");
  // A county's name inside a body's; "City" after a town's name is the
  // body's word.
  EXPECT_EQ(place_names("The Clarke County Common Pleas Court met."),
            "Clarke County>Clarke County");
  EXPECT_EQ(place_names("The Dublin City Council met on Monday."),
            "Dublin>Dublin");
  // A country whose name opens a body's, the tagger taking its first word
  // for an adjective.
  EXPECT_EQ(place_names("The New Zealand Department of Conservation said "
                        "the birds were safe."),
            "New Zealand>New Zealand");
  // "state" beside a name says it is a state's.
  doc = code("A cow from a Washington state farm tested positive.");
  ASSERT_EQ(doc.places.size(), 1u);
  EXPECT_EQ(doc.places[0].precision, "admin1");
  doc = code("The disease was found in the state of Washington.");
  ASSERT_EQ(doc.places.size(), 1u);
  EXPECT_EQ(doc.places[0].precision, "admin1");
  doc = code("Talks were held in Washington.");
  ASSERT_EQ(doc.places.size(), 1u);
  EXPECT_EQ(doc.places[0].precision, "point");
  // The same where the parser hangs both words on "farm".
  doc = code(
      "The disease was found in a cow located at a Washington state "
      "farm.");
  ASSERT_EQ(doc.places.size(), 1u);
  EXPECT_EQ(doc.places[0].precision, "admin1");
  // A name the tagger takes for a common noun before a noun: a country, a
  // city, by its own name.
  EXPECT_EQ(place_names("The outbreak is in the region near the Gabon "
                        "border."),
            "Gabon>Gabon");
  EXPECT_EQ(place_names("They will bring their case before a Denver judge."),
            "Denver>Denver");
  // A town and its state of two words after a comma, though the town is
  // the subject; a name after a comma, beside the word for a capital.
  doc = code("Buffalo, New York in the United States may be a destination.");
  ASSERT_FALSE(doc.places.empty());
  EXPECT_EQ(doc.places[0].name, "Buffalo");
  EXPECT_EQ(doc.places[0].admin1, "NY");
  EXPECT_EQ(place_names("Cases were reported just north of the earthquake "
                        "ravaged capital, Port-Au-Prince."),
            "Port-Au-Prince>Port-au-Prince");
  // The countries of a sea.
  EXPECT_EQ(place_names("The disease is found in the countries of the "
                        "Mediterranean."),
            "Mediterranean>Mediterranean Sea");
  // A city's own name before another town's other name, though the report
  // is about that town's state.
  EXPECT_EQ(place_names("Researchers in Los Angeles and San Diego, "
                        "California, and at Children's Hospital of "
                        "Pittsburgh agreed."),
            "Los Angeles>Los Angeles|San Diego>San Diego|"
            "California>California|Pittsburgh>Pittsburgh");
  // A state named by its people or its adjective; two words before one,
  // so "New Mexicans" are not Mexico's.
  EXPECT_EQ(place_names("Texans voted on Tuesday."), "Texans>Texas");
  EXPECT_EQ(place_names("A Texan rancher and a New Mexican farmer were "
                        "hurt."),
            "Texan>Texas|New Mexican>New Mexico");
  EXPECT_EQ(place_names("Two New Mexicans were hurt."),
            "New Mexicans>New Mexico");
  EXPECT_EQ(place_names("Mexican police arrested him."), "Mexican>Mexico");
  // Places naming sites, with other words or names between.
  EXPECT_EQ(place_names("Pigs from the Sokolov and Fizuli farms were "
                        "tested."),
            "Sokolov>Sokolov|Fizuli>Fizuli");
  EXPECT_EQ(place_names("The virus persists in Sokolov hog farms, which are "
                        "few."),
            "Sokolov>Sokolov");
  // A place the gazetteer lacks, named with the place that holds it: there,
  // saying so; not a body's or a building's name.
  doc = code("Shells hit homes in the Ulanbek district of Sokolov.");
  ASSERT_EQ(doc.places.size(), 2u);
  EXPECT_EQ(doc.places[0].text, "Ulanbek");
  EXPECT_EQ(doc.places[0].name, "Sokolov");
  EXPECT_EQ(doc.places[0].precision, "near");
  EXPECT_EQ(doc.places[1].precision, "point");
  EXPECT_EQ(place_names("Farmers in the Ulanbek district, West Virginia "
                        "state, lost cattle."),
            "Ulanbek>West Virginia|West Virginia>West Virginia");
  EXPECT_EQ(place_names("The swans were found in Mouillee, Texas."),
            "Mouillee>Texas|Texas>Texas");
  EXPECT_EQ(place_names("He was hit near Ulanbek High School, Texas."),
            "Texas>Texas");
  // A name with "and" in it; a place held by someone.
  EXPECT_EQ(place_names("He flew to Trinidad and Tobago on Monday."),
            "Trinidad and Tobago>Trinidad and Tobago");
  EXPECT_EQ(place_names("A man in Russian-occupied Sokolov was hurt."),
            "Sokolov>Sokolov");
  // A county's name with a possessive, though the parser takes its first
  // words for a town's name.
  EXPECT_EQ(place_names("Ducks were found in Queen Anne's County on "
                        "Monday."),
            "Queen Anne's County>Queen Anne's County");
  EXPECT_EQ(place_names("Ducks were found in Prince George's County on "
                        "Monday."),
            "Prince George's County>Prince George's County");
  // A continent and an ocean joined by a hyphen; a lake, a place in any
  // position.
  EXPECT_EQ(place_names("Other Asia-Pacific nations like Gabon agreed."),
            "Asia>Asia|Pacific>Pacific Ocean|Gabon>Gabon");
  EXPECT_EQ(place_names("Lake Erie froze over on Monday."),
            "Lake Erie>Lake Erie");
  // A body's branch in a country or a city, named after letters in
  // capitals; not a person's name, nor initials.
  EXPECT_EQ(place_names("ABC New Zealand reports of a man in the north."),
            "New Zealand>New Zealand");
  EXPECT_EQ(place_names("The situation in SOS Children's Village Denver is "
                        "stable."),
            "Denver>Denver");
  EXPECT_EQ(place_names("The outbreak caused UNICEF Gabon to recall staff."),
            "Gabon>Gabon");
  EXPECT_EQ(place_names("The play is based on a book by J.M. Denver."), "");
  EXPECT_EQ(place_names("Senator Jim Denver said he would vote."), "");
  // A list two of whose names are places is a list of places, its first
  // name too, though it is the subject; a list with one is not.
  EXPECT_EQ(place_names("Sokolov, Fizuli, Jackson and Gainesville are among "
                        "the worst affected districts."),
            "Sokolov>Sokolov|Jackson>Jackson|Gainesville>Gainesville");
  EXPECT_EQ(place_names("Sokolov, Fizuli and Gainesville are among the worst "
                        "affected districts."),
            "Gainesville>Gainesville");
  // A capitalised word for a kind of place inside a name is none.
  EXPECT_EQ(place_names("The City Council met on Monday."), "");

  // A damaged index is refused when the coder starts, saying so.
  {
    std::ofstream out(index, std::ios::binary | std::ios::trunc);
    out << "SITREPGZ and then nothing";
  }
  auto broken = EventCoder::Create(options);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("gazetteer"), std::string::npos)
      << broken.status().message();
  std::filesystem::remove(bundle);
  std::filesystem::remove(index);
}

TEST_F(ExtractorTest, CasualtyCountsAndQualifiers) {
  struct Casualty {
    const char* text;
    int64_t killed;  // -1: a casualty without a count
    const char* qualifier;
    const char* victims;
  };
  const std::vector<Casualty> rows = {
      {"An Israeli air strike on the camp killed at least 40 civilians.", 40,
       "at_least", "CVL"},
      {"Two soldiers were killed when militants detonated a roadside bomb.", 2,
       "exact", "MIL"},
      {"Artillery fire killed dozens of civilians in the town.", 24, "at_least",
       "CVL"},
      {"Militants shelled the village, killing civilians.", -1, "unknown",
       "CVL"},
      {"More than 100 people were killed in the bombing.", 100, "more_than",
       "CVL"},
  };
  for (const Casualty& row : rows) {
    const CodedDocument doc = Code(row.text);
    ASSERT_FALSE(doc.events.empty()) << row.text;
    const Event& main = doc.events.front();
    ASSERT_TRUE(main.fatalities.has_value()) << row.text;
    if (row.killed < 0) {
      EXPECT_FALSE(main.fatalities->count.has_value()) << row.text;
    } else {
      EXPECT_EQ(main.fatalities->count.value_or(-1), row.killed) << row.text;
    }
    EXPECT_EQ(main.fatalities->qualifier, row.qualifier) << row.text;
    EXPECT_EQ(main.fatalities->victims, row.victims) << row.text;
  }
}

TEST_F(ExtractorTest, ReportedSpeechGivesClaimantAndStance) {
  // "X said Y shelled Z": Y is the source, X the claimant, who accuses.
  CodedDocument doc = Code(
      "Armenian troops shelled the positions of the Azerbaijani army "
      "overnight, the Azerbaijani Defence Ministry said.");
  const Event* e = Find(doc, "shelling");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Codes(e->source), "ARMMIL");
  ASSERT_TRUE(e->claim && e->claim->claimant);
  EXPECT_EQ(e->claim->claimant->country, "AZE");
  EXPECT_EQ(e->claim->stance, "accuses");
  EXPECT_EQ(e->claim->cue.text, "said");

  // "X accused Y of shelling Z": Y is the source, X the claimant.
  doc = Code(
      "The General Staff accused Russian forces of shelling Ukrainian "
      "positions near the village.");
  e = Find(doc, "shelling");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Codes(e->source), "RUSMIL");
  ASSERT_TRUE(e->claim && e->claim->claimant);
  EXPECT_EQ(e->claim->claimant->sector, "MIL");
  EXPECT_EQ(e->claim->stance, "accuses");

  // "according to"
  doc = Code("According to the ministry, rebels ambushed a convoy.");
  e = Find(doc, "armed_clash");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->claim && e->claim->claimant);
  EXPECT_EQ(e->claim->claimant->sector, "GOV");

  // a denial negates
  doc = Code("The army denied that it shelled the village.");
  e = Find(doc, "shelling");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, "negated");
  ASSERT_TRUE(e->claim.has_value());
  EXPECT_EQ(e->claim->stance, "denies");

  // a responsibility claim
  doc = Code("The Islamic State claimed responsibility for the bombing.");
  e = Find(doc, "remote_explosive");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->claim.has_value());
  EXPECT_EQ(e->claim->stance, "claims_responsibility");
  EXPECT_EQ(Codes(e->source), "IMGISI");
}

TEST_F(ExtractorTest, FirstPersonIsTheSpeakersSide) {
  const CodedDocument doc = Code(
      "Our servicemen were wounded by sniper fire, the Armenian Defence "
      "Ministry said.");
  ASSERT_FALSE(doc.events.empty());
  const Event& e = doc.events.front();
  ASSERT_FALSE(e.target.empty());
  EXPECT_TRUE(e.target.front().first_person);
  EXPECT_EQ(e.target.front().country, "ARM");
  EXPECT_EQ(e.target.front().sector, "MIL");
}

// "We" speaking inside a quotation is the quotation's speaker.
TEST_F(ExtractorTest, AFirstPersonSpeakerIsTheQuotationsSpeaker) {
  const CodedDocument doc = Code(
      "\u201cWe stress that civilians are not targets,\u201d the Georgian "
      "Defence Ministry said in a statement.");
  const Event* e = nullptr;
  for (const Event& x : doc.events) {
    if (x.modality == "negated") e = &x;
  }
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->claim && e->claim->claimant);
  EXPECT_EQ(e->claim->claimant->country, "GEO");
  EXPECT_TRUE(e->claim->claimant->first_person);
}

TEST_F(ExtractorTest, TheDocumentSourceSpeaksWhenNoOneElseDoes) {
  const CodedDocument doc =
      Code("A mine exploded on the highway on Tuesday, killing two civilians.",
           "Ministry of Defence of Azerbaijan");
  ASSERT_FALSE(doc.events.empty());
  const Event& e = doc.events.front();
  EXPECT_EQ(e.event_class, "remote_explosive");
  ASSERT_TRUE(e.claim && e.claim->claimant);
  EXPECT_EQ(e.claim->claimant->country, "AZE");
  ASSERT_TRUE(e.date.has_value());
  EXPECT_EQ(e.date->value, "2023-09-19");
  EXPECT_EQ(e.date->precision, "day");
  // A party telling of the other side's violence accuses it; a publisher
  // that is no party asserts.
  const CodedDocument party =
      Code("Armenian forces shelled the village on Tuesday.",
           "Ministry of Defence of Azerbaijan");
  ASSERT_FALSE(party.events.empty());
  ASSERT_TRUE(party.events[0].claim);
  EXPECT_EQ(party.events[0].claim->stance, "accuses");
  const CodedDocument wire =
      Code("Armenian forces shelled the village on Tuesday.", "Example Wire");
  ASSERT_FALSE(wire.events.empty());
  ASSERT_TRUE(wire.events[0].claim);
  EXPECT_EQ(wire.events[0].claim->stance, "asserts");
}

TEST_F(ExtractorTest, EverySpanPointsIntoTheText) {
  const std::string text =
      "BAKU, Sept 19 (Reuters) - \u201CArmenian units shelled our "
      "positions,\u201D the ministry said. Two civilians were killed.";
  const CodedDocument doc = Code(text);
  ASSERT_FALSE(doc.events.empty());
  for (const Event& e : doc.events) {
    EXPECT_EQ(text.substr(e.trigger.span.begin, e.trigger.span.size()),
              e.trigger.text);
    EXPECT_EQ(text.substr(e.sentence_span.begin, e.sentence_span.size()),
              e.text);
    for (const auto* side : {&e.source, &e.target}) {
      for (const Actor& a : *side) {
        EXPECT_LE(a.span.end, text.size());
        EXPECT_EQ(text.substr(a.span.begin, a.span.size()), a.text);
      }
    }
  }
}

TEST_F(ExtractorTest, WhoCondemnsAnAttackDidNotCarryItOut) {
  const CodedDocument doc =
      Code("The foreign ministry condemned the shelling of the village.");
  const Event* e = Find(doc, "shelling");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->source.empty()) << Codes(e->source);
  // A verb that is no event of its own lends its subject.
  const CodedDocument carried =
      Code("Rebels carried out an attack on the army base.");
  ASSERT_FALSE(carried.events.empty());
  EXPECT_EQ(Codes(carried.events.front().source), "REB");
}

TEST_F(ExtractorTest, DroppingAnythingButOrdnanceIsNoEvent) {
  const CodedDocument doc =
      Code("Prosecutors dropped the charges against the journalist.");
  for (const Event& e : doc.events) {
    EXPECT_NE(e.event_class, "air_strike");
    EXPECT_NE(e.event_class, "chemical_weapon");
  }
}

}  // namespace
}  // namespace sitrep
