"""Check a composed sentence against the evidence it cites (the grounding invariant).

A sentence is supported when it cites evidence it was given, every number in it is in
the cited evidence (after normalisation: "11,000" = "eleven thousand" = "11k"), every
capitalised name in it is in the cited evidence or the question, the question's focus
words are stated there, and most of its content words come from there.

Words alone let through sentences that assert what no source does, so it must also hold
what it asserts: a name only the outlet gives is the one reporting (`_borrowed`), the
sentence gives what the question's words ask for (a place, a time, a number, a sum:
`asked`), and, when the caller can parse, no number of it is given for another figure's
place (`places.misplaced`). What fails is marked unsupported with the reason, never
shown as verified.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence

from ..claims.numbers import NumberMention, find_numbers, has_number
from ..text.words import NAME_RUN, STOP_WORDS, WORD, content_words, names_in
from .asked import unanswered
from .classify import states, stem, subject_words
from .compose import MAX_CITES
from .evidence import Evidence

Misplaced = Callable[[str, Sequence[str]], str | None]
"""Does a sentence give a number of its cited sentences for another figure's place
(`places.misplaced`, which parses them)? The reason, or None."""
Stated = Callable[[str, str], bool]
"""Does a text state a word? By inflection (`classify.states`) or, with a `WordSense`, also
by a word of the same meaning ("soldiers" states "troops")."""

MIN_OVERLAP = 0.5
"""Share of a sentence's content words that its cited evidence (or the question) holds."""

_META = re.compile(
    r"\b(?:the|this|provided|given|cited)\s+(?:evidence|passages?|text|sources?|articles?)\s+"
    r"(?:does|do|did|is|are)\s+not\b|\bnot\s+(?:mentioned|stated|provided|specified|given)\b"
    r"|\b(?:the|this)\s+evidence\s+(?:states|says|shows|mentions|indicates|suggests)\b"
    r"|\bno\s+(?:information|mention|data|details)\b|\b(?:in|from)\s+the\s+(?:provided\s+)?"
    r"evidence\b|\baccording\s+to\s+the\s+(?:provided\s+|given\s+|cited\s+)?"
    r"(?:evidence|passages?|text)\b",
    re.IGNORECASE,
)
_FRAME = re.compile(
    r"^\s*(?:(?:according\s+to|based\s+on|in|from)\s+the\s+(?:provided\s+|given\s+|cited\s+)?"
    r"(?:evidence|passages?|texts?|sentences?|sources?)\s*,\s*"
    r"|(?:the|this)\s+(?:provided\s+|given\s+|cited\s+)?(?:evidence|passages?|texts?|sentences?)"
    r"\s+(?:states?|says?|shows?|mentions?|indicates?|notes?|reports?)\s+(?:that\s+)?)",
    re.IGNORECASE,
)
_IDS = re.compile(r"\bE\d{1,3}\b")
"""The ids evidence is shown to the model under ("E1")."""
_REPORTS = re.compile(
    r"^(?:'s|’s)?\s*(?:\w+\s+)?(?:reports?|reported|says?|said|writes?|wrote|notes?|noted|"
    r"adds?|added|cites?|cited|quotes?|quoted|claims?|claimed|states?|stated)\b",
    re.IGNORECASE,
)
_ATTRIBUTES = re.compile(
    r"\b(?:according\s+to|reported\s+by|cited\s+by|quoted\s+by|told|per)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DATE_NAMES = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\.?"
)
_MONEY_HEADS = frozenset({"money", "funds", "fund", "cash", "amount", "sum"})
"""What a "how much X" question counts when any sum of money is a number of it."""


def check(
    text: str, cites: Sequence[str], evidence: Mapping[str, Evidence], question: str,
    focus: Sequence[str] = (), head: str | None = None, stated: Stated = states,
    misplaced: Misplaced | None = None,
) -> str | None:  # fmt: skip
    """None if `text` is supported by the cited evidence, else the reason it is not.

    `head` is what a figure question counts ("troops"): the sentence must then give a
    number of it, or it does not answer "how many". `stated` decides whether the evidence
    states one of the question's words (inflections by default; see `WordSense`).
    """
    cited = [evidence[c] for c in cites if c in evidence]
    if not cited:
        return "cites no evidence it was given"
    # the model is shown each sentence's outlet and date: it may say them ("as reported by
    # the Chronicle on August 3rd")
    shown = {f"{e.doc.outlet or ''} {_date_words(e.doc.date)}" for e in cited}
    source = " ".join([*(e.text for e in cited), *sorted(shown)])
    problems = (
        _meta(text),
        _ids(text, evidence, source),
        _numbers(text, source),
        _unnamed(text, source, question, cited),
        _borrowed(
            text, " ".join(e.text for e in cited), " ".join(e.doc.outlet or "" for e in cited)
        ),
        _unstated(_holding(text, cited, source), focus, stated),
        _unasked(source, question, stated),
        _uncounted(text, head),
        _counts_other(text, source, head, stated),
        _overlap(text, source, question),
        _unanswered(text, question, source),
        _off_question(text, question, stated),
        _foreign_number(text, question, cited),
        _planned(text, source),
    )
    found = next((p for p in problems if p is not None), None)
    if found is None and misplaced is not None:  # last: it may load the parser
        found = misplaced(text, [e.text for e in cited])
    return found


def supported_by(
    text: str, cites: Sequence[str], evidence: Mapping[str, Evidence], question: str,
    focus: Sequence[str] = (), head: str | None = None, stated: Stated = states,
    misplaced: Misplaced | None = None,
) -> tuple[list[str], str | None]:  # fmt: skip
    """The citations under which `text` passes `check`, and None; or the model's own
    citations and the reason they fail.

    The small answer models often write a sentence of one passage and cite its neighbour
    (a headline, the sentence before). When the cited evidence fails, each other passage
    is tried in place of the citations, then beside them: a sentence is shown verified
    only under citations that pass the same check, so the invariant holds; what changes
    is that a true sentence is no longer dropped for a wrong id.
    """
    reason = check(text, cites, evidence, question, focus, head, stated, misplaced)
    if reason is None:
        return list(cites), None
    own = list(dict.fromkeys(c for c in cites if c in evidence))
    others = [i for i in evidence if i not in own]
    candidates = [[i] for i in others]
    if own and len(own) < MAX_CITES:
        candidates += [[*own, i] for i in others]
    for candidate in candidates:
        if check(text, candidate, evidence, question, focus, head, stated, misplaced) is None:
            return candidate, None
    return list(cites), reason


def _date_words(date: str | None) -> str:
    """A document's date as a sentence may say it: "2 March 2031 Mar"."""
    try:
        day = dt.date.fromisoformat((date or "")[:10])
    except ValueError:
        return date or ""
    return f"{day.day} {day:%B} {day.year} {day:%b}"


def unframed(text: str) -> str:
    """`text` without an opening that only says it comes from the evidence ("The evidence
    states that ...", "According to the passages, ..."): 3 of the 14 sentences refused on
    24 real news pages opened so, and `_meta` refuses the whole sentence for it. Only an opening
    frame goes; one within the sentence still makes it talk about the evidence."""
    m = _FRAME.match(text)
    if m is None or m.end() == len(text):
        return text
    rest = text[m.end() :]
    return rest[:1].upper() + rest[1:]


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PHRASE = re.compile(
    rf",?\s+(?:on|in)\s+(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{4}}|\d{{4}})(?=[\s,.;!?]|$)",
    re.IGNORECASE,
)


def unechoed(text: str, question: str, given: Sequence[Evidence]) -> str:
    """`text` without a date phrase it copies from the question that no evidence it was
    given states ("The earthquake that hit Veland on 19 September 2031 was a magnitude 7.1
    quake", of sentences on "the earthquake" of undated pages; so on real pages): no citation
    could support the date, and the rest is the answer."""
    source = " ".join(f"{e.text} {_date_words(e.doc.date)}" for e in given)
    kept, at = [], 0
    for m in _DATE_PHRASE.finditer(text):
        phrase = m.group().strip(" ,")
        copied = re.search(re.escape(phrase), question, re.IGNORECASE) is not None
        numbers = find_numbers(phrase)
        if copied and numbers and not all(has_number(source, n.value) for n in numbers):
            kept.append(text[at : m.start()])
            at = m.end()
    return "".join([*kept, text[at:]]) if kept else text


def _meta(text: str) -> str | None:
    if _META.search(text):
        return "it talks about the evidence instead of answering"
    return None


def _ids(text: str, evidence: Mapping[str, Evidence], source: str) -> str | None:
    """ "Source E1 says ...": an id the model was shown, which no reader knows (a road
    the source itself calls "E10" is no id)."""
    for m in _IDS.finditer(text):
        if m.group() in evidence and not re.search(rf"\b{m.group()}\b", source):
            return "it names evidence ids instead of sources"
    return None


def _numbers(text: str, source: str) -> str | None:
    for mention in find_numbers(text):
        if mention.kind != "ordinal" and not has_number(source, mention.value):
            return f"the number {mention.surface} is not in the cited evidence"
    return None


def _unnamed(text: str, source: str, question: str, cited: Sequence[Evidence]) -> str | None:
    """Every name is in the cited evidence, or the question's and in a cited sentence's
    document: the answer may say "the Linnet Star" where its sentence says "the ferry",
    not tie the question's names to another story's sentence. Asked how many people a
    named cyclone killed in a named state, unanswerable over 24 real pages, the model
    wrote "3 people were killed when Cyclone <name> made landfall in <state>." of a
    sentence on rains in another state, which names neither. A document names an acronym by the
    words it stands for ("USGS": "U.S. Geological Survey")."""
    for name in _names(text):
        if names_in(source, name):
            continue
        if not names_in(question, name):
            return f'"{name}" is not named in the cited evidence'
        if not any(_names_or_spells(_named_by(e), name) for e in cited):
            return f'"{name}" is the question\'s, and no cited source names it'
    return None


def _holding(text: str, cited: Sequence[Evidence], source: str) -> str:
    """The cited sentences that hold the sentence's numbers, which must state the
    question's focus words; all of `source` when it gives none. Another citation may not
    add the focus word alone: over real pages, a sentence on how many thousand people
    authorities evacuated answered "How many people were killed when the cyclone made
    landfall?" under a second citation, from another story, that said "killing".
    (Sentences holding its names were tried too, and for the other question words: a
    "Who gave the death count ...?" lost its answer, whose speaker's sentence did not
    repeat the lead's words for the storm; 4 real-page answers were lost so.)"""
    numbers = [m.value for m in find_numbers(text) if m.kind != "ordinal"]
    holding = [e.text for e in cited if any(has_number(e.text, v) for v in numbers)]
    return " ".join(holding) if holding else source


_TO_HAPPEN = re.compile(
    r"\b(?:(?:scheduled|expected|due|set|slated|planned|planning|plans?|going|likely|"
    r"yet|about)\s+to|will|would|shall|may|might|could|can)\s+(?:be\s+|have\s+)?$",
    re.IGNORECASE,
)


def _planned(text: str, source: str) -> str | None:
    """A past tense the cited evidence has only for what is to happen: over real pages,
    "Judge <name> sentenced <the defendant> on Jan. 22." of "<the judge> is scheduled to
    sentence <him> on Jan. 22.", for a question the sources do not answer."""
    for m in WORD.finditer(text):
        word = m.group()
        if len(word) < 5 or not word.lower().endswith("ed"):
            continue
        base = stem(word)
        uses = [
            u for u in WORD.finditer(source)
            if u.group().lower().startswith(base) and len(u.group()) - len(base) <= 3
        ]  # fmt: skip
        if uses and all(_TO_HAPPEN.search(source[max(0, u.start() - 40) : u.start()])
                        for u in uses):  # fmt: skip
            return f'the cited evidence has "{word}" only as what is to happen'
    return None


def _foreign_number(text: str, question: str, cited: Sequence[Evidence]) -> str | None:
    """A number the sentence ties to the question's names comes from a cited sentence whose
    source names them: the same cyclone answer, cited under a sentence on the cyclone and
    the one on rains elsewhere, took its names from the first and its "3" from the
    second."""
    asked = [n for n in _names(text) if names_in(question, n)]
    if not asked:
        return None
    for mention in find_numbers(text):
        holders = [e for e in cited if has_number(e.text, mention.value)]
        if mention.kind == "ordinal" or not holders:
            continue
        named = (_named_by(e) for e in holders)
        if not any(all(_names_or_spells(by, n) for n in asked) for by in named):
            return f"the number {mention.surface} is from a source that does not name {asked[0]}"
    return None


def _named_by(e: Evidence) -> str:
    """What a cited sentence's source names: its outlet ("What does the Valley Observer
    report ...?"), title and text."""
    return f"{e.doc.outlet or ''}\n{e.doc.title or ''}\n{e.doc.text}"


def _names_or_spells(text: str, name: str) -> bool:
    return names_in(text, name) or _spelt_out(text, name)


def _spelt_out(text: str, name: str) -> bool:
    """Does `text` write out the acronym `name` ("U.S. Geological Survey" for "USGS")?"""
    if not (name.isupper() and 2 <= len(name) <= 8 and name.isalpha()):
        return False
    return any(name in _initials(run.group()) for run in NAME_RUN.finditer(text))


def _initials(run: str) -> set[str]:
    """The acronyms of the word sequences of a run of capitalised words."""
    words = WORD.findall(run)
    heads = [w if w.isupper() else w[0] for w in words]
    return {"".join(heads[i:j]) for i in range(len(heads)) for j in range(i + 2, len(heads) + 1)}


def _off_question(text: str, question: str, stated: Stated) -> str | None:
    """The sentence states one of the question's subject words (or a word of the same
    meaning, with a `WordSense`). Of 137 verified model sentences in the eval runs, one
    stated none, and it answered an unanswerable question ("How can readers support
    ...?": "It is believed that North Korea has received food ...", under a citation
    that held "support")."""
    asked = subject_words(question)
    if not asked or any(stated(text, w) for w in asked):
        return None
    return "it speaks of nothing the question names"


def _borrowed(text: str, cited: str, outlets: str) -> str | None:
    """A name no cited sentence says, only their outlet's, is named as the one reporting
    ("Euromaidan Press reported ...", "according to the Post"), or not at all.

    Else the sentence ties it to what the evidence says of something else. Asked "How can
    readers support Euromaidan Press?" over an article of that outlet quoting Kurt
    Campbell on North Korea's "military support", the model wrote "Euromaidan Press is
    supported by US Deputy Secretary of State Kurt Campbell": every word was in the
    evidence, the question or the label, and the relation in none of them.
    """
    for run in NAME_RUN.finditer(text):
        words = WORD.findall(run.group())
        if run.start() == 0 and len(words) == 1:
            continue  # a sentence's first word: a name or not
        words = [w for w in words if w.lower() not in STOP_WORDS]
        if not words or any(names_in(cited, w) for w in words):
            continue
        if all(_DATE_NAMES.fullmatch(w) for w in words):
            continue  # the article's date, which the model is shown
        if not all(names_in(outlets, w) for w in words):
            continue  # the question's own name ("the districts of Uttarakhand"): `_unnamed`
        if _REPORTS.match(text[run.end() :]) or _ATTRIBUTES.search(text[: run.start()]):
            continue
        return f'"{run.group()}" is named by no cited sentence, only as their outlet'
    return None


def _unanswered(text: str, question: str, source: str) -> str | None:
    """The sentence gives what the question's words ask for (`asked`). Its first word is a
    name when the evidence writes it as one ("Darbhanga was worst hit")."""
    names = _names(text)
    first = WORD.search(text)
    if first is not None and first.group()[:1].isupper() and first.group() in _names(source):
        names.append(first.group())
    return unanswered(text, question, names)


def _unstated(source: str, focus: Sequence[str], stated: Stated) -> str | None:
    for word in focus:
        if not stated(source, word):
            return f'the cited evidence does not say "{word}"'
    return None


def _unasked(source: str, question: str, stated: Stated) -> str | None:
    """At least half the question's own subject words (lower-case ones: "weather",
    "signed", "agreement") must be stated in the cited evidence."""
    words = [w for w in subject_words(question) if w.islower() and len(w) > 2]
    if not words:
        return None
    missing = [w for w in words if not stated(source, w)]
    if len(missing) * 2 > len(words):
        return f'the cited evidence does not speak of "{" ".join(missing)}"'
    return None


def _uncounted(text: str, head: str | None) -> str | None:
    if head is None:
        return None
    if head.lower() in _MONEY_HEADS and any(m.kind == "money" for m in find_numbers(text)):
        return None  # "how much money ...?": "$2.3 million" is a number of it
    if _numbers_of(text, head):
        return None
    return f'it gives no number of "{head}"'


def _numbers_of(text: str, head: str) -> list[NumberMention]:
    """The numbers of `text` followed (within four words) by the word `head`, or after
    it and "of" ("an ex gratia of Rs 4 lakh", "a toll of at least 157")."""
    target = stem(head)
    return [
        m for m in find_numbers(text)
        if any(stem(w) == target for w in _after(text, m)) or _of_before(text, m, target)
    ]  # fmt: skip


def _after(text: str, mention: NumberMention) -> list[str]:
    return WORD.findall(text[mention.end : mention.end + 60])[:4]


def _of_before(text: str, mention: NumberMention, target: str) -> bool:
    """Is the number written as "<head> of [up to two words] <number>"?"""
    words = WORD.findall(text[max(0, mention.start - 60) : mention.start])[-4:]
    at = max((i for i, w in enumerate(words) if w.lower() == "of"), default=None)
    return at is not None and at > 0 and stem(words[at - 1]) == target


def _counts_other(text: str, source: str, head: str | None, stated: Stated) -> str | None:
    """A number the sentence gives of `head` must count it in the evidence too: "27
    cattle died" is no reading of "the floods have killed 27 people"."""
    if head is None:
        return None
    target = stem(head)
    for mention in _numbers_of(text, head):
        same = [m for m in find_numbers(source) if m.value == mention.value]
        if same and not any(
            stated(" ".join(_after(source, m)), head) or _of_before(source, m, target) for m in same
        ):
            return f"the cited evidence gives {mention.surface} of something else than {head}"
    return None


def _overlap(text: str, source: str, question: str) -> str | None:
    words = _content(text)
    if not words:
        return None
    known = {stem(w) for w in _content(source) | _content(question)}
    share = sum(stem(w) in known for w in words) / len(words)
    if share < MIN_OVERLAP:
        return f"only {share:.0%} of its words come from the cited evidence"
    return None


def _names(text: str) -> list[str]:
    """Capitalised words that are not at a sentence start (names, places, bodies)."""
    names: list[str] = []
    for m in WORD.finditer(text):
        word = m.group()
        before = text[: m.start()].rstrip()
        sentence_start = not before or before[-1] in ".!?:\"'“‘("
        if word[:1].isupper() and not sentence_start and len(word) > 1:
            names.append(word)
    return names


def _content(text: str) -> set[str]:
    return set(content_words(text))
