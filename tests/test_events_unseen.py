"""Rules found by judging events on unseen VOA news: each row is a class of news language."""
from __future__ import annotations

import pytest

from test_events import code_events, stage, triples  # noqa: F401  (the module's stage fixture)

CASES = [
    # one-sided intentions of conjoined actors are not made to each other
    ("Australia, Canada and the United States all offered to resettle the refugees.",
     {"Australia": "AUS", "Canada": "CAN", "United States": "USA"},
     {("030", "AUS", None), ("030", "CAN", None), ("030", "USA", None)}),
    ("Germany and France pledged to help the refugees.",
     {"Germany": "DEU", "France": "FRA"}, {("033", "DEU", None), ("033", "FRA", None)}),
    # a joint intention still goes both ways
    ("Russia and China agreed to deepen cooperation.",
     {"Russia": "RUS", "China": "CHN"}, {("030", "RUS", "CHN"), ("030", "CHN", "RUS")}),
    # a trip with no host actor is travel, not a visit
    ("The Afghan security forces also arrived at the site.",
     {"Afghan security forces": "AFGPOL"}, set()),
    ("Seventy passengers had arrived at the train station on Tuesday.",
     {"passengers": "PAKCVL"}, set()),
    # a visit to a host is still a visit
    ("The Iraqi president visited Jordan on Monday.",
     {"Iraqi president": "IRQGOV", "Jordan": "JOR"}, {("042", "IRQGOV", "JOR")}),
    # offering evidence, details or comment is no offer of cooperation
    ("The Taliban spokesman offered no evidence for his claims.",
     {"Taliban spokesman": "AFGREB"}, set()),
    ("The ministry offered few details about the plan.",
     {"ministry": "AFGGOV"}, set()),
]


@pytest.mark.parametrize("text,actors,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_unseen_news_rules(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


def test_agent_noun_is_no_event(coder, stage):  # noqa: F811
    # "suicide bombers" names the actor; the act is the verb ("were holding hostages": 181)
    text = "Security sources said suicide bombers were holding hostages in three places."
    found = triples(code_events(coder, stage, text, {"suicide bombers": "PAKREB", "hostages": "PAKCVL"}))
    assert "1831" not in {c for c, _, _ in found}
    assert ("181", "PAKREB", "PAKCVL") in found


ROUND4_CASES = [
    # the victims' own side reporting its losses is not their attacker
    ("Two soldiers were wounded in the blast, the Pakistani army said.",
     {"soldiers": "PAKMIL", "Pakistani army": "PAKMIL"}, set()),
    # a negative determiner or pronoun on the subject negates the event
    ("Pakistani police said no passengers were killed in the explosion.",
     {"Pakistani police": "PAKPOL", "passengers": "PAKCVL"}, set()),
    ("None of the Afghan soldiers were wounded in the clash.", {"Afghan soldiers": "AFGMIL"}, set()),
    # talks with or an investigation by the news media is journalism, not politics
    ("The Afghan minister spoke with VOA on Sunday.", {"Afghan minister": "AFGGOV", "VOA": "USAMED"}, set()),
    ("VOA examined satellite images of the Chinese base.", {"VOA": "USAMED", "Chinese base": "CHNMIL"}, set()),
    # ... while talks between political actors stay events
    ("The Afghan minister met with Pakistani officials on Sunday.",
     {"Afghan minister": "AFGGOV", "Pakistani officials": "PAKGOV"},
     {("044", "AFGGOV", "PAKGOV"), ("044", "PAKGOV", "AFGGOV")}),
]


@pytest.mark.parametrize("text,actors,expected", ROUND4_CASES, ids=[c[0][:40] for c in ROUND4_CASES])
def test_unseen_news_round4(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected


ROUND5_CASES = [
    # refusing a reporter's question is not a political refusal
    ("An ICE spokesperson declined comment on the detainees.", {"ICE spokesperson": "USAPOL"}, set()),
    ("The ministry declined to comment.", {"ministry": "IRNGOV"}, set()),
    ("The ministry declined a request for comment.", {"ministry": "IRNGOV"}, set()),
    ("The ministry refused to respond to questions about the prisoners.", {"ministry": "IRNGOV"}, set()),
    # refusing a request, a meeting or a talk is still a refusal
    ("Trump denied the request from Kim.", {"Trump": "USAGOV", "Kim": "PRKGOV"}, {("120", "USAGOV", "PRKGOV")}),
    ("Kenya refused to attend the hearing.", {"Kenya": "KEN"}, {("120", "KEN", None)}),
    # a figure that changed is no act
    ("The number of refugees in Dadaab declined to 230,000 after the agreement.",
     {"refugees": "KENREF"}, set()),
    ("Putin stood by Maduro, 61, an ally.", {"Putin": "RUSGOV", "Maduro": "VENGOV"},
     {("052", "RUSGOV", "VENGOV")}),
]


@pytest.mark.parametrize("text,actors,expected", ROUND5_CASES, ids=[c[0][:40] for c in ROUND5_CASES])
def test_unseen_news_round5(coder, stage, text, actors, expected):  # noqa: F811
    assert triples(code_events(coder, stage, text, actors)) == expected
