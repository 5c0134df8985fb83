"""read_inputs: dispatch by name and content, folders, globs, stdin, dates, language."""
from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from wirecoder.read import output_stem, read_inputs, read_text
from wirecoder.read.language import not_english_reason
from wirecoder.read.sniff import Kind, kind_by_content, kind_by_name
from wirecoder.records import Article, Skip
from wirecoder.settings import Settings

NEWS = ("MOSCOW (Reuters) - Russian President Vladimir Putin on Monday congratulated Nicolas Maduro "
        "on winning the disputed Venezuelan election, and the Kremlin said it was deepening cooperation.\n")
HTML = ("<html><head><title>Putin congratulates Maduro</title></head><body><article>"
        f"<p>{NEWS.strip()}</p><p>{NEWS.strip()}</p></article></body></html>")
SPANISH = ("El presidente de Rusia, Vladímir Putin, felicitó el lunes a Nicolás Maduro por su victoria en las "
           "disputadas elecciones venezolanas, y el Kremlin dijo que estaba profundizando la cooperación en "
           "todas las áreas con Caracas. Maduro y su rival de la oposición han reclamado la victoria.")


def items(inputs, **kw):
    return list(read_inputs([str(i) for i in inputs], **kw))


@pytest.mark.parametrize("name, kind", [
    ("a.txt", Kind.TEXT), ("a.HTML", Kind.HTML), ("a.htm", Kind.HTML), ("a.jsonl", Kind.JSON),
    ("a.json", Kind.JSON), ("a.ndjson", Kind.JSON), ("a.rss", Kind.FEED), ("a.atom", Kind.FEED),
    ("a.warc", Kind.WARC), ("a.warc.gz", Kind.WARC), ("a.jsonl.gz", Kind.JSON), ("a.pdf", None), ("a.gz", None),
])
def test_kind_by_name(name, kind):
    assert kind_by_name(name) is kind


@pytest.mark.parametrize("head, kind", [
    (b"WARC/1.0\r\n", Kind.WARC), (b'\n {"text": "x"}', Kind.JSON), (b"[{", Kind.JSON),
    (b"<?xml version='1.0'?><rss version='2.0'>", Kind.FEED), (b"<feed xmlns='http://www.w3.org/2005/Atom'>", Kind.FEED),
    (b"<!DOCTYPE html><html>", Kind.HTML), (b"\xef\xbb\xbf<html><body>", Kind.HTML),
    (b"MOSCOW (Reuters) - ...", Kind.TEXT), (b"\x1f\x8b\x08\x00garbage", None),
])
def test_kind_by_content(head, kind):
    assert kind_by_content(head) is kind


def test_files_of_every_kind_and_bad_ones(tmp_path):
    (tmp_path / "a.txt").write_text(NEWS)
    (tmp_path / "b.html").write_text(HTML)
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": NEWS, "id": "c1"}) + "\n{bad\n")
    (tmp_path / "bad.bin").write_bytes(bytes(range(256)))
    got = items([tmp_path / "a.txt", tmp_path / "b.html", tmp_path / "c.jsonl", tmp_path / "bad.bin",
                 tmp_path / "missing.txt"])
    assert [type(i).__name__ for i in got] == ["Article", "Article", "Article", "Skip", "Skip", "Skip"]
    assert got[1].headline == "Putin congratulates Maduro"
    assert got[2].source == f"{tmp_path / 'c.jsonl'}#c1"
    assert got[3].source == f"{tmp_path / 'c.jsonl'}:2"
    assert "binary" in got[4].reason
    assert got[5].reason == "no such file or folder"


def test_every_article_has_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("By Jane Doe\n" + NEWS)
    [art] = items([tmp_path / "a.txt"])
    assert art.byline == ("Jane Doe",)
    assert art.dateline.place == "MOSCOW"
    assert len(art.metadata_spans) == 2


def test_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "story").write_text(HTML)
    (tmp_path / "records.dat").write_text(json.dumps({"text": NEWS, "title": "t"}) + "\n")
    got = items([tmp_path / "story", tmp_path / "records.dat"])
    assert [type(i).__name__ for i in got] == ["Article", "Article"]
    assert got[0].headline == "Putin congratulates Maduro" and got[1].headline == "t"


def test_folder_is_recursive_sorted_and_known_kinds_only(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ("b.txt", "a.txt", "sub/c.txt", ".hidden/x.txt", "notes.pdf", "a.gold.json"):
        (tmp_path / rel).write_text(NEWS)
    got = items([tmp_path])
    assert [i.source for i in got] == [str(tmp_path / n) for n in ("a.txt", "b.txt", "sub/c.txt")]


def test_empty_folder(tmp_path):
    [skip] = items([tmp_path])
    assert isinstance(skip, Skip) and "holds no" in skip.reason


def test_glob(tmp_path):
    for n in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / n).write_text(NEWS)
    got = items([tmp_path / "x*.txt", tmp_path / "z*.txt"])
    assert [i.source for i in got[:2]] == [str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt")]
    assert isinstance(got[2], Skip) and got[2].reason == "no file matches this pattern"


@pytest.mark.parametrize("data, sources", [
    (NEWS.encode(), ["<stdin>"]),
    ((json.dumps({"text": NEWS, "id": 1}) + "\n" + json.dumps({"text": NEWS, "id": 2}) + "\n").encode(),
     ["<stdin>#1", "<stdin>#2"]),
    (HTML.encode(), ["<stdin>"]),
])
def test_stdin(data, sources):
    got = items(["-"], stdin=io.BufferedReader(io.BytesIO(data)))
    assert all(isinstance(i, Article) for i in got)
    assert [i.source for i in got] == sources


@pytest.mark.parametrize("record, published, expected", [
    ({"text": NEWS, "published": "2024-07-29"}, dt.date(2000, 1, 1), dt.date(2024, 7, 29)),
    ({"text": NEWS}, dt.date(2000, 1, 1), dt.date(2000, 1, 1)),
    ({"text": NEWS}, None, None),
])
def test_publication_date_precedence(tmp_path, record, published, expected):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [art] = items([path], published=published)
    assert art.published == expected


def test_not_english_is_skipped(tmp_path):
    (tmp_path / "es.txt").write_text(SPANISH)
    [skip] = items([tmp_path / "es.txt"])
    assert isinstance(skip, Skip) and skip.reason.startswith("not English")


@pytest.mark.parametrize("text, english", [
    (SPANISH, False),
    ("Президент России Владимир Путин в понедельник поздравил Николаса Мадуро с победой " * 3, False),
    (NEWS * 2, True),
    ("Moscow; Caracas; Washington; Beijing; Kyiv", True),  # too short to judge
])
def test_language_heuristic(text, english):
    assert (not_english_reason(text) is None) == english


def test_small_max_chars(tmp_path):
    (tmp_path / "a.txt").write_text(NEWS * 10)
    [skip] = items([tmp_path / "a.txt"], settings=Settings(max_chars=100))
    assert isinstance(skip, Skip) and "WIRECODER_MAX_CHARS" in skip.reason


def test_read_text():
    art = read_text("By Jane Doe\r\n" + NEWS, published=dt.date(2024, 7, 29))
    assert art.text.startswith("By Jane Doe\nMOSCOW")
    assert art.byline == ("Jane Doe",) and art.published == dt.date(2024, 7, 29)
    assert art.source == "<text>"


@pytest.mark.parametrize("source, stem", [
    ("/data/reuters-putin-maduro.txt", "reuters-putin-maduro"),
    ("/data/voa-unlabelled.jsonl#8010694", "voa-unlabelled-8010694"),
    ("/data/feed.jsonl:17", "feed-17"),
    ("/data/many.json[3]", "many-3"),
    ("https://news.example/world/putin-maduro.html", "putin-maduro"),
    ("https://news.example/world/story/", "story"),
    ("<stdin>", "stdin"),
])
def test_output_stem(source, stem):
    assert output_stem(source) == stem
