"""Figure sentences read like a journalist's: outlet and date, hedged value, what is
counted, who said it and who carried it, cited; never a bare number or a dangling word."""

from __future__ import annotations

import re

from assistant.answers.models import FigureRow
from assistant.answers.phrasing import range_sentence, source_sentences


def row(**fields: object) -> FigureRow:
    base: dict[str, object] = {
        "doc_id": "d1", "outlet": "Harbour Courier", "value": 14.0, "surface": "14",
        "counted": "people died", "citation": 1,
    }  # fmt: skip
    return FigureRow.model_validate(base | fields)


ROWS = [
    row(kind="deaths", hedge="at least", asserter="the coast guard", date="2031-03-02"),
    row(value=60.0, surface="60", counted="missing", kind="missing",
        asserter="the coast guard", date="2031-03-02", citation=1),
    row(counted="Dead", kind="deaths", citation=2, date="2031-03-02"),  # the headline's
    row(doc_id="d2", outlet="Meridia Wire", value=99.0, surface="Ninety nine",
        counted="people killed", kind="deaths", asserter="Sheriff Walt Brenner",
        carrier="Reuters", when="on Friday", citation=3),
    row(doc_id="d3", outlet="Ferry capsizes off Marrow Point, dozens feared dead in storm",
        outlet_is_title=True, value=312.0, surface="312", counted="relief camps", citation=4),
]  # fmt: skip


def test_one_sentence_per_source_built_from_the_claims_parts() -> None:
    texts = [s.text for s in source_sentences(ROWS)]
    assert texts == [
        "Harbour Courier (2 Mar 2031): at least 14 dead and 60 missing, according to the "
        "coast guard [1].",
        "Meridia Wire: ninety nine dead (on Friday), according to Sheriff Walt Brenner "
        "(via Reuters) [3].",
        "“Ferry capsizes off Marrow Point, dozens feared…”: 312 relief camps [4].",
    ]


def test_no_sentence_starts_with_a_number_or_ends_dangling() -> None:
    sentences = [*source_sentences(ROWS), range_sentence(ROWS)]
    for sentence in sentences:
        assert sentence is not None
        assert not re.match(r"\W*\d", sentence.text), sentence.text
        assert not re.search(r"\b(?:and|according to|via)\W*$", sentence.text), sentence.text
        assert sentence.citations
    spread = range_sentence(ROWS)
    assert spread is not None
    assert spread.text == "The figures range from at least 14 [1] to 312 [4]."


def test_an_agreement_answer_says_yes_or_no_first_with_its_reasons() -> None:
    from assistant.answers.models import Conflict
    from assistant.answers.phrasing import agreement_sentence

    differ = agreement_sentence(
        ROWS[:2] + ROWS[3:4],
        [Conflict(kind="asserter", about="x", summary="s", citations=[1, 3]),
         Conflict(kind="update", about="x", summary="s", citations=[1, 3])],
    )  # fmt: skip
    assert differ.text == (
        "No: the figures differ, from at least 14 [1] to ninety nine [3]; later reports "
        "revised the figure and different people and bodies give different figures."
    )
    same = agreement_sentence(
        [ROWS[0], ROWS[0].model_copy(update={"doc_id": "d2", "citation": 2})], []
    )
    assert same.text == "Yes: all 2 sources give at least 14 [1][2]."


def test_a_figure_another_of_the_source_says_more_of_is_said_once() -> None:
    """ "29 buildings" beside "29 buildings collapsed in Tarn" (one source, no asserter)."""
    more = row(value=29.0, surface="29", counted="buildings collapsed", place="Tarn")
    less = row(value=29.0, surface="29", counted="buildings", citation=2)
    (sentence,) = source_sentences([more, less])
    assert sentence.text == "Harbour Courier: 29 buildings collapsed in Tarn [1]."
    # another asserter's, another place's or another thing's figure stays
    for other in (
        row(value=29.0, surface="29", counted="buildings", asserter="the mayor", citation=2),
        row(value=29.0, surface="29", counted="buildings", place="Vell", citation=2),
        row(value=29.0, surface="29", counted="schools", citation=2),
    ):
        (sentence,) = source_sentences([more, other])
        assert sentence.citations == [1, 2], other


def test_a_tally_reads_the_whole_toll_first_and_says_what_is_counted_once() -> None:
    tally = [
        row(value=71.0, surface="71", kind="deaths", place="Morelos", asserter="the agency"),
        row(value=324.0, surface="324", kind="deaths", place="Mexico", asserter="the agency"),
        row(value=4.0, surface="four", kind="injured", place="Puebla", asserter="the agency"),
        row(value=43.0, surface="43", kind="deaths", place="Puebla", asserter="the agency"),
    ]
    (sentence,) = source_sentences(tally)
    assert sentence.text == (
        "Harbour Courier: 324 dead in Mexico, 71 in Morelos, four injured in Puebla and 43 "
        "dead in Puebla, according to the agency [1]."
    )
