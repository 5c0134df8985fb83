"""`wirecoder eval`: score the coder against a folder of gold files."""
from __future__ import annotations

import json

import click

from ..evaluate import evaluate, format_report
from ..pipeline import Coder
from .common import friendly_errors, make_settings, progress_option, settings_options, with_progress


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", is_flag=True, help="List misses and false alarms with their sentences.")
@progress_option
@settings_options
@friendly_errors
def eval_command(gold_dir, as_json, errors, progress, model, knowledge):
    """Code every NAME.txt with a NAME.gold.json in GOLD_DIR and print precision, recall and F1
    per level (event, dyad, full, quote, quote_direct, quote_indirect) and per CAMEO root.
    The exit status is 1 when an article could not be read or coded, 2 when there is nothing to score."""
    report = evaluate(gold_dir, Coder(make_settings(model, knowledge)),
                      progress=lambda pairs: with_progress(pairs, progress, len(pairs)))
    if as_json:
        data = report.to_dict()
        if not errors:
            data.pop("errors")
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(format_report(report, errors=errors))
    for failure in report.failed:
        click.echo(f"skipped: {failure}", err=True)
    raise SystemExit(1 if report.failed else 0)


commands = [eval_command]
