"""Cross-site requests in a real browser (Chromium via Playwright): the dashboard's own form
stores an article, the same form on another web site cannot (docs/security.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_web_browser import CHROMIUM, CHROMIUM_ARGS
from web_fixtures import chromium_browser, served
TEXT = ("NAIROBI (AP) - The presidents of two East African countries met on Friday and agreed "
        "to reopen their shared border to trade, officials said.")

pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def server(coder, tmp_path_factory):
    """(base URL, store path) of a live server started with allow_writes."""
    from wirecoder.web import create_app

    db = tmp_path_factory.mktemp("browser-sec") / "store.duckdb"
    with served(create_app(coder.settings, db, coder=coder, allow_writes=True)) as base:
        yield base, db


@pytest.fixture(scope="module")
def browser():
    with chromium_browser(CHROMIUM, CHROMIUM_ARGS) as b:
        yield b


def _stored(base: str, db: Path, page) -> int:
    return page.request.get(f"{base}/api/articles").json()["count"] if db.exists() else 0


def test_a_form_on_another_site_cannot_store(browser, server):
    base, db = server
    context = browser.new_context()
    # the attacker's page, served as http://evil.example/ (no network: Playwright answers it)
    attack = (f'<form id="f" method="post" action="{base}/code">'
              f'<input name="text" value="{TEXT}"><input name="store" value="1"></form>'
              '<script>document.getElementById("f").submit()</script>')
    context.route("http://evil.example/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body=attack))
    page = context.new_page()
    with page.expect_response(f"{base}/code") as answer:
        page.goto("http://evil.example/")
    assert answer.value.status == 403
    assert _stored(base, db, page) == 0
    context.close()


def test_the_dashboards_own_form_still_stores(browser, server):
    base, db = server
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/code")
    page.fill("textarea[name=text]", TEXT)
    page.check("input[name=store]")
    with page.expect_response(f"{base}/code") as answer:
        page.locator("form button[type=submit], form input[type=submit]").first.click()
    assert answer.value.status in (200, 303)
    assert _stored(base, db, page) == 1
    context.close()
