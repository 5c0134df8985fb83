"""Small things every command shares: settings from options, errors to the terminal."""
from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Callable

import click

from ..errors import WirecoderError
from ..settings import Settings


def settings_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --model and --knowledge options that build the one Settings object."""
    func = click.option("--knowledge", "knowledge", multiple=True, type=click.Path(exists=True),
                        help="A YAML/CSV file extending the actor knowledge base (repeatable).")(func)
    func = click.option("--model", default=None,
                        help="spaCy pipeline to use (package name or path).")(func)
    return func


def make_settings(model: str | None, knowledge: tuple[str, ...] = (), **extra: Any) -> Settings:
    from pathlib import Path
    overrides: dict[str, Any] = {"model": model}
    if knowledge:
        overrides["knowledge_files"] = tuple(Path(k) for k in knowledge)
    overrides.update(extra)
    return Settings.from_env(**overrides)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


def friendly_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a WirecoderError into a one-line message and exit status 2."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except WirecoderError as exc:
            click.echo(f"error: {exc}", err=True)
            raise SystemExit(2) from None
    return wrapper
