"""An invented developing story for timeline tests: a landslide whose death toll the
district disaster office revises over three days (9, then 14, then 21), a rescue league
giving its own figure on the last day, a missing count that also changes, and one
undated page. Claims are written by hand, as in `answer_corpus`."""

from __future__ import annotations

from pathlib import Path

from assistant.store import Store

from .answer_corpus import Figure, seed_store

QUESTION = "How did the death toll change?"

ARTICLES = {
    "hill-courier.md": """---
title: Landslide buries homes in Tessaly
outlet: Hill Courier
date: 2031-07-10
---
A hillside gave way above the village of Tessaly after four days of rain.

The district disaster office said at least 9 people were killed by Thursday evening.
""",
    "ridge-gazette.md": """---
title: Tessaly toll rises as diggers reach the lower lanes
outlet: Ridge Gazette
date: 2031-07-11
---
Diggers worked through the night in the lower lanes of Tessaly.

The district disaster office said 14 people were killed as of 6 am on Friday.

Volunteers of the Tessaly rescue league said about 30 people were missing.
""",
    "northern-ledger.md": """---
title: Tessaly landslide toll climbs again
outlet: Northern Ledger
date: 2031-07-12
---
The district disaster office said 21 people were killed after more bodies were found.

Rescue league leader Mara Venn said 23 people were killed in the village.

The district disaster office said 18 people were missing.
""",
    "tessaly-notes.md": """---
title: Notes from Tessaly
---
Residents said 12 people were killed in the first hours.
""",
}

OFFICE = "district disaster office"
LEAGUE = "Tessaly rescue league"

FIGURES = (
    Figure("hill-courier.md", "The district disaster office said at least 9 people", "9", 9,
           "people were killed", OFFICE, "at least", "deaths", "by Thursday evening"),
    Figure("ridge-gazette.md", "The district disaster office said 14 people", "14", 14,
           "people were killed", OFFICE, None, "deaths", "as of 6 am on Friday"),
    Figure("ridge-gazette.md", "Volunteers of the Tessaly rescue league said about 30", "30",
           30, "people were missing", LEAGUE, "about", "missing"),
    Figure("northern-ledger.md", "The district disaster office said 21 people", "21", 21,
           "people were killed", OFFICE, None, "deaths"),
    Figure("northern-ledger.md", "Rescue league leader Mara Venn said 23", "23", 23,
           "people were killed", "Mara Venn", None, "deaths"),
    Figure("northern-ledger.md", "The district disaster office said 18 people were missing",
           "18", 18, "people were missing", OFFICE, None, "missing"),
    Figure("tessaly-notes.md", "Residents said 12 people", "12", 12, "people were killed",
           "residents", None, "deaths"),
)  # fmt: skip


def seed_timeline(store: Store, folder: Path) -> dict[str, str]:
    """The landslide corpus and its claims in `store`; file name -> document id."""
    return seed_store(store, folder, ARTICLES, FIGURES)
