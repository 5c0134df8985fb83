"""The store: schema, exactly-once writes, clusters, round trips, read-only access, locks."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time

import duckdb
import pytest

from test_store_factory import coded, ev
from wirecoder.errors import StoreError
from wirecoder.records import Location, Skip
from wirecoder.store import Store, schema
from wirecoder.store.articles import article
from wirecoder.store.clusters import cluster_id


@pytest.fixture()
def store(tmp_path):
    return Store.open(tmp_path / "events.db")


def rows(store, sql, params=()):
    with store.reading() as conn:
        return conn.execute(sql, list(params)).fetchall()


def test_new_store_has_the_documented_tables(store):
    names = {r[0] for r in rows(store, "SELECT table_name FROM information_schema.tables")}
    assert {"articles", "actors", "mentions", "events", "quotes", "skipped", "clusters"} <= names
    for table in schema.TABLES:
        cols = [r[0] for r in rows(store, "SELECT column_name FROM information_schema.columns "
                                          "WHERE table_name = ? ORDER BY ordinal_position", [table.name])]
        assert cols == list(table.names)
    assert rows(store, "SELECT count(*) FROM cameo_codes WHERE code = '051'") == [(1,)]


def test_schema_doc_lists_every_column():
    text = schema.schema_markdown()
    for table in schema.TABLES:
        assert f"### `{table.name}`" in text
        for column in table.columns:
            assert f"`{column.name}`" in text


def test_events_table_has_gdelt_like_columns_and_evidence():
    names = set(schema.EVENTS.names)
    assert {"day", "source_code", "source_country", "source_sector", "source_name", "target_code",
            "cameo", "root", "quad_class", "goldstein", "plover", "plover_mode", "location_name",
            "location_country", "lat", "lon", "article_id", "sentence_start", "trigger_start",
            "quote_id", "pattern", "cluster_id"} <= names


def test_write_is_exactly_once(store):
    a = coded("Putin praised Maduro on Monday.", ev("RUSGOV", "VENGOV", "051", "2024-07-29"))
    b = coded("Blinken criticised Maduro.", ev("USAGOV", "VENGOV", "111"))
    first = store.write([a, b, a])
    assert (first.stored, first.already_stored, first.events) == (2, 1, 2)
    again = store.write([b, a])
    assert (again.stored, again.already_stored, again.events) == (0, 2, 0)
    assert rows(store, "SELECT count(*), count(DISTINCT id) FROM articles") == [(2, 2)]
    assert rows(store, "SELECT count(*) FROM events") == [(2,)]
    assert store.stored_ids([a.article.id, "0" * 64]) == {a.article.id}


def test_article_round_trips_exactly(store):
    original = coded(
        "Putin praised Maduro. \"We stand together,\" Putin said in Moscow.",
        ev("RUSGOV", "VENGOV", "051", "2024-07-29", quote="Q1",
           location=Location("Moscow", "RUS", 55.75, 37.62, "dateline")),
        ev("RUSGOV", None, "010", None, background=True),
        quotes=(("RUSGOV", "We stand together,"),), url="https://example.org/a")
    store.write([original])
    assert article(store, original.article.id) == original
    assert article(store, "f" * 64) is None


def test_skips_are_recorded_once_per_source_and_reason(store):
    store.write([Skip("bad.bin", "binary file"), Skip("bad.bin", "binary file"), Skip("e.txt", "empty")])
    store.write([Skip("bad.bin", "binary file")])
    assert rows(store, "SELECT source, reason, attempts FROM skipped ORDER BY source") == [
        ("bad.bin", "binary file", 2), ("e.txt", "empty", 1)]


def test_storing_an_article_clears_its_old_skip(store):
    store.write([Skip("later.txt", "coding failed: RuntimeError")])
    store.write([coded("Putin praised Maduro.", ev("RUSGOV", "VENGOV", "051"), source="later.txt")])
    assert rows(store, "SELECT count(*) FROM skipped") == [(0,)]


@pytest.mark.parametrize("name, reports, expected_clusters", [
    # (source, target, cameo, day) per report -> number of clusters
    ("same day, three outlets", [("RUSGOV", "VENGOV", "051", "2024-07-29")] * 3, 1),
    ("next day joins", [("RUSGOV", "VENGOV", "051", "2024-07-29"), ("RUSGOV", "VENGOV", "051", "2024-07-30")], 1),
    ("two days later is new", [("RUSGOV", "VENGOV", "051", "2024-07-29"), ("RUSGOV", "VENGOV", "051", "2024-07-31")], 2),
    ("no chaining past a day", [("RUSGOV", "VENGOV", "051", d) for d in
                                ("2024-07-29", "2024-07-30", "2024-07-31", "2024-08-01")], 2),
    ("other code", [("RUSGOV", "VENGOV", "051", "2024-07-29"), ("RUSGOV", "VENGOV", "057", "2024-07-29")], 2),
    ("other direction", [("RUSGOV", "VENGOV", "051", "2024-07-29"), ("VENGOV", "RUSGOV", "051", "2024-07-29")], 2),
    ("other sector", [("VENGOV", "USAGOV", "111", "2024-07-29"), ("VENOPP", "USAGOV", "111", "2024-07-29")], 2),
])
def test_reports_of_one_event_form_one_cluster(store, name, reports, expected_clusters):
    batch = [coded(f"Report {i} on {s} {t} {c}.", ev(s, t, c, d), source=f"https://outlet{i}.example/a")
             for i, (s, t, c, d) in enumerate(reports)]
    store.write(batch)
    assert rows(store, "SELECT count(DISTINCT cluster_id) FROM events") == [(expected_clusters,)]


def test_clusters_do_not_depend_on_ingest_order(tmp_path):
    days = ["2024-07-29", "2024-07-30", "2024-07-31", "2024-08-01", "2024-08-02", "2024-08-05"]
    reports = [coded(f"Report {d}.", ev("RUSGOV", "VENGOV", "051", d)) for d in days]
    forward, backward = Store.open(tmp_path / "f.db"), Store.open(tmp_path / "b.db")
    for r in reports:
        forward.write([r])
    for r in reversed(reports):
        backward.write([r])
    sql = "SELECT article_id, cluster_id, cluster_day FROM events ORDER BY article_id"
    assert rows(forward, sql) == rows(backward, sql)
    anchors = sorted({r[2] for r in rows(forward, sql)})
    assert anchors == [dt.date(2024, 7, 29), dt.date(2024, 7, 31), dt.date(2024, 8, 2), dt.date(2024, 8, 5)]
    assert rows(forward, "SELECT DISTINCT cluster_id FROM events WHERE day = '2024-07-29'") == [
        (cluster_id("RUSGOV|VENGOV|051", dt.date(2024, 7, 29)),)]


def test_cluster_counts_articles_and_sources(store):
    store.write([
        coded("Putin praised Maduro, Reuters said.", ev("RUSGOV", "VENGOV", "051", "2024-07-29"),
              url="https://www.reuters.com/1"),
        coded("Putin praised Maduro again, Reuters said.", ev("RUSGOV", "VENGOV", "051", "2024-07-29"),
              url="https://reuters.com/2"),
        coded("Putin praised Maduro, AP said.", ev("RUSGOV", "VENGOV", "051", "2024-07-30"),
              url="https://apnews.com/3"),
    ])
    assert rows(store, "SELECT num_reports, num_articles, num_sources FROM clusters") == [(3, 3, 2)]


@pytest.mark.parametrize("event, clustered", [
    (ev("RUSGOV", "VENGOV", "051", "2024-07-29"), True),
    (ev("RUSGOV", "VENGOV", "051", None), True),  # dated by publication
    (ev("RUSGOV", "VENGOV", "051", "2024-07-29", negated=True), False),
    (ev("RUSGOV", "VENGOV", "051", None, background=True), False),  # no day
    (ev(None, None, "051", "2024-07-29"), False),
])
def test_which_events_are_clustered(store, event, clustered):
    store.write([coded("Putin praised Maduro.", event), coded("Putin praised Maduro twice.", event)])
    n = rows(store, "SELECT count(DISTINCT cluster_id) FROM events")[0][0]
    assert n == (1 if clustered else 2)


def test_read_only_store_must_exist_and_refuses_writes(tmp_path, store):
    with pytest.raises(StoreError, match="wirecoder ingest"):
        Store.open(tmp_path / "missing.db", read_only=True)
    reader = Store.open(store.path, read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        reader.write([Skip("x", "y")])
    with reader.reading() as conn, pytest.raises(duckdb.Error):
        conn.execute("INSERT INTO skipped VALUES ('a', 'b', now(), 1)")


def test_not_a_store_is_a_clear_error(tmp_path):
    path = tmp_path / "other.db"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a wirecoder store"):
        Store.open(path, read_only=True)


_HOLD_LOCK = """
import duckdb, sys, time
conn = duckdb.connect(sys.argv[1])
conn.execute("SELECT 1")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.close()
"""


def _hold_lock(path, seconds):
    proc = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(path), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_reader_waits_while_another_process_writes(store):
    store.write([coded("Putin praised Maduro.", ev("RUSGOV", "VENGOV", "051"))])
    proc = _hold_lock(store.path, 1.0)
    try:
        started = time.monotonic()
        with Store.open(store.path, read_only=True, timeout=20).reading() as conn:
            assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        assert time.monotonic() - started >= 0.3
    finally:
        proc.wait(timeout=20)


def test_lock_held_too_long_is_a_clear_error(store):
    proc = _hold_lock(store.path, 1.5)
    try:
        with pytest.raises(StoreError, match="locked by another process"):
            Store(store.path, read_only=False, timeout=0.3).write([Skip("x", "y")])
    finally:
        proc.wait(timeout=20)
