"""The JSON record of an eval run: what was asked, what came back, how it scored.

Answers are kept as `AnswerView`s, an answer with document ids replaced by corpus file
names, so a record is readable (and comparable) without the temporary store it came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import FactcheckError

Verdict = Literal["correct", "incorrect", "unscored"]
RECORD_NAME = "run.json"
REPORT_NAME = "report.md"


class _Rec(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ViewCitation(_Rec):
    n: int
    file: str
    start: int
    end: int
    quote: str
    asserter: str | None = None


class ViewFigure(_Rec):
    file: str
    value: float
    low: float | None = None
    high: float | None = None
    surface: str
    hedge: str | None = None
    counted: str = ""
    asserter: str | None = None
    asserter_surface: str | None = None
    citation: int


class ViewSentence(_Rec):
    text: str
    citations: list[int] = Field(default_factory=list)
    verified: bool = True


class ViewConflict(_Rec):
    kind: str
    summary: str
    citations: list[int] = Field(default_factory=list)


class AnswerView(_Rec):
    """An answer as the scorers see it: sources named by corpus file."""

    kind: str
    text: str
    abstained: bool
    sentences: list[ViewSentence] = Field(default_factory=list)
    citations: list[ViewCitation] = Field(default_factory=list)
    closest: list[ViewCitation] = Field(default_factory=list)
    figures: list[ViewFigure] = Field(default_factory=list)
    conflicts: list[ViewConflict] = Field(default_factory=list)
    latency_s: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    verdict: str | None = Field(default=None, description="a check's verdict on its statement")
    decided_by: str | None = Field(default=None, description="a check's: claims, model, none")
    figure_statement: bool | None = Field(default=None, description="a check of a figure")


class Scores(_Rec):
    """One trial's verdict and the counts behind every metric it takes part in (None:
    the metric does not apply to this item)."""

    verdict: Verdict
    reason: str = ""
    score: float | None = Field(default=None, description="the item's main score, 0 to 1")
    figure_tp: int | None = None
    figure_fp: int | None = None
    figure_fn: int | None = None
    figure_missing: list[str] = Field(default_factory=list)
    figure_extra: list[str] = Field(default_factory=list)
    asserters_right: int | None = None
    asserters_total: int | None = None
    quotes_valid: int | None = None
    quotes_total: int | None = None
    citations_on_gold: int | None = None
    citations_total: int | None = None
    evidence_cited: int | None = None
    evidence_total: int | None = None
    answerable: bool | None = None
    abstained: bool | None = None
    conflicts_found: int | None = None
    conflicts_total: int | None = None
    mentions_found: int | None = None
    mentions_total: int | None = None
    injection_resisted: bool | None = None
    check_gold: str | None = Field(default=None, description="a check item's gold verdict")
    check_verdict: str | None = Field(default=None, description="the verdict given")


class Trial(_Rec):
    """One question asked once."""

    item_id: str
    kind: str
    question: str
    repeat: int = 1
    gold_answer: str = ""
    scores: Scores
    answer: AnswerView | None = None
    error: str | None = None


class Ratio(_Rec):
    num: float = 0
    den: float = 0
    value: float | None = None

    @classmethod
    def of(cls, num: float, den: float) -> Ratio:
        return cls(num=num, den=den, value=(num / den) if den else None)


class KindRow(_Rec):
    kind: str
    trials: int
    correct: int
    incorrect: int
    unscored: int
    accuracy: float | None
    latency_p50: float | None


class CheckClass(_Rec):
    """One verdict of the check items: how often it was gold, given, and right."""

    verdict: str
    gold: int
    given: int
    right: int
    precision: float | None
    recall: float | None
    f1: float | None


class CheckSummary(_Rec):
    """The check items' numbers: per-verdict scores, their macro-F1 (over the verdicts
    that are gold or given), evidence against the gold spans, and latency by kind of
    statement."""

    trials: int = 0
    classes: list[CheckClass] = Field(default_factory=list)
    macro_f1: float | None = None
    confusion: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="gold verdict -> verdict given -> trials"
    )
    supported_without_evidence: int = 0
    evidence_precision: Ratio = Field(default_factory=Ratio)
    evidence_recall: Ratio = Field(default_factory=Ratio)
    latency_p50_figure: float | None = None
    latency_p50_other: float | None = None
    latency_max: float | None = None


class Summary(_Rec):
    """The headline numbers of a run."""

    items: int = 0
    trials: int = 0
    correct: int = 0
    incorrect: int = 0
    unscored: int = 0
    errors: int = 0
    accuracy: Ratio = Field(default_factory=Ratio)
    figure_precision: Ratio = Field(default_factory=Ratio)
    figure_recall: Ratio = Field(default_factory=Ratio)
    asserter_accuracy: Ratio = Field(default_factory=Ratio)
    quote_validity: Ratio = Field(default_factory=Ratio)
    citation_precision: Ratio = Field(default_factory=Ratio)
    citation_recall: Ratio = Field(default_factory=Ratio)
    abstention_accuracy: Ratio = Field(default_factory=Ratio)
    false_abstention: Ratio = Field(default_factory=Ratio)
    conflict_recall: Ratio = Field(default_factory=Ratio)
    injection_resistance: Ratio = Field(default_factory=Ratio)
    mention_recall: Ratio = Field(default_factory=Ratio)
    latency_p50: float | None = None
    latency_p95: float | None = None
    tokens_per_question: float | None = None
    prompt_tokens_per_question: float | None = None
    completion_tokens_per_question: float | None = None
    agreement: float | None = Field(default=None, description="None with one repeat")
    by_kind: list[KindRow] = Field(default_factory=list)
    check: CheckSummary | None = Field(default=None, description="only with check items")


class CorpusDoc(_Rec):
    file: str
    status: str
    doc_id: str | None = None
    outlet: str | None = None
    date: str | None = None
    chars: int = 0
    reason: str = ""


class ExtractionInfo(_Rec):
    claims: int = 0
    verified: int = 0
    repaired: int = 0
    dropped: int = 0
    failed_calls: int = 0
    errors: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0


class RunRecord(_Rec):
    """Everything about one run of one suite."""

    schema_version: Literal[1] = 1
    suite: str
    suite_path: str
    suite_sha256: str
    description: str = ""
    started: str
    seconds: float = 0.0
    stages: dict[str, float] = Field(default_factory=dict)
    interrupted: bool = False
    provider: str
    answer_model: str
    extraction_model: str
    answerer: str = Field(default="assistant", description="what answered: assistant, baseline")
    repeat: int = 1
    limit: int | None = None
    corpus: list[CorpusDoc] = Field(default_factory=list)
    extraction: ExtractionInfo = Field(default_factory=ExtractionInfo)
    gold_problems: list[str] = Field(default_factory=list)
    trials: list[Trial] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)


def save_record(record: RunRecord, folder: Path, report: str) -> Path:
    """Write run.json and report.md into `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / RECORD_NAME).write_text(record.model_dump_json(indent=1) + "\n", encoding="utf-8")
    (folder / REPORT_NAME).write_text(report, encoding="utf-8")
    return folder


def load_record(path: Path) -> RunRecord:
    """A run record from its folder or its run.json."""
    file = path / RECORD_NAME if path.is_dir() else path
    try:
        return RunRecord.model_validate_json(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FactcheckError(f"cannot read run record {file}: {exc.strerror}") from exc
    except ValueError as exc:
        raise FactcheckError(f"{file} is not a run record: {str(exc).splitlines()[0]}") from exc
