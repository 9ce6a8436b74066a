"""Escaping and the frame of a page, shared by every HTML and Markdown rendering (summaries,
checks, the chat's copied answers and exports).

Text from articles and from the model is data: each piece is escaped before it is put into
HTML or Markdown, so nothing in it can open a tag, a link, a heading or a table.
"""

from __future__ import annotations

import re
from html import escape as html_escape

_SPECIAL = re.compile(r"([\\`*_\[\]<>#~|!])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=])", re.MULTILINE)

BASE_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
)
"""The body of every page: a readable column."""


def md_escape(text: str) -> str:
    """`text` as literal Markdown inline text."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_escaped_start, text)


def _escaped_start(m: re.Match[str]) -> str:
    if m.group(2) is not None:
        return f"{m.group(1)}{m.group(2)}\\{m.group(3)}"
    return f"{m.group(4)}\\{m.group(5)}"


def one_line(text: str) -> str:
    """`text` with every run of whitespace (newlines too) as one space."""
    return " ".join(text.split())


def html_page(title: str, style: str, body: str) -> str:
    """One self-contained HTML document: inline style, no scripts, no external resources."""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>'
            f"{html_escape(title)}</title><style>{BASE_STYLE}\n{style}</style></head>"
            f"<body>{body}</body></html>\n")  # fmt: skip


def source_html(
    outlet: str, asserter: str | None, doc_id: str, start: int, end: int, *,
    date: str | None = None, page: int | None = None,
) -> str:  # fmt: skip
    """Where a quote is from: outlet, who asserted it, when, and its document span."""
    who = f", asserted by {html_escape(asserter)}" if asserter else ""
    when = f", {html_escape(date)}" if date else ""
    on_page = f" p. {page}" if page else ""
    return (f"{html_escape(outlet)}{who}{when} "
            f"<small>{html_escape(doc_id)}{on_page} {start}:{end}</small>")  # fmt: skip
