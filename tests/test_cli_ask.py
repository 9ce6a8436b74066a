"""`factcheck ask` as a user runs it, against the fake OpenAI server."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.settings import Settings

from .answer_corpus import seeded
from .fake_openai import FakeOpenAI
from .test_cli import factcheck


def fake_env(fake: FakeOpenAI) -> dict[str, str]:
    return {
        "FACTCHECK_LLM__PROVIDER": "openai",
        "FACTCHECK_LLM__BASE_URL": fake.base_url,
        "FACTCHECK_LLM__API_KEY": "sk-test-not-a-real-key",
        "FACTCHECK_LLM__ANSWER_MODEL": "fake-model",
        "FACTCHECK_LLM__MAX_RETRIES": "0",
    }


def test_ask_json_has_the_documented_fields(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    seeded(fake_settings, tmp_path)
    result = factcheck(
        "ask", "--json", "How many families were evacuated, per source?", env=fake_env(fake_openai)
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert {"question", "kind", "answer", "abstained", "citations", "figures", "conflicts",
            "verification", "usage", "latency_s"} <= set(answer)  # fmt: skip
    assert answer["kind"] == "figures"
    assert {"n", "doc_id", "outlet", "asserter", "start", "end", "quote"} <= set(
        answer["citations"][0]
    )
    assert {"doc_id", "outlet", "value", "low", "high", "hedge", "counted", "asserter",
            "citation"} <= set(answer["figures"][0])  # fmt: skip
    assert sorted(f["value"] for f in answer["figures"]) == [1200, 1500, 3000]
    assert fake_openai.requests == []


def test_ask_prints_the_answer_and_its_quotes(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    seeded(fake_settings, tmp_path)
    fake_openai.enqueue_tool_call("Answer", {"answerable": False, "sentences": []})
    result = factcheck("ask", "What did the flood cost in euros?", env=fake_env(fake_openai))
    assert result.returncode == 0, result.stderr
    assert "These sources do not answer the question." in result.stdout
    assert "Closest passages found" in result.stdout


def test_ask_refuses_an_empty_question() -> None:
    result = factcheck("ask", "  ")
    assert result.returncode == 2
    assert "question is empty" in result.stderr
    assert "Traceback" not in result.stderr


def test_ask_prints_figures_over_time_as_a_table_and_a_chart(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    from assistant.store import open_store

    from .timeline_corpus import OFFICE, QUESTION, seed_timeline

    store = open_store(fake_settings)
    try:
        seed_timeline(store, tmp_path / "corpus")
    finally:
        store.close()
    result = factcheck("ask", QUESTION, env=fake_env(fake_openai))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Figures over time" in out
    assert "Figures per source" not in out  # the series replaces the per-source table
    header = next(line for line in out.splitlines() if line.startswith("when"))
    assert header.split() == ["when", "figure", "asserter", "outlet", "cite", "revised"]
    row = next(line for line in out.splitlines() if line.startswith("11 Jul 2031"))
    for cell in ("14", OFFICE, "Ridge Gazette", "↑ at least 9"):
        assert cell in row
    # the chart: one bar a dated report, the latest revision marked
    assert any(line.strip().startswith("12 Jul 2031") and "█" in line and "↑" in line
               for line in out.splitlines())  # fmt: skip
    assert fake_openai.requests == []
