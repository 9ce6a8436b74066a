"""Summaries: what `factcheck summarize` writes as Markdown, JSON or HTML."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..answers.models import Citation, Conflict, FigureRow, FigureSeries, Sentence


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocSummary(_Out):
    """One document's summary: checked sentences citing verbatim quotes of it."""

    doc_id: str
    version: str
    outlet: str
    title: str | None = None
    date: str | None = None
    source: str
    sentences: list[Sentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    model: str = ""
    prompt_version: str = ""

    @property
    def kept(self) -> list[Sentence]:
        return [s for s in self.sentences if s.verified]

    @property
    def dropped(self) -> int:
        return sum(not s.verified for s in self.sentences)


class Digest(_Out):
    """A cross-source digest: key figures, where sources disagree, and each source's gist."""

    key_figures: list[FigureRow] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    series: list[FigureSeries] = Field(
        default_factory=list, description="the figures that changed over time across sources"
    )
    citations: list[Citation] = Field(default_factory=list)
    sources: list[DocSummary] = Field(default_factory=list)


class SummaryRun(_Out):
    """What one run did: summaries made, reused from cache, failed; sentences kept/dropped."""

    summarized: int = 0
    cached: int = 0
    failed: list[str] = Field(default_factory=list)
    kept: int = 0
    dropped: int = 0
    seconds: float = 0.0
