"""JSON inputs: JSON Lines, a JSON array of records, or one JSON object.

A record is an object with ``text`` (or ``html``), and optionally ``title``,
``published`` (or ``date``), ``url``, ``author``/``byline`` and ``id``. Reading
streams: one record at a time, whatever the size of the file. A malformed line
becomes a Skip named ``file.jsonl:17``; the other lines are still read.
"""
from __future__ import annotations

import gzip
import io
import json
import logging
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..errors import InputError
from ..records import Article, Skip, surrogate_at
from ..settings import Settings
from .dates import parse_published
from .html import html_to_article
from .metadata import split_names
from .text import BYTES_PER_CHAR, normalise_newlines, text_reason, unreadable

log = logging.getLogger(__name__)

_CHUNK = 1 << 16
_WS = b" \t\r\n"
_FIELDS = ("id", "text", "html", "title", "url", "published", "date", "byline", "author")


def _surrogate_reason(record: dict[str, Any]) -> str | None:
    """Which field of ``record`` holds a lone surrogate (``"\\ud800"``), which is not text."""
    for key in _FIELDS:
        value = record.get(key)
        for item in value if isinstance(value, list) else [value]:
            at = surrogate_at(item) if isinstance(item, str) else None
            if at is not None:
                return (f"'{key}' holds a lone surrogate (\\u{ord(item[at]):04x} at character {at}), which is "
                        "not text: the record is skipped (write the text as UTF-8)")
    return None


def article_from_record(record: Any, name: str, where: str, settings: Settings) -> Article | Skip:
    """An Article from one JSON record of the input ``name``, or a Skip saying what is wrong.

    ``where`` locates the record (``:17`` a line, ``[3]`` an array element); a record
    with an ``id`` is named ``name#id`` instead."""
    source = f"{name}{where}"
    if not isinstance(record, dict):
        return Skip(source, f"a record must be a JSON object with a 'text' field, not {type(record).__name__}")
    bad = _surrogate_reason(record)
    if bad:
        return Skip(source, bad)
    if isinstance(record.get("id"), (str, int)) and str(record["id"]).strip():
        source = f"{name}#{str(record['id']).strip()}"
    url = record.get("url") if isinstance(record.get("url"), str) else None
    raw_date = record.get("published", record.get("date"))
    published = parse_published(raw_date)
    notes: tuple[str, ...] = ()
    if raw_date not in (None, "") and published is None:
        notes = (f"published {raw_date!r} is not a date; ignored",)
    text = record.get("text")
    if text is None and isinstance(record.get("html"), str):
        art = html_to_article(record["html"], source, settings, url=url, published=published)
        if isinstance(art, Skip):
            return art
        text, title = art.text, record.get("title") or art.headline
    else:
        title = record.get("title")
    if not isinstance(text, str):
        return Skip(source, "the record has no 'text' string (give the article text in 'text')")
    text = normalise_newlines(text)
    reason = text_reason(text, settings)
    if reason:
        return Skip(source, reason)
    author = record.get("byline", record.get("author"))
    if isinstance(author, str):
        byline = split_names(author)
    elif isinstance(author, list):
        byline = tuple(n for a in author if isinstance(a, str) for n in split_names(a))
    else:
        byline = ()
    try:
        return Article(text=text, source=source,
                       headline=title if isinstance(title, str) and title.strip() else None,
                       published=published, url=url, byline=byline, notes=notes)
    except InputError as exc:
        return Skip(source, exc.problem)


def _first_byte(stream: BinaryIO) -> bytes:
    """The first non-blank byte of a peekable stream, without consuming it."""
    head = stream.peek(_CHUNK)[:_CHUNK] if hasattr(stream, "peek") else b""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    stripped = head.lstrip(_WS)
    return stripped[:1]


def read_json_lines(stream: BinaryIO, name: str, settings: Settings) -> Iterator[Article | Skip]:
    """Records from a JSON Lines stream, one line at a time."""
    for lineno, raw in enumerate(stream, 1):
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        source = f"{name}:{lineno}"
        try:
            record = json.loads(raw)
        except UnicodeDecodeError as exc:
            yield Skip(source, f"the line is not UTF-8 ({exc.reason}); convert the file to UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield Skip(source, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield article_from_record(record, name, f":{lineno}", settings)


def read_json_array(stream: BinaryIO, name: str, settings: Settings) -> Iterator[Article | Skip]:
    """Records from a JSON array (``[{...}, {...}]``), decoded one element at a time."""
    decoder = json.JSONDecoder()
    limit = settings.max_chars * BYTES_PER_CHAR * 2
    buf = ""
    pending = b""
    eof = False
    started = False
    index = 0

    def fill() -> bool:
        nonlocal buf, pending, eof
        chunk = stream.read(_CHUNK)
        if not chunk:
            eof = True
            return False
        data = pending + chunk
        try:
            buf += data.decode("utf-8")
            pending = b""
        except UnicodeDecodeError as exc:
            if exc.start < len(data) - 4:
                raise
            buf += data[:exc.start].decode("utf-8")
            pending = data[exc.start:]
        return True

    try:
        while True:
            buf = buf.lstrip()
            if not started:
                buf = buf.lstrip("\ufeff").lstrip()
                if not buf and fill():
                    continue
                if not buf.startswith("["):
                    yield Skip(name, "not a JSON array")
                    return
                buf, started = buf[1:], True
                continue
            buf = buf.lstrip().lstrip(",").lstrip()
            if buf.startswith("]"):
                return
            if not buf:
                if fill():
                    continue
                yield Skip(name, "the JSON array ends early (truncated file?)")
                return
            try:
                record, end = decoder.raw_decode(buf)
            except json.JSONDecodeError as exc:
                if len(buf) > limit:
                    yield Skip(f"{name}[{index}]", f"not valid JSON ({exc.msg}), or a record larger "
                               "than the limit (raise WIRECODER_MAX_CHARS)")
                    return
                if not eof and fill():
                    continue
                yield Skip(f"{name}[{index}]", f"not valid JSON ({exc.msg}); the rest of the array is not read")
                return
            buf = buf[end:]
            yield article_from_record(record, name, f"[{index}]", settings)
            index += 1
    except UnicodeDecodeError as exc:
        yield Skip(f"{name}[{index}]", f"the file is not UTF-8 ({exc.reason}); convert it to UTF-8")


def read_json_stream(stream: BinaryIO, name: str, settings: Settings, *,
                     lines: bool | None = None) -> Iterator[Article | Skip]:
    """Records from a JSON stream: an array, JSON Lines, or one (possibly pretty-printed) object.

    ``lines=True`` forces JSON Lines (a ``.jsonl`` file)."""
    first = _first_byte(stream)
    if first == b"[" and not lines:
        yield from read_json_array(stream, name, settings)
        return
    if lines or first != b"{":
        yield from read_json_lines(stream, name, settings)
        return
    first_line = stream.readline()
    try:
        json.loads(first_line)
        one_line = True
    except (json.JSONDecodeError, UnicodeDecodeError):
        one_line = False
    if one_line:
        yield from read_json_lines(_Prepend(first_line, stream), name, settings)
        return
    rest = first_line + stream.read(settings.max_chars * BYTES_PER_CHAR * 2 + 1)
    try:
        record = json.loads(rest)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield Skip(name, f"not valid JSON ({getattr(exc, 'msg', None) or exc})")
        return
    yield article_from_record(record, name, "", settings)


class _Prepend:
    """A line iterator over ``first`` and then the rest of ``stream``."""

    def __init__(self, first: bytes, stream: BinaryIO) -> None:
        self.first, self.stream = first, stream

    def __iter__(self) -> Iterator[bytes]:
        yield self.first
        yield from self.stream


def read_json_file(path: Path, settings: Settings) -> Iterator[Article | Skip]:
    """Records of a ``.json``, ``.jsonl``/``.ndjson`` file (optionally ``.gz``)."""
    name = str(path)
    lower = name.lower()
    lines = True if lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")) else None
    try:
        raw = open(path, "rb")
    except OSError as exc:
        yield unreadable(name, exc)
        return
    with raw:
        stream: Any = gzip.GzipFile(fileobj=raw) if lower.endswith(".gz") else raw
        buffered = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream
        try:
            yield from read_json_stream(buffered, name, settings, lines=lines)
        except (OSError, EOFError) as exc:
            yield Skip(name, f"the file cannot be read to its end ({exc}); is it truncated?")
