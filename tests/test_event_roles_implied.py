"""Implied targets (issue 12): paired demands address each other; an offer to take people
in targets whoever holds them. Invented sentences, other names than any story.
Each row: text -> an event with this CAMEO code (prefix), source code and target code."""
from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.records import Article


def events(coder, text):
    coded = coder.code(Article(text=text, published=dt.date(2024, 5, 3)))
    return {(e.cameo, e.source_code, e.target_code) for e in coded.events}


CASES = [
    # two demands of different owners coordinated in one clause: each addresses the other
    ("paired-call", "Talks in Geneva failed because Moscow's call for a ceasefire and Kyiv's demand for "
     "a full withdrawal did not match.", "02", "RUSGOV", "UKRGOV"),
    ("paired-demand", "Talks in Geneva failed because Moscow's call for a ceasefire and Kyiv's demand for "
     "a full withdrawal did not match.", "10", "UKRGOV", "RUSGOV"),
    # an offer to take people in targets who holds them, as the story says it
    ("resettle-held", "Hungary holds 300 Syrian migrants at the border. Sweden and Norway offered to "
     "resettle the migrants.", "03", "SWE", "HUN"),
    ("resettle-detained", "Greece detained 40 Afghan migrants on Lesbos last year. Germany offered to "
     "resettle the migrants.", "03", "DEU", "GRC"),
    ("take-in-custody", "Some 60 Rohingya refugees remain in Malaysia's custody. Canada offered to take "
     "in the refugees.", "03", "CAN", "MYS"),
    # the people deported are the target, not the destination
    ("deported-people", "Iran deported 300 Afghan migrants to Pakistan on Monday.", "174", "IRN", "AFGREF"),
    ("deported-definite", "Turkey deported the Syrian refugees to Lebanon.", "174", "TUR", "SYRREF"),
    # deported people who name no actor: the destination stays the target
    ("deported-unnamed", "Thailand deported 100 people to Laos.", "174", "THA", "LAO"),
    # an offer of peace or talks that names no one addresses the side the story puts in conflict
    # with the source's country
    ("peace-counterpart", "Ethiopia accused Eritrea of arming rebels. Eritrean troops shelled the "
     "Ethiopian town of Zalambessa on Monday. Ethiopia's foreign minister said the government is "
     "committed to peace.", "03", "ETHGOV", "ERI"),
    ("dialogue-counterpart", "Armenia criticized Azerbaijan over the blockade. Armenian Prime Minister "
     "Vahan Sargsyan said Armenia was open for dialogue.", "03", "ARM", "AZE"),
    # a government's rule on an activity that names no actor falls on its own country's people
    ("domestic-restriction", "The Iranian government imposed restrictions on selling satellite dishes.",
     "17", "IRNGOV", "IRNCVL"),
    ("domestic-controls", "Vietnamese officials called for tighter controls of online betting.",
     "10", "VNMGOV", "VNMCVL"),
    # "them" standing for people named just before (no actor): the civilians of the source's country
    ("them-people", "\"When I brought my children to the clinic in Lilongwe, Malawi, they refused to "
     "treat them,\" said Grace Banda.", "12", "MWI", "MWICVL"),
]


@pytest.mark.parametrize("name,text,cameo,source,target", CASES, ids=[c[0] for c in CASES])
def test_implied_target(coder, name, text, cameo, source, target):
    found = events(coder, text)
    assert any(c.startswith(cameo) and s == source and t == target for c, s, t in found), found


NEGATIVE = [
    # one demand alone keeps no invented addressee
    ("single-demand", "Kyiv's demand for a full withdrawal was repeated on Monday.", "10", "UKRGOV", None),
    # no holder in the story: the people offered shelter stay the target
    ("no-holder", "Sweden offered to resettle 300 Syrian refugees.", "03", "SWE", "SYRREF"),
    # no conflict in the story: an offer of peace keeps no invented counterpart
    ("peace-alone", "The Peruvian president said Peru was committed to peace.", "03", "PER", None),
    # a rule on a named foreign side keeps that side
    ("foreign-restriction", "Iran imposed restrictions on imports from Turkey.", "17", "IRN", "TUR"),
    # "them" standing for an actor named before stays that actor, not civilians
    ("them-officials", "Kenyan lawmakers met the ministers in Nairobi, Kenya. Officials refused to "
     "register them.", "12", "KENGOV", "KENLEG"),
]


@pytest.mark.parametrize("name,text,cameo,source,target", NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_no_invented_target(coder, name, text, cameo, source, target):
    found = events(coder, text)
    targets = {t for c, s, t in found if c.startswith(cameo) and s == source}
    assert targets == {target}, found
