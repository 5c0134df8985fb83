"""Session 4 (dup): one act told twice is one event, and one-way acts are not coded both ways.

Sentences are written for these tests (other names and words than the bench stories)."""
from __future__ import annotations

import datetime as dt

import pytest


def coded(coder, text: str) -> list[tuple[str, str | None, str | None]]:
    from wirecoder import Article
    article = Article(text=text, source="test.txt", published=dt.date(2024, 5, 6))
    return [(e.cameo, e.source_code, e.target_code) for e in coder.code(article).events if not e.negated]


def country(code: str | None) -> str | None:
    return code[:3] if code else None


# -- pattern data: one side's act in a group of joint acts --------------------------------------

ONE_WAY = [
    # buying, selling, importing, investing, training and ratifying are one side's acts
    ("Vietnam bought Indian cruise missiles last year.", "VNM", "IND"),
    ("Hungary buys Russian gas every winter.", "HUN", "RUS"),
    ("Kenya bought maize from Tanzania last year.", "KEN", "TZA"),
    ("Britain trains Ukrainian soldiers in Kent.", "GBR", "UKR"),
    ("Japan's parliament ratified the treaty with Australia on Tuesday.", "JPN", "AUS"),
]


@pytest.mark.parametrize("text,src,tgt", ONE_WAY, ids=[c[0][:40] for c in ONE_WAY])
def test_one_way_cooperation_is_not_coded_back(coder, text, src, tgt):
    pairs = {(country(s), country(t)) for _, s, t in coded(coder, text)}
    assert (src, tgt) in pairs
    assert (tgt, src) not in pairs


JOINT = [
    # trading with someone, or expanding trade together, stays a joint act of both
    ("Germany and Poland expanded trade last year.", "DEU", "POL"),
]


@pytest.mark.parametrize("text,a,b", JOINT, ids=[c[0][:40] for c in JOINT])
def test_joint_trade_is_coded_both_ways(coder, text, a, b):
    pairs = {(country(s), country(t)) for _, s, t in coded(coder, text)}
    assert (a, b) in pairs and (b, a) in pairs


NO_PARTNER = [
    # a purchase, an investment, a training or a pact with no other side is no event between actors
    "Wealthy Brazilians are buying apartments in Portugal.",
    "The senate ratified the convention.",
    "The army trains soldiers every summer.",
    "The company invests in empty houses and rents them out cheaply.",
]


@pytest.mark.parametrize("text", NO_PARTNER, ids=[c[:40] for c in NO_PARTNER])
def test_cooperation_with_no_partner_is_not_coded(coder, text):
    assert not [c for c, _, _ in coded(coder, text) if c[:2] in ("05", "06")]


# -- a protest and its purpose: one act, aimed at whom the purpose names ------------------------

PROTESTS = [
    # "in protest at/against/over X's decision" names the target of a march or rally
    ("Hundreds of Kenyan farmers marched through Nairobi on Monday in protest at Uganda's decision "
     "to ban maize imports.", "14", "KEN", "UGA"),
    ("Senegalese fishermen rallied outside the port in protest against Spain's new quotas.", "14", "SEN", "ESP"),
    ("Hundreds of Peruvian miners marched on the capital in protest over Chile's border closure.", "14", "PER", "CHL"),
    # an infinitive or participle of purpose on a protest: the protest is the one event
    ("Farmers in Chile staged a hunger strike to protest against Argentina's decision to close the border.",
     "14", "CHL", "ARG"),
    ("Thousands of students rallied in Lima to show their disapproval of the government's pension policy.",
     "14", "PER", "PER"),
]


@pytest.mark.parametrize("text,root,src,tgt", PROTESTS, ids=[c[0][:40] for c in PROTESTS])
def test_protest_told_with_its_purpose_is_one_event(coder, text, root, src, tgt):
    events = coded(coder, text)
    assert [(c[:2], country(s), country(t)) for c, s, t in events] == [(root, src, tgt)]


PURPOSE_KEPT = [
    # an accusation told beside a protest has content of its own: it stays an event (cues.yaml protest_aims)
    ("Bangladeshi students rallied in Dhaka on Monday, accusing the government of rigging the election.", "11"),
    # a demand that is not the purpose of a protest stays an event of its own
    ("Egyptian students staged a sit-in on Monday, and the opposition party demanded that the "
     "government release the detained activists.", "10"),
]


@pytest.mark.parametrize("text,root", PURPOSE_KEPT, ids=[c[0][:40] for c in PURPOSE_KEPT])
def test_other_events_beside_a_protest_stay(coder, text, root):
    assert root in {c[:2] for c, _, _ in coded(coder, text)}


# -- one act told twice by two triggers of a sentence -------------------------------------------

TOLD_TWICE = [
    # a country and its government (or spokesman) told twice: the more specific actor stays
    ('"Moldova is committed to moving quickly toward a settlement, and we are prepared to do our part," '
     "Moldovan President Maia Sandu wrote on Friday.", "030", ("MDAGOV", None)),
    ("The Tuareg rebel movement insisted on its demands that Mali's government grant the north more autonomy.",
     "100", ("MLIREB", "MLIGOV")),
]


@pytest.mark.parametrize("text,code,pair", TOLD_TWICE, ids=[c[0][:40] for c in TOLD_TWICE])
def test_one_act_told_twice_is_one_event(coder, text, code, pair):
    same = [(s, t) for c, s, t in coded(coder, text) if c == code]
    assert same == [pair]


KEPT_APART = [
    # one trigger with two actors of one country: one event each (annotation.md: one per source)
    ("Cameroonian coffee growers and traders are calling on the authorities to cut export taxes.", "020", 2),
    # a reciprocal act between two bodies of one country: both directions
    ("Nepal's army clashed with Maoist rebels near the border on Sunday.", "190", 2),
]


@pytest.mark.parametrize("text,code,n", KEPT_APART, ids=[c[0][:40] for c in KEPT_APART])
def test_different_actors_of_one_country_stay_apart(coder, text, code, n):
    assert len([c for c, _, _ in coded(coder, text) if c == code]) == n
