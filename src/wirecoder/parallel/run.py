"""Coding a stream of articles on a Dask cluster, partition by partition.

The client reads the sources (``read_inputs``), cuts the stream into
partitions of at most ``partition_size`` items and keeps at most
``max_in_flight`` partitions on the cluster at once, so memory stays the same
however large the corpus. Each worker codes a partition with its own Coder
(:class:`~wirecoder.parallel.cluster.CoderPlugin`); the coded records come back
to the caller, the single writer.

Faults: Dask reruns a partition whose worker died, and retries one whose task
raised (``retries``). A partition that still fails is split into single
articles, so one bad article cannot take its neighbours down; an article that
still fails alone comes back as a :class:`~wirecoder.records.Skip` with the
reason. Nothing is dropped silently and each article comes back once.
"""
from __future__ import annotations

import collections
import datetime as dt
import itertools
import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from ..errors import ClusterError, InputError, WirecoderError
from ..records import Article, CodedArticle, Skip
from ..settings import Settings

if TYPE_CHECKING:
    from distributed import Client, Future
    from ..pipeline import Coder
    from .cluster import ClusterSpec

log = logging.getLogger(__name__)

Item = Article | Skip
Result = CodedArticle | Skip


@dataclass(frozen=True, slots=True)
class Partition:
    """A bounded slice of the input stream; ``index`` keeps the input order."""

    index: tuple[int, ...]
    items: tuple[Item, ...]


def partitions(items: Iterable[Item], size: int) -> Iterator[Partition]:
    """Cut ``items`` into partitions of at most ``size`` items, lazily."""
    if size < 1:
        raise ValueError("a partition holds at least one article")
    stream = iter(items)
    for n in itertools.count():
        chunk = tuple(itertools.islice(stream, size))
        if not chunk:
            return
        yield Partition((n,), chunk)


def as_items(sources: Iterable[str | Item], settings: Settings,
             published: dt.date | None = None) -> Iterator[Item]:
    """Articles and skips from ``sources``: input names (files, folders, globs, feeds,
    read on the client with :func:`wirecoder.read.read_inputs`) or records."""
    from ..read import read_inputs
    names: list[str] = []
    for source in sources:
        if isinstance(source, str):
            names.append(source)
            continue
        if names:
            yield from read_inputs(names, published=published, settings=settings)
            names = []
        if isinstance(source, Article) and published and not source.published:
            source = source.with_(published=published)
        yield source
    if names:
        yield from read_inputs(names, published=published, settings=settings)


def skip_for(article: Article, exc: BaseException) -> Skip:
    """The skip record of an article the coder refused or failed on."""
    if isinstance(exc, InputError):
        reason = exc.problem + (f" ({exc.hint})" if exc.hint else "")
    elif isinstance(exc, WirecoderError):
        reason = str(exc)
    else:
        reason = f"{type(exc).__name__}: {exc}"
    return Skip(article.source, reason)


def code_items(coder: "Coder", items: Sequence[Item]) -> tuple[Result, ...]:
    """Code the articles of a partition with one batched spaCy pass; skips pass
    through. An article the coder refuses (a WirecoderError) becomes a Skip and the
    rest are coded one by one; any other error propagates (the partition fails)."""
    results: list[Result | None] = [item if isinstance(item, Skip) else None for item in items]
    todo = [(i, item) for i, item in enumerate(items) if isinstance(item, Article)]
    done = 0
    try:
        for coded in coder.code_many(article for _, article in todo):
            results[todo[done][0]] = coded
            done += 1
    except WirecoderError:
        for i, article in todo[done:]:
            try:
                results[i] = coder.code(article)
            except WirecoderError as exc:
                results[i] = skip_for(article, exc)
    return tuple(r for r in results if r is not None)


def code_partition(items: tuple[Item, ...], plugin: str) -> tuple[Result, ...]:
    """The Dask task: code one partition with this worker's Coder."""
    from .cluster import borrowed_coder
    with borrowed_coder(plugin) as coder:
        return code_items(coder, items)


class _Runner:
    """Keeps at most ``limit`` partitions on the cluster and hands back results."""

    def __init__(self, client: "Client", plugin: str, retries: int) -> None:
        self.client = client
        self.plugin = plugin
        self.retries = retries
        self.run_id = uuid.uuid4().hex[:8]

    def submit(self, part: Partition) -> "Future":
        key = f"wirecoder-code-{self.run_id}-" + "-".join(map(str, part.index))
        return self.client.submit(code_partition, part.items, self.plugin, key=key,
                                  retries=self.retries, pure=False)

    def outcome(self, part: Partition, future: "Future") -> tuple[Result, ...] | list[Partition]:
        """The coded records, or the single-article partitions to try instead."""
        if future.status == "finished":
            return future.result()
        if future.status == "error":
            exc = future.exception()
        else:
            exc = ClusterError(f"the partition's task ended as {future.status!r} "
                               "(was the scheduler or client shut down?)")
        if len(part.items) > 1:
            log.warning("partition %s failed after %d retries (%s: %s); coding its %d "
                        "articles one by one", part.index, self.retries, type(exc).__name__,
                        exc, len(part.items))
            return [Partition(part.index + (i,), (item,)) for i, item in enumerate(part.items)]
        item = part.items[0]
        if isinstance(item, Skip):
            return (item,)
        log.error("article %s failed on the cluster: %s", item.source, exc)
        return (Skip(item.source, f"coding failed on the cluster, also when retried "
                                  f"{self.retries} times ({type(exc).__name__}: {exc})"),)


def run_partitions(client: "Client", plugin: str, parts: Iterable[Partition], *,
                   max_in_flight: int, retries: int, ordered: bool) -> Iterator[Result]:
    """Code ``parts`` on ``client``; results in input order when ``ordered``, else as
    partitions finish (faster when partitions take unequal time)."""
    runner = _Runner(client, plugin, retries)
    source = iter(parts)
    limit = max(1, max_in_flight)
    if ordered:
        yield from _ordered(runner, source, limit)
    else:
        yield from _unordered(runner, source, limit)


def _ordered(runner: _Runner, source: Iterator[Partition], limit: int) -> Iterator[Result]:
    from distributed import wait
    pending: collections.deque[tuple[Partition, "Future"]] = collections.deque()

    def refill() -> None:
        while len(pending) < limit:
            part = next(source, None)
            if part is None:
                return
            pending.append((part, runner.submit(part)))

    refill()
    while pending:
        part, future = pending.popleft()
        wait(future)
        result = runner.outcome(part, future)
        del future
        if isinstance(result, list):
            for sub in reversed(result):
                pending.appendleft((sub, runner.submit(sub)))
        else:
            yield from result
            refill()


def _unordered(runner: _Runner, source: Iterator[Partition], limit: int) -> Iterator[Result]:
    from distributed import as_completed
    waiting: dict[str, Partition] = {}
    done = as_completed()

    def add(part: Partition) -> None:
        future = runner.submit(part)
        waiting[future.key] = part
        done.add(future)

    for part in itertools.islice(source, limit):
        add(part)
    for future in done:
        part = waiting.pop(future.key)
        result = runner.outcome(part, future)
        if isinstance(result, list):
            for sub in result:
                add(sub)
            continue
        yield from result
        if len(waiting) < limit:
            nxt = next(source, None)
            if nxt is not None:
                add(nxt)


def code_on_cluster(sources: Iterable[str | Item], *, cluster: "str | ClusterSpec | Client | object",
                    settings: Settings | None = None, published: dt.date | None = None,
                    partition_size: int = 8, max_in_flight: int | None = None,
                    retries: int = 2, ordered: bool = False) -> Iterator[Result]:
    """Code ``sources`` on a Dask cluster; yields one CodedArticle or Skip per input article.

    ``sources``: input names (read on the client) and/or Article/Skip records.
    ``cluster``: ``local:N``, ``tcp://HOST:PORT``, a Client or a cluster object.
    ``max_in_flight``: partitions on the cluster at once (default: twice the worker
    threads). ``ordered``: results in input order (else as they finish).
    """
    from .cluster import connect
    settings = settings or Settings()
    items = as_items(sources, settings, published)
    with connect(cluster, settings) as (client, plugin):
        limit = max_in_flight or 2 * max(1, sum(client.nthreads().values()))
        log.info("coding on %d worker threads, %d partitions of %d articles in flight",
                 sum(client.nthreads().values()), limit, partition_size)
        yield from run_partitions(client, plugin, partitions(items, partition_size),
                                  max_in_flight=limit, retries=retries, ordered=ordered)
