"""The SQL both actor listings share: one summary row per actor code as the articles code it.

The actor directory (:mod:`.directory`, the dashboard's ``/actors``) and the plain
directory of :mod:`.profiles` (``wirecoder query actors``) describe a code the same way:
the name and role articles give it most often (ties: A-Z), its country and sector, how
many articles code it, and its events as source (``events_by``) and as target
(``events_against``). They differ only in what they pick and in what an event is, so
both are parameters of :func:`summary_ctes`:

* ``Counting.CLUSTERS``: event clusters (one event however many articles report it),
  negated events left out (the dyad, network and dashboard rule);
* ``Counting.REPORTS``: every article's report, negated ones included (what a reader
  going through one actor's reports sees).
"""
from __future__ import annotations

from enum import Enum


class Counting(Enum):
    """What one event is when an actor code's events are counted."""

    CLUSTERS = "count(DISTINCT cluster_id)"
    REPORTS = "count(*)"

    @property
    def where(self) -> str:
        return "NOT negated AND " if self is Counting.CLUSTERS else ""


def summary_ctes(picked: str, counting: Counting) -> str:
    """CTEs (without ``WITH``) ending in ``summary``: one row per code of the ``actors`` rows
    (aliased ``ac``) matching the SQL condition ``picked``, with columns ``code, name, role,
    country, sector, events_by, events_against, articles``. ``picked``'s parameters come first
    (the CTEs take none of their own)."""
    count, negated = counting.value, counting.where
    return f"""
        picked AS (SELECT ac.* FROM actors ac WHERE {picked}),
        names AS (  -- the name and role it is most often given (ties: A-Z)
          SELECT code, first(name ORDER BY n DESC, name) AS name FROM (
            SELECT code, name, count(*) AS n FROM picked WHERE name IS NOT NULL GROUP BY ALL) GROUP BY code),
        roles AS (
          SELECT code, first(role ORDER BY n DESC, role) AS role FROM (
            SELECT code, role, count(*) AS n FROM picked WHERE role IS NOT NULL GROUP BY ALL) GROUP BY code),
        codes AS (
          SELECT code, min(country) AS country, min(sector) AS sector, count(DISTINCT article_id) AS articles
          FROM picked GROUP BY code),
        made AS (SELECT source_code AS code, {count} AS n FROM events
                 WHERE {negated}source_code IN (SELECT code FROM codes) GROUP BY 1),
        got AS (SELECT target_code AS code, {count} AS n FROM events
                WHERE {negated}target_code IN (SELECT code FROM codes) GROUP BY 1),
        summary AS (
          SELECT c.code, n.name, r.role, c.country, c.sector, coalesce(m.n, 0) AS events_by,
                 coalesce(g.n, 0) AS events_against, c.articles
          FROM codes c LEFT JOIN names n USING (code) LEFT JOIN roles r USING (code)
          LEFT JOIN made m USING (code) LEFT JOIN got g USING (code))"""
