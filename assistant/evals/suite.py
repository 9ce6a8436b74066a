"""Eval suites: JSONL files of questions with gold answers in a scoreable form.

Line 1 is the suite header (its name and where its corpus is); every other non-blank line
is one item. The schema is documented in `evals/README.md`. A line that does not parse or
validate is kept as an `InvalidItem`: the runner reports it as unscored instead of
stopping, so one malformed gold item never hides the results of the others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..checking.models import Verdict as CheckVerdict
from ..errors import FactcheckError
from ..ingest.load import SUPPORTED_SUFFIXES

ItemKind = Literal[
    "figures", "fact", "attribution", "conflict", "unanswerable", "summary", "injection", "check"
]
ITEM_KINDS: tuple[ItemKind, ...] = (
    "figures",
    "fact",
    "attribution",
    "conflict",
    "unanswerable",
    "summary",
    "injection",
    "check",
)


class SuiteError(FactcheckError):
    """A suite file that cannot be used at all (missing, or no valid header)."""


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldQuote(_In):
    """A verbatim passage of one corpus file (checked against the raw file and the
    cleaned document text)."""

    file: str = Field(min_length=1, description="corpus file name, e.g. 001_x.txt")
    quote: str = Field(min_length=3, description="verbatim text of that file")


class GoldAsserter(_In):
    """Who asserted a figure (or a statement, with no value) in one file."""

    value: float | None = Field(default=None, description="the figure asserted, if any")
    file: str | None = Field(default=None, description="the file that reports it")
    names: list[str] = Field(min_length=1, description="acceptable names, any one matches")


class GoldConflict(_In):
    """Sources that disagree: a reported conflict must cite one file of every side."""

    about: str = ""
    sides: list[list[str]] = Field(min_length=2, description="each side: alternative files")


class Gold(_In):
    """The gold answer, in the parts each scorer reads."""

    answer: str = Field(default="", description="a reference answer for people (reports)")
    answerable: bool | None = Field(
        default=True, description="false: the sources do not answer; null: either is fine"
    )
    figures: dict[str, list[float]] = Field(
        default_factory=dict, description="file -> values it must report"
    )
    optional_figures: dict[str, list[float]] = Field(
        default_factory=dict, description="file -> values neither required nor penalised"
    )
    asserters: list[GoldAsserter] = Field(default_factory=list)
    conflicts: list[GoldConflict] = Field(default_factory=list)
    mentions: list[list[str]] = Field(
        default_factory=list, description="groups of alternatives; each group must appear"
    )
    forbidden: list[str] = Field(default_factory=list, description="must never appear")
    injected: list[GoldQuote] = Field(default_factory=list, description="never to be cited")
    min_sources: int | None = Field(default=None, ge=1, description="distinct files cited")
    verdict: CheckVerdict | None = Field(
        default=None, description="a check item's verdict on its statement"
    )


class Item(_In):
    """One question of a suite (for a `check` item, `question` is the statement checked)."""

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    kind: ItemKind
    question: str = Field(min_length=1)
    sources: list[str] = Field(default_factory=list, description="ask within these files")
    gold: Gold
    evidence: list[GoldQuote] = Field(default_factory=list)
    notes: str = ""

    @model_validator(mode="after")
    def _scoreable(self) -> Item:
        g = self.gold
        needs = {
            "figures": bool(g.figures),
            "fact": bool(g.mentions),
            "attribution": bool(g.asserters),
            "conflict": bool(g.conflicts),
            "unanswerable": g.answerable is False,
            "summary": bool(g.mentions) or g.min_sources is not None,
            "injection": bool(g.forbidden or g.injected),
            "check": g.verdict is not None,
        }
        if not needs[self.kind]:
            raise ValueError(f"a {self.kind} item needs its gold part (see evals/README.md)")
        if g.verdict is not None and self.kind != "check":
            raise ValueError("only check items have a gold verdict")
        if self.kind == "check" and g.verdict != "not in sources" and not self.evidence:
            raise ValueError(f"a {g.verdict} check item needs the evidence that decides it")
        if g.answerable is not True and self.kind not in ("unanswerable", "injection"):
            raise ValueError("only unanswerable and injection items may be unanswerable")
        return self


class SuiteHeader(_In):
    """Line 1 of a suite file."""

    suite: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    description: str = ""
    corpus: list[str] = Field(min_length=1, description="folders or files, suite-relative")
    schema_version: Literal[1] = 1


@dataclass(frozen=True)
class InvalidItem:
    """A line that is not a valid item, kept so it is reported as unscored."""

    line: int
    id: str
    kind: str
    question: str
    error: str


@dataclass
class Suite:
    """A loaded suite: its header, valid items, invalid lines and corpus files."""

    path: Path
    header: SuiteHeader
    items: list[Item] = field(default_factory=list)
    invalid: list[InvalidItem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.header.suite


def load_suite(path: Path) -> Suite:
    """Read a suite file; only a missing file or header is an error."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SuiteError(f"cannot read suite {path}: {exc.strerror}") from exc
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    if not numbered:
        raise SuiteError(f"suite {path} is empty", hint="line 1 is the header, see evals/README.md")
    try:
        header = SuiteHeader.model_validate_json(numbered[0][1])
    except ValidationError as exc:
        raise SuiteError(
            f"suite {path}: line {numbered[0][0]} is not a valid header: {_first_error(exc)}"
        ) from exc
    suite = Suite(path, header, files=corpus_files(path, header))
    seen: set[str] = set()
    for n, line in numbered[1:]:
        try:
            item = Item.model_validate_json(line)
        except ValidationError as exc:
            suite.invalid.append(_invalid(n, line, _first_error(exc)))
            continue
        if item.id in seen:
            suite.invalid.append(_invalid(n, line, f"duplicate id {item.id!r}"))
            continue
        seen.add(item.id)
        suite.items.append(item)
    return suite


def corpus_files(suite_path: Path, header: SuiteHeader) -> list[Path]:
    """The article files of the corpus, sorted; file names must be unique."""
    files: list[Path] = []
    for entry in header.corpus:
        where = (suite_path.parent / entry).resolve()
        if where.is_dir():
            files += sorted(
                p for p in where.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        elif where.is_file():
            files.append(where)
        else:
            raise SuiteError(f"suite {suite_path}: corpus entry {entry!r} does not exist")
    names = [p.name for p in files]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise SuiteError(f"suite {suite_path}: corpus file names must be unique: {twice}")
    if not files:
        raise SuiteError(f"suite {suite_path}: the corpus has no article files")
    return files


def _invalid(n: int, line: str, error: str) -> InvalidItem:
    try:
        raw = json.loads(line)
    except ValueError:
        raw = None
    data = raw if isinstance(raw, dict) else {}
    return InvalidItem(
        line=n,
        id=str(data.get("id") or f"line-{n}"),
        kind=str(data.get("kind") or "?"),
        question=str(data.get("question") or ""),
        error=error,
    )


def _first_error(exc: ValidationError) -> str:
    e = exc.errors()[0]
    where = ".".join(str(p) for p in e["loc"])
    return f"{where}: {e['msg']}" if where else str(e["msg"])
