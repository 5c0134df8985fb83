"""Exports: GDELT-style CSV, PLOVER JSON Lines, Parquet of every table."""
from __future__ import annotations

import csv
import json

import duckdb
import pytest

from test_store_factory import coded, ev
from wirecoder.errors import StoreError
from wirecoder.records import Location
from wirecoder.store import Store, schema
from wirecoder.store.export import GDELT_COLUMNS, export

MOSCOW = Location("Moscow", "RUS", 55.75, 37.62, "dateline")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("x") / "x.db")
    store.write([
        coded("Putin praised Maduro in Moscow.", ev("RUSGOV", "VENGOV", "051", "2024-07-29", location=MOSCOW),
              url="https://www.reuters.com/1"),
        coded("Putin praised Maduro, AP said.", ev("RUSGOV", "VENGOV", "051", "2024-07-30"),
              url="https://apnews.com/2"),
        coded("Putin made a statement about Maduro.", ev("RUSGOV", "VENGOV", "010", "2024-07-29"),
              url="https://apnews.com/3"),
        coded("Putin did not sign a deal with Maduro.", ev("RUSGOV", "VENGOV", "057", "2024-07-29", negated=True)),
    ])
    return Store.open(store.path, read_only=True)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_gdelt_csv_has_gdelt_columns_one_row_per_cluster(store, tmp_path):
    summary = export(store, "gdelt", tmp_path / "events.csv")
    rows = read_csv(tmp_path / "events.csv")
    assert summary.rows == len(rows) == 2  # 051 cluster + 010; the negated event is left out
    assert tuple(rows[0]) == GDELT_COLUMNS
    praise = next(r for r in rows if r["EventCode"] == "051")
    assert {k: praise[k] for k in ("SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1CountryCode",
                                   "Actor1Type1Code", "Actor2Code", "EventBaseCode", "EventRootCode",
                                   "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                                   "NumArticles", "ActionGeo_FullName", "ActionGeo_Lat", "SOURCEURL")} == {
        "SQLDATE": "20240729", "MonthYear": "202407", "Year": "2024", "Actor1Code": "RUSGOV",
        "Actor1CountryCode": "RUS", "Actor1Type1Code": "GOV", "Actor2Code": "VENGOV",
        "EventBaseCode": "051", "EventRootCode": "05", "QuadClass": "1", "GoldsteinScale": "3.4",
        "NumMentions": "2", "NumSources": "2", "NumArticles": "2", "ActionGeo_FullName": "Moscow",
        "ActionGeo_Lat": "55.75", "SOURCEURL": "https://www.reuters.com/1"}
    assert praise["Actor1Name"] == "VLADIMIR PUTIN"
    assert len({r["GlobalEventID"] for r in rows}) == 2 and all(int(r["GlobalEventID"]) > 0 for r in rows)


def test_gdelt_ids_are_stable_across_exports(store, tmp_path):
    export(store, "gdelt", tmp_path / "a.csv")
    export(store, "gdelt", tmp_path / "b.csv")
    assert read_csv(tmp_path / "a.csv") == read_csv(tmp_path / "b.csv")


def test_gdelt_reports_gives_one_row_per_report(store, tmp_path):
    export(store, "gdelt", tmp_path / "r.csv", reports=True)
    rows = read_csv(tmp_path / "r.csv")
    assert sorted(r["EventCode"] for r in rows) == ["010", "051", "051"]
    assert {r["NumArticles"] for r in rows} == {"1"}


def test_plover_jsonl_uses_the_manual_field_names(store, tmp_path):
    summary = export(store, "plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert summary.rows == len(records) == 1  # 010 has no PLOVER type, the negated one is left out
    (r,) = records
    assert {"id", "date", "source", "recipient", "event", "mode", "context", "event_text", "quad_code",
            "event_scale", "event_loc", "actor", "actor_country", "recipient_country"} <= set(r)
    assert r["date"] == "2024-07-29" and r["event"] == ["SUPPORT"] and r["quad_code"] == 1
    assert r["source"] == [{"code": "RUS", "actor_text": "Vladimir Putin", "sector": "GOV", "cameo_code": "RUSGOV"}]
    assert r["recipient"][0]["code"] == "VEN" and r["actor_country"] == "RUS"
    assert r["event_text"] == ["Putin praised Maduro in Moscow.", "Putin praised Maduro, AP said."]
    assert r["event_loc"] == {"name": "Moscow", "cc3": "RUS", "latitude": 55.75, "longitude": 37.62}
    assert r["context"] == ["diplomatic"] and r["num_articles"] == 2


def test_parquet_writes_every_table(store, tmp_path):
    summary = export(store, "parquet", tmp_path / "pq")
    assert sorted(p.name for p in summary.paths) == sorted(f"{t.name}.parquet" for t in schema.TABLES)
    conn = duckdb.connect()
    n = conn.execute("SELECT count(*) FROM read_parquet(?)", [str(tmp_path / "pq" / "events.parquet")]).fetchone()
    assert n == (4,)
    cols = [d[0] for d in conn.execute("SELECT * FROM read_parquet(?) LIMIT 0",
                                       [str(tmp_path / "pq" / "events.parquet")]).description]
    assert cols == list(schema.EVENTS.names)


def test_unknown_format_and_unwritable_path(store, tmp_path):
    with pytest.raises(StoreError, match="gdelt, plover, parquet"):
        export(store, "excel", tmp_path / "x")
    with pytest.raises(StoreError):
        export(store, "gdelt", tmp_path / "no" / "such" / "dir" / "x.csv")
