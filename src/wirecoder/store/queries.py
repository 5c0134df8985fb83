"""Questions the store answers, as typed records (only parameterised SQL).

Counts are of event *clusters* (one event, however many articles report it)
unless ``reports=True``. Negated events ("did not sign") are left out of
counts unless ``negated=True``. An actor argument is a country code (three
letters: ``RUS``) or a full actor code (``RUSGOV``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, Sequence

import duckdb

from ..errors import StoreError
from .store import Store

PERIODS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class CodeCount:
    cameo: str
    name: str | None
    count: int


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """One period of a dyad timeline."""

    period: dt.date
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein: float | None  # mean Goldstein value
    top_codes: tuple[CodeCount, ...] = ()


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event (one row per cluster, or per report with ``reports=True``)."""

    cluster_id: str
    article_id: str
    event_id: str
    day: dt.date | None
    source_code: str | None
    source_name: str | None
    target_code: str | None
    target_name: str | None
    cameo: str
    name: str | None
    quad_class: int
    goldstein: float
    plover: str | None
    negated: bool
    trigger_text: str
    sentence: str
    headline: str | None
    source: str
    num_reports: int
    num_articles: int
    num_sources: int


@dataclass(frozen=True, slots=True)
class ActorRow:
    """An actor (or a country with ``by="country"``) and how active it is."""

    code: str
    name: str | None
    country: str | None
    sector: str | None
    as_source: int
    as_target: int
    events: int
    articles: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    quote_id: str
    speaker_name: str | None
    speaker_code: str | None
    kind: str
    text: str
    published: dt.date | None
    headline: str | None
    source: str


@dataclass(frozen=True, slots=True)
class SqlResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(slots=True)
class _Where:
    """WHERE clauses and their parameters, built together (never string values in SQL)."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "TRUE"


def _side(where: _Where, side: str, actor: str) -> str:
    """SQL matching ``actor`` (country or full code) on one side; params appended to where."""
    actor = actor.strip().upper()
    if len(actor) == 3:
        where.params.extend([actor, actor])
        return f"({side}_country = ? OR starts_with({side}_code, ?))"
    where.params.append(actor)
    return f"{side}_code = ?"


def _event_filters(where: _Where, *, actor: str | None = None, country: str | None = None,
                   code: str | None = None, root: str | None = None, start: dt.date | None = None,
                   end: dt.date | None = None, negated: bool = False, prefix: str = "") -> None:
    p = prefix
    if not negated:
        where.add(f"NOT {p}negated")
    if actor:
        a, b = _side(where, f"{p}source", actor), _side(where, f"{p}target", actor)
        where.clauses.append(f"({a} OR {b})")
    if country:
        where.add(f"({p}source_country = ? OR {p}target_country = ?)", country.upper(), country.upper())
    if code:
        where.add(f"starts_with({p}cameo, ?)", code)
    if root:
        where.add(f"{p}root = ?", root.zfill(2))
    if start:
        where.add(f"{p}day >= ?", start)
    if end:
        where.add(f"{p}day <= ?", end)


def _query(store: Store, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with store.reading() as conn:
        try:
            return conn.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"the query failed on {store.path}: {exc}") from exc


def _one_per_cluster(source_sql: str, reports: bool) -> str:
    if reports:
        return source_sql
    return (f"SELECT * FROM ({source_sql}) "
            "QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY day, article_id, event_id) = 1")


def dyad(store: Store, a: str, b: str, *, start: dt.date | None = None, end: dt.date | None = None,
         by: str = "month", reports: bool = False, directed: bool = False, negated: bool = False,
         top: int = 3) -> tuple[DyadPeriod, ...]:
    """Events between ``a`` and ``b`` per period: counts per quad class, mean Goldstein, top codes.

    Both directions unless ``directed`` (then only ``a`` -> ``b``).
    """
    if by not in PERIODS:
        raise StoreError(f"cannot group by {by!r}: use one of {', '.join(PERIODS)}")
    where = _Where()
    ab = f"({_side(where, 'source', a)} AND {_side(where, 'target', b)})"
    if directed:
        where.clauses.append(ab)
    else:
        ba = f"({_side(where, 'source', b)} AND {_side(where, 'target', a)})"
        where.clauses.append(f"({ab} OR {ba})")
    _event_filters(where, start=start, end=end, negated=negated)
    where.add("day IS NOT NULL")
    if reports:
        base = f"SELECT day, quad_class, goldstein, cameo FROM events WHERE {where.sql()}"
    else:  # one row per cluster (its reports share codes and CAMEO code), on its first day
        base = (f"SELECT min(day) AS day, any_value(quad_class) AS quad_class, any_value(goldstein) AS goldstein, "
                f"any_value(cameo) AS cameo FROM events WHERE {where.sql()} GROUP BY cluster_id")
    sql = f"""
        WITH u AS ({base}), p AS (SELECT date_trunc(?, day)::DATE AS period, * FROM u),
        totals AS (
            SELECT period, count(*) AS n,
                   count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),
                   count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4),
                   avg(goldstein)
            FROM p GROUP BY period),
        codes AS (
            SELECT period, cameo, count(*) AS n,
                   row_number() OVER (PARTITION BY period ORDER BY count(*) DESC, cameo) AS r
            FROM p GROUP BY period, cameo)
        SELECT t.*, list({{'cameo': c.cameo, 'name': k.name, 'n': c.n}} ORDER BY c.r)
        FROM totals t
        LEFT JOIN codes c ON c.period = t.period AND c.r <= ?
        LEFT JOIN cameo_codes k ON k.code = c.cameo
        GROUP BY ALL ORDER BY t.period"""
    rows = _query(store, sql, [*where.params, by, top])
    return tuple(
        DyadPeriod(period=r[0], events=r[1], verbal_cooperation=r[2], material_cooperation=r[3],
                   verbal_conflict=r[4], material_conflict=r[5],
                   goldstein=round(r[6], 3) if r[6] is not None else None,
                   top_codes=tuple(CodeCount(c["cameo"], c["name"], c["n"]) for c in r[7] if c["cameo"]))
        for r in rows)


def events(store: Store, *, actor: str | None = None, country: str | None = None, code: str | None = None,
           root: str | None = None, start: dt.date | None = None, end: dt.date | None = None,
           text: str | None = None, article_id: str | None = None, reports: bool = False,
           negated: bool = False, limit: int = 100, offset: int = 0) -> tuple[EventRow, ...]:
    """Events matching every given filter, newest first. ``text``: words in the event's
    sentence or an actor's name (case-insensitive)."""
    where = _Where()
    _event_filters(where, actor=actor, country=country, code=code, root=root, start=start, end=end,
                   negated=negated, prefix="e.")
    if article_id:
        where.add("e.article_id = ?", article_id)
    if text:
        like = f"%{text}%"
        where.add("(substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) ILIKE ? "
                  "OR e.source_name ILIKE ? OR e.target_name ILIKE ?)", like, like, like)
    base = _one_per_cluster(
        f"SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id WHERE {where.sql()}", reports)
    sql = f"""
        WITH r AS ({base} ORDER BY day DESC NULLS LAST, article_id, event_id LIMIT ? OFFSET ?),
        s AS (SELECT e.cluster_id, count(*) AS reports, count(DISTINCT e.article_id) AS articles,
                     count(DISTINCT coalesce(a.outlet, a.id)) AS sources
              FROM events e JOIN articles a ON a.id = e.article_id
              WHERE e.cluster_id IN (SELECT cluster_id FROM r) GROUP BY e.cluster_id)
        SELECT r.cluster_id, r.article_id, r.event_id, r.day, r.source_code, r.source_name,
               r.target_code, r.target_name, r.cameo, k.name, r.quad_class, r.goldstein, r.plover,
               r.negated, r.trigger_text,
               substr(a.text, r.sentence_start + 1, r.sentence_end - r.sentence_start),
               a.headline, coalesce(a.url, a.source), s.reports, s.articles, s.sources
        FROM r JOIN articles a ON a.id = r.article_id JOIN s USING (cluster_id)
        LEFT JOIN cameo_codes k ON k.code = r.cameo
        ORDER BY r.day DESC NULLS LAST, r.article_id, r.event_id"""
    return tuple(EventRow(*row) for row in _query(store, sql, [*where.params, limit, offset]))


def actors(store: Store, *, country: str | None = None, start: dt.date | None = None,
           end: dt.date | None = None, by: str = "actor", reports: bool = False, negated: bool = False,
           limit: int = 50) -> tuple[ActorRow, ...]:
    """The most active actors (as source or target), or countries with ``by="country"``."""
    if by not in ("actor", "country"):
        raise StoreError(f"cannot group actors by {by!r}: use actor or country")
    where = _Where()
    _event_filters(where, start=start, end=end, negated=negated)
    key = "code" if by == "actor" else "country"
    details = ("mode(name) AS name, mode(country) AS c, mode(sector) AS sector" if by == "actor"
               else "NULL AS name, country AS c, NULL AS sector")
    outer = _Where()
    if country:
        outer.add("country = ?", country.upper())
    # clusters: one row per cluster (all its reports share the actor codes), then plain counts
    side_columns = [f"{side}_{c}" for side in ("source", "target") for c in ("code", "name", "country", "sector")]
    counted = (f"SELECT {', '.join(side_columns)} FROM events WHERE {where.sql()}" if reports else
               f"SELECT {', '.join(f'any_value({c}) AS {c}' for c in side_columns)} FROM events "
               f"WHERE {where.sql()} GROUP BY cluster_id")
    sql = f"""
        WITH f AS ({counted}),
        sides AS (
            SELECT source_code AS code, source_name AS name, source_country AS country,
                   source_sector AS sector, TRUE AS is_source FROM f
            UNION ALL
            SELECT target_code, target_name, target_country, target_sector, FALSE FROM f),
        art AS (
            SELECT {key} AS k, count(DISTINCT article_id) AS articles FROM (
                SELECT source_code AS code, source_country AS country, article_id
                FROM events WHERE {where.sql()}
                UNION ALL
                SELECT target_code, target_country, article_id FROM events WHERE {where.sql()})
            WHERE {key} IS NOT NULL GROUP BY k),
        agg AS (
            SELECT {key} AS k, {details}, count(*) FILTER (is_source) AS as_source,
                   count(*) FILTER (NOT is_source) AS as_target, count(*) AS n
            FROM sides WHERE {key} IS NOT NULL AND {outer.sql()}
            GROUP BY {key})
        SELECT agg.*, art.articles FROM agg JOIN art USING (k) ORDER BY n DESC, k LIMIT ?"""
    rows = _query(store, sql, [*where.params, *where.params, *where.params, *outer.params, limit])
    return tuple(ActorRow(*r) for r in rows)


def quotes(store: Store, *, speaker: str | None = None, text: str | None = None,
           start: dt.date | None = None, end: dt.date | None = None, article_id: str | None = None,
           limit: int = 100) -> tuple[QuoteRow, ...]:
    """Quotes, newest first; ``speaker`` matches a name (part of it) or an actor code."""
    where = _Where()
    if speaker:
        where.add("(q.speaker_name ILIKE ? OR q.speaker_code = ?)", f"%{speaker}%", speaker.upper())
    if text:
        where.add("q.text ILIKE ?", f"%{text}%")
    if start:
        where.add("q.published >= ?", start)
    if end:
        where.add("q.published <= ?", end)
    if article_id:
        where.add("q.article_id = ?", article_id)
    sql = f"""SELECT q.article_id, q.quote_id, q.speaker_name, q.speaker_code, q.kind, q.text,
                     q.published, a.headline, coalesce(a.url, a.source)
              FROM quotes q JOIN articles a ON a.id = q.article_id
              WHERE {where.sql()}
              ORDER BY q.published DESC NULLS LAST, q.article_id, q.start LIMIT ?"""
    return tuple(QuoteRow(*r) for r in _query(store, sql, [*where.params, limit]))


_READ_ONLY_STATEMENTS = {"SELECT", "EXPLAIN"}


def sql(store: Store, query: str, params: Sequence[Any] = (), *, max_rows: int | None = None) -> SqlResult:
    """Run one read-only statement (SELECT, or EXPLAIN) on a read-only connection.

    Anything else (INSERT, COPY, ATTACH, SET, several statements...) is refused
    before it runs. A store opened with ``files=False`` also refuses to read files.
    """
    with store.reading() as conn:
        try:
            statements = conn.extract_statements(query)
        except duckdb.Error as exc:
            raise StoreError(f"the SQL does not parse: {exc}") from exc
        if len(statements) != 1:
            raise StoreError(f"give exactly one SQL statement, not {len(statements)}")
        kind = statements[0].type.name
        if kind not in _READ_ONLY_STATEMENTS:
            raise StoreError(f"only SELECT (or EXPLAIN) is allowed here, not {kind}: the store is read-only")
        try:
            cursor = conn.execute(query, list(params))
            columns = tuple(d[0] for d in cursor.description or ())
            rows = cursor.fetchmany(max_rows) if max_rows is not None else cursor.fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"the query failed: {exc}") from exc
    return SqlResult(columns, tuple(tuple(r) for r in rows))


def as_table(records: Sequence[Any]) -> SqlResult:
    """Query records as columns and rows (for printing or CSV); nested values flattened."""
    if not records:
        return SqlResult((), ())
    names = tuple(f.name for f in fields(records[0]))
    rows = []
    for r in records:
        values = []
        for n in names:
            v = getattr(r, n)
            if isinstance(v, tuple) and v and isinstance(v[0], CodeCount):
                v = " ".join(f"{c.cameo}×{c.count}" for c in v)
            values.append(v)
        rows.append(tuple(values))
    return SqlResult(names, tuple(rows))
