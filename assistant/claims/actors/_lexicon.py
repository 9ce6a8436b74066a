"""General-knowledge word tables for recognising actors: seats that stand for bodies
("Kremlin", "White House"), institution words, head nouns of bodies, groups and roles,
modifiers, determiners, document and channel words, platforms, titles and their modifiers,
name particles, place and calendar words, and the normal forms of roles. General knowledge
only: no names of particular people or agencies.
"""

from __future__ import annotations

from typing import Final


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Bodies named by their seat: (country, family).
METONYMS: Final[dict[tuple[str, ...], tuple[str, str]]] = {
    ("kremlin",): ("Russia", "presidency"),
    ("pentagon",): ("United States", "ministry defence"),
    ("white", "house"): ("United States", "presidency"),
    ("elysee",): ("France", "presidency"),
    ("élysée",): ("France", "presidency"),
    ("downing", "street"): ("United Kingdom", "government"),
    ("blue", "house"): ("South Korea", "presidency"),
}

# Capitalised words that make a run of capitalised words an organisation's name.
ORGANISATION_WORDS: Final = word_set(
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
WEAK_ORGANISATION_WORDS: Final = word_set(
    "post times journal news press herald tribune guardian telegraph gazette daily mail "
    "express observer chronicle watch international group union party"
)

# Nouns after a country or modifiers that make an actor: bodies, groups of people, roles.
BODY_HEADS: Final = word_set(
    """agency agencies service services directorate ministry ministries department office
    council committee commission police military army navy government authorities
    administration cabinet parliament intelligence command embassy court bureau regime junta
    leadership presidency legislature congress senate media watchdog regulator mission
    delegation coalition"""
)
GROUP_HEADS: Final = word_set(
    """officials sources experts analysts diplomats lawmakers legislators investigators
    prosecutors researchers scientists observers monitors commentators specialists insiders
    aides advisers advisors spokespeople spokespersons representatives leaders authorities
    journalists reporters correspondents bloggers ministers"""
)
ROLE_HEADS: Final = word_set(
    """official source expert analyst diplomat spokesperson spokesman spokeswoman minister
    president leader chief head director commander ambassador envoy prosecutor adviser
    advisor aide lawmaker legislator senator governor mayor officer agent investigator
    researcher observer insider representative secretary chairman chairwoman chair premier
    chancellor general admiral journalist reporter correspondent blogger monarch king queen
    sheriff collector magistrate superintendent administrator coroner warden"""
)
# Plural subjects that are actors only when they are the subject of an attribution verb.
WEAK_HEADS: Final = word_set(
    """soldiers troops forces residents witnesses locals people civilians citizens villagers
    survivors families workers activists protesters fighters militants rebels volunteers
    students doctors medics rescuers farmers refugees voters critics supporters opponents
    crew crews pilots sailors commanders officers generals agents"""
)
MODIFIERS: Final = word_set(
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
PRE_ADJECTIVES: Final = word_set(
    """anonymous unnamed unidentified senior top former current high-ranking high-level local
    regional independent leading prominent allied other retired veteran acting outgoing
    incoming"""
)
DETERMINERS: Final = word_set(
    """the a an one some several many both other two three four five six seven eight nine ten
    multiple various numerous few most all"""
)
QUANTIFIERS: Final = word_set("some several many multiple various numerous few other")
# Documents an actor is cited through: "citing South Korean intelligence documents".
DOCUMENT_NOUNS: Final = word_set(
    """report reports document documents data assessment assessments estimate estimates
    information statement statements figures findings briefing briefings"""
)
# "’s official Telegram channel": the possessor is the actor.
CHANNEL_WORDS: Final = word_set(
    """channel account page feed post posts statement statements website site message messages
    publication press spokesperson spokesman spokeswoman office service announcement
    briefing report reports"""
)
PLATFORMS: Final = word_set(
    """telegram twitter facebook instagram youtube tiktok whatsapp wechat weibo vkontakte vk
    linkedin reddit snapchat bluesky"""
)

TITLE_HEADS: Final = word_set(
    """president minister secretary secretary-general spokesman spokeswoman spokesperson leader
    chief head director director-general commander commander-in-chief general colonel
    lieutenant major admiral captain sergeant senator representative congressman
    congresswoman governor mayor ambassador envoy king queen prince princess pope emperor
    sheikh emir judge justice prosecutor speaker chairman chairwoman chair ceo premier
    chancellor adviser advisor aide analyst expert professor lawmaker legislator
    commissioner inspector marshal bishop archbishop cardinal ayatollah patriarch vice-
    president prime-minister attorney-general mp president-elect dr mr mrs ms mx gen lt col
    maj sen rep gov prof adm capt sgt cmdr brig rev amb sheriff collector magistrate
    superintendent administrator chairperson coroner warden officer"""
)
# Offices held by one person in a district or county, so that "the collector" or "the
# sheriff" is the one named holder in the corpus whatever the country ("Collector Ananya
# Deshmane", "Sheriff Walt Brenner"); a president or minister needs a country to be one.
LOCAL_OFFICES: Final = word_set(
    "sheriff collector magistrate superintendent administrator coroner warden"
)
# Abbreviated titles take a full stop: "Gen. Smith".
TITLE_ABBREVIATIONS: Final = word_set(
    "dr mr mrs ms mx gen lt col maj sen rep gov prof adm capt sgt cmdr brig rev amb"
)
TITLE_MODIFIERS: Final = word_set(
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
TITLE_OF_COMPLEMENTS: Final = word_set(
    """state defense defence foreign affairs the interior justice health finance homeland
    security staff intelligence treasury commerce energy education transportation
    agriculture labor labour veterans housing trade economy culture armed forces internal
    emergency situations national war joint chiefs of"""
)
NAME_PARTICLES: Final = word_set(
    "de van von der den bin ibn al el da di du del della dos das le la abu"
)
# Inside a run of capitalised words: "Center for Strategic Communications".
CONNECTORS: Final = frozenset({"of", "for", "de", "du", "des", "del", "della", "di", "da"})

ROLE_NORMAL: Final[dict[str, str]] = {
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
SHARED_ROLES: Final = word_set(
    """official source expert analyst diplomat aide adviser advisor agent investigator
    researcher observer insider representative journalist reporter correspondent blogger
    lawmaker legislator senator officer general admiral"""
)

# Words of places and events, not of people: "Kursk Oblast", "Far East", "Donetsk City".
PLACE_WORDS: Final = word_set(
    """war conflict summit oblast region province state city town village county district
    street square sea ocean river lake mountains mountain island islands peninsula bay gulf
    strait valley desert airport port base station camp bridge park hall palace tower avenue
    road highway east west north south eastern western northern southern far middle upper
    lower new great old saint mount fort cup games olympics day week year agreement treaty
    accord pact act law plan operation crisis revolution festival prize award front
    line"""
)
CALENDAR: Final = word_set(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)


def names_a_speaker(word: str) -> bool:
    """Is `word` the head of a phrase naming someone who speaks: a role or title
    ("chief", "spokesman"), a body ("ministry", "police") or a group ("officials")?"""
    low = word.lower()
    return (
        low in ROLE_HEADS
        or low in TITLE_HEADS
        or low in ORGANISATION_WORDS
        or (low in BODY_HEADS or low in GROUP_HEADS)
    )
