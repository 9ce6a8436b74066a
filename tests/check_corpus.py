"""The invented ferry corpus the check tests run on: two dated reports of one disaster, a
figure updated between them, a count two parties disagree on and a hedged figure. Claims
are read off the parse at ingest (no model call)."""

from __future__ import annotations

from pathlib import Path

from assistant.claims.run import extract_claims
from assistant.ingest.pipeline import Ingestor
from assistant.llm import LLM
from assistant.settings import Settings
from assistant.store import Store

DAY_ONE = (
    "Ferry disaster in the Marrow strait\n"
    "At least 19 people died when the ferry capsized, the coast guard said on Monday.\n"
    "Harbour master Ilse Varga said up to 12,000 litres of fuel had leaked into the strait.\n"
    "The ferry operator said 40 crew members were rescued, but the union said 25 crew "
    "members were rescued.\n"
)
DAY_THREE = (
    "Ferry toll rises in the Marrow strait\n"
    "The death toll from the ferry disaster rose to 23, the coast guard said on Wednesday.\n"
    "Rescue divers recovered the ship's bell from the wreck near Marrow Point.\n"
)


def ferry_store(store: Store, llm: LLM, folder: Path) -> None:
    """Ingest the two reports (with outlet and date) into `store` and read their claims."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "day1.txt").write_text(DAY_ONE, encoding="utf-8")
    (folder / "day1.txt.meta.json").write_text('{"outlet": "Strait Post", "date": "2031-03-02"}')
    (folder / "day3.txt").write_text(DAY_THREE, encoding="utf-8")
    (folder / "day3.txt.meta.json").write_text('{"outlet": "Coast Wire", "date": "2031-03-04"}')
    Ingestor(store).ingest([folder / "day1.txt", folder / "day3.txt"])
    report = extract_claims(store, llm)
    assert report.counts.model_calls == 0


def ferry_home(settings: Settings, folder: Path) -> None:
    """The ferry corpus in `settings`' data directory, for what opens its own store."""
    from assistant.store import open_store

    store = open_store(settings)
    llm = LLM(settings.llm, settings.cache)
    try:
        ferry_store(store, llm, folder)
    finally:
        llm.close()
        store.close()
