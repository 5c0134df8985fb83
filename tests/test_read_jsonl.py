"""JSON reader: JSON Lines, arrays and single objects; a bad record is a Skip."""
from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from conftest import shared_dir
from wirecoder.read.jsonl import read_json_file
from wirecoder.records import Article, Skip
from wirecoder.settings import Settings

SETTINGS = Settings()
TEXT = "Officials in Caracas said on Monday that the results were final."


def rec(**fields):
    return {"text": TEXT, **fields}


@pytest.mark.parametrize("record, expected", [
    (rec(title="Results final", published="2025-03-14 14:23:08Z", url="https://x.org/a", author="Aru Pande",
         id="8010694"),
     {"headline": "Results final", "published": dt.date(2025, 3, 14), "url": "https://x.org/a",
      "byline": ("Aru Pande",), "source": "#8010694"}),
    (rec(date="Mon, 03 Mar 2025 10:00:00 GMT"), {"published": dt.date(2025, 3, 3), "source": ":1"}),
    (rec(byline=["Jane Doe", "John Roe"]), {"byline": ("Jane Doe", "John Roe")}),
    (rec(author="Roshan Noorzai, Noshaba Ashna"), {"byline": ("Roshan Noorzai", "Noshaba Ashna")}),
    (rec(text="Line one of the story\r\nLine two of it", id=7), {"text": "Line one of the story\nLine two of it",
                                                               "source": "#7"}),
    (rec(published="not a date at all"), {"published": None, "notes": ("published 'not a date at all' is not a date; ignored",)}),
])
def test_record_fields(tmp_path, record, expected):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [art] = list(read_json_file(path, SETTINGS))
    assert isinstance(art, Article)
    for field, value in expected.items():
        if field == "source":
            value = str(path) + value
        assert getattr(art, field) == value, field


@pytest.mark.parametrize("line, reason", [
    ('{"text": "unterminated', "not valid JSON"),
    ('["a list"]', "must be a JSON object"),
    ('{"title": "no text"}', "no 'text' string"),
    ('{"text": "   "}', "empty"),
])
def test_bad_line_is_skipped_and_the_rest_read(tmp_path, line, reason):
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps(rec(title="one")), line, "", json.dumps(rec(title="three"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_json_file(path, SETTINGS))
    assert [type(i).__name__ for i in items] == ["Article", "Skip", "Article"]
    assert items[1].source == f"{path}:2"
    assert reason in items[1].reason
    assert items[2].headline == "three"


def test_json_array_streams_elements(tmp_path):
    path = tmp_path / "many.json"
    records = [rec(title=f"n{i}", text=TEXT + " " + "x" * (i * 5000)) for i in range(30)]
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    items = list(read_json_file(path, SETTINGS))
    assert [i.headline for i in items] == [f"n{i}" for i in range(30)]
    assert items[3].source == f"{path}[3]"


def test_truncated_json_array(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text(json.dumps([rec(title="a"), rec(title="b")])[:-30], encoding="utf-8")
    items = list(read_json_file(path, SETTINGS))
    assert isinstance(items[0], Article) and items[0].headline == "a"
    assert isinstance(items[-1], Skip) and "not valid JSON" in items[-1].reason


def test_single_pretty_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(rec(title="alone"), indent=2), encoding="utf-8")
    [art] = list(read_json_file(path, SETTINGS))
    assert isinstance(art, Article) and art.headline == "alone" and art.source == str(path)


def test_gzipped_json_lines(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(rec(title="gz")) + "\n")
    [art] = list(read_json_file(path, SETTINGS))
    assert art.headline == "gz"


def test_non_utf8_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(json.dumps(rec()).encode() + b"\n" + b'{"text": "caf\xe9 ok"}\n')
    items = list(read_json_file(path, SETTINGS))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Skip) and "UTF-8" in items[1].reason


def test_voa_unlabelled():
    path = shared_dir("bench", "voa-dev") / "voa-unlabelled.jsonl"
    items = list(read_json_file(path, SETTINGS))
    assert len(items) == 49 and all(isinstance(i, Article) for i in items)
    assert all(i.published and i.byline and i.headline for i in items)
