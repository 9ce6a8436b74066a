"""Markdown and JSON renderings of summaries and the digest."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..answers.models import Citation, FigureRow, FigureSeries, Sentence
from ..answers.timeline import TIMELINE_COLUMNS, timeline_cells
from .models import Digest, DocSummary


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _marks(numbers: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def figure_text(row: FigureRow) -> str:
    return f"{row.hedge + ' ' if row.hedge else ''}{row.surface}"


def sentences_md(sentences: Sequence[Sentence]) -> str:
    kept = [f"{s.text} {_marks(s.citations)}" for s in sentences if s.verified]
    dropped = sum(not s.verified for s in sentences)
    text = " ".join(kept) if kept else "_No sentence of the summary could be verified._"
    if dropped:
        text += f"\n\n_{dropped} unsupported sentence(s) dropped._"
    return text


def quotes_md(citations: Sequence[Citation]) -> list[str]:
    lines = []
    for c in citations:
        who = f", asserted by {c.asserter}" if c.asserter else ""
        page = f" p. {c.page}," if c.page else ""
        fetched = ""
        if c.provenance is not None:
            fetched = f"; retrieved {c.provenance.retrieved_at} from <{c.provenance.final_url}>"
        lines.append(f"{c.n}. “{' '.join(c.quote.split())}” ({c.outlet}{who};{page} "
                     f"`{c.doc_id}` {c.start}:{c.end}{fetched})")  # fmt: skip
    return lines


def summary_md(summary: DocSummary, level: int = 1) -> str:
    head = "#" * level
    title = summary.title or summary.source
    date = f" ({summary.date})" if summary.date else ""
    lines = [f"{head} {summary.outlet}: {title}{date}", "", sentences_md(summary.sentences), ""]
    if summary.citations:
        lines += ["Quotes:", "", *quotes_md(summary.citations), ""]
    return "\n".join(lines)


def digest_md(digest: Digest) -> str:
    lines = [f"# Digest of {len(digest.sources)} sources", "", "## Key figures", ""]
    if digest.key_figures:
        lines += ["| figure | what is counted | asserter | outlet | quote |",
                  "|---|---|---|---|---|"]  # fmt: skip
        for r in digest.key_figures:
            lines.append(f"| {_cell(figure_text(r))} | {_cell(r.counted)} | "
                         f"{_cell(r.asserter or 'not named')} | {_cell(r.outlet)} | "
                         f"[{r.citation}] |")  # fmt: skip
    else:
        lines.append("_No attributed figures were extracted._")
    lines += ["", "## Where sources disagree", ""]
    if digest.conflicts:
        lines += [f"- **{c.kind}** ({_cell(c.about)}): {c.summary}" for c in digest.conflicts]
    else:
        lines.append("_No disagreement between sources was found in the figures._")
    lines += _over_time_md(digest.series)
    lines += ["", "Key figure quotes:", "", *quotes_md(digest.citations), "", "## Sources", ""]
    lines += [summary_md(s, level=3) for s in digest.sources]
    return "\n".join(lines)


def _over_time_md(series: Sequence[FigureSeries]) -> list[str]:
    """Each figure that changed over time: its reports, latest first, as the HTML digest's
    tables beside its charts."""
    if not series:
        return []
    lines = ["", "## Figures over time", ""]
    for one in series:
        lines += [f"**{_cell(one.about)}**, latest first:", "",
                  "| " + " | ".join(TIMELINE_COLUMNS) + " |",
                  "|" + "---|" * len(TIMELINE_COLUMNS)]  # fmt: skip
        lines += ["| " + " | ".join(_cell(c) for c in timeline_cells(p)) + " |" for p in one.points]
        lines.append("")
    return lines[:-1]


def to_json(documents: Sequence[DocSummary], digest: Digest | None) -> str:
    data = {
        "documents": [d.model_dump(mode="json") for d in documents],
        "digest": digest.model_dump(mode="json", exclude={"sources"}) if digest else None,
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
