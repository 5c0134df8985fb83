"""`wirecoder code`: code articles and print the wirecoder/1 JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator

import click

from ..api import code_all
from ..pipeline import Coder
from ..read import output_stem, read_inputs
from ..records import CodedArticle, Skip
from .common import friendly_errors, make_settings, parse_date, settings_options


@click.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD) for inputs that give none.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write one NAME.json a file into DIR.")
@click.option("--jobs", type=click.IntRange(1, 512), default=1, show_default=True,
              help="Code on N local processes (one spaCy each); the output keeps the input order.")
@settings_options
@friendly_errors
def code_command(inputs, published, fmt, out_dir, jobs, model, knowledge):
    """Code INPUT... (files, folders, globs, '-' for stdin) into event data."""
    settings = make_settings(model, knowledge)
    failed = 0
    out = Path(out_dir) if out_dir else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for item in _coded(inputs, published, settings, jobs):
        if isinstance(item, Skip):
            failed += 1
            click.echo(f"skipped: {item.source}: {item.reason}", err=True)
            continue
        coded = item
        data = coded.to_dict()
        text = json.dumps(data, ensure_ascii=False, indent=None if fmt == "jsonl" else 2)
        if out:
            source = coded.article.source
            stem = output_stem(source) if source not in ("-", "<stdin>") else coded.article.id[:16]
            (out / f"{stem}.json").write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
    raise SystemExit(1 if failed else 0)


def _coded(inputs, published, settings, jobs: int) -> Iterator[CodedArticle | Skip]:
    """Coded articles and skips in input order: here, or on ``jobs`` local processes."""
    if jobs > 1:
        from ..parallel import code_on_cluster
        yield from code_on_cluster(inputs, cluster=f"local:{jobs}", settings=settings,
                                   published=published, ordered=True)
        return
    yield from code_all(read_inputs(inputs, published=published, settings=settings), coder=Coder(settings))

commands = [code_command]
