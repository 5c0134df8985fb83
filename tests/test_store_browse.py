"""Browsing events (filters, facets, sorting, paging, exports) and undated events in dyads."""
from __future__ import annotations

import datetime as dt

import pytest

from test_store_factory import coded, ev
from wirecoder.errors import StoreError
from wirecoder.store import Store
from wirecoder.store import browse as B
from wirecoder.store import queries as Q


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("b") / "b.db")
    store.write([
        coded("Putin praised Maduro after the vote.", ev("RUSGOV", "VENGOV", "051", "2024-07-29"),
              url="https://reuters.com/1"),
        coded("Putin praised Maduro, AP reported.", ev("RUSGOV", "VENGOV", "051", "2024-07-29"),
              url="https://apnews.com/2"),
        coded("Nicolas Maduro thanked Putin for the help.", ev("VENGOV", "RUSGOV", "051", "2024-08-03"),
              url="https://voanews.com/3"),
        coded("Putin denounced Maria Corina Machado.", ev("RUSGOV", "VENOPP", "111", "2024-08-02"),
              url="https://reuters.com/4"),
        # no date in the text: placed on the publication date (background too)
        coded("Years ago Putin had threatened Maduro.", ev("RUSGOV", "VENGOV", "138", None, background=True),
              published="2024-09-10", url="https://reuters.com/5"),
        # neither an event date nor a publication date: cannot be placed in time
        coded("Putin once criticised Maduro.", ev("RUSGOV", "VENGOV", "111", None),
              published=None, url="https://reuters.com/6"),
        coded("Russian forces attacked Ukrainian forces near the city.", ev("RUSMIL", "UKRMIL", "190", "2024-09-03"),
              url="https://apnews.com/7"),
    ])
    return Store.open(store.path, read_only=True)


def _shown(page: B.EventPage) -> list[tuple[str | None, str, str | None]]:
    return [(r.source_code, r.cameo, r.target_code) for r in page.rows]


@pytest.mark.parametrize("query, total, clusters", [
    (B.EventQuery(), 7, 6),
    (B.EventQuery(actor="VEN"), 6, 5),
    (B.EventQuery(source="RUS", target="VEN"), 5, 4),          # directed
    (B.EventQuery(root="05"), 3, 2),
    (B.EventQuery(code="11"), 2, 2),
    (B.EventQuery(quad_class=4), 1, 1),
    (B.EventQuery(quad_class=3), 3, 3),
    (B.EventQuery(plover="assault"), 1, 1),
    (B.EventQuery(background=True), 1, 1),
    (B.EventQuery(background=False), 6, 5),
    (B.EventQuery(text="machado"), 1, 1),                      # an actor's name
    (B.EventQuery(text="FOR THE HELP"), 1, 1),                 # words of the sentence
    (B.EventQuery(start=dt.date(2024, 9, 1)), 2, 2),           # the background event by publication date
    (B.EventQuery(end=dt.date(2024, 7, 31)), 2, 1),
])
def test_event_page_counts_reports_and_events(store, query, total, clusters):
    page = B.event_page(store, query)
    assert (page.total, page.clusters) == (total, clusters)
    assert len(page.rows) == min(total, query.limit)


@pytest.mark.parametrize("filters, reports, clusters", [
    ({}, 7, 6), ({"quad_class": 3}, 3, 3), ({"actor": "VEN"}, 6, 5), ({"source": "RUS", "target": "VEN"}, 5, 4),
    ({"root": "05"}, 3, 2), ({"text": "machado"}, 1, 1), ({"start": dt.date(2024, 8, 1)}, 3, 3),
    ({"actor": "NOR"}, 0, 0),
])
def test_count_events_counts_all_that_events_lists(store, filters, reports, clusters):
    """``count_events`` counts every match of ``events``'s filters, whatever the page."""
    listed = Q.events(store, reports=True, limit=1000, **filters)
    assert Q.count_events(store, **filters) == Q.EventTotals(reports, clusters)
    assert (len(listed), len({r.cluster_id for r in listed})) == (reports, clusters)
    assert len(Q.events(store, reports=True, limit=1, **filters)) == min(1, reports)


def test_events_refuse_an_unknown_filter(store):
    with pytest.raises(TypeError, match="actr"):
        Q.count_events(store, actr="RUS")


@pytest.mark.parametrize("sort, descending, first", [
    ("goldstein", True, ("VENGOV", "051", "RUSGOV")),     # ties: the newest first
    ("goldstein", False, ("RUSMIL", "190", "UKRMIL")),
    ("date", True, ("RUSGOV", "138", "VENGOV")),               # 2024-09-10, by publication date
    ("date", False, ("RUSGOV", "051", "VENGOV")),
    ("target", False, ("VENGOV", "051", "RUSGOV")),
    ("cameo", True, ("RUSMIL", "190", "UKRMIL")),
])
def test_event_page_sorts(store, sort, descending, first):
    page = B.event_page(store, B.EventQuery(sort=sort, descending=descending), with_facets=False)
    assert _shown(page)[0] == first


def test_undated_rows_sort_last_and_keep_no_date(store):
    rows = B.event_page(store, B.EventQuery(sort="date"), with_facets=False).rows
    assert rows[-1].published is None and rows[-1].date is None
    background = next(r for r in rows if r.background)
    assert background.date is None and background.published == dt.date(2024, 9, 10)


@pytest.mark.parametrize("limit, offset, first, last, shown", [
    (3, 0, 1, 3, 3), (3, 3, 4, 6, 3), (3, 6, 7, 7, 1), (3, 9, 0, 9, 0),
])
def test_event_page_pages(store, limit, offset, first, last, shown):
    page = B.event_page(store, B.EventQuery(limit=limit, offset=offset), with_facets=False)
    assert (page.first, page.last, len(page.rows), page.total) == (first, last, shown, 7)


def test_pages_cover_every_row_once(store):
    seen = []
    for offset in range(0, 7, 2):
        seen += [(r.article_id, r.event_id) for r in
                 B.event_page(store, B.EventQuery(limit=2, offset=offset, sort="goldstein")).rows]
    assert len(seen) == len(set(seen)) == 7


@pytest.mark.parametrize("query, facet, expected", [
    # (value, distinct events, reports): the praise of 2024-07-29 is told by two articles
    (B.EventQuery(), "root", [("05", 2, 3), ("11", 2, 2), ("13", 1, 1), ("19", 1, 1)]),
    (B.EventQuery(), "quad_class", [("1", 2, 3), ("3", 3, 3), ("4", 1, 1)]),
    (B.EventQuery(), "source_country", [("RUS", 5, 6), ("VEN", 1, 1)]),
    (B.EventQuery(actor="VEN"), "target_country", [("VEN", 4, 5), ("RUS", 1, 1)]),
    (B.EventQuery(), "month", [("2024-07", 1, 2), ("2024-08", 2, 2), ("2024-09", 2, 2)]),
    (B.EventQuery(root="05"), "month", [("2024-07", 1, 2), ("2024-08", 1, 1)]),
])
def test_facet_counts(store, query, facet, expected):
    found = {f.name: f for f in B.facets(store, query)}
    assert [(v.value, v.events, v.reports) for v in found[facet].values] == expected


def test_facets_rank_by_events_not_reports(tmp_path):
    """One event told by three articles does not outrank two events told once each."""
    store = Store.open(tmp_path / "r.db")
    store.write([
        *(coded(f"Putin praised Maduro, outlet {n} said.", ev("RUSGOV", "VENGOV", "051", "2024-07-29"),
                url=f"https://example.org/{n}") for n in range(3)),
        coded("Machado denounced Maduro.", ev("VENOPP", "VENGOV", "111", "2024-07-30")),
        coded("Machado criticised Putin.", ev("VENOPP", "RUSGOV", "111", "2024-07-31")),
    ])
    found = {f.name: f for f in B.facets(Store.open(store.path, read_only=True), B.EventQuery())}
    assert [(v.value, v.events, v.reports) for v in found["root"].values] == [("11", 2, 2), ("05", 1, 3)]


def test_facets_say_what_they_leave_out(store):
    found = {f.name: f for f in B.facets(store, B.EventQuery(), size=2)}
    assert len(found["root"].values) == 2 and found["root"].left_out == 2
    assert found["month"].missing == 1                         # the event with no date at all
    assert found["root"].values[0].label                       # the CAMEO root's name


def test_a_facet_value_used_as_filter_gives_its_counts(store):
    for value in B.facets(store, B.EventQuery())[0].values:
        page = B.event_page(store, B.EventQuery(root=value.value), with_facets=False)
        assert (page.clusters, page.total) == (value.events, value.reports)


@pytest.mark.parametrize("kwargs", [{"sort": "headline; DROP TABLE events"}, {"quad_class": 7},
                                    {"limit": 0}, {"offset": -1}])
def test_event_query_refuses_bad_values(kwargs):
    with pytest.raises(StoreError):
        B.EventQuery(**kwargs)


@pytest.mark.parametrize("scope, expected", [("page", 2), ("all", 7)])
def test_export_rows(store, scope, expected):
    rows, total = B.event_rows(store, B.EventQuery(limit=2), scope=scope)
    assert (len(rows), total) == (expected, 7)
    record = B.export_record(rows[0])
    assert list(record) == list(B.EXPORT_COLUMNS)


def test_export_record_marks_the_publication_date(store):
    rows, _ = B.event_rows(store, B.EventQuery(background=True))
    record = B.export_record(rows[0])
    assert (record["day"], record["date"], record["published"]) == ("2024-09-10", None, "2024-09-10")


@pytest.mark.parametrize("kwargs, expected", [
    # (period, events, by_publication)
    ({"by": "month"}, [(dt.date(2024, 7, 1), 1, 0), (dt.date(2024, 8, 1), 2, 0), (dt.date(2024, 9, 1), 1, 1)]),
    ({"by": "month", "reports": True},
     [(dt.date(2024, 7, 1), 2, 0), (dt.date(2024, 8, 1), 2, 0), (dt.date(2024, 9, 1), 1, 1)]),
    ({"by": "month", "start": dt.date(2024, 9, 1)}, [(dt.date(2024, 9, 1), 1, 1)]),
])
def test_dyad_places_undated_events_on_the_publication_date(store, kwargs, expected):
    got = Q.dyad(store, "RUS", "VEN", **kwargs)
    assert [(p.period, p.events, p.by_publication) for p in got] == expected


@pytest.mark.parametrize("a, b, kwargs, expected", [
    ("RUS", "VEN", {}, 1), ("RUS", "VEN", {"reports": True}, 1), ("VEN", "RUS", {"directed": True}, 0),
    ("RUS", "UKR", {}, 0),
])
def test_dyad_says_how_many_it_cannot_place(store, a, b, kwargs, expected):
    assert Q.dyad_left_out(store, a, b, **kwargs) == expected


def test_dyad_top_events_include_events_placed_by_publication(store):
    periods = Q.dyad(store, "RUS", "VEN", by="month", top_events=5)
    september = periods[-1]
    assert [e.cameo for e in september.top_events] == ["138"]


# --- the actor directory ------------------------------------------------------------------

from wirecoder.store import directory as D  # noqa: E402


@pytest.mark.parametrize("query, canonical, expected", [
    # (code, display name, clusters by, clusters against)
    (D.ActorQuery(limit=3), None, [("RUSGOV", "Vladimir Putin", 4, 1), ("VENGOV", "Nicolas Maduro", 1, 3),
                                   ("RUSMIL", "Russian forces", 1, 0)]),
    (D.ActorQuery(sort="code", descending=False, limit=2), None,
     [("RUSGOV", "Vladimir Putin", 4, 1), ("RUSMIL", "Russian forces", 1, 0)]),
    (D.ActorQuery(country="VEN"), None, [("VENGOV", "Nicolas Maduro", 1, 3), ("VENOPP", "Maria Corina Machado", 0, 1)]),
    (D.ActorQuery(text="machado"), None, [("VENOPP", "Maria Corina Machado", 0, 1)]),
    (D.ActorQuery(text="venopp"), None, [("VENOPP", "Maria Corina Machado", 0, 1)]),
    (D.ActorQuery(text="Bolivarian", limit=5), {"VENGOV": "Bolivarian government"},
     [("VENGOV", "Bolivarian government", 1, 3)]),
    (D.ActorQuery(sort="name", descending=False, limit=2), {"UKRMIL": "Armed Forces of Ukraine"},
     [("UKRMIL", "Armed Forces of Ukraine", 0, 1), ("VENOPP", "Maria Corina Machado", 0, 1)]),
])
def test_directory_page(store, query, canonical, expected):
    page = D.directory_page(store, query, canonical)
    assert [(r.code, r.name, r.events_by, r.events_against) for r in page.rows] == expected


@pytest.mark.parametrize("query, total, shown", [
    (D.ActorQuery(), 5, 5), (D.ActorQuery(limit=4, offset=4), 5, 1), (D.ActorQuery(offset=10), 5, 0),
    (D.ActorQuery(country="NOR"), 0, 0),
])
def test_directory_page_says_how_many_match(store, query, total, shown):
    page = D.directory_page(store, query)
    assert (page.total, len(page.rows)) == (total, shown)


def test_directory_refuses_unknown_sort():
    with pytest.raises(StoreError):
        D.ActorQuery(sort="power")


def test_aliases_with_counts(store):
    assert D.aliases(store, "rusgov") == (D.NameCount("Vladimir Putin", 6),)


@pytest.fixture(scope="module")
def told_twice(tmp_path_factory):
    """One event told by two articles, one negated event, one plain event."""
    store = Store.open(tmp_path_factory.mktemp("agree") / "a.db")
    store.write([
        coded("Antony Blinken criticised China over trade.", ev("USAGOV", "CHN", "111", "2024-07-02")),
        coded("Antony Blinken criticised China, AP said.", ev("USAGOV", "CHN", "111", "2024-07-02")),
        coded("Antony Blinken did not meet Nicolas Maduro.", ev("USAGOV", "VENGOV", "036", "2024-07-03", negated=True)),
        coded("Nicolas Maduro thanked Putin for the help.", ev("VENGOV", "RUSGOV", "051", "2024-07-04")),
    ])
    return Store.open(store.path, read_only=True)


@pytest.mark.parametrize("described", [{}, {"country": "USA"}, {"text": "maduro"}, {"text": "rusgov"}])
def test_both_actor_directories_describe_a_code_alike(told_twice, described):
    """The dashboard's directory (event clusters, negated left out) and the plain one (every
    report) share their SQL: same codes, names, roles, countries, sectors and article counts;
    their event counts are those of the actor profile's report lists, counted each way."""
    from wirecoder.store import profiles
    page = D.directory_page(told_twice, D.ActorQuery(limit=100, **described))
    entries = profiles.directory(told_twice, limit=100, **described)
    assert page.rows and sorted((r.code, r.name, r.role, r.country, r.sector, r.articles) for r in page.rows) == \
        sorted((e.code, e.name, e.role, e.country, e.sector, e.articles) for e in entries)
    clusters = {r.code: (r.events_by, r.events_against) for r in page.rows}
    for entry in entries:
        actor = profiles.profile(told_twice, entry.code)
        assert (entry.events_by, entry.events_against) == (len(actor.events_by), len(actor.events_against))
        assert clusters[entry.code] == tuple(len({r.cluster_id for r in side if not r.negated})
                                             for side in (actor.events_by, actor.events_against))


def test_the_two_counts_differ_where_they_should(told_twice):
    from wirecoder.store import profiles
    usa = {e.code: e for e in profiles.directory(told_twice)}["USAGOV"]
    (row,) = D.directory_page(told_twice, D.ActorQuery(text="USAGOV")).rows
    assert (usa.events_by, row.events_by) == (3, 1)          # two reports of one event, one negated


def test_dyad_command_says_what_it_placed_and_left_out(store):
    from click.testing import CliRunner

    from wirecoder.cli import cli
    result = CliRunner().invoke(cli, ["query", "dyad", "RUS", "VEN", "--db", str(store.path)])
    assert result.exit_code == 0, result.output
    assert "by_publication" in result.stdout
    assert "1 event(s) without a date of their own" in result.stderr
    assert "1 with no date at all left out" in result.stderr


def test_profile_partners_leave_out_negated_events(tmp_path):
    """A partner link opens a dyad; a dyad of negated events only would be empty."""
    from wirecoder.store import profiles
    store = Store.open(tmp_path / "n.db")
    store.write([
        coded("Antony Blinken did not meet Nicolas Maduro.", ev("USAGOV", "VENGOV", "036", "2024-07-01", negated=True)),
        coded("Antony Blinken criticised China over trade.", ev("USAGOV", "CHN", "111", "2024-07-02")),
    ])
    reader = Store.open(store.path, read_only=True)
    assert profiles.profile(reader, "USAGOV").partners == ("CHN",)
    for partner in profiles.profile(reader, "USAGOV").partners:
        assert sum(p.events for p in Q.dyad(reader, "USAGOV", partner)) > 0


@pytest.mark.parametrize("a, b, kwargs, expected", [
    # (period, events, a_to_b)
    ("RUS", "VEN", {"by": "month"}, [(dt.date(2024, 7, 1), 1, 1), (dt.date(2024, 8, 1), 2, 1),
                                     (dt.date(2024, 9, 1), 1, 1)]),
    ("VEN", "RUS", {"by": "month"}, [(dt.date(2024, 7, 1), 1, 0), (dt.date(2024, 8, 1), 2, 1),
                                     (dt.date(2024, 9, 1), 1, 0)]),
    ("RUS", "VEN", {"by": "month", "reports": True}, [(dt.date(2024, 7, 1), 2, 2), (dt.date(2024, 8, 1), 2, 1),
                                                      (dt.date(2024, 9, 1), 1, 1)]),
])
def test_dyad_splits_directions(store, a, b, kwargs, expected):
    assert [(p.period, p.events, p.a_to_b) for p in Q.dyad(store, a, b, **kwargs)] == expected
