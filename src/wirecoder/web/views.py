"""Dashboard pages over actors and the network, and the CSV/JSON exports of every table and
chart page (actor directory, actor, dyad, network, search).

An export link carries the page's own query string, so it returns exactly the rows the
page shows; the page's URL reproduces the view (a permalink). Counting rule, stated on
each page: event clusters, negated events left out, background events included.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ..errors import InputError, StoreError
from ..store.directory import SORTS as ACTOR_SORTS
from ..store.directory import ActorQuery
from . import data, exports
from .app import context, render
from .article_view import QUAD_NAMES
from .browse import Links, _date, _int, _text
from .charts import network_chart
from .pages import error_page, period_end

router = APIRouter(include_in_schema=False)

ACTOR_VIEW = ("country", "text", "sort", "dir", "limit", "offset")
NETWORK_VIEW = ("from", "to", "level", "min")
DYAD_COLUMNS = ("period", "label", "events", "a_to_b", "b_to_a", "verbal_cooperation", "material_cooperation",
                "verbal_conflict", "material_conflict", "mean_goldstein", "by_publication_date")
ACTOR_COLUMNS = ("code", "name", "role", "country", "sector", "events_by", "events_against", "articles")
EDGE_COLUMNS = ("a", "b", "events", "cooperation", "conflict")
EVENT_COLUMNS = ("direction", "day", "date", "published", "source_code", "source_name", "cameo", "name",
                 "target_code", "target_name", "quad_class", "goldstein", "background", "negated",
                 "evidence", "article_id", "event_id", "cluster_id", "reports", "headline")


def _refuse(name: str, value: str, allowed: str) -> InputError:
    return InputError("query", f"{name}={value!r} is not known", f"use {allowed}")


# --- actor directory ----------------------------------------------------------------------

def actor_query(params: Mapping[str, str]) -> ActorQuery:
    direction = _text(params, "dir") or "desc"
    if direction not in ("asc", "desc"):
        raise _refuse("dir", direction, "asc or desc")
    limit = _int(params, "limit", 50, "a page size of 1 to 500") or 50
    if not 1 <= limit <= 500:
        raise InputError("query", f"limit={limit} is out of range", "use a page size of 1 to 500")
    try:
        return ActorQuery(country=_text(params, "country"), text=_text(params, "text"),
                          sort=_text(params, "sort") or "events", descending=direction == "desc",
                          limit=limit, offset=_int(params, "offset", 0, "a row number from 0") or 0)
    except StoreError as exc:
        raise InputError("query", str(exc), "change the URL's parameters") from None


def _directory(request: Request):
    ctx = context(request)
    query = actor_query(request.query_params)
    return query, data.actor_directory(ctx.require_db(), query, ctx.knowledge)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    query, page = _directory(request)
    links = Links("/actors", request.query_params, ACTOR_VIEW)

    def sorted_by(column: str) -> str:
        descending = not query.descending if query.sort == column else column not in ("code", "name", "country")
        return links.here(sort=column, dir="desc" if descending else "asc", offset=None)

    return render(request, "actors.html", page=page, query=query, links=links, sorted_by=sorted_by,
                  form={k: request.query_params.get(k, "") for k in ACTOR_VIEW}, sorts=tuple(ACTOR_SORTS))


def _actor_records(page) -> list[dict[str, Any]]:
    return [{"code": r.code, "name": r.name, "role": r.role, "country": r.country, "sector": r.sector,
             "events_by": r.events_by, "events_against": r.events_against, "articles": r.articles}
            for r in page.rows]


@router.get("/actors.csv")
def actors_csv(request: Request) -> Response:
    _, page = _directory(request)
    return exports.csv_response(ACTOR_COLUMNS, _actor_records(page), "actors.csv", total=page.total)


@router.get("/actors.json")
def actors_json(request: Request) -> Response:
    query, page = _directory(request)
    rows = _actor_records(page)
    return exports.json_response({"counted": COUNTING, "total": page.total, "offset": query.offset,
                                  "returned": len(rows), "rows": rows}, total=page.total)


COUNTING = ("event clusters (reports of one event by several articles count once), "
            "negated events left out, background events included")


# --- one actor ----------------------------------------------------------------------------

def _actor(request: Request, code: str) -> data.ActorDetail:
    ctx = context(request)
    detail = data.actor(ctx.require_db(), code, ctx.knowledge, limit=200)
    if detail is None:
        raise StoreLookupError(f"no actor coded {code} in the store")
    return detail


class StoreLookupError(Exception):
    """An actor code no article gives."""


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str) -> HTMLResponse:
    try:
        detail = _actor(request, code)
    except StoreLookupError as exc:
        return error_page(request, 404, str(exc))
    ctx = context(request)
    names = data.aliases(ctx.require_db(), detail.code)
    display = data.store_access.canonical_names(ctx.knowledge).get(detail.code) or (names[0].name if names else "")
    events = sorted((*detail.events_by, *detail.events_against),
                    key=lambda h: (h.event.date or h.published or dt.date.min), reverse=True)
    dated = [h for h in events if (h.event.date or h.published)]
    return render(request, "actor.html", actor=detail, names=names, display=display, quad_names=QUAD_NAMES,
                  links=Links(f"/actors/{detail.code}", {}), timeline=_months(dated),
                  clusters_by=_clusters(detail.events_by), clusters_against=_clusters(detail.events_against))


def _clusters(hits: tuple[data.EventHit, ...]) -> int:
    return len({h.cluster_id or (h.article_id, h.event.id) for h in hits if not h.event.negated})


def _months(hits: list[data.EventHit]) -> tuple[tuple[str, int, dt.date, dt.date], ...]:
    """Reports per month (of the event's date, else the publication date), oldest first, the
    last 24 months with any: (YYYY-MM, count, first day, last day)."""
    counts: dict[dt.date, int] = {}
    for h in hits:
        day = (h.event.date or h.published).replace(day=1)
        counts[day] = counts.get(day, 0) + 1
    return tuple((m.strftime("%Y-%m"), n, m, period_end(m, "month")) for m, n in sorted(counts.items())[-24:])


def _event_records(detail: data.ActorDetail) -> list[dict[str, Any]]:
    out = []
    for direction, hits in (("by", detail.events_by), ("against", detail.events_against)):
        for h in hits:
            e = h.event
            out.append({"direction": direction, "day": (e.date or h.published), "date": e.date,
                        "published": h.published, "source_code": e.source_code, "source_name": h.source_name,
                        "cameo": e.cameo, "name": h.name, "target_code": e.target_code,
                        "target_name": h.target_name, "quad_class": e.quad_class, "goldstein": e.goldstein,
                        "background": e.background, "negated": e.negated, "evidence": h.evidence,
                        "article_id": h.article_id, "event_id": e.id, "cluster_id": h.cluster_id,
                        "reports": h.reports, "headline": h.headline})
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in r.items()} for r in out]


@router.get("/actors/{code}/events.csv")
def actor_csv(request: Request, code: str) -> Response:
    detail = _found(request, code)
    return exports.csv_response(EVENT_COLUMNS, _event_records(detail), f"{detail.code}-events.csv")


@router.get("/actors/{code}/events.json")
def actor_json(request: Request, code: str) -> Response:
    detail = _found(request, code)
    return exports.json_response({"code": detail.code, "rows": _event_records(detail)})


def _found(request: Request, code: str) -> data.ActorDetail:
    try:
        return _actor(request, code)
    except StoreLookupError as exc:
        from fastapi import HTTPException
        raise HTTPException(404, str(exc)) from None


# --- dyad exports -------------------------------------------------------------------------

def _dyad(request: Request) -> data.DyadTimeline:
    params = request.query_params
    a, b = (_text(params, "a") or "").upper(), (_text(params, "b") or "").upper()
    if not a or not b:
        raise InputError("query", "a dyad needs two actors", "give a=RUS&b=VEN")
    by = _text(params, "by") or "week"
    if by not in ("day", "week", "month"):
        raise _refuse("by", by, "day, week or month")
    return data.dyad(context(request).require_db(), a, b, by=by, date_from=_date(params, "from"),
                     date_to=_date(params, "to"), top=0)


def _dyad_records(timeline: data.DyadTimeline) -> list[dict[str, Any]]:
    return [{"period": p.counts.start.isoformat(), "label": p.label, "events": p.counts.total,
             "a_to_b": p.a_to_b, "b_to_a": p.b_to_a, "verbal_cooperation": p.counts.counts[0],
             "material_cooperation": p.counts.counts[1], "verbal_conflict": p.counts.counts[2],
             "material_conflict": p.counts.counts[3], "mean_goldstein": p.counts.mean_goldstein,
             "by_publication_date": p.by_publication} for p in timeline.periods]


@router.get("/dyad.csv")
def dyad_csv(request: Request) -> Response:
    timeline = _dyad(request)
    return exports.csv_response(DYAD_COLUMNS, _dyad_records(timeline), f"{timeline.a}-{timeline.b}.csv")


@router.get("/dyad.json")
def dyad_json(request: Request) -> Response:
    timeline = _dyad(request)
    return exports.json_response({"a": timeline.a, "b": timeline.b, "by": timeline.by, "counted": COUNTING,
                                  "events": timeline.total, "by_publication_date": timeline.by_publication,
                                  "left_out_undated": timeline.left_out, "rows": _dyad_records(timeline)})


# --- network ------------------------------------------------------------------------------

def _network(request: Request) -> tuple[str, int, tuple]:
    params = request.query_params
    level = _text(params, "level") or "country"
    if level not in ("actor", "country"):
        raise _refuse("level", level, "country or actor")
    least = _int(params, "min", 1, "a whole number of events from 1") or 1
    edges = data.network(context(request).require_db(), date_from=_date(params, "from"),
                         date_to=_date(params, "to"), level=level)
    return level, max(1, least), edges


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    level, least, edges = _network(request)
    kept = tuple(e for e in edges if e.events >= least)
    chart = network_chart(kept)
    params = request.query_params
    return render(request, "network.html", chart=chart, level=level, least=least,
                  edges=sorted(kept, key=lambda e: (-e.events, e.a, e.b)),
                  date_from=params.get("from", ""), date_to=params.get("to", ""),
                  below=len(edges) - len(kept), links=Links("/network", params, NETWORK_VIEW))


def _edge_records(request: Request) -> list[dict[str, Any]]:
    _, least, edges = _network(request)
    return [{"a": e.a, "b": e.b, "events": e.events, "cooperation": e.cooperation, "conflict": e.conflict}
            for e in sorted(edges, key=lambda e: (-e.events, e.a, e.b)) if e.events >= least]


@router.get("/network.csv")
def network_csv(request: Request) -> Response:
    return exports.csv_response(EDGE_COLUMNS, _edge_records(request), "network.csv")


@router.get("/network.json")
def network_json(request: Request) -> Response:
    return exports.json_response({"counted": COUNTING, "rows": _edge_records(request)})


# --- search -------------------------------------------------------------------------------

def _search(request: Request) -> data.SearchResult:
    q = (_text(request.query_params, "q", 200) or "")
    if not q:
        raise InputError("query", "q is empty", "give the words to search for: ?q=sanctions")
    return data.search(context(request).require_db(), q, limit=30)


@router.get("/search.csv")
def search_csv(request: Request) -> Response:
    """The events the search found (articles, actors and quotes are in the JSON)."""
    result = _search(request)
    detail = data.ActorDetail("", None, None, (), (), (), result.events, (), (), ())
    rows = [dict(r, direction="match") for r in _event_records(detail)]
    return exports.csv_response(EVENT_COLUMNS, rows, "search-events.csv")


@router.get("/search.json")
def search_json(request: Request) -> Response:
    return exports.json_response(_search(request).to_dict())
