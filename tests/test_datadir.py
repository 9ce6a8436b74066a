"""The data directory records its layout version and refuses one it does not understand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.datadir import LAYOUT_VERSION, STAMP, open_datadir, read_layout_version
from assistant.errors import DataDirError


def test_created_with_stamp(tmp_path: Path) -> None:
    home = tmp_path / "a" / "b"
    assert open_datadir(home) == home
    assert read_layout_version(home) == LAYOUT_VERSION
    open_datadir(home)  # idempotent
    assert read_layout_version(home) == LAYOUT_VERSION


def test_newer_layout_refused(tmp_path: Path) -> None:
    (tmp_path / STAMP).write_text(json.dumps({"layout_version": LAYOUT_VERSION + 1}))
    with pytest.raises(DataDirError, match="newer than this release"):
        open_datadir(tmp_path)


def test_garbled_stamp_refused(tmp_path: Path) -> None:
    (tmp_path / STAMP).write_bytes(b"\x00\xff not json")
    with pytest.raises(DataDirError, match="unreadable"):
        open_datadir(tmp_path)


def test_unwritable_location(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DataDirError, match="cannot create data directory"):
        open_datadir(blocker / "home")
