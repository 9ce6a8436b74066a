"""HTML: a page's article text and the metadata its tags declare.

trafilatura does the main-text extraction (no network: it is given the markup, never a
URL to fetch); lxml reads the meta tags. The text returned still needs line-level
cleaning (:func:`assistant.ingest.clean.clean_text`), which the loader applies to every
kind of file alike.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from .meta import normalise_date

log = logging.getLogger(__name__)

# Meta tags read, in order of preference, by the DocMeta field they fill. Names are
# compared lower-case and may come from property=, name= or itemprop=.
HTML_META_TAGS: Mapping[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title"),
    "outlet": ("og:site_name",),
    "date": (
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "dc.date.issued",
        "dc.date",
        "dcterms.issued",
        "dcterms.created",
        "parsely-pub-date",
    ),
    "url": ("og:url",),
    "author": ("author", "article:author", "dc.creator", "parsely-author", "byl"),
}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def html_meta(html: str) -> dict[str, str]:
    """Metadata an HTML page declares: title (og:title, twitter:title, the first <h1>, then
    <title> without a " | Site name" suffix), outlet (og:site_name), date (the first of
    HTML_META_TAGS["date"] that reads as a date), url (<link rel=canonical>, then og:url),
    author (name=author …, a leading "By " removed; URLs skipped). Only tags, never the
    text: nothing is guessed from the body or the domain."""
    return _page_meta(html)[0]


def _page_meta(html: str) -> tuple[dict[str, str], str]:
    """html_meta's fields, and the text of the page's first <h1> ("" if none)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return {}, ""
    tags: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip()
        content = " ".join((el.get("content") or "").split())
        if name and content:
            tags.setdefault(name.lower(), content)

    def text_of(tag: str) -> str:
        el = next(iter(tree.iter(tag)), None)
        return " ".join(el.text_content().split()) if el is not None else ""

    found: dict[str, str] = {}
    outlet = tags.get("og:site_name")
    if outlet:
        found["outlet"] = outlet
    h1 = text_of("h1")
    title = next((tags[t] for t in HTML_META_TAGS["title"] if tags.get(t)), "") or h1
    if not title:
        title = text_of("title")
        if outlet:
            title = re.sub(rf"\s+[|–—:-]\s+{re.escape(outlet)}$", "", title)
    if title:
        found["title"] = title
    for name in HTML_META_TAGS["date"]:
        date = normalise_date(tags.get(name, ""))
        if date:
            found["date"] = date
            break
    canonical = next(
        (
            (el.get("href") or "").strip()
            for el in tree.iter("link")
            if "canonical" in (el.get("rel") or "").lower().split()
        ),
        "",
    )
    url = canonical or tags.get("og:url", "")
    if url:
        found["url"] = url
    for name in HTML_META_TAGS["author"]:
        author = re.sub(r"^by\s+", "", tags.get(name, ""), flags=re.I)
        if author and not re.match(r"https?://", author):
            found["author"] = author
            break
    return found, h1


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """The article text of an HTML page, and its metadata (see :func:`html_meta`).

    trafilatura finds the main content (dropping scripts, styles, navigation, footers,
    comments and images); each block it keeps (paragraph, heading, list item, table row)
    becomes one line, blocks separated by a blank line. When neither the page's title nor
    its <h1> is among the first three blocks, the title is put first, so the stored text
    starts with its headline like a plain-text article. The page is only parsed: nothing is
    fetched. Line-level cleaning (:func:`~assistant.ingest.clean.clean_text`) is left to the
    caller.
    """
    import trafilatura

    meta, h1 = _page_meta(html)
    extracted = trafilatura.extract(
        html,
        url=None,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=False,
        deduplicate=False,
    )
    blocks = [line.strip() for line in (extracted or "").split("\n") if line.strip()]
    title = meta.get("title")
    if blocks and title and not {title, h1} & set(blocks[:3]):
        blocks.insert(0, title)
    if not blocks:
        log.debug("trafilatura found no article text")
    return "\n\n".join(blocks), meta
