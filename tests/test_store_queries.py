"""Queries over a small hand-built store: dyad timelines, events, actors, quotes, read-only SQL."""
from __future__ import annotations

import datetime as dt

import pytest

from test_store_factory import coded, ev
from wirecoder.errors import StoreError
from wirecoder.store import Store
from wirecoder.store import queries as Q


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("q") / "q.db")
    store.write([
        # one event told by three outlets -> one cluster
        coded("Putin praised Maduro after the vote.", ev("RUSGOV", "VENGOV", "051", "2024-07-29"),
              url="https://reuters.com/1", quotes=()),
        coded("Putin praised Maduro, AP reported.", ev("RUSGOV", "VENGOV", "051", "2024-07-29"),
              url="https://apnews.com/2"),
        coded("Putin praised Maduro, VOA reported.", ev("RUSGOV", "VENGOV", "051", "2024-07-30"),
              url="https://voanews.com/3"),
        # Maduro thanks Putin (other direction), Putin denounces the opposition, a negated event
        coded("Nicolas Maduro thanked Putin. \"Russia is our friend,\" Nicolas Maduro said.",
              ev("VENGOV", "RUSGOV", "051", "2024-07-30"), quotes=(("VENGOV", "Russia is our friend,"),),
              url="https://voanews.com/4"),
        coded("Putin denounced Maria Corina Machado.", ev("RUSGOV", "VENOPP", "111", "2024-08-02"),
              url="https://reuters.com/5"),
        coded("Putin did not sign a deal with Maduro.", ev("RUSGOV", "VENGOV", "057", "2024-08-02", negated=True),
              url="https://reuters.com/6"),
        # unrelated dyad
        coded("Antony Blinken criticised China over trade.", ev("USAGOV", "CHN", "111", "2024-07-29"),
              url="https://apnews.com/7",),
        coded("Russian forces attacked Ukrainian forces near the city.", ev("RUSMIL", "UKRMIL", "190", "2024-09-03"),
              url="https://apnews.com/8"),
    ])
    return Store.open(store.path, read_only=True)


@pytest.mark.parametrize("a, b, kwargs, expected", [
    # (period, events, q1, q2, q3, q4) per row
    ("RUS", "VEN", {}, [(dt.date(2024, 7, 1), 2, 2, 0, 0, 0), (dt.date(2024, 8, 1), 1, 0, 0, 1, 0)]),
    ("RUS", "VEN", {"reports": True}, [(dt.date(2024, 7, 1), 4, 4, 0, 0, 0), (dt.date(2024, 8, 1), 1, 0, 0, 1, 0)]),
    ("RUS", "VEN", {"directed": True, "by": "day"}, [(dt.date(2024, 7, 29), 1, 1, 0, 0, 0),
                                                     (dt.date(2024, 8, 2), 1, 0, 0, 1, 0)]),
    ("RUSGOV", "VENGOV", {}, [(dt.date(2024, 7, 1), 2, 2, 0, 0, 0)]),
    ("RUS", "VENOPP", {}, [(dt.date(2024, 8, 1), 1, 0, 0, 1, 0)]),
    ("RUS", "VEN", {"start": dt.date(2024, 8, 1)}, [(dt.date(2024, 8, 1), 1, 0, 0, 1, 0)]),
    ("RUS", "VEN", {"negated": True, "by": "year"}, [(dt.date(2024, 1, 1), 4, 3, 0, 1, 0)]),
    ("RUS", "CHN", {}, []),
])
def test_dyad_timeline(store, a, b, kwargs, expected):
    got = Q.dyad(store, a, b, **kwargs)
    assert [(p.period, p.events, p.verbal_cooperation, p.material_cooperation, p.verbal_conflict,
             p.material_conflict) for p in got] == expected


def test_dyad_mean_goldstein_and_top_codes(store):
    july, august = Q.dyad(store, "RUS", "VEN")
    assert july.goldstein == pytest.approx(3.4)
    assert [(c.cameo, c.name, c.count) for c in july.top_codes] == [("051", "Praise or endorse", 2)]
    assert august.top_codes[0].cameo == "111" and august.goldstein < 0


def test_dyad_refuses_unknown_period(store):
    with pytest.raises(StoreError, match="day, week, month, year"):
        Q.dyad(store, "RUS", "VEN", by="fortnight")


@pytest.mark.parametrize("kwargs, expected", [
    # expected: sorted (cameo, source_code, num_reports) of the rows
    ({"actor": "RUS"}, [("051", "RUSGOV", 3), ("051", "VENGOV", 1), ("111", "RUSGOV", 1), ("190", "RUSMIL", 1)]),
    ({"actor": "RUSGOV", "code": "05"}, [("051", "RUSGOV", 3), ("051", "VENGOV", 1)]),
    ({"country": "CHN"}, [("111", "USAGOV", 1)]),
    ({"root": "19"}, [("190", "RUSMIL", 1)]),
    ({"code": "11"}, [("111", "RUSGOV", 1), ("111", "USAGOV", 1)]),
    ({"text": "trade"}, [("111", "USAGOV", 1)]),
    ({"text": "machado"}, [("111", "RUSGOV", 1)]),
    ({"start": dt.date(2024, 8, 1), "end": dt.date(2024, 8, 31)}, [("111", "RUSGOV", 1)]),
    ({"start": dt.date(2024, 8, 1), "end": dt.date(2024, 8, 31), "negated": True},
     [("057", "RUSGOV", 1), ("111", "RUSGOV", 1)]),
    ({"actor": "VENGOV", "reports": True, "code": "051"},
     [("051", "RUSGOV", 3), ("051", "RUSGOV", 3), ("051", "RUSGOV", 3), ("051", "VENGOV", 1)]),
])
def test_events_filters(store, kwargs, expected):
    got = Q.events(store, **kwargs)
    assert sorted((e.cameo, e.source_code, e.num_reports) for e in got) == expected


def test_event_row_carries_its_evidence(store):
    (row,) = Q.events(store, country="CHN")
    assert row.sentence == "Antony Blinken criticised China over trade."
    assert row.trigger_text == "Antony" and row.name == "Criticize or denounce"
    assert row.source == "https://apnews.com/7" and (row.num_articles, row.num_sources) == (1, 1)


def test_cluster_row_counts_articles_and_sources(store):
    (row,) = Q.events(store, actor="RUSGOV", code="051", start=dt.date(2024, 7, 29), end=dt.date(2024, 7, 29))
    assert (row.num_reports, row.num_articles, row.num_sources) == (3, 3, 3)


@pytest.mark.parametrize("kwargs, expected", [
    ({"limit": 3}, [("RUSGOV", 2, 1, 3), ("VENGOV", 1, 1, 2), ("CHN", 0, 1, 1)]),
    ({"country": "VEN"}, [("VENGOV", 1, 1, 2), ("VENOPP", 0, 1, 1)]),
    ({"by": "country", "limit": 2}, [("RUS", 3, 1, 4), ("VEN", 1, 2, 3)]),
    ({"reports": True, "limit": 1}, [("RUSGOV", 4, 1, 5)]),
])
def test_most_active_actors(store, kwargs, expected):
    got = Q.actors(store, **kwargs)
    assert [(a.code, a.as_source, a.as_target, a.events) for a in got] == expected


@pytest.mark.parametrize("speaker, text, expected", [
    ("maduro", None, ["Russia is our friend,"]),
    ("VENGOV", None, ["Russia is our friend,"]),
    (None, "friend", ["Russia is our friend,"]),
    ("putin", None, []),
])
def test_quotes_by_speaker(store, speaker, text, expected):
    assert [q.text for q in Q.quotes(store, speaker=speaker, text=text)] == expected


def test_sql_runs_a_select(store):
    result = Q.sql(store, "SELECT root, count(*) AS n FROM events GROUP BY root ORDER BY root")
    assert result.columns == ("root", "n")
    assert result.rows[0] == ("05", 5)


@pytest.mark.parametrize("statement", [
    "DELETE FROM events",
    "INSERT INTO skipped VALUES ('a', 'b', now(), 1)",
    "DROP TABLE articles",
    "COPY events TO 'leak.csv'",
    "ATTACH 'other.db'",
    "SET threads = 1",
    "SELECT 1; DELETE FROM events",
    "CREATE TABLE x AS SELECT 1",
])
def test_sql_refuses_anything_but_reading(store, statement):
    with pytest.raises(StoreError):
        Q.sql(store, statement)
    assert Q.sql(store, "SELECT count(*) FROM events").rows == ((8,),)


def test_sql_without_file_access_cannot_read_files(store, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    assert Q.sql(store, f"SELECT * FROM read_csv('{secret}')").rows == ((1,),)
    locked = Store.open(store.path, read_only=True, files=False)
    with pytest.raises(StoreError, match="disabled"):
        Q.sql(locked, f"SELECT * FROM read_csv('{secret}')")
