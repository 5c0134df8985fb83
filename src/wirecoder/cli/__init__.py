"""The command line: thin commands over the library.

Each command group lives in its own module under ``wirecoder.cli`` and exposes
``commands`` (a list of click commands); ``MODULES`` declares them in one place.
"""
from __future__ import annotations

import importlib
import logging
import sys

import click

from .. import __version__

MODULES = (
    "code",
    "evaluate",
    "web",
    "store",
    "actors",
    "explain",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirecoder")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """wirecoder: news articles to political event data."""
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


for _name in MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").commands:
        cli.add_command(_command)


def main() -> None:
    cli(prog_name="wirecoder")
