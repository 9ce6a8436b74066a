"""Tables that stay readable in an 80-column terminal: short columns in a row, and what is
long (a quote, a title) on a wrapped line of its own under the row.

A rich Table gives every column a share of the width, so at 80 columns a quote ends up in a
15-character column, one word a line, and outlet names get cut. Here the short columns
keep their full width (outlet names are never cut), one column may take what the others
leave and wrap, and a row's detail runs the whole width under it, indented.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

GAP = 2  # spaces between columns
DETAIL_INDENT = 2
ID_WIDTH = 20  # document ids longer than this are shown cut in the middle, with "…"
ID_TAIL = 6  # characters of a cut id's end kept
FLEX_MIN = 16  # the wrapping column is given at least this much where it can be
FLEX_FLOOR = 8  # and never less than this
SHRINK_MIN = 10  # other columns give up width down to this


@dataclass(frozen=True)
class Col:
    """A column: at most `max` wide (longer cells wrap), or the one that takes the rest."""

    name: str
    max: int | None = None
    flex: bool = False
    justify: Literal["left", "right"] = "left"


Cell = str | Text


@dataclass(frozen=True)
class Row:
    cells: Sequence[Cell]
    detail: Text | None = None


def short_id(doc_id: str, width: int = ID_WIDTH) -> str:
    """`doc_id` cut in the middle to `width` characters, its end kept (where "-2" or "-v2"
    tells versions apart): "ukraine-s-spy…ldiers". Commands accept the cut form."""
    if len(doc_id) <= width:
        return doc_id
    tail = min(ID_TAIL, width // 3)
    return f"{doc_id[: width - 1 - tail]}…{doc_id[-tail:]}"


def short_ids(doc_ids: Iterable[str], width: int = ID_WIDTH) -> dict[str, str]:
    """Each id as shown: cut, unless the cut form would stand for two of them."""
    ids = list(dict.fromkeys(doc_ids))
    cut = {i: short_id(i, width) for i in ids}
    taken = Counter(cut.values())
    return {i: c if taken[c] == 1 else i for i, c in cut.items()}


def rows_table(title: str, cols: Sequence[Col], rows: Sequence[Row], width: int) -> Group:
    """The rows under a header line, each row's detail wrapped beneath it."""
    widths = _widths(cols, rows, width)
    parts: list[RenderableType] = [Text(title, style="bold")]
    header = [Text(c.name, style="bold") for c in cols]
    rule = "─" * min(width, sum(widths) + GAP * (len(cols) - 1))
    parts += [_line(cols, widths, header), Text(rule, style="dim")]
    for n, row in enumerate(rows):
        if n and any(r.detail is not None for r in rows):
            parts.append(Text(""))
        parts.append(_line(cols, widths, row.cells))
        if row.detail is not None:
            parts.append(Padding(row.detail, (0, 0, 0, DETAIL_INDENT), expand=False))
    return Group(*parts)


def _widths(cols: Sequence[Col], rows: Sequence[Row], width: int) -> list[int]:
    """Natural widths, capped; the flex column gets the rest, wanting at least FLEX_MIN.

    Where the row is too wide, columns give up width in this order: capped ones (widest
    first, down to SHRINK_MIN), then the flex column (down to FLEX_FLOOR), then the others
    (an outlet name longer than the rest leaves), so short columns are cut last.
    """
    natural = [max([len(c.name), *(_len(r.cells[i]) for r in rows)]) for i, c in enumerate(cols)]
    widths = [min(n, c.max) if c.max else n for n, c in zip(natural, cols, strict=True)]
    flex = next((i for i, c in enumerate(cols) if c.flex), None)
    if flex is not None:
        widths[flex] = max(len(cols[flex].name), min(natural[flex], FLEX_MIN))
    gaps = GAP * (len(cols) - 1)
    stages = [
        ([j for j, c in enumerate(cols) if c.max and not c.flex], SHRINK_MIN),
        ([flex] if flex is not None else [], FLEX_FLOOR),
        ([j for j, c in enumerate(cols) if not c.max and not c.flex], SHRINK_MIN),
    ]
    # first no column is cut below its longest word ("authorities" is not broken in
    # two), then, where the row still does not fit, down to the floors
    words = [max([_word(c.name), *(_word(r.cells[i]) for r in rows)]) for i, c in enumerate(cols)]
    for whole_words in (True, False):
        for candidates, floor in stages:
            least = [max(floor, w) if whole_words else floor for w in words]
            while sum(widths) + gaps > width:
                able = [j for j in candidates if widths[j] > least[j]]
                if not able:
                    break
                widths[max(able, key=widths.__getitem__)] -= 1
    if flex is not None:  # what is left over goes to the flex column, up to its natural width
        spare = width - sum(widths) - gaps
        widths[flex] = max(widths[flex], min(natural[flex], widths[flex] + spare))
    return widths


def _len(cell: Cell) -> int:
    text = cell.plain if isinstance(cell, Text) else cell
    return max((len(line) for line in text.split("\n")), default=0)


def _word(cell: Cell) -> int:
    text = cell.plain if isinstance(cell, Text) else cell
    return max((len(word) for word in text.split()), default=0)


def _line(cols: Sequence[Col], widths: Sequence[int], cells: Sequence[Cell]) -> Table:
    grid = Table.grid(padding=(0, GAP, 0, 0), pad_edge=False)
    for c, w in zip(cols, widths, strict=True):
        grid.add_column(width=w, justify=c.justify, overflow="fold")
    grid.add_row(*(Text(c) if isinstance(c, str) else c for c in cells))
    return grid
