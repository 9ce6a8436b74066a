"""Which streamed sentences are finished: the one being written is not, until the output
closes it after its citations."""

from __future__ import annotations

from assistant.answers.compose import DraftSentence, finished_sentences, written_sentence
from assistant.llm.streaming import complete


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


def test_a_sentence_is_written_once_its_text_closes() -> None:
    ids = {f"E{n}" for n in range(1, 13)}
    text = "Rescue teams reached the villages."
    opening = '{ "answerable": true, "sentences": [\n    { "text": "'

    def written(raw: str, closed: bool = False) -> DraftSentence | None:
        return written_sentence(complete(raw) or {}, ids, closed=closed)

    assert written(opening + text) is None  # the text may still go on
    assert written(opening + text[:-1] + '\\"') is None  # an escaped quote closes nothing
    done = written(opening + text + '"')
    assert done is not None
    assert (done.text, done.cites) == (text, [])
    # "E1" may be the start of "E12": not cited until its quote closes
    assert written(opening + text + '", "cites": [ "E1') == done
    assert written(opening + text + '", "cites": [ "E2"') == done.model_copy(
        update={"cites": ["E2"]}
    )
    assert written(opening + text + '", "cites": [ "E2" ] }', closed=True) is None  # finished
    assert written(opening.replace("true", "false") + text + '"') is None
