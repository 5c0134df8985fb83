"""The docs say what the program does: every command and option is documented, and the accuracy
figures the docs quote are those of the one generated table, docs/figures.md."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from wirecoder.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FIGURES = ROOT / "docs" / "figures.md"
TEXT = "\n".join(p.read_text(encoding="utf-8") for p in DOCS)

# how the docs name the gold sets of docs/figures.md
SET_NAMES = {
    "seed": "seed",
    "plover-gsr": "plover-gsr", "plover gsr": "plover-gsr", "gsr": "plover-gsr",
    "voa-train": "voa-train", "voa train": "voa-train",
    "voa-dev": "voa-dev", "voa dev": "voa-dev", "voa": "voa-dev", "voice of america dev": "voa-dev",
}
_SET = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SET_NAMES), key=len, reverse=True)) + r")\b", re.I)
_FIGURE = re.compile(r"(?<![\d.])(\d\.\d{3}|\d+/\d+)(?![\d.])")
_MARKED = re.compile(r"<!-- figures -->(.*?)<!-- /figures -->", re.S)


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, path)


COMMANDS = list(_commands(cli))
OPTIONS = sorted({(" ".join(path), opt) for path, command in COMMANDS for param in command.params
                  if isinstance(param, click.Option)
                  for opt in param.opts + param.secondary_opts if opt.startswith("--") and opt != "--help"})


@pytest.mark.parametrize("path", [" ".join(p) for p, _ in COMMANDS])
def test_every_command_is_documented(path):
    assert re.search(rf"wirecoder {re.escape(path)}\b", TEXT), f"`wirecoder {path}` is in no README/docs page"


@pytest.mark.parametrize("command, option", OPTIONS)
def test_every_option_is_documented(command, option):
    assert re.search(rf"{re.escape(option)}(?![\w-])", TEXT), \
        f"{option} of `wirecoder {command}` is in no README/docs page"


def figure_table() -> dict[str, set[str]]:
    """Set name -> every figure docs/figures.md gives for it."""
    figures: dict[str, set[str]] = {}
    for line in FIGURES.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] in SET_NAMES.values():
            figures.setdefault(cells[0], set()).update(_FIGURE.findall(" ".join(cells[1:])))
    return figures


def quoted_figures():
    """(page, line, sets named in it, figures in it) for every line inside figure markers."""
    for page in DOCS:
        for block in _MARKED.findall(page.read_text(encoding="utf-8")):
            for line in block.splitlines():
                found = _FIGURE.findall(line.replace("**", ""))
                if found:
                    sets = {SET_NAMES[m.lower()] for m in _SET.findall(line)}
                    yield page.name, line.strip(), sets, found


def test_figures_table_is_generated_and_complete():
    table = figure_table()
    assert {"seed", "plover-gsr", "voa-dev"} <= set(table)
    assert "scripts/figures.py" in FIGURES.read_text(encoding="utf-8")


def test_the_docs_quote_figures():
    pages = {page for page, *_ in quoted_figures()}
    assert {"README.md", "actors.md", "events.md", "quotes.md"} <= pages


@pytest.mark.parametrize("page, line, sets, found", list(quoted_figures()),
                         ids=lambda v: v if isinstance(v, str) and v.endswith(".md") else "")
def test_quoted_figures_come_from_the_table(page, line, sets, found):
    table = figure_table()
    assert sets, f"{page}: a line with figures names no gold set: {line}"
    allowed = set().union(*(table.get(s, set()) for s in sets))
    stale = [f for f in found if f not in allowed]
    assert not stale, f"{page}: {stale} are not in docs/figures.md for {sorted(sets)}: {line}"


def test_readme_commands_paste_into_a_shell():
    for block in re.findall(r"```(?:bash|sh)\n(.*?)```", TEXT, re.S):
        for line in block.splitlines():
            command = line.split("  #", 1)[0]
            assert not re.search(r"--\w[\w-]* \w+\|\w+", command), f"pasting makes a shell pipe: {line}"
