"""Loading: one article file → its original bytes, cleaned text and metadata.

PDF and Word files are read by :mod:`assistant.ingest.pdf` and :mod:`assistant.ingest.word`
(no decoding step; a PDF keeps where each page starts); fetched pages come in through
:func:`load_bytes` (see :mod:`assistant.ingest.web`). The steps for the other kinds, each
failure an :class:`IngestError` naming the file: type by suffix (a .txt/.md
whose content starts like an HTML page is read as HTML); size limit; binary sniffing;
decoding (a BOM, else the charset a server declared for a fetched page (see
:func:`_served_charset`), else UTF-8, else the page's declared charset for HTML, else
charset-normalizer's detection, preferring windows-1252 among equally good Western
guesses); normalisation (BOM removed, newlines to ``\\n``, Unicode NFC, nothing else);
front matter (text/Markdown) or main-text extraction (HTML); boilerplate cleaning; then
metadata, merged as described in :mod:`assistant.ingest.meta`.

The cleaned text is the document text every later offset refers to.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from ..errors import FactcheckError
from .clean import clean_text
from .html import html_to_text
from .meta import (
    SIDECAR_SUFFIX,
    DocMeta,
    derive_date,
    derive_title,
    find_sidecar,
    lenient_meta,
    merge_meta,
    parse_front_matter,
)
from .pdf import PdfError, read_pdf
from .unwrap import unwrap
from .word import WordError, read_docx

log = logging.getLogger(__name__)

DocKind = Literal["text", "markdown", "html", "pdf", "docx"]

SUPPORTED_SUFFIXES: Mapping[str, DocKind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
"""File suffixes read (compared lower-case), and the kind each one is read as."""

_MAX_CONTROL_SHARE = 0.01  # more control characters than this share of the text: binary
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"RIFF",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
# C0 controls other than tab, newline, vertical tab, form feed (and CR, gone by now); DEL; C1.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NOT_WEB = re.compile(r"cp(?:4\d\d|7\d\d|8[0-6]\d|1125)|mac_\w+")  # DOS and Mac code pages
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


class IngestError(FactcheckError):
    """A file that cannot be ingested; the message is ``PATH: reason``."""

    def __init__(self, path: Path | str, reason: str, hint: str | None = None) -> None:
        super().__init__(f"{path}: {reason}", hint)
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True)
class LoadedDocument:
    """A file read, decoded and cleaned; ``text`` is what is stored and quoted from."""

    path: Path
    kind: DocKind
    raw: bytes
    encoding: str
    text: str
    meta: DocMeta
    removed_lines: int
    page_starts: tuple[int, ...] = ()
    """For a PDF: where each page starts in ``text`` (page n at index n - 1); else empty."""
    posts: tuple[tuple[int, int], ...] = ()
    """Spans of ``text`` that are embedded social posts, each with its attribution line."""


BINARY_ENCODING = "binary"
"""The ``encoding`` of a PDF or Word file: its text is extracted, never decoded."""


def load_document(path: Path, *, max_bytes: int) -> LoadedDocument:
    """Read one article file (see the module docstring for the steps)."""
    resolved = path.expanduser().resolve()
    if not resolved.exists():
        raise IngestError(path, "no such file")
    if not resolved.is_file():
        raise IngestError(path, "not a file")
    kind = _kind(resolved)
    _check_size(resolved, resolved.stat().st_size, max_bytes)
    try:
        raw = resolved.read_bytes()
    except OSError as exc:
        raise IngestError(resolved, f"cannot read: {exc.strerror or exc}") from exc
    _check_size(resolved, len(raw), max_bytes)
    if not raw:
        raise IngestError(resolved, "empty file")
    return load_bytes(raw, kind, resolved, sidecar=_read_sidecar(resolved))


def load_bytes(
    raw: bytes,
    kind: DocKind,
    path: Path,
    *,
    charset: str | None = None,
    sidecar: DocMeta | None = None,
) -> LoadedDocument:
    """Bytes already read (a file's, a fetched page's) as a document of `kind`.

    `path` names the document in messages; `charset` is one declared by whoever served the
    bytes (an HTTP Content-Type), tried after a byte order mark and before anything else;
    `sidecar` is the highest-precedence metadata.
    """
    if kind in ("pdf", "docx"):
        return _load_packaged(path, kind, raw, sidecar)

    text, encoding = _decode(path, raw, kind, charset)
    text = normalise_text(text)
    _check_not_binary(path, text)
    if kind != "html" and _HTML_START.match(text[:1024]):
        log.info("%s: content is an HTML page; reading it as HTML", path)
        kind = "html"

    declared: DocMeta
    if kind == "html":
        body, fields = html_to_text(text)
        declared = lenient_meta(fields, f"{path} (HTML meta)")
    else:
        fields, body = parse_front_matter(text)
        declared = lenient_meta(fields, f"{path} (front matter)")
    cleaned = clean_text(body if kind == "html" else unwrap(body))
    if not cleaned.text.strip():
        raise IngestError(path, "no text left after cleaning")

    derived = DocMeta(title=derive_title(cleaned.text), date=derive_date(body))
    meta = merge_meta(sidecar, declared, derived)
    log.debug(
        "%s: %s, %s, %d chars, %d boilerplate lines removed",
        path,
        kind,
        encoding,
        len(cleaned.text),
        cleaned.removed_lines,
    )
    return LoadedDocument(
        path=path,
        kind=kind,
        raw=raw,
        encoding=encoding,
        text=cleaned.text,
        meta=meta,
        removed_lines=cleaned.removed_lines,
        posts=cleaned.posts,
    )


def _load_packaged(
    path: Path, kind: DocKind, raw: bytes, sidecar: DocMeta | None
) -> LoadedDocument:
    """A PDF or Word file: its text extracted (and, for a PDF, its page starts kept)."""
    pages: tuple[int, ...] = ()
    if kind == "pdf":
        if b"%PDF-" not in raw[:1024]:
            raise IngestError(path, "not a PDF (no %PDF header)")
        try:
            pdf = read_pdf(raw, path)
        except PdfError as exc:
            raise IngestError(path, str(exc)) from exc
        text, pages, removed = pdf.text, pdf.page_starts, pdf.removed_lines
        title, author = pdf.title, pdf.author
    else:
        if not raw.startswith(b"PK"):
            raise IngestError(path, "not a Word .docx file (an old .doc? save it as .docx)")
        try:
            word = read_docx(raw)
        except WordError as exc:
            raise IngestError(path, str(exc)) from exc
        cleaned = clean_text(normalise_text(word.text))
        text, removed = cleaned.text, cleaned.removed_lines
        title, author = word.title, word.author
        if not text.strip():
            raise IngestError(path, "no text in this Word file" if not word.text.strip()
                              else "no text left after cleaning")  # fmt: skip
    declared = lenient_meta({"title": title, "author": author}, f"{path} (file properties)")
    meta = merge_meta(sidecar, declared, DocMeta(title=derive_title(text)))
    log.debug("%s: %s, %d chars, %d pages", path, kind, len(text), len(pages))
    return LoadedDocument(path, kind, raw, BINARY_ENCODING, text, meta, removed, pages)


def normalise_text(text: str) -> str:
    """A leading BOM removed, newlines as ``\\n``, Unicode NFC; nothing else changes."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _kind(path: Path) -> DocKind:
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        shown = path.suffix or "(no suffix)"
        raise IngestError(
            path, f"unsupported type {shown} (supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    return kind


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        have, limit = _megabytes(size), _megabytes(max_bytes)
        if have == limit:
            have, limit = f"{size:,} bytes", f"{max_bytes:,} bytes"
        raise IngestError(path, f"{have} exceeds the limit of {limit} (ingest.max_file_bytes)")


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.2f}".rstrip("0").rstrip(".") + " MB"


def _check_not_binary(path: Path, text: str) -> None:
    if "\x00" in text:
        raise IngestError(path, "looks binary (contains NUL characters)")
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise IngestError(path, f"looks binary ({controls} control characters)")


def _decode(path: Path, raw: bytes, kind: DocKind, charset: str | None) -> tuple[str, str]:
    """The text and the name of the encoding it was decoded from."""
    if raw.startswith(_BINARY_MAGIC):
        raise IngestError(path, "looks binary (the file starts like an image or archive)")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"undecodable: bad {encoding} ({exc.reason})") from exc
            log.debug("%s: decoded as %s (byte order mark)", path, encoding)
            return text, encoding
    if b"\x00" in raw:
        raise IngestError(path, "looks binary (contains NUL bytes)")
    served = _served_charset(path, raw, charset)
    if served is not None:
        return served
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        log.debug("%s: decoded as utf-8", path)
        return text, "utf-8"
    if kind == "html" or _HTML_START.match(raw[:1024].decode("ascii", "replace")):
        declared = _declared_charset(raw)
        if declared is not None:
            try:
                text = raw.decode(declared)
            except UnicodeDecodeError:
                log.info("%s: declared charset %s does not fit; detecting", path, declared)
            else:
                log.info("%s: not UTF-8; decoded as %s (declared by the page)", path, declared)
                return text, declared
    return _detect(path, raw)


def _served_charset(path: Path, raw: bytes, charset: str | None) -> tuple[str, str] | None:
    """`raw` decoded with the charset its server declared, if that is usable.

    Servers often send a default they never checked: a Western single-byte label (latin-1,
    windows-1252, ASCII) on bytes that are valid UTF-8 with non-ASCII characters in them is
    taken for UTF-8, and a label that does not decode the bytes is passed over.
    """
    name = _charset_name(charset) if charset else None
    if name is None:
        return None
    if name in ("cp1252", "utf-8") and not raw.isascii():
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            if name == "utf-8":
                log.info("%s: served as utf-8 but is not; detecting", path)
                return None
    try:
        text = raw.decode(name)
    except UnicodeDecodeError:
        log.info("%s: served charset %s does not fit; detecting", path, name)
        return None
    log.debug("%s: decoded as %s (declared by the server)", path, name)
    return text, name


def _charset_name(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): a page labelled latin-1 or ASCII is windows-1252.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _declared_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:4096])
    return _charset_name(m[1].decode("ascii")) if m is not None else None


def _detect(path: Path, raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        raise IngestError(path, "undecodable: not UTF-8, and no text encoding fits")
    # Short texts fit many single-byte code pages about equally well, and the detector's
    # language scores then decide, often for a DOS or Mac code page (cp850 for English with
    # curly quotes). Among the fits with no more "chaos" than the best one, consider only
    # encodings used on the web, and prefer windows-1252 among equal decodings.
    fits: list[tuple[float, float, bool, int, str]] = []
    for rank, m in enumerate(matches):
        names = [n for n in m.could_be_from_charset if not _NOT_WEB.fullmatch(n)]
        if names and m.chaos <= best.chaos:
            name = "cp1252" if "cp1252" in names else names[0]
            fits.append((m.chaos, -m.coherence, name != "cp1252", rank, name))
    encoding = min(fits)[-1] if fits else best.encoding
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = best.encoding, str(best)
    encoding = codecs.lookup(encoding).name
    log.info("%s: not UTF-8; decoded as %s (detected)", path, encoding)
    return text, encoding


def _read_sidecar(path: Path) -> DocMeta | None:
    sidecar = find_sidecar(path)
    if sidecar is None:
        return None
    try:
        data = json.loads(sidecar.read_bytes())
    except OSError as exc:
        raise IngestError(sidecar, f"cannot read sidecar: {exc.strerror or exc}") from exc
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        raise IngestError(sidecar, f"invalid sidecar: not JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise IngestError(sidecar, "invalid sidecar: expected a JSON object")
    try:
        meta = DocMeta.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'value'}: {e['msg']}" for e in exc.errors()
        )
        raise IngestError(
            sidecar,
            f"invalid sidecar: {problems}",
            hint=f"allowed keys: {', '.join(DocMeta.model_fields)}",
        ) from exc
    log.debug("%s: metadata from sidecar %s", path, sidecar.name)
    return meta


# ---------------------------------------------------------------------------------------
# Expanding command-line arguments


def iter_paths(args: Sequence[str]) -> list[Path]:
    """Files named by ``args``, resolved, sorted and de-duplicated.

    An existing file is taken as given (an unsupported one fails later, with its reason).
    A folder is searched recursively for files with SUPPORTED_SUFFIXES, skipping hidden
    files and folders and ``*.meta.json`` sidecars. Any other argument containing ``*``,
    ``?`` or ``[`` is a glob pattern (``**`` recurses) whose matches are filtered the same
    way; a pattern matching nothing, or a path that doesn't exist, is an IngestError.
    """
    found: set[Path] = set()
    for arg in args:
        path = Path(arg).expanduser()
        if path.is_file():
            found.add(path.resolve())
        elif path.is_dir():
            files = [p for p in path.rglob("*") if _wanted(p, relative_to=path)]
            if not files:
                log.warning("%s: no %s files in this folder", arg, "/".join(SUPPORTED_SUFFIXES))
            found.update(p.resolve() for p in files)
        elif _is_pattern(arg):
            files = _glob(path)
            if not files:
                raise IngestError(arg, "no supported files match this pattern")
            found.update(p.resolve() for p in files)
        else:
            raise IngestError(arg, "no such file or directory")
    return sorted(found)


def _is_pattern(arg: str) -> bool:
    return any(c in arg for c in "*?[")


def _glob(pattern: Path) -> list[Path]:
    """Supported files matched by a pattern; a matched folder contributes its files."""
    parts = pattern.parts
    first = next(i for i, part in enumerate(parts) if _is_pattern(part))
    base = Path(*parts[:first]) if first else Path()
    files: list[Path] = []
    for match in sorted(base.glob(str(Path(*parts[first:])))):
        if match.is_dir():
            files += [p for p in match.rglob("*") if _wanted(p, relative_to=base)]
        elif _wanted(match, relative_to=base):
            files.append(match)
    return files


def _wanted(path: Path, *, relative_to: Path) -> bool:
    if not path.is_file() or path.name.endswith(SIDECAR_SUFFIX):
        return False
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return False
    parts = path.relative_to(relative_to).parts
    return not any(part.startswith(".") for part in parts)
