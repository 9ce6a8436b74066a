"""Settings precedence: flags > environment > TOML file > defaults; secrets stay masked."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.settings import Settings, config_file, load_settings, masked_dump


def test_defaults(factcheck_home: Path) -> None:
    s = Settings()
    assert s.home == factcheck_home
    assert s.llm.provider == "local"
    assert s.llm.extraction_model == "qwen2.5-coder-0.5b"
    assert s.llm.answer_model == "qwen2.5-coder-1.5b"
    assert s.store.url is None


def test_precedence_flags_env_toml_defaults(
    factcheck_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("factcheck.toml").write_text(
        '[llm]\nprovider = "openai"\ntimeout = 11\nanswer_model = "from-toml"\n'
        'extraction_model = "from-toml"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FACTCHECK_LLM__TIMEOUT", "22")
    monkeypatch.setenv("FACTCHECK_LLM__ANSWER_MODEL", "from-env")
    s = load_settings({"llm": {"answer_model": "from-flag"}})
    assert s.llm.answer_model == "from-flag"  # flag beats env and TOML
    assert s.llm.timeout == 22  # env beats TOML
    assert s.llm.provider == "openai"  # TOML beats default
    assert s.llm.extraction_model == "from-toml"
    assert s.llm.temperature == 0.0  # default


def test_home_config_toml_used_when_no_local_file(factcheck_home: Path) -> None:
    factcheck_home.mkdir(parents=True)
    (factcheck_home / "config.toml").write_text('[store]\ncollection = "c2"\n')
    assert config_file() == factcheck_home / "config.toml"
    assert Settings().store.collection == "c2"
    Path("factcheck.toml").write_text('[store]\ncollection = "c3"\n')
    assert Settings().store.collection == "c3"  # the working directory's file wins


def test_unknown_keys_are_rejected(factcheck_home: Path) -> None:
    Path("factcheck.toml").write_text('[llm]\nprovder = "openai"\n')
    with pytest.raises(ValidationError, match="provder"):
        Settings()


def test_invalid_value_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_LLM__PROVIDER", "carrier-pigeon")
    with pytest.raises(ValidationError, match="provider"):
        Settings()


def test_api_key_fallback_and_masking(monkeypatch: pytest.MonkeyPatch) -> None:
    planted = "sk-planted-secret-0123456789"
    monkeypatch.setenv("OPENAI_API_KEY", planted)
    s = Settings()
    assert s.llm.api_key is not None
    assert s.llm.api_key.get_secret_value() == planted
    dumped = masked_dump(s)
    assert planted not in repr(dumped)
    assert planted not in repr(s)
    assert dumped["llm"]["api_key"].startswith("****")


def test_factcheck_key_beats_openai_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-openai-env")
    monkeypatch.setenv("FACTCHECK_LLM__API_KEY", "sk-from-factcheck-env")
    s = Settings()
    assert s.llm.api_key is not None
    assert s.llm.api_key.get_secret_value() == "sk-from-factcheck-env"


def test_cache_is_relocatable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "models"))
    assert Settings().cache == tmp_path / "models"
