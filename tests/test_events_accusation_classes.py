"""Root 11 classes of accusation language (issue 11, session 3): ties told as accusations, passive
accusations and charges told by a speaker, legal charges and convictions with no agent named.
Invented names and words, one row per class and its counter-examples."""
from __future__ import annotations

import pytest

from test_events import code_events, stage, triples  # noqa: F401  (the module's stage fixture)
from test_events_coverage_disapprove import quoted

TIES = [
    # a wrongdoer actor tied to an armed group: the speaker accuses the subject
    ("Zembla police said the bandits were linked to the Red Hand Brigade.",
     {"Zembla police": "ZEMPOL", "bandits": "ZEMREB", "Red Hand Brigade": "ZEMREB"},
     "the bandits were linked to the Red Hand Brigade", "said", {("112", "ZEMPOL", "ZEMREB")}),
    # the subject is no actor: the armed group tied to is the one accused
    ("Zembla police said the two suspects had close ties to the Red Hand Brigade.",
     {"Zembla police": "ZEMPOL", "Red Hand Brigade": "OSTREB"},
     "the two suspects had close ties to the Red Hand Brigade", "said", {("112", "ZEMPOL", "OSTREB")}),
    # a wrongdoer (the phrase reads negative) tied to a country, named as a place
    ("Zembla officials said those behind the ambush were based in Osterlich.",
     {"Zembla officials": "ZEMGOV", "Osterlich": "OST"},
     "those behind the ambush were based in Osterlich", "said", {("112", "ZEMGOV", "OST")}),
    ("Zembla army spokesman Ivo Dask claimed the assailants were in touch with handlers in Osterlich.",
     {"Ivo Dask": "ZEMMIL", "Osterlich": "OST"},
     "the assailants were in touch with handlers in Osterlich", "claimed", {("112", "ZEMMIL", "OST")}),
    # no wrongdoer, no armed group: a neutral fact
    ("Zembla officials said the shipping firm was based in Osterlich.",
     {"Zembla officials": "ZEMGOV", "Osterlich": "OST"},
     "the shipping firm was based in Osterlich", "said", set()),
    # victims tied to someone are not accused
    ("Zembla police said the victims were members of a Osterlich choir.",
     {"Zembla police": "ZEMPOL", "Osterlich": "OST"},
     "the victims were members of a Osterlich choir", "said", set()),
    # a denied tie is no accusation
    ("Zembla officials said the bandits had no links to the Red Hand Brigade.",
     {"Zembla officials": "ZEMGOV", "Red Hand Brigade": "OSTREB"},
     "the bandits had no links to the Red Hand Brigade", "said", set()),
    ("Zembla officials said the bandits were not linked to the Red Hand Brigade.",
     {"Zembla officials": "ZEMGOV", "Red Hand Brigade": "OSTREB"},
     "the bandits were not linked to the Red Hand Brigade", "said", set()),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", TIES, ids=[c[0][:50] for c in TIES])
def test_a_tie_told_is_an_accusation(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, cue))) == expected


SPEAKER_PASSIVES = [
    # a passive accusation with no agent, told by a speaker after it: the speaker accuses
    ("Three Zembla students are accused of exam fraud, Zembla police said.",
     {"Zembla students": "ZEMEDU", "Zembla police": "ZEMPOL"},
     "Three Zembla students are accused of exam fraud", "said", {("1121", "ZEMPOL", "ZEMEDU")}),
    ("Osterlich prosecutors said the former mayor had been accused of taking bribes.",
     {"Osterlich prosecutors": "OSTJUD", "former mayor": "OSTGOV"},
     "the former mayor had been accused of taking bribes", "said", {("112", "OSTJUD", "OSTGOV")}),
    # an arrest told in the passive is not the speaker's arrest
    ("Three Zembla students were detained overnight, the Osterlich embassy said.",
     {"Zembla students": "ZEMEDU", "Osterlich embassy": "OSTGOV"},
     "Three Zembla students were detained overnight", "said", {("173", "ZEMPOL", "ZEMEDU")}),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", SPEAKER_PASSIVES,
                         ids=[c[0][:50] for c in SPEAKER_PASSIVES])
def test_a_passive_accusation_is_the_speakers(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, cue))) == expected


LEGAL = [
    # a legal charge is a lawsuit brought (115); with no agent, the state's prosecutors brought it
    ("Two Osterlich opposition deputies were charged with sedition on Friday.",
     {"Osterlich opposition deputies": "OSTOPP"}, {("115", "OSTJUD", "OSTOPP")}),
    ("The Zembla attorney general charged the port director with embezzlement.",
     {"Zembla attorney general": "ZEMJUD", "port director": "ZEMBUS"}, {("115", "ZEMJUD", "ZEMBUS")}),
    # a conviction with no agent: the state's courts
    ("The former Osterlich finance minister was convicted of fraud.",
     {"Osterlich finance minister": "OSTGOV"}, {("116", "OSTJUD", "OSTGOV")}),
    # "charge" without "with" reports an allegation, not a legal charge
    ("Osterlich opposition leaders charged that the count was rigged.",
     {"Osterlich opposition leaders": "OSTOPP"}, {("112", "OSTOPP", None)}),
    # an acquittal is no charge and no conviction
    ("The Osterlich editor was acquitted of all charges.", {"Osterlich editor": "OSTMED"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", LEGAL, ids=[c[0][:50] for c in LEGAL])
def test_legal_charges_and_convictions(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected
