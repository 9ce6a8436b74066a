"""The sentences of a composed answer as they stream: each checked once, as soon as it is
written, and shown verified only under citations that pass the check (`verify`).

A single fact's sentence is tried as soon as its text is written, before the model has
written which passages it cites (~8 tokens, ~0.5 s at ~14 tokens a second on 2 cores):
when a passage supports it, it is shown under that passage and the answer is done; when
none does, it waits for the model's citations and is checked under them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .cite import CitationBook
from .compose import FACT_SENTENCES, DraftSentence
from .evidence import Evidence
from .models import Sentence, Verification
from .verify import Misplaced, Stated, supported_by, unechoed, unframed

log = logging.getLogger(__name__)

Key = tuple[str, tuple[str, ...]]
"""A drafted sentence: its text and the ids it cites."""


@dataclass
class Judging:
    """What the answer's sentences were judged, in the order they were shown."""

    question: str
    evidence: Mapping[str, Evidence]
    book: CitationBook
    stated: Stated
    focus: Sequence[str] = ()
    head: str | None = None
    single: bool = False
    """A single-fact answer: texts are tried before their citations are written."""
    misplaced: Misplaced | None = None
    on_sentence: Callable[[Sentence], None] | None = None
    began: float = field(default_factory=time.perf_counter)
    shown: list[Sentence] = field(default_factory=list)
    counts: Verification = field(default_factory=Verification)
    verified_at: list[float] = field(default_factory=list)
    """Seconds from `began` at which each verified sentence was ready."""
    _judged: dict[Key, Sentence] = field(default_factory=dict)
    _early: dict[str, Key] = field(default_factory=dict)  # text -> its verified key
    _tried: set[str] = field(default_factory=set)

    def on_partial(
        self, done: Sequence[DraftSentence], written: DraftSentence | None = None
    ) -> None:
        """Judge the sentences finished so far (each once; an answer asked again after an
        invalid stream brings sentences of its own), and try the one `written`."""
        for draft in done:
            key = (draft.text, tuple(draft.cites))
            if key not in self._judged and draft.text not in self._early:
                self._show(key, draft)
        if not self.single or written is None:
            return
        if written.text in self._tried or written.text in self._early:
            return
        self._tried.add(written.text)
        cites, reason = self._supported(written)
        if reason is None:  # shown under the citations it passed under, not checked again
            self._early[written.text] = key = (written.text, tuple(cites))
            self._show(key, DraftSentence(text=written.text, cites=cites), (cites, None))

    def answered(self) -> bool:
        """A single fact has its sentence. One citing an id it was not given is an invalid
        answer: the stream is read on, so that the schema refuses it and it is asked again."""
        valid = [key for key in self._judged if all(c in self.evidence for c in key[1])]
        return len(valid) >= FACT_SENTENCES

    def kept(self, final: Sequence[DraftSentence]) -> list[Sentence]:
        """The verified sentences of the final draft (a repeat once)."""
        keys = dict.fromkeys(self._early.get(d.text, (d.text, tuple(d.cites))) for d in final)
        return [s for key in keys if (s := self._judged[key]).verified]

    def _supported(self, draft: DraftSentence) -> tuple[list[str], str | None]:
        return supported_by(self._text(draft), draft.cites, self.evidence, self.question,
                            self.focus, self.head, self.stated, self.misplaced)  # fmt: skip

    def _text(self, draft: DraftSentence) -> str:
        """The sentence as checked and shown: without an opening that only says it comes
        from the evidence, or a date copied from the question that no evidence states."""
        return unechoed(unframed(draft.text), self.question, list(self.evidence.values()))

    def _show(
        self, key: Key, draft: DraftSentence, result: tuple[list[str], str | None] | None = None
    ) -> None:
        self._judged[key] = sentence = self._judge(draft, result)
        self.shown.append(sentence)
        if self.on_sentence is not None:
            self.on_sentence(sentence)

    def _judge(
        self, draft: DraftSentence, result: tuple[list[str], str | None] | None = None
    ) -> Sentence:
        """The sentence as shown; `result` is its check when it was already made."""
        self.counts.checked += 1
        cites, reason = self._supported(draft) if result is None else result
        cited = [self.book.cite(self.evidence[c].doc, self.evidence[c].start,
                                self.evidence[c].end)
                 for c in dict.fromkeys(cites) if c in self.evidence]  # fmt: skip
        if reason is None:
            self.counts.verified += 1
            self.verified_at.append(time.perf_counter() - self.began)
        else:
            self.counts.dropped += 1
            log.info("unsupported sentence %r: %s", draft.text, reason)
        return Sentence(text=self._text(draft).strip(), citations=cited, verified=reason is None,
                        reason=reason)  # fmt: skip
