"""tiktoken, offline: the BPE file is fetched and verified by `factcheck setup`.

tiktoken looks for its files in ``TIKTOKEN_CACHE_DIR`` under ``sha1(download_url)`` and
re-checks their sha256 itself; we place our verified copy there before the first
``get_encoding``, so tiktoken never tries the network.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
from pathlib import Path

import tiktoken

from .errors import ModelNotReadyError
from .models import fetch, registry

ENCODING = "cl100k_base"
_BLOB_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"


def tiktoken_dir(cache: Path) -> Path:
    """Where tiktoken's own cache lives: $TIKTOKEN_CACHE_DIR, else inside our model cache."""
    env = os.environ.get("TIKTOKEN_CACHE_DIR")
    return Path(env) if env else cache / "tiktoken"


@functools.lru_cache(maxsize=4)
def get_encoding(cache: Path, name: str = ENCODING) -> tiktoken.Encoding:
    """Load encoding `name` without network, from the verified copy in `cache`."""
    art = registry.get_artifact(name)
    source = fetch.artifact_path(cache, art)
    if not fetch.is_present(cache, art):
        raise ModelNotReadyError(
            f"tokenizer {name} is not set up in {cache}", hint="run `factcheck setup`"
        )
    target_dir = tiktoken_dir(cache)
    target_dir.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha1(_BLOB_URL.format(name=name).encode()).hexdigest()  # noqa: S324 (tiktoken's naming)
    target = target_dir / key
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        tmp = target.with_suffix(".tmp")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(target_dir)
    return tiktoken.get_encoding(name)


def count_tokens(text: str, encoding: tiktoken.Encoding) -> int:
    """Tokens in `text`, treating special-token strings in articles as plain text."""
    return len(encoding.encode(text, disallowed_special=()))
