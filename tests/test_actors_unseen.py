"""Error classes found on unseen real news (table-driven): places and events that spaCy calls
people, "University of X" as one organisation, titles that must not run over other nouns."""
from __future__ import annotations

import pytest

from test_actors import coded, fixture_settings, FakeResources  # noqa: E402  (same tests folder)
from wirecoder.stages.actors import ActorsStage


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    return ActorsStage(FakeResources(fixture_settings(tmp_path_factory.mktemp("kb"))))


# text -> mention texts that must NOT be actors (places and events read as names)
NOT_ACTORS = [
    ("Kenyan police said refugees in Dadaab and Kakuma camps were moved.", ("Kakuma", "Dadaab")),
    ("Somali forces entered Kismayo on Monday.", ("Kismayo",)),
    ("Cyclone Chido killed 94 people in Mozambique, officials said.", ("Cyclone Chido", "Chido")),
    ("He flew into JFK on Monday, Italian police said.", ("JFK",)),
    ("Rioters recalled Jim Crow laws in China, the officials said.", ("Jim Crow",)),
    ("The detainees at Guantanamo Bay were moved, the U.S. military said.", ("Guantanamo Bay", "Bay")),
]


@pytest.mark.parametrize("text,absent", NOT_ACTORS, ids=[c[1][0] for c in NOT_ACTORS])
def test_place_or_event_is_not_an_actor(nlp, stage, text, absent):
    got = coded(nlp, stage, text)
    for mention in absent:
        assert mention not in got, got


# text -> {mention text: code}; every listed mention must be there with that code
CASES = [
    # bare people stay people
    ("John Mbeki told reporters he would resign.", {"John Mbeki": None}),
    # "University of X": the whole name, EDU, the country of the place in it
    ("University of Melbourne professor Andrew Rosser said the plan would fail.",
     {"University of Melbourne": "AUSEDU"}),
    ("Students at the University of Nairobi protested on Monday, Kenyan police said.",
     {"the University of Nairobi": "KENEDU"}),
    # a title does not run over a noun outside it, nor over "of" in front of a full title
    ("He was freed from Communist Party control Chinese President Xi Jinping said on Monday.",
     {"Chinese President Xi Jinping": "CHNGOV"}),
    ("The ruling party, the party of former President Omar al-Bashir, rejected the deal.",
     {"former President Omar al-Bashir": None}),  # the span; the fixture kb has no Bashir
    # titles that keep "of"/"for" and nouns inside them
    ("U.S. Secretary of State Antony Blinken met them.", {"U.S. Secretary of State Antony Blinken": "USAGOV"}),
    ("Russian finance minister Anton Siluanov said so.", {"Russian finance minister Anton Siluanov": "RUSGOV"}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_rule(nlp, stage, text, expected):
    got = coded(nlp, stage, text)
    for mention, code in expected.items():
        assert mention in got, f"no mention {mention!r} in {got}"
        if code is not None:
            assert got[mention] == code, f"{mention!r}: {got[mention]} (all: {got})"
