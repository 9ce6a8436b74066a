"""`TextContext`, one pass over a text that every matcher shares: its tokens, where countries are
mentioned, sentence starts and headlines set in Title Case, and the attribution frames ("X
said", "according to X", "citing X", "X's official Telegram channel") that anchor a
candidate.
"""

from __future__ import annotations

from ._countries import COUNTRY_CODES, COUNTRY_FORMS, GIVEN_NAME_COUNTRIES, MAX_COUNTRY_WORDS
from ._grammar import (
    ATTRIBUTION_VERBS,
    AUXILIARIES,
    BE_FORMS,
    BY_VERBS,
    FOLLOW_WORDS,
    LOWERCASE_VOCABULARY,
    NAME_TOKEN_EXCLUDED,
    SPEECH_VERBS,
    SUBJECT_PREPOSITIONS,
)
from ._lexicon import CALENDAR, CHANNEL_WORDS, DETERMINERS, DOCUMENT_NOUNS, PLATFORMS
from ._tokens import (
    LINE_BREAKS,
    LOWERCASE_SUFFIXES,
    NOT_NAME_SUFFIXES,
    QUOTES_AND_BRACKETS,
    TERMINALS,
    Token,
    tokenize,
)


class TextContext:
    """Tokens of a text with what every matcher needs to know about them."""

    def __init__(self, text: str) -> None:
        self.text = text
        tokens = tokenize(text)
        self.tokens = tokens
        n = len(tokens)
        self.length = n
        # country mentions: start index -> (end index, canonical name, is an adjective)
        self.country_at: dict[int, tuple[int, str, bool]] = {}
        self.country_end: dict[int, int] = {}  # last index -> start index
        self.in_country = [False] * n
        self._find_countries()
        self.sentence_start = [False] * n
        self.titlecase = [False] * n
        self._find_sentences()
        self.frame_starts: set[int] = set()
        # frames after which "... intelligence documents" is ok
        self.document_frames: set[int] = set()
        self.subject_ends: set[int] = set()
        self.speech_ends: set[int] = set()  # subjects of a verb of speech
        self._find_frames()

    # countries --------------------------------------------------------------------------

    def _find_countries(self) -> None:
        tokens, n = self.tokens, self.length
        i = 0
        while i < n:
            t = tokens[i]
            found: tuple[int, str, bool] | None = None
            if t.word and t.text in COUNTRY_CODES:
                found = (i + 1, COUNTRY_CODES[t.text], False)
            elif t.word and t.capitalised:
                for size in range(min(MAX_COUNTRY_WORDS, n - i), 0, -1):
                    key = tuple(x.lower for x in tokens[i : i + size])
                    hit = COUNTRY_FORMS.get(key)
                    if hit is not None:
                        found = (i + size, hit[0], hit[1])
                        break
                if (
                    found is not None
                    and found[0] == i + 1
                    and t.lower in GIVEN_NAME_COUNTRIES
                    and i + 1 < n
                    and self._name_like(tokens[i + 1])
                ):
                    found = None
            if found is None:
                i += 1
                continue
            end = found[0]
            self.country_at[i] = found
            self.country_end[end - 1] = i
            for k in range(i, end):
                self.in_country[k] = True
            i = end

    @staticmethod
    def _name_like(t: Token) -> bool:
        return (
            t.word
            and t.capitalised
            and t.lower not in NAME_TOKEN_EXCLUDED
            and any(c.islower() for c in t.text)
            and not ("-" in t.lower and any((p,) in COUNTRY_FORMS for p in t.lower.split("-")))
        )

    def is_name(self, k: int) -> bool:
        """A capitalised word that can be part of a person's name."""
        t = self.tokens[k]
        if self.in_country[k] or not self._name_like(t):
            return False
        return not t.lower.endswith(NOT_NAME_SUFFIXES)

    # sentences and headlines ------------------------------------------------------------

    def _find_sentences(self) -> None:
        tokens, text = self.tokens, self.text
        chunk_start = 0
        for k, t in enumerate(tokens):
            j = k - 1
            while j >= 0 and tokens[j].text in QUOTES_AND_BRACKETS:
                j -= 1
            first = (
                j < 0
                or tokens[j].text in TERMINALS
                or bool(LINE_BREAKS.search(text, tokens[j].end, t.start))
            )
            self.sentence_start[k] = first
            if first and k > chunk_start:
                self._mark_titlecase(chunk_start, k)
                chunk_start = k
        self._mark_titlecase(chunk_start, self.length)

    def _mark_titlecase(self, a: int, b: int) -> None:
        """Headlines in Title Case: their capitals are not names."""
        words = [t for t in self.tokens[a + 1 : b] if t.word and len(t.text) >= 4]
        caps = [t for t in words if t.capitalised]
        suspicious = sum(
            1
            for t in caps
            if t.lower in LOWERCASE_VOCABULARY
            or (t.lower.endswith(LOWERCASE_SUFFIXES) and t.lower not in CALENDAR)
        )
        if (suspicious >= 2 and len(caps) * 2 > len(words)) or (
            suspicious >= 1 and len(words) >= 2 and len(caps) * 4 > len(words) * 3
        ):
            for k in range(a, b):
                self.titlecase[k] = True

    # attribution frames -----------------------------------------------------------------

    def _skip_source_intro(self, k: int) -> int:
        """After "according to": skip "a statement released by", "reports from", ..."""
        tokens, n = self.tokens, self.length
        j = k
        if j < n and tokens[j].lower in DETERMINERS:
            j += 1
        m = j
        while m < n and tokens[m].lower in DOCUMENT_NOUNS | {"access", "statement", "remarks"}:
            m += 1
        if m > j:
            if m < n and tokens[m].lower in {"released", "published", "issued", "made", "posted"}:
                m += 1
            if m < n and tokens[m].lower in {"from", "by", "of", "to"}:
                return m + 1
        return k

    def _add_frame(self, k: int) -> None:
        if k >= self.length:
            return
        self.frame_starts.add(k)
        k2 = self._skip_source_intro(k)
        self.frame_starts.add(k2)
        if k2 < self.length and self.tokens[k2].lower in DETERMINERS:
            self.frame_starts.add(k2 + 1)

    def _find_frames(self) -> None:
        tokens, n = self.tokens, self.length
        for k, t in enumerate(tokens):
            low = t.lower
            nxt = tokens[k + 1].lower if k + 1 < n else ""
            if low == "according" and nxt == "to":
                self._add_frame(k + 2)
                self.document_frames.update(range(k + 2, min(n, k + 8)))
            elif low == "citing":
                self._add_frame(k + 1)
                self.document_frames.update(range(k + 1, min(n, k + 8)))
                if k > 0 and tokens[k - 1].text == ",":
                    self._add_subject_end(k - 2, "said")
            elif low == "based" and nxt == "on":
                self._add_frame(k + 2)
                self.document_frames.update(range(k + 2, min(n, k + 6)))
            elif low == "basis" and nxt == "of" and k > 0 and tokens[k - 1].lower == "the":
                self._add_frame(k + 2)
            elif low == "by" and k > 0 and tokens[k - 1].lower in BY_VERBS:
                self._add_frame(k + 1)
            elif low in ATTRIBUTION_VERBS and nxt != "by":
                self._add_subject_end(k - 1, low)
                if low in {"said", "says", "added", "told"} and self._inverted(k):
                    self._add_frame(k + 1)
            elif t.possessive and self._channel_follows(k + 1):
                self.subject_ends.add(k - 1)

    def _inverted(self, k: int) -> bool:
        """ "“...,” said Putin" or "..., said Interior Minister Ana Souza." """
        tokens, n = self.tokens, self.length
        prev = tokens[k - 1].text if k > 0 else ""
        if prev in {"\u201d", '"', "\u2019", "'"}:
            return True
        if prev != ",":
            return False
        j = k + 1
        while (
            j < n
            and j < k + 8
            and ((tokens[j].word and tokens[j].capitalised) or tokens[j].text == ".")
        ):
            if tokens[j].text == "." and not (
                j + 1 < n and tokens[j + 1].word and tokens[j + 1].capitalised
            ):
                break
            j += 1
        return j > k + 1 and (j >= n or tokens[j].text in {".", ",", ";", "!", "?"})

    def _add_subject_end(self, k: int, verb: str) -> None:
        passive = False
        while k >= 0 and self.tokens[k].lower in AUXILIARIES:
            passive = passive or self.tokens[k].lower in BE_FORMS
            k -= 1
        if k < 0 or (passive and not verb.endswith("ing")):
            return  # "it is believed", "soldiers were observed"
        ends = [k]
        if self.tokens[k].text == ",":  # "X, the spokesperson for Y, said": X and Y's ends
            j = k - 1
            while j > 0 and k - j < 12 and self.tokens[j].text not in {",", ".", "“", "”"}:
                j -= 1
            if j > 0 and self.tokens[j].text == ",":
                ends = [k - 1, j - 1]
        # "officials in Kyiv said", "a spokesperson for the ministry said": the subject is
        # before the prepositional phrase too
        for e in list(ends):
            j = e
            while (
                j > 0
                and e - j < 5
                and self.tokens[j].word
                and self.tokens[j].lower not in SUBJECT_PREPOSITIONS
            ):
                j -= 1
            if (
                0 < j < e
                and self.tokens[j].lower in SUBJECT_PREPOSITIONS
                and self.tokens[j - 1].word
            ):
                ends.append(j - 1)
        for e in ends:
            self.subject_ends.add(e)
            if verb in SPEECH_VERBS:
                self.speech_ends.add(e)

    def _channel_follows(self, k: int) -> bool:
        """ "official Telegram channel", "statement", "spokesperson" after a possessive."""
        tokens, n = self.tokens, self.length
        j = k
        while (
            j < n
            and j < k + 3
            and (
                tokens[j].lower in {"official", "verified", "own", "press"}
                or tokens[j].lower in PLATFORMS
            )
        ):
            j += 1
        return j < n and tokens[j].lower in CHANNEL_WORDS

    # helpers ----------------------------------------------------------------------------

    def anchored(self, a: int, b: int, *, speech: bool = False) -> bool:
        ends = self.speech_ends if speech else self.subject_ends
        return a in self.frame_starts or (b - 1) in ends

    def follower_ok(self, b: int, *, document_frame: bool = False) -> bool:
        """Whether the phrase ending before token `b` really ends there."""
        if b >= self.length:
            return True
        t = self.tokens[b]
        if t.possessive:
            return self._channel_follows(b + 1)
        if not t.word or t.text[0].isdigit():
            return True
        if t.capitalised:
            return False
        return (
            (document_frame and t.lower in DOCUMENT_NOUNS)
            or t.lower in FOLLOW_WORDS
            or t.lower.endswith(("ed", "ly", "ing"))
        )

    def country_list(self, k: int, *, nouns: bool = False) -> int | None:
        """End of "C", "C and C", "C, C, and C" starting at `k`, else None; with `nouns`,
        names of countries only ("Ukraine", not "Ukrainian")."""
        if k not in self.country_at or (nouns and self.country_at[k][2]):
            return None
        end = self.country_at[k][0]
        tokens, n = self.tokens, self.length
        while True:
            j = end
            if j < n and tokens[j].text == ",":
                j += 1
            if j < n and tokens[j].lower == "and":
                j += 1
            if j == end or j not in self.country_at or (nouns and self.country_at[j][2]):
                return end
            end = self.country_at[j][0]

    def country_list_back(self, e: int) -> int | None:
        """Start of a list of country names whose last token is `e`, else None."""
        if e not in self.country_end or self.country_at[self.country_end[e]][2]:
            return None
        start = self.country_end[e]
        tokens = self.tokens
        while True:
            j = start - 1
            if j >= 0 and tokens[j].lower == "and":
                j -= 1
            if j >= 0 and tokens[j].text == ",":
                j -= 1
            if j == start - 1 or j not in self.country_end:
                return start
            if self.country_at[self.country_end[j]][2]:
                return start
            start = self.country_end[j]
