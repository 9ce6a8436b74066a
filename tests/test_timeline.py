"""Figures over time: the latest first, each asserter's revisions, from claims only."""

from __future__ import annotations

from pathlib import Path

from assistant.answers import Answerer
from assistant.answers.models import FigureRow
from assistant.answers.phrasing import whole_toll
from assistant.answers.timeline import (
    asks_timeline,
    figure_series,
    timeline_points,
    timeline_sentences,
)
from assistant.claims.store import ClaimStore
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import open_store
from assistant.summaries.digest import build_digest
from assistant.summaries.models import Digest

from .fake_openai import FakeOpenAI
from .timeline_corpus import LEAGUE, OFFICE, QUESTION, seed_timeline


def row(doc: str, date: str | None, value: float, citation: int, asserter: str | None = None):
    return FigureRow(
        doc_id=doc, outlet=f"Outlet {doc}", value=value, surface=f"{value:g}",
        counted="people died", kind="deaths", asserter=asserter, date=date, citation=citation,
    )  # fmt: skip


def story() -> list[FigureRow]:
    """The coast guard's toll revised twice, the opposition's, and an undated figure."""
    return [
        row("a", "2031-03-02", 11, 1, "the coast guard"),
        row("b", "2031-03-03", 19, 2, "the coast guard"),
        row("c", "2031-03-05", 27, 3, "the coast guard"),
        row("c", "2031-03-05", 40, 4, "the opposition"),
        row("d", None, 25, 5),
    ]


def test_timeline_questions_are_recognised() -> None:
    assert asks_timeline("How did the death toll change?")
    assert asks_timeline("What is the latest figure for the injured?")
    assert asks_timeline("How has the number of missing people evolved over time?")
    assert not asks_timeline("How many people died, per source?")


def test_undated_sources_give_no_latest_figure() -> None:
    undated = [row("d", None, 25, 1), row("e", None, 30, 2, "the mayor")]
    (sentence,) = timeline_sentences(undated)
    assert sentence.text == (
        "No source is dated, so these figures cannot be put in time order: 25 dead "
        "(Outlet d, undated) [1]; 30 dead, according to the mayor (Outlet e, undated) [2]."
    )
    assert sentence.citations == [1, 2]


def test_a_figure_for_a_place_is_no_point_of_the_whole_toll() -> None:
    rows = [*story(), row("c", "2031-03-05", 4, 6).model_copy(update={"place": "Osk"})]
    assert [r.citation for r in whole_toll(rows)] == [1, 2, 3, 4, 5]
    placed = [r.model_copy(update={"place": "Osk"}) for r in story()]
    assert whole_toll(placed) == placed  # every figure is for a place: all of them
    assert "4 dead in Osk (Outlet c, 5 Mar 2031) [6]" in timeline_sentences(rows)[0].text


def test_a_figure_for_the_one_country_named_is_the_whole_toll() -> None:
    """ "324 died across Mexico" is the toll beside "120 dead"; "30 in Mexico City" is part
    of it; with figures for two countries, each country's is a part."""
    national = row("c", "2031-03-05", 324, 6).model_copy(update={"place": "Mexico"})
    city = row("c", "2031-03-05", 30, 7).model_copy(update={"place": "Mexico City"})
    rows = [*story(), national, city]
    assert [r.citation for r in whole_toll(rows)] == [1, 2, 3, 4, 5, 6]
    other = row("d", "2031-03-05", 12, 8).model_copy(update={"place": "Guatemala"})
    assert [r.citation for r in whole_toll([*rows, other])] == [1, 2, 3, 4, 5]


def test_the_latest_first_then_each_asserters_revisions() -> None:
    texts = [s.text for s in timeline_sentences(story())]
    assert texts[0] == (
        "The latest figures: 27 dead, according to the coast guard (Outlet c, 5 Mar 2031) [3]; "
        "40 dead, according to the opposition (Outlet c, 5 Mar 2031) [4]."
    )
    assert "The coast guard's figure went from 11 [1] to 19 [2] to 27 [3]." in texts
    # the earlier figures, latest first, without the latest again; the undated figure is
    # listed last, never taken for the latest
    assert texts[-1].startswith("Before that: 19 dead, according to the coast guard")
    assert "27 dead" not in texts[-1]
    assert texts[-1].rstrip(".").endswith("25 dead (Outlet d, undated) [5]")


def test_points_latest_first_with_revisions_marked() -> None:
    repeated = row("e", "2031-03-06", 27, 6, "the coast guard")  # the same: no revision
    points = timeline_points([*story(), repeated])
    assert [p.citation for p in points] == [6, 3, 4, 2, 1, 5]
    by_n = {p.citation: p for p in points}
    assert (by_n[2].revision, by_n[2].revised_from, by_n[2].revised_from_citation) == (
        "up", "11", 1,
    )  # fmt: skip
    assert (by_n[3].revision, by_n[3].revised_from_citation) == ("up", 2)
    assert by_n[1].revision is None  # the first of its series
    assert by_n[4].revision is None  # the opposition's only figure
    assert by_n[6].revision is None  # the same as the report before it
    assert [p.citation for p in points if p.latest] == [6]
    assert by_n[5].date is None
    assert not by_n[5].latest
    assert by_n[3].outlet == "Outlet c"


def test_a_lower_figure_is_a_revision_down() -> None:
    points = timeline_points(
        [row("a", "2031-03-02", 30, 1, "x"), row("b", "2031-03-03", 24, 2, "x")]
    )
    assert points[0].revision == "down"
    assert points[0].revised_from == "30"


def test_a_series_needs_two_dates_and_two_values() -> None:
    changed = figure_series([row("a", "2031-03-02", 11, 1), row("b", "2031-03-03", 19, 2),
                             row("c", None, 25, 3)], "deaths")  # fmt: skip
    assert changed is not None
    assert [p.citation for p in changed.points] == [2, 1]  # the undated figure is no point
    assert figure_series([row("a", "2031-03-02", 11, 1), row("b", "2031-03-02", 19, 2)],
                         "deaths") is None  # fmt: skip
    assert figure_series([row("a", "2031-03-02", 11, 1), row("b", "2031-03-04", 11, 2)],
                         "deaths") is None  # fmt: skip


def test_a_timeline_answer_carries_its_points_from_claims(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    store = open_store(fake_settings)
    llm = LLM(fake_settings.llm, fake_settings.cache)
    try:
        seed_timeline(store, tmp_path / "corpus")
        answer = Answerer(store, llm).ask(QUESTION)
    finally:
        llm.close()
        store.close()
    assert fake_openai.requests == []  # no model call: rules plan it, claims answer it
    points = [(p.outlet, p.text, p.asserter, p.revised_from) for p in answer.timeline]
    assert points == [
        ("Northern Ledger", "21", OFFICE, "14"),
        ("Northern Ledger", "23", "Mara Venn", None),
        ("Ridge Gazette", "14", OFFICE, "at least 9"),
        ("Hill Courier", "at least 9", OFFICE, None),
        ("“Notes from Tessaly”", "12", "residents", None),
    ]
    assert answer.timeline[2].when == "as of 6 am on Friday"
    quotes = {c.n: c.quote for c in answer.citations}
    assert all(p.text.split()[-1] in quotes[p.citation] for p in answer.timeline)


def timeline_digest(settings: Settings, tmp_path: Path) -> Digest:
    """The digest of the landslide corpus."""
    store = open_store(settings)
    try:
        ids = list(seed_timeline(store, tmp_path / "corpus").values())
        docs = [d for d in (store.docs.get(i) for i in ids) if d is not None]
        return build_digest(store, docs, ClaimStore(store).claims(ids), [])
    finally:
        store.close()


def test_the_digest_has_a_series_per_kind_that_changed(
    fake_settings: Settings, tmp_path: Path
) -> None:
    digest = timeline_digest(fake_settings, tmp_path)
    series = {s.about: s for s in digest.series}
    assert set(series) == {"deaths", "missing"}
    assert sorted(p.value for p in series["deaths"].points) == [9, 14, 21, 23]
    assert [(p.text, p.asserter) for p in series["missing"].points] == [
        ("18", OFFICE), ("about 30", LEAGUE),
    ]  # fmt: skip
    cited = {c.n for c in digest.citations}
    assert all(p.citation in cited for s in digest.series for p in s.points)


def test_the_markdown_digest_lists_each_series_latest_first(
    fake_settings: Settings, tmp_path: Path
) -> None:
    from assistant.summaries.markdown import digest_md

    digest = timeline_digest(fake_settings, tmp_path)
    text = digest_md(digest)
    section = text.split("## Figures over time", 1)[1].split("Key figure quotes:", 1)[0]
    deaths = section.split("**deaths**", 1)[1].split("**missing**", 1)[0]
    rows = [line.split(" | ") for line in deaths.splitlines() if line.startswith("| ")][1:]
    assert [r[1] for r in rows] == ["21", "23", "14", "at least 9"]
    first = next(r for r in rows if r[1] == "14")
    assert first[0] == "| 11 Jul 2031, as of 6 am on Friday"
    assert first[2:5] == [OFFICE, "Ridge Gazette", f"[{deaths_citation(digest, 14)}]"]
    assert "↑ at least 9" in first[5]


def deaths_citation(digest: Digest, value: float) -> int:
    series = next(s for s in digest.series if s.about == "deaths")
    return next(p.citation for p in series.points if p.value == value)
