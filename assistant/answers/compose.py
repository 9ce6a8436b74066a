"""A composed answer: the answer model writes sentences citing evidence ids, streamed.

The schema makes citations an enum of the ids the model was given and puts the
`answerable` verdict first; measured on the local 1.5B model, that one constrained call
judged answerability right where per-passage yes/no questions did not. Each sentence is
then checked by code (`verify`) before it is shown. On the local engine the verdict and the
sentences are two requests over one cached prompt, so that the tokens the schema forces are
read, not decoded (`llm.prefill`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..llm import LLM, ValidationFailed, prefill
from ..llm.streaming import complete
from ..prompting import load_prompt
from .evidence import Evidence, render

log = logging.getLogger(__name__)

PROMPT = "answer"
AGREE_PROMPT = "agree"
"""For "do the sources agree on whether ...?": what two sides say, never whether they agree
(asked with the answer prompt, the 1.5B model wrote "The sources agree that ...", which
no passage states)."""
MAX_SENTENCES = 2
"""Sentences of an answer: the prompt asks for one or two, and the grammar stops a third
(the 1.5B model at ~12 tokens a second spent ~4 s on a third, mostly repeating the first)."""
MAX_CITES = 3
"""Citations of one sentence (the schema's and the grammar's limit; `verify` tries no more)."""
FACT_SENTENCES = 1
"""Sentences of the answer to a single-fact question ("When did ...?", "Where ...?"): the
stream is closed once one has been written and checked (llama.cpp stops generating when the
client goes). A sentence that fails under its citations is tried under every other passage
(`verify.supported_by`); a second sentence after one that fails even so never gave a right
answer in the seeds and kaveri runs (1 of 8 such answers, and it answered an unanswerable
question), and it cost ~50 tokens (~3 s) on every abstention. In the eval runs of all four
question suites no second sentence stated a gold fact that a verified first had not."""


class DraftSentence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    cites: list[str]


class Draft(BaseModel):
    """What the model writes: a verdict, then cited sentences."""

    model_config = ConfigDict(extra="forbid")
    answerable: bool
    sentences: list[DraftSentence] = Field(default_factory=list)


@dataclass
class Composed:
    draft: Draft
    first_token_s: float | None


def draft_model(ids: Sequence[str], max_sentences: int = MAX_SENTENCES) -> type[Draft]:
    """`Draft` whose citations can only be the given evidence ids."""
    cite = Literal[tuple(ids)]  # type: ignore[valid-type]
    sentence = create_model(
        "AnswerSentence",
        __base__=DraftSentence,
        text=(str, Field(min_length=1, max_length=400)),
        cites=(list[cite], Field(min_length=1, max_length=MAX_CITES)),  # type: ignore[valid-type]
    )
    return create_model(
        "Answer",
        __base__=Draft,
        sentences=(list[sentence], Field(default_factory=list, max_length=max_sentences)),
    )


def compose(
    llm: LLM,
    question: str,
    evidence: Sequence[Evidence],
    on_partial: Callable[[list[DraftSentence], DraftSentence | None], None] | None = None,
    prompt_name: str = PROMPT,
    max_sentences: int = MAX_SENTENCES,
    enough: Callable[[], bool] | None = None,
) -> Composed:
    """The model's cited answer over `evidence`, streamed through `on_partial`.

    `on_partial` gets the sentences finished so far and the one whose text is written but
    whose citations are not (`written_sentence`). `prompt_name` picks another prompt taking
    the same `$evidence` and `$question`. When `enough()` turns true after `on_partial`,
    the stream is closed and the answer is the sentences finished so far, and the written
    one.
    """
    prompt = load_prompt(prompt_name, frozenset({"evidence", "question"}))
    messages: list[Any] = [
        {"role": "user", "content": prompt.render(evidence=render(evidence), question=question)}
    ]
    ids = [e.id for e in evidence]
    schema = draft_model(ids, max_sentences)
    opening, grammar, waited = "", None, 0.0
    if llm.endpoint("answer").prefill:
        verdict, waited = prefill.choose(llm, "answer", messages, prefill.VERDICT_OPENING,
                                         (" true", " false"))  # fmt: skip
        if verdict == " false":
            return Composed(Draft(answerable=False), waited)
        opening = prefill.SENTENCES_OPENING
        grammar = prefill.sentences_grammar(ids, max_sentences, MAX_CITES)
    stream = llm.structured_stream(
        "answer", schema, messages, max_tokens=300, opening=opening, grammar=grammar
    )

    def first_token() -> float | None:
        return None if stream.first_token_s is None else waited + stream.first_token_s

    given = set(ids)
    try:
        parts = iter(stream)
        for partial in parts:
            closed = stream.text.rstrip().endswith("}")
            done = finished_sentences(partial, closed=closed)
            written = written_sentence(complete(stream.text) or {}, given, closed=closed)
            if on_partial is not None:
                on_partial(done, written)
            if enough is not None and enough():
                parts.close()
                done += [written] if written is not None else []
                return Composed(Draft(answerable=True, sentences=done), first_token())
        result = stream.result
    except ValidationFailed as exc:
        log.warning("streamed answer invalid (%s); asking again without streaming", exc)
        result = llm.structured("answer", schema, messages, max_tokens=300)
    draft = Draft.model_validate(result.model_dump())
    return Composed(draft, first_token())


def written_sentence(
    partial: dict[str, Any], ids: set[str], closed: bool = False
) -> DraftSentence | None:
    """The sentence being written once its text is, with the ids cited so far; None while
    there is none or once it is finished. `partial` holds only closed strings
    (`streaming.complete`), so a text there is written, and an id being written ("E1" of
    "E12") is not there yet. The text can be checked before the model writes its ids (~8
    tokens, ~0.5 s at ~14 tokens a second)."""
    raw = partial.get("sentences")
    if partial.get("answerable") is not True or not isinstance(raw, list) or not raw:
        return None
    last = raw[-1]
    if not isinstance(last, dict) or not isinstance(last.get("text"), str):
        return None
    cites = [c for c in last.get("cites") or [] if isinstance(c, str) and c in ids]
    if closed and last.get("cites"):
        return None  # finished: `finished_sentences` has it
    return DraftSentence(text=last["text"], cites=cites)


def finished_sentences(partial: dict[str, Any], closed: bool = False) -> list[DraftSentence]:
    """Sentences the model has finished writing: all but the one being written, and that
    one too once the output so far ends in "}" after its citations (the schema puts `text`
    before `cites`, and a citation id holds no brace, so the brace closes the sentence)."""
    raw = partial.get("sentences")
    if partial.get("answerable") is not True or not isinstance(raw, list):
        return []
    last = raw[-1] if raw else None
    finished = closed and isinstance(last, dict) and bool(last.get("cites"))
    done: list[DraftSentence] = []
    for item in raw if finished else raw[:-1]:
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            cites = [c for c in item.get("cites") or [] if isinstance(c, str)]
            done.append(DraftSentence(text=item["text"], cites=cites))
    return done
