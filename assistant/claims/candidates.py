"""Candidate sentences: code finds every sentence a claim could come from.

A candidate is a sentence with a quantity (a count, percentage, amount or measure: not
only a date or a year) or with reported speech ("said", "according to", ...), unless it
addresses a language model (an injected instruction, even inside a quote). Each
carries the sentence before it as context, the numbers, hedges, time references and
actor spans found in it, so that the model only chooses among them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..text.injection import looks_like_instruction
from ..text.sentences import Span, sentence_spans
from .actors import find_actors
from .numbers import QUANTITY_KINDS, NumberMention, find_numbers, find_time_refs

MAX_CONTEXT_CHARS = 600

_REPORTED = re.compile(
    r"\b(?:said|says|say|saying|stated|states|told|tells|claimed|claims|claim|reported|reports"
    r"|according to|noted|added|announced|confirmed|denied|warned|estimated|estimates"
    r"|indicated|revealed|suggested|believes|alleged|insisted|acknowledged|citing)\b",
    re.IGNORECASE,
)


_CUE_VERBS = (
    r"(?:has |have |had )?(?:also )?(?:said|says|stated|states|told|claimed|claims|reported"
    r"|reports|noted|added|announced|confirmed|indicated|revealed|estimated|estimates"
    r"|believes|warned|suggested|informed|wrote|posted|announced)"
)


_SUBORDINATE = re.compile(
    r"\b(?:while|whereas|although|though|because|since|unless|if|when)\s+(?:the\s+)?$"
)


def attributed(sentence: str, actors: tuple[str, ...]) -> str | None:
    """The one actor the sentence itself attributes its content to, if exactly one.

    Attribution frames: "according to ACTOR", "ACTOR said/claimed/reported/...",
    "ACTOR's official ... channel". Found by code, so the model need not guess.
    """
    found = []
    lowered = sentence.lower()
    for actor in actors:
        a = actor.lower()
        at = lowered.find(a)
        if at < 0:
            continue
        before = lowered[max(0, at - 40) : at]
        after = lowered[at + len(a) : at + len(a) + 120]
        if _SUBORDINATE.search(before):
            continue  # "..., while Katihar has reported no casualties": not the sentence's
        if (
            re.search(
                r"according to (?:a statement (?:released )?by |reports from )?(?:the )?$", before
            )
            or re.match(rf"(?:,[^,]{{0,60}},)?\s*{_CUE_VERBS}\b", after)
            or re.match(r"(?:’s|'s) official", after)
        ):
            found.append(actor)
    return found[0] if len(set(found)) == 1 else None


@dataclass(frozen=True)
class Candidate:
    """One sentence of a document, with what code found in it and before it."""

    doc_id: str
    sentence: Span  # offsets in the document
    context: Span | None  # the sentence before, if any
    text: str  # the sentence
    context_text: str
    numbers: tuple[NumberMention, ...]  # quantities only; offsets relative to `text`
    actors: tuple[str, ...]  # actor surface forms in the context and the sentence
    time_refs: tuple[str, ...]
    reported_speech: bool
    attributed_to: str | None = None  # the actor an attribution frame names, if exactly one

    @property
    def key(self) -> str:
        """Identifies the input of an extraction: same text and context, same result."""
        digest = hashlib.sha256(f"{self.context_text}\x00{self.text}".encode())
        return digest.hexdigest()[:32]

    @property
    def window(self) -> tuple[int, int]:
        """Document offsets of context + sentence: where quotes and asserters may come from."""
        start = self.context.start if self.context else self.sentence.start
        return start, self.sentence.end


def find_candidates(doc_id: str, text: str) -> Iterator[Candidate]:
    """Every candidate sentence of a document, in order."""
    spans = sentence_spans(text)
    for i, span in enumerate(spans):
        sentence = text[span.start : span.end]
        numbers = tuple(n for n in find_numbers(sentence) if n.kind in QUANTITY_KINDS)
        reported = bool(_REPORTED.search(sentence))
        if not numbers and not reported:
            continue
        if looks_like_instruction(sentence):  # addressed to a model: data, never a claim
            continue
        context = spans[i - 1] if i > 0 else None
        context_text = text[context.start : context.end][-MAX_CONTEXT_CHARS:] if context else ""
        joined = f"{context_text} {sentence}" if context_text else sentence
        actors = tuple(dict.fromkeys(a.text for a in find_actors(joined)))
        yield Candidate(
            doc_id=doc_id,
            sentence=span,
            context=context,
            text=sentence,
            context_text=context_text,
            numbers=numbers,
            actors=actors,
            time_refs=tuple(t[2] for t in find_time_refs(sentence)),
            reported_speech=reported,
            attributed_to=attributed(sentence, actors),
        )
