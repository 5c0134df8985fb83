"""Browsing event reports: filters, facet counts, sorting and paging (the ``/events`` page).

One :class:`EventQuery` says what an analyst asked for; :func:`event_page` answers with
the rows of one page, how many rows match in all (reports and distinct events), and the
facet counts of the whole filtered set (distinct events, and their reports). Each row is one article's *report* of an event
(an event told by three outlets is three rows sharing a ``cluster_id``); negated events
are included and flagged. Events without a resolved date are placed on their article's
publication date (``EventRow.date`` stays None, so a reader sees which ones); date
filters and the month facet use that same day. :func:`event_rows` gives every matching
row (for exports), up to a cap it reports.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

from ..errors import StoreError
from .filters import Where, event_filters, event_text, run
from .queries import EventRow, event_totals, select_events
from .store import Store

DAY = "coalesce(e.day, e.published)"
"""The day an event report is shown on: its own day, else its article's publication date."""

SORTS: dict[str, str] = {
    "date": DAY, "source": "e.source_code", "target": "e.target_code", "cameo": "e.cameo",
    "quad_class": "e.quad_class", "goldstein": "e.goldstein", "plover": "e.plover",
}
"""Columns the events can be sorted by (name -> SQL)."""

FACETS: tuple[str, ...] = ("root", "quad_class", "source_country", "target_country", "month")
"""The facets counted beside the table."""

MAX_EXPORT = 10_000
"""Most rows one export returns (the export says when it was cut)."""


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters (all optional, all must hold), sort order and page of an event listing.

    ``actor``: either side; ``source``/``target``: that side (a country code ``RUS`` or an
    actor code ``RUSGOV``). ``code``: CAMEO prefix; ``root``: CAMEO root; ``plover``: PLOVER
    type; ``background``: True only background events, False none; ``text``: words in the
    sentence or an actor's name; ``start``/``end``: inclusive, on the shown day.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None
    root: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    background: bool | None = None
    text: str | None = None
    sort: str = "date"
    descending: bool = True
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise StoreError(f"cannot sort events by {self.sort!r}: use one of {', '.join(SORTS)}")
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise StoreError(f"quad class {self.quad_class} does not exist: use 1, 2, 3 or 4")
        if self.limit < 1 or self.offset < 0:
            raise StoreError(f"a page needs limit >= 1 and offset >= 0 (got {self.limit}, {self.offset})")

    def where(self) -> Where:
        """The filters as SQL over ``events e JOIN articles a``."""
        where = Where()
        event_filters(where, actor=self.actor, source=self.source, target=self.target, code=self.code,
                      root=self.root, quad_class=self.quad_class, negated=True, prefix="e.")
        if self.plover:
            where.add("lower(e.plover) = lower(?)", self.plover.strip())
        if self.background is not None:
            where.add("e.background = ?", self.background)
        if self.start:
            where.add(f"{DAY} >= ?", self.start)
        if self.end:
            where.add(f"{DAY} <= ?", self.end)
        if self.text:
            event_text(where, self.text)
        return where

    def order(self) -> str:
        """ORDER BY over the selected rows (bare column names), ties broken by newest, then id."""
        column = SORTS[self.sort].replace("e.", "")
        direction = "DESC" if self.descending else "ASC"
        return (f"{column} {direction} NULLS LAST, coalesce(day, published) DESC NULLS LAST, "
                "article_id, event_id")

    def page(self, offset: int) -> "EventQuery":
        return replace(self, offset=max(0, offset))

    def filters(self) -> dict[str, Any]:
        """The filters that are set (for permalinks and export headers)."""
        skip = {"sort", "descending", "limit", "offset"}
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in skip and getattr(self, f.name) not in (None, "")}


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str          # what the filter takes (``05``, ``3``, ``RUS``, ``2024-07``)
    label: str | None   # a name for it, when there is one (CAMEO root name)
    events: int         # distinct events (clusters) with this value among the filtered ones
    reports: int        # their reports (an event told by three articles is three reports)


@dataclass(frozen=True, slots=True)
class Facet:
    name: str                       # one of FACETS
    values: tuple[FacetValue, ...]  # most frequent first (months and quad classes in order)
    left_out: int = 0               # values not listed (beyond ``facet_size``)
    missing: int = 0                # events without a value (no country, no date)


@dataclass(frozen=True, slots=True)
class EventPage:
    query: EventQuery
    rows: tuple[EventRow, ...]
    total: int            # event reports matching the filters
    clusters: int         # distinct events (clusters) among them
    facets: tuple[Facet, ...]

    @property
    def first(self) -> int:
        """1-based number of the first row shown (0 when nothing is shown)."""
        return self.query.offset + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.query.offset + len(self.rows)


def facets(store: Store, query: EventQuery, *, size: int = 12) -> tuple[Facet, ...]:
    """Counts of the filtered events by CAMEO root, quad class, source and target country and
    month (of the shown day): distinct events (clusters), as the page's own count, and their
    reports. Each facet lists ``size`` values, most events first, and says how many it leaves out."""
    where = query.where()
    groups = " UNION ALL ".join(
        f"SELECT '{name}' AS facet, {name} AS value, count(DISTINCT cluster_id) AS events, count(*) AS reports "
        f"FROM f GROUP BY {name}" for name in FACETS)
    sql = f"""
        WITH f AS (
            SELECT e.cluster_id, e.root, e.quad_class::VARCHAR AS quad_class, e.source_country, e.target_country,
                   strftime({DAY}, '%Y-%m') AS month
            FROM events e JOIN articles a ON a.id = e.article_id WHERE {where.sql()})
        SELECT c.*, k.name FROM ({groups}) c
        LEFT JOIN cameo_codes k ON c.facet = 'root' AND k.code = c.value"""
    rows = run(store, sql, where.params)
    names = {value: name for facet, value, _, _, name in rows if facet == "root" and name}
    found: dict[str, list[tuple[str, int, int]]] = {name: [] for name in FACETS}
    missing: dict[str, int] = dict.fromkeys(FACETS, 0)
    for facet, value, events, reports, _ in rows:
        if value is None:
            missing[facet] += int(events)
        else:
            found[facet].append((str(value), int(events), int(reports)))
    result = []
    for name in FACETS:
        values = found[name]
        if name in ("month", "quad_class"):
            values.sort()
        else:
            values.sort(key=lambda v: (-v[1], -v[2], v[0]))
        shown = values[:size] if name != "quad_class" else values
        result.append(Facet(name, tuple(FacetValue(v, names.get(v) if name == "root" else None, events, reports)
                                        for v, events, reports in shown),
                            left_out=len(values) - len(shown), missing=missing[name]))
    return tuple(result)


def event_page(store: Store, query: EventQuery, *, with_facets: bool = True,
               facet_size: int = 12) -> EventPage:
    """One page of event reports matching ``query``, sorted as asked, with the number of all
    matching reports and distinct events and (``with_facets``) the facet counts."""
    where = query.where()
    counted = event_totals(store, where)
    total, clusters = counted.reports, counted.clusters
    rows = tuple(row for _, row in select_events(store, where, reports=True, limit=query.limit,
                                                 offset=query.offset, order=query.order()))
    found = facets(store, query, size=facet_size) if with_facets else ()
    return EventPage(query, rows, total, clusters, found)


def event_rows(store: Store, query: EventQuery, *, scope: Literal["page", "all"] = "page",
               cap: int = MAX_EXPORT) -> tuple[tuple[EventRow, ...], int]:
    """The rows an export returns: those of the query's page, or (``scope="all"``) every
    matching row up to ``cap``. Also returns how many match in all (to say what a cut left out)."""
    where = query.where()
    total = event_totals(store, where).reports
    limit, offset = (query.limit, query.offset) if scope == "page" else (cap, 0)
    rows = tuple(row for _, row in select_events(store, where, reports=True, limit=limit, offset=offset,
                                                 order=query.order()))
    return rows, total


EXPORT_COLUMNS: tuple[str, ...] = (
    "day", "date", "published", "source_code", "source_name", "cameo", "name", "target_code",
    "target_name", "quad_class", "goldstein", "plover", "background", "negated", "trigger_text",
    "sentence", "article_id", "event_id", "cluster_id", "num_reports", "headline", "source")
"""The columns of an event export, in order (``day`` is the shown day: the event's own day,
else its article's publication date; ``date`` is the date resolved from the text)."""


def export_record(row: EventRow) -> dict[str, Any]:
    """One event report as a flat record of :data:`EXPORT_COLUMNS` (dates as ISO text)."""
    out: dict[str, Any] = {}
    for name in EXPORT_COLUMNS:
        value = (row.day or row.published) if name == "day" else getattr(row, name)
        out[name] = value.isoformat() if isinstance(value, dt.date) else value
    return out
