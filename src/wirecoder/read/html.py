"""HTML pages: main text, title, date and author through trafilatura.

The feed and WARC readers use :func:`html_to_article` for every page they hold.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import lxml.html
import trafilatura
from lxml import etree

from ..records import Article, Skip
from ..settings import Settings
from .metadata import split_names
from .text import normalise_newlines, text_reason, too_large
from .text import unreadable

log = logging.getLogger(__name__)

MARKUP_PER_CHAR = 16  # an HTML page may hold this many bytes of markup per character of text
# Dates from the page's metadata only: a guess from "Copyright 2024" is worse than none.
_DATE_PARAMS = MappingProxyType({"extensive_search": False, "original_date": True})
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
           "article", "pre")


@dataclass(frozen=True, slots=True)
class PageText:
    """What trafilatura found in one page."""

    text: str
    title: str | None
    published: dt.date | None
    author: str | None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def fragment_text(html: str) -> str:
    """Text of a small HTML fragment (a feed entry's summary): one block a line."""
    if "<" not in html:
        return normalise_newlines(html).strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalise_newlines(html).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def page_text(html: str | bytes, url: str | None = None) -> PageText | None:
    """Main text and metadata of an HTML page, or None when it holds no article text."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, date_extraction_params=dict(_DATE_PARAMS))
    except (ValueError, TypeError, etree.LxmlError) as exc:
        log.debug("trafilatura failed on %s: %s", url, exc)
        doc = None
    if doc is None or not (doc.text or "").strip():
        return None
    text = normalise_newlines(doc.text).strip()
    return PageText(text=text, title=(doc.title or None), published=_parse_date(doc.date),
                    author=(doc.author or None))


def html_to_article(html: str | bytes, source: str, settings: Settings, *, url: str | None = None,
                    published: dt.date | None = None) -> Article | Skip:
    """An Article from one HTML page (``published``: the date to use when the page has none)."""
    page = page_text(html, url)
    if page is None or len(page.text) < settings.min_chars:
        return Skip(source, "no article text found in the HTML")
    reason = text_reason(page.text, settings)
    if reason:
        return Skip(source, reason)
    return Article(text=page.text, source=source, headline=page.title,
                   published=page.published or published, url=url,
                   byline=split_names(page.author) if page.author else ())


def read_html_file(path: Path, settings: Settings) -> Article | Skip:
    """Read one HTML file."""
    source = str(path)
    try:
        reason = too_large(path.stat().st_size, settings, MARKUP_PER_CHAR)
        if reason:
            return Skip(source, reason)
        data = path.read_bytes()
    except OSError as exc:
        return unreadable(source, exc)
    return html_to_article(data, source, settings)  # trafilatura honours the page's charset
