"""Ingest: read -> drop what is stored -> code -> write, streaming in batches.

Producing coded records and writing them are separate: :func:`ingest` takes a
``producer`` (articles in, ``CodedArticle``/``Skip`` records out, any order),
by default :func:`code_locally`; ``wirecoder.parallel`` passes one that codes
on a Dask cluster. Whatever produces, :meth:`Store.write` stores each article
exactly once.

Memory stays constant: articles flow through generators, at most a batch or
two is held at a time, and the "already stored?" check asks the store for each
chunk of ids before coding (re-runs are cheap: nothing stored is coded again).
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import logging
import os
import time
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from ..errors import InputError, WirecoderError
from ..records import Article, CodedArticle, Skip, article_id, surrogate_at
from ..knowledge.learn import learn
from ..settings import Settings
from .store import Store, WriteResult

log = logging.getLogger(__name__)

T = TypeVar("T")
Producer = Callable[[Iterable[Article]], Iterable["CodedArticle | Skip"]]
"""Codes a stream of articles; yields one ``CodedArticle`` or ``Skip`` per article, any order."""

DEFAULT_BATCH = 64


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What an ingest run did (also passed to the progress callback while it runs)."""

    db: Path
    coded: int = 0
    skipped: int = 0
    already_stored: int = 0
    actors: int = 0
    events: int = 0
    quotes: int = 0
    seconds: float = 0.0
    pending: int = 0  # coded (or read as coded) and not written yet: the progress bar counts them

    @property
    def seen(self) -> int:
        """Inputs dealt with so far: coded, skipped or found stored."""
        return self.coded + self.skipped + self.already_stored

    @property
    def rate(self) -> float:
        """Articles coded and stored per second."""
        return self.coded / self.seconds if self.seconds > 0 else 0.0

    def add(self, result: WriteResult, seconds: float) -> "IngestSummary":
        return IngestSummary(
            db=self.db, coded=self.coded + result.stored, skipped=self.skipped + result.skipped,
            already_stored=self.already_stored + result.already_stored,
            actors=self.actors + result.actors, events=self.events + result.events,
            quotes=self.quotes + result.quotes, seconds=seconds, pending=self.pending)

    def line(self) -> str:
        return (f"{self.coded:,} coded, {self.skipped:,} skipped, {self.already_stored:,} already stored; "
                f"{self.events:,} events, {self.quotes:,} quotes, {self.actors:,} actors "
                f"in {self.seconds:.1f} s ({self.rate:.1f} articles/s) into {self.db}")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def skip_reason(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return exc.problem + (f" ({exc.hint})" if exc.hint else "")
    if isinstance(exc, WirecoderError):
        return str(exc)
    return f"coding failed: {type(exc).__name__}: {exc}"


def code_batch(coder, articles: Sequence[Article]) -> Iterator[CodedArticle | Skip]:
    """Code a batch with one spaCy pass, yielding each article as it is done; a bad
    article becomes a ``Skip``, the rest go on."""
    done = 0
    try:
        for coded in coder.code_many(articles):
            done += 1
            yield coded
        return
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
        log.info("batch coding stopped (%s); coding the rest one by one", exc)
    for article in articles[done:]:
        try:
            yield coder.code(article)
        except Exception as exc:  # noqa: BLE001
            log.warning("skipped %s: %s", article.source, skip_reason(exc))
            yield Skip(article.source, skip_reason(exc))


def code_locally(settings: Settings | None = None, *, coder=None, batch_size: int | None = None) -> Producer:
    """The default producer: a :class:`wirecoder.Coder` in this process (built on first use)."""
    def produce(articles: Iterable[Article]) -> Iterator[CodedArticle | Skip]:
        nonlocal coder
        size = batch_size or (settings or Settings()).batch_size
        for chunk in chunked(articles, size):
            if coder is None:
                from ..pipeline import Coder
                coder = Coder(settings)
            yield from code_batch(coder, chunk)
    return produce


def read_coded(paths: Iterable[str]) -> Iterator[CodedArticle | Skip]:
    """Pre-coded ``wirecoder/1`` records: JSON Lines (``wirecoder code --format jsonl``) or JSON files."""
    for name in paths:
        try:
            with open(name, encoding="utf-8") as fh:
                if not name.endswith((".jsonl", ".ndjson")):
                    data = json.load(fh)
                    for i, d in enumerate(data if isinstance(data, list) else [data], 1):
                        yield _coded(d, f"{name}:{i}" if isinstance(data, list) else name)
                    continue
                for n, line in enumerate(fh, 1):
                    if line.strip():
                        try:
                            yield _coded(json.loads(line), f"{name}:{n}")
                        except ValueError as exc:
                            yield Skip(f"{name}:{n}", f"not JSON: {exc}")
        except (OSError, ValueError) as exc:
            yield Skip(name, f"cannot read coded records: {exc}")


def _coded(d: object, source: str) -> CodedArticle | Skip:
    """One coded record, checked against the contract (JSON Schema, every span inside the
    text) before it may be stored; a record that breaks it is a Skip naming it."""
    from ..contract import validate
    if not isinstance(d, dict):
        return Skip(source, f"not a wirecoder/1 record: a JSON {type(d).__name__}, not an object")
    if surrogate_at(json.dumps(d, ensure_ascii=False)) is not None:
        return Skip(source, "the record holds a lone surrogate (a \\ud800-style escape), which is not text: "
                            "the record is skipped (write the text as UTF-8)")
    article = d.get("article")
    if isinstance(article, dict) and isinstance(article.get("text"), str):
        if not article.get("id"):  # an id left empty is the text's (as CodedArticle.from_dict makes it)
            d = {**d, "article": {**article, "id": article_id(article["text"])}}
        elif article["id"] != article_id(article["text"]):
            return Skip(source, "not a wirecoder/1 record: article.id is not the sha256 of article.text "
                                "(leave it empty to have it computed)")
    try:
        validate(d)
    except WirecoderError as exc:
        return Skip(source, f"{exc} (code it again with `wirecoder code --format jsonl`)")
    try:
        return CodedArticle.from_dict(d)
    except (KeyError, TypeError, ValueError, IndexError, InputError) as exc:
        return Skip(source, f"not a wirecoder/1 record: {type(exc).__name__}: {exc}")


def _unstored(store: Store, items: Iterable[Article | Skip], chunk: int,
              on_seen: Callable[[WriteResult], None]) -> Iterator[Article]:
    """Articles not in the store yet. Reader skips are written as they come
    (in batches), and stored articles are counted, through ``on_seen``."""
    skips: list[Skip] = []
    for part in chunked(items, chunk):
        articles = [a for a in part if isinstance(a, Article)]
        skips.extend(s for s in part if isinstance(s, Skip))
        if len(skips) >= chunk:
            on_seen(store.write(skips))
            skips = []
        stored = store.stored_ids([a.id for a in articles])
        seen: set[str] = set()
        fresh = []
        for a in articles:
            if a.id not in stored and a.id not in seen:
                seen.add(a.id)
                fresh.append(a)
        if len(fresh) < len(articles):
            on_seen(WriteResult(already_stored=len(articles) - len(fresh)))
        yield from fresh
    if skips:
        on_seen(store.write(skips))


def ingest(sources: Iterable[str], db_path: str | Path, *, settings: Settings | None = None,
           published: dt.date | None = None, batch_size: int = DEFAULT_BATCH,
           coder=None, producer: Producer | None = None, coded: bool = False,
           progress: Callable[[IngestSummary], None] | None = None, init: bool = False) -> IngestSummary:
    """Read ``sources``, code what is not stored yet, write it into the store at ``db_path``.

    ``init=True``: ``db_path`` may be a DuckDB file holding other tables; the store's
    tables are added to it (otherwise such a file is refused).
    ``coded=True``: the sources are wirecoder/1 JSON (Lines) already coded;
    they are stored without coding (each checked against the contract first).
    ``producer``: who codes (default: this process); ``progress`` is called with the
    running summary after each article is coded (``pending``) and after each write.
    """
    settings = settings or Settings()
    store = Store.open(db_path, settings=settings, init=init)
    start = time.monotonic()
    summary = IngestSummary(db=Path(db_path))

    def seen(result: WriteResult, written: int = 0) -> None:
        nonlocal summary
        summary = summary.add(result, time.monotonic() - start)
        summary = replace(summary, pending=summary.pending - written)
        if progress:
            progress(summary)

    if coded:  # nothing to save by checking first: Store.write checks ids in its transaction
        records: Iterable[CodedArticle | Skip] = read_coded(sources)
    else:
        from ..read import read_inputs
        items = read_inputs(list(sources), published=published, settings=settings)
        produce = producer or code_locally(settings, coder=coder)
        records = produce(_unstored(store, items, batch_size, seen))
    def counted(items: Iterable[CodedArticle | Skip]) -> Iterator[CodedArticle | Skip]:
        nonlocal summary
        for item in items:
            summary = replace(summary, pending=summary.pending + 1)
            if progress:
                progress(summary)
            yield item

    for batch in chunked(counted(records), batch_size):
        seen(store.write(batch), written=len(batch))
        if settings.learned_path is not None:  # remember people coded from a title (next runs use them)
            learn([r for r in batch if isinstance(r, CodedArticle)], settings)
    summary = replace(summary, seconds=time.monotonic() - start)
    log.info("ingest: %s", summary.line())
    return summary


_ONE_ARTICLE = {".txt", ".text", ".md", ".html", ".htm", ".xhtml"}
_LINES = {".jsonl", ".ndjson"}
_MANY = {".json", ".xml", ".rss", ".atom", ".warc", ".gz"}  # feeds, WARC, JSON arrays: unknown count


def estimate_total(sources: Iterable[str]) -> int | None:
    """How many articles ``sources`` hold, for a progress bar's ETA; None when it
    cannot be known cheaply (stdin, feeds, WARC, JSON arrays)."""
    total = 0
    for name in sources:
        if name == "-":
            return None
        paths = [Path(p) for p in sorted(glob.glob(name, recursive=True))] if glob.has_magic(name) else [Path(name)]
        for path in paths:
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for f in files:
                suffix = f.suffix.lower()
                if suffix in _ONE_ARTICLE:
                    total += 1
                elif suffix in _LINES:
                    total += _count_lines(f)
                elif suffix in _MANY or not path.is_dir():
                    return None
    return total


def _count_lines(path: Path) -> int:
    n = 0
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                n += block.count(b"\n")
            if os.path.getsize(path) and not _ends_with_newline(path):
                n += 1
    except OSError:
        return 0
    return n


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"
