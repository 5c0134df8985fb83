"""Finding stored articles, actors, events and quotes by words (and the latest articles).

Matching is literal and ignores case (``%`` and ``_`` are plain characters).
Events and quotes are listed per report, negated events included: a search
shows everything the articles say.
"""
from __future__ import annotations

import datetime as dt
import re
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
    title: str = ""    # the headline, else the text's first sentence (never a path or a hash)


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    articles: tuple[ArticleRow, ...]
    actors: tuple[ActorEntry, ...]
    events: tuple[EventRow, ...]
    quotes: tuple[QuoteRow, ...]


_ARTICLE_COLUMNS = "SELECT id, headline, source, published, n_events, left(text, 400) FROM articles"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s")


def first_sentence(text: str, size: int = 160) -> str:
    """The first sentence of ``text`` (at most ``size`` characters, cut at a word, with …)."""
    text = " ".join(text.split())
    end = _SENTENCE_END.search(text)
    sentence = text[:end.start()].strip() if end else text
    if len(sentence) > size:
        sentence = sentence[:size].rsplit(" ", 1)[0] + "…"
    return sentence


def _article_rows(rows: list[tuple]) -> tuple[ArticleRow, ...]:
    return tuple(ArticleRow(i, h, s, p, int(n or 0), (h or "").strip() or first_sentence(t or "") or "Untitled article")
                 for i, h, s, p, n, t in rows)


def latest_articles(store: Store, *, limit: int = 50) -> tuple[ArticleRow, ...]:
    """The articles stored last, latest first."""
    return _article_rows(run(store, f"{_ARTICLE_COLUMNS} ORDER BY stored_at DESC, published DESC NULLS LAST, "
                                    "id LIMIT ?", [limit]))


def count_articles(store: Store) -> int:
    """How many articles the store holds."""
    return int(run(store, "SELECT count(*) FROM articles", [])[0][0])


def articles(store: Store, text: str, *, limit: int = 20) -> tuple[ArticleRow, ...]:
    """Articles whose headline or text contains ``text``, newest first."""
    return _article_rows(run(store, f"{_ARTICLE_COLUMNS} WHERE {contains('headline')} OR {contains('text')} "
                                    "ORDER BY published DESC NULLS LAST, id LIMIT ?", [text, text, limit]))


def events(store: Store, text: str, *, limit: int = 20) -> tuple[EventRow, ...]:
    """Event reports whose CAMEO code is ``text``, whose source or target code is ``text``, or whose
    trigger words, sentence, actor names or CAMEO name contain it; newest first."""
    sentence = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
    where = Where([f"(e.cameo = ? OR e.source_code = upper(?) OR e.target_code = upper(?) "
                   f"OR {contains('e.trigger_text')} OR {contains(sentence)} "
                   f"OR {contains('e.source_name')} OR {contains('e.target_name')} "
                   f"OR e.cameo IN (SELECT code FROM cameo_codes WHERE {contains('name')}))"],
                  [text, text, text, text, text, text, text, text])
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
