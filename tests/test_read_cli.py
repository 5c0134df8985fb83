"""`wirecoder code` over read_inputs: bad inputs are one stderr line each, exit 1."""
from __future__ import annotations

import json

from click.testing import CliRunner

from wirecoder.cli import cli

NEWS = ("MOSCOW (Reuters) - Russian President Vladimir Putin on Monday congratulated Nicolas Maduro "
        "on winning the disputed Venezuelan election.\n")


def test_code_good_bad_and_missing(tmp_path):
    (tmp_path / "a.txt").write_text(NEWS)
    (tmp_path / "bad.bin").write_bytes(bytes(range(256)) * 4)
    runner = CliRunner()
    result = runner.invoke(cli, ["code", "--format", "jsonl", str(tmp_path / "a.txt"), str(tmp_path / "bad.bin"),
                                 str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert json.loads(line)["article"]["dateline"]["place"] == "MOSCOW"
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("skipped: ") and "bad.bin" in errors[0] and "binary" in errors[0]
    assert "missing.txt: no such file or folder" in errors[1]


def test_code_stdin():
    result = CliRunner().invoke(cli, ["code", "--format", "jsonl", "-"], input=NEWS)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["source"] == "<stdin>"


def test_code_stdin_json_lines():
    lines = "".join(json.dumps({"text": NEWS, "id": i}) + "\n" for i in (1, 2))
    result = CliRunner().invoke(cli, ["code", "--format", "jsonl", "-"], input=lines)
    assert result.exit_code == 0
    assert [json.loads(x)["article"]["source"] for x in result.stdout.splitlines()] == ["<stdin>#1", "<stdin>#2"]
