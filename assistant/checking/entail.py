"""Statements without a figure: by code when a source sentence restates them
(`sentences`), else by the answer model on the retrieved sentences.

The model sees the statement and the sentences closest to it, and answers with one
verdict of the enum, the ids of the sentences that decide it and a reason (instructor,
constrained at decoding). Its answer is checked by code: evidence ids must be ones shown;
a "supported" must cite sentences that state most of the statement's content words (by
stem), else it becomes "not in sources". A "not in sources" carries no evidence.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..answers.classify import stem
from ..answers.evidence import Evidence as Found
from ..answers.evidence import gather
from ..llm import LLM
from ..prompting import load_prompt
from ..search import Filters
from ..store import Store
from ..text.words import content_words, negation
from .models import Judged, Verdict
from .sentences import evidence_of, judge_by_sentences

PROMPT = "check"
_SHOWN = 4
_GATHERED = 8
"""Sentences code reads for one restating the statement; the model is shown `_SHOWN`."""
_SUPPORT_SHARE = 0.5
_NEGATION = negation()


class ModelVerdict(BaseModel):
    """The model's verdict on one statement: the sentences that bear on it first, then the
    verdict they decide (asked verdict first, the 1.5B model called a sentence stating the
    statement word for word "not in sources"), then why."""

    evidence: list[int] = Field(default_factory=list, max_length=_SHOWN)
    verdict: Verdict
    reason: str = Field(max_length=240)


def judge_statement(store: Store, llm: LLM, text: str, filters: Filters | None = None) -> Judged:
    """The verdict on a statement without a figure (within the documents `filters`
    select): by code when a source sentence restates it, else by the model."""
    found, _ = gather(store, text, n=_GATHERED, filters=filters)
    if not found:
        return Judged(
            "not in sources", "no passage of the sources is close to the statement", [], "none"
        )
    stating = next((e for e in found if _says(text, e.text)), None)
    if stating is not None:
        # a sentence that says every term of the statement, with the same negation, is
        # support code can see (the 1.5B model called such a sentence "not in sources")
        return Judged(
            "supported", "a source sentence states every term of the statement",
            [evidence_of(stating)], "sentences",
        )  # fmt: skip
    judged = judge_by_sentences(store, text, found)
    return judged if judged is not None else _by_model(llm, text, found[:_SHOWN])


def _by_model(llm: LLM, text: str, found: list[Found]) -> Judged:
    """The model's verdict on the sentences shown it, checked."""
    listed = "\n".join(f"[{i}] {e.text}" for i, e in enumerate(found, 1))
    prompt = load_prompt(PROMPT, frozenset({"statement", "evidence"}))
    answer = llm.structured(
        "answer",
        ModelVerdict,
        [{"role": "user", "content": prompt.render(statement=text, evidence=listed)}],
        max_tokens=160,
    )
    cited = [found[i - 1] for i in dict.fromkeys(answer.evidence) if 1 <= i <= len(found)]
    evidence = [evidence_of(e) for e in cited]
    verdict: Verdict = answer.verdict
    if verdict == "not in sources":
        return Judged(verdict, answer.reason, [], "model")
    if not evidence:
        return Judged("not in sources", "the model cited no source sentence", [], "model")
    if verdict == "supported" and not _states(text, " ".join(e.quote for e in evidence)):
        reason = "the cited sentences do not state the statement's terms"
        return Judged("not in sources", reason, [], "model")
    return Judged(verdict, answer.reason, evidence, "model")


def _says(statement: str, sentence: str) -> bool:
    """Does one source sentence state every content word of the statement (by stem), with
    the same negation ("did not release" is no support for "released")?"""
    words = content_words(statement)
    if not words or _negated(statement) != _negated(sentence):
        return False
    known = {stem(w) for w in content_words(sentence)}
    return all(stem(w) in known for w in words)


def _negated(text: str) -> bool:
    return _NEGATION.search(text) is not None


def _states(statement: str, source: str) -> bool:
    """Do the source sentences state most of the statement's content words (by stem)?"""
    words = content_words(statement)
    if not words:
        return False
    known = {stem(w) for w in content_words(source)}
    return sum(stem(w) in known for w in words) / len(words) >= _SUPPORT_SHARE
