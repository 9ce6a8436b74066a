"""The command's frame: help, version, config, one-line errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import assistant
from assistant import __version__

# The package under test, not whichever copy is installed: a subprocess started in the
# test's working directory would otherwise import the installed (e.g. editable) one.
PACKAGE_ROOT = str(Path(assistant.__file__).resolve().parents[1])


def factcheck(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m assistant ARGS` as a user would, with this test's environment."""
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200", "PYTHONPATH": PACKAGE_ROOT, **(env or {})},
        check=False,
    )


def test_help_explains_commands() -> None:
    result = factcheck("--help")
    assert result.returncode == 0
    for word in ("setup", "doctor", "config", "--verbose", "FACTCHECK"):
        assert word in result.stdout


def test_no_arguments_shows_help() -> None:
    result = factcheck()
    assert "setup" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_version() -> None:
    result = factcheck("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"factcheck {__version__}"


def test_unknown_command_is_a_usage_error() -> None:
    result = factcheck("frobnicate")
    assert result.returncode == 2
    assert "No such command" in result.stderr
    assert "Traceback" not in result.stderr


def test_config_json_masks_key_and_applies_flags(factcheck_home: Path) -> None:
    planted = "sk-planted-0123456789abcdef"
    result = factcheck(
        "--provider",
        "openai",
        "--answer-model",
        "gpt-x",
        "config",
        "--json",
        env={"OPENAI_API_KEY": planted},
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["llm"]["provider"] == "openai"
    assert data["llm"]["answer_model"] == "gpt-x"
    assert data["home"] == str(factcheck_home)
    assert planted not in result.stdout + result.stderr
    assert data["llm"]["api_key"].startswith("****")


def test_config_toml_output() -> None:
    result = factcheck("config")
    assert result.returncode == 0, result.stderr
    assert "[llm]" in result.stdout
    assert 'provider = "local"' in result.stdout


def test_bad_setting_is_one_line_exit_2() -> None:
    result = factcheck("config", env={"FACTCHECK_LLM__TIMEOUT": "-3"})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factcheck: error: invalid settings: llm.timeout")


def test_expected_failure_is_one_line_without_traceback() -> None:
    result = factcheck("setup", "no-such-model")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "unknown model no-such-model" in lines[0]
    assert "known:" in lines[0]


def test_newer_data_directory_refused(factcheck_home: Path) -> None:
    factcheck_home.mkdir(parents=True)
    (factcheck_home / "layout.json").write_text('{"layout_version": 999}')
    result = factcheck("setup", "--list")
    assert result.returncode == 0  # listing needs no data directory
    result = factcheck("setup", "cl100k_base")
    assert result.returncode == 1
    assert "newer than this release" in result.stderr


@pytest.mark.parametrize("flag", ["-v", "-vv"])
def test_verbosity_flags_accepted(flag: str) -> None:
    result = factcheck(flag, "config", "--json")
    assert result.returncode == 0, result.stderr


def test_doctor_reports_missing_models_with_hint(tmp_path: Path) -> None:
    result = factcheck("doctor", "--no-llm", env={"FACTCHECK_CACHE": str(tmp_path / "empty-cache")})
    assert result.returncode == 1
    assert "fail" in result.stdout
    assert "factcheck setup" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
