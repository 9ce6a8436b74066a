"""Running a suite: prepare its corpus in a temporary store, ask every question (each
`repeat` times), score every answer, and sum it all up in a `RunRecord`.

One failing question never stops the run: its exception is recorded and the item scored
incorrect. An item whose gold is malformed, or names a quote that is not in its file, is
not asked at all and is reported as unscored. Ctrl-C stops asking and keeps what was
scored so far (the record says it was interrupted).
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from ..answers import Answerer
from ..answers.answerer import usage_since
from ..answers.models import Answer, Citation
from ..checking import Checker, StatementCheck
from ..llm import LLM
from ..search import Filters
from ..settings import Settings
from ..store import Store, open_store
from .goldcheck import check_item, named_files, read_corpus
from .judge import context_for, errored, judge, judge_check, unscored
from .prepare import Prepare, Progress, Silent, ingest_and_extract, isolated
from .record import (
    AnswerView,
    CorpusDoc,
    RunRecord,
    Scores,
    Trial,
    ViewCitation,
    ViewConflict,
    ViewFigure,
    ViewSentence,
)
from .suite import Item, Suite
from .summary import summarise

log = logging.getLogger(__name__)


class Asks(Protocol):
    """What a run asks its questions of: `Answerer`, or a comparator such as the baseline."""

    def ask(self, question: str, filters: Filters | None = None) -> Answer: ...


AnswererFactory = Callable[[Store, LLM], Asks]
"""Makes the answerer of a run over its store and LLM (`Answerer` by default)."""


def run_suite(
    suite: Suite,
    settings: Settings,
    *,
    repeat: int = 1,
    limit: int | None = None,
    prepare: Prepare = ingest_and_extract,
    progress: Progress | None = None,
    answerer: AnswererFactory = Answerer,
) -> RunRecord:
    """Run `suite` with `settings` (their LLM and models; the store is always temporary).

    `answerer` makes what answers the questions; one with a `name` attribute (such as
    `NaiveBaseline`) is recorded under that name, anything else as "assistant". Check
    items are checked by `Checker` whatever the answerer.
    """
    bar = progress or Silent()
    began = time.perf_counter()
    record = RunRecord(
        suite=suite.name,
        suite_path=str(suite.path),
        suite_sha256=_sha256(suite.path),
        description=suite.header.description,
        started=datetime.now(UTC).isoformat(timespec="seconds"),
        provider=settings.llm.provider,
        answer_model=settings.llm.answer_model,
        extraction_model=settings.llm.extraction_model,
        repeat=repeat,
        limit=limit,
        answerer=str(getattr(answerer, "name", "assistant")),
    )
    items = suite.items[:limit] if limit is not None else list(suite.items)
    texts = read_corpus(suite.files)
    problems = {item.id: check_item(item, texts) for item in items}
    record.gold_problems = [p.line() for found in problems.values() for p in found]
    with tempfile.TemporaryDirectory(prefix="factcheck-eval-") as tmp:
        run_settings = isolated(settings, Path(tmp))
        store = open_store(run_settings)
        llm = LLM(run_settings.llm, run_settings.cache)
        try:
            prepared = prepare(store, llm, suite.files, bar)
            record.corpus, record.extraction = prepared.corpus, prepared.extraction
            record.stages = {k: round(v, 3) for k, v in prepared.stages.items()}
            asked = time.perf_counter()
            asker = _Asker(answerer(store, llm), store, llm, prepared.corpus)
            bar.stage("questions", len(items) * repeat)
            try:
                for r in range(1, repeat + 1):
                    for item in items:
                        reasons = [p.line() for p in problems[item.id]]
                        record.trials.append(asker.trial(item, r, reasons))
                        bar.advance(1, item.id)
            except KeyboardInterrupt:
                record.interrupted = True
                log.warning("interrupted: %d trials scored", len(record.trials))
            record.stages["questions"] = round(time.perf_counter() - asked, 3)
        finally:
            llm.close()
            store.close()
    record.trials += [
        Trial(
            item_id=bad.id,
            kind=bad.kind,
            question=bad.question,
            scores=unscored(f"malformed item (line {bad.line}): {bad.error}"),
        )
        for bad in suite.invalid
    ]
    record.summary = summarise(record.trials)
    record.seconds = round(time.perf_counter() - began, 3)
    return record


def rescore(record: RunRecord, suite: Suite) -> RunRecord:
    """`record`'s answers scored again against `suite` (its gold fixed or extended),
    without asking anything: the cleaned texts come from the corpus files."""
    texts = read_corpus(suite.files)
    cleaned = {name: t.cleaned for name, t in texts.items()}
    items = {i.id: i for i in suite.items}
    trials: list[Trial] = []
    for t in record.trials:
        item = items.get(t.item_id)
        if item is None or t.answer is None:
            trials.append(t)
            continue
        problems = [p.line() for p in check_item(item, texts)]
        score = judge_check if item.kind == "check" else judge
        scores = (unscored("gold problem: " + "; ".join(problems)) if problems
                  else score(item, t.answer, context_for(item, cleaned)))  # fmt: skip
        trials.append(t.model_copy(update={"scores": scores, "gold_answer": item.gold.answer}))
    return record.model_copy(update={"trials": trials, "summary": summarise(trials),
                                     "suite_sha256": _sha256(suite.path)})  # fmt: skip


class _Asker:
    """Asks one item once and scores the answer."""

    def __init__(self, answerer: Asks, store: Store, llm: LLM, corpus: Sequence[CorpusDoc]) -> None:
        self.answerer = answerer
        self.store = store
        self.llm = llm
        self.ids = {c.file: c.doc_id for c in corpus if c.doc_id}
        self.files = {doc_id: file for file, doc_id in self.ids.items()}
        self.texts: Mapping[str, str] = {
            c.file: doc.text
            for c in corpus
            if c.doc_id and (doc := store.docs.get(c.doc_id)) is not None
        }

    def trial(self, item: Item, repeat: int, problems: Sequence[str]) -> Trial:
        def done(
            scores: Scores, answer: AnswerView | None = None, error: str | None = None
        ) -> Trial:
            return Trial(
                item_id=item.id,
                kind=item.kind,
                question=item.question,
                repeat=repeat,
                gold_answer=item.gold.answer,
                scores=scores,
                answer=answer,
                error=error,
            )

        if problems:
            return done(unscored("gold problem: " + "; ".join(problems)))
        missing = [f for f in named_files(item) if f not in self.ids]
        if missing:
            return done(unscored(f"not ingested: {', '.join(missing)}"))
        filters = Filters(sources=tuple(self.ids[f] for f in item.sources))
        try:
            view = self._ask(item, filters)
        except Exception as exc:  # one failing question never stops the run
            log.warning("%s: %s: %s", item.id, type(exc).__name__, exc)
            error = f"{type(exc).__name__}: {exc}"
            return done(errored(item, error), error=error)
        try:
            score = judge_check if item.kind == "check" else judge
            scores = score(item, view, context_for(item, self.texts))
        except Exception as exc:  # a scorer bug is not the assistant's failure
            log.exception("%s: scoring failed", item.id)
            scores = unscored(f"scorer failed: {type(exc).__name__}: {exc}")
        return done(scores, view)

    def _ask(self, item: Item, filters: Filters) -> AnswerView:
        active = filters if filters.active else None
        if item.kind != "check":
            return view_of(self.answerer.ask(item.question, active), self.files)
        checker = Checker(self.store, self.llm, active)
        before = len(self.llm.usage.calls)
        check = checker.check_statement(checker.statement_of(item.question))
        used = usage_since(self.llm, before)
        return check_view(check, self.files).model_copy(update={
            "prompt_tokens": used.prompt_tokens, "completion_tokens": used.completion_tokens,
            "calls": used.calls,
        })  # fmt: skip


def check_view(check: StatementCheck, files: Mapping[str, str]) -> AnswerView:
    """A statement's check as the scorers see answers: the verdict and its reason, the
    evidence as citations (all backing the reason), sources named by file."""
    cited = [
        ViewCitation(n=n, file=files.get(e.doc_id, e.doc_id), start=e.start, end=e.end,
                     quote=e.quote, asserter=e.asserter)
        for n, e in enumerate(check.evidence, 1)
    ]  # fmt: skip
    return AnswerView(
        kind="check",
        text=f"{check.verdict}: {check.reason}",
        abstained=False,
        sentences=[ViewSentence(text=check.reason, citations=[c.n for c in cited])],
        citations=cited,
        latency_s=check.latency_s,
        verdict=check.verdict,
        decided_by=check.by,
        figure_statement=bool(check.figures),
    )


def view_of(answer: Answer, files: Mapping[str, str]) -> AnswerView:
    """`answer` with every document id replaced by its file name (`files`: id -> name)."""

    def file(doc_id: str) -> str:
        return files.get(doc_id, doc_id)

    def cite(c: Citation) -> ViewCitation:
        return ViewCitation(
            n=c.n, file=file(c.doc_id), start=c.start, end=c.end, quote=c.quote, asserter=c.asserter
        )

    return AnswerView(
        kind=answer.kind,
        text=answer.answer,
        abstained=answer.abstained,
        sentences=[
            ViewSentence(text=s.text, citations=list(s.citations), verified=s.verified)
            for s in answer.sentences
        ],
        citations=[cite(c) for c in answer.citations],
        closest=[cite(c) for c in answer.closest],
        figures=[
            ViewFigure(
                file=file(f.doc_id),
                value=f.value,
                low=f.low,
                high=f.high,
                surface=f.surface,
                hedge=f.hedge,
                counted=f.counted,
                asserter=f.asserter,
                asserter_surface=f.asserter_surface,
                citation=f.citation,
            )
            for f in answer.figures
        ],
        conflicts=[
            ViewConflict(kind=c.kind, summary=c.summary, citations=list(c.citations))
            for c in answer.conflicts
        ],
        latency_s=answer.latency_s,
        prompt_tokens=answer.usage.prompt_tokens,
        completion_tokens=answer.usage.completion_tokens,
        calls=answer.usage.calls,
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
