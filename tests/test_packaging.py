"""A non-editable install carries every subpackage and the prompts."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "assistant").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found | {"assistant.prompts"} == listed


def test_wheel_contains_code_and_prompts(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("factcheck-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    prompts = {p.name for p in (ROOT / "prompts").glob("*.md")}
    assert prompts, "the project has prompt files"
    for prompt in prompts:
        assert f"assistant/prompts/{prompt}" in names
    assert "assistant/cli/main.py" in names
    assert "assistant/py.typed" in names
    assert not any(n.startswith(("tests/", "seeds/")) for n in names)
