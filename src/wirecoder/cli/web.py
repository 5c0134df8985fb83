"""`wirecoder serve`: the HTTP API and the dashboard over a store."""
from __future__ import annotations

import socket
from pathlib import Path

import click

from ..errors import SettingsError
from .common import friendly_errors, make_settings, settings_options


@click.command("serve")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False),
              help="The DuckDB store to show (it may not exist yet; `wirecoder ingest` may write it meanwhile).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; 0.0.0.0 exposes it to the network). "
                   "It is also a host name the server answers to.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (repeatable), e.g. the machine's name or "
                   "address when listening on 0.0.0.0. Only localhost, 127.0.0.1, ::1, --host and these "
                   "names are answered; any other Host header gets a 400.")
@click.option("--allow-writes", is_flag=True,
              help="Let POST /api/code?store=true and the dashboard's \"store it\" write into the store "
                   "(off by default: the web can only read it).")
@click.option("--max-chars", type=click.IntRange(1), default=None,
              help="Longest article coded for one request (413 beyond) [default: 50,000; "
                   "env WIRECODER_SERVE_MAX_CHARS].")
@click.option("--time-limit", "time_limit", type=click.FloatRange(0.1), default=None, metavar="SECONDS",
              help="Time budget of coding one posted article (503 beyond) [default: 30; "
                   "env WIRECODER_SERVE_SECONDS].")
@settings_options
@friendly_errors
def serve_command(db_path, host, port, allow_hosts, allow_writes, max_chars, time_limit, model, knowledge):
    """Serve the JSON API (/api, reference at /docs) and the dashboard for the store --db.

    Requests from other web sites cannot change anything, requests for other host names
    are refused, and nothing is stored from the web without --allow-writes (docs/security.md).
    """
    import uvicorn

    from ..web import create_app

    settings = make_settings(model, knowledge, serve_max_chars=max_chars, serve_seconds=time_limit)
    app = create_app(settings, Path(db_path), hosts=(host, *allow_hosts), allow_writes=allow_writes)
    sock = bind(host, port)  # fails here, before anything says "serving"
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach this address can use the API",
                   err=True)
    writes = "read and write (--allow-writes)" if allow_writes else "read-only from the web"
    click.echo(f"wirecoder: serving {db_path} on http://{host}:{port}/, {writes} (API reference: /docs)",
               err=True)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    server.run(sockets=[sock])


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or a :class:`SettingsError` saying why not
    (the port is taken, the address is not this machine's)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        raise SettingsError(f"cannot listen on {host}:{port}: {exc.strerror or exc} "
                            "(is another server using the port? choose another --port)") from None
    sock.set_inheritable(True)
    return sock


commands = [serve_command]
