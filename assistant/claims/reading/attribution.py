"""Who says what a sentence reports, and which news agency carried it, from the parse.

From the words stating a figure (or the sentence root, for a statement), the nearest
ancestor that attributes it decides:

* "according to X" (a child of the word or of an ancestor) -> X;
* a reporting verb (say, tell, report, confirm, estimate, put, ...) -> its subject, the
  whole span with appositions ("Harish Chandra Sharma, the Chief District Officer of
  Rukum West"); a passive one -> its agent ("was confirmed by the ministry");
* "..., citing X" -> X.

A news agency in that place is the *carrier*, not the asserter: "X told Reuters" (asserter
X, carried by Reuters), "according to Reuters", "Reuters reported" (carrier only, unless it
cites someone). Agencies are the wire services every newsroom knows, an organisation
calling itself a news agency, and the document's own outlet.

A pronoun subject ("he said") takes the asserter of the sentence before, or its last
person (organisation for "it"/"they"): the asserter must be named in the quoted sentence
or the one before it (DESIGN.md, the grounding invariant).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ..actors import names_a_speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

REPORTING: Final = frozenset(
    [
        "say",
        "tell",
        "report",
        "state",
        "claim",
        "confirm",
        "announce",
        "add",
        "note",
        "estimate",
        "warn",
        "indicate",
        "reveal",
        "suggest",
        "believe",
        "insist",
        "deny",
        "allege",
        "acknowledge",
        "admit",
        "disclose",
        "declare",
        "explain",
        "write",
        "tweet",
        "post",
        "inform",
        "brief",
        "assess",
        "predict",
        "put",
        "quote",
        "record",
        "register",
        "count",
        "tally",
        "verify",
        "update",
        "revise",
        "release",
        "publish",
        "issue",
        "cite",
        "testify",
        "stress",
        "reiterate",
    ]
)
"""Lemmas of verbs whose subject is the source of what they introduce."""
WIRES: Final = frozenset(
    {
        "reuters", "ap", "associated press", "afp", "agence france-presse",
        "agence france presse", "pti", "press trust of india", "ani", "asian news international",
        "ians", "uni", "united news of india", "xinhua", "yonhap", "kyodo", "tass", "ria novosti",
        "interfax", "dpa", "efe", "ansa", "anadolu", "anadolu agency", "bernama", "antara",
        "rastriya samachar samiti", "bss", "wafa",
    }
)  # fmt: skip
"""The wire services every newsroom knows, lower-cased, without a leading "the"."""
_CLAUSE_ONLY: Final = frozenset({"claim", "put", "count", "record", "register", "show"})
"""Reporting only when they introduce a clause ("claimed that ..."): "claimed 70 lives"."""


def _reports(node: Token, lemma: str) -> bool:
    """Does this reporting verb report here? "the quake claimed 70 lives" and "the dam had
    released water" do not; "claimed that ...", "released figures" and an estimate ("the
    SSDMA put the damage at Rs 980 crore") do."""
    if any(c.dep_ in {"ccomp", "xcomp"} for c in node.children):
        return True
    objects = [c for c in node.children if c.dep_ in {"dobj", "obj"}]
    if lemma in _CLAUSE_ONLY:
        # "at" may hang from the object's words: "put the number of people affected at N"
        at = any(t.dep_ == "prep" and t.lower_ == "at" and t.i > node.i for t in node.subtree)
        return lemma == "put" and bool(objects) and at
    if lemma in _DOCUMENT_ONLY:
        return any(o.lemma_.lower() in _DOCUMENTS for o in objects)
    return True


_DOCUMENT_ONLY: Final = frozenset({"release", "issue", "publish", "post", "update"})
"""Reporting only when what they put out is a document ("released figures", "issued a
statement") or a clause; "the dam released water", "issued a red alert" report nothing."""
_PRONOUNS: Final = frozenset({"he", "she", "they", "it", "we", "i"})
_MAX_ASSERTER_TOKENS = 16


@dataclass(frozen=True)
class Attribution:
    """Who asserts, and who carried it."""

    asserter: str | None = None
    carrier: str | None = None
    from_context: bool = False
    """The asserter was named in the sentence before (a pronoun in this one)."""
    unnamed: bool = False
    """The parse settled that the sentence names no one who says it: an agentless passive
    ("residents were told to boil water"), a bare participle or a question."""


def is_agency(name: str, outlet: str | None = None) -> bool:
    """A news agency or the document's own outlet, not a source of facts."""
    key = re.sub(r"[’']s$", "", name.strip()).lower().removeprefix("the ").strip()
    if key in WIRES:
        return True
    if outlet and key == outlet.strip().lower().removeprefix("the ").strip():
        return True
    return bool(re.search(r"\bnews agency\b|\bnewswire\b|\bwire service\b", key))


def is_pronoun(words: str) -> bool:
    """ "he", "They", "I’ve": a pronoun (contracted or not), never a name."""
    return re.split(r"[’'\s]", words.strip().lower())[0] in _PRONOUNS


def attribute(
    tokens: list[Token], doc: Doc, context: Attribution | None, outlet: str | None = None
) -> Attribution:
    """Who asserts what `tokens` (words of `doc`) state; `context` is the attribution of
    the sentence before, for a pronoun."""
    if not tokens:
        return Attribution()
    start = min(tokens, key=lambda t: t.i)
    carrier: str | None = None
    for node in [start, *start.ancestors]:
        found = _at(node, outlet)
        if found is None:
            continue
        asserter, carried = found
        carrier = carrier or carried
        if asserter is None:
            continue  # a reporting verb with no subject: look further up
        if asserter.pos_ == "PRON" or is_pronoun(asserter.text):
            antecedent = _antecedent(asserter)
            if antecedent is not None:
                return Attribution(_span(antecedent), carrier)
            if context is not None and context.asserter is not None:
                return Attribution(context.asserter, carrier or context.carrier, from_context=True)
            return Attribution(None, carrier)
        text = _span(asserter)
        if is_agency(text, outlet):
            carrier = carrier or text  # "according to Reuters": look further up
            continue
        return Attribution(text, carrier)
    return Attribution(None, carrier)


_PLURAL_TAGS: Final = frozenset({"NNS", "NNPS"})
_GROUPS: Final = frozenset({"ORG", "NORP"})


def _antecedent(pronoun: Token) -> Token | None:
    """Whom a pronoun subject of a clause inside the sentence stands for: the subject of
    a clause above it that agrees ("Opposition parties have demanded an inquiry into the
    release, which they say worsened the flooding" -> the parties). A pronoun of the main
    clause refers to an earlier sentence: None."""
    lower = pronoun.lower_
    for verb in pronoun.head.ancestors:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        subject = _subject(verb)
        if subject is None or subject.pos_ == "PRON" or subject.pos_ not in {"NOUN", "PROPN"}:
            continue
        plural = subject.tag_ in _PLURAL_TAGS or subject.ent_type_ in _GROUPS
        person = subject.ent_type_ == "PERSON" or names_a_speaker(subject.text)
        if lower == "they" and plural:
            return subject
        if lower in {"he", "she"} and person and subject.tag_ not in _PLURAL_TAGS:
            return subject
        if lower == "it" and subject.tag_ in {"NN", "NNP"} and subject.ent_type_ != "PERSON":
            return subject
        return None  # the nearest subject above disagrees: leave it to the sentence before
    return None


def acting_body(tokens: list[Token]) -> str | None:
    """An authority that did what the figure counts, when no one reports it: "Authorities
    have evacuated 8 400 people", "Police arrested 120 protesters" (the subject of the
    figure's verb, when it names a body, role or group; not "Floods killed 12")."""
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    node = tokens[-1]
    for _ in range(4):
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            break
    else:
        return None
    subject = _subject(node)
    if subject is None or subject.i in inside or subject.pos_ == "PRON":
        return None
    if any(t.i in inside for t in subject.subtree) or not names_a_speaker(subject.text):
        return None
    return _span(subject)


def _at(node: Token, outlet: str | None) -> tuple[Token | None, str | None] | None:  # noqa: PLR0911
    """(asserter token, carrier) when `node` attributes what hangs from it, else None."""
    for child in node.children:
        if child.lower_ == "according":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if obj is not None:
                return _source_of(obj), None
        if child.lemma_ == "cite" and child.dep_ in {"advcl", "xcomp", "prep", "acl"}:
            obj = next((c for c in child.children if c.dep_ in {"dobj", "pobj"}), None)
            if obj is not None:
                return obj, None
    lemma = node.lemma_.lower()
    if node.pos_ not in {"VERB", "AUX"} or lemma not in REPORTING:
        return None
    if not _reports(node, lemma):
        return None
    carrier = None
    if node.lemma_.lower() == "tell":
        told = next((c for c in node.children if c.dep_ in {"dobj", "dative"}), None)
        if told is not None and is_agency(name := _span(told), outlet):
            carrier = name
    if bare_participle(node):
        return None  # a bare participle ("Troop Movements Confirmed?"): nobody says it
    subject = _subject(node)
    if subject is None:
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if subject is None:
        return None, carrier
    return _source_of(subject), carrier  # "X's revised assessment put ...": X


_DOCUMENTS: Final = frozenset(
    [
        "statement",
        "report",
        "data",
        "datum",  # the lemma the parse gives "data"
        "figure",
        "estimate",
        "assessment",
        "survey",
        "count",
        "tally",
        "release",
        "post",
        "message",
        "briefing",
        "bulletin",
        "update",
        "analysis",
        "record",
        "document",
        "note",
        "letter",
        "tweet",
        "channel",
        "account",
        "website",
        "page",
        "feed",
    ]
)
"""Nouns for what a source issues: "according to a statement by X" is X's."""


def _source_of(token: Token) -> Token:
    """Who issued a statement, report or post: "a statement released by X", "figures
    from X", "X's report"; the token itself when it is no such noun."""
    for _ in range(3):
        if token.lemma_.lower() not in _DOCUMENTS:
            return token
        issuer = _issuer(token)
        if issuer is None:
            return token
        token = issuer
    return token


def _issuer(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if obj is not None:
                return obj
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject nearest to it: a dateline the parse also made a subject
    ("HIRANKOT: The toll rose to 19, Minister X said") or a headline's topic ("Floods: 19
    dead, says collector") is farther away, and one followed by a colon is never it."""
    subjects = [
        c for c in verb.children
        if c.dep_ == "nsubj" and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ":")
    ]  # fmt: skip
    if not subjects and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"}:
        return _subject(verb.head)  # "The coast guard scaled back its search, saying ..."
    if not subjects and _shares_subject(verb):
        return _subject(verb.head)  # "X apologised to the families and said ..."
    return min(subjects, key=lambda c: abs(c.i - verb.i), default=None)


def doer(verb: Token) -> str | None:
    """Who does what `verb` says, as the sentence names them: its subject's span ("Senior
    Garda management" of "have apologised to the judge"), or a passive verb's agent ("was
    confirmed by the ministry"); None for a pronoun or when it names none."""
    subject = _subject(verb)
    if subject is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if subject is None or subject.pos_ == "PRON":
        return None
    return _span(subject)


def named_as(verb: Token) -> str | None:
    """Whom a copula names: "Ivo Marek" of "The rebel who ... was Ivo Marek"."""
    if verb.lemma_ != "be":
        return None
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    return _span(attr) if attr is not None and attr.pos_ != "PRON" else None


def _shares_subject(verb: Token) -> bool:
    """Is this active verb the second of two main-clause verbs sharing one subject ("X
    apologised and said ...")? Not a conjunct inside reported speech, whose subject is
    what is reported on ("agencies say an evacuation saved lives, but warn that ...")."""
    head = verb.head
    main = head.dep_ in {"ROOT", "conj"} and head.pos_ in {"VERB", "AUX"}
    return verb.dep_ == "conj" and not passive(verb) and main


def passive(verb: Token) -> bool:
    """ "residents were told", "was reported": a passive verb."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def bare_participle(verb: Token) -> bool:
    """ "Troop Movements Confirmed": a past participle with no auxiliary."""
    return verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _span(token: Token) -> str:
    """The asserter's whole span: the subtree, without a trailing clause or punctuation;
    a leading "the" dropped before a proper name."""
    words = list(token.subtree)
    # a trailing clause or place phrase is not part of the name ("... agency on Telegram",
    # "officials who ..."); "of" and "for" phrases are ("the Chief District Officer of X")
    cut = [
        c for c in token.rights
        if c.dep_ in {"relcl", "acl"} or (c.dep_ == "prep" and c.lower_ not in {"of", "for"})
    ]  # fmt: skip
    if cut:
        stop = min(c.left_edge.i for c in cut)
        words = [w for w in words if w.i < stop]
    # a relative clause after a comma is no part of the name, wherever it hangs: "Leader of
    # the Opposition Rukmini Shelar, who visited relief camps on Thursday"
    clause = next((w for w in words if w.dep_ == "relcl" and w.i > token.i), None)
    if clause is not None:
        words = [w for w in words if w.i < clause.left_edge.i]
    if len(words) > _MAX_ASSERTER_TOKENS:
        words = [w for w in words if w.i <= token.i]
    while words and (words[-1].is_punct or words[-1].dep_ in {"cc", "case"}):
        if words[-1].text == ")" and any(w.text == "(" for w in words):
            break
        words.pop()
    if any(w.text == "(" for w in words) and not any(w.text == ")" for w in words):
        after = token.doc[words[-1].i + 1] if words[-1].i + 1 < len(token.doc) else None
        if after is not None and after.text == ")":
            words.append(after)
    while words and (words[0].is_punct or words[0].is_space):  # a masked dateline's blank
        words.pop(0)
    if len(words) > 1 and words[0].lower_ == "the" and words[1].pos_ == "PROPN":
        words.pop(0)
    if not words:
        words = [token]
    first, last = words[0], words[-1]
    return token.doc.text[first.idx : last.idx + len(last.text)]
