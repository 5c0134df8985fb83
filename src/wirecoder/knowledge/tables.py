"""Loaders: the tab-separated knowledge files of ``data/knowledge/`` into typed records."""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Iterator

from ..errors import KnowledgeError, output_error
from .records import Country, Group, Igo, Metonym, Person, Region, Role

log = logging.getLogger(__name__)

PEOPLE_COLUMNS = ("name", "aliases", "country", "sector", "role", "start", "end", "note")
ROLE_KINDS = ("strong", "weak", "generic", "modifier", "anaphor", "expert", "place", "body", "event", "facility", "leads", "venue",
              "igo_name", "honorific")
GROUP_COLUMNS = ("name", "aliases", "code", "kind", "start", "end", "note")
PEOPLES_COLUMNS = ("name", "aliases", "countries", "sector")


def table_rows(path: Path, required: tuple[str, ...], *, optional: bool = False) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a shipped knowledge table and of the user's additions beside it: ``roles.tsv``,
    then every ``roles.*.tsv`` of the same folder in name order (``roles.mine.tsv``), each with
    its own header line. A user extends a table with a file of their own, without editing or
    replacing the shipped one."""
    yield from read_rows(path, required, optional=optional)
    for extra in sorted(path.parent.glob(f"{path.stem}.*{path.suffix}")):
        yield from read_rows(extra, required)


def read_rows(path: Path, required: tuple[str, ...], *, optional: bool = False) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV file with a header line; ``#`` lines are comments.

    A missing ``optional`` file yields nothing (with a logged warning); a missing
    required file or a missing column raises :class:`KnowledgeError`.
    """
    if not path.exists():
        if optional:
            log.warning("knowledge file %s is missing: going on without it", path)
            return
        raise KnowledgeError(f"{path}: knowledge file missing (reinstall wirecoder, or restore the file)")
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{path}: not a UTF-8 text file (byte {exc.start}); a knowledge file is "
                             "tab-separated text with a header line") from None
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read it: {exc.strerror or exc}") from None
    lines = [(i, line) for i, line in enumerate(content.splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return
    header = lines[0][1].split("\t")
    missing = [c for c in required if c not in header]
    if missing:
        raise KnowledgeError(f"{path}: the header lacks the column(s) {', '.join(missing)} "
                             f"(expected: {chr(9).join(required)})")
    for lineno, line in lines[1:]:
        values = line.split("\t")
        row = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        yield lineno, row


def split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def parse_date(value: str | None, where: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise KnowledgeError(f"{where}: {value!r} is not a date: write YYYY-MM-DD") from None


def load_countries(path: Path) -> tuple[Country, ...]:
    return tuple(
        Country(row["code"].upper(), row["name"], split(row.get("aliases")), split(row.get("demonyms")),
                split(row.get("capitals")))
        for _, row in table_rows(path, ("code", "name", "aliases", "demonyms", "capitals"))
    )


def load_metonyms(path: Path) -> tuple[Metonym, ...]:
    return tuple(
        Metonym(row["name"], split(row.get("aliases")), row["country"].upper(), row.get("sector") or None,
                row.get("note") or None)
        for _, row in table_rows(path, ("name", "aliases", "country", "sector"))
    )


def load_igos(path: Path, spellings: dict[str, tuple[str, ...]] | None = None) -> tuple[Igo, ...]:
    igos = []
    for _, row in table_rows(path, ("name", "aliases", "note")):
        aliases = split(row.get("aliases"))
        aliases += respelled((row["name"], *aliases), spellings or {})
        igos.append(Igo(row["name"], aliases, row.get("note") or row["name"], row.get("sector") or None))
    return tuple(igos)


def load_spellings(path: Path) -> dict[str, tuple[str, ...]]:
    """spellings.tsv: each word (lowercase) -> its other spellings, both ways (written as in the
    file: a lowercase one takes the case of the name's word, "UN" or "U.N." stays as it is)."""
    out: dict[str, set[str]] = {}
    for _, row in table_rows(path, ("word", "variants"), optional=True):
        group = {row["word"], *split(row.get("variants"))}
        for w in group:
            out.setdefault(w.lower(), set()).update(v for v in group if v.lower() != w.lower())
    return {w: tuple(sorted(v)) for w, v in out.items()}


def respelled(names: tuple[str, ...], spellings: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The other spellings of ``names`` that are not among them ("World Food Program" for
    "World Food Programme"); each word that has variants is swapped, one at a time."""
    seen = {n.lower() for n in names}
    out: list[str] = []
    for name in names:
        words = name.split(" ")
        for k, w in enumerate(words):
            for v in spellings.get(w.lower(), ()):
                v = v[:1].upper() + v[1:] if w[:1].isupper() and v.islower() else v
                new = " ".join((*words[:k], v, *words[k + 1:]))
                if new.lower() not in seen:
                    seen.add(new.lower())
                    out.append(new)
    return tuple(out)


def load_regions(path: Path) -> tuple[Region, ...]:
    return tuple(
        Region(row["name"], split(row.get("aliases")), row["code"].upper(), split(row.get("demonyms")))
        for _, row in table_rows(path, ("name", "aliases", "code"))
    )


def load_roles(path: Path) -> tuple[Role, ...]:
    roles = []
    for lineno, row in table_rows(path, ("role", "sector", "kind", "person")):
        kind = row["kind"].lower()
        if kind not in ROLE_KINDS:
            raise KnowledgeError(f"{path}:{lineno}: kind {kind!r} must be one of {', '.join(ROLE_KINDS)}")
        roles.append(Role(row["role"].lower(), row["sector"].upper(), kind, row["person"].lower() == "yes"))
    return tuple(roles)


def load_places(path: Path) -> dict[str, str]:
    return {row["name"]: row["country"] for _, row in table_rows(path, ("name", "country"), optional=True)}


def load_shared_places(path: Path) -> dict[str, tuple[str, ...]]:
    """City names several countries share ("Tripoli": Libya and Lebanon), each with its countries."""
    return {row["name"]: tuple(c.strip().upper() for c in row["countries"].split("|") if c.strip())
            for _, row in table_rows(path, ("name", "countries"), optional=True)}


def load_people(path: Path, source: str = "builtin") -> tuple[Person, ...]:
    people = []
    for lineno, row in table_rows(path, PEOPLE_COLUMNS, optional=True):
        where = f"{path}:{lineno}"
        if not row["name"]:
            raise KnowledgeError(f"{where}: a person needs a name")
        people.append(Person(
            name=row["name"], aliases=split(row.get("aliases")),
            country=(row.get("country") or "").upper() or None,
            sector=(row.get("sector") or "").upper() or None, role=row.get("role") or None,
            start=parse_date(row.get("start"), where), end=parse_date(row.get("end"), where),
            note=row.get("note") or None, source=source))
    return tuple(people)


def load_groups(path: Path, source: str = "builtin",
                spellings: dict[str, tuple[str, ...]] | None = None) -> tuple[Group, ...]:
    groups = []
    for lineno, row in table_rows(path, GROUP_COLUMNS, optional=True):
        where = f"{path}:{lineno}"
        if not row["name"] or not row["code"]:
            raise KnowledgeError(f"{where}: a group needs a name and a code")
        aliases = split(row.get("aliases"))
        aliases += respelled((row["name"], *aliases), spellings or {})
        groups.append(Group(
            name=row["name"], aliases=aliases, code=row["code"].upper(),
            kind=row.get("kind") or "other", start=parse_date(row.get("start"), where),
            end=parse_date(row.get("end"), where), note=row.get("note") or None, source=source))
    return tuple(groups)


def load_peoples(path: Path) -> tuple[Group, ...]:
    """Peoples and ethnic groups (peoples.tsv) as groups of kind ``people``: "Uyghurs" CHNCVL,
    "Kurds" of several countries (the first gives the code; mentions take the place or story)."""
    peoples = []
    for lineno, row in table_rows(path, PEOPLES_COLUMNS, optional=True):
        countries = tuple(c.upper() for c in split(row.get("countries")))
        sector = (row.get("sector") or "CVL").upper()
        if not row["name"] or not countries:
            raise KnowledgeError(f"{path}:{lineno}: a people needs a name and at least one country")
        peoples.append(Group(name=row["name"], aliases=split(row.get("aliases")), code=countries[0] + sector,
                             kind="people", note=row.get("note") or None, homelands=countries))
    return tuple(peoples)


def clean_cell(value: str | None, separator: str = "") -> str:
    """A value made safe for one TSV cell: tabs, newlines, other control characters (and
    ``separator``, e.g. the alias separator ``|``) become spaces; runs of spaces one."""
    text = "".join(" " if c.isspace() or not c.isprintable() or (separator and c == separator) else c
                   for c in (value or ""))
    return " ".join(text.split())


def write_people(people: list[Person] | tuple[Person, ...], path: Path) -> None:
    """Write people in people.tsv format (every cell cleaned: the file loads back as written)."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("\t".join(PEOPLE_COLUMNS) + "\n")
            for p in people:
                aliases = [a for a in (clean_cell(a, "|") for a in p.aliases) if a]
                f.write("\t".join([clean_cell(p.name), "|".join(aliases), p.country or "", p.sector or "",
                                   clean_cell(p.role), p.start.isoformat() if p.start else "",
                                   p.end.isoformat() if p.end else "", clean_cell(p.note)]) + "\n")
    except OSError as exc:
        raise output_error(path, exc) from None
