"""The JSON API (``/api/...``): thin routes over the coder and the store's queries."""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from ..read import article_from_text, require_article
from . import data
from .app import context

router = APIRouter(prefix="/api", tags=["api"])

Period = Literal["day", "week", "month"]


class CodeRequest(BaseModel):
    """An article to code. Only ``text`` is required."""

    text: str = Field(..., description="The article text (plain text; HTML is not parsed). It is read "
                      "as a text file is: headline, byline, dateline and credits are found, and a "
                      "non-English text is refused (422).")
    published: dt.date | None = Field(None, description="Publication date when the text gives none; "
                                       "resolves 'on Monday'.")
    source: str | None = Field(None, description="Where it came from (a path or URL), kept as given.")
    headline: str | None = None
    url: str | None = None


@router.post("/code", summary="Code a posted article (and optionally store it)")
def code_article(request: Request, body: CodeRequest,
                 store: bool = Query(False, description="Also write the coded article into the store.")
                 ) -> dict[str, Any]:
    """Returns the ``wirecoder/1`` JSON of the article. With ``?store=true`` the article
    is also written to the store (exactly once: re-posting the same text stores nothing new)."""
    ctx = context(request)
    article = require_article(article_from_text(
        body.text, body.source or body.url or "<api>", published=body.published, settings=ctx.settings,
        url=body.url, headline=body.headline))
    db = ctx.require_db(write=True) if store else None
    coded = ctx.coder.code(article)
    result = coded.to_dict()
    if db is not None:
        result["stored"] = data.store_coded(db, coded, ctx.settings)
    return result


@router.get("/events", summary="List and filter events")
def list_events(request: Request, response: Response,
                actor: str | None = Query(None, description="Actor code or country code (either side)."),
                source: str | None = Query(None, description="Source actor code or country code."),
                target: str | None = Query(None, description="Target actor code or country code."),
                code: str | None = Query(None, description="CAMEO code (prefix match: 05 matches 051)."),
                root: str | None = Query(None, description="CAMEO root, two digits."),
                quad_class: int | None = Query(None, ge=1, le=4),
                date_from: dt.date | None = Query(None, alias="from"),
                date_to: dt.date | None = Query(None, alias="to"),
                text: str | None = Query(None, description="Words in the event's sentence."),
                limit: int = Query(100, ge=1, le=1000),
                offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """``count``: the reports in this answer (at most ``limit``, from row ``offset``); ``total``:
    the reports matching the filters in all, ``clusters``: the distinct events among them, and
    ``left_out``: matching reports not in this answer (also the ``X-Total-Count`` header)."""
    db = context(request).require_db()
    flt = data.EventFilter(actor=actor, source=source, target=target, code=code, root=root,
                           quad_class=quad_class, date_from=date_from, date_to=date_to,
                           text=text, limit=limit, offset=offset)
    hits = data.events(db, flt)
    totals = data.event_totals(db, flt)
    response.headers["X-Total-Count"] = str(totals.reports)
    return {"filter": flt.to_dict(), "count": len(hits), "total": totals.reports, "clusters": totals.clusters,
            "left_out": totals.reports - len(hits), "events": [h.to_dict() for h in hits]}


@router.get("/dyad/{a}/{b}", summary="Events between two actors per period")
def dyad(request: Request, a: str, b: str, by: Period = "week",
         date_from: dt.date | None = Query(None, alias="from"),
         date_to: dt.date | None = Query(None, alias="to"),
         top: int = Query(3, ge=0, le=20, description="Top events listed per period.")) -> dict[str, Any]:
    """Counts per quad class and mean Goldstein per period, both directions;
    ``a``/``b`` are country codes (``RUS``) or full actor codes (``RUSGOV``)."""
    db = context(request).require_db()
    timeline = data.dyad(db, a, b, by=by, date_from=date_from, date_to=date_to, top=top)
    return timeline.to_dict()


@router.get("/actors", summary="The most active actors")
def list_actors(request: Request, country: str | None = None,
                limit: int = Query(50, ge=1, le=1000)) -> dict[str, Any]:
    db = context(request).require_db()
    rows = data.actors(db, country=country, limit=limit)
    return {"count": len(rows), "actors": [r.to_dict() for r in rows]}


@router.get("/actors/{code}", summary="An actor with its events and quotes")
def get_actor(request: Request, code: str, limit: int = Query(100, ge=1, le=1000)) -> dict[str, Any]:
    ctx = context(request)
    detail = data.actor(ctx.require_db(), code, ctx.knowledge, limit=limit)
    if detail is None:
        raise HTTPException(404, f"no actor coded {code!r} in the store")
    return detail.to_dict()


@router.get("/quotes", summary="Search quotes")
def list_quotes(request: Request, speaker: str | None = Query(None, description="Part of the speaker's name."),
                q: str | None = Query(None, description="Words in the quote."),
                limit: int = Query(100, ge=1, le=1000)) -> dict[str, Any]:
    rows = data.quotes(context(request).require_db(), speaker=speaker, text=q, limit=limit)
    return {"count": len(rows), "quotes": [r.to_dict() for r in rows]}


@router.get("/articles", summary="The latest stored articles")
def list_articles(request: Request, limit: int = Query(50, ge=1, le=1000)) -> dict[str, Any]:
    rows = data.recent_articles(context(request).require_db(), limit=limit)
    return {"count": len(rows), "articles": [r.to_dict() for r in rows]}


@router.get("/articles/{article_id}", summary="One article with all its coding")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    coded = data.article(context(request).require_db(), article_id)
    if coded is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return coded.to_dict()


@router.get("/network", summary="Event counts between actors in a date range")
def network(request: Request, date_from: dt.date | None = Query(None, alias="from"),
            date_to: dt.date | None = Query(None, alias="to"),
            level: Literal["actor", "country"] = "country") -> dict[str, Any]:
    rows = data.network(context(request).require_db(), date_from=date_from, date_to=date_to, level=level)
    return {"edges": [{"a": r.a, "b": r.b, "events": r.events, "cooperation": r.cooperation,
                       "conflict": r.conflict} for r in rows]}


@router.get("/search", summary="Search articles, actors, events and quotes")
def search(request: Request, q: str = Query(..., min_length=1, max_length=200),
           limit: int = Query(20, ge=1, le=200)) -> dict[str, Any]:
    return data.search(context(request).require_db(), q, limit=limit).to_dict()
