"""Word (.docx, python-docx): the body's paragraphs in order, one a line.

Headings are lines of their own like every paragraph (a blank line after each, so a
heading never runs into the paragraph below it); table rows are lines of their cells
joined with " | ", in their place among the paragraphs. A line break inside a paragraph
stays a line break; tabs become spaces. Headers, footers, comments and tracked deletions
are not article text and are left out. The title and author come from the file's
properties when set.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

_HEADING = re.compile(r"(?:heading|title|subtitle)\b", re.IGNORECASE)


@dataclass(frozen=True)
class WordText:
    """The text of a Word document, before boilerplate cleaning."""

    text: str
    title: str | None
    author: str | None


class WordError(Exception):
    """The file cannot be read as a Word document; the message says why."""


def read_docx(raw: bytes) -> WordText:
    """The paragraphs (and table rows) of the .docx `raw`, in document order."""
    import docx  # python-docx: loads only for Word files
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_row_lines(block))
                continue
            text = _line(block.text)
            if not text:
                continue
            lines.append(text)
            if _is_heading(block):
                lines.append("")
        props = document.core_properties
        title, author = _prop(props.title), _prop(props.author)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise WordError(f"unreadable Word file: {type(exc).__name__}: {exc}") from exc
    except Exception as exc:  # lxml's XMLSyntaxError and others from a damaged package
        if type(exc).__module__.startswith(("lxml", "docx")):
            raise WordError(f"unreadable Word file: {type(exc).__name__}: {exc}") from exc
        raise
    return WordText("\n".join(lines), title, author)


def _line(text: str) -> str:
    text = text.replace("\t", " ")
    return "\n".join(" ".join(part.split()) for part in text.split("\n")).strip()


def _is_heading(paragraph: Any) -> bool:
    style = paragraph.style
    name = getattr(style, "name", None) or ""
    return bool(_HEADING.match(name))


def _row_lines(table: Any) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # a merged cell repeats itself
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))
    return lines


def _prop(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(value.split())
