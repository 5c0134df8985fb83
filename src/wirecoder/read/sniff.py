"""What kind of input a file is: by its name, else by its first bytes."""
from __future__ import annotations

import zlib
from enum import Enum
from pathlib import Path


class Kind(str, Enum):
    TEXT = "text"
    HTML = "html"
    JSON = "json"
    FEED = "feed"
    WARC = "warc"


# Longest suffixes first: ".warc.gz" before ".gz".
EXTENSIONS: tuple[tuple[str, Kind], ...] = (
    (".warc.gz", Kind.WARC), (".jsonl.gz", Kind.JSON), (".ndjson.gz", Kind.JSON),
    (".warc", Kind.WARC), (".txt", Kind.TEXT), (".text", Kind.TEXT), (".html", Kind.HTML),
    (".htm", Kind.HTML), (".xhtml", Kind.HTML), (".json", Kind.JSON), (".jsonl", Kind.JSON),
    (".ndjson", Kind.JSON), (".rss", Kind.FEED), (".atom", Kind.FEED), (".xml", Kind.FEED),
)
SNIFF_BYTES = 4096
_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>", b"<p ", b"<div",
               b"<meta", b"<title")
_FEED_MARKS = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")


def kind_by_name(path: Path | str) -> Kind | None:
    """The kind its file name says, or None for an unknown extension."""
    name = str(path).lower()
    for suffix, kind in EXTENSIONS:
        if name.endswith(suffix):
            return kind
    return None


def kind_by_content(head: bytes) -> Kind | None:
    """The kind the first bytes show; None for gzip data that is not a WARC.

    Anything that is not recognisably WARC, JSON, a feed or HTML is TEXT (the
    text reader refuses binary data with a reason)."""
    if head[:2] == b"\x1f\x8b":
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return None
        return Kind.WARC if inner.startswith(b"WARC/") else None
    if head.startswith(b"WARC/"):
        return Kind.WARC
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if body[:1] in (b"{", b"["):
        return Kind.JSON
    if body[:1] == b"<":
        lower = body.lower()
        if any(mark in lower for mark in _FEED_MARKS):
            return Kind.FEED
        if any(mark in lower for mark in _HTML_MARKS):
            return Kind.HTML
        if lower.startswith(b"<?xml"):
            return Kind.FEED
    return Kind.TEXT


def sniff_file(path: Path) -> Kind | None:
    """The kind of a file: by name, else by content (``.xml`` is checked to be a feed)."""
    kind = kind_by_name(path)
    if kind is not None and kind is not Kind.FEED:
        return kind
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    found = kind_by_content(head)
    if kind is Kind.FEED and found is Kind.HTML:
        return Kind.HTML
    return kind or found
