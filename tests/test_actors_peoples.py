"""Peoples and ethnic or national groups not named after a state (data/knowledge/peoples.tsv):
"the Rohingya", "Uyghurs", "Kurds" are a group of the country they belong to (civilians unless
a role says more: "Rohingya refugees" REF); a people of several countries takes the place after
it or the story's country; a people living abroad is no evidence of the story's country.
Invented sentences, other names than any story."""
from __future__ import annotations

import datetime

import pytest

from wirecoder.records import Article


def _coded(coder, text, knowledge_coder=None):
    return (knowledge_coder or coder).code(Article(text=text, source="t", published=datetime.date(2025, 3, 12)))


def _mentions(coded, text):
    return {text[s:e]: a.code for a in coded.actors for s, e in a.mentions}


MENTIONS = [
    # one homeland: its country, civilians or the role's sector
    ("one-homeland", "Malaysia detained 60 Rohingya off the coast of Langkawi.", "Rohingya", "MMRCVL"),
    ("people-modifier", "Hundreds of Rohingya refugees marched in Dhaka on Sunday.", "Rohingya refugees", "MMRREF"),
    ("spelling-variant", "Kazakhstan returned 12 Uighurs to Beijing last week.", "Uighurs", "CHNCVL"),
    # several homelands: the place after it, else the story's country
    ("several-place", "Kurds in Iran staged a strike against the government.", "Kurds", "IRNCVL"),
    ("several-story", "Fighting spread across northern Syria on Monday. Kurds fled the shelling.",
     "Kurds", "SYRCVL"),
    # a people abroad does not move the story's country: the police are Thailand's
    ("abroad-no-context", "Twenty Uyghurs remain in custody in Thailand. Officials say the Uyghurs fear "
     "deportation.", "Officials", "THAGOV"),
]


@pytest.mark.parametrize("name,text,mention,code", MENTIONS, ids=[m[0] for m in MENTIONS])
def test_people_mention(coder, name, text, mention, code):
    got = _mentions(_coded(coder, text), text)
    assert got.get(mention) == code, got


EVENTS = [
    ("people-source", "Many Tibetans criticized the Nepalese government over the deportations.", "111", "CHNCVL", "NPLGOV"),
    ("people-target", "Myanmar's army expelled thousands of Rohingya in 2017.", "166", "MMRMIL", "MMRCVL"),
]


@pytest.mark.parametrize("name,text,cameo,source,target", EVENTS, ids=[e[0] for e in EVENTS])
def test_people_event(coder, name, text, cameo, source, target):
    coded = _coded(coder, text)
    got = {(e.cameo, e.source_code, e.target_code) for e in coded.events}
    assert any(c.startswith(cameo) and s == source and t == target for c, s, t in got), got


def test_user_file_adds_a_people(tmp_path):
    """A user adds a people with ``kind: people`` in a knowledge file."""
    from wirecoder import Coder
    from wirecoder.settings import Settings
    extra = tmp_path / "peoples.yaml"
    extra.write_text("- name: Ogoni\n  code: NGACVL\n  kind: people\n", encoding="utf-8")
    coder = Coder(Settings(knowledge_files=(extra,)))
    text = "Ogoni protesters blocked the oil terminal near Bori on Monday."
    got = _mentions(coder.code(Article(text=text, source="t", published=datetime.date(2025, 3, 12))), text)
    assert got.get("Ogoni protesters") == "NGACVL", got


def test_people_in_apposition_is_no_body(coder):
    """", an ethnic Tibetan living in India,": the person's people is not a body that codes the
    person as its member (as ", a researcher at Human Rights Watch," would)."""
    text = "Tenzin Dorje, an ethnic Tibetan living in India, criticized the decision."
    assert _mentions(_coded(coder, text), text).get("Tenzin Dorje") != "CHNCVL"
