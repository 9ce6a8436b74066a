"""Numbers in news text: values, hedges, kinds, ranges, time references, and properties."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.claims.numbers import (
    QUANTITY_KINDS,
    NumberMention,
    find_numbers,
    find_time_refs,
    has_number,
    numbers_in,
    parse_number,
    same_number,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def found(text: str) -> list[tuple[str, float, str | None, str]]:
    """(surface, value, hedge, kind) of every mention."""
    return [(m.surface, m.value, m.hedge, m.kind) for m in find_numbers(text)]


def one(text: str) -> NumberMention:
    mentions = find_numbers(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- news sentences ----------------------------------------------------------------------


def test_up_to_with_officers_and_generals() -> None:
    text = (
        "Russia could receive up to 12,000 North Korean troops, including 500 officers "
        "and three generals."
    )
    assert found(text) == [
        ("12,000", 12000.0, "up to", "count"),
        ("500", 500.0, None, "count"),
        ("three", 3.0, None, "count"),
    ]
    first = find_numbers(text)[0]
    assert text[first.hedge_start : first.hedge_end] == "up to"  # type: ignore[misc]


def test_approximately_and_could_reach() -> None:
    text = (
        "approximately 1,500 North Korean troops have already arrived in Russia, with some "
        "estimates suggesting that the final figure could reach 12,000."
    )
    assert found(text) == [
        ("1,500", 1500.0, "approximately", "count"),
        ("12,000", 12000.0, "could reach", "count"),
    ]


def test_at_least_and_a_month_is_a_time_ref_not_a_number() -> None:
    text = "at least 3,000 North Korean soldiers had arrived in eastern Russia in October"
    assert found(text) == [("3,000", 3000.0, "at least", "count")]
    assert [s for _, _, s in find_time_refs(text)] == ["in October"]


def test_percentages() -> None:
    text = (
        "only 30% of the ammunition used by the Russians is locally sourced. The largest "
        "share, 60%, is produced in North Korea, with the remaining 10% coming from Iran."
    )
    assert [(m.surface, m.value, m.unit, m.kind) for m in find_numbers(text)] == [
        ("30%", 30.0, "%", "percent"),
        ("60%", 60.0, "%", "percent"),
        ("10%", 10.0, "%", "percent"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("30 percent", 30.0),
        ("30 per cent", 30.0),
        ("2.5 percentage points", 2.5),
        ("30pc", 30.0),
        ("thirty percent", 30.0),
        ("-3%", -3.0),
    ],
)
def test_percent_forms(text: str, value: float) -> None:
    m = one(text)
    assert (m.surface, m.value, m.unit, m.kind) == (text, value, "%", "percent")


def test_as_many_as_eight_million_and_calibres() -> None:
    text = "As many as eight million 122-mm and 152-mm shells have been supplied"
    assert [(m.surface, m.value, m.hedge, m.unit, m.kind) for m in find_numbers(text)] == [
        ("eight million", 8_000_000.0, "as many as", None, "count"),
        ("122-mm", 122.0, None, "mm", "measure"),
        ("152-mm", 152.0, None, "mm", "measure"),
    ]


def test_over() -> None:
    assert found("Pyongyang has reportedly sent over 13,000 shipping containers") == [
        ("13,000", 13000.0, "over", "count")
    ]


def test_timestamp_line() -> None:
    text = "4:57 PM EDT, October 25, 2024"
    assert found(text) == [
        ("4:57 PM", 16.95, None, "time"),
        ("October 25", 25.0, None, "date"),
        ("2024", 2024.0, None, "year"),
    ]
    assert find_time_refs(text) == [(0, len(text), text)]
    assert numbers_in(text, QUANTITY_KINDS) == set()  # the day is not a count


def test_first_cadre_is_an_ordinal_not_a_count() -> None:
    assert found("The first cadre of 2,600 soldiers will go to the Kursk Oblast.") == [
        ("first", 1.0, None, "ordinal"),
        ("2,600", 2600.0, None, "count"),
    ]


def test_one_translator_counts() -> None:
    text = (
        "Each North Korean unit reportedly receives one translator and three Russian "
        "commanders per 30 soldiers"
    )
    assert found(text) == [
        ("one", 1.0, None, "count"),
        ("three", 3.0, None, "count"),
        ("30", 30.0, None, "count"),
    ]


def test_not_exceeding_one_month_and_more_is_not_a_hedge() -> None:
    assert found("a training period not exceeding one month") == [
        ("one", 1.0, "not exceeding", "duration")
    ]
    assert found("expected to transfer 10,000 more troops") == [("10,000", 10000.0, None, "count")]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("about 11,000", "about"),
        ("around 10,000", "around"),
        ("roughly 2,000", "roughly"),
        ("almost 500", "almost"),
        ("more than 3,000", "more than"),
        ("no more than 3,000", "no more than"),
        ("fewer than 40", "fewer than"),
        ("less than 5%", "less than"),
        ("some 2,000", "some"),
        ("an estimated 12,000", "an estimated"),
        ("at most 9", "at most"),
        ("About  11,000", "about"),
        ("Up\u00a0to 12,000", "up to"),
        ("exceeds 3,000", "exceeds"),
        ("about a dozen", "about"),
        ("more than $5bn", "more than"),
    ],
)
def test_hedges_before(text: str, hedge: str) -> None:
    m = one(text)
    assert m.hedge == hedge
    assert m.hedge_start == 0
    assert m.hedge_end is not None
    assert m.hedge_end <= m.start
    assert text[m.hedge_end : m.start].strip() == ""


@pytest.mark.parametrize(
    ("text", "surface", "hedge"),
    [
        ("10,000+ troops", "10,000", "plus"),
        ("a 12,000-plus force", "12,000", "plus"),
        ("300 or more", "300", "or more"),
        ("300 or so", "300", "or so"),
    ],
)
def test_hedges_after(text: str, surface: str, hedge: str) -> None:
    m = one(text)
    assert (m.surface, m.hedge) == (surface, hedge)
    assert m.hedge_start is not None
    assert m.hedge_start >= m.end


def test_hedge_is_a_whole_word() -> None:
    assert one("after a hangover 5 people left").hedge is None
    assert one("Moreover 5 people left").hedge is None


# --- parse_number and equivalences -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "11,000",
        "11 000",
        "11\u00a0000",
        "11\u2009000",
        "11\u202f000",
        "eleven thousand",
        "Eleven Thousand",
        "11k",
        "11K",
        "11 thousand",
        "11,000.0",
    ],
)
def test_eleven_thousand_every_way(text: str) -> None:
    assert parse_number(text) == 11000.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.2 thousand", 1200.0),
        ("twelve hundred", 1200.0),
        ("a dozen", 12.0),
        ("two dozen", 24.0),
        ("2 million", 2_000_000.0),
        ("1.2m", 1_200_000.0),
        ("three", 3.0),
        ("30%", 30.0),
        ("11.000", 11.0),  # English text: a decimal point, not a separator
        ("twenty-five", 25.0),
        ("one hundred and twenty", 120.0),
        ("two thousand five hundred", 2500.0),
        ("twenty-five hundred", 2500.0),
        ("a hundred", 100.0),
        ("a million", 1_000_000.0),
        ("half a million", 500_000.0),
        ("one million two hundred thousand", 1_200_000.0),
        ("zero", 0.0),
        ("$5bn", 5e9),
        ("€3.5 billion", 3.5e9),
        ("£2.4m", 2_400_000.0),
        ("0.57 million", 570_000.0),  # exact decimal arithmetic, not 569999.9999999999
        ("10,000,000", 1e7),
        ("  12,000 ", 12000.0),
        ("up to 12,000", 12000.0),
        ("+5", 5.0),
        ("−4", -4.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "troops", "1,2,3,4", "....", "1,500-2,000", "12,000 troops", "3 and 4", "several", "a"],
)
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


def test_nearly_two_million() -> None:
    m = one("nearly 2 million")
    assert (m.surface, m.value, m.hedge, m.kind) == ("2 million", 2e6, "nearly", "count")
    assert (m.hedge_start, m.hedge_end) == (0, 6)


def test_same_number_is_exact() -> None:
    assert same_number(parse_number("10,000") or 0, parse_number("ten thousand") or 0)
    assert same_number(parse_number("1.2 thousand") or 0, 1200)
    for other in (1500, 12000, 100000, 1000, 10001, 9999):
        assert not same_number(10000, other)
    assert same_number(0.1 + 0.2, 0.3)  # only float rounding is forgiven
    assert not same_number(999_999_999, 1e9)  # which rel_tol=1e-9 would let through
    assert not same_number(10**12 - 1, 10**12 - 2)


def test_numbers_in_and_has_number() -> None:
    assert numbers_in("between 1,500 and 2,000 troops") == {1500.0, 2000.0}
    quote = "Ukraine’s spy chief: 11,000 North Korean soldiers will be ready to fight"
    assert has_number(quote, parse_number("eleven thousand") or 0)
    assert has_number(quote, 11000, QUANTITY_KINDS)
    assert not has_number(quote, 1100)
    assert not has_number(quote, 110000)
    source = "around 10,000 North Korean troops are currently training"
    assert not has_number(source, 1500)
    assert not has_number(source, 12000)
    assert numbers_in("In October 25, 2024 at 4 p.m., 500 troops", ["count"]) == {500.0}


# --- ranges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit", "kind"),
    [
        ("1,500-2,000 troops", "1,500-2,000", 1500, 2000, None, "count"),
        ("1,500–2,000 troops", "1,500–2,000", 1500, 2000, None, "count"),
        ("1,500 — 2,000 troops", "1,500 — 2,000", 1500, 2000, None, "count"),
        ("1,500 - 2,000 troops", "1,500 - 2,000", 1500, 2000, None, "count"),
        ("1,500 to 2,000 troops", "1,500 to 2,000", 1500, 2000, None, "count"),
        ("from 1,500 to 2,000 troops", "1,500 to 2,000", 1500, 2000, None, "count"),
        ("between 1,500 and 2,000", "between 1,500 and 2,000", 1500, 2000, None, "count"),
        ("2-3 million people", "2-3 million", 2e6, 3e6, None, "count"),
        ("two to three thousand", "two to three thousand", 2000, 3000, None, "count"),
        ("five to 10 thousand", "five to 10 thousand", 5000, 10000, None, "count"),
        ("10-15%", "10-15%", 10, 15, "%", "percent"),
        ("10% to 15%", "10% to 15%", 10, 15, "%", "percent"),
        ("$3-5bn", "$3-5bn", 3e9, 5e9, "$", "money"),
        ("October 25-27", "October 25-27", 25, 27, None, "date"),
        ("the 2023-24 season", "2023-24", 2023, 2024, None, "year"),
        ("between 2014 and 2022", "between 2014 and 2022", 2014, 2022, None, "year"),
    ],
)
def test_ranges(
    text: str, surface: str, low: float, high: float, unit: str | None, kind: str
) -> None:
    m = one(text)
    assert (m.surface, m.value, m.low, m.high, m.unit, m.kind) == (
        surface,
        low,
        low,
        high,
        unit,
        kind,
    )


def test_range_with_hedge() -> None:
    m = one("up to 1,500-2,000 troops")
    assert (m.low, m.high, m.hedge) == (1500, 2000, "up to")


@pytest.mark.parametrize(
    "text",
    [
        "numbers rose from 1,500 to 2,000",  # a change, not a range
        "a 3-1 win",  # goes down: a score
        "500 officers and 3,000 soldiers",  # "and" without "between"
        "two or three",
    ],
)
def test_not_ranges(text: str) -> None:
    mentions = find_numbers(text)
    assert len(mentions) == 2
    assert all(m.low is None and m.high is None for m in mentions)


# --- kinds: money, measures, years, dates, times, ordinals --------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$5bn", 5e9, "$"),
        ("€3.5 billion", 3.5e9, "€"),
        ("US$5bn", 5e9, "US$"),
        ("USD 5 million", 5e6, "USD"),
        ("5 million USD", 5e6, "USD"),
        ("5,000 dollars", 5000, "dollars"),
        ("£2.4m", 2.4e6, "£"),
    ],
)
def test_money(text: str, value: float, unit: str) -> None:
    m = one(text)
    assert (m.surface, m.value, m.unit, m.kind) == (text, value, unit, "money")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("122-mm", 122, "mm"),
        ("122mm", 122, "mm"),
        ("5 km", 5, "km"),
        ("5 kilometres", 5, "km"),
        ("1.5 kg", 1.5, "kg"),
        ("2 million tons", 2e6, "tons"),
        ("30 tonnes", 30, "tonnes"),
        ("100 m", 100, "m"),
    ],
)
def test_measures(text: str, value: float, unit: str) -> None:
    m = one(text)
    assert (m.surface, m.value, m.unit, m.kind) == (text, value, unit, "measure")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("signed in 2024", "year"),
        ("In June 2023, Putin", "year"),
        ("2023 was a hard year", "year"),
        ("the 2022 invasion", "year"),
        ("Russia’s 2022 invasion", "year"),
        ("by mid-2023", "year"),
        ("since 1991.", "year"),
        ("a force of 2000 troops", "count"),
        ("about 2000 troops", "count"),
        ("2,000 troops", "count"),
        ("1700 troops", "count"),
    ],
)
def test_years(text: str, kind: str) -> None:
    assert one(text).kind == kind


def test_decade_is_a_year() -> None:
    m = one("in the 1990s")
    assert (m.surface, m.value, m.kind) == ("1990s", 1990, "year")


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        ("on October 25", "October 25", 25),
        ("as early as 1 November", "1 November", 1),
        ("on 25th of October", "25th of October", 25),
        ("Oct. 28", "Oct. 28", 28),
        ("began on August 6.", "August 6", 6),
        ("on October 29, 2024", "October 29", 29),
    ],
)
def test_dates(text: str, surface: str, day: float) -> None:
    m = find_numbers(text)[0]
    assert (m.surface, m.value, m.kind) == (surface, day, "date")


def test_month_and_year_is_no_date() -> None:
    assert found("in June 2023") == [("2023", 2023, None, "year")]
    assert found("May 2,000 troops") == [("2,000", 2000, None, "count")]


@pytest.mark.parametrize(
    ("text", "hours"),
    [("4:57 PM", 16.95), ("16:30", 16.5), ("4 p.m.", 16), ("9am", 9), ("12 AM", 0)],
)
def test_times(text: str, hours: float) -> None:
    m = one(text)
    assert (m.surface, m.kind) == (text, "time")
    assert same_number(m.value, hours)


@pytest.mark.parametrize(
    ("text", "value"),
    [("first", 1), ("1st", 1), ("third", 3), ("21st", 21), ("twenty-first", 21), ("2nd", 2)],
)
def test_ordinals(text: str, value: float) -> None:
    m = one(f"the {text} wave")
    assert (m.surface, m.value, m.kind) == (text, value, "ordinal")


# --- what is not a number ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "one of the officers",
        "No one knew.",
        "someone said",
        "at one point they left",
        "they fought one another",
        "on the one hand",
        "the one who spoke",
        "At first, nobody knew.",
        "first and foremost",
        "Formula One and Air Force One",
        "the Group of Seven",
        "F-16 jets, Su-35s, COVID-19, KN-23 missiles",
        "G7 and MH17 and A320neo",
        "5G networks and 3D maps",
        "version 1.2.3 at 10.0.0.1",
        "open 24/7 since 10/25/2024",
        "one-third of shells, two thirds of troops, a quarter",
        "several thousand soldiers, hundreds of tanks, dozens of drones, tens of thousands",
        "a call with",
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_one_is_a_count_outside_idioms() -> None:
    assert found("one translator") == [("one", 1, None, "count")]
    assert found("One soldier died") == [("One", 1, None, "count")]
    assert found("a big three-year plan") == [("three", 3, None, "duration")]
    assert found("mid-2023") == [("2023", 2023, None, "year")]


def test_words_run_together_by_a_scrape_keep_the_number() -> None:
    assert found("Bringing The Total To 56Ukraine: North Korean") == [("56", 56, None, "count")]


def test_seed_articles_quantities() -> None:
    counts: dict[float, int] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for m in find_numbers(path.read_text(encoding="utf-8")):
            if m.kind == "count":
                counts[m.value] = counts.get(m.value, 0) + 1
    for figure in (12000, 11000, 10000, 3000, 2600, 2000, 1500, 13000, 8_000_000):
        assert figure in counts, figure


# --- time references ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("reported on Thursday that", "on Thursday"),
        ("Reports indicate that on Wednesday, some", "on Wednesday"),
        ("had arrived in October.", "in October"),
        ("In June 2023, Russian President", "In June 2023"),
        ("held territory since August.", "since August"),
        ("since the invasion began on August 6.", "on August 6"),
        ("since August 6, fighting", "since August 6"),
        ("transfer 10,000 more troops by the end of the year", "by the end of the year"),
        ("could be deployed to Ukraine by year’s end.", "by year’s end"),
        ("Earlier this week, Zelensky", "Earlier this week"),
        ("Earlier this month, Ukrainian officials", "Earlier this month"),
        ("He said last week that", "last week"),
        ("in the area in recent weeks.", "in recent weeks"),
        ("(@ZelenskyyUa) October 25, 2024", "October 25, 2024"),
        ("ready as early as 1 November.", "as early as 1 November"),
        ("to fight against Ukraine starting from November", "starting from November"),
        ("sent to the border in the coming weeks.", "in the coming weeks"),
        ("between early and mid-October", "mid-October"),
        ("on Sunday or Monday, based on", "on Sunday or Monday"),
        ("signed earlier this year.", "earlier this year"),
        ("Earlier in October, The Washington Post", "Earlier in October"),
        ("Monday, Oct. 28, 2024 at 5 p.m.", "Monday, Oct. 28, 2024 at 5 p.m."),
    ],
)
def test_time_refs(text: str, ref: str) -> None:
    refs = find_time_refs(text)
    assert [s for _, _, s in refs] == [ref]
    start, end, surface = refs[0]
    assert text[start:end] == surface


def test_no_time_refs() -> None:
    assert find_time_refs("May God help the 500 soldiers, who marched on.") == []


# --- properties --------------------------------------------------------------------------

_TOKENS = (
    *("one", "two", "twenty", "-", "five", "hundred", "and", "thousand", "million", "a"),
    *("dozen", "half", "first", "third", "1,500", "2,000", "11 000", "1.2", "12", "2024"),
    *("1,2,3,4", "....", "%", "percent", "$", "€", "bn", "k", "mm", "–", "—", "to"),
    *("between", "up to", "about", "over", "October", "25", ",", "4:57", "PM", "F-16"),
    *("\u00a0", "\u2009", "’", "+", "−", "of", "no one", "1st", "s", "9" * 40, "0.5"),
)
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=" ,.-–—0123456789%$€kKmMb\u00a0\u2009\u202f:+/"),
    st.lists(st.sampled_from(_TOKENS), max_size=25).map(" ".join),
    st.lists(st.sampled_from(_TOKENS), max_size=25).map("".join),
)


def _check_mentions(text: str, mentions: list[NumberMention]) -> None:
    previous_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.surface
        assert previous_end <= m.start < m.end <= len(text)
        if m.hedge is not None:
            assert m.hedge_start is not None
            assert m.hedge_end is not None
            assert previous_end <= m.hedge_start < m.hedge_end <= len(text)
            assert m.hedge_end <= m.start or m.hedge_start >= m.end
        else:
            assert m.hedge_start is None
            assert m.hedge_end is None
        assert (m.low is None) == (m.high is None)
        if m.low is not None and m.high is not None:
            assert m.low == m.value
            assert m.low < m.high
        previous_end = max(m.end, m.hedge_end or 0)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_mentions_are_exact_ordered_and_disjoint(text: str) -> None:
    _check_mentions(text, find_numbers(text))
    refs = find_time_refs(text)
    assert all(text[a:b] == s and a < b for a, b, s in refs)
    assert all(b <= c for (_, b, _), (c, _, _) in itertools.pairwise(refs))
    numbers_in(text)
    parse_number(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_grouped_integers_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", "\u00a0")) == n
    m = one(f"about {n:,} troops")
    assert (m.value, m.kind, m.hedge, m.surface) == (n, "count", "about", f"{n:,}")
    assert has_number(f"up to {n:,} soldiers", n, QUANTITY_KINDS)
    assert not has_number(f"up to {n:,} soldiers", n + 1)


_ONES_TEXT = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_ONES = _ONES_TEXT.split()
_TENS_TEXT = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
_TENS_WORDS = _TENS_TEXT.split()


def _say(n: int) -> str:
    """English words for 0 <= n < 10**12, written independently of the module."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS_WORDS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = f" and {_say(n % 100)}" if n % 100 else ""
        return f"{_ONES[n // 100]} hundred{rest}"
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            rest = f" {_say(n % scale)}" if n % scale else ""
            return f"{_say(n // scale)} {name}{rest}"
    raise AssertionError(n)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_number_words_round_trip(n: int) -> None:
    assert parse_number(_say(n)) == n


@pytest.mark.parametrize(
    ("text", "surface", "value", "kind"),
    [
        ("1.9 lakh people were displaced", "1.9 lakh", 190_000, "count"),
        ("two lakh people", "two lakh", 200_000, "count"),
        ("24.92 lakhs voters", "24.92 lakhs", 2_492_000, "count"),
        ("losses of Rs 450 crore", "Rs 450 crore", 4_500_000_000, "money"),
        ("Rs. 2.5 lakh each", "Rs. 2.5 lakh", 250_000, "money"),
        ("1,90,000 people", "1,90,000", 190_000, "count"),
        ("12,34,567 voters", "12,34,567", 1_234_567, "count"),
        ("19 136 people", "19 136", 19_136, "count"),
        ("19\u2009136 people", "19\u2009136", 19_136, "count"),
        ("Ninety nine people died", "Ninety nine", 99, "count"),
        ("date 2031-05-12 WORLD", "2031-05-12", 12, "date"),
        ("Updated: 29-01-2031", "29-01-2031", 29, "date"),
    ],
)
def test_indian_units_grouping_spaced_and_spelled_numbers(
    text: str, surface: str, value: float, kind: str
) -> None:
    (mention,) = find_numbers(text)
    assert (mention.surface, mention.value, mention.kind) == (surface, value, kind)


def test_rupees_are_money_and_mrs_is_not_a_currency() -> None:
    (rupees,) = find_numbers("a grant of Rs 300")
    assert (rupees.kind, rupees.unit) == ("money", "Rs")
    (plain,) = find_numbers("Mrs 5 things")
    assert plain.kind == "count"


def test_digits_joined_by_underscores_are_an_identifier() -> None:
    assert find_numbers("1810107_web1_1810107-bab4c57c") == []
    assert [m.value for m in find_numbers("image_2031 shows 40 homes")] == [40]
