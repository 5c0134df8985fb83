"""`wirecoder explain` and the library function behind it."""
from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.explain import explain
from wirecoder.records import Article


def test_explain_lists_every_sentence(coder):
    text = "Russia imposed sanctions on Ukraine on Monday. The weather was fine."
    notes = explain(coder.doc(Article(text=text, published=dt.date(2024, 7, 29))))
    assert [n.text for n in notes] == ["Russia imposed sanctions on Ukraine on Monday.", "The weather was fine."]
    assert any("no trigger" in m for _, m in notes[1].reasons)


def test_explain_command(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Russian President Vladimir Putin congratulated Nicolas Maduro on his re-election on Monday.\n")
    result = CliRunner().invoke(cli, ["explain", str(path), "--published", "2024-07-29"])
    assert result.exit_code == 0, result.output
    assert "[1] Russian President Vladimir Putin congratulated" in result.output
    assert "    - events: " in result.output


def test_explain_command_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["explain", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
