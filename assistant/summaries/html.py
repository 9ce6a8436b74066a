"""One self-contained HTML page: every citation links to its quote (and shows it on
hover); each figure that changed over time is an inline SVG chart beside a table of the
same numbers (chart.py); no scripts, no external resources."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..answers.models import Citation, FigureSeries, Sentence
from ..answers.timeline import TIMELINE_COLUMNS, timeline_cells
from ..text.markup import html_page, source_html
from .chart import series_svg
from .markdown import figure_text
from .models import Digest, DocSummary

_STYLE = """table{border-collapse:collapse}
td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}
a.cite{text-decoration:none;font-size:.8em;vertical-align:super}
.dropped{color:#777}.conflict{background:#fff4e0;padding:.5rem 1rem}
li:target{background:#ffff9e}blockquote{margin:.2rem 0 .6rem 1rem}
figure.series{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;margin:1rem 0}
figure.series svg{max-width:100%;height:auto}figure.series a{fill:#1f5fa8}
figure.series figcaption{width:100%;font-weight:bold}"""


def _cite(prefix: str, n: int, by_n: dict[int, Citation]) -> str:
    quote = by_n[n].quote if n in by_n else ""
    return f'<a class="cite" href="#{prefix}-{n}" title="{escape(quote)}">[{n}]</a>'


def _sentences(prefix: str, sentences: Sequence[Sentence], by_n: dict[int, Citation]) -> str:
    kept = [f"{escape(s.text)} {''.join(_cite(prefix, n, by_n) for n in s.citations)}"
            for s in sentences if s.verified]  # fmt: skip
    dropped = sum(not s.verified for s in sentences)
    out = f"<p>{' '.join(kept) or '<em>No sentence could be verified.</em>'}</p>"
    if dropped:
        out += f'<p class="dropped">{dropped} unsupported sentence(s) dropped.</p>'
    return out


def _quotes(prefix: str, citations: Sequence[Citation]) -> str:
    items = []
    for c in citations:
        fetched = ""
        if c.provenance is not None:
            p = c.provenance
            fetched = (f' <small>retrieved {escape(p.retrieved_at)} from <a href="'
                       f'{escape(p.final_url)}">{escape(p.final_url)}</a></small>')  # fmt: skip
        items.append(
            f'<li id="{prefix}-{c.n}" value="{c.n}"><blockquote>{escape(c.quote)}</blockquote>'
            f"{source_html(c.outlet, c.asserter, c.doc_id, c.start, c.end, page=c.page)}"
            f"{fetched}</li>"
        )
    return f"<ol>{''.join(items)}</ol>"


def _summary(index: int, s: DocSummary) -> str:
    prefix = f"s{index}"
    by_n = {c.n: c for c in s.citations}
    date = f" ({escape(s.date)})" if s.date else ""
    head = f"<h3>{escape(s.outlet)}: {escape(s.title or s.source)}{date}</h3>"
    body = _sentences(prefix, s.sentences, by_n) + _quotes(prefix, s.citations)
    return f"<section>{head}{body}</section>"


def _over_time(series: Sequence[FigureSeries], by_n: dict[int, Citation]) -> str:
    """Each series' chart and, beside it, a table of the same figures, latest first."""
    out = []
    for i, one in enumerate(series, start=1):
        head = "".join(f"<th>{escape(c)}</th>" for c in TIMELINE_COLUMNS)
        rows = ""
        for p in one.points:
            cells = [escape(c) for c in timeline_cells(p)]
            cells[4] = _cite("k", p.citation, by_n)
            rows += "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        about = escape(one.about)
        out.append(
            f'<figure class="series" id="series-{i}"><figcaption>{about}: each dated figure '
            f"across the sources</figcaption>{series_svg(one, f'chart-{i}')}<table><caption>"
            f"{about}, latest first</caption><tr>{head}</tr>{rows}</table></figure>"
        )
    return f"<h2>Figures over time</h2>{''.join(out)}" if out else ""


def page(documents: Sequence[DocSummary], digest: Digest | None) -> str:
    parts = []
    if digest is not None:
        by_n = {c.n: c for c in digest.citations}
        rows = "".join(
            f"<tr><td>{escape(figure_text(r))}</td><td>{escape(r.counted)}</td>"
            f"<td>{escape(r.asserter or 'not named')}</td><td>{escape(r.outlet)}</td>"
            f"<td>{_cite('k', r.citation, by_n)}</td></tr>"
            for r in digest.key_figures
        )
        conflicts = "".join(
            f"<li><strong>{escape(c.kind)}</strong> ({escape(c.about)}): {escape(c.summary)} "
            f"{''.join(_cite('k', n, by_n) for n in c.citations)}</li>"
            for c in digest.conflicts
        )
        parts.append(
            f"<h1>Digest of {len(digest.sources)} sources</h1><h2>Key figures</h2>"
            "<table><tr><th>figure</th><th>what is counted</th><th>asserter</th>"
            f"<th>outlet</th><th>quote</th></tr>{rows}</table>"
            f"{_over_time(digest.series, by_n)}"
            f'<h2>Where sources disagree</h2><div class="conflict"><ul>{conflicts}</ul></div>'
            f"<h2>Key figure quotes</h2>{_quotes('k', digest.citations)}<h2>Sources</h2>"
        )
        documents = digest.sources
    parts.extend(_summary(i, s) for i, s in enumerate(documents, start=1))
    body = "".join(parts)
    return html_page("Summaries", _STYLE, body)
