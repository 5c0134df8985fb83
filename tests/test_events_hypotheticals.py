"""Hypotheticals, purposes and arrivals are not coded as facts; the facts next to them are."""
import pytest

NOT_FACTS = [
    # a modal on the verb a "by + -ing" means hangs on
    ("North Korea could escalate threats by testing its weapons again.", "15"),
    # an inference or counterfactual ("must have", "could have")
    ("Officials said the army must have attacked the village.", "19"),
    ("Analysts said the rebels could have attacked the base.", "19"),
    # what someone is hired or paid to do is a purpose
    ("Prosecutors say two men hired a gunman to kill the journalist.", "18"),
    ("Prosecutors say two men hired a gunman to kill the journalist.", "19"),
    ("Iranian officials paid her relatives to invite her to Turkey.", "02"),
    # what evidence would not show
    ("His lawyer said the evidence would not show that his client planned to kill the journalist.", "13"),
    # people arriving or migrating are not a visit
    ("Another wave of Somalis arrived in Kenya in 2011.", "04"),
    ("The first detainees began arriving at Guantanamo Bay in February.", "04"),
]

FACTS = [
    ("Russian President Vladimir Putin arrived in Venezuela on Monday.", "04"),
    ("Gunmen killed five soldiers in northern Mali on Sunday.", "1"),
    ("The army tested its weapons and escalated threats against South Korea.", "1"),
]


def _roots(coder, text):
    return {e.cameo[:2] for e in coder.code(text).events} | {e.cameo[:1] for e in coder.code(text).events}


@pytest.mark.parametrize("text,root", NOT_FACTS)
def test_not_coded_as_fact(coder, text, root):
    assert root not in _roots(coder, text)


@pytest.mark.parametrize("text,root", FACTS)
def test_fact_still_coded(coder, text, root):
    assert root in _roots(coder, text)
