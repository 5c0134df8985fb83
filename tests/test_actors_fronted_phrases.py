"""A phrase fronted between a name and its verb (", after a meeting with X,", ", in a statement,")
is no apposition: it never gives the person a title; people *from* a body or country take its
code ("representatives from Human Rights Watch" NGO, "officials from Chad" TCDGOV).
Invented sentences."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article


def _coded(coder, text):
    return coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))


def _mentions(coded, text):
    return {text[s:e]: a.code for a in coded.actors for s, e in a.mentions}


@pytest.mark.parametrize("text,mention,code", [
    ("Ghana's President John Mahama, after a meeting with envoys from Amnesty International, told "
     "reporters he would act.", "President John Mahama", "GHAGOV"),
    ("Peru's President Dina Boluarte, in a speech to the European Union, said the talks would go on.",
     "President Dina Boluarte", "PERGOV"),
    # ", of the X," still names the person's body
    ("Rahim Sultan, of the Norwegian Refugee Council, said the camps were full.", "Rahim Sultan", "NGO"),
    ("The minister met representatives from Doctors Without Borders on Monday.", "representatives", "NGO"),
    ("Officials from Chad met the Sudanese army chief in Khartoum.", "Officials", "TCDGOV"),
])
def test_fronted_phrase_and_from(coder, text, mention, code):
    assert _mentions(_coded(coder, text), text).get(mention) == code


def test_meeting_in_fronted_phrase_is_the_subjects(coder):
    text = ("Ghana's President John Mahama, after a meeting with representatives from Amnesty International, "
            "told reporters he would act.")
    got = {(e.cameo[:2], e.source_code, e.target_code) for e in _coded(coder, text).events}
    assert ("04", "GHAGOV", "NGO") in got, got
