"""The promises of docs/security.md: `sql` reaches the store and nothing else, no extension is
ever fetched, the server cannot be driven by other web sites, its work per request is bounded,
and a record holding a lone surrogate costs one recorded skip."""
from __future__ import annotations

import json
import socket
import sqlite3
import sys
import threading
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.errors import InputError, LimitError, StoreError
from wirecoder.read import read_inputs
from wirecoder.records import Article, Skip
from wirecoder.settings import Settings
from wirecoder.store import Store, ingest
from wirecoder.store import queries as Q
from wirecoder.web import create_app
from wirecoder.web.app import CoderProvider

sys.path.insert(0, str(Path(__file__).parent))
from web_fixtures import seed_hand_coded, web_client  # noqa: E402

SEED = seed_hand_coded()
GOOD = ("GENEVA (AP) - The foreign ministers of two neighbouring countries met on Thursday and "
        "agreed to reopen their border crossings, officials said.")


@pytest.fixture
def no_network(monkeypatch):
    """Block every Python socket connection; the list of attempts is returned."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", lambda self, *a, **k: refuse(*a))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, *a, **k: refuse(*a))
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.fixture
def store_file(tmp_path) -> Path:
    path = tmp_path / "store.duckdb"
    Store.open(path).write([SEED])
    return path


@pytest.fixture
def sqlite_file(tmp_path) -> Path:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    return path


# --- 1. `wirecoder sql` is read-only by construction --------------------------------------------

def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    return victim


@pytest.mark.parametrize("query, says", [
    ("EXPLAIN ANALYZE COPY (SELECT 'x' AS x) TO '{victim}' (HEADER false)", "not EXPLAIN"),
    ("COPY (SELECT 'x' AS x) TO '{victim}' (HEADER false)", "not COPY"),
    ("EXPLAIN ANALYZE INSTALL httpfs", "not EXPLAIN"),
    ("INSTALL httpfs", "not"),
    ("SELECT * FROM read_text('/etc/shadow')", "refused"),
    ("SELECT * FROM read_text('{victim}')", "refused"),
    ("SELECT * FROM glob('/root/*')", "refused"),
    ("SELECT * FROM read_csv('https://example.org/data.csv')", "refused"),
    ("SELECT * FROM read_parquet('s3://bucket/events.parquet')", "refused"),
    ("ATTACH '{victim}.db' AS other", "not ATTACH"),
    ("SET enable_external_access = true", "not SET"),
    ("SELECT 1; SELECT 2", "exactly one"),
])
def test_sql_refuses_in_one_line_and_touches_nothing(store_file, tmp_path, no_network, query, says):
    victim = _victim(tmp_path)
    result = CliRunner().invoke(cli, ["sql", query.format(victim=victim), "--db", str(store_file)])
    assert result.exit_code == 2
    assert says in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert victim.read_text() == "precious\n" and not Path(f"{victim}.db").exists()
    assert no_network == []


def test_sql_still_answers_select_and_with(store_file):
    runner = CliRunner()
    for query in ("SELECT count(*) AS n FROM articles",
                  "WITH a AS (SELECT id FROM articles) SELECT count(*) AS n FROM a"):
        result = runner.invoke(cli, ["sql", query, "--db", str(store_file), "--format", "csv"])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines() == ["n", "1"]


@pytest.mark.parametrize("setting", ["autoinstall_known_extensions", "autoload_known_extensions"])
def test_every_store_connection_refuses_extensions(store_file, setting):
    store = Store.open(store_file)
    for conn_of in (lambda: store.connect(write=True), store.reading,
                    Store.open(store_file, read_only=True, files=False).reading):
        with conn_of() as conn:
            assert conn.execute(f"SELECT current_setting('{setting}')").fetchone() == (False,)
            with pytest.raises(duckdb.Error, match="locked"):
                conn.execute(f"SET {setting} = true")


# --- 2. a file that is not a store ----------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["sql", "SELECT 1"],
    ["query", "events"],
    ["query", "articles"],
    ["export", "--format", "gdelt", "--out", "{tmp}/out.csv"],
    ["ingest", "--coded", "{tmp}/coded.jsonl"],
])
@pytest.mark.parametrize("kind", ["sqlite", "text"])
def test_a_file_that_is_not_a_store_is_named_in_one_line(tmp_path, sqlite_file, no_network, args, kind):
    target = sqlite_file if kind == "sqlite" else tmp_path / "notes.db"
    if kind == "text":
        target.write_text("just some notes\n" * 20)
    before = target.read_bytes()
    (tmp_path / "coded.jsonl").write_text(json.dumps(SEED.to_dict()) + "\n")
    argv = [a.format(tmp=tmp_path) for a in args] + ["--db", str(target)]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(target) in lines[0] and "not a wirecoder store" in lines[0]
    assert target.read_bytes() == before
    assert no_network == []


def test_ingest_refuses_a_duckdb_file_with_other_tables_unless_init(tmp_path):
    db = tmp_path / "mine.duckdb"
    with duckdb.connect(str(db)) as conn:
        conn.execute("CREATE TABLE budget (item TEXT, amount INTEGER)")
        conn.execute("INSERT INTO budget VALUES ('rent', 900)")
    src = tmp_path / "coded.jsonl"
    src.write_text(json.dumps(SEED.to_dict()) + "\n")
    runner = CliRunner()
    refused = runner.invoke(cli, ["ingest", "--coded", str(src), "--db", str(db), "-q"])
    assert refused.exit_code == 2 and "budget" in refused.output and "--init" in refused.output
    with duckdb.connect(str(db), read_only=True) as conn:
        assert [r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()] \
            == ["budget"]
    added = runner.invoke(cli, ["ingest", "--coded", str(src), "--db", str(db), "-q", "--init"])
    assert added.exit_code == 0, added.output
    assert Q.sql(Store.open(db, read_only=True), "SELECT count(*) FROM articles").rows == ((1,),)
    assert Q.sql(Store.open(db, read_only=True), "SELECT amount FROM budget").rows == ((900,),)


# --- 3. the server cannot be driven by other web sites --------------------------------------------

@pytest.fixture(scope="module")
def served(tmp_path_factory, coder):
    db = tmp_path_factory.mktemp("sec-web") / "store.duckdb"
    Store.open(db).write([SEED])
    return db


@pytest.mark.parametrize("host, status", [
    ("localhost", 200), ("localhost:8000", 200), ("127.0.0.1:8000", 200), ("[::1]:8000", 200),
    ("news.example.org", 200),  # given to create_app (serve --allow-host)
    ("evil.example", 400), ("evil.example:8000", 400), ("localhost.evil.example", 400), ("", 400),
])
def test_host_header_must_be_served(served, coder, host, status):
    client = web_client(create_app(Settings(), served, coder=coder, hosts=("news.example.org",)))
    for path in ("/api/articles", "/"):
        r = client.get(path, headers={"host": host})
        assert r.status_code == status, (path, host)
        if status == 400:
            assert "host" in r.json()["error"]


@pytest.mark.parametrize("headers", [
    {"origin": "http://evil.example"},
    {"origin": "null"},
    {"origin": "http://localhost:3000"},  # another origin on the same machine
    {"referer": "http://evil.example/page.html"},
    {"sec-fetch-site": "cross-site"},
])
def test_cross_site_posts_are_refused(tmp_path, coder, headers):
    db = tmp_path / "store.duckdb"
    client = web_client(create_app(Settings(), db, coder=coder, allow_writes=True))
    form = client.post("/code", data={"text": GOOD, "store": "1"}, headers=headers, follow_redirects=False)
    api = client.post("/api/code?store=true", json={"text": GOOD}, headers=headers)
    assert form.status_code == api.status_code == 403
    assert "another web site" in api.json()["error"]
    assert not db.exists()


@pytest.mark.parametrize("headers", [{}, {"origin": "http://localhost"},
                                     {"referer": "http://localhost/code"}, {"sec-fetch-site": "same-origin"}])
def test_same_origin_and_non_browser_posts_are_served(coder, headers):
    client = web_client(create_app(Settings(), None, coder=coder))
    assert client.post("/api/code", json={"text": GOOD}, headers=headers).status_code == 200


def test_storing_from_the_web_needs_allow_writes(tmp_path, coder):
    db = tmp_path / "store.duckdb"
    client = web_client(create_app(Settings(), db, coder=coder))
    api = client.post("/api/code?store=true", json={"text": GOOD})
    assert api.status_code == 403 and "--allow-writes" in api.json()["error"]
    form = client.post("/code", data={"text": GOOD, "store": "1"}, follow_redirects=False)
    assert form.status_code == 403 and "--allow-writes" in form.text
    assert "store it" not in client.get("/code").text
    assert not db.exists()
    assert client.post("/api/code", json={"text": GOOD}).status_code == 200  # coding alone is fine
    writer = web_client(create_app(Settings(), db, coder=coder, allow_writes=True))
    assert "store it" in writer.get("/code").text
    assert writer.post("/api/code?store=true", json={"text": GOOD}).json()["stored"] is True


def test_storing_into_a_file_that_is_not_a_store_is_a_clean_error(sqlite_file, coder, no_network):
    before = sqlite_file.read_bytes()
    client = web_client(create_app(Settings(), sqlite_file, coder=coder, allow_writes=True))
    r = client.post("/api/code?store=true", json={"text": GOOD})
    assert 400 <= r.status_code < 600 and r.status_code != 500
    assert "not a wirecoder store" in r.json()["error"] and str(sqlite_file) in r.json()["error"]
    assert client.get("/api/articles").status_code != 500
    assert sqlite_file.read_bytes() == before
    assert no_network == []


# --- 5. the work of one request is bounded ---------------------------------------------------------

def test_article_longer_than_the_serve_limit_gets_413(coder):
    client = web_client(create_app(Settings(serve_max_chars=len(GOOD) + 10), None, coder=coder))
    assert client.post("/api/code", json={"text": GOOD}).status_code == 200
    r = client.post("/api/code", json={"text": GOOD + " " + GOOD})
    assert r.status_code == 413 and "--max-chars" in r.json()["error"]


def test_default_serve_limit_is_well_below_the_ingest_limit():
    settings = Settings.from_env({})
    assert settings.serve_max_chars * 10 <= settings.max_chars
    assert Settings.from_env({"WIRECODER_SERVE_MAX_CHARS": "1234", "WIRECODER_SERVE_SECONDS": "2.5"}) \
        .with_(max_chars=10) == Settings(serve_max_chars=1234, serve_seconds=2.5, max_chars=10)


@pytest.mark.parametrize("char", ["a", "é", "中", "\U0001F600", '"'])
def test_the_body_limit_admits_any_article_within_the_character_limit(char):
    from urllib.parse import urlencode

    from wirecoder.web.app import body_limit
    settings = Settings(serve_max_chars=1000)
    text = char * settings.serve_max_chars
    assert len(json.dumps({"text": text, "published": "2024-07-29"}).encode()) <= body_limit(settings)
    assert len(urlencode({"text": text, "published": "2024-07-29", "store": "1"})) <= body_limit(settings)


class _HeldCoder:
    """A coder that codes only once the test releases it (a stand-in for a very slow article)."""

    def __init__(self, real) -> None:
        self.real, self.resources, self.release = real, real.resources, threading.Event()

    def code(self, article):
        self.release.wait(30)
        return self.real.code(article)


def test_coding_past_the_time_budget_gets_503_and_frees_the_request(coder):
    held = _HeldCoder(coder)
    client = web_client(create_app(Settings(serve_seconds=0.3), None, coder=held))
    try:
        r = client.post("/api/code", json={"text": GOOD})
        assert r.status_code == 503 and "--time-limit" in r.json()["error"]
        waiting = client.post("/api/code", json={"text": GOOD + " Again."})  # queued behind it
        assert waiting.status_code == 503
    finally:
        held.release.set()


def test_coder_provider_limits_are_typed_errors(coder):
    held = _HeldCoder(coder)
    provider = CoderProvider(Settings(serve_seconds=0.2, serve_max_chars=50), held)
    with pytest.raises(LimitError) as too_long:
        provider.code(Article(text="x" * 51))
    assert too_long.value.status == 413
    with pytest.raises(LimitError) as too_slow:
        provider.code(Article(text=GOOD[:50]))
    assert too_slow.value.status == 503
    held.release.set()


# --- 4. a lone surrogate costs one recorded skip ---------------------------------------------------

def _jsonl(path: Path, records: list[str]) -> Path:
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path


def _good(i: int) -> str:
    return json.dumps({"text": f"{GOOD} Talks continue in round {i}.", "title": f"Round {i}"})


BAD_RECORDS = [
    ('{"text": "' + GOOD + ' \\ud800", "title": "t"}', "'text'"),
    ('{"text": "' + GOOD + ' b", "title": "bad \\ud800 title"}', "'title'"),
    ('{"id": "a\\udfff", "text": "' + GOOD + ' c"}', "'id'"),
    ('{"text": "' + GOOD + ' d", "author": ["Ann Lee", "\\ud83d"]}', "'author'"),
    ('{"text": "' + GOOD + ' e", "url": "https://example.org/\\udc80"}', "'url'"),
]


@pytest.mark.parametrize("bad, field", BAD_RECORDS)
def test_a_lone_surrogate_is_one_skip_naming_the_record(tmp_path, bad, field):
    path = _jsonl(tmp_path / "feed.jsonl", [_good(1), bad, _good(2)])
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Skip", "Article"]
    skip = items[1]
    assert skip.source == f"{path}:2" and field in skip.reason and "surrogate" in skip.reason


def test_article_refuses_surrogates_and_names_stay_printable():
    with pytest.raises(InputError, match="surrogate"):
        Article(text=GOOD + "\ud800", source="api")
    with pytest.raises(InputError, match="headline"):
        Article(text=GOOD, headline="x\udc00")
    odd = Article(text=GOOD, source="folder/\udcff.txt")  # a file name that is not UTF-8
    assert odd.source == "folder/\\udcff.txt"
    assert Skip("feed-\udcff.jsonl", "bad \ud800").source.encode("utf-8")


def test_ingest_stores_every_good_article_after_a_bad_record(tmp_path, coder):
    records = [bad for bad, _ in BAD_RECORDS[:2]] + [_good(i) for i in range(3)]
    path = _jsonl(tmp_path / "feed.jsonl", records)
    db = tmp_path / "store.duckdb"
    for _ in range(2):  # a rerun neither stops nor stores twice
        summary = ingest([str(path)], db, coder=coder, batch_size=2)
    assert summary.skipped == 2 and summary.already_stored == 3
    store = Store.open(db, read_only=True)
    assert Q.sql(store, "SELECT count(*) FROM articles").rows == ((3,),)
    assert Q.sql(store, "SELECT source FROM skipped ORDER BY source").rows == \
        ((f"{path}:1",), (f"{path}:2",))


def test_ingest_coded_records_with_a_surrogate_skip_only_that_record(tmp_path):
    good = json.dumps(SEED.to_dict())
    bad = SEED.to_dict()
    bad["actors"][0]["name"] = "Vladimir \ud800"
    path = _jsonl(tmp_path / "coded.jsonl", [json.dumps(bad), good])
    result = CliRunner().invoke(cli, ["ingest", "--coded", str(path), "--db", str(tmp_path / "s.duckdb"), "-q"])
    assert result.exit_code == 0, result.output
    assert "1 coded, 1 skipped" in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_code_goes_on_after_a_surrogate(tmp_path, jobs):
    path = _jsonl(tmp_path / "feed.jsonl", [_good(1)] + [bad for bad, _ in BAD_RECORDS[:2]] + [_good(2)])
    result = CliRunner().invoke(cli, ["code", str(path), "--format", "jsonl", "--jobs", jobs])
    assert result.exit_code == 1, result.output  # 1: some inputs were skipped
    coded = [json.loads(line) for line in result.stdout.splitlines()]
    assert [c["article"]["headline"] for c in coded] == ["Round 1", "Round 2"]
    assert result.stderr.count("surrogate") == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize("body", [{"text": GOOD + " \ud800"}, {"text": GOOD, "headline": "\udfff"}])
def test_api_answers_a_surrogate_with_a_4xx(coder, body):
    client = web_client(create_app(Settings(), None, coder=coder))
    r = client.post("/api/code", content=json.dumps(body), headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500 and "surrogate" in r.json()["error"]


def test_store_write_of_a_skip_with_an_odd_name_does_not_block_the_batch(tmp_path):
    db = tmp_path / "s.duckdb"
    result = Store.open(db).write([Skip("in-\udcff.txt", "not English"), SEED])
    assert (result.stored, result.skipped) == (1, 1)
    with pytest.raises(StoreError):
        Q.sql(Store.open(db, read_only=True), "DELETE FROM skipped")


@pytest.mark.parametrize("ref", ["&#xD800;", "&#xdfff;", "&#55296;"])
def test_a_feed_entry_with_a_surrogate_reference_does_not_lose_the_feed(tmp_path, ref):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>Talks {ref} resume</title><description>{GOOD}</description></item>"
        f"<item><title>Second</title><description>{GOOD} They will meet again.</description></item>"
        "</channel></rss>", encoding="utf-8")
    items = list(read_inputs([str(feed)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
    assert items[0].headline == "Talks \ufffd resume"


# --- no connection at all, seen from the system calls (DuckDB's own C++ HTTP client included) -----

_SERVER_SCRIPT = """
import json, sys
sys.path.insert(0, {tests!r})
from web_fixtures import web_client
from wirecoder.settings import Settings
from wirecoder.web import create_app
client = web_client(create_app(Settings(), {db!r}, allow_writes=True))
r = client.post("/api/code?store=true", json={{"text": {text!r}}})
print(r.status_code, json.dumps(r.json()))
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/usr/bin/strace").exists(), reason="needs strace (apt-get install -y strace)")
def test_no_command_or_request_opens_a_network_connection(tmp_path, store_file, sqlite_file):
    import os
    import subprocess
    (tmp_path / "coded.jsonl").write_text(json.dumps(SEED.to_dict()) + "\n")
    text_file = tmp_path / "notes.db"
    text_file.write_text("just notes\n" * 20)
    wc = [sys.executable, "-m", "wirecoder"]
    runs = [
        wc + ["sql", "SELECT * FROM read_csv('https://example.org/data.csv')", "--db", str(store_file)],
        wc + ["sql", "EXPLAIN ANALYZE INSTALL httpfs", "--db", str(store_file)],
        wc + ["sql", "SELECT 1", "--db", str(sqlite_file)],
        wc + ["query", "events", "--db", str(text_file)],
        wc + ["ingest", "--coded", str(tmp_path / "coded.jsonl"), "--db", str(sqlite_file), "-q"],
        [sys.executable, "-c", _SERVER_SCRIPT.format(tests=str(Path(__file__).parent), db=str(sqlite_file),
                                                     text=GOOD)],
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    for argv in runs:
        trace = tmp_path / "trace.txt"
        done = subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace), *argv],
                              capture_output=True, text=True, env=env, timeout=300)
        if not trace.exists():
            pytest.skip(f"strace cannot trace here: {done.stderr.strip()[:200]}")
        inet = [line for line in trace.read_text().splitlines() if "AF_INET" in line]
        assert inet == [], (argv[-3:], inet[:3])
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode == 2 or done.stdout.startswith("503 "), (argv[-3:], done.stdout, done.stderr)


@pytest.mark.parametrize("args, writes, hosts_ok, hosts_refused", [
    ([], False, ["localhost:8000", "127.0.0.1"], ["box.lan", "0.0.0.0"]),
    (["--allow-writes", "--host", "0.0.0.0", "--allow-host", "box.lan", "--max-chars", "900",
      "--time-limit", "4"], True, ["box.lan:8000", "0.0.0.0", "localhost"], ["evil.example"]),
])
def test_serve_options_reach_the_app(tmp_path, monkeypatch, args, writes, hosts_ok, hosts_refused):
    import uvicorn
    started = {}
    monkeypatch.setattr("wirecoder.cli.web.bind", lambda host, port: None)  # no real socket
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: started.update(app=self.config.app))
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.duckdb"), *args])
    assert result.exit_code == 0, result.output
    app = started["app"]
    assert app.state.web.allow_writes is writes
    if "--max-chars" in args:
        assert (app.state.web.settings.serve_max_chars, app.state.web.settings.serve_seconds) == (900, 4.0)
    client = web_client(app)
    for host in hosts_ok:
        assert client.get("/static/wirecoder.css", headers={"host": host}).status_code == 200, host
    for host in hosts_refused:
        assert client.get("/static/wirecoder.css", headers={"host": host}).status_code == 400, host
