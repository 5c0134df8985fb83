"""What the knowledge base knows about actors, as one flat list (for ``wirecoder actors``).

Every person, group, learned actor, international body, metonym, country and region
becomes a :class:`CatalogEntry`; :func:`export` writes them as CSV or YAML, in the format
user knowledge files are read in, so an exported file can be corrected and passed back
with ``--knowledge``.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import asdict, dataclass

import yaml

from .base import KnowledgeBase, PersonAt
from .names import fold, name_key
from .records import join_code

COLUMNS = ("name", "aliases", "code", "kind", "role", "start", "end", "source", "note")


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    name: str
    aliases: tuple[str, ...]
    code: str | None
    kind: str                 # person | group kind | learned | igo | metonym | country | region
    role: str | None
    start: dt.date | None
    end: dt.date | None
    source: str               # builtin | user | learned
    note: str | None = None

    def row(self) -> dict[str, str]:
        d = asdict(self)
        d["aliases"] = "|".join(self.aliases)
        d["start"] = self.start.isoformat() if self.start else ""
        d["end"] = self.end.isoformat() if self.end else ""
        return {k: "" if d[k] is None else str(d[k]) for k in COLUMNS}


def catalog(kb: KnowledgeBase, *, sources: tuple[str, ...] = ("builtin", "user", "learned"),
            kinds: tuple[str, ...] = ()) -> tuple[CatalogEntry, ...]:
    """Every actor the knowledge base knows (user entries first, as lookups prefer them)."""
    out: list[CatalogEntry] = []
    for p in kb.people:
        out.append(CatalogEntry(p.name, p.aliases, p.code, "person", p.role, p.start, p.end, p.source, p.note))
    for g in kb.groups:
        out.append(CatalogEntry(g.name, g.aliases, g.code, g.kind, None, g.start, g.end, g.source, g.note))
    for x in kb.learned:
        out.append(CatalogEntry(x.name, (), x.code, "learned", x.role, x.first_seen, x.last_seen, "learned",
                                f"seen {x.count} times"))
    for i in kb.igos:
        out.append(CatalogEntry(i.name, i.aliases, "IGO", "igo", None, None, None, "builtin", i.note))
    for m in kb.metonyms:
        out.append(CatalogEntry(m.name, m.aliases, join_code(m.country, m.sector), "metonym", None, None, None,
                                "builtin", m.note))
    for c in kb.countries:
        out.append(CatalogEntry(c.name, c.aliases + c.demonyms, c.code, "country", None, None, None, "builtin"))
        for cap in c.capitals:
            out.append(CatalogEntry(cap, (), join_code(c.code, "GOV"), "metonym", "capital", None, None, "builtin"))
    for r in kb.regions:
        out.append(CatalogEntry(r.name, r.aliases + r.demonyms, r.code, "region", None, None, None, "builtin"))
    return tuple(e for e in out if e.source in sources and (not kinds or e.kind in kinds))


def find(entries: tuple[CatalogEntry, ...], name: str) -> tuple[CatalogEntry, ...]:
    """Entries named ``name`` or with it as an alias or surname (case/diacritics ignored)."""
    key = name_key(name)
    out = []
    for e in entries:
        names = [name_key(n) for n in (e.name, *e.aliases)]
        if key in names or (e.kind == "person" and fold(e.name).split()[-1:] == [key]):
            out.append(e)
    return tuple(out)


def coded_on(kb: KnowledgeBase, name: str, date: dt.date | None) -> PersonAt | None:
    """What an article of ``date`` naming this person bare is coded as."""
    return kb.person_at(name, date)


def export(entries: tuple[CatalogEntry, ...], fmt: str = "csv") -> str:
    """The entries as CSV (header ``COLUMNS``) or YAML (a list of mappings)."""
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for e in entries:
            w.writerow(e.row())
        return buf.getvalue()
    if fmt == "yaml":
        rows = []
        for e in entries:
            d = {k: v for k, v in e.row().items() if v}
            if e.aliases:
                d["aliases"] = list(e.aliases)
            rows.append(d)
        return yaml.safe_dump(rows, sort_keys=False, allow_unicode=True)
    raise ValueError(f"unknown export format {fmt!r}: use csv or yaml")
