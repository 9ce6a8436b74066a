"""Which clause of a parsed sentence a word is in, for what belongs to a figure: the place
it is stated for ("102 died in Bihar") and its time ("officials on Monday said 102 died").

A word belongs to a figure when it is in the figure's clause or one above it ("In Bihar,
officials said 12 died"), or in a relative clause about what the figure counts ("the 19
who died in Sonachal"). A clause the figure's is joined to is not above it: in "145 died
in Karnataka and 26 were killed in Andhra Pradesh", Karnataka is not 26's place, and in
"rivers swamped India a week ago, and officials on Monday said 102 died", "a week ago" is
not 102's time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CLAUSE_POS = frozenset({"VERB", "AUX"})


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of `doc` that start within the characters [start, end)."""
    return [t for t in doc if start <= t.idx < end]


def clause_of(token: Token) -> Token | None:
    """The verb of the clause a token is in (None for a verbless headline)."""
    for t in [token, *token.ancestors]:
        if t.pos_ in CLAUSE_POS:
            return t
    return None


def above(token: Token) -> list[Token]:
    """The token and its ancestors, without the first verb of a pair of joined clauses."""
    chain = [token, *token.ancestors]
    joined = {t.head for t in chain if t.dep_ == "conj" and t.pos_ in CLAUSE_POS}
    return [t for t in chain if t not in joined]


def belongs(number: Token, token: Token) -> bool:
    """Is `token` in the clause of the `number` token or one above it, or in a relative
    clause about what the number counts (see the module doc)?"""
    chain = above(number)
    own = clause_of(token)
    if own is None or own == clause_of(number) or own in chain:
        return True
    return own.dep_ in {"relcl", "acl"} and own.head in chain
