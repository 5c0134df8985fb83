"""What the web layer shows, as typed records built from the store library's answers.

The web package holds no SQL: every question is one of the store's query
functions (``store.queries``, ``store.profiles``, ``store.search``,
``store.network``), the same ones ``wirecoder query ...`` calls. Each opens a
short-lived read-only connection, so ``wirecoder ingest`` can keep writing the
same DuckDB file. The records here only shape those answers for the pages and
the JSON API (``to_dict`` is the API's JSON).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..knowledge import KnowledgeBase
from ..records import CodedArticle, Event, Quote
from ..settings import Settings
from ..store import directory as store_directory
from ..store import network as store_network
from ..store import profiles as store_profiles
from ..store import queries as store_queries
from ..store import search as store_search
from . import store_access
from .charts import DyadCount, PeriodCounts, period_label


# --- records --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    headline: str | None
    source: str
    published: dt.date | None
    events: int
    title: str = ""     # the headline, else the first sentence

    @classmethod
    def from_row(cls, row: store_search.ArticleRow) -> "ArticleSummary":
        return cls(row.id, row.headline, row.source, row.published, row.events, row.title)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "headline": self.headline, "title": self.title, "source": self.source,
                "published": _iso(self.published), "events": self.events}


@dataclass(frozen=True, slots=True)
class EventHit:
    """One stored event report with what a reader needs to judge it."""

    event: Event
    article_id: str
    headline: str | None
    published: dt.date | None
    name: str                 # CAMEO name
    source_name: str | None
    target_name: str | None
    evidence: str             # the trigger words
    cluster_id: str | None
    reports: int              # reports of the same event cluster
    sentence: str = ""        # the sentence holding the trigger

    @classmethod
    def from_row(cls, row: store_queries.EventRow) -> "EventHit":
        return cls(row.to_event(), row.article_id, row.headline, row.published, row.name or "",
                   row.source_name, row.target_name, row.trigger_text or "", row.cluster_id,
                   int(row.num_reports or 1), row.sentence or "")

    def to_dict(self) -> dict[str, Any]:
        d = self.event.to_dict()
        d.update({"article_id": self.article_id, "headline": self.headline,
                  "published": _iso(self.published), "name": self.name,
                  "source_name": self.source_name, "target_name": self.target_name,
                  "evidence": self.evidence, "cluster_id": self.cluster_id, "reports": self.reports})
        return d


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None
    root: str | None = None
    quad_class: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None
    limit: int = 100
    offset: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {k: (_iso(v) if isinstance(v, dt.date) else v)
                for k, v in (("actor", self.actor), ("source", self.source), ("target", self.target),
                             ("code", self.code), ("root", self.root), ("quad_class", self.quad_class),
                             ("from", self.date_from), ("to", self.date_to), ("text", self.text),
                             ("limit", self.limit), ("offset", self.offset)) if v is not None}


@dataclass(frozen=True, slots=True)
class ActorSummary:
    code: str
    name: str | None        # the name it is most often given
    role: str | None
    country: str | None
    sector: str | None
    events_by: int
    events_against: int
    articles: int

    @classmethod
    def from_entry(cls, e: store_profiles.ActorEntry) -> "ActorSummary":
        return cls(e.code, e.name, e.role, e.country, e.sector, e.events_by, e.events_against, e.articles)

    @classmethod
    def from_directory(cls, r: store_directory.DirectoryRow) -> "ActorSummary":
        return cls(r.code, r.name, r.role, r.country, r.sector, r.events_by, r.events_against, r.articles)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "role": self.role, "country": self.country,
                "sector": self.sector, "events_by": self.events_by,
                "events_against": self.events_against, "articles": self.articles}


@dataclass(frozen=True, slots=True)
class Office:
    """A term in office, from the actor knowledge base."""

    name: str
    role: str | None
    country: str | None
    start: dt.date | None
    end: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "country": self.country,
                "start": _iso(self.start), "end": _iso(self.end)}


@dataclass(frozen=True, slots=True)
class QuoteHit:
    quote: Quote
    article_id: str
    headline: str | None
    published: dt.date | None
    speaker_code: str | None

    @classmethod
    def from_row(cls, row: store_queries.QuoteRow) -> "QuoteHit":
        return cls(row.to_quote(), row.article_id, row.headline, row.published, row.speaker_code)

    def to_dict(self) -> dict[str, Any]:
        d = self.quote.to_dict()
        d.update({"article_id": self.article_id, "headline": self.headline,
                  "published": _iso(self.published), "speaker_code": self.speaker_code})
        return d


@dataclass(frozen=True, slots=True)
class ActorDetail:
    code: str
    country: str | None
    sector: str | None
    names: tuple[str, ...]
    roles: tuple[str, ...]
    offices: tuple[Office, ...]
    events_by: tuple[EventHit, ...]
    events_against: tuple[EventHit, ...]
    quotes: tuple[QuoteHit, ...]
    partners: tuple[str, ...]   # codes it has events with, most frequent first

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "country": self.country, "sector": self.sector,
                "names": list(self.names), "roles": list(self.roles),
                "offices": [o.to_dict() for o in self.offices],
                "events_by": [e.to_dict() for e in self.events_by],
                "events_against": [e.to_dict() for e in self.events_against],
                "quotes": [q.to_dict() for q in self.quotes], "partners": list(self.partners)}


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    counts: PeriodCounts
    label: str
    top: tuple[EventHit, ...]
    by_publication: int = 0     # events placed on their article's publication date (no date of their own)
    a_to_b: int = 0             # events from a to b (the counts are both directions)
    b_to_a: int = 0

    def to_dict(self) -> dict[str, Any]:
        c = self.counts
        return {"period": c.start.isoformat(), "label": self.label, "events": c.total,
                "quad_classes": {str(q): n for q, n in zip((1, 2, 3, 4), c.counts)},
                "mean_goldstein": c.mean_goldstein, "by_publication_date": self.by_publication,
                "a_to_b": self.a_to_b, "b_to_a": self.b_to_a, "top": [e.to_dict() for e in self.top]}


@dataclass(frozen=True, slots=True)
class DyadTimeline:
    a: str
    b: str
    by: str
    periods: tuple[DyadPeriod, ...]   # every period from the first to the last, empty ones as zero
    left_out: int = 0                 # events with no date at all (neither their own nor a publication date)

    @property
    def total(self) -> int:
        return sum(p.counts.total for p in self.periods)

    @property
    def by_publication(self) -> int:
        return sum(p.by_publication for p in self.periods)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "by": self.by, "events": self.total,
                "counted": "event clusters (reports of one event by several articles count once), "
                           "negated events left out, background events included",
                "by_publication_date": self.by_publication, "left_out_undated": self.left_out,
                "periods": [p.to_dict() for p in self.periods]}


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    articles: tuple[ArticleSummary, ...]
    actors: tuple[ActorSummary, ...]
    events: tuple[EventHit, ...]
    quotes: tuple[QuoteHit, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "articles": [a.to_dict() for a in self.articles],
                "actors": [a.to_dict() for a in self.actors],
                "events": [e.to_dict() for e in self.events],
                "quotes": [q.to_dict() for q in self.quotes]}


# --- questions (each one call of the store library) -----------------------------------------

def events(db: Path, flt: EventFilter) -> tuple[EventHit, ...]:
    """Event reports (negated ones too) matching the filter, newest first."""
    rows = store_queries.events(
        store_access.store(db), actor=flt.actor, source=flt.source, target=flt.target, code=flt.code,
        root=flt.root, quad_class=flt.quad_class, start=flt.date_from, end=flt.date_to, text=flt.text,
        reports=True, negated=True, limit=flt.limit, offset=flt.offset)
    return tuple(EventHit.from_row(r) for r in rows)


def event_totals(db: Path, flt: EventFilter) -> store_queries.EventTotals:
    """How many event reports (negated ones too), of how many distinct events, match the filter
    in all (its ``limit`` and ``offset`` aside)."""
    return store_queries.count_events(
        store_access.store(db), actor=flt.actor, source=flt.source, target=flt.target, code=flt.code,
        root=flt.root, quad_class=flt.quad_class, start=flt.date_from, end=flt.date_to, text=flt.text,
        negated=True)


def dyad(db: Path, a: str, b: str, *, by: str = "week", date_from: dt.date | None = None,
         date_to: dt.date | None = None, top: int = 3) -> DyadTimeline:
    """Events between ``a`` and ``b`` (both directions) per period: event clusters counted per
    quad class and mean Goldstein, with the ``top`` most reported events of each period, how
    many go each way, and how many were placed on their article's publication date. Periods
    without events are there as zeros; events with no date at all are counted in ``left_out``."""
    store = store_access.store(db)
    rows = store_queries.dyad(store, a, b, start=date_from, end=date_to, by=by, top_events=top)
    found = {
        p.period: DyadPeriod(PeriodCounts(p.period, (p.verbal_cooperation, p.material_cooperation,
                                                     p.verbal_conflict, p.material_conflict), p.goldstein),
                             period_label(p.period, by), tuple(EventHit.from_row(e) for e in p.top_events),
                             p.by_publication, p.a_to_b, p.events - p.a_to_b)
        for p in rows}
    periods = tuple(found.get(start) or DyadPeriod(PeriodCounts(start, (0, 0, 0, 0), None),
                                                   period_label(start, by), ())
                    for start in period_starts(sorted(found), by))
    left_out = store_queries.dyad_left_out(store, a, b)
    return DyadTimeline(a.upper(), b.upper(), by, periods, left_out)


def period_starts(starts: list[dt.date], by: str, cap: int = 1000) -> list[dt.date]:
    """Every period start from the first to the last of ``starts`` (empty periods included),
    unless that would be more than ``cap`` periods (then only ``starts``)."""
    if len(starts) < 2:
        return starts
    out = [starts[0]]
    while out[-1] < starts[-1] and len(out) <= cap:
        day = out[-1]
        if by == "day":
            out.append(day + dt.timedelta(days=1))
        elif by == "week":
            out.append(day + dt.timedelta(days=7))
        elif by == "month":
            out.append((day.replace(day=28) + dt.timedelta(days=4)).replace(day=1))
        else:
            out.append(day.replace(year=day.year + 1))
    return out if len(out) <= cap else starts


def actors(db: Path, *, country: str | None = None, limit: int = 50,
           contains: str | None = None, knowledge: KnowledgeBase | None = None) -> tuple[ActorSummary, ...]:
    """Actor codes, most active first (event clusters by plus against it, negated left out),
    each under one display name (the knowledge base's, else the most frequent mention)."""
    page = store_directory.directory_page(
        store_access.store(db), store_directory.ActorQuery(country=country, text=contains, limit=limit),
        store_access.canonical_names(knowledge))
    return tuple(ActorSummary.from_directory(r) for r in page.rows)


def actor_directory(db: Path, query: store_directory.ActorQuery,
                    knowledge: KnowledgeBase | None = None) -> store_directory.DirectoryPage:
    """One page of the actor directory (see ``store.directory``)."""
    return store_directory.directory_page(store_access.store(db), query, store_access.canonical_names(knowledge))


def aliases(db: Path, code: str) -> tuple[store_directory.NameCount, ...]:
    return store_directory.aliases(store_access.store(db), code)


def actor(db: Path, code: str, knowledge: KnowledgeBase | None = None, *,
          limit: int = 100) -> ActorDetail | None:
    """One actor code with its names, roles, offices, events by and against it and its quotes."""
    found = store_profiles.profile(store_access.store(db), code, limit=limit)
    if found is None:
        return None
    return ActorDetail(
        code=found.code, country=found.country, sector=found.sector, names=found.names, roles=found.roles,
        offices=tuple(Office(p.name, p.role, p.country, p.start, p.end)
                      for p in store_access.offices(knowledge, found.names, found.code)),
        events_by=tuple(EventHit.from_row(r) for r in found.events_by),
        events_against=tuple(EventHit.from_row(r) for r in found.events_against),
        quotes=tuple(QuoteHit.from_row(q) for q in found.quotes), partners=found.partners)


def quotes(db: Path, *, speaker: str | None = None, text: str | None = None,
           speaker_code: str | None = None, limit: int = 100) -> tuple[QuoteHit, ...]:
    """Quotes (not scare-quoted terms), newest first."""
    rows = store_queries.quotes(store_access.store(db), speaker=speaker, text=text, speaker_code=speaker_code,
                                terms=False, limit=limit)
    return tuple(QuoteHit.from_row(q) for q in rows)


def recent_articles(db: Path, *, limit: int = 50) -> tuple[ArticleSummary, ...]:
    return tuple(ArticleSummary.from_row(r)
                 for r in store_search.latest_articles(store_access.store(db), limit=limit))


def article_count(db: Path) -> int:
    return store_search.count_articles(store_access.store(db))


def network(db: Path, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
            level: str = "country") -> tuple[DyadCount, ...]:
    """Event clusters between actor codes (``level="actor"``) or country parts, both directions."""
    return tuple(store_network.network(store_access.store(db), start=date_from, end=date_to, level=level))


def search(db: Path, q: str, *, limit: int = 20) -> SearchResult:
    """Articles (headline or text), actors (name or code), events (code, trigger, actor code)
    and quotes (text or speaker) containing ``q``."""
    found = store_search.search(store_access.store(db), q, limit=limit)
    return SearchResult(
        query=found.query, articles=tuple(ArticleSummary.from_row(a) for a in found.articles),
        actors=tuple(ActorSummary.from_entry(a) for a in found.actors),
        events=tuple(EventHit.from_row(e) for e in found.events),
        quotes=tuple(QuoteHit.from_row(q) for q in found.quotes))


def article(db: Path, article_id: str) -> CodedArticle | None:
    return store_access.article(db, article_id)


def store_coded(db: Path, coded: CodedArticle, settings: Settings) -> bool:
    """Write one coded article into the store; False when it was already there."""
    return store_access.write(db, coded, settings)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def split_match(text: str | None, query: str | None) -> tuple[tuple[str, bool], ...]:
    """``text`` cut into pieces, each marked True where it matches ``query`` (ignoring case):
    the template writes the pieces escaped and wraps the matches in ``<mark>``."""
    text = text or ""
    needle = (query or "").strip().casefold()
    if not needle or not text:
        return ((text, False),) if text else ()
    folded = text.casefold()
    if len(folded) != len(text):        # a character whose case fold changes length: no marks
        return ((text, False),)
    pieces: list[tuple[str, bool]] = []
    at = 0
    while True:
        hit = folded.find(needle, at)
        if hit < 0:
            break
        if hit > at:
            pieces.append((text[at:hit], False))
        pieces.append((text[hit:hit + len(needle)], True))
        at = hit + len(needle)
    if at < len(text):
        pieces.append((text[at:], False))
    return tuple(pieces)
