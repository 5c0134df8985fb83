"""The command line of wirecoder.parallel: `code --jobs`, `ingest --cluster/--parquet`."""
from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from wirecoder.cli import cli


@pytest.fixture
def stories(tmp_path, seed_text):
    """Six short stories from the seed article's paragraphs, and an empty file, as files."""
    lines = [line for line in seed_text.splitlines() if line.strip()]
    dateline = lines[1].split(" - ")[0] + " - "
    names = []
    for i, line in enumerate(lines[2:8]):
        path = tmp_path / f"story-{i}.txt"
        path.write_text(dateline + line + "\n", encoding="utf-8")
        names.append(str(path))
    empty = tmp_path / "story-empty.txt"
    empty.write_text("\n", encoding="utf-8")
    return names[:3] + [str(empty)] + names[3:]


@pytest.mark.parametrize("args, message", [
    (["ingest", "x.txt"], "--db FILE"),
    (["ingest", "x.txt", "--parquet", "out", "--cluster", "somewhere"], "local:N"),
    (["ingest", "x.txt", "--parquet", "out", "--cluster", "local:many"], "local:N"),
])
def test_ingest_refuses_with_a_hint(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WIRECODER_DB", raising=False)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_code_jobs_prints_the_same_output_in_input_order(stories):
    runner = CliRunner()
    one = runner.invoke(cli, ["code", *stories, "--published", "2024-07-29", "--format", "jsonl"])
    two = runner.invoke(cli, ["code", *stories, "--published", "2024-07-29", "--format", "jsonl",
                              "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # the empty story is skipped
    assert two.stdout == one.stdout
    sources = [json.loads(line)["article"]["source"] for line in two.stdout.splitlines()]
    assert sources == [s for s in stories if "empty" not in s]
    assert "skipped: " in two.stderr and "story-empty.txt" in two.stderr


@pytest.mark.slow
def test_ingest_on_a_local_cluster_to_parquet_and_the_store(stories, tmp_path):
    db, out = tmp_path / "events.duckdb", tmp_path / "pq"
    args = ["ingest", *stories, "--published", "2024-07-29", "-q", "--cluster", "local:2"]
    result = CliRunner().invoke(cli, args + ["--db", str(db), "--parquet", str(out)])
    assert result.exit_code == 0, result.output
    assert "6 coded, 1 skipped" in result.stderr
    rows = duckdb.sql(f"SELECT count(*), min(date) FROM read_parquet('{out}/articles/**/*.parquet', "
                      "hive_partitioning=true)").fetchall()[0]
    assert rows[0] == 6 and str(rows[1]) == "2024-07-29"
    again = CliRunner().invoke(cli, args + ["--parquet", str(out)])
    assert again.exit_code == 0 and "0 coded" in again.stderr and "6 already stored" in again.stderr
