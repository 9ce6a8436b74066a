"""Conflicts typed from figure rows: figures for two different regions are no update of
one another, even from one generic asserter ("officials") in two stories."""

from __future__ import annotations

from assistant.answers.conflicts import figure_conflicts
from assistant.answers.models import FigureRow


def row(**fields: object) -> FigureRow:
    base: dict[str, object] = {
        "doc_id": "d1", "outlet": "Valley Post", "value": 172.0, "surface": "172",
        "counted": "people died", "kind": "deaths", "asserter": "officials",
        "date": "2031-07-20", "citation": 1,
    }  # fmt: skip
    return FigureRow.model_validate(base | fields)


LATER = {"doc_id": "d2", "outlet": "Coast Herald", "value": 102.0, "surface": "102",
         "date": "2031-07-22", "citation": 2}  # fmt: skip


def test_one_asserters_figures_for_two_regions_are_no_update() -> None:
    rows = [row(region="IN"), row(region="IN-BR", **LATER)]
    assert [c.kind for c in figure_conflicts(rows, "deaths")] == []


def test_figures_of_one_region_or_naming_none_are_compared() -> None:
    for rows in (
        [row(), row(**LATER)],
        [row(), row(region="IN-BR", **LATER)],
        [row(region="IN-BR"), row(region="IN-BR", **LATER)],
    ):
        kinds = [c.kind for c in figure_conflicts(rows, "deaths")]
        assert kinds == ["update"], rows


def test_beside_two_regions_a_figure_naming_none_is_compared_with_neither() -> None:
    """It may be for either region: 76 (no region) is no earlier figure for Bihar's 102."""
    rows = [
        row(region="IN"), row(region="IN-BR", **LATER),
        row(doc_id="d3", value=76.0, surface="76", date="2031-07-19", citation=3),
    ]  # fmt: skip
    assert [c.kind for c in figure_conflicts(rows, "deaths")] == []
    # one region's own figures still show its update
    rows.append(row(region="IN-BR", doc_id="d4", value=120.0, surface="120",
                    date="2031-07-24", citation=4))  # fmt: skip
    updates = [c for c in figure_conflicts(rows, "deaths") if c.kind == "update"]
    assert [c.citations for c in updates] == [[2, 4]]


def test_officials_opening_a_sentence_are_the_officials_of_another() -> None:
    rows = [row(asserter="Officials"), row(**LATER)]
    conflicts = figure_conflicts(rows, "deaths")
    assert [c.kind for c in conflicts] == ["update"]
    assert conflicts[0].summary.startswith("Officials: ")


def test_figures_naming_no_asserter_are_nobody_reported_twice() -> None:
    """Two outlets' own undated figures differ: said as theirs, not as one asserter's."""
    from assistant.answers.phrasing import agreement_sentence
    from assistant.answers.synthesis import why_sentences

    undated = {"asserter": None, "date": None}
    rows = [row(**undated), row(**(LATER | undated))]
    conflicts = figure_conflicts(rows, "deaths")
    assert [(c.kind, c.unattributed) for c in conflicts] == [("contradiction", True)]
    (said,) = why_sentences(conflicts)
    assert said.text == "Sources that name no asserter give different figures: 172 [1]; 102 [2]."
    assert "no named asserter" not in agreement_sentence(rows, conflicts).text
    assert "sources that name no asserter" in agreement_sentence(rows, conflicts).text
    # one named asserter's two figures are still that asserter's
    named = figure_conflicts([row(date=None), row(**(LATER | {"date": None}))], "deaths")
    assert [(c.kind, c.unattributed) for c in named] == [("contradiction", False)]
    assert why_sentences(named)[0].text.startswith("The same asserter is reported")
