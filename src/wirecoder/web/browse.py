"""The events page (``/events``): filters, facet counts, sortable columns, paging, and its
exports (``/events.csv``, ``/events.json``) that return exactly the rows of the view.

Every question is :mod:`wirecoder.store.browse`'s; this module only reads the URL into an
:class:`~wirecoder.store.browse.EventQuery`, and shapes the answer as HTML, CSV or JSON.
The URL is the view: the same query string gives the same page, and the export links
carry it unchanged.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ..errors import InputError, StoreError
from ..store import browse
from . import exports, store_access
from .app import context, render
from .article_view import QUAD_NAMES

router = APIRouter(include_in_schema=False)

FILTERS = ("actor", "source", "target", "code", "root", "plover", "quad_class", "from", "to",
           "background", "text")
"""The URL parameters that filter (in the order the form shows them)."""
VIEW = (*FILTERS, "sort", "dir", "limit", "offset")
PAGE_SIZES = (25, 50, 100, 200, 500)
FACET_PARAM = {"root": "root", "quad_class": "quad_class", "source_country": "source",
               "target_country": "target"}
FACET_TITLES = {"root": "CAMEO root", "quad_class": "Quad class", "source_country": "Source country",
                "target_country": "Target country", "month": "Month"}


def _text(params: Mapping[str, str], name: str, size: int = 100) -> str | None:
    value = (params.get(name) or "").strip()
    return value[:size] or None


def _date(params: Mapping[str, str], name: str) -> dt.date | None:
    value = _text(params, name)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError("query", f"{name}={value!r} is not a date", "use YYYY-MM-DD") from None


def _int(params: Mapping[str, str], name: str, default: int | None, allowed: str) -> int | None:
    value = _text(params, name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise InputError("query", f"{name}={value!r} is not a number", f"use {allowed}") from None


def read_query(params: Mapping[str, str]) -> browse.EventQuery:
    """The :class:`EventQuery` a URL asks for (unknown values refused with the allowed ones)."""
    background = _text(params, "background")
    if background not in (None, "yes", "no"):
        raise InputError("query", f"background={background!r} is not known", "use yes or no")
    direction = _text(params, "dir") or "desc"
    if direction not in ("asc", "desc"):
        raise InputError("query", f"dir={direction!r} is not known", "use asc or desc")
    limit = _int(params, "limit", 50, "a page size of 1 to 500")
    if limit is not None and not 1 <= limit <= 500:
        raise InputError("query", f"limit={limit} is out of range", "use a page size of 1 to 500")
    try:
        return browse.EventQuery(
            actor=_text(params, "actor"), source=_text(params, "source"), target=_text(params, "target"),
            code=_text(params, "code"), root=_text(params, "root"), plover=_text(params, "plover"),
            quad_class=_int(params, "quad_class", None, "1, 2, 3 or 4"),
            start=_date(params, "from"), end=_date(params, "to"),
            background=None if background is None else background == "yes", text=_text(params, "text", 200),
            sort=_text(params, "sort") or "date", descending=direction == "desc",
            limit=limit or 50, offset=_int(params, "offset", 0, "a row number from 0") or 0)
    except StoreError as exc:
        raise InputError("query", str(exc), "change the URL's parameters") from None


class Links:
    """URLs of this view with some parameters changed (a permalink is ``here()``)."""

    def __init__(self, path: str, params: Mapping[str, str], names: tuple[str, ...] = VIEW) -> None:
        self.path = path
        self.params = {k: v for k, v in params.items() if k in names and v not in ("", None)}

    def here(self, path: str | None = None, **changes: Any) -> str:
        merged = dict(self.params)
        for key, value in changes.items():
            key = {"date_from": "from", "date_to": "to"}.get(key, key)
            if value is None or value == "":
                merged.pop(key, None)
            else:
                merged[key] = str(value)
        query = urlencode(merged)
        return (path or self.path) + (f"?{query}" if query else "")

    def filtered(self, **changes: Any) -> str:
        """A link that changes filters: back to the first page."""
        return self.here(offset=None, **changes)

    def sorted_by(self, column: str, query: browse.EventQuery) -> str:
        descending = not query.descending if query.sort == column else column in ("date", "goldstein")
        return self.here(sort=column, dir="desc" if descending else "asc", offset=None)


def facet_link(links: Links, facet: str, value: str) -> str:
    if facet == "month":
        year, month = (int(p) for p in value.split("-"))
        first = dt.date(year, month, 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return links.filtered(**{"from": first.isoformat(), "to": last.isoformat()})
    return links.filtered(**{FACET_PARAM[facet]: value})


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    params = request.query_params
    query = read_query(params)
    page = browse.event_page(store_access.store(context(request).require_db()), query)
    links = Links("/events", params)
    active = [(name, params[name], links.filtered(**{name: None})) for name in FILTERS if params.get(name)]
    return render(request, "events.html", page=page, query=query, links=links, active=active,
                  facet_link=lambda f, v: facet_link(links, f, v), facet_titles=FACET_TITLES,
                  quad_names=QUAD_NAMES, form={name: params.get(name, "") for name in VIEW},
                  page_sizes=PAGE_SIZES, sorts=tuple(browse.SORTS))


def _export(request: Request, kind: str) -> Response:
    params = request.query_params
    query = read_query(params)
    scope = "all" if params.get("scope") == "all" else "page"
    rows, total = browse.event_rows(store_access.store(context(request).require_db()), query, scope=scope)
    records = [browse.export_record(r) for r in rows]
    about = {"filter": {k: (v.isoformat() if isinstance(v, dt.date) else v)
                        for k, v in query.filters().items()},
             "sort": query.sort, "dir": "desc" if query.descending else "asc", "scope": scope,
             "offset": query.offset if scope == "page" else 0, "total": total}
    if kind == "csv":
        return exports.csv_response(browse.EXPORT_COLUMNS, records, "events.csv", total=total)
    return exports.json_response({**about, "returned": len(records),
                                  "left_out": total - len(records), "rows": records}, total=total)


@router.get("/events.csv")
def events_csv(request: Request) -> Response:
    """The rows of the same view as CSV (``scope=all``: every matching row, up to 10,000)."""
    return _export(request, "csv")


@router.get("/events.json")
def events_json(request: Request) -> Response:
    """The rows of the same view as JSON, with the filter and how many rows match in all."""
    return _export(request, "json")
