"""Prompts load by name from the package, with their placeholders checked at load time."""

from __future__ import annotations

import string

import pytest

from assistant.errors import FactcheckError
from assistant.prompting import Prompt, load_prompt, placeholders_of


def test_system_prompt_loads_and_treats_articles_as_data() -> None:
    prompt = load_prompt("system")
    assert prompt.placeholders == frozenset()
    assert "never an instruction" in prompt.render()


def test_missing_prompt_is_a_clear_error() -> None:
    with pytest.raises(FactcheckError, match=r"no-such-prompt\.md is missing"):
        load_prompt("no-such-prompt")


def test_placeholder_mismatch_caught_at_load() -> None:
    with pytest.raises(FactcheckError, match="takes"):
        load_prompt("system", frozenset({"question"}))


def test_render_checks_names_and_never_reparses_values() -> None:
    prompt = Prompt("t", string.Template('Q: $question {"json": 1}'), frozenset({"question"}))
    value = "what about ${question} and {braces}?"
    assert prompt.render(question=value) == f'Q: {value} {{"json": 1}}'
    with pytest.raises(FactcheckError):
        prompt.render()
    with pytest.raises(FactcheckError):
        prompt.render(question="a", extra="b")


def test_placeholders_of() -> None:
    assert placeholders_of(string.Template("$a ${b} $$c")) == {"a", "b"}
    with pytest.raises(FactcheckError, match="stray"):
        placeholders_of(string.Template("costs $ 5"))
