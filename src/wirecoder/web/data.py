"""What the web layer reads from the store, as typed records.

Every function opens a short-lived read-only connection (:func:`reading`) so
that ``wirecoder ingest`` can keep writing the same DuckDB file; the store's
own read-with-retry is used when the store offers it. Queries the store does
not offer are written here, over the documented schema (``docs/store.md``),
with parameters only (no value is ever pasted into SQL).
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ..records import CodedArticle, Event, Location, Quote
from ..knowledge import KnowledgeBase
from ..settings import Settings
from ..store import queries as store_queries
from . import store_access
from .charts import DyadCount, PeriodCounts, period_label

log = logging.getLogger(__name__)

reading = store_access.reading


# --- records --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    headline: str | None
    source: str
    published: dt.date | None
    events: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "headline": self.headline, "source": self.source,
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

    def to_dict(self) -> dict[str, Any]:
        c = self.counts
        return {"period": c.start.isoformat(), "label": self.label, "events": c.total,
                "quad_classes": {str(q): n for q, n in zip((1, 2, 3, 4), c.counts)},
                "mean_goldstein": c.mean_goldstein, "top": [e.to_dict() for e in self.top]}


@dataclass(frozen=True, slots=True)
class DyadTimeline:
    a: str
    b: str
    by: str
    periods: tuple[DyadPeriod, ...]

    @property
    def total(self) -> int:
        return sum(p.counts.total for p in self.periods)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "by": self.by, "events": self.total,
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


# --- queries --------------------------------------------------------------------------------

_EVENT_COLUMNS = """
  e.article_id, e.event_id, e.cameo, e.root, e.plover, e.plover_mode, e.goldstein, e.quad_class,
  e.source_actor, e.target_actor, e.source_code, e.target_code, e.date, e.background, e.negated,
  e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end, e.quote_id,
  e.location_name, e.location_country, e.lat, e.lon, e.location_from, e.pattern, e.contexts,
  e.source_name, e.target_name, e.trigger_text, e.cluster_id,
  a.headline, a.published, coalesce(c.name, '') AS cameo_name,
  (SELECT count(*) FROM events r WHERE r.cluster_id = e.cluster_id) AS reports
"""
_EVENT_FROM = """
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN cameo_codes c ON c.code = e.cameo
"""


def _event_hit(row: Sequence[Any]) -> EventHit:
    (article_id, event_id, cameo, root, plover, mode, goldstein, quad, src, tgt, src_code, tgt_code,
     date, background, negated, ts, te, ss, se, quote_id, loc_name, loc_country, lat, lon, loc_from,
     pattern, contexts, src_name, tgt_name, trigger_text, cluster_id, headline, published, name,
     reports) = row
    location = (Location(loc_name, loc_country, lat, lon, loc_from or "text") if loc_name else None)
    event = Event(id=event_id, cameo=cameo, root=root or cameo[:2], plover=plover, plover_mode=mode,
                  goldstein=float(goldstein or 0.0), quad_class=int(quad or 0), source=src, target=tgt,
                  source_code=src_code, target_code=tgt_code, date=date, background=bool(background),
                  negated=bool(negated), trigger=(ts or 0, te or 0), sentence=(ss or 0, se or 0),
                  quote=quote_id, location=location, pattern=pattern or "",
                  contexts=tuple(contexts or ()))
    return EventHit(event, article_id, headline, published, name or "", src_name, tgt_name,
                    trigger_text or "", cluster_id, int(reports or 1))


def _side(side: str, code: str) -> tuple[str, list[Any]]:
    """SQL matching one side of an event to a country code (3 letters) or a full actor code."""
    code = code.strip().upper()
    if len(code) == 3:
        return f"(e.{side}_country = ? OR e.{side}_code = ?)", [code, code]
    return f"e.{side}_code = ?", [code]


def events(db: Path, flt: EventFilter) -> tuple[EventHit, ...]:
    where, params = ["TRUE"], []
    if flt.actor:
        s_sql, s_p = _side("source", flt.actor)
        t_sql, t_p = _side("target", flt.actor)
        where.append(f"({s_sql} OR {t_sql})")
        params += s_p + t_p
    for side, value in (("source", flt.source), ("target", flt.target)):
        if value:
            sql, p = _side(side, value)
            where.append(sql)
            params += p
    if flt.code:
        where.append("starts_with(e.cameo, ?)")
        params.append(flt.code.strip())
    if flt.root:
        where.append("e.root = ?")
        params.append(flt.root.strip().zfill(2))
    if flt.quad_class:
        where.append("e.quad_class = ?")
        params.append(flt.quad_class)
    if flt.date_from:
        where.append("e.day >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        where.append("e.day <= ?")
        params.append(flt.date_to)
    if flt.text:
        where.append("strpos(lower(substr(a.text, e.sentence_start + 1, "
                     "e.sentence_end - e.sentence_start)), lower(?)) > 0")
        params.append(flt.text)
    sql = (f"SELECT {_EVENT_COLUMNS} {_EVENT_FROM} WHERE {' AND '.join(where)} "
           "ORDER BY e.day DESC NULLS LAST, e.article_id, e.event_id LIMIT ? OFFSET ?")
    with reading(db) as con:
        rows = con.execute(sql, params + [flt.limit, flt.offset]).fetchall()
    return tuple(_event_hit(r) for r in rows)


def dyad(db: Path, a: str, b: str, *, by: str = "week", date_from: dt.date | None = None,
         date_to: dt.date | None = None, top: int = 3) -> DyadTimeline:
    """Events between ``a`` and ``b`` (both directions) per period: event clusters counted per
    quad class and mean Goldstein (the store's ``queries.dyad``), with the ``top`` events of
    each period (most reported first, one report per event cluster)."""
    sa, pa_ = _side("source", a)
    tb, pb = _side("target", b)
    sb, pb2 = _side("source", b)
    ta, pa2 = _side("target", a)
    where = [f"(({sa} AND {tb}) OR ({sb} AND {ta}))", "e.day IS NOT NULL", "NOT e.negated"]
    params: list[Any] = pa_ + pb + pb2 + pa2
    if date_from:
        where.append("e.day >= ?")
        params.append(date_from)
    if date_to:
        where.append("e.day <= ?")
        params.append(date_to)
    cond = " AND ".join(where)
    top_sql = f"""
        SELECT * EXCLUDE (rank) FROM (
          SELECT *, row_number() OVER (PARTITION BY period ORDER BY reports DESC, abs(goldstein) DESC,
                                       article_id, event_id) AS rank
          FROM (SELECT CAST(date_trunc('{by}', e.day) AS DATE) AS period, {_EVENT_COLUMNS}
                {_EVENT_FROM} WHERE {cond}
                QUALIFY row_number() OVER (PARTITION BY period, e.cluster_id
                                           ORDER BY e.article_id, e.event_id) = 1))
        WHERE rank <= ? ORDER BY period, rank"""
    count_rows = store_queries.dyad(store_access.store(db), a, b, start=date_from, end=date_to, by=by)
    with reading(db) as con:
        top_rows = con.execute(top_sql, params + [top]).fetchall() if top > 0 else []
    tops: dict[dt.date, list[EventHit]] = {}
    for row in top_rows:
        tops.setdefault(row[0], []).append(_event_hit(row[1:]))
    periods = tuple(
        DyadPeriod(PeriodCounts(p.period, (p.verbal_cooperation, p.material_cooperation,
                                           p.verbal_conflict, p.material_conflict), p.goldstein),
                   period_label(p.period, by), tuple(tops.get(p.period, ())))
        for p in count_rows)
    return DyadTimeline(a.upper(), b.upper(), by, periods)


def actors(db: Path, *, country: str | None = None, limit: int = 50,
           contains: str | None = None) -> tuple[ActorSummary, ...]:
    """Actor codes, most active first (events by plus events against)."""
    where, params = ["ac.code IS NOT NULL"], []
    if country:
        where.append("ac.country = ?")
        params.append(country.strip().upper())
    if contains:
        where.append("(strpos(lower(ac.name), lower(?)) > 0 OR ac.code = upper(?))")
        params += [contains, contains]
    sql = f"""
        WITH names AS (
          SELECT ac.code, any_value(ac.country) AS country, any_value(ac.sector) AS sector,
                 mode(ac.name) AS name, mode(ac.role) AS role, count(DISTINCT ac.article_id) AS articles
          FROM actors ac WHERE {' AND '.join(where)} GROUP BY ac.code),
        made AS (SELECT source_code AS code, count(*) AS n FROM events GROUP BY 1),
        got AS (SELECT target_code AS code, count(*) AS n FROM events GROUP BY 1)
        SELECT n.code, n.name, n.role, n.country, n.sector, coalesce(m.n, 0), coalesce(g.n, 0), n.articles
        FROM names n LEFT JOIN made m ON m.code = n.code LEFT JOIN got g ON g.code = n.code
        ORDER BY coalesce(m.n, 0) + coalesce(g.n, 0) DESC, n.articles DESC, n.code LIMIT ?"""
    with reading(db) as con:
        rows = con.execute(sql, params + [limit]).fetchall()
    return tuple(ActorSummary(code, name, role, ctry, sector, int(by), int(against), int(arts))
                 for code, name, role, ctry, sector, by, against, arts in rows)


def actor(db: Path, code: str, knowledge: KnowledgeBase | None = None, *,
          limit: int = 100) -> ActorDetail | None:
    """One actor code with its names, roles, offices, events by and against it and its quotes."""
    code = code.strip().upper()
    with reading(db) as con:
        rows = con.execute(
            "SELECT name, role, country, sector, count(*) AS n FROM actors WHERE code = ? "
            "GROUP BY ALL ORDER BY n DESC, name", [code]).fetchall()
        if not rows:
            return None
        by = con.execute(f"SELECT {_EVENT_COLUMNS} {_EVENT_FROM} WHERE e.source_code = ? "
                         "ORDER BY e.day DESC NULLS LAST, e.article_id, e.event_id LIMIT ?",
                         [code, limit]).fetchall()
        against = con.execute(f"SELECT {_EVENT_COLUMNS} {_EVENT_FROM} WHERE e.target_code = ? "
                              "ORDER BY e.day DESC NULLS LAST, e.article_id, e.event_id LIMIT ?",
                              [code, limit]).fetchall()
        partners = con.execute(
            "SELECT other, count(*) AS n FROM ("
            "  SELECT target_code AS other FROM events WHERE source_code = ? AND target_code IS NOT NULL"
            "  UNION ALL SELECT source_code FROM events WHERE target_code = ? AND source_code IS NOT NULL)"
            " WHERE other <> ? GROUP BY other ORDER BY n DESC, other LIMIT 12", [code, code, code]).fetchall()
    names = tuple(dict.fromkeys(r[0] for r in rows if r[0]))
    roles = tuple(dict.fromkeys(r[1] for r in rows if r[1]))
    return ActorDetail(
        code=code, country=rows[0][2], sector=rows[0][3], names=names, roles=roles,
        offices=tuple(Office(p.name, p.role, p.country, p.start, p.end)
                      for p in store_access.offices(knowledge, names, code)),
        events_by=tuple(_event_hit(r) for r in by), events_against=tuple(_event_hit(r) for r in against),
        quotes=quotes(db, speaker_code=code, limit=limit), partners=tuple(p for p, _ in partners))


def quotes(db: Path, *, speaker: str | None = None, text: str | None = None,
           speaker_code: str | None = None, limit: int = 100) -> tuple[QuoteHit, ...]:
    where, params = ["q.kind <> 'term'"], []
    if speaker:
        where.append("strpos(lower(q.speaker_name), lower(?)) > 0")
        params.append(speaker)
    if speaker_code:
        where.append("q.speaker_code = ?")
        params.append(speaker_code)
    if text:
        where.append("strpos(lower(q.text), lower(?)) > 0")
        params.append(text)
    sql = (f"SELECT q.quote_id, q.kind, q.start, q.\"end\", q.text, q.speaker, q.speaker_name, "
           f"q.cue_start, q.cue_end, q.article_id, a.headline, a.published, q.speaker_code "
           f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {' AND '.join(where)} "
           f"ORDER BY a.published DESC NULLS LAST, q.article_id, q.start LIMIT ?")
    with reading(db) as con:
        rows = con.execute(sql, params + [limit]).fetchall()
    out = []
    for qid, kind, start, end, qtext, spk, spk_name, cs, ce, art, headline, published, spk_code in rows:
        cue = (cs, ce) if cs is not None and ce is not None else None
        out.append(QuoteHit(Quote(qid, kind, (start, end), qtext or "", spk, spk_name, cue),
                            art, headline, published, spk_code))
    return tuple(out)


def recent_articles(db: Path, *, limit: int = 50) -> tuple[ArticleSummary, ...]:
    with reading(db) as con:
        rows = con.execute("SELECT id, headline, source, published, n_events FROM articles "
                           "ORDER BY stored_at DESC, published DESC NULLS LAST, id LIMIT ?",
                           [limit]).fetchall()
    return tuple(ArticleSummary(i, h, s, p, int(n or 0)) for i, h, s, p, n in rows)


def network(db: Path, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
            level: str = "country") -> tuple[DyadCount, ...]:
    """Event clusters between actor codes (``level="actor"``) or country parts, both directions."""
    column = "code" if level == "actor" else "country"
    where, params = [f"e.source_{column} IS NOT NULL", f"e.target_{column} IS NOT NULL",
                     f"e.source_{column} <> e.target_{column}", "NOT e.negated"], []
    if date_from:
        where.append("e.day >= ?")
        params.append(date_from)
    if date_to:
        where.append("e.day <= ?")
        params.append(date_to)
    sql = f"""
        WITH picked AS (
          SELECT least(e.source_{column}, e.target_{column}) AS a,
                 greatest(e.source_{column}, e.target_{column}) AS b,
                 e.cluster_id, any_value(e.quad_class) AS quad
          FROM events e WHERE {' AND '.join(where)} GROUP BY 1, 2, 3)
        SELECT a, b, count(*) FILTER (WHERE quad <= 2), count(*) FILTER (WHERE quad >= 3)
        FROM picked GROUP BY a, b ORDER BY a, b"""
    with reading(db) as con:
        rows = con.execute(sql, params).fetchall()
    return tuple(DyadCount(a, b, int(co), int(cf)) for a, b, co, cf in rows)


def search(db: Path, q: str, *, limit: int = 20) -> SearchResult:
    """Articles (headline or text), actors (name or code), events (code, trigger, actor code)
    and quotes (text or speaker) containing ``q``."""
    q = q.strip()
    with reading(db) as con:
        arts = con.execute(
            "SELECT id, headline, source, published, n_events FROM articles "
            "WHERE strpos(lower(coalesce(headline, '')), lower(?)) > 0 OR strpos(lower(text), lower(?)) > 0 "
            "ORDER BY published DESC NULLS LAST, id LIMIT ?", [q, q, limit]).fetchall()
        evs = con.execute(
            f"SELECT {_EVENT_COLUMNS} {_EVENT_FROM} WHERE e.cameo = ? OR e.source_code = upper(?) "
            "OR e.target_code = upper(?) OR strpos(lower(e.trigger_text), lower(?)) > 0 "
            "OR strpos(lower(c.name), lower(?)) > 0 "
            "ORDER BY e.day DESC NULLS LAST, e.article_id, e.event_id LIMIT ?",
            [q, q, q, q, q, limit]).fetchall()
    return SearchResult(
        query=q,
        articles=tuple(ArticleSummary(i, h, s, p, int(n or 0)) for i, h, s, p, n in arts),
        actors=actors(db, contains=q, limit=limit),
        events=tuple(_event_hit(r) for r in evs),
        quotes=_merge_quotes(quotes(db, text=q, limit=limit), quotes(db, speaker=q, limit=limit), limit),
    )


def article(db: Path, article_id: str) -> CodedArticle | None:
    return store_access.article(db, article_id)


def store_coded(db: Path, coded: CodedArticle, settings: Settings) -> bool:
    """Write one coded article into the store; False when it was already there."""
    return store_access.write(db, coded, settings)


def _merge_quotes(a: tuple[QuoteHit, ...], b: tuple[QuoteHit, ...], limit: int) -> tuple[QuoteHit, ...]:
    seen: dict[tuple[str, str], QuoteHit] = {}
    for hit in (*a, *b):
        seen.setdefault((hit.article_id, hit.quote.id), hit)
    return tuple(seen.values())[:limit]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
