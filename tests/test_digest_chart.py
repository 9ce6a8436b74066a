"""The HTML digest's figures over time: each series an inline SVG chart, opened in headless
Chromium, with one point per dated figure, date labels, value-and-citation labels, a
title and description, and a table of the same numbers beside it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assistant.answers.models import FigureSeries, TimelinePoint
from assistant.answers.phrasing import day_label
from assistant.claims.store import ClaimStore
from assistant.settings import Settings
from assistant.store import open_store
from assistant.summaries.chart import series_svg
from assistant.summaries.digest import build_digest
from assistant.summaries.html import page
from assistant.summaries.models import Digest

from .browser import rendered_dom
from .timeline_corpus import seed_timeline


@dataclass
class Chart:
    """What one `figure.series` of the page holds, as the browser parsed it."""

    attrs: dict[str, str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # id -> text (title, desc)
    points: list[str] = field(default_factory=list)  # each circle's data-citation
    point_titles: list[str] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)  # class -> texts
    links: list[str] = field(default_factory=list)  # the chart's links to quotes
    rows: list[list[str]] = field(default_factory=list)  # the table beside it


class _Charts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.charts: list[Chart] = []
        self.page_ids: set[str] = set()
        self._inside = False  # in a series figure: every tag belongs to its chart
        self._open: list[tuple[str, str]] = []  # (tag, what its text is for)
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.page_ids.add(a["id"])
        if tag == "figure" and a.get("class") == "series":
            self.charts.append(Chart())
            self._inside = True
        if not self._inside:
            return
        chart = self.charts[-1]
        if tag == "svg":
            chart.attrs = a
        elif tag == "circle" and a.get("class") == "point":
            chart.points.append(a["data-citation"])
            self._open.append((tag, "point-title"))
        elif tag in ("title", "desc") and self._open[-1:] == [("circle", "point-title")]:
            self._begin(tag, "point-title")
        elif tag in ("title", "desc") and "id" in a:
            self._begin(tag, f"id:{a['id']}")
        elif tag == "text" and "class" in a:
            self._begin(tag, f"class:{a['class']}")
        elif tag == "a" and a.get("class") != "cite":  # the chart's own, not the table's
            chart.links.append(a["href"])
        elif tag == "tr":
            chart.rows.append([])
        elif tag == "td":
            self._begin(tag, "cell")

    def _begin(self, tag: str, what: str) -> None:
        self._open.append((tag, what))
        self._text = ""

    def handle_data(self, data: str) -> None:
        self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._inside = False
        if not self._open or self._open[-1][0] != tag:
            return
        _, what = self._open.pop()
        chart, text = self.charts[-1], " ".join(self._text.split())
        if what == "point-title" and tag != "circle":
            chart.point_titles.append(text)
        elif what.startswith("id:"):
            chart.ids[what[3:]] = text
        elif what.startswith("class:"):
            chart.texts.setdefault(what[6:], []).append(text)
        elif what == "cell":
            chart.rows[-1].append(text)


@pytest.fixture
def digest(fake_settings: Settings, tmp_path: Path) -> Iterator[Digest]:
    store = open_store(fake_settings)
    try:
        ids = list(seed_timeline(store, tmp_path / "corpus").values())
        docs = [d for d in (store.docs.get(i) for i in ids) if d is not None]
        yield build_digest(store, docs, ClaimStore(store).claims(ids), [])
    finally:
        store.close()


def test_each_changed_figure_is_a_chart_in_headless_chromium(
    digest: Digest, tmp_path: Path
) -> None:
    path = tmp_path / "summaries.html"
    path.write_text(page([], digest), encoding="utf-8")
    charts = _Charts()
    charts.feed(rendered_dom(path))
    assert len(charts.charts) == len(digest.series) == 2
    for chart, series in zip(charts.charts, digest.series, strict=True):
        dated = [p for p in series.points if p.date]
        # one point per dated figure, each its own citation
        assert sorted(chart.points) == sorted(str(p.citation) for p in dated)
        # labelled with the value as written and the citation number, which links to
        # the quote on the page
        assert sorted(chart.texts["point-label"]) == sorted(
            f"{p.text} [{p.citation}]" for p in dated
        )
        assert sorted(chart.links) == sorted(f"#k-{p.citation}" for p in dated)
        assert all(link[1:] in charts.page_ids for link in chart.links)
        # dates along the x axis, values up the y axis from zero
        assert chart.texts["x-label"] == [
            day_label(d) for d in sorted({p.date or "" for p in dated})
        ]
        ys = [float(v.replace(",", "")) for v in chart.texts["y-label"]]
        assert ys[0] == 0
        assert ys[-1] >= max(p.value for p in dated)
        # accessible: a role, a title and a description that are the chart's own
        assert chart.attrs["role"] == "img"
        labelled = chart.attrs["aria-labelledby"].split()
        assert chart.ids[labelled[0]] == f"{series.about} over time"
        description = chart.ids[labelled[1]]
        assert all(f"{p.text} on {day_label(p.date or '')} [{p.citation}]" in description
                   for p in dated)  # fmt: skip
        assert len(chart.point_titles) == len(dated)
        # the same numbers in the table beside it, latest first
        assert [r[1] for r in chart.rows if r] == [p.text for p in series.points]
        assert [r[4] for r in chart.rows if r] == [f"[{p.citation}]" for p in series.points]
    deaths = charts.charts[0]
    assert deaths.texts["x-label"] == ["10 Jul 2031", "11 Jul 2031", "12 Jul 2031"]
    assert sorted(t.split(" [")[0] for t in deaths.texts["point-label"]) == [
        "14", "21", "23", "at least 9",
    ]  # fmt: skip
    assert deaths.texts["legend"] == ["district disaster office", "Mara Venn"]
    assert (next(r for r in deaths.rows if r and r[1] == "21")[:4]) == [
        "12 Jul 2031",
        "21",
        "district disaster office",
        "Northern Ledger",
    ]


def test_higher_figures_are_drawn_higher_and_later_ones_further_right() -> None:
    points = [
        TimelinePoint(asserter="a", outlet="O", date=date, value=value, text=f"{value:g}",
                      citation=n)
        for n, (date, value) in enumerate(
            [("2031-07-12", 21), ("2031-07-11", 14), ("2031-07-10", 9)], start=1
        )
    ]  # fmt: skip
    svg = series_svg(FigureSeries(about="deaths", points=points), "c")
    circles = re.findall(r'<circle class="point" cx="([\d.]+)" cy="([\d.]+)"[^>]*'
                         r'data-citation="(\d+)"', svg)  # fmt: skip
    xy = {int(n): (float(x), float(y)) for x, y, n in circles}
    assert len(xy) == 3
    assert xy[3][0] < xy[2][0] < xy[1][0]  # oldest left
    assert xy[3][1] > xy[2][1] > xy[1][1]  # SVG y grows downwards: 21 is highest
    # text from articles is escaped
    odd = points[0].model_copy(update={"asserter": "<b>Tom & Jerry</b>"})
    assert "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;" in series_svg(
        FigureSeries(about="deaths", points=[odd, *points[1:]]), "c"
    )


def test_a_series_of_zeros_still_has_an_axis() -> None:
    points = [
        TimelinePoint(outlet="O", date=d, value=0, text="0", citation=n)
        for n, d in enumerate(["2031-07-10", "2031-07-11"], start=1)
    ]
    svg = series_svg(FigureSeries(about="deaths", points=points), "z")
    assert svg.count('class="point"') == 2
    assert ">0</text>" in svg
