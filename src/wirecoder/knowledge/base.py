"""The knowledge base: every table loaded once, with the lookups the actors stage needs."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterator, Mapping

from .names import fold, name_key, surname
from .records import Country, Group, Igo, Learned, Metonym, Person, Region, Role, join_code, split_code

LEARNED_WINDOW = dt.timedelta(days=365)
"""A learned title is trusted this long before its first and after its last sighting."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One name the actors stage looks for in the text, and what it names."""

    phrase: str
    kind: str   # country | demonym | capital | metonym | igo | region | region_demonym | person | group | learned
    target: Country | Metonym | Igo | Region | Person | Group | Learned


@dataclass(frozen=True, slots=True)
class PersonAt:
    """What the knowledge base says about a name on a date."""

    name: str
    code: str | None
    country: str | None
    sector: str | None
    role: str | None
    current: bool        # an office held on that date (False: a known person, no current office)
    source: str          # builtin | user | learned


def _freeze(d: dict) -> Mapping:
    return MappingProxyType({k: tuple(v) if isinstance(v, list) else v for k, v in d.items()})


@dataclass(frozen=True)
class KnowledgeBase:
    countries: tuple[Country, ...] = ()
    metonyms: tuple[Metonym, ...] = ()
    igos: tuple[Igo, ...] = ()
    regions: tuple[Region, ...] = ()
    roles: tuple[Role, ...] = ()
    people: tuple[Person, ...] = ()     # user entries first, then built-in
    groups: tuple[Group, ...] = ()      # user entries first, then built-in
    learned: tuple[Learned, ...] = ()
    places: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    _index: Mapping[str, Mapping] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    shared_places: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        by_code = {c.code: c for c in self.countries}
        people: dict[str, list[Person]] = {}
        surnames: dict[str, list[Person]] = {}
        for p in self.people:
            for n in (p.name, *p.aliases):
                people.setdefault(name_key(n), []).append(p)
            s = surname(p.name)
            if s:
                surnames.setdefault(name_key(s), []).append(p)
        groups: dict[str, list[Group]] = {}
        for g in self.groups:
            for n in (g.name, *g.aliases):
                groups.setdefault(name_key(n), []).append(g)
        learned = {name_key(x.name): x for x in self.learned}
        roles = {r.words: r for r in self.roles}
        places = {fold(k): v for k, v in self.places.items()}
        for c in self.countries:
            for n in (c.name, *c.aliases, *c.capitals):
                places[fold(n)] = c.code
        object.__setattr__(self, "_index", MappingProxyType({
            "country": MappingProxyType(by_code), "people": _freeze(people), "surnames": _freeze(surnames),
            "groups": _freeze(groups), "learned": MappingProxyType(learned), "roles": MappingProxyType(roles),
            "places": MappingProxyType(places),
            "shared_places": MappingProxyType({fold(k): v for k, v in self.shared_places.items()}),
        }))

    # --- countries, places, roles --------------------------------------------------------
    def country(self, code: str | None) -> Country | None:
        return self._index["country"].get(code or "")

    def country_name(self, code: str | None) -> str | None:
        c = self.country(code)
        return c.name if c else None

    def place_country(self, place: str | None) -> str | None:
        """The country of a place name (a country, capital or city of 100,000+)."""
        return self._index["places"].get(fold(place or "").strip()) if place else None

    def place_countries(self, place: str | None) -> tuple[str, ...]:
        """Every country with a place of that name, the usual reading first ("Tripoli": LBY, LBN)."""
        first = self.place_country(place)
        shared = self._index["shared_places"].get(fold(place or "").strip(), ()) if place else ()
        return tuple(dict.fromkeys(([first] if first else []) + list(shared)))

    def role(self, words: tuple[str, ...]) -> Role | None:
        return self._index["roles"].get(words)

    @property
    def longest_role(self) -> int:
        return max((len(w) for w in self._index["roles"]), default=1)

    # --- people, groups, learned ------------------------------------------------------------
    def people_named(self, name: str) -> tuple[Person, ...]:
        return self._index["people"].get(name_key(name), ())

    def surname_holders(self, name: str, date: dt.date | None) -> tuple[Person, ...]:
        """People with this surname holding an office on ``date`` (one per person name)."""
        found: dict[str, Person] = {}
        for p in self._index["surnames"].get(name_key(name), ()):
            if p.active(date):
                found.setdefault(name_key(p.name), p)
        return tuple(found.values())

    def former_holders(self, name: str, role: str, date: dt.date | None) -> tuple[Person, ...]:
        """People with this surname who held ``role`` (the whole role phrase, case-insensitive:
        "president", "secretary of state") in a term that ended before ``date`` (one per person)."""
        want = role.lower().split()
        found: dict[str, Person] = {}
        for p in self._index["surnames"].get(name_key(name), ()):
            if p.role and p.role.lower().split() == want and p.end is not None and (date is None or p.end <= date):
                found.setdefault(name_key(p.name), p)
        return tuple(found.values())

    def groups_named(self, name: str) -> tuple[Group, ...]:
        return self._index["groups"].get(name_key(name), ())

    def group_at(self, name: str, date: dt.date | None) -> Group | None:
        groups = self.groups_named(name)
        for g in groups:
            if g.active(date):
                return g
        return groups[0] if groups else None

    def learned_named(self, name: str) -> Learned | None:
        return self._index["learned"].get(name_key(name))

    def person_at(self, name: str, date: dt.date | None) -> PersonAt | None:
        """The office ``name`` held on ``date``; a known person without a current office gets
        their country only; learned titles count near the dates they were seen."""
        terms = self.people_named(name)
        for p in terms:
            if p.active(date):
                return PersonAt(p.name, p.code, p.country, p.sector, p.role, True, p.source)
        learned = self.learned_named(name)
        if learned is not None:
            country, sector = split_code(learned.code)
            if date is None or _within(date, learned):
                return PersonAt(learned.name, learned.code, country, sector, learned.role, True, "learned")
            if not terms:
                return PersonAt(learned.name, join_code(country, None), country, None, None, False, "learned")
        if terms:
            latest = max(terms, key=lambda p: p.start or dt.date.min)
            return PersonAt(latest.name, join_code(latest.country, None), latest.country, None, None, False,
                            latest.source)
        return None

    # --- what the matcher looks for --------------------------------------------------------
    def entries(self) -> Iterator[Entry]:
        for c in self.countries:
            for n in (c.name, *c.aliases):
                yield Entry(n, "country", c)
            for n in c.demonyms:
                yield Entry(n, "demonym", c)
            for n in c.capitals:
                yield Entry(n, "capital", c)
        for m in self.metonyms:
            for n in (m.name, *m.aliases):
                yield Entry(n, "metonym", m)
        for i in self.igos:
            for n in (i.name, *i.aliases):
                yield Entry(n, "igo", i)
        for r in self.regions:
            for n in (r.name, *r.aliases):
                yield Entry(n, "region", r)
            for n in r.demonyms:
                yield Entry(n, "region_demonym", r)
        for p in self.people:
            for n in (p.name, *p.aliases):
                yield Entry(n, "person", p)
        for g in self.groups:
            for n in (g.name, *g.aliases):
                yield Entry(n, "group", g)
        for x in self.learned:
            yield Entry(x.name, "learned", x)


def _within(date: dt.date, learned: Learned) -> bool:
    first = learned.first_seen or learned.last_seen
    last = learned.last_seen or learned.first_seen
    if first is None or last is None:
        return True
    return first - LEARNED_WINDOW <= date <= last + LEARNED_WINDOW
