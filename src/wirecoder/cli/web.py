"""`wirecoder serve`: the HTTP API and the dashboard over a store."""
from __future__ import annotations

from pathlib import Path

import click

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
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach this address can use the API",
                   err=True)
    click.echo(f"wirecoder: serving {db_path} on http://{host}:{port}/ (API reference: /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


commands = [serve_command]
