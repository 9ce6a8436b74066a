"""Headless Chromium for the tests of self-contained HTML pages: the DOM a page renders to."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def rendered_dom(path: Path) -> str:
    """`path` opened in headless Chromium (no network: the page must need none), its DOM."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.fail("chromium is not installed: `make browser` installs Debian's chromium package")
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
