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
              help="Address to listen on (loopback by default; 0.0.0.0 exposes it to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@settings_options
@friendly_errors
def serve_command(db_path, host, port, model, knowledge):
    """Serve the JSON API (/api, reference at /docs) and the dashboard for the store --db."""
    import uvicorn

    from ..web import create_app

    app = create_app(make_settings(model, knowledge), Path(db_path))
    sock = bind(host, port)  # fails here, before anything says "serving"
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach this address can use the API",
                   err=True)
    click.echo(f"wirecoder: serving {db_path} on http://{host}:{port}/ (API reference: /docs)", err=True)
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
