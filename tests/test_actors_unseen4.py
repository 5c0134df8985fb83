"""Round 4 on unseen real news (table-driven): a country on a facility that is not the subject
is a place, not an actor; a generic plural for several parties takes no one story country."""
from __future__ import annotations

import pytest

from actor_cases import assert_absent, assert_codes, stage  # noqa: E402,F401  (same tests folder; stage is a fixture)
from test_actors import coded  # noqa: E402  (same tests folder)

# text -> mention texts that must NOT be actors
FACILITIES = [
    ("A trial opened over the bombing of a French military base in Ivory Coast that killed nine soldiers.",
     ("French",)),
    ("Militants attacked a joint Kenya-U.S. military base on Sunday.", ("Kenya", "U.S.")),
    ("Rockets hit the Turkish air base near the border.", ("Turkish",)),
]


@pytest.mark.parametrize("text,absent", FACILITIES, ids=[c[0][:40] for c in FACILITIES])
def test_facility_modifier_is_not_an_actor(nlp, stage, text, absent):
    assert_absent(coded(nlp, stage, text), absent)


# text -> {mention text: code}: subjects and non-facility objects keep their actors
KEPT = [
    ("Turkish F-16 jets flew over the islands.", {"Turkish F-16 jets": "TURMIL"}),
    ("The French embassy said the base was attacked.", {"French embassy": "FRAGOV"}),
    ("Then we buy Russian S-400 missiles, Turkish officials said.", {"Russian": "RUS"}),
    # people living in a facility are still the actor: refugees in a camp
    ("Thai soldiers shelled the biggest Cambodian refugee camp on Monday.", {"Cambodian": "KHM"}),
]


@pytest.mark.parametrize("text,expected", KEPT, ids=[c[0][:40] for c in KEPT])
def test_actor_kept(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


# text -> generic plural that must stay uncoded (no single country from the story)
SEVERAL = [
    ("Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan spoke by phone. "
     "Both leaders agreed to a ceasefire.", "leaders"),
    ("Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan met. "
     "The leaders agreed to a ceasefire.", "leaders"),
]


@pytest.mark.parametrize("text,mention", SEVERAL, ids=[c[1] + str(n) for n, c in enumerate(SEVERAL)])
def test_several_parties_get_no_country(nlp, stage, text, mention):
    got = coded(nlp, stage, text)
    assert mention in got and got[mention] is None, got


def test_a_numbered_group_keeps_the_story_country(nlp, stage):
    """"two" before a group that is not a party noun ranks groups, it does not name several parties."""
    got = coded(nlp, stage, "Pakistani police said militants attacked the train in Balochistan. "
                            "The BLA emerged as one of the top two militant groups driving the increase.")
    assert got.get("top two militant groups", got.get("two militant groups", got.get("militant groups"))) == "PAKREB"
