"""WARC reader: HTML responses of a web archive, one Article each."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecoder.read.warc import read_warc_file
from wirecoder.records import Article, Skip
from wirecoder.settings import Settings

SETTINGS = Settings()
PARAS = [
    "Russian President Vladimir Putin on Monday congratulated Nicolas Maduro on winning the disputed "
    "Venezuelan election, and the Kremlin said it was deepening cooperation in all areas.",
    "Maduro and his opposition rival Edmundo Gonzalez have both claimed victory in the presidential "
    "election as Washington and other governments cast doubt on the official results.",
]


def page(title: str, date: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>{body}"
            f"</article></body></html>").encode()


def write_warc(path, records, gzip=True):
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        for uri, rec_type, ctype, payload, status in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            if rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(payload), http_headers=http,
                                               warc_headers_dict={"WARC-Date": "2024-07-29T10:00:00Z"})
            writer.write_record(record)


RECORDS = [
    ("https://news.example/a", "request", "", b"", ""),
    ("https://news.example/a", "response", "text/html; charset=utf-8", page("First story", "2024-07-01"), "200 OK"),
    ("https://news.example/logo.png", "response", "image/png", b"\x89PNG....", "200 OK"),
    ("https://news.example/b", "response", "text/html", page("Second story"), "200 OK"),
    ("https://news.example/gone", "response", "text/html", b"<html>Not found</html>", "404 Not Found"),
]


@pytest.mark.parametrize("name, gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_only(tmp_path, name, gzip):
    path = tmp_path / name
    write_warc(path, RECORDS, gzip=gzip)
    items = list(read_warc_file(path, SETTINGS))
    assert [i.source for i in items] == ["https://news.example/a", "https://news.example/b",
                                         "https://news.example/gone"]
    first, second, gone = items
    assert isinstance(first, Article) and first.published == dt.date(2024, 7, 1)
    assert first.url == "https://news.example/a" and first.headline == "First story"
    assert PARAS[0] in first.text
    assert isinstance(second, Article) and second.published == dt.date(2024, 7, 29)  # from WARC-Date
    assert isinstance(gone, Skip) and "HTTP 404" in gone.reason


def test_truncated_file_keeps_the_records_before(tmp_path):
    path = tmp_path / "cut.warc.gz"
    write_warc(path, RECORDS[:2] + RECORDS[3:4])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    items = list(read_warc_file(path, SETTINGS))
    assert isinstance(items[0], Article) and items[0].source == "https://news.example/a"
    assert isinstance(items[-1], Skip) and "truncated" in items[-1].reason


def test_not_a_warc(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive at all\n" * 10)
    [skip] = list(read_warc_file(path, SETTINGS))
    assert isinstance(skip, Skip) and "not a WARC file" in skip.reason
