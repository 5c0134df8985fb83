"""`wirecoder explain`: the events of an article, sentence by sentence, and why."""
from __future__ import annotations

import click

from ..errors import InputError
from ..explain import explain
from ..pipeline import Coder
from ..read import read_inputs
from ..records import Skip
from .common import friendly_errors, make_settings, parse_date, progress_option, settings_options, with_progress


def _event_line(note) -> str:
    e = note.event
    flags = [f for f, on in (("negated", e.negated), ("background", e.background)) if on]
    where = f" at {e.location.name} ({e.location.source})" if e.location else ""
    when = f" on {e.date.isoformat()}" if e.date else ""
    quote = f" in quote {e.quote}" if e.quote else ""
    return (f"  {e.id} {e.cameo} {e.plover or '-'}: {note.source_name} [{e.source_code}] -> "
            f"{note.target_name or '-'} [{e.target_code or '-'}]  trigger '{note.trigger_text}'"
            f"{when}{where}{quote}{' (' + ', '.join(flags) + ')' if flags else ''}\n"
            f"      pattern: {e.pattern}")


@click.command("explain")
@click.argument("article")
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD) if the input gives none.")
@click.option("--all-stages", is_flag=True, help="Also print the reasons of the actors and quotes stages.")
@progress_option
@settings_options
@friendly_errors
def explain_command(article, published, all_stages, progress, model, knowledge):
    """Show, sentence by sentence, the events coded in ARTICLE (a file, folder, glob or '-')
    with the pattern that fired, source and target, or why nothing fired. Each article starts
    with a ``=== SOURCE`` line; an input that cannot be read is skipped (exit status 1)."""
    coder = Coder(make_settings(model, knowledge))
    failed = 0
    items = read_inputs([article], published=published, settings=coder.settings)
    for item in with_progress(items, progress):
        if isinstance(item, Skip):
            failed += 1
            click.echo(f"skipped: {item.source}: {item.reason}", err=True)
            continue
        try:
            doc = coder.doc(item)
        except InputError as exc:
            failed += 1
            click.echo(f"skipped: {exc}", err=True)
            continue
        click.echo(f"=== {item.source} (article {item.id[:12]})")
        _print_notes(doc, all_stages)
    raise SystemExit(1 if failed else 0)


def _print_notes(doc, all_stages: bool) -> None:
    for i, note in enumerate(explain(doc), 1):
        click.echo(f"[{i}] {note.text[:200]}")
        for ev in note.events:
            click.echo(_event_line(ev))
        for stage, message in note.reasons:
            if stage == "events" or all_stages:
                click.echo(f"    - {stage}: {message}")
        click.echo("")


commands = [explain_command]
