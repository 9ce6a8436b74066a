"""A composed answer to "Who ...?" names someone who says or does something in the
sentences it cites, not someone they only mention.

Over 24 real pages, a question on which rebel MP had called a vote a win for Parliament
was answered "The rebel who called it a win ... was <the MP who led the rebellion>".
Every word was in the cited sentences, so the word checks passed; that MP was named there
only as the rebellion's leader (as in "The revolt, led by councillor Ivo Marek, forced a
second vote"), and another rebel had said it. The parse tells who a sentence's
speaker is (`claims.reading.attribution`) and who does what its main verbs say. Whom the
answer makes its speaker or doer, when it names them by a name the question does not
hold, must be one of those in a cited sentence (by the last word of the name: "Michael J.
Engle" for "Engle said"); whom the answer only mentions is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import nlp
from ..claims.actors import ATTRIBUTION_VERBS
from ..claims.reading.attribution import REPORTING, attribute, doer, named_as
from ..text.words import NAME_RUN, STOP_WORDS, plain_words

if TYPE_CHECKING:
    from spacy.tokens import Doc


def asks_speaker(question: str) -> bool:
    """Does the question ask who said something ("Who said ...?", "Which Conservative
    rebel called ...?", "Who warned ...?")?"""
    words = plain_words(question)
    if not words or words[0] not in {"who", "which"}:
        return False
    return any(w in ATTRIBUTION_VERBS for w in words[1:5])


def unsaid(cache: Path, text: str, question: str, cited: Sequence[str]) -> str | None:
    """Why `text`, an answer to the "who" `question`, makes someone its speaker or doer
    who neither speaks nor acts in the `cited` sentences; None when it does not."""
    asked = _words(question)
    question_doc, answer, *sources = nlp.parse(cache, [question, text, *cited])
    # the question's verb, wherever a cited sentence has it: "with spokesman X dismissing
    # the allegations" for "Who dismissed ...?"
    verbs = REPORTING | {t.lemma_ for t in question_doc if t.pos_ == "VERB"}
    proper = {t.lower_ for t in answer if t.pos_ == "PROPN"}  # not "Officials" opening it
    claimed = [name for actor in _actors(answer) if (name := _last_name(actor, asked, proper))]
    if not claimed:
        return None
    acting = {w for doc in sources for actor in _actors(doc, verbs) for w in _words(actor)}
    for name in claimed:
        if name not in acting:
            return f'"{name.capitalize()}" neither says nor does it in the cited sentences'
    return None


def _actors(doc: Doc, verbs: frozenset[str] | set[str] = frozenset()) -> Iterator[str]:
    """Who speaks in a sentence, who does what its main verbs say, whom its copula names,
    and who does what any verb of it with a lemma in `verbs` says."""
    for sentence in doc.sents:
        root = sentence.root
        said = attribute([root], doc, None)
        if said.asserter:
            yield said.asserter
        main = [root, *(c for c in root.children if c.dep_ == "conj")]
        others = [t for t in sentence if t.lemma_ in verbs and t not in main]
        for verb in [*main, *others]:
            for who in (doer(verb), named_as(verb)):
                if who:
                    yield who


def _last_name(actor: str, asked: set[str], proper: set[str]) -> str | None:
    """The last word of the names in `actor` that the question does not hold (`proper`:
    the words the parse calls proper nouns)."""
    words = [
        w for run in NAME_RUN.finditer(actor) for w in plain_words(run.group())
        if w not in STOP_WORDS and w not in asked and w in proper
    ]  # fmt: skip
    return words[-1] if words else None


def _words(text: str) -> set[str]:
    return set(plain_words(text))
