"""Ingest: streaming, exactly once, checks before coding, bad input becomes skips, CLI, kill -9."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from test_store_factory import coded, ev, write_jsonl
from wirecoder.cli import cli
from wirecoder.records import CodedArticle, Skip
from wirecoder.store import Store, estimate_total, ingest
from wirecoder.store.articles import article

TEXTS = [
    "Russian President Vladimir Putin congratulated Nicolas Maduro on his re-election on Monday.",
    "U.S. Secretary of State Antony Blinken criticised the Venezuelan government on Tuesday.",
    "Protesters gathered in Caracas on Wednesday to demand a recount of the votes.",
]


class FakeCoder:
    """Stands in for wirecoder.Coder: records what it was asked to code; fails on 'BOOM'."""

    def __init__(self):
        self.coded: list[str] = []

    def code(self, article):
        if "BOOM" in article.text:
            raise RuntimeError("the stage broke")
        self.coded.append(article.source)
        return CodedArticle(article=article, sentences=((0, len(article.text)),), actors=(), events=(), quotes=())

    def code_many(self, articles):
        for a in articles:
            yield self.code(a)


def write_texts(folder: Path, texts: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        p = folder / f"a{i:03d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    return paths


def count(db, sql):
    with Store.open(db, read_only=True).reading() as conn:
        return conn.execute(sql).fetchone()[0]


def test_rerun_codes_nothing_already_stored(tmp_path):
    paths = write_texts(tmp_path / "in", TEXTS)
    fake = FakeCoder()
    first = ingest(paths, tmp_path / "s.db", coder=fake, batch_size=2)
    assert (first.coded, first.skipped, first.already_stored) == (3, 0, 0)
    more = write_texts(tmp_path / "more", ["Police arrested dozens of opposition supporters in Caracas on Thursday."])
    fake2 = FakeCoder()
    second = ingest(paths + more, tmp_path / "s.db", coder=fake2, batch_size=2)
    assert (second.coded, second.already_stored) == (1, 3)
    assert fake2.coded == more  # checked before coding: only the new article reached the coder
    assert count(tmp_path / "s.db", "SELECT count(*) FROM articles") == 4


def test_bad_inputs_are_skipped_and_the_run_goes_on(tmp_path):
    paths = write_texts(tmp_path / "in", TEXTS + ["A story that makes the coder go BOOM on Friday."])
    (tmp_path / "in" / "empty.txt").write_text("   \n")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02" * 200)
    sources = paths + [str(tmp_path / "in" / "empty.txt"), str(tmp_path / "in" / "binary.txt"),
                       str(tmp_path / "missing.txt")]
    summary = ingest(sources, tmp_path / "s.db", coder=FakeCoder(), batch_size=2)
    assert (summary.coded, summary.skipped) == (3, 4)
    with Store.open(tmp_path / "s.db", read_only=True).reading() as conn:
        reasons = dict(conn.execute("SELECT source, reason FROM skipped").fetchall())
    assert "coding failed: RuntimeError: the stage broke" in reasons[paths[-1]]
    assert set(reasons) == set(sources[3:])


def test_a_producer_from_elsewhere_is_written_exactly_once(tmp_path):
    """What wirecoder.parallel does: its own producer, records in any order, some repeated."""
    def producer(articles):
        articles = list(articles)
        out = [coded(a.text, ev("RUSGOV", "VENGOV", "051"), source=a.source) for a in reversed(articles)]
        return out + out[:1] + [Skip("partition-3", "the partition kept failing")]
    paths = write_texts(tmp_path / "in", TEXTS)
    summary = ingest(paths, tmp_path / "s.db", producer=producer, batch_size=2)
    assert (summary.coded, summary.skipped, summary.already_stored, summary.events) == (3, 1, 1, 3)
    assert count(tmp_path / "s.db", "SELECT count(DISTINCT id) = count(*) FROM articles") is True


def test_precoded_records_are_stored_as_they_are(tmp_path):
    records = [coded(f"Putin praised Maduro, report {i}.", ev("RUSGOV", "VENGOV", "051")) for i in range(5)]
    path = write_jsonl(tmp_path / "coded.jsonl", records)
    with path.open("a") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"schema": "wirecoder/1"}) + "\n")
    summary = ingest([str(path)], tmp_path / "s.db", coded=True, batch_size=2)
    assert (summary.coded, summary.skipped, summary.events) == (5, 2, 5)
    stored = article(Store.open(tmp_path / "s.db", read_only=True), records[2].article.id)
    assert stored.to_dict() == records[2].to_dict()
    again = ingest([str(path)], tmp_path / "s.db", coded=True)
    assert (again.coded, again.already_stored) == (0, 5)


def test_progress_is_reported(tmp_path):
    seen = []
    ingest(write_texts(tmp_path / "in", TEXTS), tmp_path / "s.db", coder=FakeCoder(), batch_size=1,
           progress=lambda s: seen.append(s.seen))
    assert seen == sorted(seen) and seen[-1] == 3


@pytest.mark.parametrize("layout, expected", [
    ({"a.txt": "x", "b.html": "<p>x</p>"}, 2),
    ({"a.jsonl": '{"text": "a"}\n{"text": "b"}\n{"text": "c"}'}, 3),
    ({"sub/a.txt": "x", "sub/b.txt": "y", "c.jsonl": '{"text": "a"}\n'}, 3),
    ({"feed.xml": "<rss/>"}, None),
])
def test_estimate_total(tmp_path, layout, expected):
    for name, text in layout.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert estimate_total([str(tmp_path)] if expected != 2 else [str(tmp_path / "*")]) == expected


def test_seed_article_through_the_real_coder(tmp_path, coder, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    summary = ingest([str(path)], tmp_path / "s.db", coder=coder)
    assert summary.coded == 1
    from wirecoder.read import read_inputs
    (art,) = list(read_inputs([str(path)]))
    expected = coder.code(art)
    got = article(Store.open(tmp_path / "s.db", read_only=True), expected.article.id)
    assert got is not None and got.to_dict() == expected.to_dict()
    assert got.article.dateline.place == "MOSCOW"


def test_cli_ingest_query_sql_export(tmp_path):
    records = [coded("Putin praised Maduro after the vote.", ev("RUSGOV", "VENGOV", "051", "2024-07-29"),
                     quotes=()),
               coded("Maduro thanked Putin.", ev("VENGOV", "RUSGOV", "051", "2024-07-30"))]
    src = write_jsonl(tmp_path / "coded.jsonl", records)
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    res = runner.invoke(cli, ["ingest", str(src), "--db", db, "--coded"])
    assert res.exit_code == 0, res.output
    assert "2 coded, 0 skipped" in res.output
    res = runner.invoke(cli, ["query", "dyad", "RUS", "VEN", "--db", db, "--by", "day", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert [p["events"] for p in json.loads(res.stdout)] == [1, 1]
    res = runner.invoke(cli, ["query", "events", "--db", db, "--actor", "VENGOV", "--format", "csv"])
    assert res.stdout.splitlines()[0].startswith("cluster_id,article_id,event_id,day")
    res = runner.invoke(cli, ["query", "actors", "--db", db])
    assert "RUSGOV" in res.stdout and "VENGOV" in res.stdout
    res = runner.invoke(cli, ["sql", "SELECT count(*) AS n FROM events", "--db", db, "--format", "csv"])
    assert res.stdout.splitlines() == ["n", "2"]
    res = runner.invoke(cli, ["sql", "DELETE FROM events", "--db", db])
    assert res.exit_code == 2 and "only SELECT" in res.output
    res = runner.invoke(cli, ["export", "--db", db, "--format", "gdelt", "--out", str(tmp_path / "g.csv")])
    assert res.exit_code == 0 and (tmp_path / "g.csv").read_text().startswith('"GlobalEventID"')
    res = runner.invoke(cli, ["query", "events", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 2 and "wirecoder ingest" in res.output


@pytest.mark.slow
def test_killed_ingest_resumes_with_every_article_once(tmp_path):
    """kill -9 a real `wirecoder ingest` at several moments, run it again: all stored, once, whole."""
    records = [coded(f"Putin praised Maduro, report number {i}.",
                     *[ev("RUSGOV", "VENGOV", "051", f"2024-07-{1 + i % 28:02d}")] * (1 + i % 7),
                     quotes=()) for i in range(1200)]
    src = write_jsonl(tmp_path / "coded.jsonl", records)
    db = tmp_path / "s.db"
    cmd = [str(Path(sys.executable).with_name("wirecoder")), "ingest", str(src), "--db", str(db),
           "--coded", "--batch", "8", "--quiet"]
    if not Path(cmd[0]).exists():
        cmd[:1] = [sys.executable, "-m", "wirecoder.cli"]
    for delay in (1.5, 1.0, 1.2):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # kill while it writes, however slow the machine is: wait for the store file to appear first
        deadline = time.monotonic() + 60
        while not db.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(delay)
        assert proc.poll() is None, "the run ended before it could be killed: give it more articles"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    conn = duckdb.connect(str(db), read_only=True)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] < 1200
    conn.close()
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    conn = duckdb.connect(str(db), read_only=True)
    try:
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (1200, 1200)
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (sum(len(r.events) for r in records),)
        half_written = conn.execute(
            """SELECT count(*) FROM articles a
               WHERE n_events <> (SELECT count(*) FROM events e WHERE e.article_id = a.id)
                  OR n_actors <> (SELECT count(*) FROM actors x WHERE x.article_id = a.id)""").fetchone()
        assert half_written == (0,)
        assert conn.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone() == (0,)
    finally:
        conn.close()
    assert "already stored" in res.stderr
