"""Import people in office from a Wikidata JSON dump into people.tsv format.

The dump (``latest-all.json[.bz2|.gz]`` or any extract in the same shape) is one JSON
array with one entity a line, each line ending with a comma. Two streaming passes:

1. keep humans (P31 = Q5) that held positions (P39), with the start (P580) and end (P582)
   qualifiers of each, and their citizenship (P27);
2. read the labels of those positions and the ISO alpha-3 code (P298) of the countries,
   including a position's jurisdiction (P1001) or country (P17).

Positions map to sectors through ``data/knowledge/positions.tsv`` (keyword -> sector,
longest keyword first); positions with no keyword are left out.
"""
from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
import logging
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from ..errors import KnowledgeError
from .names import fold
from .records import Person
from .tables import read_rows

log = logging.getLogger(__name__)

HUMAN = "Q5"


@dataclass(frozen=True, slots=True)
class Held:
    position: str                 # Q-id
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class Human:
    qid: str
    name: str
    aliases: tuple[str, ...]
    citizenship: tuple[str, ...]  # Q-ids
    held: tuple[Held, ...]


def open_dump(path: Path) -> IO[str]:
    """A text stream over a plain, .gz or .bz2 dump."""
    path = Path(path)
    if not path.exists():
        raise KnowledgeError(f"{path}: no such Wikidata dump (download latest-all.json.bz2 from dumps.wikimedia.org)")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def entities(path: Path) -> Iterator[dict]:
    """The entities of a dump, one at a time (a bad line is logged and skipped; a file that
    is not text, or a compressed dump that is corrupt or cut short, is a KnowledgeError)."""
    lineno = 0
    try:
        with open_dump(path) as f:
            for lineno, line in enumerate(f, 1):
                line = line.strip().rstrip(",")
                if not line or line in ("[", "]"):
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    log.warning("%s:%d: not a JSON entity, skipped", path, lineno)
    except UnicodeDecodeError:
        raise KnowledgeError(f"{path}: not a Wikidata JSON dump (line {lineno + 1} is not UTF-8 text); "
                             "give latest-all.json, .json.gz or .json.bz2") from None
    except (EOFError, OSError, zlib.error) as exc:
        raise KnowledgeError(f"{path}: the dump is corrupt or cut short after line {lineno} "
                             f"({str(exc) or type(exc).__name__}); download it again") from None


def _ids(entity: dict, prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, ()):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "id" in value:
            out.append(value["id"])
    return out


def _string(entity: dict, prop: str) -> str | None:
    for claim in entity.get("claims", {}).get(prop, ()):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, str):
            return value
    return None


def wikidata_date(qualifiers: dict, prop: str) -> dt.date | None:
    """A qualifier's time as a date ("+2021-01-26T00:00:00Z"; month/year precision -> the 1st)."""
    for q in qualifiers.get(prop, ()):
        value = q.get("datavalue", {}).get("value")
        if not isinstance(value, dict) or "time" not in value:
            continue
        t = value["time"].lstrip("+")
        if t.startswith("-"):
            return None
        year, month, day = t[:10].split("-")
        precision = value.get("precision", 11)
        month = month if precision >= 10 and month != "00" else "01"
        day = day if precision >= 11 and day != "00" else "01"
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
    return None


def _label(entity: dict, lang: str = "en") -> str | None:
    return entity.get("labels", {}).get(lang, {}).get("value")


def human(entity: dict) -> Human | None:
    """A human with positions held, or None."""
    if HUMAN not in _ids(entity, "P31"):
        return None
    name = _label(entity)
    if not name:
        return None
    held = []
    for claim in entity.get("claims", {}).get("P39", ()):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if not isinstance(value, dict) or "id" not in value:
            continue
        quals = claim.get("qualifiers", {})
        held.append(Held(value["id"], wikidata_date(quals, "P580"), wikidata_date(quals, "P582")))
    if not held:
        return None
    aliases = tuple(a["value"] for a in entity.get("aliases", {}).get("en", ()) if a.get("value"))
    return Human(entity["id"], name, aliases, tuple(_ids(entity, "P27")), tuple(held))


def load_positions(path: Path) -> tuple[tuple[str, str], ...]:
    """(keyword, sector) pairs, longest keyword first."""
    pairs = [(fold(row["keyword"]), row["sector"].upper()) for _, row in read_rows(path, ("keyword", "sector"))]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def sector_of(position: str, keywords: tuple[tuple[str, str], ...]) -> str | None:
    label = f" {fold(position)} "
    for keyword, sector in keywords:
        if f" {keyword} " in label or (keyword.endswith("-") and keyword in label):
            return sector
    return None


def import_wikidata(path: Path, positions_path: Path, since: dt.date | None = None) -> list[Person]:
    """People in office from the dump, one Person per position held (people.tsv rows).
    ``since``: drop terms that ended before this date."""
    keywords = load_positions(positions_path)
    humans = [h for h in (human(e) for e in entities(path)) if h is not None]
    wanted = {x.position for h in humans for x in h.held} | {c for h in humans for c in h.citizenship}
    labels: dict[str, str] = {}
    iso: dict[str, str] = {}
    jurisdiction: dict[str, str] = {}
    for e in entities(path):
        qid = e.get("id")
        if qid not in wanted:
            continue
        labels[qid] = _label(e) or qid
        code = _string(e, "P298")
        if code:
            iso[qid] = code.upper()
        places = _ids(e, "P1001") + _ids(e, "P17")
        if places:
            jurisdiction[qid] = places[0]
    # a jurisdiction's ISO code may sit in an entity we did not want in pass 2: one more look
    missing = {j for j in jurisdiction.values() if j not in iso}
    if missing:
        for e in entities(path):
            if e.get("id") in missing and _string(e, "P298"):
                iso[e["id"]] = _string(e, "P298").upper()  # type: ignore[union-attr]
    people = []
    inverted = 0
    for h in humans:
        citizen = next((iso[c] for c in h.citizenship if c in iso), None)
        for x in h.held:
            label = labels.get(x.position)
            if not label:
                continue
            sector = sector_of(label, keywords)
            if sector is None:
                continue
            if since and x.end and x.end < since:
                continue
            if x.start and x.end and x.end < x.start:
                inverted += 1
                continue
            country = iso.get(jurisdiction.get(x.position, ""), citizen)
            if sector == "IGO":
                country = "IGO"
            if not country:
                continue
            people.append(Person(h.name, h.aliases, country, sector, label, x.start, x.end,
                                 f"wikidata:{h.qid}", source="builtin"))
    if inverted:
        log.warning("%s: %d office terms end before they start: left out", path, inverted)
    log.info("wikidata: %d humans with positions, %d office terms kept", len(humans), len(people))
    return people
