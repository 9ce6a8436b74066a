"""Figures over time: the latest first, each asserter's revisions, from claims only."""

from __future__ import annotations

from assistant.answers.models import FigureRow
from assistant.answers.timeline import asks_timeline, timeline_sentences


def row(doc: str, date: str | None, value: float, citation: int, asserter: str | None = None):
    return FigureRow(
        doc_id=doc, outlet=f"Outlet {doc}", value=value, surface=f"{value:g}",
        counted="people died", kind="deaths", asserter=asserter, date=date, citation=citation,
    )  # fmt: skip


def test_timeline_questions_are_recognised() -> None:
    assert asks_timeline("How did the death toll change?")
    assert asks_timeline("What is the latest figure for the injured?")
    assert asks_timeline("How has the number of missing people evolved over time?")
    assert not asks_timeline("How many people died, per source?")


def test_the_latest_first_then_each_asserters_revisions() -> None:
    rows = [
        row("a", "2031-03-02", 11, 1, "the coast guard"),
        row("b", "2031-03-03", 19, 2, "the coast guard"),
        row("c", "2031-03-05", 27, 3, "the coast guard"),
        row("c", "2031-03-05", 40, 4, "the opposition"),
        row("d", None, 25, 5),
    ]
    texts = [s.text for s in timeline_sentences(rows)]
    assert texts[0] == (
        "The latest figures: 27 dead, according to the coast guard (Outlet c, 5 Mar 2031) [3]; "
        "40 dead, according to the opposition (Outlet c, 5 Mar 2031) [4]."
    )
    assert "The coast guard's figure went from 11 [1] to 19 [2] to 27 [3]." in texts
    # the undated figure is listed last, never taken for the latest
    assert texts[-1].startswith("Latest first: 27 dead")
    assert texts[-1].rstrip(".").endswith("25 dead (Outlet d, undated) [5]")
