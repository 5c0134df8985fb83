"""Statements coded by what they say, and victims of a fight named by an event noun: each row is
a class of news language, with invented names and words (not copied from any gold story)."""
from __future__ import annotations

import pytest

from wirecoder.stages.event_statements import StatementCoder
from wirecoder.stages.statement_words import load_statement_words

from test_events import code_events, quoted, stage, triples  # noqa: F401  (the module's stage fixture)




STATEMENTS = [
    # a negative act the target is said to have done: an allegation (112)
    ("Ruritanian police said the rebels had cheated and stolen millions from the treasury.",
     {"Ruritanian police": "RURPOL", "rebels": "RURREB"}, "the rebels had cheated and stolen millions from the treasury",
     "said", {("112", "RURPOL", "RURREB")}),
    # a plain report must be clearly negative: a mildly negative one is no stand
    ("Ruritanian police said the rebels had taken millions from the treasury.",
     {"Ruritanian police": "RURPOL", "rebels": "RURREB"}, "the rebels had taken millions from the treasury",
     "said", set()),
    # what the content does, when a pattern codes it, wins: the content's own event
    ("Ruritanian police said the rebels had murdered three farmers near the border.",
     {"Ruritanian police": "RURPOL", "rebels": "RURREB", "farmers": "RURCVL"},
     "the rebels had murdered three farmers near the border", "said", {("190", "RURREB", "RURCVL")}),
    ("The Freedonian ministry alleged that Sylvania was smuggling weapons to the insurgents.",
     {"Freedonian ministry": "FREGOV", "Sylvania": "SYL"}, "Sylvania was smuggling weapons to the insurgents",
     "alleged", {("112", "FREGOV", "SYL")}),
    # an allegation verb: an actor anywhere in what is claimed
    ("The army spokesman claimed the attackers were trained by handlers in Osterlich.",
     {"army spokesman": "FREMIL", "Osterlich": "OST"}, "the attackers were trained by handlers in Osterlich", "claimed",
     {("112", "FREMIL", "OST")}),
    # a negative evaluation of a state: a criticism (111)
    ("The opposition leader said the Borduria government was corrupt, cruel and incompetent.",
     {"opposition leader": "BOROPP", "Borduria government": "BORGOV"},
     "the Borduria government was corrupt, cruel and incompetent", "said", {("111", "BOROPP", "BORGOV")}),
    # a positive evaluation: praise (051)
    ("The Freedonian envoy said the Sylvanian mediators were wonderful and very helpful.",
     {"Freedonian envoy": "FREGOV", "Sylvanian mediators": "SYLGOV"},
     "the Sylvanian mediators were wonderful and very helpful", "said", {("051", "FREGOV", "SYLGOV")}),
    # a neutral description of facts is no event
    ("The Ruritanian minister said the Freedonian delegation arrived on Tuesday.",
     {"Ruritanian minister": "RURGOV", "Freedonian delegation": "FREGOV"},
     "the Freedonian delegation arrived on Tuesday", "said", set()),
    # the victims a statement tells of are not whom it judges
    ("Police said three villagers were sick and frightened.",
     {"Police": "RURPOL", "villagers": "RURCVL"}, "three villagers were sick and frightened", "said", set()),
    # the speaker's own side is not judged
    ("The company chief said his firm faced terrible pressure.",
     {"company chief": "RURBUS", "his firm": "RURBUS"}, "his firm faced terrible pressure", "said", set()),
    # a private person (a country, no sector) tells, takes no political stand
    ("A Zembla farmer said the Osterlich soldiers had cheated and robbed everyone.",
     {"Zembla farmer": "ZEM", "Osterlich soldiers": "OSTMIL"},
     "the Osterlich soldiers had cheated and robbed everyone", "said", set()),
    # a possible or future clause reports nothing that happened
    ("The analyst said Sylvania could attack its neighbours.",
     {"analyst": "FREELI", "Sylvania": "SYL"}, "Sylvania could attack its neighbours", "said", set()),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", STATEMENTS, ids=[c[0][:40] for c in STATEMENTS])
def test_statement_coded_by_what_it_says(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    doc = code_events(coder, stage, text, actors, quotes=quoted(text, content, cue))
    assert triples(doc) == expected


EVALUATIONS = [
    # "described/called X as ...": the evaluated phrase names the target
    ("Ruritania's foreign minister called the Sylvanian sanctions illegal and shameful.",
     {"Ruritania's foreign minister": "RURGOV", "Sylvanian": "SYL"}, {("111", "RURGOV", "SYL")}),
    ("The Freedonian president described the Borduria government as a disgrace.",
     {"Freedonian president": "FREGOV", "Borduria government": "BORGOV"}, {("111", "FREGOV", "BORGOV")}),
    # an evaluation with no other actor is no event
    ("The Freedonian ministry described the weather as terrible.", {"Freedonian ministry": "FREGOV"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", EVALUATIONS, ids=[c[0][:40] for c in EVALUATIONS])
def test_evaluation_of_an_actor(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


@pytest.mark.parametrize("text", [
    "The Freedonian ministry described Sylvania's accusations as baseless.",
    "The Freedonian ministry called Sylvania's charges unfounded.",
])
def test_negative_evaluation_of_an_allegation_is_a_denial(coder, stage, text):  # noqa: F811
    # the allegation itself may be coded too (Sylvania's accusation); the evaluation denies it
    found = triples(code_events(coder, stage, text, {"Freedonian ministry": "FREGOV", "Sylvania": "SYL"}))
    assert ("016", "FREGOV", "SYL") in found


def test_called_allegations_baseless_is_a_denial_not_an_accusation(coder, stage):  # noqa: F811
    # "call" is a light verb for "allegation": without the statement it would read as the speaker's
    # own accusation; the evaluation makes it a denial, with no target when nobody is named
    text = "Caracas has repeatedly called the espionage charges baseless."
    found = triples(code_events(coder, stage, text, {"Caracas": "VENGOV"}))
    assert found == {("016", "VENGOV", None)}


COMMANDS = [
    ("The Zembla ministry instructed Zembla publishers not to print the cartoons.",
     {"Zembla ministry": "ZEMGOV", "Zembla publishers": "ZEMBUS"}, {("100", "ZEMGOV", "ZEMBUS")}),
    ("The supreme court ordered the Zembla government to release the activists.",
     {"supreme court": "ZEMJUD", "Zembla government": "ZEMGOV"}, {("100", "ZEMJUD", "ZEMGOV")}),
    # "told VOA that ... to ...": speech, not a command
    ("A Zembla official told VOA that the storm had moved to the coast.",
     {"Zembla official": "ZEMGOV", "VOA": "USAMED"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", COMMANDS, ids=[c[0][:40] for c in COMMANDS])
def test_infinitival_command_is_a_demand(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


VICTIMS = [
    # passive victim inside a fight with someone: the other side did it; a clash goes both ways
    ("A Ruritanian rebel was killed in a clash with the Ruritanian army.",
     {"Ruritanian rebel": "RURREB", "Ruritanian army": "RURMIL"},
     {("190", "RURMIL", "RURREB"), ("190", "RURREB", "RURMIL")}),
    ("Two Freedonian soldiers died in clashes with Sylvanian troops.",
     {"Freedonian soldiers": "FREMIL", "Sylvanian troops": "SYLMIL"},
     {("190", "SYLMIL", "FREMIL"), ("190", "FREMIL", "SYLMIL")}),
    # no other side named: nothing to code
    ("A Ruritanian rebel was killed in a clash on Friday.", {"Ruritanian rebel": "RURREB"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", VICTIMS, ids=[c[0][:40] for c in VICTIMS])
def test_victim_of_a_fight(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


def test_polarity_reads_lemmas_and_added_words(coder):
    words = load_statement_words(coder.resources.settings.data_dir / "statements")
    statements = StatementCoder(words)
    doc = coder.nlp("They committed crimes and the attack was deplorable.")
    # "crimes" is read as VADER's "crime"; "deplorable" comes from the added words
    assert statements.polarity(list(doc)) < words.negative
    assert statements.polarity(list(coder.nlp("The talks were excellent and very helpful."))) > words.positive


IMPLICIT_STATE = [
    # a passive arrest with no agent: the police of the victim's country, or of the place named
    ("The Zembla opposition leader was arrested on Monday.", {"Zembla opposition leader": "ZEMOPP"},
     {("173", "ZEMPOL", "ZEMOPP")}),
    ("The Zembla activist had been detained and questioned for a week.", {"Zembla activist": "ZEMNGO"},
     {("173", "ZEMPOL", "ZEMNGO")}),
    # an agent named: it is the source, nothing implicit
    ("The Zembla activist was arrested by Zembla soldiers.", {"Zembla activist": "ZEMNGO", "Zembla soldiers": "ZEMMIL"},
     {("173", "ZEMMIL", "ZEMNGO")}),
    # a deportation's state is only the one of a named place, never the deportees' own
    ("Forty Zembla migrants were deported.", {"Zembla migrants": "ZEMREF"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", IMPLICIT_STATE, ids=[c[0][:40] for c in IMPLICIT_STATE])
def test_passive_with_no_agent_is_the_states_act(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


STANCES = [
    # a stance adjective predicated of the source, towards an actor in its phrase
    ("Zembla lawmakers are deeply critical of the treaty with Osterlich.",
     {"Zembla lawmakers": "ZEMLEG", "Osterlich": "OST"}, {("111", "ZEMLEG", "OST")}),
    ("The Zembla opposition remains opposed to the pact with Osterlich.",
     {"Zembla opposition": "ZEMOPP", "Osterlich": "OST"}, {("120", "ZEMOPP", "OST")}),
    ("The Zembla government is supportive of Osterlich.",
     {"Zembla government": "ZEMGOV", "Osterlich": "OST"}, {("051", "ZEMGOV", "OST")}),
    # negated, or with no actor to take a stance towards: nothing
    ("The Zembla government is not critical of Osterlich.",
     {"Zembla government": "ZEMGOV", "Osterlich": "OST"}, set()),
    ("Zembla lawmakers are critical of the new budget.", {"Zembla lawmakers": "ZEMLEG"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", STANCES, ids=[c[0][:40] for c in STANCES])
def test_stance_adjective(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


LIGHT_SPEECH = [
    # a speech verb carrying a speech-act noun is a light verb: the noun decides the code
    ("The Zembla president tweeted condemnation of the raid by Osterlich.",
     {"Zembla president": "ZEMGOV", "Osterlich": "OST"}, ("111", "ZEMGOV", "OST")),
    ("The Zembla ministry posted praise for Osterlich.",
     {"Zembla ministry": "ZEMGOV", "Osterlich": "OST"}, ("051", "ZEMGOV", "OST")),
]


@pytest.mark.parametrize("text,actors,expected", LIGHT_SPEECH, ids=[c[0][:40] for c in LIGHT_SPEECH])
def test_speech_verb_as_light_verb(coder, stage, text, actors, expected):  # noqa: F811
    assert expected in triples(code_events(coder, stage, text, actors))


RECEIVED = [
    # the subject of a receiving verb is the target of the event its noun names
    ("The Zembla minister faced protests by Zembla farmers.",
     {"Zembla minister": "ZEMGOV", "Zembla farmers": "ZEMCVL"}, {("140", "ZEMCVL", "ZEMGOV")}),
    ("The Zembla president drew sharp criticism from Osterlich.",
     {"Zembla president": "ZEMGOV", "Osterlich": "OST"}, {("111", "OST", "ZEMGOV")}),
    # an actor that itself criticises keeps no receiver
    ("Osterlich voiced criticism of the Zembla president.",
     {"Zembla president": "ZEMGOV", "Osterlich": "OST"}, {("111", "OST", "ZEMGOV")}),
]


@pytest.mark.parametrize("text,actors,expected", RECEIVED, ids=[c[0][:40] for c in RECEIVED])
def test_receiving_verb_gives_the_target(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


def test_statement_data_errors_name_the_file(tmp_path, coder):
    from wirecoder.errors import KnowledgeError
    (tmp_path / "bad.yaml").write_text("negative: [1, 2\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="bad.yaml"):
        load_statement_words(tmp_path)
    with pytest.raises(KnowledgeError, match="no statement data"):
        load_statement_words(tmp_path / "missing")


def test_added_statement_file_extends_the_data(tmp_path, coder):
    import shutil
    shipped = coder.resources.settings.data_dir / "statements"
    for f in shipped.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "zz-mine.yaml").write_text("polarity:\n  skulduggery: -3.0\nallegation_verbs: [insinuate]\n",
                                           encoding="utf-8")
    words = load_statement_words(tmp_path)
    assert words.polarity["skulduggery"] == -3.0 and "insinuate" in words.allegation_verbs
    assert "claim" in words.allegation_verbs  # the shipped words stay
