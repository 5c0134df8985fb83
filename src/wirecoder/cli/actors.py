"""`wirecoder actors list|show|export`, `wirecoder kb import-wikidata` (the actor knowledge base) and
`wirecoder kb import-petrarch` (the imported event lexicon)."""
from __future__ import annotations

from pathlib import Path

import click

from ..knowledge import load_knowledge
from ..knowledge.catalog import catalog, coded_on, export, find
from ..knowledge.tables import write_people
from ..knowledge.wikidata import import_wikidata
from ..knowledge.user import GROUP_KINDS
from .common import friendly_errors, make_settings, parse_date, refuse_existing, write_output
from ..ontology import Ontology
from ..patterns import load_cues
from ..patterns_petrarch import import_petrarch

SOURCES = ("builtin", "user", "learned")
FIXED_KINDS = frozenset({"person", "learned", "igo", "metonym", "country", "region"})


def _options(func):
    func = click.option("--learned", "learned", type=click.Path(exists=True, dir_okay=False),
                        help="The learned-actors file (default: WIRECODER_LEARNED).")(func)
    func = click.option("--knowledge", "knowledge", multiple=True, type=click.Path(exists=True),
                        help="A YAML/CSV file extending the knowledge base (repeatable).")(func)
    return func


def _kb(knowledge, learned):
    extra = {"learned_path": Path(learned)} if learned else {}
    return load_knowledge(make_settings(None, knowledge, **extra))


@click.group("actors")
def actors_group() -> None:
    """See, correct and export what wirecoder knows about actors (built-in + user + learned)."""


@actors_group.command("list")
@click.option("--source", type=click.Choice(SOURCES + ("all",)), default="all", show_default=True)
@click.option("--kind", multiple=True, help="person, learned, igo, metonym, country, region, or a group kind.")
@_options
@friendly_errors
def list_command(source, kind, knowledge, learned):
    """List known actors: kind, name, code, role, dates, source."""
    sources = SOURCES if source == "all" else (source,)
    kb = _kb(knowledge, learned)
    known = sorted(FIXED_KINDS | set(GROUP_KINDS) | {e.kind for e in catalog(kb)})
    unknown = [k for k in kind if k not in known]
    if unknown:
        raise click.BadParameter(f"{', '.join(map(repr, unknown))} is not a kind; use one of {', '.join(known)}",
                                 param_hint="--kind")
    for e in catalog(kb, sources=sources, kinds=tuple(kind)):
        dates = f"{e.start or ''}..{e.end or ''}" if e.start or e.end else ""
        click.echo("\t".join([e.kind, e.name, e.code or "-", e.role or "", dates, e.source]))


@actors_group.command("show")
@click.argument("name")
@click.option("--on", "on", callback=parse_date, help="Show how an article of this date (YYYY-MM-DD) codes NAME.")
@_options
@friendly_errors
def show_command(name, on, knowledge, learned):
    """Everything known about NAME, and how an article of a date codes it."""
    kb = _kb(knowledge, learned)
    entries = find(catalog(kb), name)
    if not entries:
        raise click.ClickException(f"nothing known about {name!r} (add it in a --knowledge file)")
    for e in entries:
        dates = f" {e.start or '...'} to {e.end or 'now'}" if e.start or e.end else ""
        click.echo(f"{e.name} [{e.kind}, {e.source}] {e.code or '-'} {e.role or ''}{dates}".rstrip())
        if e.aliases:
            click.echo(f"  aliases: {', '.join(e.aliases)}")
        if e.note:
            click.echo(f"  note: {e.note}")
    at = coded_on(kb, entries[0].name, on)
    if at is not None and entries[0].kind in ("person", "learned"):
        when = on.isoformat() if on else "any date"
        state = "in office" if at.current else "no office then"
        click.echo(f"an article of {when} codes {at.name!r} as {at.code or '-'} ({state}, {at.source})")


@actors_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "yaml"]), default="csv", show_default=True)
@click.option("--source", type=click.Choice(SOURCES + ("all",)), default="all", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), default="-", show_default=True,
              help="Write to this file ('-': stdout).")
@click.option("--force", is_flag=True, help="Overwrite --out when it exists.")
@_options
@friendly_errors
def export_command(fmt, source, out, force, knowledge, learned):
    """Export known actors as CSV or YAML (edit it and pass it back with --knowledge)."""
    sources = SOURCES if source == "all" else (source,)
    text = export(catalog(_kb(knowledge, learned), sources=sources), fmt)
    write_output(out, text, force=force)
    if out != "-":
        click.echo(f"wrote {out}", err=True)


@click.group("kb")
def kb_group() -> None:
    """Build knowledge files from outside sources."""


@kb_group.command("import-wikidata")
@click.argument("dump", type=click.Path(dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), default="people.tsv", show_default=True,
              help="Where to write the people (people.tsv format).")
@click.option("--since", callback=parse_date, help="Drop office terms that ended before this date.")
@click.option("--force", is_flag=True, help="Overwrite --out when it exists.")
@friendly_errors
def import_wikidata_command(dump, out, since, force):
    """Read a Wikidata JSON dump (.json, .json.gz, .json.bz2): people with positions held."""
    settings = make_settings(None)
    refuse_existing(out, force)
    people = import_wikidata(Path(dump), settings.data_dir / "knowledge" / "positions.tsv", since)
    write_people(people, Path(out))
    click.echo(f"{len(people)} office terms written to {out}", err=True)


@kb_group.command("import-petrarch")
@click.argument("dictionary", type=click.Path(dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), default="petrarch2.yaml", show_default=True,
              help="Where to write the converted event patterns (data/patterns/README.md format).")
@click.option("--vetting", type=click.Path(dir_okay=False),
              help="A vetting file (bench/vet_lexicon.py writes it): the units (verb block/CAMEO root) "
                   "it drops are left out.")
@click.option("--force", is_flag=True, help="Overwrite --out when it exists.")
@friendly_errors
def import_petrarch_command(dictionary, out, vetting, force):
    """Convert PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt) into event patterns.

    Every pattern keeps its origin (file:line and verb block); patterns that restate their verb's
    default code, codes not in the CAMEO table and what the matcher cannot express are dropped,
    and the counts of what was kept and dropped are printed. Put the file in a folder named by
    the `pattern_files` setting (WIRECODER_PATTERNS) or in data/patterns/ to use it.
    """
    settings = make_settings(None)
    refuse_existing(out, force)
    ontology = Ontology.load(settings.data_dir / "cameo.tsv")
    speech = load_cues(settings.data_dir / "patterns" / "cues.yaml").speech
    conversion = import_petrarch(Path(dictionary), Path(out), ontology, Path(vetting) if vetting else None,
                                 speech)
    click.echo(conversion.report(), err=True)
    click.echo(f"wrote {out}", err=True)


commands = [actors_group, kb_group]
