"""Claim reading on a gold-labelled corpus: what the parse settles without the model.

    .venv/bin/python bench/bench_reading.py --corpus DIR [--gold DIR/gold.jsonl]

DIR holds article files (.txt .md .html, sidecars beside them) as ingest reads them, and
`gold.jsonl`: one line per figure a careful reader extracts, ``{"file", "value", "kind",
"asserter", "carrier", "carrier_via"}`` (kind: "deaths", "injured", "missing",
"displaced", ... or "other: ..."); optionally `furniture.jsonl` with ``{"file", "surface",
"class", "context"}`` for numbers that must never be figures (class "furniture": page
furniture; "non-count": magnitudes, ages, clock times). Real pages go in an
ignored folder (`bench/.work/`), never in the repository.

Prints, per corpus: sentences and figures read, the share of candidate sentences that still
need the model, parse time per 1k article tokens, figure recall (gold (file, value) pairs
found as figures), precision against gold values, kind accuracy on the people-kinds,
asserter accuracy (gold asserter named by the found one, or both none), carrier accuracy
on "told AGENCY" credits, figures made of furniture and of other numbers that count
nothing. Writes a JSON record to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import machine, write_record

from assistant.claims.candidates import find_candidates
from assistant.claims.extract import read_candidates
from assistant.claims.numbers import same_number
from assistant.claims.reading import FAMILIES
from assistant.claims.reading.furniture import dateline_carrier
from assistant.ingest.load import load_document
from assistant.settings import Settings
from assistant.tokens import count_tokens, get_encoding

SUFFIXES = {".txt", ".md", ".html", ".htm"}


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _named(gold: str | None, found: str | None) -> bool:
    if not gold:
        return not found
    if not found:
        return False
    g, f = gold.lower(), found.lower()
    return g in f or f in g


def read_corpus(folder: Path, settings: Settings) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every figure the parse reads in `folder`, and totals."""
    encoding = get_encoding(settings.cache)
    found: list[dict[str, Any]] = []
    totals = defaultdict(float)
    for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
        doc = load_document(path, max_bytes=settings.ingest.max_file_bytes)
        totals["tokens"] += count_tokens(doc.text, encoding)
        began = time.perf_counter()
        candidates = list(find_candidates(path.name, doc.text))
        readings = read_candidates(settings.cache, candidates, doc.text, doc.meta.outlet)
        carrier = dateline_carrier(doc.text)
        for c, reading in zip(candidates, readings, strict=True):
            totals["candidates"] += 1
            needs_model = bool(reading.open) or (
                not c.numbers and reading.statement.asserter is None and bool(c.actors)
            )
            totals["model_sentences"] += needs_model
            totals["open_numbers"] += len(reading.open)
            for f in reading.figures:
                found.append({
                    "file": path.name, "value": f.mention.value, "surface": f.mention.surface,
                    "kind": f.counted.kind, "counted": f.counted.text,
                    "asserter": f.attribution.asserter,
                    "carrier": f.attribution.carrier or carrier, "sentence": c.text,
                })  # fmt: skip
        totals["seconds"] += time.perf_counter() - began
    return found, dict(totals)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _listed(found: dict[str, Any], listed: list[dict[str, Any]], kind: str) -> bool:
    """Is this figure one the list says is `kind` ("furniture", "non-count"): same file,
    its number inside the listed surface, its sentence holding the listed context?"""
    return any(
        u["file"] == found["file"] and u.get("class") == kind
        and found["surface"] in u["surface"]
        and (u.get("context") or u["surface"]) in found["sentence"]
        for u in listed
    )  # fmt: skip


def score(found: list[dict[str, Any]], gold: list[dict[str, Any]],
          furniture: list[dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in found:
        by_file[f["file"]].append(f)
    pairs = {(g["file"], g["value"]) for g in gold}
    hit_pairs = {p for p in pairs if any(same_number(p[1], f["value"]) for f in by_file[p[0]])}
    right_values = [f for f in found if any(same_number(f["value"], v) for (fl, v) in pairs
                                            if fl == f["file"])]  # fmt: skip
    kinds = asserters = carriers = 0
    kind_n = asserter_n = carrier_n = 0
    misses: list[str] = []
    carrier_misses: list[str] = []
    kind_misses: list[str] = []
    for g in gold:
        # the figure of the gold sentence itself, whose sentence holds the gold surface (a
        # gold "sentence" may be a paragraph, or a headline run into its lead)
        inside = [f for f in by_file[g["file"]] if same_number(f["value"], g["value"])
                  and _flat(f["sentence"]) in _flat(g.get("sentence", f["sentence"]))]  # fmt: skip
        same = inside or [f for f in by_file[g["file"]] if same_number(f["value"], g["value"])]
        match = next((f for f in same if _flat(g.get("surface", "")) in _flat(f["sentence"])),
                     same[0] if same else None)  # fmt: skip
        if match is None:
            continue
        if g.get("kind") in FAMILIES:
            kind_n += 1
            kinds += match["kind"] == g["kind"]
            if match["kind"] != g["kind"]:
                kind_misses.append(f"{g['file']} {g.get('surface')}: gold {g['kind']}, "
                                   f"found {match['kind']!r} ({match['counted']!r})")  # fmt: skip
        asserter_n += 1
        ok = _named(g.get("asserter"), match["asserter"])
        asserters += ok
        if not ok and len(misses) < 60:
            misses.append(f"{g['file']} {g.get('surface')}: gold {g.get('asserter')!r}, "
                          f"found {match['asserter']!r}")  # fmt: skip
        if g.get("carrier_via") == "claim":
            carrier_n += 1
            carried = _named(g.get("carrier"), match["carrier"])
            carriers += carried
            if not carried:
                carrier_misses.append(f"{g['file']} {g.get('surface')}: gold {g.get('carrier')!r}, "
                                      f"found {match['carrier']!r}")  # fmt: skip
    furniture_hits = [f for f in found if _listed(f, furniture, "furniture")]
    non_counts = [f for f in found if _listed(f, furniture, "non-count")]
    return {
        "gold_pairs": len(pairs),
        "figure_recall": len(hit_pairs) / len(pairs) if pairs else None,
        "figure_precision": len(right_values) / len(found) if found else None,
        "kind_accuracy": kinds / kind_n if kind_n else None,
        "asserter_accuracy": asserters / asserter_n if asserter_n else None,
        "carrier_accuracy": carriers / carrier_n if carrier_n else None,
        "furniture_figures": len(furniture_hits),
        "furniture_examples": [
            f"{f['file']}: {f['surface']} | {f['sentence'][:80]}" for f in furniture_hits[:10]
        ],
        "non_count_figures": len(non_counts),
        "non_count_examples": [
            f"{f['file']}: {f['surface']} | {f['sentence'][:80]}" for f in non_counts[:25]
        ],
        "asserter_misses": misses,
        "carrier_misses": carrier_misses,
        "kind_misses": kind_misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of articles + gold")
    parser.add_argument("--gold", type=Path, help="gold.jsonl (default: CORPUS/gold.jsonl)")
    args = parser.parse_args()
    settings = Settings()
    found, totals = read_corpus(args.corpus, settings)
    gold = _jsonl(args.gold or args.corpus / "gold.jsonl")
    furniture = _jsonl(args.corpus / "furniture.jsonl")
    result = {**totals, **score(found, gold, furniture)}
    result["model_share"] = totals["model_sentences"] / max(1, totals["candidates"])
    result["parse_s_per_1k_tokens"] = totals["seconds"] / max(1, totals["tokens"]) * 1000
    for key, value in result.items():
        if isinstance(value, list):
            print(f"{key}:")
            for line in value:
                print(f"  {line}")
        else:
            print(f"{key:>24}: {value:.3f}" if isinstance(value, float) else f"{key:>24}: {value}")
    write_record("reading", {"corpus": str(args.corpus), "machine": machine(), **result})


if __name__ == "__main__":
    main()
