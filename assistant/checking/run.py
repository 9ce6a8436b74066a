"""`Checker`: a draft's statements, each checked in order (figures by code, the rest by
the model), with counts and usage."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from ..answers.answerer import usage_since
from ..llm import LLM
from ..search import Filters
from ..store import Store
from .entail import judge_statement
from .figures import judge_figures, read_figures
from .models import VERDICTS, CheckReport, Judged, StatementCheck
from .statements import Statement, has_figure, split_statements

OnStatement = Callable[[StatementCheck, int, int], None]


class Checker:
    """Checks statements against one store's sources (with `filters`, only the documents
    they select: `--source`, `--outlet` as in `ask`)."""

    def __init__(self, store: Store, llm: LLM, filters: Filters | None = None) -> None:
        self.store = store
        self.llm = llm
        self.filters = filters if filters is not None and filters.active else None
        self.doc_ids = None if self.filters is None else store.docs.doc_ids(**self.filters.__dict__)

    def check_draft(self, draft: str, on_statement: OnStatement | None = None) -> CheckReport:
        """Every check-worthy statement of `draft`; a one-sentence claim is checked even
        when it would not count as check-worthy in a draft."""
        began = time.perf_counter()
        calls_before = len(self.llm.usage.calls)
        statements = split_statements(draft)
        if not statements and draft.strip():
            statements = [self.statement_of(draft)]
        checked: list[StatementCheck] = []
        for i, statement in enumerate(statements, 1):
            result = self.check_statement(statement)
            checked.append(result)
            if on_statement is not None:
                on_statement(result, i, len(statements))
        counts = Counter(c.verdict for c in checked)
        usage = usage_since(self.llm, calls_before)
        return CheckReport(
            statements=checked,
            counts={v: counts.get(v, 0) for v in VERDICTS},
            usage={k: v for k, v in usage.model_dump().items() if isinstance(v, int)},
            latency_s=round(time.perf_counter() - began, 3),
        )

    def statement_of(self, text: str) -> Statement:
        """All of `text` (stripped) as one statement, whether check-worthy or not."""
        stripped = text.strip()
        start = text.index(stripped)
        return Statement(stripped, start, start + len(stripped), has_figure(stripped))

    def check_statement(self, statement: Statement) -> StatementCheck:
        began = time.perf_counter()
        figures = read_figures(self.store, statement.text) if statement.has_figure else []
        if figures:
            on_claims = judge_figures(self.store, statement.text, figures, self.doc_ids)
            judged = Judged(on_claims.verdict, on_claims.reason, on_claims.evidence, "claims")
        else:
            judged = judge_statement(self.store, self.llm, statement.text, self.filters)
        verdict, reason, evidence, by = judged.verdict, judged.reason, judged.evidence, judged.by
        return StatementCheck(
            text=statement.text, start=statement.start, end=statement.end, verdict=verdict,
            reason=reason, evidence=evidence, figures=figures,
            by=by if evidence or verdict != "not in sources" else "none",
            latency_s=round(time.perf_counter() - began, 3),
        )  # fmt: skip
