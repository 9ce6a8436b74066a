"""Figure statements judged by code on stored claims: value within hedges, kind, asserter,
date. No model call.

A figure is an interval: "12,000" is exactly that (to rounding), "at least 3,000" and
"more than 2,000" are open above, "up to 12,000" and "as many as" open below, "about" and
"nearly" within a tenth. A claim supports a statement when its interval lies inside the
statement's ("at least 3,000" supports "more than 2,000"; "up to 12,000" does not support
"12,000"), contradicts it when the two do not meet, and otherwise leaves it open. Claims of
the statement's kind (deaths, injured, ...) or counting its noun are compared; when some
support and others contradict, figures of other dates are later or earlier reports (the
statement is supported and the change is said), figures of the same date are a dispute.
A supported figure credited by the statement to someone no supporting source names is
misattributed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import nlp
from ..answers.cite import outlet_name
from ..answers.figures import Selected, select_figures
from ..answers.phrasing import doc_label
from ..claims.actors import canonical_key
from ..claims.models import Quantity
from ..claims.numbers import (
    QUANTITY_KINDS,
    UNIT_DIMENSIONS,
    NumberMention,
    find_numbers,
    find_time_refs,
)
from ..claims.reading import read_sentence
from ..claims.reading.kinds import FAMILIES
from ..store import Store
from .models import Evidence, FigureCheck, Verdict
from .sentences import time_clash
from .statements import REPORTING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _phrases(listed: str) -> frozenset[str]:
    return frozenset(p.strip() for p in listed.split(","))


_ABOVE = _phrases(
    "at least, more than, over, above, upwards of, in excess of, no fewer than, no less than, "
    "not less than, a minimum of, well over, just over, plus, or more, exceeding, exceeds, "
    "exceeded, could exceed, may exceed"
)
_BELOW = _phrases(
    "up to, as many as, as much as, at most, no more than, not more than, fewer than, "
    "less than, under, below, just under, a maximum of, not exceeding, could reach, "
    "may reach, might reach, would reach, as few as, as little as, or fewer, or less"
)
_ABOUT = 0.1
_PRECEDENCE: tuple[Verdict, ...] = (
    "misattributed", "contradicted", "disputed", "supported", "not in sources",
)  # fmt: skip
_SHOWN = 5
_EXACT = 0.005


def interval(value: float, hedge: str | None, low: float | None = None,
             high: float | None = None) -> tuple[float, float]:  # fmt: skip
    """The values a figure allows, given its hedge (see the module doc)."""
    if low is not None and high is not None:
        return low, high
    if hedge in _ABOVE:
        return value, math.inf
    if hedge in _BELOW:
        return 0.0, value
    if hedge:
        return value * (1 - _ABOUT), value * (1 + _ABOUT)
    return value * (1 - _EXACT), value * (1 + _EXACT)


@dataclass(frozen=True)
class FigureVerdict:
    """The verdict on one statement's figures, why, and the quotes that decided."""

    verdict: Verdict
    reason: str
    evidence: list[Evidence]
    figures: list[FigureCheck]


def read_figures(store: Store, text: str) -> list[FigureCheck]:
    """The statement's figures as the claim reader reads them."""
    mentions = [m for m in find_numbers(text) if m.kind in QUANTITY_KINDS]
    if not mentions:
        return []
    (doc,) = nlp.parse(store.settings.cache, [text])
    reading = read_sentence(text, mentions, doc)
    # who did it ("the state government has sought ...") is credited only in reported speech,
    # as a reporting verb of the parse ("The SSDMA's assessment put the damage at ...") says
    credits = REPORTING.search(text) is not None or reading.statement.asserter is not None
    found = [
        FigureCheck(
            surface=f.mention.surface, value=f.mention.value, hedge=f.mention.hedge,
            unit=f.mention.unit if f.mention.kind != "count" else None,
            counted=f.counted.text, kind=f.counted.kind, noun=_noun(doc, f.counted.span, f.mention),
            asserter=f.attribution.asserter if credits else None,
        )
        for f in reading.figures
    ]  # fmt: skip
    read = {f.mention for f in reading.figures}
    found += [_bare(m) for m in mentions if m not in read and (m, "") not in reading.furniture]
    return found


def _noun(doc: Doc, span: tuple[int, int], number: NumberMention) -> str | None:
    """The first noun of the words that state a figure, past the number, a tally and the
    words compounded with one ("people" of "the number of people missing in the fire",
    "soldiers" of "first North Korean soldiers"; none in "flood death toll")."""
    nouns = [
        t for t in doc
        if span[0] <= t.idx < span[1] and not number.start <= t.idx < number.end
        and t.pos_ == "NOUN" and t.dep_ != "compound" and t.lemma_.lower() not in _TALLIES
    ]  # fmt: skip
    return nouns[0].text if nouns else None


_TALLIES = frozenset({"number", "total", "toll", "count", "tally", "figure"})


def judge_figures(
    store: Store, text: str, figures: Sequence[FigureCheck],
    doc_ids: Sequence[str] | None = None,
) -> FigureVerdict:  # fmt: skip
    """The verdict on a statement from every figure of it that the sources (all, or those
    of `doc_ids`) speak to: one misattributed or contradicted figure makes the statement
    so ("one translator for every 100 soldiers" where the sources give one per 30)."""
    # a bare number ("nearly six times the normal") is judged only when nothing else is
    counted = [f for f in figures if f.counted] or list(figures)
    judged = [j for f in counted if (j := _judge_one(store, text, f, figures, doc_ids))]
    if judged:
        return min(judged, key=lambda j: _PRECEDENCE.index(j.verdict))
    return FigureVerdict(
        "not in sources", "no stored claim counts what the statement counts", [], list(figures)
    )


def _judge_one(
    store: Store, text: str, figure: FigureCheck, figures: Sequence[FigureCheck],
    doc_ids: Sequence[str] | None,
) -> FigureVerdict | None:  # fmt: skip
    head = _head(figure)
    # a family of people (deaths) counts people unless the noun says otherwise ("cattle")
    counting = figure.noun.lower() if figure.kind in FAMILIES and figure.noun else None
    selected = select_figures(store, head, text, (), doc_ids, figure.kind, counting)
    # a sum is compared with sums, a share with shares, a count with counts ("$2,000 a
    # month" per soldier is no count of soldiers)
    selected = [s for s in selected if _measure(s.claim.quantity) == _measure(figure)]
    if not selected:
        return None
    said = f"{figure.hedge + ' ' if figure.hedge else ''}{figure.surface} {figure.counted}".strip()
    credited = figure.asserter
    own = [s for s in selected if credited and _same_person(credited, s)]
    own = own or [s for s in selected if credited and _same_actor(credited, s)]
    pool = own or selected
    if credited and not _compare(figure, own)[0]:
        # said, but by someone else: no claim of the credited party gives it, another does
        every_support, _, _ = _compare(figure, [s for s in selected if s not in own])
        named = next((s for s in every_support if _named(_asserter(s))), None)
        if named is not None:
            return _verdict(
                "misattributed",
                f"the sources give {said} but credit it to {_asserter(named)}, not {credited}",
                every_support[:_SHOWN], figures,
            )  # fmt: skip
        if every_support:  # "officials", "the bulletin": no one else is named as saying it
            pool = selected
    support, against, open_ = _compare(figure, pool)
    if support and against:
        return _mixed(text, said, support, against, figures)
    if support:
        return _supported(text, said, support, figures)
    if against:
        return _verdict("contradicted", f"the sources give {_given(_latest(against))}, not {said}",
                        against[:_SHOWN], figures)  # fmt: skip
    return _verdict(
        "not in sources",
        f"the sources give {_given(open_[0])}, which does not establish {said}",
        open_[:_SHOWN], figures,
    )  # fmt: skip


def _supported(text: str, said: str, support: list[Selected],
               figures: Sequence[FigureCheck]) -> FigureVerdict:  # fmt: skip
    clash = time_clash(text, support[0].claim.quotes[0].text)
    if clash is not None:  # the figure is right, its day is not
        return _verdict("contradicted", clash, support[:_SHOWN], figures)
    return _verdict("supported", f"{_given(support[0])} supports {said}",
                    support[:_SHOWN], figures)  # fmt: skip


def _compare(
    figure: FigureCheck, selected: Sequence[Selected]
) -> tuple[list[Selected], list[Selected], list[Selected]]:
    """The claims that support the figure, that contradict it, and that leave it open."""
    wanted = interval(figure.value, figure.hedge)
    ceiling = figure.hedge in _BELOW  # "up to 12,000": a bound, not a count below it
    support: list[Selected] = []
    against: list[Selected] = []
    open_: list[Selected] = []
    for s in selected:
        q = s.claim.quantity
        assert q is not None  # select_figures keeps figures only
        lo, hi = interval(q.value, q.hedge, q.low, q.high)
        if ceiling:
            # only the same bound states it ("11,000" does not state "up to 12,000")
            if abs(hi - wanted[1]) <= wanted[1] * 2 * _EXACT:
                support.append(s)
            elif lo > wanted[1] * (1 + _EXACT):
                against.append(s)
            else:
                open_.append(s)
        elif wanted[0] <= lo and hi <= wanted[1]:
            support.append(s)
        elif hi < wanted[0] or lo > wanted[1]:
            against.append(s)
        else:
            open_.append(s)
    return support, against, open_


def _mixed(text: str, said: str, support: list[Selected], against: list[Selected],
           figures: Sequence[FigureCheck]) -> FigureVerdict:  # fmt: skip
    """Some sources support, others not. Another asserter's figure in the same report or
    of the same date is a dispute; figures of other reports are earlier or later counts
    (a developing story), and the statement stands, the change said."""
    dated = bool(find_time_refs(text))
    rival = [
        a for a in against
        if any(_same_time(a, s, dated) and _asserter(a) != _asserter(s) for s in support)
    ]  # fmt: skip
    if rival:
        return _verdict(
            "disputed", f"sources disagree: {_given(support[0])} against {_given(rival[0])}",
            [*support[:_SHOWN], *rival[:_SHOWN]], figures,
        )  # fmt: skip
    latest = _latest([*support, *against])
    note = "" if latest in support else f"; a later report gives {_given(latest)}"
    return _verdict("supported", f"{_given(support[0])} supports {said}{note}",
                    [*support[:_SHOWN], *against[:2]], figures)  # fmt: skip


def _head(figure: FigureCheck) -> str:
    """The noun of what a figure counts: the parse's, else the last word of the counted
    words that is no participle ("head" of "head killed"); "people" for nothing."""
    if figure.noun:
        return figure.noun.lower()
    words = figure.counted.lower().split()
    nouns = [w for w in words if not w.endswith(("ed", "en"))]
    return (nouns or words or ["people"])[-1]


def _named(asserter: str | None) -> bool:
    """Does an asserter name someone ("Kyrylo Budanov", "the state revenue department"),
    not only say "officials" or "the bulletin"?"""
    words = (asserter or "").removeprefix("the ").split()
    return len(words) > 1 or any(w[:1].isupper() for w in words)


def _same_time(a: Selected, b: Selected, dated: bool) -> bool:
    """Could two claims be of one moment: one report, one date, or, for a statement that
    gives no time of its own (`dated` False), a report without a date (nothing says the
    other is a later update)?"""
    if a.doc.id == b.doc.id or (a.doc.date and a.doc.date == b.doc.date):
        return True
    return not dated and (not a.doc.date or not b.doc.date)


def _measure(q: Quantity | FigureCheck | None) -> str:
    unit = q.unit if q is not None else None
    if unit is None:
        return "count"
    return "percent" if unit == "%" else ("measure" if unit in UNIT_DIMENSIONS else "money")


def _latest(selected: Sequence[Selected]) -> Selected:
    return max(selected, key=lambda s: s.doc.date or "")


def _verdict(verdict: Verdict, reason: str, selected: Sequence[Selected],
             figures: Sequence[FigureCheck]) -> FigureVerdict:  # fmt: skip
    return FigureVerdict(verdict, reason, [evidence_of(s) for s in selected], list(figures))


def evidence_of(s: Selected) -> Evidence:
    quote = s.claim.quotes[0]
    return Evidence(
        doc_id=s.doc.id, outlet=outlet_name(s.doc), asserter=_asserter(s), date=s.doc.date,
        start=quote.start, end=quote.end, quote=quote.text,
        value=s.claim.quantity.value if s.claim.quantity else None,
    )  # fmt: skip


def _asserter(s: Selected) -> str | None:
    return s.claim.asserter_canonical or s.claim.asserter


def _given(s: Selected) -> str:
    q = s.claim.quantity
    assert q is not None
    value = f"{q.hedge + ' ' if q.hedge else ''}{q.surface}"
    who = _asserter(s)
    return f"{doc_label(s.doc)}'s {value}" + (f" ({who})" if who else "")


def _same_person(credited: str, s: Selected) -> bool:
    """Do the statement's asserter and the claim's name one person ("Opposition leader
    Rukmini Shelar" and "Leader of the Opposition Rukmini Shelar"), whatever their titles?"""
    names = [n for n in (s.claim.asserter, s.claim.asserter_canonical) if n]
    mine = canonical_key(credited)
    if mine.startswith("person:"):
        person = mine.removeprefix("person:")
        return any(person in n.lower() for n in names)
    theirs = [
        k.removeprefix("person:") for n in names if (k := canonical_key(n)).startswith("person:")
    ]
    return any(t in credited.lower() for t in theirs)


def _same_actor(credited: str, s: Selected) -> bool:
    """Does the statement's asserter name the claim's (either contains the other, in one
    spelling: "defence" and "defense", "’" and "'")?"""
    names = [_spelling(n) for n in (s.claim.asserter, s.claim.asserter_canonical) if n]
    c = _spelling(credited)
    return any(c in n or n in c for n in names)


def _spelling(name: str) -> str:
    low = name.lower().replace("’", "'").removeprefix("the ")
    return _BRITISH.sub(lambda m: _AMERICAN[m.group(1)], low)


_AMERICAN = {"ence": "ense", "ise": "ize", "isation": "ization", "our": "or", "tre": "ter"}
_BRITISH = re.compile(r"(?<=[a-z]{3})(ence|ise|isation|our|tre)\b")


def _bare(mention: NumberMention) -> FigureCheck:
    return FigureCheck(surface=mention.surface, value=mention.value, hedge=mention.hedge,
                       counted="")  # fmt: skip
