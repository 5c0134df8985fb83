"""Round-4 actor error classes (table-driven): city names several countries share, ethnic
groups named by a demonym, and named natural phenomena mentioned again by their bare name."""
from __future__ import annotations

import pytest

from actor_cases import assert_absent, assert_codes, stage  # noqa: E402,F401  (same tests folder; stage is a fixture)
from test_actors import coded  # noqa: E402  (same tests folder)


# text -> {mention text: code}; every listed mention must be there with that code
CASES = [
    # a capital's name shared by another country's city: the story's country when the capital's is absent
    ("Syrian officers ended mediation between rival militias in Tripoli as shells hit the north Lebanese port.",
     {"rival militias": "LBNREB", "Tripoli": "LBN"}),
    # ... but the capital when the story is about its own country
    ("Libyan forces clashed with rival militias in Tripoli on Monday.", {"Tripoli": "LBYGOV"}),
    ("Tripoli said it would hold talks with Egypt.", {"Tripoli": "LBYGOV"}),
    # ethnic groups: civilians of the country where they live, not of the demonym's country
    ("Ethnic Albanians in south Serbia are demanding a U.N. military presence.",
     {"Ethnic Albanians": "SRBCVL"}),
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", {"ethnic Albanians": "SRBCVL"}),
    ("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia.",
     {"ethnic Albanians": "SRBCVL"}),
    ("Ethnic Russians in Estonia protested against the new language law.", {"Ethnic Russians": "ESTCVL"}),
    # a demonym without "ethnic" still names its country
    ("Albanians protested in Tirana.", {"Albanians": "ALB"}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_rule(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


# text -> mention texts that must NOT be actors: a named phenomenon, again by its bare name
NOT_ACTORS = [
    ("Cyclone Chido killed 94 people in Mozambique. Chido later hit Mayotte, officials said.", ("Chido",)),
    ("Hurricane Helene hit Florida on Friday. Helene killed 30 people, officials said.", ("Helene",)),
    ("Typhoon Yagi struck Vietnam on Saturday. Yagi destroyed homes, Vietnamese officials said.", ("Yagi",)),
]


@pytest.mark.parametrize("text,absent", NOT_ACTORS, ids=[c[1][0] for c in NOT_ACTORS])
def test_named_phenomenon_is_not_an_actor(nlp, stage, text, absent):
    assert_absent(coded(nlp, stage, text), absent)


def test_shared_place_countries(stage):
    """The knowledge base lists every country with a city of that name, the usual one first."""
    assert stage.kb.place_countries("Tripoli") == ("LBY", "LBN")
    assert stage.kb.place_countries("Nairobi") == ("KEN",)
    assert stage.kb.place_countries("Nowhere-upon-Nothing") == ()
