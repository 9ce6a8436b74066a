"""Code-side pieces of extraction: attribution frames, quote options, what is counted."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assistant.claims.candidates import attributed, find_candidates
from assistant.claims.numbers import find_numbers
from assistant.claims.quotes import locate, normalise
from assistant.claims.schema import counted_of, quote_options, schema_for


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [
        (
            "According to the Harbour Authority, 40 ships waited.",
            ("the Harbour Authority",),
            "the Harbour Authority",
        ),
        ("Police said 300 people marched.", ("Police",), "Police"),
        (
            "Maria Lopez, the agency's head, told reporters that 12 sites closed.",
            ("Maria Lopez",),
            "Maria Lopez",
        ),
        (
            "The Health Ministry’s official Telegram channel put the toll at 17.",
            ("The Health Ministry",),
            "The Health Ministry",
        ),
        ("Police said 20 were hurt and the army said 30.", ("Police", "the army"), None),  # two
        ("About 20 boats sank near the port.", ("the port",), None),
    ],
)  # fmt: skip
def test_attribution_frames(sentence: str, actors: tuple[str, ...], expected: str | None) -> None:
    assert attributed(sentence, actors) == expected


def test_quote_options_are_spans_that_say_what_is_counted() -> None:
    sentence = "Officials said up to 12,000 volunteers joined, and the total could reach 15,000."
    first, second = find_numbers(sentence)
    options = quote_options(sentence, first)
    assert options[0] == "up to 12,000 volunteers"
    assert all(locate(o, sentence) is not None for o in options)
    assert counted_of(options[0], first) == "volunteers"
    # nothing follows 15,000 in its clause: the words before it say what it is
    assert "the total could reach 15,000" in quote_options(sentence, second)
    assert counted_of("the total could reach 15,000", second) == "the total"


def test_schema_forces_the_attributed_asserter_and_refuses_others() -> None:
    text = "According to the Harbour Authority, at least 40 ships waited outside the port."
    (candidate,) = list(find_candidates("d", text))
    schema = schema_for(candidate)
    context = schema.context(text, candidate.window)
    ok = {"figure_1": {"quote": "at least 40 ships", "asserter": "the Harbour Authority"}}
    obj = schema.response.model_validate(ok, context=context)
    assert obj.figure_1.quote == "at least 40 ships"  # type: ignore[attr-defined]
    for bad in (
        {"figure_1": {"quote": "at least 40 ships", "asserter": "unattributed"}},
        {"figure_1": {"quote": "at least 41 ships", "asserter": "the Harbour Authority"}},
        {"figure_1": {"quote": "at least 40 ships", "asserter": "the Navy"}},
    ):
        with pytest.raises(ValidationError):
            schema.response.model_validate(bad, context=context)


def test_normalise_maps_back_to_original_offsets() -> None:
    text = "He said:  “we  counted   40”."
    norm, index = normalise(text)
    assert norm == 'He said: "we counted 40".'
    assert [text[i] for i in index][:3] == ["H", "e", " "]
    span = locate('"we counted 40"', text)
    assert span is not None
    assert text[span[0] : span[1]] == "“we  counted   40”"
    assert locate("we counted 41", text) is None
