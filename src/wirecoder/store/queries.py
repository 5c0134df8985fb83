"""Questions the store answers, as typed records (only parameterised SQL).

Counts are of event *clusters* (one event, however many articles report it)
unless ``reports=True``. Negated events ("did not sign") are left out of
counts unless ``negated=True``. An actor argument is a country code (three
letters: ``RUS``) or a full actor code (``RUSGOV``) (see ``filters``).
Other questions: ``profiles`` (one actor code), ``search`` (words anywhere),
``network`` (who deals with whom).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, Sequence, Unpack

import duckdb

from ..errors import StoreError
from ..records import Event, Location, Quote
from .filters import EventFilters, Where, contains, event_filters, events_where, run, side
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
    by_publication: int = 0  # events placed on their article's publication date (no date of their own)
    a_to_b: int = 0          # events from a to b (the rest of ``events`` go from b to a)
    top_codes: tuple[CodeCount, ...] = ()
    top_events: tuple["EventRow", ...] = ()  # most reported first (``dyad(top_events=N)``)


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
    # the rest of the event record (what a reader needs to check it against the text)
    root: str = ""
    plover_mode: str | None = None
    contexts: tuple[str, ...] = ()
    source_actor: str | None = None      # actor ids in the article (``A1``)
    target_actor: str | None = None
    date: dt.date | None = None          # the event's own date, as resolved from the text
    background: bool = False
    trigger_span: tuple[int, int] = (0, 0)
    sentence_span: tuple[int, int] = (0, 0)
    quote_id: str | None = None
    location: Location | None = None
    pattern: str = ""
    published: dt.date | None = None     # the article's publication date

    def to_event(self) -> Event:
        """The :class:`Event` record as coded in its article."""
        return Event(id=self.event_id, cameo=self.cameo, root=self.root or self.cameo[:2], plover=self.plover,
                     plover_mode=self.plover_mode, goldstein=float(self.goldstein or 0.0),
                     quad_class=int(self.quad_class or 0), source=self.source_actor, target=self.target_actor,
                     source_code=self.source_code, target_code=self.target_code, date=self.date,
                     background=self.background, negated=self.negated, trigger=self.trigger_span,
                     sentence=self.sentence_span, quote=self.quote_id, location=self.location,
                     pattern=self.pattern, contexts=self.contexts)


def _names_through(record: type, last: str) -> tuple[str, ...]:
    names = tuple(f.name for f in fields(record))
    return names[:names.index(last) + 1]


EVENT_SUMMARY = _names_through(EventRow, "num_sources")
"""The columns ``wirecoder query events`` prints (the rest with ``--wide``)."""


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
    speaker: str | None = None           # the speaker's actor id in the article
    span: tuple[int, int] = (0, 0)
    cue: tuple[int, int] | None = None   # the speech verb

    def to_quote(self) -> Quote:
        """The :class:`Quote` record as coded in its article."""
        return Quote(self.quote_id, self.kind, self.span, self.text or "", self.speaker, self.speaker_name,
                     self.cue)


QUOTE_SUMMARY = _names_through(QuoteRow, "source")
"""The columns ``wirecoder query quotes`` prints (the rest with ``--wide``)."""


@dataclass(frozen=True, slots=True)
class SqlResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def _one_per_cluster(source_sql: str, reports: bool) -> str:
    if reports:
        return source_sql
    return (f"SELECT * FROM ({source_sql}) "
            "QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY day, article_id, event_id) = 1")


@dataclass(frozen=True, slots=True)
class EventTotals:
    reports: int        # event reports (one per article telling it) matching
    clusters: int       # distinct events (clusters) among them


def event_totals(store: Store, where: Where) -> EventTotals:
    """How many event reports (``events e JOIN articles a``) match ``where``, and of how many events."""
    sql = (f"SELECT count(*), count(DISTINCT e.cluster_id) FROM events e "
           f"JOIN articles a ON a.id = e.article_id WHERE {where.sql()}")
    reports, clusters = run(store, sql, where.params)[0]
    return EventTotals(int(reports), int(clusters or 0))


def _event_row(r: Sequence[Any]) -> EventRow:
    (loc_name, loc_country, lat, lon, loc_from) = r[37:42]
    return EventRow(
        *r[:21], root=r[21] or "", plover_mode=r[22], contexts=tuple(r[23] or ()), source_actor=r[24],
        target_actor=r[25], date=r[26], background=bool(r[27]), trigger_span=(r[28] or 0, r[29] or 0),
        sentence_span=(r[30] or 0, r[31] or 0), quote_id=r[32], pattern=r[33] or "", published=r[34],
        location=Location(loc_name, loc_country, lat, lon, loc_from or "text") if loc_name else None)


def select_events(store: Store, where: Where, *, reports: bool, limit: int, offset: int = 0,
                  top_by: str | None = None, order: str | None = None
                  ) -> tuple[tuple[dt.date | None, EventRow], ...]:
    """Events (aliased ``e``, joined to their article ``a``) matching ``where``: one row per
    cluster, or per report with ``reports``. Newest first, ``limit`` rows from ``offset``; or, with
    ``top_by`` (a period), the ``limit`` most reported events of each period (ties: the larger
    Goldstein magnitude). Each row comes with its period (None without ``top_by``).
    ``order``: another ORDER BY over the events' columns (the caller's, never user text).
    With ``top_by``, an event without a day is placed on its article's publication date."""
    base = _one_per_cluster(
        f"SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id WHERE {where.sql()}", reports)
    if top_by is None and order is not None:
        picked = (f"SELECT *, NULL::DATE AS period, row_number() OVER (ORDER BY {order}) AS rank "
                  f"FROM ({base}) ORDER BY rank LIMIT ? OFFSET ?")
        params = [*where.params, limit, offset]
    elif top_by is None:
        picked = (f"SELECT *, NULL::DATE AS period, 0 AS rank FROM ({base} "
                  "ORDER BY day DESC NULLS LAST, article_id, event_id LIMIT ? OFFSET ?)")
        params = [*where.params, limit, offset]
    else:
        if top_by not in PERIODS:
            raise StoreError(f"cannot group by {top_by!r}: use one of {', '.join(PERIODS)}")
        picked = f"""
            SELECT * FROM (
              SELECT b.*, date_trunc(?, coalesce(b.day, b.published))::DATE AS period,
                     row_number() OVER (PARTITION BY date_trunc(?, coalesce(b.day, b.published))
                                        ORDER BY n.reports DESC, abs(b.goldstein) DESC,
                                                 b.article_id, b.event_id) AS rank
              FROM ({base}) b
              JOIN (SELECT cluster_id, count(*) AS reports FROM events
                    WHERE cluster_id IN (SELECT cluster_id FROM ({base})) GROUP BY cluster_id) n
                USING (cluster_id)
              WHERE coalesce(b.day, b.published) IS NOT NULL)
            WHERE rank <= ?"""
        params = [top_by, top_by, *where.params, *where.params, limit]
    sql = f"""
        WITH r AS ({picked}),
        s AS (SELECT e.cluster_id, count(*) AS reports, count(DISTINCT e.article_id) AS articles,
                     count(DISTINCT coalesce(a.outlet, a.id)) AS sources
              FROM events e JOIN articles a ON a.id = e.article_id
              WHERE e.cluster_id IN (SELECT cluster_id FROM r) GROUP BY e.cluster_id)
        SELECT r.cluster_id, r.article_id, r.event_id, r.day, r.source_code, r.source_name,
               r.target_code, r.target_name, r.cameo, k.name, r.quad_class, r.goldstein, r.plover,
               r.negated, r.trigger_text,
               substr(a.text, r.sentence_start + 1, r.sentence_end - r.sentence_start),
               a.headline, coalesce(a.url, a.source), s.reports, s.articles, s.sources,
               r.root, r.plover_mode, r.contexts, r.source_actor, r.target_actor, r.date, r.background,
               r.trigger_start, r.trigger_end, r.sentence_start, r.sentence_end, r.quote_id, r.pattern,
               a.published, r.period, r.rank,
               r.location_name, r.location_country, r.lat, r.lon, r.location_from
        FROM r JOIN articles a ON a.id = r.article_id JOIN s USING (cluster_id)
        LEFT JOIN cameo_codes k ON k.code = r.cameo
        ORDER BY r.period NULLS FIRST, r.rank, r.day DESC NULLS LAST, r.article_id, r.event_id"""
    return tuple((row[35], _event_row(row)) for row in run(store, sql, params))


def _dyad_where(a: str, b: str, *, directed: bool, negated: bool, start: dt.date | None,
                end: dt.date | None, prefix: str = "", dated: bool = True) -> Where:
    """Events between ``a`` and ``b``; ``dated``: those with a day (their own, else their
    article's publication date) in ``start``..``end``; otherwise those with no day at all."""
    where = Where()
    ab = f"({side(where, prefix + 'source', a)} AND {side(where, prefix + 'target', b)})"
    if directed:
        where.clauses.append(ab)
    else:
        ba = f"({side(where, prefix + 'source', b)} AND {side(where, prefix + 'target', a)})"
        where.clauses.append(f"({ab} OR {ba})")
    event_filters(where, negated=negated, prefix=prefix)
    day = f"coalesce({prefix}day, {prefix}published)"
    if not dated:
        where.add(f"{day} IS NULL")
        return where
    where.add(f"{day} IS NOT NULL")
    if start:
        where.add(f"{day} >= ?", start)
    if end:
        where.add(f"{day} <= ?", end)
    return where


def dyad_left_out(store: Store, a: str, b: str, *, reports: bool = False, directed: bool = False,
                  negated: bool = False) -> int:
    """How many events between ``a`` and ``b`` a dyad timeline cannot place: no date of their
    own and no publication date (event clusters, or reports with ``reports``)."""
    where = _dyad_where(a, b, directed=directed, negated=negated, start=None, end=None, dated=False)
    counted = "count(*)" if reports else "count(DISTINCT cluster_id)"
    return int(run(store, f"SELECT {counted} FROM events WHERE {where.sql()}", where.params)[0][0])


def dyad(store: Store, a: str, b: str, *, start: dt.date | None = None, end: dt.date | None = None,
         by: str = "month", reports: bool = False, directed: bool = False, negated: bool = False,
         top: int = 3, top_events: int = 0) -> tuple[DyadPeriod, ...]:
    """Events between ``a`` and ``b`` per period: counts per quad class, mean Goldstein, the
    ``top`` CAMEO codes and (``top_events``) the most reported events (one row per cluster).

    Both directions unless ``directed`` (then only ``a`` -> ``b``). An event with no date of
    its own (a background event, or one the text does not date) is counted on its article's
    publication date; ``by_publication`` says how many of a period's events were placed so.
    Events with neither date are not in any period: :func:`dyad_left_out` counts them.
    """
    if by not in PERIODS:
        raise StoreError(f"cannot group by {by!r}: use one of {', '.join(PERIODS)}")

    def dyad_where(prefix: str) -> Where:
        return _dyad_where(a, b, directed=directed, negated=negated, start=start, end=end, prefix=prefix)

    where = dyad_where("")
    forward = Where()
    ab = f"({side(forward, 'source', a)} AND {side(forward, 'target', b)})"
    if reports:
        base = (f"SELECT coalesce(day, published) AS day, quad_class, goldstein, cameo, "
                f"date IS NULL AS undated, {ab} AS forward FROM events WHERE {where.sql()}")
    else:  # one row per cluster (its reports share codes and CAMEO code), on its first day
        base = (f"SELECT min(coalesce(day, published)) AS day, any_value(quad_class) AS quad_class, "
                f"any_value(goldstein) AS goldstein, any_value(cameo) AS cameo, "
                f"bool_and(date IS NULL) AS undated, bool_or({ab}) AS forward "
                f"FROM events WHERE {where.sql()} GROUP BY cluster_id")
    sql = f"""
        WITH u AS ({base}), p AS (SELECT date_trunc(?, day)::DATE AS period, * FROM u),
        totals AS (
            SELECT period, count(*) AS n,
                   count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),
                   count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4),
                   avg(goldstein), count(*) FILTER (undated) AS undated,
                   count(*) FILTER (forward) AS forward
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
    rows = run(store, sql, [*forward.params, *where.params, by, top])
    tops: dict[dt.date, list[EventRow]] = {}
    if top_events > 0 and rows:
        for period, row in select_events(store, dyad_where("e."), reports=False, limit=top_events, top_by=by):
            tops.setdefault(period, []).append(row)
    return tuple(
        DyadPeriod(period=r[0], events=r[1], verbal_cooperation=r[2], material_cooperation=r[3],
                   verbal_conflict=r[4], material_conflict=r[5],
                   goldstein=round(r[6], 3) if r[6] is not None else None, by_publication=r[7],
                   a_to_b=r[8],
                   top_codes=tuple(CodeCount(c["cameo"], c["name"], c["n"]) for c in r[9] if c["cameo"]),
                   top_events=tuple(tops.get(r[0], ())))
        for r in rows)


def events(store: Store, *, reports: bool = False, limit: int = 100, offset: int = 0,
           **filters: Unpack[EventFilters]) -> tuple[EventRow, ...]:
    """Events matching every given filter, newest first: one row per cluster, or per article's
    report with ``reports``; ``limit`` rows from ``offset``. The filters (all optional):
    :class:`~wirecoder.store.filters.EventFilters` (actor, source, target, country, code, root,
    quad_class, start, end, text, article_id, negated)."""
    where = events_where(**filters)
    return tuple(row for _, row in select_events(store, where, reports=reports, limit=limit, offset=offset))


def count_events(store: Store, **filters: Unpack[EventFilters]) -> EventTotals:
    """How many event reports, and of how many distinct events (clusters), match the filters of
    :func:`events` (all of them, not one page)."""
    return event_totals(store, events_where(**filters))


def actors(store: Store, *, country: str | None = None, start: dt.date | None = None,
           end: dt.date | None = None, by: str = "actor", reports: bool = False, negated: bool = False,
           limit: int = 50) -> tuple[ActorRow, ...]:
    """The most active actors (as source or target), or countries with ``by="country"``."""
    if by not in ("actor", "country"):
        raise StoreError(f"cannot group actors by {by!r}: use actor or country")
    where = Where()
    event_filters(where, start=start, end=end, negated=negated)
    key = "code" if by == "actor" else "country"
    details = ("mode(name) AS name, mode(country) AS c, mode(sector) AS sector" if by == "actor"
               else "NULL AS name, country AS c, NULL AS sector")
    outer = Where()
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
    rows = run(store, sql, [*where.params, *where.params, *where.params, *outer.params, limit])
    return tuple(ActorRow(*r) for r in rows)


def quotes(store: Store, *, speaker: str | None = None, text: str | None = None,
           start: dt.date | None = None, end: dt.date | None = None, article_id: str | None = None,
           speaker_code: str | None = None, terms: bool = True, limit: int = 100) -> tuple[QuoteRow, ...]:
    """Quotes, newest first; ``speaker`` matches a name (part of it) or an actor code,
    ``speaker_code`` only that code; ``terms=False`` leaves out scare-quoted terms."""
    where = Where()
    if speaker:
        where.add(f"({contains('q.speaker_name')} OR q.speaker_code = ?)", speaker, speaker.strip().upper())
    if speaker_code:
        where.add("q.speaker_code = ?", speaker_code.strip().upper())
    if text:
        where.add(contains("q.text"), text)
    if not terms:
        where.add("q.kind <> 'term'")
    if start:
        where.add("q.published >= ?", start)
    if end:
        where.add("q.published <= ?", end)
    if article_id:
        where.add("q.article_id = ?", article_id)
    sql = f"""SELECT q.article_id, q.quote_id, q.speaker_name, q.speaker_code, q.kind, q.text,
                     q.published, a.headline, coalesce(a.url, a.source),
                     q.speaker, q.start, q."end", q.cue_start, q.cue_end
              FROM quotes q JOIN articles a ON a.id = q.article_id
              WHERE {where.sql()}
              ORDER BY q.published DESC NULLS LAST, q.article_id, q.start LIMIT ?"""
    return tuple(QuoteRow(*r[:9], speaker=r[9], span=(r[10], r[11]),
                          cue=(r[12], r[13]) if r[12] is not None and r[13] is not None else None)
                 for r in run(store, sql, [*where.params, limit]))


_READ_ONLY_STATEMENTS = {"SELECT"}


def _one_line(exc: duckdb.Error) -> str:
    return " ".join(str(exc).split("\n")[0].split())


def sql(store: Store, query: str, params: Sequence[Any] = (), *, max_rows: int | None = None) -> SqlResult:
    """Run one read-only query (``SELECT``/``WITH``/``FROM``/``VALUES``/``DESCRIBE``...) on the store.

    Read-only by construction: the connection is read-only and sandboxed
    (:meth:`Store.sandboxed`: no file, folder or URL outside the store, no extension
    installed or loaded, configuration locked), and anything but exactly one
    statement DuckDB itself parses as a SELECT (``EXPLAIN``, ``COPY``, ``ATTACH``,
    ``INSTALL``, ``SET``, ``PRAGMA``, ``CALL``, several statements...) is refused before it runs.
    """
    with store.sandboxed().reading() as conn:
        try:
            statements = conn.extract_statements(query)
        except duckdb.Error as exc:
            raise StoreError(f"the SQL does not parse: {_one_line(exc)}") from exc
        if len(statements) != 1:
            raise StoreError(f"give exactly one SQL statement, not {len(statements)}")
        kind = statements[0].type.name
        if kind not in _READ_ONLY_STATEMENTS:
            raise StoreError(f"only SELECT queries (SELECT ..., WITH ... SELECT ...) are allowed here, not {kind}: "
                             "`wirecoder sql` reads the store and nothing else (see docs/security.md)")
        try:
            cursor = conn.execute(statements[0], list(params))
            columns = tuple(d[0] for d in cursor.description or ())
            rows = cursor.fetchmany(max_rows) if max_rows is not None else cursor.fetchall()
        except duckdb.PermissionException as exc:
            raise StoreError(f"the query was refused: {_one_line(exc)} (`wirecoder sql` reads only the "
                             "tables of the store; see docs/security.md)") from exc
        except duckdb.Error as exc:
            raise StoreError(f"the query failed: {_one_line(exc)}") from exc
    return SqlResult(columns, tuple(tuple(r) for r in rows))


def _flat(value: Any) -> Any:
    if isinstance(value, tuple) and value and isinstance(value[0], CodeCount):
        return " ".join(f"{c.cameo}×{c.count}" for c in value)
    if isinstance(value, tuple) and value and isinstance(value[0], EventRow):
        return " ".join(f"{e.cameo}:{e.source_code or '-'}>{e.target_code or '-'}" for e in value)
    if isinstance(value, Location):
        return value.name
    if dataclasses.is_dataclass(value):
        return str(value)
    return value


def as_table(records: Sequence[Any], columns: Sequence[str] | None = None) -> SqlResult:
    """Query records as columns and rows (for printing or CSV); nested values flattened.
    ``columns``: only these fields, in this order (default: every field)."""
    if not records:
        return SqlResult((), ())
    names = tuple(columns) if columns else tuple(f.name for f in fields(records[0]))
    return SqlResult(names, tuple(tuple(_flat(getattr(r, n)) for n in names) for r in records))
