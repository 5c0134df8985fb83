"""WARC and WARC.gz web archives through warcio: each archived HTML page an Article.

Only ``response`` records whose HTTP content type is HTML are read, one at a time
(constant memory). The source of an article is the record's target URI; the
WARC-Date is its date when the page gives none. A corrupt record is a Skip for
that record; a truncated or corrupt file ends with a Skip after the records read.
"""
from __future__ import annotations

import logging
import zlib
from pathlib import Path
from typing import Any, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..records import Article, Skip
from ..settings import Settings
from .dates import parse_published
from .html import MARKUP_PER_CHAR, html_to_article
from .sniff import SNIFF_BYTES, Kind, kind_by_content
from .text import unreadable

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return ctype in _HTML_TYPES


def _record_article(record: Any, name: str, settings: Settings) -> Article | Skip:
    uri = record.rec_headers.get_header("WARC-Target-URI") or name
    limit = settings.max_chars * MARKUP_PER_CHAR
    try:
        data = record.content_stream().read(limit + 1)
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        return Skip(name, f"the WARC record of {uri} cannot be read ({exc})")
    if len(data) > limit:
        return Skip(uri, f"the page is larger than {limit / 1e6:.0f} MB (raise WIRECODER_MAX_CHARS)")
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        return Skip(name, f"the WARC record of {uri} is truncated ({missing:,} bytes missing)")
    status = record.http_headers.get_statuscode()
    if status and not status.startswith("2"):
        return Skip(uri, f"the archived response is HTTP {status}, not a page")
    warc_date = parse_published(record.rec_headers.get_header("WARC-Date"))
    return html_to_article(data, uri, settings, url=uri, published=warc_date)


def read_warc_stream(stream: Any, name: str, settings: Settings) -> Iterator[Article | Skip]:
    """The HTML pages of one WARC stream (plain or gzip, detected by warcio)."""
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b"WARC/"
    if kind_by_content(head) is not Kind.WARC:
        yield Skip(name, "not a WARC file (it does not start with a WARC/1.x record header)")
        return
    read = 0
    records = iter(ArchiveIterator(stream))
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error, AttributeError) as exc:
            # warcio fails with AttributeError when a file ends inside a record header
            where = f" after {read} page(s)" if read else ""
            problem = ("a record header is cut short" if isinstance(exc, AttributeError)
                       else str(exc).strip() or type(exc).__name__)
            yield Skip(name, f"the WARC file is corrupt or truncated{where}: {problem}")
            return
        if _is_html(record):
            read += 1
            yield _record_article(record, name, settings)
    if not read:
        yield Skip(name, "the WARC file holds no HTML responses (or is truncated before the first)")


def read_warc_file(path: Path, settings: Settings) -> Iterator[Article | Skip]:
    """The HTML pages of one ``.warc`` / ``.warc.gz`` file."""
    name = str(path)
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield unreadable(name, exc)
        return
    with stream:
        yield from read_warc_stream(stream, name, settings)
