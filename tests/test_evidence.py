"""How evidence is shown to the answer model: no mark the model could copy into its JSON
unescaped."""

from __future__ import annotations

from assistant.answers.evidence import Evidence, render
from assistant.store import Document


def _doc(text: str, outlet: str | None, title: str | None) -> Document:
    return Document(
        id="d1", source="notes/flood-report.md", content_hash="h", version="v", title=title,
        outlet=outlet, date=None, url=None, author=None, kind="md", encoding="utf-8",
        text=text, original=text,
    )  # fmt: skip


def test_the_evidence_shows_double_quotes_as_single_ones() -> None:
    """A double quote the model copies would end its JSON string mid-sentence."""
    text = 'Austin called the partnership a \u201cserious issue.\u201d Aides said "no comment".'
    shown = render([Evidence("E1", _doc(text, "Valley Post", "t"), 0, len(text), 1.0)])
    assert "[E1] Austin called the partnership a 'serious issue.' Aides said 'no comment'." in shown
    assert '"' not in shown
