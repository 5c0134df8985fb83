"""Screenshots of every dashboard page, with the same headless Chromium setup as the tests.

    .venv/bin/python bench/screenshots.py [--db STORE] [--out docs/screenshots]

Without --db it builds a temporary store from the seed article (examples/) and, when
../shared is beside the checkout, the Voice of America dev articles, coded by the real
Coder. Prints each page's load time. Needs Debian's /usr/bin/chromium.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_store(db: Path) -> str:
    """Code the seed (and the VOA dev articles when present) into ``db``; the seed's id."""
    from wirecoder import Article, Coder
    from wirecoder.read.metadata import extract_metadata
    from wirecoder.store import Store

    coder = Coder()
    inputs = [(ROOT / "examples" / "reuters-putin-maduro.txt", dt.date(2024, 7, 29))]
    voa = ROOT.parent / "shared" / "bench" / "voa-dev"
    for txt in sorted(voa.glob("*.txt")):
        gold = txt.with_suffix(".gold.json")
        published = json.loads(gold.read_text())["published"] if gold.exists() else None
        inputs.append((txt, dt.date.fromisoformat(published) if published else None))
    coded = [coder.code(extract_metadata(Article(text=p.read_text(encoding="utf-8"), source=p.name,
                                                 published=when))) for p, when in inputs]
    Store.open(db).write(coded)
    return coded[0].article.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing store (default: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from wirecoder.settings import Settings
    from wirecoder.web import create_app
    from wirecoder.web.data import recent_articles

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "store.duckdb"
    article_id = build_store(db) if args.db is None else recent_articles(db, limit=1)[0].id
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(), db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    pages = {
        "home": "/",
        "events": "/events",
        "article": f"/articles/{article_id}",
        "dyad": "/dyad?a=RUS&b=VEN&by=day",
        "actor": "/actors/RUSGOV",
        "actors": "/actors",
        "network": "/network",
        "search": "/search?q=Putin",
        "api-docs": "/docs",
    }
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in pages.items():
            t0 = time.perf_counter()
            page.goto(base + path)
            page.wait_for_load_state("load")
            ms = (time.perf_counter() - t0) * 1000
            if name == "article":
                trigger = page.locator("#article-text .hl-event").first
                if trigger.count():
                    trigger.click()
            target = args.out / f"{name}.png"
            page.screenshot(path=str(target), full_page=name not in ("article", "search", "events"))
            print(f"{name:10s} {path:60.60s} {ms:7.1f} ms  -> {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        for name, path in (("events-phone", "/events"), ("dyad-phone", "/dyad?a=RUS&b=VEN&by=week")):
            t0 = time.perf_counter()
            phone.goto(base + path)
            phone.wait_for_load_state("load")
            ms = (time.perf_counter() - t0) * 1000
            target = args.out / f"{name}.png"
            phone.screenshot(path=str(target), full_page=False)
            print(f"{name:10s} {path:60.60s} {ms:7.1f} ms  -> {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        browser.close()
    server.should_exit = True
    thread.join(timeout=10)
    tmp.cleanup()


if __name__ == "__main__":
    main()
