"""A Chroma server (`chroma run`, from the venv) on loopback for the life of a `with` block.

The server is terminated when the block ends, however it ends (an exception, Ctrl-C, or a
SIGTERM turned into SystemExit by the caller); it is killed if it does not stop in time.
Its output goes to a log file beside its data, for when it fails to start.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

START_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 20.0


class ServerError(RuntimeError):
    """The Chroma server did not come up."""


def free_loopback_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def chroma_server(data: Path, log: Path) -> Iterator[str]:
    """Serve the Chroma store in `data` on 127.0.0.1; yield its URL."""
    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        raise ServerError(f"{chroma} not found: the chroma CLI comes with the chromadb package")
    port = free_loopback_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(chroma), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)]
    with log.open("ab") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(server, url, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(server: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerError(f"chroma run exited with {server.returncode}; see {log}")
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise ServerError(f"chroma run did not answer within {START_TIMEOUT_S:.0f} s; see {log}")
