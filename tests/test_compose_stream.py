"""Which streamed sentences are finished: the one being written is not, until the output
closes it after its citations."""

from __future__ import annotations

from assistant.answers.compose import finished_sentences


def test_the_sentence_being_written_waits_until_its_brace_closes_it() -> None:
    first = {"text": "Rescue teams reached the villages.", "cites": ["E1"]}
    writing = {"text": "They rescued", "cites": []}
    two = {"answerable": True, "sentences": [first, writing]}
    assert [s.text for s in finished_sentences(two)] == [first["text"]]
    one = {"answerable": True, "sentences": [first]}
    assert finished_sentences(one, closed=False) == []  # its citations may go on
    assert [s.cites for s in finished_sentences(one, closed=True)] == [["E1"]]
    # a brace inside the text, before any citation, closes nothing
    braced = {"answerable": True, "sentences": [{"text": "a {b}", "cites": []}]}
    assert finished_sentences(braced, closed=True) == []
    assert finished_sentences({"answerable": False, "sentences": [first]}, closed=True) == []
