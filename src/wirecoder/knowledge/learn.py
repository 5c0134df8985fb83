"""Learning from the corpus: people coded from a title are remembered for later articles.

The learned file (``Settings.learned_path``) is a TSV with one row a person:
``name  code  role  first_seen  last_seen  count``. A later article that names the
person bare is coded from it (``resolved_by`` "knowledge") when it was published within
a year of the sightings. Users can read, correct and export it with ``wirecoder actors``.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from pathlib import Path
from typing import Iterable

from ..errors import KnowledgeError, OutputError
from ..records import CodedArticle
from ..settings import Settings
from .names import name_key
from .records import Learned
from .tables import clean_cell, parse_date, read_rows

log = logging.getLogger(__name__)

COLUMNS = ("name", "code", "role", "first_seen", "last_seen", "count")
LEARN_FROM = ("title", "apposition")


def read_learned(path: Path | None) -> tuple[Learned, ...]:
    if path is None or not Path(path).exists():
        return ()
    out = []
    for lineno, row in read_rows(Path(path), COLUMNS[:2]):
        where = f"{path}:{lineno}"
        try:
            count = int(row.get("count") or 1)
        except ValueError:
            raise KnowledgeError(f"{where}: count {row.get('count')!r} is not a number") from None
        out.append(Learned(row["name"], row["code"].upper(), row.get("role") or None,
                           parse_date(row.get("first_seen"), where), parse_date(row.get("last_seen"), where),
                           count))
    return tuple(out)


def write_learned(learned: Iterable[Learned], path: Path) -> None:
    """Write the learned file atomically (a crash never leaves half a file)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".learned-", suffix=".tsv")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\t".join(COLUMNS) + "\n")
            for x in sorted(learned, key=lambda x: name_key(x.name)):
                f.write("\t".join([clean_cell(x.name), x.code, clean_cell(x.role),
                                   x.first_seen.isoformat() if x.first_seen else "",
                                   x.last_seen.isoformat() if x.last_seen else "", str(x.count)]) + "\n")
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(path, f"cannot write the learned-actors file: {exc.strerror or exc}",
                          "set WIRECODER_LEARNED to a file in a writable folder, or unset it") from None


def merge(known: dict[str, Learned], name: str, code: str, role: str | None, date: dt.date | None) -> None:
    """Add one sighting: the same code widens the dates; a different code replaces the entry
    when the sighting is newer (the person changed office)."""
    key = name_key(name)
    old = known.get(key)
    if old is None:
        known[key] = Learned(name, code, role, date, date, 1)
    elif old.code == code:
        first = min((d for d in (old.first_seen, date) if d), default=None)
        last = max((d for d in (old.last_seen, date) if d), default=None)
        known[key] = Learned(old.name, code, old.role or role, first, last, old.count + 1)
    elif date is None or old.last_seen is None or date >= old.last_seen:
        known[key] = Learned(name, code, role, date, date, 1)


def learn(coded_articles: Iterable[CodedArticle], settings: Settings) -> int:
    """Remember the people these articles coded from a title or apposition; returns how many
    sightings were recorded. Does nothing (returns 0) when ``settings.learned_path`` is None."""
    path = settings.learned_path
    if path is None:
        return 0
    known = {name_key(x.name): x for x in read_learned(path)}
    seen = 0
    for coded in coded_articles:
        date = coded.article.published
        for actor in coded.actors:
            if actor.kind != "person" or actor.resolved_by not in LEARN_FROM or not actor.code:
                continue
            if len(actor.name.split()) < 2:
                continue  # a full name only: surnames alone are too ambiguous to remember
            merge(known, actor.name, actor.code, actor.role, date)
            seen += 1
    write_learned(known.values(), path)
    log.info("learned %d sightings; %d people in %s", seen, len(known), path)
    return seen
