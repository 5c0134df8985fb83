"""Finding stored articles, actors, events and quotes by words (and the latest articles).

Matching is literal and ignores case (``%`` and ``_`` are plain characters).
Events and quotes are listed per report, negated events included: a search
shows everything the articles say.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .filters import Where, contains, run
from .profiles import ActorEntry, directory
from .queries import EventRow, QuoteRow, quotes, select_events
from .store import Store


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """A stored article, briefly."""

    id: str
    headline: str | None
    source: str
    published: dt.date | None
    events: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    articles: tuple[ArticleRow, ...]
    actors: tuple[ActorEntry, ...]
    events: tuple[EventRow, ...]
    quotes: tuple[QuoteRow, ...]


_ARTICLE_COLUMNS = "SELECT id, headline, source, published, n_events FROM articles"


def _article_rows(rows: list[tuple]) -> tuple[ArticleRow, ...]:
    return tuple(ArticleRow(i, h, s, p, int(n or 0)) for i, h, s, p, n in rows)


def latest_articles(store: Store, *, limit: int = 50) -> tuple[ArticleRow, ...]:
    """The articles stored last, latest first."""
    return _article_rows(run(store, f"{_ARTICLE_COLUMNS} ORDER BY stored_at DESC, published DESC NULLS LAST, "
                                    "id LIMIT ?", [limit]))


def articles(store: Store, text: str, *, limit: int = 20) -> tuple[ArticleRow, ...]:
    """Articles whose headline or text contains ``text``, newest first."""
    return _article_rows(run(store, f"{_ARTICLE_COLUMNS} WHERE {contains('headline')} OR {contains('text')} "
                                    "ORDER BY published DESC NULLS LAST, id LIMIT ?", [text, text, limit]))


def events(store: Store, text: str, *, limit: int = 20) -> tuple[EventRow, ...]:
    """Event reports whose CAMEO code is ``text``, whose source or target code is ``text``, or whose
    trigger words or CAMEO name contain it; newest first."""
    where = Where([f"(e.cameo = ? OR e.source_code = upper(?) OR e.target_code = upper(?) "
                   f"OR {contains('e.trigger_text')} "
                   f"OR e.cameo IN (SELECT code FROM cameo_codes WHERE {contains('name')}))"],
                  [text, text, text, text, text])
    return tuple(r for _, r in select_events(store, where, reports=True, limit=limit))


def search(store: Store, text: str, *, limit: int = 20) -> SearchResult:
    """Articles (headline or text), actors (a name or the code), events (code, trigger words,
    actor code) and quotes (words or speaker) matching ``text``; up to ``limit`` of each."""
    text = text.strip()
    said = quotes(store, text=text, terms=False, limit=limit)
    by = quotes(store, speaker=text, terms=False, limit=limit)
    merged: dict[tuple[str, str], QuoteRow] = {}
    for quote in (*said, *by):
        merged.setdefault((quote.article_id, quote.quote_id), quote)
    return SearchResult(
        query=text, articles=articles(store, text, limit=limit),
        actors=directory(store, text=text, limit=limit), events=events(store, text, limit=limit),
        quotes=tuple(merged.values())[:limit])
