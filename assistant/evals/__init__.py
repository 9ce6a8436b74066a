"""Evals: gold suites (JSONL), a runner that scores grounded answers, reports, comparisons.

`load_suite` reads a suite, `check_suite` verifies its gold quotes, `run_suite` runs it in
an isolated store and returns a `RunRecord`; `render_report` and `compare` read records;
`rescore` scores the answers of a record again (after a gold fix) without asking anything;
`NaiveBaseline` (retrieve, ask once, no checks) is a comparator `run_suite` can run instead
of the assistant.
"""

from .baseline import NaiveBaseline
from .compare import Comparison, compare
from .goldcheck import QuoteProblem, check_suite
from .prepare import Prepare, Prepared, Progress, ingest_and_extract, ingest_only
from .record import RunRecord, Trial, load_record, save_record
from .report import headline_rows, render_report
from .runner import AnswererFactory, Asks, rescore, run_suite
from .suite import Item, Suite, SuiteError, load_suite
from .summary import summarise

__all__ = [
    "AnswererFactory",
    "Asks",
    "Comparison",
    "Item",
    "NaiveBaseline",
    "Prepare",
    "Prepared",
    "Progress",
    "QuoteProblem",
    "RunRecord",
    "Suite",
    "SuiteError",
    "Trial",
    "check_suite",
    "compare",
    "headline_rows",
    "ingest_and_extract",
    "ingest_only",
    "load_record",
    "load_suite",
    "render_report",
    "rescore",
    "run_suite",
    "save_record",
    "summarise",
]
