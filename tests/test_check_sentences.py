"""Statements without a figure judged by code on the source sentences that restate them:
another day, another number of the same thing, another place, words credited to someone
else, a charge stated as fact. Only the statement nothing restates goes to the (scripted)
model. The corpus is one invented report, ingested without claim extraction."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checking import Checker
from assistant.checking.sentences import time_clash
from assistant.ingest.pipeline import Ingestor
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import open_store

from .fake_openai import FakeOpenAI

REPORT = """Floods close the Tamsel bridge
The Tamsel bridge was closed on Sunday night after the river rose above the warning mark.
Mayor Ana Souza said the closure of the bridge would last for two weeks.
"The old town is still under water, but the harbour has reopened," she said.
The opposition accused the council of ignoring flood warnings for a month, a charge the council denies.
The body of a fisherman was found near the Marren lock on Friday morning.
"""  # noqa: E501


@pytest.fixture
def checker(fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path):
    store = open_store(fake_settings)
    llm = LLM(fake_settings.llm, fake_settings.cache)
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    (tmp_path / "report.txt.meta.json").write_text('{"outlet": "Harbour Post"}')
    Ingestor(store).ingest([path])
    yield Checker(store, llm)
    llm.close()
    store.close()


def judged(checker: Checker, statement: str) -> tuple[str, str, list[str]]:
    (checked,) = checker.check_draft(statement).statements
    return checked.verdict, checked.by, [e.quote for e in checked.evidence]


@pytest.mark.parametrize(
    ("statement", "verdict", "quoting"),
    [
        # another day for the same closure
        ("The Tamsel bridge was shut on Saturday night after the river rose above the "
         "warning mark.", "contradicted", "closed on Sunday night"),
        # another number of the same thing: weeks
        ("Mayor Ana Souza said the bridge closure would last for three weeks.",
         "contradicted", "two weeks"),
        # another place after the same word
        ("The body of a fisherman was found near the Tamsel weir on Friday morning.",
         "contradicted", "near the Marren lock"),
        # "she" is the mayor, named in the sentence before
        ("Harbour master Ilse Varga said the old town was still under water while the "
         "harbour had reopened.", "misattributed", "she said"),
        ("Mayor Ana Souza said the old town was still under water while the harbour had "
         "reopened.", "supported", "she said"),
        # a charge the council denies, stated as fact
        ("The council ignored flood warnings for a month.", "disputed", "a charge"),
    ],
)  # fmt: skip
def test_code_decides_what_the_restating_sentence_settles(
    checker: Checker, fake_openai: FakeOpenAI, statement: str, verdict: str, quoting: str
) -> None:
    given, by, quotes = judged(checker, statement)
    assert (given, by) == (verdict, "sentences")
    assert any(quoting in q for q in quotes)
    assert fake_openai.requests == []  # no model call


def test_a_statement_nothing_restates_goes_to_the_model(
    checker: Checker, fake_openai: FakeOpenAI
) -> None:
    fake_openai.enqueue_tool_call(
        "ModelVerdict", {"evidence": [], "verdict": "not in sources", "reason": "no cat"}
    )
    # "none": nothing was found that bears on it (the model was asked, and said so)
    assert judged(checker, "Firefighters rescued a stranded cat from a tall tree.") == (
        "not in sources", "none", [],
    )  # fmt: skip
    assert len(fake_openai.requests) == 1
    fake_openai.assert_done()


def test_only_the_day_an_event_happened_is_compared() -> None:
    assert time_clash("It was closed on Saturday night.", "It closed on Sunday night.") == (
        "the sources say Sunday, not Saturday"
    )
    # "by Wednesday" ends a span that "since Saturday" begins: no clash
    assert time_clash("By Wednesday 100 had been rescued.", "rescued since Saturday") is None


def test_another_direction_from_the_same_place_is_a_clash() -> None:
    from assistant.checking.sentences import _clash

    said = "The fire broke out south of Eskerford on Wednesday."
    source = "The fire broke out north of Eskerford on Wednesday afternoon."
    assert _clash(said, source, source) == "the sources say north of Eskerford, not south"
    assert _clash(said, "It broke out south of Eskerford.", "") is None
