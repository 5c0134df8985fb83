"""General rules of the actors stage for real news (table-driven): words that refer back to a
named body ("the group"), possessed forces, model numbers, the field of an expert, place
demonyms, groups placed by a following place, names with particles ("al-Qaeda")."""
from __future__ import annotations

import pytest

from actor_cases import assert_absent, assert_codes, stage  # noqa: E402,F401  (same tests folder; stage is a fixture)
from test_actors import coded  # noqa: E402  (same tests folder)
from wirecoder.stages.actor_records import case_ok


# text -> {mention text: code}; every listed mention must be there with that code
CASES = [
    # "the group", "the outfit", "the rebel group" join the named body met before
    ("Kenya condemned the attack by al-Shabab. The group said it killed 10 soldiers.",
     {"al-Shabab": "SOMREB", "group": "SOMREB", "it": "SOMREB"}),
    ("Hamas fired rockets on Monday. The militant group later said it had stopped.",
     {"Hamas": "PSEREB", "militant group": "PSEREB"}),
    ("Pakistan blamed al-Shabab. In a statement, the banned separatist outfit said it had not attacked.",
     {"separatist outfit": "SOMREB"}),
    # a possessor gives generic forces their country
    ("Syria's transitional authorities said their forces came under attack.",
     {"transitional authorities": "SYRGOV", "forces": "SYRMIL"}),
    ("Israel has strengthened its forces near the border.", {"forces": "ISRMIL"}),
    # model numbers inside a group
    ("Turkish F-16 jets flew low on Monday.", {"Turkish F-16 jets": "TURMIL"}),
    # a group placed by the place after it
    ("Islamabad has blamed the attacks on militants present on Afghan soil.", {"militants": "AFGREB"}),
    ("Rebels in Mali seized the town.", {"Rebels": "MLIREB"}),
    # a demonym or country in front of a place noun names the people of that place
    ("Iran threatened to shell Iraqi towns.", {"Iran": "IRN", "Iraqi": "IRQCVL"}),
    ("Militants attacked a train in Pakistan's restive Balochistan province.", {"Pakistan": "PAKCVL"}),
    # a named body in front of a weak role gives its code
    ("The al-Shabab leaders threatened the United States.", {"al-Shabab leaders": "SOMREB"}),
    # a capitalised "Party" is a name, with its modifiers' sector
    ("Albania's ruling Socialist Party won the vote.", {"Socialist Party": None}),
    # coordinated demonyms: one actor per country
    ("Senior Hungarian and Romanian officials met.", {"Senior Hungarian": "HUNGOV", "Romanian officials": "ROUGOV"}),
    # the Pentagon, the Security Council, the G7, kidnappers
    ("The Pentagon said the U.N. Security Council and the G7 would meet.",
     {"Pentagon": "USAMIL", "U.N. Security Council": "IGO", "G7": "IGO"}),
    ("Nigerian police said the kidnappers freed the girls.", {"Nigerian police": "NGAPOL", "kidnappers": "NGAREB"}),
    # an organisation the knowledge base does not know takes its sector from its own words,
    # and its country from a demonym inside its name
    ("Researchers at the Spanish National Research Council criticized the plan.",
     {"Spanish National Research Council": "ESPEDU"}),
    ("The Peace Rights Foundation criticized Kenya's government.", {"Peace Rights Foundation": "NGO"}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_rule(nlp, stage, text, expected):
    assert_codes(coded(nlp, stage, text), expected)


# text -> mention texts that must NOT be actors
NOT_ACTORS = [
    ("A group of students marched. The group said it wanted reform.", ("group",)),
    ("Both forces say huge quantities of ammunition were seized.", ("forces",)),
]


@pytest.mark.parametrize("text,absent", NOT_ACTORS, ids=[c[0][:40] for c in NOT_ACTORS])
def test_not_an_actor(nlp, stage, text, absent):
    assert_absent(coded(nlp, stage, text), absent)


# an expert's country modifier is the field of study, not who they are
EXPERTS = [
    ("Joshua Pollack, a North Korea expert at the institute, said talks would fail.", "Joshua Pollack", None),
    ("Chinese analysts said Beijing would respond.", "Chinese analysts", "CHNELI"),
]


@pytest.mark.parametrize("text,mention,code", EXPERTS, ids=[c[1] for c in EXPERTS])
def test_expert_field(nlp, stage, text, mention, code):
    assert coded(nlp, stage, text).get(mention) == code


def test_place_demonym_is_apart_from_the_country(nlp, stage):
    got = coded(nlp, stage, "Turkey said Turkish towns were shelled.")
    assert got["Turkey"] == "TUR" and got["Turkish"] == "TURCVL"


def test_socialist_party_takes_the_story_country(nlp, stage):
    got = coded(nlp, stage, "Albania votes on Sunday. The ruling left-wing Socialist Party expects to win.")
    assert got["left-wing Socialist Party"] == "ALB"


# names match case-checked; a lowercase particle may stand before a capitalised name
CASE = [
    ("Al-Qaeda", "al-Qaeda", True),
    ("Al-Qaeda", "Al-Qaeda", True),
    ("Al-Qaeda", "al-qaeda", False),
    ("Mohammed bin Salman", "Mohammed bin Salman", True),
    ("Kremlin", "kremlin", False),
    ("US", "us", False),
]


@pytest.mark.parametrize("phrase,text,ok", CASE, ids=[f"{c[0]}|{c[1]}" for c in CASE])
def test_case_ok(phrase, text, ok):
    assert case_ok(phrase, text) is ok
