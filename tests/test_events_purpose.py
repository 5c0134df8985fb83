"""A protest with no target of its own is aimed at the target of its infinitive of purpose."""
from __future__ import annotations

import pytest

from test_events import code_events, stage, triples  # noqa: F401  (the module's stage fixture)

CASES = [
    # the purpose clause names whom the protest is aimed at
    ("Thousands of students staged demonstrations on Saturday to demand reforms from the government.",
     {"students": "IDNEDU", "government": "IDNGOV"}, ("140", "IDNEDU", "IDNGOV"), True),
    ("Hundreds of refugees began a hunger strike on Monday to protest against the ministry's decision.",
     {"refugees": "TURREF", "ministry": "SWEGOV"}, ("142", "TURREF", "SWEGOV"), True),
    ("Young protesters blocked roads on Sunday to press their demands for freedom from the government.",
     {"protesters": "DZACVL", "government": "DZAGOV"}, ("144", "DZACVL", "DZAGOV"), True),
    # no purpose clause: the protest is against the protesters' own state (data/reduced)
    ("Thousands of students staged demonstrations on Saturday.",
     {"students": "IDNEDU"}, ("140", "IDNEDU", "IDNGOV"), True),
    # a clause that is not an infinitive of purpose, or another actor's aim, gives no target
    ("Thousands of students staged demonstrations on Saturday as the police arrested the opposition leader.",
     {"students": "IDNEDU", "police": "IDNPOL", "opposition leader": "IDNOPP"}, ("140", "IDNEDU", "IDNOPP"), False),
]


@pytest.mark.parametrize("text,actors,event,present", CASES, ids=[c[0][:40] for c in CASES])
def test_protest_purpose_target(coder, stage, text, actors, event, present):  # noqa: F811
    assert (event in triples(code_events(coder, stage, text, actors))) is present


# two more classes from the CAMEO-manual sentences
ROLE_CASES = [
    # an active verb conjoined to a passive shares its surface subject, not the passive's agent
    ("The prime minister has been indicted by the war crimes court and will resign.",
     {"prime minister": "MNEGOV", "war crimes court": "IGO"}, ("0341", "MNEGOV", None), True),
    ("The prime minister has been indicted by the war crimes court and will resign.",
     {"prime minister": "MNEGOV", "war crimes court": "IGO"}, ("0341", "IGO", None), False),
    # capturing a place is occupying territory, not an arrest
    ("Government troops have captured part of a rebel stronghold near the border.",
     {"Government troops": "MMRMIL", "rebel": "MMRREB"}, ("173", "MMRMIL", "MMRREB"), False),
    ("Police captured the gang leader in the capital on Monday.",
     {"Police": "NGAPOL", "gang leader": "NGACRM"}, ("173", "NGAPOL", "NGACRM"), True),
    # a place where the action happens does not make it an occupation
    ("Police captured the gang leader in the city on Monday.",
     {"Police": "NGAPOL", "gang leader": "NGACRM"}, ("192", "NGAPOL", "NGACRM"), False),
    ("Troops captured the rebel commander near the border.",
     {"Troops": "NGAMIL", "rebel commander": "NGAREB"}, ("173", "NGAMIL", "NGAREB"), True),
]


@pytest.mark.parametrize("text,actors,event,present", ROLE_CASES, ids=[c[0][:40] for c in ROLE_CASES])
def test_conjoined_passive_and_captured_places(coder, stage, text, actors, event, present):  # noqa: F811
    assert (event in triples(code_events(coder, stage, text, actors))) is present


def test_captured_stronghold_is_occupation(coder, stage):  # noqa: F811
    text = "Government troops have captured part of a rebel stronghold near the border."
    codes = {c for c, _, _ in triples(code_events(coder, stage, text, {"Government troops": "MMRMIL"}))}
    assert "192" in codes


def test_stated_obligation_of_a_joint_act_goes_one_way(coder, stage):  # noqa: F811
    # "X said Y and Z must reach an agreement": X demands of Y and of Z, never Y or Z of X
    text = "The foreign secretary said on Friday that the government and the rebels must reach an agreement."
    actors = {"foreign secretary": "GBRGOV", "government": "SDNGOV", "rebels": "SDNREB"}
    assert triples(code_events(coder, stage, text, actors)) == {("100", "GBRGOV", "SDNGOV"), ("100", "GBRGOV", "SDNREB")}


FOR_TO_CASES = [
    # an infinitive with its own "for" subject states what would be, not what happened
    ("The report highlighted the importance for China to trade with Africa.",
     {"China": "CHN", "Africa": "AFR"}, set()),
    ("Protesters called for the government to release the prisoners.",
     {"Protesters": "KENCVL", "government": "KENGOV"}, set()),
    # the same action as a plain statement is coded
    ("China traded with Africa.", {"China": "CHN", "Africa": "AFR"}, {("061", "CHN", "AFR"), ("061", "AFR", "CHN")}),
]


@pytest.mark.parametrize("text,actors,expected", FOR_TO_CASES, ids=[c[0][:40] for c in FOR_TO_CASES])
def test_for_to_infinitive_is_no_event(coder, stage, text, actors, expected):  # noqa: F811
    found = triples(code_events(coder, stage, text, actors))
    assert {t for t in found if t[0][:2] not in ("02", "10")} == expected
