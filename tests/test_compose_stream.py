"""Which streamed sentences are finished: the one being written is not, until the output
closes it after its citations."""

from __future__ import annotations

from assistant.answers.compose import finished_sentences, written_sentence


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


def test_a_sentence_is_written_once_its_citations_begin() -> None:
    ids = {f"E{n}" for n in range(1, 13)}
    text = "Rescue teams reached the villages."
    # the text may still go on: no `cites` key yet
    assert written_sentence({"answerable": True, "sentences": [{"text": text}]}, ids) is None
    began = {"answerable": True, "sentences": [{"text": text, "cites": ["E1"]}]}
    written = written_sentence(began, ids)
    assert written is not None
    assert written.text == text
    assert written.cites == []  # "E1" may be the start of "E12"
    assert written_sentence(
        {"answerable": True, "sentences": [{"text": text, "cites": ["E2"]}]}, ids
    ) == written.model_copy(update={"cites": ["E2"]})
    assert written_sentence(began, ids, closed=True) is None  # finished: not written only
    assert written_sentence({"answerable": False, "sentences": [{"text": text, "cites": []}]},
                            ids) is None  # fmt: skip
