"""`wirecoder kb import-wikidata`: people with positions from a (tiny, self-written) dump."""
from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json

import pytest

from wirecoder.knowledge.tables import load_people, write_people
from wirecoder.knowledge.wikidata import import_wikidata, sector_of, load_positions, wikidata_date
from wirecoder.settings import DATA_DIR

POSITIONS = DATA_DIR / "knowledge" / "positions.tsv"


def item(qid, label, claims=None, aliases=()):
    return {"id": qid, "type": "item", "labels": {"en": {"language": "en", "value": label}},
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]}, "claims": claims or {}}


def claim(value, qualifiers=None):
    c = {"mainsnak": {"snaktype": "value", "datavalue": {"value": value}}}
    if qualifiers:
        c["qualifiers"] = qualifiers
    return c


def time(t, precision=11):
    return [{"datavalue": {"value": {"time": t, "precision": precision}}}]


ENTITIES = [
    item("Q5", "human"),
    item("Q1", "Antony Blinken", {
        "P31": [claim({"id": "Q5"})], "P27": [claim({"id": "Q30"})],
        "P39": [claim({"id": "Q11"}, {"P580": time("+2021-01-26T00:00:00Z"), "P582": time("+2025-01-20T00:00:00Z")}),
                claim({"id": "Q99"})]}, aliases=["Tony Blinken"]),
    item("Q2", "Jens Stoltenberg", {
        "P31": [claim({"id": "Q5"})], "P27": [claim({"id": "Q20"})],
        "P39": [claim({"id": "Q12"}, {"P580": time("+2014-10-01T00:00:00Z"), "P582": time("+2024-10-01T00:00:00Z")}),
                claim({"id": "Q13"}, {"P580": time("+2025-02-00T00:00:00Z", 10)})]}),
    item("Q3", "A Horse", {"P31": [claim({"id": "Q726"})], "P39": [claim({"id": "Q11"})]}),
    item("Q11", "United States Secretary of State", {"P1001": [claim({"id": "Q30"})]}),
    item("Q12", "Secretary General of NATO"),
    item("Q13", "Minister of Finance of Norway", {"P17": [claim({"id": "Q20"})]}),
    item("Q99", "Eagle Scout"),
    item("Q30", "United States of America", {"P298": [claim("USA")]}),
    item("Q20", "Norway", {"P298": [claim("NOR")]}),
]


def write_dump(path, opener):
    lines = ["["] + [json.dumps(e) + ("," if n < len(ENTITIES) - 1 else "") for n, e in enumerate(ENTITIES)] + ["]"]
    with opener(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


@pytest.mark.parametrize("suffix,opener", [(".json", open), (".json.gz", gzip.open), (".json.bz2", bz2.open)])
def test_import(tmp_path, suffix, opener):
    dump = tmp_path / f"dump{suffix}"
    write_dump(dump, opener)
    people = import_wikidata(dump, POSITIONS)
    rows = {(p.name, p.role): p for p in people}
    blinken = rows[("Antony Blinken", "United States Secretary of State")]
    assert (blinken.country, blinken.sector, blinken.start, blinken.end) == (
        "USA", "GOV", dt.date(2021, 1, 26), dt.date(2025, 1, 20))
    assert blinken.aliases == ("Tony Blinken",)
    assert rows[("Jens Stoltenberg", "Secretary General of NATO")].country == "IGO"
    finance = rows[("Jens Stoltenberg", "Minister of Finance of Norway")]
    assert (finance.code, finance.start) == ("NORGOV", dt.date(2025, 2, 1))
    assert not any(p.name == "A Horse" for p in people)              # not a human
    assert ("Antony Blinken", "Eagle Scout") not in rows               # no sector keyword
    out = tmp_path / "people.tsv"
    write_people(people, out)
    assert {p.name for p in load_people(out)} == {"Antony Blinken", "Jens Stoltenberg"}


def test_since_drops_old_terms(tmp_path):
    dump = tmp_path / "dump.json"
    write_dump(dump, open)
    people = import_wikidata(dump, POSITIONS, since=dt.date(2025, 1, 1))
    assert {p.role for p in people} == {"United States Secretary of State", "Minister of Finance of Norway"}


@pytest.mark.parametrize("label,sector", [("President of Russia", "GOV"), ("Chief of the General Staff", "MIL"),
                                          ("Secretary-General of the United Nations", "IGO"),
                                          ("member of the State Duma", "LEG"), ("Eagle Scout", None)])
def test_sector_of(label, sector):
    assert sector_of(label, load_positions(POSITIONS)) == sector


def test_dates_with_low_precision():
    assert wikidata_date({"P580": time("+1999-00-00T00:00:00Z", 9)}, "P580") == dt.date(1999, 1, 1)
    assert wikidata_date({}, "P580") is None
