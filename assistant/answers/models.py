"""What an answer is made of: the objects the CLI prints, `--json` emits and the UI shows.

Every quote is copied from a stored document by its offsets; every figure row and every
sentence points at a citation by number. `CANNOT_ANSWER` is the one sentence an
abstention says (tests assert on it).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CANNOT_ANSWER = "These sources do not answer the question."
"""The fixed abstention sentence, followed by the closest passages found."""

Kind = Literal["figures", "fact", "attribution", "agreement", "summary", "other"]
KINDS: tuple[Kind, ...] = ("figures", "fact", "attribution", "agreement", "summary", "other")

ConflictKind = Literal["contradiction", "update", "scope", "asserter", "spelling"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(_Out):
    """Where a fetched page came from, and which version of it is quoted."""

    url: str = Field(description="the URL asked for")
    final_url: str = Field(description="the URL after redirects")
    retrieved_at: str = Field(description="when it was fetched, UTC, ISO 8601")
    http_status: int
    sha256: str = Field(description="of the response body, kept as fetched")
    version: int = Field(default=1, ge=1, description="1, then one more per change seen")


class Citation(_Out):
    """A verified quote: `quote == document.text[start:end]`."""

    n: int = Field(ge=1, description="the number the answer cites it by, [n]")
    doc_id: str
    outlet: str
    title: str | None = None
    date: str | None = None
    asserter: str | None = None
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    quote: str
    page: int | None = Field(default=None, ge=1, description="the PDF page the quote starts on")
    provenance: Provenance | None = Field(default=None, description="for a fetched page")


class FigureRow(_Out):
    """One figure of one source, from a verified claim."""

    doc_id: str
    outlet: str
    outlet_is_title: bool = False
    """The source names no outlet: `outlet` is its title (or file name)."""
    value: float
    low: float | None = None
    high: float | None = None
    surface: str
    hedge: str | None = None
    unit: str | None = None
    counted: str
    kind: str | None = None
    """The normalised kind of what is counted ("deaths", "injured", ...), if read."""
    asserter: str | None = None
    asserter_surface: str | None = None
    carrier: str | None = None
    """The agency that carried the figure ("told Reuters"), kept apart from the asserter."""
    when: str | None = None
    place: str | None = None
    """The place the figure's sentence states it for, as written ("Morelos state")."""
    date: str | None = None
    region: str | None = None
    """ISO 3166 code of the one known region the figure's clause names ("in Bihar")."""
    citation: int = Field(ge=1)


class TimelinePoint(_Out):
    """One figure of a series over time, for the terminal's timeline table and chart and
    the digest's chart: whose series it is, when, the value, and what it revised."""

    asserter: str | None = Field(default=None, description="whose series; None: no source named")
    outlet: str = Field(description="the outlet, or a quoted short title when it has none")
    date: str | None = Field(default=None, description="the article's date")
    when: str | None = Field(default=None, description='the claim\'s own time ("by Thursday")')
    value: float
    text: str = Field(description='the value with its hedge, as written ("at least 27")')
    citation: int = Field(ge=1)
    latest: bool = Field(default=False, description="of the latest dated report")
    revision: Literal["up", "down"] | None = Field(
        default=None, description="how it changed the same asserter's previous report"
    )
    revised_from: str | None = Field(default=None, description="that report's value and hedge")
    revised_from_citation: int | None = Field(default=None, ge=1)


class FigureSeries(_Out):
    """A figure that changed over time across the sources: one counted kind, dated values."""

    about: str = Field(description="what is counted")
    points: list[TimelinePoint] = Field(min_length=1, description="latest first")


class Conflict(_Out):
    """Sources that disagree about one thing, and how."""

    kind: ConflictKind
    about: str
    summary: str
    citations: list[int] = Field(min_length=1)
    unattributed: bool = Field(
        default=False,
        description="a contradiction among figures that name no asserter (the outlets' own)",
    )


class Sentence(_Out):
    """One sentence of the answer and the citations that support it."""

    text: str
    citations: list[int] = Field(default_factory=list)
    verified: bool = True
    reason: str | None = Field(default=None, description="why it is marked unsupported")


class Verification(_Out):
    """How many sentences were checked against their citations, kept, and dropped."""

    checked: int = 0
    verified: int = 0
    dropped: int = 0


class AnswerUsage(_Out):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0


class Answer(_Out):
    """A whole answer, as `factcheck ask --json` prints it."""

    question: str
    kind: Kind
    about: str = ""
    answer: str
    abstained: bool = False
    sentences: list[Sentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    figures: list[FigureRow] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    timeline: list[TimelinePoint] = Field(
        default_factory=list, description="a timeline answer's figures, latest first"
    )
    closest: list[Citation] = Field(
        default_factory=list, description="on abstention: the closest passages found"
    )
    verification: Verification = Field(default_factory=Verification)
    usage: AnswerUsage = Field(default_factory=AnswerUsage)
    latency_s: float = 0.0
    first_token_s: float | None = None
    first_sentence_s: float | None = Field(
        default=None, description="seconds from the question to the first verified sentence"
    )
