"""One stored article with all its coding, back as a :class:`CodedArticle`."""
from __future__ import annotations

import json

import duckdb

from ..errors import StoreError
from ..records import (Actor, Article, CodedArticle, Credits, Dateline, Event, Location, Mention,
                       Quote)
from .store import Store


def _span(a, b) -> tuple[int, int] | None:
    return None if a is None else (int(a), int(b))


def article(store: Store, article_id: str) -> CodedArticle | None:
    """The stored article ``article_id`` (its full id) as coded, or None."""
    with store.reading() as conn:
        try:
            return _load(conn, article_id)
        except duckdb.Error as exc:
            raise StoreError(f"cannot read article {article_id} from {store.path}: {exc}") from exc


def _load(conn: duckdb.DuckDBPyConnection, article_id: str) -> CodedArticle | None:
    row = conn.execute(
        """SELECT id, source, url, headline, published, byline, text, sentences, detail, schema
           FROM articles WHERE id = ?""", [article_id]).fetchone()
    if row is None:
        return None
    aid, source, url, headline, published, byline, text, sentences, detail, schema = row
    extra = json.loads(detail or "{}")
    art = Article(
        text=text, source=source, headline=headline, published=published, url=url,
        byline=tuple(byline or ()),
        dateline=Dateline.from_dict(extra["dateline"]) if extra.get("dateline") else None,
        credits=Credits.from_dict(extra["credits"]) if extra.get("credits") else None,
        headline_span=_span(*extra["headline_span"]) if extra.get("headline_span") else None,
        metadata_spans=tuple((int(s), int(e)) for s, e in extra.get("metadata_spans") or ()),
        notes=tuple(extra.get("notes") or ()), id=aid)
    mention_rows = conn.execute(
        """SELECT actor_id, start, "end", text, kind FROM mentions WHERE article_id = ?
           ORDER BY start, "end" """, [aid]).fetchall()
    mentions = tuple(Mention((s, e), actor, t, kind) for actor, s, e, t, kind in mention_rows)
    actors = tuple(
        Actor(id=r[0], name=r[1], code=r[2], country=r[3], sector=r[4], role=r[5], kind=r[6],
              mentions=tuple((int(s), int(e)) for s, e in r[9] or ()), resolved_by=r[7], note=r[8])
        for r in conn.execute(
            """SELECT actor_id, name, code, country, sector, role, kind, resolved_by, note, mentions
               FROM actors WHERE article_id = ? ORDER BY rowid""", [aid]).fetchall())
    events = tuple(
        Event(id=r[0], cameo=r[1], root=r[2], plover=r[3], plover_mode=r[4], goldstein=r[5],
              quad_class=r[6], source=r[7], target=r[8], source_code=r[9], target_code=r[10],
              date=r[11], background=r[12], negated=r[13], trigger=(r[14], r[15]),
              sentence=(r[16], r[17]), quote=r[18],
              location=Location(r[19], r[20], r[21], r[22], r[23] or "text") if r[19] else None,
              pattern=r[24] or "", contexts=tuple(r[25] or ()))
        for r in conn.execute(
            """SELECT event_id, cameo, root, plover, plover_mode, goldstein, quad_class,
                      source_actor, target_actor, source_code, target_code, date, background, negated,
                      trigger_start, trigger_end, sentence_start, sentence_end, quote_id,
                      location_name, location_country, lat, lon, location_from, pattern, contexts
               FROM events WHERE article_id = ? ORDER BY rowid""", [aid]).fetchall())
    quotes = tuple(
        Quote(r[0], r[1], (r[2], r[3]), r[4], r[5], r[6], _span(r[7], r[8]))
        for r in conn.execute(
            """SELECT quote_id, kind, start, "end", text, speaker, speaker_name, cue_start, cue_end
               FROM quotes WHERE article_id = ? ORDER BY rowid""", [aid]).fetchall())
    return CodedArticle(article=art, sentences=tuple((s, e) for s, e in sentences or ()), actors=actors,
                        events=events, quotes=quotes, mentions=mentions, schema=schema)
