"""RSS and Atom feed files through feedparser: each entry an Article.

An entry's text is its full HTML content when the feed carries it (through the
HTML reader's text extraction), else its summary. A feed feedparser cannot make
sense of is one Skip with feedparser's reason, never a crash.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Iterator

import feedparser

from ..errors import InputError
from ..records import Article, Skip
from ..settings import Settings
from .dates import parse_published
from .html import MARKUP_PER_CHAR, fragment_text, page_text
from .metadata import split_names
from .text import normalise_newlines, text_reason, too_large, unreadable

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,9});")


def _no_surrogate_refs(data: bytes) -> bytes:
    """``&#xD800;``-style references to lone surrogates (not characters; feedparser's lenient
    parser crashes on them) made U+FFFD, as HTML parsers do."""
    def fix(m: re.Match[bytes]) -> bytes:
        ref = m.group(1)
        value = int(ref[1:], 16) if ref[:1] in b"xX" else int(ref)
        return b"&#xFFFD;" if 0xD800 <= value <= 0xDFFF else m.group(0)
    return _CHAR_REF.sub(fix, data)


def _entry_text(entry: Any) -> str:
    """The entry's full content (HTML made text) or else its summary."""
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        value = best["value"]
        if (best.get("type") or "text/html") in _HTML_TYPES or "<" in value:
            page = page_text(value)
            text = page.text if page else fragment_text(value)
            fallback = fragment_text(value)
            return text if len(text) >= 0.5 * len(fallback) else fallback
        return normalise_newlines(value).strip()
    summary = entry.get("summary") or entry.get("description") or ""
    return fragment_text(summary)


def entry_article(entry: Any, source: str, settings: Settings) -> Article | Skip:
    """An Article from one feedparser entry."""
    url = entry.get("link") or None
    text = _entry_text(entry)
    reason = text_reason(text, settings)
    if reason:
        return Skip(source, f"the entry has no usable text: {reason}")
    published = parse_published(entry.get("published_parsed") or entry.get("updated_parsed")
                                or entry.get("published") or entry.get("updated"))
    title = " ".join(fragment_text(entry.get("title") or "").split()) or None
    author = (entry.get("author_detail") or {}).get("name") or entry.get("author") or ""
    try:
        return Article(text=text, source=source, headline=title, published=published, url=url,
                       byline=split_names(author) if author else ())
    except InputError as exc:  # a field holding a lone surrogate: this entry only
        return Skip(source, exc.problem)


def read_feed_bytes(data: bytes, name: str, settings: Settings) -> Iterator[Article | Skip]:
    """The entries of one RSS/Atom document (its bytes)."""
    parsed = feedparser.parse(_no_surrogate_refs(data), sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    notes: tuple[str, ...] = ()
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        if not entries:
            yield Skip(name, f"not a readable RSS/Atom feed ({problem})")
            return
        note = f"the feed is not well-formed ({problem}); its entries were read leniently"
        log.warning("%s: %s", name, note)
        notes = (note,)
    if not entries:
        yield Skip(name, "the feed has no entries")
        return
    for i, entry in enumerate(entries):
        source = entry.get("link") or f"{name}#{i + 1}"
        art = entry_article(entry, source, settings)
        if isinstance(art, Article) and notes:
            art = art.with_(notes=art.notes + notes)
        yield art


def read_feed_file(path: Path, settings: Settings) -> Iterator[Article | Skip]:
    """The entries of one RSS/Atom feed file."""
    name = str(path)
    try:
        reason = too_large(path.stat().st_size, settings, MARKUP_PER_CHAR)
        if reason:
            yield Skip(name, reason)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield unreadable(name, exc)
        return
    yield from read_feed_bytes(data, name, settings)
