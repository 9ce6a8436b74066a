"""Document metadata: the model, and the parsers for front matter, sidecars and dates.

Where metadata comes from, highest precedence first, merged field by field (a field a
higher source leaves out falls through to the next):

1. a sidecar JSON file next to the article (see :func:`find_sidecar`), validated strictly;
2. what the file declares itself: front matter at the top of a .txt/.md file, or the
   meta tags of an HTML page (read in :mod:`assistant.ingest.html`);
3. derived: the title is the first non-empty line of the cleaned text; nothing else is
   guessed (the outlet stays unknown rather than inferred from a domain or a mention).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..text.sentences import sentence_spans
from .rules import timestamp

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"
TITLE_MAX_CHARS = 120

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ISO_DATE = re.compile(r"^\s*(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:$|[T\s])")
_ISO_COMPACT = re.compile(r"^\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})\s*$")
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)


def normalise_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for a date written in a common unambiguous form, else None.

    Accepted: ISO dates and timestamps (``2024-10-25``, ``2024-10-25T16:57:00-04:00``;
    the date is taken as written, not converted to UTC), ``2024/10/25``, ``20241025``,
    and English month names anywhere in the string (``October 25, 2024``,
    ``Fri, 25 Oct 2024 16:57 GMT``, ``4:57 PM EDT, October 25, 2024``). All-numeric
    day/month forms such as ``10/11/2024`` are refused: the order is ambiguous.
    """
    for pattern in (_ISO_DATE, _ISO_COMPACT):
        m = pattern.match(value)
        if m:
            return _ymd(m["y"], m["m"], m["d"])
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        m = pattern.search(value)
        if m:
            return _ymd(m["y"], str(_MONTHS[m["month"].lower()]), m["d"])
    return None


def _ymd(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


class DocMeta(BaseModel):
    """What is known about an article besides its text; every field is optional."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    title: str | None = Field(default=None, description="The article's headline.")
    outlet: str | None = Field(default=None, description="The publication that ran it.")
    date: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    url: str | None = Field(default=None, description="Where it was published.")
    author: str | None = Field(default=None, description="Byline.")

    @field_validator("title", "outlet", "date", "url", "author", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        iso = normalise_date(value)
        if iso is None:
            raise ValueError(f"unrecognised date {value!r} (use YYYY-MM-DD)")
        return iso


FIELDS = tuple(DocMeta.model_fields)


def lenient_meta(fields: Mapping[str, str | None], source: str) -> DocMeta:
    """DocMeta from values a file declares about itself; a date that can't be read is
    dropped with a warning rather than failing the file (unlike a sidecar's)."""
    values = {k: v for k, v in fields.items() if k in FIELDS and v is not None}
    date = values.get("date")
    if date is not None and normalise_date(date) is None:
        log.warning("%s: ignoring unrecognised date %r", source, date)
        del values["date"]
    return DocMeta(**values)


def merge_meta(*layers: DocMeta | None) -> DocMeta:
    """Field by field, the first layer that sets a field wins (pass highest first)."""
    merged: dict[str, str] = {}
    for layer in layers:
        if layer is None:
            continue
        for key, value in layer.model_dump(exclude_none=True).items():
            merged.setdefault(key, value)
    return DocMeta(**merged)


_BAR_LINES = 3
"""How many opening lines may be a site's bar (see `derive_title`)."""
_HEAD_LINES = 6
"""How many opening lines are searched for a headline (see `derive_title`)."""
_HEADLINE_WORDS = 5
_PARAGRAPH_WORDS = 15
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '."', ".\u201d", ".'", ".\u2019", "?\u201d")


def _pictograph(char: str) -> bool:
    """An emoji or a pictographic symbol (from U+2600 on: "☀", "🔥"), no letter or mark."""
    return ord(char) >= 0x2600 and unicodedata.category(char) == "So"


def _headline(line: str) -> bool:
    """Reads as a headline: one sentence of five words or more, not ending as a sentence
    does, without a pictograph."""
    return (
        len(line.split()) >= _HEADLINE_WORDS
        and not line.endswith(_SENTENCE_END)
        and not any(_pictograph(c) for c in line)
        and len(sentence_spans(line)) == 1
    )


_DATE_LINES = 15
"""How many opening lines may hold the page's date line (see `derive_date`)."""


def derive_date(text: str) -> str | None:
    """The date of the first date line among the opening lines of a page's text:
    "Saturday, October 20, 2031", "PUBLISHED ON FEB 02, 2031 12:02 AM IST". A page copied
    from a browser has no other; 6 of 30 real pages had one, none a date in their
    metadata."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:_DATE_LINES]:
        if timestamp(line):
            return normalise_date(line)
    return None


def derive_title(text: str) -> str | None:
    """The headline of the cleaned text, trimmed (Markdown '#' marks dropped).

    The headline is the first of the opening lines that reads as one (`_headline`), above
    the first paragraph. A copied page opens with chrome that does not: "Watch Harbour
    News", "Skip to main content", "You are here", a date, a caption ("Crews at the ridge
    on Monday."). Real pages (30, 30 outlets): 11 titles right before, 20 after.

    With none, the first line stands in, unless it has a pictograph and a line follows (a
    site's bar: "Start the day smarter ☀️ Notable deaths in 2022 ..."). A short label ("Up
    Next", "NDRF") stays the title then: short headlines are no different ("Troops arrive in
    Kursk", "Quake updates"). An article with no
    headline starts with a paragraph: then its first sentence stands in, cut at a word
    boundary to at most TITLE_MAX_CHARS characters (ending in '…' if cut)."""
    lines = [" ".join(line.strip().lstrip("#").split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    for line in lines[:_HEAD_LINES]:
        if len(line.split()) >= _PARAGRAPH_WORDS and line.endswith(_SENTENCE_END):
            break  # the body has begun
        if _headline(line):
            return _trimmed(line)
    for at, line in enumerate(lines):
        if at < _BAR_LINES and at + 1 < len(lines) and any(_pictograph(c) for c in line):
            continue
        return _trimmed(line)
    return None


def _trimmed(line: str) -> str:
    title = line
    spans = sentence_spans(title)
    if len(spans) > 1:
        title = title[spans[0].start : spans[0].end]
    if len(title) > TITLE_MAX_CHARS:
        cut = title[: TITLE_MAX_CHARS - 1]
        title = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:-") + "…"
    return title


# ---------------------------------------------------------------------------------------
# Front matter

# Front matter keys read, by the DocMeta field they fill. Other keys are ignored (debug log).
FRONT_MATTER_KEYS: Mapping[str, str] = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "site_name": "outlet",
    "sitename": "outlet",
    "date": "date",
    "published": "date",
    "published_at": "date",
    "publish_date": "date",
    "date_published": "date",
    "pubdate": "date",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "canonical_url": "url",
    "author": "author",
    "byline": "author",
}
_FENCE_OPEN = "---"
_FENCE_CLOSE = ("---", "...")
_FRONT_MATTER_MAX_LINES = 100
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s+(?P<value>.*?))?\s*$")
_NESTED = re.compile(r"^(?:\s+\S|-\s)")  # indented or list lines: part of the previous key


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a YAML-subset front matter block off the very top of a text.

    The block is a first line ``---``, then ``key: value`` lines (blank lines and ``#``
    comments allowed), then a line ``---`` or ``...``, within the first
    ``_FRONT_MATTER_MAX_LINES`` lines. Values are scalars; surrounding quotes are removed.
    Indented and ``- item`` lines belong to the key above them, whose value is then not a
    scalar and is ignored. Keys are matched case-insensitively against FRONT_MATTER_KEYS;
    others are ignored with a debug log. A block that breaks these rules is not front matter
    (a Markdown horizontal rule, say): the text is returned unchanged, with no fields.

    Returns the fields (by DocMeta field name) and the text after the block.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE_OPEN:
        return {}, text
    fields: dict[str, str] = {}
    nested: set[str] = set()
    key: str | None = None
    for index, line in enumerate(lines[1 : _FRONT_MATTER_MAX_LINES + 1], start=1):
        stripped = line.rstrip()
        if stripped in _FENCE_CLOSE:
            for name in nested:
                log.debug("front matter: ignoring %r (not a single value)", name)
            rest = "\n".join(lines[index + 1 :])
            return _map_front_matter(fields, nested), rest
        if not stripped or stripped.lstrip().startswith("#"):
            continue
        if _NESTED.match(line) and key is not None:
            nested.add(key)
            continue
        m = _KEY_VALUE.match(stripped)
        if not m:
            log.debug("not front matter: line %d is not 'key: value': %r", index + 1, line)
            return {}, text
        key = m["key"].lower()
        value = _unquote(m["value"] or "")
        if value:
            fields[key] = value
        else:
            nested.add(key)  # "key:" alone opens a block value
    return {}, text


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _map_front_matter(raw: Mapping[str, str], nested: set[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, value in raw.items():
        target = FRONT_MATTER_KEYS.get(key)
        if target is None:
            log.debug("front matter: ignoring unknown key %r", key)
        elif key in nested:
            continue
        else:
            fields.setdefault(target, value)  # the first alias in the block wins
    return fields


# ---------------------------------------------------------------------------------------
# Sidecars


def sidecar_candidates(path: Path) -> tuple[Path, Path]:
    """Where a sidecar for ``path`` may be, in order of precedence: the full file name plus
    ``.meta.json`` (``article.txt.meta.json``), then the stem plus ``.meta.json``
    (``article.meta.json``). The full-name form wins because it names one file
    unambiguously (``article.txt`` and ``article.html`` would share ``article.meta.json``)."""
    return (
        path.with_name(path.name + SIDECAR_SUFFIX),
        path.with_name(path.stem + SIDECAR_SUFFIX),
    )


def find_sidecar(path: Path) -> Path | None:
    """The sidecar that applies to ``path``, or None; if both forms exist, the other is
    ignored with a warning."""
    present = [c for c in dict.fromkeys(sidecar_candidates(path)) if c.is_file()]
    if len(present) > 1:
        log.warning("%s: using sidecar %s, ignoring %s", path, present[0].name, present[1].name)
    return present[0] if present else None
