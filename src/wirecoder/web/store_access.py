"""The web layer's door to the store and the knowledge base.

Reads go through :class:`wirecoder.store.Store`'s read-only, short-lived
connections, which retry while ``wirecoder ingest`` holds the file for a write
(see docs/store.md, "Concurrency"); the server never keeps a connection open
between requests, so a writer in another process can always get in, and every
request sees what was committed before it started. External file access is
switched off on the dashboard's connections.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, Iterable, Iterator

import duckdb

from ..errors import StoreError
from ..knowledge import KnowledgeBase
from ..records import CodedArticle
from ..settings import Settings
from ..store import Store
from ..store.articles import article as stored_article
from ..store.store import READ_TIMEOUT


@contextlib.contextmanager
def reading(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for one request's queries (retried while a writer holds the file)."""
    with store(db).reading() as con:
        try:
            yield con
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the store {db}: {exc} (is it a store written by this "
                             f"wirecoder version? `wirecoder ingest SOURCE --db {db}` creates one)") from exc


def write(db: Path, coded: CodedArticle, settings: Settings) -> bool:
    """Store one coded article (exactly once). True when it was new."""
    result = Store.open(db, settings=settings).write([coded])
    return result.stored == 1


def store(db: Path) -> Store:
    """A read-only handle for the store's own query functions (no file access from SQL)."""
    return Store(Path(db), read_only=True, timeout=READ_TIMEOUT, files=False)


def article(db: Path, article_id: str) -> CodedArticle | None:
    """One stored article with all its coding (the store's ``articles.article``)."""
    return stored_article(store(db), article_id)


def offices(knowledge: KnowledgeBase | None, names: Iterable[str], code: str) -> tuple[Any, ...]:
    """Terms in office (from the actor knowledge base) of the people named ``names`` coded ``code``."""
    people = getattr(knowledge, "people", None) or ()
    wanted = {n.casefold() for n in names}
    found = []
    for person in people:
        aliases = {person.name.casefold(), *(a.casefold() for a in person.aliases)}
        if aliases & wanted and (person.code == code or person.country == code):
            found.append(person)
    found.sort(key=lambda p: (p.start is None, p.start))
    return tuple(found)
