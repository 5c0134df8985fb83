"""One reading path: the CLI, ``POST /api/code``, the dashboard's form and ingest read a text
the same way and give byte-identical codings and ids; invisible characters are coded around
with every span still into the text as given; coded input is checked before it is stored."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wirecoder.cli import cli
from wirecoder.contract import validate
from wirecoder.read import article_from_text, read_inputs
from wirecoder.records import Article, Skip
from wirecoder.settings import Settings
from wirecoder.store import Store, ingest
from wirecoder.textmap import TextMap
from wirecoder.web import create_app
from web_fixtures import web_client

WIRE = ("ANKARA (AP) \u2014 Turkish Foreign Minister Hakan Fidan on Wednesday urged Greece to withdraw "
        "its troops from the islands, and Athens rejected the demand.\r\n\r\n"
        "(Reporting by Jane Roe; Editing by John Doe)\r\n")
GERMAN = ("Die Bundesregierung hat am Mittwoch in Berlin die Regierung in Ankara aufgefordert, die "
          "Truppen sofort von den Inseln abzuziehen, und die Opposition hat die Forderung der Minister "
          "mit deutlichen Worten zurückgewiesen, weil sie nach ihrer Ansicht gegen das Recht verstößt "
          "und den Frieden in der ganzen Region gefährdet.\n")


@pytest.fixture(scope="module")
def client(tmp_path_factory, coder) -> TestClient:
    # storing from the dashboard is part of the one reading path: this server allows writes
    return web_client(create_app(Settings(), tmp_path_factory.mktemp("web") / "s.duckdb", coder=coder,
                                 allow_writes=True))


def _without_source(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    data["article"].pop("source", None)
    return data


def test_api_cli_dashboard_and_ingest_code_the_same(tmp_path, client, coder):
    path = tmp_path / "wire.txt"
    path.write_bytes(WIRE.encode("utf-8"))
    cli_out = CliRunner().invoke(cli, ["code", str(path), "--published", "2024-05-08"])
    assert cli_out.exit_code == 0, cli_out.output
    by_cli = json.loads(cli_out.stdout)
    by_api = client.post("/api/code", json={"text": WIRE, "published": "2024-05-08"}).json()
    assert _without_source(by_api) == _without_source(by_cli)
    assert by_api["article"]["dateline"]["place"] == "ANKARA"
    assert "\r" not in by_api["article"]["text"]
    # the dashboard form stores through the same path: the stored article has the same id
    page = client.post("/code", data={"text": WIRE, "published": "2024-05-08", "store": "1"},
                       follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].endswith(by_cli["article"]["id"])
    # and ingest of the file finds it already stored
    summary = ingest([str(path)], client.app.state.web.db_path, coder=coder, published=dt.date(2024, 5, 8))
    assert summary.already_stored == 1 and summary.coded == 0


@pytest.mark.parametrize("text, words", [
    (GERMAN, "not English"),
    ("   \n\n ", "empty"),
])
def test_api_refuses_what_the_cli_skips(client, text, words):
    [skip] = list(read_inputs(["-"], stdin=__import__("io").BytesIO(text.encode())))
    assert isinstance(skip, Skip) and words in skip.reason
    answer = client.post("/api/code", json={"text": text})
    assert answer.status_code == 422 and words in answer.json()["error"]


@pytest.mark.parametrize("path, body", [
    ("/api/code", {"published": "2024-05-08"}),             # no text
    ("/api/code", {"text": "x" * 40, "published": "soon"}),  # not a date
    ("/api/dyad/RUS/VEN?by=junk", None),
    ("/api/events?limit=-1", None),
    ("/api/articles", {"text": "x"}),  # a POST where only GET is served (405)
])
def test_api_validation_errors_are_error_objects(client, path, body):
    answer = client.post(path, json=body) if body is not None else client.get(path)
    assert answer.status_code in (405, 422)
    data = answer.json()
    assert isinstance(data["error"], str) and data["error"] and "detail" not in data


def test_dyad_page_refuses_an_unknown_period(client):
    page = client.get("/dyad?a=RUS&b=VEN&by=junk")
    assert page.status_code == 422 and "day, week, month" in page.text


def test_article_from_text_is_the_reader_of_a_text_file(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes(b"\xef\xbb\xbf" + WIRE.encode())
    [from_file] = list(read_inputs([str(path)]))
    from_text = article_from_text("\ufeff" + WIRE, str(path))
    assert isinstance(from_text, Article) and from_text == from_file


# 6. invisible characters

NAME_CASES = [
    ("Blin\u200bken", "zero-width space"),
    ("Blin\u00adken", "soft hyphen"),
    ("Blin\u2060ken", "word joiner"),
    ("Blin\ufeffken", "BOM inside the text"),
    ("Blin\u200dken", "zero-width joiner"),
]
STORY = ("U.S. Secretary of State Antony {name} met Chinese Foreign Minister Wang Yi in Beijing on Friday. "
         "{name} criticised China over its support for Russia.")


@pytest.mark.parametrize("name, what", NAME_CASES)
def test_invisible_characters_inside_a_name_keep_actor_and_event(coder, name, what):
    plain = coder.code(STORY.format(name="Blinken"), published="2024-04-26")
    text = "\u200d" + STORY.format(name=name)
    coded = coder.code(text, published="2024-04-26")
    validate(coded.to_dict())
    assert coded.article.text == text  # the text as given, id of the text as given
    assert [(a.name, a.code) for a in coded.actors] == [(a.name, a.code) for a in plain.actors], what
    assert [(e.cameo, e.source_code, e.target_code) for e in coded.events] == \
           [(e.cameo, e.source_code, e.target_code) for e in plain.events], what
    blinken = next(a for a in coded.actors if a.name == "Antony Blinken")
    for s, e in blinken.mentions:
        assert text[s:e].replace(name, "Blinken").endswith("Blinken")
    for e in coded.events:
        assert text[e.trigger[0]:e.trigger[1]] in ("met", "criticised")


@pytest.mark.parametrize("text", [
    "\U0001F600 met Wang Yi in Beijing on Friday and criticised China.",
    "Officials said \U0001F525 attacked the embassy in Kabul on Monday.",
    "\U0001F1FA\U0001F1F8 and Iran held talks in Oman on Sunday about the prisoners.",
])
def test_an_emoji_is_never_an_actor(coder, text):
    coded = coder.code(text, published="2024-04-26")
    for actor in coded.actors:
        assert any(ch.isalpha() for ch in actor.name), actor


@pytest.mark.parametrize("text, span, expected", [
    ("ab\u200bcd", (0, 4), (0, 5)),
    ("ab\u200bcd", (2, 4), (3, 5)),
    ("\ufeff\u200dab", (0, 2), (2, 4)),
    ("a\u00adb c", (0, 2), (0, 3)),
    ("ab\u200b", (2, 2), (3, 3)),
])
def test_text_map_spans_slice_the_original(text, span, expected):
    tm = TextMap.of(text)
    assert tm is not None and tm.to_original(span) == expected
    assert tm.to_cleaned(expected)[0] == span[0]


def test_text_without_invisible_characters_is_left_alone():
    assert TextMap.of("Plain news text.") is None


# 5. ingest --coded checks the contract

@pytest.mark.parametrize("span", [[999999, 1000005], [-5, 3], [10, 2]])
def test_coded_input_with_spans_outside_the_text_is_a_skip(tmp_path, seed_coded, span):
    good = seed_coded.to_dict()
    bad = json.loads(json.dumps(good))
    bad["article"]["text"] = bad["article"]["text"] + " "  # another article (another id)
    bad["article"].pop("id", None)
    bad["events"][0]["trigger"] = span
    src = tmp_path / "coded.jsonl"
    src.write_text(json.dumps(bad) + "\n" + json.dumps(good) + "\n")
    db = tmp_path / "s.duckdb"
    summary = ingest([str(src)], db, coded=True)
    assert summary.coded == 1 and summary.skipped == 1
    with Store.open(db, read_only=True).reading() as conn:
        [(source, reason)] = conn.execute("SELECT source, reason FROM skipped").fetchall()
    assert source == f"{src}:1" and "not wirecoder/1" in reason and "trigger" in reason
