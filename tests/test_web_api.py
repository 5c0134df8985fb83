"""The HTTP API and the dashboard pages, through FastAPI's TestClient (no browser)."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirecoder.records import CodedArticle, Mention
from wirecoder.settings import Settings
from wirecoder.store import Store
from wirecoder.web import create_app
from wirecoder.web.article_view import segments
from wirecoder.web.charts import DyadCount, PeriodCounts, network_chart, timeline_chart

sys.path.insert(0, str(Path(__file__).parent))
from web_fixtures import hand_coded, hostile_hand_coded, seed_hand_coded, web_client  # noqa: E402

SEED = seed_hand_coded()
HOSTILE = hostile_hand_coded()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "store.duckdb"
    Store.open(path).write([SEED, HOSTILE])
    return path


@pytest.fixture(scope="module")
def client(db, coder) -> TestClient:
    return web_client(create_app(Settings(), db, coder=coder))


# --- pages ------------------------------------------------------------------------------------

PAGES = [
    ("/", ["Latest articles", "RUSGOV"]),
    (f"/articles/{SEED.article.id}", ['class="hl-actor"', "Vladimir Putin", 'class="hl-event"',
                                      "congratulated", 'class="hl-quote"', "Praise or endorse"]),
    ("/dyad?a=RUS&b=VEN", ["<svg", 'class="bar q1"', "goldstein", "congratulated"]),
    ("/dyad?a=RUS&b=VEN&by=month", ["2024-07", "<svg"]),
    ("/actors/RUSGOV", ["Vladimir Putin", "Events by RUSGOV", "We are developing our relations"]),
    ("/actors?country=VEN", ["VENGOV", "VENOPP"]),
    ("/network", ["<svg", 'class="node"', "USA", "VEN"]),
    ("/network?level=actor&from=2024-07-01&to=2024-07-31", ["RUSGOV", "VENGOV"]),
    ("/search?q=maduro", ["Nicolas <mark>Maduro</mark>", "Quotes"]),
    ("/docs", ["/api/code", "/api/events", "/openapi.json"]),
    ("/code", ["<textarea"]),
]


@pytest.mark.parametrize("path,expected", PAGES)
def test_page_renders(client, path, expected):
    r = client.get(path)
    assert r.status_code == 200, r.text
    for text in expected:
        assert text in r.text, f"{text!r} not on {path}"


@pytest.mark.parametrize("path", [p for p, _ in PAGES])
def test_pages_load_nothing_from_elsewhere(client, path):
    html = client.get(path).text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), "an asset from another origin"
    r = client.get(path)
    assert "script-src 'self'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("path,status", [
    ("/articles/0000", 404), ("/actors/XXXGOV", 404), ("/api/articles/0000", 404),
    ("/api/actors/XXXGOV", 404), ("/nowhere", 404), ("/api/dyad/RUS/VEN?by=year", 422),
    ("/dyad?a=RUS&b=VEN&from=yesterday", 422),
])
def test_missing_and_bad_requests(client, path, status):
    assert client.get(path).status_code == status


# --- API --------------------------------------------------------------------------------------

API = [
    ("/api/events", lambda d: d["count"] == 5),
    ("/api/events?actor=RUS", lambda d: {e["source_code"] for e in d["events"]} == {"RUSGOV"}),
    ("/api/events?actor=VENOPP", lambda d: d["count"] == 2),
    ("/api/events?source=USA&root=11", lambda d: [e["cameo"] for e in d["events"]] == ["111"]),
    ("/api/events?code=05&from=2024-07-29&to=2024-07-29", lambda d: d["count"] == 2),
    ("/api/events?quad_class=3", lambda d: d["count"] == 3),
    ("/api/events?text=sabotage", lambda d: [e["evidence"] for e in d["events"]] == ["accused"]),
    ("/api/events?actor=RUS' OR 1=1 --", lambda d: d["count"] == 0),
    ("/api/dyad/RUS/VEN", lambda d: d["periods"][0]["quad_classes"]["1"] == 1
        and d["periods"][0]["mean_goldstein"] == 3.4 and d["periods"][0]["top"][0]["cameo"] == "051"),
    ("/api/dyad/VENGOV/USA?by=day", lambda d: d["events"] == 1 and d["periods"][0]["period"] == "2024-07-29"),
    ("/api/actors", lambda d: d["actors"][0]["code"] == "VENGOV"),
    ("/api/actors/RUSGOV", lambda d: len(d["events_by"]) == 2 and d["quotes"][0]["speaker_code"] == "RUSGOV"),
    ("/api/quotes?speaker=peskov", lambda d: d["count"] == 1),
    ("/api/quotes?q=reject", lambda d: d["quotes"][0]["speaker_name"] == "Nicolas Maduro"),
    (f"/api/articles/{SEED.article.id}", lambda d: d["schema"] == "wirecoder/1"
        and CodedArticle.from_dict(d).events == SEED.events),
    ("/api/articles", lambda d: d["count"] == 2),
    ("/api/network", lambda d: {(e["a"], e["b"]) for e in d["edges"]} == {("RUS", "VEN"), ("USA", "VEN")}),
    ("/api/search?q=Putin", lambda d: d["actors"][0]["code"] == "RUSGOV" and len(d["articles"]) == 1),
    ("/api/events?target=VENOPP&quad_class=3", lambda d: [e["cameo"] for e in d["events"]] == ["112", "120"]),
    ("/api/events?offset=4", lambda d: d["count"] == 1 and d["filter"]["offset"] == 4),
    ("/api/events?source=VENGOV", lambda d: {e["trigger"][1] - e["trigger"][0] for e in d["events"]} == {6, 7}),
    ("/api/search?q=VENOPP", lambda d: sorted(e["cameo"] for e in d["events"]) == ["112", "120"]
        and d["actors"][0]["code"] == "VENOPP"),
    ("/api/quotes?speaker=maduro", lambda d: d["quotes"][0]["cue"] is None and d["quotes"][0]["span"][1] > 0),
]


@pytest.mark.parametrize("path,check", API)
def test_api(client, path, check):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert check(r.json()), json.dumps(r.json())[:500]


@pytest.mark.parametrize("path, count, total, clusters", [
    ("/api/events", 5, 5, 4),                         # the seed's two reports of one praise: one event
    ("/api/events?limit=2", 2, 5, 4),
    ("/api/events?limit=2&offset=4", 1, 5, 4),
    ("/api/events?offset=9", 0, 5, 4),                # past the end: nothing here, still the total
    ("/api/events?quad_class=3&limit=1", 1, 3, 3),
    ("/api/events?actor=VENOPP", 2, 2, 2),
    ("/api/events?actor=NOR", 0, 0, 0),
])
def test_api_events_says_how_many_match_in_all(client, path, count, total, clusters):
    r = client.get(path)
    d = r.json()
    assert (d["count"], d["total"], d["clusters"], d["left_out"]) == (count, total, clusters, total - count)
    assert len(d["events"]) == count and r.headers["x-total-count"] == str(total)


@pytest.mark.parametrize("filters", ["", "actor=RUS", "source=VEN", "target=VENOPP", "code=1", "root=05",
                                     "quad_class=3", "text=sabotage"])
def test_api_events_total_is_the_events_page_total(client, filters):
    """The API and the events page count the same reports and distinct events for the same filters."""
    d = client.get(f"/api/events?{filters}&limit=1").json()
    counting = re.search(r'id="counting">.*?<strong>([\d,]+)</strong> reports of <strong>([\d,]+)</strong>',
                         client.get(f"/events?{filters}").text).groups()
    assert (str(d["total"]), str(d["clusters"])) == counting


def test_home_page_says_what_the_store_holds(client):
    html = client.get("/").text
    said = re.search(r'id="store-totals">.*?</p>', html).group(0)
    events = client.get("/api/events").json()
    assert f"<strong>{events['total']}</strong> event reports" in said
    assert f"<strong>{events['clusters']}</strong> distinct events" in said
    assert f"<strong>{client.get('/api/articles').json()['count']}</strong> articles" in said


def test_web_package_holds_no_sql():
    """The web layer is a thin client: every question is a store library function."""
    web = Path(__file__).resolve().parents[1] / "src" / "wirecoder" / "web"
    sql = re.compile(r"\b(SELECT|INSERT|DELETE|UPDATE)\b.*\b(FROM|INTO|SET)\b|\.execute\(|\.sql\(")
    for path in sorted(web.glob("*.py")):
        hits = [line for line in path.read_text(encoding="utf-8").splitlines() if sql.search(line)]
        assert not hits, f"{path.name} holds SQL: {hits[:3]}"


def test_openapi_lists_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/code", "/api/events", "/api/dyad/{a}/{b}", "/api/actors/{code}", "/api/quotes",
                  "/api/articles/{article_id}", "/api/search", "/api/network"):
        assert route in paths


def test_code_without_storing(client, seed_text):
    r = client.post("/api/code", json={"text": seed_text + "\nNot stored.", "published": "2024-07-29"})
    assert r.status_code == 200
    d = r.json()
    assert d["schema"] == "wirecoder/1" and d["article"]["published"] == "2024-07-29"
    assert "stored" not in d
    assert client.get(f"/api/articles/{d['article']['id']}").status_code == 404


def test_code_and_store_exactly_once(tmp_path, coder):
    local = web_client(create_app(Settings(), tmp_path / "new.duckdb", coder=coder, allow_writes=True))
    body = {"text": "WASHINGTON (Reuters) - The United States on Monday imposed sanctions on Iran.",
            "published": "2024-08-05"}
    first = local.post("/api/code?store=true", json=body).json()
    again = local.post("/api/code?store=true", json=body).json()
    assert (first["stored"], again["stored"]) == (True, False)
    assert local.get(f"/api/articles/{first['article']['id']}").json()["article"]["text"] == body["text"]


@pytest.mark.parametrize("body,status", [
    ({"text": ""}, 422), ({"text": "   "}, 422), ({}, 422), ({"text": "x", "published": "soon"}, 422),
])
def test_code_refuses_bad_input(client, body, status):
    r = client.post("/api/code", json=body)
    assert r.status_code == status


def test_body_limit_413(coder):
    small = web_client(create_app(Settings(), None, coder=coder, max_body_bytes=2000))
    r = small.post("/api/code", json={"text": "word " * 1000})
    assert r.status_code == 413 and "2,000 bytes" in r.json()["error"]
    streamed = small.post("/api/code", content=iter([b'{"text": "', b"w" * 5000, b'"}']),
                          headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    assert small.post("/code", data={"text": "w" * 5000}).status_code == 413


def test_without_store_api_says_what_to_do(coder):
    bare = web_client(create_app(Settings(), None, coder=coder))
    r = bare.get("/api/events")
    assert r.status_code == 503 and "--db" in r.json()["error"]
    assert bare.get("/").status_code == 200


# --- hostile article text ---------------------------------------------------------------------

def test_hostile_article_is_escaped(client):
    html = client.get(f"/articles/{HOSTILE.article.id}").text
    body = html.split('id="article-text"', 1)[1]
    for raw in ("<script>window", "<img src=x", "<svg onload", '<a href="javascript', "</div><script>"):
        assert raw not in html
    assert "&lt;script&gt;window.__pwned = 1" in body
    assert "&lt;img src=x onerror=" in body
    # the actor name with markup is escaped too (in the title attribute and the table)
    assert "<b>government</b>" not in html and "&lt;b&gt;government&lt;/b&gt;" in html
    for path in ("/search?q=script", "/search?q=pwned", "/actors/VENGOV", "/actors/VENOPP"):
        page = client.get(path).text
        assert "<script>window" not in page and "<img src=x" not in page, path


# --- highlight segments and charts --------------------------------------------------------------

def test_segments_rebuild_the_text_and_nest_annotations():
    segs = segments(HOSTILE)
    assert "".join(s.text for s in segs) == HOSTILE.article.text
    reject = next(s for s in segs if s.text == "reject")
    assert (reject.events, reject.quotes, reject.anchors) == (("E2",), ("Q1",), ("E2",))
    assert reject.css == "hl-event hl-quote"
    assert all(s.start < s.end for s in segs)


@pytest.mark.parametrize("spans", [((5, 3),), ((-1, 4),), ((0, 10_000),)])
def test_segments_ignore_impossible_offsets(spans):
    text = "Putin met Maduro."
    coded = hand_coded(text, dt.date(2024, 1, 1), "t", actors=[("A1", "Putin", "RUSGOV", ["Putin"])],
                       events=[])
    bad = CodedArticle(coded.article, coded.sentences, coded.actors, coded.events, coded.quotes,
                       tuple(Mention(s, "A1", "", "name") for s in spans) + coded.mentions)
    assert "".join(s.text for s in segments(bad)) == text


def test_timeline_chart_geometry():
    periods = [PeriodCounts(dt.date(2024, 7, 1), (2, 0, 1, 1), 1.5),
               PeriodCounts(dt.date(2024, 7, 8), (0, 0, 0, 0), None),
               PeriodCounts(dt.date(2024, 6, 24), (4, 0, 0, 0), 3.4)]
    chart = timeline_chart(periods, by="week")
    assert [b.label[:10] for b in chart.bars][:1] == ["2024-06-24"]           # sorted by period
    first = [b for b in chart.bars if b.label.startswith("2024-06-24")]
    assert len(first) == 1 and first[0].height == pytest.approx(chart.plot[3] - chart.plot[1])
    assert len(chart.dots) == 2 and chart.dots[0].y < chart.zero_y             # positive mean above 0
    assert not chart.empty and timeline_chart([]).empty


def test_network_chart_is_deterministic_and_weighted():
    dyads = [DyadCount("RUS", "VEN", 5, 0), DyadCount("USA", "VEN", 0, 4), DyadCount("VEN", "RUS", 1, 1),
             DyadCount("CHN", "RUS", 2, 2), DyadCount("RUS", "RUS", 9, 9)]
    a, b = network_chart(dyads), network_chart(list(reversed(dyads)))
    assert a == b
    tones = {(e.a, e.b): e.tone for e in a.edges}
    assert tones == {("RUS", "VEN"): "cooperation", ("USA", "VEN"): "conflict", ("CHN", "RUS"): "mixed"}
    nodes = {n.code: n for n in a.nodes}
    assert nodes["VEN"].r > nodes["USA"].r and all(0 <= n.x <= a.width and 0 <= n.y <= a.height
                                                     for n in a.nodes)


# --- live: ingest writes while the server reads --------------------------------------------------

@pytest.mark.slow
def test_serve_answers_while_ingest_writes(tmp_path, coder):
    db = tmp_path / "live.duckdb"
    Store.open(db).write([SEED])
    batch = tmp_path / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as fh:
        for i in range(40):
            text = SEED.article.text + f"\n(Update {i}.)"
            d = SEED.to_dict()
            d["article"]["text"], d["article"]["id"] = text, ""
            fh.write(json.dumps(d) + "\n")
    live = web_client(create_app(Settings(), db, coder=coder))
    proc = subprocess.Popen([str(Path(sys.executable).parent / "wirecoder"), "ingest", "--coded", "--batch", "1",
                             "--quiet", "--db", str(db), str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    counts, statuses = [], []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        r = live.get("/api/articles?limit=1000")
        statuses.append(r.status_code)
        if r.status_code == 200:
            counts.append(r.json()["count"])
        assert live.get("/dyad?a=RUS&b=VEN").status_code == 200
        if proc.poll() is not None:
            break
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode()
    assert set(statuses) == {200}
    final = live.get("/api/articles?limit=1000").json()["count"]
    assert final == 41
    assert counts == sorted(counts) and counts[0] >= 1
