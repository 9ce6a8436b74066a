"""Answer a question: plan, then figures from claims or a composed answer from passages.

Figure questions are answered by code from verified claims (no model call after the
plan); attribution questions naming a figure are answered from the claims that give it;
every other question gets a composed answer whose sentences are checked one by one.
When nothing supported remains, the answer is `CANNOT_ANSWER` and the closest passages.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

from ..llm import LLM
from ..search import Filters
from ..store import Store
from .cite import CitationBook, marks
from .classify import how_many_of
from .compose import AGREE_PROMPT, PROMPT, compose
from .conflicts import figure_conflicts, spelling_conflicts
from .dates import date_agreement, date_conflicts
from .evidence import Evidence, attributes_speech, gather, states_clock_time, states_each
from .figures import Selected, figure_rows, parsed_counted, question_kind, select_figures
from .judging import Judging
from .models import CANNOT_ANSWER, Answer, AnswerUsage, Conflict, Sentence, Verification
from .overview import overview_sentences
from .phrasing import agreement_sentence, disagreement_sentence, opposed_accounts, whole_toll
from .places import figure_places, misplaced, placed, question_places
from .plan import Plan, plan_question
from .senses import WordSense
from .speakers import asks_speaker, unsaid
from .spellings import spelling_conflicts_in
from .synthesis import figures_sentences, why_sentences
from .timeline import timeline_points, timeline_sentences
from .topic import story_docs
from .verify import Misplaced
from .who import attribution_sentences

log = logging.getLogger(__name__)

EVIDENCE = 4
"""Evidence sentences a composed answer is written from."""
SIDES_SOURCES = 6
"""Sources (a sentence each) an answer on what each side says is written from: with four,
the kaveri dam question lost the minister's side and the model called it unanswerable."""

OnSentence = Callable[[Sentence], None]
CLOSEST = 3


class Answerer:
    """Answers questions over one store with one LLM."""

    def __init__(self, store: Store, llm: LLM) -> None:
        self.store = store
        self.llm = llm

    def ask(
        self, question: str, filters: Filters | None = None,
        on_sentence: OnSentence | None = None,
    ) -> Answer:  # fmt: skip
        """The answer to `question`.

        A composed answer's sentences go to `on_sentence` one by one as soon as each is
        written and checked; answers from claims come whole (they take no model call).
        """
        began = time.perf_counter()
        calls_before = len(self.llm.usage.calls)
        plan, _ = plan_question(self.llm, question)
        if plan.kind in ("figures", "agreement"):
            counted = parsed_counted(self.store, question) or plan.counted
            plan = plan.model_copy(
                update={
                    "counted": counted,
                    "counting": how_many_of(question, counted),
                    "figure_kind": question_kind(self.store, question, counted),
                    "places": question_places(self.store, question),
                }
            )
        doc_ids = self._doc_ids(filters)
        answer = None
        if plan.kind in ("figures", "agreement", "attribution"):
            answer = self._from_claims(question, plan, self._story(question, plan, doc_ids))
        if plan.kind == "summary":
            answer = self._overview(question, plan, filters)
        if answer is None:
            answer = self._composed(question, plan, filters, on_sentence, began)
        answer.usage = usage_since(self.llm, calls_before)
        answer.latency_s = round(time.perf_counter() - began, 3)
        return answer

    def _story(self, question: str, plan: Plan, doc_ids: list[str] | None) -> list[str] | None:
        """`doc_ids` narrowed to the documents of the story the question names (`topic`)."""
        story = story_docs(self.store, question, plan.places)
        if story is None or doc_ids is None:
            return story if story is not None else doc_ids
        named = set(story)
        return [d for d in doc_ids if d in named]

    def _doc_ids(self, filters: Filters | None) -> list[str] | None:
        if filters is None or not filters.active:
            return None
        return self.store.docs.doc_ids(**filters.__dict__)

    def _from_claims(
        self, question: str, plan: Plan, doc_ids: Sequence[str] | None
    ) -> Answer | None:
        """Figures, conflicts and attributions from stored claims (no model call)."""
        book = CitationBook()
        if plan.kind == "attribution":
            sentences = attribution_sentences(self.store, question, book, doc_ids)
            if not sentences:
                return None
            figures, series, timeline = [], [], []
        else:
            if plan.counted is None:
                return None
            selected = select_figures(
                self.store, plan.counted, plan.about, plan.focus, doc_ids, plan.figure_kind,
                plan.counting, plan.percentage,
            )  # fmt: skip
            if not selected:
                return None
            verdicts = placed(self.store, selected, plan.places)
            if True not in verdicts:
                return self._elsewhere(question, plan, selected)
            # "102 died in Bihar" answers for Bihar; "47 killed in Bangladesh" does not
            selected = [s for s, v in zip(selected, verdicts, strict=True) if v is not False]
            # figures of several sources may be for different regions: no update then
            several = len({s.doc.id for s in selected}) > 1
            found = figure_places(self.store, selected)
            figures = figure_rows(
                selected, book, [f.region for f in found] if several else (),
                [f.name for f in found],
            )  # fmt: skip
            # the whole toll's figures, not a tally's parts, make its series and range
            series = figures if plan.places else whole_toll(figures)
            sentences = (
                timeline_sentences(series) if plan.timeline else figures_sentences(figures, series)
            )
            timeline = timeline_points(series) if plan.timeline else []
        # for a question naming no place, a tally's parts are not the toll in dispute
        conflicts = figure_conflicts(series, plan.about) if figures else []
        conflicts += spelling_conflicts(
            [(r.asserter, r.asserter_surface, r.citation) for r in figures
             if r.asserter and r.asserter_surface]
        )  # fmt: skip
        sentences += why_sentences(conflicts)
        if plan.kind == "agreement" and figures:
            sentences.insert(0, agreement_sentence(series, conflicts))
        return Answer(
            question=question, kind=plan.kind, about=plan.about,
            answer=" ".join(s.text for s in sentences), sentences=sentences,
            citations=book.all(), figures=figures, conflicts=conflicts, timeline=timeline,
            verification=Verification(checked=len(figures), verified=len(figures)),
        )  # fmt: skip

    def _composed(
        self, question: str, plan: Plan, filters: Filters | None,
        on_sentence: OnSentence | None, began: float,
    ) -> Answer:  # fmt: skip
        spread = 1 if plan.kind in ("summary", "agreement") else None
        # what each side says: a sentence from each of up to SIDES_SOURCES sources
        evidence, _ = gather(self.store, question, n=SIDES_SOURCES if plan.sides else EVIDENCE,
                             filters=filters, per_source=spread,
                             favour=favoured(plan))  # fmt: skip
        if not evidence:
            return self._abstain(question, plan, [], Verification())
        book = CitationBook()
        # a side says the point in its own words ("mishandled", "as per protocol" for
        # "whether the release was handled properly"): the point's words are not required
        judging = Judging(
            question, {e.id: e for e in evidence}, book, WordSense(self.store.embedder).stated,
            () if plan.sides else plan.focus, plan.counted if plan.kind == "figures" else None,
            single=plan.kind in ("fact", "attribution"), on_sentence=on_sentence, began=began,
            misplaced=self._misplaced(question, plan),
        )  # fmt: skip
        # an agreement on a point without a figure: what each side says, checked like any
        # sentence; code says whether they differ (`phrasing.opposed_accounts`)
        composed = compose(self.llm, question, evidence, judging.on_partial,
                           AGREE_PROMPT if plan.sides else PROMPT,
                           enough=judging.answered if judging.single else None)  # fmt: skip
        kept: list[Sentence] = []
        if composed.draft.answerable:
            final = list(composed.draft.sentences)
            judging.on_partial(final)
            kept = judging.kept(final)
        conflicts: list[Conflict] = []
        lead = None
        if plan.kind == "agreement":
            # what code finds answers even when no sentence of the model's holds
            conflicts, lead = disagreements(question, plan, evidence, kept, book)
        if not kept and lead is None:
            return self._abstain(question, plan, evidence, judging.counts, judging.shown)
        if lead is not None:  # first in the answer; streamed last, once it is known
            kept.insert(0, lead)
            judging.shown.insert(0, lead)
            if on_sentence is not None:
                on_sentence(lead)
        return Answer(
            question=question, kind=plan.kind, about=plan.about,
            answer=" ".join(f"{s.text} {marks(s.citations)}" for s in kept),
            sentences=judging.shown, citations=book.all(), conflicts=conflicts,
            verification=judging.counts, first_token_s=composed.first_token_s,
            first_sentence_s=round(
                judging.verified_at[0] if judging.verified_at else time.perf_counter() - began, 3
            ),
        )  # fmt: skip

    def _misplaced(self, question: str, plan: Plan) -> Misplaced:
        """The checks that parse a sentence and its cited ones: a number given for another
        place (`places.misplaced`); for "who said ...?", someone named as saying it who
        says nothing there (`speakers.unsaid`)."""
        who = plan.kind == "attribution" or asks_speaker(question)
        cache = self.store.settings.cache

        def check(text: str, cited: Sequence[str]) -> str | None:
            found = misplaced(self.store, text, cited)
            if found is None and who:
                found = unsaid(cache, text, question, cited)
            return found

        return check

    def _overview(self, question: str, plan: Plan, filters: Filters | None) -> Answer | None:
        """Each relevant source's main points, cited (no model call unless none is found)."""
        book = CitationBook()
        sentences = overview_sentences(
            self.store, question, book, filters, self.llm.model_name("answer")
        )
        if not sentences:
            return None
        return Answer(
            question=question, kind=plan.kind, about=plan.about,
            answer=" ".join(s.text for s in sentences), sentences=sentences,
            citations=book.all(),
            verification=Verification(checked=len(sentences), verified=len(sentences)),
        )  # fmt: skip

    def _elsewhere(self, question: str, plan: Plan, selected: Sequence[Selected]) -> Answer:
        """No figure is stated for the question's places: say so, and show the nearest
        figures as such (they are for other places or for the whole story), not as the
        answer."""
        book = CitationBook()
        closest = sorted(selected, key=lambda s: -s.similarity)[:CLOSEST]
        # "94 dead in Mexico City": a nearest figure says where it is for, when its
        # sentence does
        found = figure_places(self.store, closest)
        nearest = figure_rows(closest, book, places=[f.name for f in found])
        where = " or ".join(plan.places)
        sentences = [Sentence(text=f"The sources give no such figure for {where}.")]
        shown = figures_sentences(nearest)
        if shown:
            first = shown[0].model_copy(update={"text": f"Nearest figures, not for {where}: "
                                                        f"{shown[0].text}"})  # fmt: skip
            sentences += [first, *shown[1:]]
        return Answer(
            question=question, kind=plan.kind, about=plan.about,
            answer=" ".join(s.text for s in sentences), abstained=True, sentences=sentences,
            closest=book.all(), verification=Verification(),
        )  # fmt: skip

    def _abstain(
        self, question: str, plan: Plan, evidence: Sequence[Evidence], counts: Verification,
        shown: Sequence[Sentence] = (),
    ) -> Answer:  # fmt: skip
        book = CitationBook()
        closest = sorted(evidence, key=lambda e: -e.score)[:CLOSEST]
        for e in closest:
            book.cite(e.doc, e.start, e.end)
        return Answer(
            question=question, kind=plan.kind, about=plan.about, answer=CANNOT_ANSWER,
            abstained=True, sentences=list(shown), closest=book.all(), verification=counts,
        )  # fmt: skip


def disagreements(
    question: str, plan: Plan, evidence: Sequence[Evidence], kept: Sequence[Sentence],
    book: CitationBook,
) -> tuple[list[Conflict], Sentence | None]:  # fmt: skip
    """What code finds the sources of a composed agreement answer disagree on (dates, when
    the question is on a time; spellings; opposed accounts), and the answer's first
    sentence saying so; on a time with no difference found, "Yes" when the sources that
    date it give the same year or month (`date_agreement`). On where the flooding was
    worst, a photo caption's 2019 and a quote's "since 1972" are no disagreement."""

    def cite(e: Evidence) -> int:
        return book.cite(e.doc, e.start, e.end)

    on_time = plan.point in (None, "when")
    dates = date_conflicts(question, evidence, cite) if on_time else []
    names = spelling_conflicts_in(question, evidence, cite)
    opposed = opposed_accounts(kept, lambda n: book.get(n).doc_id, plan.about)
    accounts = [opposed] if opposed is not None else []
    lead = disagreement_sentence(dates, accounts, names)
    if lead is None and plan.point == "when":  # no difference found: the same date?
        lead = date_agreement(question, evidence, cite)
    return [*dates, *accounts, *names], lead


def favoured(plan: Plan) -> Callable[[str], bool] | None:
    """What makes an evidence sentence more likely to hold the answer (`gather`'s
    `favour`): a clock time, for "What time ...?"; the question's focus words, which the
    check requires the cited evidence to state (`verify._unstated`); someone saying it,
    for "Who said ...?". Over many stories a long question's topic words ranked a story's
    general sentences above the one that answers: on real pages, the sentence "He said
    <the judge> refused to cooperate ..." was sixth for "Who said the judge ... had
    refused to cooperate with investigators?", and four are shown."""
    tests: list[Callable[[str], bool]] = []
    if plan.clock:
        tests.append(states_clock_time)
    if plan.focus and not plan.sides:
        tests.append(states_each(plan.focus))
    if plan.kind == "attribution":
        tests.append(attributes_speech)
    if not tests:
        return None
    return lambda text: any(test(text) for test in tests)


def usage_since(llm: LLM, calls_before: int) -> AnswerUsage:
    """Tokens and calls of `llm` since it had made `calls_before` calls."""
    calls = llm.usage.calls[calls_before:]
    return AnswerUsage(
        prompt_tokens=sum(c.prompt_tokens for c in calls),
        completion_tokens=sum(c.completion_tokens for c in calls),
        calls=len(calls),
    )
