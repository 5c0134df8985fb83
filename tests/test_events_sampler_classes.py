"""Classes of news language the one-event sentences of the CAMEO manual sample (PLOVER GSR),
tested on sentences written for these tests (other names, other words)."""
from __future__ import annotations

import pytest

from test_events import code_events, stage, triples  # noqa: F401  (the module's stage fixture)

# "US" as a subject is the country, not the pronoun "us" (first person is a pronoun only)
US_CASES = [
    ("The US on Friday turned down the offer from Moscow.", ("120", "USA", "RUS"), True),
    ("The US rejected the invitation by Brazil.", ("120", "USA", "BRA"), True),
    ("The US condemned the raids by Turkey.", ("111", "USA", "TUR"), True),
]


@pytest.mark.parametrize("text,event,present", US_CASES, ids=[c[0][:40] for c in US_CASES])
def test_us_subject_is_the_country(coder, text, event, present):
    coded = coder.code(text)
    found = {(e.cameo, (e.source_code or "")[:3], (e.target_code or "")[:3] or None) for e in coded.events}
    assert (event in found) is present


def test_first_person_us_is_not_a_source(coder, stage):  # noqa: F811
    text = '"Let us reject this plan," the minister said.'
    assert not {t for t in triples(code_events(coder, stage, text, {"minister": "KENGOV"})) if t[1] == "USA"}


# an event noun in the "in" phrase of engage/participate/involve/take part takes the verb's subject;
# a participle that only describes people ("officials involved in talks") reports nothing
LIGHT_IN_CASES = [
    ("Militia units were engaged in ethnic cleansing in the northern valley.",
     {"Militia units": "BIHREB"}, ("203", "BIHREB", None), True),
    ("Hundreds of teachers participated in a protest against the ministry on Friday.",
     {"teachers": "KENEDU", "ministry": "KENGOV"}, ("140", "KENEDU", "KENGOV"), True),
    ("Police officers took part in raids on the opposition offices.",
     {"Police officers": "PERPOL", "opposition": "PEROPP"}, ("190", "PERPOL", "PEROPP"), True),
    ("Diplomats involved in negotiations with Tehran were moved to other posts.",
     {"Diplomats": "USAGOV", "Tehran": "IRNGOV"}, ("046", "USAGOV", "IRNGOV"), False),
]


@pytest.mark.parametrize("text,actors,event,present", LIGHT_IN_CASES, ids=[c[0][:40] for c in LIGHT_IN_CASES])
def test_event_noun_in_the_in_phrase_of_a_light_verb(coder, stage, text, actors, event, present):  # noqa: F811
    assert (event in triples(code_events(coder, stage, text, actors))) is present


# "The charity operating in X said ...": the parser makes the participle the subject
REDUCED_RELATIVE_CASES = [
    ("The Red Cross operating in Somalia said the militias must let the convoys pass.",
     {"Red Cross": "NGO", "militias": "SOMREB"}, ("100", "NGO", "SOMREB"), True),
    ("The charity working in Yemen said the coalition must open the ports to food shipments.",
     {"charity": "NGO", "coalition": "SAUMIL"}, ("100", "NGO", "SAUMIL"), True),
    ("The agency operating in the camps said the militia must free the aid workers.",
     {"agency": "IGO", "militia": "SDNREB"}, ("100", "IGO", "SDNREB"), True),
]


@pytest.mark.parametrize("text,actors,event,present", REDUCED_RELATIVE_CASES,
                         ids=[c[0][:40] for c in REDUCED_RELATIVE_CASES])
def test_speaker_with_a_reduced_relative(coder, stage, text, actors, event, present):  # noqa: F811
    assert (event in triples(code_events(coder, stage, text, actors))) is present


# letting another actor do something the source controls is a yield (080); only promised, an intent
ALLOW_CASES = [
    ("The electoral board allowed the exiled dissident to stand in the vote.",
     {"electoral board": "BLRGOV", "exiled dissident": "BLROPP"}, ("080", "BLRGOV", "BLROPP"), True),
    ("Jordan will permit several thousand Syrian refugees to go back to their villages.",
     {"Jordan": "JOR", "Syrian refugees": "SYRREF"}, ("035", "JOR", "SYRREF"), True),
    ("The new rules allow more flexibility for farmers.",
     {"farmers": "FRAAGR"}, ("080", "FRAAGR", None), False),
    # a yield promised to no actor is no intent either
    ("Portugal will allow the airfield to stay open for ten more years.",
     {"Portugal": "PRT"}, ("035", "PRT", None), False),
    # the aim or condition of another act reports no yield of its own
    ("The general stepped down on Tuesday to allow Peru's first free vote to go ahead.",
     {"general": "PERMIL", "Peru": "PER"}, ("080", "PERMIL", "PER"), False),
    ("The militia demanded a ceasefire before allowing the UN convoys to reach the town.",
     {"militia": "SDNREB", "UN": "IGO"}, ("080", "SDNREB", "IGO"), False),
]


@pytest.mark.parametrize("text,actors,event,present", ALLOW_CASES, ids=[c[0][:40] for c in ALLOW_CASES])
def test_allowing_another_actor_is_a_yield(coder, stage, text, actors, event, present):  # noqa: F811
    found = triples(code_events(coder, stage, text, actors))
    assert (event in found) is present
    if not present:
        assert not {t for t in found if t[0] in ("080", "035")}


# lexical classes across roots (data/patterns)
LEXICAL_CASES = [
    # an announced suspension of links reduces relations
    ("Ghana announced a suspension of flights with Nigeria on Monday.",
     {"Ghana": "GHA", "Nigeria": "NGA"}, ("160", "GHA", "NGA"), True),
    # sending inspectors is an investigation of the place's state
    ("The nuclear agency dispatched inspectors to the reactor in Syria.",
     {"nuclear agency": "IGO", "Syria": "SYR"}, ("090", "IGO", "SYR"), True),
    # forcing an aid agency out is expelling it
    ("Khartoum forced the UN food agency out of Darfur.",
     {"Khartoum": "SDNGOV", "UN food agency": "IGO"}, ("1663", "SDNGOV", "IGO"), True),
    # police stopping a rally repress it; protesters obstruct passage
    ("Riot police prevented the rally of the opposition party in the capital.",
     {"Riot police": "BLRPOL", "opposition party": "BLROPP"}, ("175", "BLRPOL", "BLROPP"), True),
    ("Riot police prevented the rally of the opposition party in the capital.",
     {"Riot police": "BLRPOL", "opposition party": "BLROPP"}, ("144", "BLRPOL", "BLROPP"), False),
    # artillery fire as the object of a light verb
    ("Government forces launched heavy artillery fire against the insurgent camps on Friday.",
     {"Government forces": "MMRMIL", "insurgent": "MMRREB"}, ("194", "MMRMIL", "MMRREB"), True),
    # martial law imposed
    ("The junta imposed martial law across the southern provinces.",
     {"junta": "THAMIL"}, ("1724", "THAMIL", None), True),
]


@pytest.mark.parametrize("text,actors,event,present", LEXICAL_CASES, ids=[c[0][:40] for c in LEXICAL_CASES])
def test_lexical_classes(coder, stage, text, actors, event, present):  # noqa: F811
    assert (event in triples(code_events(coder, stage, text, actors))) is present


def test_founding_a_research_centre_is_no_investigation(coder, stage):  # noqa: F811
    text = "The African Union agreed to set up a research institute in Nairobi."
    codes = {c for c, _, _ in triples(code_events(coder, stage, text, {"African Union": "IGO"}))}
    assert "090" not in codes and "030" in codes


def test_allowing_aid_in_a_purpose_clause_still_counts(coder, stage):  # noqa: F811
    text = "Turkey reopened the border crossing to allow the delivery of food to Syria."
    found = triples(code_events(coder, stage, text, {"Turkey": "TUR", "Syria": "SYR"}))
    assert any(c[:2] == "08" and s == "TUR" for c, s, _ in found)


# an attack told by the device alone: an unidentified armed force of the place's country bombed
DEVICE_CASES = [
    ("Two Afghan policemen were killed by a roadside bomb in Kabul on Monday.",
     {"Afghan policemen": "AFGPOL"}, ("183", "AFGUAF", "AFGPOL"), True),
    ("A car bomb near a market in Baghdad killed four Iraqi soldiers.",
     {"Iraqi soldiers": "IRQMIL"}, ("183", "IRQUAF", "IRQMIL"), True),
    # no place named: no country to give the attacker
    ("Two Afghan policemen were killed by a roadside bomb on Monday.",
     {"Afghan policemen": "AFGPOL"}, ("183", "AFGUAF", "AFGPOL"), False),
    # an agent named: that agent did it
    ("Taliban fighters killed two Afghan policemen with a roadside bomb in Kabul.",
     {"Taliban fighters": "AFGREB", "Afghan policemen": "AFGPOL"}, ("183", "AFGUAF", "AFGPOL"), False),
]


@pytest.mark.parametrize("text,actors,event,present", DEVICE_CASES, ids=[c[0][:40] for c in DEVICE_CASES])
def test_unclaimed_device_attack(coder, stage, text, actors, event, present):  # noqa: F811
    assert (event in triples(code_events(coder, stage, text, actors))) is present


# an event noun in the "for" phrase of a verb of coming together: the subject came for it
LIGHT_FOR_CASES = [
    ("Indian and Pakistani negotiators return to Doha next week for talks on water sharing.",
     {"Indian": "INDGOV", "Pakistani negotiators": "PAKGOV"}, ("046", "INDGOV", "PAKGOV"), True),
    ("Hundreds of Chilean miners gathered on Friday for a protest against the ministry.",
     {"Chilean miners": "CHLLAB", "ministry": "CHLGOV"}, ("140", "CHLLAB", "CHLGOV"), True),
    # "for" on another verb gives nothing
    ("Chilean miners were praised for a protest against the ministry.",
     {"Chilean miners": "CHLLAB", "ministry": "CHLGOV"}, ("140", "CHLLAB", "CHLGOV"), False),
]


@pytest.mark.parametrize("text,actors,event,present", LIGHT_FOR_CASES, ids=[c[0][:40] for c in LIGHT_FOR_CASES])
def test_event_noun_in_the_for_phrase_of_a_coming(coder, stage, text, actors, event, present):  # noqa: F811
    assert (event in triples(code_events(coder, stage, text, actors))) is present


# "resorted to throwing stones": the gerund after resort/turn is the subject's own act
RESORT_CASES = [
    ("Greek students resorted to throwing stones at riot police in Athens.",
     {"Greek students": "GRCEDU", "riot police": "GRCPOL"}, ("145", "GRCEDU", "GRCPOL"), True),
    # no target named: a protest is against the protesters' own state
    ("Chilean strikers threw rocks during the march in Santiago.",
     {"Chilean strikers": "CHLLAB"}, ("145", "CHLLAB", "CHLGOV"), True),
]


@pytest.mark.parametrize("text,actors,event,present", RESORT_CASES, ids=[c[0][:40] for c in RESORT_CASES])
def test_resorting_to_violent_protest(coder, stage, text, actors, event, present):  # noqa: F811
    assert (event in triples(code_events(coder, stage, text, actors))) is present


# a truce one side declares alone; a passive investigation with no agent is the state's
ALONE_CASES = [
    ("The guerrillas declared a unilateral truce on Friday in the north.",
     {"guerrillas": "COLREB"}, ("0871", "COLREB", None), True),
    ("A British tourist has been put under investigation in Greece for her role in a brawl.",
     {"British tourist": "GBRCVL"}, ("090", "GRCPOL", "GBRCVL"), True),
]


@pytest.mark.parametrize("text,actors,event,present", ALONE_CASES, ids=[c[0][:40] for c in ALONE_CASES])
def test_unilateral_truce_and_agentless_investigation(coder, stage, text, actors, event, present):  # noqa: F811
    assert (event in triples(code_events(coder, stage, text, actors))) is present


# a threat to act in a country threatens that country (a country, not a place in it)
THREAT_PLACE_CASES = [
    ("Al-Shabaab threatened on Tuesday to resume violent activities in Kenya.", ("130", "SOM", "KEN"), True),
    ("Al-Shabaab threatened on Tuesday to resume violent activities in Mombasa.", ("130", "SOM", "KEN"), False),
]


@pytest.mark.parametrize("text,event,present", THREAT_PLACE_CASES, ids=[c[0][:40] for c in THREAT_PLACE_CASES])
def test_threat_to_act_in_a_country(coder, text, event, present):
    coded = coder.code(text)
    found = {(e.cameo, (e.source_code or "")[:3], (e.target_code or "")[:3] or None) for e in coded.events}
    assert (event in found) is present


# armed groups of civil wars that news archives report (data/knowledge/groups.tsv)
GROUP_CASES = [
    ("Government troops clashed with the Tamil Tigers near Jaffna.", "LKAREB"),
    ("The Revolutionary United Front released 50 hostages on Sunday.", "SLEREB"),
]


@pytest.mark.parametrize("text,code", GROUP_CASES, ids=[c[1] for c in GROUP_CASES])
def test_armed_groups_are_known(coder, text, code):
    assert code in {a.code for a in coder.code(text).actors}


@pytest.mark.parametrize("published,code", [("1994-03-01", "AGOREB"), ("2022-08-25", "AGOOPP")])
def test_an_insurgency_turned_party_is_coded_by_date(coder, published, code):
    import datetime as dt

    from wirecoder.records import Article
    coded = coder.code(Article(text="UNITA leaders met envoys in Luanda on Monday.",
                               published=dt.date.fromisoformat(published)))
    assert code in {a.code for a in coded.actors}
