"""Every number in news text, found by deterministic code so a small model never has to.

The grounding invariant (DESIGN.md, point 2) says a number in an answer or a claim must
appear in one of its quotes once "11,000", "11 000", "eleven thousand" and "11k" are
treated alike. This package finds each number mention with exact offsets, its value, an
optional range, unit and hedge, and a kind; `numbers_in` and `same_number` are what the
grounding check compares with. Pure functions of the text: regular expressions and a
small state machine for number words, no I/O.

What is recognised:

* Digits, with thousands separators (comma, space, no-break or thin space; one kind per
  number), a decimal point (English: "11.000" is 11.0) and a sign; multipliers glued
  ("11k", "1.2m", "$5bn") or spelled ("2 million", "1.2 thousand").
* Number words: "three", "twenty-five", "one hundred and twenty", "twelve hundred",
  "eleven thousand", "a dozen", "a million", "half a million".
* Percent ("30%", "30 percent", "30 per cent", "30 percentage points": unit "%"), money
  (a symbol or code before, or a code or currency word after: unit as written, e.g. "$",
  "€", "USD", "dollars"), measures ("122-mm", "5 km", "2 million tons": unit normalised,
  "millimetres" -> "mm").
* Ranges joined by a hyphen or dash, "to", or "between ... and ..."; the low end takes
  the high end's multiplier and unit when it has none ("2-3 million", "10-15%",
  "$3-5bn"), and "2023-24" is read as 2023-2024. "rose from 1,500 to 2,000" is a change,
  not a range: two mentions. A range must go up (low < high), so a score "3-1" is not.
* Kinds besides "count": "ordinal" ("first", "21st"), "year" (1800-2100 written as a bare
  integer and standing as a year by its context, or a decade "1990s"), "date" ("October
  25", "25 October", "1 November"; the value is the day), "time" ("4:57 PM", "4 p.m.";
  the value is the hour of the day, 16.95 for 4:57 PM).
* Hedges right before the number ("up to", "at least", "about", "could reach", ...,
  lower-cased with single spaces) or right after it ("or more", "or so", "+"/"-plus" ->
  "plus").

What is deliberately not a number: "one" in the idioms of `split_words._IDIOMS` ("one of", "no one",
"at one point", "one another", "one by one", "on the one hand", "the one who"...), "first"
in "at first" / "first and foremost" / "first-hand", number words in a few names
("Formula One", "Air Force One", "Group of Seven"); digits inside codes and model names
("G7", "MH17", "F-16", "Su-35", "COVID-19", "5G"), dotted versions ("1.2.3"), slashed
figures ("24/7", "10/25/2024"); fractions in words ("one-third", "two thirds"); vague
quantities ("several thousand", "hundreds of", "dozens").

Checking a figure against a quote: ``has_number(quote, parse_number(claimed),
QUANTITY_KINDS)``, or `numbers_in` with `same_number`. `same_number` forgives float
rounding only (rel_tol 1e-12, so 999,999,999 is not "1 billion"); values are computed
with exact decimal arithmetic ("0.57 million" is 570000.0). Pass ``QUANTITY_KINDS`` to
keep a date's day, a year or an ordinal from vouching for a count.

`find_time_refs` finds the time references a claim may carry ("on Thursday", "in June
2023", "since August 6", "by year's end", "earlier this week", "in the coming weeks",
"4:57 PM EDT, October 25, 2024", ...), as offsets.

Known gaps: Roman numerals ("World War II"), fractions and mixed numbers ("one and a
half", "a third" yield nothing), "x times", numbers glued to units this package does not
list; three-digit groups after a space are always joined ("rooms 101 102" is one number);
a bare 1800..2100 integer is told from a count by nearby words only.

Build or buy. spaCy's `en_core_web_sm` 3.8 pipeline (`assistant.nlp`, which claim reading
runs anyway) gives tokens, sentences, part of speech, dependencies and entities, among them
CARDINAL, MONEY, PERCENT and QUANTITY spans and a `like_num` flag per token, but no value,
hedge, range or kind; numerizer and word2number turn number words into digits and
quantulum3 finds quantities with units. `bench/bench_numbers.py` on the seeds and the eval
corpora (23 articles, 36,099 characters, 2 cores): `find_numbers` takes 0.97 ms per 1k
characters, the spaCy pipeline 42 ms (its tokenizer alone 0.33 ms). Of our 177 quantities
a spaCy numeric entity has the same span (with or without the hedge) for 147, and that
entity's text read as a float gives our value for 72: for no number words (0 of 34,
"Ninety nine"), spaced groups (0 of 3, "19 136"; a narrow no-break space splits it into
"19" and "136"), ranges ("2-3 million" -> "2") or hedged figures (3 of 36: the entity is
"up to 500", with no hedge apart), and it stops short on all 13 lakh/crore figures ("1.9
lakh" -> "1.9", "Rs 1,200 crore" -> "1,200"). The 18 numeric entities we have no quantity
for are what this package leaves out on purpose: vague quantities ("several thousand",
"hundreds"), dates, durations, clock times, an idiomatic "one". So the parse does what it
does well, what a number counts and who said it (`claims.reading`), and the numbers stay
ours: lakh/crore and Indian grouping ("1,90,000"), spaces and thin spaces as thousands
separators, hedges, ranges, dates apart from counts, exact decimal values. numerizer,
word2number and quantulum3 were not measured (not installed; no network here): going by
their documentation, numerizer rewrites text ("forty two" -> "42") or, as a spaCy
extension, the entity spans above; word2number reads a string that is only number words;
quantulum3 gives spans, values and units with a classifier of its own for ambiguous units,
a third model for what regular expressions here do in about a millisecond per 1k
characters.

Layout: `_core` (the mention and the number being assembled), `_vocabulary` (word lists and
unit, currency and percent patterns), `_literals` (digits), `split_words` (number words and
idioms), `_dates` (dates, times and `find_time_refs`), `scan_cores` (scanning and ranges), `_hedges`
(hedges and years), `_api` (the public functions).
"""

from __future__ import annotations

from ._api import find_numbers, has_number, numbers_in, parse_number, same_number
from ._core import QUANTITY_KINDS, Kind, NumberMention
from ._dates import find_time_refs
from ._vocabulary import UNIT_DIMENSIONS

__all__ = [
    "QUANTITY_KINDS",
    "UNIT_DIMENSIONS",
    "Kind",
    "NumberMention",
    "find_numbers",
    "find_time_refs",
    "has_number",
    "numbers_in",
    "parse_number",
    "same_number",
]
