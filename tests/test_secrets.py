"""A planted API key never appears in config dumps, logs, error messages, stored records
or eval reports. Every test plants the same recognisable key and greps for it."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from openai.types.chat import ChatCompletionMessageParam
from pydantic import BaseModel, SecretStr

from assistant.claims.run import extract_claims
from assistant.errors import LLMError
from assistant.evals import Prepared, load_suite, render_report, run_suite
from assistant.evals.prepare import Progress, describe
from assistant.evals.record import save_record
from assistant.ingest.pipeline import Ingestor
from assistant.llm import LLM
from assistant.settings import Settings, masked_dump
from assistant.store import Store, open_store

from .answer_corpus import seed_store
from .fake_openai import FakeOpenAI
from .test_answers import RESCUE_QUESTION
from .test_cli import factcheck
from .test_eval_runner import hand_seeded, write_suite
from .test_faults import ARTICLE, answers

KEY = "sk-test-PLANTED-9f2c41d07be35a68"
MASKED = "****68"


class Reply(BaseModel):
    text: str


def assert_no_key(*texts: str) -> None:
    for text in texts:
        assert KEY not in text
        assert KEY[8:] not in text  # not even without its prefix


def assert_no_key_in_files(folder: Path) -> int:
    """Grep every file under `folder` (SQLite, Chroma, originals, reports) as bytes."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    for path in files:
        assert KEY.encode() not in path.read_bytes(), path
    return len(files)


@pytest.fixture
def keyed(fake_settings: Settings) -> Settings:
    fake_settings.llm.api_key = SecretStr(KEY)
    return fake_settings


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every logger at DEBUG, the HTTP and SDK libraries included."""
    caplog.set_level(logging.DEBUG)
    for name in ("openai", "httpx", "httpcore", "instructor", "assistant"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def env(fake: FakeOpenAI, **more: str) -> dict[str, str]:
    return {
        "FACTCHECK_LLM__PROVIDER": "openai",
        "FACTCHECK_LLM__BASE_URL": fake.base_url,
        "FACTCHECK_LLM__API_KEY": KEY,
        "FACTCHECK_LLM__EXTRACTION_MODEL": "fake-model",
        "FACTCHECK_LLM__ANSWER_MODEL": "fake-model",
        "FACTCHECK_LLM__MAX_RETRIES": "0",
        **more,
    }


# -- settings and config dumps ---------------------------------------------------------------


def test_settings_never_show_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    settings = Settings()
    assert settings.llm.api_key is not None
    assert settings.llm.api_key.get_secret_value() == KEY  # read from the fallback
    dumped = masked_dump(settings)
    assert dumped["llm"]["api_key"] == MASKED
    assert_no_key(
        repr(settings), str(settings), settings.model_dump_json(), json.dumps(dumped),
        repr(settings.llm), str(settings.model_dump()),
    )  # fmt: skip


@pytest.mark.parametrize("where", ["env", "openai-env", "toml"])
def test_factcheck_config_masks_the_key(where: str, factcheck_home: Path) -> None:
    extra = {"FACTCHECK_LLM__PROVIDER": "openai"}
    if where == "env":
        extra["FACTCHECK_LLM__API_KEY"] = KEY
    elif where == "openai-env":
        extra["OPENAI_API_KEY"] = KEY
    else:
        Path("factcheck.toml").write_text(f'[llm]\napi_key = "{KEY}"\n', encoding="utf-8")
    result = factcheck("config", "--json", env=extra)
    assert result.returncode == 0, result.stderr
    assert_no_key(result.stdout, result.stderr)
    assert json.loads(result.stdout)["llm"]["api_key"] == MASKED
    if where == "env":  # the TOML form, with debug logging on
        result = factcheck("-vv", "config", env=extra)
        assert result.returncode == 0, result.stderr
        assert_no_key(result.stdout, result.stderr)
        assert f'api_key = "{MASKED}"' in result.stdout


# -- errors and logs -------------------------------------------------------------------------


def test_errors_from_the_endpoint_never_carry_the_key(
    keyed: Settings, fake_openai: FakeOpenAI, debug_logs: pytest.LogCaptureFixture
) -> None:
    messages: list[ChatCompletionMessageParam] = [{"role": "user", "content": "Reply with OK."}]
    llm = LLM(keyed.llm, keyed.cache)
    # a careless server echoes the key it was sent, in a 401 and in a 400
    fake_openai.enqueue_error(401, f"Incorrect API key provided: {KEY}")
    fake_openai.enqueue_error(400, f"bad request from key {KEY}")
    fake_openai.enqueue_error(401, "invalid key")

    def failure(call: Callable[[], object]) -> LLMError:
        with pytest.raises(LLMError) as info:
            call()
        return info.value

    errors = [
        failure(lambda: llm.structured("answer", Reply, messages)),
        failure(lambda: llm.structured("answer", Reply, messages)),
        failure(lambda: list(llm.stream("answer", messages))),
    ]
    llm.close()
    assert "refused the API key" in str(errors[0])
    assert "HTTP 400: bad request from key ****68" in str(errors[1])
    assert_no_key(*(f"{e} {e!r} {e.message}" for e in errors))
    # the key did go out, in the header only
    assert fake_openai.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"
    assert_no_key(debug_logs.text, *(r.getMessage() for r in debug_logs.records))


def test_extraction_and_answers_log_and_store_no_key(
    keyed: Settings, fake_openai: FakeOpenAI, debug_logs: pytest.LogCaptureFixture,
    tmp_path: Path, factcheck_home: Path,
) -> None:  # fmt: skip
    path = tmp_path / "floods.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    store = open_store(keyed)
    llm = LLM(keyed.llm, keyed.cache)
    try:
        (outcome,) = Ingestor(store).ingest([path])
        doc = store.docs.get(outcome.doc_id or "")
        assert doc is not None
        first, _, third, fourth = answers(doc)
        fake_openai.enqueue_tool_call("SentenceFigures", first)
        fake_openai.enqueue_error(500, "boom")  # a failure, logged and recorded
        fake_openai.enqueue_tool_call("SentenceFigures", third)
        fake_openai.enqueue_tool_call("SentenceFigures", fourth)
        report = extract_claims(store, llm)
        assert len(report.errors) == 1
        assert_no_key(*report.errors)
    finally:
        llm.close()
        store.close()
    assert_no_key(debug_logs.text, *(r.getMessage() for r in debug_logs.records))
    assert assert_no_key_in_files(factcheck_home) > 3


def test_cli_with_debug_logging_shows_no_key(
    fake_settings: Settings, fake_openai: FakeOpenAI, tmp_path: Path, factcheck_home: Path
) -> None:
    store = open_store(fake_settings)
    try:
        seed_store(store, tmp_path / "corpus")
    finally:
        store.close()
    fake_openai.enqueue_error(401, f"Incorrect API key provided: {KEY}")  # echoed back
    result = factcheck("-vv", "ask", RESCUE_QUESTION, env=env(fake_openai))
    assert result.returncode == 1
    assert "refused the API key" in result.stderr  # (-vv also logs the SDK's retries)
    assert_no_key(result.stdout, result.stderr)
    fake_openai.enqueue_tool_call("Answer", {"answerable": False, "sentences": []})
    result = factcheck("-vv", "ask", "--json", RESCUE_QUESTION, env=env(fake_openai))
    assert result.returncode == 0, result.stderr
    assert "llm" in result.stderr  # debug logging was on
    assert_no_key(result.stdout, result.stderr)
    assert_no_key_in_files(factcheck_home)


# -- eval records and reports ----------------------------------------------------------------


def test_eval_run_record_and_report_carry_no_key(
    keyed: Settings, fake_openai: FakeOpenAI, tmp_path: Path,
    debug_logs: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    suite = load_suite(write_suite(tmp_path / "suite"))
    record = run_suite(suite, keyed, prepare=hand_seeded(fake_openai))
    folder = save_record(record, tmp_path / "run", render_report(record))
    assert (folder / "run.json").is_file()
    assert (folder / "report.md").is_file()
    assert_no_key(record.model_dump_json())
    assert_no_key_in_files(folder)

    # a run whose endpoint refuses the key: the errors recorded name no key
    def refused(store: Store, llm: LLM, files: Sequence[Path], progress: Progress) -> Prepared:
        ids = seed_store(store, files[0].parent)
        fake_openai.enqueue_error(401, f"Incorrect API key provided: {KEY}", times=10)
        return Prepared(describe(store, [(f, "added", ids[f.name], "") for f in files]))

    failed = run_suite(suite, keyed, prepare=refused)
    assert any(t.error for t in failed.trials)
    folder = save_record(failed, tmp_path / "failed", render_report(failed))
    assert_no_key(failed.model_dump_json())
    assert_no_key_in_files(folder)
    assert_no_key(debug_logs.text)
