"""Coded records -> Arrow tables, one per store table (the batched write format)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Iterable, Sequence
from urllib.parse import urlsplit

import pyarrow as pa

from .. import __version__
from ..records import Article, CodedArticle, Event, Skip
from . import schema


@dataclass(frozen=True, slots=True)
class BatchTables:
    """The Arrow tables of one batch of coded articles (rows of every child table)."""

    articles: pa.Table
    actors: pa.Table
    mentions: pa.Table
    events: pa.Table
    quotes: pa.Table

    def items(self) -> tuple[tuple[str, pa.Table], ...]:
        return (("articles", self.articles), ("actors", self.actors), ("mentions", self.mentions),
                ("events", self.events), ("quotes", self.quotes))


def outlet(article: Article) -> str | None:
    """Who published the article: the URL's host, else the dateline's agency."""
    for candidate in (article.url, article.source):
        if candidate and "://" in candidate:
            host = urlsplit(candidate).hostname
            if host:
                return host.removeprefix("www.")
    if article.dateline and article.dateline.agency:
        return article.dateline.agency
    return None


def event_day(event: Event, published: dt.date | None) -> dt.date | None:
    """The day an event is counted on (see the ``events.day`` column)."""
    if event.date is not None:
        return event.date
    return None if event.background else published


def cluster_key(event: Event, day: dt.date | None) -> str | None:
    """``SOURCE|TARGET|CAMEO`` for events that can be clustered, else None."""
    if event.negated or day is None or not (event.source_code or event.target_code):
        return None
    return f"{event.source_code or ''}|{event.target_code or ''}|{event.cameo}"


def unclustered_id(article_id: str, event_id: str) -> str:
    return f"u{article_id[:24]}.{event_id}"


def _detail(a: Article) -> str:
    return json.dumps({
        "dateline": a.dateline.to_dict() if a.dateline else None,
        "credits": a.credits.to_dict() if a.credits else None,
        "headline_span": list(a.headline_span) if a.headline_span else None,
        "metadata_spans": [list(s) for s in a.metadata_spans],
        "notes": list(a.notes),
    }, ensure_ascii=False)


def _article_row(c: CodedArticle, now: dt.datetime) -> dict[str, Any]:
    a = c.article
    return {
        "id": a.id, "source": a.source, "url": a.url, "outlet": outlet(a), "headline": a.headline,
        "published": a.published, "byline": list(a.byline),
        "dateline_place": a.dateline.place if a.dateline else None,
        "dateline_agency": a.dateline.agency if a.dateline else None,
        "text": a.text, "sentences": [list(s) for s in c.sentences], "detail": _detail(a),
        "n_actors": len(c.actors), "n_events": len(c.events), "n_quotes": len(c.quotes),
        "schema": c.schema, "coded_by": f"wirecoder {__version__}", "stored_at": now,
    }


def _actor_fields(c: CodedArticle, side: str, actor_id: str | None, code: str | None) -> dict[str, Any]:
    actor = c.actor(actor_id)
    return {
        f"{side}_actor": actor_id,
        f"{side}_code": code if code is not None else (actor.code if actor else None),
        f"{side}_name": actor.name if actor else None,
        f"{side}_country": actor.country if actor else None,
        f"{side}_sector": actor.sector if actor else None,
    }


def _event_row(c: CodedArticle, e: Event) -> dict[str, Any]:
    a = c.article
    day = event_day(e, a.published)
    key = cluster_key(e, day)
    loc = e.location
    return {
        "article_id": a.id, "event_id": e.id,
        "cluster_id": None if key else unclustered_id(a.id, e.id),
        "cluster_key": key, "cluster_day": None if key else day,
        "day": day, "date": e.date, "published": a.published,
        **_actor_fields(c, "source", e.source, e.source_code),
        **_actor_fields(c, "target", e.target, e.target_code),
        "cameo": e.cameo, "root": e.root, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "plover": e.plover, "plover_mode": e.plover_mode, "contexts": list(e.contexts),
        "negated": e.negated, "background": e.background,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "location_from": loc.source if loc else None,
        "sentence_start": e.sentence[0], "sentence_end": e.sentence[1],
        "trigger_start": e.trigger[0], "trigger_end": e.trigger[1],
        "trigger_text": a.text[e.trigger[0]:e.trigger[1]], "quote_id": e.quote, "pattern": e.pattern,
    }


def _rows(coded: Sequence[CodedArticle], now: dt.datetime) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in ("articles", "actors", "mentions", "events", "quotes")}
    for c in coded:
        aid = c.article.id
        rows["articles"].append(_article_row(c, now))
        for actor in c.actors:
            rows["actors"].append({
                "article_id": aid, "actor_id": actor.id, "name": actor.name, "code": actor.code,
                "country": actor.country, "sector": actor.sector, "role": actor.role, "kind": actor.kind,
                "resolved_by": actor.resolved_by, "note": actor.note, "n_mentions": len(actor.mentions),
                "mentions": [list(m) for m in actor.mentions],
            })
        for m in c.mentions:
            rows["mentions"].append({"article_id": aid, "actor_id": m.actor, "start": m.span[0],
                                     "end": m.span[1], "text": m.text, "kind": m.kind})
        for e in c.events:
            rows["events"].append(_event_row(c, e))
        for q in c.quotes:
            speaker = c.actor(q.speaker)
            rows["quotes"].append({
                "article_id": aid, "quote_id": q.id, "kind": q.kind, "start": q.span[0], "end": q.span[1],
                "text": q.text, "speaker": q.speaker, "speaker_name": q.speaker_name,
                "speaker_code": speaker.code if speaker else None,
                "cue_start": q.cue[0] if q.cue else None, "cue_end": q.cue[1] if q.cue else None,
                "published": c.article.published,
            })
    return rows


def batch_tables(coded: Sequence[CodedArticle], now: dt.datetime | None = None) -> BatchTables:
    """The Arrow tables for a batch of coded articles."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows = _rows(coded, now)
    return BatchTables(**{
        name: pa.Table.from_pylist(rows[name], schema=schema.table(name).arrow_schema) for name in rows
    })


def skipped_table(skips: Iterable[Skip], now: dt.datetime | None = None) -> pa.Table:
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    unique = {(s.source, s.reason) for s in skips}
    rows = [{"source": src, "reason": reason, "at": now, "attempts": 1} for src, reason in sorted(unique)]
    return pa.Table.from_pylist(rows, schema=schema.SKIPPED.arrow_schema)
