"""At 80 columns the tables of `sources`, `claims` and `ask` stay readable: outlet names in
full, quotes and titles wrapped under their row, long ids shortened (and still accepted)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.text import Text

from assistant.cli.rows import Col, Row, rows_table, short_id, short_ids
from assistant.settings import Settings

from .answer_corpus import seeded
from .fake_openai import FakeOpenAI
from .test_cli import factcheck
from .test_cli_ask import fake_env

NARROW = {"COLUMNS": "80"}
LONG_NAME = "ukraine-s-spy-chief-11-000-north-korean-soldiers-will-be-ready"
LONG_OUTLET = "The Marren Valley Evening Post"


def lines_of(stdout: str) -> list[str]:
    return [line.rstrip() for line in stdout.splitlines()]


def test_rows_keep_short_columns_whole_and_wrap_the_detail() -> None:
    console = Console(width=80, record=True, color_system=None)
    quote = "Red Cross coordinator Ilse Brandt said about 3,000 families were evacuated. " * 2
    rows = [
        Row([Text("about 3,000"), Text("families were evacuated from the lower town"),
             Text("Ilse Brandt"), Text(LONG_OUTLET)], Text(quote)),
        Row([Text("40"), Text("schools"), Text("Ana Souza"), Text("Valley Post")], Text("q")),
    ]  # fmt: skip
    cols = [Col("figure", max=18), Col("counted", flex=True), Col("asserter", max=26),
            Col("outlet")]  # fmt: skip
    console.print(rows_table("2 claims", cols, rows, console.width))
    shown = lines_of(console.export_text())
    assert max(len(line) for line in shown) <= 80
    assert any(LONG_OUTLET in line for line in shown)  # never cut or wrapped
    first = next(n for n, line in enumerate(shown) if line.startswith("about 3,000"))
    quote_lines = [line for line in shown if line.startswith("  Red Cross")]
    assert quote_lines
    assert shown.index(quote_lines[0]) > first  # under its row
    assert len(quote_lines[0]) > 60  # across the width, not in a narrow column


def test_columns_are_not_cut_below_their_longest_word_when_the_row_fits() -> None:
    console = Console(width=80, record=True, color_system=None)
    title = "“Death toll from floods across the eastern plains passes 300”"
    rows = [
        Row([Text(title), Text("at least 172"), Text("people died"), Text("authorities"),
             Text("a week ago; on Monday"), Text("[1]")]),
        Row([Text(title), Text("102"), Text("dead"), Text("Intelligence"), Text(""),
             Text("[2]")]),
    ]  # fmt: skip
    cols = [Col("outlet"), Col("figure", max=18), Col("counted", flex=True),
            Col("asserter", max=24), Col("when", max=12), Col("cite")]  # fmt: skip
    console.print(rows_table("figures", cols, rows, console.width))
    shown = lines_of(console.export_text())
    assert max(len(line) for line in shown) <= 80
    words = {w for line in shown for w in line.split()}
    # each word is on one line: "authorities" is not "authoritie" and "s"
    assert {"authorities", "Intelligence", "Monday", "eastern"} <= words
    assert "authoritie" not in words
    assert "Intelligenc" not in words


def test_short_ids() -> None:
    assert short_id("floods") == "floods"
    cut = short_id(LONG_NAME)
    assert cut == "ukraine-s-spy…-ready"
    assert len(cut) == 20
    head, tail = cut.split("…")
    assert LONG_NAME.startswith(head)
    assert LONG_NAME.endswith(tail)
    # versions keep their ends apart; a cut that would stand for two ids is not used
    v1, v2 = "example.com-troops-arrive-in-kursk", "example.com-troops-arrive-in-kursk-v2"
    assert short_ids([v1, v2]) == {v1: "example.com-t…-kursk", v2: "example.com-t…rsk-v2"}
    same = ["example.com-troops-arrive-a-kursk", "example.com-troops-arrive-b-kursk"]
    assert short_ids(same) == {i: i for i in same}


def test_sources_and_claims_at_80_columns(settings: Settings, tmp_path: Path) -> None:
    seeded(settings, tmp_path)
    long = tmp_path / f"{LONG_NAME}.md"
    long.write_text(
        f"---\noutlet: {LONG_OUTLET}\n---\n# Troops in Kursk\n\nOfficials said 11,000 soldiers "
        "were training near the border.\n",
        encoding="utf-8",
    )
    assert factcheck("ingest", "--no-claims", str(long)).returncode == 0

    sources = factcheck("sources", env=NARROW)
    assert sources.returncode == 0, sources.stderr
    shown = lines_of(sources.stdout)
    assert max(len(line) for line in shown) <= 80
    assert any(LONG_OUTLET in line for line in shown)
    assert any("Coast Herald" in line for line in shown)
    (long_id,) = [d["id"] for d in json.loads(factcheck("sources", "--json").stdout)
                  if d["outlet"] == LONG_OUTLET]  # fmt: skip
    cut = short_id(long_id)
    assert cut != long_id
    assert any(line.startswith(cut) for line in shown)
    assert "  Troops in Kursk" in shown  # the title under its row
    # the shortened id as shown is accepted where a document is named
    assert factcheck("remove", cut).returncode == 0
    assert long_id not in factcheck("sources", "--json").stdout

    claims = factcheck("claims", env=NARROW)
    assert claims.returncode == 0, claims.stderr
    shown = lines_of(claims.stdout)
    assert max(len(line) for line in shown) <= 80
    row = next(n for n, line in enumerate(shown) if line.startswith("about 3,000"))
    assert "Coast Herald" in shown[row]
    assert "Ilse Brandt" in shown[row]
    assert shown[row + 1].startswith("  “Red Cross coordinator Ilse Brandt said about 3,000")
    as_json = json.loads(factcheck("claims", "--json", env=NARROW).stdout)
    assert len(as_json) == 4
    assert {"statement", "quantity", "quotes", "outlet"} <= set(as_json[0])


def test_ask_at_80_columns(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    seeded(fake_settings, tmp_path)
    question = "How many families were evacuated, per source?"
    result = factcheck("ask", question, env={**fake_env(fake_openai), **NARROW})
    assert result.returncode == 0, result.stderr
    shown = lines_of(result.stdout)
    assert max(len(line) for line in shown) <= 80
    for outlet in ("Coast Herald", "River Times", "Valley Post"):
        assert any(line.startswith(outlet) for line in shown), outlet
    at = shown.index("[1] Coast Herald · asserted by Ilse Brandt  coast-herald 72:158")
    assert shown[at + 1].startswith("    “Red Cross coordinator Ilse Brandt said about 3,000")
