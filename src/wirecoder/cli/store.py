"""`wirecoder ingest`, `wirecoder query ...`, `wirecoder sql`, `wirecoder export`: the event store."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import StoreError
from ..store import Store, estimate_total, ingest
from ..store import network as N
from ..store import profiles as P
from ..store import queries as Q
from ..store import search as S
from ..store.export import FORMATS, export
from ..store.schema import TABLES
from .common import friendly_errors, make_settings, parse_date, refuse_existing, settings_options

_OUTPUT = click.Choice(["table", "csv", "json"])


def _db_option(func):
    return click.option("--db", "db", required=True, envvar="WIRECODER_DB", type=click.Path(dir_okay=False),
                        help="The store file (DuckDB); env WIRECODER_DB.")(func)


def _format_option(func):
    return click.option("--format", "fmt", type=_OUTPUT, default="table", show_default=True,
                        help="Output: an aligned table, CSV or JSON.")(func)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _cell(value: Any, width: int = 60) -> str:
    text = "" if value is None else (value.isoformat() if isinstance(value, dt.date) else str(value))
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return json.dumps(_jsonable(value), ensure_ascii=False)
    return value


def emit(result: Q.SqlResult, fmt: str) -> None:
    """Print a result as a table, CSV or JSON on stdout."""
    if fmt == "json":
        records = [dict(zip(result.columns, map(_jsonable, row))) for row in result.rows]
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(result.columns)
        writer.writerows([_csv_cell(v) for v in row] for row in result.rows)
        return
    if not result.columns:
        click.echo("(nothing found)")
        return
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    click.echo(f"({len(cells)} rows)", err=True)


def emit_sections(sections: dict[str, Q.SqlResult], fmt: str, head: dict[str, Any] | None = None) -> None:
    """Print several results: one JSON object, or each as a titled table / CSV block."""
    if fmt == "json":
        out: dict[str, Any] = {k: _jsonable(v) for k, v in (head or {}).items()}
        for name, result in sections.items():
            out[name] = [dict(zip(result.columns, map(_jsonable, row))) for row in result.rows]
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        emit(merge_sections(sections, head), fmt)
        return
    for key, value in (head or {}).items():
        click.echo(f"# {key}: {_cell(_jsonable(value), 200)}")
    for name, result in sections.items():
        click.echo(f"# {name}")
        emit(result, fmt)
        click.echo("")


def merge_sections(sections: dict[str, Q.SqlResult], head: dict[str, Any] | None = None) -> Q.SqlResult:
    """Several results as one table (for CSV: every row as wide as the header): a ``section``
    column, then the columns of all sections in order; ``head`` is the first row, section
    ``summary``. A row leaves the other sections' columns empty."""
    parts = dict(sections)
    if head:
        parts = {"summary": Q.SqlResult(tuple(head), (tuple(head.values()),)), **parts}
    columns: list[str] = []
    for result in parts.values():
        columns.extend(c for c in result.columns if c not in columns)
    rows = []
    for name, result in parts.items():
        where = [columns.index(c) for c in result.columns]
        for row in result.rows:
            cells: list[Any] = [None] * len(columns)
            for i, value in zip(where, row):
                cells[i] = value
            rows.append((name, *cells))
    return Q.SqlResult(("section", *columns), tuple(rows))


class _Bar:
    """A tqdm progress bar on stderr fed with the running ingest summary."""

    def __init__(self, total: int | None) -> None:
        from tqdm import tqdm
        self.bar = tqdm(total=total, unit="article", dynamic_ncols=True, file=sys.stderr)
        self.done = 0

    def __call__(self, summary) -> None:
        done = summary.seen + summary.pending  # moves per article, not per written batch
        self.bar.update(done - self.done)
        self.done = done
        self.bar.set_postfix(coded=summary.coded, skipped=summary.skipped,
                             stored=summary.already_stored, events=summary.events, refresh=False)

    def close(self) -> None:
        self.bar.close()


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", "db", envvar="WIRECODER_DB", type=click.Path(dir_okay=False),
              help="The store file (DuckDB); env WIRECODER_DB. Needed unless --parquet is given.")
@click.option("--parquet", "parquet", type=click.Path(file_okay=False),
              help="Also (or only) write Parquet tables, date-partitioned, into this folder.")
@click.option("--cluster", "cluster", metavar="local:N|tcp://HOST:PORT",
              help="Code on Dask: N local processes, or a running `dask scheduler` (see docs/scale.md).")
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD) for inputs that give none.")
@click.option("--coded", is_flag=True, help="SOURCES are wirecoder/1 JSON (Lines) already coded: store them as they are.")
@click.option("--batch", "batch_size", type=click.IntRange(1, 10_000), default=64, show_default=True,
              help="Articles written per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (there is none when stderr is not a terminal).")
@click.option("--init", "init", is_flag=True,
              help="Add the store's tables to a DuckDB file that already holds other tables "
                   "(refused without it).")
@settings_options
@friendly_errors
def ingest_command(sources, db, parquet, cluster, published, coded, batch_size, quiet, init, model, knowledge):
    """Code SOURCE... (files, folders, globs, JSON Lines, feeds, WARC, '-') into the store --db
    and/or Parquet tables (--parquet DIR), here or on a Dask cluster (--cluster).

    Articles already stored are not coded again; a killed run can simply be run again.
    """
    settings = make_settings(model, knowledge)
    if db is None and parquet is None:
        raise click.UsageError("say where to write: --db FILE (the store) and/or --parquet DIR")
    show = not quiet and sys.stderr.isatty()
    bar = _Bar(estimate_total(sources)) if show else None
    try:
        if cluster or parquet:
            from ..parallel import ingest as scaled_ingest
            summary = scaled_ingest(sources, db, parquet=parquet, cluster=cluster, settings=settings,
                                    published=published, batch_size=batch_size, coded=coded,
                                    progress=bar, init=init)
        else:
            summary = ingest(sources, db, settings=settings, published=published,
                             batch_size=batch_size, coded=coded, progress=bar, init=init)
    finally:
        if bar:
            bar.close()
    click.echo(summary.line(), err=True)


@click.group("query")
def query_group():
    """Ask the store: dyad timelines, events, actors, quotes, network, search (the same
    library functions the dashboard and the HTTP API call)."""


def _wide_option(func):
    return click.option("--wide", is_flag=True, help="Every column (actor ids, spans, location, ...).")(func)


def _names(record_type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record_type))


def _common_query_options(func):
    func = click.option("--reports", is_flag=True, help="Count every article's report, not event clusters.")(func)
    func = click.option("--to", "end", callback=parse_date, help="Last day (YYYY-MM-DD).")(func)
    func = click.option("--from", "start", callback=parse_date, help="First day (YYYY-MM-DD).")(func)
    return _db_option(_format_option(func))


@query_group.command("dyad")
@click.argument("actor_a")
@click.argument("actor_b")
@click.option("--by", type=click.Choice(Q.PERIODS), default="month", show_default=True)
@click.option("--directed", is_flag=True, help="Only events from ACTOR_A to ACTOR_B.")
@click.option("--top-events", type=click.IntRange(0, 20), default=0, show_default=True,
              help="Also list each period's N most reported events (CAMEO:SOURCE>TARGET).")
@_common_query_options
@friendly_errors
def dyad_command(actor_a, actor_b, by, directed, top_events, start, end, reports, db, fmt):
    """Events between ACTOR_A and ACTOR_B per period (country code like RUS or actor code like RUSGOV)."""
    rows = Q.dyad(Store.open(db, read_only=True), actor_a, actor_b, start=start, end=end, by=by,
                  reports=reports, directed=directed, top_events=top_events)
    columns = None if top_events else [f for f in _names(Q.DyadPeriod) if f != "top_events"]
    emit(Q.as_table(rows, columns), fmt)
    placed = sum(r.by_publication for r in rows)
    left_out = Q.dyad_left_out(Store.open(db, read_only=True), actor_a, actor_b, reports=reports,
                               directed=directed)
    if placed or left_out:
        click.echo(f"{placed} event(s) without a date of their own counted on their article's "
                   f"publication date (column by_publication); {left_out} with no date at all left out",
                   err=True)


@query_group.command("events")
@click.option("--actor", help="Either side: country code (RUS) or actor code (RUSGOV).")
@click.option("--country", help="Either side's country code.")
@click.option("--code", help="CAMEO code or its prefix (112 matches 112, 1121...).")
@click.option("--root", help="CAMEO root code (01-20).")
@click.option("--source", help="Source side: country code or actor code.")
@click.option("--target", help="Target side: country code or actor code.")
@click.option("--quad-class", type=click.IntRange(1, 4), help="1 verbal coop., 2 material coop., "
              "3 verbal conflict, 4 material conflict.")
@click.option("--text", help="Words in the event's sentence or an actor's name.")
@click.option("--negated", is_flag=True, help="Include events the text says did not happen.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@_wide_option
@_common_query_options
@friendly_errors
def events_command(actor, country, code, root, source, target, quad_class, text, negated, limit, offset,
                   wide, start, end, reports, db, fmt):
    """Events matching the filters, newest first."""
    rows = Q.events(Store.open(db, read_only=True), actor=actor, source=source, target=target,
                    country=country, code=code, root=root, quad_class=quad_class, start=start, end=end,
                    text=text, reports=reports, negated=negated, limit=limit, offset=offset)
    emit(Q.as_table(rows, None if wide else Q.EVENT_SUMMARY), fmt)


@query_group.command("actors")
@click.option("--country", help="Only actors of this country.")
@click.option("--by", type=click.Choice(["actor", "country"]), default="actor", show_default=True)
@click.option("--limit", type=click.IntRange(1), default=30, show_default=True)
@_common_query_options
@friendly_errors
def actors_command(country, by, limit, start, end, reports, db, fmt):
    """The most active actors (or countries)."""
    rows = Q.actors(Store.open(db, read_only=True), country=country, by=by, start=start, end=end,
                    reports=reports, limit=limit)
    emit(Q.as_table(rows), fmt)


@query_group.command("quotes")
@click.option("--speaker", help="Part of the speaker's name, or an actor code.")
@click.option("--text", help="Words in the quote.")
@click.option("--from", "start", callback=parse_date, help="First publication day.")
@click.option("--to", "end", callback=parse_date, help="Last publication day.")
@click.option("--no-terms", is_flag=True, help="Leave out scare-quoted terms.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@_wide_option
@_db_option
@_format_option
@friendly_errors
def quotes_command(speaker, text, start, end, no_terms, limit, wide, db, fmt):
    """Quotes, by speaker or words."""
    rows = Q.quotes(Store.open(db, read_only=True), speaker=speaker, text=text, start=start, end=end,
                    terms=not no_terms, limit=limit)
    emit(Q.as_table(rows, None if wide else Q.QUOTE_SUMMARY), fmt)


@query_group.command("network")
@click.option("--level", type=click.Choice(N.LEVELS), default="country", show_default=True,
              help="Edges between countries or between full actor codes.")
@click.option("--from", "start", callback=parse_date, help="First day (YYYY-MM-DD).")
@click.option("--to", "end", callback=parse_date, help="Last day (YYYY-MM-DD).")
@_db_option
@_format_option
@friendly_errors
def network_command(level, start, end, db, fmt):
    """Who deals with whom: event clusters between pairs of countries (or actor codes)."""
    edges = N.network(Store.open(db, read_only=True), start=start, end=end, level=level)
    emit(Q.as_table(edges, ("a", "b", "events", "cooperation", "conflict")), fmt)


@query_group.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Rows per kind.")
@_db_option
@_format_option
@friendly_errors
def search_command(text, limit, db, fmt):
    """Articles, actors, events and quotes matching TEXT (words, a name, an actor or CAMEO code)."""
    found = S.search(Store.open(db, read_only=True), text, limit=limit)
    emit_sections({"articles": Q.as_table(found.articles), "actors": Q.as_table(found.actors),
                   "events": Q.as_table(found.events, Q.EVENT_SUMMARY),
                   "quotes": Q.as_table(found.quotes, Q.QUOTE_SUMMARY)}, fmt, {"query": found.query})


@query_group.command("actor")
@click.argument("code")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="Events each way and quotes.")
@_db_option
@_format_option
@friendly_errors
def actor_command(code, limit, db, fmt):
    """One actor CODE (exactly): its names, roles, events by and against it, its quotes, partners."""
    found = P.profile(Store.open(db, read_only=True), code, limit=limit)
    if found is None:
        raise StoreError(f"no actor coded {code.upper()!r} in {db}: "
                                   "`wirecoder query actors --db ...` lists the codes")
    emit_sections({"events_by": Q.as_table(found.events_by, Q.EVENT_SUMMARY),
                   "events_against": Q.as_table(found.events_against, Q.EVENT_SUMMARY),
                   "quotes": Q.as_table(found.quotes, Q.QUOTE_SUMMARY)}, fmt,
                  {"code": found.code, "country": found.country, "sector": found.sector,
                   "names": list(found.names), "roles": list(found.roles), "partners": list(found.partners)})


@query_group.command("articles")
@click.option("--text", help="Words in the headline or text (else: the latest stored).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@_db_option
@_format_option
@friendly_errors
def articles_command(text, limit, db, fmt):
    """The latest stored articles, or those containing --text."""
    store = Store.open(db, read_only=True)
    rows = S.articles(store, text, limit=limit) if text else S.latest_articles(store, limit=limit)
    emit(Q.as_table(rows), fmt)


@click.command("sql")
@click.argument("query")
@_db_option
@_format_option
@friendly_errors
def sql_command(query, db, fmt):
    """Run one read-only SELECT (or WITH ... SELECT) QUERY on the store (tables: see docs/store.md).

    The query sees the store's tables and nothing else: no other file, folder or URL,
    no extension, no settings; anything but one SELECT is refused (docs/security.md).
    """
    emit(Q.sql(Store.open(db, read_only=True), query), fmt)


@click.command("export")
@_db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="gdelt: CSV with GDELT 2.0 event columns; plover: JSON Lines; parquet: one file per table.")
@click.option("--out", required=True, type=click.Path(),
              help="Output file ('-': stdout), a folder for parquet.")
@click.option("--reports", is_flag=True, help="One row per report instead of per event cluster.")
@click.option("--force", is_flag=True, help="Overwrite --out when it exists.")
@friendly_errors
def export_command(db, fmt, out, reports, force):
    """Export the store --db (gdelt or plover to a file or '-', parquet to a folder)."""
    if out == "-":
        if fmt == "parquet":
            raise click.BadParameter("parquet writes a folder of files: give a folder", param_hint="--out")
        summary = export(Store.open(db, read_only=True), fmt, "<stdout>", reports=reports,
                         stream=sys.stdout.buffer)
        click.echo(f"{summary.rows:,} rows written to stdout", err=True)
        return
    targets = [Path(out) / f"{t.name}.parquet" for t in TABLES] if fmt == "parquet" else [Path(out)]
    for target in targets:
        refuse_existing(target, force)
    summary = export(Store.open(db, read_only=True), fmt, out, reports=reports)
    where = summary.paths[0] if len(summary.paths) == 1 else summary.paths[0].parent
    click.echo(f"{summary.rows:,} rows written to {where}", err=True)


commands = [ingest_command, query_group, sql_command, export_command]
