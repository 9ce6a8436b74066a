"""One document's summary: the model writes cited sentences over the article's lead and
its attributed figures; every sentence is checked against what it cites, as answers are.

Evidence is sentences of the document itself: the first few (news leads carry the main
facts) and those holding verified claims with a named asserter, in reading order, at
most `MAX_EVIDENCE` of them so the prompt stays short on a 2-core machine.
"""

from __future__ import annotations

import hashlib
import logging

from ..answers.cite import CitationBook, outlet_name
from ..answers.compose import compose
from ..answers.evidence import MAX_SENTENCE_CHARS, Evidence
from ..answers.models import Sentence
from ..answers.verify import supported_by
from ..claims.models import Claim
from ..llm import LLM
from ..prompting import load_prompt
from ..store import Document
from ..text.injection import looks_like_instruction
from ..text.sentences import sentence_spans
from .models import DocSummary

log = logging.getLogger(__name__)

PROMPT = "summarize"
LEAD = 3
MAX_EVIDENCE = 7
SENTENCES = 3
"""A document summary's sentences at most."""


def prompt_version() -> str:
    """Changes when the summary prompt does, so cached summaries are redone."""
    text = load_prompt(PROMPT, frozenset({"evidence", "question"})).template.template
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def evidence_of(
    doc: Document, claims: list[Claim], limit: int | None = MAX_EVIDENCE
) -> list[Evidence]:
    """The lead sentences and the sentences of attributed claims, in reading order, at most
    `limit` of them; with no limit, every sentence (the lead's first)."""
    spans = [
        s for s in sentence_spans(doc.text)
        if len(doc.text[s.start : s.end]) >= 12
        and len(doc.text[s.start : s.end]) <= MAX_SENTENCE_CHARS
        and not looks_like_instruction(doc.text[s.start : s.end])
    ]  # fmt: skip
    if limit is None:
        return [Evidence(f"S{i}", doc, s.start, s.end, 1.0) for i, s in enumerate(spans, start=1)]
    chosen = {(s.start, s.end) for s in spans[:LEAD]}
    starts = {q.start for c in claims if c.asserter for q in c.quotes}
    for s in spans[LEAD:]:
        if len(chosen) >= limit:
            break
        if any(s.start <= q < s.end for q in starts):
            chosen.add((s.start, s.end))
    ordered = sorted(chosen)
    return [Evidence(f"S{i}", doc, a, b, 1.0) for i, (a, b) in enumerate(ordered, start=1)]


def summarize_document(llm: LLM, doc: Document, claims: list[Claim]) -> DocSummary:
    """A checked, cited summary of `doc`."""
    evidence = evidence_of(doc, claims)
    summary = DocSummary(
        doc_id=doc.id, version=doc.version, outlet=outlet_name(doc), title=doc.title,
        date=doc.date, source=doc.source, model=llm.model_name("answer"),
        prompt_version=prompt_version(),
    )  # fmt: skip
    if not evidence:
        return summary
    task = f'summarize the article "{doc.title or outlet_name(doc)}"'
    composed = compose(llm, task, evidence, prompt_name=PROMPT, max_sentences=SENTENCES)
    by_id = {e.id: e for e in evidence}
    said_by = {q.start: c.asserter_canonical or c.asserter
               for c in claims if c.asserter for q in c.quotes}  # fmt: skip
    book = CitationBook()
    for draft in composed.draft.sentences:
        cites, reason = supported_by(draft.text, draft.cites, by_id, question="")
        cited = [
            book.cite(doc, by_id[c].start, by_id[c].end, said_by.get(by_id[c].start))
            for c in dict.fromkeys(cites) if c in by_id
        ]  # fmt: skip
        if reason is not None:
            log.info("%s: dropped %r (%s)", doc.id, draft.text, reason)
        summary.sentences.append(
            Sentence(
                text=draft.text.strip(), citations=cited, verified=reason is None, reason=reason
            )
        )
    summary.citations = book.all()
    return summary
