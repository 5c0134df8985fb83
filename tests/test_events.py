"""The events stage on sentences whose actors the test sets itself (no dependence on the actors
stage): text -> expected events (CAMEO code prefix, source code, target code)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from wirecoder.records import Actor, Article, Mention, Quote
from wirecoder.stages.events import EventsStage

MONDAY = dt.date(2024, 7, 29)


@pytest.fixture(scope="module")
def stage(coder):
    return EventsStage(coder.resources)


def code_events(coder, stage, text, actors, published=MONDAY, quotes=(), metadata=()):
    doc = coder.nlp(text)
    doc._.article = Article(text=text, published=published, metadata_spans=tuple(metadata))
    mentions, records = [], []
    for i, (name, code) in enumerate(actors.items(), 1):
        spans = tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), text))
        records.append(Actor(f"A{i}", name, code, code[:3], code[3:] or None, None, "person", spans, "test"))
        mentions += [Mention(s, f"A{i}", text[s[0]:s[1]], "name") for s in spans]
    doc._.mentions = tuple(sorted(mentions, key=lambda m: m.span))
    doc._.actors = tuple(records)
    doc._.quotes = tuple(quotes)
    doc._.trace = ()
    return stage(doc)


def triples(doc):
    return {(e.cameo, e.source_code, e.target_code) for e in doc._.events}


def quoted(text: str, content: str, cue: str | None = None, speaker: str = "A1",
           kind: str | None = None) -> tuple[Quote, ...]:
    """One quote of ``content`` (a substring of ``text``) by actor ``speaker`` (A1 = first actor):
    indirect when cued by ``cue`` (a substring too), direct when not, unless ``kind`` says."""
    s = text.index(content)
    c = text.index(cue) if cue is not None else None
    return (Quote("Q1", kind or ("indirect" if cue is not None else "direct"), (s, s + len(content)), content,
                  speaker, None, (c, c + len(cue)) if cue is not None else None),)


CASES = [
    ("Russian President Vladimir Putin congratulated Nicolas Maduro on his victory.",
     {"Vladimir Putin": "RUSGOV", "Nicolas Maduro": "VENGOV"}, {("051", "RUSGOV", "VENGOV")}),
    ("The United States imposed new sanctions on Iran.",
     {"United States": "USA", "Iran": "IRN"}, {("163", "USA", "IRN")}),
    ("The Iranian embassy was attacked by Iraqi militias.",
     {"Iranian embassy": "IRNGOV", "Iraqi militias": "IRQREB"}, {("190", "IRQREB", "IRNGOV")}),
    ("Russia and China held talks in Beijing on Tuesday.",
     {"Russia": "RUS", "China": "CHN"}, {("046", "RUS", "CHN"), ("046", "CHN", "RUS")}),
    ("Turkey threatened to impose sanctions on Greece.",
     {"Turkey": "TUR", "Greece": "GRC"}, {("1312", "TUR", "GRC")}),
    ("Israel refused to meet Jordan's king.",
     {"Israel": "ISR", "Jordan": "JOR"}, {("125", "ISR", "JOR")}),
    ("If Iraq attacks Kuwait, it will regret it.",
     {"Iraq": "IRQ", "Kuwait": "KWT"}, set()),
    ("France will provide aid to Mali.",
     {"France": "FRA", "Mali": "MLI"}, {("033", "FRA", "MLI")}),
    ("Police arrested dozens of opposition supporters in Caracas.",
     {"Police": "VENPOL", "opposition supporters": "VENOPP"}, {("173", "VENPOL", "VENOPP")}),
    ("The minister said the weather was fine.",
     {"The minister": "RUSGOV"}, set()),
    ("Washington urged Moscow to release the detained journalist.",
     {"Washington": "USAGOV", "Moscow": "RUSGOV"}, {("0253", "USAGOV", "RUSGOV")}),
    ("The Red Cross said Israel must allow more trucks into Gaza.",
     {"Red Cross": "NGO", "Israel": "ISR"}, {("100", "NGO", "ISR")}),
    ("Germany denied the allegations made by Russia.",
     {"Germany": "DEU", "Russia": "RUS"}, {("016", "DEU", "RUS")}),
    ("Rebels kidnapped three foreign aid workers.",
     {"Rebels": "NGAREB", "foreign aid workers": "NGO"}, {("181", "NGAREB", "NGO")}),
]


@pytest.mark.parametrize("text,actors,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_events(coder, stage, text, actors, expected):
    assert triples(code_events(coder, stage, text, actors)) == expected


def test_reported_speech_is_the_speakers_event(coder, stage):
    doc = code_events(coder, stage, "Blinken said Washington had serious concerns about Venezuela's election.",
                      {"Blinken": "USAGOV", "Washington": "USAGOV", "Venezuela": "VEN"})
    assert {(e.root, e.source_code, e.target_code) for e in doc._.events} == {("11", "USAGOV", "VEN")}


@pytest.fixture(scope="module")
def keep_negated_stage(coder):
    resources = dataclasses.replace(coder.resources, settings=coder.resources.settings.with_(keep_negated=True))
    return EventsStage(resources)


NEGATED = [
    "Egypt did not sign the agreement with Israel.",
    "Russia never attacked Ukraine.",
    "Germany refused to attack Libya.",
]


@pytest.mark.parametrize("text", NEGATED)
def test_negated_event_is_left_out_and_traced(coder, stage, text):
    actors = {n: c for n, c in (("Egypt", "EGY"), ("Israel", "ISR"), ("Russia", "RUS"), ("Ukraine", "UKR"),
                                ("Germany", "DEU"), ("Libya", "LBY")) if n in text}
    doc = code_events(coder, stage, text, actors)
    assert not doc._.events
    assert any("negated" in t.message and "not output" in t.message for t in doc._.trace)


@pytest.mark.parametrize("text", NEGATED)
def test_negated_event_is_flagged_with_keep_negated(coder, keep_negated_stage, text):
    actors = {n: c for n, c in (("Egypt", "EGY"), ("Israel", "ISR"), ("Russia", "RUS"), ("Ukraine", "UKR"),
                                ("Germany", "DEU"), ("Libya", "LBY")) if n in text}
    doc = code_events(coder, keep_negated_stage, text, actors)
    assert doc._.events and all(e.negated for e in doc._.events)


def test_fields_come_from_the_cameo_table(coder, stage):
    doc = code_events(coder, stage, "Putin congratulated Maduro on Monday.", {"Putin": "RUSGOV", "Maduro": "VENGOV"})
    (event,) = doc._.events
    assert (event.id, event.root, event.plover, event.goldstein, event.quad_class) == ("E1", "05", "SUPPORT", 3.4, 1)
    assert event.date == MONDAY and not event.background
    assert doc.text[event.trigger[0]:event.trigger[1]] == "congratulated"
    assert event.pattern.startswith("051 ")


@pytest.mark.parametrize("text,date,background", [
    ("Putin congratulated Maduro on Friday.", dt.date(2024, 7, 26), False),
    ("Putin congratulated Maduro yesterday.", dt.date(2024, 7, 28), False),
    ("Putin congratulated Maduro last year.", None, True),
    ("Putin had congratulated Maduro before the vote.", None, True),
    ("Putin congratulated Maduro on March 6, 2024.", dt.date(2024, 3, 6), True),
    ("Putin congratulated Maduro last week.", None, True),
    ("Putin has been courting Maduro.", None, True),
    ("The Kremlin said Putin had congratulated Maduro.", None, False),
])
def test_event_time(coder, stage, text, date, background):
    (event,) = code_events(coder, stage, text, {"Putin": "RUSGOV", "Maduro": "VENGOV"})._.events
    assert (event.date, event.background) == (date, background)


def test_relative_clause_perfect_is_background(coder, stage):
    doc = code_events(coder, stage, "Maduro, who has accused the United States of meddling, spoke on Monday.",
                      {"Maduro": "VENGOV", "United States": "USA"})
    assert [(e.root, e.source_code, e.target_code, e.background) for e in doc._.events] == [("11", "VENGOV", "USA", True)]


def test_direct_quote_takes_the_speaker(coder, stage):
    text = '"We will deepen our cooperation with Venezuela," Peskov said.'
    quote = Quote("Q1", "direct", (1, 48), text[1:48], "A1", "Peskov", (51, 55))
    doc = code_events(coder, stage, text, {"Peskov": "RUSGOV", "Venezuela": "VEN"}, quotes=[quote])
    assert [(e.root, e.source_code, e.target_code, e.quote) for e in doc._.events] == [("03", "RUSGOV", "VEN", "Q1")]


def test_metadata_lines_are_not_coded(coder, stage):
    text = "Putin congratulates Maduro\nPutin congratulated Maduro on Monday."
    doc = code_events(coder, stage, text, {"Putin": "RUSGOV", "Maduro": "VENGOV"}, metadata=[(0, 26)])
    assert [e.trigger[0] >= 27 for e in doc._.events] == [True]


def test_place_of_a_material_event(coder, stage):
    doc = code_events(coder, stage, "Iraqi forces attacked Islamic State fighters in Mosul.",
                      {"Iraqi forces": "IRQMIL", "Islamic State fighters": "IRQREB"})
    (event,) = doc._.events
    assert (event.location.name, event.location.country, event.location.source) == ("Mosul", "IRQ", "text")


def test_trace_says_why_nothing_fired(coder, stage):
    doc = code_events(coder, stage, "The weather in Moscow was fine.", {"Moscow": "RUSGOV"})
    assert not doc._.events
    assert any("no trigger" in t.message for t in doc._.trace)


# General rules of roles and mood (sentence -> expected (code, source, target) triples).
ROLE_CASES = [
    # conjoined actors of a non-joint action act each alone
    ("Pakistan and China rejected the allegations.",
     {"Pakistan": "PAK", "China": "CHN"}, {("120", "PAK", None), ("120", "CHN", None)}),
    # conjoined nationality modifiers: one actor each, a joint agreement both directions
    ("Senior Hungarian and Romanian officials agreed to cooperate.",
     {"Hungarian": "HUNGOV", "Romanian officials": "ROUGOV"},
     {("031", "HUNGOV", "ROUGOV"), ("031", "ROUGOV", "HUNGOV")}),
    # a reduced passive on a noun: the agent acts on the noun
    ("Somali forces backed by Ethiopian troops entered the town.",
     {"Somali forces": "SOMMIL", "Ethiopian troops": "ETHMIL"}, {("062", "ETHMIL", "SOMMIL")}),
    # a reduced passive adverbial: the agent acts on the main clause's subject
    ("The rebels escape to Cameroon when attacked by government troops.",
     {"rebels": "CAFREB", "government troops": "CAFMIL"}, {("190", "CAFMIL", "CAFREB")}),
    # "when asked": a passive without agent has no source
    ("When asked if Russia would deepen cooperation with Venezuela, Peskov smiled.",
     {"Peskov": "RUSGOV", "Russia": "RUS", "Venezuela": "VEN"}, set()),
    # the place of a meeting is not a party to it
    ("Russian and Chinese officials met in Caracas.",
     {"Russian": "RUSGOV", "Chinese officials": "CHNGOV", "Caracas": "VENGOV"},
     {("044", "RUSGOV", "CHNGOV"), ("044", "CHNGOV", "RUSGOV")}),
    # the parser's prepositional "as": the noun phrase before the verb is its subject
    ("Maduro and his rival Edmundo Gonzalez have both claimed victory in the presidential election as "
     "Washington and some other foreign governments cast doubt on official results that gave the incumbent a win.",
     {"Maduro": "VENGOV", "Edmundo Gonzalez": "VENOPP", "Washington": "USAGOV"}, {("111", "USAGOV", None)}),
    # a modal on the conjoined verb: only possible
    ("Trump may overreach and start threatening Iran.", {"Trump": "USAGOV", "Iran": "IRN"}, set()),
    # a possibility under a condition with no actor doing it: no offer
    ("A ceasefire between Russia and Ukraine could take place if the Kremlin agrees.",
     {"Russia": "RUS", "Ukraine": "UKR", "Kremlin": "RUSGOV"}, set()),
    # a gerund after a preposition shares the main clause's subject
    ("In announcing the sanctions on Berisha, Blinken said he was corrupt.",
     {"Blinken": "USAGOV", "Berisha": "ALBOPP"}, {("163", "USAGOV", "ALBOPP")}),
    # a noun a light verb carries through "a series of"
    ("Pyongyang issued a series of warnings to Washington.",
     {"Pyongyang": "PRKGOV", "Washington": "USAGOV"}, {("130", "PRKGOV", "USAGOV")}),
    # a clause on a thing someone made is that someone's
    ("Pyongyang issued a statement demanding that Washington change its stance.",
     {"Pyongyang": "PRKGOV", "Washington": "USAGOV"}, {("104", "PRKGOV", "USAGOV")}),
    # a gerund naming a fight "between" two sides: both directions
    ("Thousands fled after fighting between rebels and government forces.",
     {"rebels": "CAFREB", "government forces": "CAFMIL"}, {("190", "CAFREB", "CAFMIL"), ("190", "CAFMIL", "CAFREB")}),
    # a passive raising verb: its subject is the infinitive's ("is expected to meet")
    ("Rubio is expected to have a meeting with Japanese Foreign Minister Takeshi Iwaya.",
     {"Rubio": "USAGOV", "Takeshi Iwaya": "JPNGOV"}, {("036", "USAGOV", "JPNGOV")}),
    # forces deployed (passive): the forces are the actor
    ("Several hundred government troops were deployed to the villages.",
     {"government troops": "CAFMIL"}, {("154", "CAFMIL", None)}),
    # the source's own forces are no target; the one they go to is
    ("Syria offered its troops to Lebanon's president.",
     {"Syria": "SYR", "its troops": "SYRMIL", "Lebanon": "LBNGOV"}, {("0332", "SYR", "LBNGOV")}),
    # the source's own body owning the object is no target
    ("Turkish Defense Minister Hulusi Akar reiterated Ankara's stance.",
     {"Hulusi Akar": "TURGOV", "Ankara": "TURGOV"}, {("120", "TURGOV", None)}),
    # a demand's target is the subject of what is demanded, not an owner pronoun
    ("Greece demanded that its European Community partners refuse to recognize Macedonia.",
     {"Greece": "GRC", "European Community": "IGO", "Macedonia": "MKD"}, {("100", "GRC", "IGO")}),
    # what a threat is about: the infinitive's object
    ("Iran threatened to shell Iraqi towns.", {"Iran": "IRN", "Iraqi towns": "IRQCVL"}, {("138", "IRN", "IRQCVL")}),
    # a refusal of a demand from someone
    ("Haniyeh refused to respond to a demand from the US President.",
     {"Haniyeh": "PSEGOV", "US President": "USAGOV"}, {("120", "PSEGOV", "USAGOV")}),
    # the target behind the pattern's preposition: "pressure from X"
    ("Buhari refused to succumb to pressure from criminal groups.",
     {"Buhari": "NGAGOV", "criminal groups": "NGAREB"}, {("124", "NGAGOV", "NGAREB")}),
    # an order to one's own forces: the orderer's action, coded by what is ordered
    ("The government has ordered its military to seal the border areas.",
     {"government": "CAFGOV", "its military": "CAFMIL"}, {("191", "CAFGOV", None)}),
    ("President Ruto ordered police to arrest the opposition leaders.",
     {"President Ruto": "KENGOV", "police": "KENPOL", "opposition leaders": "KENOPP"},
     {("173", "KENGOV", "KENOPP")}),
    # an order to another party stays a demand on it
    ("The judge ordered the former president to appear in court.",
     {"The judge": "ARGJUD", "former president": "ARGELI"}, {("100", "ARGJUD", "ARGELI")}),
    # what a consultation is about is no party to it
    ("The G7 foreign ministers discussed China's role in global security.",
     {"G7 foreign ministers": "IGO", "China": "CHN"}, set()),
    ("Serbia demanded a meeting of the Security Council to discuss Croatia's military advance.",
     {"Serbia": "SRB", "Security Council": "IGO", "Croatia": "HRV"}, {("108", "SRB", "IGO")}),
    # a speaker judging an actor's act criticises the actor; unattributed, nobody does
    ('Melanie Joly said, "We will support Ukraine in the face of Russia\'s illegal aggression."',
     {"Melanie Joly": "CANGOV", "Ukraine": "UKR", "Russia": "RUS"},
     {("111", "CANGOV", "RUS"), ("032", "CANGOV", "UKR")}),
    ("The minister said Iran's unprovoked aggression had caused the crisis.",
     {"The minister": "ISRGOV", "Iran": "IRN"}, {("111", "ISRGOV", "IRN")}),
    ("Russia's unprovoked aggression began in 2022.", {"Russia": "RUS"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", ROLE_CASES, ids=[c[0][:40] for c in ROLE_CASES])
def test_roles_and_mood(coder, stage, text, actors, expected):
    assert triples(code_events(coder, stage, text, actors)) == expected


def test_message_addressee_carries_over_the_speakers_next_quotes(coder, stage):
    text = ('"Our relations are strong," Putin said in a message to Maduro. '
            '"We are ready to deepen our cooperation," Putin said.')
    q1 = Quote("Q1", "direct", (1, 26), text[1:26], "A1", "Putin", (28, 33))
    start = text.index("We are")
    end = text.index(',"', start)
    q2 = Quote("Q2", "direct", (start, end), text[start:end], "A1", "Putin", (end + 3, end + 8))
    doc = code_events(coder, stage, text, {"Putin": "RUSGOV", "Maduro": "VENGOV"}, quotes=[q1, q2])
    assert {(e.root, e.source_code, e.target_code, e.quote) for e in doc._.events} == {("03", "RUSGOV", "VENGOV", "Q2")}


CIVILIAN_CASES = [
    # an attack on people or a civilian place: the civilians of the place it happened
    ("Gunmen stormed a hotel in Mogadishu on Tuesday.", {"Gunmen": "SOMREB"}, {("190", "SOMREB", "SOMCVL")}),
    ("Militants attacked a passenger train in Pakistan.", {"Militants": "PAKREB"}, {("190", "PAKREB", "PAKCVL")}),
    # no place named: a domestic attacker's country
    ("The rebels killed more than 10 people.", {"rebels": "SOMREB"}, {("190", "SOMREB", "SOMCVL")}),
    # the place the sentence names elsewhere, not the reporters' place
    ("Two suicide bombers killed 23 people when they blew themselves up in Tel Aviv, officials in Cairo said.",
     {"suicide bombers": "PSEREB"}, {("190", "PSEREB", "ISRCVL")}),
    # "stormed it": the civilian place named before
    ("Gunmen attacked the hotel in Mogadishu and then stormed it.", {"Gunmen": "SOMREB"},
     {("190", "SOMREB", "SOMCVL")}),
    # a named victim is the target; a building that is no civilian place gives none
    ("Rebels attacked an army base.", {"Rebels": "SOMREB"}, {("190", "SOMREB", None)}),
]


@pytest.mark.parametrize("text,actors,expected", CIVILIAN_CASES, ids=[c[0][:40] for c in CIVILIAN_CASES])
def test_implicit_civilian_target(coder, stage, text, actors, expected):
    doc = code_events(coder, stage, text, actors)
    found = triples(doc)
    assert expected <= found
    assert {t for _, _, t in found if t and t.endswith("CVL")} == {t for _, _, t in expected if t and t.endswith("CVL")}
    for actor in doc._.actors:
        if (actor.note or "").startswith("implicit"):
            assert actor.sector == "CVL" and all(doc.text[s:e] for s, e in actor.mentions)


MOOD_CASES = [
    # what one expects of another did not happen
    ("A U.S. general said he is expecting North Korea to launch a missile.",
     {"U.S. general": "USAMIL", "North Korea": "PRK"}, set()),
    # an infinitive chain on a noun: not a fact
    ("Now is not the time for the Security Council to consider offering aid to Iran.",
     {"Security Council": "IGO", "Iran": "IRN"}, set()),
    # an intention is one-way even for a joint action
    ("Turkey will buy Russian aircraft.", {"Turkey": "TUR", "Russian": "RUS"}, {("0311", "TUR", "RUS")}),
    # "no signs that ...": negated, left out
    ("There are no signs that North Korea is talking to the United States.",
     {"North Korea": "PRK", "United States": "USA"}, set()),
    # a participle that tells what an attack did is folded into it
    ("Rebels shelled the town, killing 20 people and wounding dozens.",
     {"Rebels": "SDNREB"}, {("194", "SDNREB", "SDNCVL")}),
    # taking hostages is an act of its own
    ("Militants attacked a train in Pakistan, taking many hostages.",
     {"Militants": "PAKREB"}, {("190", "PAKREB", "PAKCVL"), ("181", "PAKREB", "PAKCVL")}),
    # a clause under "no signs that" is negated
    ('"I see no signs that the North Koreans are interested in talking to the U.S.," said an expert.',
     {"North Koreans": "PRK", "U.S.": "USA"}, set()),
    # a future that commentators predict is nobody's announced intention ...
    ("Experts think North Korea will increase threats against the United States.",
     {"North Korea": "PRK", "United States": "USA"}, set()),
    # ... but an official statement announces one
    ("Finland will give Tanzania a grant, a statement issued by the ministry of finance said.",
     {"Finland": "FIN", "Tanzania": "TZA", "ministry of finance": "FINGOV"}, {("033", "FIN", "TZA")}),
    # a material noun reported by a speaker is not the speaker's act
    ("The U.N. says fighting in the region has forced thousands to flee.", {"U.N.": "IGO"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", MOOD_CASES, ids=[c[0][:40] for c in MOOD_CASES])
def test_mood_and_consequences(coder, stage, text, actors, expected):
    assert triples(code_events(coder, stage, text, actors)) == expected


def test_implicit_civilians_keep_the_contract(coder):
    from wirecoder.contract import validate
    coded = coder.code(Article(text="Militants attacked a passenger train in Pakistan on Tuesday, killing 20 people.",
                               published=MONDAY))
    validate(coded.to_dict())
    assert any(e.target_code == "PAKCVL" for e in coded.events)


def test_a_response_targets_who_made_the_earlier_request(coder, stage):
    text = "Kim Jong Un asked Donald Trump for sanctions relief. Trump denied the request."
    doc = code_events(coder, stage, text, {"Kim Jong Un": "PRKGOV", "Donald Trump": "USAGOV", "Trump": "USAGOV"})
    assert ("120", "USAGOV", "PRKGOV") in triples(doc)


def test_a_response_to_a_named_request_keeps_its_own_target(coder, stage):
    text = "Kim Jong Un asked Donald Trump for sanctions relief. Trump denied the Chinese request."
    doc = code_events(coder, stage, text, {"Kim Jong Un": "PRKGOV", "Donald Trump": "USAGOV", "Trump": "USAGOV"})
    assert ("120", "USAGOV", "PRKGOV") not in triples(doc)


# Classes found on unseen VOA stories (round 2): going back is no release, a natural force or the
# general public is no actor, a bare warning or appeal needs a target actor.
UNSEEN_CASES = [
    ("Ukrainian troops returned fire, the army said.",
     {"Ukrainian troops": "UKRMIL"}, {("193", "UKRMIL", None)}),
    ("Western companies will quickly return to Russia if sanctions are lifted.",
     {"Western companies": "WSTBUS", "Russia": "RUS"}, set()),
    ("The Russian president returned to Moscow.", {"The Russian president": "RUSGOV", "Moscow": "RUS"}, set()),
    ("Russia returned 20 children to Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"}, {("084", "RUS", "UKR")}),
    ("Malawi was struck by Cyclone Chido in December.", {"Malawi": "MWI"}, set()),
    ("Australian officials warn the fire is simply too big to put out.", {"Australian officials": "AUSGOV"}, set()),
    ("Russia warned Ukraine of consequences.", {"Russia": "RUS", "Ukraine": "UKR"}, {("130", "RUS", "UKR")}),
    ("Health minister Badmus urged people to seek medical attention.", {"Health minister Badmus": "NGAGOV"}, set()),
    ("Amirov, an Iranian agent, pleaded not guilty.", {"Amirov": "IRN"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", UNSEEN_CASES, ids=[c[0][:40] for c in UNSEEN_CASES])
def test_unseen_news_classes(coder, stage, text, actors, expected):
    assert triples(code_events(coder, stage, text, actors)) == expected


HISTORY_CASES = [
    ("In 1979 Chinese troops attacked Vietnam.", {"Chinese troops": "CHNMIL", "Vietnam": "VNM"}, True),
    ("Russia annexed the region from China in the 19th century.", {"Russia": "RUS", "China": "CHN"}, True),
    ("Chinese troops attacked Vietnam on Sunday.", {"Chinese troops": "CHNMIL", "Vietnam": "VNM"}, False),
]


@pytest.mark.parametrize("text,actors,background", HISTORY_CASES, ids=[c[0][:40] for c in HISTORY_CASES])
def test_history_is_background(coder, stage, text, actors, background):
    events = code_events(coder, stage, text, actors)._.events
    assert events and all(e.background == background for e in events)
    assert background is False or all(e.date is None for e in events)
