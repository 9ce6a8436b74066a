"""A timeline answer in the chat app, driven through Pilot over the invented landslide
corpus: its table of figures latest first with revisions marked, and its chart of each
asserter's series (no model call: the fake server is set up and must not be asked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Markdown, Static

from assistant.cli.timeline_view import BAR, bar
from assistant.settings import Settings
from assistant.store import open_store
from assistant.tui import make_app
from assistant.tui.timeline import TimelineView

from .fake_openai import FakeOpenAI
from .test_tui import ask, drive
from .timeline_corpus import OFFICE, QUESTION, seed_timeline


@pytest.fixture
def landslide(fake_settings: Settings, tmp_path: Path) -> dict[str, str]:
    store = open_store(fake_settings)
    try:
        return seed_timeline(store, tmp_path / "corpus")
    finally:
        store.close()


def test_timeline_answer_shows_table_and_chart(
    landslide: dict[str, str], fake_settings: Settings, fake_openai: FakeOpenAI
) -> None:
    app = make_app(fake_settings)

    async def script(pilot: Pilot[None]) -> None:
        card = await ask(pilot, QUESTION)
        assert card.answer is not None
        view = card.query_one(TimelineView)
        assert view.display
        assert not card.query_one(".figures", Static).display  # the timeline's table instead
        columns = {c.header: [str(cell) for cell in c.cells] for c in view.table.columns}
        assert list(columns) == ["when", "figure", "asserter", "outlet", "cite", "revised"]
        rows = list(zip(*columns.values(), strict=True))
        by_n = {n: c for c in card.answer.citations for n in [c.n]}
        cite = {r[1]: r[4] for r in rows}
        assert rows == [
            ("12 Jul 2031", "21", OFFICE, "Northern Ledger", cite["21"],
             f"↑ 14 {cite['14']}"),
            ("12 Jul 2031", "23", "Mara Venn", "Northern Ledger", cite["23"], ""),
            ("11 Jul 2031\nas of 6 am on Friday", "14", OFFICE, "Ridge Gazette", cite["14"],
             f"↑ at least 9 {cite['at least 9']}"),
            ("10 Jul 2031\nby Thursday evening", "at least 9", OFFICE, "Hill Courier",
             cite["at least 9"], ""),
            ("undated", "12", "residents", "“Notes from Tessaly”", cite["12"], ""),
        ]  # fmt: skip
        for figure, mark in cite.items():  # every row cites the quote that states it
            assert figure.split()[-1] in by_n[int(mark.strip("[]"))].quote
        # the table is what the screen shows
        shown = view.query_one(".timeline-table", Static)
        assert shown.display
        assert shown.region.height >= len(rows) + 2
        # the chart: each asserter's series oldest first, one bar a dated report
        chart = view.query_one(".timeline-chart", Static)
        assert chart.region.height > 0
        lines = str(chart.render()).splitlines()
        at = lines.index(OFFICE)
        office = lines[at + 1 : at + 4]
        assert [line.split()[:3] for line in office] == [
            ["10", "Jul", "2031"], ["11", "Jul", "2031"], ["12", "Jul", "2031"],
        ]  # fmt: skip
        assert office[0].rstrip().endswith(f"at least 9 {cite['at least 9']}")
        assert office[2].rstrip().endswith(f"21 {cite['21']} ↑")
        lengths = [len(line.split("  ")[2].strip()) for line in office]
        assert lengths == sorted(lengths)  # 9 < 14 < 21: longer bars
        assert any(line.strip().startswith("12 Jul 2031") and line.rstrip().endswith(
            f"23 {cite['23']}") for line in lines[lines.index("Mara Venn") :])  # fmt: skip
        assert lines[-1] == "1 undated figure not charted"
        # the prose keeps the latest figure and the revisions, not the listing the table is
        body = card.query_one(Markdown).source
        assert body.startswith("The latest figures:")
        assert "Latest first" not in body

    drive(app, script)
    assert fake_openai.requests == []


def test_bars_scale_to_the_largest_figure() -> None:
    assert bar(23, 23) == "█" * BAR
    assert bar(0, 23) == ""
    assert bar(1, 10_000) == "▏"  # never invisible
    assert bar(9, 23) == "█" * 6 + "▎"  # 16 cells x 9/23 = 6 2/8
