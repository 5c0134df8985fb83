"""Cross-site requests in a real browser (Chromium via Playwright): the dashboard's own form
stores an article, the same form on another web site cannot (docs/security.md)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
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
    import uvicorn

    from wirecoder.web import create_app

    db = tmp_path_factory.mktemp("browser-sec") / "store.duckdb"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(coder.settings, db, coder=coder, allow_writes=True)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", db
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


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
