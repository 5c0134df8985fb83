"""The events page and the exports, through FastAPI's TestClient (no browser)."""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirecoder.settings import Settings
from wirecoder.store import Store
from wirecoder.web import create_app
from wirecoder.web.exports import csv_text

sys.path.insert(0, str(Path(__file__).parent))
from test_store_factory import coded, ev  # noqa: E402
from web_fixtures import hostile_hand_coded, seed_hand_coded, web_client  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    path = tmp_path_factory.mktemp("browse") / "store.duckdb"
    Store.open(path).write([
        seed_hand_coded(), hostile_hand_coded(),
        coded("Putin denounced Maria Corina Machado.", ev("RUSGOV", "VENOPP", "111", "2024-08-02"),
              url="https://reuters.com/4"),
        coded("Years ago Putin had threatened Maduro.", ev("RUSGOV", "VENGOV", "138", None, background=True),
              published="2024-09-10", url="https://reuters.com/5"),
        coded("Russian forces attacked Ukrainian forces near the city.",
              ev("RUSMIL", "UKRMIL", "190", "2024-09-03"), url="https://apnews.com/7"),
    ])
    return web_client(create_app(Settings(), path))


def table_rows(html: str) -> list[tuple[str, str]]:
    """(article id, event id) of each row of the events table."""
    return re.findall(r'<tr data-article="([^"]+)" data-event="([^"]+)">', html)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def showing(html: str) -> str:
    return re.search(r'id="paging-status">([^<]*)<', html).group(1)


@pytest.mark.parametrize("query, rows", [
    ("", 8), ("actor=VEN", 7), ("source=RUS&target=VEN", 4), ("root=05", 2), ("quad_class=4", 1),
    ("background=yes", 1), ("background=no", 7), ("text=machado", 1), ("from=2024-09-01", 2),
    ("plover=assault", 1), ("code=11", 3),
])
def test_filters_and_the_csv_export_agree(client, query, rows):
    page = client.get(f"/events?{query}")
    assert page.status_code == 200
    shown = table_rows(page.text)
    assert len(shown) == rows
    assert f"of {rows}" in showing(page.text)
    exported = csv_rows(client.get(f"/events.csv?{query}").text)
    assert [(r["article_id"], r["event_id"]) for r in exported] == shown
    data = client.get(f"/events.json?{query}").json()
    assert [(r["article_id"], r["event_id"]) for r in data["rows"]] == shown
    assert data["total"] == rows and data["left_out"] == 0


@pytest.mark.parametrize("query, status_text", [
    ("limit=3", "showing 1–3 of 8"), ("limit=3&offset=3", "showing 4–6 of 8"),
    ("limit=3&offset=6", "showing 7–8 of 8"), ("limit=3&offset=30", "no rows here: the 8 matching rows end before row 31"), ("actor=NOR", "no events match"),
])
def test_paging(client, query, status_text):
    page = client.get(f"/events?{query}").text
    assert showing(page) == status_text


def test_the_export_of_a_page_has_its_rows_and_scope_all_has_every_row(client):
    page = table_rows(client.get("/events?limit=3&offset=3&sort=goldstein").text)
    assert [(r["article_id"], r["event_id"])
            for r in csv_rows(client.get("/events.csv?limit=3&offset=3&sort=goldstein").text)] == page
    everything = csv_rows(client.get("/events.csv?limit=3&offset=3&scope=all").text)
    assert len(everything) == 8
    data = client.get("/events.json?limit=3").json()
    assert (data["returned"], data["left_out"], data["total"]) == (3, 5, 8)


def test_export_links_and_permalink_carry_the_view(client):
    html = client.get("/events?actor=VEN&sort=goldstein&dir=asc&limit=25").text
    for kind in ("export-csv", "export-json", "permalink"):
        href = re.search(rf'class="{kind}" href="([^"]+)"', html).group(1).replace("&amp;", "&")
        for part in ("actor=VEN", "sort=goldstein", "dir=asc", "limit=25"):
            assert part in href, (kind, href)


@pytest.mark.parametrize("sort, direction, first_code", [
    ("goldstein", "asc", "190"), ("goldstein", "desc", "051"), ("cameo", "desc", "190"), ("date", "desc", "138"),
])
def test_sortable_columns(client, sort, direction, first_code):
    rows = csv_rows(client.get(f"/events.csv?sort={sort}&dir={direction}").text)
    assert rows[0]["cameo"] == first_code


def test_sort_links_flip_the_direction(client):
    html = client.get("/events?sort=goldstein&dir=desc").text
    href = re.search(r'<a class="sort" href="([^"]+)">Goldstein', html).group(1)
    assert "dir=asc" in href and "sort=goldstein" in href


def counting(html: str) -> tuple[str, str]:
    """(reports, distinct events) the events page says match."""
    return re.search(r'id="counting">.*?<strong>([\d,]+)</strong> reports of <strong>([\d,]+)</strong>',
                     html).groups()


def test_each_facet_link_filters_to_its_counts(client):
    """A facet value counts distinct events (and their reports), as the page it opens does."""
    html = client.get("/events").text
    links = re.findall(r'<li data-events="(\d+)" data-reports="(\d+)"><a href="([^"]+)" class="facet-value">', html)
    assert len(links) >= 8 and any(events != reports for events, reports, _ in links)
    for events, reports, href in links:
        page = client.get(href.replace("&amp;", "&")).text
        assert counting(page) == (reports, events), href
        assert showing(page).endswith(f"of {reports}") and len(table_rows(page)) == int(reports), href


def test_facet_counts_show_events_and_reports_where_they_differ(client):
    html = client.get("/events?root=05").text
    root = re.search(r'data-facet="root">.*?</section>', html, re.S).group(0)
    assert re.search(r'<span class="count" title="1 event in 2 reports">1 <span class="reports">\(2\)</span></span>',
                     root), root
    assert "distinct events" in re.search(r'id="facet-legend">([^<]*)<', html).group(1)


def test_undated_events_are_marked_by_publication_date(client):
    rows = csv_rows(client.get("/events.csv?background=yes").text)
    assert (rows[0]["day"], rows[0]["date"], rows[0]["published"]) == ("2024-09-10", "", "2024-09-10")
    assert ">published</span>" in client.get("/events?background=yes").text


def test_rows_link_to_their_evidence(client):
    html = client.get("/events?code=190").text
    href = re.search(r'<a href="(/articles/[^"]+#ev-E1)">', html).group(1)
    article = client.get(href.split("#")[0]).text
    assert 'id="ev-E1"' in article


@pytest.mark.parametrize("query, problem", [
    ("background=maybe", "use yes or no"), ("quad_class=9", "1, 2, 3 or 4"), ("sort=headline", "sort"),
    ("from=yesterday", "YYYY-MM-DD"), ("limit=100000", "1 to 500"), ("dir=up", "asc or desc"),
])
def test_bad_parameters_are_refused_with_the_allowed_values(client, query, problem):
    for path in ("/events", "/events.csv"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 422
        assert problem in response.text


def test_hostile_text_is_escaped_on_the_page_and_inert_in_csv(client):
    html = client.get("/events?text=sabotage").text
    assert "<script>window" not in html and "&lt;script&gt;" in html or "sabotage" in html
    cells = [r[0] for r in csv.reader(io.StringIO(
        csv_text(("a",), [{"a": '=HYPERLINK("x")'}, {"a": "-2.5"}, {"a": "@sum"}, {"a": "plain"}])))]
    assert cells == ["a", "'=HYPERLINK(\"x\")", "-2.5", "'@sum", "plain"]


def test_counting_rule_is_stated(client):
    html = client.get("/events").text
    assert re.search(r"<strong>8</strong> reports of <strong>\d+</strong> distinct events", html)


def test_api_reference_documents_every_parameter_and_response(client):
    schema = client.get("/openapi.json").json()
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            for param in op.get("parameters", []):
                meaning = param.get("description", "")
                assert "Allowed:" in meaning and len(meaning) > len("Allowed: any text.") + 5, (path, param)
                assert "example" in param, (path, param["name"])
            content = op["responses"]["200"]["content"]["application/json"]
            assert "example" in content, (method, path)
    docs = client.get("/docs").text
    assert docs.count("Example response") == sum(len(m) for m in schema["paths"].values())
    assert "day, week or month" in docs and "a whole number from 1 to 1000" in docs


def test_dyad_page_says_how_many_undated_events_it_leaves_out(tmp_path):
    path = tmp_path / "undated.duckdb"
    Store.open(path).write([
        coded("Putin praised Maduro after the vote.", ev("RUSGOV", "VENGOV", "051", "2024-07-29")),
        coded("Years ago Putin had threatened Maduro.", ev("RUSGOV", "VENGOV", "138", None, background=True),
              published="2024-09-10"),
        coded("Putin once criticised Maduro.", ev("RUSGOV", "VENGOV", "111", None), published=None),
    ])
    client = web_client(create_app(Settings(), path))
    counting = re.search(r'id="counting">(.*?)</p>', client.get("/dyad?a=RUS&b=VEN&by=month").text, re.S).group(1)
    assert "<strong>2</strong> events, of which 1 has no date of its own and is placed" in counting
    assert "<strong>1</strong> event with no date at all" in counting
    data = client.get("/dyad.json?a=RUS&b=VEN&by=month").json()
    assert (data["events"], data["by_publication_date"], data["left_out_undated"]) == (2, 1, 1)
    assert [r["events"] for r in data["rows"]] == [1, 0, 1]          # August is there, as zero
    api = client.get("/api/dyad/RUS/VEN?by=month").json()
    assert api["left_out_undated"] == 1 and api["by_publication_date"] == 1


def test_code_an_article_result_has_its_own_url(coder, tmp_path):
    client = web_client(create_app(Settings(), tmp_path / "none.duckdb", coder=coder))
    text = "Chinese Foreign Minister Wang Yi on Friday praised Brazil's President Lula for his mediation."
    posted = client.post("/code", data={"text": text, "published": "2025-03-14"}, follow_redirects=False)
    assert posted.status_code == 303 and posted.headers["location"].startswith("/code/result?")
    page = client.get(posted.headers["location"])
    assert page.status_code == 200 and "Wang Yi" in page.text
    assert 'class="permalink"' in page.text and "not stored" in page.text
    assert client.get("/code/result?text=").status_code == 422


@pytest.mark.parametrize("level", ["country", "actor"])
def test_network_edges_and_their_dyads_count_the_same(client, level):
    """One counting rule: an edge's count is the count its dyad timeline shows (no empty timeline)."""
    edges = client.get(f"/network.json?level={level}").json()["rows"]
    assert edges
    for edge in edges:
        dyad = client.get(f"/dyad.json?a={edge['a']}&b={edge['b']}&by=month").json()
        assert dyad["events"] + dyad["left_out_undated"] == edge["events"], edge


def test_actor_page_and_directory_count_the_same(client):
    rows = {r["code"]: r for r in client.get("/actors.json?limit=500").json()["rows"]}
    for code in ("RUSGOV", "VENGOV"):
        page = client.get(f"/actors/{code}").text
        by, against = re.search(r'id="counting"><strong>(\d+)</strong> by, <strong>(\d+)</strong> against',
                                page).groups()
        assert (int(by), int(against)) == (rows[code]["events_by"], rows[code]["events_against"])
