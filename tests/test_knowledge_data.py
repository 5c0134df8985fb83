"""Checks of the hand-written actor knowledge: people in office and named organisations.

The files are data (src/wirecoder/data/knowledge/people.tsv, groups.tsv); these tests read them
with the csv module only, so they do not depend on the knowledge loader.
"""
from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import pycountry
import pytest

import wirecoder

KNOWLEDGE = Path(wirecoder.__file__).resolve().parent / "data" / "knowledge"
PEOPLE_HEADER = ("name", "aliases", "country", "sector", "role", "start", "end", "note")
GROUPS_HEADER = ("name", "aliases", "code", "kind", "start", "end", "note")
# Sector parts of an actor code (event-data.md, "Actor codes").
SECTORS = frozenset({"GOV", "MIL", "OPP", "REB", "LEG", "JUD", "POL", "BUS", "MED", "CVL", "ELI",
                     "NGO", "IGO", "REF", "LAB", "EDU", "HLH", "REL"})
NON_ISO_COUNTRIES = frozenset({"IGO", "NGO", "PSE", "XKX"})
KINDS = frozenset({"armed_group", "agency", "legislature", "court", "media", "ngo", "party",
                   "company", "other"})
FAR_FUTURE = dt.date(9999, 12, 31)


class Row(NamedTuple):
    line: int
    fields: dict[str, str]


def _read(name: str) -> tuple[tuple[str, ...], tuple[tuple[int, list[str]], ...]]:
    """The header and the numbered rows of a knowledge file."""
    with open(KNOWLEDGE / name, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        lines = [(n, cells) for n, cells in enumerate(reader, 1) if cells]
    return tuple(lines[0][1]), tuple(lines[1:])


def _rows(name: str, header: tuple[str, ...]) -> tuple[Row, ...]:
    _, lines = _read(name)
    return tuple(Row(n, dict(zip(header, cells))) for n, cells in lines)


PEOPLE = _rows("people.tsv", PEOPLE_HEADER)
GROUPS = _rows("groups.tsv", GROUPS_HEADER)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _valid_country(code: str) -> bool:
    return code in NON_ISO_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _names(row: Row) -> set[str]:
    aliases = [a for a in row.fields["aliases"].split("|") if a]
    return {_fold(n) for n in [row.fields["name"], *aliases]}


def _in_office(name: str, on: dt.date) -> list[Row]:
    """People rows naming `name` (any spelling) whose term covers `on` (end exclusive)."""
    key = _fold(name)
    return [r for r in PEOPLE if key in _names(r) and _date(r.fields["start"]) <= on
            < (_date(r.fields["end"]) if r.fields["end"] else FAR_FUTURE)]


def _groups_named(name: str, on: dt.date) -> list[Row]:
    key = _fold(name)
    return [r for r in GROUPS if key in _names(r)
            and (not r.fields["start"] or _date(r.fields["start"]) <= on)
            and (not r.fields["end"] or on < _date(r.fields["end"]))]


# --- shape --------------------------------------------------------------------------------------

@pytest.mark.parametrize("filename, header", [("people.tsv", PEOPLE_HEADER),
                                              ("groups.tsv", GROUPS_HEADER)])
def test_header_is_exact(filename, header):
    assert _read(filename)[0] == header


@pytest.mark.parametrize("filename, header", [("people.tsv", PEOPLE_HEADER),
                                              ("groups.tsv", GROUPS_HEADER)])
def test_every_row_has_every_column(filename, header):
    bad = [n for n, cells in _read(filename)[1] if len(cells) != len(header)]
    assert bad == []


@pytest.mark.parametrize("filename, header", [("people.tsv", PEOPLE_HEADER),
                                              ("groups.tsv", GROUPS_HEADER)])
def test_no_stray_whitespace_or_empty_aliases(filename, header):
    bad = [n for n, cells in _read(filename)[1]
           if any(c != c.strip() for c in cells)
           or (cells[1] and any(a != a.strip() or not a for a in cells[1].split("|")))]
    assert bad == []


@pytest.mark.parametrize("rows, minimum", [(PEOPLE, 1200), (GROUPS, 250)])
def test_coverage_is_substantial(rows, minimum):
    assert len(rows) >= minimum


# --- people.tsv ---------------------------------------------------------------------------------

def test_people_countries_are_iso_alpha3():
    assert [(r.line, r.fields["country"]) for r in PEOPLE if not _valid_country(r.fields["country"])] == []


def test_people_sectors_are_known():
    assert [(r.line, r.fields["sector"]) for r in PEOPLE if r.fields["sector"] not in SECTORS] == []


def test_people_heads_of_international_bodies_name_the_body():
    bad = [r.line for r in PEOPLE if r.fields["country"] == "IGO"
           and (r.fields["sector"] != "IGO" or not r.fields["note"])]
    assert bad == []


def test_people_have_name_role_and_dates_in_order():
    bad = []
    for r in PEOPLE:
        f = r.fields
        try:
            start = _date(f["start"])
            end = _date(f["end"]) if f["end"] else None
        except ValueError:
            bad.append((r.line, "date"))
            continue
        if not f["name"] or not f["role"]:
            bad.append((r.line, "name/role"))
        if end is not None and end < start:
            bad.append((r.line, "end before start"))
        if start < dt.date(1940, 1, 1) or (end and end > dt.date(2026, 12, 31)):
            bad.append((r.line, "implausible date"))
    assert bad == []


def test_no_overlapping_terms_for_the_same_person_and_role():
    terms = defaultdict(list)
    for r in PEOPLE:
        f = r.fields
        terms[(_fold(f["name"]), f["country"], f["role"].casefold())].append(
            (_date(f["start"]), _date(f["end"]) if f["end"] else FAR_FUTURE, r.line))
    overlaps = []
    for spans in terms.values():
        spans.sort()
        for (s1, e1, l1), (s2, e2, l2) in zip(spans, spans[1:]):
            if s2 < e1:
                overlaps.append((l1, l2))
    assert overlaps == []


def test_no_bare_surname_aliases():
    bad = [(r.line, a) for r in PEOPLE for a in r.fields["aliases"].split("|")
           if a and len(r.fields["name"].split()) > 1 and a == r.fields["name"].split()[-1]]
    assert bad == []


def test_one_spelling_for_one_person():
    """Rows of the same name carry the same aliases, so the loader sees one person."""
    seen: dict[tuple[str, str], str] = {}
    bad = []
    for r in PEOPLE:
        key = (r.fields["name"], r.fields["country"])
        if seen.setdefault(key, r.fields["aliases"]) != r.fields["aliases"]:
            bad.append(r.line)
    assert bad == []


# Spot facts: (name as the press writes it, date) -> (country, sector, role) of the office held,
# or None when the person held no office listed here on that day.
OFFICE_FACTS = [
    ("Antony Blinken", "2024-07-29", ("USA", "GOV", "Secretary of State")),
    ("Antony Blinken", "2026-03-01", None),
    ("Antony Blinken", "2021-01-25", None),
    ("Vladimir Putin", "2012-05-07", ("RUS", "GOV", "President")),
    ("Vladimir Putin", "2010-06-01", ("RUS", "GOV", "Prime Minister")),
    ("Vladimir Putin", "2024-07-29", ("RUS", "GOV", "President")),
    ("Nicolas Maduro", "2013-04-19", ("VEN", "GOV", "President")),
    ("Nicolás Maduro", "2024-07-29", ("VEN", "GOV", "President")),
    ("Dmitry Peskov", "2024-07-29", ("RUS", "GOV", "Spokesperson")),
    ("Edmundo Gonzalez", "2024-07-29", ("VEN", "OPP", "Opposition Leader")),
    ("Maria Zakharova", "2022-03-01", ("RUS", "GOV", "Foreign Ministry Spokesperson")),
    ("Alexei Navalny", "2024-03-01", None),
    ("Alexei Navalny", "2021-01-17", ("RUS", "OPP", "Opposition Leader")),
    ("Donald Trump", "2019-11-25", ("USA", "GOV", "President")),
    ("Donald Trump", "2023-06-01", None),
    ("Joe Biden", "2021-05-22", ("USA", "GOV", "President")),
    ("Marco Rubio", "2025-03-13", ("USA", "GOV", "Secretary of State")),
    ("Recep Tayyip Erdogan", "2019-11-25", ("TUR", "GOV", "President")),
    ("Recep Tayyip Erdoğan", "2010-01-01", ("TUR", "GOV", "Prime Minister")),
    ("Hulusi Akar", "2019-11-25", ("TUR", "GOV", "Defence Minister")),
    ("Volodymyr Zelenskyy", "2025-03-13", ("UKR", "GOV", "President")),
    ("Volodymyr Zelensky", "2022-02-24", ("UKR", "GOV", "President")),
    ("Kim Jong Un", "2019-12-18", ("PRK", "GOV", "Supreme Leader")),
    ("Melanie Joly", "2025-03-13", ("CAN", "GOV", "Foreign Minister")),
    ("Takeshi Iwaya", "2025-03-13", ("JPN", "GOV", "Foreign Minister")),
    ("Kaja Kallas", "2025-03-13", ("IGO", "IGO", "High Representative")),
    ("Kaja Kallas", "2022-01-01", ("EST", "GOV", "Prime Minister")),
    ("Geir Pedersen", "2025-03-14", ("IGO", "IGO", "Special Envoy for Syria")),
    ("Bashar al-Assad", "2020-01-01", ("SYR", "GOV", "President")),
    ("Bashar al-Assad", "2025-03-14", None),
    ("Abu Mohammed al-Jolani", "2020-01-01", ("SYR", "REB", "Rebel Leader")),
    ("Ahmed al-Sharaa", "2025-03-14", ("SYR", "GOV", "President")),
    ("Muhammadu Buhari", "2021-03-02", ("NGA", "GOV", "President")),
    ("Ali Khamenei", "2024-01-01", ("IRN", "GOV", "Supreme Leader")),
    ("Yahya Sinwar", "2023-10-07", ("PSE", "REB", "Hamas Leader in Gaza")),
    ("Hassan Nasrallah", "2024-10-01", None),
    ("Antonio Guterres", "2020-01-01", ("IGO", "IGO", "Secretary-General")),
    ("Jens Stoltenberg", "2020-01-01", ("IGO", "IGO", "Secretary General")),
    ("Ursula von der Leyen", "2018-01-01", ("DEU", "GOV", "Defence Minister")),
    ("Lula", "2024-01-01", ("BRA", "GOV", "President")),
    ("Lula", "2015-01-01", None),
    ("MBS", "2023-01-01", ("SAU", "GOV", "Crown Prince")),
    ("Mao Ning", "2024-07-29", ("CHN", "GOV", "Foreign Ministry Spokesperson")),
    ("Benjamin Netanyahu", "2021-12-01", ("ISR", "OPP", "Opposition Leader")),
    ("Benjamin Netanyahu", "2024-01-01", ("ISR", "GOV", "Prime Minister")),
    ("Yoav Gallant", "2024-01-01", ("ISR", "GOV", "Defence Minister")),
]


@pytest.mark.parametrize("name, on, expected", OFFICE_FACTS)
def test_office_held_on_a_date(name, on, expected):
    held = {(r.fields["country"], r.fields["sector"], r.fields["role"])
            for r in _in_office(name, _date(on))}
    if expected is None:
        assert held == set()
    else:
        assert expected in held


# Exact terms the brief names.
EXACT_TERMS = [
    ("Antony Blinken", "Secretary of State", "2021-01-26", "2025-01-20"),
    ("Vladimir Putin", "President", "2012-05-07", ""),
    ("Nicolas Maduro", "President", "2013-04-19", ""),
    ("Alexei Navalny", "Opposition Leader", None, "2024-02-16"),
    ("Abu Mohammed al-Jolani", "Rebel Leader", None, "2024-12-08"),
]


@pytest.mark.parametrize("name, role, start, end", EXACT_TERMS)
def test_exact_terms(name, role, start, end):
    terms = {(r.fields["start"], r.fields["end"]) for r in PEOPLE
             if r.fields["name"] == name and r.fields["role"] == role}
    assert any((start is None or s == start) and e == end for s, e in terms), terms


# --- groups.tsv ---------------------------------------------------------------------------------

def _code_ok(code: str) -> bool:
    if len(code) == 3:
        return _valid_country(code)
    return len(code) == 6 and _valid_country(code[:3]) and code[3:] in SECTORS


def test_group_codes_are_country_plus_sector():
    assert [(r.line, r.fields["code"]) for r in GROUPS if not _code_ok(r.fields["code"])] == []


def test_groups_are_not_international_bodies():
    assert [r.line for r in GROUPS if r.fields["code"].startswith("IGO")] == []


def test_group_kinds_are_known():
    assert [(r.line, r.fields["kind"]) for r in GROUPS if r.fields["kind"] not in KINDS] == []


def test_group_dates_parse_and_are_in_order():
    bad = []
    for r in GROUPS:
        try:
            start = _date(r.fields["start"]) if r.fields["start"] else dt.date.min
            end = _date(r.fields["end"]) if r.fields["end"] else dt.date.max
        except ValueError:
            bad.append(r.line)
            continue
        if end < start:
            bad.append(r.line)
    assert bad == []


def test_no_overlapping_rows_for_the_same_group():
    spans = defaultdict(list)
    for r in GROUPS:
        f = r.fields
        spans[_fold(f["name"])].append((_date(f["start"]) if f["start"] else dt.date.min,
                                        _date(f["end"]) if f["end"] else dt.date.max, r.line))
    overlaps = []
    for items in spans.values():
        items.sort()
        for (s1, e1, l1), (s2, e2, l2) in zip(items, items[1:]):
            if s2 < e1:
                overlaps.append((l1, l2))
    assert overlaps == []


def test_a_group_name_or_alias_means_one_group_at_a_time():
    """No spelling belongs to two groups with different codes on the same day."""
    owners = defaultdict(set)
    for r in GROUPS:
        for n in _names(r):
            owners[n].add(r.fields["name"])
    clashes = {n: sorted(o) for n, o in owners.items() if len(o) > 1}
    # Islamic State is listed once per country it fights in; those rows share their aliases.
    allowed = {n for n, o in clashes.items() if all(x.startswith("Islamic State") for x in o)}
    assert {n: o for n, o in clashes.items() if n not in allowed} == {}


# (name, date) -> the code(s) of the group of that name on that day, space-separated.
GROUP_FACTS = [
    ("Hamas", "2023-10-07", "PSEREB"),
    ("Houthis", "2024-01-12", "YEMREB"),
    ("al-Shabab", "2025-03-11", "SOMREB"),
    ("Boko Haram", "2021-03-02", "NGAREB"),
    ("ISIS", "2015-06-01", "IRQREB SYRREB"),
    ("Daesh", "2015-06-01", "IRQREB SYRREB"),
    ("Taliban", "2020-02-29", "AFGREB"),
    ("Taliban", "2025-03-12", "AFGGOV"),
    ("Hezbollah", "2024-09-27", "LBNREB"),
    ("M23", "2025-01-27", "CODREB"),
    ("State Department", "2021-05-22", "USAGOV"),
    ("Congress", "2019-11-25", "USALEG"),
    ("State Duma", "2022-01-01", "RUSLEG"),
    ("Knesset", "2022-01-01", "ISRLEG"),
    ("CIA", "2022-01-01", "USAGOV"),
    ("FBI", "2022-01-01", "USAPOL"),
    ("Reuters", "2024-07-29", "GBRMED"),
    ("TASS", "2024-07-29", "RUSMED"),
    ("Xinhua", "2021-05-07", "CHNMED"),
    ("Xinhua News Agency", "2021-05-07", "CHNMED"),
    ("Al Jazeera", "2024-07-29", "QATMED"),
    ("VOA", "2024-07-29", "USAMED"),
    ("Human Rights Watch", "2024-07-29", "NGO"),
    ("MSF", "2024-07-29", "NGO"),
    ("ICRC", "2024-07-29", "NGO"),
    ("European Council on Foreign Relations", "2019-11-25", "NGO"),
    ("Baloch Liberation Army", "2025-03-12", "PAKREB"),
    ("Syrian Democratic Forces", "2025-03-14", "SYRREB"),
    ("Hayat Tahrir al-Sham", "2020-01-01", "SYRREB"),
    ("Rapid Support Forces", "2024-01-01", "SDNREB"),
    ("Rapid Support Forces", "2020-01-01", "SDNMIL"),
    ("Unitary Platform", "2024-07-29", "VENOPP"),
]


@pytest.mark.parametrize("name, on, codes", GROUP_FACTS)
def test_group_code_on_a_date(name, on, codes):
    assert {r.fields["code"] for r in _groups_named(name, _date(on))} == set(codes.split())


def test_pentagon_and_foreign_ministries_are_left_to_other_files():
    names = {n for r in GROUPS for n in _names(r)}
    assert {"pentagon", "russian foreign ministry", "kremlin"} & names == set()
