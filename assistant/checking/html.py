"""A checked draft as one self-contained HTML page (`factcheck check --format html`).

The draft is shown as written, each checked statement highlighted by its verdict with
the verdict's colour and its symbol and name (never colour alone). Hovering a statement,
or focusing it with the keyboard, shows its reason and evidence; clicking it goes to its
entry in the list of checks below, which holds the same in full: the reason, then each
verified quote with outlet, asserter, date, document id and offsets. No script, no
external resource; every piece of draft, model and article text is escaped.
"""

from __future__ import annotations

from html import escape

from ..text.markup import html_page, source_html
from .models import MARKS, VERDICTS, CheckReport, Evidence, StatementCheck, label
from .statements import annotate

_COLOURS = {  # background, border: light enough for black text
    "supported": ("#dcf1dc", "#2e7d32"),
    "contradicted": ("#fadad8", "#c62828"),
    "disputed": ("#fdebc8", "#b26a00"),
    "misattributed": ("#ecdcf6", "#7b1fa2"),
    "not in sources": ("#e8e8e8", "#616161"),
}
_STYLE = """.draft{white-space:pre-wrap;border:1px solid #ccc;border-radius:4px;padding:1rem}
.st{position:relative;border-bottom:2px solid;border-radius:3px;padding:0 .15rem}
.st>a{color:inherit;text-decoration:none}
.tag{font-weight:600;font-size:.8em;white-space:nowrap}
.pop{display:none;position:absolute;left:0;top:100%;z-index:1;width:34rem;max-width:90vw;
background:#fff;border:1px solid #888;box-shadow:0 2px 6px #0004;padding:.4rem .6rem;
white-space:normal;font-size:.9em}
.pop .q{display:block;margin:.3rem 0 0 .6rem}
.st:hover .pop,.st:focus .pop,.st:focus-within .pop{display:block}
.checks>li{margin:.6rem 0;padding:.3rem .5rem;border-left-width:4px;border-left-style:solid}
.checks>li:target{outline:3px solid #ffb300}
blockquote{margin:.2rem 0 .2rem 1rem}.none{color:#555;font-style:italic}
.counts .tag{margin-right:.8rem;padding:0 .3rem;border-radius:3px}
""" + "".join(
    f".v-{verdict.replace(' ', '-')}{{background:{bg};border-color:{line}}}\n"
    for verdict, (bg, line) in _COLOURS.items()
)


def _class(check: StatementCheck) -> str:
    return f"v-{check.verdict.replace(' ', '-')}"


def _tag(check: StatementCheck) -> str:
    return f'<b class="tag">[{escape(label(check.verdict))}]</b>'


def _source(e: Evidence) -> str:
    gives = f" (gives {e.value:g})" if e.value is not None else ""
    return source_html(e.outlet, e.asserter, e.doc_id, e.start, e.end, date=e.date) + gives


def _popup(check: StatementCheck) -> str:
    quotes = "".join(f'<span class="q">“{escape(e.quote)}” {_source(e)}</span>'
                     for e in check.evidence)  # fmt: skip
    none = "" if check.evidence else '<span class="q none">No evidence in the sources.</span>'
    return f'<span class="pop" role="tooltip">Why: {escape(check.reason)}{quotes}{none}</span>'


def _statement(n: int, check: StatementCheck) -> str:
    return (f'<span class="st {_class(check)}" id="s{n}" tabindex="0"><a href="#c{n}">'
            f"{_tag(check)} {escape(check.text)}</a>{_popup(check)}</span>")  # fmt: skip


def _draft(draft: str, report: CheckReport) -> str:
    parts = [
        escape(text) if i is None else _statement(i + 1, report.statements[i])
        for text, i in annotate(draft, report.statements)
    ]
    return f'<div class="draft">{"".join(parts).strip()}</div>'


def _entry(n: int, check: StatementCheck, placed: bool) -> str:
    text = escape(check.text)
    head = f'{_tag(check)} <a href="#s{n}">{text}</a>' if placed else f"{_tag(check)} {text}"
    figures = "; ".join(
        f"{escape((f.hedge + ' ') if f.hedge else '')}{escape(f.surface)} {escape(f.counted)}"
        + (f", said by {escape(f.asserter)}" if f.asserter else "")
        for f in check.figures
    )
    lines = [head, f'<p class="why">Why: {escape(check.reason)} <small>(decided by '
                   f"{escape(check.by)})</small></p>"]  # fmt: skip
    if figures:
        lines.append(f"<p>Figures read: {figures}</p>")
    if check.evidence:
        quotes = "".join(f"<li><blockquote>{escape(e.quote)}</blockquote>{_source(e)}</li>"
                         for e in check.evidence)  # fmt: skip
        lines.append(f"<ol>{quotes}</ol>")
    else:
        lines.append('<p class="none">No evidence in the sources.</p>')
    return f'<li id="c{n}" class="{_class(check)}">{"".join(lines)}</li>'


def _counts(report: CheckReport) -> str:
    tags = "".join(
        f'<span class="tag v-{v.replace(" ", "-")}">{escape(MARKS[v][0])} {escape(v)}: '
        f"{report.counts.get(v, 0)}</span>"
        for v in VERDICTS
    )
    return f'<p class="counts">{len(report.statements)} statements checked: {tags}</p>'


def page(draft: str, report: CheckReport, title: str = "Check") -> str:
    """The page for `report`, a check of `draft`."""
    placed = {i + 1 for _, i in annotate(draft, report.statements) if i is not None}
    body = [f"<h1>{escape(title)}</h1>", _counts(report)]
    if report.statements:
        body += ["<h2>The draft</h2>", _draft(draft, report), "<h2>Checks</h2>"]
        body.append('<ol class="checks">' + "".join(
            _entry(n, c, n in placed) for n, c in enumerate(report.statements, start=1)
        ) + "</ol>")  # fmt: skip
    else:
        body.append('<p class="none">No check-worthy statement found.</p>')
    return html_page(title, _STYLE, "".join(body))
