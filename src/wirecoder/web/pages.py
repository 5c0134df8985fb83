"""The dashboard: server-rendered HTML pages (Jinja2, autoescaped)."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import InputError
from ..read import article_from_text, require_article
from ..store.directory import ActorQuery
from . import data
from .app import context, render
from .article_view import QUAD_NAMES, article_view
from .browse import Links
from .charts import timeline_chart

router = APIRouter(include_in_schema=False)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status, status=status, message=message)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError("query", f"{value!r} is not a date", "use YYYY-MM-DD") from None


PERIODS = ("day", "week", "month")


def _allowed(name: str, value: str, allowed: tuple[str, ...]) -> None:
    """Refuse an unknown value of a query parameter, naming the allowed ones."""
    if value not in allowed:
        raise InputError("query", f"{name}={value!r} is not one of {', '.join(allowed)}")


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    ctx = context(request)
    articles, actors, n_articles, n_actors, totals = (), (), 0, 0, None
    if ctx.db_path is not None and ctx.db_path.exists():
        articles = data.recent_articles(ctx.db_path, limit=20)
        directory = data.actor_directory(ctx.db_path, ActorQuery(limit=20), ctx.knowledge)
        actors = tuple(data.ActorSummary.from_directory(r) for r in directory.rows)
        n_articles, n_actors = data.article_count(ctx.db_path), directory.total
        totals = data.event_totals(ctx.db_path, data.EventFilter())
    return render(request, "home.html", articles=articles, actors=actors, n_articles=n_articles,
                  n_actors=n_actors, totals=totals)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, built from the OpenAPI schema (served locally, no CDN)."""
    schema = request.app.openapi()
    routes = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                       "meaning": p.get("description") or "", "default": _default(p.get("schema", {})),
                       "example": json.dumps(p["example"]) if "example" in p else ""}
                      for p in op.get("parameters", [])]
            content = op.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
            example = json.dumps(content["example"], indent=2, ensure_ascii=False) if "example" in content else ""
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "description": op.get("description", ""), "params": params,
                           "body": "requestBody" in op, "example": example})
    return render(request, "docs.html", routes=routes, title=schema["info"]["title"],
                  api_version=schema["info"]["version"])


def _default(schema: dict[str, Any]) -> str:
    return json.dumps(schema["default"]) if "default" in schema else ""


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    ctx = context(request)
    coded = data.article(ctx.require_db(), article_id)
    if coded is None:
        return error_page(request, 404, f"no article {article_id} in the store")
    return render(request, "article.html", view=article_view(coded, ctx.ontology), stored=True,
                  quad_names=QUAD_NAMES)


@router.get("/code", response_class=HTMLResponse)
def code_form(request: Request) -> HTMLResponse:
    return render(request, "code.html")


@router.post("/code", response_class=HTMLResponse)
def code_submit(request: Request, text: str = Form(...), published: str = Form(""),
                store: str = Form("")) -> Any:
    """Code pasted text. Stored: its article page. Not stored: the result's own URL
    (``/code/result?text=...``), which codes the same text again when opened, unless the text
    is too long for a link (then the result is shown here and storing it gives a URL)."""
    ctx = context(request)
    if store:
        coded = _code(request, text, published)
        data.store_coded(ctx.require_db(write=True), coded, ctx.settings)
        return RedirectResponse(f"/articles/{coded.article.id}", status_code=303)
    link = "/code/result?" + urlencode({k: v for k, v in (("text", text), ("published", published)) if v})
    if len(link) <= MAX_RESULT_URL:
        return RedirectResponse(link, status_code=303)
    return _result(request, text, published, permalink=None)


MAX_RESULT_URL = 8_000
"""Longest result URL the form redirects to (longer texts: store the article to get a URL)."""


@router.get("/code/result", response_class=HTMLResponse)
def code_result(request: Request, text: str = "", published: str = "") -> HTMLResponse:
    """The coding of ``text`` (not stored): this URL is the result's permalink."""
    if not text.strip():
        raise InputError("query", "text is empty", "paste an article at /code")
    return _result(request, text, published, permalink=str(request.url.path) + "?" + request.url.query)


def _code(request: Request, text: str, published: str) -> Any:
    ctx = context(request)
    article = require_article(article_from_text(text, "<dashboard>", published=_date(published),
                                                settings=ctx.settings))
    return ctx.coder.code(article)


def _result(request: Request, text: str, published: str, permalink: str | None) -> HTMLResponse:
    coded = _code(request, text, published)
    return render(request, "article.html", view=article_view(coded, context(request).ontology), stored=False,
                  quad_names=QUAD_NAMES, permalink=permalink, too_long=permalink is None)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: str = "", b: str = "", by: str = "week",
              date_from: str | None = Query(None, alias="from"),
              date_to: str | None = Query(None, alias="to")) -> HTMLResponse:
    ctx = context(request)
    _allowed("by", by, PERIODS)
    timeline = chart = None
    a, b = a.strip().upper(), b.strip().upper()
    if a and b:
        timeline = data.dyad(ctx.require_db(), a, b, by=by, date_from=_date(date_from),
                             date_to=_date(date_to), top=3)
        chart = timeline_chart([p.counts for p in timeline.periods], by=by,
                               by_publication={p.counts.start: p.by_publication for p in timeline.periods})
    links = Links("/dyad", request.query_params, ("a", "b", "by", "from", "to"))

    def period_link(period: data.DyadPeriod, source: str, target: str) -> str:
        start = period.counts.start
        return Links("/events", {}).here(source=source, target=target, **{
            "from": start.isoformat(), "to": period_end(start, by).isoformat()})

    return render(request, "dyad.html", a=a, b=b, by=by, date_from=date_from or "",
                  date_to=date_to or "", timeline=timeline, chart=chart, quad_names=QUAD_NAMES,
                  links=links, period_link=period_link)


def period_end(start: dt.date, by: str) -> dt.date:
    """The last day of the period (day, week or month) starting on ``start``."""
    if by == "day":
        return start
    if by == "week":
        return start + dt.timedelta(days=6)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    q = q.strip()[:200]
    result = data.search(context(request).require_db(), q, limit=30) if q else None
    return render(request, "search.html", q=q, result=result, parts=data.split_match,
                  links=Links("/search", request.query_params, ("q",)))
