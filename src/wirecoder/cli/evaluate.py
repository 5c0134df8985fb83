"""`wirecoder eval`: score the coder against a folder of gold files."""
from __future__ import annotations

import json

import click

from ..evaluate import evaluate, format_report
from ..pipeline import Coder
from .common import friendly_errors, make_settings, settings_options


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", is_flag=True, help="List misses and false alarms with their sentences.")
@settings_options
@friendly_errors
def eval_command(gold_dir, as_json, errors, model, knowledge):
    """Code every NAME.txt with a NAME.gold.json in GOLD_DIR and print precision, recall and F1
    per level (event, dyad, full, quote, quote_direct, quote_indirect) and per CAMEO root."""
    report = evaluate(gold_dir, Coder(make_settings(model, knowledge)))
    if as_json:
        data = report.to_dict()
        if not errors:
            data.pop("errors")
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(format_report(report, errors=errors))


commands = [eval_command]
