"""Reading claims off the parse: what each number counts, its kind, who says it, who
carried it, and which numbers are page furniture.

Build versus buy. spaCy's `en_core_web_sm` 3.8 pipeline (`assistant/nlp.py`) does what a
parser does well: tokens, part of speech, lemmas, the dependency parse and named entities,
about 1-2 s for a 16k-character corpus on 2 cores. What stays ours is small and
news-specific: the rules that turn a parse into a figure (`counted`: the noun a number
modifies, the measured subject of "rose to N", the state verb or adjective), the kinds
(`kinds`: "killed", "dead", "death toll" are one kind), attribution (`attribution`: the
subject of a reporting verb with its appositions, "according to X", "X told AGENCY"
with the agency kept apart as the carrier) and page furniture (`furniture`). No library
does these: spaCy gives arcs, not what a news figure counts; quote-attribution tools
(e.g. textacy's `direct_quotations`) handle quoted speech only, not "according to" or
figures in reported speech. Before the parse, regular expressions over word positions
took the words after the number as what it counts ("has increased to" for "the death
toll has increased to N") and a fragment as the asserter ("West" from "..., the Chief
District Officer of PLACE West told AGENCY"); and a model call per sentence (~9 s on the
0.5B model) chose among such spans. Now the model is asked only for what the parse leaves
open (`SentenceReading.open`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...text.clauses import belongs, tokens_in
from ..actors import find_actors, names_a_speaker
from ..numbers import NumberMention, find_time_refs
from .attribution import (
    REPORTING,
    Attribution,
    acting_body,
    attribute,
    bare_participle,
    is_agency,
    is_pronoun,
    passive,
)
from .counted import Counted, read_counted, refers_back
from .furniture import dateline_carrier, furniture_reason
from .kinds import FAMILIES, kind_of, money_kind
from .noncount import non_count_reason

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "FAMILIES",
    "READER_VERSION",
    "Attribution",
    "Counted",
    "FigureReading",
    "SentenceReading",
    "dateline_carrier",
    "furniture_reason",
    "is_agency",
    "is_pronoun",
    "kind_of",
    "read_sentence",
]

READER_VERSION = "parse-15"
"""Changes whenever the rules here change, so that stored claims are read again."""


@dataclass(frozen=True)
class FigureReading:
    """One number of a sentence as the parse reads it."""

    mention: NumberMention
    counted: Counted
    attribution: Attribution
    when: tuple[str, ...] = ()
    """The sentence's time references that belong to the figure (`text.clauses`):
    "officials on Monday said 102 died, 35 more than estimated on Thursday" -> "on
    Monday"."""


@dataclass(frozen=True)
class SentenceReading:
    """What the parse settles in one sentence, and what it leaves open."""

    figures: list[FigureReading] = field(default_factory=list)
    open: list[NumberMention] = field(default_factory=list)
    """Quantities whose counted thing the parse did not find."""
    furniture: list[tuple[NumberMention, str]] = field(default_factory=list)
    statement: Attribution = field(default_factory=Attribution)
    """Who says the sentence as a whole (for reported speech without figures)."""


def read_sentence(
    text: str,
    numbers: Sequence[NumberMention],
    doc: Doc,
    context: Doc | None = None,
    outlet: str | None = None,
    framed: str | None = None,
    same_paragraph: bool = False,
) -> SentenceReading:
    """Read the quantities `numbers` (offsets in `text`) of one sentence parsed as `doc`;
    `context` is the parse of the sentence before, for pronouns. `framed` is the one actor
    an attribution frame names ("according to X", "X said"), found without the parse: it
    stands in where the parse finds nobody (a mis-parse such as "informed" read as an
    adjective). With `same_paragraph`, a sentence that attributes nothing itself continues
    the reported speech of the sentence before ("X said ... . The first 2,600 will ...")."""
    before = _root_attribution(context, outlet) if context is not None else None
    statement = _root_attribution(doc, outlet, before)
    # a frame offering an agency or a pronoun ("I’ve had reports ...," he said) names nobody
    names = framed is not None and not (is_agency(framed, outlet) or is_pronoun(framed))
    if statement.asserter is None and framed and names:
        statement = Attribution(framed, statement.carrier)
    if statement.asserter is None and same_paragraph and before and before.asserter:
        statement = Attribution(
            before.asserter, statement.carrier or before.carrier, from_context=True
        )
    if statement.asserter is None and not numbers:
        statement = _said_anywhere(doc, before, outlet, statement)
    reading = SentenceReading(statement=statement)
    spans = {m: tokens_in(doc, m.start, m.end) for m in numbers}
    times = find_time_refs(text)
    for mention in numbers:
        reason = (
            furniture_reason(text, mention)
            or non_count_reason(text, mention, spans[mention])
            or _attribute_reason(text, mention, spans[mention])
        )
        if reason is not None:
            reading.furniture.append((mention, reason))
            continue
        tokens = spans[mention]
        others = frozenset(t.i for m, ts in spans.items() if m is not mention for t in ts)
        counted = read_counted(tokens, mention.start, mention.end, others) if tokens else None
        if counted is None or not counted.text:
            reading.open.append(mention)
            continue
        if mention.kind == "money":
            counted = _money_counted(counted, tokens, doc)
        start = mention.hedge_start if mention.hedge_start is not None else mention.start
        span = (min(start, counted.span[0]), max(mention.end, counted.span[1]))
        said = attribute(tokens, doc, before, outlet)
        if said.asserter is None and statement.asserter is not None:
            # "12 died, police said": the reporting verb is not above the number
            said = dataclasses.replace(statement, carrier=said.carrier or statement.carrier)
        if said.asserter is None and (body := acting_body(tokens)) is not None:
            said = dataclasses.replace(said, asserter=body)  # "Authorities have evacuated"
        reading.figures.append(
            FigureReading(
                mention, dataclasses.replace(counted, span=span), said, _times(doc, tokens, times)
            )
        )
    _refer_back(reading, spans, doc, before, outlet)
    return reading


def _times(doc: Doc, number: list[Token], times: Sequence[tuple[int, int, str]]) -> tuple[str, ...]:
    """The time references (start, end, surface) that belong to the figure's clause."""
    kept = []
    for start, end, surface in times:
        words = tokens_in(doc, start, end)
        if not number or (words and belongs(number[-1], words[0])):
            kept.append(surface)
    return tuple(kept)


def _refer_back(
    reading: SentenceReading, spans: dict[NumberMention, list[Token]], doc: Doc,
    before: Attribution | None, outlet: str | None,
) -> None:  # fmt: skip
    """An open number that takes its counted thing from another figure of the sentence
    ("up from 31 a day earlier", "the final figure could reach 12,000") counts what the
    nearest figure of its kind (a count, a sum, a share) counts. Its source is whoever
    issued the measure ("the revenue department's preliminary estimate of Rs 450 crore"),
    else a speaker attributing the number itself, else that figure's source."""
    for mention in list(reading.open):
        words = refers_back(spans[mention]) if spans[mention] else None
        same = [f for f in reading.figures if f.mention.kind == mention.kind]
        if words is None or not same:
            continue
        # the nearest figure before the number, else the nearest after it
        earlier = [f for f in same if f.mention.start < mention.start]
        source = earlier[-1] if earlier else min(same, key=lambda f: f.mention.start)
        hedge = mention.hedge_start if mention.hedge_start is not None else mention.start
        counted = dataclasses.replace(source.counted, span=(min(hedge, words[0].idx), mention.end))
        issuer = next((c for c in words[-1].children if c.dep_ == "poss"), None)
        said = attribute(spans[mention], doc, before, outlet)
        if issuer is not None and issuer.pos_ in {"NOUN", "PROPN"}:
            said = Attribution(doc.text[issuer.left_edge.idx : issuer.idx + len(issuer.text)])
        elif said.asserter is None or not names_a_speaker(said.asserter.split()[-1]):
            said = source.attribution
        reading.open.remove(mention)
        reading.figures.append(FigureReading(mention, counted, said))
    reading.figures.sort(key=lambda f: f.mention.start)


def _said_anywhere(
    doc: Doc, before: Attribution | None, outlet: str | None, found: Attribution
) -> Attribution:
    """Who says a sentence without figures when its main clause reports nothing: the
    speaker of the first reporting verb anywhere in it ("Rain has eased, but the weather
    office has warned of ...", "..., which they say worsened the flooding"). When its only
    reporting verbs name nobody ("residents were told to boil water") or the sentence asks
    a question, no one is named, and the parse says so (`unnamed`)."""
    if _is_question(doc):
        return dataclasses.replace(found, unnamed=True)
    verbs = [t for t in doc if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in REPORTING]
    for verb in verbs:
        said = attribute([verb], doc, before, outlet)
        if said.asserter is not None:
            return dataclasses.replace(said, carrier=said.carrier or found.carrier)
    agentless = bool(verbs) and all(_agentless(v) for v in verbs)
    return dataclasses.replace(found, unnamed=agentless)


def _agentless(verb: Token) -> bool:
    """A passive reporting verb with no "by" ("were told", "was reported") or a bare
    participle ("Movements Confirmed")."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return passive(verb) or bare_participle(verb)


def _is_question(doc: Doc) -> bool:
    """A sentence that asks (a headline's "Troops Confirmed?"), outside quotation marks."""
    text = doc.text.rstrip()
    return text.endswith("?") and not any(q in text for q in '"“”')


def _money_counted(counted: Counted, number: list[Token], doc: Doc) -> Counted:
    """A sum of money takes a money kind from what it is ("the damage", or the subject of
    the verb it completes: "the damage had reached Rs 980 crore") or the verb it is the
    object of ("sought"), when either says one."""
    words = [t.lemma_ for t in doc if counted.span[0] <= t.idx < counted.span[1]]
    verb = next((t for t in number[0].ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is not None:
        words += [c.lemma_ for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    kind = money_kind(words, verb.lemma_ if verb is not None else None)
    return counted if kind is None else dataclasses.replace(counted, kind=kind)


_HYPHENS = "-\u2010\u2011"
_SIZE_MODIFIER = re.compile(rf"\d\s?[{_HYPHENS}]\s?[^\W\d_]")
_MODIFIES = frozenset({"amod", "compound", "nmod", "nummod"})
_SIZE_WORDS = frozenset(
    {"year", "month", "week", "day", "hour", "minute", "second", "storey", "story", "floor",
     "level", "lane", "seat"}
)  # fmt: skip
"""Words of age, duration and size that a hyphen joins to a number ("12-year-old",
"7-storey"), singular as compounds write them."""


def _attribute_reason(text: str, mention: NumberMention, tokens: list[Token]) -> str | None:
    """ "122-mm shells", "a 7-storey building", "a 12-year-old boy": a number joined by a
    hyphen to a unit or a word of age or size, modifying a noun, is no figure."""
    unit = _SIZE_MODIFIER.search(mention.surface) is not None and mention.kind == "measure"
    after = re.match(rf"[{_HYPHENS}]([^\W\d_]+)", text[mention.end :])
    if not (unit or (after and after.group(1).lower() in _SIZE_WORDS)) or not tokens:
        return None  # "a 100,000-soldier army" counts soldiers
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside), tokens[-1])
    if head.dep_ == "conj":  # "122-mm and 152-mm shells"
        head = head.head
    while head.head.i != head.i and head.head.text in _HYPHENS + "-":
        head = head.head
    for node in (head, *head.ancestors):
        if node.dep_ in _MODIFIES and node.head.pos_ in {"NOUN", "PROPN"}:
            return "size"
        if node.pos_ in {"NOUN", "PROPN", "VERB"} and node.i not in inside and node is not head:
            break
    return None


_COLON_WINDOW = 8
_STORMS = frozenset({"cyclone", "hurricane", "typhoon", "storm", "superstorm"})
"""Storms are named like people ("Cyclone Phailin", "Hurricane Ian"): a topic, no source."""
_TAIL_WINDOW = 5
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})


def _colon_source(doc: Doc, outlet: str | None) -> Attribution:
    """A headline's source beside a colon: "Ukraine's spy chief: 11,000 soldiers ..." or
    "15 soldiers killed in attack: Ministry". The words on the short side must name a
    speaker (an actor span or a person or organisation), never a dateline ("Guwahati:",
    "SHIMLA :", "Jajarkot, Nov 4:") or a topic ("Nepal earthquake:")."""
    colons = [t for t in doc if t.text == ":"]
    if not colons:
        return Attribution()
    first, last = colons[0], colons[-1]
    sides = []
    if 0 < first.i < _COLON_WINDOW:
        sides.append((doc[: first.i], True))
    if len(doc) - last.i - 1 <= _TAIL_WINDOW:
        sides.append((doc[last.i + 1 :], False))
    for side, leading in sides:
        words = [t for t in side if not t.is_punct]
        text = doc.text[words[0].idx : words[-1].idx + len(words[-1].text)] if words else ""
        if not words or not _speaker(words, text, leading):
            continue
        if is_agency(text, outlet):
            return Attribution(carrier=text)
        return Attribution(text)
    return Attribution()


def _speaker(words: list[Token], text: str, leading: bool) -> bool:
    """Do these words (one side of a colon) name someone who can say something? Their
    last word must: a role, body or group noun, the end of an actor span, or a name
    ("Nepal earthquake", "Orrin Bay fire" end in events)."""
    if any(t.pos_ in {"VERB", "AUX", "NUM"} for t in words):
        return False
    if any(t.ent_type_ in {"DATE", "TIME", "CARDINAL"} for t in words):
        return False
    if leading and len(words) == 1 and words[0].is_upper:
        return False  # "SHIMLA :": a dateline in capitals
    head = words[-1]
    if names_a_speaker(head.text):
        return True
    if leading:  # a headline's topic reads like a name ("Kaverikund Floods:"): a person only
        storm = any(t.lower_ in _STORMS for t in words)  # "Cyclone Phailin:" is no person
        return head.pos_ == "PROPN" and head.ent_type_ == "PERSON" and not storm
    named = head.pos_ == "PROPN" and head.ent_type_ in _SPEAKER_ENTITIES
    return named or any(a.end == len(text) for a in find_actors(text))


def _root_attribution(
    doc: Doc, outlet: str | None, before: Attribution | None = None
) -> Attribution:
    colon = _colon_source(doc, outlet)
    if colon.asserter is not None:
        return colon
    roots = [t for t in doc if t.dep_ == "ROOT"]
    for root in roots:
        found = attribute([root], doc, before, outlet)
        if found.asserter is not None or found.carrier is not None:
            return found
        # "12 died, police said": the reporting verb hangs from the root
        for child in root.children:
            # not a subordinate clause's speaker: "..., while Katihar has reported no
            # casualties yet" says nothing of the main clause's figures
            subordinate = any(c.dep_ == "mark" for c in child.children)
            if child.dep_ in {"parataxis", "ccomp", "advcl"} and not subordinate:
                found = attribute([child], doc, before, outlet)
                if found.asserter is not None:
                    return found
    return Attribution()
