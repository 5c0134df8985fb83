"""Precision of the cooperative roots 05, 06, 09 and 15 and recall of root 05 on news language:
each row is a class of construction, written with other names and words than the stories that
showed it."""
from __future__ import annotations

import pytest

from test_events import code_events, quoted, stage, triples  # noqa: F401  (the module's stage fixture)




CASES = [
    # an event noun an appeal asks for did not happen: only the appeal is coded
    ("The Norwegian envoy urged Colombia to open an inquiry into the massacre.",
     {"Norwegian envoy": "NORGOV", "Colombia": "COL"}, {("020", "NORGOV", "COL")}),
    ("The Danish minister encouraged Kenyan police to speed up investigations and to redouble patrols.",
     {"Danish minister": "DNKGOV", "Kenyan police": "KENPOL"}, {("020", "DNKGOV", "KENPOL")}),
    # ... an investigation someone opened is still one
    ("Kenyan police opened an investigation into the killings.",
     {"Kenyan police": "KENPOL"}, {("090", "KENPOL", None)}),
    # a later item of what a talk was about, hung by the parser on the talk verb
    ("Reporters talked with Merkel about her visit to Poland, German support for the Ukrainian army, "
     "and Russia's gas deliveries.",
     {"Merkel": "DEUGOV", "German": "DEU", "Russia": "RUS", "Poland": "POL"}, set()),
    # working with one's family or friends is private life, not cooperation of actors
    ("The Kenyan chef worked in Nairobi with his brother.",
     {"Kenyan chef": "KEN"}, set()),
    ("Ugandan officials worked with Kenya on the border checks.",
     {"Ugandan officials": "UGAGOV", "Kenya": "KEN"}, {("060", "UGAGOV", "KEN")}),
    # passing through a strait is a show of force; passing through a stage of growth is not
    ("A Japanese destroyer passed through the Korea Strait on Tuesday.",
     {"Japanese destroyer": "JPNMIL"}, {("150", "JPNMIL", None)}),
    ("Kenya skipped landlines, passing through a stage of growth that Europe needed decades for.",
     {"Kenya": "KEN", "Europe": "EUR"}, set()),
    # deploying is a force posture only for forces or to a place; deploying things is not
    ("Chad deployed two battalions to the Libyan border.",
     {"Chad": "TCD"}, {("154", "TCD", None)}),
    ("The Moroccan utility is deploying them as fast as it can.",
     {"Moroccan utility": "MARBUS"}, set()),
    # an agreement signed between two sides, as a reduced clause on the agreement
    ("The vote was held under the charter signed between the army and opposition parties.",
     {"army": "MMRMIL", "opposition parties": "MMROPP"},
     {("057", "MMRMIL", "MMROPP"), ("057", "MMROPP", "MMRMIL")}),
    # the second signer the parser hangs on the first one's relative clause
    ("The colonel who led the revolt against Keita and opposition leaders signed a transition accord in May.",
     {"colonel": "MLIMIL", "Keita": "MLIGOV", "opposition leaders": "MLIOPP"},
     {("057", "MLIMIL", "MLIOPP"), ("057", "MLIOPP", "MLIMIL")}),
    # "the backing / support of X" received by the subject: X backs it
    ("The Peruvian candidate has the backing of Bolivia.",
     {"Peruvian candidate": "PERGOV", "Bolivia": "BOL"}, {("050", "BOL", "PERGOV")}),
    ("The Bolivian port plan has won the backing of the Chilean government.",
     {"Bolivian": "BOL", "Chilean government": "CHLGOV"}, {("050", "CHLGOV", "BOL")}),
    # the same for disapproval received: "drew the criticism of X"
    ("The Kenyan minister drew the criticism of Amnesty International.",
     {"Kenyan minister": "KENGOV", "Amnesty International": "NGO"}, {("111", "NGO", "KENGOV")}),
    # ... with no actor as the one backed, the backing is not coded
    ("The new port plan has won the backing of the Chilean government.",
     {"Chilean government": "CHLGOV"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", CASES)
def test_root_precision_classes(coder, stage, text, actors, expected):
    assert triples(code_events(coder, stage, text, actors)) == expected


QUOTED = [
    # praise mixed with blame of what the target does is no praise
    ('"The Saudi council seems far more interested in promoting its friends and disrupting '
     'elections than in serving voters," the Yemeni minister said.',
     "The Saudi council seems far more interested in promoting its friends and disrupting elections "
     "than in serving voters", {"Saudi council": "SAUGOV", "Yemeni minister": "YEMGOV"}, "A2", set()),
    # plain praise still is
    ('"The Saudi mediators were wonderful and very helpful," the Yemeni minister said.',
     "The Saudi mediators were wonderful and very helpful",
     {"Saudi mediators": "SAUGOV", "Yemeni minister": "YEMGOV"}, "A2", {("051", "YEMGOV", "SAUGOV")}),
]


@pytest.mark.parametrize("text,content,actors,speaker,expected", QUOTED)
def test_quoted_praise(coder, stage, text, content, actors, speaker, expected):
    got = triples(code_events(coder, stage, text, actors, quotes=quoted(text, content, speaker=speaker)))
    assert {t for t in got if t[0].startswith("05")} == {t for t in expected if t[0].startswith("05")}


@pytest.mark.parametrize("text,actors", [
    # the last conjunct of the relative clause names no actor: still one signer, no joint act
    ("The colonel who jailed Keita and his ministers signed the accord in May.",
     {"colonel": "MLIMIL", "Keita": "MLIGOV"}),
])
def test_no_stranded_signer(coder, stage, text, actors):
    assert not {t for t in triples(code_events(coder, stage, text, actors)) if t[0] == "057"}


@pytest.mark.parametrize("text,actors,expected", [
    # an action weighed after "it" and a judgement word is not done
    ("It makes sense for the economy to assist Ecuadorian firms more effectively, the Chilean minister said.",
     {"Chilean minister": "CHLGOV", "Ecuadorian firms": "ECUBUS"}, set()),
    ("It would be a mistake to help the Sudanese army, the Egyptian envoy said.",
     {"Egyptian envoy": "EGYGOV", "Sudanese army": "SDNMIL"}, set()),
    # ... an infinitive under an intention stays an intention
    ("Chile plans to assist Ecuadorian firms.",
     {"Chile": "CHL", "Ecuadorian firms": "ECUBUS"}, {("033", "CHL", "ECUBUS")}),
])
def test_extraposed_judgements(coder, stage, text, actors, expected):
    assert triples(code_events(coder, stage, text, actors)) == expected


THANKS = [
    # crediting an actor's merit in one's own words is praise, even in a negated clause
    ('The Somali governor said: "Thanks to the bravery of Kenyan troops, nobody died."',
     "Thanks to the bravery of Kenyan troops, nobody died.",
     {"Somali governor": "SOMGOV", "Kenyan troops": "KENMIL"}, {("051", "SOMGOV", "KENMIL")}),
    # money or weather thanked for is no actor praised
    ('The Spanish mayor said: "Thanks to the revenues of the wind farm, the town rebuilt its roads."',
     "Thanks to the revenues of the wind farm, the town rebuilt its roads.",
     {"Spanish mayor": "ESPGOV"}, set()),
]


@pytest.mark.parametrize("text,content,actors,expected", THANKS)
def test_thanks_to_merit(coder, stage, text, content, actors, expected):
    got = triples(code_events(coder, stage, text, actors, quotes=quoted(text, content)))
    assert {t for t in got if t[0].startswith("05")} == expected


@pytest.mark.parametrize("text,actors,expected", [
    # trade of private people (civilians) is no economic cooperation of actors
    ("Historians found evidence of the villagers' brisk trade with Portuguese sailors.",
     {"villagers": "AGOCVL", "Portuguese sailors": "PRT"}, set()),
    # ... trade between states is
    ("Angola's trade with Portugal grew last year.",
     {"Angola": "AGO", "Portugal": "PRT"}, {("061", "AGO", "PRT"), ("061", "PRT", "AGO")}),
])
def test_private_trade(coder, stage, text, actors, expected):
    assert triples(code_events(coder, stage, text, actors)) == expected
