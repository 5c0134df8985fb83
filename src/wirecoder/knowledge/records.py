"""Typed records of the actor knowledge base (one per row of a knowledge file)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Where an entry came from; lookups prefer user files, then the built-in tables, then learning.
SOURCES = ("user", "builtin", "learned")


@dataclass(frozen=True, slots=True)
class Country:
    code: str                      # ISO 3166-1 alpha-3 (or KSV)
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Metonym:
    """A seat of power named for its government ("Kremlin" RUS GOV, "Pentagon" USA MIL)."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str | None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Igo:
    name: str
    aliases: tuple[str, ...]
    note: str                      # the body's short name (Actor.note)
    sector: str | None = None      # e.g. JUD for the ICC; None: just IGO


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    aliases: tuple[str, ...]
    code: str                      # CAMEO region code (WST, EUR, MEA...)
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    """A role word and the sector it gives (see data/knowledge/roles.tsv)."""

    role: str                      # lemma or phrase of lemmas, lowercase
    sector: str
    kind: str                      # strong | weak | generic | modifier | anaphor | expert | place | body | event
    person: bool                   # names one person ("president")

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.role.split())


@dataclass(frozen=True, slots=True)
class Person:
    """One term of one person in one office (people.tsv), or a user/learned entry."""

    name: str
    aliases: tuple[str, ...]
    country: str | None            # ISO alpha-3, IGO, or None
    sector: str | None
    role: str | None
    start: dt.date | None
    end: dt.date | None
    note: str | None = None
    source: str = "builtin"        # builtin | user | learned

    @property
    def code(self) -> str | None:
        if not self.country:
            return None
        if self.country == "IGO" or not self.sector or self.sector == self.country:
            return self.country
        return self.country + self.sector

    def active(self, date: dt.date | None) -> bool:
        """In office on ``date`` (undated articles may use any term)."""
        if date is None:
            return True
        if self.start and date < self.start:
            return False
        if self.end and date > self.end:
            return False
        return True


@dataclass(frozen=True, slots=True)
class Group:
    """A named organisation (groups.tsv): armed group, agency, legislature, party, media..."""

    name: str
    aliases: tuple[str, ...]
    code: str                      # full actor code: PSEREB, USALEG, NGO, QATMED
    kind: str
    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None
    source: str = "builtin"
    # kind "people" (peoples.tsv): a people or ethnic group; the countries it lives in. With
    # several, the code's country part is only the first: mentions take the place or the story's
    homelands: tuple[str, ...] = ()

    @property
    def one_homeland(self) -> bool:
        """A people of one country (Uyghurs: CHN), not of several (Kurds)."""
        return len(self.homelands) <= 1

    def active(self, date: dt.date | None) -> bool:
        if date is None:
            return True
        return not ((self.start and date < self.start) or (self.end and date > self.end))


@dataclass(frozen=True, slots=True)
class Learned:
    """An actor coded from a title in some article, remembered for later articles."""

    name: str
    code: str
    role: str | None
    first_seen: dt.date | None
    last_seen: dt.date | None
    count: int = 1


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """``RUSGOV`` -> (RUS, GOV); ``USA`` -> (USA, None); ``NGO``/``IGO`` -> (NGO, None)."""
    if not code:
        return None, None
    code = code.strip().upper()
    if len(code) <= 3:
        return code, None
    return code[:3], code[3:6] or None


def join_code(country: str | None, sector: str | None) -> str | None:
    if not country:
        return sector if sector in ("IGO", "NGO") else None
    if not sector or country in ("IGO", "NGO") or sector == country:
        return country
    return country + sector
