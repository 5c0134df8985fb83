"""Readers: inputs (files, folders, globs, stdin) -> :class:`Article` or :class:`Skip`.

One module per kind of input: :mod:`.text`, :mod:`.html`, :mod:`.jsonl`,
:mod:`.feed`, :mod:`.warc`; :mod:`.metadata` finds headline, byline, dateline and
credits. :func:`read_inputs` streams (generators all the way): a huge JSON Lines
or WARC file is read one record at a time, and a bad input is a ``Skip`` with a
reason, never the end of the batch.
"""
from __future__ import annotations

import datetime as dt
import glob
import io
import logging
import re
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..errors import InputError
from ..records import Article, Skip
from ..settings import Settings
from .feed import read_feed_bytes, read_feed_file
from .html import MARKUP_PER_CHAR, html_to_article, read_html_file
from .jsonl import read_json_file, read_json_stream
from .language import not_english_reason
from .metadata import extract_metadata
from .sniff import SNIFF_BYTES, Kind, kind_by_content, kind_by_name, sniff_file
from .text import BYTES_PER_CHAR, normalise_newlines, read_text_file, text_from_bytes, text_reason, too_large
from .warc import read_warc_file, read_warc_stream
from .text import unreadable

__all__ = ["read_inputs", "read_path", "read_text", "article_from_text", "prepare", "require_article", "extract_metadata",
           "output_stem"]

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_SOURCE = "<stdin>"
GOLD_SUFFIX = ".gold.json"  # gold files beside articles (shared/spec/gold-format.md) are not inputs
_GLOB_CHARS = re.compile(r"[*?\[]")


def read_text(text: str, source: str = "<text>", published: dt.date | None = None) -> Article:
    """An Article from a string (BOM dropped, newlines normalised, metadata extracted), with
    no refusals: what ``wirecoder.code(text)`` codes. Inputs use :func:`article_from_text`."""
    article = extract_metadata(Article(text=normalise_newlines(text.removeprefix("\ufeff")), source=source))
    if published is not None and article.published is None:
        article = article.with_(published=published)
    return article


def article_from_text(text: str, source: str = "<text>", *, published: dt.date | None = None,
                      settings: Settings | None = None, url: str | None = None,
                      headline: str | None = None) -> Article | Skip:
    """The reading path of a text given as a string (the HTTP API, the dashboard), the same
    as a text file's: a BOM dropped, newlines normalised, empty, short, too long and
    non-English texts refused (a :class:`Skip` saying why), headline, byline, dateline and
    credits found, ``published`` used when the text gives no date."""
    settings = settings or Settings()
    text = normalise_newlines(text.removeprefix("\ufeff"))
    reason = text_reason(text, settings)
    if reason:
        return Skip(source, reason)
    return prepare(Article(text=text, source=source, url=url, headline=headline or None), published, settings)


def require_article(item: Article | Skip) -> Article:
    """``item`` when it is an Article; a Skip is raised as the :class:`InputError` it stands for."""
    if isinstance(item, Skip):
        raise InputError(item.source, item.reason)
    return item


def read_inputs(inputs: Iterable[str], *, published: dt.date | None = None,
                settings: Settings | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Article | Skip]:
    """Articles from files, folders (recursive, sorted, known kinds only), glob
    patterns and ``-`` (standard input, or ``stdin``), in order.

    Each Article has its metadata extracted; its publication date is the input's
    own, else ``published``, else None. Inputs that cannot be read, are empty,
    binary, too large or not English are yielded as :class:`Skip` records.
    """
    settings = settings or Settings()
    for name in inputs:
        try:
            for item in _read_one(name, settings, stdin):
                yield prepare(item, published, settings)
        except Exception as exc:  # noqa: BLE001 - one bad input never stops a batch
            log.warning("%s: unexpected error while reading", name, exc_info=True)
            yield Skip(name, f"cannot read it ({type(exc).__name__}: {exc}); please report this input")


def prepare(item: Article | Skip, published: dt.date | None, settings: Settings) -> Article | Skip:
    """The last step of every reader: the language check (a non-English text is a Skip),
    metadata, and ``published`` when the input gives no date."""
    if isinstance(item, Skip):
        return item
    if settings.language == "en":
        reason = not_english_reason(item.text)
        if reason:
            return Skip(item.source, reason)
    article = extract_metadata(item)
    if article.published is None and published is not None:
        article = article.with_(published=published)
    return article


def _read_one(name: str, settings: Settings, stdin: BinaryIO | None) -> Iterator[Article | Skip]:
    if name == STDIN:
        yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, STDIN_SOURCE, settings)
        return
    path = Path(name)
    if path.is_dir():
        yield from _read_folder(path, settings)
    elif path.exists():
        yield from read_path(path, settings)
    elif _GLOB_CHARS.search(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield Skip(name, "no file matches this pattern")
        for match in matches:
            mp = Path(match)
            if mp.is_dir():
                yield from _read_folder(mp, settings)
            elif kind_by_name(mp) is not None and not mp.name.endswith(GOLD_SUFFIX):
                yield from read_path(mp, settings)
    else:
        yield Skip(name, "no such file or folder")


def _read_folder(folder: Path, settings: Settings) -> Iterator[Article | Skip]:
    found = False
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if any(part.startswith(".") for part in rel) or not path.is_file():
            continue
        if kind_by_name(path) is None or path.name.endswith(GOLD_SUFFIX):
            log.debug("%s: not an input wirecoder reads (or a gold file); left out", path)
            continue
        found = True
        yield from read_path(path, settings)
    if not found:
        yield Skip(str(folder), "the folder holds no .txt, .html, .json(l), .rss/.atom/.xml or .warc(.gz) files")


def read_path(path: Path, settings: Settings) -> Iterator[Article | Skip]:
    """The articles of one file, by its kind (file name, else first bytes)."""
    try:
        kind = sniff_file(path)
    except OSError as exc:
        yield unreadable(str(path), exc)
        return
    if kind is None:
        yield Skip(str(path), "a gzip file that is not a WARC (name JSON Lines files .jsonl.gz)")
    elif kind is Kind.TEXT:
        yield read_text_file(path, settings)
    elif kind is Kind.HTML:
        yield read_html_file(path, settings)
    elif kind is Kind.JSON:
        yield from read_json_file(path, settings)
    elif kind is Kind.FEED:
        yield from read_feed_file(path, settings)
    else:
        yield from read_warc_file(path, settings)


def read_stream(stream: BinaryIO, name: str, settings: Settings) -> Iterator[Article | Skip]:
    """The articles of a byte stream (stdin): JSON Lines and WARC are streamed;
    text, HTML and feeds are read whole (up to the size limit)."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    kind = kind_by_content(head) if head else Kind.TEXT
    if kind is Kind.JSON:
        yield from read_json_stream(stream, name, settings)
        return
    if kind is Kind.WARC:
        yield from read_warc_stream(stream, name, settings)
        return
    if kind is None:
        yield Skip(name, "gzip data that is not a WARC")
        return
    per_char = MARKUP_PER_CHAR if kind in (Kind.HTML, Kind.FEED) else BYTES_PER_CHAR
    data = stream.read(settings.max_chars * per_char + 1)
    reason = too_large(len(data), settings, per_char)
    if reason:
        yield Skip(name, "the input is more than" + reason.split(" is", 1)[1])
    elif kind is Kind.HTML:
        yield html_to_article(data, name, settings)
    elif kind is Kind.FEED:
        yield from read_feed_bytes(data, name, settings)
    else:
        yield text_from_bytes(data, name, settings)


def output_stem(source: str) -> str:
    """A file-name stem for an article's source (``--out`` files): the file's stem,
    with the record id or line of a JSON/feed record (``voa.jsonl#8010694`` ->
    ``voa-8010694``; a URL -> its last path parts)."""
    base, sep, part = source.partition("#")
    if not sep:
        base, colon, line = source.rpartition(":")
        if colon and line.isdigit() and base:
            part = line
        else:
            base = source
    if "://" in base:
        stem = re.sub(r"^[a-z]+://", "", base).rstrip("/")
        stem = stem.rsplit("/", 1)[-1] or stem
        stem = stem.rsplit(".", 1)[0] if "." in stem.rsplit("/", 1)[-1] else stem
    else:
        stem = Path(base.split("[")[0]).name
        for suffix in (".gz", ".jsonl", ".ndjson", ".json", ".txt", ".text", ".html", ".htm", ".xhtml",
                       ".rss", ".atom", ".xml", ".warc"):
            stem = stem.removesuffix(suffix)
    if "[" in base and not part:
        part = base.rsplit("[", 1)[-1].rstrip("]")
    stem = f"{stem}-{part}" if part else stem
    return re.sub(r"[^\w.\-]+", "_", stem).strip("._") or "article"
