"""Responses whose target the text told only in an earlier sentence ("X demanded A. Y refused"):
invented sentences. Each row: text -> the coded (CAMEO prefix, source, target) that must (or must
not) be among the events."""
from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.records import Article


def events(coder, text):
    coded = coder.code(Article(text=text, published=dt.date(2024, 5, 3)))
    return {(e.cameo, e.source_code, e.target_code) for e in coded.events}


def has(found, cameo, source, target):
    return any(c.startswith(cameo) and s == source and t == target for c, s, t in found)


ANSWERED = [
    ("refused-demand",
     "Opposition leaders in Kenya demanded that the government hold new elections. The Kenyan "
     "government refused.", "12", "KENGOV", "KENOPP"),
    ("refused-call",
     "Thai protesters called on the Thai government to resign. The government refused, saying it "
     "had a mandate.", "12", "THAGOV", "THACVL"),
    ("denied-it",
     "The United States accused Iran of attacking tankers. Iran denied it.", "12", "IRN", "USA"),
    ("refused-urging",
     "Lawmakers in Peru urged President Boluarte to resign. She refused.", "12", "PERGOV", "PERLEG"),
    ("not-succumb-to-threat",
     "The United States threatened Iran with new sanctions. Iran said it would not succumb to "
     "pressure.", "12", "IRN", "USA"),
    ("defied-the-warning",
     "Turkey warned Greece over the drilling. Greece defied the warning.", "12", "GRC", "TUR"),
    ("rejected-it-two-back",
     "Brazil accused Argentina of dumping steel. The claim came after months of talks. Argentina "
     "rejected it.", "12", "ARG", "BRA"),
]


@pytest.mark.parametrize("name,text,cameo,source,target", ANSWERED, ids=[c[0] for c in ANSWERED])
def test_response_answers_the_earlier_event(coder, name, text, cameo, source, target):
    found = events(coder, text)
    assert has(found, cameo, source, target), found


NOT_ANSWERED = [
    # the responder is not the target of the earlier event
    ("not-the-target",
     "Opposition leaders in Kenya demanded that the police free the detainees. The Kenyan "
     "government refused.", "12", "KENGOV", "KENOPP"),
    # the earlier event is more than two sentences back
    ("too-far",
     "The United States accused Iran of attacking tankers. Oil prices rose on Tuesday. Markets in "
     "Asia fell. Traders were nervous. Iran denied it.", "12", "IRN", "USA"),
    # an object that names something else is no answer to the earlier event
    ("object-named",
     "The United States accused Iran of attacking tankers. Iran rejected a Japanese plan for talks.",
     "12", "IRN", "USA"),
]


@pytest.mark.parametrize("name,text,cameo,source,target", NOT_ANSWERED, ids=[c[0] for c in NOT_ANSWERED])
def test_response_without_answered_event_keeps_no_target(coder, name, text, cameo, source, target):
    found = events(coder, text)
    assert not has(found, cameo, source, target), found


def test_response_verbs_file_is_checked(tmp_path):
    from wirecoder.errors import KnowledgeError
    from wirecoder.stages.event_answers import load_response_verbs
    bad = tmp_path / "responses.yaml"
    bad.write_text("refuse: {roots: ['10'], role: victim}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="responses.yaml"):
        load_response_verbs(bad)
