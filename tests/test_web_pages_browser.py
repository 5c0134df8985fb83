"""Every dashboard page in Debian's Chromium at a laptop width (1366 px) and a phone width
(390 px): no sideways scrolling, no console errors, text of at least 12 px on phones, the
CSV export returns the rows of the table, and a facet click filters.

The store is hand-coded (no spaCy needed); the server is uvicorn in a thread.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_store_factory import coded, ev  # noqa: E402
from test_web_browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from web_fixtures import chromium_browser, hand_coded, hostile_hand_coded, seed_hand_coded, served  # noqa: E402

SHARED = ("WASHINGTON - Antony Blinken met Wang Yi in Jakarta on Friday, aides said.\n")

pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)"),
]

WIDTHS = (1366, 390)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from wirecoder.settings import Settings
    from wirecoder.store import Store
    from wirecoder.web import create_app

    db = tmp_path_factory.mktemp("pages") / "store.duckdb"
    seed = seed_hand_coded()
    articles = [seed, hostile_hand_coded()]
    for day in range(1, 28, 3):   # enough rows for paging and several periods
        articles.append(coded(f"Putin denounced Maria Corina Machado on day {day} of the campaign.",
                              ev("RUSGOV", "VENOPP", "111", f"2024-08-{day:02d}"),
                              url=f"https://example.org/{day}"))
    articles.append(coded("Years ago Putin had threatened Maduro.",
                          ev("RUSGOV", "VENGOV", "138", None, background=True), published="2024-09-10",
                          url="https://example.org/old"))
    articles.append(coded("Russian forces attacked Ukrainian forces near the city.",
                          ev("RUSMIL", "UKRMIL", "190", "2024-09-03"), url="https://example.org/war"))
    import datetime as dt
    shared = hand_coded(SHARED, dt.date(2024, 7, 26), "https://example.org/shared",
                        [("A1", "Antony Blinken", "USAGOV", ["Antony Blinken"]),
                         ("A2", "Wang Yi", "CHNGOV", ["Wang Yi"])],
                        [("met", "040", "A1", "A2"), ("met", "036", "A1", "A2")])
    articles.append(shared)
    Store.open(db).write(articles)
    with served(create_app(Settings(), db)) as base:
        yield base, seed.article.id, shared.article.id


@pytest.fixture(scope="module")
def browser():
    with chromium_browser(CHROMIUM, CHROMIUM_ARGS) as b:
        yield b


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(request, browser, server):
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900})
    base = server[0]
    outside: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                  else (outside.append(route.request.url), route.abort()))
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    pg.width = width
    yield pg
    context.close()
    assert not outside, f"the page asked for {outside}"


PAGES = ["/", "/events", "/events?actor=VEN&sort=goldstein&dir=asc", "/events?limit=5&offset=5",
         "/dyad?a=RUS&b=VEN&by=week", "/dyad?a=RUS&b=VEN&by=day", "/actors", "/actors/RUSGOV",
         "/network", "/network?level=actor", "/search?q=machado", "/docs", "/code", "ARTICLE"]

SMALL_TEXT = """() => {
  const small = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || !el.childNodes.length) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 12) small.push(el.tagName + ' ' + size + ' ' + el.textContent.trim().slice(0, 30));
  }
  return small;
}"""


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_the_screen_without_errors(page, server, path):
    base, seed_id, _ = server
    response = page.goto(base + (f"/articles/{seed_id}" if path == "ARTICLE" else path))
    assert response is not None and response.status == 200
    page.wait_for_load_state("load")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow} px at {page.width} px"
    if page.width <= 400:
        assert page.evaluate(SMALL_TEXT) == [], path
    assert not page.errors, page.errors


def _csv(page, href: str) -> list[dict[str, str]]:
    response = page.request.get(href)
    assert response.status == 200
    return list(csv.DictReader(io.StringIO(response.text())))


@pytest.mark.parametrize("path, row_selector, key", [
    ("/events?limit=5&offset=5&sort=goldstein", "#events-table tbody tr[data-event]",
     lambda r: (r["article_id"], r["event_id"])),
    ("/events?actor=VEN", "#events-table tbody tr[data-event]", lambda r: (r["article_id"], r["event_id"])),
    ("/actors?sort=name&dir=asc", "#actors-table tbody tr[data-code]", lambda r: (r["code"],)),
    ("/dyad?a=RUS&b=VEN&by=week", "#dyad-table tbody tr[data-period]", lambda r: (r["period"],)),
    ("/network?level=actor", "#network-table tbody tr", lambda r: (f"{r['a']} – {r['b']}",)),
])
def test_csv_link_returns_the_rows_of_the_table(page, server, path, row_selector, key):
    base = server[0]
    page.goto(base + path)
    rows = page.locator(row_selector)
    assert rows.count() > 0
    if "events" in path:
        shown = [(r.get_attribute("data-article"), r.get_attribute("data-event")) for r in rows.all()]
    elif "actors" in path:
        shown = [(r.get_attribute("data-code"),) for r in rows.all()]
    elif "dyad" in path:
        shown = [(r.get_attribute("data-period"),) for r in rows.all()]
    else:
        shown = [(r.locator("td").first.inner_text(),) for r in rows.all()]
    href = page.locator("a.export-csv").first.get_attribute("href")
    assert [key(r) for r in _csv(page, base + href)] == shown


def test_facet_click_filters(page, server):
    page.goto(server[0] + "/events")
    facet = page.locator('[data-facet="root"] li').first
    events, reports = facet.get_attribute("data-events"), facet.get_attribute("data-reports")
    assert facet.locator(".count").inner_text().startswith(events)
    facet.locator("a").click()
    page.wait_for_load_state("load")
    assert "root=" in page.url
    status = page.locator("#paging-status").inner_text()
    assert status.endswith(f"of {reports}"), status
    assert f"{reports} reports of {events} distinct events" in page.locator("#counting").inner_text()
    assert page.locator("#events-table tbody tr[data-event]").count() == int(reports)


def test_sorting_and_paging_through_the_events(page, server):
    page.goto(server[0] + "/events?limit=5")
    assert page.locator("#paging-status").inner_text().startswith("showing 1–5 of ")
    page.locator('a.sort', has_text="Goldstein").click()
    page.wait_for_load_state("load")
    assert "sort=goldstein" in page.url
    values = [float(v) for v in page.locator("#events-table tbody td.num").all_inner_texts()]
    assert values == sorted(values, reverse=True)
    page.locator('a[rel="next"]').click()
    page.wait_for_load_state("load")
    assert page.locator("#paging-status").inner_text().startswith("showing 6–10 of ")
    assert "sort=goldstein" in page.url


def test_network_edge_opens_the_dyad(page, server):
    page.goto(server[0] + "/network?level=actor")
    labels = page.locator("svg.network text.label")
    assert labels.count() == page.locator("svg.network circle.node").count()
    href = page.locator("svg.network a.edge-link").first.get_attribute("href")
    response = page.goto(server[0] + href)
    assert response.status == 200 and page.locator("svg.timeline").is_visible()
    assert int(re.search(r"<strong>(\d+)</strong> events", page.content()).group(1)) > 0


def test_dyad_marks_events_placed_by_publication_date(page, server):
    page.goto(server[0] + "/dyad?a=RUS&b=VEN&by=month")
    assert page.locator("svg.timeline .pubmark").count() == 1
    assert "placed on their article's publication date" in page.locator("#counting").inner_text()
    ticks = [t.text_content() for t in page.locator("svg.timeline text.axis").all()]
    assert {"2024-07", "2024-08", "2024-09"} <= set(ticks)
    page.goto(server[0] + "/dyad?a=RUS&b=VEN&by=week")
    # the weeks between the last August event and the September one are there, as zeros
    empty = page.locator('#dyad-table tr[data-period="2024-09-02"] td.num').first.inner_text()
    assert empty == "0"
    counts = [t.text_content() for t in page.locator("svg.timeline text.axis").all()]
    assert all(c.isdigit() for c in counts[:5]), counts[:5]   # whole-number count ticks


def test_hostile_markup_stays_text_on_the_events_page(page, server):
    page.goto(server[0] + "/events?text=sabotage")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "pwned" not in page.title()
    assert page.locator("#events-table script, #events-table img").count() == 0


def test_every_event_has_an_anchor_and_the_panel_links_its_actors(page, server):
    base, seed_id, _ = server
    page.goto(f"{base}/articles/{seed_id}")
    ids = [r.get_attribute("data-event") for r in page.locator("table.events tbody tr[data-event]").all()]
    assert ids
    for event_id in ids:
        assert page.locator(f'#article-text [id="ev-{event_id}"]').count() == 1, event_id
    page.locator("#article-text .hl-event").first.click()
    source = page.locator('#event-detail-body a[data-link="source-code"]')
    assert source.get_attribute("href").startswith("/actors/")
    dyad = page.locator('#event-detail-body a[data-link="dyad"]').get_attribute("href")
    assert dyad.startswith("/dyad?a=")
    if page.width <= 400:   # a pop-over at the bottom of the screen, inside it
        box = page.locator("#event-detail").bounding_box()
        assert box["y"] + box["height"] <= 900 and box["width"] <= page.width


def test_events_sharing_a_trigger_each_have_an_anchor_and_are_all_shown(page, server):
    base, _, shared_id = server
    page.goto(f"{base}/articles/{shared_id}")
    assert page.locator('#article-text [id="ev-E1"]').count() == 1
    assert page.locator('#article-text [id="ev-E2"]').count() == 1
    page.locator("#article-text .hl-event", has_text="met").first.click()
    assert page.locator('[data-field="code"]').inner_text() == "040"
    others = page.locator("#event-detail-others a")
    assert others.count() == 1 and others.first.inner_text() == "E2"
    others.first.click()
    assert page.locator('[data-field="code"]').inner_text() == "036"
    page.goto(f"{base}/articles/{shared_id}#ev-E2")
    assert page.locator('[data-field="code"]').inner_text() == "036"
