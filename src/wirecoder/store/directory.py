"""The actor directory as an analyst browses it: filter, sort, page, one display name per code.

Counting rule (the same as the dyad timeline and the network): events are event
*clusters* (one event however many articles report it), negated events left out,
background events included. ``articles`` counts the articles that code an actor
with the code. A code's display name is the caller's canonical name for it (the
knowledge base's, passed in as ``canonical``) else the name the articles give it
most often (ties: A-Z); :func:`aliases` lists every name with its count. The
per-code summary is :func:`.actor_codes.summary_ctes`, shared with
:func:`.profiles.directory` (which counts reports instead).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..errors import StoreError
from .actor_codes import Counting, summary_ctes
from .filters import Where, contains, run
from .store import Store

SORTS: dict[str, str] = {
    "events": "events", "by": "events_by", "against": "events_against", "articles": "articles",
    "code": "code", "name": "lower(display)", "country": "country",
}
"""Columns the directory can be sorted by (name -> SQL over the result)."""


@dataclass(frozen=True, slots=True)
class ActorQuery:
    country: str | None = None
    text: str | None = None        # part of any name the code was given, or the code itself
    sort: str = "events"
    descending: bool = True
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise StoreError(f"cannot sort actors by {self.sort!r}: use one of {', '.join(SORTS)}")
        if self.limit < 1 or self.offset < 0:
            raise StoreError(f"a page needs limit >= 1 and offset >= 0 (got {self.limit}, {self.offset})")


@dataclass(frozen=True, slots=True)
class DirectoryRow:
    code: str
    name: str | None          # display name: canonical, else the most frequent mention
    role: str | None          # the role it is most often given
    country: str | None
    sector: str | None
    events_by: int            # event clusters with it as source
    events_against: int       # event clusters with it as target
    articles: int

    @property
    def events(self) -> int:
        return self.events_by + self.events_against


@dataclass(frozen=True, slots=True)
class DirectoryPage:
    query: ActorQuery
    rows: tuple[DirectoryRow, ...]
    total: int                # codes matching the filters (the page shows ``rows`` of them)


@dataclass(frozen=True, slots=True)
class NameCount:
    name: str
    count: int                # actors (in articles) given this name with the code


def directory_page(store: Store, query: ActorQuery,
                   canonical: Mapping[str, str] | None = None) -> DirectoryPage:
    """One page of actor codes matching ``query``, sorted as asked, and how many match in all."""
    where = Where(["ac.code IS NOT NULL"])
    if query.country:
        where.add("ac.country = ?", query.country.strip().upper())
    canon = dict(canonical or {})
    if query.text:
        wanted = query.text.strip().casefold()
        extra = sorted(code for code, name in canon.items() if wanted in name.casefold())
        where.add(f"(ac.code IN (SELECT code FROM actors WHERE {contains('name')}) OR ac.code = upper(?)"
                  f" OR list_contains(?, ac.code))", query.text, query.text.strip(), extra)
    order = SORTS[query.sort]
    direction = "DESC" if query.descending else "ASC"
    sql = f"""
        WITH {summary_ctes(where.sql(), Counting.CLUSTERS)},
        canon AS (SELECT unnest(?::VARCHAR[]) AS code, unnest(?::VARCHAR[]) AS cname),
        result AS (
          SELECT s.code, coalesce(k.cname, s.name) AS display, s.role, s.country, s.sector, s.events_by,
                 s.events_against, s.events_by + s.events_against AS events, s.articles
          FROM summary s LEFT JOIN canon k USING (code))
        SELECT code, display, role, country, sector, events_by, events_against, articles,
               count(*) OVER () AS total
        FROM result ORDER BY {order} {direction} NULLS LAST, events DESC, code LIMIT ? OFFSET ?"""
    codes = sorted(canon)
    rows = run(store, sql, [*where.params, codes, [canon[c] for c in codes], query.limit, query.offset])
    total = int(rows[0][8]) if rows else _count(store, where)
    return DirectoryPage(query, tuple(DirectoryRow(*(r[:5]), int(r[5]), int(r[6]), int(r[7])) for r in rows),
                         total)


def _count(store: Store, where: Where) -> int:
    sql = f"SELECT count(DISTINCT ac.code) FROM actors ac WHERE {where.sql()}"
    return int(run(store, sql, where.params)[0][0])


def aliases(store: Store, code: str) -> tuple[NameCount, ...]:
    """Every name articles give the actor code ``code``, most frequent first."""
    rows = run(store, "SELECT name, count(*) AS n FROM actors WHERE code = ? AND name IS NOT NULL "
                      "GROUP BY name ORDER BY n DESC, name", [code.strip().upper()])
    return tuple(NameCount(name, int(n)) for name, n in rows)
