"""`wirecoder code`: code articles and print the wirecoder/1 JSON."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Iterator

import click

from ..api import code_all
from ..errors import output_error
from ..pipeline import Coder
from ..read import output_stem, read_inputs
from ..records import CodedArticle, Skip
from .common import (friendly_errors, make_settings, parse_date, progress_option, settings_options,
                     with_progress)

MAX_STEM_BYTES = 120  # file systems allow 255 bytes a name: longer stems are cut and hashed


@click.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD) for inputs that give none.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: the object of one article, a JSON array of several; jsonl: one object a line.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Write one NAME.json a file into DIR (names made unique; never two articles in one file); "
                   "'-' or no --out: print on stdout.")
@click.option("--jobs", type=click.IntRange(1, 512), default=1, show_default=True,
              help="Code on N local processes (one spaCy each); the output keeps the input order.")
@progress_option
@settings_options
@friendly_errors
def code_command(inputs, published, fmt, out_dir, jobs, progress, model, knowledge):
    """Code INPUT... (files, folders, globs, '-' for stdin) into event data."""
    settings = make_settings(model, knowledge)
    failed = 0
    files = OutFiles(Path(out_dir)) if out_dir and out_dir != "-" else None
    printer = JsonPrinter(fmt)
    total = None
    if progress or (progress is None and sys.stderr.isatty()):
        from ..store.ingest import estimate_total
        total = estimate_total(inputs)
    for item in with_progress(_coded(inputs, published, settings, jobs), progress, total):
        if isinstance(item, Skip):
            failed += 1
            click.echo(f"skipped: {item.source}: {item.reason}", err=True)
            continue
        data = item.to_dict()
        if files:
            files.write(item, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            printer.add(data)
    printer.close()
    if files:
        click.echo(files.summary(), err=True)
    raise SystemExit(1 if failed else 0)


class JsonPrinter:
    """Prints coded articles on stdout: ``jsonl`` one a line as they come; ``json`` one object
    when one article was coded, a JSON array (streamed) when several were."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.first: str | None = None
        self.count = 0

    def add(self, data: dict) -> None:
        if self.fmt == "jsonl":
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
            return
        text = json.dumps(data, ensure_ascii=False, indent=2)
        self.count += 1
        if self.count == 1:
            self.first = text
            return
        if self.count == 2:
            sys.stdout.write("[\n" + self.first + ",\n")  # type: ignore[operator]
            self.first = None
        else:
            sys.stdout.write(",\n")
        sys.stdout.write(text)
        sys.stdout.flush()

    def close(self) -> None:
        if self.first is not None:
            sys.stdout.write(self.first + "\n")
        elif self.count > 1:
            sys.stdout.write("\n]\n")


class OutFiles:
    """The files of ``code --out DIR``: one a coded article, each name used once in a run
    (``a/b`` and ``a_b``, or the same article twice, get ``-2``, ``-3``...), long names cut
    and hashed; files there from an earlier run are replaced and counted."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.written = 0
        self.replaced = 0
        self.renamed = 0
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise output_error(folder, exc) from None

    def name(self, coded: CodedArticle) -> str:
        source = coded.article.source
        stem = output_stem(source) if source not in ("-", "<stdin>") else coded.article.id[:16]
        if len(stem.encode("utf-8")) > MAX_STEM_BYTES:
            digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:12]
            stem = stem.encode("utf-8")[:MAX_STEM_BYTES - 13].decode("utf-8", "ignore") + "-" + digest
        name, n = stem, 1
        while name.casefold() in self.used:  # casefold: one file on case-insensitive file systems
            n += 1
            name = f"{stem}-{n}"
        if n > 1:
            self.renamed += 1
        self.used.add(name.casefold())
        return name + ".json"

    def write(self, coded: CodedArticle, text: str) -> None:
        path = self.folder / self.name(coded)
        if path.exists():
            self.replaced += 1
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise output_error(path, exc) from None
        self.written += 1

    def summary(self) -> str:
        extra = [f"{self.renamed} renamed to stay unique"] if self.renamed else []
        extra += [f"{self.replaced} replaced from an earlier run"] if self.replaced else []
        return f"wrote {self.written} file(s) to {self.folder}" + (f" ({'; '.join(extra)})" if extra else "")


def _coded(inputs, published, settings, jobs: int) -> Iterator[CodedArticle | Skip]:
    """Coded articles and skips in input order: here, or on ``jobs`` local processes."""
    if jobs > 1:
        from ..parallel import code_on_cluster
        yield from code_on_cluster(inputs, cluster=f"local:{jobs}", settings=settings,
                                   published=published, ordered=True)
        return
    yield from code_all(read_inputs(inputs, published=published, settings=settings), coder=Coder(settings))

commands = [code_command]
