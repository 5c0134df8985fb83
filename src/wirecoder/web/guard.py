"""Who may drive the server: the Host header and the origin of state-changing requests.

Two ways another web site could use a wirecoder server running on the user's
machine, and what stops them (see docs/security.md):

- DNS rebinding: a page on ``evil.example`` makes its name point at 127.0.0.1 and
  reads the answers as its own. The browser still sends ``Host: evil.example``,
  so every request whose Host is not one of the served names gets a 400.
- Cross-site requests: a page elsewhere posts a form to ``/code``. Browsers say
  where a POST comes from (``Origin``, else ``Referer``; ``Sec-Fetch-Site``), so a
  request that changes anything (every method but GET, HEAD and OPTIONS) coming
  from another origin gets a 403. Clients that are not browsers (curl, scripts)
  send neither header and are served.
"""
from __future__ import annotations

import json
from typing import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
"""The names a server always answers to."""

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def host_name(value: str) -> str:
    """The host name of a ``Host`` header or a URL's netloc: no port, no brackets, lower case."""
    value = value.strip().lower()
    if value.startswith("["):  # [::1]:8000
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def served_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    """The local names plus ``extra`` (the address the server is bound to, names given
    with ``serve --allow-host``)."""
    return frozenset(LOCAL_HOSTS) | {host_name(h) for h in extra if h and h.strip()}


class RequestGuard:
    """ASGI middleware: 400 for a Host that is not served, 403 for a state-changing
    request from another origin."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan; the app has no websocket routes
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or ()}
        host = headers.get("host", "")
        if host_name(host) not in self.hosts:
            await _refuse(send, 400, f"this server does not answer to the host {host_name(host) or '(none)'!r}",
                          "use http://localhost:PORT/, or start it with `wirecoder serve --allow-host NAME`")
            return
        method = scope.get("method", "GET").upper()
        if method not in SAFE_METHODS and not _same_origin(headers, host):
            await _refuse(send, 403, "a request from another web site cannot change anything here",
                          "send it from this server's own pages, or without an Origin header (curl, scripts)")
            return
        await self.app(scope, receive, send)


def _same_origin(headers: dict[str, str], host: str) -> bool:
    """False when the browser says the request comes from another origin."""
    if headers.get("sec-fetch-site", "").lower() == "cross-site":
        return False
    origin = headers.get("origin")
    if origin is not None:
        return origin.lower() != "null" and urlsplit(origin).netloc.lower() == host.lower()
    referer = headers.get("referer")
    if referer:
        return urlsplit(referer).netloc.lower() == host.lower()
    return True


async def _refuse(send: Send, status: int, error: str, hint: str) -> None:
    body = json.dumps({"error": error, "hint": hint}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
