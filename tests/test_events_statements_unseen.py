"""Statements on unseen news: classes of news language the statement coder read wrongly or missed
(neutral and sad reports read as criticism, an allegation told of the speaker itself, a purpose
clause, criticism told in an idiom, questioning people). Invented names and words, never a
sentence of the bench stories."""
from __future__ import annotations

import pytest

from test_events import code_events, quoted, stage, triples  # noqa: F401  (the module's stage fixture)

JUDGEMENTS = {"110", "111", "112", "016", "051"}


def judgements(doc) -> set[tuple[str, str | None, str | None]]:
    return {t for t in triples(doc) if t[0] in JUDGEMENTS}


REPORTS = [
    # a plain report with no actor as the subject of its clause judges nobody, however sad its news
    ("Kamal Oduya, the head of the Ferro gang, was shot dead in a firefight with troops on Sunday, "
     "Zembla officials said.",
     {"Kamal Oduya": "ZEMREB", "Zembla officials": "ZEMGOV"},
     "Kamal Oduya, the head of the Ferro gang, was shot dead in a firefight with troops on Sunday", "said", set()),
    ("According to Ilse Marten, there were 40 deaths in the riot, including two guards, Pavel Ruzic among them.",
     {"Ilse Marten": "ZEMGOV", "Pavel Ruzic": "ZEMREB"},
     "there were 40 deaths in the riot, including two guards, Pavel Ruzic among them", "According", set()),
    ("The Osterlich embassy said it learned of the escape of Tomas Brel from the island prison and was "
     "saddened by the terrible loss of life.",
     {"Osterlich embassy": "OSTGOV", "Tomas Brel": "ZEM"},
     "it learned of the escape of Tomas Brel from the island prison and was saddened by the terrible loss of life",
     "said", set()),
    ("Zembla rebels said a spy plane crashed near the dam, leaving all the crew and several Osterlich "
     "intelligence officers dead.",
     {"Zembla rebels": "ZEMREB", "Osterlich intelligence officers": "OSTSPY"},
     "a spy plane crashed near the dam, leaving all the crew and several Osterlich intelligence officers dead",
     "said", set()),
    # a country that undergoes what is told, or only tells it, is not judged (any sector)
    ("The Osterlich finance minister said Zembla suffered heavy losses in the storms.",
     {"Osterlich finance minister": "OSTGOV", "Zembla": "ZEM"},
     "Zembla suffered heavy losses in the storms", "said", set()),
    ("The Osterlich relief agency said Zembla faces a severe hunger crisis and rising poverty.",
     {"Osterlich relief agency": "OSTGOV", "Zembla": "ZEM"},
     "Zembla faces a severe hunger crisis and rising poverty", "said", set()),
    ("The Osterlich health minister said Zembla had reported 40 deaths from cholera.",
     {"Osterlich health minister": "OSTGOV", "Zembla": "ZEM"},
     "Zembla had reported 40 deaths from cholera", "said", set()),
    # the subject of the clause named: still the speaker's judgement of it
    ("Zembla officials said the Osterlich militia was cruel, corrupt and lawless.",
     {"Zembla officials": "ZEMGOV", "Osterlich militia": "OSTREB"},
     "the Osterlich militia was cruel, corrupt and lawless", "said", {("111", "ZEMGOV", "OSTREB")}),
    # vote rigging told of someone is an allegation (a news word VADER lacks)
    ("The Zembla opposition leader said the Zembla election board had rigged the count.",
     {"Zembla opposition leader": "ZEMOPP", "Zembla election board": "ZEMGOV"},
     "the Zembla election board had rigged the count", "said", {("112", "ZEMOPP", "ZEMGOV")}),
    # an allegation verb still reads an actor anywhere in what is claimed
    ("The Zembla prosecutor claimed that the stolen funds ended up with Osterlich officials.",
     {"Zembla prosecutor": "ZEMJUD", "Osterlich officials": "OSTGOV"},
     "the stolen funds ended up with Osterlich officials", "claimed", {("112", "ZEMJUD", "OSTGOV")}),
]


@pytest.mark.parametrize("text,actors,content,cue,expected", REPORTS, ids=[c[0][:40] for c in REPORTS])
def test_a_report_judges_only_the_actor_it_tells_of(coder, stage, text, actors, content, cue, expected):  # noqa: F811
    doc = code_events(coder, stage, text, actors, quotes=quoted(text, content, cue))
    assert judgements(doc) == expected


SELF_TOLD = [
    # an allegation word told of the speaker itself is the speaker's own denial, not an accusation
    ('"Nobody in Osterlich can prove that I was involved in any corrupt deal," the former Zembla minister said.',
     {"former Zembla minister": "ZEMOPP", "Osterlich": "OST"},
     "Nobody in Osterlich can prove that I was involved in any corrupt deal", set()),
    ('"Not one court in Osterlich has found us guilty of fraud," the Zembla party leader said.',
     {"Zembla party leader": "ZEMOPP", "Osterlich": "OST"},
     "Not one court in Osterlich has found us guilty of fraud", set()),
    # told of another actor, it stays an allegation
    ('"The Osterlich customs chiefs were involved in the corrupt deal," the former Zembla minister said.',
     {"former Zembla minister": "ZEMOPP", "Osterlich customs chiefs": "OSTGOV"},
     "The Osterlich customs chiefs were involved in the corrupt deal", {("112", "ZEMOPP", "OSTGOV")}),
]


@pytest.mark.parametrize("text,actors,content,expected", SELF_TOLD, ids=[c[0][:40] for c in SELF_TOLD])
def test_an_allegation_told_of_the_speaker_is_no_accusation(coder, stage, text, actors, content, expected):  # noqa: F811
    doc = code_events(coder, stage, text, actors, quotes=quoted(text, content))
    assert judgements(doc) == expected


def test_a_purpose_clause_is_not_what_happens(coder, stage):  # noqa: F811
    text = ('"Freeing the courts matters so the Zembla prison service can focus on violent, dangerous and '
            'cruel convicts," the Osterlich envoy added.')
    content = "Freeing the courts matters so the Zembla prison service can focus on violent, dangerous and cruel convicts"
    doc = code_events(coder, stage, text, {"Osterlich envoy": "OSTGOV", "Zembla prison service": "ZEMGOV"},
                      quotes=quoted(text, content, speaker="A1"))
    assert judgements(doc) == set()


IDIOMS = [
    # criticism received "under fire from" a political actor
    ("The Zembla interior minister came under fire from opposition lawmakers over the police raids.",
     {"Zembla interior minister": "ZEMGOV", "opposition lawmakers": "ZEMOPP"}, {("111", "ZEMOPP", "ZEMGOV")}),
    ("The Osterlich cabinet has drawn fire from Zembla for its new visa rules.",
     {"Osterlich cabinet": "OSTGOV", "Zembla": "ZEM"}, {("111", "ZEM", "OSTGOV")}),
    # fire from an armed side is shooting, not criticism; fire from nobody named has no source
    ("The Zembla army patrol came under fire from Osterlich rebels near the border.",
     {"Zembla army patrol": "ZEMMIL", "Osterlich rebels": "OSTREB"}, set()),
    ("The Zembla governor came under fire over the slow flood relief.", {"Zembla governor": "ZEMGOV"}, set()),
    # "in a rebuke to X": the subject of the clause criticises X
    ("In a rebuke to Osterlich, the Zembla foreign ministry recalled its ambassador for talks.",
     {"Osterlich": "OST", "Zembla foreign ministry": "ZEMGOV"}, {("111", "ZEMGOV", "OST")}),
    ("In a thinly veiled swipe at Osterlich, the Zembla president said neighbours must respect borders.",
     {"Osterlich": "OST", "Zembla president": "ZEMGOV"}, {("111", "ZEMGOV", "OST")}),
    # a rebuke to no actor named: nothing
    ("In a rebuke to his critics, the Zembla president went ahead with the parade.",
     {"Zembla president": "ZEMGOV"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", IDIOMS, ids=[c[0][:40] for c in IDIOMS])
def test_criticism_told_in_an_idiom(coder, stage, text, actors, expected):  # noqa: F811
    assert judgements(code_events(coder, stage, text, actors)) == expected


QUESTIONING = [
    # questioning people is an inquiry (090), not disapproval
    ("Zembla police questioned the suspects for several hours.", {"Zembla police": "ZEMPOL"},
     {("090", "ZEMPOL", None)}),
    ("Zembla detectives questioned two witnesses about the fire.", {"Zembla detectives": "ZEMPOL"},
     {("090", "ZEMPOL", None)}),
    # questioning a decision stays disapproval
    ("The Zembla opposition questioned the wisdom of the new fuel tax.", {"Zembla opposition": "ZEMOPP"},
     {("110", "ZEMOPP", None)}),
]


@pytest.mark.parametrize("text,actors,expected", QUESTIONING, ids=[c[0][:40] for c in QUESTIONING])
def test_questioning_people_is_an_inquiry(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


QUOTED_AFTER_SUBJECT = [
    # a quotation that starts after the subject of its own clause: the subject is whom it judges
    ('The Zembla foreign minister said Osterlich officials "were corrupt, cruel and lawless" for years.',
     {"Zembla foreign minister": "ZEMGOV", "Osterlich officials": "OSTGOV"},
     "were corrupt, cruel and lawless", {("111", "ZEMGOV", "OSTGOV")}),
    # ... also beside another act of the speaker's in the same sentence (two events)
    ('While announcing sanctions on Ruzic this week, the Zembla foreign minister said Ruzic '
     '"was involved in corrupt deals" while in office.',
     {"Ruzic": "OSTOPP", "Zembla foreign minister": "ZEMGOV"},
     "was involved in corrupt deals", {("112", "ZEMGOV", "OSTOPP")}),
]


@pytest.mark.parametrize("text,actors,content,expected", QUOTED_AFTER_SUBJECT,
                         ids=[c[0][:40] for c in QUOTED_AFTER_SUBJECT])
def test_a_quotation_after_its_subject(coder, stage, text, actors, content, expected):  # noqa: F811
    speaker = "A1" if text.startswith("The Zembla") else "A2"
    doc = code_events(coder, stage, text, actors,
                      quotes=quoted(text, content, cue="said", speaker=speaker, kind="direct"))
    assert judgements(doc) == expected


JUDGED_ACTS = [
    # an act judged by what it is, its doer named in its own phrase: the speaker criticises the doer
    ("The Zembla defence minister said Osterlich's missile launch was a grave provocation.",
     {"Zembla defence minister": "ZEMGOV", "Osterlich": "OST"}, "Osterlich's missile launch was a grave provocation",
     {("111", "ZEMGOV", "OST")}),
    ("The Zembla foreign ministry said the tariffs imposed by Osterlich were illegal and cruel.",
     {"Zembla foreign ministry": "ZEMGOV", "Osterlich": "OST"}, "the tariffs imposed by Osterlich were illegal and cruel",
     {("111", "ZEMGOV", "OST")}),
    ("The Zembla defence minister said the Osterlich naval drills were reckless and dangerous.",
     {"Zembla defence minister": "ZEMGOV", "Osterlich": "OST"}, "the Osterlich naval drills were reckless and dangerous",
     {("111", "ZEMGOV", "OST")}),
    # a judgement of an act is evaluative by itself: one mild word is enough
    ("The Osterlich mission said the Zembla government's crackdown on students was disproportionate.",
     {"Osterlich mission": "OSTGOV", "Zembla government": "ZEMGOV"},
     "the Zembla government's crackdown on students was disproportionate", {("111", "OSTGOV", "ZEMGOV")}),
    ("The Zembla opposition said the Osterlich tariffs were close to last year's.",
     {"Zembla opposition": "ZEMOPP", "Osterlich": "OST"}, "the Osterlich tariffs were close to last year's", set()),
    # what the act did is a report of it, not a judgement
    ("Zembla police said Osterlich's missile strike killed four fishermen.",
     {"Zembla police": "ZEMPOL", "Osterlich": "OST"}, "Osterlich's missile strike killed four fishermen", set()),
    # a nationality on people, not on an act, names no doer
    ("The Zembla minister said Osterlich farmers were poor and desperate.",
     {"Zembla minister": "ZEMGOV", "Osterlich": "OST"}, "Osterlich farmers were poor and desperate", set()),
]


@pytest.mark.parametrize("text,actors,content,expected", JUDGED_ACTS, ids=[c[0][:40] for c in JUDGED_ACTS])
def test_an_act_judged_names_its_doer(coder, stage, text, actors, content, expected):  # noqa: F811
    doc = code_events(coder, stage, text, actors, quotes=quoted(text, content, "said"))
    assert judgements(doc) == expected


@pytest.mark.parametrize("text,content", [
    ("The Zembla embassy said the allegations by the Osterlich coast guard were groundless.",
     "the allegations by the Osterlich coast guard were groundless"),
    ("The Zembla embassy said the claims made by the Osterlich coast guard were absurd.",
     "the claims made by the Osterlich coast guard were absurd"),
])
def test_a_denial_names_who_made_the_allegation(coder, stage, text, content):  # noqa: F811
    doc = code_events(coder, stage, text, {"Zembla embassy": "ZEMGOV", "Osterlich coast guard": "OSTMIL"},
                      quotes=quoted(text, content, "said"))
    denials = {t for t in judgements(doc) if t[0] == "016"}
    assert denials == {("016", "ZEMGOV", "OSTMIL")}


NAMED_WRONGDOERS = [
    # civilians named wrongdoers after a copula are the accused, not victims
    ("The Zembla interior minister said the Osterlich protesters were criminals and thugs.",
     {"Zembla interior minister": "ZEMGOV", "Osterlich protesters": "OSTCVL"},
     "the Osterlich protesters were criminals and thugs", {("111", "ZEMGOV", "OSTCVL")}),
    # ... a victim noun leaves them victims
    ("Zembla police said the Osterlich villagers were victims of the raid.",
     {"Zembla police": "ZEMPOL", "Osterlich villagers": "OSTCVL"},
     "the Osterlich villagers were victims of the raid", set()),
    ("Zembla police said the Osterlich villagers were sick and frightened.",
     {"Zembla police": "ZEMPOL", "Osterlich villagers": "OSTCVL"},
     "the Osterlich villagers were sick and frightened", set()),
]


@pytest.mark.parametrize("text,actors,content,expected", NAMED_WRONGDOERS, ids=[c[0][:40] for c in NAMED_WRONGDOERS])
def test_civilians_named_wrongdoers(coder, stage, text, actors, content, expected):  # noqa: F811
    doc = code_events(coder, stage, text, actors, quotes=quoted(text, content, "said"))
    assert judgements(doc) == expected


SAID_OF = [
    # "X said of Y": Y is whom the words are about
    ('"They are killers and thieves," the Zembla army chief said of the Osterlich militia.',
     {"Zembla army chief": "ZEMMIL", "Osterlich militia": "OSTREB"}, "They are killers and thieves",
     {("111", "ZEMMIL", "OSTREB")}),
    ('"He has been a wonderful and generous partner," the Zembla president said of the Osterlich premier.',
     {"Zembla president": "ZEMGOV", "Osterlich premier": "OSTGOV"}, "He has been a wonderful and generous partner",
     {("051", "ZEMGOV", "OSTGOV")}),
    # words with no clear polarity are no event
    ('"It was a long week," the Zembla president said of the talks with Osterlich.',
     {"Zembla president": "ZEMGOV", "Osterlich": "OST"}, "It was a long week", set()),
]


@pytest.mark.parametrize("text,actors,content,expected", SAID_OF, ids=[c[0][:40] for c in SAID_OF])
def test_said_of_names_the_target(coder, stage, text, actors, content, expected):  # noqa: F811
    doc = code_events(coder, stage, text, actors, quotes=quoted(text, content, "said", kind="direct"))
    assert judgements(doc) == expected


VIOLATIONS_TOLD = [
    # a violation is a judgement by itself: whoever tells it accuses the violator, beside the violation
    ("The Zembla foreign ministry said Osterlich troops had violated the border agreement.",
     {"Zembla foreign ministry": "ZEMGOV", "Osterlich troops": "OSTMIL"},
     "Osterlich troops had violated the border agreement", {("112", "ZEMGOV", "OSTMIL")}),
    # not of the speaker's own side
    ("The Zembla foreign ministry said Zembla troops had violated the border agreement.",
     {"Zembla foreign ministry": "ZEMGOV", "Zembla troops": "ZEMMIL"},
     "Zembla troops had violated the border agreement", set()),
]


@pytest.mark.parametrize("text,actors,content,expected", VIOLATIONS_TOLD, ids=[c[0][:48] for c in VIOLATIONS_TOLD])
def test_a_violation_told_is_an_accusation(coder, stage, text, actors, content, expected):  # noqa: F811
    doc = code_events(coder, stage, text, actors, quotes=quoted(text, content, "said"))
    assert judgements(doc) == expected
    assert any(t[0] == "128" for t in triples(doc))  # the violation stays


RISKS = [
    # a risk told of what is neither an actor nor an act accuses nobody
    ("A Zembla health official said the new variant poses a serious danger.", {"Zembla health official": "ZEMGOV"},
     set()),
    ("The Zembla weather service said the cyclone poses a risk to coastal towns.",
     {"Zembla weather service": "ZEMGOV"}, set()),
    # told of an actor, it is an accusation
    ("Zembla officials said Osterlich poses a grave threat.", {"Zembla officials": "ZEMGOV", "Osterlich": "OST"},
     {("112", "ZEMGOV", "OST")}),
]


@pytest.mark.parametrize("text,actors,expected", RISKS, ids=[c[0][:40] for c in RISKS])
def test_a_risk_told_of_no_actor(coder, stage, text, actors, expected):  # noqa: F811
    assert judgements(code_events(coder, stage, text, actors)) == expected


@pytest.mark.parametrize("text,content", [
    ("The Zembla junta said the Osterlich tariffs were inhumane.", "the Osterlich tariffs were inhumane"),
    ("The Zembla junta said the Osterlich blockade was barbaric and callous.",
     "the Osterlich blockade was barbaric and callous"),
])
def test_judgement_words_vader_lacks(coder, stage, text, content):  # noqa: F811
    doc = code_events(coder, stage, text, {"Zembla junta": "ZEMMIL", "Osterlich": "OST"},
                      quotes=quoted(text, content, "said"))
    assert ("111", "ZEMMIL", "OST") in judgements(doc)
