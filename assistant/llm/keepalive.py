"""A local model kept warm between commands: one background server per model file.

Loading the 1.5B answer model takes ~2.5 s of every `factcheck ask`, and a new process
also loses llama.cpp's cached prompt prefix. With `llm.keep_alive` seconds (default 300),
the first command starts a detached server process (`python -m assistant.llm.keepalive`)
that serves the model on 127.0.0.1 and writes where it listens to a state file in the
cache (`servers/<key>.json`); later commands find it there, check it answers, and use it
through the same openai client. While a command uses it, the command renews a lease (the
state file's modification time) every few seconds; the server exits once nobody has renewed
it for `keep_alive` seconds, as Ollama's keep-alive does. `llm.keep_alive = 0` keeps the
engine inside the command's own process instead.

Start-up is serialised by a lock file, so two commands started together share one server.
A state file whose process is gone, or which does not answer, is replaced.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import LLMError

log = logging.getLogger(__name__)

LEASE_EVERY_S = 5.0
"""How often a command using a warm server renews its lease."""
START_TIMEOUT_S = 180.0
"""How long a command waits for a new server to load its model."""
_POLL_S = 0.1


@dataclass(frozen=True)
class Warm:
    """A warm server as its state file describes it."""

    pid: int
    base_url: str
    model_path: str
    state: Path


def state_dir(cache: Path) -> Path:
    return cache / "servers"


def server_key(model_path: Path, context_size: int, threads: int) -> str:
    """One server per model file and engine settings."""
    raw = f"{model_path.resolve()}|{context_size}|{threads}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def warm_server(
    model_path: Path, cache: Path, *, context_size: int, threads: int, keep_alive: float
) -> Warm:
    """The warm server for `model_path`, started in the background if none answers."""
    directory = state_dir(cache)
    directory.mkdir(parents=True, exist_ok=True)
    key = server_key(model_path, context_size, threads)
    state = directory / f"{key}.json"
    with _locked(directory / f"{key}.lock"):
        found = _answering(state)
        if found is not None:
            renew(state)
            log.info("using the warm server for %s at %s", model_path.name, found.base_url)
            return found
        return _start(model_path, state, context_size, threads, keep_alive)


def renew(state: Path) -> None:
    """Renew the lease on a warm server (its state file's modification time)."""
    with contextlib.suppress(FileNotFoundError):
        os.utime(state)


class Lease:
    """Renews the lease on a warm server every `LEASE_EVERY_S` until closed."""

    def __init__(self, state: Path) -> None:
        self.state = state
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="llm-lease", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(LEASE_EVERY_S):
            renew(self.state)

    def close(self) -> None:
        renew(self.state)  # the idle time counts from the last use
        self._stop.set()


def running(cache: Path) -> list[Warm]:
    """The warm servers whose process is alive."""
    found = []
    for state in sorted(state_dir(cache).glob("*.json")):
        warm = _read(state)
        if warm is not None and _alive(warm.pid):
            found.append(warm)
    return found


def stop_all(cache: Path) -> int:
    """Stop every warm server; how many were stopped."""
    stopped = 0
    for warm in running(cache):
        with contextlib.suppress(ProcessLookupError):
            os.kill(warm.pid, signal.SIGTERM)
            stopped += 1
        warm.state.unlink(missing_ok=True)
    return stopped


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read(state: Path) -> Warm | None:
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
        return Warm(int(data["pid"]), str(data["base_url"]), str(data["model_path"]), state)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _answering(state: Path) -> Warm | None:
    warm = _read(state)
    if warm is None or not _alive(warm.pid):
        return None
    if not warm.base_url.startswith("http://127.0.0.1:"):
        return None  # only ever our own loopback server
    try:
        with urllib.request.urlopen(f"{warm.base_url}/models", timeout=5.0) as response:  # noqa: S310
            ok = response.status == 200
    except (urllib.error.URLError, OSError):
        return None
    return warm if ok else None


def _start(
    model_path: Path, state: Path, context_size: int, threads: int, keep_alive: float
) -> Warm:
    state.unlink(missing_ok=True)
    logfile = state.with_suffix(".log")
    command = [
        sys.executable, "-m", "assistant.llm.keepalive", str(model_path),
        "--state", str(state), "--context-size", str(context_size),
        "--threads", str(threads), "--keep-alive", str(keep_alive),
    ]  # fmt: skip
    with logfile.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # outlives the command, untouched by its Ctrl-C
        )  # fmt: skip
    began = time.monotonic()
    while time.monotonic() - began < START_TIMEOUT_S:
        if process.poll() is not None:
            tail = logfile.read_text(encoding="utf-8", errors="replace")[-600:]
            raise LLMError(
                f"the local model server for {model_path.name} exited while starting: {tail}",
                hint="run `factcheck doctor`, or set llm.keep_alive = 0",
            )
        warm = _read(state)
        if warm is not None and warm.pid == process.pid:
            log.info("started a warm server for %s at %s (%.1f s)", model_path.name,
                     warm.base_url, time.monotonic() - began)  # fmt: skip
            return warm
        time.sleep(_POLL_S)
    process.terminate()
    raise LLMError(f"the local model server for {model_path.name} did not start in time")


def _write_state(state: Path, base_url: str, model_path: Path) -> None:
    data = {"pid": os.getpid(), "base_url": base_url, "model_path": str(model_path)}
    partial = state.with_suffix(".partial")
    partial.write_text(json.dumps(data), encoding="utf-8")
    partial.replace(state)  # readers see the whole file or none


def serve(
    model_path: Path, state: Path, *, context_size: int, threads: int, keep_alive: float
) -> int:
    """Serve `model_path` until the lease in `state` is older than `keep_alive` seconds,
    the state file is removed or replaced, or the process is told to stop."""
    from .local import start_server

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    server = start_server(model_path, context_size=context_size, threads=threads)
    _write_state(state, server.base_url, model_path)
    try:
        while not stop.wait(min(LEASE_EVERY_S, keep_alive)):
            warm = _read(state)
            if warm is None or warm.pid != os.getpid():
                return 0  # removed (stopped) or taken over
            if time.time() - state.stat().st_mtime > keep_alive:
                state.unlink(missing_ok=True)
                return 0
    finally:
        current = _read(state)
        if current is not None and current.pid == os.getpid():
            state.unlink(missing_ok=True)
        del server
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.llm.keepalive",
                                     description="Serve a local model until idle.")  # fmt: skip
    parser.add_argument("model_path", type=Path)
    parser.add_argument("--state", type=Path, required=True)
    parser.add_argument("--context-size", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep-alive", type=float, default=300.0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    return serve(args.model_path, args.state, context_size=args.context_size,
                 threads=args.threads, keep_alive=args.keep_alive)  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
