"""Attacks whose attacker the text never names (issue 11/12): "came under attack", agentless
passives of attack verbs. An unidentified armed force (UAF) of the country where it happened did
it to the subject, or to the civilians the subject names. Invented sentences, other names than
any story. Each row: text -> an event with this CAMEO root, source code and target code."""
from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.records import Article


def events(coder, text):
    coded = coder.code(Article(text=text, published=dt.date(2025, 3, 1)))
    return {(e.cameo, e.source_code, e.target_code) for e in coded.events}


CASES = [
    # "came under (a ...) attack": the subject is the victim, an actor ...
    ("under-attack-actor", "A police convoy came under attack near the Nigerian city of Maiduguri on Friday.",
     "19", "NGAUAF", "NGAPOL"),
    # ... or a civilian vehicle: its civilians, the country from the places the sentence names
    ("under-attack-pronoun", "The bus, carrying about 60 pilgrims from Lahore to Karachi, was crossing "
     "Sindh province when it came under a rocket and gun attack on Monday.", "19", "PAKUAF", "PAKCVL"),
    ("under-attack-apposition", "The Night Star, a passenger ferry with 200 people on board, came under "
     "a gun attack near Mombasa on Sunday.", "19", "KENUAF", "KENCVL"),
    # an agentless passive of an attack verb
    ("passive-ambushed", "A Malian army patrol was ambushed near the town of Gao on Sunday.",
     "19", "MLIUAF", "MLIMIL"),
    ("passive-civilian-place", "A school in northern Burkina Faso was attacked with mortars overnight.",
     "19", "BFAUAF", "BFACVL"),
]


@pytest.mark.parametrize("name,text,cameo,source,target", CASES, ids=[c[0] for c in CASES])
def test_unnamed_attacker(coder, name, text, cameo, source, target):
    found = events(coder, text)
    assert any(c.startswith(cameo) and s == source and t == target for c, s, t in found), found


NEGATIVE = [
    # the attacker is named: no unidentified force
    ("named-from", "The convoy came under fire from Taliban fighters in Helmand province."),
    ("named-by", "A Malian army patrol was ambushed by jihadists near the town of Gao on Sunday."),
    # casualties alone are no attack of an unnamed force
    ("killed-only", "Ten people were killed in Kenya on Monday."),
    # "targeted" over one's work is no armed attack
    ("targeted-work", "The Iranian journalist Leila Farahani has been targeted over her reporting for years."),
    # no place and no victim actor: no country to give the attacker
    ("no-country", "The vehicle came under attack on the way back."),
    # a state attacked: its attacker is no force of its own
    ("state-victim", "Estonia was attacked by missiles on Monday, officials in Tallinn said."),
    ("state-under-attack", "Moldova came under attack overnight."),
]


@pytest.mark.parametrize("name,text", NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_no_unnamed_attacker(coder, name, text):
    assert not any((s or "").endswith("UAF") for _, s, _ in events(coder, text))
