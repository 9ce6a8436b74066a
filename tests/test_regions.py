"""The gazetteer of countries and subdivisions (ISO 3166, through pycountry)."""

from __future__ import annotations

from assistant.text import regions


def test_names_are_matched_without_diacritics_case_or_a_type_word() -> None:
    bihar = regions.lookup("Bihar")  # ISO writes "Bihār"
    assert bihar is not None
    assert bihar.code == "IN-BR"
    assert regions.lookup("Bihar state") == bihar
    assert regions.lookup("BIHAR") == bihar
    assert regions.lookup("the United States") == regions.lookup("U.S.")


def test_news_names_of_countries_that_iso_spells_otherwise() -> None:
    russia = regions.lookup("Russia")
    assert russia is not None
    assert russia.code == "RU"
    assert russia.is_country
    north_korea = regions.lookup("North Korea")
    assert north_korea is not None
    assert north_korea.code == "KP"


def test_a_country_is_preferred_to_a_subdivision_of_its_name_and_shared_names_are_none() -> None:
    georgia = regions.lookup("Georgia")
    assert georgia is not None
    assert georgia.is_country  # not the US state
    assert regions.lookup("Punjab") is None  # a state of India and a province of Pakistan
    assert regions.lookup("Sonachal") is None
    assert regions.lookup("Kursk Oblast") is None  # ISO romanises it "Kurskaya oblast'"


def test_within_follows_the_subdivision_tree() -> None:
    found = {n: regions.lookup(n) for n in ("India", "Bihar", "Assam", "Nepal")}
    india, bihar, assam, nepal = (r for r in found.values() if r is not None)
    assert regions.within(bihar, india)
    assert regions.within(india, india)
    assert not regions.within(india, bihar)
    assert not regions.within(assam, bihar)
    assert not regions.within(bihar, nepal)
