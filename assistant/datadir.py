"""The data directory: created on first use, stamped with a layout version.

A later release reads the stamp to migrate an older layout, or refuses a newer one with a
clear message instead of misreading it.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from . import __version__
from .errors import DataDirError

LAYOUT_VERSION = 1
STAMP = "layout.json"

log = logging.getLogger(__name__)


def open_datadir(home: Path) -> Path:
    """Make sure `home` exists and carries a layout this release understands; return it."""
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(
            f"cannot create data directory {home}: {exc.strerror}",
            hint="set FACTCHECK_HOME to a writable folder",
        ) from exc
    stamp = home / STAMP
    if not stamp.exists():
        _write_stamp(stamp)
        log.info("initialised data directory %s (layout %d)", home, LAYOUT_VERSION)
        return home
    version = read_layout_version(home)
    if version > LAYOUT_VERSION:
        raise DataDirError(
            f"data directory {home} has layout {version}, newer than this release "
            f"understands ({LAYOUT_VERSION})",
            hint="upgrade factcheck, or point FACTCHECK_HOME elsewhere; see `factcheck doctor`",
        )
    # Older layouts would be migrated here; layout 1 is the first.
    return home


def read_layout_version(home: Path) -> int:
    """The layout version recorded in `home`, or a DataDirError when the stamp is unreadable."""
    stamp = home / STAMP
    try:
        data = json.loads(stamp.read_text(encoding="utf-8"))
        version = data["layout_version"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataDirError(
            f"data directory stamp {stamp} is unreadable",
            hint="run `factcheck doctor`; move the folder aside to start afresh",
        ) from exc
    if not isinstance(version, int):
        raise DataDirError(
            f"data directory stamp {stamp} has no integer layout_version",
            hint="run `factcheck doctor`; move the folder aside to start afresh",
        )
    return version


def _write_stamp(stamp: Path) -> None:
    tmp = stamp.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"layout_version": LAYOUT_VERSION, "created_by": __version__}) + "\n",
        encoding="utf-8",
    )
    tmp.replace(stamp)
