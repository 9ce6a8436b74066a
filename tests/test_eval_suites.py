"""The shipped suites are valid and their gold quotes are in their files; the checker and
the `factcheck eval` commands work as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.checking.models import VERDICTS
from assistant.evals import check_suite, load_record, load_suite
from assistant.evals.suite import ITEM_KINDS, SuiteError

from .fake_openai import FakeOpenAI
from .test_cli import factcheck
from .test_cli_ask import fake_env

EVALS = Path(__file__).resolve().parents[1] / "evals"


@pytest.mark.parametrize(
    ("name", "at_least"),
    [("seeds.jsonl", 30), ("varsa.jsonl", 20), ("kaveri.jsonl", 20), ("ridgeline.jsonl", 20)],
)
def test_shipped_suites_are_valid_and_their_gold_quotes_are_verbatim(
    name: str, at_least: int
) -> None:
    suite = load_suite(EVALS / name)
    assert suite.invalid == []
    assert len(suite.items) >= at_least
    assert {i.kind for i in suite.items} == set(ITEM_KINDS) - {"check"}  # checks: own suites
    assert [p.line() for p in check_suite(suite)] == []
    files = {p.name for p in suite.files}
    for item in suite.items:
        assert set(item.gold.figures) <= files, item.id
        if item.kind in ("figures", "fact", "attribution", "conflict"):
            assert item.evidence, f"{item.id} has no gold evidence"


@pytest.mark.parametrize(
    "name", ["seeds-check.jsonl", "kaveri-check.jsonl", "ridgeline-check.jsonl"]
)
def test_shipped_check_suites_cover_every_verdict_with_verbatim_evidence(name: str) -> None:
    suite = load_suite(EVALS / name)
    assert suite.invalid == []
    assert len(suite.items) >= 20
    assert {i.kind for i in suite.items} == {"check"}
    assert {i.gold.verdict for i in suite.items} == set(VERDICTS)
    assert [p.line() for p in check_suite(suite)] == []
    for item in suite.items:
        assert (item.gold.verdict == "not in sources") == (not item.evidence), item.id


def write(folder: Path, header: dict[str, object], *items: dict[str, object]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "suite.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in (header, *items)) + "\n", encoding="utf-8")
    return path


ARTICLE = (
    "The Tamsel bridge reopened on Monday after repairs.\n\n"
    "Traffic returned to the old town within hours.\n\n"
    "© 2031 Example News. All rights reserved.\n"
)


def corpus(folder: Path) -> None:
    (folder / "corpus").mkdir(parents=True, exist_ok=True)
    (folder / "corpus" / "bridge.txt").write_text(ARTICLE, encoding="utf-8")


def test_checker_finds_quotes_not_in_the_file_or_only_in_boilerplate(tmp_path: Path) -> None:
    corpus(tmp_path)
    fact = {"id": "f", "kind": "fact", "question": "When?", "gold": {"mentions": [["Monday"]]}}
    path = write(
        tmp_path, {"suite": "t", "corpus": ["corpus"]},
        {**fact, "evidence": [{"file": "bridge.txt", "quote": "reopened on Monday"}]},
        {**fact, "id": "g", "evidence": [{"file": "bridge.txt", "quote": "reopened on Tuesday"}]},
        {**fact, "id": "h", "evidence": [{"file": "bridge.txt", "quote": "All rights reserved"}]},
        {**fact, "id": "i", "evidence": [{"file": "other.txt", "quote": "anything"}]},
        {**fact, "id": "f"},
        {"id": "j", "kind": "summary", "question": "?", "gold": {}},
        "not an object",
    )  # fmt: skip
    suite = load_suite(path)
    problems = {p.item_id: p.problem for p in check_suite(suite)}
    assert problems == {"g": "not in the raw file",
                        "h": "only in lines ingest removes as boilerplate",
                        "i": "no such corpus file"}  # fmt: skip
    assert [(b.line, b.id) for b in suite.invalid] == [(6, "f"), (7, "j"), (8, "line-8")]
    assert "duplicate id" in suite.invalid[0].error


def test_a_suite_without_a_header_or_corpus_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SuiteError, match="not a valid header"):
        load_suite(write(tmp_path, {"id": "x"}))
    with pytest.raises(SuiteError, match="does not exist"):
        load_suite(write(tmp_path, {"suite": "t", "corpus": ["nowhere"]}))


def test_eval_check_command_passes_on_the_seeds_suite() -> None:
    result = factcheck("eval", "check", str(EVALS / "seeds.jsonl"))
    assert result.returncode == 0, result.stderr
    assert "0 problems" in result.stdout


def test_eval_command_runs_a_suite_writes_a_record_and_compares(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    corpus(tmp_path)
    path = write(
        tmp_path, {"suite": "bridge", "corpus": ["corpus"]},
        {"id": "cost", "kind": "unanswerable", "question": "What did the repairs cost?",
         "gold": {"answerable": False}},
        {"id": "when", "kind": "fact", "question": "When did the Tamsel bridge reopen?",
         "gold": {"mentions": [["Monday"]]}},
    )  # fmt: skip
    fake_openai.enqueue_tool_call("Answer", {"answerable": False, "sentences": []})
    # nothing is scripted for the second question: its call fails, the run goes on
    env = fake_env(fake_openai)
    run = factcheck("eval", str(path), "-o", str(tmp_path / "run"), env=env)
    assert run.returncode == 0, run.stderr
    assert "1 correct, 1 incorrect, 0 unscored" in run.stdout
    assert "abstention accuracy" in run.stdout
    record = load_record(tmp_path / "run")
    assert record.suite == "bridge"
    assert record.corpus[0].status == "added"
    assert [t.error is not None for t in record.trials] == [False, True]
    assert (
        (tmp_path / "run" / "report.md")
        .read_text(encoding="utf-8")
        .startswith("# Eval report: bridge")
    )
    compared = factcheck("eval", "compare", str(tmp_path / "run"), str(tmp_path / "run"),
                         "--json", env=env)  # fmt: skip
    assert compared.returncode == 0, compared.stderr
    assert json.loads(compared.stdout)["unchanged"] == 2
    missing = factcheck("eval", "compare", str(tmp_path / "run"), "no-such-run", env=env)
    assert missing.returncode == 1
    assert "no run at no-such-run" in missing.stderr
