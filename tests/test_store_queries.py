"""Queries over a small hand-built store: dyad timelines, events, actors, quotes, read-only SQL."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from test_store_factory import coded, ev
from wirecoder.cli import cli
from wirecoder.errors import StoreError
from wirecoder.records import Location, Quote
from wirecoder.store import Store, articles, network, profiles, search
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
    "EXPLAIN SELECT 1",
    "EXPLAIN ANALYZE COPY (SELECT 1) TO 'leak.csv'",
    "INSTALL httpfs",
    "LOAD httpfs",
    "PRAGMA version",
    "CALL pragma_version()",
])
def test_sql_refuses_anything_but_reading(store, statement):
    with pytest.raises(StoreError):
        Q.sql(store, statement)
    assert Q.sql(store, "SELECT count(*) FROM events").rows == ((8,),)


@pytest.mark.parametrize("files", [True, False])
def test_sql_cannot_read_files_whatever_the_store_allows(store, tmp_path, files):
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    opened = Store.open(store.path, read_only=True, files=files)
    with pytest.raises(StoreError, match="disabled"):
        Q.sql(opened, f"SELECT * FROM read_csv('{secret}')")
    assert Q.sql(opened, "SELECT count(*) FROM events").rows == ((8,),)


# --- the fields and questions the web layer and `wirecoder query` share ---------------------------

@pytest.mark.parametrize("kwargs, expected", [
    # expected: (cameo, source_code) of the rows, newest first
    ({"source": "VEN"}, [("051", "VENGOV")]),
    ({"target": "VEN"}, [("111", "RUSGOV"), ("051", "RUSGOV")]),
    ({"source": "RUS", "target": "VENOPP"}, [("111", "RUSGOV")]),
    ({"target": "CHN"}, [("111", "USAGOV")]),
    ({"quad_class": 4}, [("190", "RUSMIL")]),
    ({"quad_class": 3, "actor": "USA"}, [("111", "USAGOV")]),
    ({"offset": 2, "limit": 1}, [("051", "VENGOV")]),
    ({"offset": 5}, []),
    ({"text": "%"}, []),                   # literal: not a wildcard
    ({"text": "_"}, []),
])
def test_events_by_side_quad_class_and_page(store, kwargs, expected):
    assert [(e.cameo, e.source_code) for e in Q.events(store, **kwargs)] == expected


def test_event_rows_rebuild_the_stored_events(store):
    rows = Q.events(store, reports=True, negated=True, limit=1000)
    assert len(rows) == 8
    for row in rows:
        stored = articles.article(store, row.article_id)
        assert row.to_event() == next(e for e in stored.events if e.id == row.event_id)
        assert row.published == stored.article.published
        text = stored.article.text
        assert row.sentence == text[slice(*row.sentence_span)]
        assert row.trigger_text == text[slice(*row.trigger_span)]


@pytest.mark.parametrize("kwargs, expected", [
    # expected per period: (cameo, source_code, num_reports) of its top events
    ({"top_events": 2}, [[("051", "RUSGOV", 3), ("051", "VENGOV", 1)], [("111", "RUSGOV", 1)]]),
    ({"top_events": 1, "by": "day"}, [[("051", "RUSGOV", 3)], [("051", "VENGOV", 1)], [("111", "RUSGOV", 1)]]),
    ({"top_events": 0}, [[], []]),
    # ties on reports: the larger Goldstein magnitude first (057 +8.0, 051 +3.4, 111 -2.0)
    ({"top_events": 4, "negated": True, "by": "year"}, [[("051", "RUSGOV", 3), ("057", "RUSGOV", 1),
                                                         ("051", "VENGOV", 1), ("111", "RUSGOV", 1)]]),
    ({"top_events": 5, "directed": True, "start": dt.date(2024, 8, 1)}, [[("111", "RUSGOV", 1)]]),
])
def test_dyad_top_events(store, kwargs, expected):
    got = Q.dyad(store, "RUS", "VEN", **kwargs)
    assert [[(e.cameo, e.source_code, e.num_reports) for e in p.top_events] for p in got] == expected


def test_dyad_top_event_is_the_clusters_first_report(store):
    (july, _) = Q.dyad(store, "RUS", "VEN", top_events=1)
    first = july.top_events[0]
    assert first.day == dt.date(2024, 7, 29) and first.source.startswith(("https://reuters.com/1",
                                                                          "https://apnews.com/2"))


@pytest.mark.parametrize("kwargs, expected", [
    # (code, events_by, events_against, articles): reports, negated ones included
    ({"limit": 3}, [("RUSGOV", 5, 1, 6), ("VENGOV", 1, 4, 5), ("CHN", 0, 1, 1)]),
    ({"country": "ven"}, [("VENGOV", 1, 4, 5), ("VENOPP", 0, 1, 1)]),
    ({"text": "forces"}, [("RUSMIL", 1, 0, 1), ("UKRMIL", 0, 1, 1)]),
    ({"text": "usagov"}, [("USAGOV", 1, 0, 1)]),
    ({"text": "%"}, []),
])
def test_actor_directory(store, kwargs, expected):
    got = profiles.directory(store, **kwargs)
    assert [(a.code, a.events_by, a.events_against, a.articles) for a in got] == expected


def test_actor_directory_names_and_roles(store):
    (putin,) = profiles.directory(store, text="putin")
    assert (putin.name, putin.role, putin.country, putin.sector) == ("Vladimir Putin", "President", "RUS", "GOV")


@pytest.mark.parametrize("code, expected", [
    # (names, cameos by, cameos against, partners, quotes)
    ("RUSGOV", (("Vladimir Putin",), ["051", "051", "051", "057", "111"], ["051"], ("VENGOV", "VENOPP"), 0)),
    ("vengov", (("Nicolas Maduro",), ["051"], ["051", "051", "051", "057"], ("RUSGOV",), 1)),
    ("CHN", (("China",), [], ["111"], ("USAGOV",), 0)),      # exactly CHN, not CHN...
    ("RUS", None),                                          # no actor is coded RUS itself
    ("XXXGOV", None),
])
def test_actor_profile(store, code, expected):
    got = profiles.profile(store, code)
    if expected is None:
        assert got is None
        return
    assert (got.names, sorted(e.cameo for e in got.events_by), sorted(e.cameo for e in got.events_against),
            got.partners, len(got.quotes)) == expected


@pytest.mark.parametrize("text, expected", [
    # (articles, actor codes, event cameos, quote texts)
    # events are found by their sentence and their actors' names too
    ("Machado", (1, ["VENOPP"], ["111"], [])),
    ("VENOPP", (0, ["VENOPP"], ["111"], [])),
    ("051", (0, [], ["051", "051", "051", "051"], [])),
    ("praise", (3, [], ["051", "051", "051", "051"], [])),
    ("friend", (1, [], ["051"], ["Russia is our friend,"])),
    ("  maduro ", (5, ["VENGOV"], ["051", "051", "051", "051", "057"], ["Russia is our friend,"])),
    ("VENGOV", (0, ["VENGOV"], ["051", "051", "051", "051", "057"], ["Russia is our friend,"])),
    ("100%", (0, [], [], [])),
])
def test_search(store, text, expected):
    got = search.search(store, text)
    assert got.query == text.strip()
    assert (len(got.articles), [a.code for a in got.actors], sorted(e.cameo for e in got.events),
            [q.text for q in got.quotes]) == expected


def test_latest_articles_and_article_search(store):
    latest = search.latest_articles(store, limit=100)
    assert len(latest) == 8 and all(a.events == 1 for a in latest)
    assert [a.headline for a in search.articles(store, "blinken")] == [None]
    assert len(search.articles(store, "PUTIN", limit=2)) == 2


@pytest.mark.parametrize("kwargs, expected", [
    # (a, b, cooperation, conflict): event clusters, both directions together
    ({}, [("CHN", "USA", 0, 1), ("RUS", "UKR", 0, 1), ("RUS", "VEN", 2, 1)]),
    ({"level": "actor"}, [("CHN", "USAGOV", 0, 1), ("RUSGOV", "VENGOV", 2, 0), ("RUSGOV", "VENOPP", 0, 1),
                          ("RUSMIL", "UKRMIL", 0, 1)]),
    ({"start": dt.date(2024, 8, 1)}, [("RUS", "UKR", 0, 1), ("RUS", "VEN", 0, 1)]),
    ({"end": dt.date(2024, 7, 29)}, [("CHN", "USA", 0, 1), ("RUS", "VEN", 1, 0)]),
    ({"negated": True}, [("CHN", "USA", 0, 1), ("RUS", "UKR", 0, 1), ("RUS", "VEN", 3, 1)]),
])
def test_network(store, kwargs, expected):
    got = network.network(store, **kwargs)
    assert [(e.a, e.b, e.cooperation, e.conflict) for e in got] == expected
    assert all(e.events == e.cooperation + e.conflict for e in got)


def test_network_refuses_unknown_level(store):
    with pytest.raises(StoreError, match="country, actor"):
        network.network(store, level="sector")


@pytest.fixture(scope="module")
def quoted(tmp_path_factory):
    """A store with a located event, a quote with its speech verb and a scare-quoted term."""
    text = 'Maduro spoke in Caracas. "We will win," Nicolas Maduro said of the so-called "friends".'
    base = coded(text, ev("VENGOV", "RUSGOV", "051", "2024-07-30",
                          location=Location("Caracas", "VEN", 10.5, -66.9, "text")),
                 quotes=(("VENGOV", "We will win,"),))
    said = text.index("said")
    term = text.index("friends")
    quotes = (dataclasses.replace(base.quotes[0], cue=(said, said + 4)),
              Quote("Q2", "term", (term, term + 7), "friends", None, None, None))
    article = dataclasses.replace(base, quotes=quotes)
    store = Store.open(tmp_path_factory.mktemp("quoted") / "q.db")
    store.write([article])
    return Store.open(store.path, read_only=True), article


@pytest.mark.parametrize("kwargs, expected", [
    ({}, ["Q1", "Q2"]),
    ({"terms": False}, ["Q1"]),
    ({"speaker_code": "vengov"}, ["Q1"]),
    ({"speaker_code": "VEN"}, []),                         # a code, exactly
    ({"speaker": "VENGOV"}, ["Q1"]),
    ({"text": "friends", "terms": False}, []),
])
def test_quote_filters(quoted, kwargs, expected):
    store, _ = quoted
    assert [q.quote_id for q in Q.quotes(store, **kwargs)] == expected


def test_quote_and_event_rows_rebuild_the_records(quoted):
    store, article = quoted
    assert tuple(q.to_quote() for q in Q.quotes(store)) == article.quotes
    (row,) = Q.events(store)
    assert row.to_event() == article.events[0]
    assert row.location == Location("Caracas", "VEN", 10.5, -66.9, "text")


# --- `wirecoder query ...` offers the same functions -----------------------------------------------

@pytest.mark.parametrize("args, check", [
    (["network"], lambda out: "RUS  VEN  3       2            1" in out),
    (["network", "--level", "actor", "--format", "json"],
     lambda out: {(e["a"], e["b"]) for e in json.loads(out)} >= {("RUSGOV", "VENGOV"), ("CHN", "USAGOV")}),
    (["search", "maduro", "--format", "json"],
     lambda out: [a["code"] for a in json.loads(out)["actors"]] == ["VENGOV"]
     and json.loads(out)["query"] == "maduro"),
    (["search", "VENOPP"], lambda out: "# events" in out and "111" in out),
    (["actor", "RUSGOV", "--format", "json"],
     lambda out: json.loads(out)["names"] == ["Vladimir Putin"] and len(json.loads(out)["events_by"]) == 5),
    (["articles", "--text", "blinken", "--format", "csv"], lambda out: len(out.strip().splitlines()) == 2),
    (["articles", "--limit", "3", "--format", "json"], lambda out: len(json.loads(out)) == 3),
    (["events", "--source", "VEN", "--wide", "--format", "json"],
     lambda out: json.loads(out)[0]["trigger_span"] == [0, 7] and json.loads(out)[0]["source_actor"] == "A1"),
    (["events", "--quad-class", "4", "--format", "csv"],
     lambda out: out.splitlines()[0].endswith("num_sources") and "RUSMIL" in out),
    (["events", "--negated", "--code", "057", "--format", "json"], lambda out: len(json.loads(out)) == 1),
    (["quotes", "--wide", "--format", "csv"], lambda out: out.splitlines()[0].endswith("speaker,span,cue")),
    (["dyad", "RUS", "VEN", "--top-events", "1"], lambda out: "051:RUSGOV>VENGOV" in out),
])
def test_query_cli(store, args, check):
    result = CliRunner().invoke(cli, ["query", *args, "--db", str(store.path)])
    assert result.exit_code == 0, result.output
    assert check(result.stdout), result.stdout


def test_query_cli_unknown_actor_says_what_to_do(store):
    result = CliRunner().invoke(cli, ["query", "actor", "XXXGOV", "--db", str(store.path)])
    assert result.exit_code == 2 and "wirecoder query actors" in result.output
