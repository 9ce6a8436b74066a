"""Figure sentences a journalist would write, built from a claim's parts, never from the
leftover words of its quote.

One sentence per source document: the outlet and the article's date, then its figures,
grouped by who asserted them, each group cited: "Asia Meridian (5 Aug 2032): 27 dead and
about 240,000 displaced, according to the state's disaster management agency [2]." A
figure is its hedge and value, then what it counts: the kind's word when the figure has
one of the people-kinds ("dead", "injured", "missing", ...), else the counted words
("312 relief camps", "Rs 1,200 crore central assistance"), then the place its sentence
states it for ("in Morelos state") and its own time reference.
An unattributed figure (a headline) repeating an attributed one of the same document is
left out. Every sentence starts with an outlet's name and ends with a citation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from ..claims.numbers import find_numbers
from ..store import Document
from ..text import regions
from ..text.words import negation
from .cite import marks, outlet_name
from .models import Conflict, FigureRow, Sentence

KIND_WORDS = {
    "deaths": "dead",
    "injured": "injured",
    "missing": "missing",
    "displaced": "displaced",
    "evacuated": "evacuated",
    "arrested": "arrested",
    "rescued": "rescued",
    "affected": "affected",
    "casualties": "casualties",
}
"""How a figure of each people-kind reads after its number ("at least 11 dead")."""


def value_text(row: FigureRow) -> str:
    """The figure's hedge and value as written, a spelled number in lower case inside a
    sentence ("Ninety nine" -> "ninety nine")."""
    surface = row.surface
    if surface[:1].isupper() and find_numbers(surface.split()[0].split("-")[0]):
        surface = surface[0].lower() + surface[1:]
    return f"{row.hedge} {surface}" if row.hedge else surface


def figure_phrase(row: FigureRow, *, counted: bool = True) -> str:
    """ "at least 11 dead", "312 relief camps", "28 dead in Bihar (on Friday)"; without
    what is counted ("71 in Morelos") when the phrase before said it."""
    thing = _thing(row) if counted else ""
    if thing and thing.lower() in row.surface.lower():
        thing = ""  # "1 Lakh" already says it
    phrase = f"{value_text(row)} {thing}".strip()
    if row.place and row.place.lower() not in phrase.lower():
        phrase += f" in {row.place}"
    return f"{phrase} ({row.when})" if row.when else phrase


def source_sentences(rows: Sequence[FigureRow]) -> list[Sentence]:
    """One sentence per document, in the rows' order (see the module doc)."""
    by_doc: dict[str, list[FigureRow]] = {}
    for row in rows:
        by_doc.setdefault(row.doc_id, []).append(row)
    sentences: list[Sentence] = []
    for own in by_doc.values():
        kept = without_repeats(own)
        groups: dict[tuple[str | None, str | None], list[FigureRow]] = {}
        for row in kept:
            groups.setdefault((row.asserter, row.carrier), []).append(row)
        parts = [_group_text(asserter, carrier, members)
                 for (asserter, carrier), members in groups.items()]  # fmt: skip
        head = source_label(own[0]) + (f" ({day_label(own[0].date)})" if own[0].date else "")
        sentences.append(
            Sentence(
                text=f"{head}: {'; '.join(parts)}.",
                citations=sorted({r.citation for r in kept}),
            )
        )
    return sentences


def whole_toll(rows: Sequence[FigureRow]) -> list[FigureRow]:
    """The rows of a series or a range for a question naming no place: a figure its
    sentence states for a place ("94 in Mexico City, 71 in Morelos state") is part of the
    toll, not a point or an end of its range, when other figures are stated for no place.
    A figure stated for a country is the whole toll too when no figure names another
    country ("324 died across Mexico" beside "120 dead" and "30 in Mexico City"); in a
    story of several countries each one's figure is a part."""
    countries = {r.place: c for r in rows if r.place and (c := _country(r.place))}
    one_country = len(set(countries.values())) == 1
    whole = [r for r in rows if r.place is None or (one_country and r.place in countries)]
    return whole if any(r.place is None for r in whole) else list(rows)


def _country(place: str) -> str | None:
    """The code of the country `place` names (not one of its subdivisions), or None."""
    region = regions.lookup(place)
    return region.code if region is not None and region.parent is None else None


def range_sentence(rows: Sequence[FigureRow]) -> Sentence | None:
    """ "The figures range from 11 [6] to 40 [5].", when the sources differ."""
    low = min(rows, key=lambda r: r.low if r.low is not None else r.value)
    high = max(rows, key=lambda r: r.high if r.high is not None else r.value)
    if len(rows) < 2 or low.citation == high.citation or low.value == high.value:
        return None
    return Sentence(
        text=f"The figures range from {value_text(low)} [{low.citation}] to "
        f"{value_text(high)} [{high.citation}].",
        citations=sorted({low.citation, high.citation}),
    )


def _thing(row: FigureRow) -> str:
    return KIND_WORDS.get(row.kind or "") or row.counted.strip()


def _group_text(asserter: str | None, carrier: str | None, rows: list[FigureRow]) -> str:
    """ "324 dead in Mexico, 186 in Mexico City and 73 in Morelos, according to ... [1][2]":
    the whole toll first (a figure stated for no place or a country), each thing counted
    said once in a row."""
    rows = sorted(rows, key=lambda r: r.place is not None and _country(r.place) is None)
    phrases = [
        figure_phrase(r, counted=at == 0 or _thing(r) != _thing(rows[at - 1]))
        for at, r in enumerate(rows)
    ]
    listed = phrases[0] if len(phrases) == 1 else f"{', '.join(phrases[:-1])} and {phrases[-1]}"
    cites = marks(sorted({r.citation for r in rows}))
    if asserter and carrier:
        return f"{listed}, according to {asserter} (via {carrier}) {cites}"
    if asserter:
        return f"{listed}, according to {asserter} {cites}"
    if carrier:
        return f"{listed} (via {carrier}) {cites}"
    return f"{listed} {cites}"


def without_repeats(rows: list[FigureRow]) -> list[FigureRow]:
    """Leave out an unattributed figure (a headline's) that an attributed one of the same
    document repeats, one that another of the same asserter says more of ("29 buildings"
    beside "29 buildings collapsed in Mexico City"), and exact repeats."""
    kept: list[FigureRow] = []
    seen: set[tuple[float, str | None, str | None, str | None]] = set()
    for row in rows:
        twin = any(
            o.asserter
            and o.value == row.value
            and (o.kind or o.counted) == (row.kind or row.counted)
            for o in rows
        )
        if (not row.asserter and twin) or any(_says_more(o, row) for o in rows):
            continue
        key = (row.value, row.kind or row.counted, row.asserter, row.place)
        if key in seen:
            continue
        seen.add(key)
        kept.append(row)
    return kept or rows[:1]


def _says_more(other: FigureRow, row: FigureRow) -> bool:
    """`other` gives `row`'s figure with more: the same value and asserter, every word of
    its counted phrase and more, and its place when it has one."""
    if other is row or other.value != row.value or other.asserter != row.asserter:
        return False
    if row.place is not None and other.place != row.place:
        return False
    mine, theirs = _words(row.counted), _words(other.counted)
    more_place = other.place is not None and row.place is None
    return mine <= theirs and (mine < theirs or more_place)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


_TITLE_WORDS = 7


def source_label(row: FigureRow) -> str:
    """The outlet; a source without one by its title, quoted and cut short."""
    return quoted_title(row.outlet) if row.outlet_is_title else row.outlet


def doc_label(doc: Document) -> str:
    """A document's outlet; one without by its title, quoted and cut short (what
    `source_label` is for a figure row)."""
    return doc.outlet or quoted_title(outlet_name(doc))


def quoted_title(title: str) -> str:
    """A title standing in for an outlet, quoted and cut short."""
    words = title.split()
    short = " ".join(words[:_TITLE_WORDS]).rstrip(":;,")
    return f"“{short}{'…' if len(words) > _TITLE_WORDS else ''}”"


def day_label(date: str) -> str:
    """ "2032-08-05" -> "5 Aug 2032"; anything else as given."""
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return date
    return f"{day.day} {day.strftime('%b')} {day.year}"


_REASONS = {
    "update": "later reports revised the figure",
    "asserter": "different people and bodies give different figures",
    "contradiction": "one source is reported with different figures",
    "scope": "they do not all count the same thing",
}


_UNATTRIBUTED = "sources that name no asserter give different figures"


def _attributed(conflicts: Sequence[Conflict]) -> bool:
    """Whether a contradiction among `conflicts` is one asserter's (not only the outlets')."""
    return any(c.kind == "contradiction" and not c.unattributed for c in conflicts)


def agreement_sentence(rows: Sequence[FigureRow], conflicts: Sequence[Conflict]) -> Sentence:
    """The answer to "do the sources agree ...?" first: "No: ..." with the reasons the
    conflicts give, or "Yes: ..." when every source gives the same figure."""
    cites = sorted({r.citation for r in rows})
    values = {r.value for r in rows}
    if len(values) == 1 and not [c for c in conflicts if c.kind != "spelling"]:
        sources = len({r.doc_id for r in rows})
        return Sentence(
            text=f"Yes: {'all ' + str(sources) + ' sources' if sources > 1 else 'the source'} "
            f"give {value_text(rows[0])} {marks(cites)}.",
            citations=cites,
        )
    reasons = [
        _UNATTRIBUTED if k == "contradiction" and not _attributed(conflicts) else _REASONS[k]
        for k in _REASONS if any(c.kind == k for c in conflicts)
    ]  # fmt: skip
    spread = range_sentence(rows)
    differ = spread.text.removeprefix("The figures range").rstrip(".") if spread else ""
    listed = reasons[0] if len(reasons) == 1 else f"{', '.join(reasons[:-1])} and {reasons[-1]}"
    because = f"; {listed}" if reasons else ""
    text = f"No: the figures differ{',' if differ else ''}{differ}{because}."
    return Sentence(text=text, citations=spread.citations if spread else cites[:1])


_CONTRARY = negation("without", "rejected", "rejects", "blamed", "blames", "mishandled", "failed")
"""Words that take a side against something ("no warning", "rejected charges", "blamed
the government"): two accounts of a point, one with such a word and one without, are
taken to differ."""


def opposed_accounts(
    sentences: Sequence[Sentence], doc_of: Callable[[int], str], about: str
) -> Conflict | None:
    """Two verified sentences of different sources, one taking a side against and one not
    (`_CONTRARY`), as a contradiction; None when the accounts do not show that."""
    verified = [s for s in sentences if s.verified and s.citations]
    against = [s for s in verified if _CONTRARY.search(s.text)]
    other = [s for s in verified if not _CONTRARY.search(s.text)]
    for a in against:
        for b in other:
            if {doc_of(n) for n in a.citations}.isdisjoint(doc_of(n) for n in b.citations):
                return Conflict(
                    kind="contradiction", about=about,
                    summary=f"{a.text.rstrip('.')} {marks(a.citations)}; "
                    f"{b.text.rstrip('.')} {marks(b.citations)}",
                    citations=sorted({*a.citations, *b.citations}),
                )  # fmt: skip
    return None


def disagreement_sentence(
    dates: Sequence[Conflict], accounts: Sequence[Conflict], names: Sequence[Conflict]
) -> Sentence | None:
    """A composed agreement answer's first sentence, from the conflicts code found: "No:
    the sources give different dates for it." (or "accounts of it"), or, when they differ
    only in how they spell a name, "No, not in every detail: they spell “X” and “Y”
    differently." None when code found none (what the sources say is then the answer)."""
    for found, what in ((dates, "dates for it"), (accounts, "accounts of it")):
        if found:
            cites = sorted({n for c in found for n in c.citations})
            return Sentence(text=f"No: the sources give different {what}.", citations=cites)
    if names:
        first = names[0]
        spelt = re.findall(r'"([^"]+)"', first.summary)[:2]
        shown = " and ".join(f"“{s}”" for s in spelt) or f"“{first.about}”"
        return Sentence(text=f"No, not in every detail: they spell {shown} differently.",
                        citations=first.citations)  # fmt: skip
    return None
