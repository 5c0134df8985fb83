"""Root 11 on news language: pointing out another actor's wrongdoing ("highlighted the
regime's violation of", "documented the army's abuses") is an accusation (112) towards the
wrongdoer; "object to" a policy of another actor is disapproval (110). Invented names and words."""
from __future__ import annotations

import pytest

from test_events import code_events, quoted, stage, triples  # noqa: F401  (the module's stage fixture)

WRONGDOING_POINTED_OUT = [
    ("The Zembla envoy highlighted the Osterlich junta's violation of the ceasefire.",
     {"Zembla envoy": "ZEMGOV", "Osterlich junta": "OSTGOV"}, ("112", "ZEMGOV", "OSTGOV")),
    ("Lena Varga documented the Osterlich army's abuses against prisoners.",
     {"Lena Varga": "ZEMNGO", "Osterlich army": "OSTMIL"}, ("112", "ZEMNGO", "OSTMIL")),
    ("The Zembla minister underscored the Osterlich government's repression of students.",
     {"Zembla minister": "ZEMGOV", "Osterlich government": "OSTGOV"}, ("112", "ZEMGOV", "OSTGOV")),
    ("Zembla lawmakers object to the Osterlich government's new tariffs.",
     {"Zembla lawmakers": "ZEMLEG", "Osterlich government": "OSTGOV"}, ("110", "ZEMLEG", "OSTGOV")),
]


@pytest.mark.parametrize("text,actors,expected", WRONGDOING_POINTED_OUT,
                         ids=[c[0][:45] for c in WRONGDOING_POINTED_OUT])
def test_wrongdoing_pointed_out(coder, stage, text, actors, expected):  # noqa: F811
    assert expected in triples(code_events(coder, stage, text, actors))


NOT_ACCUSATIONS = [
    # highlighting something that is no wrongdoing accuses nobody
    ("The Zembla envoy highlighted the Osterlich junta's progress on reforms.",
     {"Zembla envoy": "ZEMGOV", "Osterlich junta": "OSTGOV"}),
    ("Lena Varga documented the Osterlich army's parade in the capital.",
     {"Lena Varga": "ZEMNGO", "Osterlich army": "OSTMIL"}),
]


@pytest.mark.parametrize("text,actors", NOT_ACCUSATIONS, ids=[c[0][:45] for c in NOT_ACCUSATIONS])
def test_no_wrongdoing_no_accusation(coder, stage, text, actors):  # noqa: F811
    assert not {t for t in triples(code_events(coder, stage, text, actors)) if t[0].startswith("11")}


DOCUMENT_AUTHORS = [
    # a definite document noun with no author of its own is the one named before with its author
    ("A petition filed by Greenvale Watch on Monday challenges the Zembla government's mining permits. "
     "The petition alleges that the Zembla government ignored the courts.",
     {"Greenvale Watch": "ZEMNGO", "Zembla government": "ZEMGOV"}, ("112", "ZEMNGO", "ZEMGOV")),
]


@pytest.mark.parametrize("text,actors,expected", DOCUMENT_AUTHORS, ids=[c[0][:45] for c in DOCUMENT_AUTHORS])
def test_document_author_named_before(coder, stage, text, actors, expected):  # noqa: F811
    assert expected in triples(code_events(coder, stage, text, actors))


def test_indefinite_document_takes_no_earlier_author(coder, stage):  # noqa: F811
    text = ("A petition filed by Greenvale Watch on Monday challenges the Zembla government's mining permits. "
            "Another petition alleges that the Zembla government ignored the courts.")
    actors = {"Greenvale Watch": "ZEMNGO", "Zembla government": "ZEMGOV"}
    assert ("112", "ZEMNGO", "ZEMGOV") not in triples(code_events(coder, stage, text, actors))




REPORTERS_JUDGING_A_STATE = [
    # a journalist judging a state by what it is takes a stand
    ("Zembla columnist Ada Pell said the Osterlich government was cruel, corrupt and dishonest.",
     {"Ada Pell": "ZEMMED", "Osterlich government": "OSTGOV"},
     "the Osterlich government was cruel, corrupt and dishonest", {("111", "ZEMMED", "OSTGOV")}),
    ("Zembla reporter Tomas Riel said the Osterlich army was brutal, corrupt and cowardly.",
     {"Tomas Riel": "ZEMMED", "Osterlich army": "OSTMIL"},
     "the Osterlich army was brutal, corrupt and cowardly", {("111", "ZEMMED", "OSTMIL")}),
    # a private person (often a former official speaking as a commentator) stays commentary
    ("Former envoy Tomas Riel said the Osterlich army was brutal, corrupt and cowardly.",
     {"Tomas Riel": "ZEM", "Osterlich army": "OSTMIL"},
     "the Osterlich army was brutal, corrupt and cowardly", set()),
    # what a reporter tells a state did is a report, not a stand
    ("Zembla columnist Ada Pell said the Osterlich army had killed and wounded dozens of villagers.",
     {"Ada Pell": "ZEMMED", "Osterlich army": "OSTMIL"},
     "the Osterlich army had killed and wounded dozens of villagers", set()),
    # a reporter judging a group that is no state: no stand
    ("Zembla columnist Ada Pell said the Osterlich rebels were cruel, corrupt and dishonest.",
     {"Ada Pell": "ZEMMED", "Osterlich rebels": "OSTREB"},
     "the Osterlich rebels were cruel, corrupt and dishonest", set()),
    # a commentator (analyst) judging a state stays commentary
    ("Zembla analyst Ada Pell said the Osterlich government was cruel, corrupt and dishonest.",
     {"Ada Pell": "ZEMELI", "Osterlich government": "OSTGOV"},
     "the Osterlich government was cruel, corrupt and dishonest", set()),
]


@pytest.mark.parametrize("text,actors,content,expected", REPORTERS_JUDGING_A_STATE,
                         ids=[c[0][:45] for c in REPORTERS_JUDGING_A_STATE])
def test_reporter_judging_a_state(coder, stage, text, actors, content, expected):  # noqa: F811
    found = triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, "said")))
    assert {t for t in found if t[0].startswith("11")} == expected


VICTIM_SECTORS_ACCUSED = [
    # refugees or civilians told as the doers of a wrong are the accused
    ("The Zembla minister said the Osterlich migrants had smuggled guns and robbed the guards.",
     {"Zembla minister": "ZEMGOV", "Osterlich migrants": "OSTREF"},
     "the Osterlich migrants had smuggled guns and robbed the guards", {("112", "ZEMGOV", "OSTREF")}),
    # what they suffer leaves them the victims
    ("The Zembla minister said the Osterlich migrants had suffered abuses and robbery in the camps.",
     {"Zembla minister": "ZEMGOV", "Osterlich migrants": "OSTREF"},
     "the Osterlich migrants had suffered abuses and robbery in the camps", set()),
    ("The Zembla minister said the Osterlich migrants were wounded and robbed by the guards.",
     {"Zembla minister": "ZEMGOV", "Osterlich migrants": "OSTREF"},
     "the Osterlich migrants were wounded and robbed by the guards", set()),
]


@pytest.mark.parametrize("text,actors,content,expected", VICTIM_SECTORS_ACCUSED,
                         ids=[c[0][:45] for c in VICTIM_SECTORS_ACCUSED])
def test_victim_sector_as_the_accused(coder, stage, text, actors, content, expected):  # noqa: F811
    found = triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, "said")))
    assert {t for t in found if t[0].startswith("11")} == expected
