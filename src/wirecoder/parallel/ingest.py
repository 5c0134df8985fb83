"""Ingest on a cluster: Dask codes, this process is the single writer.

:func:`cluster_producer` plugs a Dask cluster into the store's ingest
(:func:`wirecoder.store.ingest` takes a ``producer``: articles in, coded records
out); the store keeps writing each article exactly once. :func:`ingest` is the
one call behind ``wirecoder ingest ... [--cluster C] [--db FILE] [--parquet DIR]``:
it writes the store, Parquet tables, or both.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..errors import StoreError
from ..records import Article, CodedArticle, Skip
from ..settings import Settings
from ..store import IngestSummary, Producer, WriteResult, read_coded
from ..store import code_locally as store_code_locally
from ..store import ingest as store_ingest
from .parquet import ParquetWriter
from .run import as_items, code_on_cluster

if TYPE_CHECKING:
    from .cluster import ClusterSpec

log = logging.getLogger(__name__)


def cluster_producer(cluster: "str | ClusterSpec | object", *, settings: Settings | None = None,
                     partition_size: int = 8, max_in_flight: int | None = None,
                     retries: int = 2) -> Producer:
    """A store producer that codes on ``cluster`` (``local:N``, ``tcp://HOST:PORT``, a
    Client or a cluster object); records come back as partitions finish."""
    def produce(articles: Iterable[Article]) -> Iterator[CodedArticle | Skip]:
        return code_on_cluster(articles, cluster=cluster, settings=settings,
                               partition_size=partition_size, max_in_flight=max_in_flight,
                               retries=retries)
    return produce


def _teed(producer: Producer, writer: ParquetWriter) -> Producer:
    def produce(articles: Iterable[Article]) -> Iterator[CodedArticle | Skip]:
        for record in producer(articles):
            writer.write((record,))
            yield record
    return produce


def _result(batch: list[CodedArticle | Skip], new: list[CodedArticle], already: int) -> WriteResult:
    return WriteResult(stored=len(new), already_stored=already,
                       skipped=sum(isinstance(r, Skip) for r in batch),
                       actors=sum(len(c.actors) for c in new),
                       events=sum(len(c.events) for c in new),
                       quotes=sum(len(c.quotes) for c in new))


def ingest(sources: Iterable[str], db: Path | str | None = None, *,
           parquet: Path | str | None = None,
           cluster: "str | ClusterSpec | object | None" = None,
           settings: Settings | None = None, published: dt.date | None = None,
           batch_size: int = 64, partition_size: int = 8, max_in_flight: int | None = None,
           retries: int = 2, coded: bool = False,
           progress: Callable[[IngestSummary], None] | None = None, init: bool = False) -> IngestSummary:
    """Read ``sources``, code what is not written yet (on ``cluster``, or in this
    process when it is None) and write it to the store ``db`` and/or Parquet tables
    under ``parquet``. Each article is written once, however often it comes.
    ``coded=True``: the sources are wirecoder/1 JSON (Lines), written without coding.
    ``init=True``: the store may be a DuckDB file with other tables (see ``store.ingest``)."""
    if db is None and parquet is None:
        raise StoreError("nothing to write to: give a store file (--db) or a Parquet folder "
                         "(--parquet), or both")
    settings = settings or Settings()
    if isinstance(cluster, str):
        from .cluster import ClusterSpec
        cluster = ClusterSpec.parse(cluster)  # a bad spec fails before anything is opened
    if cluster is not None:
        producer = cluster_producer(cluster, settings=settings, partition_size=partition_size,
                                    max_in_flight=max_in_flight, retries=retries)
    else:
        producer = store_code_locally(settings)
    sources = list(sources)
    writer = ParquetWriter(Path(parquet)) if parquet is not None else None
    try:
        if db is not None:
            if writer is not None and not coded:
                producer = _teed(producer, writer)
            summary = store_ingest(sources, db, settings=settings, published=published,
                                   batch_size=batch_size, producer=producer, coded=coded,
                                   progress=progress, init=init)
            if writer is not None and coded:
                _to_parquet(sources, writer, producer, settings=settings, published=published,
                            batch_size=batch_size, coded=True, progress=None)
            return summary
        assert writer is not None
        return _to_parquet(sources, writer, producer, settings=settings, published=published,
                           batch_size=batch_size, coded=coded, progress=progress)
    finally:
        if writer is not None:
            writer.close()


def _to_parquet(sources: Iterable[str], writer: ParquetWriter, producer: Producer, *,
                settings: Settings, published: dt.date | None, batch_size: int, coded: bool,
                progress: Callable[[IngestSummary], None] | None) -> IngestSummary:
    start = time.monotonic()
    summary = IngestSummary(db=writer.root)
    already = 0  # articles found written before they were coded, not counted yet

    def seen(batch: list[CodedArticle | Skip]) -> None:
        nonlocal summary, already
        new = writer.write(batch)
        n_coded = sum(isinstance(r, CodedArticle) for r in batch)
        summary = summary.add(_result(batch, new, already + n_coded - len(new)),
                              time.monotonic() - start)
        already = 0
        if progress:
            progress(summary)

    def fresh() -> Iterator[Article]:
        """Articles not written yet; reader skips go straight to the writer."""
        nonlocal already
        for item in as_items(sources, settings, published):
            if isinstance(item, Skip):
                seen([item])
            elif writer.holds(item.id):
                already += 1
            else:
                yield item

    def precoded() -> Iterator[CodedArticle | Skip]:
        nonlocal already
        for record in read_coded(sources):
            if isinstance(record, CodedArticle) and writer.holds(record.article.id):
                already += 1
            else:
                yield record

    batch: list[CodedArticle | Skip] = []
    for record in (precoded() if coded else producer(fresh())):
        batch.append(record)
        if len(batch) >= batch_size:
            seen(batch)
            batch = []
    seen(batch)
    summary = replace(summary, seconds=time.monotonic() - start)
    log.info("ingest: %s", summary.line())
    return summary
