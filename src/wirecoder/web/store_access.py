"""The web layer's door to the store and the knowledge base.

Reads go through :class:`wirecoder.store.Store`'s read-only, short-lived
connections, which retry while ``wirecoder ingest`` holds the file for a write
(see docs/store.md, "Concurrency"); the server never keeps a connection open
between requests, so a writer in another process can always get in, and every
request sees what was committed before it started. External file access is
switched off on the dashboard's connections.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from ..knowledge import KnowledgeBase
from ..records import CodedArticle
from ..settings import Settings
from ..store import Store
from ..store.articles import article as stored_article
from ..store.store import READ_TIMEOUT


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
    people = knowledge.people if knowledge is not None else ()
    wanted = {n.casefold() for n in names}
    found = []
    for person in people:
        aliases = {person.name.casefold(), *(a.casefold() for a in person.aliases)}
        if aliases & wanted and (person.code == code or person.country == code):
            found.append(person)
    found.sort(key=lambda p: (p.start is None, p.start))
    return tuple(found)


def canonical_names(knowledge: KnowledgeBase | None) -> dict[str, str]:
    """The knowledge base's own name for each country code (``RUS``: Russia). Longer codes
    (``VENGOV``) stand for many people and bodies (a president, a ruling party...), so they
    have no canonical name: they keep the name the articles give them most often."""
    if knowledge is None:
        return {}
    names: dict[str, str] = {}
    for country in knowledge.countries:
        names.setdefault(country.code, country.name)
    return names
