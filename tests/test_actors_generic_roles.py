"""Unnamed agents of news language are actors: law enforcement and guards (POL), traders,
vendors, publishers and other business people (BUS), a body named "Directorate of ..." (GOV);
without a country of their own they take the story's country, so the events they do keep a
source."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article


def _code(coder, text):
    return coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))


@pytest.mark.parametrize("text,mention,code", [
    ("Riots spread in Ecuador. Law enforcement officers detained 30 students.", "Law enforcement officers", "ECUPOL"),
    ("Protests grew in Bolivia. Law enforcement raided the offices of the union.", "Law enforcement", "BOLPOL"),
    ("Inmates rioted in Peru. Armed inmates exchanged fire with prison guards.", "prison guards", "PERPOL"),
    ("Inmates rioted in Peru. Armed inmates exchanged fire with guards.", "guards", "PERPOL"),
    ("Dozens of fish sellers in Ghana's capital staged a sit-in on Monday.", "fish sellers", "GHABUS"),
    ("Prices rose in Senegal. Market traders closed their stalls in protest.", "Market traders", "SENBUS"),
    ("Kenyan police urged shop owners to close early.", "shop owners", "KENBUS"),
    ("The Taliban tightened rules in Afghanistan. The Directorate of Public Health ordered clinics to close.",
     "The Directorate of Public Health", "AFGGOV"),
])
def test_generic_agent_is_coded(coder, text, mention, code):
    coded = _code(coder, text)
    got = {text[s:e]: a.code for a in coded.actors for s, e in a.mentions}
    assert got.get(mention) == code, got


@pytest.mark.parametrize("text,cameo,source,target", [
    ("Riots spread in Ecuador. Law enforcement officers detained 30 students.", "173", "ECUPOL", "ECUEDU"),
    ("Kenyan police urged shop owners and street vendors to close early.", "020", "KENPOL", "KENBUS"),
    ("The Taliban's Directorate of Information in Kandahar instructed publishers not to print novels.",
     "100", "AFGGOV", "AFGBUS"),
    ("Inmates rioted in Peru. Armed inmates exchanged fire with guards.", "190", "PERPOL", "PERCVL"),
])
def test_their_events_keep_source_and_target(coder, text, cameo, source, target):
    found = {(e.cameo, e.source_code, e.target_code) for e in _code(coder, text).events}
    assert (cameo, source, target) in found, found


@pytest.mark.parametrize("text,mention,code", [
    ("Iran's Revolutionary Guards seized a tanker.", "Iran's Revolutionary Guards", "IRNMIL"),
    ("The U.S. National Guard was deployed to Texas.", "U.S. National Guard", "USAMIL"),
])
def test_named_guards_keep_their_own_code(coder, text, mention, code):
    coded = _code(coder, text)
    got = {text[s:e]: a.code for a in coded.actors for s, e in a.mentions}
    assert got.get(mention) == code, got


@pytest.mark.parametrize("text,mention,code", [
    ("In Chad, aid agencies and the government launched rescue operations. A WFP official said, "
     "\"With support from the UK government, we have sent food.\"", "government", "TCDGOV"),
    ("In Laos, the army and police searched the villages. Later the Thai army sent helicopters.", "army", "LAOMIL"),
])
def test_bare_role_does_not_take_a_later_foreign_body(coder, text, mention, code):
    coded = _code(coder, text)
    first = min((s, e, a.code) for a in coded.actors for s, e in a.mentions if text[s:e] == mention)
    assert first[2] == code, [(text[s:e], a.code) for a in coded.actors for s, e in a.mentions]


def test_bare_role_before_its_own_country_joins_it(coder):
    text = "Protests spread in Kenya. The government said it would talk. Later the Kenyan government banned rallies."
    coded = _code(coder, text)
    codes = {a.code for a in coded.actors for s, e in a.mentions if "government" in text[s:e]}
    assert codes == {"KENGOV"}
