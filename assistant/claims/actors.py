"""Who asserted a claim: candidate actor spans in news text, and one name per actor.

``find_actors`` finds the candidate asserters of a sentence (or of the sentence before it
plus the sentence) with exact offsets, for the model to choose from; ``actor_in_text``
checks that a chosen asserter is really named in a text; ``resolve_actors`` maps every
surface form of the corpus to one canonical display name per actor; ``canonical_key`` is
the text-only grouping key it starts from.

Everything is regular-expression tokenising plus general-knowledge tables (countries with
their demonyms, institution words, titles, attribution verbs): no names of particular
people or agencies are built in, so a new corpus behaves like the sample one.

What is a candidate (kinds, most specific first when spans overlap):

* a titled person: optional country ("Ukrainian", "U.S.", "Ukraine's"), title words ending
  in a title ("President", "Deputy Secretary of State", "spokesman", "spy chief"), then a
  name: "Ukrainian President Volodymyr Zelenskyy", "spokesman Dmitry Peskov";
* a named organisation: a run of capitalised words holding an institution word ("Agency",
  "Council", "Post", "Ministry", ...) or a metonym ("Kremlin", "White House"), with a
  possessive country before it, "the" before it and an acronym in brackets after it:
  "South Korea's National Intelligence Service (NIS)", "the U.S. National Security
  Council", "the Defense Intelligence of Ukraine", "The Washington Post";
* a country-qualified noun phrase: demonyms or possessive countries, then modifiers, then
  an institution, group or role noun: "Ukrainian intelligence", "U.S. and NATO officials",
  "Ukraine's defense intelligence agency", "the Ukrainian intelligence chief";
* a name then an outlet noun ("Yonhap news agency", "Japan's Kyodo news agency");
* a name of two to five capitalised name words ("Kyrylo Budanov", "Yoon Suk Yeol"), or one
  name word in apposition to a role ("Kirby, the spokesperson for ..."); not in a headline
  set in Title Case ("North Korean Troop Movements Confirmed?");
* an unqualified group: "military and intelligence sources", "some military experts",
  "officials" (bare only as the subject of an attribution verb), "an expert" (a singular
  role only when indefinite and attributed: "the official added" is an anaphor, and the
  body it refers back to is in the sentence before);
* anchored only (the subject of an attribution verb, also across a prepositional phrase or
  an apposition: "officials in Kyiv said", "X, the spokesperson for Y, told"; or after
  "according to", "citing", "by" after a participle, "on the basis of", "said" after a
  quotation; or before "'s official Telegram channel"): bare names
  ("Bloomberg reported", "Budanov noted"), countries and lists of them ("Ukraine said",
  "The United States and South Korea revealed") and acronyms ("the NIS");
* never: places or plain subjects ("Russia", "North Korean soldiers", "the region"),
  capitalised common words ("Reports suggest", "Earlier this month"), pronouns, passive
  subjects ("soldiers were observed"). Plain people ("residents", "troops") count only as
  the subject of a verb of speech ("Residents said").

When spans overlap the more specific kind wins, except that an organisation inside a
titled person's title is kept too ("Kremlin" in "Kremlin spokesman Dmitry Peskov"). At most
``MAX_ACTORS`` are returned; beyond that, attributed ones and specific kinds are kept.

Resolution keys (``canonical_key``): a person is keyed by the name words without titles
("person:kyrylo budanov"); an institution by (countries, type family, qualifier), where the
family comes from keyword families (intelligence/spy -> intelligence; defence ministry /
ministry of defence -> "ministry defence"; police; military; government; presidency; ...)
and the qualifier from the remaining distinguishing words ("defense" -> military,
"foreign", "national", "federal", ...); a group ("officials", "sources") and a role ("the
Ukrainian intelligence chief") by country, family and head noun; a bare name by itself.

``resolve_actors`` merges further only where the text supports it:

* an acronym defined in the corpus ("National Intelligence Service (NIS)") maps to that body;
* a surname alone maps to the only full name in the corpus with that surname (for names of
  three words, the first word also counts: "Kim" for "Kim Jong Un"); two full names with
  the same given name and surnames one edit apart ("Zelensky"/"Zelenskyy") are one person;
* an unqualified body ("Ukrainian intelligence", "Ukraine's Main Intelligence Directorate")
  joins the qualified body of the same country and family ("Ukraine's Defense Intelligence
  Agency") when there is exactly one; two differently qualified bodies stay apart (CIA's
  "Central" vs DIA's "Defense"); different countries never merge;
* a body named without a country takes the country the corpus gives the same name, if one;
* a role is a person, never the body: "the Ukrainian intelligence chief" resolves to a
  person when the corpus names exactly one holder of that role ("The head of Ukraine's Main
  Intelligence Directorate, Kyrylo Budanov", "Russian President Vladimir Putin" for "the
  Russian leader"), otherwise it stays a role of its own. A person is never merged into an
  organisation and an organisation never into a person. A country ("Ukraine said") stays
  a country: its government is a separate actor.

The display name of a group is the full name for a person, else the most properly
capitalised, then longest, surface form without a leading article; ties go to the
alphabetically first, so the result is deterministic.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

__all__ = [
    "MAX_ACTORS",
    "ActorSpan",
    "actor_in_text",
    "canonical_key",
    "find_actors",
    "resolve_actors",
]

MAX_ACTORS: Final = 10


@dataclass(frozen=True)
class ActorSpan:
    """A candidate asserter: ``text`` is exactly ``source[start:end]``."""

    start: int
    end: int
    text: str


# --- general-knowledge tables -------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "Canonical: other names | adjectives". Abbreviations in capitals (US, UK, EU, ...) match
# only as written, so the pronoun "us" is never the United States.
_COUNTRY_TABLE = """
Afghanistan: | Afghan
Albania: | Albanian
Algeria: | Algerian
Andorra: | Andorran
Angola: | Angolan
Antigua and Barbuda: | Antiguan
Argentina: | Argentine, Argentinian
Armenia: | Armenian
Australia: | Australian
Austria: | Austrian
Azerbaijan: | Azerbaijani, Azeri
Bahamas: | Bahamian
Bahrain: | Bahraini
Bangladesh: | Bangladeshi
Barbados: | Barbadian
Belarus: | Belarusian
Belgium: | Belgian
Belize: | Belizean
Benin: | Beninese
Bhutan: | Bhutanese
Bolivia: | Bolivian
Bosnia and Herzegovina: Bosnia | Bosnian
Botswana: | Botswanan
Brazil: | Brazilian
Brunei: | Bruneian
Bulgaria: | Bulgarian
Burkina Faso: | Burkinabe
Burundi: | Burundian
Cambodia: | Cambodian
Cameroon: | Cameroonian
Canada: | Canadian
Cape Verde: Cabo Verde | Cape Verdean
Central African Republic: CAR |
Chad: | Chadian
Chile: | Chilean
China: People's Republic of China, PRC | Chinese
Colombia: | Colombian
Comoros: | Comoran
Congo: Republic of the Congo |
Costa Rica: | Costa Rican
Croatia: | Croatian
Cuba: | Cuban
Cyprus: | Cypriot
Czech Republic: Czechia | Czech
Democratic Republic of the Congo: DRC, DR Congo |
Denmark: | Danish
Djibouti: | Djiboutian
Dominican Republic: | Dominican
Ecuador: | Ecuadorian
Egypt: | Egyptian
El Salvador: | Salvadoran
Equatorial Guinea: | Equatoguinean
Eritrea: | Eritrean
Estonia: | Estonian
Eswatini: Swaziland | Swazi
Ethiopia: | Ethiopian
Fiji: | Fijian
Finland: | Finnish
France: | French
Gabon: | Gabonese
Gambia: | Gambian
Georgia: | Georgian
Germany: | German
Ghana: | Ghanaian
Greece: | Greek
Guatemala: | Guatemalan
Guinea: | Guinean
Guinea-Bissau: |
Guyana: | Guyanese
Haiti: | Haitian
Honduras: | Honduran
Hungary: | Hungarian
Iceland: | Icelandic
India: | Indian
Indonesia: | Indonesian
Iran: | Iranian
Iraq: | Iraqi
Ireland: | Irish
Israel: | Israeli
Italy: | Italian
Ivory Coast: Côte d'Ivoire | Ivorian
Jamaica: | Jamaican
Japan: | Japanese
Jordan: | Jordanian
Kazakhstan: | Kazakh
Kenya: | Kenyan
Kosovo: | Kosovar
Kuwait: | Kuwaiti
Kyrgyzstan: | Kyrgyz
Laos: | Lao, Laotian
Latvia: | Latvian
Lebanon: | Lebanese
Liberia: | Liberian
Libya: | Libyan
Liechtenstein: |
Lithuania: | Lithuanian
Luxembourg: | Luxembourgish
Madagascar: | Malagasy
Malawi: | Malawian
Malaysia: | Malaysian
Maldives: | Maldivian
Mali: | Malian
Malta: | Maltese
Mauritania: | Mauritanian
Mauritius: | Mauritian
Mexico: | Mexican
Moldova: | Moldovan
Monaco: | Monegasque
Mongolia: | Mongolian
Montenegro: | Montenegrin
Morocco: | Moroccan
Mozambique: | Mozambican
Myanmar: Burma | Burmese
Namibia: | Namibian
Nepal: | Nepali, Nepalese
Netherlands: Holland | Dutch
New Zealand: |
Nicaragua: | Nicaraguan
Niger: | Nigerien
Nigeria: | Nigerian
North Korea: DPRK, Democratic People's Republic of Korea | North Korean
North Macedonia: Macedonia | Macedonian
Norway: | Norwegian
Oman: | Omani
Pakistan: | Pakistani
Palestine: Palestinian territories | Palestinian
Panama: | Panamanian
Papua New Guinea: |
Paraguay: | Paraguayan
Peru: | Peruvian
Philippines: | Filipino, Philippine
Poland: | Polish
Portugal: | Portuguese
Qatar: | Qatari
Romania: | Romanian
Russia: Russian Federation | Russian
Rwanda: | Rwandan
Saudi Arabia: | Saudi
Senegal: | Senegalese
Serbia: | Serbian
Sierra Leone: | Sierra Leonean
Singapore: | Singaporean
Slovakia: | Slovak
Slovenia: | Slovenian, Slovene
Somalia: | Somali
South Africa: | South African
South Korea: Republic of Korea, ROK | South Korean
South Sudan: | South Sudanese
Spain: | Spanish
Sri Lanka: | Sri Lankan
Sudan: | Sudanese
Suriname: | Surinamese
Sweden: | Swedish
Switzerland: | Swiss
Syria: | Syrian
Taiwan: | Taiwanese
Tajikistan: | Tajik
Tanzania: | Tanzanian
Thailand: | Thai
Timor-Leste: East Timor | Timorese
Togo: | Togolese
Trinidad and Tobago: |
Tunisia: | Tunisian
Turkey: Türkiye | Turkish
Turkmenistan: | Turkmen
Uganda: | Ugandan
Ukraine: | Ukrainian
United Arab Emirates: UAE | Emirati
United Kingdom: UK, U.K., Britain, Great Britain | British
United States: US, U.S., USA, U.S.A., America, United States of America | American
Uruguay: | Uruguayan
Uzbekistan: | Uzbek
Vatican: Holy See | Vatican
Venezuela: | Venezuelan
Vietnam: | Vietnamese
Yemen: | Yemeni
Zambia: | Zambian
Zimbabwe: | Zimbabwean
NATO: | NATO
European Union: EU | EU, European
United Nations: UN, U.N. | UN, U.N.
the West: | Western
"""

# Country names that are also given names: "Chad Smith" is a person, not Chad.
_GIVEN_NAME_COUNTRIES: Final = frozenset({"chad", "jordan", "georgia", "israel", "india"})

# Bodies named by their seat: (country, family).
_METONYMS: Final[dict[tuple[str, ...], tuple[str, str]]] = {
    ("kremlin",): ("Russia", "presidency"),
    ("pentagon",): ("United States", "ministry defence"),
    ("white", "house"): ("United States", "presidency"),
    ("elysee",): ("France", "presidency"),
    ("élysée",): ("France", "presidency"),
    ("downing", "street"): ("United Kingdom", "government"),
    ("blue", "house"): ("South Korea", "presidency"),
}

# Capitalised words that make a run of capitalised words an organisation's name.
_ORG_WORDS: Final = _words(
    """agency agencies service services directorate ministry department office council
    committee commission police army navy force forces guard guards command government
    parliament assembly congress senate court tribunal bureau institute institution center
    centre foundation organization organisation union party intelligence staff
    administration authority authorities embassy consulate secretariat cabinet presidency
    university college corporation company bank fund association federation league network
    coalition observatory watch international group post times journal news press herald
    tribune guardian telegraph gazette daily mail express observer chronicle television tv
    radio broadcasting broadcaster media kremlin pentagon duma rada knesset bundestag
    politburo inc corp ltd"""
)
# Newspaper-style words count only in names of two words or more ("The Washington Post").
_WEAK_ORG_WORDS: Final = _words(
    "post times journal news press herald tribune guardian telegraph gazette daily mail "
    "express observer chronicle watch international group union party"
)

# Nouns after a country or modifiers that make an actor: bodies, groups of people, roles.
_BODY_HEADS: Final = _words(
    """agency agencies service services directorate ministry ministries department office
    council committee commission police military army navy government authorities
    administration cabinet parliament intelligence command embassy court bureau regime junta
    leadership presidency legislature congress senate media watchdog regulator mission
    delegation coalition"""
)
_GROUP_HEADS: Final = _words(
    """officials sources experts analysts diplomats lawmakers legislators investigators
    prosecutors researchers scientists observers monitors commentators specialists insiders
    aides advisers advisors spokespeople spokespersons representatives leaders authorities
    journalists reporters correspondents bloggers ministers"""
)
_ROLE_HEADS: Final = _words(
    """official source expert analyst diplomat spokesperson spokesman spokeswoman minister
    president leader chief head director commander ambassador envoy prosecutor adviser
    advisor aide lawmaker legislator senator governor mayor officer agent investigator
    researcher observer insider representative secretary chairman chairwoman chair premier
    chancellor general admiral journalist reporter correspondent blogger monarch king queen"""
)
# Plural subjects that are actors only when they are the subject of an attribution verb.
_WEAK_HEADS: Final = _words(
    """soldiers troops forces residents witnesses locals people civilians citizens villagers
    survivors families workers activists protesters fighters militants rebels volunteers
    students doctors medics rescuers farmers refugees voters critics supporters opponents
    crew crews pilots sailors commanders officers generals agents"""
)
_MODIFIERS: Final = _words(
    """defense defence military intelligence security foreign interior home national state main
    federal central general armed air naval border coast emergency emergencies health
    justice finance economy economic trade energy education nuclear atomic space spy secret
    special presidential prime top senior deputy vice acting former anonymous unnamed
    unidentified local regional government police army navy news state-run state-owned
    public counterintelligence counter-intelligence cyber strategic press information
    diplomatic high-ranking high-level ruling opposition party electoral election human
    rights environmental aviation transport agriculture labor labour customs immigration
    prison medical disaster fire rescue statistics statistical meteorological intelligence-
    gathering military-intelligence defense-intelligence allied independent western official
    government-run"""
)
# Before a country in a noun phrase: "an anonymous Ukrainian ...", "some senior U.S. ...".
_ADJ_PRE: Final = _words(
    """anonymous unnamed unidentified senior top former current high-ranking high-level local
    regional independent leading prominent allied other retired veteran acting outgoing
    incoming"""
)
_DETS: Final = _words(
    """the a an one some several many both other two three four five six seven eight nine ten
    multiple various numerous few most all"""
)
_QUANTIFIERS: Final = _words("some several many multiple various numerous few other")
# Documents an actor is cited through: "citing South Korean intelligence documents".
_DOC_NOUNS: Final = _words(
    """report reports document documents data assessment assessments estimate estimates
    information statement statements figures findings briefing briefings"""
)
# "’s official Telegram channel": the possessor is the actor.
_CHANNEL_WORDS: Final = _words(
    """channel account page feed post posts statement statements website site message messages
    publication press spokesperson spokesman spokeswoman office service announcement
    briefing report reports"""
)
_PLATFORMS: Final = _words(
    """telegram twitter facebook instagram youtube tiktok whatsapp wechat weibo vkontakte vk
    linkedin reddit snapchat bluesky"""
)

_TITLE_HEADS: Final = _words(
    """president minister secretary secretary-general spokesman spokeswoman spokesperson leader
    chief head director director-general commander commander-in-chief general colonel
    lieutenant major admiral captain sergeant senator representative congressman
    congresswoman governor mayor ambassador envoy king queen prince princess pope emperor
    sheikh emir judge justice prosecutor speaker chairman chairwoman chair ceo premier
    chancellor adviser advisor aide analyst expert professor lawmaker legislator
    commissioner inspector marshal bishop archbishop cardinal ayatollah patriarch vice-
    president prime-minister attorney-general mp president-elect dr mr mrs ms mx gen lt col
    maj sen rep gov prof adm capt sgt cmdr brig rev amb"""
)
# Abbreviated titles take a full stop: "Gen. Smith".
_TITLE_ABBREVIATIONS: Final = _words(
    "dr mr mrs ms mx gen lt col maj sen rep gov prof adm capt sgt cmdr brig rev amb"
)
_TITLE_MODIFIERS: Final = _words(
    """deputy vice acting former foreign defense defence interior home finance justice health
    prime chief senior top assistant under press state national security presidential
    military intelligence economy economic trade energy education labor labour agriculture
    transport culture environment emergency emergencies affairs attorney lieutenant major
    brigadier first executive spy supreme grand opposition party army navy naval air force
    police border regional provincial federal special permanent external digital science
    forces cabinet white house kremlin pentagon ministry department government treasury
    communications information strategic diplomatic homeland general staff joint interim
    caretaker outgoing incoming"""
)
_TITLE_OF_COMPLEMENTS: Final = _words(
    """state defense defence foreign affairs the interior justice health finance homeland
    security staff intelligence treasury commerce energy education transportation
    agriculture labor labour veterans housing trade economy culture armed forces internal
    emergency situations national war joint chiefs of"""
)
_NAME_PARTICLES: Final = _words(
    "de van von der den bin ibn al el da di du del della dos das le la abu"
)
# Inside a run of capitalised words: "Center for Strategic Communications".
_CONNECTORS: Final = frozenset({"of", "for", "de", "du", "des", "del", "della", "di", "da"})

_ATTRIBUTION_VERBS: Final = _words(
    """say says said saying claim claims claimed claiming report reports reported reporting
    state states stated stating tell tells told telling note notes noted noting add adds
    added adding indicate indicates indicated indicating confirm confirms confirmed
    confirming reveal reveals revealed revealing warn warns warned warning suggest suggests
    suggested suggesting estimate estimates estimated estimating believe believes believed
    announce announces announced announcing mention mentions mentioned inform informs
    informed deny denies denied denying dismiss dismisses dismissed dismissing write writes
    wrote tweet tweets tweeted post posts posted argue argues argued insist insists insisted
    acknowledge acknowledges acknowledged allege alleges alleged assert asserts asserted
    declare declares declared explain explains explained disclose discloses disclosed admit
    admits admitted cite cites cited assess assesses assessed suspect suspects suspected
    predict predicts predicted describe describes described accuse accuses accused condemn
    condemns condemned urge urges urged stress stresses stressed emphasize emphasizes
    emphasized emphasise emphasises emphasised point points pointed call calls called
    release releases released publish publishes published issue issues issued share shares
    shared agree agrees agreed conclude concludes concluded observe observes observed
    comment comments commented remark remarks remarked reply replies replied respond
    responds responded answer answers answered wonder wonders wondered voice voices voiced
    calculate calculates calculated project projects projected expect expects expected think
    thinks thought fear fears feared caution cautions cautioned contend contends contended
    reiterate reiterates reiterated testify testified quote quotes quoted recall recalls
    recalled detail details detailed outline outlines outlined dispute disputes disputed
    reject rejects rejected refute refutes refuted question questions questioned admit
    acknowledged briefed brief briefs"""
)
# What plain subjects ("residents", "troops") must do to be asserters: speak.
_SPEECH_VERBS: Final = _words(
    """say says said saying tell tells told claim claims claimed report reports reported state
    states stated add adds added note notes noted warn warns warned confirm confirms
    confirmed deny denies denied insist insists insisted estimate estimates estimated"""
)
_BE: Final = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Participles whose "by" introduces the source: "statements made by U.S. officials".
_BY_VERBS: Final = _ATTRIBUTION_VERBS | _words(
    """made given provided compiled collected gathered obtained seen reviewed conducted
    verified commissioned presented circulated leaked"""
)
_FUNCTION_WORDS: Final = _words(
    """the a an and or nor but of for to in on at by from with as is are was were be been has
    have had this that these those it its he she they we i you his her their our my your who
    which what when where while if so than then not no also"""
)
_SUBJECT_PREPS: Final = frozenset({"in", "at", "for", "of", "from", "with"})
_PREPOSITIONS: Final = _words(
    """in at from of for to into on near with without about against between among across over
    under via through inside outside"""
)
# Between a subject and its attribution verb: "South Korea has also indicated".
_AUXILIARIES: Final = _words(
    """has have had also reportedly previously earlier already publicly officially further
    later recently now then again is was were are been be will would could may might can did
    does do not never first repeatedly separately likewise similarly too itself themselves
    initially subsequently today yesterday still only explicitly openly formally last late
    privately separately jointly"""
)
_FOLLOW_WORDS: Final = (
    _words(
        """and or but nor on in at to from that which who whom whose as with without for of by
        about after before since during until via through over under amid while when where
        if because though although than then so yet into against per among between it its
        their there here this last earlier later also just even already reportedly
        apparently allegedly recently previously say believe estimate suggest claim report
        think fear expect assess suspect warn confirm deny insist predict note add state
        argue reveal indicate acknowledge allege"""
    )
    | _AUXILIARIES
    | _ATTRIBUTION_VERBS
)

_COMMON: Final = _words(
    """the a an this that these those some any each every all both either neither no other
    another such what which whose whatever i you he she it we they me him her us them my
    your his its our their mine yours hers ours theirs myself yourself himself herself
    itself ourselves themselves who whom one someone anyone everyone nobody somebody
    everybody none nothing something everything about above across after against along amid
    among around as at before behind below beneath beside besides between beyond but by
    despite down during except for from in inside into like near of off on onto out outside
    over past per since than through throughout till to toward towards under underneath
    unlike until up upon via with within without and or nor so yet because although though
    while whereas if unless whether when whenever where wherever once then also is are was
    were be been being am has have had having do does did will would shall should can could
    may might must ought meanwhile however additionally moreover furthermore overall earlier
    later now today yesterday tomorrow tonight recently previously currently still already
    again further finally first second third last next thus therefore hence instead indeed
    nevertheless nonetheless otherwise similarly likewise separately elsewhere here there
    why how not never only just even very more most less least much many few several almost
    nearly approximately roughly perhaps maybe reportedly apparently allegedly officially
    initially eventually ultimately notably especially particularly specifically clearly
    according following regarding concerning including plus yes ok okay january february
    march april june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    reports report data evidence images image photos photo photograph video videos footage
    analysis research studies study documents document records record figures figure
    estimates estimate statistics polls poll surveys survey news story stories update
    updates breaking exclusive watch opinion editorial related copyright read expanded
    coverage privacy become support two three four five six seven eight nine ten hundred
    hundreds thousand thousands million millions billion dozens if sources officials experts
    analysts people"""
)

_ROLE_NORMAL: Final[dict[str, str]] = {
    "president": "leader",
    "leader": "leader",
    "chief": "head",
    "head": "head",
    "director": "head",
    "director-general": "head",
    "commander": "head",
    "commander-in-chief": "head",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "minister": "minister",
    "secretary": "minister",
    "chairman": "chair",
    "chairwoman": "chair",
    "chair": "chair",
}
# Roles many people hold at once: never resolved to one person.
_SHARED_ROLES: Final = _words(
    """official source expert analyst diplomat aide adviser advisor agent investigator
    researcher observer insider representative journalist reporter correspondent blogger
    lawmaker legislator senator officer general admiral"""
)

# --- tokens -------------------------------------------------------------------------------

_APOSTROPHES: Final = "'\u2019\u2018\u02bc"
_STRAIGHTEN: Final = str.maketrans(dict.fromkeys(_APOSTROPHES + "`\u00b4", "'"))
_TOKEN_RE: Final = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted abbreviations: U.S., U.K., U.N.
    rf"|[^\W_]+(?:[{_APOSTROPHES}\-][^\W_]+)*"  # words, with inner apostrophes and hyphens
    r"|\S"  # anything else, one character at a time
)
_QUOTES_AND_BRACKETS: Final = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb([{)]}")
_TERMINALS: Final = frozenset({".", "!", "?", "\u2026", ":", ";"})
_LINE_BREAKS: Final = re.compile(r"[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_NOT_NAME_SUFFIXES: Final = ("tion", "tions", "ment", "ments", "ness", "ities", "ism", "ogy")
_LOWERCASE_SUFFIXES: Final = (*_NOT_NAME_SUFFIXES, "ing", "ed", "ly", "ies", "ity", "ance")


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    low: str  # lower case, apostrophes straightened
    word: bool  # letters or digits (or a dotted abbreviation)
    cap: bool  # starts with an uppercase letter
    poss: bool  # the possessive "’s" split off the word before it


def _low(s: str) -> str:
    return s.lower().translate(_STRAIGHTEN)


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        s, a, b = m.group(), m.start(), m.end()
        if len(s) > 2 and s[-2] in _APOSTROPHES and s[-1] in "sS" and s[-3].isalpha():
            base = s[:-2]
            toks.append(_Tok(base, a, b - 2, _low(base), True, base[0].isupper(), False))
            toks.append(_Tok(s[-2:], b - 2, b, "'s", False, False, True))
            continue
        word = s[0].isalnum()
        toks.append(_Tok(s, a, b, _low(s), word, s[0].isupper(), False))
    return toks


def _country_forms() -> tuple[dict[tuple[str, ...], tuple[str, bool]], dict[str, str]]:
    forms: dict[tuple[str, ...], tuple[str, bool]] = {}
    codes: dict[str, str] = {}
    for line in _COUNTRY_TABLE.strip().splitlines():
        head, _, rest = line.partition(":")
        names, _, adjectives = rest.partition("|")
        for raw, adjective in (
            [(head, False)]
            + [(n, False) for n in names.split(",") if n.strip()]
            + [(a, True) for a in adjectives.split(",") if a.strip()]
        ):
            text = raw.strip()
            letters = text.replace(".", "")
            if letters.isupper() and len(letters) <= 4:
                codes[text] = head.strip()
                continue
            key = tuple(t.low for t in _tokenize(text))
            if text.startswith("the "):  # "the West": "Western" is its adjective
                key = key[1:]
            forms.setdefault(key, (head.strip(), adjective))
    return forms, codes


_COUNTRY_FORMS, _COUNTRY_CODES = _country_forms()
_MAX_COUNTRY_WORDS: Final = max(len(k) for k in _COUNTRY_FORMS)

# Words of places and events, not of people: "Kursk Oblast", "Far East", "Donetsk City".
_PLACE_WORDS: Final = _words(
    """war conflict summit oblast region province state city town village county district
    street square sea ocean river lake mountains mountain island islands peninsula bay gulf
    strait valley desert airport port base station camp bridge park hall palace tower avenue
    road highway east west north south eastern western northern southern far middle upper
    lower new great old saint mount fort cup games olympics day week year agreement treaty
    accord pact act law plan operation crisis revolution festival prize award korea front
    line"""
)
_CALENDAR: Final = _words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)

_NAME_TOKEN_EXCLUDED: Final = (
    _COMMON
    | _PLACE_WORDS
    | _TITLE_HEADS
    | _TITLE_MODIFIERS
    | _ORG_WORDS
    | _MODIFIERS
    | _BODY_HEADS
    | _GROUP_HEADS
    | _ROLE_HEADS
    | _WEAK_HEADS
    | _PLATFORMS
    | _ATTRIBUTION_VERBS
)
_LOWERCASE_VOCABULARY: Final = (
    _COMMON | _ATTRIBUTION_VERBS | _WEAK_HEADS | _GROUP_HEADS
) - _CALENDAR


# --- context: one pass over a text --------------------------------------------------------


class _Ctx:
    """Tokens of a text with what every matcher needs to know about them."""

    def __init__(self, text: str) -> None:
        self.text = text
        toks = _tokenize(text)
        self.toks = toks
        n = len(toks)
        self.n = n
        # country mentions: start index -> (end index, canonical name, is an adjective)
        self.country_at: dict[int, tuple[int, str, bool]] = {}
        self.country_end: dict[int, int] = {}  # last index -> start index
        self.in_country = [False] * n
        self._find_countries()
        self.sent_start = [False] * n
        self.titlecase = [False] * n
        self._find_sentences()
        self.frame_starts: set[int] = set()
        self.doc_frames: set[int] = set()  # frames after which "... intelligence documents" is ok
        self.subj_ends: set[int] = set()
        self.speech_ends: set[int] = set()  # subjects of a verb of speech
        self._find_frames()

    # countries --------------------------------------------------------------------------

    def _find_countries(self) -> None:
        toks, n = self.toks, self.n
        i = 0
        while i < n:
            t = toks[i]
            found: tuple[int, str, bool] | None = None
            if t.word and t.text in _COUNTRY_CODES:
                found = (i + 1, _COUNTRY_CODES[t.text], False)
            elif t.word and t.cap:
                for size in range(min(_MAX_COUNTRY_WORDS, n - i), 0, -1):
                    key = tuple(x.low for x in toks[i : i + size])
                    hit = _COUNTRY_FORMS.get(key)
                    if hit is not None:
                        found = (i + size, hit[0], hit[1])
                        break
                if (
                    found is not None
                    and found[0] == i + 1
                    and t.low in _GIVEN_NAME_COUNTRIES
                    and i + 1 < n
                    and self._name_like(toks[i + 1])
                ):
                    found = None
            if found is None:
                i += 1
                continue
            end = found[0]
            self.country_at[i] = found
            self.country_end[end - 1] = i
            for k in range(i, end):
                self.in_country[k] = True
            i = end

    @staticmethod
    def _name_like(t: _Tok) -> bool:
        return (
            t.word
            and t.cap
            and t.low not in _NAME_TOKEN_EXCLUDED
            and any(c.islower() for c in t.text)
            and not ("-" in t.low and any((p,) in _COUNTRY_FORMS for p in t.low.split("-")))
        )

    def is_name(self, k: int) -> bool:
        """A capitalised word that can be part of a person's name."""
        t = self.toks[k]
        if self.in_country[k] or not self._name_like(t):
            return False
        return not t.low.endswith(_NOT_NAME_SUFFIXES)

    # sentences and headlines ------------------------------------------------------------

    def _find_sentences(self) -> None:
        toks, text = self.toks, self.text
        chunk_start = 0
        for k, t in enumerate(toks):
            j = k - 1
            while j >= 0 and toks[j].text in _QUOTES_AND_BRACKETS:
                j -= 1
            first = (
                j < 0
                or toks[j].text in _TERMINALS
                or bool(_LINE_BREAKS.search(text, toks[j].end, t.start))
            )
            self.sent_start[k] = first
            if first and k > chunk_start:
                self._mark_titlecase(chunk_start, k)
                chunk_start = k
        self._mark_titlecase(chunk_start, self.n)

    def _mark_titlecase(self, a: int, b: int) -> None:
        """Headlines in Title Case: their capitals are not names."""
        words = [t for t in self.toks[a + 1 : b] if t.word and len(t.text) >= 4]
        caps = [t for t in words if t.cap]
        suspicious = sum(
            1
            for t in caps
            if t.low in _LOWERCASE_VOCABULARY
            or (t.low.endswith(_LOWERCASE_SUFFIXES) and t.low not in _CALENDAR)
        )
        if (suspicious >= 2 and len(caps) * 2 > len(words)) or (
            suspicious >= 1 and len(words) >= 2 and len(caps) * 4 > len(words) * 3
        ):
            for k in range(a, b):
                self.titlecase[k] = True

    # attribution frames -----------------------------------------------------------------

    def _skip_source_intro(self, k: int) -> int:
        """After "according to": skip "a statement released by", "reports from", ..."""
        toks, n = self.toks, self.n
        j = k
        if j < n and toks[j].low in _DETS:
            j += 1
        m = j
        while m < n and toks[m].low in _DOC_NOUNS | {"access", "statement", "remarks"}:
            m += 1
        if m > j:
            if m < n and toks[m].low in {"released", "published", "issued", "made", "posted"}:
                m += 1
            if m < n and toks[m].low in {"from", "by", "of", "to"}:
                return m + 1
        return k

    def _add_frame(self, k: int) -> None:
        if k >= self.n:
            return
        self.frame_starts.add(k)
        k2 = self._skip_source_intro(k)
        self.frame_starts.add(k2)
        if k2 < self.n and self.toks[k2].low in _DETS:
            self.frame_starts.add(k2 + 1)

    def _find_frames(self) -> None:
        toks, n = self.toks, self.n
        for k, t in enumerate(toks):
            low = t.low
            nxt = toks[k + 1].low if k + 1 < n else ""
            if low == "according" and nxt == "to":
                self._add_frame(k + 2)
                self.doc_frames.update(range(k + 2, min(n, k + 8)))
            elif low == "citing":
                self._add_frame(k + 1)
                self.doc_frames.update(range(k + 1, min(n, k + 8)))
                if k > 0 and toks[k - 1].text == ",":
                    self._add_subject_end(k - 2, "said")
            elif low == "based" and nxt == "on":
                self._add_frame(k + 2)
                self.doc_frames.update(range(k + 2, min(n, k + 6)))
            elif low == "basis" and nxt == "of" and k > 0 and toks[k - 1].low == "the":
                self._add_frame(k + 2)
            elif low == "by" and k > 0 and toks[k - 1].low in _BY_VERBS:
                self._add_frame(k + 1)
            elif low in _ATTRIBUTION_VERBS and nxt != "by":
                self._add_subject_end(k - 1, low)
                if low in {"said", "says", "added", "told"} and self._inverted(k):
                    self._add_frame(k + 1)
            elif t.poss and self._channel_follows(k + 1):
                self.subj_ends.add(k - 1)

    def _inverted(self, k: int) -> bool:
        """ "“...,” said Putin" or "..., said Interior Minister Ana Souza." """
        toks, n = self.toks, self.n
        prev = toks[k - 1].text if k > 0 else ""
        if prev in {"\u201d", '"', "\u2019", "'"}:
            return True
        if prev != ",":
            return False
        j = k + 1
        while j < n and j < k + 8 and ((toks[j].word and toks[j].cap) or toks[j].text == "."):
            if toks[j].text == "." and not (j + 1 < n and toks[j + 1].word and toks[j + 1].cap):
                break
            j += 1
        return j > k + 1 and (j >= n or toks[j].text in {".", ",", ";", "!", "?"})

    def _add_subject_end(self, k: int, verb: str) -> None:
        passive = False
        while k >= 0 and self.toks[k].low in _AUXILIARIES:
            passive = passive or self.toks[k].low in _BE
            k -= 1
        if k < 0 or (passive and not verb.endswith("ing")):
            return  # "it is believed", "soldiers were observed"
        ends = [k]
        if self.toks[k].text == ",":  # "X, the spokesperson for Y, said": X and Y's ends
            j = k - 1
            while j > 0 and k - j < 12 and self.toks[j].text not in {",", ".", "“", "”"}:
                j -= 1
            if j > 0 and self.toks[j].text == ",":
                ends = [k - 1, j - 1]
        # "officials in Kyiv said", "a spokesperson for the ministry said": the subject is
        # before the prepositional phrase too
        for e in list(ends):
            j = e
            while (
                j > 0 and e - j < 5 and self.toks[j].word and self.toks[j].low not in _SUBJECT_PREPS
            ):
                j -= 1
            if 0 < j < e and self.toks[j].low in _SUBJECT_PREPS and self.toks[j - 1].word:
                ends.append(j - 1)
        for e in ends:
            self.subj_ends.add(e)
            if verb in _SPEECH_VERBS:
                self.speech_ends.add(e)

    def _channel_follows(self, k: int) -> bool:
        """ "official Telegram channel", "statement", "spokesperson" after a possessive."""
        toks, n = self.toks, self.n
        j = k
        while (
            j < n
            and j < k + 3
            and (
                toks[j].low in {"official", "verified", "own", "press"} or toks[j].low in _PLATFORMS
            )
        ):
            j += 1
        return j < n and toks[j].low in _CHANNEL_WORDS

    # helpers ----------------------------------------------------------------------------

    def anchored(self, a: int, b: int, *, speech: bool = False) -> bool:
        ends = self.speech_ends if speech else self.subj_ends
        return a in self.frame_starts or (b - 1) in ends

    def follower_ok(self, b: int, *, doc_frame: bool = False) -> bool:
        """Whether the phrase ending before token `b` really ends there."""
        if b >= self.n:
            return True
        t = self.toks[b]
        if t.poss:
            return self._channel_follows(b + 1)
        if not t.word or t.text[0].isdigit():
            return True
        if t.cap:
            return False
        return (
            (doc_frame and t.low in _DOC_NOUNS)
            or t.low in _FOLLOW_WORDS
            or t.low.endswith(("ed", "ly", "ing"))
        )

    def country_list(self, k: int, *, nouns: bool = False) -> int | None:
        """End of "C", "C and C", "C, C, and C" starting at `k`, else None; with `nouns`,
        names of countries only ("Ukraine", not "Ukrainian")."""
        if k not in self.country_at or (nouns and self.country_at[k][2]):
            return None
        end = self.country_at[k][0]
        toks, n = self.toks, self.n
        while True:
            j = end
            if j < n and toks[j].text == ",":
                j += 1
            if j < n and toks[j].low == "and":
                j += 1
            if j == end or j not in self.country_at or (nouns and self.country_at[j][2]):
                return end
            end = self.country_at[j][0]

    def country_list_back(self, e: int) -> int | None:
        """Start of a list of country names whose last token is `e`, else None."""
        if e not in self.country_end or self.country_at[self.country_end[e]][2]:
            return None
        start = self.country_end[e]
        toks = self.toks
        while True:
            j = start - 1
            if j >= 0 and toks[j].low == "and":
                j -= 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            if j == start - 1 or j not in self.country_end:
                return start
            if self.country_at[self.country_end[j]][2]:
                return start
            start = self.country_end[j]


# --- matchers -----------------------------------------------------------------------------

_P_TITLED, _P_ORG, _P_COUNTRY_NP, _P_NAME, _P_GROUP, _P_LIST, _P_BARE, _P_ACRONYM = (
    90,
    80,
    70,
    60,
    50,
    45,
    40,
    40,
)


class _Cand(NamedTuple):
    a: int  # token range [a, b)
    b: int
    prio: int
    kind: str  # "titled", "org", "np", "name", "group", "list", "bare", "acronym"
    anchored: bool


def _is_acronym(t: _Tok) -> bool:
    s = t.text
    return (
        t.word
        and 2 <= len(s) <= 6
        and s.isupper()
        and s.isalnum()
        and s not in _COUNTRY_CODES
        and (len(s) >= 3 or t.low not in _COMMON)
        and t.low not in _NOT_ACRONYMS
    )


_NOT_ACRONYMS: Final = _words(
    """am pm edt est cst pst gmt utc bst cet cest kst jst msk km kg mm cm tv id ok ii iii iv vi
    vii viii ix xi ceo cfo gdp covid hiv aids ai it pdf faq"""
)


def _title_end(ctx: _Ctx, k: int) -> int | None:
    """End of title words from `k` ("Deputy Secretary of State", "spy chief", "Gen."), which
    must end in a title (or its "of" complement), else None."""
    toks, n = ctx.toks, ctx.n
    saw_head = False
    end: int | None = None
    while k < n and toks[k].word:
        low = toks[k].low
        if low in _TITLE_HEADS:
            saw_head = True
            k += 1
            if low in _TITLE_ABBREVIATIONS and k < n and toks[k].text == ".":
                k += 1
            end = k
        elif low == "of" and saw_head and k + 1 < n and toks[k + 1].low in _TITLE_OF_COMPLEMENTS:
            k += 1
            while k < n and toks[k].low in _TITLE_OF_COMPLEMENTS:
                k += 1
            end = k
        elif low in _TITLE_MODIFIERS:
            k += 1
            end = None
        else:
            break
    return end


def _name_end(ctx: _Ctx, k: int, max_words: int) -> tuple[int, int]:
    """End of the name words from `k` (with initials and particles) and how many there are."""
    toks, n = ctx.toks, ctx.n
    start = k
    words = 0
    while k < n and words < max_words:
        t = toks[k]
        if ctx.is_name(k):
            words += 1
            k += 1
        elif words and len(t.text) == 1 and t.cap and k + 1 < n and toks[k + 1].text == ".":
            k += 2  # an initial: "John F. Kennedy"
        elif words and t.low in _NAME_PARTICLES and k + 1 < n and ctx.is_name(k + 1):
            k += 1  # "Ursula von der Leyen"
        else:
            break
    while k > start and not toks[k - 1].word:
        k -= 1  # a name never ends with an initial's full stop
    return k, words


def _match_titled(ctx: _Ctx, i: int) -> tuple[int, int, int] | None:
    """Titled person at `i`: (end, start of title words, start of name), else None."""
    toks, n = ctx.toks, ctx.n
    title_start = i
    if i in ctx.country_at:
        title_start = ctx.country_at[i][0]
        if title_start < n and toks[title_start].poss:
            title_start += 1
    name_start = _title_end(ctx, title_start)
    if name_start is None:
        return None
    end, words = _name_end(ctx, name_start, 4)
    if not words:
        return None
    return end, title_start, name_start


def _org_run(ctx: _Ctx, k: int) -> tuple[int, list[_Tok]]:
    """End and words of a run of capitalised name words from `k`, with inner connectors
    ("Center for Strategic and International Studies", "Defense Intelligence of Ukraine")."""
    toks, n = ctx.toks, ctx.n
    words: list[_Tok] = []
    end = k
    connected = False
    while end < n:
        x = toks[end]
        if x.word and x.cap and _org_word(ctx, end, inside=bool(words)):
            words.append(x)
            end += 1
            continue
        if not words or not (x.low in _CONNECTORS or (x.low == "and" and connected)):
            break
        j = end + 1
        if j < n and toks[j].low == "the" and x.low != "and":
            j += 1
        if not (j < n and toks[j].word and toks[j].cap and _org_word(ctx, j, inside=True)):
            break
        connected = True
        end = j
    return end, words


def _match_org(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    """A capitalised organisation name starting at `i` (its own start may be earlier)."""
    toks, n = ctx.toks, ctx.n
    t = toks[i]
    if not (t.word and t.cap) or t.poss:
        return None
    if i > 0 and toks[i - 1].word and toks[i - 1].cap and not toks[i - 1].poss:
        return None  # not the start of the run
    k = i + 1 if t.low == "the" else i
    end, words = _org_run(ctx, k)
    lows = [w.low for w in words]
    metonym = any(tuple(lows[a : a + s]) in _METONYMS for s in (1, 2) for a in range(len(lows)))
    possessor = i >= 2 and toks[i - 1].poss and (i - 2) in ctx.country_end
    has_head = any(w in _ORG_WORDS and (w not in _WEAK_ORG_WORDS or len(words) >= 2) for w in lows)
    if not words or not (metonym or (has_head and (len(words) >= 2 or possessor))):
        return None
    if all(ctx.in_country[k2] for k2 in range(k, end) if toks[k2].word and toks[k2].cap):
        return None
    start = i
    if possessor:
        start = ctx.country_end[i - 2]
    elif i > 0 and toks[i - 1].low == "the" and not toks[i - 1].cap:
        start = i - 1
    if (
        end + 2 < n
        and toks[end].text == "("
        and _is_acronym(toks[end + 1])
        and (toks[end + 2].text == ")")
    ):
        end += 3
    return start, end


def _org_word(ctx: _Ctx, k: int, *, inside: bool) -> bool:
    """A capitalised word that can be part of an organisation's name: inside a name, common
    nouns count too ("Office for National Statistics"), function words and dates never."""
    t = ctx.toks[k]
    if t.low in _ORG_WORDS:
        return True
    if t.low in _CALENDAR or t.low in _PLATFORMS:
        return False
    if t.low not in _COMMON:
        return True
    return inside and not ctx.sent_start[k] and t.low not in _FUNCTION_WORDS


_NP_VOCABULARY: Final = _MODIFIERS | _BODY_HEADS | _GROUP_HEADS | _ROLE_HEADS | _WEAK_HEADS


def _walk_np(ctx: _Ctx, k: int, *, allow_names: bool) -> tuple[int, str] | None:
    """Modifiers then a head noun from `k`: (end, head class), longest complete phrase."""
    toks, n = ctx.toks, ctx.n
    if allow_names:
        names = 0
        while k < n and names < 4 and ctx.is_name(k):
            k += 1
            names += 1
    vocab = _NP_VOCABULARY
    best: tuple[int, str] | None = None
    j = k
    while j < n:
        t = toks[j]
        if t.word and t.low in vocab:
            cls = _head_class(t.low)
            if cls:
                best = (j + 1, cls)
            j += 1
            continue
        if t.low == "and" and j + 1 < n and toks[j + 1].low in vocab and j > k:
            j += 1
            continue
        break
    return best


def _head_class(low: str) -> str:
    if low in _GROUP_HEADS:
        return "group"
    if low in _BODY_HEADS:
        return "body"
    if low in _ROLE_HEADS:
        return "role"
    if low in _WEAK_HEADS:
        return "weak"
    return ""


def _match_country_np(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    """[det] [adj]* COUNTRY(-list)['s] [names] modifiers* head."""
    toks, n = ctx.toks, ctx.n
    j = i
    if j < n and toks[j].low in _DETS:
        j += 1
    while j < n and toks[j].low in _ADJ_PRE:
        j += 1
    end = ctx.country_list(j)
    if end is None:
        return None
    possessive = end < n and toks[end].poss
    if possessive:
        end += 1
    walked = _walk_np(ctx, end, allow_names=possessive)
    if walked is None:
        return None
    b, cls = walked
    if b < n and _is_acronym(toks[b]) and cls == "body":
        b += 1  # "North Korea's state news agency KCNA"
    if cls == "weak" and not ctx.anchored(i, b, speech=True):
        return None
    if not ctx.follower_ok(b, doc_frame=i in ctx.doc_frames):
        return None
    return i, b


def _match_generic(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    """A group or role without a country: "military and intelligence sources", "an expert"."""
    toks, n = ctx.toks, ctx.n
    j = i
    det = ""
    if j < n and toks[j].low in _DETS:
        det = toks[j].low
        j += 1
    adjectives = 0
    while j < n and toks[j].low in _ADJ_PRE:
        adjectives += 1
        j += 1
    if j < n and j in ctx.country_at:
        return None
    walked = _walk_np(ctx, j, allow_names=False)
    if walked is None:
        return None
    b, cls = walked
    modified = adjectives > 0 or b - j > 1
    anchored = ctx.anchored(i, b)
    doc_frame = i in ctx.doc_frames
    if cls == "group":
        ok = det in _QUANTIFIERS or modified or anchored
        ok = ok and not (det == "the" and not modified and not anchored)
    elif cls == "role":
        ok = det in {"a", "an", "one"} and (anchored or modified)
    elif cls == "body":
        bare_ok = det == "" and toks[b - 1].low in {"police", "authorities"} and anchored
        bare_ok = bare_ok or (det == "the" and modified and anchored)  # "the foreign ministry"
        doc_ok = doc_frame and b < n and toks[b].low in _DOC_NOUNS and det != "the"
        if doc_ok:
            return i, b + 1
        ok = bare_ok
    elif cls == "weak":
        ok = ctx.anchored(i, b, speech=True) and det != "the"
    else:
        ok = False
    if not ok or not ctx.follower_ok(b, doc_frame=doc_frame):
        return None
    return i, b


def _match_names(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    """Two to five name words ("Kyrylo Budanov"), or one in apposition to a role."""
    toks, n = ctx.toks, ctx.n
    if not ctx.is_name(i) or ctx.titlecase[i]:
        return None
    if i > 0 and ctx.is_name(i - 1):
        return None
    k = i
    words = 0
    while k < n and words < 5:
        if ctx.is_name(k):
            words += 1
            k += 1
        elif len(toks[k].text) == 1 and toks[k].cap and k + 1 < n and toks[k + 1].text == ".":
            k += 2
        elif toks[k].low in _NAME_PARTICLES and k + 1 < n and ctx.is_name(k + 1):
            k += 1
        else:
            break
    while k > i and (not toks[k - 1].word):
        k -= 1
    if words >= 2:
        return i, k
    # "Kirby, the spokesperson for ...": one name word, a comma, then a role
    j = k
    if j + 1 < n and toks[j].text == ",":
        j += 1
        if toks[j].low in {"the", "a", "an"}:
            j += 1
        walked = _walk_np(ctx, j, allow_names=False)
        if walked is not None and walked[1] == "role" and walked[0] - j <= 4:
            return i, k
    return None


_OUTLET_HEADS: Final = _words(
    "agency service network broadcaster newspaper outlet daily magazine channel wire group"
)


def _match_named_outlet(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    """A name or acronym then an outlet noun: "Yonhap news agency", "the TASS news agency"."""
    toks, n = ctx.toks, ctx.n
    t = toks[i]
    if not (_is_acronym(t) or ctx.is_name(i)) or ctx.titlecase[i]:
        return None
    if i > 0 and toks[i - 1].word and toks[i - 1].cap:
        return None
    k = i + 1
    while k < n and k - i <= 3 and (ctx.is_name(k) or _is_acronym(toks[k])):
        k += 1
    walked = _walk_np(ctx, k, allow_names=False)
    if walked is None or walked[0] - k > 3 or toks[walked[0] - 1].low not in _OUTLET_HEADS:
        return None
    if any(toks[j].low not in _MODIFIERS | _OUTLET_HEADS for j in range(k, walked[0])):
        return None
    if not ctx.follower_ok(walked[0]):
        return None
    start = i - 1 if i > 0 and toks[i - 1].low == "the" else i
    if i >= 2 and toks[i - 1].poss and (i - 2) in ctx.country_end:
        start = ctx.country_end[i - 2]  # "Japan's Kyodo news agency"
    return start, walked[0]


def _match_bare_forward(ctx: _Ctx, f: int) -> tuple[int, int, str] | None:
    """The name at a frame start ("according to Reuters", "by Ukraine")."""
    toks, n = ctx.toks, ctx.n
    i = f
    if i < n and toks[i].low == "the":
        i += 1
    end = ctx.country_list(i, nouns=True)
    if end is not None:
        return f, end, "list"
    if i < n and _is_acronym(toks[i]):
        return f, i + 1, "acronym"
    return _bare_run(ctx, f, i)


def _not_bare(ctx: _Ctx, k: int) -> bool:
    """Capitalised words that do not make a bare name: common words, platforms, demonyms."""
    t = ctx.toks[k]
    return (
        t.low in _COMMON
        or t.low in _PLATFORMS
        or ctx.titlecase[k]
        or ctx.in_country[k]
        or t.low in _TITLE_HEADS
    )


def _bare_run(ctx: _Ctx, f: int, i: int) -> tuple[int, int, str] | None:
    toks, n = ctx.toks, ctx.n
    k = i
    while k < n and toks[k].word and toks[k].cap and not toks[k].poss:
        if _not_bare(ctx, k):
            break
        k += 1
    if k == i or k - i > 5:
        return None
    if toks[k - 1].low.endswith(_NOT_NAME_SUFFIXES):
        return None
    return f, k, "bare"


def _match_bare_backward(ctx: _Ctx, e: int) -> tuple[int, int, str] | None:
    """The subject ending at token `e` of an attribution verb: a name, a country list."""
    toks = ctx.toks
    t = toks[e]
    if not (t.word and t.cap):
        return None
    start = ctx.country_list_back(e)
    kind = "list"
    if start is None:
        if _is_acronym(t):
            start, kind = e, "acronym"
        else:
            k = e
            while k >= 0 and toks[k].word and toks[k].cap and not toks[k].poss:
                if _not_bare(ctx, k):
                    break
                k -= 1
            start, kind = k + 1, "bare"
            if start > e or toks[e].low.endswith(_NOT_NAME_SUFFIXES) or e - start >= 5:
                return None
            if start > 0 and toks[start - 1].low in _PREPOSITIONS:
                return None  # "the ministry in Gaza said": Gaza is not the subject
            # "Moscow and Pyongyang admit": a list of names
            j = start - 1
            if j >= 1 and toks[j].low == "and" and toks[j - 1].word and toks[j - 1].cap:
                k = j - 1
                while k >= 0 and toks[k].word and toks[k].cap and toks[k].low not in _COMMON:
                    k -= 1
                if k + 1 < j:
                    start = k + 1
    if start > 0 and toks[start - 1].low == "the":
        start -= 1
    return start, e + 1, kind


def _match_titled_span(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    titled = _match_titled(ctx, i)
    return None if titled is None else (i, titled[0])


def _match_the_acronym(ctx: _Ctx, i: int) -> tuple[int, int] | None:
    """ "the NIS", "the IAEA" (not inside brackets, not before a noun)."""
    toks, n = ctx.toks, ctx.n
    if (
        _is_acronym(toks[i])
        and i > 0
        and toks[i - 1].low == "the"
        and ctx.follower_ok(i + 1)
        and not (i + 1 < n and toks[i + 1].text == ")")
    ):
        return i - 1, i + 1
    return None


# Matchers tried at every word, with the priority and kind of what they find.
_MATCHERS: Final = (
    (_match_titled_span, _P_TITLED, "titled"),
    (_match_org, _P_ORG, "org"),
    (_match_named_outlet, _P_ORG, "org"),
    (_match_country_np, _P_COUNTRY_NP, "np"),
    (_match_names, _P_NAME, "name"),
    (_match_generic, _P_GROUP, "group"),
    (_match_the_acronym, _P_ACRONYM, "acronym"),
)


def _collect(ctx: _Ctx) -> list[_Cand]:
    cands: list[_Cand] = []
    n = ctx.n

    def add(a: int, b: int, prio: int, kind: str) -> None:
        if 0 <= a < b <= n:
            cands.append(_Cand(a, b, prio, kind, ctx.anchored(a, b)))

    for i in range(n):
        if not ctx.toks[i].word:
            continue
        for match, prio, kind in _MATCHERS:
            found = match(ctx, i)
            if found is not None:
                add(found[0], found[1], prio, kind)
    bare = [_match_bare_forward(ctx, f) for f in sorted(ctx.frame_starts)]
    bare += [_match_bare_backward(ctx, e) for e in sorted(ctx.subj_ends)]
    for hit in bare:
        if hit is not None:
            add(hit[0], hit[1], _P_LIST if hit[2] == "list" else _P_BARE, hit[2])
    return cands


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, most specific first; an organisation may sit inside a
    titled person's title ("Foreign Ministry spokesperson Maria Zakharova")."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.b - c.a), c.a)):
        clash = False
        for d in chosen:
            if c.a < d.b and d.a < c.b:
                inside = d.a <= c.a and c.b <= d.b
                if not (inside and d.kind == "titled" and c.kind == "org" and c.b < d.b):
                    clash = True
                    break
        if not clash:
            chosen.append(c)
    return chosen


def _find_all(text: str) -> list[tuple[_Cand, ActorSpan]]:
    ctx = _Ctx(text)
    out: list[tuple[_Cand, ActorSpan]] = []
    for c in _select(_collect(ctx)):
        start, end = ctx.toks[c.a].start, ctx.toks[c.b - 1].end
        out.append((c, ActorSpan(start, end, text[start:end])))
    out.sort(key=lambda x: (x[1].start, x[1].end))
    return out


def find_actors(text: str) -> list[ActorSpan]:
    """Candidate asserters named in `text`, by position, one per distinct text, at most 10.

    When there are more, the ones in an attribution frame ("X said", "according to X") and
    the more specific kinds are kept.
    """
    seen: set[str] = set()
    found: list[tuple[_Cand, ActorSpan]] = []
    for c, span in _find_all(text):
        if span.text not in seen:
            seen.add(span.text)
            found.append((c, span))
    if len(found) > MAX_ACTORS:
        ranked = sorted(found, key=lambda x: (not x[0].anchored, -x[0].prio, x[1].start))
        found = sorted(ranked[:MAX_ACTORS], key=lambda x: x[1].start)
    return [span for _, span in found]


# --- analysis of one surface form ---------------------------------------------------------


@dataclass(frozen=True)
class _Info:
    kind: str  # person, name, org, group, role, country, other
    countries: tuple[str, ...] = ()
    family: str = ""
    qualifier: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # name words of a person, content words otherwise
    acronym: str = ""
    role: str = ""  # role key of a titled person
    proper: bool = False  # content words capitalised


_GENERIC_ORG_WORDS: Final = _words(
    """agency agencies service services directorate department office bureau body unit
    organization organisation center centre committee administration authority institute
    command"""
)
_NONDISTINCT: Final = _words("main state general chief principal official own")
_QUALIFIER_NORMAL: Final[dict[str, str]] = {
    "defense": "military",
    "defence": "military",
    "military": "military",
    "armed": "military",
    "foreign": "foreign",
    "external": "foreign",
}
_FAMILY_TRIGGERS: Final[dict[str, frozenset[str]]] = {
    "intelligence": frozenset({"intelligence", "spy", "spies", "espionage", "reconnaissance"}),
    "national security council": frozenset({"national", "security", "council"}),
    "security council": frozenset({"security", "council"}),
    "security service": frozenset(
        {"security", "service", "services", "secret", "counterintelligence"}
    ),
    "police": frozenset({"police"}),
    "presidency": frozenset({"presidency", "presidential", "president", "office"}),
    "military": frozenset({"military", "army", "armed", "forces", "force", "staff"}),
    "navy": frozenset({"navy", "naval"}),
    "air force": frozenset({"air", "force", "forces"}),
    "government": frozenset(
        {"government", "authorities", "administration", "cabinet", "regime", "leadership"}
    ),
    "parliament": frozenset({"parliament", "congress", "senate", "legislature", "assembly"}),
    "media": frozenset({"media", "press"}),
    "prosecutors": frozenset({"prosecutor", "prosecutors", "prosecution"}),
}
_MINISTRY_WORDS: Final = frozenset(
    {"ministry", "ministries", "department", "secretariat", "minister", "secretary", "office"}
)
_MINISTRY_TOPICS: Final[dict[str, str]] = {
    "defense": "defence",
    "defence": "defence",
    "foreign": "foreign",
    "external": "foreign",
    "state": "foreign",
    "interior": "interior",
    "internal": "interior",
    "home": "interior",
}


def _ministry(ws: set[str]) -> tuple[str, frozenset[str]]:
    """ "ministry defence" for "Ministry of Defence", "defense ministry", "Defense Secretary"."""
    topics = sorted({_MINISTRY_TOPICS[w] for w in ws if w in _MINISTRY_TOPICS})
    if topics:
        used = _MINISTRY_WORDS | set(_MINISTRY_TOPICS) | {"affairs", "of"}
        return "ministry " + "+".join(topics), frozenset(used)
    rest = sorted(ws - _MINISTRY_WORDS - _GENERIC_ORG_WORDS - _NONDISTINCT - {"affairs"})
    if rest and ws & {"ministry", "ministries", "minister"}:
        return "ministry " + "+".join(rest), frozenset(ws)
    return "", frozenset()


# Families in the order they are tried: (family, words all present, any one present).
_FAMILY_RULES: Final[tuple[tuple[str, frozenset[str], frozenset[str]], ...]] = (
    ("national security council", _words("national security council"), frozenset()),
    ("security council", _words("security council"), frozenset()),
    ("security service", _words("security service"), frozenset()),
    ("security service", _words("secret service"), frozenset()),
    ("security service", frozenset(), _words("counterintelligence counter-intelligence")),
    ("intelligence", frozenset(), _FAMILY_TRIGGERS["intelligence"]),
    ("police", frozenset(), _FAMILY_TRIGGERS["police"]),
    ("presidency", frozenset(), _words("presidency presidential")),
    ("presidency", _words("office president"), frozenset()),
    ("ministry", frozenset(), _MINISTRY_WORDS),
    ("air force", _words("air force"), frozenset()),
    ("military", frozenset(), _FAMILY_TRIGGERS["military"]),
    ("navy", frozenset(), _FAMILY_TRIGGERS["navy"]),
    ("government", frozenset(), _FAMILY_TRIGGERS["government"]),
    ("parliament", frozenset(), _FAMILY_TRIGGERS["parliament"]),
    ("media", frozenset(), _FAMILY_TRIGGERS["media"]),
    ("prosecutors", frozenset(), _FAMILY_TRIGGERS["prosecutors"]),
)


def _family(words: Sequence[str]) -> tuple[str, frozenset[str]]:
    """Institution type of some content words, and the words that made it."""
    ws = set(words)
    for family, every, some in _FAMILY_RULES:
        if (every and every <= ws) or (some and ws & some):
            if family == "ministry":
                found = _ministry(ws)
                if found[0]:
                    return found
                continue
            return family, _FAMILY_TRIGGERS.get(family, every | some)
    return "", frozenset()


def _role_name(words: Sequence[str]) -> str:
    """Normalised role of title or role words: "intelligence chief" -> "head"."""
    heads = [w for w in words if w in _TITLE_HEADS or w in _ROLE_HEADS]
    if not heads:
        return ""
    head = heads[-1]
    if head == "minister" and "prime" in words:
        return "prime minister"
    role = _ROLE_NORMAL.get(head, head)
    if "deputy" in words or "vice" in words:
        role = "deputy " + role
    return role


def _strip_article(surface: str) -> str:
    return re.sub(r"^(?:the|a|an|some|several|both)\s+", "", surface.strip(), flags=re.I)


def _clean(surface: str) -> str:
    return " ".join(surface.split())


def _analyse(surface: str) -> _Info:
    """What a surface form names: kind, countries, institution family, person's name."""
    text = _clean(surface)
    ctx = _Ctx(text)
    toks = ctx.toks
    i = 0
    n = ctx.n
    while i < n and toks[i].low in _DETS | _ADJ_PRE and not (i + 1 < n and toks[i + 1].poss):
        i += 1
    acronym = ""
    if (
        n - i >= 4
        and toks[n - 1].text == ")"
        and toks[n - 3].text == "("
        and (_is_acronym(toks[n - 2]) or toks[n - 2].text in _COUNTRY_CODES)
    ):
        acronym = toks[n - 2].text
        n -= 3
    if i >= n:
        return _Info("other", words=(_low(text),))
    if n - i == 1:
        single = _analyse_single(ctx, i, acronym)
        if single is not None:
            return single
    person = _analyse_person(ctx, i, n)
    if person is not None:
        return person
    return _analyse_phrase(ctx, i, n, acronym)


def _analyse_single(ctx: _Ctx, i: int, acronym: str) -> _Info | None:
    """One word: a metonym ("Kremlin"), a country, or a bare name or acronym."""
    t = ctx.toks[i]
    if not t.word or not (t.cap or t.text[0].isdigit()):
        return None
    metonym = _METONYMS.get((t.low,))
    if metonym is not None:
        return _Info("org", (metonym[0],), metonym[1], (), (t.low,), proper=True)
    if i in ctx.country_at:
        return _Info("country", countries=(ctx.country_at[i][1],))
    return _Info("name", words=(t.text.translate(_STRAIGHTEN),), acronym=acronym)


def _analyse_person(ctx: _Ctx, i: int, n: int) -> _Info | None:
    """A titled person ("Russian President Vladimir Putin") or a bare full name."""
    toks = ctx.toks
    titled = _match_titled(ctx, i)
    if titled is not None and titled[0] == n:
        end, title_start, name_start = titled
        name = [t.text.translate(_STRAIGHTEN) for t in toks[name_start:end] if t.word]
        countries = (ctx.country_at[i][1],) if i in ctx.country_at else ()
        title_words = [t.low for t in toks[title_start:name_start] if t.word]
        role = _role_key(countries, title_words) if countries else ""
        words = tuple(w for w in name if len(w) > 1 or not w.isupper())
        return _Info("person", countries=countries, words=words, role=role)
    if (
        n - i >= 2
        and ctx.is_name(i)
        and all(
            ctx.is_name(k) or toks[k].low in _NAME_PARTICLES or not toks[k].word
            for k in range(i, n)
        )
    ):
        words = tuple(t.text.translate(_STRAIGHTEN) for t in toks[i:n] if len(t.text) > 1)
        return _Info("person", words=words)
    return None


def _analyse_phrase(ctx: _Ctx, i: int, n: int, acronym: str) -> _Info:
    """Countries, then content words classified by their head: role, group or body."""
    toks = ctx.toks
    found: list[str] = []
    content: list[str] = []
    capitals = 0
    k = i
    while k < n:
        if k in ctx.country_at:
            found.append(ctx.country_at[k][1])
            k = ctx.country_at[k][0]
            continue
        t = toks[k]
        if t.word and t.low not in _CONNECTORS | _DETS | {"and", "the"}:
            content.append(t.low)
            capitals += t.cap
        k += 1
    countries = tuple(sorted(set(found)))
    if not content:
        kind = "country" if countries else "other"
        return _Info(kind, countries=countries, words=() if countries else (_low(ctx.text),))
    for size in (2, 1):
        for a in range(len(content) - size + 1):
            hit = _METONYMS.get(tuple(content[a : a + size]))
            if hit is not None:
                return _Info("org", (hit[0],), hit[1], (), tuple(content), proper=True)
    while len(content) > 1 and content[-1] in _DOC_NOUNS and content[-2] not in _DOC_NOUNS:
        content.pop()  # "intelligence reports" -> intelligence
    head = content[-1]
    family, triggers = _family(content)
    if head in _ROLE_HEADS and head not in _BODY_HEADS:
        role = _role_name(content)
        return _Info("role", countries, family, (), tuple(content), role=role)
    if (head in _GROUP_HEADS and head != "authorities") or head in _WEAK_HEADS:
        return _Info("group", countries, head, tuple(sorted(set(content[:-1]) - _ADJ_PRE)))
    qualifier: tuple[str, ...] = ()
    if family and not family.startswith("ministry "):
        rest = set(content) - triggers - _GENERIC_ORG_WORDS - _NONDISTINCT
        qualifier = tuple(sorted({_QUALIFIER_NORMAL.get(w, w) for w in rest}))
    proper = capitals == len(content)
    return _Info("org", countries, family, qualifier, tuple(content), acronym, proper=proper)


def _role_key(countries: Sequence[str], words: Sequence[str]) -> str:
    role = _role_name(words)
    if not role:
        return ""
    family, _ = _family([w for w in words if w not in _TITLE_HEADS or w == "president"])
    if family == "presidency" and role == "leader":
        family = ""
    c = "+".join(sorted(x.lower() for x in countries)) or "-"
    return f"role:{c}:{family or '-'}:{role}"


def _countries_key(countries: Sequence[str]) -> str:
    return "+".join(sorted(c.lower() for c in countries)) or "-"


def _key(info: _Info) -> str:
    c = _countries_key(info.countries)
    qualifier = ":" + "+".join(info.qualifier) if info.qualifier else ""
    keys = {
        "person": lambda: "person:" + " ".join(_low(w) for w in info.words),
        "name": lambda: "name:" + _low(info.words[0]),
        "country": lambda: "country:" + c,
        "role": lambda: f"role:{c}:{info.family or '-'}:{info.role}",
        "group": lambda: f"group:{c}:{info.family}{qualifier}",
        "org": lambda: (
            f"org:{c}:{info.family}{qualifier}"
            if info.family
            else f"org:{c}:" + " ".join(info.words)
        ),
    }
    make = keys.get(info.kind)
    return make() if make is not None else "text:" + " ".join(info.words)


def canonical_key(surface: str) -> str:
    """The text-only grouping key of an actor's surface form, e.g.
    "org:ukraine:intelligence:military", "person:kyrylo budanov", "group:ukraine:officials"."""
    return _key(_analyse(surface))


# --- actor_in_text ------------------------------------------------------------------------


def _norm_text(s: str) -> str:
    return " ".join(s.translate(_STRAIGHTEN).split())


def _contains(text: str, phrase: str, *, case: bool) -> bool:
    if not phrase:
        return False
    pattern = r"\s+".join(re.escape(p) for p in phrase.split())
    flags = 0 if case else re.IGNORECASE
    return re.search(rf"(?<!\w){pattern}(?!\w)", text, flags) is not None


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper())


def _surnames(name: Sequence[str]) -> list[str]:
    """Words that name a person alone: the last, and the first of a three-word name."""
    words = [w for w in name if len(w) > 1]
    if not words:
        return []
    out = [words[-1]]
    if len(words) == 3:
        out.append(words[0])
    return [w for w in out if len(w) >= 3]


def actor_in_text(actor: str, text: str) -> bool:
    """Whether `actor` is named in `text`: the same words (whitespace, typographic
    apostrophes and case aside), a person's surname alone, an organisation's name without
    its country ("Defense Intelligence Agency" for "Ukraine's Defense Intelligence Agency"),
    or its acronym ("NIS") when the actor carries it in brackets, defines it in `text`, or
    spells its capitalised initials (three letters or more)."""
    t = _norm_text(text)
    core = _strip_article(_norm_text(actor))
    if not core:
        return False
    single_acronym = core.isupper() and " " not in core and len(core) <= 6
    if _contains(t, core, case=single_acronym):
        return True
    if single_acronym:  # "NIS" named by "National Intelligence Service" in the text
        return any(
            _initials(m.group().split()) == core
            for m in re.finditer(r"[A-Z][\w'-]*(?:\s+(?:of|for|the|and)?\s*[A-Z][\w'-]*)+", t)
        )
    info = _analyse(core)
    if info.kind == "person":
        return any(_contains(t, w, case=True) for w in _surnames(info.words))
    if info.kind in {"org", "name", "group", "role"}:
        return _body_named(core, info, t)
    return False


def _body_named(core: str, info: _Info, text: str) -> bool:
    """An organisation named without its country, or by its acronym."""
    acronyms = {info.acronym} if info.acronym else set()
    name_part = _without_country(core)
    if name_part:
        words = name_part.split()
        initials = _initials(words)
        proper = len(initials) == len([w for w in words if w.lower() not in _CONNECTOR_WORDS])
        if proper and len(words) >= 2 and _contains(text, name_part, case=False):
            return True
        if proper and len(initials) >= 3:
            acronyms.add(initials)
        for m in re.finditer(re.escape(name_part) + r"\s*\(([A-Z][A-Z0-9]{1,7})\)", text):
            acronyms.add(m.group(1))
    return any(_contains(text, acr, case=True) for acr in acronyms)


_CONNECTOR_WORDS: Final = frozenset({"of", "for", "the", "and"})


def _without_country(surface: str) -> str:
    """An organisation's name without its possessive or adjectival country, or "of C"."""
    ctx = _Ctx(surface)
    toks, n = ctx.toks, ctx.n
    a, b = 0, n
    if n and toks[n - 1].text == ")" and n >= 3 and toks[n - 3].text == "(":
        b = n - 3
    if a in ctx.country_at:
        a = ctx.country_at[a][0]
        if a < b and toks[a].poss:
            a += 1
    if b - 1 in ctx.country_end and b - 2 >= a and toks[ctx.country_end[b - 1] - 1].low == "of":
        b = ctx.country_end[b - 1] - 1
    if a >= b:
        return ""
    return surface[toks[a].start : toks[b - 1].end]


# --- resolve_actors -----------------------------------------------------------------------


def _edit_distance_at_most_one(x: str, y: str) -> bool:
    if x == y:
        return True
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) > len(y):
        x, y = y, x
    i = 0
    while i < len(x) and x[i] == y[i]:
        i += 1
    if len(x) == len(y):
        return x[i + 1 :] == y[i + 1 :]
    return x[i:] == y[i + 1 :]


# Up to two words then a role: "the spokesperson", "head", "deputy defence minister".
_ROLE_WORDS_RE: Final = (
    r"((?:[\w-]+\s+){0,2}?(?:"
    + "|".join(re.escape(w) for w in sorted(_ROLE_HEADS | _TITLE_HEADS, key=len, reverse=True))
    + r"))"
)


class _Knowledge:
    """What the corpus says about names: full names, acronyms, role holders, countries."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.full_names: dict[str, Counter[str]] = defaultdict(Counter)  # person key -> forms
        self.acronyms: dict[str, set[str]] = defaultdict(set)  # ACR -> org keys
        self.org_forms: dict[str, Counter[str]] = defaultdict(Counter)  # org key -> surfaces
        self.role_holders: dict[str, set[str]] = defaultdict(set)  # role key -> person keys
        self.countries_of: dict[str, set[str]] = defaultdict(set)  # countryless key -> keys
        for text in texts:
            self._read(text)
        self.cluster = self._cluster_people()
        self.surname_index: dict[str, set[str]] = defaultdict(set)
        for key in self.full_names:
            for w in _surnames(key.removeprefix("person:").split()):
                self.surname_index[w].add(self.cluster[key])

    def _read(self, text: str) -> None:
        found = _find_all(text)
        infos = [(span, _analyse(span.text)) for _, span in found]
        for idx, (span, info) in enumerate(infos):
            key = _key(info)
            if info.kind == "person" and len(info.words) >= 2:
                self.full_names[key][" ".join(info.words)] += 1
                if info.role:
                    self.role_holders[info.role].add(key)
                self._appositive(text, idx, infos, key)
            if info.kind == "org":
                self.org_forms[key][_strip_article(span.text)] += 1
                if info.acronym:
                    self.acronyms[info.acronym].add(key)
                if info.countries and info.proper:
                    bare = _key(_Info("org", (), info.family, info.qualifier, info.words))
                    if info.family:
                        bare_name = _without_country(_strip_article(span.text))
                        name_key = "orgname:" + _low(_strip_article(bare_name))
                        self.countries_of[name_key].add(key)
                    self.countries_of[bare].add(key)

    def _appositive(
        self, text: str, idx: int, infos: list[tuple[ActorSpan, _Info]], person_key: str
    ) -> None:
        """ "Name, the spokesperson for ORG" and "The head of ORG, Name," link a role."""
        span, _ = infos[idx]
        role_words = _ROLE_WORDS_RE
        if idx + 1 < len(infos):
            org_span, org = infos[idx + 1]
            between = text[span.end : org_span.start]
            m = re.fullmatch(
                rf",\s+(?:the\s+|a\s+|an\s+)?{role_words}\s+(?:of|for|at|to)\s+(?:the\s+)?",
                between,
                re.IGNORECASE,
            )
            if m and org.kind == "org":
                self._link(org, m.group(1).lower().split(), person_key)
        if idx > 0:
            org_span, org = infos[idx - 1]
            between = text[org_span.end : span.start]
            before = text[max(0, org_span.start - 40) : org_span.start]
            m = re.search(
                rf"(?:^|\W)(?:the\s+)?{role_words}\s+(?:of|for|at)\s+(?:the\s+)?$",
                before,
                re.IGNORECASE,
            )
            if m and org.kind == "org" and re.fullmatch(r"(?:\s*\(\w+\))?,\s*", between):
                self._link(org, m.group(1).lower().split(), person_key)

    def _link(self, org: _Info, role_words: list[str], person_key: str) -> None:
        role = _role_name(role_words)
        if not role or not org.countries:
            return
        family = org.family or " ".join(org.words)
        self.role_holders[f"role:{_countries_key(org.countries)}:{family}:{role}"].add(person_key)

    def _cluster_people(self) -> dict[str, str]:
        """Full names with the same given name and surnames one edit apart are one person."""
        keys = sorted(self.full_names)
        parent = {k: k for k in keys}

        def find(k: str) -> str:
            while parent[k] != k:
                k = parent[k]
            return k

        for x_i, x in enumerate(keys):
            xs = x.removeprefix("person:").split()
            for y in keys[x_i + 1 :]:
                ys = y.removeprefix("person:").split()
                if (
                    len(xs) == len(ys) >= 2
                    and xs[:-1] == ys[:-1]
                    and min(len(xs[-1]), len(ys[-1])) >= 5
                    and xs[-1][:3] == ys[-1][:3]
                    and _edit_distance_at_most_one(xs[-1], ys[-1])
                ):
                    rx, ry = find(x), find(y)
                    if rx != ry:
                        parent[max(rx, ry)] = min(rx, ry)
        return {k: find(k) for k in keys}

    def person_display(self, cluster: str) -> str:
        forms: Counter[str] = Counter()
        for key, counts in self.full_names.items():
            if self.cluster[key] == cluster:
                forms.update(counts)
        if not forms:
            return ""
        return min(forms, key=lambda f: (-forms[f], -len(f), f))

    def unique_person(self, keys: set[str]) -> str:
        clusters = {self.cluster.get(k, k) for k in keys}
        return next(iter(clusters)) if len(clusters) == 1 else ""


def _display_score(surface: str, key: str) -> tuple[bool, float, int, str]:
    """Sort key of display candidates: forms that are themselves keyed to the group first
    (the qualified "Defense Intelligence Agency" over a merged "Main Intelligence
    Directorate"), then properly capitalised, then longer, then alphabetical."""
    s = _strip_article(_clean(surface))
    words = [w for w in s.split() if w[:1].isalpha() and w.lower() not in {"of", "for", "and"}]
    proper = sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0
    return (canonical_key(surface) != key, -proper, -len(s), s)


def resolve_actors(surfaces: Iterable[str], corpus_texts: Iterable[str] = ()) -> dict[str, str]:
    """Map every surface form to the display name of the actor it names (see module doc)."""
    forms = list(dict.fromkeys(surfaces))
    kb = _Knowledge([*corpus_texts, *forms])
    resolved: dict[str, str] = {}
    extra: dict[str, list[str]] = defaultdict(list)  # display candidates learnt from the corpus
    for surface in forms:
        key, learnt = _resolve_key(surface, kb)
        resolved[surface] = key
        extra[key].extend(learnt)
    _merge_unqualified(resolved, extra)
    groups: dict[str, list[str]] = defaultdict(list)
    for surface, key in resolved.items():
        groups[key].append(surface)
    display: dict[str, str] = {}
    for key, members in groups.items():
        name = kb.person_display(key) if key.startswith("person:") else ""
        candidates = [m for m in members + extra.get(key, []) if m.strip()]
        if not name and candidates:
            best = min(candidates, key=lambda c: (_display_score(c, key), c))
            name = _strip_article(_clean(best))
        display[key] = name or min(members)
    return {surface: display[key] for surface, key in resolved.items()}


def _resolve_key(surface: str, kb: _Knowledge) -> tuple[str, list[str]]:
    """The group key of one surface form given the corpus, and display forms learnt."""
    info = _analyse(surface)
    key = _key(info)
    if info.kind == "person" and len(info.words) >= 2:
        return kb.cluster.get(key, key), []
    if info.kind in {"name", "person"} and info.words:  # a surname or an acronym alone
        word = info.words[0]
        orgs = kb.acronyms.get(word, set())
        if word.isupper() and len(orgs) == 1:
            org = next(iter(orgs))
            return org, list(kb.org_forms.get(org, Counter()))
        person = kb.unique_person(kb.surname_index.get(_low(word), set()))
        return person or key, []
    if info.kind == "role" and info.role not in _SHARED_ROLES:
        return kb.unique_person(kb.role_holders.get(key, set())) or key, []
    if info.kind == "org" and not info.countries and (info.proper or info.acronym):
        name_key = "orgname:" + _low(_strip_article(surface))
        targets = kb.countries_of.get(name_key, set()) or kb.countries_of.get(key, set())
        if len(targets) == 1:
            org = next(iter(targets))
            return org, list(kb.org_forms.get(org, Counter()))
    return key, []


def _merge_unqualified(resolved: dict[str, str], extra: dict[str, list[str]]) -> None:
    """ "org:ukraine:intelligence" joins "org:ukraine:intelligence:military" when that is the
    only qualified body of that country and type."""
    qualified: dict[str, set[str]] = defaultdict(set)
    for key in resolved.values():
        parts = key.split(":")
        if parts[0] == "org" and parts[1] != "-" and len(parts) == 4:
            qualified[":".join(parts[:3])].add(key)
    for surface, key in resolved.items():
        targets = qualified.get(key, set())
        if len(targets) == 1:
            target = next(iter(targets))
            resolved[surface] = target
            extra[target].extend(extra.pop(key, []))
