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
    if not logging.getLogger().handlers:
        logging.getLogger().addHandler(log_handler(verbose))
    logging.getLogger().setLevel(max(level, logging.DEBUG))


class OwnWarningsOnly(logging.Filter):
    """Lets wirecoder's own records through, and other libraries' (trafilatura, warcio...)
    only when asked with -v: their errors about one page are wirecoder's skips, not the user's."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name == "wirecoder" or record.name.startswith("wirecoder.")


def log_handler(verbose: int) -> logging.Handler:
    """The stderr handler of the command line: third-party records only with -v."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    if verbose == 0:
        handler.addFilter(OwnWarningsOnly())
    return handler


for _name in MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").commands:
        cli.add_command(_command)


def main() -> None:
    cli(prog_name="wirecoder")
