"""A naive baseline to compare the assistant against: retrieve, ask once, trust the model.

The top `K` hybrid passages and the question go to the answer model in one
schema-constrained call that returns an answer and verbatim quotes: no plan, no claims, no
sentence checks, no re-ask of its own. Its quotes are then located in the documents only so
that the eval scorers can judge them, never repaired:

- a quote found verbatim (in the passage it names, else in that passage's document, else in
  another retrieved document) becomes a citation copied from the document by offsets;
- a quote not found is still recorded, at the span of the passage it names and with the
  model's own text, so quote validity counts it invalid (the text at those offsets is not
  the quote) and the judge marks the answer incorrect. Nothing is dropped.

It lives in the package, beside the runner that takes it, because its prompt is a file in
`prompts/` loaded by name, and so that it is typed and tested like the rest of the evals.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from ..answers.answerer import usage_since
from ..answers.cite import outlet_name
from ..answers.models import CANNOT_ANSWER, Answer, Citation, Sentence
from ..llm import LLM
from ..prompting import load_prompt
from ..search import Filters, Hit, search
from ..store import Document, Store

PROMPT = "baseline"
K = 5
"""Passages retrieved (hybrid) and shown to the model."""
MAX_QUOTES = 3
_OUTER_QUOTES = "\"'“”‘’«» "


class BaselineQuote(BaseModel):
    model_config = ConfigDict(extra="forbid")
    passage: int = Field(description="the number of the passage the quote is copied from")
    quote: str = Field(min_length=1, max_length=400, description="words copied exactly")


class BaselineReply(BaseModel):
    """What the model writes: a verdict, an answer and its quotes."""

    model_config = ConfigDict(extra="forbid")
    answerable: bool
    answer: str = Field(max_length=600)
    quotes: list[BaselineQuote] = Field(default_factory=list, max_length=MAX_QUOTES)


class NaiveBaseline:
    """Answers like a plain retrieve-and-ask pipeline; same `ask` as `Answerer`."""

    name: ClassVar[str] = "baseline"

    def __init__(self, store: Store, llm: LLM, k: int = K) -> None:
        self.store = store
        self.llm = llm
        self.k = k

    def ask(self, question: str, filters: Filters | None = None) -> Answer:
        began = time.perf_counter()
        calls_before = len(self.llm.usage.calls)
        hits = search(self.store, question, k=self.k, filters=filters)
        reply = self._reply(question, hits) if hits else None
        if reply is None or not reply.answerable or not reply.answer.strip():
            answer = Answer(question=question, kind="other", answer=CANNOT_ANSWER, abstained=True)
        else:
            citations = cite_quotes(reply.quotes, hits)
            text = reply.answer.strip()
            marks = "".join(f"[{n}]" for n in dict.fromkeys(c.n for c in citations))
            answer = Answer(
                question=question, kind="other", answer=f"{text} {marks}".strip(),
                sentences=[Sentence(text=text, citations=sorted({c.n for c in citations}))],
                citations=_distinct(citations),
            )  # fmt: skip
        answer.usage = usage_since(self.llm, calls_before)
        answer.latency_s = round(time.perf_counter() - began, 3)
        return answer

    def _reply(self, question: str, hits: Sequence[Hit]) -> BaselineReply:
        prompt = load_prompt(PROMPT, frozenset({"passages", "question"}))
        content = prompt.render(passages=render_passages(hits), question=question)
        messages: list[Any] = [{"role": "user", "content": content}]
        return self.llm.structured("answer", BaselineReply, messages, max_tokens=400)


def render_passages(hits: Sequence[Hit]) -> str:
    """One block per passage, numbered from 1, its source named; the text as stored (so a
    quote copied from it can be verbatim)."""
    blocks = []
    for i, hit in enumerate(hits, start=1):
        doc = hit.document
        date = f", {doc.date}" if doc.date else ""
        blocks.append(f"[{i}] ({outlet_name(doc)}{date})\n{hit.chunk.text.strip()}")
    return "\n\n".join(blocks)


def cite_quotes(quotes: Sequence[BaselineQuote], hits: Sequence[Hit]) -> list[Citation]:
    """A citation per quote (numbered; the same span and text keep one number): copied from
    the document where the quote is found verbatim, else the model's text at the span of the
    passage it names (an invalid quote, counted as such)."""
    numbers: dict[tuple[str, int, int, str], int] = {}
    citations: list[Citation] = []
    for q in quotes:
        named = hits[q.passage - 1] if 1 <= q.passage <= len(hits) else hits[0]
        found = locate(q.quote, named, hits)
        if found is not None:
            doc, start, end = found
            text = doc.text[start:end]
        else:
            doc, start, end, text = named.document, named.chunk.start, named.chunk.end, q.quote
        key = (doc.id, start, end, text)
        n = numbers.setdefault(key, len(numbers) + 1)
        citations.append(
            Citation(
                n=n, doc_id=doc.id, outlet=outlet_name(doc), title=doc.title, date=doc.date,
                start=start, end=end, quote=text,
            )
        )  # fmt: skip
    return citations


def locate(quote: str, named: Hit, hits: Sequence[Hit]) -> tuple[Document, int, int] | None:
    """(document, start, end) of `quote` found verbatim: in the named passage, its document,
    then the other retrieved documents. Only surrounding quote marks and spaces are
    stripped; nothing inside the quote is normalised."""
    docs = {named.document.id: named.document} | {h.document.id: h.document for h in hits}
    for text in dict.fromkeys((quote, quote.strip(_OUTER_QUOTES))):
        if not text:
            continue
        at = named.document.text.find(text, named.chunk.start, named.chunk.end)
        if at >= 0:
            return named.document, at, at + len(text)
        for doc in docs.values():
            at = doc.text.find(text)
            if at >= 0:
                return doc, at, at + len(text)
    return None


def _distinct(citations: Sequence[Citation]) -> list[Citation]:
    return list({c.n: c for c in citations}.values())
