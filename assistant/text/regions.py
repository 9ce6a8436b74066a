"""Countries and their subdivisions, to tell whether a place a figure is stated for lies
inside the place a question asks about ("Kursk Oblast" is in Russia, "Bangladesh" is not
in Bihar).

The names come from ISO 3166-1 and 3166-2 as the `pycountry` package ships them (249
countries, 5,046 subdivisions, offline, ~0.06 s to load). Names are matched folded:
lower case, without diacritics ("Bihār" is "bihar"), with a trailing type word left off
("Bihar state", "Kursk Oblast" as "Kurskaya oblast'" is not matched: ISO romanises Russian
names, so most Russian regions are unknown here, and an unknown place is never judged).
A handful of countries are better known in news by a name ISO does not list; those are
the `_NEWS_NAMES` below.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

_NEWS_NAMES = {
    "russia": "RU",
    "britain": "GB",
    "great britain": "GB",
    "uk": "GB",
    "u.k.": "GB",
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "czech republic": "CZ",
    "turkey": "TR",
    "ivory coast": "CI",
    "burma": "MM",
    "congo": "CG",
    "palestine": "PS",
}
"""Country names common in news that ISO 3166 does not give (its "Russian Federation")."""

TYPE_WORDS = ("state", "province", "district", "region", "oblast", "county", "division",
              "territory", "governorate", "prefecture")  # fmt: skip
"""Words naming a region's type, after its name ("Bihar state") or before ("the state of
Goa")."""


@dataclass(frozen=True)
class Region:
    """A country (`parent` None) or a subdivision of one."""

    code: str
    """ISO code: "IN" for India, "IN-BR" for Bihar."""
    country: str
    parent: str | None = None
    """The code of the region directly above a subdivision (its country when ISO gives
    no other)."""

    @property
    def is_country(self) -> bool:
        return self.parent is None


def fold(name: str) -> str:
    """Lower case, no diacritics, one space: "Bihār " -> "bihar"."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().split())


def lookup(name: str) -> Region | None:
    """The one region `name` names, or None when it names none or several (a
    subdivision name two countries share)."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    found = _index().get(key)
    if found is None:
        words = key.split()
        if len(words) > 1 and words[-1] in TYPE_WORDS:
            found = _index().get(" ".join(words[:-1]))
    return found[0] if found and len(found) == 1 else None


def within(inner: Region, outer: Region) -> bool:
    """Is `inner` `outer` or inside it?"""
    if inner.code == outer.code:
        return True
    if outer.is_country:
        return inner.country == outer.code
    up = inner.parent
    while up is not None and up != inner.country:
        if up == outer.code:
            return True
        region = _by_code().get(up)
        up = region.parent if region else None
    return False


@functools.cache
def _by_code() -> dict[str, Region]:
    import pycountry

    regions = {c.alpha_2: Region(code=c.alpha_2, country=c.alpha_2) for c in pycountry.countries}
    for s in pycountry.subdivisions:
        regions[s.code] = Region(code=s.code, country=s.country_code,
                                 parent=s.parent_code or s.country_code)  # fmt: skip
    return regions


@functools.cache
def _index() -> dict[str, list[Region]]:
    import pycountry

    regions = _by_code()
    index: dict[str, list[Region]] = {}

    def add(name: str | None, code: str) -> None:
        if not name:
            return
        entries = index.setdefault(fold(name), [])
        if all(r.code != code for r in entries):
            entries.append(regions[code])

    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            add(name, c.alpha_2)
    for name, code in _NEWS_NAMES.items():
        add(name, code)
    countries = set(index)
    for s in pycountry.subdivisions:
        if fold(s.name) not in countries:  # "Georgia" the country, not the US state
            add(s.name, s.code)
    return index
