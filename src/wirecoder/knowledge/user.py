"""User knowledge files (YAML or CSV) that extend or override the built-in tables.

Each entry has a ``name`` and either a ``code`` (``VENOPP``) or ``country`` + ``sector``;
optional ``aliases`` (a list, or ``|``-separated), ``role``, ``kind`` (``person``, the
default, or a group kind: armed_group, agency, party, media, ngo, ...), ``start``, ``end``
(YYYY-MM-DD) and ``note``. A YAML file is a list of entries, or a mapping with ``people:``
and/or ``groups:`` lists. A CSV file has a header line with those column names.

    - name: Edmundo Gonzalez
      code: VENOPP
      role: opposition candidate
      start: 2024-01-01
    - name: Vente Venezuela
      code: VENOPP
      kind: party
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..errors import KnowledgeError
from .records import Group, Person, split_code

GROUP_KINDS = ("armed_group", "agency", "legislature", "court", "media", "ngo", "party", "company",
               "other", "group", "organisation", "organization", "people")


def load_user_file(path: Path, countries: frozenset[str] = frozenset()
                   ) -> tuple[tuple[Person, ...], tuple[Group, ...]]:
    """People and groups of one user file. ``countries``: the known country parts of a code
    (an entry with another one is refused); empty: not checked."""
    if not path.exists():
        raise KnowledgeError(f"{path}: knowledge file not found (check the --knowledge path)")
    suffix = path.suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            entries = _yaml_entries(yaml.safe_load(path.read_text(encoding="utf-8")), path)
        elif suffix in (".csv", ".tsv"):
            with open(path, encoding="utf-8", newline="") as f:
                entries = list(csv.DictReader(f, delimiter="\t" if suffix == ".tsv" else ","))
        else:
            raise KnowledgeError(f"{path}: a knowledge file must be .yaml, .yml, .csv or .tsv")
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML ({exc}); see docs/actors.md for the format") from None
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{path}: not a UTF-8 text file (byte {exc.start}); a knowledge file is "
                             "YAML, CSV or TSV text") from None
    people: list[Person] = []
    groups: list[Group] = []
    for n, entry in enumerate(entries, 1):
        record = entry_record(entry, f"{path} entry {n}", countries)
        (people if isinstance(record, Person) else groups).append(record)
    return tuple(people), tuple(groups)


def _yaml_entries(data: Any, path: Path) -> list[dict[str, Any]]:
    if data is None:
        return []
    if isinstance(data, dict):
        out: list[dict[str, Any]] = []
        for key in ("people", "groups", "actors"):
            for e in data.get(key) or []:
                e = dict(e)
                if key == "groups":
                    e.setdefault("kind", "group")
                out.append(e)
        if not out and "name" in data:
            out.append(data)
        return out
    if isinstance(data, list) and all(isinstance(e, dict) for e in data):
        return data
    raise KnowledgeError(f"{path}: expected a list of entries (name, code, ...); see docs/actors.md")


def _aliases(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        value = value.split("|")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise KnowledgeError(f"{where}: {value!r} is not a date: write YYYY-MM-DD") from None


def entry_record(entry: dict[str, Any], where: str, countries: frozenset[str] = frozenset()
                 ) -> Person | Group:
    """One user entry as a Person (kind person) or a Group. ``countries``: the known country
    parts of a code (``RUS``, ``IGO``, a region code); empty: not checked."""
    name = str(entry.get("name") or "").strip()
    if not name:
        raise KnowledgeError(f"{where}: every entry needs a name")
    code = str(entry.get("code") or "").strip().upper()
    country = str(entry.get("country") or "").strip().upper() or None
    sector = str(entry.get("sector") or "").strip().upper() or None
    if code:
        country, sector = split_code(code)
    if not country:
        raise KnowledgeError(f"{where} ({name}): give a code (e.g. VENOPP) or a country (ISO alpha-3)")
    if countries and country not in countries:
        raise KnowledgeError(f"{where} ({name}): {code or country!r} does not start with a known country "
                             "code: use an ISO alpha-3 code (`wirecoder actors list --kind country`), "
                             "a region code (`--kind region`), IGO or NGO")
    kind = str(entry.get("kind") or "person").strip().lower()
    kind = {"learned": "person", "igo": "other", "metonym": "other", "country": "other",
            "region": "other"}.get(kind, kind)  # rows of `wirecoder actors export`
    start, end = _date(entry.get("start"), where), _date(entry.get("end"), where)
    if start and end and end < start:
        raise KnowledgeError(f"{where} ({name}): end {end} is before start {start}")
    note = str(entry.get("note") or "") or None
    if kind == "person":
        return Person(name, _aliases(entry.get("aliases")), country, sector,
                      str(entry.get("role") or "") or None, start, end, note, source="user")
    if kind not in GROUP_KINDS:
        raise KnowledgeError(f"{where} ({name}): kind {kind!r} is not person or one of {', '.join(GROUP_KINDS)}")
    full = code or (country + (sector or "") if country not in ("IGO", "NGO") else country)
    return Group(name, _aliases(entry.get("aliases")), full, kind, start, end, note, source="user")


def load_user_files(paths: Iterable[Path], countries: frozenset[str] = frozenset()
                    ) -> tuple[tuple[Person, ...], tuple[Group, ...]]:
    people: list[Person] = []
    groups: list[Group] = []
    for path in paths:
        p, g = load_user_file(Path(path), countries)
        people.extend(p)
        groups.extend(g)
    return tuple(people), tuple(groups)
