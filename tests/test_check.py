"""`factcheck check`: every verdict, the hedge rules, updates over time, misattribution,
and the model's verdict checked. Figures are read off the parse (no model call); the
non-figure statement's verdict comes from a scripted model."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checking import Checker
from assistant.checking.figures import interval
from assistant.checking.statements import split_statements
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import open_store

from .check_corpus import ferry_store
from .fake_openai import FakeOpenAI


@pytest.fixture
def checker(fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path):
    store = open_store(fake_settings)
    llm = LLM(fake_settings.llm, fake_settings.cache)
    ferry_store(store, llm, tmp_path)
    yield Checker(store, llm)
    llm.close()
    store.close()


def verdict(checker: Checker, statement: str) -> str:
    (checked,) = checker.check_draft(statement).statements
    assert checked.reason
    if checked.verdict != "not in sources":
        assert checked.evidence, "a verdict other than 'not in sources' cites its evidence"
    return checked.verdict


def test_every_figure_verdict_from_stored_claims(checker: Checker, fake_openai: FakeOpenAI) -> None:
    assert verdict(checker, "The death toll rose to 23, the coast guard said.") == "supported"
    # day 1's 19 and day 3's 23 are an update, not a contradiction
    assert verdict(checker, "At least 19 people died in the ferry disaster.") == "supported"
    assert verdict(checker, "More than 50 people died in the ferry disaster.") == "contradicted"
    # the operator and the union give different counts in one report; credited to the
    # operator, it is what the operator said
    assert verdict(checker, "40 crew members were rescued from the ferry.") == "disputed"
    assert verdict(checker, "The ferry operator said 40 crew members were rescued.") == (
        "supported"
    )
    # credited through the document that gives it
    assert verdict(checker, "The ferry operator's count put the crew rescued at 40.") == (
        "supported"
    )
    assert verdict(checker, "The navy said the death toll rose to 23.") == "misattributed"
    assert fake_openai.requests == []  # figures are judged by code


def test_hedges_decide_support(checker: Checker) -> None:
    # "up to 12,000" does not establish "12,000"; "at least 19" supports "more than 10"
    assert verdict(checker, "Harbour master Ilse Varga said 12,000 litres of fuel leaked.") == (
        "not in sources"
    )
    assert verdict(checker, "More than 10 people died, the coast guard said.") == "supported"
    assert interval(3000, "at least")[0] >= interval(2000, "more than")[0]


def test_the_statement_s_asserter_is_the_person_whatever_their_title(checker: Checker) -> None:
    # the article says "Harbour master Ilse Varga"; the statement calls her by another title
    assert verdict(checker, "Port chief Ilse Varga said up to 12,000 litres of fuel leaked.") == (
        "supported"
    )


def test_a_statement_without_a_figure_is_judged_by_the_model_and_checked(
    checker: Checker, fake_openai: FakeOpenAI
) -> None:
    # nothing restates these: the model judges, and a "supported" must show evidence that
    # states the statement's terms
    fake_openai.enqueue_tool_call(
        "ModelVerdict",
        {"verdict": "supported", "evidence": [1, 2, 3, 4], "reason": "the captain was"},
    )
    fake_openai.enqueue_tool_call(
        "ModelVerdict", {"verdict": "supported", "evidence": [], "reason": "no evidence"}
    )
    (first,) = checker.check_draft("The captain was arrested in Marrow on Tuesday.").statements
    assert (first.verdict, first.evidence) == ("not in sources", [])
    assert "do not state the statement's terms" in first.reason
    (second,) = checker.check_draft("The ferry company was fined by regulators.").statements
    assert (second.verdict, second.evidence) == ("not in sources", [])  # never without evidence
    fake_openai.assert_done()
    # a sentence stating every term of the statement supports it with no model call
    (said,) = checker.check_draft("Rescue divers recovered the ship's bell.").statements
    assert said.verdict == "supported"
    assert [e.quote for e in said.evidence] == [
        "Rescue divers recovered the ship's bell from the wreck near Marrow Point."
    ]
    assert len(fake_openai.requests) == 2


def test_a_draft_is_split_into_check_worthy_statements() -> None:
    draft = (
        "Ferry toll rises\n"
        "At least 19 people died, the coast guard said. Was it avoidable? "
        "It was a sad day. Harbour master Ilse Varga closed the port on Monday.\n"
    )
    found = split_statements(draft)
    assert [s.text for s in found] == [
        "At least 19 people died, the coast guard said.",
        "Harbour master Ilse Varga closed the port on Monday.",
    ]
    assert all(draft[s.start : s.end] == s.text for s in found)


def test_filters_restrict_the_sources_a_statement_is_checked_against(
    checker: Checker,
) -> None:
    from assistant.search import Filters

    toll = "The death toll rose to 23, the coast guard said."
    day_three = Checker(checker.store, checker.llm, Filters(outlets=("Coast Wire",)))
    (checked,) = day_three.check_draft(toll).statements
    assert checked.verdict == "supported"
    assert {e.outlet for e in checked.evidence} == {"Coast Wire"}
    # the first day's report says "at least 19": it neither gives nor excludes 23
    day_one = Checker(checker.store, checker.llm, Filters(outlets=("Strait Post",)))
    (checked,) = day_one.check_draft(toll).statements
    assert checked.verdict == "not in sources"
    assert {e.outlet for e in checked.evidence} <= {"Strait Post"}


def test_cli_refuses_filters_that_match_no_document(tmp_path: Path) -> None:
    from .test_cli import factcheck

    result = factcheck("check", "23 people died at sea.", "--outlet", "No Such Outlet")
    assert result.returncode == 2
    assert "no ingested document matches" in result.stderr


def test_every_figure_of_a_statement_counts_and_a_bound_needs_the_same_bound(
    checker: Checker,
) -> None:
    # the toll is right, the crew count is not: one wrong figure makes the statement wrong
    assert verdict(checker, "The coast guard said 23 people died and 5 crew members were "
                   "rescued.") == "contradicted"  # fmt: skip
    # "up to 12,000 litres" states that bound, not "up to 15,000" (nor excludes it)
    assert verdict(checker, "Harbour master Ilse Varga said up to 15,000 litres of fuel "
                   "leaked.") == "not in sources"  # fmt: skip
    assert interval(12000, "up to") == (0.0, 12000)


def test_a_sum_is_never_compared_with_a_count(checker: Checker) -> None:
    # "$40" per crew member is no count of crew members (40 of them were rescued)
    (checked,) = checker.check_draft("The ferry operator paid each crew member $40.").statements
    assert checked.verdict == "not in sources"
    assert checked.evidence == []
