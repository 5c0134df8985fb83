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
    # charging someone with a crime is legal action (173, as CAMEO names it); with no agent, the
    # state's law enforcement did it
    ("Two Osterlich opposition deputies were charged with sedition on Friday.",
     {"Osterlich opposition deputies": "OSTOPP"}, {("173", "OSTPOL", "OSTOPP")}),
    ("The Zembla attorney general charged the port director with embezzlement.",
     {"Zembla attorney general": "ZEMJUD", "port director": "ZEMBUS"}, {("173", "ZEMJUD", "ZEMBUS")}),
    # an indictment brings charges (115), no arrest
    ("The Zembla deputy mayor was indicted by the Osterlich tribunal for bribery.",
     {"Zembla deputy mayor": "ZEMGOV", "Osterlich tribunal": "OSTJUD"}, {("115", "OSTJUD", "ZEMGOV")}),
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


def test_one_of_the_lawsuits_named_before_speaks_for_its_filers(coder, stage):  # noqa: F811
    # "one suit", "an earlier lawsuit": one of the set the story named with who filed it
    text = ("Two Zembla unions have filed lawsuits against the Zembla labour ministry. "
            "One suit alleges the Zembla labour ministry forged the strike ballots.")
    actors = {"Zembla unions": "ZEMLAB", "Zembla labour ministry": "ZEMGOV"}
    found = triples(code_events(coder, stage, text, actors))
    assert ("115", "ZEMLAB", "ZEMGOV") in found and ("112", "ZEMLAB", "ZEMGOV") in found


def test_a_lawsuit_with_no_author_named_before_has_no_source(coder, stage):  # noqa: F811
    text = "The Zembla labour ministry was busy. One suit alleges the Zembla labour ministry forged the ballots."
    found = triples(code_events(coder, stage, text, {"Zembla labour ministry": "ZEMGOV"}))
    assert not any(code.startswith("11") for code, _, _ in found)


JUDGED_BY_WHAT_IT_SHOWS = [
    # an act judged by what it amounts to: a legal charge is an allegation, no actor named
    ("The Osterlich bar association says the handling of the inmates amounts to torture.",
     {"Osterlich bar association": "OSTJUD"}, "the handling of the inmates amounts to torture", "says",
     {("112", "OSTJUD", None)}),
    # ... or what it shows: a criticism
    ("The Osterlich bar association says the new decree shows a shameful disregard for basic rights.",
     {"Osterlich bar association": "OSTJUD"}, "the new decree shows a shameful disregard for basic rights", "says",
     {("111", "OSTJUD", None)}),
    # what a good act shows is no stand towards anyone
    ("The Osterlich bar association says the new decree shows respect for basic rights.",
     {"Osterlich bar association": "OSTJUD"}, "the new decree shows respect for basic rights", "says", set()),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", JUDGED_BY_WHAT_IT_SHOWS,
                         ids=[c[0][:50] for c in JUDGED_BY_WHAT_IT_SHOWS])
def test_an_act_judged_by_what_it_shows(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, cue))) == expected


def test_one_of_a_single_lawsuit_named_before_is_another(coder, stage):  # noqa: F811
    # "one suit" is a member of a set: a single lawsuit named before is not that set
    text = ("A Zembla union has filed a lawsuit against the Zembla labour ministry. "
            "One suit alleges the Zembla labour ministry forged the strike ballots.")
    actors = {"Zembla union": "ZEMLAB", "Zembla labour ministry": "ZEMGOV"}
    assert ("112", "ZEMLAB", "ZEMGOV") not in triples(code_events(coder, stage, text, actors))


JUDGEMENT_WORDS = [
    # judgements of votes and governments VADER lacks, read from the statement data
    ("Osterlich opposition chief Lena Varga called the referendum a sham.", {"Lena Varga": "OSTOPP"},
     {("111", "OSTOPP", None)}),
    ("Osterlich opposition chief Lena Varga described the Zembla cabinet as deeply corrupt.",
     {"Lena Varga": "OSTOPP", "Zembla cabinet": "ZEMGOV"}, {("111", "OSTOPP", "ZEMGOV")}),
    ("Osterlich opposition chief Lena Varga called the referendum a success.", {"Lena Varga": "OSTOPP"}, set()),
    ("Osterlich opposition chief Lena Varga described the Zembla cabinet as looting and squandering the oil revenue.",
     {"Lena Varga": "OSTOPP", "Zembla cabinet": "ZEMGOV"}, {("111", "OSTOPP", "ZEMGOV")}),
]


@pytest.mark.parametrize("text,actors,expected", JUDGEMENT_WORDS, ids=[c[0][:50] for c in JUDGEMENT_WORDS])
def test_news_judgement_words(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


def test_an_act_marred_by_wrongs_is_judged(coder, stage):  # noqa: F811
    text = "Osterlich opposition chief Lena Varga said the runoff vote was marred by widespread irregularities."
    content = "the runoff vote was marred by widespread irregularities"
    found = triples(code_events(coder, stage, text, {"Lena Varga": "OSTOPP"}, quotes=quoted(text, content, "said")))
    assert found == {("111", "OSTOPP", None)}


RECEIVED_CRITICISM = [
    ("The Zembla cabinet faced a fierce backlash from Osterlich over the border decree.",
     {"Zembla cabinet": "ZEMGOV", "Osterlich": "OST"}, {("111", "OST", "ZEMGOV")}),
    ("The Zembla cabinet faced an outcry from Osterlich farmers.",
     {"Zembla cabinet": "ZEMGOV", "Osterlich farmers": "OSTCVL"}, {("111", "OSTCVL", "ZEMGOV")}),
]


@pytest.mark.parametrize("text,actors,expected", RECEIVED_CRITICISM, ids=[c[0][:50] for c in RECEIVED_CRITICISM])
def test_a_backlash_received(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


MADE_WITH_A_STANCE = [
    # what the maker made carries the maker's stance
    ("Osterlich vlogger Piet Baan had been posting clips critical of the Zembla cabinet.",
     {"Piet Baan": "OSTMED", "Zembla cabinet": "ZEMGOV"}, {("111", "OSTMED", "ZEMGOV")}),
    ("The Osterlich Courier ran a string of columns sharply critical of the Zembla cabinet.",
     {"Osterlich Courier": "OSTMED", "Zembla cabinet": "ZEMGOV"}, {("111", "OSTMED", "ZEMGOV")}),
    # not made: nothing
    ("Osterlich vlogger Piet Baan never posted clips critical of the Zembla cabinet.",
     {"Piet Baan": "OSTMED", "Zembla cabinet": "ZEMGOV"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", MADE_WITH_A_STANCE, ids=[c[0][:50] for c in MADE_WITH_A_STANCE])
def test_a_stance_in_what_the_maker_made(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


TO_BLAME = [
    # "X is to blame": X is the accused, whoever says so the accuser (speaker: the actor id)
    ("Osterlich opposition chief Lena Varga said the Zembla cabinet was to blame for the blackout.",
     {"Lena Varga": "OSTOPP", "Zembla cabinet": "ZEMGOV"}, "the Zembla cabinet was to blame for the blackout", "said",
     "A1", {("112", "OSTOPP", "ZEMGOV")}),
    ("The Zembla cabinet is to blame for the blackout, Osterlich opposition chief Lena Varga said.",
     {"Lena Varga": "OSTOPP", "Zembla cabinet": "ZEMGOV"}, "The Zembla cabinet is to blame for the blackout", "said",
     "A1", {("112", "OSTOPP", "ZEMGOV")}),
    # "is to meet" is a plan of the subject's own, not something done to it
    ("The Zembla premier is to meet the Osterlich envoy on Friday, Osterlich senator Ada Pirn said.",
     {"Zembla premier": "ZEMGOV", "Osterlich envoy": "OSTGOV", "Ada Pirn": "OSTLEG"},
     "The Zembla premier is to meet the Osterlich envoy on Friday", "said", "A3", {("036", "ZEMGOV", "OSTGOV")}),
]


@pytest.mark.parametrize("text,actors,content,cue,speaker,expected", TO_BLAME, ids=[c[0][:50] for c in TO_BLAME])
def test_to_be_blamed(coder, stage, text, actors, content, cue, speaker, expected):  # noqa: F811
    quotes = quoted(text, content, cue, speaker)
    assert triples(code_events(coder, stage, text, actors, quotes=quotes)) == expected


CRITICS = [
    # "X has long been a vocal critic of Y", "X, a fierce critic of Y, ...": X's stance towards Y
    ("Osterlich senator Ada Pirn has long been an outspoken critic of the Zembla cabinet.",
     {"Ada Pirn": "OSTLEG", "Zembla cabinet": "ZEMGOV"}, {("111", "OSTLEG", "ZEMGOV")}),
    ("Osterlich senator Ada Pirn is a staunch opponent of the Zembla cabinet.",
     {"Ada Pirn": "OSTLEG", "Zembla cabinet": "ZEMGOV"}, {("110", "OSTLEG", "ZEMGOV")}),
]


@pytest.mark.parametrize("text,actors,expected", CRITICS, ids=[c[0][:50] for c in CRITICS])
def test_a_critic_of(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


NAMED_ARMED = [
    # naming someone an armed group accuses them
    ("Zembla border guards called the herders the Red Hand Brigade.",
     {"Zembla border guards": "ZEMMIL", "herders": "ZEMCVL", "Red Hand Brigade": "ZEMREB"},
     {("112", "ZEMMIL", "ZEMCVL")}),
    # a name that is no armed group is no accusation
    ("Zembla border guards called the herders the Osterlich Farmers Union.",
     {"Zembla border guards": "ZEMMIL", "herders": "ZEMCVL", "Osterlich Farmers Union": "OSTLAB"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", NAMED_ARMED, ids=[c[0][:50] for c in NAMED_ARMED])
def test_naming_someone_an_armed_group(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


COMMITTED_WRONGS = [
    # committing a wrong is doing it: what a speaker says of the doer is an allegation
    ("The Osterlich bar association said Zembla border guards committed serious abuses in the valley.",
     {"Osterlich bar association": "OSTJUD", "Zembla border guards": "ZEMMIL"},
     "Zembla border guards committed serious abuses in the valley", "said", {("112", "OSTJUD", "ZEMMIL")}),
    # committing money or troops to someone stays a pledge
    ("The Osterlich cabinet committed two million crowns to Zembla.",
     {"Osterlich cabinet": "OSTGOV", "Zembla": "ZEM"}, None, None, {("030", "OSTGOV", "ZEM")}),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", COMMITTED_WRONGS, ids=[c[0][:50] for c in COMMITTED_WRONGS])
def test_committing_a_wrong_is_no_pledge(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    quotes = quoted(text, content, cue) if content else ()
    assert triples(code_events(coder, stage, text, actors, quotes=quotes)) == expected


ACTS_JUDGED_IN_THE_PASSIVE = [
    # an act said to have suffered a wrong: a criticism, no actor named
    ("Osterlich opposition chief Lena Varga said the runoff vote was sabotaged.", {"Lena Varga": "OSTOPP"},
     "the runoff vote was sabotaged", {("111", "OSTOPP", None)}),
    # a neutral passive reports the act
    ("Osterlich opposition chief Lena Varga said the runoff vote was postponed.", {"Lena Varga": "OSTOPP"},
     "the runoff vote was postponed", set()),
    # a breach of a rule is an allegation
    ("The Osterlich bar association said the curfew decree was a violation of the charter.",
     {"Osterlich bar association": "OSTJUD"}, "the curfew decree was a violation of the charter", {("112", "OSTJUD", None)}),
]


@pytest.mark.parametrize("text,actors,content,expected", ACTS_JUDGED_IN_THE_PASSIVE,
                         ids=[c[0][:50] for c in ACTS_JUDGED_IN_THE_PASSIVE])
def test_an_act_judged_in_the_passive(coder, stage, text, actors, content, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, "said"))) == expected


@pytest.mark.xfail(strict=True, reason="a hedged charge against an act with no doer named in its sentence is left "
                   "uncoded: the doer told before (the guards) is not looked for")
def test_a_hedged_charge_against_an_act_done_before(coder, stage):  # noqa: F811
    text = ("Zembla prison guards beat the inmates for hours. "
            "The Osterlich bar association says the handling of the inmates may amount to torture.")
    content = "the handling of the inmates may amount to torture"
    actors = {"Zembla prison guards": "ZEMPOL", "Osterlich bar association": "OSTJUD"}
    found = triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, "says", "A2")))
    assert ("112", "OSTJUD", "ZEMPOL") in found


def test_conjoined_speakers_each_make_the_statement(coder, stage):  # noqa: F811
    text = "Zembla and Osterlich police said the smugglers were linked to the Red Hand Brigade."
    actors = {"Zembla": "ZEMPOL", "Osterlich police": "OSTPOL", "Red Hand Brigade": "ZEMREB"}
    content = "the smugglers were linked to the Red Hand Brigade"
    found = triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, "said", "A2")))
    assert found == {("112", "ZEMPOL", "ZEMREB"), ("112", "OSTPOL", "ZEMREB")}


INVOLVEMENT = [
    # involvement or complicity in a wrong is an allegation; in something good, nothing
    ("The Osterlich envoy said the Zembla harbour chief was involved in corrupt deals.",
     {"Osterlich envoy": "OSTGOV", "Zembla harbour chief": "ZEMGOV"},
     "the Zembla harbour chief was involved in corrupt deals", {("112", "OSTGOV", "ZEMGOV")}),
    ("The Osterlich envoy said Zembla was complicit in the raids.",
     {"Osterlich envoy": "OSTGOV", "Zembla": "ZEM"}, "Zembla was complicit in the raids", {("112", "OSTGOV", "ZEM")}),
    ("The Osterlich envoy said the Zembla harbour chief was involved in the peace talks.",
     {"Osterlich envoy": "OSTGOV", "Zembla harbour chief": "ZEMGOV"},
     "the Zembla harbour chief was involved in the peace talks", set()),
]


@pytest.mark.parametrize("text,actors,content,expected", INVOLVEMENT, ids=[c[0][:50] for c in INVOLVEMENT])
def test_involvement_in_a_wrong(coder, stage, text, actors, content, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, "said"))) == expected


PROTESTS = [
    # protesting over something is a demonstration (14), against the protesters' own state when no
    # target is named; a protest made *to* someone a complaint (114)
    ("Zembla dockers protested over the new port fees.", {"Zembla dockers": "ZEMLAB"}, {("140", "ZEMLAB", "ZEMGOV")}),
    ("The Zembla foreign ministry protested to Osterlich over the border incident.",
     {"Zembla foreign ministry": "ZEMGOV", "Osterlich": "OST"}, {("114", "ZEMGOV", "OST")}),
]


@pytest.mark.parametrize("text,actors,expected", PROTESTS, ids=[c[0][:50] for c in PROTESTS])
def test_protesting_over_is_no_official_complaint(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


CHARGING_A_PRICE = [
    ("Zembla clinics charge less than Osterlich hospitals.", {"Zembla": "ZEM", "Osterlich": "OST"}, set()),
    ("The Zembla ferry company charged Osterlich truckers higher fees.",
     {"Zembla ferry company": "ZEMBUS", "Osterlich truckers": "OSTBUS"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", CHARGING_A_PRICE, ids=[c[0][:50] for c in CHARGING_A_PRICE])
def test_charging_a_price_is_no_accusation(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected
