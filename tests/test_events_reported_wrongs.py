"""Root 11 on news language, round 2: wrongs a watchdog or an opponent tells of another actor
("rights groups say the army tortured detainees") are the speaker's allegation (112) beside the
wrong itself; officials' and witnesses' news of a raid, the speaker's own side and an armed
group's attack are no accusation; words and constructions of rebuke. Invented
names and words, one row per class."""
from __future__ import annotations

import pytest


from test_events import code_events, quoted, triples  # noqa: F401
from test_events import stage  # noqa: F401  (the module's stage fixture)




REPORTED_WRONGS = [
    # a rights group tells of a state's abuses: its allegation towards the state, beside the abuse
    ("The Velmar Rights Forum says Brenia's border police beat migrants at the crossing.",
     {"Velmar Rights Forum": "VLMNGO", "Brenia's border police": "BRNPOL"},
     "Brenia's border police beat migrants at the crossing", "says", ("112", "VLMNGO", "BRNPOL")),
    # the opposition of the same country accuses its police
    ("The Quoran opposition alliance said Quoran prison guards had tortured three inmates.",
     {"Quoran opposition alliance": "QRNOPP", "Quoran prison guards": "QRNPOL"},
     "Quoran prison guards had tortured three inmates", "said", ("112", "QRNOPP", "QRNPOL")),
    ("Opposition leader Mara Ostby said the Veltan army had arrested dozens of her supporters.",
     {"Mara Ostby": "VLTOPP", "Veltan army": "VLTMIL"},
     "the Veltan army had arrested dozens of her supporters", "said", ("112", "VLTOPP", "VLTMIL")),
    # defying a ruling (128) told of another
    ("Mara Ostby said the Quoran cabinet had flouted the appeals court's order.",
     {"Mara Ostby": "VLTOPP", "Quoran cabinet": "QRNGOV"},
     "the Quoran cabinet had flouted the appeals court's order", "said", ("112", "VLTOPP", "QRNGOV")),
    # deceit VADER scores too mildly for a report: an allegation (words in data/statements)
    ("Mara Ostby said the Quoran cabinet had misled the parliament.",
     {"Mara Ostby": "VLTOPP", "Quoran cabinet": "QRNGOV"},
     "the Quoran cabinet had misled the parliament", "said", ("112", "VLTOPP", "QRNGOV")),
    ("Mara Ostby said the Quoran cabinet lied about the budget deficit.",
     {"Mara Ostby": "VLTOPP", "Quoran cabinet": "QRNGOV"},
     "the Quoran cabinet lied about the budget deficit", "said", ("112", "VLTOPP", "QRNGOV")),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", REPORTED_WRONGS,
                         ids=[c[0][:45] for c in REPORTED_WRONGS])
def test_a_wrong_told_of_another_is_an_allegation(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    assert expected in triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, cue)))


NO_ALLEGATION = [
    # officials, soldiers and witnesses tell the news of a raid or an arrest: no accusation
    ("The Quoran foreign ministry said Veltan troops shelled a border village.",
     {"Quoran foreign ministry": "QRNGOV", "Veltan troops": "VLTMIL"},
     "Veltan troops shelled a border village", "said"),
    ("Two Brenian shopkeepers said Quoran police had arrested their neighbours.",
     {"Brenian shopkeepers": "BRNBUS", "Quoran police": "QRNPOL"},
     "Quoran police had arrested their neighbours", "said"),
    # the speaker's own side: a government telling of its army's raid
    ("The Veltan defence ministry said the Veltan army had arrested dozens of smugglers.",
     {"Veltan defence ministry": "VLTGOV", "Veltan army": "VLTMIL"},
     "the Veltan army had arrested dozens of smugglers", "said"),
    # "our troops": the speaker's own side by the possessive
    ("Colonel Ruud Jansen of Quora said our troops shelled the ridge overnight.",
     {"Ruud Jansen": "QRNMIL", "troops": "QRNMIL"}, "our troops shelled the ridge overnight", "said"),
    # an armed group's attack told by officials: the news of the attack, no accusation
    ("Brenian police said Red Dawn fighters attacked a checkpoint near the border.",
     {"Brenian police": "BRNPOL", "Red Dawn fighters": "BRNREB"},
     "Red Dawn fighters attacked a checkpoint near the border", "said"),
    # only possible: no wrong told
    ("The Velmar Rights Forum says Brenia's border police could beat migrants at the crossing.",
     {"Velmar Rights Forum": "VLMNGO", "Brenia's border police": "BRNPOL"},
     "Brenia's border police could beat migrants at the crossing", "says"),
]


@pytest.mark.parametrize("text,actors,content,cue", NO_ALLEGATION, ids=[c[0][:45] for c in NO_ALLEGATION])
def test_no_allegation_for_own_side_or_armed_attack(coder, stage, text, actors, content, cue):  # noqa: F811
    found = triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, cue)))
    assert not any(code.startswith("11") for code, _, _ in found), found


CRITICISM_WORDS = [
    # verbs of rebuke news uses beside criticise/condemn
    ("Senator Lio Brandt chastised the Quoran cabinet for its silence.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
    ("Senator Lio Brandt reproached the Quoran cabinet.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
    ("Senator Lio Brandt admonished the Quoran cabinet over the leak.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
    ("Senator Lio Brandt reprimanded the Quoran cabinet.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
    ("Senator Lio Brandt railed against the Quoran cabinet on Sunday.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
    ("Senator Lio Brandt spoke out against the Quoran cabinet.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
    ("Senator Lio Brandt called out the Quoran cabinet for its double standards.",
     {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
    ("Senator Lio Brandt derided the Quoran cabinet's budget.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
    # a rebuke noun with its giver and its addressee
    ("Veltan's pointed rebuke to the Quoran cabinet surprised diplomats.", {"Veltan": "VLT", "Quoran cabinet": "QRNGOV"}),
    # "called X's decision shameful": the parser's small clause still names what is judged
    ("Senator Lio Brandt called the Quoran cabinet's decision shameful.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
    ("Senator Lio Brandt called the Quoran cabinet's remarks outrageous.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
]


@pytest.mark.parametrize("text,actors", CRITICISM_WORDS, ids=[c[0][:45] for c in CRITICISM_WORDS])
def test_words_of_criticism(coder, stage, text, actors):  # noqa: F811
    source, target = actors.values()
    assert ("111", source, target) in triples(code_events(coder, stage, text, actors))


NO_CRITICISM = [
    # "called ... out of" is no calling out; a rebuke noun with no giver names no source
    ("Senator Lio Brandt called the Quoran nurses out of the ward.", {"Lio Brandt": "VLTLEG", "Quoran nurses": "QRNHLH"}),
    # the small clause praising: no criticism
    ("Senator Lio Brandt called the Quoran cabinet's decision wise.", {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}),
]


@pytest.mark.parametrize("text,actors", NO_CRITICISM, ids=[c[0][:45] for c in NO_CRITICISM])
def test_no_criticism(coder, stage, text, actors):  # noqa: F811
    found = triples(code_events(coder, stage, text, actors))
    assert not any(code.startswith("11") for code, _, _ in found), found


def test_an_implied_doer_is_not_accused(coder, stage):  # noqa: F811
    text = "The Quoran consulate said two Veltan reporters were detained at the airport."
    actors = {"Quoran consulate": "QRNGOV", "Veltan reporters": "VLTMED"}
    found = triples(code_events(coder, stage, text, actors,
                                quotes=quoted(text, "two Veltan reporters were detained at the airport", "said")))
    assert not any(code.startswith("11") for code, _, _ in found), found


ACCUSATIONS_RECEIVED_AND_DOCUMENTED = [
    # the accused faces accusations "of N from X": the from-phrase may hang on the of-object
    ("Governor Tave Moen faces accusations of bribery from the Brenian auditors.",
     {"Tave Moen": "QRNGOV", "Brenian auditors": "BRNGOV"}, ("112", "BRNGOV", "QRNGOV")),
    ("Governor Tave Moen has faced allegations of fraud from the Brenian auditors.",
     {"Tave Moen": "QRNGOV", "Brenian auditors": "BRNGOV"}, ("112", "BRNGOV", "QRNGOV")),
    # a watchdog documents a wrong by someone
    ("The Velmar Rights Forum documented torture by the Quoran border guards.",
     {"Velmar Rights Forum": "VLMNGO", "Quoran border guards": "QRNMIL"}, ("112", "VLMNGO", "QRNMIL")),
    # "took X to task": criticism, not an arrest or an act of force
    ("Senator Lio Brandt took the Quoran cabinet to task over the budget.",
     {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}, ("111", "VLTLEG", "QRNGOV")),
]


@pytest.mark.parametrize("text,actors,expected", ACCUSATIONS_RECEIVED_AND_DOCUMENTED,
                         ids=[c[0][:45] for c in ACCUSATIONS_RECEIVED_AND_DOCUMENTED])
def test_accusations_received_and_documented(coder, stage, text, actors, expected):  # noqa: F811
    assert expected in triples(code_events(coder, stage, text, actors))


def test_a_by_phrase_inside_the_of_object_is_its_own_doer(coder, stage):  # noqa: F811
    # "criticism of the raid by X": X did the raid, not the criticism
    text = "The Quoran cabinet drew criticism of the raid by Veltan commandos."
    found = triples(code_events(coder, stage, text, {"Quoran cabinet": "QRNGOV", "Veltan commandos": "VLTMIL"}))
    assert ("111", "VLTMIL", "QRNGOV") not in found, found


FOR_QUESTIONING = [
    # a purpose gerund: no disapproval
    ("Brenian police detained two Quoran sailors for questioning.",
     {"Brenian police": "BRNPOL", "Quoran sailors": "QRNCVL"}, set()),
    ("Brenian prosecutors asked Governor Tave Moen to appear for questioning in the port inquiry.",
     {"Brenian prosecutors": "BRNJUD", "Tave Moen": "BRNGOV"}, set()),
    # the criticism that governs such a gerund stays
    ("Senator Lio Brandt criticised the Quoran cabinet for questioning the court's independence.",
     {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}, {("111", "VLTLEG", "QRNGOV")}),
]


@pytest.mark.parametrize("text,actors,expected", FOR_QUESTIONING, ids=[c[0][:45] for c in FOR_QUESTIONING])
def test_held_for_questioning_is_no_disapproval(coder, stage, text, actors, expected):  # noqa: F811
    found = {t for t in triples(code_events(coder, stage, text, actors)) if t[0].startswith("11")}
    assert found == expected


JAILING = [
    # a bare "jailed him" by soldiers or a junta is a detention
    ("The Veltan junta ousted Governor Tave Moen and jailed him.",
     {"Veltan junta": "VLTMIL", "Tave Moen": "VLTGOV"}, "173"),
    # for a term, for a crime, or on charges: a sentence
    ("A Veltan court jailed Governor Tave Moen for six years.",
     {"Veltan court": "VLTJUD", "Tave Moen": "VLTGOV"}, "116"),
    ("The Veltan authorities jailed Governor Tave Moen on charges of sedition.",
     {"Veltan authorities": "VLTGOV", "Tave Moen": "VLTOPP"}, "116"),
]


@pytest.mark.parametrize("text,actors,code", JAILING, ids=[c[0][:45] for c in JAILING])
def test_jailing_is_detention_or_sentence(coder, stage, text, actors, code):  # noqa: F811
    codes = {c for c, _, _ in triples(code_events(coder, stage, text, actors))}
    assert code in codes and not (codes & ({"116", "173"} - {code})), codes


WHAT_IT_CALLED = [
    # the target is named in what the speaker calls the thing judged
    ("The Veltan foreign ministry denounced what it called the Quoran cabinet's provocations.",
     {"Veltan foreign ministry": "VLTGOV", "Quoran cabinet": "QRNGOV"}, ("111", "VLTGOV", "QRNGOV")),
    ("Senator Lio Brandt condemned what he described as the Quoran cabinet's attacks on judges.",
     {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}, ("111", "VLTLEG", "QRNGOV")),
    # more words of rebuke and one of refusal
    ("The Veltan foreign ministry hit back at the Quoran cabinet on Friday.",
     {"Veltan foreign ministry": "VLTGOV", "Quoran cabinet": "QRNGOV"}, ("111", "VLTGOV", "QRNGOV")),
    ("Senator Lio Brandt lashed out against the Quoran cabinet.",
     {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}, ("111", "VLTLEG", "QRNGOV")),
    ("Senator Lio Brandt slammed the door on talks with the Quoran cabinet.",
     {"Lio Brandt": "VLTLEG", "Quoran cabinet": "QRNGOV"}, ("120", "VLTLEG", "QRNGOV")),
]


@pytest.mark.parametrize("text,actors,expected", WHAT_IT_CALLED, ids=[c[0][:45] for c in WHAT_IT_CALLED])
def test_what_it_called_and_more_rebukes(coder, stage, text, actors, expected):  # noqa: F811
    found = triples(code_events(coder, stage, text, actors))
    assert expected in found
    assert not any(c.startswith("11") for c, _, _ in found if c != expected[0]), found


def test_what_it_called_names_no_actor(coder, stage):  # noqa: F811
    text = "Senator Lio Brandt denounced what he called a shameful deal."
    assert triples(code_events(coder, stage, text, {"Lio Brandt": "VLTLEG"})) <= {("111", "VLTLEG", None)}
