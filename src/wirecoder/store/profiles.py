"""Actor codes as coded in the stored articles: the directory of codes and one code's profile.

Unlike :func:`wirecoder.store.queries.actors` (the most active actors, counted in
event clusters), these read the ``actors`` table: every code any article gave an
actor, with or without events, its names and roles. Event counts here are of
reports (every article's report, negated ones included), as a reader browsing
one actor expects to see everything the articles say about it. The per-code summary is
:func:`.actor_codes.summary_ctes`, shared with :func:`.directory.directory_page`.
"""
from __future__ import annotations

from dataclasses import dataclass

from .actor_codes import Counting, summary_ctes
from .filters import Where, contains, run
from .queries import EventRow, QuoteRow, quotes, select_events
from .store import Store


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """An actor code in the directory."""

    code: str
    name: str | None        # the name it is most often given
    role: str | None        # the role it is most often given
    country: str | None
    sector: str | None
    events_by: int          # reports with it as source
    events_against: int     # reports with it as target
    articles: int           # articles that code an actor with it


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """One actor code: what it is called, what it did and had done to it, what it said."""

    code: str
    country: str | None
    sector: str | None
    names: tuple[str, ...]          # most frequent first
    roles: tuple[str, ...]
    events_by: tuple[EventRow, ...]       # reports, newest first
    events_against: tuple[EventRow, ...]
    quotes: tuple[QuoteRow, ...]          # no scare-quoted terms
    partners: tuple[str, ...]             # codes it has (not negated) events with, most frequent first


def directory(store: Store, *, country: str | None = None, text: str | None = None,
              limit: int = 50) -> tuple[ActorEntry, ...]:
    """Actor codes, most active first (reports by plus against it, then articles). ``text``:
    part of a name the code was given, or the code itself."""
    where = Where(["ac.code IS NOT NULL"])
    if country:
        where.add("ac.country = ?", country.strip().upper())
    if text:
        where.add(f"({contains('ac.name')} OR ac.code = upper(?))", text, text.strip())
    sql = f"""
        WITH {summary_ctes(where.sql(), Counting.REPORTS)}
        SELECT code, name, role, country, sector, events_by, events_against, articles FROM summary
        ORDER BY events_by + events_against DESC, articles DESC, code LIMIT ?"""
    return tuple(ActorEntry(code, name, role, ctry, sector, int(by), int(against), int(arts))
                 for code, name, role, ctry, sector, by, against, arts in run(store, sql, [*where.params, limit]))


def profile(store: Store, code: str, *, limit: int = 100, partners: int = 12) -> ActorProfile | None:
    """The actor code ``code`` (exactly: ``CHN`` is not ``CHNGOV``), or None when no article codes it.
    ``limit`` events each way and quotes; ``partners`` codes."""
    code = code.strip().upper()
    rows = run(store, "SELECT name, role, country, sector, count(*) AS n FROM actors WHERE code = ? "
                      "GROUP BY ALL ORDER BY n DESC, name", [code])
    if not rows:
        return None

    def reports(column: str) -> tuple[EventRow, ...]:
        where = Where([f"e.{column} = ?"], [code])
        return tuple(r for _, r in select_events(store, where, reports=True, limit=limit))

    others = run(store, """
        SELECT other, count(*) AS n FROM (
          SELECT target_code AS other FROM events WHERE source_code = ? AND target_code IS NOT NULL AND NOT negated
          UNION ALL SELECT source_code FROM events WHERE target_code = ? AND source_code IS NOT NULL AND NOT negated)
        WHERE other <> ? GROUP BY other ORDER BY n DESC, other LIMIT ?""", [code, code, code, partners])
    return ActorProfile(
        code=code, country=rows[0][2], sector=rows[0][3],
        names=tuple(dict.fromkeys(r[0] for r in rows if r[0])),
        roles=tuple(dict.fromkeys(r[1] for r in rows if r[1])),
        events_by=reports("source_code"), events_against=reports("target_code"),
        quotes=quotes(store, speaker_code=code, terms=False, limit=limit),
        partners=tuple(p for p, _ in others))
