"""Boilerplate rules: what a single line of scraped article text looks like when it is
page chrome rather than reporting.

:data:`LINE_RULES` are the line-level rules, each a predicate on one stripped, non-empty
line. They are written for any news-site scrape and are deliberately conservative: each one
needs a phrase that ordinary reporting does not use, or a short line, or both, so a news
sentence that merely mentions "support", "copyright" or "related" survives. The context
helpers at the end (:func:`is_related_item`, :func:`is_fragment`) judge a line only by itself
too; :func:`assistant.ingest.clean.clean_text` applies them where its
neighbours make the line boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

# ---------------------------------------------------------------------------------------
# Line rules: each takes a stripped, non-empty line and says whether it is boilerplate.

_SHORT = 200  # most rules only fire on lines no longer than this


def _copyright(line: str) -> bool:
    """Copyright notices: a line starting "©", "(c) 2024", "Copyright 2024 …" /
    "Copyright © …" / "Copyright by …", or containing "© 2024" or "All rights reserved".
    Short lines only. ("The copyright dispute was settled" is kept: no year or symbol follows.)"""
    return len(line) <= _SHORT and bool(
        re.match(r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}|by\b))", line, re.I)
        or re.search(r"©\s*\d{4}|\ball rights reserved\b", line, re.I)
    )


_POLICY_WORDS = frozenset(
    {
        *("privacy", "cookie", "cookies", "policy", "policies", "notice", "statement"),
        *("settings", "preferences", "terms", "conditions", "of", "use", "service"),
        *("and", "our", "your"),
    }
)
_COOKIE_BANNER = re.compile(
    r"^(?:we|this (?:web)?site|our (?:web)?site)\s+(?:uses?|use)\s+cookies\b"
    r"|\bcookies?\b.{0,120}\bby (?:continuing|clicking|using)\b"
    r"|\bby (?:continuing|clicking|using)\b.{0,120}\bcookies?\b"
    r"|^(?:accept|reject|manage) (?:all )?cookies\b",
    re.I,
)


def _privacy(line: str) -> bool:
    """Privacy/cookie/terms links and cookie banners: a line made only of words such as
    "Privacy and Cookie Policies", "Terms of Use | Privacy Notice" (it must name privacy,
    cookies or terms), or a banner such as "We use cookies…" / "By continuing to browse…
    cookies". A sentence about a privacy policy has other words and is kept."""
    if len(line) > 400:
        return False
    words = re.findall(r"\w+", line.lower())
    if (
        words
        and set(words) <= _POLICY_WORDS
        and {"privacy", "cookie", "cookies", "terms"} & set(words)
    ):
        return True
    return bool(_COOKIE_BANNER.search(line))


_REPRINT = re.compile(
    r"\bwhen (?:referencing|quoting|citing|using|reproducing) (?:our|these|this|the site'?s?) "
    r"(?:materials?|content|articles?|stories|texts?|publications?)\b"
    r"|\b(?:active|direct|clickable|dofollow) (?:hyper)?link\b.{0,80}\b(?:required|must|"
    r"mandatory|include|obligatory)\b"
    r"|\b(?:please|must) include an? (?:active|direct|clickable) (?:hyper)?link\b"
    r"|\bmay not be (?:re)?(?:published|produced|broadcast|rewritten|redistributed)\b.{0,40}"
    r"\b(?:rewritten|redistributed|broadcast|without)\b"
    r"|\b(?:reprint|republish|reproduc)\w*\b.{0,80}\b(?:our|this) (?:materials?|content|articles?)"
    r".{0,80}\bpermission\b",
    re.I,
)


def _reprint(line: str) -> bool:
    """Reprint/permission notices in the publisher's voice: "When referencing our materials,
    please include an active hyperlink…", "This material may not be published, broadcast,
    rewritten or redistributed." A sentence about someone refusing permission to reprint
    a cartoon has none of these phrases and is kept."""
    return len(line) <= 600 and bool(_REPRINT.search(line))


# Appeals for money, subscriptions or ad-blocker exceptions. Strong phrases are the
# publisher asking its readers; weak ones also occur in reporting.
_APPEAL_STRONG = [
    re.compile(p, re.I)
    for p in (
        r"\bbecome an? (?:patron|member|supporter|subscriber)\b",
        r"\b(?:disabl\w*|turn\w* off|whitelist\w*|pause|switch\w* off) (?:your |the )?ad[- ]?block",
        r"\b(?:support|fund) (?:us|our (?:work|journalism|reporting|newsroom|mission|team))\b",
        r"\b(?:donate|subscribe|support us) (?:now|today|here)\b",
        r"\bsign up (?:for|to) (?:our|the) newsletter\b",
        r"\bsubscribe to (?:our|the) (?:newsletter|channel|podcast)\b",
        r"\breaders like you\b",
        r"\bjoin our community\b",
        r"\byour (?:support|contribution|donation|assistance|subscription) "
        r"(?:helps|keeps|allows|makes|enables|means)\b",
        r"\b(?:make|making) a (?:contribution|donation) to us\b",
    )
]
_APPEAL_WEAK = [
    re.compile(p, re.I)
    for p in (
        r"\bdonat(?:e|es|ed|ing|ions?)\b",
        r"\bsubscri(?:be|bers?|ptions?|bing)\b",
        r"\bpatr(?:on|ons|eon)\b",
        r"\bad[- ]?blockers?\b",
        r"\b(?:a|one) cup of coffee\b",
        r"\bfor as little as\b",
        r"\bindependent (?:journalism|media|outlet)\b",
        r"\b(?:ask|need|rely on|depends? on) (?:for )?(?:your|the) support\b",
        r"\bsupport of readers\b",
    )
]
_APPEAL_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in _APPEAL_STRONG + _APPEAL_WEAK), re.I)
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
_APPEAL_NAV = re.compile(r"(?:subscribe|donate|support us|sign up|become a patron)\W*", re.I)


def _appeal(line: str) -> bool:
    """Donation/subscription/patron/ad-blocker appeals: a bare "Subscribe"/"Donate" line;
    a short line (≤ 200 chars) with one strong phrase ("become a patron", "disable your ad
    blocker", "support our journalism", "readers like you"…) and no quotation marks (“Support
    us,” the mayor said — is reporting); or a line of any length with
    a strong phrase plus another appeal phrase, or three weak ones ("donate", "subscribe",
    "cup of coffee"…). "Officials said donations doubled" has one weak phrase: kept."""
    if _APPEAL_NAV.fullmatch(line):
        return True
    if not _APPEAL_ANY.search(line):  # the common case, in one pass
        return False
    strong = sum(1 for p in _APPEAL_STRONG if p.search(line))
    weak = sum(1 for p in _APPEAL_WEAK if p.search(line))
    if strong and len(line) <= _SHORT and not _QUOTE_MARK.search(line):
        return True
    return (strong >= 1 and strong + weak >= 2) or weak >= 3


_CORRECTION = re.compile(
    r"\bctrl\s*\+\s*enter\b"
    r"|\b(?:suggest|submit|report|send) (?:a |an )?(?:correction|typo|error|mistake)s?\b"
    r".{0,60}\b(?:write to us|contact us|here|click|let us know|email us)\b"
    r"|\b(?:leave|send) (?:your|us) (?:suggestions|corrections|feedback)\b"
    r"|\b(?:spotted|found|see|notice) (?:a|an) (?:typo|error|mistake)\b.{0,40}\b(?:let us|"
    r"tell us|report|select|highlight)\b",
    re.I,
)


def _correction(line: str) -> bool:
    """Correction prompts: "To suggest a correction… write to us here", "highlight the text
    and press Ctrl + Enter", "Please leave your suggestions or corrections here". Short
    lines only; they address the reader ("us", "here"), which reporting does not."""
    return len(line) <= _SHORT and bool(_CORRECTION.search(line))


_CREDIT_KEYWORD = (
    r"(?:(?:file|staff)\s+)?(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?)"
    r"(?:\s+(?:credits?|courtesy))?"
)
_CAPTION_START = re.compile(rf"^[(\[]?{_CREDIT_KEYWORD}\s*(?::|©)\s*(?P<credit>.+?)[)\]]?$", re.I)
_CAPTION_TAIL = re.compile(
    rf"(?:^|[.!?]\s+|[(\[|]\s*){_CREDIT_KEYWORD}\s*(?::|©|via\b|by\b|courtesy(?:\s+of)?\b)\s*"
    r"(?P<credit>[A-Z@©][^.!?]*?)[)\]]?\.?$",
    re.I,
)


_WIRE_PHOTO = re.compile(
    r"(?:^|[.!?]\s+|[(\[]\s*)(?:REUTERS|Reuters|AFP|AP(?:\s+Photo)?|EPA(?:-EFE)?|XINHUA|Xinhua"
    r"|ANI|PTI|Getty\s+Images)\s*/\s*[A-Z][^.!?/]{1,60}(?:/[A-Z][^.!?/]{1,40})?[)\]]?\.?$"
)
"""A wire photo's credit ending its caption: "... Jamalpur, July 21. REUTERS/Mohammad
Ponir Hossain", "(AP Photo/Anupam Nath)", "AFP/Getty Images": the agency, a slash and the
photographer, which no sentence of reporting writes."""
_WIRE_CAPTION_MAX = 300
_CREDIT_LABEL = re.compile(
    r"(?:^|[.!?)\]]\s*)(?i:(?:photo\s+)?credits?)\s*:\s*[A-Z@©][^.!?]{0,80}?\.?$"
    r"|\((?:PTI|IANS|ANI|UNI|AP|AFP|Reuters|REUTERS|EPA|Xinhua|XINHUA)\s+(?:Photo|Pic|Image)s?\)\.?$"
)
"""A caption's credit label: "... at the ridge on Monday. Credit: PA", "... May 21,
2031.Credit: Lee Park/Harbour Wire", "... at Vell on Aug 10, 2031. (PTI Photo)"."""


def _caption_credit(line: str) -> bool:
    """Photo/image credit lines: "Photo: Reuters", "Image: screenshot from video" (the line
    starts with the credit), or a short caption ending in a credit sentence such as
    "Soldiers at a base. Photo via Wikimedia." (the credit starts the line or a sentence and
    names a capitalised source). Lines of at most 160 chars; a credit of at most 8 words.
    A caption ending in a wire photo's credit (`_WIRE_PHOTO`) or a credit label
    (`_CREDIT_LABEL`) may run to 300 chars.
    "Ukraine published footage via Telegram." is not a credit: no credit word starts it."""
    if len(line) <= _WIRE_CAPTION_MAX and (_WIRE_PHOTO.search(line) or _CREDIT_LABEL.search(line)):
        return True
    if len(line) > 160:
        return False
    m = _CAPTION_START.match(line)
    if m is None:
        m = _CAPTION_TAIL.search(line)
        if m is None or (not m["credit"][:1].isupper() and m["credit"][:1] not in "@©"):
            return False
    return len(m["credit"].split()) <= 8


def _doubled(line: str) -> bool:
    """One text written twice on one line: an image's alt text run into its caption
    ("Crews at the ridge. Crews at the ridge."), a button's two labels ("Send by
    mailSend by mail"). Each half has three words or more; reporting never does this
    (30 real pages: 3 such lines, all chrome; none in our corpora)."""
    half = len(line) // 2
    for cut in (half - 1, half, half + 1):
        first, second = line[:cut].strip(), line[cut:].strip()
        if first and first == second and len(first.split()) >= 3:
            return True
    return False


_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_STAMP_DATE = rf"(?:{_MONTH_NAME}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH_NAME},?\s+{_YEAR})"
_STAMP_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[a-z]{2,4})?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?"
_TIMESTAMP = re.compile(
    r"(?:(?:first\s+)?published(?:\s+on)?|updated(?:\s+on)?|last\s+(?:modified|updated)"
    r"|posted(?:\s+on)?)?\s*:?\s*"
    rf"(?:{_STAMP_CLOCK}\s*,?\s*)?(?:{_WEEKDAY},?\s*)?{_STAMP_DATE}"
    rf"(?:\s*[,|–—-]?\s*(?:at\s+)?{_STAMP_CLOCK})?\s*\.?",
    re.I,
)


def timestamp(line: str) -> bool:
    """A page's date line and nothing more: "Saturday, October 20, 2031", "Updated: May
    17th, 2031, 14:41 IST", "PUBLISHED ON FEB 02, 2031 12:02 AM IST", "updated 5:40 AM
    EDT, Fri November 4, 2031", "25 October, 2031, 11:40 am"; a sentence with a date in it
    has other words. Not a line rule: the line dates an undated page (`meta.derive_date`)
    and stays, since removing it moved the seeds' chunk boundaries and three answers lost
    their evidence sentence (seeds suite .95 -> .88)."""
    return len(line) <= 80 and _TIMESTAMP.fullmatch(line) is not None


_RELATED_WORDS = (
    r"related(?:\s+(?:posts?|articles?|stories|story|news|content|coverage|reading|links|"
    r"topics|videos))?|read (?:more|also|next)|also read|see also|further reading|"
    r"expanded coverage|more coverage|more on this(?: story| topic)?|more stories|"
    r"recommended(?: for you| stories| articles| reading)?|"
    r"you (?:may|might) also (?:like|be interested in)|trending(?: now| stories)?|"
    r"most (?:read|popular)"
)
RELATED_HEADER = re.compile(rf"(?:#+\s*|\*+\s*)?(?:{_RELATED_WORDS})\s*\**\s*[:：-]?\s*\**", re.I)
_RELATED_INLINE = re.compile(
    r"^(?:\*\*)?(?:read (?:more|also|next)|also read|see also|related(?:\s+\w+)?|"
    r"expanded coverage|recommended)\s*(?:\*\*)?\s*[:：]\s*\S",
    re.I,
)


def _related_header(line: str) -> bool:
    """Link-list headers: a line that is only "Related:", "Related Posts", "Read more",
    "ALSO READ", "Expanded Coverage:", "See also", "You may also like"… (with optional
    Markdown marks), or such a header followed by one link title on the same line
    ("ALSO READ: …", "Read more: …", short lines). "Related talks ended on Friday." is kept."""
    if RELATED_HEADER.fullmatch(line):
        return True
    return len(line) <= _SHORT and bool(_RELATED_INLINE.match(line))


_SOCIAL_ATTRIBUTION = re.compile(
    r"^[—–-]{1,2}\s*\S.{0,150}?\(@\w{1,30}\)\s*"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s*\d{4}"
    r"|\d{1,2}\s+[a-z]+\.?\s+\d{4})$",
    re.I,
)


def social_attribution(line: str) -> bool:
    """Attribution line of an embedded social post: "— Name (@handle) October 29, 2024".

    Not a line rule: an embedded post is what someone said, the article's evidence, so it
    and its attribution are kept and marked (see :func:`assistant.ingest.clean.clean_text`).
    """
    return bool(_SOCIAL_ATTRIBUTION.match(line))


LINE_RULES: Mapping[str, Callable[[str], bool]] = {
    "copyright": _copyright,
    "privacy": _privacy,
    "reprint": _reprint,
    "appeal": _appeal,
    "correction": _correction,
    "related": _related_header,
    "caption": _caption_credit,
    "doubled": _doubled,
}
"""Line rules in the order they are tried; the first that matches names the removal."""

# Rules whose lines are page chrome; a fragment between two of them is chrome too.
CHROME = frozenset({"copyright", "privacy", "reprint", "appeal", "correction", "related"})

# ---------------------------------------------------------------------------------------
# Context helpers: single-line tests that clean_text applies only next to certain lines.

LIST_BULLET = re.compile(r"^(?:[-*•·–]|\d{1,2}[.)])\s+")
_SENTENCE_END = (".", ",", ";", ":")
RELATED_ITEM_MAX = 8


def is_related_item(line: str) -> bool:
    """A link title in a related-links list: short, not a sentence."""
    body = LIST_BULLET.sub("", line)
    return len(body) <= 150 and len(body.split()) <= 25 and not body.endswith(_SENTENCE_END)


_SEPARATOR = re.compile(r"[-–—|•·*_=~\s]{1,12}")
_CARD_LABEL = re.compile(r"\S\s+[A-Z][\w&'’]*(?:\s+[A-Z][\w&'’]*){0,2}\s+[-–—|]$")


def is_separator(line: str) -> bool:
    """A line of rule characters only: "-", "* * *", "———"."""
    return bool(_SEPARATOR.fullmatch(line))


def is_card_teaser(line: str) -> bool:
    """The teaser of a story card, ending in its section label and a rule: "The accident
    occurred south of the capital World News -". Reporting never ends a line in a dash."""
    return len(line) <= 400 and bool(_CARD_LABEL.search(line))


def is_fragment(line: str) -> bool:
    """A short non-sentence without figures (an outlet name, a sponsor credit)."""
    return (
        len(line.split()) <= 15
        and not re.search(r"\d", line)
        and not line.endswith((".", "!", "?", "…", '"', "”", "'", "’", ")"))
    )
