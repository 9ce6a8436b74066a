"""Who asserted a claim: candidate actor spans in news text, and one name per actor.

``find_actors`` finds the candidate asserters of a sentence (or of the sentence before it
plus the sentence) with exact offsets, for the model to choose from; ``actor_in_text``
checks that a chosen asserter is really named in a text; ``resolve_actors`` maps every
surface form of the corpus to one canonical display name per actor; ``canonical_key`` is
the text-only grouping key it starts from.

Everything is regular-expression tokenising plus general-knowledge tables (countries with
their demonyms, institution words, titles, attribution verbs): no names of particular
people or agencies are built in, so a new corpus behaves like the sample one.

What is a candidate (kinds, most specific first when spans overlap):

* a titled person: optional country ("Ukrainian", "U.S.", "Ukraine's"), title words ending
  in a title ("President", "Deputy Secretary of State", "spokesman", "spy chief"), then a
  name: "Ukrainian President Volodymyr Zelenskyy", "spokesman Dmitry Peskov";
* a named organisation: a run of capitalised words holding an institution word ("Agency",
  "Council", "Post", "Ministry", ...) or a metonym ("Kremlin", "White House"), with a
  possessive country before it, "the" before it and an acronym in brackets after it:
  "South Korea's National Intelligence Service (NIS)", "the U.S. National Security
  Council", "the Defense Intelligence of Ukraine", "The Washington Post";
* a country-qualified noun phrase: demonyms or possessive countries, then modifiers, then
  an institution, group or role noun: "Ukrainian intelligence", "U.S. and NATO officials",
  "Ukraine's defense intelligence agency", "the Ukrainian intelligence chief";
* a name then an outlet noun ("Yonhap news agency", "Japan's Kyodo news agency");
* a name of two to five capitalised name words ("Kyrylo Budanov", "Yoon Suk Yeol"), or one
  name word in apposition to a role ("Kirby, the spokesperson for ..."); not in a headline
  set in Title Case ("North Korean Troop Movements Confirmed?");
* an unqualified group: "military and intelligence sources", "some military experts",
  "officials" (bare only as the subject of an attribution verb), "an expert" (a singular
  role only when indefinite and attributed: "the official added" is an anaphor, and the
  body it refers back to is in the sentence before);
* anchored only (the subject of an attribution verb, also across a prepositional phrase or
  an apposition: "officials in Kyiv said", "X, the spokesperson for Y, told"; or after
  "according to", "citing", "by" after a participle, "on the basis of", "said" after a
  quotation; or before "'s official Telegram channel"): bare names
  ("Bloomberg reported", "Budanov noted"), countries and lists of them ("Ukraine said",
  "The United States and South Korea revealed") and acronyms ("the NIS");
* never: places or plain subjects ("Russia", "North Korean soldiers", "the region"),
  capitalised common words ("Reports suggest", "Earlier this month"), pronouns, passive
  subjects ("soldiers were observed"). Plain people ("residents", "troops") count only as
  the subject of a verb of speech ("Residents said").

When spans overlap the more specific kind wins, except that an organisation inside a
titled person's title is kept too ("Kremlin" in "Kremlin spokesman Dmitry Peskov"). At most
``MAX_ACTORS`` are returned; beyond that, attributed ones and specific kinds are kept.

Resolution keys (``canonical_key``): a person is keyed by the name words without titles
("person:kyrylo budanov"); an institution by (countries, type family, qualifier), where the
family comes from keyword families (intelligence/spy -> intelligence; defence ministry /
ministry of defence -> "ministry defence"; police; military; government; presidency; ...)
and the qualifier from the remaining distinguishing words ("defense" -> military,
"foreign", "national", "federal", ...); a group ("officials", "sources") and a role ("the
Ukrainian intelligence chief") by country, family and head noun; a bare name by itself.

``resolve_actors`` merges further only where the text supports it:

* an acronym defined in the corpus ("National Intelligence Service (NIS)") maps to that body;
* a surname alone maps to the only full name in the corpus with that surname (for names of
  three words, the first word also counts: "Kim" for "Kim Jong Un"); two full names with
  the same given name and surnames one edit apart ("Zelensky"/"Zelenskyy") are one person;
* an unqualified body ("Ukrainian intelligence", "Ukraine's Main Intelligence Directorate")
  joins the qualified body of the same country and family ("Ukraine's Defense Intelligence
  Agency") when there is exactly one; two differently qualified bodies stay apart (CIA's
  "Central" vs DIA's "Defense"); different countries never merge;
* a body named without a country takes the country the corpus gives the same name, if one;
* a role is a person, never the body: "the Ukrainian intelligence chief" resolves to a
  person when the corpus names exactly one holder of that role ("The head of Ukraine's Main
  Intelligence Directorate, Kyrylo Budanov", "Russian President Vladimir Putin" for "the
  Russian leader"), otherwise it stays a role of its own. A person is never merged into an
  organisation and an organisation never into a person. A country ("Ukraine said") stays
  a country: its government is a separate actor.

The display name of a group is the full name for a person, else the most properly
capitalised, then longest, surface form without a leading article; ties go to the
alphabetically first, so the result is deterministic.

Build or buy. spaCy's `en_core_web_sm` 3.8 pipeline (`assistant.nlp`) gives PERSON, ORG,
GPE and NORP entities and the dependency parse that `claims.reading` uses to find the
subject of a reporting verb or the object of "according to" in one sentence. What stays
ours, and why: candidates with exact offsets for the model to choose from, whole, where
the entities split them ("Ukraine's Defense Intelligence Agency" is GPE "Ukraine" and ORG
"Defense Intelligence Agency"; "Ukrainian President Volodymyr Zelenskyy" is NORP
"Ukrainian" and PERSON "Volodymyr Zelenskyy"); attribution frames that reach back to the
sentence before ("the official added"); and one canonical name per actor across
a corpus (an acronym defined in one article, a surname alone, "Zelensky"/"Zelenskyy", a role
and its only holder), which a recogniser that tags spans one document at a time has no
notion of. Not yet measured against spaCy's entities sentence by sentence: `find_actors`
runs on a sentence (at most ``MAX_ACTORS``), so whole-article counts would not compare.

Layout: `_lexicon`, `_grammar` and `_countries` (the general-knowledge tables), `_tokens` and
`_context` (one pass over a text: tokens, countries, sentences, attribution frames),
`_phrases`, `_matchers` and `_anchored` (the candidate matchers), `_spans` (`find_actors`),
`_families` and `_keys` (`canonical_key`), `_in_text` (`actor_in_text`), `_knowledge` and
`_resolve` (`resolve_actors`).
"""

from __future__ import annotations

from ._grammar import ATTRIBUTION_VERBS
from ._in_text import actor_in_text
from ._keys import canonical_key
from ._lexicon import names_a_speaker
from ._resolve import resolve_actors
from ._spans import MAX_ACTORS, ActorSpan, find_actors

__all__ = [
    "ATTRIBUTION_VERBS",
    "MAX_ACTORS",
    "ActorSpan",
    "actor_in_text",
    "canonical_key",
    "find_actors",
    "names_a_speaker",
    "resolve_actors",
]
