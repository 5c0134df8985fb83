"""`wirecoder code`: code articles and print the wirecoder/1 JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import InputError
from ..pipeline import Coder
from ..read import read_inputs
from ..records import Skip
from .common import friendly_errors, make_settings, parse_date, settings_options


@click.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD) for inputs that give none.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write one NAME.json a file into DIR.")
@settings_options
@friendly_errors
def code_command(inputs, published, fmt, out_dir, model, knowledge):
    """Code INPUT... (files, folders, globs, '-' for stdin) into event data."""
    coder = Coder(make_settings(model, knowledge))
    failed = 0
    out = Path(out_dir) if out_dir else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for item in read_inputs(inputs, published=published, settings=coder.settings):
        if isinstance(item, Skip):
            failed += 1
            click.echo(f"skipped: {item.source}: {item.reason}", err=True)
            continue
        try:
            coded = coder.code(item)
        except InputError as exc:
            failed += 1
            click.echo(f"skipped: {exc}", err=True)
            continue
        data = coded.to_dict()
        text = json.dumps(data, ensure_ascii=False, indent=None if fmt == "jsonl" else 2)
        if out:
            stem = Path(item.source).stem if item.source not in ("-", "<stdin>") else coded.article.id[:16]
            (out / f"{stem}.json").write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
    raise SystemExit(1 if failed else 0)


commands = [code_command]
