"""Evidence for "What time did ...?": a sentence stating a clock time is preferred, since the
sentences nearest such a question are the ones about the event, not its time (a real
earthquake page answered "at about 13:14 hours" only in its fourth passage)."""

from __future__ import annotations

from pathlib import Path

from assistant.answers.answerer import favoured
from assistant.answers.classify import asks_clock_time
from assistant.answers.evidence import (
    FAVOURED,
    attributes_speech,
    gather,
    states_clock_time,
    states_each,
)
from assistant.answers.plan import Plan
from assistant.ingest.pipeline import Ingestor
from assistant.settings import Settings
from assistant.store import open_store

ARTICLE = """---
title: Quake shakes the capital
outlet: Harbour Times
---
A strong earthquake shook the capital of Veland, toppling two towers.

The earthquake was the second to hit the region in a week.

Rescuers searched the rubble of the earthquake through the night.

The national seismology service said the quake was felt at about 13:14 hours.
"""


def test_a_clock_time_is_favoured_for_a_question_asking_the_time(
    fake_settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "quake.md").write_text(ARTICLE, encoding="utf-8")
    store = open_store(fake_settings)
    try:
        Ingestor(store).ingest([tmp_path / "quake.md"])
        question = "What time did the earthquake hit?"
        plain, _ = gather(store, question, n=10)
        favoured, _ = gather(store, question, n=10, favour=states_clock_time)
    finally:
        store.close()
    before = {e.text: e.score for e in plain}
    after = {e.text: e.score for e in favoured}
    assert before.keys() == after.keys()
    for text, score in after.items():
        added = FAVOURED if "13:14" in text else 0.0
        assert abs(score - before[text] - added) < 1e-6, text


def test_which_questions_ask_a_clock_time() -> None:
    assert asks_clock_time("What time did the earthquake hit?")
    assert asks_clock_time("At what hour was the alarm raised?")
    assert not asks_clock_time("When did the earthquake hit?")
    assert asks_clock_time("What time of day did the quake strike?")
    assert not asks_clock_time("What time of year do the monsoons come?")
    assert states_clock_time("felt at about 13:14 hours")
    assert states_clock_time("at 11:47 pm")
    assert not states_clock_time("It struck on Tuesday, killing 14.")


def test_focus_words_and_speech_are_favoured_for_the_questions_that_need_them() -> None:
    attribution = Plan(kind="attribution", about="mayor refused cooperate", focus=["refused"])
    favour = favoured(attribution)
    assert favour is not None
    # the focus word the check requires, or someone saying it
    assert favour("He said the mayor refused to cooperate.")
    assert favour("Mayor Lind refused to cooperate with investigators.")
    assert favour("“It is a plea deal,” the lawyer told reporters.")
    assert not favour("The wire fraud charge involved a fictitious case.")
    fact = Plan(kind="fact", about="dam released", focus=["released"])
    favour = favoured(fact)
    assert favour is not None
    assert favour("Water was released on Sunday.")
    assert not favour("Officials said the dam held.")  # speech counts for "who" only
    assert favoured(Plan(kind="fact", about="floods")) is None
    clock = favoured(Plan(kind="fact", about="quake", clock=True))
    assert clock is not None
    assert clock("It struck at 13:14 hours.")
    assert not clock("It struck on Tuesday.")
    each = states_each(["killed", "injured"])
    assert each("Five were killed and 12 injured.")
    assert not each("Five were killed.")
    assert attributes_speech("Officials alleged fraud.")
    assert not attributes_speech("The bridge collapsed.")
