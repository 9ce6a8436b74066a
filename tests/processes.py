"""Real `factcheck` subprocesses for the interruption and concurrency tests: start one,
watch the store it writes from outside, and stop it at a chosen moment."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from assistant.store.store import DB_NAME

from .fake_openai import FakeOpenAI

WAIT_S = 60  # generous: the machine may be busy; a passing test waits far less


def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`python -m assistant ARGS` in the background, with this test's environment."""
    return subprocess.Popen(
        [sys.executable, "-m", "assistant", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        preexec_fn=_default_sigint,  # noqa: PLW1509 (tests only; no threads fork here)
    )


def _default_sigint() -> None:
    """The child gets Ctrl-C as a user's process would. An ignored or blocked SIGINT is
    inherited across exec, and a library used by an earlier test in this pytest process
    can leave it so (the full suite once saw both Ctrl-C tests' children ignore it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])


def llm_env(fake: FakeOpenAI) -> dict[str, str]:
    """Settings pointing a subprocess at the fake OpenAI server."""
    return {
        "FACTCHECK_LLM__PROVIDER": "openai",
        "FACTCHECK_LLM__BASE_URL": fake.base_url,
        "FACTCHECK_LLM__API_KEY": "sk-test-not-a-real-key",
        "FACTCHECK_LLM__EXTRACTION_MODEL": "fake-model",
        "FACTCHECK_LLM__ANSWER_MODEL": "fake-model",
        "FACTCHECK_LLM__MAX_RETRIES": "0",
        "FACTCHECK_LLM__TIMEOUT": "60",
    }


def stored(home: Path, table: str = "documents") -> int:
    """Rows in a table of the store, read from outside (0 while it does not exist yet)."""
    path = home / DB_NAME
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
    except sqlite3.OperationalError:  # not created yet, or mid-migration
        return 0


def wait_for(
    condition: Callable[[], bool],
    proc: subprocess.Popen[str] | tuple[subprocess.Popen[str], ...],
    what: str,
) -> None:
    """Poll until `condition` holds; fail if the process (or every one of several racing
    processes: whichever wins may be the one doing the work) ends first, or it takes too
    long."""
    procs = proc if isinstance(proc, tuple) else (proc,)
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if all(p.poll() is not None for p in procs):
            if condition():  # it held at the moment the last one ended
                return
            ended = [(p.returncode, *p.communicate()) for p in procs]
            raise AssertionError(f"process ended before {what}: {ended}")
        if time.monotonic() > deadline:
            for p in procs:
                p.kill()
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Wait for the process to end: (exit code, stdout, stderr)."""
    out, err = proc.communicate(timeout=WAIT_S * 2)
    return proc.returncode, out, err
