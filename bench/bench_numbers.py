"""Our number finder against what spaCy's small English pipeline offers, on the same text.

    .venv/bin/python bench/bench_numbers.py [CORPUS_DIR ...]

Default corpora: `seeds/` and every `evals/corpora/*/`. Each article is read as ingest reads
it (`load_document`). Prints, over all of them: the time `find_numbers` takes per 1k
characters (best of five), and spaCy's `en_core_web_sm` pipeline (one pass after a warm-up;
it is the parse claim reading runs anyway) and its tokenizer alone; how many quantities we
find (kinds in `QUANTITY_KINDS`) and how many numeric entities (CARDINAL, MONEY, PERCENT,
QUANTITY) and `like_num` tokens spaCy finds, and how many of those entities no quantity of
ours overlaps; how many of our quantities a numeric entity covers with exactly the same
span (with or without the hedge), and for those how often the "buy" value (the entity's
text, separators removed, as a float) equals ours. Then the same per form that stays
hand-written: lakh/crore, Indian grouping, space or thin-space groups, number words,
hedges, ranges; and, on a few phrases written here (`PROBES`), what each side reads.
Needs `factcheck setup` to have fetched the pipeline. Writes a JSON record
to bench/results/.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import machine, write_record

from assistant.claims.numbers import QUANTITY_KINDS, NumberMention, find_numbers, same_number
from assistant.ingest.load import load_document
from assistant.nlp import pipeline
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".txt", ".md", ".html", ".htm"}
NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}

# The forms the docstring of `assistant.claims.numbers` says stay ours, told by the surface.
FORMS: dict[str, Callable[[NumberMention], bool]] = {
    "lakh/crore": lambda m: re.search(r"(?i)\b(?:lakhs?|lacs?|crores?)\b", m.surface) is not None,
    "indian grouping": lambda m: re.search(r"\d{1,2}(?:,\d{2})+,\d{3}", m.surface) is not None,
    "space groups": lambda m: re.search(r"\d[ \u00a0\u2009\u202f]\d{3}\b", m.surface) is not None,
    "number words": lambda m: re.search(r"\d", m.surface) is None,
    "hedged": lambda m: m.hedge is not None,
    "range": lambda m: m.high is not None,
}


PROBES = (
    "1.9 lakh people",
    "Rs 1,200 crore",
    "1,90,000 people",
    "19 136 people",
    "19\u202f136 people",
    "Ninety nine people",
    "up to 500 people",
    "2-3 million people",
    "0.57 million people",
)


def _articles(folders: list[Path], settings: Settings) -> list[str]:
    texts = []
    for folder in folders:
        for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
            texts.append(load_document(path, max_bytes=settings.ingest.max_file_bytes).text)
    return texts


def _buy_value(surface: str) -> float | None:
    """What a caller of spaCy gets without a number parser of its own."""
    try:
        return float(surface.replace(",", "").replace("$", "").replace("%", ""))
    except ValueError:
        return None


def measure(texts: list[str], settings: Settings) -> dict[str, Any]:
    chars = sum(len(t) for t in texts)
    ours_s = min(_timed(lambda: [find_numbers(t) for t in texts]) for _ in range(5))
    nlp = pipeline(settings.cache)
    list(nlp.pipe(texts[:1]))
    began = time.perf_counter()
    docs = list(nlp.pipe(texts))
    spacy_s = time.perf_counter() - began
    tokenizer_s = min(_timed(lambda: [nlp.make_doc(t) for t in texts]) for _ in range(5))

    totals: Counter[str] = Counter()
    empty = {"ours": 0, "same span": 0, "same span and value": 0}
    forms: dict[str, Counter[str]] = {form: Counter(empty) for form in FORMS}
    for text, doc in zip(texts, docs, strict=True):
        entities = {
            (e.start_char, e.end_char): e.text for e in doc.ents if e.label_ in NUMERIC_LABELS
        }
        totals["spacy entities"] += len(entities)
        totals["spacy like_num tokens"] += sum(t.like_num for t in doc)
        mentions = find_numbers(text)
        totals["spacy entities ours lacks"] += sum(
            not any(m.start < end and start < m.end for m in mentions if m.kind in QUANTITY_KINDS)
            for start, end in entities
        )
        for m in mentions:
            if m.kind not in QUANTITY_KINDS:
                continue
            totals["ours"] += 1
            entity = entities.get((m.start, m.end))
            if entity is None and m.hedge_start is not None:  # spaCy's span may hold the hedge
                entity = entities.get((m.hedge_start, m.end))
            value = None if entity is None else _buy_value(entity)
            same = value is not None and same_number(value, m.value) and m.high is None
            totals["same span"] += entity is not None
            totals["same span and value"] += same
            for form, test in FORMS.items():
                if test(m):
                    forms[form]["ours"] += 1
                    forms[form]["same span"] += entity is not None
                    forms[form]["same span and value"] += same
    probes = {
        probe: {
            "spacy": [(e.text, e.label_) for e in doc.ents],
            "ours": [(m.surface, m.value, m.high, m.hedge) for m in find_numbers(probe)],
        }
        for probe, doc in zip(PROBES, nlp.pipe(PROBES), strict=True)
    }
    return {
        "articles": len(texts),
        "characters": chars,
        "ours_ms_per_1k_chars": ours_s / chars * 1e6,
        "spacy_ms_per_1k_chars": spacy_s / chars * 1e6,
        "spacy_tokenizer_ms_per_1k_chars": tokenizer_s / chars * 1e6,
        **dict(totals),
        "forms": {form: dict(counts) for form, counts in forms.items()},
        "probes": probes,
    }


def _timed(run: Callable[[], object]) -> float:
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="article folders")
    args = parser.parse_args()
    folders = args.corpora or [ROOT / "seeds", *sorted((ROOT / "evals/corpora").iterdir())]
    settings = Settings()
    result = measure(_articles(folders, settings), settings)
    for key, value in result.items():
        if isinstance(value, dict):
            for form, counts in value.items():
                print(f"{form:>24}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        else:
            print(f"{key:>24}: {value:.3f}" if isinstance(value, float) else f"{key:>24}: {value}")
    write_record("numbers", {"corpora": [str(f) for f in folders], "machine": machine(), **result})


if __name__ == "__main__":
    main()
