"""Deterministic reading of a question: its kind when the wording makes it plain, what it
is about, and the words an answer must state.

Measured on the local 1.5B model, an LLM classifier called "how many troops per source?"
a fact question and "who said 11,000 ...?" an agreement question, and took seconds to do
it. Wording such as "how many", "who said", "do ... agree" settles the kind with no model;
the LLM plan is asked only when none of these patterns matches.
"""

from __future__ import annotations

import re

from ..claims.numbers import UNIT_DIMENSIONS, find_numbers
from ..claims.reading.kinds import family
from .models import Kind

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

_RULES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "attribution",
        re.compile(
            r"^\W*(?:who|which\s+(?:\w+\s+)?(?:agency|agencies|official|officials|source|"
            r"sources|outlet|outlets|body|bodies|organi[sz]ation|government|person|people))"
            r"\s+(?:first\s+|originally\s+|actually\s+)?(?:said|says|say|claimed|claims|claim|"
            r"reported|reports|report|stated|states|estimated|estimates|estimate|told|"
            r"announced|gave|give|gives|put|puts|made|cited|cites|is\s+behind|was\s+behind|"
            r"is\s+the\s+source|was\s+the\s+source)\b"
            r"|\baccording\s+to\s+(?:whom|who)\b|\bwho\s+is\s+(?:the\s+)?source\b",
            re.I,
        ),
    ),
    (
        "agreement",
        re.compile(
            r"\b(?:agree|agrees|agreed|disagree|disagrees|differ|differs|different|"
            r"contradict\w*|consistent|inconsistent|discrepanc\w+|conflict\w*|"
            r"same\s+(?:number|figure|date|place|account|story))\b",
            re.I,
        ),
    ),
    ("summary", re.compile(r"\b(?:summar\w*|overview|recap|gist|tl;?dr|brief\s+me)\b", re.I)),
    (
        "figures",
        re.compile(
            r"\bhow\s+(?:many|much)\b|\bper\s+(?:source|outlet|article)\b|"
            r"\b(?:number|numbers|figure|figures|estimate|estimates|count|tally|toll|total)"
            r"\s+(?:of|for)\b|\beach\s+(?:source|outlet|article)\b"
            # "What is the death toll from the quake?" (not "When did the toll pass 100?")
            r"|^(?!\W*(?:when|where|why)\b).*\b(?:death|casualty|injury)\s+tolls?\b",
            re.I,
        ),
    ),
    (
        "fact",
        re.compile(
            r"^\W*(?:(?:at|in|on|by|from|since|until|to|for)\s+)?"
            r"(?:when|where|what|which|who|whom|whose|why)\b"
            # yes/no questions: "Will South Korea send weapons?", "Has the dam burst?"
            r"|^\W*(?:is|are|was|were|will|would|has|have|had|does|do|did|can|could)\s"
            # a measure or degree: "How large an area has the fire burned?"
            r"|^\W*how\s+(?:large|big|long|far|high|deep|wide|tall|old|fast|often|soon|"
            r"severe|serious|bad|badly|strong|powerful|intense|heavy|hot|cold|costly)\b",
            re.I,
        ),
    ),
)

# Words that shape a question but say nothing about its subject.
_FRAME_WORDS = """
    a an the of in on at to for from by with about into over under per each every all
    any and or but not no do does did is are was were be been being has have had will
    would can could should may might must shall how many much what which who whom whose
    when where why this that these those there it its their they them he she his her we
    our you your i me my source sources outlet outlets article articles report reports
    reported story stories according say says said claim claims claimed state states
    stated figure figures number numbers estimate estimates estimated count total tally
    give gives gave put puts agree agrees agreed disagree disagrees differ differs
    different contradict contradicts consistent inconsistent summarise summarize summary
    overview tell me please first originally actually exactly roughly approximately
    latest recent recently currently now near known time date day hour year month
    happen happens happened happening occur occurs occurred
"""
_FRAME = frozenset(_FRAME_WORDS.split())
_DIMENSIONS = frozenset(UNIT_DIMENSIONS.values())
# Participles of the question's event ("killed", "wounded", "deployed"): an answer must
# state them, not a neighbouring event. Words that end like one but are not:
_NOT_EVENTS = frozenset({"need", "speed", "feed", "seed", "united", "red", "hundred", "bed",
                         # hedges of the event, not the event ("expected to join")
                         "expected", "supposed", "alleged", "believed", "rumoured"})  # fmt: skip


def rule_kind(question: str) -> Kind | None:
    """The kind the question's wording makes plain, or None to ask the model."""
    for kind, pattern in _RULES:
        if pattern.search(question):
            return kind
    return None


def subject_words(question: str) -> list[str]:
    """The question's words without its frame: "how many troops per source?" -> troops.
    The word after "how" is the measure asked ("how large an area", "how long"), frame
    too."""
    words = _WORD.findall(question)
    asked = {i + 1 for i, w in enumerate(words) if w.lower() == "how"}
    return [
        w for i, w in enumerate(words)
        if w.lower() not in _FRAME and not w.isdigit() and not (i in asked and w.islower())
    ]  # fmt: skip


def about_of(question: str) -> str:
    """What the question is about, in its own words (the subject words, in order)."""
    return " ".join(subject_words(question)) or question.strip()


_WHEN_CLAUSE = re.compile(r"\s(?:before|after|while|when|since|until|as)\s.*$", re.I | re.S)


def focus_of(question: str) -> list[str]:
    """Event words an answer must state: participles such as "killed" or "wounded", or
    what the counted are doing ("how many firefighters are battling"), of the question's
    main clause ("released",
    not "worsened", in "From which dam was water released before the flooding worsened?")."""
    found: list[str] = []
    main = _WHEN_CLAUSE.sub("", question)
    counting = re.search(r"\bhow\s+many\b", main, re.I) is not None
    doing = {m.group(1).lower() for m in _PROGRESSIVE.finditer(main)} if counting else set()
    for word in subject_words(main):
        low = word.lower()
        if low in _NOT_EVENTS or word[:1].isupper() or len(low) < 5:
            continue
        # "how many firefighters are battling": what the counted are doing, unless it is
        # a state of people that a figure's kind says ("are missing")
        acting = low in doing and family(stem(low)) is None and family(low) is None
        if (low.endswith(("ed", "en")) or acting) and low not in found:
            found.append(low)
    return found[:3]


_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been)\s+(?:still\s+)?([a-z]{3,}ing)\b", re.I)


_COUNTED_AFTER = re.compile(
    r"\b(?:how\s+(?:many|much)|(?:number|numbers|figures?|estimates?|count|total|tally|toll)"
    r"\s+(?:of|for))\s+(?P<phrase>[^?.!,;:]+)",
    re.I,
)


_AUXILIARY_WORDS = "does do did is are was were has have had will would can could should"
_AUXILIARY = frozenset(_AUXILIARY_WORDS.split())


CHANGE_VERB = re.compile(
    r"(?:chang|evolv|ris|grow|grew|went|gone|develop|revis|increas|climb)\w*",
    re.I,
)
"""Verbs of a figure changing ("How did the death toll change?", "... rise?")."""


def _without_change_verb(words: list[str]) -> list[str]:
    """The words without a closing verb of change: "death toll change" -> "death toll"."""
    return words[:-1] if len(words) > 1 and CHANGE_VERB.fullmatch(words[-1]) else words


def counted_head(question: str) -> str | None:
    """The noun a figure question counts: "how many North Korean troops are in Russia?" ->
    "troops" (the last subject word before the verb, preposition or end of the phrase; a
    closing verb of change is no noun: "How did the number of troops change?")."""
    m = _COUNTED_AFTER.search(question)
    if m is None:
        words = _without_change_verb(subject_words(question))
        return words[-1].lower() if words else None
    head: str | None = None
    phrase = _without_change_verb(_WORD.findall(m["phrase"]))
    if phrase and phrase[0].lower() in _AUXILIARY:
        return None  # "how much does Russia pay ...": no noun is counted
    for word in phrase:
        low = word.lower()
        if low in _FRAME or (head is not None and low.endswith(("ed", "ing"))):
            if head is not None:
                break
            continue
        head = low
    return head


_AGREE_ON_NON_FIGURE = re.compile(
    r"\bagree\w*\s+(?:on|about|over|as\s+to)\s+(where|when|who|whom|whose|whether|why)\b",
    re.I,
)


def agreement_point(question: str) -> str | None:
    """ "Do the sources agree on where the troops are trained?" -> "where": an agreement
    question on a place, a time, a person or a yes/no, which the sources' figures do not
    answer; None for any other question."""
    found = _AGREE_ON_NON_FIGURE.search(question)
    return found.group(1).lower() if found else None


_PERCENTAGE = re.compile(
    r"\b(?:what|which)\s+(?:percentage|percent|per\s+cent|proportion|share|fraction)\b", re.I
)


def asks_percentage(question: str) -> bool:
    """ "What percentage of the fire was contained?": the answer is a percent figure."""
    return _PERCENTAGE.search(question) is not None


_CLOCK_TIME = re.compile(
    r"\b(?:what|which)\s+(?:time|hour)\b(?!\s+(?:of\s+(?:the\s+)?year|zone))", re.I
)


def asks_clock_time(question: str) -> bool:
    """ "What time did the quake hit?", "At what hour ...?": the answer states a clock time
    ("13:14", "11:47 pm"), which few of the sentences near it do."""
    return _CLOCK_TIME.search(question) is not None


def how_many_of(question: str, head: str | None) -> str | None:
    """The noun a "how many X ...?" question counts, if it is `head`."""
    if head is None:
        return None
    pattern = rf"\bhow\s+many\s+(?:[^\W\d_]+\s+){{0,3}}{re.escape(head)}\b"
    return head if re.search(pattern, question, re.IGNORECASE) else None


def stem(word: str) -> str:
    """A crude stem for matching inflections: killed/killing/kills -> kill."""
    low = word.lower()
    for suffix in ("ing", "ied", "ed", "es", "s"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            base = low[: -len(suffix)]
            if suffix == "ied":
                return base + "y"
            if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "stopped" -> "stop"
            return base
    return low


def states(text: str, word: str) -> bool:
    """Does `text` state `word` (any inflection of it)? A measure states what its unit
    measures ("19 136 hectares" states an "area")."""
    target = stem(word)
    if any(stem(w) == target for w in _WORD.findall(text)):
        return True
    return target in _DIMENSIONS and any(
        UNIT_DIMENSIONS.get(m.unit or "") == target for m in find_numbers(text)
    )
