"""Coded articles as Parquet tables, partitioned by publication date.

``DIR/articles``, ``DIR/actors``, ``DIR/mentions``, ``DIR/events`` and
``DIR/quotes`` each hold hive-style folders ``date=YYYY-MM-DD/`` (the
article's publication date; ``date=__HIVE_DEFAULT_PARTITION__`` when it has
none), so DuckDB reads them as they are::

    SELECT cameo, count(*) FROM read_parquet('DIR/events/**/*.parquet',
                                             hive_partitioning = true) GROUP BY cameo

The columns are the store's (docs/store.md, built by
:func:`wirecoder.store.rows.batch_tables`), so the same SQL runs on both; one
difference: the events' own ``date`` column is ``event_date`` here, since the
folder's ``date`` (publication date) would hide it. ``DIR/skipped`` (not
partitioned) lists the inputs that could not be coded. Files are written whole under a
temporary name and then renamed, so a reader never sees half a file. Each
article is written once: the writer skips the article ids the folder already
holds, so the same corpus written twice (or resumed) adds nothing.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError
from ..records import CodedArticle, Skip
from ..store.rows import batch_tables, skipped_table

log = logging.getLogger(__name__)

NO_DATE = "__HIVE_DEFAULT_PARTITION__"
TABLES = ("articles", "actors", "mentions", "events", "quotes")
RENAMED: tuple[tuple[str, str, str], ...] = (("events", "date", "event_date"),)
"""(table, store column, Parquet column): renamed because the ``date=`` folder hides them."""


def _key(article_id: str) -> bytes:
    """16 bytes of the id: enough to tell articles apart, small to keep by the million."""
    try:
        return bytes.fromhex(article_id[:32]) if len(article_id) >= 32 else article_id.encode()
    except ValueError:  # an id given by the input, not a sha256
        return article_id.encode()


def existing_ids(root: Path) -> list[str]:
    """The article ids already written under ``root``."""
    import pyarrow.dataset as ds
    folder = root / "articles"
    if not folder.is_dir():
        return []
    try:
        table = ds.dataset(folder, format="parquet", partitioning="hive").to_table(
            columns=["id"])
    except (OSError, pa.ArrowException) as exc:
        raise StoreError(f"{folder} holds files that are not wirecoder Parquet tables ({exc}): "
                         "choose another folder") from exc
    return table.column("id").to_pylist()


def date_folder(published: dt.date | None) -> str:
    return "date=" + (published.isoformat() if published else NO_DATE)


@dataclass
class ParquetWriter:
    """Buffers coded articles and writes them as Parquet files every ``flush_every``
    articles (and on ``close``). Use as a context manager; one writer per folder."""

    root: Path
    flush_every: int = 500
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    written: int = 0
    skipped: int = 0
    _buffer: list[CodedArticle] = field(default_factory=list)
    _skips: list[Skip] = field(default_factory=list)
    _seen: set[bytes] = field(default_factory=set)
    _files: int = 0

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the Parquet folder {self.root}: {exc} "
                             "(choose a folder you can write)") from exc
        self._seen.update(_key(i) for i in existing_ids(self.root))

    def __enter__(self) -> "ParquetWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, records: Iterable[CodedArticle | Skip]) -> list[CodedArticle]:
        """Buffer ``records`` (writing every ``flush_every`` articles); returns the
        coded articles taken, without those the folder already holds."""
        taken: list[CodedArticle] = []
        for record in records:
            if isinstance(record, Skip):
                self._skips.append(record)
                self.skipped += 1
                continue
            if self.holds(record.article.id):
                continue
            self._seen.add(_key(record.article.id))
            self._buffer.append(record)
            taken.append(record)
            if len(self._buffer) >= self.flush_every:
                self.flush()
        return taken

    def holds(self, article_id: str) -> bool:
        """Whether the article is written (or buffered) already."""
        return _key(article_id) in self._seen

    def flush(self) -> None:
        """Write what is buffered: one file per table and date."""
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        by_date: dict[str, list[CodedArticle]] = {}
        for coded in self._buffer:
            by_date.setdefault(date_folder(coded.article.published), []).append(coded)
        for folder, group in sorted(by_date.items()):
            for table, rows in batch_tables(group, now).items():
                if rows.num_rows:
                    renamed = {old: new for name, old, new in RENAMED if name == table}
                    if renamed:
                        rows = rows.rename_columns([renamed.get(c, c) for c in rows.column_names])
                    self._write(table, folder, rows)
        self.written += len(self._buffer)
        self._buffer.clear()
        if self._skips:
            self._write("skipped", None, skipped_table(self._skips, now))
            self._skips.clear()

    def close(self) -> None:
        self.flush()

    def _write(self, table: str, folder: str | None, rows: pa.Table) -> None:
        target = self.root / table / folder if folder else self.root / table
        self._files += 1
        path = target / f"part-{self.run_id}-{self._files:05d}.parquet"
        tmp = target / f".{path.name}.tmp"
        try:
            target.mkdir(parents=True, exist_ok=True)
            pq.write_table(rows, tmp)
            os.replace(tmp, path)
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc} (check the free space and the "
                             "permissions of the Parquet folder)") from exc
        log.debug("wrote %d rows to %s", rows.num_rows, path)


def write_parquet(records: Iterable[CodedArticle | Skip], root: Path | str, *,
                  flush_every: int = 500) -> ParquetWriter:
    """Write ``records`` under ``root``; returns the (closed) writer with its counts."""
    with ParquetWriter(Path(root), flush_every=flush_every) as writer:
        writer.write(records)
    return writer
