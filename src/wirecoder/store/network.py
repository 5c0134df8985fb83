"""Who deals with whom: event clusters between pairs of actor codes or countries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import StoreError
from .filters import Where, event_filters, run
from .store import Store

LEVELS = ("country", "actor")


@dataclass(frozen=True, slots=True)
class Edge:
    """Event clusters between ``a`` and ``b`` (either direction; ``a`` sorts first)."""

    a: str
    b: str
    cooperation: int     # quad classes 1-2
    conflict: int        # quad classes 3-4

    @property
    def events(self) -> int:
        return self.cooperation + self.conflict


def network(store: Store, *, start: dt.date | None = None, end: dt.date | None = None,
            level: str = "country", negated: bool = False) -> tuple[Edge, ...]:
    """Event clusters between actor codes (``level="actor"``) or their countries, both directions
    together; events of an actor with itself are left out. Sorted by ``a``, then ``b``."""
    if level not in LEVELS:
        raise StoreError(f"cannot draw a network of {level!r}: use one of {', '.join(LEVELS)}")
    column = "code" if level == "actor" else "country"  # one of two fixed column names
    where = Where([f"source_{column} IS NOT NULL", f"target_{column} IS NOT NULL",
                   f"source_{column} <> target_{column}"])
    event_filters(where, start=start, end=end, negated=negated)
    sql = f"""
        WITH picked AS (
          SELECT least(source_{column}, target_{column}) AS a,
                 greatest(source_{column}, target_{column}) AS b,
                 cluster_id, any_value(quad_class) AS quad
          FROM events WHERE {where.sql()} GROUP BY 1, 2, 3)
        SELECT a, b, count(*) FILTER (WHERE quad <= 2), count(*) FILTER (WHERE quad >= 3)
        FROM picked GROUP BY a, b ORDER BY a, b"""
    return tuple(Edge(a, b, int(co), int(cf)) for a, b, co, cf in run(store, sql, where.params))
