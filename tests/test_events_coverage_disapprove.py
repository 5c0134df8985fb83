"""Root 11 (disapprove) on news language: judgements of an act or policy with no actor named in
it, "described X as" with the predicate hung on the object, a bare "expressed concern", and
"allegedly" in reported speech. Invented names and words, one row per class."""
from __future__ import annotations

import pytest


from test_events import code_events, quoted, stage, triples  # noqa: F401  (the module's stage fixture)




EVALUATED_ACTS = [
    # an act or policy judged, no actor named in it: a criticism with no target
    ("The Zembla interior minister described the prison riot and jailbreak as shameful.",
     {"Zembla interior minister": "ZEMGOV"}, {("111", "ZEMGOV", None)}),
    ("Osterlich opposition chief Lena Varga described the proposed treaty as a national disaster.",
     {"Lena Varga": "OSTOPP"}, {("111", "OSTOPP", None)}),
    # the predicate's own actor ("a disaster *for Osterlich*") is the victim, not the target
    ("Osterlich opposition chief Lena Varga described the new decree as a disaster for Osterlich.",
     {"Lena Varga": "OSTOPP", "Osterlich": "OST"}, {("111", "OSTOPP", None)}),
    # an actor named in the judged phrase is the target
    ("The Zembla foreign ministry described the Osterlich crackdown as brutal and illegal.",
     {"Zembla foreign ministry": "ZEMGOV", "Osterlich": "OST"}, {("111", "ZEMGOV", "OST")}),
    # praise of an act with nobody named: no stand towards an actor
    ("The Zembla interior minister described the election as a great success.",
     {"Zembla interior minister": "ZEMGOV"}, set()),
    # a state of affairs is not an act: no event
    ("The Zembla interior minister described the weather as dreadful.", {"Zembla interior minister": "ZEMGOV"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", EVALUATED_ACTS, ids=[c[0][:45] for c in EVALUATED_ACTS])
def test_evaluation_of_an_act(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


STANCES_TOWARDS_ACTS = [
    ("Many Zembla fishermen are also critical of the agreement.", {"Zembla fishermen": "ZEMCVL"},
     {("111", "ZEMCVL", None)}),
    ("The Osterlich bar association remains deeply critical of the ruling.", {"Osterlich bar association": "OSTJUD"},
     {("111", "OSTJUD", None)}),
    # negated: nothing
    ("The Osterlich bar association is not critical of the ruling.", {"Osterlich bar association": "OSTJUD"},
     set()),
]


@pytest.mark.parametrize("text,actors,expected", STANCES_TOWARDS_ACTS, ids=[c[0][:45] for c in STANCES_TOWARDS_ACTS])
def test_stance_towards_an_act(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


REPORTED_ACTS = [
    # a reported judgement whose subject is a judged act: criticism, no target
    ("Zembla senator Ada Pirn said the new curfew law was cruel, unjust and illegal.",
     {"Ada Pirn": "ZEMLEG"}, "the new curfew law was cruel, unjust and illegal", "said", {("111", "ZEMLEG", None)}),
    # a neutral report of an act: no stand
    ("Zembla senator Ada Pirn said the new curfew law was adopted on Tuesday.",
     {"Ada Pirn": "ZEMLEG"}, "the new curfew law was adopted on Tuesday", "said", set()),
    # "allegedly" makes what is reported an allegation towards its subject
    ("Zembla prosecutors said the Osterlich intelligence service was allegedly part of the kidnapping plot.",
     {"Zembla prosecutors": "ZEMJUD", "Osterlich intelligence service": "OSTSPY"},
     "the Osterlich intelligence service was allegedly part of the kidnapping plot", "said",
     {("112", "ZEMJUD", "OSTSPY")}),
    # without it, a stative mildly negative report is no stand
    ("Zembla prosecutors said the Osterlich intelligence service was part of the planning group.",
     {"Zembla prosecutors": "ZEMJUD", "Osterlich intelligence service": "OSTSPY"},
     "the Osterlich intelligence service was part of the planning group", "said", set()),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", REPORTED_ACTS, ids=[c[0][:45] for c in REPORTED_ACTS])
def test_reported_judgement(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, cue))) == expected


CONCERN = [
    ("The Osterlich envoy to the talks expressed deep concern.", {"Osterlich envoy": "OSTGOV"},
     {("110", "OSTGOV", None)}),
    ("The Osterlich envoy voiced concern over the Zembla troop build-up.",
     {"Osterlich envoy": "OSTGOV", "Zembla": "ZEM"}, {("110", "OSTGOV", "ZEM")}),
]


@pytest.mark.parametrize("text,actors,expected", CONCERN, ids=[c[0][:45] for c in CONCERN])
def test_expressed_concern(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


VIOLATIONS_TOLD = [
    # a violation told of a subject that is no actor: the speaker alleges it of the violator
    ("Zembla rights groups say it violates Osterlich's treaty obligations.",
     {"Zembla rights groups": "ZEMNGO", "Osterlich": "OST"}, "it violates Osterlich's treaty obligations", "say",
     {("112", "ZEMNGO", "OST")}),
    # the violator named as the subject does it: the pattern's own event, and a watchdog telling
    # it accuses the violator (stages/event_reported_wrongs.py)
    ("Zembla rights groups say Osterlich violates the arms treaty.",
     {"Zembla rights groups": "ZEMNGO", "Osterlich": "OST"}, "Osterlich violates the arms treaty", "say",
     {("128", "OST", None), ("112", "ZEMNGO", "OST")}),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", VIOLATIONS_TOLD, ids=[c[0][:45] for c in VIOLATIONS_TOLD])
def test_violation_told_of_someone_else(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, cue))) == expected


def test_quoted_judgement_of_an_act_named_before_the_quotation(coder, stage):  # noqa: F811
    # 'said the decree "is cruel"': the judged act stands before the quotation marks
    text = 'Zembla senator Ada Pirn said the new decree "is cruel, unjust and shameful."'
    content = "is cruel, unjust and shameful."
    found = triples(code_events(coder, stage, text, {"Ada Pirn": "ZEMLEG"}, quotes=quoted(text, content, "said")))
    assert found == {("111", "ZEMLEG", None)}


VERBAL_ATTACKS = [
    # idioms of criticism, never a physical attack
    ("The Zembla president hit out at Osterlich on Tuesday.", {"Zembla president": "ZEMGOV", "Osterlich": "OST"},
     {("111", "ZEMGOV", "OST")}),
    ("The Zembla president took aim at Osterlich in a long speech.",
     {"Zembla president": "ZEMGOV", "Osterlich": "OST"}, {("111", "ZEMGOV", "OST")}),
]


@pytest.mark.parametrize("text,actors,expected", VERBAL_ATTACKS, ids=[c[0][:45] for c in VERBAL_ATTACKS])
def test_idioms_of_criticism(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


BLAME_TOLD = [
    # responsibility for a violent act, the hallmarks of a group: the speaker's allegation
    ("Zembla officials said Osterlich was responsible for the shelling of the port.",
     {"Zembla officials": "ZEMGOV", "Osterlich": "OST"}, "Osterlich was responsible for the shelling of the port",
     "said", {("112", "ZEMGOV", "OST")}),
    ("Zembla police said the explosion bore the hallmarks of the Red Hand Brigade.",
     {"Zembla police": "ZEMPOL", "Red Hand Brigade": "ZEMREB"},
     "the explosion bore the hallmarks of the Red Hand Brigade", "said", {("112", "ZEMPOL", "ZEMREB")}),
    # responsible for something good: no allegation
    ("Zembla officials said Osterlich was responsible for the new bridge over the river.",
     {"Zembla officials": "ZEMGOV", "Osterlich": "OST"}, "Osterlich was responsible for the new bridge over the river",
     "said", set()),
    # a judgement of an actor's conduct with words VADER lacks
    ("The Zembla envoy said Osterlich's naval drills were reckless and destabilizing.",
     {"Zembla envoy": "ZEMGOV", "Osterlich": "OST"}, "Osterlich's naval drills were reckless and destabilizing",
     "said", {("111", "ZEMGOV", "OST")}),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", BLAME_TOLD, ids=[c[0][:45] for c in BLAME_TOLD])
def test_blame_told(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, cue))) == expected


def test_reported_judgement_of_an_allegation_is_a_denial(coder, stage):  # noqa: F811
    text = "The Zembla ministry said Osterlich's accusations were absurd and false."
    content = "Osterlich's accusations were absurd and false"
    found = triples(code_events(coder, stage, text, {"Zembla ministry": "ZEMGOV", "Osterlich": "OST"},
                                quotes=quoted(text, content, "said")))
    # Osterlich's own accusation (its noun) may be coded as well; the ministry denies it
    assert ("016", "ZEMGOV", "OST") in found
    assert not any(code.startswith("11") and src == "ZEMGOV" for code, src, _ in found)


WITHHELD_SUPPORT = [
    # not supporting is disapproval, towards whoever the object names
    ("The Zembla senator does not support Osterlich's bid for membership.",
     {"Zembla senator": "ZEMLEG", "Osterlich": "OST"}, {("110", "ZEMLEG", "OST")}),
    ("The Zembla senator supports Osterlich's bid for membership.",
     {"Zembla senator": "ZEMLEG", "Osterlich": "OST"}, {("050", "ZEMLEG", "OST")}),
    # other negated actions still did not happen
    ("The Zembla senator did not meet the Osterlich envoy.",
     {"Zembla senator": "ZEMLEG", "Osterlich envoy": "OSTGOV"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", WITHHELD_SUPPORT, ids=[c[0][:45] for c in WITHHELD_SUPPORT])
def test_withheld_support_is_disapproval(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


HEDGED = [
    # a hedged legal charge is still the speaker's accusation
    ("The Zembla rights commission says Osterlich's treatment of the prisoners may amount to torture.",
     {"Zembla rights commission": "ZEMNGO", "Osterlich": "OST"},
     "Osterlich's treatment of the prisoners may amount to torture", "says", {("112", "ZEMNGO", "OST")}),
    # any other possible act reports nothing
    ("The Zembla rights commission says Osterlich may torture the prisoners.",
     {"Zembla rights commission": "ZEMNGO", "Osterlich": "OST"}, "Osterlich may torture the prisoners", "says",
     set()),
    # an attack called deliberate is an allegation against whoever is named
    ("A Zembla prosecutor said the shelling was deliberate and ordered by Osterlich commanders.",
     {"Zembla prosecutor": "ZEMJUD", "Osterlich commanders": "OSTMIL"},
     "the shelling was deliberate and ordered by Osterlich commanders", "said", {("112", "ZEMJUD", "OSTMIL")}),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", HEDGED, ids=[c[0][:45] for c in HEDGED])
def test_hedged_and_deliberate(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, cue))) == expected


BROKEN_UP_CELLS = [
    # breaking up a cell, ring or network is the arrest of its members (173)
    ("The Zembla security service broke up a smuggling ring near the port.",
     {"Zembla security service": "ZEMSPY", "smuggling ring": "ZEMCRM"}, {("173", "ZEMSPY", "ZEMCRM")}),
    ("Zembla police dismantled an arms trafficking network on Friday.",
     {"Zembla police": "ZEMPOL", "arms trafficking network": "ZEMCRM"}, {("173", "ZEMPOL", "ZEMCRM")}),
    # a crowd breaking up is no event
    ("The Zembla protesters broke up at noon.", {"Zembla protesters": "ZEMCVL"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", BROKEN_UP_CELLS, ids=[c[0][:45] for c in BROKEN_UP_CELLS])
def test_broken_up_cell(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


DOCUMENT_AUTHORS = [
    # a document speaks for the author of its by-phrase
    ("A report by the Zembla Helsinki Committee accused Osterlich police of torture.",
     {"Zembla Helsinki Committee": "ZEMNGO", "Osterlich police": "OSTPOL"}, ("1122", "ZEMNGO", "OSTPOL")),
    ("A complaint filed by the Zembla Bar Council alleges that the Osterlich ministry broke the law.",
     {"Zembla Bar Council": "ZEMJUD", "Osterlich ministry": "OSTGOV"}, ("112", "ZEMJUD", "OSTGOV")),
]


@pytest.mark.parametrize("text,actors,expected", DOCUMENT_AUTHORS, ids=[c[0][:45] for c in DOCUMENT_AUTHORS])
def test_document_speaks_for_its_author(coder, stage, text, actors, expected):  # noqa: F811
    assert expected in triples(code_events(coder, stage, text, actors))


def test_document_with_no_author_is_no_source(coder, stage):  # noqa: F811
    text = "A complaint alleges that the Osterlich ministry broke the law."
    found = triples(code_events(coder, stage, text, {"Osterlich ministry": "OSTGOV"}))
    assert not any(code.startswith("112") for code, _, _ in found)


def test_report_of_what_an_act_did_is_no_judgement(coder, stage):  # noqa: F811
    text = "A roadside bombing near the Zembla capital killed three Osterlich soldiers, the army said."
    content = "A roadside bombing near the Zembla capital killed three Osterlich soldiers"
    found = triples(code_events(coder, stage, text, {"army": "OSTMIL", "Osterlich soldiers": "OSTMIL"},
                                quotes=quoted(text, content, "said")))
    assert not any(code.startswith("11") for code, _, _ in found)
