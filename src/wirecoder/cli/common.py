"""Small things every command shares: settings from options, errors to the terminal."""
from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
import sys
from typing import Any, Callable, Iterable, TypeVar

import click

from ..errors import OutputError, WirecoderError, output_error
from ..settings import Settings

T = TypeVar("T")


def settings_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --model and --knowledge options that build the one Settings object."""
    func = click.option("--knowledge", "knowledge", multiple=True, type=click.Path(exists=True),
                        help="A YAML/CSV file extending the actor knowledge base (repeatable).")(func)
    func = click.option("--model", default=None,
                        help="spaCy pipeline to use (package name or path).")(func)
    return func


def make_settings(model: str | None, knowledge: tuple[str, ...] = (), **extra: Any) -> Settings:
    overrides: dict[str, Any] = {"model": model}
    if knowledge:
        overrides["knowledge_files"] = tuple(Path(k) for k in knowledge)
    overrides.update(extra)
    return Settings.from_env(**overrides)


def progress_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add --progress/--no-progress (default: a bar when stderr is a terminal)."""
    return click.option("--progress/--no-progress", "progress", default=None,
                        help="A progress bar on stderr (default: only when stderr is a terminal).")(func)


def with_progress(items: Iterable[T], show: bool | None, total: int | None = None,
                  unit: str = "article") -> Iterable[T]:
    """``items`` with a tqdm bar on stderr when ``show`` (None: when stderr is a terminal);
    stdout never carries progress."""
    if show is None:
        show = sys.stderr.isatty()
    if not show:
        return items
    from tqdm import tqdm
    return tqdm(items, total=total, unit=unit, file=sys.stderr, dynamic_ncols=True, leave=False)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


def friendly_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a WirecoderError (or an OSError on a named file) into a one-line message
    on stderr and exit status 2."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except WirecoderError as exc:
            click.echo(f"error: {exc}", err=True)
            raise SystemExit(2) from None
        except OSError as exc:
            if exc.filename is None:
                raise
            click.echo(f"error: {exc.filename}: {exc.strerror or exc}", err=True)
            raise SystemExit(2) from None
    return wrapper


def write_output(path: str | Path, text: str, *, force: bool = True) -> None:
    """Write ``text`` to the file ``path`` (``-``: stdout). Without ``force`` an existing
    file is refused; a file that cannot be written raises :class:`OutputError`."""
    if str(path) == "-":
        click.echo(text, nl=False)
        return
    path = Path(path)
    refuse_existing(path, force)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise output_error(path, exc) from None


def refuse_existing(path: str | Path, force: bool) -> None:
    """Refuse to overwrite an existing ``path`` unless ``force``."""
    if not force and Path(path).exists():
        raise OutputError(path, "it exists already", "give --force to overwrite it, or choose another --out")
