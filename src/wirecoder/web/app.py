"""The FastAPI application: ``create_app(settings, db_path)``.

The web layer only calls the library: :class:`~wirecoder.pipeline.Coder` to code
a posted article, and the store's read functions (through :mod:`.data`) for
everything stored. Nothing is loaded from the internet: the API docs page,
the CSS and the JS are served by wirecoder itself, and a Content-Security-Policy
forbids any other origin and any inline script.
"""
from __future__ import annotations

import json
import logging
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import AccessError, InputError, LimitError, StoreError, WirecoderError
from ..knowledge import KnowledgeBase, load_knowledge
from ..ontology import Ontology
from ..pipeline import Coder
from ..records import Article, CodedArticle
from ..settings import Settings
from .guard import RequestGuard, served_hosts

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def body_limit(settings: Settings) -> int:
    """The largest request body accepted: an article of ``serve_max_chars`` characters
    (up to 12 bytes each: a JSON ``\\ud83d\\ude00`` pair, or a 4-byte UTF-8 character
    percent-encoded in a form) plus room for the other fields."""
    return settings.serve_max_chars * 12 + 64 * 1024


class CoderProvider:
    """One :class:`Coder`, built on first use (loading spaCy takes seconds), coding one
    article at a time in its own worker thread within the settings' limits: an article
    longer than ``serve_max_chars`` is refused (413), and a request whose article is not
    coded within ``serve_seconds`` (waiting included) is answered 503 at once."""

    def __init__(self, settings: Settings, coder: Coder | None = None) -> None:
        self._settings = settings
        self._coder = coder
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wirecoder-coder")

    def code(self, article: Article) -> CodedArticle:
        limit = self._settings.serve_max_chars
        if len(article.text) > limit:
            raise LimitError(f"the article has {len(article.text):,} characters, more than this server "
                             f"codes in one request ({limit:,}): send a shorter text, ingest it with "
                             "`wirecoder ingest`, or start the server with a larger --max-chars", status=413)
        future = self._worker.submit(self._code, article)
        try:
            return future.result(timeout=self._settings.serve_seconds)
        except FutureTimeout:
            future.cancel()  # not started yet: never runs; started: finishes unseen
            raise LimitError(f"coding the article took longer than this server's budget of "
                             f"{self._settings.serve_seconds:g} s: try again later, send a shorter text, "
                             "or start the server with a larger --time-limit", status=503) from None

    def _code(self, article: Article) -> CodedArticle:
        if self._coder is None:
            log.info("loading the coder (%s)", self._settings.model)
            self._coder = Coder(self._settings)
        return self._coder.code(article)


@dataclass(frozen=True, slots=True)
class WebContext:
    """What every route needs; kept on ``app.state.web`` (one per app, no globals)."""

    settings: Settings
    db_path: Path | None
    ontology: Ontology
    knowledge: KnowledgeBase
    coder: CoderProvider
    templates: Environment
    max_body_bytes: int
    allow_writes: bool = False

    def require_db(self, *, write: bool = False) -> Path:
        """The store's path; for reading it must exist, for writing it is created when needed
        (and the server must have been started with ``--allow-writes``)."""
        if self.db_path is None:
            raise StoreError("this server was started without a store: run `wirecoder serve --db PATH`")
        if write and not self.allow_writes:
            raise AccessError("this server does not store articles sent to it: start it with "
                              "`wirecoder serve --allow-writes` to allow storing from the web")
        if not write and not self.db_path.exists():
            raise StoreError(f"the store {self.db_path} does not exist yet: "
                             f"run `wirecoder ingest SOURCE --db {self.db_path}` first")
        return self.db_path


def context(request: Request) -> WebContext:
    return request.app.state.web


class BodyLimit:
    """Refuse request bodies larger than ``limit`` bytes with a 413 that says so, whether
    the client announces the size (Content-Length) or streams the body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self.refuse(send)
            return
        seen = 0
        exceeded = refused = False

        async def limited_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    exceeded = True
                    raise _TooLarge()
            return message

        async def watched_send(message: Message) -> None:
            # once the body passed the limit, whatever the app answers becomes the 413
            nonlocal refused
            if not exceeded:
                await send(message)
            elif not refused:
                refused = True
                await self.refuse(send)

        try:
            await self.app(scope, limited_receive, watched_send)
        except _TooLarge:
            pass
        if exceeded and not refused:
            await self.refuse(send)

    async def refuse(self, send: Send) -> None:
        body = json.dumps({"error": f"the request body is larger than {self.limit:,} bytes",
                           "hint": "send a smaller article, or start the server with a larger "
                                   "--max-chars (WIRECODER_SERVE_MAX_CHARS)"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    """Raised from ``receive`` when the body passes the limit (turned into a 413)."""


def templates_environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    return env


def create_app(settings: Settings | None = None, db_path: Path | str | None = None, *,
               coder: Coder | None = None, max_body_bytes: int | None = None,
               hosts: Iterable[str] = (), allow_writes: bool = False) -> FastAPI:
    """The wirecoder web application (JSON API under ``/api``, dashboard pages, ``/docs``).

    ``coder``: an already loaded coder to share (tests); otherwise one is built on
    the first ``POST /api/code``. ``db_path``: the DuckDB store to read (may be
    written at the same time by ``wirecoder ingest``). ``hosts``: host names served
    besides localhost, 127.0.0.1 and ::1 (any other Host header gets a 400).
    ``allow_writes``: storing posted articles (``?store=true``, the form's "store it")
    is refused unless True. See docs/security.md.
    """
    from . import api, browse, pages, reference, views

    settings = settings or Settings.from_env()
    limit = max_body_bytes if max_body_bytes is not None else body_limit(settings)
    app = FastAPI(title="wirecoder", version=__version__,
                  description="News articles to political event data, every fact linked to its evidence.",
                  docs_url=None, redoc_url=None)
    app.state.web = WebContext(
        settings=settings,
        db_path=Path(db_path) if db_path is not None else None,
        ontology=Ontology.load(settings.data_dir / "cameo.tsv"),
        knowledge=coder.resources.knowledge if coder is not None else load_knowledge(settings),
        coder=CoderProvider(settings, coder),
        templates=templates_environment(),
        max_body_bytes=limit,
        allow_writes=allow_writes,
    )
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(browse.router)
    app.include_router(views.router)
    reference.install(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(BodyLimit, limit=limit)
    app.add_middleware(RequestGuard, hosts=served_hosts(hosts))  # outermost: runs first

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # same-origin, not no-referrer: with no-referrer the browser sends `Origin: null`
        # on the dashboard's own form posts, which RequestGuard must refuse
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.exception_handler(WirecoderError)
    async def wirecoder_error(request: Request, exc: WirecoderError) -> Any:
        status = (exc.status if isinstance(exc, LimitError) else 403 if isinstance(exc, AccessError) else
                  422 if isinstance(exc, InputError) else 503 if isinstance(exc, StoreError) else 500)
        log.warning("%s %s: %s", request.method, request.url.path, exc)
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": str(exc)}, status_code=status)
        return pages.error_page(request, status, str(exc))

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Any:
        detail = getattr(exc, "detail", None) or "not found"
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return JSONResponse({"error": detail}, status_code=404)
        return pages.error_page(request, 404, str(detail))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Any:
        message = validation_message(exc)
        if request.url.path.startswith("/api"):
            details = [{k: v for k, v in err.items() if k in ("loc", "msg", "type")} for err in exc.errors()]
            return JSONResponse({"error": message, "details": jsonable_encoder(details)}, status_code=422)
        return pages.error_page(request, 422, message)

    return app


def validation_message(exc: RequestValidationError) -> str:
    """One line naming each bad parameter or field and what it must be."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """A page from ``templates/`` (autoescaped)."""
    ctx = context(request)
    page = {"request": request, "version": __version__, "has_db": ctx.db_path is not None,
            "allow_writes": ctx.allow_writes}
    html = ctx.templates.get_template(template).render({**page, **values})
    return HTMLResponse(html, status_code=status_code)
