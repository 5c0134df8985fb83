"""Event clusters: one event, many reports.

Reports with the same ``cluster_key`` (source code, target code, CAMEO code)
form clusters along time: the earliest report opens a cluster on its day (the
cluster's anchor) and every report within one day of the anchor joins it; the
first report after that opens the next cluster. The rule depends only on the
set of reports, not on the order they were ingested in, and a new report can
only change clusters from its own day on, so :func:`recluster` revisits just
those (for news arriving in date order: a handful of rows).

A cluster's id is derived from its key and anchor day, so it stays the same
when more reports of the same event arrive.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Iterable

import duckdb
import pyarrow as pa

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class KeyStart:
    """A cluster key touched by a write, and the earliest day written for it."""

    key: str
    first_day: dt.date


def cluster_id(key: str, anchor: dt.date) -> str:
    digest = hashlib.sha1(f"{key}@{anchor.isoformat()}".encode("utf-8")).hexdigest()[:20]
    return f"c{digest}"


def key_starts(keys_days: Iterable[tuple[str, dt.date]]) -> tuple[KeyStart, ...]:
    first: dict[str, dt.date] = {}
    for key, day in keys_days:
        if key not in first or day < first[key]:
            first[key] = day
    return tuple(KeyStart(k, d) for k, d in sorted(first.items()))


_KEYS_SCHEMA = pa.schema([("key", pa.string()), ("first_day", pa.date32())])
_UPDATE_SCHEMA = pa.schema([("article_id", pa.string()), ("event_id", pa.string()),
                            ("cluster_id", pa.string()), ("cluster_day", pa.date32())])


def recluster(conn: duckdb.DuckDBPyConnection, starts: Iterable[KeyStart]) -> int:
    """Assign cluster ids to the reports of ``starts``' keys from their first day on.

    Runs inside the caller's transaction. Returns the number of reports updated.
    """
    starts = tuple(starts)
    if not starts:
        return 0
    keys = pa.Table.from_pylist([{"key": s.key, "first_day": s.first_day} for s in starts],
                                schema=_KEYS_SCHEMA)
    conn.register("wc_touched_keys", keys)
    try:
        previous = dict(conn.execute(
            """SELECT k.key, max(e.cluster_day)
               FROM wc_touched_keys k JOIN events e
                 ON e.cluster_key = k.key AND e.day < k.first_day AND e.cluster_day IS NOT NULL
               GROUP BY k.key""").fetchall())
        reports = conn.execute(
            """SELECT e.cluster_key, e.day, e.article_id, e.event_id, e.cluster_id, e.cluster_day
               FROM wc_touched_keys k JOIN events e
                 ON e.cluster_key = k.key AND e.day >= k.first_day
               ORDER BY e.cluster_key, e.day, e.article_id, e.event_id""").fetchall()
    finally:
        conn.unregister("wc_touched_keys")
    updates = []
    current_key: str | None = None
    anchor: dt.date | None = None
    for key, day, article_id, event_id, old_id, old_day in reports:
        if key != current_key:
            current_key, anchor = key, previous.get(key)
        if anchor is None or day > anchor + ONE_DAY:
            anchor = day
        new_id = cluster_id(key, anchor)
        if new_id != old_id or anchor != old_day:
            updates.append({"article_id": article_id, "event_id": event_id,
                            "cluster_id": new_id, "cluster_day": anchor})
    if updates:
        conn.register("wc_cluster_updates", pa.Table.from_pylist(updates, schema=_UPDATE_SCHEMA))
        try:
            conn.execute(
                """UPDATE events SET cluster_id = u.cluster_id, cluster_day = u.cluster_day
                   FROM wc_cluster_updates u
                   WHERE events.article_id = u.article_id AND events.event_id = u.event_id""")
        finally:
            conn.unregister("wc_cluster_updates")
    return len(updates)
