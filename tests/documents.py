"""PDF and Word files made in the test: a PDF written by hand (one Helvetica text block a
page, so pypdf reads its text layer back line by line), a .docx through python-docx."""

from __future__ import annotations

import io
from collections.abc import Sequence

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252): parentheses and backslashes escaped,
    bytes outside printable ASCII as octal escapes."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += f"\\{byte:03o}".encode()
    return bytes(out + b")")


def _content(lines: Sequence[str]) -> bytes:
    """Lines drawn top-down, 14 points apart; an empty string leaves a blank line."""
    ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
    for line in lines:
        ops.append(_pdf_string(line) + b" Tj T*" if line else b"T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def pdf_bytes(
    pages: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    text_layer: bool = True,
) -> bytes:
    """A PDF with one page per item of `pages`, each drawing its lines as text.

    `text_layer=False` draws a filled rectangle on every page instead: a page as a scan
    without OCR looks to a text extractor.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    tree = add(b"")
    font = add(_FONT)
    kids = []
    for lines in pages:
        stream = _content(lines) if text_layer else b"0.5 g 72 72 468 648 re f"
        contents = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (tree, font, contents)
        ))  # fmt: skip
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    info = add(b"<< /Title %s >>" % _pdf_string(title)) if title else None

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


def encrypted_pdf(raw: bytes, password: str) -> bytes:
    """`raw` encrypted with RC4 (pure Python in pypdf, no cryptography package needed)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes(
    blocks: Sequence[tuple[str, str]],
    *,
    title: str | None = None,
    table: Sequence[Sequence[str]] = (),
) -> bytes:
    """A .docx of (style, text) paragraphs: style "h1"/"h2" a heading, else body text;
    `table` rows are appended after them."""
    import docx

    document = docx.Document()
    for style, text in blocks:
        if style.startswith("h"):
            document.add_heading(text, level=int(style[1:]))
        else:
            document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    if title:
        document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
