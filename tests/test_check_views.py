"""`factcheck check --format html|md`: the checked draft as a self-contained page opened in
headless Chromium, and as Markdown with footnoted evidence; the CLI's --format and -o,
with their errors. Figures are judged on claims read off the parse; the two statements
without a figure get scripted model verdicts."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assistant.checking import Checker, CheckReport
from assistant.checking.html import page
from assistant.checking.markdown import check_md
from assistant.checking.models import VERDICTS, label
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import Store, open_store
from assistant.text.markup import md_escape, one_line

from .browser import rendered_dom
from .check_corpus import ferry_home, ferry_store
from .fake_openai import FakeOpenAI
from .test_cli import factcheck
from .test_cli_ask import fake_env

BELL = "Divers brought up the ship's bell near Marrow Point."
DRAFT = f"""Ferry toll rises
The death toll rose to 23, the coast guard said.
More than 50 people died in the ferry disaster.
40 crew members were rescued from the ferry.
The navy said the death toll rose to 23.
Harbour master Ilse Varga said <script>alert("x")</script> 12,000 litres of fuel leaked.
{BELL}
The captain was arrested in Marrow on Tuesday & charged.
"""
VERDICTS_IN_ORDER = [
    "supported", "contradicted", "disputed", "misattributed", "not in sources", "supported",
    "not in sources",
]  # fmt: skip


def script_model(fake: FakeOpenAI, store: Store) -> None:
    """The model's verdict on the one statement no source sentence restates (the arrest);
    the bell statement is restated by a source sentence, and code decides it."""
    fake.enqueue_tool_call(
        "ModelVerdict", {"verdict": "not in sources", "evidence": [], "reason": "no arrest"}
    )


@pytest.fixture
def report(fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path) -> CheckReport:
    store = open_store(fake_settings)
    llm = LLM(fake_settings.llm, fake_settings.cache)
    try:
        ferry_store(store, llm, tmp_path / "corpus")
        script_model(fake_openai, store)
        checked = Checker(store, llm).check_draft(DRAFT)
    finally:
        llm.close()
        store.close()
    fake_openai.assert_done()
    assert [s.verdict for s in checked.statements] == VERDICTS_IN_ORDER
    return checked


class _Page(HTMLParser):
    """Text of the statements in the draft, of the check entries and of the quotes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.open: list[tuple[str, str]] = []  # (tag, what it collects) of open elements
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        classes = a.get("class", "").split()
        key = next((k for k, c in (("statement", "st"), ("pop", "pop"), ("tag", "tag"))
                    if c in classes), "quote" if tag == "blockquote" else "")  # fmt: skip
        self.open.append((tag, key or (self.open[-1][1] if self.open else "")))
        if key:
            self.text.setdefault(key, []).append("")

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        keys = {k for _, k in self.open if k}
        for key in keys:
            self.text[key][-1] += data


def test_html_page_shows_every_statement_verdict_and_quote_in_chromium(
    report: CheckReport, tmp_path: Path
) -> None:
    path = tmp_path / "check.html"
    path.write_text(page(DRAFT, report, "Check of draft.md"), encoding="utf-8")
    dom = rendered_dom(path)
    parsed = _Page()
    parsed.feed(dom)
    # the draft text is data: its <script> is shown, never run or parsed as a tag
    assert "script" not in parsed.tags
    assert "link" not in parsed.tags  # nothing external
    statements = parsed.text["statement"]
    assert len(statements) == len(report.statements)
    for shown, checked in zip(statements, report.statements, strict=True):
        assert checked.text in shown
        assert f"[{label(checked.verdict)}]" in shown  # a symbol and a name, not colour alone
        assert checked.reason in shown  # in its hover box
    assert '<script>alert("x")</script>' in statements[4]
    assert "Ferry toll rises" in dom  # the headline stays in the draft, unmarked
    quotes = parsed.text["quote"]
    evidence = [e for s in report.statements for e in s.evidence]
    assert evidence
    assert len(quotes) == len(evidence)
    for shown, e in zip(quotes, evidence, strict=True):
        assert shown == e.quote
        assert e.quote in " ".join(parsed.text["pop"])
        assert f"{e.doc_id} {e.start}:{e.end}" in dom
        assert e.outlet in dom
    assert {e.outlet for e in evidence} == {"Strait Post", "Coast Wire"}
    assert "asserted by coast guard, 2031-03-04" in dom
    assert "2031-03-04" in dom
    tags = " ".join(parsed.text["tag"])
    for verdict in VERDICTS:
        assert label(verdict) in tags
    for target in parsed.links:
        assert target in parsed.ids, target


def test_markdown_lists_statements_with_verdicts_and_footnoted_evidence(
    report: CheckReport,
) -> None:
    text = check_md(report, "Check of draft.md")
    assert text.startswith("# Check of draft.md\n")
    assert "7 statements checked: ✓ supported: 2 · ✗ contradicted: 1" in text
    notes = [line for line in text.splitlines() if line.startswith("[^")]
    evidence = [e for s in report.statements for e in s.evidence]
    assert len(notes) == len(evidence)
    n = 0
    for i, checked in enumerate(report.statements, start=1):
        (line,) = [line for line in text.splitlines() if line.startswith(f"{i}. ")]
        assert f"**\\[{label(checked.verdict)}\\]** {md_escape(checked.text)}" in line
        for e in checked.evidence:
            n += 1
            assert f"[^{n}]" in line
            assert notes[n - 1].startswith(f"[^{n}]: “{md_escape(one_line(e.quote))}” (")
            assert f"`{e.doc_id}` {e.start}:{e.end}" in notes[n - 1]
    assert "\\<script\\>" in text  # escaped, not a tag
    assert "<script>" not in text


def test_cli_formats_and_output_file(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    ferry_home(fake_settings, tmp_path / "corpus")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    env = fake_env(fake_openai)
    store = open_store(fake_settings)
    try:
        script_model(fake_openai, store)
    finally:
        store.close()
    out = tmp_path / "check.html"
    result = factcheck("check", "--file", str(draft), "--format", "html", "-o", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "<title>Check of draft.md</title>" in html
    assert "[✗ contradicted]" in html
    claim = "The navy said the death toll rose to 23."
    result = factcheck("check", claim, "--format", "md", env=env)
    assert result.returncode == 0, result.stderr
    assert f"1. **\\[⇄ misattributed\\]** {claim}" in result.stdout
    assert "[^1]: “The death toll from the ferry disaster rose to 23" in result.stdout
    result = factcheck("check", claim, "--json", env=env)
    assert result.returncode == 0, result.stderr
    (checked,) = json.loads(result.stdout)["statements"]
    assert (checked["text"], checked["verdict"]) == (claim, "misattributed")
    plain = tmp_path / "check.txt"
    result = factcheck("check", claim, "-o", str(plain), env=env)
    assert result.returncode == 0, result.stderr
    written = plain.read_text(encoding="utf-8")
    assert "⇄ MISATTRIBUTED" in written
    assert "\x1b[" not in written  # no terminal colour codes in a file
    fake_openai.assert_done()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--format", "pdf"], "unknown format 'pdf': use one of text, json, md, html"),
        (["--json", "--format", "md"], "--json and --format md disagree"),
        (["-o", "{tmp}/no/such/folder/check.html"], "no folder"),
        (["-o", "{tmp}"], "is a directory"),
    ],
)
def test_cli_refuses_a_bad_format_or_output_path(
    args: list[str], says: str, tmp_path: Path
) -> None:
    result = factcheck("check", "23 people died.", *[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 2
    assert says in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr


def test_cli_says_when_the_output_file_cannot_be_written(fake_openai: FakeOpenAI) -> None:
    full = Path("/dev/full")  # every write fails: no space left on device
    if not full.exists():
        pytest.skip("no /dev/full here")
    result = factcheck(
        "check", "23 people died.", "--format", "md", "-o", str(full), env=fake_env(fake_openai)
    )
    assert result.returncode == 1
    assert "factcheck: error: cannot write /dev/full" in result.stderr
    assert "Traceback" not in result.stderr
