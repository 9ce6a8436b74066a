"""The panes around the transcript: sources on the left, evidence on the right, and the
status line. Each shows what the app hands it and posts the user's choice up."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from ..answers import Answer, Citation
from ..settings import Settings
from .messages import CitationChosen, SourceChosen
from .work import SourceRow

EVIDENCE_HINT = (
    "The quotes the current answer cites appear here, with outlet and asserter. "
    "Enter on one opens its article at the passage."
)


class SourcesPanel(Vertical):
    """Ingested documents with outlet, date and claim count; ingest progress below."""

    DEFAULT_CSS = """
    SourcesPanel { width: 26; border: round $panel; border-title-color: $text-muted; }
    SourcesPanel:focus-within { border: round $accent; }
    SourcesPanel OptionList, SourcesPanel OptionList:focus {
        height: 1fr; border: none; padding: 0; background-tint: transparent;
    }
    SourcesPanel .ingest { height: auto; display: none; padding: 0 1; }
    SourcesPanel.-ingesting .ingest { display: block; }
    SourcesPanel ProgressBar Bar { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        self.border_title = "Sources"
        yield OptionList(id="sources")
        with Vertical(classes="ingest"):
            yield Label("", id="ingest-label", markup=False)
            yield ProgressBar(show_eta=False, id="ingest-bar")

    def show(self, rows: Sequence[SourceRow]) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        if not rows:
            empty = Text("No documents yet: ctrl+p, then Ingest", "dim")
            options.add_option(Option(empty, disabled=True))
        for i, row in enumerate(rows):
            if i:
                options.add_option(None)  # a separator line
            prompt = Text.assemble(
                (row.outlet, "bold"), " ", (f"· {row.date}" if row.date else "", "dim"), "\n",
                (row.title, ""), "\n",
                (f"{row.claims} claim{'s' if row.claims != 1 else ''} · {row.doc_id}", "dim"),
            )  # fmt: skip
            options.add_option(Option(prompt, id=row.doc_id))
        self.border_subtitle = f"{len(rows)} documents"
        if rows:
            options.highlighted = 0

    def progress(self, phase: str, done: int, total: int, label: str) -> None:
        self.add_class("-ingesting")
        verb = "ingesting files" if phase == "files" else "extracting claims"
        self.query_one("#ingest-label", Label).update(f"{verb}: {label}".rstrip(": "))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def finished(self) -> None:
        self.remove_class("-ingesting")

    @on(OptionList.OptionSelected, "#sources")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(SourceChosen(event.option.id))


class EvidencePanel(Vertical):
    """The citations of the current answer: outlet, asserter, quote. Enter opens one."""

    DEFAULT_CSS = """
    EvidencePanel { width: 34; border: round $panel; border-title-color: $text-muted; }
    EvidencePanel:focus-within { border: round $accent; }
    EvidencePanel OptionList, EvidencePanel OptionList:focus {
        height: 1fr; border: none; padding: 0; background-tint: transparent;
    }
    EvidencePanel .hint { color: $text-muted; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.citations: list[Citation] = []

    def compose(self) -> ComposeResult:
        self.border_title = "Evidence"
        yield Static(EVIDENCE_HINT, classes="hint", markup=False)
        yield OptionList(id="evidence")

    def show(self, answer: Answer | None) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self.citations = []
        if answer is None:
            return
        self.citations = answer.closest if answer.abstained else answer.citations
        self.border_title = "Closest passages" if answer.abstained else "Evidence"
        self.query_one(".hint").display = not self.citations
        for i, c in enumerate(self.citations):
            if i:
                options.add_option(None)
            who = f"\nasserted by {c.asserter}" if c.asserter else ""
            p = c.provenance
            fetched = f"\n{p.final_url} · retrieved {p.retrieved_at} · v{p.version}" if p else ""
            prompt = Text.assemble(
                (f"[{c.n}]", "bold cyan"), " ", (c.outlet, "bold"), " ",
                (f"· {c.date}" if c.date else "", "dim"),
                (f" · p. {c.page}" if c.page else "", "dim"),
                (who, "italic"), (fetched, "dim"), "\n", (f"“{c.quote}”", ""),
            )  # fmt: skip
            options.add_option(Option(prompt, id=f"cite-{c.n}"))
        if self.citations:
            options.highlighted = 0

    @on(OptionList.OptionSelected, "#evidence")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = [c for c in self.citations if event.option.id == f"cite-{c.n}"]
        if chosen:
            self.post_message(CitationChosen(chosen[0]))


class StatusLine(Static):
    """Model and endpoint; tokens, latency and verification counts of the last answer."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, settings: Settings) -> None:
        super().__init__("", markup=False)
        llm = settings.llm
        endpoint = llm.base_url or ("local llama.cpp" if llm.provider == "local" else "OpenAI")
        self.model = f"{llm.answer_model} @ {endpoint}"
        self.last = "no answer yet"

    def on_mount(self) -> None:
        self._render_line()

    def answering(self) -> None:
        self._render_line("answering…")

    def idle(self, note: str = "") -> None:
        self._render_line(note)

    def show_answer(self, answer: Answer) -> None:
        u, v = answer.usage, answer.verification
        first = f", first token {answer.first_token_s:.1f} s" if answer.first_token_s else ""
        self.last = (
            f"{u.prompt_tokens}+{u.completion_tokens} tokens, {answer.latency_s:.1f} s{first}"
            f" · {v.verified}/{v.checked} verified, {v.dropped} dropped"
        )
        self._render_line()

    def _render_line(self, note: str = "") -> None:
        parts = [self.model, f"last answer: {self.last}"]
        if note:
            parts.append(note)
        self.update(" · ".join(parts))
