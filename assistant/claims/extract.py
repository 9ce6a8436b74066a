"""Claim extraction: the parse reads each candidate sentence; the model only fills gaps.

Code finds candidates, numbers, hedges and time references; the dependency parse
(`reading`) says what each number counts, its kind, who asserts it and which agency
carried it, and drops page furniture. Only a number whose counted thing the parse leaves
open, or reported speech whose speaker it cannot find, goes to one constrained model call
that picks values and asserters from enums and says which words state the figure. Every
model draft is validated against the document (re-asked with the reason when it fails);
what still fails is dropped and counted. Quotes are copied from the document by offsets.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from .. import nlp
from ..llm import LLM, EndpointUnavailable, ValidationFailed
from ..prompting import load_prompt
from ..store import Document
from .candidates import Candidate, find_candidates
from .models import Claim, Quantity, Quote
from .quotes import locate
from .reading import (
    READER_VERSION,
    Attribution,
    FigureReading,
    SentenceReading,
    kind_of,
    read_sentence,
)
from .reading.furniture import dateline_carrier, mask_dateline
from .schema import UNATTRIBUTED, FigureDraft, Schema, counted_of, schema_for

log = logging.getLogger(__name__)

PROMPTS = ("system", "extract_figures", "extract_statement")
MAX_FAILURES_IN_A_ROW = 3
"""Calls failing one after another (after the client's own retries) that stop a run: the
endpoint is broken, and asking once per remaining sentence would only add the same error."""
_FIGURE_SLOTS = frozenset({"context", "sentence", "numbers", "actors"})
_STATEMENT_SLOTS = frozenset({"context", "sentence", "actors"})


def prompt_version() -> str:
    """Changes whenever an extraction prompt changes, invalidating cached results."""
    digest = hashlib.sha256(READER_VERSION.encode())
    for name in PROMPTS:
        digest.update(load_prompt(name, _slots(name)).template.template.encode())
    return digest.hexdigest()[:12]


def _slots(name: str) -> frozenset[str]:
    return {"extract_figures": _FIGURE_SLOTS, "extract_statement": _STATEMENT_SLOTS}.get(
        name, frozenset()
    )


def read_candidates(
    models: Path, candidates: list[Candidate], text: str, outlet: str | None
) -> list[SentenceReading]:
    """Each candidate of a document (`text`) read off the parse of it and of the sentence
    before it; each distinct sentence is parsed once."""
    if not candidates:
        return []  # the pipeline is not even loaded
    texts = list(dict.fromkeys(t for c in candidates for t in (c.text, c.context_text) if t))
    parsed = dict(zip(texts, nlp.parse(models, [mask_dateline(t) for t in texts]), strict=True))
    return [
        read_sentence(
            c.text, c.numbers, parsed[c.text], parsed.get(c.context_text) if c.context_text
            else None, outlet, c.attributed_to, same_paragraph=_same_paragraph(text, c),
        )
        for c in candidates
    ]  # fmt: skip


def kind_of_words(models: Path, counted: str) -> str | None:
    """The kind of what a model-read figure counts, from the lemmas of its words, as for
    figures read off the parse ("people feared dead" -> deaths, "houses damaged" -> house)."""
    (parsed,) = nlp.parse(models, [counted])
    lemmas = [t.lemma_ for t in parsed if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"}]
    nouns = [t.lemma_ for t in parsed if t.pos_ in {"NOUN", "PROPN"}]
    return kind_of(None, lemmas, nouns[-1] if nouns else None)


def _same_paragraph(text: str, candidate: Candidate) -> bool:
    """Is the sentence before in the candidate's paragraph (one paragraph per line)?"""
    context = candidate.context
    return context is not None and "\n" not in text[context.end : candidate.sentence.start]


def figure_id(doc: Document, candidate: Candidate, mention: Any) -> str:
    """A figure claim's id: document version, sentence and where its number starts."""
    return f"{doc.id}:{doc.version}:{candidate.sentence.start}:n{mention.start}"


class ExtractionCache(Protocol):
    """Validated drafts by (candidate, prompt version, model)."""

    def get(self, key: str) -> list[dict[str, Any]] | None: ...

    def put(self, key: str, drafts: list[dict[str, Any]]) -> None: ...


@dataclass
class Counts:
    """What happened to the candidates of one or more documents."""

    candidates: int = 0
    claims: int = 0
    parsed: int = 0
    """Claims read off the parse alone (no model call)."""
    model_calls: int = 0
    """Sentences the parse left something open in: asked of the model, or answered from
    the extraction cache of an earlier run (`cached`)."""
    furniture: int = 0
    """Numbers refused as figures: page furniture (read-times, timestamps, counters) and
    sizes or ages joined by a hyphen ("122-mm shells", "a 12-year-old boy")."""
    verified: int = 0
    repaired: int = 0
    dropped: int = 0
    cached: int = 0
    failed_calls: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class DocClaims:
    """The claims of one document and how they were obtained."""

    doc_id: str
    claims: list[Claim] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    errors: list[str] = field(default_factory=list)
    stopped: str | None = None
    """Why extraction stopped before the last candidate (the endpoint is unusable)."""


class ClaimExtractor:
    """Extracts verified claims from stored documents."""

    def __init__(self, llm: LLM, cache: ExtractionCache, models: Path) -> None:
        self.llm = llm
        self.cache = cache
        self.models = models
        self.version = prompt_version()
        self.model = llm.model_name("extraction")
        self.system = load_prompt("system").render()
        self.failures_in_a_row = 0

    def extract(self, doc: Document, progress: Callable[[Counts], None] | None = None) -> DocClaims:
        """Claims of `doc`; one failing sentence never stops the others, but an unusable
        endpoint stops the document (`stopped` says why; the claims so far are kept)."""
        result = DocClaims(doc.id)
        candidates = list(find_candidates(doc.id, doc.text))
        carrier = dateline_carrier(doc.text)
        for candidate, reading in zip(
            candidates, read_candidates(self.models, candidates, doc.text, doc.outlet), strict=True
        ):
            counts = Counts(candidates=1, furniture=len(reading.furniture))
            for figure in reading.figures:
                result.claims.append(self._parsed_claim(candidate, doc, figure, carrier))
            counts.claims += len(reading.figures)
            counts.parsed += len(reading.figures)
            pending = self._pending(candidate, reading, doc, carrier, result, counts)
            if pending is None:
                result.counts.add(counts)
                if progress is not None:
                    progress(counts)
                continue
            counts.model_calls += 1
            schema = schema_for(pending)
            try:
                drafts = self._drafts(pending, schema, doc, counts)
                self.failures_in_a_row = 0
            except ValidationFailed as exc:  # salvage what validates on its own
                drafts = self._salvage(pending, schema, doc, exc, counts)
                self.failures_in_a_row = 0
            except Exception as exc:
                counts.failed_calls += 1
                result.errors.append(f"{doc.id} [{candidate.sentence.start}]: {exc}")
                log.warning("extraction failed for %s: %s", doc.id, exc)
                result.stopped = self._stop_reason(exc)
                if result.stopped is not None:
                    result.counts.add(counts)
                    break
                drafts = {}
            for key, draft in drafts.items():
                claim = self._claim(pending, doc, key, draft)
                if claim is None:
                    counts.dropped += 1
                    continue
                result.claims.append(claim)
                counts.claims += 1
            result.counts.add(counts)
            if progress is not None:
                progress(counts)
        return result

    def _pending(
        self, candidate: Candidate, reading: SentenceReading, doc: Document,
        carrier: str | None, result: DocClaims, counts: Counts,
    ) -> Candidate | None:  # fmt: skip
        """What of `candidate` the model must still read, or None when the parse settled
        it: the open numbers, or reported speech whose speaker the parse did not find."""
        if reading.open:
            return dataclasses.replace(candidate, numbers=tuple(reading.open))
        if candidate.numbers:
            return None  # every number read off the parse, or furniture
        said = reading.statement
        if said.asserter is not None:
            result.claims.append(self._statement_claim(candidate, doc, said, carrier))
            counts.claims += 1
            counts.parsed += 1
            return None
        if not candidate.actors or said.unnamed:
            return None  # reported speech with nobody named: no claim
        return candidate

    def _stop_reason(self, exc: Exception) -> str | None:
        """Why to stop after this failed call, or None to go on with the next sentence."""
        self.failures_in_a_row += 1
        if isinstance(exc, EndpointUnavailable) or self.failures_in_a_row >= MAX_FAILURES_IN_A_ROW:
            return f"stopped after {self.failures_in_a_row} failed call(s) in a row: {exc}"
        return None

    # -- one candidate ------------------------------------------------------------------------

    def _key(self, candidate: Candidate) -> str:
        return f"{candidate.key}:{self.version}:{self.model}"

    def _drafts(
        self, candidate: Candidate, schema: Schema, doc: Document, counts: Counts
    ) -> dict[str, BaseModel]:
        context = schema.context(doc.text, candidate.window)
        cached = self.cache.get(self._key(candidate))
        if cached is not None:
            counts.cached += 1
            kept = self._valid(schema, dict(cached[0]) if cached else {}, context)
            counts.verified += len(kept)
            counts.dropped += len(cached[0]) - len(kept) if cached else 0
            return kept
        result = self.llm.structured_result(
            "extraction",
            schema.response,
            self._messages(candidate),
            context=context,
            max_tokens=40 + 60 * len(schema.items),
        )
        drafts = {key: getattr(result.value, key) for key in schema.items}
        if result.attempts > 1:
            counts.repaired += len(drafts)
        else:
            counts.verified += len(drafts)
        self._remember(candidate, drafts)
        return drafts

    def _salvage(
        self, candidate: Candidate, schema: Schema, doc: Document, exc: ValidationFailed,
        counts: Counts,
    ) -> dict[str, BaseModel]:  # fmt: skip
        """Keep the drafts of the last attempt that validate one by one; count the rest."""
        context = schema.context(doc.text, candidate.window)
        try:
            data = json.loads(exc.last_output or "")
        except ValueError:
            data = None
        kept = self._valid(schema, data if isinstance(data, dict) else {}, context)
        counts.repaired += len(kept)
        counts.dropped += len(schema.items) - len(kept)
        self._remember(candidate, kept)
        log.info("sentence at %d of %s: %s", candidate.sentence.start, doc.id, exc)
        return kept

    def _remember(self, candidate: Candidate, drafts: dict[str, BaseModel]) -> None:
        self.cache.put(self._key(candidate), [{k: d.model_dump() for k, d in drafts.items()}])

    @staticmethod
    def _valid(
        schema: Schema, data: dict[str, Any], context: dict[str, Any]
    ) -> dict[str, BaseModel]:
        """The drafts of `data` that validate on their own, by key."""
        kept: dict[str, BaseModel] = {}
        for key, model in schema.items.items():
            item = data.get(key)
            if not isinstance(item, dict):
                continue
            try:
                kept[key] = model.model_validate(item, context=context)
            except ValidationError:
                continue
        return kept

    def _messages(self, candidate: Candidate) -> list[Any]:
        actors = "; ".join(candidate.actors) or "none named"
        values = {
            "context": candidate.context_text or "(none)",
            "sentence": candidate.text,
            "actors": f"{actors}; {UNATTRIBUTED}",
        }
        if candidate.numbers:
            values["numbers"] = "; ".join(
                f"figure_{i} = {n.surface}" for i, n in enumerate(candidate.numbers, start=1)
            )
            prompt = load_prompt("extract_figures", _FIGURE_SLOTS).render(**values)
        else:
            prompt = load_prompt("extract_statement", _STATEMENT_SLOTS).render(**values)
        return [{"role": "system", "content": self.system}, {"role": "user", "content": prompt}]

    # -- from the parse to claim ------------------------------------------------------------

    def _parsed_claim(
        self, candidate: Candidate, doc: Document, figure: FigureReading, carrier: str | None
    ) -> Claim:
        mention, counted = figure.mention, figure.counted
        start, end = counted.span
        quantity = Quantity(
            value=mention.value,
            low=mention.low,
            high=mention.high,
            surface=mention.surface,
            hedge=mention.hedge,
            unit=mention.unit,
            counted=counted.text,
            kind=counted.kind,
        )
        return self._read_claim(
            candidate, doc, figure.attribution, carrier, figure_id(doc, candidate, mention),
            candidate.text[start:end], quantity, figure.when,
        )  # fmt: skip

    def _statement_claim(
        self, candidate: Candidate, doc: Document, said: Attribution, carrier: str | None
    ) -> Claim:
        claim_id = f"{doc.id}:{doc.version}:{candidate.sentence.start}:statement"
        return self._read_claim(candidate, doc, said, carrier, claim_id, candidate.text, None)

    def _read_claim(
        self, candidate: Candidate, doc: Document, said: Attribution, carrier: str | None,
        claim_id: str, statement: str, quantity: Quantity | None,
        when: Sequence[str] | None = None,
    ) -> Claim:  # fmt: skip
        """A claim read off the parse; its quote is the whole sentence, copied by offsets.
        `when` is a figure's own time references (a statement has the sentence's)."""
        quote = Quote.from_span(doc.id, doc.text, candidate.sentence.start, candidate.sentence.end)
        return Claim(
            id=claim_id,
            doc_id=doc.id,
            statement=statement,
            quantity=quantity,
            asserter=said.asserter,
            asserter_canonical=said.asserter,
            carrier=said.carrier or carrier,
            when="; ".join(candidate.time_refs if when is None else when) or None,
            quotes=(quote,),
            model=nlp.PIPELINE,
            prompt_version=self.version,
        )

    # -- from draft to claim ------------------------------------------------------------------

    def _claim(self, candidate: Candidate, doc: Document, key: str, draft: Any) -> Claim | None:
        # the quote shown is the whole sentence, copied from the document by its offsets
        quote = Quote.from_span(doc.id, doc.text, candidate.sentence.start, candidate.sentence.end)
        asserter = None if draft.asserter == UNATTRIBUTED else str(draft.asserter)
        quantity = None
        mention = None
        statement = quote.text
        if isinstance(draft, FigureDraft):
            mention = candidate.numbers[int(key.rsplit("_", 1)[1]) - 1]
            counted = counted_of(str(draft.quote), mention)
            if locate(str(draft.quote), quote.text) is None or not counted:
                return None  # cannot happen after validation; never store what is unchecked
            quantity = Quantity(
                value=mention.value,
                low=mention.low,
                high=mention.high,
                surface=mention.surface,
                hedge=mention.hedge,
                unit=mention.unit,
                counted=counted,
                kind=kind_of_words(self.models, counted),
            )
            statement = str(draft.quote)
        return Claim(
            id=figure_id(doc, candidate, mention)
            if quantity
            else f"{doc.id}:{doc.version}:{candidate.sentence.start}:{key}",
            doc_id=doc.id,
            statement=statement,
            quantity=quantity,
            asserter=asserter,
            asserter_canonical=asserter,
            when="; ".join(candidate.time_refs) or None,
            quotes=(quote,),
            model=self.model,
            prompt_version=self.version,
        )
