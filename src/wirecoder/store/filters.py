"""WHERE clauses built together with their parameters, and running one read query.

Every store question (``queries``, ``profiles``, ``search``, ``network``) builds
its filters here, so an actor argument means the same everywhere: a country
code (three letters: ``RUS``) matches the country part or any code starting
with it, a longer code (``RUSGOV``) matches that code exactly. No value is
ever pasted into SQL: clauses hold ``?`` and the values go into ``params``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Sequence, TypedDict, Unpack

import duckdb

from ..errors import StoreError
from .store import Store


@dataclass(slots=True)
class Where:
    """WHERE clauses and their parameters, built together (a local builder, never shared)."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "TRUE"


def side(where: Where, column: str, actor: str) -> str:
    """SQL matching ``actor`` (country or full code) on one side (``e.source``); params appended."""
    actor = actor.strip().upper()
    if len(actor) == 3:
        where.params.extend([actor, actor])
        return f"({column}_country = ? OR starts_with({column}_code, ?))"
    where.params.append(actor)
    return f"{column}_code = ?"


def contains(column: str) -> str:
    """SQL: ``column`` contains the parameter's words, ignoring case (no wildcards: ``%`` is a ``%``)."""
    return f"strpos(lower(coalesce({column}, '')), lower(?)) > 0"


def event_filters(where: Where, *, actor: str | None = None, source: str | None = None,
                  target: str | None = None, country: str | None = None, code: str | None = None,
                  root: str | None = None, quad_class: int | None = None, start: dt.date | None = None,
                  end: dt.date | None = None, negated: bool = False, prefix: str = "") -> None:
    """The event filters every question shares (``prefix``: the events table's alias, ``e.``)."""
    p = prefix
    if not negated:
        where.add(f"NOT {p}negated")
    if actor:
        a, b = side(where, f"{p}source", actor), side(where, f"{p}target", actor)
        where.clauses.append(f"({a} OR {b})")
    if source:
        where.clauses.append(side(where, f"{p}source", source))
    if target:
        where.clauses.append(side(where, f"{p}target", target))
    if country:
        where.add(f"({p}source_country = ? OR {p}target_country = ?)", country.upper(), country.upper())
    if code:
        where.add(f"starts_with({p}cameo, ?)", code.strip())
    if root:
        where.add(f"{p}root = ?", root.strip().zfill(2))
    if quad_class:
        where.add(f"{p}quad_class = ?", quad_class)
    if start:
        where.add(f"{p}day >= ?", start)
    if end:
        where.add(f"{p}day <= ?", end)


def event_text(where: Where, text: str) -> None:
    """Events whose sentence holds ``text`` or whose source or target actor is named so (any
    case); over ``events e JOIN articles a``."""
    sentence = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
    where.add(f"({contains(sentence)} OR {contains('e.source_name')} OR {contains('e.target_name')})",
              text, text, text)


class EventFilters(TypedDict, total=False):
    """The filters of ``queries.events`` and ``queries.count_events`` (all optional, all must hold)."""

    actor: str | None           # either side: a country code (``RUS``) or a full code (``RUSGOV``)
    source: str | None          # that side only
    target: str | None
    country: str | None         # the country part of either side
    code: str | None            # CAMEO prefix: ``05`` matches ``051``
    root: str | None
    quad_class: int | None
    start: dt.date | None       # the event's own day, inclusive
    end: dt.date | None
    text: str | None            # words in the event's sentence or an actor's name, any case
    article_id: str | None
    negated: bool               # True: negated events too


def events_where(**filters: Unpack[EventFilters]) -> Where:
    """:class:`EventFilters` as SQL over ``events e JOIN articles a``."""
    unknown = sorted(set(filters) - set(EventFilters.__annotations__))
    if unknown:  # as a misspelt keyword argument would be
        raise TypeError(f"unknown event filter(s) {', '.join(unknown)}: use {', '.join(EventFilters.__annotations__)}")
    where = Where()
    event_filters(where, actor=filters.get("actor"), source=filters.get("source"), target=filters.get("target"),
                  country=filters.get("country"), code=filters.get("code"), root=filters.get("root"),
                  quad_class=filters.get("quad_class"), start=filters.get("start"), end=filters.get("end"),
                  negated=filters.get("negated", False), prefix="e.")
    if filters.get("article_id"):
        where.add("e.article_id = ?", filters["article_id"])
    if filters.get("text"):
        event_text(where, filters["text"])
    return where


def run(store: Store, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows of one parameterised query, on a short read-only connection (retried while a writer
    holds the file)."""
    with store.reading() as conn:
        try:
            return conn.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"the query failed on {store.path}: {exc} (is it a store written by this "
                             f"wirecoder version? `wirecoder ingest SOURCE --db {store.path}` creates one)"
                             ) from exc
