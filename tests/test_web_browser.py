"""The dashboard in a real browser: Debian's Chromium driven by Playwright, headless.

The server is uvicorn in a thread on 127.0.0.1 and a free port, over a temporary
store holding the seed article (coded by the real Coder) and a hostile article.
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)"),
]

sys.path.insert(0, str(Path(__file__).parent))
from web_fixtures import EXAMPLES, chromium_browser, hostile_hand_coded, served  # noqa: E402



@pytest.fixture(scope="module")
def server(coder, tmp_path_factory):
    """(base URL, seed article id, hostile article id) of a live server."""
    from wirecoder import Article
    from wirecoder.read.metadata import extract_metadata
    from wirecoder.store import Store
    from wirecoder.web import create_app

    db = tmp_path_factory.mktemp("browser") / "store.duckdb"
    text = (EXAMPLES / "reuters-putin-maduro.txt").read_text(encoding="utf-8")
    seed = coder.code(extract_metadata(Article(text=text, source="reuters-putin-maduro.txt",
                                               published=dt.date(2024, 7, 29))))
    hostile = hostile_hand_coded()
    Store.open(db).write([seed, hostile])
    with served(create_app(coder.settings, db, coder=coder)) as base:
        yield base, seed.article.id, hostile.article.id


@pytest.fixture(scope="module")
def browser():
    with chromium_browser(CHROMIUM, CHROMIUM_ARGS) as b:
        yield b


@pytest.fixture
def page(browser, server):
    context = browser.new_context()
    base = server[0]
    # nothing may leave the machine: fail on any request to another origin
    outside: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                  else (outside.append(route.request.url), route.abort()))
    pg = context.new_page()
    yield pg
    context.close()
    assert not outside, f"the page asked for {outside}"


def test_seed_article_highlights_putin_and_the_congratulation(page, server):
    base, seed_id, _ = server
    page.goto(f"{base}/articles/{seed_id}")
    actors = page.locator(".hl-actor").all_inner_texts()
    assert any("Putin" in a for a in actors), actors
    trigger = page.locator(".hl-event", has_text="congratulated").first
    assert trigger.is_visible()
    trigger.click()
    detail = page.locator("#event-detail-body")
    assert detail.is_visible()
    assert detail.locator('[data-field="code"]').inner_text().startswith("05")
    assert "RUSGOV" in detail.locator('[data-field="source"]').inner_text()
    assert "VENGOV" in detail.locator('[data-field="target"]').inner_text()


def test_dyad_page_shows_the_chart(page, server):
    base = server[0]
    page.goto(f"{base}/dyad?a=RUS&b=VEN&by=week")
    chart = page.locator("svg.timeline")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 150
    assert page.locator("svg.timeline .axis").count() > 5


def test_hostile_article_runs_nothing(page, server):
    base, _, hostile_id = server
    page.goto(f"{base}/articles/{hostile_id}")
    page.wait_for_load_state("load")
    page.mouse.move(200, 300)
    page.locator(".hl-event", has_text="accused").first.click()
    time.sleep(0.3)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # no headline: the title is the first sentence, payload and all, as text (a run script would set 'pwned')
    assert page.title().startswith("CARACAS (Reuters) - Venezuela's government on Tuesday accused")
    assert page.title() != "pwned" and "<script>window.__pwned = 1;" in page.title()
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1;" in text              # shown as text, not run
    assert "<img src=x onerror=" in text
    assert page.locator("#article-text script, #article-text img, #article-text svg").count() == 0
    assert page.locator('[data-field="code"]').inner_text() == "112"


@pytest.mark.parametrize("path", ["/", "/network", "/actors/VENGOV", "/search?q=pwned", "/docs"])
def test_pages_open_without_errors(page, server, path):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    response = page.goto(server[0] + path)
    assert response is not None and response.status == 200
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not errors, errors
