"""Hand-built coded articles for the web tests (they do not depend on the stages' progress)."""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path

from wirecoder.ontology import Ontology
from wirecoder.records import (Actor, Article, CodedArticle, Event, Mention, Quote)
from wirecoder.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = EXAMPLES / "reuters-putin-maduro.txt"

HOSTILE_TEXT = (
    "CARACAS (Reuters) - Venezuela's government on Tuesday accused the opposition of sabotage "
    "<script>window.__pwned = 1; document.title = 'pwned';</script> and said "
    "<img src=x onerror=\"window.__pwned = 2; document.title = 'pwned'\"> was a lie. "
    "\"We reject </div><script>window.__pwned = 3</script> this,\" Nicolas Maduro said. "
    "<a href=\"javascript:window.__pwned=4\">click</a> \"><svg onload=window.__pwned=5>\n"
)


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def hand_coded(text: str, published: dt.date, source: str,
               actors: list[tuple[str, str, str | None, list[str]]],
               events: list[tuple[str, str, str, str | None]],
               quotes: list[tuple[str, str]] = ()) -> CodedArticle:
    """``actors``: (id, name, code, [mention texts]); ``events``: (trigger, cameo, source id,
    target id); ``quotes``: (quoted words, speaker id)."""
    ontology = Ontology.load(Settings().data_dir / "cameo.tsv")
    actor_records, mentions = [], []
    for aid, name, code, words in actors:
        spans = tuple(_span(text, w) for w in words)
        actor_records.append(Actor(aid, name, code, code[:3] if code else None,
                                   code[3:] or None if code else None, None, "person", spans, "title"))
        mentions += [Mention(s, aid, text[s[0]:s[1]], "name") for s in spans]
    by_id = {a.id: a for a in actor_records}
    event_records = []
    for i, (trigger, cameo, src, tgt) in enumerate(events, 1):
        t = _span(text, trigger)
        start = text.rfind(".", 0, t[0]) + 1
        end = text.find(".", t[1])
        code = ontology.get(cameo)
        event_records.append(Event(
            id=f"E{i}", cameo=code.code, root=code.root, plover=code.plover, plover_mode=code.plover_mode,
            goldstein=code.goldstein, quad_class=code.quad_class, source=src, target=tgt,
            source_code=by_id[src].code, target_code=by_id[tgt].code if tgt else None,
            date=published, background=False, negated=False, trigger=t,
            sentence=(start, end + 1 if end >= 0 else len(text)), quote=None, location=None,
            pattern="test"))
    quote_records = [Quote(f"Q{i}", "direct", _span(text, words), words, spk, by_id[spk].name, None)
                     for i, (words, spk) in enumerate(quotes, 1)]
    article = Article(text=text, source=source, published=published)
    return CodedArticle(article, ((0, len(text)),), tuple(actor_records), tuple(event_records),
                        tuple(quote_records), tuple(mentions))


def seed_hand_coded() -> CodedArticle:
    text = SEED.read_text(encoding="utf-8")
    return hand_coded(
        text, dt.date(2024, 7, 29), "reuters-putin-maduro.txt",
        actors=[("A1", "Vladimir Putin", "RUSGOV", ["Vladimir Putin"]),
                ("A2", "Nicolas Maduro", "VENGOV", ["Nicolas Maduro"]),
                ("A3", "Washington", "USAGOV", ["Washington"]),
                ("A4", "Dmitry Peskov", "RUSGOV", ["Dmitry Peskov"])],
        events=[("congratulated", "051", "A1", "A2"), ("cast doubt", "111", "A3", "A2"),
                ("stood by", "051", "A1", "A2")],
        quotes=[("We are developing our relations with Venezuela in all areas, including sensitive ones.",
                 "A4")],
    )


def hostile_hand_coded() -> CodedArticle:
    return hand_coded(
        HOSTILE_TEXT, dt.date(2024, 7, 30), "hostile <script>.txt",
        actors=[("A1", "Venezuela's <b>government</b>", "VENGOV", ["Venezuela's government"]),
                ("A2", "opposition", "VENOPP", ["opposition"]),
                ("A3", "Nicolas Maduro", "VENGOV", ["Nicolas Maduro"])],
        events=[("accused", "112", "A1", "A2"), ("reject", "120", "A3", "A2")],
        quotes=[("We reject </div><script>window.__pwned = 3</script> this,", "A3")],
    )


def web_client(app):
    """A TestClient for ``app`` that asks for ``localhost`` (the server refuses other Host
    names such as TestClient's default ``testserver``; see docs/security.md)."""
    from fastapi.testclient import TestClient
    return TestClient(app, base_url="http://localhost")


def free_port() -> int:
    """A TCP port on the loopback that nothing listens on now."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(app):
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yields its base URL."""
    import threading
    import time

    import uvicorn
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium_browser(executable: Path, args: list[str]):
    """Debian's Chromium driven by Playwright (never a browser Playwright downloads)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(executable), headless=True, args=args)
        try:
            yield browser
        finally:
            browser.close()
